import Foundation
import TestSupport
import Testing
@testable import TierlintGit

/// git records a path as bytes, and old repositories hold Latin-1 names that are not UTF-8.
/// tierlint shows such a name with U+FFFD, but must still find it in HEAD's tree by its bytes,
/// and must not let the shown names disturb the order it searches the index's paths in.
@Suite struct NonUTF8PathTests {
    /// Adds `path` (C-quoted as git quotes it: `"d\\377/x.md"`) to the index with `blob`.
    private func stage(_ quoted: String, blob: String, in repository: TemporaryRepository) throws {
        let run = try Shell.run(
            "/usr/bin/git", ["update-index", "--add", "--index-info"], in: repository.root,
            environment: repository.environment, input: "100644 \(blob)\t\(quoted)\n")
        try run.succeeded()
    }

    private func blob(_ text: String, in repository: TemporaryRepository) throws -> String {
        try repository.write("blob.tmp", text)
        defer { try? FileManager.default.removeItem(atPath: repository.root + "/blob.tmp") }
        return try repository.git(["hash-object", "-w", "blob.tmp"]).succeeded().stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func unchangedFilesWhoseNamesAreNotUTF8AreNotStaged() throws {
        let repository = try TemporaryRepository()
        try repository.write("a.md", "a\n")
        try repository.addAll()
        let text = try blob("unchanged\n", in: repository)
        for quoted in [#""d\377/one.md""#, #""d\377/two.md""#, #""d\376/one.md""#, #""\200z.md""#] {
            try stage(quoted, blob: text, in: repository)
        }
        try repository.commit("initial").succeeded()
        try repository.write("a.md", "changed\n")
        try repository.git(["add", "a.md"]).succeeded()

        let git = try GitRepository.open(at: repository.root)
        #expect(try git.stagedPaths(git.index()) == ["a.md"])
        // Through the cache tree too, once git has written it again.
        try repository.git(["write-tree"]).succeeded()
        let rewritten = try GitRepository.open(at: repository.root)
        #expect(try rewritten.stagedPaths(rewritten.index()) == ["a.md"])
    }

    /// A commit of one file is not blocked by an unchanged file with a Latin-1 name.
    @Test func aCommitIsNotJudgedByAnUnchangedBacklogWithALatin1Name() throws {
        let repository = try TemporaryRepository()
        try repository.write("a.md", "a\n")
        try repository.addAll()
        try stage(#""planning\351/backlog.md""#, blob: try blob(Fixture.badBacklog, in: repository), in: repository)
        try repository.commit("initial", ["--no-verify"]).succeeded()
        try repository.write("a.md", "changed\n")
        try repository.git(["add", "a.md"]).succeeded()

        let run = try repository.tierlint(["check", "--staged"])
        #expect(run.status == 0, "\(run)")
    }

    /// `é.md` sorts between names that are not UTF-8 by its bytes, but not by the names shown
    /// for them (U+FFFD); it must still be found, and checked.
    @Test func aNameBesideNamesThatAreNotUTF8IsStillChecked() throws {
        let repository = try TemporaryRepository()
        try repository.write("README.md", "readme\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()
        let good = try blob(Fixture.goodAgent, in: repository)
        try stage(#"".claude/agents/\200z.md""#, blob: good, in: repository)
        try stage(".claude/agents/é.md", blob: try blob(Fixture.agentWithoutModel, in: repository), in: repository)
        try stage(#"".claude/agents/\377.md""#, blob: good, in: repository)

        let run = try repository.tierlint(["check", "--staged"])
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.contains(".claude/agents/é.md"), "\(run)")
        let source = try IndexSource(repository: try GitRepository.open(at: repository.root))
        #expect(source.paths().contains(".claude/agents/é.md"))
        #expect(try source.read(".claude/agents/é.md", limit: 1 << 20) != nil)
    }
}
