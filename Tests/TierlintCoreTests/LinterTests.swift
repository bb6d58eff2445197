import Testing
@testable import TierlintCore

/// The engine as a whole: which files are read, which rules run, and in what order findings come.
@Suite struct LinterTests {
    private func roles(_ files: [SourceFile], _ configuration: Configuration = Configuration()) -> [String: FileRole] {
        FileSelector(configuration: configuration).select(files.map(\.path), manifests: [:]).roles
    }

    @Test func rulesThatAreOffDoNotRun() throws {
        let configuration = try ConfigurationLoader.load("rules:\n  parse-error: off\n  distribution: false\n")
        let linter = Linter(configuration: configuration)
        let slugs = linter.rules.map(\.description.slug)
        #expect(!slugs.contains("parse-error") && !slugs.contains("distribution"))
        #expect(slugs == RuleRegistry.all.map(\.description.slug).filter { $0 != "parse-error" && $0 != "distribution" })
    }

    @Test func findingsAreSortedByPathLineColumnAndCode() throws {
        let result = try lint([
            SourceFile(path: "z/backlog.md", text: "| # | Ticket | Model |\n|---|---|---|\n| 1 | Hash passwords | haiku |\n| 2 | B | sonet |\n"),
            SourceFile(path: "a/backlog.md", text: "| # | Ticket | Model |\n|---|---|---|\n| 1 | A | TBD |\n| 2 | B | haiku |\n"),
            SourceFile(path: ".claude/agents/b.md", text: "---\nmodel: 3\n---\n"),
        ])
        #expect(result.findings.map { "\($0.position) \($0.rule.code)" } == [
            ".claude/agents/b.md:2:8 TL002",
            "a/backlog.md:3:11 TL001",
            "z/backlog.md:3:24 TL003",
            "z/backlog.md:4:11 TL002",
        ])
        #expect(result.findings.allSatisfy { $0.severity == .error })
    }

    @Test func onlyFilesWithARoleAreCheckedAndCounted() throws {
        let files = [
            SourceFile(path: "docs/backlog.md", text: "| # | Ticket | Model |\n|---|---|---|\n| 1 | A | haiku |\n| 2 | B | sonnet |\n"),
            SourceFile(path: ".claude/agents/a.md", text: "---\nmodel: haiku\n---\n"),
            SourceFile(path: ".claude/commands/c.md", text: "---\ndescription: c\n---\n"),
            SourceFile(path: "src/main.swift", text: "| # | Ticket | Model |\n|---|---|---|\n| 1 | A | TBD |\n"),
        ]
        let result = try lint(files)
        #expect(result.filesChecked == 3)
        #expect(result.tickets == 2)
        #expect(result.agents == 1)
        #expect(result.definitionCounts == [.agent: 1, .command: 1])
        #expect(result.findings.isEmpty)
        #expect(!result.failed(strict: true))
    }

    @Test func warningsFailOnlyAStrictCheck() throws {
        let backlog = "| # | Ticket | Model |\n|---|---|---|\n| 1 | A | TBD |\n| 2 | B | haiku |\n"
        let warned = try lint([SourceFile(path: "docs/backlog.md", text: backlog)], configuration: "rules:\n  missing-model: warning\n")
        #expect(warned.count(.warning) == 1)
        #expect(!warned.failed(strict: false))
        #expect(warned.failed(strict: true))
        let errored = try lint([SourceFile(path: "docs/backlog.md", text: backlog)])
        #expect(errored.failed(strict: false))
        let noted = try lint([SourceFile(path: "docs/backlog.md", text: backlog)], configuration: "rules:\n  missing-model: info\n")
        #expect(!noted.failed(strict: true))
    }

    @Test func manyFilesAreReadInParallelAndReportedInOrder() throws {
        let files = (0..<64).map { index in
            SourceFile(path: "docs/\(index < 10 ? "0" : "")\(index).md",
                       text: "| # | Ticket | Model |\n|---|---|---|\n| \(index) | Task \(index) | TBD |\n| x | Docs | haiku |\n")
        }
        let result = try lint(files.reversed())
        #expect(result.tickets == 128)
        #expect(result.filesChecked == 64)
        #expect(result.findings.map(\.path) == files.map(\.path))
        #expect(result.findings.map(\.subject) == (0..<64).map { "ticket \($0)" })
    }

    @Test func contextFilesAreReadButNotReportedOn() {
        let reported = [SourceFile(path: ".claude/agents/new.md", text: "---\nmodel: opus\n---\n")]
        let context = (1...4).map { SourceFile(path: ".claude/agents/old\($0).md", text: "---\ndescription: no model\n---\n") }
        let configuration = Configuration()
        let result = Linter(configuration: configuration).lint(reported, roles: roles(reported + context), context: context)
        #expect(result.filesChecked == 1)
        #expect(result.agents == 1)
        #expect(result.findings.allSatisfy { $0.path == ".claude/agents/new.md" })
        #expect(!result.findings.contains { $0.rule.slug == "missing-model" })
    }

    @Test func problemsFoundBeforeReadingAreParseErrors() {
        let problem = ParseProblem(path: "p/.claude-plugin/plugin.json", line: 2, column: 3, message: "bad")
        let result = Linter(configuration: Configuration()).lint([], roles: [:], problems: [problem])
        #expect(result.findings.map { "\($0.position) \($0.rule.slug) \($0.message) \($0.subject)" }
            == ["p/.claude-plugin/plugin.json:2:3 parse-error bad file"])
    }

    @Test func positionsAreNeverBelowOne() {
        let finding = Finding(rule: RuleIdentity(slug: "x", code: "TL999"), severity: .info, path: "a", line: 0, column: -3,
                              message: "m", subject: "s")
        #expect(finding.line == 1)
        #expect(finding.column == 1)
    }

    @Test func aLongTitleIsShortenedInMessages() throws {
        let title = Array(repeating: "word", count: 20).joined(separator: " ")
        let findings = try lint("docs/backlog.md", "| # | Ticket | Model |\n|---|---|---|\n| 1 | \(title) | TBD |\n| 2 | B | haiku |\n")
        let message = try #require(findings.first?.message)
        #expect(message.hasPrefix("ticket 1 \"\(title.prefix(59))…\" has the placeholder"))
        let untitled = try lint("docs/backlog.md", "| # | Ticket | Model |\n|---|---|---|\n|  |  | TBD |\n| 2 | B | haiku |\n")
        #expect(untitled.first?.subject == "ticket on line 3")
    }

    /// A pre-commit check that stages only an agent still compares it with the dispatch lists
    /// that run it, as it does with the pages that list it; tasks for other agents stay quiet.
    @Test func aChangedAgentIsComparedWithTheDispatchListsThatRunIt() throws {
        let dispatch = """
            dispatch:
              - {task: Write unit tests for the parser, agent: test-engineer, model: haiku}
              - {task: Review the release, agent: code-reviewer, model: opus}
            """
        let files = [
            SourceFile(path: ".claude/agents/test-engineer.md", text: "---\nname: test-engineer\nmodel: sonnet\n---\n"),
            SourceFile(path: ".claude/agents/code-reviewer.md", text: "---\nname: code-reviewer\nmodel: sonnet\n---\n"),
            SourceFile(path: "orchestrator/dispatch.yml", text: dispatch),
        ]
        let staged = MemorySource(files, checked: [".claude/agents/test-engineer.md"])
        let findings = try LintRun(source: staged).lint().findings
        #expect(findings.map { "\($0.position) \($0.rule.slug)" } == ["orchestrator/dispatch.yml:2:74 dispatch-drift"])
        // The whole tree reports both tasks.
        #expect(try lint(files).findings.filter { $0.rule.slug == "dispatch-drift" }.count == 2)
    }

    /// Pages name agents loosely ("Code Reviewer", "`code_reviewer`", "code-reviewer.md"); a
    /// staged agent is still compared with them, and never with another agent's row.
    @Test func aChangedAgentIsComparedWithPagesThatNameItInWords() throws {
        let page = """
            | Agent | Model |
            |-------|-------|
            | Code Reviewer | sonnet |
            | `code_reviewer` | sonnet |
            | code-reviewer.md | sonnet |
            | Code Reviewer Lite | haiku |
            """
        let files = [
            SourceFile(path: ".claude/agents/code-reviewer.md", text: "---\nname: code-reviewer\nmodel: opus\n---\n"),
            SourceFile(path: "docs/agents.md", text: page),
        ]
        let staged = MemorySource(files, checked: [".claude/agents/code-reviewer.md"])
        let findings = try LintRun(source: staged).lint().findings.filter { $0.rule.slug == "doc-drift" }
        #expect(findings.map(\.line) == [3, 4, 5])
    }
}
