/// A git index (the staging area): the file git writes, read by `IndexFile`.
public final class GitIndex: @unchecked Sendable {
    let file: IndexFile

    init(file: IndexFile) {
        self.file = file
    }

    /// Every entry at stage 0. During a conflicted merge the other stages hold the sides;
    /// a commit cannot be made until they are resolved, so they are not content to check.
    /// Intent-to-add entries (`git add -N`) are included and marked: they are part of the
    /// working tree git tracks, but not of what a commit records.
    public func entries(includingIntentToAdd: Bool = true) -> [GitEntry] {
        var entries: [GitEntry] = []
        entries.reserveCapacity(file.entries.count)
        for entry in file.entries where entry.stage == 0 && (includingIntentToAdd || !entry.isIntentToAdd) {
            entries.append(GitEntry(
                path: entry.path, id: entry.id, mode: EntryMode(entry.mode),
                isIntentToAdd: entry.isIntentToAdd, isSkipWorktree: entry.isSkipWorktree))
        }
        return entries
    }
}
