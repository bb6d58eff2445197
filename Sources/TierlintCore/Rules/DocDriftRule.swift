/// TL015: documentation states an agent's model, and the agent's own definition disagrees.
public struct DocDriftRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "doc-drift",
        code: "TL015",
        defaultSeverity: .warning,
        summary: "A documentation table states a model for an agent that its definition does not use.",
        explanation: """
            Agent catalogues and READMEs list each agent with its model. When an agent file \\
            moves to another model and the page is not updated, readers choose agents, and \\
            budget them, on a model that no longer runs: in one public plugin marketplace of \\
            about 200 agents, the reference page disagreed with the agent files on roughly 40% \\
            of its rows.

            A table with an Agent (or Name) column and a Model column, outside backlogs, is read \\
            as documentation; each row that links to an agent file, or names an agent, is \\
            compared by tier with that agent's definition. The agent columns are set under \\
            `rules.doc-drift.agent-columns`. In a pre-commit check, a changed page is compared \\
            with every agent; a changed agent is compared with its pages by CI (`--rev`).
            """,
        triggeringExamples: [
            Example(files: [
                (".claude/agents/code-reviewer.md", "---\nname: code-reviewer\nmodel: sonnet\n---\n"),
                ("docs/agents.md", """
                    | Agent | Model | Use for |
                    |-------|-------|---------|
                    | [code-reviewer](../.claude/agents/code-reviewer.md) | ↓opus | Pull request review |
                    """),
            ]),
        ],
        nonTriggeringExamples: [
            Example(files: [
                (".claude/agents/code-reviewer.md", "---\nname: code-reviewer\nmodel: claude-sonnet-4-5\n---\n"),
                ("docs/agents.md", """
                    | Agent | Model | Use for |
                    |-------|-------|---------|
                    | code-reviewer | Sonnet | Pull request review |
                    | someone-elses-agent | opus | Not defined here |
                    """),
            ]),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        let agents = context.allAgents.filter { $0.kind == .agent }
        return context.references.compactMap { reference in
            let linked = reference.linkedPath.flatMap { path in agents.first { $0.path == path } }
            let named = agents.first { $0.name.lowercased() == reference.name.lowercased() }
            guard let agent = linked ?? named, let stated = reference.model.effectiveTier,
                  let actual = agent.model.effectiveTier, stated != actual else { return nil }
            return Finding(
                rule: description.identity, severity: description.defaultSeverity, path: reference.path,
                line: reference.model.line, column: reference.model.column,
                message: "the documentation says agent \(agent.name) runs on \(stated.name), but \(agent.path) sets "
                    + "\(actual.name); update the page or the agent",
                subject: "agent \(agent.name)", suggestion: actual.name)
        }
    }
}
