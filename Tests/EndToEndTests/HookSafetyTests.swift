import Foundation
import TestSupport
import Testing

/// `check` and `audit` only read: the index (bytes and mtime, so libgit2 never rewrites it),
/// the object database, the refs and every other file under `.git`, and the working tree are
/// exactly as they were, whatever the mode.
@Suite struct HookSafetyTests {
    /// Every file, folder and link under `root`, `.git` included: its kind, mode, size, mtime
    /// to the nanosecond, and bytes. A folder's mtime moves when a file is created or removed
    /// in it, so even a lock file made and deleted again is seen.
    struct Snapshot: Equatable {
        var entries: [String: String]

        init(_ root: String) throws {
            entries = [:]
            guard let walker = FileManager.default.enumerator(atPath: root) else { throw CocoaError(.fileReadUnknown) }
            while let relative = walker.nextObject() as? String {
                let path = root + "/" + relative
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                var description = "mode \(String(info.st_mode, radix: 8)) size \(info.st_size)"
                description += " mtime \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
                switch info.st_mode & S_IFMT {
                case S_IFREG: description += " bytes " + (try Data(contentsOf: URL(fileURLWithPath: path))).base64EncodedString()
                case S_IFLNK: description += " link " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
                default: break
                }
                entries[relative] = description
            }
        }

        /// What differs, by path, for a readable failure.
        func changes(since before: Snapshot) -> [String] {
            Set(entries.keys).union(before.entries.keys).sorted().compactMap { path in
                let old = before.entries[path], new = entries[path]
                if old == new { return nil }
                if old == nil { return "added \(path)" }
                if new == nil { return "removed \(path)" }
                return "changed \(path)"
            }
        }
    }

    /// A repository in the middle of work: history on two branches, a linked agent, a change
    /// staged, another only on disk, an untracked file, an intent-to-add entry, and a tracked
    /// file whose mtime moved without its content changing (stale stat data in the index,
    /// which a refresh would be tempted to write back).
    func busyRepository() throws -> TemporaryRepository {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.write(".claude/agents/builder.md", Fixture.goodAgent)
        try repository.write(".tierlint.yml", "rules:\n  overkill: warning\n")
        try repository.write("src/main.c", "int main(void) { return 0; }\n")
        try FileManager.default.createSymbolicLink(
            atPath: repository.root + "/.claude/agents/alias.md", withDestinationPath: "builder.md")
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.tierlint(["install"]).succeeded()
        try repository.git(["checkout", "-q", "-b", "feature"]).succeeded()
        try repository.write("docs/sprint2.md", Fixture.badBacklog)
        try repository.addAll()
        try repository.commit("sprint 2", ["--no-verify"]).succeeded()

        try repository.write(".claude/agents/reviewer.md", Fixture.agentWithoutModel)
        try repository.git(["add", ".claude/agents/reviewer.md"]).succeeded()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.write("docs/untracked.md", Fixture.badBacklog)
        try repository.write("docs/later.md", Fixture.goodBacklog)
        try repository.git(["add", "-N", "docs/later.md"]).succeeded()
        let later = Date().addingTimeInterval(5)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: repository.root + "/src/main.c")
        return repository
    }

    static let modes: [[String]] = [
        ["check"],
        ["check", "docs/backlog.md", ".claude"],
        ["check", "--staged"],
        ["check", "--pre-commit"],
        ["check", "--rev", "HEAD"],
        ["check", "--rev", "main"],
        ["check", "--since", "main"],
        ["check", "--format", "sarif"],
        ["check", "--staged", "--format", "json"],
        ["check", "--format", "github"],
        ["check", "--quiet", "--strict"],
        ["audit"],
        ["audit", "--rev", "HEAD"],
        ["audit", "--format", "html"],
        ["audit", "--format", "json", "docs"],
        ["fix", "--dry-run"],
    ]

    @Test(arguments: modes)
    func aModeWritesNothingToTheRepository(mode: [String]) throws {
        let repository = try busyRepository()
        let before = try Snapshot(repository.root)
        #expect(before.entries[".git/index"] != nil && before.entries.keys.contains { $0.hasPrefix(".git/objects/") })
        let run = try repository.tierlint(mode)
        #expect(run.status == 0 || run.status == 1, "\(mode): \(run)")
        let after = try Snapshot(repository.root)
        #expect(after.changes(since: before).isEmpty, "\(mode) wrote: \(after.changes(since: before))")
    }

    /// The snapshot does see a write: `git status` refreshes the stale stat data and rewrites
    /// the index, which is what libgit2 must not do for tierlint.
    @Test func theSnapshotSeesGitStatusRefreshTheIndex() throws {
        let repository = try busyRepository()
        let before = try Snapshot(repository.root)
        try repository.git(["status", "--short"]).succeeded()
        let changes = try Snapshot(repository.root).changes(since: before)
        // The folder's mtime moves too: git created and renamed index.lock in it. A lock taken
        // and dropped by tierlint would show the same way.
        #expect(changes == ["changed .git", "changed .git/index"], "\(changes)")
    }
}
