import Foundation
import TestSupport
import Testing

/// What git hands a pre-commit hook, and what a user may set: `GIT_INDEX_FILE` naming a
/// temporary index while git holds `index.lock`, and `GIT_DIR` / `GIT_WORK_TREE`.
@Suite struct GitEnvironmentTests {
    /// A repository with a good backlog committed, the hook installed, and a hook before it
    /// that records what git gave it: `GIT_INDEX_FILE`, and whether `index.lock` was held.
    func recordingRepository() throws -> (repository: TemporaryRepository, log: String) {
        let repository = try TemporaryRepository()
        let log = repository.base + "/hook-log"
        try repository.write(".git/hooks/pre-commit", """
            #!/bin/sh
            if [ -e "$(git rev-parse --git-dir)/index.lock" ]; then lock=held; else lock=free; fi
            echo "index=$(basename "$GIT_INDEX_FILE") lock=$lock" >> '\(log)'

            """)
        chmod(repository.root + "/.git/hooks/pre-commit", 0o755)
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.write("docs/other.md", Fixture.goodBacklog)
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.tierlint(["install"]).succeeded()
        try? FileManager.default.removeItem(atPath: log)
        return (repository, log)
    }

    func lastLine(_ log: String) throws -> String {
        try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").last.map(String.init) ?? ""
    }

    /// `git commit -a` stages into `.git/index.lock` and hands the hook that file; the hook
    /// reads it, never the working tree and never `.git/index`, and takes no lock of its own.
    @Test func commitAllReadsTheLockedIndexGitHandsTheHook() throws {
        let (repository, log) = try recordingRepository()
        // Staged: good. On disk: bad. `commit -a` commits the bad version.
        try repository.write("docs/backlog.md", Fixture.goodBacklog + "\nMore notes.\n")
        try repository.git(["add", "docs/backlog.md"]).succeeded()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.tierlint(["check", "--staged"]).succeeded()
        let stopped = try repository.commit("all", ["-a"])
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains("docs/backlog.md:6:33: error:"), "\(stopped)")
        #expect(try lastLine(log) == "index=index.lock lock=held")
        #expect(!repository.exists(".git/index.lock"))

        // Staged: bad. On disk: good. `commit -a` commits the good version and goes through.
        try repository.git(["add", "docs/backlog.md"]).succeeded()
        try repository.write("docs/backlog.md", Fixture.goodBacklog + "\nFixed.\n")
        #expect(try repository.tierlint(["check", "--staged"]).status == 1)
        try repository.commit("all, fixed", ["-a"]).succeeded()
        #expect(try lastLine(log) == "index=index.lock lock=held")
        #expect(try repository.git(["show", "HEAD:docs/backlog.md"]).stdout == Fixture.goodBacklog + "\nFixed.\n")
        #expect(!repository.exists(".git/index.lock"))
    }

    /// `git commit PATH` holds `index.lock` and hands the hook a second temporary index
    /// (`next-index-*.lock`) with only PATH taken from disk.
    @Test func commitWithAPathReadsTheTemporaryIndexGitHandsTheHook() throws {
        let (repository, log) = try recordingRepository()
        // other.md: bad and staged, but not in this commit. backlog.md: bad staged, good on disk.
        try repository.write("docs/other.md", Fixture.badBacklog)
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.git(["add", "docs"]).succeeded()
        try repository.write("docs/backlog.md", Fixture.goodBacklog + "\nMore notes.\n")
        try repository.commit("the path only", ["docs/backlog.md"]).succeeded()
        let line = try lastLine(log)
        #expect(line.hasPrefix("index=next-index-") && line.hasSuffix(".lock lock=held"), "\(line)")
        #expect(try repository.git(["show", "--name-only", "--format=", "HEAD"]).stdout == "docs/backlog.md\n")

        // Partially staged the other way: good staged, bad on disk; the commit takes the disk's.
        try repository.write("docs/other.md", Fixture.goodBacklog + "\nStaged.\n")
        try repository.git(["add", "docs/other.md"]).succeeded()
        try repository.write("docs/other.md", Fixture.badBacklog)
        let stopped = try repository.commit("the bad path", ["docs/other.md"])
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains("docs/other.md:6:33: error:"), "\(stopped)")
        #expect(!repository.exists(".git/index.lock"))
        // git rolled back: the index still holds what was staged before.
        #expect(try repository.git(["show", ":docs/other.md"]).stdout == Fixture.goodBacklog + "\nStaged.\n")
    }

    /// A lock someone else holds (git, in the middle of a commit) is left exactly as it is:
    /// reading needs no lock, and tierlint never takes one.
    @Test func everyModeRunsWhileIndexLockIsHeld() throws {
        let (repository, _) = try recordingRepository()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.git(["add", "docs/backlog.md"]).succeeded()
        let lock = repository.root + "/.git/index.lock"
        let held = Data("held by another process\n".utf8)
        try held.write(to: URL(fileURLWithPath: lock))
        for mode in [["check"], ["check", "--staged"], ["check", "--pre-commit"], ["check", "--rev", "HEAD"], ["audit"]] {
            let run = try repository.tierlint(mode)
            #expect(run.status == (mode == ["check", "--rev", "HEAD"] || mode == ["audit"] ? 0 : 1), "\(mode): \(run)")
            #expect(!run.stderr.contains("lock"), "\(mode): \(run)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: lock)) == held, "\(mode) touched index.lock")
        }
    }

    /// `git --git-dir=... --work-tree=... commit` from another folder exports GIT_DIR and
    /// GIT_WORK_TREE to the hook (libgit2 does not accept GIT_WORK_TREE from the environment).
    @Test func gitDirAndWorkTreeGivenToGitReachTheHook() throws {
        let (repository, _) = try recordingRepository()
        let elsewhere = repository.base + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let git = ["--git-dir=\(repository.root)/.git", "--work-tree=\(repository.root)"]

        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.git(git + ["add", "docs/backlog.md"], in: elsewhere).succeeded()
        let stopped = try repository.git(git + ["commit", "-q", "-m", "from elsewhere"], in: elsewhere)
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains("docs/backlog.md:6:33: error:"), "\(stopped)")

        try repository.git(git + ["reset", "-q", "--", "docs/backlog.md"], in: elsewhere).succeeded()
        let all = try repository.git(git + ["commit", "-q", "-a", "-m", "all from elsewhere"], in: elsewhere)
        #expect(all.status != 0, "\(all)")
        #expect(all.output.contains("docs/backlog.md:6:33: error:"), "\(all)")

        try repository.write("docs/backlog.md", Fixture.goodBacklog + "\nMore notes.\n")
        try repository.git(git + ["commit", "-q", "-a", "-m", "good from elsewhere"], in: elsewhere).succeeded()
    }

    /// A user pointing tierlint at a repository from another folder, as they would git.
    @Test func gitDirIndexFileAndWorkTreeSetByTheUser() throws {
        let (repository, _) = try recordingRepository()
        let elsewhere = repository.base + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.git(["add", "docs/backlog.md"]).succeeded()

        for gitDir in [repository.root + "/.git", "../repo/.git"] {
            let staged = try repository.tierlint(["check", "--staged"], in: elsewhere, environment: ["GIT_DIR": gitDir])
            #expect(staged.status == 1, "\(gitDir): \(staged)")
            #expect(staged.stdout.contains("docs/backlog.md:6:33: error:"), "\(gitDir): \(staged)")
            #expect(!staged.stdout.contains("docs/other.md"), "\(gitDir): \(staged)")
        }
        let worktree = try repository.tierlint(
            ["check"], in: elsewhere, environment: ["GIT_DIR": repository.root + "/.git", "GIT_WORK_TREE": repository.root])
        #expect(worktree.status == 1, "\(worktree)")
        #expect(worktree.stdout.contains("docs/backlog.md:6:33: error:"), "\(worktree)")

        // Another index, named by GIT_INDEX_FILE (relative to the current folder, as git reads it).
        try repository.git(["reset", "-q", "docs/backlog.md"]).succeeded()
        try FileManager.default.copyItem(atPath: repository.root + "/.git/index", toPath: elsewhere + "/other-index")
        try repository.git(["add", "docs/backlog.md"], environment: ["GIT_INDEX_FILE": elsewhere + "/other-index"]).succeeded()
        let other = ["GIT_DIR": repository.root + "/.git", "GIT_INDEX_FILE": "other-index"]
        #expect(try repository.tierlint(["check", "--staged"]).stdout.isEmpty)
        let alternate = try repository.tierlint(["check", "--staged"], in: elsewhere, environment: other)
        #expect(alternate.status == 1, "\(alternate)")
        #expect(alternate.stdout.contains("docs/backlog.md:6:33: error:"), "\(alternate)")

        let missing = try repository.tierlint(
            ["check", "--staged"], in: elsewhere, environment: ["GIT_DIR": repository.root + "/.git", "GIT_INDEX_FILE": "nope"])
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.contains("GIT_INDEX_FILE names \(elsewhere)/nope, which does not exist"), "\(missing)")
    }
}
