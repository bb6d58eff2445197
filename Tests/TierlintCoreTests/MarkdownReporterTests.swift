import Foundation
import Testing
@testable import TierlintCore

@Suite struct MarkdownReporterTests {
    @Test func aHeadlineCountsPerRuleAndATableOfFindings() {
        let text = MarkdownReporter().report(ReportFixtures.input([ReportFixtures.security, ReportFixtures.unknown, ReportFixtures.note]))
        #expect(text.hasPrefix("## tierlint: 1 error, 1 warning, 1 note\n\nChecked 3 files (4 tickets, 0 agents) from `HEAD` with tierlint 9.8.7.\n"))
        #expect(text.contains("| TL003 `security-tier` | 1 | 0 | 0 |\n"))
        #expect(text.contains("| ❌ error | `docs/backlog.md:5:27` | TL003 `security-tier` | ticket 5.1 \"Implement OAuth login\" is security work"))
    }

    @Test func aCleanRunSaysSo() {
        #expect(MarkdownReporter().report(ReportFixtures.input([])) == "## tierlint: no problems\n\nChecked 3 files (4 tickets, 0 agents) from `HEAD` with tierlint 9.8.7.\n")
    }

    @Test func cellsCannotBreakTheTable() throws {
        let text = MarkdownReporter().report(ReportFixtures.input([ReportFixtures.tricky]))
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| ⚠️") })
        #expect(row.contains("pipe \\| pipe") == false && row.contains("amp \\| pipe"))
        #expect(row.contains("&lt;tag&gt; &amp; amp"))
        #expect(!row.contains("<tag>"))
        // Every row of the findings table has the header's four cells.
        let unescapedPipes = row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
        #expect(unescapedPipes == 5)
    }

    @Test func longReportsAreCut() {
        var findings: [Finding] = []
        for line in 1...30 {
            var finding = ReportFixtures.security
            finding.line = line
            findings.append(finding)
        }
        let text = MarkdownReporter(maximumRows: 10).report(ReportFixtures.input(findings))
        #expect(text.split(separator: "\n").count { $0.hasPrefix("| ❌") } == 10)
        #expect(text.contains("…and 20 more findings"))
    }
}

@Suite struct JSONLinesReporterTests {
    @Test func oneObjectPerFindingPerLine() throws {
        let text = JSONLinesReporter().report(ReportFixtures.input([ReportFixtures.security, ReportFixtures.tricky]))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines.last == "")
        let objects = try lines.dropLast().map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects[0]["code"] as? String == "TL003")
        #expect(objects[1]["message"] as? String == ReportFixtures.tricky.message)
        #expect(JSONLinesReporter().report(ReportFixtures.input([])) == "")
    }
}
