import Testing
@testable import TierlintCore

private func findings(_ path: String, _ bytes: [UInt8], configuration: String? = nil) throws -> [Finding] {
    try lint([SourceFile(path: path, content: .bytes(bytes))], configuration: configuration).findings
}

/// Files the linter should read but cannot: too large, binary, not UTF-8.
@Suite struct DocumentLoaderTests {
    @Test func aFileOverTheSizeCapIsReportedNotRead() throws {
        let result = try lint([SourceFile(path: "docs/backlog.md", content: .tooLarge(size: 9 << 20))])
        #expect(result.findings.map(\.rule.slug) == ["parse-error"])
        #expect(result.findings.first?.message
            == "file is 9 MiB, over the 8 MiB limit; it was not checked (raise `max-file-size` in .tierlint.yml to check it)")
        #expect(result.findings.first?.position == "docs/backlog.md:1:1")
        #expect(result.filesChecked == 1)
    }

    @Test func theConfiguredCapIsTheOneQuoted() throws {
        let findings = try lint([SourceFile(path: ".claude/agents/x.md", content: .tooLarge(size: 1536))],
                                configuration: "max-file-size: 1KB\n").findings
        #expect(findings.first?.message.hasPrefix("file is 1.5 KiB, over the 1 KiB limit;") == true)
    }

    @Test(arguments: [(500, "500 bytes"), (1024, "1 KiB"), (1536, "1.5 KiB"), (8 << 20, "8 MiB"), (3 << 30, "3 GiB"), (1_100_000, "1 MiB")])
    func byteCountsReadAsAPersonWritesThem(bytes: Int, text: String) {
        #expect(ByteCount(bytes).description == text)
    }

    @Test func aNULByteMakesAFileBinary() throws {
        let bytes = Array("---\nname: x\n".utf8) + [0x00] + Array("model: sonnet\n---\n".utf8)
        let reported = try findings(".claude/agents/x.md", bytes)
        #expect(reported.map(\.message) == ["file contains a NUL byte, so it is binary, not Markdown; it was not checked"])
        #expect(reported.map(\.position) == [".claude/agents/x.md:3:1"])
    }

    @Test func invalidUTF8IsReportedWhereItIs() throws {
        let bytes = Array("---\nname: é\nmodel: ".utf8) + [0xFF] + Array("\n---\n".utf8)
        let reported = try findings(".claude/agents/x.md", bytes)
        #expect(reported.map(\.message) == ["file is not valid UTF-8 (byte 0xFF at offset 20); save it as UTF-8 so it can be checked"])
        #expect(reported.map(\.position) == [".claude/agents/x.md:3:8"])
    }

    @Test func invalidUTF8InABacklogIsReported() throws {
        let bytes = Array("| # | Ticket | Model |\n|---|---|---|\n| 1 | Caf".utf8) + [0xE9] + Array(" menu | haiku |\n".utf8)
        let reported = try findings("docs/backlog.md", bytes)
        #expect(reported.map(\.rule.slug) == ["parse-error"])
        #expect(reported.map(\.position) == ["docs/backlog.md:3:10"])
    }

    @Test func markdownThatCannotHoldABacklogIsNotEvenScanned() throws {
        // No table and no Model column: nothing in the file can matter, so its bytes are not checked.
        let bytes = Array("# Notes\n\nLatin-1: caf".utf8) + [0xE9] + Array("\n".utf8)
        #expect(try findings("docs/notes.md", bytes).isEmpty)
    }

    @Test func invalidUTF8WithLoneCRLineEndingsIsReportedOnItsLine() throws {
        let bytes = Array("---\rname: a\rmodel: ".utf8) + [0xFF] + Array("\r---\r".utf8)
        let reported = try findings(".claude/agents/x.md", bytes)
        #expect(reported.map(\.rule.slug) == ["parse-error"])
        #expect(reported.map(\.position) == [".claude/agents/x.md:3:8"])
    }

    @Test(arguments: [
        ([0xC3, 0xA9], 2), ([0xE6, 0xBC, 0xA2], 3), ([0xF0, 0x9F, 0x9A, 0x80], 4), ([0xF4, 0x8F, 0xBF, 0xBF], 4),
    ] as [([UInt8], Int)])
    func wellFormedSequences(bytes: [UInt8], length: Int) {
        #expect(UTF8Sequence.length(at: 0, in: bytes) == length)
    }

    @Test(arguments: [
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xC3], [0xE6, 0xBC], [0xFF],
    ] as [[UInt8]])
    func illFormedSequences(bytes: [UInt8]) {
        #expect(UTF8Sequence.length(at: 0, in: bytes) == 0)
    }

    @Test func thePreScanLooksForAPipeAndAModelColumnWord() {
        let needles = [Array("model".utf8), Array("llm".utf8)]
        #expect(DocumentLoader.mightHoldTable(Array("| # | MODEL |".utf8), needles: needles))
        #expect(DocumentLoader.mightHoldTable(Array("|LLM|".utf8), needles: needles))
        #expect(!DocumentLoader.mightHoldTable(Array("Model without a table".utf8), needles: needles))
        #expect(!DocumentLoader.mightHoldTable(Array("| a | b |".utf8), needles: needles))
        #expect(DocumentLoader.containsIgnoringCase(Array("abc".utf8), []))
        #expect(!DocumentLoader.containsIgnoringCase(Array("mod".utf8), Array("model".utf8)))
    }
}
