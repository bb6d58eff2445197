/// TL002: every model named is one the catalog knows, so its tier can be judged.
public struct UnknownModelRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "unknown-model",
        code: "TL002",
        defaultSeverity: .error,
        summary: "A ticket or agent names a model the catalog does not know.",
        explanation: """
            tierlint can only hold a model to the policy when it knows the model's tier. A name \
            the catalog does not know is usually a typo (`sonet`, `claude-opus-4.6.1`) that the \
            agent tool would also reject, or a new model the catalog has not caught up with.

            Names match ignoring case, backticks, emphasis and decorations; spaces, dots and \
            underscores count as hyphens; provider prefixes (`anthropic/`), Bedrock and Vertex \
            wrappers, context suffixes (`[1m]`) and date suffixes are understood. The message \
            names the closest known name. For a model tierlint does not know yet, add it to \
            `models:` in .tierlint.yml with its tier.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 4.1 | Create sessions table | ↓haiku-fast |
                | 4.2 | Implement SessionService | ↓sonet |
                """),
            Example(".opencode/agent/review.md", """
                ---
                description: Reviews code
                model: ↓anthropic/claude-sonet-4-5
                ---
                """),
            Example(".claude/agents/counter.md", """
                ---
                model: ↓3
                ---
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 4.1 | Create sessions table | **Haiku** |
                | 4.2 | Implement SessionService | `claude-sonnet-4-5-20250929` |
                | 4.3 | Design session state machine | Claude Opus 4.6 |
                | 4.4 | Research caching options | opus[1m] |
                """),
            Example(".opencode/agent/review.md", """
                ---
                description: Reviews code
                model: anthropic/claude-sonnet-4-5
                ---
                """),
            Example(".claude/agents/local.md", """
                ---
                model: my-local-llm
                ---
                """, configuration: "models:\n  - name: my-local-llm\n    tier: haiku\n"),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for assignment in context.assignments {
            switch assignment.model.state {
            case .missing:
                continue
            case .invalid(let reason):
                findings.append(assignment.finding(description, message: "\(assignment.subject): \(reason)"))
            case .named(let names):
                for name in names {
                    guard case .unknown(let closest) = name.resolution else { continue }
                    let hint = closest.map { "did you mean \($0)?" }
                        ?? "if it is a new model, add it to `models:` in .tierlint.yml with its tier"
                    findings.append(assignment.finding(
                        description,
                        message: "\(assignment.subject) names unknown model \"\(name.written)\"; \(hint)",
                        suggestion: closest))
                }
            }
        }
        return findings
    }
}
