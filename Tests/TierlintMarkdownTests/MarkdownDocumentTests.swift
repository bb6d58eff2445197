import Testing
@testable import TierlintMarkdown

@Suite struct MarkdownDocumentTests {
    @Test func tableCellsCarryTextAndPosition() {
        let document = MarkdownDocument.parse("""
            # Sprint 4: Session Management

            | # | Ticket | Model |
            |---|--------|-------|
            | 4.1 | Create `a\\|b` table | **haiku** |
            | 4.2 | 🔲 ~~x~~ Impl | sonnet |
            """)
        #expect(document.blocks.count == 2)
        guard case .heading(let heading) = document.blocks[0] else { Issue.record("no heading"); return }
        #expect(heading == MarkdownHeading(level: 1, text: "Sprint 4: Session Management", line: 1))
        let table = try! #require(document.tables.first)
        #expect(table.header.cells.map(\.text) == ["#", "Ticket", "Model"])
        #expect(table.rows.map { $0.cells.map(\.text) } == [["4.1", "Create a|b table", "haiku"], ["4.2", "🔲  Impl", "sonnet"]])
        #expect(table.rows[0].cells[2].line == 5)
        #expect(table.rows[0].cells[2].column == 31)
        // The emoji is four bytes but one character.
        #expect(table.rows[1].cells[2].column == 24)
    }
}
