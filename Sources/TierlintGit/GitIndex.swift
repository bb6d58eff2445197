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
    /// Intent-to-add entries (`git add -N`) are included and marked: they are part of the
    /// working tree git tracks, but not of what a commit records.
    public func entries() -> [GitEntry] {
        let count = git_index_entrycount(pointer)
        var entries: [GitEntry] = []
        entries.reserveCapacity(count)
        for position in 0..<count {
            guard let entry = git_index_get_byindex(pointer, position), let path = entry.pointee.path else { continue }
            // The stage lives in bits 12-13 of the flags.
            guard (entry.pointee.flags >> 12) & 0x3 == 0 else { continue }
            let extended = UInt32(entry.pointee.flags_extended)
            entries.append(GitEntry(
                path: String(cString: path), id: ObjectID(oid: entry.pointee.id), mode: EntryMode(entry.pointee.mode),
                isIntentToAdd: extended & GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue != 0,
                isSkipWorktree: extended & GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue != 0))
        }
        return entries
    }
}
