/// TL015: documentation states an agent's model, and the agent's own definition disagrees.
public struct DocDriftRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "doc-drift",
        code: "TL015",
        defaultSeverity: .warning,
        summary: "A documentation table states a model for an agent that its definition does not use.",
        explanation: """
            Agent catalogues and READMEs list each agent with its model. When an agent file \
            moves to another model and the page is not updated, readers choose agents, and \
            budget them, on a model that no longer runs: in one public plugin marketplace of \
            about 200 agents, the reference page disagreed with the agent files on roughly 40% \
            of its rows.

            A table with an Agent (or Name) column and a Model column, outside backlogs, is read \
            as documentation. Each row that links to an agent file, or names an agent, is \
            compared by tier with that agent's definition. A name matches however it is \
            written: case, spaces or underscores for hyphens, backticks and a `.md` do not \
            matter ("Code Reviewer", "`code-reviewer`" and "code-reviewer.md" are \
            code-reviewer), but only the whole name does; a row that states a tier for an agent \
            that inherits its caller's model is drift too, and so is a link to an agent file \
            that does not exist. A name that several agents share is compared with the one \
            nearest the page, when their tiers differ. In a pre-commit check, a changed page is \
            compared with every agent, and a changed agent with the pages that name it. The \
            agent columns are set under `rules.doc-drift.agent-columns`.
            """,
        triggeringExamples: [
            Example(files: [
                (".claude/agents/code-reviewer.md", "---\nname: code-reviewer\nmodel: sonnet\n---\n"),
                (".claude/agents/helper.md", "---\nname: helper\nmodel: inherit\n---\n"),
                ("docs/agents.md", """
                    | Agent | Model | Use for |
                    |-------|-------|---------|
                    | [code-reviewer](../.claude/agents/code-reviewer.md) | ↓opus | Pull request review |
                    | helper | ↓haiku | Odd jobs |
                    | Code Reviewer | ↓haiku | Named in prose |
                    | `code_reviewer` | ↓haiku | Named in code |
                    | code-reviewer.md | ↓haiku | Named by its file |
                    | [gone](../.claude/agents/gone.md) | ↓sonnet | Removed last month |
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
                    | Code Reviewer | sonnet | The same agent, named in prose |
                    | code-reviewer-lite | opus | Another agent, defined elsewhere |
                    | someone-elses-agent | opus | Not defined here |
                    | [docs site](https://example.com/agents) | opus | A link that is not a file |
                    """),
            ]),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        let agents = context.allAgents.filter { $0.kind == .agent }
        let changed = Set(context.definitions.map(\.path))
        var findings = context.references.compactMap { judge($0, agents: agents, context: context)?.finding }
        // Rows of pages that were not changed, about agents that were.
        findings += context.contextReferences.compactMap { reference in
            judge(reference, agents: agents, context: context).flatMap { judged in
                judged.agent.map(changed.contains) == true ? judged.finding : nil
            }
        }
        return findings
    }

    /// The finding for a row, with the path of the agent it was compared with.
    private func judge(
        _ reference: AgentReference, agents: [AgentDefinition], context: RuleContext
    ) -> (finding: Finding, agent: String?)? {
        guard let stated = reference.model.effectiveTier else { return nil }
        func finding(_ message: String, subject: String, suggestion: String? = nil) -> Finding {
            Finding(
                rule: description.identity, severity: description.defaultSeverity, path: reference.path,
                line: reference.model.line, column: reference.model.column, message: message,
                subject: subject, suggestion: suggestion)
        }
        if let link = reference.linkedPath {
            if let agent = agents.first(where: { $0.path == link }) {
                return compare(stated, with: agent, finding: finding).map { ($0, agent.path) }
            }
            if !context.repositoryPaths.isEmpty, !context.repositoryPaths.contains(link), link.lowercased().hasSuffix(".md"),
               context.configuration.definitionLocations.contains(where: { $0.glob.matches(link) }) {
                return (finding(
                    "the documentation lists agent \(reference.name) on \(stated.name) and links to \(link), which does not exist",
                    subject: "agent \(reference.name)"), nil)
            }
        }
        let key = AgentReference.nameKey(reference.name)
        let named = agents.filter { AgentReference.nameKey($0.name) == key }
        guard let agent = nearest(named, to: reference.path) else { return nil }
        return compare(stated, with: agent, finding: finding).map { ($0, agent.path) }
    }

    private func compare(
        _ stated: Tier, with agent: AgentDefinition, finding: (String, String, String?) -> Finding
    ) -> Finding? {
        if agent.model.isInherit {
            return finding(
                "the documentation says agent \(agent.name) runs on \(stated.name), but \(agent.path) inherits its "
                    + "caller's model, which may be any tier", "agent \(agent.name)", nil)
        }
        guard let actual = agent.model.effectiveTier, actual != stated else { return nil }
        return finding(
            "the documentation says agent \(agent.name) runs on \(stated.name), but \(agent.path) sets \(actual.name); "
                + "update the page or the agent", "agent \(agent.name)", actual.name)
    }

    /// Of several agents with one name, the one whose path shares most with the page's; `nil`
    /// when two are equally near and their tiers differ.
    private func nearest(_ agents: [AgentDefinition], to page: String) -> AgentDefinition? {
        guard agents.count > 1 else { return agents.first }
        let tiers = Set(agents.map { $0.model.effectiveTier?.name ?? ($0.model.isInherit ? "inherit" : "?") })
        if tiers.count == 1 { return agents.first }
        func shared(_ path: String) -> Int {
            zip(path.split(separator: "/"), page.split(separator: "/")).prefix { $0 == $1 }.count
        }
        let ranked = agents.map { ($0, shared($0.path)) }.sorted { $0.1 > $1.1 }
        return ranked[0].1 > ranked[1].1 ? ranked[0].0 : nil
    }
}
