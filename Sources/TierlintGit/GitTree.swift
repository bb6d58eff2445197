import CGit2

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
