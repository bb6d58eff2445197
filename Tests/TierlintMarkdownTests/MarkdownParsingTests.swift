import Testing
@testable import TierlintMarkdown

private func headings(_ document: MarkdownDocument) -> [MarkdownHeading] {
    document.blocks.compactMap { if case .heading(let heading) = $0 { heading } else { nil } }
}

private func paragraphs(_ document: MarkdownDocument) -> [MarkdownParagraph] {
    document.blocks.compactMap { if case .paragraph(let paragraph) = $0 { paragraph } else { nil } }
}

private func html(_ document: MarkdownDocument) -> [MarkdownHTML] {
    document.blocks.compactMap { if case .html(let html) = $0 { html } else { nil } }
}

private func texts(_ row: MarkdownRow) -> [String] { row.cells.map(\.text) }

/// Markdown read the way github.com renders it, reduced to headings, tables, paragraphs and HTML.
@Suite struct MarkdownParsingTests {
    // MARK: - Blocks

    @Test func blocksComeInDocumentOrder() {
        let document = MarkdownDocument.parse("""
            # Title

            Intro text.

            | a | b |
            |---|---|
            | 1 | 2 |

            <!-- note -->
            """)
        let kinds = document.blocks.map { block -> String in
            switch block {
            case .heading: "heading"
            case .paragraph: "paragraph"
            case .table: "table"
            case .html: "html"
            }
        }
        #expect(kinds == ["heading", "paragraph", "table", "html"])
    }

    @Test func headingsHaveTheirLevelTextAndLine() {
        let document = MarkdownDocument.parse("""
            # One
            ## Two **bold** and `code`
            ###### Six ######

            Setext one
            ==========

            Setext *two*
            ------------
            """)
        #expect(headings(document) == [
            MarkdownHeading(level: 1, text: "One", line: 1),
            MarkdownHeading(level: 2, text: "Two bold and code", line: 2),
            MarkdownHeading(level: 6, text: "Six", line: 3),
            MarkdownHeading(level: 1, text: "Setext one", line: 5),
            MarkdownHeading(level: 2, text: "Setext two", line: 8),
        ])
    }

    @Test func aParagraphJoinsItsLinesWithSpaces() {
        let document = MarkdownDocument.parse("First line\nsecond _line_  \nthird line\n\nNext")
        #expect(paragraphs(document) == [
            MarkdownParagraph(
                text: "First line second line third line", line: 1, endLine: 3, source: "First line",
                sourceLines: ["First line", "second _line_  ", "third line"]),
            MarkdownParagraph(text: "Next", line: 5, endLine: 5, source: "Next"),
        ])
    }

    @Test func codeBlocksAreNotRead() {
        let document = MarkdownDocument.parse("""
            ```
            # not a heading
            | a | b |
            |---|---|
            ```

                # indented code
                | a | b |
                |---|---|
            """)
        #expect(document.blocks.isEmpty)
    }

    @Test func anHTMLCommentIsOneHTMLBlockWithNoTableInside() {
        let document = MarkdownDocument.parse("""
            <!--
            | a | b |
            |---|---|
            | 1 | 2 |
            -->

            after
            """)
        #expect(document.tables.isEmpty)
        let blocks = html(document)
        #expect(blocks.count == 1)
        #expect(blocks.first?.line == 1)
        #expect(blocks.first?.literal.hasPrefix("<!--\n| a | b |") == true)
        #expect(paragraphs(document).map(\.text) == ["after"])
    }

    @Test func anHTMLBlockEndsOnTheLineThatClosesIt() {
        let div = html(MarkdownDocument.parse("<div>\nx\n</div>\n\nafter"))
        #expect(div.map(\.endLine) == [3])
        let comment = html(MarkdownDocument.parse("<!--\nx\n-->\n\nafter"))
        let oneLine = html(MarkdownDocument.parse("<!-- one -->\n"))
        #expect(comment.map(\.endLine) == [3])
        #expect(oneLine.map(\.endLine) == [1])
    }

    @Test func tablesInBlockQuotesAndListItemsAreTables() {
        let document = MarkdownDocument.parse("""
            > | a | b |
            > |---|---|
            > | 1 | 2 |

            - item

              | c | d |
              |---|---|
              | 3 | 4 |

            > - nested
            >
            >   | e | f |
            >   |---|---|
            >   | 5 | 6 |
            """)
        #expect(document.tables.map { texts($0.header) } == [["a", "b"], ["c", "d"], ["e", "f"]])
        #expect(document.tables.map { $0.rows.first?.line } == [3, 9, 15])
        #expect(document.tables[0].rows[0].cells[1].column == 9)
        #expect(document.tables[1].rows[0].cells[1].column == 9)
    }

    // MARK: - What makes a table

    @Test func aTableNeedsADelimiterRowMatchingItsHeader() {
        #expect(MarkdownDocument.parse("| a | b |\n| 1 | 2 |\n").tables.isEmpty)
        #expect(MarkdownDocument.parse("| a | b |\n|---|\n| 1 | 2 |\n").tables.isEmpty)
        #expect(MarkdownDocument.parse("| a | b |\n|:--|--:|\n| 1 | 2 |\n").tables.count == 1)
    }

    @Test func outerPipesAreOptional() {
        let table = MarkdownDocument.parse("a | b\n--|--\n1 | 2\n").tables.first
        #expect(table.map { texts($0.header) } == ["a", "b"])
        #expect(table.map { $0.rows.map(texts) } == [["1", "2"]])
    }

    @Test func aHeaderOnlyTableHasNoRows() {
        let table = MarkdownDocument.parse("| a | b |\n|---|---|\n").tables.first
        #expect(table?.rows.isEmpty == true)
        #expect(table?.line == 1)
        #expect(table?.endLine == 2)
    }

    @Test func aTableEndsAtABlankLine() {
        let document = MarkdownDocument.parse("| a |\n|---|\n| 1 |\n\n| 2 |\n")
        #expect(document.tables.count == 1)
        #expect(document.tables[0].rows.count == 1)
        #expect(document.tables[0].endLine == 3)
        #expect(paragraphs(document).map(\.text) == ["| 2 |"])
    }

    // MARK: - Rows and cells

    @Test func aShortRowIsPaddedWithCellsThatHaveNoPlace() throws {
        let table = try #require(MarkdownDocument.parse("| a | b | c |\n|---|---|---|\n| 1 |\n").tables.first)
        let row = table.rows[0]
        #expect(texts(row) == ["1", "", ""])
        #expect(row.cells.map(\.column) == [3, nil, nil])
        #expect(!row.hasExtraCells)
    }

    @Test func aLongRowKeepsTheHeadersWidthAndSaysSo() throws {
        let table = try #require(MarkdownDocument.parse("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 | 5 |  |\n| 6 | 7 | |\n").tables.first)
        #expect(table.rows.map(texts) == [["1", "2"], ["4", "5"], ["6", "7"]])
        #expect(table.rows.map(\.hasExtraCells) == [true, false, false])
    }

    @Test func anEmptyCellPointsWhereItsContentWouldBe() throws {
        let table = try #require(MarkdownDocument.parse("| a | b | c |\n|---|---|---|\n| 1 |  | 3 |\n").tables.first)
        let cells = table.rows[0].cells
        #expect(cells.map(\.text) == ["1", "", "3"])
        #expect(cells[0].column == 3)
        #expect(cells[2].column == 10)
        let empty = try #require(cells[1].column)
        #expect((6...8).contains(empty))
    }

    @Test func cellTextIsWhatAReaderSees() throws {
        let table = try #require(MarkdownDocument.parse("""
            | text |
            |------|
            | **bold** and _em_ |
            | `a\\|b` c\\|d |
            | ~~haiku~~ sonnet |
            | a<br>b <span>c</span> |
            | [link text](https://example.com) |
            | ![alt text](image.png) |
            | \u{00A0}spaced\u{00A0} |
            | &amp; &lt;tag&gt; |
            """).tables.first)
        #expect(table.rows.map { $0.cells[0].text } == [
            "bold and em", "a|b c|d", "sonnet", "ab c", "link text", "alt text", "spaced", "& <tag>",
        ])
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let table = try #require(MarkdownDocument.parse("| é | 漢字 | e\u{301} | x |\n|---|---|---|---|\n| é | 漢字 | e\u{301} | x |\n").tables.first)
        #expect(table.rows[0].cells.map(\.column) == [3, 7, 12, 17])
        #expect(table.header.cells.map(\.column) == [3, 7, 12, 17])
    }

    // MARK: - Line endings, byte order marks and odd bytes

    @Test func crlfAndLoneCRCountLinesLikeLF() throws {
        for newline in ["\n", "\r\n", "\r"] {
            let text = ["# Title", "", "| a | b |", "|---|---|", "| 1 | 2 |", "", "para"].joined(separator: newline)
            let document = MarkdownDocument.parse(text)
            #expect(headings(document).map(\.line) == [1], "\(newline.unicodeScalars.map(\.value))")
            let table = try #require(document.tables.first)
            #expect(table.line == 3)
            #expect(table.rows.map(\.line) == [5])
            #expect(table.rows[0].cells.map(\.column) == [3, 7])
            #expect(texts(table.rows[0]) == ["1", "2"])
            #expect(paragraphs(document).map(\.line) == [7])
        }
    }

    @Test func aByteOrderMarkIsNotAColumn() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("| a | b |\n|---|---|\n| 1 | 2 |\n".utf8)
        let table = try #require(MarkdownDocument.parse(bytes: bytes).tables.first)
        #expect(table.line == 1)
        #expect(table.header.cells.map(\.column) == [3, 7])
        #expect(texts(table.header) == ["a", "b"])
    }

    @Test func textAndBytesParseTheSame() {
        let text = "# T\n\n| a | 🚀 |\n|---|---|\n| 1 | 2 |\n"
        #expect(MarkdownDocument.parse(text) == MarkdownDocument.parse(bytes: Array(text.utf8)))
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        let bytes = Array("# T".utf8) + [0xC3] + Array("\n\n| a | b |\n|---|---|\n| ".utf8) + [0xFF, 0xFE] + Array(" | 2 |\n".utf8)
        let document = MarkdownDocument.parse(bytes: bytes)
        #expect(headings(document).count == 1)
        let table = try #require(document.tables.first)
        #expect(texts(table.header) == ["a", "b"])
        #expect(document.blocks.count >= 2)
    }

    @Test func emptyInputHasNoBlocks() {
        #expect(MarkdownDocument.parse("").blocks.isEmpty)
        #expect(MarkdownDocument.parse(bytes: []).blocks.isEmpty)
        #expect(MarkdownDocument.parse("\n\n   \n").blocks.isEmpty)
    }

    /// Deeper nesting is not parsed at all (see `ParseLimitsTests`).
    @Test func deeplyNestedInputIsReadWithoutExhaustingTheStack() {
        let quotes = String(repeating: "> ", count: MarkdownParseLimits.maximumNesting) + "deep"
        #expect(paragraphs(MarkdownDocument.parse(quotes)).map(\.text) == ["deep"])
        let emphasis = String(repeating: "*", count: 5_000) + "x" + String(repeating: "*", count: 5_000)
        #expect(paragraphs(MarkdownDocument.parse(emphasis)).map(\.text) == ["x"])
    }

    // MARK: - Trimming

    @Test func trimmingSpacesUsesUnicodeWhitespace() {
        #expect("  a b \t".trimmingSpaces() == "a b")
        #expect("\u{00A0}\u{2003}sonnet\u{3000}\n".trimmingSpaces() == "sonnet")
        #expect("".trimmingSpaces() == "")
        #expect(" \u{00A0} ".trimmingSpaces() == "")
    }
}
