import CGit2

/// A git index (the staging area), read through libgit2.
public final class GitIndex: @unchecked Sendable {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_index_free(pointer)
    }

    /// Every entry at stage 0. During a conflicted merge the other stages hold the sides;
    /// a commit cannot be made until they are resolved, so they are not content to check.
    public func entries() -> [GitEntry] {
        let count = git_index_entrycount(pointer)
        var entries: [GitEntry] = []
        entries.reserveCapacity(count)
        for position in 0..<count {
            guard let entry = git_index_get_byindex(pointer, position), let path = entry.pointee.path else { continue }
            // The stage lives in bits 12-13 of the flags.
            guard (entry.pointee.flags >> 12) & 0x3 == 0 else { continue }
            entries.append(GitEntry(
                path: String(cString: path), id: ObjectID(oid: entry.pointee.id), mode: EntryMode(entry.pointee.mode)))
        }
        return entries
    }
}

/// A git tree, read through libgit2.
public final class GitTree: @unchecked Sendable {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_object_free(pointer)
    }

    /// Every file in the tree, recursively, with its full path.
    public func entries() throws -> [GitEntry] {
        let collector = EntryCollector()
        let payload = Unmanaged.passUnretained(collector).toOpaque()
        try check("git_tree_walk") {
            git_tree_walk(pointer, GIT_TREEWALK_PRE, { root, entry, payload in
                guard let entry, let payload, let root else { return 0 }
                let collector = Unmanaged<EntryCollector>.fromOpaque(payload).takeUnretainedValue()
                guard git_tree_entry_type(entry) != GIT_OBJECT_TREE, let name = git_tree_entry_name(entry),
                      let id = git_tree_entry_id(entry) else { return 0 }
                collector.entries.append(GitEntry(
                    path: String(cString: root) + String(cString: name),
                    id: ObjectID(oid: id.pointee),
                    mode: EntryMode(git_tree_entry_filemode(entry).rawValue)))
                return 0
            }, payload)
        }
        return collector.entries
    }
}

private final class EntryCollector {
    var entries: [GitEntry] = []
}
