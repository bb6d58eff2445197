import Foundation
import Testing
@testable import TierlintCore

private let securityFinding = ReportFixtures.security
private let unknownFinding = ReportFixtures.unknown

private let noteFinding = Finding(
    rule: RuleIdentity(slug: "distribution", code: "TL004"), severity: .info,
    path: "docs/backlog.md", line: 1, column: 1, message: "a note", subject: "table")

private func definition(_ kind: DefinitionKind, _ name: String) -> AgentDefinition {
    AgentDefinition(
        path: ".claude/\(kind.rawValue)s/\(name).md", kind: kind, format: .claudeCode, name: name, description: "", role: "",
        model: ModelAssignment(state: .missing, line: 1, column: 1), hasFrontmatter: true)
}

private func input(
    _ findings: [Finding], files: Int = 3, tickets: Int = 4, definitions: [AgentDefinition] = [definition(.agent, "review")],
    color: Bool = false, displayPath: @escaping @Sendable (String) -> String = { $0 }
) -> ReportInput {
    ReportInput(
        toolVersion: "9.8.7", source: "index",
        result: LintResult(
            findings: findings, checkedPaths: (0..<files).map { "file\($0).md" }, tickets: tickets, definitions: definitions),
        displayPath: displayPath, color: color)
}

/// The JSON report parsed back with Foundation.
private func parsedJSON(_ input: ReportInput) throws -> [String: Any] {
    let text = JSONReporter().report(input)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
}

@Suite struct TextReporterTests {
    @Test func eachFindingIsACompilerStyleLine() {
        let output = TextReporter().report(input([securityFinding, unknownFinding]))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            "docs/backlog.md:5:27: error: \(securityFinding.message) [TL003 security-tier]",
            ".claude/agents/review.md:3:8: warning: \(unknownFinding.message) [TL002 unknown-model]",
            "Found 1 error, 1 warning in 2 files; checked 3 files (4 tickets, 1 agent).",
            "",
        ])
    }

    @Test func infoFindingsAreNotes() {
        let output = TextReporter().report(input([noteFinding], files: 1, tickets: 1, definitions: []))
        #expect(output == "docs/backlog.md:1:1: info: a note [TL004 distribution]\nFound 1 note in 1 file; checked 1 file (1 ticket, 0 agents).\n")
    }

    @Test func theSummaryCountsEachSeverityAndTheFilesTheyAreIn() {
        var second = securityFinding
        second.line = 9
        let output = TextReporter().report(input([securityFinding, second, noteFinding]))
        #expect(output.hasSuffix("Found 2 errors, 1 note in 1 file; checked 3 files (4 tickets, 1 agent).\n"))
    }

    @Test func aCleanCheckSaysWhatWasChecked() {
        #expect(TextReporter().report(input([], files: 1, tickets: 0, definitions: [])) == "No problems in 1 file (0 tickets, 0 agents).\n")
        #expect(TextReporter().report(input([], files: 0, tickets: 0, definitions: [])) == "No problems in 0 files (0 tickets, 0 agents).\n")
    }

    @Test func commandsAndSkillsAreCountedWhenThereAreAny() {
        let definitions = [
            definition(.agent, "a"), definition(.agent, "b"), definition(.command, "deploy"),
            definition(.skill, "pdf"), definition(.skill, "xlsx"),
        ]
        let output = TextReporter().report(input([], files: 6, tickets: 1, definitions: definitions))
        #expect(output == "No problems in 6 files (1 ticket, 2 agents, 1 command, 2 skills).\n")
    }

    @Test func pathsAreShownTheWayThePersonSeesThem() {
        let output = TextReporter().report(input([securityFinding], displayPath: { "../" + $0 }))
        #expect(output.hasPrefix("../docs/backlog.md:5:27: error: "))
    }

    @Test func controlCharactersFromFilesAreShownNotObeyed() {
        var finding = securityFinding
        finding.message = "agent \"evil\nfake.md:1:1: error: x \u{1B}[31m\" names unknown model"
        finding.path = "docs/a\rb.md"
        let output = TextReporter().report(input([finding]))
        #expect(output.split(separator: "\n").count == 2, "one finding line and the summary: \(output)")
        #expect(output.contains(#"agent "evil\nfake.md:1:1: error: x \u{1B}[31m" names"#))
        #expect(output.hasPrefix(#"docs/a\rb.md:5:27:"#))
        #expect(!output.contains("\u{1B}"))
    }

    @Test func withoutColorThereAreNoEscapeCodes() {
        let output = TextReporter().report(input([securityFinding, unknownFinding, noteFinding], color: false))
        #expect(!output.contains("\u{1B}"))
        #expect(!TextReporter().report(input([], color: false)).contains("\u{1B}"))
    }

    @Test func withColorTheLocationSeverityAndRuleArePainted() {
        let output = TextReporter().report(input([securityFinding, unknownFinding], color: true))
        #expect(output.contains("\u{1B}[1mdocs/backlog.md:5:27:\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        #expect(output.contains("\u{1B}[2m[TL003 security-tier]\u{1B}[0m"))
        #expect(TextReporter().report(input([], color: true)).hasPrefix("\u{1B}[32mNo problems\u{1B}[0m in "))
    }

    @Test func aRealCheckReadsTheSame() throws {
        let result = try lint([SourceFile(path: "docs/backlog.md", text: """
            | # | Ticket | Model |
            |---|--------|-------|
            | 5.1 | Implement OAuth login | sonnet |
            """)])
        let output = TextReporter().report(ReportInput(toolVersion: "0", source: "worktree", result: result))
        #expect(output == """
            docs/backlog.md:3:33: error: ticket 5.1 "Implement OAuth login" is security work ("OAuth", "login") but is on sonnet; \
            security and payment work needs opus or above [TL003 security-tier]
            Found 1 error in 1 file; checked 1 file (1 ticket, 0 agents).

            """)
    }
}

@Suite struct JSONReporterTests {
    @Test func theDocumentHasTheToolTheSourceASummaryAndTheFindings() throws {
        let definitions = [definition(.agent, "review"), definition(.command, "deploy"), definition(.skill, "pdf"), definition(.skill, "xlsx")]
        let json = try parsedJSON(input([securityFinding, unknownFinding, noteFinding], definitions: definitions))
        #expect(Set(json.keys) == ["tool", "version", "source", "summary", "findings"])
        #expect(json["tool"] as? String == "tierlint")
        #expect(json["version"] as? String == "9.8.7")
        #expect(json["source"] as? String == "index")
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == [
            "files": 3, "tickets": 4, "agents": 1, "commands": 1, "skills": 2, "errors": 1, "warnings": 1, "infos": 1, "baselined": 0,
        ])
    }

    @Test func eachFindingCarriesItsRuleSeverityPlaceAndMessage() throws {
        let json = try parsedJSON(input([securityFinding, unknownFinding]))
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        let first = findings[0]
        #expect(Set(first.keys) == ["rule", "code", "severity", "path", "line", "column", "message", "subject", "suggestion"])
        #expect(first["rule"] as? String == "security-tier")
        #expect(first["code"] as? String == "TL003")
        #expect(first["severity"] as? String == "error")
        #expect(first["path"] as? String == "docs/backlog.md")
        #expect(first["line"] as? Int == 5)
        #expect(first["column"] as? Int == 27)
        #expect(first["message"] as? String == securityFinding.message)
        #expect(first["subject"] as? String == "ticket 5.1")
        #expect(first["suggestion"] as? String == "opus")
        // Without a suggestion there is no `suggestion` key at all.
        #expect(Set(findings[1].keys) == ["rule", "code", "severity", "path", "line", "column", "message", "subject"])
        #expect(findings[1]["severity"] as? String == "warning")
    }

    @Test func pathsStayRepositoryRelative() throws {
        let json = try parsedJSON(input([securityFinding], displayPath: { "../" + $0 }))
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.first?["path"] as? String == "docs/backlog.md")
    }

    @Test func anEmptyReportIsValidJSON() throws {
        let text = JSONReporter().report(input([], files: 0, tickets: 0, definitions: []))
        #expect(text.hasPrefix(#"{"tool":"tierlint","version":"9.8.7","source":"index","summary":{"files":0,"#))
        #expect(text.hasSuffix(#""findings":[]}"# + "\n"))
        let json = try parsedJSON(input([], files: 0, tickets: 0, definitions: []))
        #expect((json["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func stringsAreEscaped() throws {
        let tricky = "quote \" backslash \\ slash / newline \n return \r tab \t bell \u{07} nul \u{0} escape \u{1B} "
            + "separators \u{2028}\u{2029} emoji 🚀 accents é ü 漢字"
        var finding = unknownFinding
        finding.message = tricky
        finding.path = "docs/ünïcode \"quoted\".md"
        finding.subject = "agent \\weird\\"
        finding.suggestion = "line1\nline2"
        let text = JSONReporter().report(input([finding]))
        #expect(!text.dropLast().contains("\n"), "the document is one line")
        #expect(text.contains(#"\u0007"#))
        #expect(text.contains(#"\u0000"#))
        #expect(text.contains(#"\u001b"#))
        #expect(text.contains(#"\u2028\u2029"#))
        #expect(text.contains(#"\"quoted\""#))
        let json = try parsedJSON(input([finding]))
        let parsed = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(parsed["message"] as? String == tricky)
        #expect(parsed["path"] as? String == finding.path)
        #expect(parsed["subject"] as? String == finding.subject)
        #expect(parsed["suggestion"] as? String == "line1\nline2")
    }

    @Test func quotingFollowsRFC8259() {
        #expect(JSONWriter.quoted("plain") == #""plain""#)
        #expect(JSONWriter.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONWriter.quoted("\n\r\t") == #""\n\r\t""#)
        #expect(JSONWriter.quoted("\u{01}\u{1F}") == #""\u0001\u001f""#)
        #expect(JSONWriter.quoted("\u{7F}é") == "\"\u{7F}é\"")
    }

    @Test func aRealCheckRoundTrips() throws {
        let result = try lint([
            SourceFile(path: "docs/backlog.md", text: "| # | Ticket | Model |\n|---|---|---|\n| 1 | Add config | TBD |\n| 2 | Add docs | haiku |\n"),
            SourceFile(path: ".claude/agents/helper.md", text: "---\nmodel: sonet\n---\n"),
        ])
        let json = try parsedJSON(ReportInput(toolVersion: TierlintInfo.version, source: "worktree", result: result))
        #expect(json["version"] as? String == TierlintInfo.version)
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary["files"] == 2)
        #expect(summary["tickets"] == 2)
        #expect(summary["agents"] == 1)
        #expect(summary["errors"] == 2)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["path"]!):\($0["line"]!):\($0["column"]!) \($0["code"]!)" } == [
            ".claude/agents/helper.md:2:8 TL002", "docs/backlog.md:3:20 TL001",
        ])
        #expect(findings.first?["suggestion"] as? String == "sonnet")
    }
}

@Suite struct ReporterRegistryTests {
    @Test func reportersAreFoundByName() {
        #expect(ReporterRegistry.identifiers == ["text", "json", "json-lines", "sarif", "github", "junit", "checkstyle", "markdown"])
        #expect(ReporterRegistry.reporter(named: "text") is TextReporter)
        #expect(ReporterRegistry.reporter(named: "JSON") is JSONReporter)
        #expect(ReporterRegistry.reporter(named: "sarif") is SARIFReporter)
        #expect(ReporterRegistry.reporter(named: "html") == nil)
    }
}
