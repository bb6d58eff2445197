import Testing
@testable import TierlintCore

/// Ticket titles are split into words on a fast path for ASCII text; it must give exactly the
/// words the general path gives.
@Suite struct WordSplittingTests {
    @Test func theASCIIPathAgreesWithTheGeneralOne() {
        let pieces = ["Add", "session", "SessionService", "JWTValidator", "oauth2Client", "API", "v2", " ", "  ", "/", "docs/x.md",
                      "schema.sql", "04_db_architect.template.md", ".", "(", ")", "`", "'", "\"", ",", ";", ":", "-", "_", "\t",
                      "\r\n", "\n", "a.b", "x.", ".md", "file.TOOLONG", "9.99", "(notes.txt)", "HTTPServer", "iOS", "é"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0..<9, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(WordPattern.words(of: text) == WordPattern.wordsOfAnyText(text), "\(text.debugDescription)")
        }
    }

    @Test func examples() {
        #expect(WordPattern.words(of: "Implement SessionService (see docs/api.md)") == ["implement", "session", "service", "see"])
        #expect(WordPattern.words(of: "Create `schema.sql` for code-reviewer") == ["create", "for", "code", "reviewer"])
    }
}

/// Row labels (to recognise Total and summary rows) are read on a fast path for ASCII cells.
@Suite struct RowLabelTests {
    @Test func theASCIIPathAgreesWithTheGeneralOne() {
        let pieces = ["Total", "tickets", "Tickets", "items", "Sum", ":", "(", ")", " ", "12.3", "Σ", "σ", "∑", "Sprint", "-", "é", "**"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let general = text.lowercased().prefix { $0 != ":" && $0 != "(" }
                .split(whereSeparator: { !$0.isLetter && $0 != "σ" && $0 != "∑" })
                .reversed().drop { ["tickets", "ticket", "items", "stories", "tasks"].contains($0) }.reversed()
                .joined(separator: " ")
            #expect(BacklogExtractor.rowLabel(text) == general, "\(text.debugDescription)")
        }
    }
}
