import Foundation
import Testing

/// A real git repository in a temporary folder, driven by the real `git` and the built
/// `tierlint`, with an environment of its own: a private HOME and no system config, so the
/// machine's git settings cannot change what a test sees.
public final class TemporaryRepository {
    public let base: String
    public let root: String
    public let home: String
    public var environment: [String: String]

    public init(bare: Bool = false, initialize: Bool = true) throws {
        base = FileManager.default.temporaryDirectory
            .appendingPathComponent("tierlint-test-\(UUID().uuidString)").path
        root = base + "/repo"
        home = base + "/home"
        for folder in [root, home] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        environment = [
            "HOME": home,
            "PATH": "\(Shell.tierlintDirectory):/usr/local/bin:/usr/bin:/bin",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
            "LANG": "C.UTF-8",
        ]
        if initialize {
            try git(bare ? ["init", "-q", "--bare", "-b", "main"] : ["init", "-q", "-b", "main"]).succeeded()
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: base)
    }

    // MARK: - Files

    public func write(_ path: String, _ text: String, in folder: String? = nil) throws {
        let url = URL(fileURLWithPath: (folder ?? root) + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root + "/" + path)
    }

    // MARK: - Programs

    @discardableResult
    public func git(_ arguments: [String], in folder: String? = nil, environment extra: [String: String] = [:]) throws -> Run {
        try Shell.run("/usr/bin/git", arguments, in: folder ?? root, environment: environment.merging(extra) { $1 })
    }

    @discardableResult
    public func tierlint(_ arguments: [String], in folder: String? = nil, environment extra: [String: String] = [:]) throws -> Run {
        try Shell.run(Shell.tierlint, arguments, in: folder ?? root, environment: environment.merging(extra) { $1 })
    }

    /// Commits through the hook, returning git's result.
    @discardableResult
    public func commit(_ message: String = "change", _ extra: [String] = [], in folder: String? = nil) throws -> Run {
        try git(["commit", "-q", "-m", message] + extra, in: folder)
    }

    public func addAll(in folder: String? = nil) throws {
        try git(["add", "-A"], in: folder).succeeded()
    }

    public var headCommit: String {
        (try? git(["rev-parse", "-q", "--verify", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? ""
    }
}

extension Run {
    @discardableResult
    public func succeeded(sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        #expect(status == 0, "\(self)", sourceLocation: sourceLocation)
        if status != 0 { throw RunFailure(run: self) }
        return self
    }
}

public struct RunFailure: Error, CustomStringConvertible {
    public var run: Run
    public var description: String { run.description }
}
