import CGit2

public enum BlobContent: Sendable {
    case bytes([UInt8])
    case tooLarge(size: Int)
}

/// A git object id.
public struct ObjectID: Sendable, Hashable {
    var oid: git_oid

    public static func == (lhs: ObjectID, rhs: ObjectID) -> Bool {
        var left = lhs.oid, right = rhs.oid
        return git_oid_equal(&left, &right) != 0
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: oid) { hasher.combine(bytes: $0) }
    }
}

/// File modes git records, of which tierlint reads regular files only.
public enum EntryMode: Sendable, Equatable {
    case file, executable, symlink, submodule, other

    init(_ raw: UInt32) {
        switch raw {
        case 0o100644: self = .file
        case 0o100755: self = .executable
        case 0o120000: self = .symlink
        case 0o160000: self = .submodule
        default: self = .other
        }
    }

    public var isRegularFile: Bool { self == .file || self == .executable }
}

/// A path in the index or a tree, with its object and mode.
public struct GitEntry: Sendable {
    public var path: String
    public var id: ObjectID
    public var mode: EntryMode
    /// Added with `git add -N`: the index records that the path will be added, with the empty
    /// blob, but its content is not staged and a commit leaves the path out.
    public var isIntentToAdd = false
    /// Outside a sparse checkout (skip-worktree): git keeps the path in the index, as committed,
    /// and writes no copy of it to disk.
    public var isSkipWorktree = false
}
