import Testing
@testable import TierlintMarkdown

/// The bounds checked before cmark-gfm sees a file: each lets through what people write and
/// stops, with the right line, what the library would spend seconds on.
@Suite struct ParseLimitsTests {
    static let table = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Write notes | haiku |\n\n"

    @Test func nestingUpToTheLimitIsParsed() {
        let limit = MarkdownParseLimits.maximumNesting
        #expect(MarkdownParseLimits.check(Array((String(repeating: "> ", count: limit) + "x\n").utf8)) == nil)
        #expect(MarkdownParseLimits.check(Array((String(repeating: "- ", count: limit) + "x\n").utf8)) == nil)
        #expect(MarkdownParseLimits.check(Array((String(repeating: "1. ", count: limit) + "x\n").utf8)) == nil)
        // Nested list items a line each, two columns deeper every time.
        let indented = (0..<limit).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()
        #expect(MarkdownParseLimits.check(Array(indented.utf8)) == nil)
    }

    @Test func nestingPastTheLimitIsStoppedAtItsLine() throws {
        for deep in ["> ", "- ", "1. ", "* ", ">"] {
            let text = Self.table + String(repeating: deep, count: 10_000) + "x\n"
            let exceeded = try #require(MarkdownParseLimits.check(Array(text.utf8)), "\(deep)")
            #expect(exceeded.line == 5, "\(deep)")
            #expect(exceeded.message.contains("levels deep"), "\(deep)")
            let document = MarkdownDocument.parse(text)
            #expect(document.blocks.isEmpty && document.unparsed == exceeded)
        }
        let indented = (0..<120).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()
        #expect(MarkdownParseLimits.check(Array(indented.utf8))?.line == 101)
    }

    /// Lines end at LF, CR LF or a lone CR, as cmark counts them; a byte order mark is no prefix.
    @Test func linesAreCountedAsCmarkCountsThem() {
        let deep = String(repeating: "> ", count: 200) + "x"
        for ending in ["\n", "\r\n", "\r"] {
            let text = "\u{FEFF}a" + ending + "b" + ending + deep + ending
            #expect(MarkdownParseLimits.check(Array(text.utf8))?.line == 3, "\(ending.unicodeScalars.map(\.value))")
        }
    }

    /// The cost of text nested deep grows with its length: a long paragraph under the nesting
    /// limit is stopped too, a short one is not.
    @Test func longTextNestedDeepIsStoppedWhereItsParagraphStarts() {
        let prefix = String(repeating: "> ", count: 90)
        #expect(MarkdownParseLimits.check(Array((Self.table + prefix + "x\n" + String(repeating: "[", count: 1_000)).utf8)) == nil)
        let long = Self.table + prefix + "x\n" + String(repeating: "a", count: 3_000_000)
        #expect(MarkdownParseLimits.check(Array(long.utf8))?.line == 5)
    }

    /// Every link, emphasis or code mark becomes a node: a file of them is stopped where the
    /// count goes over, whatever the lines look like.
    @Test func aFileOfInlineMarksIsStoppedWhereTheyGoOverTheLimit() {
        let under = Self.table + String(repeating: "[*_`", count: 100_000) + "\n"
        #expect(MarkdownParseLimits.check(Array(under.utf8)) == nil)
        let over = Self.table + String(repeating: "**sonnet** ", count: 100_000) + "\n" + String(repeating: "[", count: 200_000) + "\n"
        #expect(MarkdownParseLimits.check(Array(over.utf8))?.line == 6)
    }

    @Test func tablesUpToTheLimitsAreParsed() {
        let columns = MarkdownParseLimits.maximumCellsPerRow - 1
        let wide = "|" + String(repeating: " c |", count: columns) + "\n|" + String(repeating: "---|", count: columns) + "\n"
        #expect(MarkdownParseLimits.check(Array(wide.utf8)) == nil)
        let rows = MarkdownParseLimits.maximumTableRows - 1
        let long = "| # | Ticket | Model |\n|---|---|---|\n" + String(repeating: "| 1 | a | haiku |\n", count: rows)
        #expect(MarkdownParseLimits.check(Array(long.utf8)) == nil)
        // Escaped pipes do not split cells.
        let escaped = "| a | b |\n|---|---|\n| " + String(repeating: "\\|", count: 5_000) + " | haiku |\n"
        #expect(MarkdownParseLimits.check(Array(escaped.utf8)) == nil)
        // Pipes outside a table cost cmark nothing.
        #expect(MarkdownParseLimits.check(Array((Self.table + String(repeating: "|", count: 100_000)).utf8)) == nil)
    }

    @Test func tablesPastTheLimitsAreStoppedAtTheRowThatWentOver() {
        let wide = "| # | Ticket | Model |" + String(repeating: " c |", count: 10_000) + "\n|---|---|---|"
            + String(repeating: "---|", count: 10_000) + "\n"
        #expect(MarkdownParseLimits.check(Array(wide.utf8))?.line == 1)
        let wideBody = Self.table.dropLast() + String(repeating: "|", count: 2_000) + "\n"
        #expect(MarkdownParseLimits.check(Array(wideBody.utf8))?.line == 4)
        // Rows of 600 cells are allowed one by one, not seventy of them.
        let row = String(repeating: "| c ", count: 600) + "|\n"
        let manyWide = row + String(repeating: "|---", count: 600) + "|\n" + String(repeating: row, count: 100)
        let exceeded = MarkdownParseLimits.check(Array(manyWide.utf8))
        #expect(exceeded?.line == 70 && exceeded?.message.contains("cells squared") == true, "\(String(describing: exceeded))")
        let rows = "| # | Ticket | Model |\n|---|---|---|\n" + String(repeating: "| 1 | a | haiku |\n", count: 200_000)
        #expect(MarkdownParseLimits.check(Array(rows.utf8))?.line == MarkdownParseLimits.maximumTableRows + 2)
    }
}
