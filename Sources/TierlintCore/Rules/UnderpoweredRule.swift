/// TL007: work that matches a reasoning-tier pattern sits on a lower tier (seed 000: "Haiku Can
/// Do It"; seed 002: judgement about what to build belongs on the reasoning tier).
public struct UnderpoweredRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "underpowered",
        code: "TL007",
        defaultSeverity: .warning,
        summary: "Work that needs a more capable tier is assigned a cheaper one.",
        explanation: """
            Design and architecture, debugging, research, complex state machines and business \
            logic need more capability than the cheap tiers have: "multiple retries and fixes \
            cost more than sonnet once" (seed 000), and judgement about what to build belongs \
            on the reasoning tier (seed 002's decision test). Under coding-heavy (seed 003), \
            code generation and refactors belong on opus.

            A ticket is read by its title. A match that does not start the title names what the \
            work touches rather than the work, so a more demanding pattern anywhere in the title \
            outranks it ("Add config validation with business logic" is business logic). An \
            agent is read by the head of its name (its last word: `docs-architect` is an \
            architect, `config-doctor` no kind of config work), then its role, then the first \
            clause of its description; a more demanding pattern anywhere in its name, role or \
            description outranks a cheaper one ("Plans complex zero-downtime migrations"), and \
            a lone word of one (architecture, designer) leaves the agent unjudged. The kinds of work and their tiers are the preset's \
            `patterns:`; the message names the pattern and the tier it needs. Security work \
            (see security-tier) and work with a complexity assessment (see complexity-tier) \
            are left to those rules.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 3.1 | Design notification architecture | ↓sonnet |
                | 3.2 | Implement order state machine | ↓haiku |
                | 3.3 | Implement NotificationService | ↓haiku |
                | 3.4 | Multi-file refactor of the reports module | ↓sonnet |
                """),
            Example(".claude/agents/architect.md", """
                ---
                name: architect
                description: Evaluates design trade-offs and recommends architecture patterns.
                model: ↓haiku
                ---
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 3.1 | Design notification architecture | opus |
                | 3.2 | Write NotificationService tests | haiku |
                | 3.3 | Add notification config | haiku |
                | 3.4 | Research push providers | opus |
                """),
            Example(".claude/agents/code-reviewer.md", """
                ---
                name: code-reviewer
                description: Reviews pull requests; assesses architectural fit.
                model: sonnet
                ---
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        context.assignments.compactMap { assignment in
            guard let tier = assignment.model.effectiveTier, !context.isSecurityWork(assignment),
                  context.complexity(assignment)?.total == nil,
                  let match = context.patternMatch(assignment),
                  let minimum = match.pattern.minimum.flatMap(context.catalog.tier(named:)), tier < minimum
            else { return nil }
            let suggestion = context.catalog.tier(named: match.pattern.suggested).map { max($0, minimum) } ?? minimum
            let why = [match.pattern.source, match.pattern.reason].filter { !$0.isEmpty }.joined(separator: ": ")
            return assignment.finding(
                description,
                message: "\(assignment.describedSubject) is on \(tier.name), but \"\(match.pattern.name)\" work needs "
                    + "\(minimum.name) or above\(why.isEmpty ? "" : " (\(why))")",
                suggestion: suggestion.name)
        }
    }
}
