import CGit2
import Foundation

/// A git repository opened through libgit2, the way git itself would find it from a hook or
/// a shell: `GIT_DIR`, `GIT_WORK_TREE`, `GIT_INDEX_FILE` and `GIT_CEILING_DIRECTORIES` are
/// honoured, linked worktrees and `.git` files work.
public final class GitRepository: @unchecked Sendable {
    let pointer: OpaquePointer
    /// The working tree's root, without a trailing slash; `nil` for a bare repository.
    public let workdir: String?
    /// The repository's own git directory (`.git`, or `.git/worktrees/NAME` for a linked worktree).
    public let gitDirectory: String
    /// The git directory shared by all worktrees, where hooks live by default.
    public let commonDirectory: String
    /// `GIT_INDEX_FILE`, made absolute: git points it at a temporary index for
    /// `git commit -a` and `git commit PATH`, and that index is what will be committed.
    private let indexFile: String?
    private var odbPointer: OpaquePointer?

    private static let initialized: Void = {
        git_libgit2_init()
        _ = tierlint_git_allow_worktree_config()
        // tierlint ends without freeing what it holds (see `finish`); libgit2's own buffers
        // (the last error message) are given back here, so leak checkers see none.
        atexit { git_libgit2_shutdown() }
    }()

    public var isBare: Bool { workdir == nil }

    /// Opens the repository containing `path`, or, when `path` is nil, the one git's
    /// environment and the current directory name.
    public static func open(at path: String? = nil) throws -> GitRepository {
        _ = initialized
        let cwd = FileManager.default.currentDirectoryPath
        // libgit2 1.5 refuses GIT_WORK_TREE and GIT_COMMON_DIR when reading the environment, and
        // `git --work-tree=... commit` exports GIT_WORK_TREE to hooks; apply it by hand instead.
        let workTree = environment("GIT_WORK_TREE").map { FileSystemPath.absolute($0, relativeTo: cwd) }
        unsetenv("GIT_WORK_TREE")
        unsetenv("GIT_COMMON_DIR")
        let indexFile = environment("GIT_INDEX_FILE").map { FileSystemPath.absolute($0, relativeTo: cwd) }
        // tierlint reads the index itself (`IndexFile`); left set, libgit2 would read it on opening.
        unsetenv("GIT_INDEX_FILE")

        let pointer: OpaquePointer
        do {
            pointer = try openPointer(path)
        } catch let error as GitError where isOwnershipError(error) {
            // libgit2 1.5 does not understand `safe.directory = *`, which git does; honour it.
            guard safeDirectoryAllowsAll() else {
                let place = path ?? cwd
                throw GitError(
                    "git refuses to use the repository at \(place) because it is owned by another user; "
                        + "if you trust it, run: git config --global --add safe.directory \(place)",
                    call: error.call, code: error.code, errorClass: error.errorClass)
            }
            _ = tierlint_git_set_owner_validation(0)
            pointer = try openPointer(path)
        }

        // libgit2 1.5 leaks the path when the work tree is already the one it found; skip that.
        if let workTree, git_repository_workdir(pointer).map({ String(cString: $0).trimmingTrailingSlash() }) != workTree.trimmingTrailingSlash() {
            try check("git_repository_set_workdir") { git_repository_set_workdir(pointer, workTree, 0) }
        }
        return GitRepository(pointer: pointer, indexFile: indexFile)
    }

    private static func openPointer(_ path: String?) throws -> OpaquePointer {
        var repository: OpaquePointer?
        if let path {
            let ceiling = environment("GIT_CEILING_DIRECTORIES")
            try check("git_repository_open_ext") { git_repository_open_ext(&repository, path, 0, ceiling) }
        } else {
            try check("git_repository_open_ext") {
                git_repository_open_ext(&repository, nil, GIT_REPOSITORY_OPEN_FROM_ENV.rawValue, nil)
            }
        }
        guard let repository else { throw GitError("libgit2 opened no repository") }
        return repository
    }

    private init(pointer: OpaquePointer, indexFile: String?) {
        self.pointer = pointer
        self.indexFile = indexFile
        workdir = git_repository_workdir(pointer).map { String(cString: $0).trimmingTrailingSlash() }
        gitDirectory = String(cString: git_repository_path(pointer)).trimmingTrailingSlash()
        commonDirectory = String(cString: git_repository_commondir(pointer)).trimmingTrailingSlash()
    }

    deinit {
        if let odbPointer { git_odb_free(odbPointer) }
        git_repository_free(pointer)
    }

    // MARK: - Index and trees

    /// The index a commit made now would record: `GIT_INDEX_FILE` when git set it.
    public func index() throws -> GitIndex {
        do {
            return try openIndex()
        } catch let error as GitError where IndexFormat.isUnsupported(error) {
            throw IndexFormat.advice(for: error)
        }
    }

    private func openIndex() throws -> GitIndex {
        let path: String
        if let indexFile {
            guard FileManager.default.fileExists(atPath: indexFile) else {
                throw GitError("GIT_INDEX_FILE names \(indexFile), which does not exist")
            }
            path = indexFile
        } else {
            guard !isBare else {
                throw GitError("\(gitDirectory) is a bare repository: it has no index to check; use --rev REV to check a commit")
            }
            path = gitDirectory + "/index"
            // A repository nothing was ever added to has no index file: an empty index.
            guard DiskFile.exists(path) else { return GitIndex(file: try IndexFile(bytes: IndexFile.empty)) }
        }
        // git reads and writes the index through a symbolic link (its lock file resolves it).
        guard case .bytes(let bytes)? = try DiskFile.read(FileSystemPath.canonical(path), limit: Int.max) else {
            throw GitError("the index at \(path) is not a regular file")
        }
        do {
            return GitIndex(file: try IndexFile(bytes: bytes))
        } catch let unsupported as IndexFile.UnsupportedExtension {
            throw GitError("unsupported mandatory extension: '\(unsupported.signature)'", call: "reading \(path)")
        } catch let corrupt as IndexFile.Corrupt {
            throw GitError(
                "the index at \(path) cannot be read: \(corrupt.reason); `git status` shows whether git can read it, "
                    + "and `rm \(path) && git reset` rebuilds it from HEAD (staged changes are lost)")
        }
    }

    /// libgit2's own view of the index, for the calls that need one (`git status`): the
    /// index git named in `GIT_INDEX_FILE`, or the repository's.
    func libgit2Index() throws {
        guard let indexFile else { return }
        var index: OpaquePointer?
        try check("git_index_open") { git_index_open(&index, indexFile) }
        defer { git_index_free(index) }
        try check("git_repository_set_index") { git_repository_set_index(pointer, index) }
    }

    /// HEAD's tree, or `nil` before the first commit (an unborn branch counts as empty).
    public func headTree() throws -> GitTree? {
        let unborn = try check("git_repository_head_unborn") { git_repository_head_unborn(pointer) }
        if unborn == 1 { return nil }
        return try tree(at: "HEAD")
    }

    /// The tree of a commit, tag or tree named as git names revisions (`HEAD`, `main~2`, a hash).
    public func tree(at revision: String) throws -> GitTree {
        GitTree(pointer: try object(revision, peeledTo: GIT_OBJECT_TREE, kind: "a commit or a tree"))
    }

    /// The object a revision names, peeled to `type`; the caller frees it.
    func object(_ revision: String, peeledTo type: git_object_t, kind: String) throws -> OpaquePointer {
        var object: OpaquePointer?
        do {
            try check("git_revparse_single") { git_revparse_single(&object, pointer, revision) }
        } catch let error as GitError {
            if git_repository_head_unborn(pointer) == 1 {
                throw GitError(
                    "\(revision) is not a revision in this repository (\(error.message)); the current branch has no "
                        + "commits yet: make the first commit, or check what is staged for it with `tierlint check --staged`",
                    call: error.call, code: error.code)
            }
            throw GitError("\(revision) is not a revision in this repository (\(error.message))", call: error.call, code: error.code)
        }
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        do {
            try check("git_object_peel") { git_object_peel(&peeled, object, type) }
        } catch let error as GitError {
            throw GitError("\(revision) does not name \(kind) (\(error.message))", call: error.call, code: error.code)
        }
        guard let peeled else { throw GitError("libgit2 returned nothing for \(revision)") }
        return peeled
    }

    /// Paths whose staged content differs from HEAD (added, modified, renamed, copied or
    /// changed in type); deleted paths are left out. With an unborn HEAD every path is new.
    /// As git does, a folder whose cached tree (see `CacheTree`) is HEAD's tree for it is
    /// skipped unread, so the cost follows what changed, not the size of the repository.
    public func stagedPaths(_ index: GitIndex) throws -> [String] {
        let entries = index.file.entries.filter { $0.stage == 0 && !$0.isIntentToAdd }
        guard let head = try headTree() else { return entries.map(\.path) }
        var paths: [String] = []
        try compare(head.pointer, owned: false, prefix: 0, entries: entries, range: entries.indices, cache: index.file.cacheTree, into: &paths)
        return paths
    }

    /// Compares the index entries in `range`, all under one folder whose path is `prefix` bytes
    /// long, with that folder's tree in HEAD (`nil` when HEAD has no such folder).
    private func compare(
        _ tree: OpaquePointer?, owned: Bool, prefix: Int, entries: [IndexFile.Entry], range: Range<Int>,
        cache: CacheTree?, into paths: inout [String]
    ) throws {
        defer { if owned, let tree { git_tree_free(tree) } }
        guard let tree else {
            paths += entries[range].map(\.path)
            return
        }
        if var cached = cache?.id?.oid, let id = git_tree_id(tree), git_oid_equal(id, &cached) != 0 {
            return
        }
        var position = range.lowerBound
        while position < range.upperBound {
            // By bytes: a name that is not UTF-8 is found in the tree as git wrote it.
            let path = entries[position].rawPath ?? Array(entries[position].path.utf8)
            let slash = path[prefix...].firstIndex(of: 0x2F)
            var name = path[prefix..<(slash ?? path.count)].map { CChar(bitPattern: $0) }
            name.append(0)
            let headEntry = git_tree_entry_byname(tree, name)
            guard let slash else {
                // A file: staged when HEAD has no file here, or another blob or mode.
                var id = entries[position].id.oid
                if headEntry == nil || git_tree_entry_type(headEntry) == GIT_OBJECT_TREE
                    || git_oid_equal(git_tree_entry_id(headEntry), &id) == 0
                    || git_tree_entry_filemode(headEntry).rawValue != entries[position].mode {
                    paths.append(entries[position].path)
                }
                position += 1
                continue
            }
            // A folder: the entries that share `path[..<slash]/`, which sort together. When the
            // cache tree says the folder is HEAD's, its entries are skipped without reading it;
            // the count is read from the file, so it is checked without overflowing.
            let folder = path[..<(slash + 1)]
            func isInFolder(_ entry: IndexFile.Entry) -> Bool {
                entry.rawPath?.starts(with: folder) ?? entry.path.utf8.starts(with: folder)
            }
            let cached = cache?.children[Array(path[prefix..<slash])]
            if let headEntry, git_tree_entry_type(headEntry) == GIT_OBJECT_TREE, var known = cached?.id?.oid,
               git_oid_equal(git_tree_entry_id(headEntry), &known) != 0, let count = cached?.entryCount,
               count > 0, count <= range.upperBound - position, isInFolder(entries[position + count - 1]),
               position + count == range.upperBound || !isInFolder(entries[position + count]) {
                position += count
                continue
            }
            var end = position + 1
            while end < range.upperBound, isInFolder(entries[end]) { end += 1 }
            var subtree: OpaquePointer?
            if let headEntry, git_tree_entry_type(headEntry) == GIT_OBJECT_TREE {
                try check("git_tree_lookup") { git_tree_lookup(&subtree, pointer, git_tree_entry_id(headEntry)) }
            }
            try compare(subtree, owned: true, prefix: slash + 1, entries: entries, range: position..<end,
                        cache: cached, into: &paths)
            position = end
        }
    }

    // MARK: - Objects

    private func odb() throws -> OpaquePointer {
        if let odbPointer { return odbPointer }
        var odb: OpaquePointer?
        try check("git_repository_odb") { git_repository_odb(&odb, pointer) }
        guard let odb else { throw GitError("libgit2 returned no object database") }
        odbPointer = odb
        return odb
    }

    /// A blob's bytes, or `.tooLarge` without inflating it when its header says it is over `limit`.
    public func blob(_ id: ObjectID, limit: Int) throws -> BlobContent {
        var oid = id.oid
        var size = 0
        var type = GIT_OBJECT_INVALID
        let odb = try odb()
        try check("git_odb_read_header") { git_odb_read_header(&size, &type, odb, &oid) }
        if size > limit { return .tooLarge(size: size) }
        var blob: OpaquePointer?
        try check("git_blob_lookup") { git_blob_lookup(&blob, pointer, &oid) }
        defer { git_blob_free(blob) }
        let count = Int(git_blob_rawsize(blob))
        guard count > 0, let raw = git_blob_rawcontent(blob) else { return .bytes([]) }
        return .bytes(Array(UnsafeRawBufferPointer(start: raw, count: count)))
    }

    // MARK: - Config

    /// A config value and the level it came from (local, global, system...).
    public func configPath(_ key: String) throws -> (value: String, level: ConfigLevel)? {
        var config: OpaquePointer?
        try check("git_repository_config_snapshot") { git_repository_config_snapshot(&config, pointer) }
        defer { git_config_free(config) }
        var entry: UnsafeMutablePointer<git_config_entry>?
        let code = git_config_get_entry(&entry, config, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        if code < 0 { throw GitError.last("git_config_get_entry", code: code) }
        defer { git_config_entry_free(entry) }
        guard let entry, let raw = entry.pointee.value else { return nil }
        var value = String(cString: raw)
        // git expands `~` with $HOME, not the password database's home.
        if value.hasPrefix("~/") || value == "~" {
            value = homeDirectory() + value.dropFirst()
        }
        return (value, ConfigLevel(entry.pointee.level))
    }
}

/// The home folder as git finds it: `$HOME`, or the password database when it is unset.
public func homeDirectory() -> String {
    environment("HOME") ?? NSHomeDirectory()
}

func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
}


private func isOwnershipError(_ error: GitError) -> Bool {
    // libgit2 1.5 reports an unowned repository as GIT_EOWNER, or, when no safe.directory is set
    // at all, as a missing "safe.directory" config value.
    error.code == GIT_EOWNER.rawValue || (error.errorClass == GIT_ERROR_CONFIG.rawValue && error.message.contains("safe.directory"))
}

/// Whether the global or system config has `safe.directory = *`.
private func safeDirectoryAllowsAll() -> Bool {
    var config: OpaquePointer?
    guard git_config_open_default(&config) == 0 else { return false }
    defer { git_config_free(config) }
    var iterator: OpaquePointer?
    guard git_config_multivar_iterator_new(&iterator, config, "safe.directory", nil) == 0 else { return false }
    defer { git_config_iterator_free(iterator) }
    var entry: UnsafeMutablePointer<git_config_entry>?
    var allowsAll = false
    while git_config_next(&entry, iterator) == 0 {
        if let value = entry?.pointee.value, String(cString: value) == "*" { allowsAll = true }
    }
    return allowsAll
}

extension String {
    func trimmingTrailingSlash() -> String {
        var text = self
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
