import Testing
import TierlintCore

/// Seed 001's YAML shapes: agent maps, dispatch lists, pipelines as mappings or lists of
/// stages, and escalation lists, at the top level or in an agent's entry.
@Suite struct YAMLAgentFileTests {
    func escalationFindings(_ path: String, _ text: String) throws -> [String] {
        try lint(path, text, rules: [EscalationOrderRule()]).map { "\($0.line):\($0.column) \($0.message)" }
    }

    @Test func seed001sHybridDecompositionAndConfidenceEscalationAreInOrder() throws {
        let pipelines = """
            feature-implementation:
              subtask-1-design: {agent: architect, model: opus}
              subtask-2-implementation: {agent: code-generator, model: sonnet, description: "Implement design"}
              subtask-3-testing: {agent: test-engineer, model: haiku, description: "Generate tests for implementation"}
              subtask-4-review: {agent: code-reviewer, model: sonnet, description: "Review implementation against design"}
            confidence-escalation:
              stage-1-haiku-generation: {agent: code-generator, model: haiku, task: Generate code for feature X}
              stage-2-sonnet-review: {if: "confidence_score < 0.9", model: sonnet, task: Sonnet review}
            """
        #expect(try escalationFindings("pipelines/seed.yml", pipelines).isEmpty)
    }

    @Test func anEscalationIsJudgedAgainstTheStageItNames() throws {
        // Stage 3 retries stage 2 (haiku) on sonnet: up, although stage 1 was on sonnet too.
        let chain = """
            chain:
              stage-1: {model: sonnet, task: Draft the summary}
              stage-2: {model: haiku, task: Shorten it}
              stage-3-retry: {model: sonnet, condition: "if stage-2 fails"}
            """
        #expect(try escalationFindings("pipelines/chain.yml", chain).isEmpty)
        let down = chain.replacing("stage-3-retry: {model: sonnet", with: "stage-3-retry: {model: haiku")
        #expect(try escalationFindings("pipelines/chain.yml", down).map { $0.prefix(4) } == ["4:26"])
    }

    @Test func aStageThatMentionsFailingInPassingIsNoEscalation() throws {
        let pipeline = """
            tests:
              generate: {model: haiku, task: Generate tests}
              triage: {model: sonnet, task: Sort the failing tests by cause}
              report: {model: haiku, task: Write the report of failing tests}
            """
        #expect(try escalationFindings("pipelines/tests.yml", pipeline).isEmpty)
    }

    @Test func aStageListIsAPipelineNotADispatchList() throws {
        let file = """
            gen:
              stages:
                - {name: generate, model: sonnet, task: Write the docs}
                - {name: fallback on failure, model: haiku}
            dispatch:
              - {task: Write unit tests, agent: test-engineer, model: haiku}
            """
        let result = try lint([SourceFile(path: "agents.yml", text: file)], rules: [EscalationOrderRule()])
        #expect(result.findings.map(\.position) == ["agents.yml:4:42"])
        let context = try LintRun(source: MemorySource([SourceFile(path: "agents.yml", text: file)])).context()
        #expect(context.yamlFiles.flatMap(\.tasks).map(\.task) == ["Write unit tests"])
        #expect(context.yamlFiles.flatMap(\.pipelines).map(\.name) == ["gen"])
    }

    @Test func anAgentsEscalationStartsFromItsOwnModel() throws {
        let agents = """
            architect:
              model: opus
              role: Make architectural decisions
              fallback: [haiku, sonnet]
            reviewer:
              model: sonnet
              role: Review code
              on_failure: notify the team
            """
        // opus → haiku goes down; the note in on_failure names no model.
        #expect(try escalationFindings("agents.yml", agents).map { $0.prefix(4) } == ["4:14"])
    }

    /// An agents file's entry with a role or description is an agent even without a model,
    /// and is told so in the words of a YAML file; other mappings are not agents.
    @Test func anAgentMapEntryWithoutAModelIsAMissingModel() throws {
        let agents = """
            style-enforcer:
              role: Enforce code style
              description: Checks code against the style guide.
            architect: {model: TBD, role: Make architectural decisions}
            settings: {retries: 3, timeout: 30s}
            cost-analysis:
              period: "2026-03-01 to 2026-03-16"
              summary: {total_cost: "$21.22"}
            """
        let findings = try lint("config/agents.yml", agents, rules: [MissingModelRule()])
        #expect(findings.map(\.message) == [
            "agent style-enforcer has no `model` in its entry in agents.yml; add `model:` with haiku, sonnet, opus",
            "agent architect has the placeholder \"TBD\" for `model` in its entry in agents.yml; set `model` to haiku, sonnet, opus",
        ])
        // In a dispatch file, a described mapping is no agent: only entries with a model are read.
        let dispatch = "nightly:\n  description: Runs at night\n  schedule: \"0 2 * * *\"\n"
        #expect(try lint("orchestrator/dispatch.yml", dispatch).isEmpty)
    }

    @Test func aPlaceholderModelInFrontmatterIsNamedAsSuch() throws {
        let findings = try lint(".claude/agents/helper.md", "---\nname: helper\nmodel: TBD\n---\n", rules: [MissingModelRule()])
        #expect(findings.map(\.message) == [
            "agent helper has the placeholder \"TBD\" for `model` in its frontmatter; set `model` to haiku, sonnet, opus or inherit",
        ])
    }
}
