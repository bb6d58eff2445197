import Foundation
import TestSupport
import Testing
@testable import TierlintGit

/// tierlint reads the index file itself and finds staged paths through git's cache tree;
/// both are held against what git says about the same repository.
@Suite struct IndexFileTests {
    /// What `git diff --cached` lists, deletions left out, as tierlint reports them.
    private func gitStaged(_ repository: TemporaryRepository) throws -> [String] {
        let run = try repository.git(["diff", "--cached", "--name-only", "--no-renames", "--diff-filter=d", "-z"]).succeeded()
        return run.stdout.split(separator: "\0").map(String.init).sorted()
    }

    private func gitIndexPaths(_ repository: TemporaryRepository) throws -> [String] {
        let run = try repository.git(["ls-files", "-z", "--stage"]).succeeded()
        return run.stdout.split(separator: "\0").map { line in String(line.split(separator: "\t", maxSplits: 1)[1]) }
    }

    @Test(arguments: [2, 3, 4])
    func stagedPathsMatchGitThroughEveryKindOfChange(version: Int) throws {
        let repository = try TemporaryRepository()
        for folder in ["a", "a/b", "a/b/c", "d", "e-f", "e", "z"] {
            for file in ["one.md", "two.md", "x.txt"] { try repository.write("\(folder)/\(file)", "\(folder) \(file)\n") }
        }
        try repository.write("top.md", "top\n")
        try repository.write("tool.sh", "echo\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.git(["update-index", "--index-version", "\(version)"]).succeeded()

        var rng = SystemRandomNumberGenerator()
        let steps: [(String, () throws -> Void)] = [
            ("modify", { try repository.write("a/b/c/one.md", "changed \(Int.random(in: 0..<1_000_000, using: &rng))\n") }),
            ("add in a new folder", { try repository.write("n/e/w.md", "new\n") }),
            ("add beside", { try repository.write("a/b/three.md", "three\n") }),
            ("delete", { try FileManager.default.removeItem(atPath: repository.root + "/d/two.md") }),
            ("rename", { try FileManager.default.moveItem(atPath: repository.root + "/e/one.md", toPath: repository.root + "/e-f/moved.md") }),
            ("chmod", { _ = chmod(repository.root + "/tool.sh", 0o755) }),
            ("file to folder", { try FileManager.default.removeItem(atPath: repository.root + "/top.md")
                try repository.write("top.md/inside.md", "inside\n") }),
            ("folder to file", { try FileManager.default.removeItem(atPath: repository.root + "/z")
                try repository.write("z", "now a file\n") }),
            ("file to link", { try FileManager.default.removeItem(atPath: repository.root + "/a/two.md")
                try FileManager.default.createSymbolicLink(atPath: repository.root + "/a/two.md", withDestinationPath: "one.md") }),
        ]
        for (name, step) in steps {
            try step()
            try repository.git(["add", "-A"]).succeeded()
            let git = try GitRepository.open(at: repository.root)
            let index = try git.index()
            #expect(index.entries().map(\.path) == (try gitIndexPaths(repository)), "entries after \(name), version \(version)")
            #expect(index.file.isSorted, "git's order after \(name), version \(version)")
            #expect(try git.stagedPaths(index).sorted() == (try gitStaged(repository)), "staged after \(name), version \(version)")
            // With the cache tree written again (as `git commit` and `git write-tree` do), the
            // folders git knows unchanged are skipped, and the answer is the same.
            try repository.git(["write-tree"]).succeeded()
            let rewritten = try GitRepository.open(at: repository.root)
            #expect(try rewritten.stagedPaths(rewritten.index()).sorted() == (try gitStaged(repository)), "after write-tree, \(name)")
        }
    }

    @Test func aCommittedRepositoryHasNothingStagedWhateverItsSize() throws {
        let repository = try TemporaryRepository()
        for index in 0..<300 { try repository.write("f\(index % 17)/g\(index % 5)/file\(index).md", "\(index)\n") }
        try repository.addAll()
        try repository.commit("initial").succeeded()
        let git = try GitRepository.open(at: repository.root)
        #expect(try git.stagedPaths(git.index()).isEmpty)
        #expect(try git.index().entries().count == 300)
    }

    @Test func aDamagedIndexIsAnErrorThatSaysHowToRecover() throws {
        let repository = try TemporaryRepository()
        try repository.write("a.md", "a\n")
        try repository.addAll()
        let path = repository.root + "/.git/index"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes.removeLast(bytes.count - 40)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let run = try repository.tierlint(["check", "--staged"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("the index at"))
        #expect(run.stderr.contains("git reset"))
    }

    /// The cache tree is a hint read from a file anything may have written: an entry count no
    /// index could hold is not trusted, and never crashes the check.
    @Test func aCacheTreeWithAnImpossibleEntryCountIsNotTrusted() throws {
        let repository = try TemporaryRepository()
        try repository.write("a/y.md", "y\n")
        try repository.write("c/x.md", "x\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.write("a/y.md", "changed\n")
        try repository.git(["add", "a/y.md"]).succeeded()
        // `c` is still known (`c NUL 1 SP 0 LF` and its tree id); say it holds Int.max entries.
        let path = repository.root + "/.git/index"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let known = Array("c\u{0}1 0\n".utf8), huge = Array("c\u{0}\(Int.max) 0\n".utf8)
        let at = try #require((0...(bytes.count - known.count)).first { bytes[$0..<($0 + known.count)].elementsEqual(known) })
        let tree = try #require((0...(bytes.count - 4)).first { bytes[$0..<($0 + 4)].elementsEqual(Array("TREE".utf8)) })
        bytes.replaceSubrange(at..<(at + known.count), with: huge)
        let size = Int(bytes[tree + 4]) << 24 | Int(bytes[tree + 5]) << 16 | Int(bytes[tree + 6]) << 8 | Int(bytes[tree + 7])
        let grown = UInt32(size + huge.count - known.count)
        bytes.replaceSubrange((tree + 4)..<(tree + 8), with: withUnsafeBytes(of: grown.bigEndian, Array.init))
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let git = try GitRepository.open(at: repository.root)
        #expect(try git.stagedPaths(git.index()) == ["a/y.md"])
        let run = try repository.tierlint(["check", "--staged"])
        #expect(run.status == 0, "\(run)")
    }

    @Test func garbageNeverCrashesTheReader() throws {
        var generator = SystemRandomNumberGenerator()
        let header: [UInt8] = Array("DIRC".utf8) + [0, 0, 0, 4, 0, 0, 0, 3]
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<300, using: &generator)
            let bytes = header + (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? IndexFile(bytes: bytes)
        }
    }
}
