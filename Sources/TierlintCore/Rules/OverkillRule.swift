/// TL006: work that matches an execution-tier pattern sits on a higher tier (seed 000: "Just Use
/// Opus for Everything"; seed 001: "The Opus Overkill Tax").
public struct OverkillRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "overkill",
        code: "TL006",
        defaultSeverity: .warning,
        summary: "Work that a cheaper tier does well is assigned a more expensive one.",
        explanation: """
            Migrations, seed data, config files, boilerplate, linting and formatting follow a \
            pattern; a cheaper model does them as well, faster, at a fraction of the cost (seed \
            000: "10x cost for marginal improvement on simple tasks"). Under the containment \
            preset (seed 002) an implementation ticket above the execution tier is reported too: \
            a reasoning model given a scoped ticket reinterprets it and drifts in scope.

            A ticket is read by its title. A match that does not start the title names what the \
            work touches rather than the work, so a more demanding pattern anywhere in the title \
            outranks it ("Add config validation with business logic" is business logic). An \
            agent is read by the head of its name (its last word: `docs-architect` is an \
            architect, `config-doctor` no kind of config work), then its role, then the first \
            clause of its description; a more demanding pattern anywhere in its name, role or \
            description outranks a cheaper one ("Plans complex zero-downtime migrations"), and \
            a lone word of one (architecture, designer) leaves the agent unjudged. The kinds of work and their tiers are the preset's \
            `patterns:` (`tierlint init` lists them); the message names the pattern that \
            matched and the tier to use. Security work (see security-tier) and work with a \
            complexity assessment (see complexity-tier) are left to those rules.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 4.1 | Create sessions table | ↓opus |
                | 4.2 | Create session seed data | ↓sonnet |
                | 4.3 | Add session config | ↓opus |
                """),
            Example(".claude/agents/style-enforcer.md", """
                ---
                name: style-enforcer
                description: Checks code against the style guide.
                model: ↓opus
                ---
                """),
            Example(files: [
                (".claude/agents/api-documenter.md", "---\nname: api-documenter\ndescription: Writes OpenAPI specs and guides.\nmodel: ↓opus\n---\n"),
                (".claude/agents/test-runner.md", "---\nname: test-runner\ndescription: Run tests and analyze results.\nmodel: ↓opus\n---\n"),
            ]),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 4.1 | Create sessions table | haiku |
                | 4.3 | Implement SessionService | sonnet |
                | 4.10 | Implement session state machine | opus |
                | 4.17 | Design session analytics | opus |
                | 4.18 | Document session API | haiku |
                """),
            Example(".claude/agents/test-engineer.md", """
                ---
                name: test-engineer
                description: Generates and executes unit tests
                model: haiku
                ---
                """),
            Example(files: [
                (".claude/agents/docs-architect.md", """
                    ---
                    name: docs-architect
                    description: Creates comprehensive technical documentation, analyzing architecture and design patterns.
                    model: opus
                    ---
                    """),
                (".claude/agents/config-doctor.md", """
                    ---
                    name: config-doctor
                    description: Diagnoses why a service's configuration misbehaves across environments.
                    model: opus
                    ---
                    """),
                (".claude/agents/seed-data-designer.md", "---\nname: seed-data-designer\nmodel: opus\n---\n"),
                (".claude/agents/database-migration.md", """
                    ---
                    name: database-migration
                    description: Runs database migrations with zero downtime across sharded clusters.<example>user: add a column</example>
                    model: opus
                    ---
                    """),
            ]),
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 1 | Add config validation with schema inference and business logic | sonnet |
                | 2 | Create pricing table component | sonnet |
                | 3 | Add column sorting to orders grid | sonnet |
                | 4 | Document architecture decisions (ADR) for event bus | opus |
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        context.assignments.compactMap { assignment in
            guard let tier = assignment.model.effectiveTier, !context.isSecurityWork(assignment),
                  context.complexity(assignment)?.total == nil,
                  let match = context.patternMatch(assignment),
                  let maximum = match.pattern.maximum.flatMap(context.catalog.tier(named:)), tier > maximum
            else { return nil }
            let suggestion = context.catalog.tier(named: match.pattern.suggested).map { min($0, maximum) } ?? maximum
            let why = [match.pattern.source, match.pattern.reason].filter { !$0.isEmpty }.joined(separator: ": ")
            return assignment.finding(
                description,
                message: "\(assignment.describedSubject) is on \(tier.name), but \"\(match.pattern.name)\" work needs no more "
                    + "than \(maximum.name)\(why.isEmpty ? "" : " (\(why))")",
                suggestion: suggestion.name)
        }
    }
}
