import Foundation
import TestSupport
import Testing

/// A monorepo's index: 100,000 entries, one backlog staged. The hook must judge that one file
/// without working through every path at the cost of a full match each.
@Suite struct LargeIndexTests {
    static let entryCount = 100_000

    @Test func aCommitInAHundredThousandEntryIndexChecksOnlyWhatIsStaged() throws {
        let repository = try TemporaryRepository()
        let started = Date()
        // One blob, 100,000 paths to it, straight into the index: no files on disk to write.
        // A tenth are Markdown, some in agent folders, so the path globs have real work to do.
        let blob = try Shell.run(
            "/usr/bin/git", ["hash-object", "-w", "--stdin"], in: repository.root, environment: repository.environment,
            input: Fixture.goodAgent
        ).succeeded().stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var entries = ""
        entries.reserveCapacity(Self.entryCount * 80)
        for number in 0..<Self.entryCount {
            let folder = "packages/p\(number % 500)"
            let path = switch number % 10 {
            case 0: "\(folder)/docs/notes\(number).md"
            case 1: "\(folder)/.claude/agents/agent\(number).md"
            default: "\(folder)/src/File\(number).swift"
            }
            entries += "100644 \(blob)\t\(path)\n"
        }
        try Shell.run(
            "/usr/bin/git", ["update-index", "--index-info"], in: repository.root, environment: repository.environment,
            input: entries
        ).succeeded()
        try repository.commit("a monorepo", ["--no-verify"]).succeeded()
        let built = Date()
        #expect(try repository.git(["ls-files"]).stdout.split(separator: "\n").count == Self.entryCount)

        try repository.tierlint(["install"]).succeeded()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.git(["add", "docs/backlog.md"]).succeeded()
        let stopped = try repository.commit("one backlog")
        let committed = Date()
        #expect(stopped.status != 0, "\(stopped)")
        let findings = stopped.output.split(separator: "\n").filter { $0.contains(": error:") || $0.contains(": warning:") }
        #expect(findings == ["docs/backlog.md:6:33: error: ticket 1.2 \"Implement OAuth login\" is security work "
            + "(\"OAuth\", \"login\") but is on sonnet; security and payment work needs opus or above [TL003 security-tier]"],
            "\(stopped)")
        #expect(stopped.output.contains("checked 1 file"), "\(stopped)")

        let json = try JSONValue.parse(try repository.tierlint(["check", "--staged", "--format", "json"]).stdout)
        #expect(json["summary"]?["files"]?.number == 1)
        #expect(json["findings"]?.array?.count == 1)
        print(String(format: "LargeIndexTests: built %d entries in %.1fs, the hook's commit took %.1fs",
                     Self.entryCount, built.timeIntervalSince(started), committed.timeIntervalSince(built)))
    }
}
