import Foundation
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

import Dispatch

@Suite struct MarkdownConcurrencyTests {
    /// cmark-gfm 0.29 shares one table of inline special characters between parsers; parses
    /// that overlap corrupt it and lose strikethrough, so parsing must be serialised.
    @Test func parsesAtTheSameTimeAgreeWithOneAtATime() {
        let text = "| Ticket | Model |\n|---|---|\n| ~~old~~ new `a\\|b` **x** | haiku |\n"
        let expected = MarkdownDocument.parse(text)
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 400) { _ in
            if MarkdownDocument.parse(text) != expected { mismatches.record() }
        }
        #expect(mismatches.count == 0)
        #expect(expected.tables.first?.rows.first?.cells.first?.text == "new a|b x")
    }
}

private final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func record() { lock.withLock { value += 1 } }
}
