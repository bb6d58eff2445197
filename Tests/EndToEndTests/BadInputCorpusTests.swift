import Foundation
import TestSupport
import Testing

/// The files nobody writes on purpose: the corpus under Tests/Corpus/ (broken frontmatter,
/// alias bombs, every line ending, bytes that are not UTF-8, tables of every wrong shape), and
/// inputs too large to check in, generated here. All of them are staged in one repository and
/// checked by the built binary in one run, as a pre-commit hook would: each must give the
/// finding Tests/Corpus/EXPECTATIONS.tsv lists for it, and a bad file must never stop the
/// others from being checked (the control files' findings prove the run went on).
@Suite struct BadInputCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    /// One line of EXPECTATIONS.tsv, or of `generated`: a finding, or a reason the file is clean.
    struct Expectation: Sendable {
        var path: String
        /// `nil` for a file that must give no finding.
        var code: String?
        var line: Int?
        /// Words the finding's message contains, or why the file is clean.
        var text: String
    }

    static func expectations() throws -> [Expectation] {
        let table = try String(contentsOf: corpus.appendingPathComponent("EXPECTATIONS.tsv"), encoding: .utf8)
        return try table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { throw CorpusError(description: "EXPECTATIONS.tsv: not four fields: \(line)") }
            return Expectation(
                path: fields[0], code: fields[1] == "-" ? nil : fields[1], line: Int(fields[2]), text: fields[3])
        }
    }

    struct CorpusError: Error, CustomStringConvertible {
        var description: String
    }

    /// The corpus's files, relative to Tests/Corpus/, without its own bookkeeping.
    static func corpusFiles() throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: corpus.path))
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: corpus.path + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue, !["EXPECTATIONS.tsv", ".gitattributes"].contains(path) { files.append(path) }
        }
        return files.sorted()
    }

    // MARK: - Generated inputs

    /// A backlog page whose one ticket names an unknown model: a file that gives this TL002
    /// was parsed to the end and checked.
    static let controlTable = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Write release notes | haikuu |\n\n"

    /// Inputs too large for the repository, written into the test's repository, each with
    /// what it must give.
    static let generated: [(path: String, write: @Sendable (FileHandle) throws -> Void, expected: Expectation)] = [
        ("backlog/huge-100mb.md", { file in
            // A real backlog row again and again, a megabyte at a time.
            let row = Data("| 1.1 | Create sessions table | haiku |\n".utf8)
            var chunk = Data()
            for _ in 0..<(1 << 20) / row.count { chunk.append(row) }
            for _ in 0..<100 { file.write(chunk) }
        }, Expectation(path: "backlog/huge-100mb.md", code: "TL005", line: 1, text: "over the 8 MiB limit")),
        ("backlog/single-line-1mb.md", { file in
            let title = String(repeating: "Write release notes ", count: 52_000)
            // Read to its end: the misspelt model after the megabyte is reported.
            file.write(Data(("| # | Ticket | Model |\n|---|---|---|\n| 1 | " + title + " | haikuu |\n").utf8))
        }, Expectation(path: "backlog/single-line-1mb.md", code: "TL002", line: 3, text: "haikuu")),
        ("backlog/rows-200k.md", { file in
            var text = "| # | Ticket | Model |\n|---|---|---|\n"
            for number in 1...200_000 { text += "| \(number) | Write notes \(number) | haiku |\n" }
            file.write(Data(text.utf8))
        }, Expectation(path: "backlog/rows-200k.md", code: "TL005", line: 25_002, text: "more than 25000 rows")),
        ("backlog/columns-10k.md", { file in
            let header = "| # | Ticket | Model |" + String(repeating: " Note |", count: 10_000)
            let delimiter = "|---|---|---|" + String(repeating: "---|", count: 10_000)
            let row = "| 1 | Write release notes | haiku |" + String(repeating: " x |", count: 10_000)
            file.write(Data([header, delimiter, row, ""].joined(separator: "\n").utf8))
        }, Expectation(path: "backlog/columns-10k.md", code: "TL005", line: 1, text: "10003 cells")),
        ("backlog/nested-lists-10k.md", { file in
            file.write(Data((controlTable + String(repeating: "- ", count: 10_000) + "deep\n").utf8))
        }, Expectation(path: "backlog/nested-lists-10k.md", code: "TL005", line: 5, text: "10000 levels deep")),
        ("backlog/nested-ordered-lists-10k.md", { file in
            file.write(Data((controlTable + (0..<10_000).map { "\($0 % 10)." }.joined(separator: " ") + " deep\n").utf8))
        }, Expectation(path: "backlog/nested-ordered-lists-10k.md", code: "TL005", line: 5, text: "10000 levels deep")),
        ("backlog/nested-quotes-10k.md", { file in
            file.write(Data((controlTable + String(repeating: "> ", count: 10_000) + "deep\n").utf8))
        }, Expectation(path: "backlog/nested-quotes-10k.md", code: "TL005", line: 5, text: "10000 levels deep")),
        // 28 seconds inside libcmark-gfm 0.29.0.gfm.6 before the nesting bound.
        ("backlog/quotes-then-brackets.md", { file in
            file.write(Data((controlTable + String(repeating: ">", count: 50_000) + " x\n"
                + String(repeating: "[", count: 100_000)).utf8))
        }, Expectation(path: "backlog/quotes-then-brackets.md", code: "TL005", line: 5, text: "50000 levels deep")),
        ("backlog/brackets-100k.md", { file in
            file.write(Data((controlTable + String(repeating: "[", count: 100_000) + "\n").utf8))
        }, Expectation(path: "backlog/brackets-100k.md", code: "TL002", line: 3, text: "unknown model \"haikuu\"")),
        ("backlog/stars-100k.md", { file in
            file.write(Data((controlTable + String(repeating: "*", count: 100_000) + "\n").utf8))
        }, Expectation(path: "backlog/stars-100k.md", code: "TL002", line: 3, text: "unknown model \"haikuu\"")),
        ("backlog/backticks-100k.md", { file in
            file.write(Data((controlTable + String(repeating: "`", count: 100_000) + "\n").utf8))
        }, Expectation(path: "backlog/backticks-100k.md", code: "TL002", line: 3, text: "unknown model \"haikuu\"")),
        ("backlog/pipes-100k.md", { file in
            file.write(Data((controlTable.dropLast() + String(repeating: "|", count: 100_000) + "\n").utf8))
        }, Expectation(path: "backlog/pipes-100k.md", code: "TL005", line: 4, text: "99999 cells")),
        (".claude/agents/yaml-nesting-10k.md", { file in
            let model = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
            file.write(Data("---\nname: deep\nmodel: \(model)\n---\nBody.\n".utf8))
        }, Expectation(path: ".claude/agents/yaml-nesting-10k.md", code: "TL005", line: 3, text: "nested more than 1000 levels")),
        ("wide-bomb.agents.yml", { file in
            // Few anchors, each aliasing the one before a thousand times.
            var text = "a: &a [x]\n"
            for (name, previous) in zip("bcdef", "abcde") {
                text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 1_000).joined(separator: ", ") + "]\n"
            }
            file.write(Data((text + "writer:\n  model: haiku\n").utf8))
        }, Expectation(path: "wide-bomb.agents.yml", code: "TL005", line: 3, text: "alias bomb")),
    ]

    // MARK: - The run

    @Test func everyBadInputGivesItsFindingAndTheOthersAreStillChecked() throws {
        let expectations = try Self.expectations()
        let files = try Self.corpusFiles()
        let repository = try TemporaryRepository()

        // The corpus, byte for byte, with its attributes so git converts nothing here either.
        for path in files + [".gitattributes"] {
            let target = URL(fileURLWithPath: repository.root + "/" + path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(path), to: target)
        }
        for input in Self.generated {
            let target = repository.root + "/" + input.path
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: target, contents: nil))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
            try input.write(handle)
            try handle.close()
        }
        try repository.addAll()

        // What was staged is what the corpus holds: no line ending or byte was converted.
        let staged = try repository.git(["ls-files", "-s", "--"] + files).succeeded().stdout
        let stagedBlobs = Dictionary(uniqueKeysWithValues: staged.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return (String(parts[1]), String(parts[0].split(separator: " ")[1]))
        })
        let hashes = try Shell.run(
            "/usr/bin/git", ["hash-object", "--no-filters", "--stdin-paths"], in: Self.corpus.path,
            environment: repository.environment,
            input: files.map { Self.corpus.appendingPathComponent($0).path }.joined(separator: "\n") + "\n"
        ).succeeded().stdout.split(separator: "\n").map(String.init)
        for (path, hash) in zip(files, hashes) {
            #expect(stagedBlobs[path] == hash, "\(path) was staged with other bytes than the corpus holds")
        }

        let run = try repository.tierlint(["check", "--staged", "--format", "json"])
        // Findings, not a crash or a usage error.
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let json = try JSONValue.parse(run.stdout)
        let findings = try #require(json["findings"]?.array)
        var byPath: [String: [(code: String, line: Int, message: String)]] = [:]
        for finding in findings {
            let path = try #require(finding["path"]?.string)
            byPath[path, default: []].append((
                code: finding["code"]?.string ?? "", line: Int(finding["line"]?.number ?? 0),
                message: finding["message"]?.string ?? ""))
        }

        // Every file is listed, and every file listed exists: none is skipped unnoticed.
        let all = expectations + Self.generated.map(\.expected)
        let listed = Set(all.map(\.path))
        for path in files { #expect(listed.contains(path), "\(path) is in the corpus but not in EXPECTATIONS.tsv") }
        for path in Set(expectations.map(\.path)) { #expect(files.contains(path), "EXPECTATIONS.tsv lists \(path), which is not in the corpus") }

        for (path, expected) in Dictionary(grouping: all, by: \.path).sorted(by: { $0.key < $1.key }) {
            let found = byPath[path] ?? []
            let wanted = expected.filter { $0.code != nil }
            if wanted.isEmpty {
                #expect(found.isEmpty, "\(path) must be clean (\(expected[0].text)), but gave \(found)")
                continue
            }
            #expect(found.map { "\($0.code):\($0.line)" }.sorted() == wanted.map { "\($0.code!):\($0.line ?? 0)" }.sorted(),
                    "\(path): \(found)")
            for expectation in wanted {
                let match = found.first { $0.code == expectation.code && $0.line == expectation.line }
                #expect(match?.message.contains(expectation.text) == true,
                        "\(path):\(expectation.line ?? 0) \(expectation.code!) must say \"\(expectation.text)\", said \(match?.message ?? "nothing")")
            }
        }
        // No finding about a file outside the corpus and the generated inputs.
        #expect(Set(byPath.keys).subtracting(listed).isEmpty, "\(Set(byPath.keys).subtracting(listed))")
        // Every file was read: the summary counts each corpus file and generated input.
        #expect(json["summary"]?["files"]?.number == Double(files.count + Self.generated.count), "\(json["summary"] as Any)")
    }

    /// The corpus's bytes survived the checkout this test runs from: git converted no line
    /// ending and dropped no byte order mark (Tests/Corpus/.gitattributes says `-text`).
    @Test func theCorpusIsStoredByteForByte() throws {
        func bytes(_ path: String) throws -> [UInt8] {
            [UInt8](try Data(contentsOf: Self.corpus.appendingPathComponent(path)))
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        for path in [".claude/agents/bom.md", "backlog/bom-crlf.md"] {
            #expect(try bytes(path).starts(with: bom), "\(path)")
        }
        for path in [".claude/agents/crlf.md", "backlog/bom-crlf.md", "crlf.agents.yml"] {
            let content = try bytes(path)
            let lineFeeds = content.count { $0 == 0x0A }
            let pairs = zip(content, content.dropFirst()).count { $0 == 0x0D && $1 == 0x0A }
            #expect(lineFeeds > 0 && pairs == lineFeeds, "\(path) must end every line with CR LF")
        }
        for path in [".claude/agents/cr-only.md", "backlog/cr-only.md"] {
            let content = try bytes(path)
            #expect(content.contains(0x0D) && !content.contains(0x0A), "\(path) must end its lines with a lone CR")
        }
        for path in [".claude/agents/nul-byte.md", "backlog/nul-byte.md", "nul.agents.yml", ".claude/agents/binary-png.md"] {
            #expect(try bytes(path).contains(0), "\(path) must hold a NUL byte")
        }
        for path in [".claude/agents/invalid-utf8.md", "backlog/invalid-utf8.md"] {
            #expect(try bytes(path).contains(0xE9), "\(path) must hold the Latin-1 byte 0xE9")
        }
        #expect(try bytes(".claude/agents/tab-indented.md").contains(0x09))
        #expect(try bytes(".claude/agents/empty.md").isEmpty)
    }
}
