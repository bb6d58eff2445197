import Testing
@testable import TierlintCore

/// The spend checks' examples, which `tierlint explain` shows, are their specification: a
/// triggering example is reported exactly at its `↓` markers, a passing one not at all.
@Suite struct SpendCheckExampleTests {
    struct CheckCase: CustomTestStringConvertible, Sendable {
        let check: RuleDescription
        var testDescription: String { check.slug }
    }

    static let checks = SpendCheck.all.filter { !$0.triggeringExamples.isEmpty }.map(CheckCase.init)

    /// Logs go to the report, the rest (agent files, the policy) make the repository.
    private func report(_ example: Example) throws -> SpendReport {
        var logs: [(String, String)] = []
        var repository: [String: String] = [:]
        for file in example.sourceFiles {
            guard case .bytes(let bytes) = file.content else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            if file.path.hasSuffix(".jsonl") || file.path.hasSuffix(".csv") { logs.append((file.path, text)) } else { repository[file.path] = text }
        }
        return try spendReport(logs, repository: repository, configuration: example.configuration)
    }

    @Test(arguments: checks)
    func triggeringExamplesAreReportedAtTheirMarkers(_ checkCase: CheckCase) throws {
        for example in checkCase.check.triggeringExamples {
            let findings = try report(example).findings.filter { $0.rule.code == checkCase.check.code }
            let expected = example.markedPositions.map { "\($0.path):\($0.line):\($0.column)" }.sorted()
            #expect(!expected.isEmpty)
            #expect(findings.map { "\($0.path):\($0.line):\($0.column)" }.sorted() == expected, "\(findings.map(\.message))")
        }
    }

    @Test(arguments: checks)
    func nonTriggeringExamplesAreAccepted(_ checkCase: CheckCase) throws {
        #expect(!checkCase.check.nonTriggeringExamples.isEmpty)
        for example in checkCase.check.nonTriggeringExamples {
            let findings = try report(example).findings.filter { $0.rule.code == checkCase.check.code }
            #expect(findings.isEmpty, "\(findings.map(\.message))")
        }
    }

    @Test func codesAndNamesAreUniqueAndApartFromTheLintRules() {
        let all = SpendCheck.all.map(\.code) + SpendCheck.all.map(\.slug) + RuleRegistry.all.flatMap { [$0.description.code, $0.description.slug] }
        #expect(Set(all).count == all.count)
        #expect(SpendCheck.named("sp004")?.slug == "model-drift")
        #expect(SpendCheck.named("Cost-Mismatch")?.code == "SP003")
    }

    @Test func driftAgainstTheDeclaredTier() throws {
        let repository = [
            ".claude/agents/reviewer.md": "---\nname: reviewer\nmodel: sonnet\n---\n",
            ".claude/agents/builder.md": "---\nname: builder\nmodel: claude-sonnet-4-5\n---\n",
            ".claude/agents/helper.md": "---\nname: helper\nmodel: inherit\n---\n",
            ".claude/agents/tiered.md": "---\nname: tiered\nmodel: haiku → sonnet\n---\n",
            ".claude/agents/idle.md": "---\nname: idle\nmodel: opus\n---\n",
        ]
        let log = [
            record("2026-03-16T10:00:00Z", "reviewer", "claude-opus-4-6", input: 1, output: 1),
            record("2026-03-16T10:01:00Z", "reviewer", "opus", input: 1, output: 1),
            record("2026-03-16T10:02:00Z", "Reviewer", "claude-opus-4-6", input: 1, output: 1),
            record("2026-03-16T10:03:00Z", "reviewer", "opus", input: 1, output: 1, extra: ", \"escalated\": true"),
            record("2026-03-16T10:04:00Z", "builder", "claude-sonnet-4-6", input: 1, output: 1),
            record("2026-03-16T10:05:00Z", "builder", "haiku", input: 1, output: 1),
            record("2026-03-16T10:06:00Z", "helper", "opus", input: 1, output: 1),
            record("2026-03-16T10:07:00Z", "tiered", "sonnet", input: 1, output: 1),
            record("2026-03-16T10:08:00Z", "tiered", "opus", input: 1, output: 1),
            record("2026-03-16T10:09:00Z", "ghost", "haiku", input: 1, output: 1),
            record("2026-03-16T10:10:00Z", "ghost", "haiku", input: 1, output: 1),
        ].joined(separator: "\n")
        let report = try spendReport([("x.jsonl", log)], repository: repository)
        let lines = report.findings.map { "\($0.path):\($0.line) \($0.severity.rawValue) \($0.rule.slug): \($0.message)" }
        #expect(lines == [
            ".claude/agents/idle.md:3 info unused-agent: agent idle is declared but never ran in the logs (2026-03-16)",
            "x.jsonl:1 warning model-drift: agent reviewer ran on claude-opus-4-6 (opus) twice, but .claude/agents/reviewer.md:3 declares sonnet",
            "x.jsonl:2 warning model-drift: agent reviewer ran on opus (opus) once, but .claude/agents/reviewer.md:3 declares sonnet",
            "x.jsonl:5 info model-drift: agent builder ran on claude-sonnet-4-6 once, but .claude/agents/builder.md:3 declares claude-sonnet-4-5: the same tier, another model",
            "x.jsonl:6 warning model-drift: agent builder ran on haiku (haiku) once, but .claude/agents/builder.md:3 declares claude-sonnet-4-5 (sonnet)",
            "x.jsonl:9 warning model-drift: agent tiered ran on opus (opus) once, but .claude/agents/tiered.md:3 declares haiku, sonnet (haiku, sonnet)",
            "x.jsonl:10 info undeclared-agent: agent ghost ran twice but no agent file in the memory declares it",
        ], "\(lines.joined(separator: "\n"))")
        #expect(report.declaredAgents == 5)
    }

    @Test func withoutDeclaredAgentsNothingIsUndeclared() throws {
        let report = try spendReport([("x.jsonl", record("2026-03-16", "ghost", "haiku", input: 1, output: 1))], repository: [:])
        #expect(report.findings.isEmpty)
        #expect(report.declaredAgents == 0)
    }
}
