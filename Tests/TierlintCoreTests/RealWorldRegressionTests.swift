import Testing
import TierlintCore

/// Shapes found in public repositories (agent marketplaces, Copilot and OpenCode agents,
/// machine-learning READMEs), each reduced to the lines that matter.
@Suite struct RealWorldRegressionTests {
    @Test func aResultsTableOfMachineLearningModelsIsNotABacklog() throws {
        let readme = """
            ## Results

            | Task | Model | Accuracy |
            |------|-------|----------|
            | Segmentation | U-Net | 0.91 |
            | Classification | VGG16 | 0.88 |
            | Speech | Whisper Medium | 0.79 |
            | **Total** | | 0.86 |
            """
        let result = try lint([SourceFile(path: "README.md", text: readme)])
        #expect(result.tickets == 0)
        #expect(result.findings.isEmpty)
    }

    @Test func aSummaryRowIsNotATicket() throws {
        let backlog = """
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Create sessions table | haiku |
            | | **Total** | |
            """
        let result = try lint([SourceFile(path: "docs/backlog.md", text: backlog)])
        #expect(result.tickets == 1)
        #expect(result.findings.isEmpty)
    }

    @Test func newVersionsOfAFamilyAreThatFamily() throws {
        let findings = try lint(".claude/agents/team-worker.md", "---\nname: team-worker\nmodel: claude-opus-4-8\n---\n")
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let copilot = try lint(".github/agents/x.agent.md", "---\nmodel: GPT-5.4 (copilot)\n---\n")
        #expect(copilot.isEmpty, "\(copilot.map(\.message))")
    }

    @Test func wordsInExampleTranscriptsAreNotWhatAnAgentIsFor() throws {
        let agent = """
            ---
            name: silent-failure-hunter
            description: "Use this agent after error handling changes.\\n\\n<example>\\nuser: I've updated the error handling in the authentication module\\n</example>"
            model: sonnet
            ---
            """
        #expect(try lint(".claude/agents/silent-failure-hunter.md", agent).isEmpty)
    }

    @Test func securityAsOneQualityAmongManyIsNotSecurityWork() throws {
        let agent = """
            ---
            name: backend-developer
            description: Builds APIs with a focus on performance, security, and maintainability.
            model: sonnet
            ---
            """
        #expect(try lint(".claude/agents/backend-developer.md", agent).isEmpty)
        let named = agent.replacing("name: backend-developer", with: "name: security-auditor")
        let findings = try lint(".claude/agents/security-auditor.md", named)
        #expect(findings.map(\.rule.slug) == ["security-tier"])
    }

    @Test func aDescriptionColumnSaysWhatAnIDOnlyTicketIsAbout() throws {
        let backlog = """
            | Ticket | Model | Description |
            |--------|-------|-------------|
            | AUR-9005 | Sonnet | IdP credential-rotation hook |
            """
        let findings = try lint("docs/costs.md", backlog)
        #expect(findings.map(\.rule.slug) == ["security-tier"])
        #expect(findings.first?.subject == "ticket AUR-9005")
        #expect(findings.first?.message.contains("\"IdP credential-rotation hook\"") == true)
    }

    @Test func frontmatterBelowTheFirstLineIsReported() throws {
        let findings = try lint(".opencode/agent/triage.md", "google--cound--\nname: triage\n---\nmodel: haiku\n---\nbody\n")
        #expect(findings.map(\.rule.slug) == ["parse-error"])
        #expect(findings.first?.line == 3)
    }

    @Test func frontmatterThatLostItsOpeningLineIsReported() throws {
        let agent = "google--cound--\nmode: primary\nmodel: opencode/claude-haiku-4-5\n---\n\nYou triage issues.\n"
        let findings = try lint(".opencode/agent/triage.md", agent)
        #expect(findings.map(\.rule.slug) == ["parse-error"])
        #expect(findings.first?.message.contains("closes on line 4") == true)
    }

    @Test func aGitHubShorthandMarketplaceSourceIsAnotherRepository() throws {
        let marketplace = """
            {"name": "m", "plugins": [
              {"name": "speakeasy", "source": "speakeasy-api/agent-skills"},
              {"name": "local", "source": "./plugins/local"}
            ]}
            """
        let files = [
            SourceFile(path: ".claude-plugin/marketplace.json", text: marketplace),
            SourceFile(path: "speakeasy-api/agent-skills/agents/vendored.md", text: "---\nname: vendored\n---\n"),
            SourceFile(path: "plugins/local/agents/reviewer.md", text: "---\nname: reviewer\nmodel: sonnet\n---\n"),
        ]
        let result = try lint(files)
        #expect(result.agents == 1)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
    }

    @Test func eachPluginsAgentsAreASetOfTheirOwn() throws {
        let marketplace = """
            {"name": "m", "plugins": [{"name": "a", "source": "./plugins/a"}, {"name": "b", "source": "./plugins/b"}]}
            """
        var files = [SourceFile(path: ".claude-plugin/marketplace.json", text: marketplace)]
        // Plugin a: 3 of 5 agents on opus. Plugin b: 0 of 5. Together 3 of 10 (30%), but the
        // set that is over the target is plugin a's.
        for index in 0..<5 {
            files.append(SourceFile(path: "plugins/a/agents/a\(index).md", text: "---\nmodel: \(index < 3 ? "opus" : "haiku")\n---\n"))
            files.append(SourceFile(path: "plugins/b/agents/b\(index).md", text: "---\nmodel: haiku\n---\n"))
        }
        let findings = try lint(files).findings.filter { $0.rule.slug == "distribution" }
        #expect(findings.count == 1)
        #expect(findings.first?.subject == "agent set of plugin plugins/a")
        #expect(findings.first?.message.contains("3 of 5 agents") == true)
    }

    @Test func missingModelAdviceFitsTheToolsFormat() throws {
        let copilot = try lint(".github/agents/planner.agent.md", "---\nname: planner\n---\n")
        #expect(copilot.first?.message.contains("such as Claude Sonnet 4.5") == true)
        #expect(copilot.first?.message.contains("inherit") == false)
        let openCode = try lint(".opencode/agent/docs.md", "---\ndescription: Writes docs\n---\n")
        #expect(openCode.first?.message.contains("anthropic/claude-sonnet-4-5") == true)
    }

    @Test func theDistributionSaysWhatItCouldNotCount() throws {
        let backlog = """
            ## Sprint 9

            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Design cache | opus |
            | 2 | Design queue | opus |
            | 3 | Add config | haiku |
            | 4 | Write tests | sonnet |
            | 5 | Build page | sonnet |
            | 6 | Write docs | TBD |
            """
        let findings = try lint("docs/backlog.md", backlog, rules: [DistributionRule()])
        #expect(findings.first?.message.contains("2 of 5 tickets (40%) on opus or above (1 more with no known model not counted)") == true)
    }

    @Test func anUnresolvedMergeConflictIsOneClearFinding() throws {
        let backlog = """
            | # | Ticket | Model |
            |---|--------|-------|
            <<<<<<< HEAD
            | 1 | Create sessions table | haiku |
            =======
            | 1 | Create sessions table | opus |
            >>>>>>> feature
            """
        let findings = try lint("docs/backlog.md", backlog)
        #expect(findings.map(\.position) == ["docs/backlog.md:3:1"])
        #expect(findings.first?.message.contains("unresolved merge conflict") == true)
    }

    @Test(arguments: [
        ("linear-tracker", "Manages Linear issues for the Component Reviews project.", "haiku"),
        ("mermaid-expert", "Create Mermaid diagrams for flowcharts, sequences, ERDs, and architectures.", "haiku"),
        ("java-ai-test-planner", "Generate detailed implementation plans for Java REST API projects.", "opus"),
        ("elixir-pro", "Write idiomatic Elixir code with OTP patterns and supervision trees.", "sonnet"),
    ])
    func aWordInPassingDoesNotDecideAnAgentsTier(name: String, description: String, model: String) throws {
        let agent = "---\nname: \(name)\ndescription: \(description)\nmodel: \(model)\n---\n"
        let findings = try lint(".claude/agents/\(name).md", agent)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func pathsInATitleAreNotItsWork() throws {
        let backlog = """
            | # | Ticket | Model |
            |---|--------|-------|
            | 2.4 | Create templates/specs/04_db_architect.template.md | sonnet |
            | 7.2 | Create docs/examples/saas_platform/README.md | sonnet |
            """
        #expect(try lint("docs/backlog.md", backlog).isEmpty)
    }

    @Test func configurationVerbsAreConfigWork() throws {
        let backlog = """
            | # | Ticket | Owner | Model |
            |---|--------|-------|-------|
            | 0.5 | Configure backend TypeScript with strict settings | Backend | haiku |
            | 0.6 | Initialize CLI project (package.json, tsconfig, structure) | Backend | haiku |
            """
        #expect(try lint("docs/backlog.md", backlog).isEmpty)
    }

    @Test func copilotAgentsInSubfoldersAreFound() throws {
        let result = try lint([SourceFile(path: ".github/agents/internal/reviewer.agent.md", text: "---\nmodel: GPT-4.1\n---\n")])
        #expect(result.agents == 1)
    }
}
