/// TL013: a ticket or agent carries seed 001's complexity assessment, and its model is not on
/// the tier the score implies.
public struct ComplexityTierRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "complexity-tier",
        code: "TL013",
        defaultSeverity: .warning,
        summary: "A ticket or agent's complexity score implies another tier than its model's.",
        explanation: """
            Seed 001 scores a task on three questions, each low (1), medium (2) or high (3): \
            does it need multi-step reasoning, does it involve judgement, what does getting it \
            wrong cost. The sum implies the tier: 3-4 haiku, 5-6 sonnet, 7-9 opus. A team that \
            writes the score down and then picks another model has a score or a model to fix.

            The score is read from Reasoning (Multi-step Reasoning), Judgement (Subjective \
            Judgement) and Risk (Cost of Being Wrong) columns, or a Complexity (Complexity \
            Score) total column holding 3-9 (`7`, `2+3+2`), or an agent's `complexity:` \
            frontmatter (a total, `{total: 7}`, a list of three, or `{reasoning, judgement, \
            risk}`). A bare Score column is not read: story points, RICE and ICE tables call \
            theirs so. A score that is not 1-3 (or low, medium, high), and a `complexity:` that \
            is not the assessment (`high`, `12`), are reported too. Security work is left to \
            security-tier. Column names are set under `rules.complexity-tier`.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Reasoning | Judgement | Risk | Model |
                |---|--------|-----------|-----------|------|-------|
                | 1 | Choose the cache topology | 3 | 3 | 2 | ↓sonnet |
                | 2 | Rename the cache keys | 1 | 1 | 1 | ↓sonnet |
                | 3 | Tune cache timeouts | ↓5 | 1 | 1 | sonnet |
                | 4 | Tune cache sizes | ↓2 |  | 1 | sonnet |
                """),
            Example(".claude/agents/triage.md", """
                ---
                name: triage
                complexity: {reasoning: 1, judgement: 1, risk: 2}
                model: ↓opus
                ---
                """),
            Example(".claude/agents/planner.md", """
                ---
                name: planner
                complexity: {total: 8}
                model: ↓sonnet
                ---
                """),
            Example(".claude/agents/router.md", """
                ---
                name: router
                complexity: ↓12
                model: sonnet
                ---
                """),
            Example("docs/backlog.md", """
                | # | Ticket | Multi-step reasoning | Subjective judgment | Cost of being wrong | Model |
                |---|--------|---|---|---|-------|
                | 1 | Choose the cache topology | 3 | 3 | 2 | ↓sonnet |
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Complexity | Model |
                |---|--------|------------|-------|
                | 1 | Choose the cache topology | 8 | opus |
                | 2 | Rename the cache keys | 1+1+1 | haiku |
                | 3 | Tune cache timeouts | 5 | sonnet |
                """),
            Example("docs/backlog.md", """
                | # | Ticket | Score | Model |
                |---|--------|-------|-------|
                | 1 | Choose the cache topology | 8 | sonnet |
                """),
            Example(".claude/agents/triage.md", """
                ---
                name: triage
                complexity: [1, 2, 2]
                model: sonnet
                ---
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        let policy = context.configuration.complexity
        return context.assignments.compactMap { assignment in
            guard let score = context.complexity(assignment) else { return nil }
            if case .invalid(let reason) = score.value {
                var finding = assignment.finding(description, message: "\(assignment.describedSubject) has an unreadable complexity score: \(reason)")
                finding.line = score.line
                finding.column = score.column
                return finding
            }
            guard let tier = assignment.model.effectiveTier, let implied = score.impliedTier(policy, catalog: context.catalog),
                  tier != implied, !context.isSecurityWork(assignment), let total = score.total else { return nil }
            let written = if case .scores(let scores) = score.value { scores.map(String.init).joined(separator: "+") + " = \(total)" } else { "\(total)" }
            return assignment.finding(
                description,
                message: "\(assignment.describedSubject) scores \(written) on seed 001's complexity assessment, which "
                    + "means \(implied.name), but it is on \(tier.name)",
                suggestion: implied.name)
        }
    }
}
