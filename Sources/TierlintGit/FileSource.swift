import CGit2
import Foundation
import TierlintCore

/// Where the files of a check come from: the index, a commit's tree, the working tree or a
/// plain directory. Paths are relative to the root, with forward slashes.
public protocol FileSource {
    /// How reports name the source: `index`, `HEAD`, `worktree`, `directory`.
    var name: String { get }
    /// The folder paths are relative to, on disk (the working tree's root).
    var root: String { get }
    /// Every regular file in the source.
    func paths() throws -> [String]
    /// The files to report on, or `nil` for all of them. May include symbolic links.
    func pathsToCheck() throws -> [String]?
    /// Symbolic links, which tierlint never follows, with where they point.
    func symlinks() throws -> [String: String]
    /// A file's content, `nil` when the source has no regular file at that path.
    func read(_ path: String, limit: Int) throws -> SourceFile.Content?
}

/// The index: exactly what the next commit will contain. A pre-commit check reports on the
/// paths staged differently from HEAD, each read whole from the index, never from disk.
public final class IndexSource: FileSource {
    public let name = "index"
    public let root: String
    private let repository: GitRepository
    private let index: GitIndex
    private let entries: [String: GitEntry]
    private let order: [String]
    private let links: [GitEntry]

    public init(repository: GitRepository) throws {
        self.repository = repository
        self.root = repository.workdir ?? repository.gitDirectory
        index = try repository.index()
        let all = index.entries()
        let files = all.filter { $0.mode.isRegularFile }
        order = files.map(\.path)
        entries = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        links = all.filter { $0.mode == .symlink }
    }

    public func paths() -> [String] { order }

    public func pathsToCheck() throws -> [String]? {
        let linkPaths = Set(links.map(\.path))
        return try repository.stagedPaths(index).filter { entries[$0] != nil || linkPaths.contains($0) }
    }

    public func symlinks() throws -> [String: String] {
        try repository.linkTargets(links)
    }

    public func read(_ path: String, limit: Int) throws -> SourceFile.Content? {
        guard let entry = entries[path] else { return nil }
        return try repository.blob(entry.id, limit: limit).sourceContent
    }
}

/// A commit's (or tree's) files, as recorded: `tierlint check --rev REV`.
public final class TreeSource: FileSource {
    public let name: String
    public let root: String
    private let repository: GitRepository
    private let entries: [String: GitEntry]
    private let order: [String]
    private let links: [GitEntry]

    public init(repository: GitRepository, revision: String) throws {
        self.repository = repository
        name = revision
        root = repository.workdir ?? repository.gitDirectory
        let all = try repository.tree(at: revision).entries()
        let files = all.filter { $0.mode.isRegularFile }
        order = files.map(\.path)
        entries = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        links = all.filter { $0.mode == .symlink }
    }

    public func paths() -> [String] { order }

    public func pathsToCheck() -> [String]? { nil }

    public func symlinks() throws -> [String: String] {
        try repository.linkTargets(links)
    }

    public func read(_ path: String, limit: Int) throws -> SourceFile.Content? {
        guard let entry = entries[path] else { return nil }
        return try repository.blob(entry.id, limit: limit).sourceContent
    }
}

/// The working tree: the files git tracks or would track (untracked files that are not
/// ignored), read from disk. `tierlint check [PATH...]` inside a repository.
public final class WorkingTreeSource: FileSource {
    public let name = "worktree"
    public let root: String
    private let files: [String]
    private let links: [String: String]
    private let requested: [String]?

    /// `requested` are repository-relative files or folders to report on; `nil` for all.
    public init(repository: GitRepository, requested: [String]?) throws {
        guard let workdir = repository.workdir else {
            throw GitError("\(repository.gitDirectory) is a bare repository: it has no working tree; use --rev REV to check a commit")
        }
        root = workdir
        self.requested = requested
        var seen = Set<String>()
        var files: [String] = []
        var links: [String: String] = [:]
        for entry in try repository.index().entries() where seen.insert(entry.path).inserted {
            if let target = DiskFile.linkTarget(workdir + "/" + entry.path) {
                links[entry.path] = target
            } else if entry.mode.isRegularFile {
                files.append(entry.path)
            }
        }
        for path in try repository.untrackedPaths() where seen.insert(path).inserted {
            if let target = DiskFile.linkTarget(workdir + "/" + path) { links[path] = target } else { files.append(path) }
        }
        self.links = links
        // A file named on the command line is checked even if git ignores it: the user asked.
        for path in requested ?? [] where !seen.contains(path) && DiskFile.isRegularFile(workdir + "/" + path) {
            seen.insert(path)
            files.append(path)
        }
        self.files = files
    }

    public func paths() -> [String] { files }

    public func pathsToCheck() -> [String]? {
        requested.map { requested in (files + links.keys).filter { path in requested.contains { isUnder(path, $0) } } }
    }

    public func symlinks() -> [String: String] { links }

    public func read(_ path: String, limit: Int) throws -> SourceFile.Content? {
        try DiskFile.read(root + "/" + path, limit: limit)
    }
}

/// A folder outside any git repository: every file under it, without following symlinks.
public final class DirectorySource: FileSource {
    public let name = "directory"
    public let root: String
    private let files: [String]
    private let requested: [String]?

    private let links: [String: String]

    public init(root: String, requested: [String]?) throws {
        self.root = root
        self.requested = requested
        (files, links) = try DiskFile.walk(root)
    }

    public func paths() -> [String] { files }

    public func pathsToCheck() -> [String]? {
        requested.map { requested in (files + links.keys).filter { path in requested.contains { isUnder(path, $0) } } }
    }

    public func symlinks() -> [String: String] { links }

    public func read(_ path: String, limit: Int) throws -> SourceFile.Content? {
        try DiskFile.read(root + "/" + path, limit: limit)
    }
}

/// `docs/a.md` is under `docs`, under `docs/a.md` and under `` (the root).
func isUnder(_ path: String, _ folder: String) -> Bool {
    folder.isEmpty || path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
}

extension BlobContent {
    var sourceContent: SourceFile.Content {
        switch self {
        case .bytes(let bytes): .bytes(bytes)
        case .tooLarge(let size): .tooLarge(size: size)
        }
    }
}

extension GitRepository {
    /// Where each symbolic link points: git stores the target as the link's blob.
    func linkTargets(_ links: [GitEntry]) throws -> [String: String] {
        var targets: [String: String] = [:]
        for link in links {
            if case .bytes(let bytes) = try blob(link.id, limit: 4096) {
                targets[link.path] = String(decoding: bytes, as: UTF8.self)
            } else {
                targets[link.path] = "?"
            }
        }
        return targets
    }

    /// Untracked files that are not ignored, as `git status` lists them.
    func untrackedPaths() throws -> [String] {
        var options = git_status_options()
        try check("git_status_options_init") { git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)) }
        options.show = GIT_STATUS_SHOW_WORKDIR_ONLY
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
        var list: OpaquePointer?
        try check("git_status_list_new") { git_status_list_new(&list, pointer, &options) }
        defer { git_status_list_free(list) }
        var paths: [String] = []
        for position in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, position), entry.pointee.status.rawValue & GIT_STATUS_WT_NEW.rawValue != 0,
                  let delta = entry.pointee.index_to_workdir, let path = delta.pointee.new_file.path else { continue }
            paths.append(String(cString: path))
        }
        return paths
    }
}
