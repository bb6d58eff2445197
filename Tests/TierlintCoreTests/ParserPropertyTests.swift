import PropertyBased
import Testing
@testable import TierlintCore

/// Pieces of the files tierlint reads, well-formed and not, from which the properties below
/// draw thousands of documents: tables, headings, frontmatter, suppressions, statements,
/// and the characters that break parsers.
private enum Fragments {
    static let lines: [String] = [
        "| # | Ticket | Model |", "|---|--------|-------|", "| 1 | Create users table | opus |",
        "| 2 | Implement OAuth login | sonnet |", "| 3 | Design cache | haiku |", "| | Total | 3 |",
        "| 4 | Add `a|b` config | TBD |", "| 5 | Escaped \\| pipe | claude-sonnet-4-5 |", "|:--|:-:|--:|",
        "| Agent | Model |", "| [reviewer](.claude/agents/reviewer.md) | opus |", "| 6 | 🚀 ترحيل | haiku → sonnet |",
        "## Sprint 4: Session Management (20 tickets)", "### Backend", "# Backlog", "",
        "Distribution: 6 haiku (30%) | 11 sonnet (55%) | 3 opus (15%)", "- 2 haiku", "> | 7 | Quoted | opus |",
        "---", "name: reviewer", "model: opus", "model: [sonnet", "description: Use when: ready", "model:",
        "complexity: [3, 3, 2]", "  - task: Write tests", "    model: haiku", "agents:", "  a:", "    model: opus",
        "<!-- tierlint-disable overkill: reason -->", "<!-- tierlint-disable-file distribution -->",
        "# tierlint-disable security-tier: reviewed", "```", "    indented code", "<<<<<<< HEAD", "=======", ">>>>>>> b",
        "\t| 8 | Tabbed | opus |", "\u{FEFF}| 9 | BOM | opus |", "| 10 | Nul \u{0} byte | opus |", "\r", "* * *",
    ]

    static let document = Gen.element(of: lines).map { $0 ?? "" }.array(of: 0...30)
        .map { $0.joined(separator: "\n") }
}

private let placements = ["docs/backlog.md", ".claude/agents/fuzz.md", "agents.yml", "BACKLOG.md"]

/// Properties every parse must keep, whatever the input.
@Suite struct ParserPropertyTests {
    private func lines(_ text: String) -> Int {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).count
    }

    @Test func parsingNeverThrowsAndFindingsPointInsideTheFile() async {
        await propertyCheck(count: 300, input: Fragments.document, Gen.element(of: placements).map { $0 ?? "docs/backlog.md" }) { text, path in
            let result: LintResult
            do {
                result = try lint([SourceFile(path: path, text: text)])
            } catch {
                Issue.record("checking \(path) threw \(error)")
                return
            }
            for finding in result.findings {
                #expect(finding.path == path)
                #expect((1...lines(text)).contains(finding.line), "\(finding.rule.code) at line \(finding.line)")
                #expect(finding.column >= 1)
            }
        }
    }

    @Test func checkingTwiceGivesTheSameFindings() async {
        await propertyCheck(count: 200, input: Fragments.document, Gen.element(of: placements).map { $0 ?? "docs/backlog.md" }) { text, path in
            let first = try? lint([SourceFile(path: path, text: text)]).findings
            let second = try? lint([SourceFile(path: path, text: text)]).findings
            #expect(first == second)
        }
    }

    @Test func linesAboveMoveFindingsButNotTheirIdentity() async {
        await propertyCheck(count: 200, input: Fragments.document, Gen.int(in: 1...5)) { text, count in
            // Blank lines and prose above the page's first line change no table or heading
            // (frontmatter counts only on the first line, so a page that opens with it is left out).
            guard !text.hasPrefix("---"), !text.hasPrefix("\u{FEFF}"), let before = try? lint("docs/backlog.md", text) else { return }
            let shifted = String(repeating: "Intro.\n\n", count: count) + text
            guard let after = try? lint("docs/backlog.md", shifted) else { return }
            #expect(Set(after.map(\.identity)) == Set(before.map(\.identity)))
        }
    }

    @Test func theConfigurationLoaderOnlyEverRejectsWithAPlace() async {
        let keys = ["preset: finops", "preset: nope", "rules:", "  overkill: off", "  TL003: warning", "max-file-size: 1KB",
                    "exclude: [\"**\"]", "models:", "  - {name: x, tier: haiku}", "  - {name: y}", "per-path-ignores:",
                    "  \"*.md\": [overkil]", "baseline: ../x", "include: 3", "&a [*a, *a]", "- - - -", ":", "\"unterminated"]
        let generator = Gen.element(of: keys).map { $0 ?? "" }.array(of: 0...8).map { $0.joined(separator: "\n") }
        await propertyCheck(count: 300, input: generator) { text in
            do {
                _ = try ConfigurationLoader.load(text)
            } catch let error as ConfigurationError {
                #expect(error.file == ".tierlint.yml")
                #expect(!error.message.isEmpty)
            } catch {
                Issue.record("the loader threw \(error), not a ConfigurationError")
            }
        }
    }
}
