import CGit2

/// What a pull request changes: the files that differ between the merge base of a base
/// revision and the head, as `git diff BASE...HEAD` lists them.
extension GitRepository {
    /// The commit a revision names (a branch, tag, `HEAD~2`, a hash).
    func commitID(_ revision: String) throws -> git_oid {
        let commit = try object(revision, peeledTo: GIT_OBJECT_COMMIT, kind: "a commit")
        defer { git_object_free(commit) }
        return git_commit_id(commit).pointee
    }

    /// The best common ancestor of two revisions, as `git merge-base` finds it.
    public func mergeBase(_ base: String, _ head: String) throws -> String {
        var one = try commitID(base), two = try commitID(head)
        var result = git_oid()
        let code = git_merge_base(&result, pointer, &one, &two)
        // In a shallow clone the walk runs off the end of the history it has, which libgit2
        // reports as a missing object rather than as no merge base.
        if code < 0, git_repository_is_shallow(pointer) == 1 {
            throw GitError(
                "cannot find where \(base) and \(head) meet: this clone is shallow and lacks the history between them; "
                    + "fetch it (actions/checkout with fetch-depth: 0, GIT_DEPTH: 0 on GitLab, or git fetch --unshallow)",
                call: "git_merge_base", code: code)
        }
        if code == GIT_ENOTFOUND.rawValue {
            throw GitError(
                "\(base) and \(head) have no common ancestor in this clone; if it is shallow, fetch the history "
                    + "(actions/checkout with fetch-depth: 0, or git fetch --unshallow)",
                call: "git_merge_base", code: code)
        }
        if code < 0 { throw GitError.last("git_merge_base", code: code) }
        return Self.hex(result)
    }

    /// Paths added, modified, renamed, copied or changed in type from `base` to `head`, both
    /// revisions; deleted paths are left out, since there is nothing left to check, but are
    /// counted in `deleted`.
    public func changedPaths(from base: String, to head: String) throws -> [String] {
        try changes(from: base, to: head).changed
    }

    public func changes(from base: String, to head: String) throws -> (changed: [String], deleted: [String]) {
        let baseTree = try tree(at: base), headTree = try tree(at: head)
        var options = git_diff_options()
        try check("git_diff_options_init") { git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)) }
        options.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue | GIT_DIFF_SKIP_BINARY_CHECK.rawValue
            | GIT_DIFF_IGNORE_SUBMODULES.rawValue
        var diff: OpaquePointer?
        try check("git_diff_tree_to_tree") {
            git_diff_tree_to_tree(&diff, pointer, baseTree.pointer, headTree.pointer, &options)
        }
        defer { git_diff_free(diff) }
        var paths: [String] = []
        var deleted: [String] = []
        for position in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, position) else { continue }
            if delta.pointee.status == GIT_DELTA_DELETED {
                if let path = delta.pointee.old_file.path { deleted.append(String(cString: path)) }
                continue
            }
            guard let path = delta.pointee.new_file.path else { continue }
            paths.append(String(cString: path))
        }
        return (paths, deleted)
    }

    static func hex(_ oid: git_oid) -> String {
        var copy = oid
        var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        git_oid_tostr(&buffer, buffer.count, &copy)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
