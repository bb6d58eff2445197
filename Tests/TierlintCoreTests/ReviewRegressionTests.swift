import Testing
import TierlintCore

/// Inputs a review of the first version found mishandled, kept as specifications.
@Suite struct ReviewRegressionTests {
    @Test func aTicketTableIsABacklogEvenWhenEveryModelIsUnknown() throws {
        let backlog = """
            ## Sprint 1

            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Implement OAuth login | llama-3-70b |
            """
        let findings = try lint("docs/backlog.md", backlog)
        #expect(findings.map(\.rule.slug) == ["unknown-model"])
    }

    @Test func plainMarkdownThatIsNoBacklogIsNeverAParseError() throws {
        let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" model | notes\n".utf8)
        let fenced = """
            Resolve conflicts like this model shows:

            ```
            <<<<<<< HEAD
            | a | b |
            =======
            >>>>>>> feature
            ```
            """
        let result = try lint([
            SourceFile(path: "docs/latin1.md", content: .bytes(latin1)),
            SourceFile(path: "docs/conflicts.md", text: fenced),
        ])
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
    }

    @Test func aBacklogThatIsNotUTF8IsReported() throws {
        let bytes: [UInt8] = Array("| # | Ticket | Model |\n|---|---|---|\n| 1 | Caf".utf8) + [0xE9] + Array(" | haiku |\n".utf8)
        let result = try lint([SourceFile(path: "docs/backlog.md", content: .bytes(bytes))])
        #expect(result.findings.map(\.rule.slug) == ["parse-error"])
    }

    @Test(arguments: [
        "Write the request log in JSON", "Add stripe to zebra table rows", "Document git checkout workflow",
    ])
    func everydayWordsAreNotSecurityWork(title: String) throws {
        let backlog = "| # | Ticket | Model |\n|---|---|---|\n| 1 | \(title) | haiku |\n"
        #expect(try lint("docs/backlog.md", backlog).isEmpty)
    }

    @Test(arguments: ["Implement Stripe webhook handler", "Add StripeClient retries", "Build checkout flow"])
    func paymentWorkIsStillSecurityWork(title: String) throws {
        let backlog = "| # | Ticket | Model |\n|---|---|---|\n| 1 | \(title) | sonnet |\n"
        #expect(try lint("docs/backlog.md", backlog).map(\.rule.slug) == ["security-tier"])
    }

    @Test func tooManyBraceGroupsInAPatternAreAConfigurationError() throws {
        let pattern = String(repeating: "{a}", count: 40)
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load("exclude: [\"\(pattern)\"]\n")
        }
        // Built directly, the glob neither recurses nor multiplies.
        #expect(PathGlob(String(repeating: "{a,b}", count: 200_000)).matches("x") == false)
    }

    @Test func manyDistinctUnknownNamesInOneCellAreOneFinding() throws {
        let names = (0..<3000).map { "model-\($0)-" + String(repeating: "x", count: 50) }.joined(separator: ", ")
        let backlog = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Ship it | \(names) |\n"
        let findings = try lint("docs/backlog.md", backlog)
        #expect(findings.map(\.rule.slug) == ["unknown-model"])
    }

    @Test func aConfigurationOverOneMebibyteIsAnError() throws {
        let huge = SourceFile(path: ".tierlint.yml", text: "# " + String(repeating: "x", count: 1 << 20) + "\n")
        #expect(throws: ConfigurationError.self) { try LintRun(source: MemorySource([huge])) }
    }

    @Test func unversionedGeminiFlashNamesAreKnown() {
        for name in ["Gemini Flash", "gemini-flash-lite", "Gemini Flash-Lite"] {
            if case .unknown = ModelCatalog.bundled.resolve(name) { Issue.record("\(name) is unknown") }
        }
    }
}
