import Testing
import TierlintCore

/// Model names one tool defines for its own files: Cursor's `model: fast`.
@Suite struct ToolModelNameTests {
    @Test(arguments: ["fast", "Fast", "FAST", "\"fast\""])
    func fastIsCursorsExecutionTierModel(written: String) throws {
        let findings = try lint(".cursor/agents/formatter.md", "---\nname: formatter\ndescription: Formats code\nmodel: \(written)\n---\n")
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func fastIsTheExecutionTierSoSecurityWorkNeedsMore() throws {
        let findings = try lint(".cursor/agents/auditor.md", "---\nname: auditor\ndescription: Audits authentication\nmodel: fast\n---\n")
        #expect(findings.map(\.rule.slug) == ["security-tier"])
        #expect(findings.first?.message.contains("is on haiku") == true, "\(findings.map(\.message))")
    }

    @Test(arguments: [".claude/agents/formatter.md", ".gemini/agents/formatter.md", ".opencode/agent/formatter.md"])
    func fastIsUnknownOutsideCursor(path: String) throws {
        let findings = try lint(path, "---\nname: formatter\ndescription: Formats code\nmodel: fast\n---\n")
        #expect(findings.map(\.rule.slug) == ["unknown-model"])
    }

    @Test func fastIsUnknownInABacklog() throws {
        let findings = try lint("docs/backlog.md", "| # | Ticket | Model |\n|---|---|---|\n| 1 | Add config file | fast |\n")
        #expect(findings.map(\.rule.slug) == ["unknown-model"])
    }

    @Test func aConfiguredLocationInCursorsFormatAcceptsFast() throws {
        let result = try lint(
            [SourceFile(path: "ai/formatter.md", text: "---\nname: formatter\ndescription: Formats code\nmodel: fast\n---\n")],
            configuration: "agents:\n  paths: [{path: \"ai/*.md\", format: cursor}]\n")
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
        #expect(result.agents == 1)
    }
}
