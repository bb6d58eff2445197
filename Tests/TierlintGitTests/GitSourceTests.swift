import Foundation
import TestSupport
import Testing
import TierlintCore
@testable import TierlintGit

/// The git layer read against repositories the real git made.
@Suite struct GitSourceTests {
    @Test func stagedPathsAreWhatDiffersFromHeadWithoutDeletions() throws {
        let repository = try TemporaryRepository()
        try repository.write("kept.md", "kept\n")
        try repository.write("changed.md", "before\n")
        try repository.write("deleted.md", "gone soon\n")
        try repository.write("renamed.md", "moving\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()

        try repository.write("changed.md", "after\n")
        try repository.write("added.md", "new\n")
        try repository.git(["rm", "-q", "deleted.md"]).succeeded()
        try repository.git(["mv", "renamed.md", "moved.md"]).succeeded()
        try repository.write("unstaged.md", "not added\n")
        try repository.git(["add", "changed.md", "added.md"]).succeeded()

        let source = try IndexSource(repository: try GitRepository.open(at: repository.root))
        #expect(try source.pathsToCheck()?.sorted() == ["added.md", "changed.md", "moved.md"])
        #expect(source.paths().sorted() == ["added.md", "changed.md", "kept.md", "moved.md"])
        guard case .bytes(let bytes)? = try source.read("changed.md", limit: 100) else {
            Issue.record("changed.md was not read")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "after\n")
    }

    @Test func anUnbornHeadMakesEveryStagedPathNew() throws {
        let repository = try TemporaryRepository()
        try repository.write("a.md", "a\n")
        try repository.write("dir/b.md", "b\n")
        try repository.addAll()
        let git = try GitRepository.open(at: repository.root)
        #expect(try git.headTree() == nil)
        #expect(try IndexSource(repository: git).pathsToCheck()?.sorted() == ["a.md", "dir/b.md"])
    }

    @Test func symlinksAndSubmodulesAreNotFiles() throws {
        let repository = try TemporaryRepository()
        try repository.write("real.md", "real\n")
        try FileManager.default.createDirectory(atPath: repository.root + "/.claude/agents", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: repository.root + "/.claude/agents/link.md", withDestinationPath: "../../real.md")
        let inner = try TemporaryRepository()
        try inner.write("x.md", "x\n")
        try inner.addAll()
        try inner.commit("inner").succeeded()
        try repository.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", inner.root, "vendor/inner"]).succeeded()
        try repository.addAll()
        try repository.commit("with links").succeeded()

        let git = try GitRepository.open(at: repository.root)
        let staged = try IndexSource(repository: git).paths()
        #expect(!staged.contains(".claude/agents/link.md"))
        #expect(!staged.contains("vendor/inner"))
        #expect(staged.contains("real.md"))
        let tree = try TreeSource(repository: git, revision: "HEAD").paths()
        #expect(!tree.contains(".claude/agents/link.md"))
        #expect(!tree.contains("vendor/inner"))
        let worktree = try WorkingTreeSource(repository: git)
        #expect(try worktree.read(".claude/agents/link.md", limit: 100) == nil)
    }

    @Test func aBlobOverTheLimitIsNotRead() throws {
        let repository = try TemporaryRepository()
        try repository.write("big.md", String(repeating: "x", count: 5000))
        try repository.addAll()
        let source = try IndexSource(repository: try GitRepository.open(at: repository.root))
        guard case .tooLarge(let size)? = try source.read("big.md", limit: 4096) else {
            Issue.record("the blob was read despite the limit")
            return
        }
        #expect(size == 5000)
    }

    @Test func treesAreReadAtAnyRevision() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/a.md", "first\n")
        try repository.addAll()
        try repository.commit("one").succeeded()
        try repository.write("docs/a.md", "second\n")
        try repository.write("docs/b.md", "b\n")
        try repository.addAll()
        try repository.commit("two").succeeded()

        let git = try GitRepository.open(at: repository.root)
        let previous = try TreeSource(repository: git, revision: "HEAD~1")
        #expect(previous.paths() == ["docs/a.md"])
        guard case .bytes(let bytes)? = try previous.read("docs/a.md", limit: 100) else {
            Issue.record("not read")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "first\n")
        #expect(throws: GitError.self) { try TreeSource(repository: git, revision: "v9.9") }
    }

    @Test func hooksLiveInTheCommonDirectoryOrCoreHooksPath() throws {
        let repository = try TemporaryRepository()
        let git = try GitRepository.open(at: repository.root)
        let installer = HookInstaller(repository: git)
        #expect(try installer.location().directory.hasSuffix("/.git/hooks"))
        #expect(try installer.location().outsideRepository == false)

        try repository.git(["config", "core.hooksPath", "tools/hooks"]).succeeded()
        let configured = try HookInstaller(repository: try GitRepository.open(at: repository.root)).location()
        #expect(URL(fileURLWithPath: configured.directory).standardized.path.hasSuffix("/repo/tools/hooks"))
        #expect(configured.outsideRepository == false)
        #expect(configured.configuredAt == .local)
    }
}

@Suite struct IntentToAddSourceTests {
    @Test func intentToAddEntriesAreNotInTheIndexSourceButAreInTheWorkingTree() throws {
        let repository = try TemporaryRepository()
        try repository.write("kept.md", "kept\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.write("later.md", "not staged yet\n")
        try repository.git(["add", "-N", "later.md"]).succeeded()

        let git = try GitRepository.open(at: repository.root)
        let index = try IndexSource(repository: git)
        #expect(index.paths() == ["kept.md"])
        #expect(try index.pathsToCheck() == [])
        #expect(try index.read("later.md", limit: 100) == nil)

        let worktree = try WorkingTreeSource(repository: git)
        #expect(worktree.paths().sorted() == ["kept.md", "later.md"])
        guard case .bytes(let bytes)? = try worktree.read("later.md", limit: 100) else {
            Issue.record("later.md was not read from disk")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "not staged yet\n")
    }
}
