import CGit2
import Foundation
import TierlintCore

/// The files of a git index or tree: regular files by path, and symbolic links, read from
/// the object database. Shared by `IndexSource` and `TreeSource`.
struct GitFiles {
    let repository: GitRepository
    /// The files' paths, sorted as git sorts them (by bytes), for a binary search: a hash
    /// table of every path would cost more to build than a pre-commit check spends on lookups.
    let order: [String]
    private let files: [GitEntry]
    private let links: [GitEntry]

    /// `sorted`: the entries are known to be in git's order (an index git wrote).
    init(repository: GitRepository, entries all: [GitEntry], sorted knownSorted: Bool = false) {
        self.repository = repository
        var files: [GitEntry] = []
        var links: [GitEntry] = []
        files.reserveCapacity(all.count)
        var sorted = true
        for entry in all {
            if entry.mode.isRegularFile {
                if !knownSorted, sorted, let last = files.last, !RepositoryPaths.precedes(last.path, entry.path) { sorted = false }
                files.append(entry)
            } else if entry.mode == .symlink {
                links.append(entry)
            }
        }
        if !sorted {
            files.sort { RepositoryPaths.precedes($0.path, $1.path) }
            // A path recorded twice (never in an index git wrote) is read as its first entry.
            var seen = Set<String>()
            files = files.filter { seen.insert($0.path).inserted }
        }
        self.files = files
        order = files.map(\.path)
        self.links = links
    }

    private func entry(_ path: String) -> GitEntry? {
        var low = 0, high = files.count
        while low < high {
            let middle = (low + high) / 2
            if RepositoryPaths.precedes(files[middle].path, path) { low = middle + 1 } else { high = middle }
        }
        return low < files.count && files[low].path == path ? files[low] : nil
    }

    func contains(_ path: String) -> Bool { entry(path) != nil }

    var linkPaths: Set<String> { Set(links.map(\.path)) }

    func read(_ path: String, limit: Int) throws -> SourceFile.Content? {
        guard let entry = entry(path) else { return nil }
        return try repository.blob(entry.id, limit: limit).sourceContent
    }

    /// Where each link points: git stores the target as the link's blob.
    func symlinks() throws -> [String: String] {
        var targets: [String: String] = [:]
        for link in links {
            if case .bytes(let bytes) = try repository.blob(link.id, limit: 4096) {
                targets[link.path] = String(decoding: bytes, as: UTF8.self)
            } else {
                targets[link.path] = "?"
            }
        }
        return targets
    }
}

/// The index: exactly what the next commit will contain. A pre-commit check reports on the
/// paths staged differently from HEAD, each read whole from the index, never from disk.
/// Paths added with `git add -N` are left out: git records only an intent to add them, with
/// no content, and a commit made now does not contain them.
public final class IndexSource: FileSource {
    public let name = "index"
    public let root: String
    private let index: GitIndex
    private let files: GitFiles
    private let onlyStaged: Bool

    /// `onlyStaged`: report on the paths staged differently from HEAD (a commit's changes);
    /// otherwise on every file of the index.
    public init(repository: GitRepository, onlyStaged: Bool = true) throws {
        root = repository.workdir ?? repository.gitDirectory
        index = try repository.index()
        files = GitFiles(repository: repository, entries: index.entries(includingIntentToAdd: false), sorted: index.file.isSorted)
        self.onlyStaged = onlyStaged
    }

    public func paths() -> [String] { files.order }

    public func pathsToCheck() throws -> [String]? {
        guard onlyStaged else { return nil }
        let links = files.linkPaths
        return try files.repository.stagedPaths(index).filter { files.contains($0) || links.contains($0) }
    }

    public func symlinks() throws -> [String: String] { try files.symlinks() }

    public func read(_ path: String, limit: Int) throws -> SourceFile.Content? { try files.read(path, limit: limit) }
}

/// A commit's (or tree's) files, as recorded: `tierlint check --rev REV`; with `since`, only
/// the files changed since the merge base of `since` and the revision are reported on
/// (`tierlint check --since main`), each read whole from the revision.
public final class TreeSource: FileSource {
    public let name: String
    public let root: String
    private let files: GitFiles
    private let changed: [String]?

    public init(repository: GitRepository, revision: String, since: String? = nil) throws {
        root = repository.workdir ?? repository.gitDirectory
        files = GitFiles(repository: repository, entries: try repository.tree(at: revision).entries())
        guard let since else {
            name = revision
            changed = nil
            return
        }
        name = "\(since)...\(revision)"
        let base = try repository.mergeBase(since, revision)
        let (paths, deleted) = try repository.changes(from: base, to: revision)
        // A changed, added or deleted policy changes the verdict on every file, so every
        // file is checked.
        changed = (paths + deleted).contains(ConfigurationLoader.fileName) ? nil : paths
    }

    public func paths() -> [String] { files.order }

    public func pathsToCheck() -> [String]? {
        changed.map { paths in
            let links = files.linkPaths
            return paths.filter { files.contains($0) || links.contains($0) }
        }
    }

    public func symlinks() throws -> [String: String] { try files.symlinks() }

    public func read(_ path: String, limit: Int) throws -> SourceFile.Content? { try files.read(path, limit: limit) }
}

/// The working tree: the files git tracks or would track (untracked files that are not
/// ignored), read from disk. `tierlint check [PATH...]` inside a repository. In a sparse
/// checkout, a file outside the cone is not on disk; git holds it in the index, unchanged, so
/// it is read from there rather than skipped.
public final class WorkingTreeSource: FileSource {
    public let name = "worktree"
    public let root: String
    private let repository: GitRepository
    private let files: [String]
    private let links: [String: String]
    /// Files outside the sparse checkout, with the blob the index holds for each.
    private let notCheckedOut: [String: ObjectID]
    private lazy var folders = RealFolders(root: root)

    /// `named` are repository-relative files the user named; they are read even when git
    /// ignores them, because the user asked.
    public init(repository: GitRepository, named: [String] = []) throws {
        guard let workdir = repository.workdir else {
            throw GitError("\(repository.gitDirectory) is a bare repository: it has no working tree; use --rev REV to check a commit")
        }
        root = workdir
        self.repository = repository
        var seen = Set<String>()
        var files: [String] = []
        var links: [String: String] = [:]
        var notCheckedOut: [String: ObjectID] = [:]
        func add(_ path: String, tracked: Bool) {
            guard seen.insert(path).inserted else { return }
            if let target = DiskFile.linkTarget(workdir + "/" + path) {
                links[path] = target
            } else if tracked || DiskFile.isRegularFile(workdir + "/" + path) {
                files.append(path)
            }
        }
        var sparseLinks: [GitEntry] = []
        for entry in try repository.index().entries() where entry.mode.isRegularFile || entry.mode == .symlink {
            if entry.isSkipWorktree, !DiskFile.exists(workdir + "/" + entry.path), seen.insert(entry.path).inserted {
                if entry.mode == .symlink {
                    sparseLinks.append(entry)
                } else {
                    files.append(entry.path)
                    notCheckedOut[entry.path] = entry.id
                }
                continue
            }
            add(entry.path, tracked: true)
        }
        for path in try repository.untrackedPaths() { add(path, tracked: false) }
        for path in named where DiskFile.isRegularFile(workdir + "/" + path) || DiskFile.linkTarget(workdir + "/" + path) != nil {
            add(path, tracked: false)
        }
        links.merge(try GitFiles(repository: repository, entries: sparseLinks).symlinks()) { disk, _ in disk }
        self.files = files
        self.links = links
        self.notCheckedOut = notCheckedOut
    }

    public func paths() -> [String] { files }

    public func pathsToCheck() -> [String]? { nil }

    public func symlinks() -> [String: String] { links }

    public func read(_ path: String, limit: Int) throws -> SourceFile.Content? {
        if let blob = notCheckedOut[path] { return try repository.blob(blob, limit: limit).sourceContent }
        // A folder on the way that is now a symbolic link could lead anywhere on the disk; git
        // itself sees the files under it as deleted.
        guard folders.allReal(on: path) else { return nil }
        return try DiskFile.read(root + "/" + path, limit: limit)
    }
}

/// A folder outside any git repository: every file under it, without following symlinks.
public final class DirectorySource: FileSource {
    public let name = "directory"
    public let root: String
    private let files: [String]
    private let links: [String: String]

    public init(root: String) throws {
        self.root = root
        (files, links) = try DiskFile.walk(root)
    }

    public func paths() -> [String] { files }

    public func pathsToCheck() -> [String]? { nil }

    public func symlinks() -> [String: String] { links }

    public func read(_ path: String, limit: Int) throws -> SourceFile.Content? {
        try DiskFile.read(root + "/" + path, limit: limit)
    }
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
    /// Untracked files that are not ignored, as `git status` lists them.
    func untrackedPaths() throws -> [String] {
        try libgit2Index()
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
