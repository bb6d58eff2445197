import Testing
@testable import TierlintCore

/// `tierlint fix` fills a model only where one suggestion is clear, and changes nothing but
/// the cells (or frontmatter lines) it fills.
@Suite struct ModelFixerTests {
    func plan(_ files: [SourceFile], configuration: String? = nil) throws -> [ModelFixer.FileChange] {
        try ModelFixer.plan(try LintRun(
            source: MemorySource(files),
            configuration: configuration.map { (".tierlint.yml", SourceFile.Content.bytes(Array($0.utf8))) }))
    }

    @Test func clearSuggestionsAreFilledAndUnclearOnesLeft() throws {
        let backlog = """
            | # | Ticket | Owner | Model |
            |---|--------|-------|-------|
            | 1 | Create sessions table | DB | TBD |
            | 2 | Rotate OAuth client secrets | Backend |   |
            | 3 | Add real-time updates | | ? |
            | 4 | Design cache topology | DevOps | - |
            """
        let changes = try plan([SourceFile(path: "docs/backlog.md", text: backlog)])
        let change = try #require(changes.first)
        #expect(change.fills.map(\.tier) == ["haiku", "opus"])
        #expect(change.fills.map(\.line) == [3, 4])
        let fixed = String(decoding: change.fixed, as: UTF8.self)
        #expect(fixed == """
            | # | Ticket | Owner | Model |
            |---|--------|-------|-------|
            | 1 | Create sessions table | DB | haiku |
            | 2 | Rotate OAuth client secrets | Backend | opus |
            | 3 | Add real-time updates | | ? |
            | 4 | Design cache topology | DevOps | - |
            """)
    }

    @Test func bytesOutsideTheFilledCellsAreUnchanged() throws {
        // CR LF endings, a BOM, an emoji and a wide cell: only the cell's bytes may change.
        let text = "\u{FEFF}# Backlog\r\n\r\n| # | Ticket 🔲 | Model          |\r\n|---|---|---|\r\n| 1 | Create seed data |                |\r\n"
        let change = try #require(try plan([SourceFile(path: "b.md", text: text)]).first)
        let original = change.original, fixed = change.fixed
        #expect(fixed.count == original.count)
        let differing = zip(original, fixed).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        let cellStart = Array(String(decoding: original, as: UTF8.self).utf8).count - "                |\r\n".utf8.count
        #expect(differing.allSatisfy { $0 >= cellStart })
        #expect(String(decoding: fixed, as: UTF8.self).hasSuffix("| 1 | Create seed data | haiku          |\r\n"))
    }

    @Test func anAgentWithoutAModelGetsALineInItsFrontmatter() throws {
        let agent = "---\r\nname: security-auditor\r\ndescription: Audits authentication flows.\r\n---\r\nBody.\r\n"
        let change = try #require(try plan([SourceFile(path: ".claude/agents/security-auditor.md", text: agent)]).first)
        #expect(String(decoding: change.fixed, as: UTF8.self)
            == "---\r\nname: security-auditor\r\ndescription: Audits authentication flows.\r\nmodel: opus\r\n---\r\nBody.\r\n")
    }

    @Test func commandsAndUnclearAgentsAreLeftAlone() throws {
        let files = [
            SourceFile(path: ".claude/commands/deploy.md", text: "---\ndescription: Deploy\n---\n"),
            SourceFile(path: ".claude/agents/helper.md", text: "---\nname: helper\ndescription: Helps.\n---\n"),
            SourceFile(path: ".claude/agents/bare.md", text: "No frontmatter at all.\n"),
        ]
        #expect(try plan(files).isEmpty)
    }

    @Test func suggestionsThatDisagreeFillNothing() throws {
        // The pattern says haiku (seed data); the complexity score says opus.
        let backlog = """
            | # | Ticket | Complexity | Model |
            |---|--------|------------|-------|
            | 1 | Create seed data | 8 | TBD |
            """
        #expect(try plan([SourceFile(path: "b.md", text: backlog)]).isEmpty)
    }

    @Test func anEmptyCellWithoutSpacesIsFilledBetweenItsPipes() throws {
        let text = "| # | Ticket | Model |\r\n|---|---|---|\r\n| 1 | Create seed data ||\r\n|| Add session config ||\r\n"
        let change = try #require(try plan([SourceFile(path: "b.md", text: text)]).first)
        #expect(String(decoding: change.fixed, as: UTF8.self)
            == "| # | Ticket | Model |\r\n|---|---|---|\r\n| 1 | Create seed data | haiku |\r\n|| Add session config | haiku |\r\n")
    }

    /// A Cost Tier that budgets another tier than the suggestion makes it unclear.
    @Test func aCostTierThatDisagreesWithTheSuggestionFillsNothing() throws {
        let backlog = """
            | # | Ticket | Model | Cost Tier |
            |---|--------|-------|-----------|
            | 1 | Create seed data | TBD | $$$ |
            | 2 | Rotate OAuth client secrets | TBD | $ |
            | 3 | Add session config | TBD | $ |
            """
        let change = try #require(try plan([SourceFile(path: "b.md", text: backlog)]).first)
        #expect(change.fills.map(\.line) == [5])
    }

    /// `model: # TBD` keeps its comment, byte for byte, with CR LF endings.
    @Test(arguments: [
        ("model: # TBD", "model: opus # TBD"), ("model:   # TBD", "model: opus   # TBD"),
        ("model: TBD  # decide later", "model: opus  # decide later"), ("model: \"TBD\"", "model: opus"),
    ])
    func aCommentAfterAnEmptyModelIsKept(line: String, filled: String) throws {
        let agent = "---\r\nname: security-auditor\r\ndescription: Audits authentication flows.\r\n\(line)\r\n---\r\nBody.\r\n"
        let change = try #require(try plan([SourceFile(path: ".claude/agents/security-auditor.md", text: agent)]).first)
        #expect(String(decoding: change.fixed, as: UTF8.self) == agent.replacing(line, with: filled))
    }

    @Test func theDiffIsAUnifiedDiffOfTheFilledLines() throws {
        let original = Array("a\nb\nc\nd\ne\nf\ng\nh\n".utf8)
        let fixed = Array("a\nb\nc\nD\ne\nf\ng\nh\n".utf8)
        #expect(UnifiedDiff.render(path: "x.md", original: original, fixed: fixed) == """
            --- a/x.md
            +++ b/x.md
            @@ -1,7 +1,7 @@
             a
             b
             c
            -d
            +D
             e
             f
             g

            """)
        let inserted = Array("a\nb\nNEW\nc\n".utf8)
        #expect(UnifiedDiff.render(path: "x.md", original: Array("a\nb\nc\n".utf8), fixed: inserted).contains("@@ -1,3 +1,4 @@\n a\n b\n+NEW\n c\n"))
    }
}
