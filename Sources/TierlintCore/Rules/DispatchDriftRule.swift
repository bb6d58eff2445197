/// TL016: a dispatch list sends a task to an agent on another tier than the agent's own
/// definition (seed 001: dispatch overrides the model at execution time).
public struct DispatchDriftRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "dispatch-drift",
        code: "TL016",
        defaultSeverity: .warning,
        summary: "A dispatch task runs an agent on another tier than the agent's definition.",
        explanation: """
            Seed 001's orchestrators override an agent's model per task ("you can also override \
            at execution time"). An override nobody reviews is how an agent defined on haiku \
            ends up running on opus for every task, or a security reviewer on haiku. A dispatch \
            entry (`{task, agent, model}` in a YAML agent file) whose agent is defined elsewhere \
            (frontmatter or an agent map) on another tier is reported, with both places. In a \
            pre-commit check, a changed dispatch list is compared with every agent, and a changed \
            agent with the dispatch lists that name it.
            """,
        triggeringExamples: [
            Example(files: [
                (".claude/agents/test-engineer.md", "---\nname: test-engineer\nmodel: haiku\n---\n"),
                ("orchestrator/dispatch.yml", """
                    dispatch:
                      - task: "Write unit tests for the parser"
                        agent: test-engineer
                        model: ↓opus
                        priority: normal
                    """),
            ]),
        ],
        nonTriggeringExamples: [
            Example(files: [
                (".claude/agents/test-engineer.md", "---\nname: test-engineer\nmodel: haiku\n---\n"),
                ("orchestrator/dispatch.yml", """
                    dispatch:
                      - task: "Write unit tests for the parser"
                        agent: test-engineer
                        model: claude-haiku-4-5
                        priority: normal
                      - task: "Summarise the release"
                        agent: scribe
                        model: sonnet
                    """),
            ]),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        let agents = context.allAgents.filter { $0.kind == .agent }
        // Tasks of lists that did not change count only when the agent they run did.
        let changed = Set(context.definitions.map { [$0.path, $0.name.lowercased()] })
        let tasks = context.yamlFiles.flatMap(\.tasks).map { ($0, isContext: false) } + context.contextTasks.map { ($0, isContext: true) }
        return tasks.compactMap { task, isContext in
            guard let name = task.agent, let tier = task.model.effectiveTier,
                  let agent = agents.first(where: { $0.name.lowercased() == name.lowercased() }),
                  let agentTier = agent.model.effectiveTier, agentTier != tier,
                  !isContext || changed.contains([agent.path, agent.name.lowercased()])
            else { return nil }
            return Assignment.task(task).finding(
                description,
                message: "\(task.subject) runs agent \(agent.name) on \(tier.name), but \(agent.path) defines it on "
                    + "\(agentTier.name); change one of them, or say why in the task",
                suggestion: agentTier.name)
        }
    }
}
