import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TierlintCore

private let overSprint = """
    ## Sprint 5: Reporting

    | # | Ticket | Model |
    |---|--------|-------|
    | 5.1 | Design report engine | opus |
    | 5.2 | Research export options | opus |
    | 5.3 | Design dashboard layout | opus |
    | 5.4 | Add report export config | opus |
    | 5.5 | Implement ReportService | sonnet |
    | 5.6 | Write report tests | sonnet |

    """

func audit(_ files: [SourceFile], configuration: String? = nil) throws -> AuditReport {
    let run = try LintRun(
        source: MemorySource(files), configuration: configuration.map { (".tierlint.yml", SourceFile.Content.bytes(Array($0.utf8))) })
    return try run.audit(toolVersion: "9.9.9")
}

private let agents = [
    SourceFile(path: ".claude/agents/architect.md", text: "---\nname: architect\ndescription: Designs systems.\nmodel: opus\n---\n"),
    SourceFile(path: ".claude/agents/builder.md", text: "---\nname: builder\ndescription: Implements tickets.\nmodel: claude-sonnet-4-5\n---\n"),
    SourceFile(path: ".claude/agents/scribe.md", text: "---\nname: scribe\ndescription: Updates docs.\nmodel: haiku\n---\n"),
    SourceFile(path: ".claude/agents/helper.md", text: "---\nname: helper\ndescription: Helps.\nmodel: inherit\n---\n"),
    SourceFile(path: ".claude/commands/ship.md", text: "---\ndescription: Ships.\n---\nShip it.\n"),
]

@Suite struct AuditReportTests {
    @Test func theSeedSprintIsCountedCostedAndPriced() throws {
        let report = try audit([SourceFile(path: "docs/backlog.md", text: SeedPresetTests.sprint)])
        #expect(report.tickets.counts == ["haiku": 5, "sonnet": 12, "opus": 3])
        #expect(report.tickets.unassigned == 0)
        // 5 × 1 + 12 × 3 + 3 × 10 units, over 20 tickets.
        #expect(report.cost.units == 71)
        #expect(report.cost.index == 3.55)
        // The finops mix, 40/45/15: 0.4 + 1.35 + 1.5.
        #expect(abs((report.cost.recommendedIndex ?? 0) - 3.25) < 1e-9)
        // Seed 001's prices blended 3:1: haiku 1.6, sonnet 6, opus 30 → (8 + 72 + 90) / 20.
        #expect(report.cost.blendedPrice == Decimal(string: "8.5"))
        let section = try #require(report.sections.first)
        #expect(section.name == "Sprint 4: Session Management (20 tickets)")
        #expect(section.line == 1)
        #expect(section.costIndex == 3.55)
        let opus = try #require(report.tiers.first { $0.name == "opus" })
        #expect(opus.maximum == 0.2)
        #expect(opus.recommended == 0.15)
        #expect(AuditFormat.meetsTarget(opus, in: report.tickets, tiers: report.tiers) == true)
        // Its one finding is its miscounted distribution line, which moves nothing.
        #expect(report.rules.map(\.slug) == ["distribution-mismatch"])
        #expect(report.recommendations.isEmpty)
    }

    @Test func agentsAreListedWithTheirTierAndCountedApartFromCommands() throws {
        let report = try audit(agents)
        #expect(report.agents.map(\.name) == ["architect", "builder", "helper", "scribe", "ship"])
        #expect(report.agents.map(\.tier) == ["opus", "sonnet", "inherit", "haiku", "none"])
        #expect(report.agents.map(\.kind) == ["agent", "agent", "agent", "agent", "command"])
        #expect(report.agents[1].model == "claude-sonnet-4-5")
        #expect(report.agents[0].format == "claude-code")
        #expect(report.agentTiers.counts == ["opus": 1, "sonnet": 1, "haiku": 1])
        #expect(report.agentTiers.unassigned == 1)
    }

    @Test func aSectionOverItsCapIsAMoveNettedAgainstTheTicketMoves() throws {
        let report = try audit([SourceFile(path: "docs/backlog.md", text: overSprint)])
        // 4 of 6 on opus against a 20% cap: at most 1 may stay. The overkill ticket 5.4
        // moves down on its own; two more must follow.
        let moves = report.recommendations
        #expect(moves.map(\.rule) == ["distribution", "overkill"], "\(moves)")
        #expect(moves[0].count == 2)
        #expect(moves[0].saving == 14)
        #expect(moves[0].title == "2 more of its 4 opus tickets")
        #expect(moves[1].subject == "ticket 5.4")
        #expect((moves[1].from, moves[1].to, moves[1].saving) == ("opus", "haiku", 9))
        #expect(report.cost.possibleSaving == 23)
    }

    @Test func upgradesComeAfterSavingsAndAreCosts() throws {
        let text = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Implement OAuth login | sonnet |\n| 2 | Create users table | opus |\n"
        let moves = try audit([SourceFile(path: "docs/backlog.md", text: text)]).recommendations
        #expect(moves.map(\.subject) == ["ticket 2", "ticket 1"])
        #expect(moves[1].saving == -7)
        #expect(AuditFormat.saving(moves[1].saving) == "costs 7 units more")
    }

    @Test func findingsAreGroupedByRuleWorstFirst() throws {
        let report = try audit([SourceFile(path: "docs/backlog.md", text: overSprint)] + agents)
        #expect(report.rules.first?.severity == .error)
        #expect(report.rules.map(\.code) == report.rules.sorted { ($0.severity, -$0.findings.count) > ($1.severity, -$1.findings.count) }.map(\.code))
        #expect(report.findings.errors == report.rules.filter { $0.severity == .error }.reduce(0) { $0 + $1.findings.count })
    }

    @Test func moneyIsShownInCentsOrFiner() {
        #expect(AuditFormat.money(Decimal(string: "13.875")!) == "$13.88")
        #expect(AuditFormat.money(Decimal(string: "8.5")!) == "$8.50")
        #expect(AuditFormat.money(Decimal(string: "0.0625")!) == "$0.0625")
        #expect(AuditFormat.money(Decimal(string: "0.25")!) == "$0.25")
        #expect(AuditFormat.percent(0.385) == "38.5%")
        #expect(AuditFormat.percent(0.2) == "20%")
        #expect(AuditFormat.multiple(3.55) == "3.6×" || AuditFormat.multiple(3.55) == "3.5×")
    }
}

@Suite struct AuditRendererTests {
    static let report: AuditReport = {
        try! audit([SourceFile(path: "docs/backlog.md", text: SeedPresetTests.sprint + "\n" + overSprint)] + agents)
    }()

    @Test func textShowsBarsTargetsAndTheTables() {
        let text = AuditTextRenderer().render(Self.report, options: AuditRenderOptions())
        #expect(text.contains("Tickets by tier"))
        #expect(text.contains("█"))
        #expect(text.contains("at most 20%"))
        #expect(text.contains("recommended 40%"))
        #expect(text.contains("Sprint 5: Reporting"))
        #expect(text.contains("architect"))
        #expect(text.contains("Recommendations"))
        #expect(!text.contains("\u{1B}"), "no colour unless asked")
        #expect(AuditTextRenderer().render(Self.report, options: AuditRenderOptions(color: true)).contains("\u{1B}[35m"))
    }

    @Test func markdownHasATablePerDistribution() {
        let text = AuditMarkdownRenderer().render(Self.report, options: AuditRenderOptions())
        #expect(text.contains("| Tier | Tickets | Share | | Target | Recommended |"))
        #expect(text.contains("| opus | 7 | 26.9% |"), "\(text)")
        #expect(text.contains("at most 20% ❌"))
        #expect(text.contains("| Sprint 4: Session Management (20 tickets) | `docs/backlog.md:1` | 20 | 5 | 12 | 3 | 0 | 3.6× | $8.50 |"), "\(text)")
    }

    @Test func jsonCarriesEveryList() throws {
        let text = AuditJSONRenderer().render(Self.report, options: AuditRenderOptions(limit: 1))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((json["tickets"] as? [String: Any]).flatMap { $0["counts"] as? [String: Int] } == ["haiku": 5, "sonnet": 14, "opus": 7, "fable": 0])
        #expect((json["sections"] as? [Any])?.count == 2)
        #expect((json["agents"] as? [Any])?.count == 5)
        #expect((json["recommendations"] as? [Any])?.count == Self.report.recommendations.count)
        let cost = try #require(json["cost"] as? [String: Any])
        #expect(cost["units"] as? Int == Self.report.cost.units)
        #expect(text.contains(#""blendedPricePerMillionTokens":"#))
    }

    @Test func htmlIsOneWellFormedSelfContainedPage() throws {
        let html = AuditHTMLRenderer().render(Self.report, options: AuditRenderOptions())
        // Well-formed XML: any parser can read it.
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        // Nothing fetched: no scripts, stylesheets, images or fonts from elsewhere.
        for pattern in ["<script", "<link", "<img", "src=", "url(", "@import", "href=\"http"] {
            #expect(!html.contains(pattern), "\(pattern)")
        }
        #expect(html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"").count == 3, "two charts")
        #expect(html.contains("Sprint 5: Reporting"))
        #expect(html.contains("<details>"))
    }

    @Test func htmlEscapesWhatItShows() throws {
        let hostile = SourceFile(path: "docs/<b>&.md", text: "## <script>alert(1)</script> & \"Sprint\"\n\n| # | Ticket | Model |\n|---|---|---|\n| 1 | <img src=x> | sonet |\n")
        let html = AuditHTMLRenderer().render(try audit([hostile]), options: AuditRenderOptions())
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img"))
        #expect(html.contains("docs/&lt;b&gt;&amp;.md"))
        #expect(XMLParser(data: Data(html.utf8)).parse())
    }
}
