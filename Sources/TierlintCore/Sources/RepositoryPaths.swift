import Foundation
import Synchronization

/// Every path of the repository a check reads, for rules that ask whether a file exists (a
/// link in a page). Kept sorted for a binary search: hashing every path of a large repository
/// costs more than a pre-commit check spends on everything else.
public struct RepositoryPaths: Sendable {
    private let paths: Sorted
    private let others: Set<String>

    /// `paths` come sorted from the index or a tree (and are sorted here otherwise, on the
    /// first question: a check whose pages link nowhere never asks); `others` are few
    /// (symbolic links).
    public init(_ paths: [String] = [], others: some Sequence<String> = []) {
        self.paths = Sorted(paths)
        self.others = Set(others)
    }

    public var isEmpty: Bool { paths.isEmpty && others.isEmpty }

    public func contains(_ path: String) -> Bool {
        if others.contains(path) { return true }
        let sorted = paths.sorted
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(sorted[middle], path) { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == path
    }

    private final class Sorted: Sendable {
        private let state: Mutex<(paths: [String], checked: Bool)>
        let isEmpty: Bool

        init(_ paths: [String]) {
            state = Mutex((paths, false))
            isEmpty = paths.isEmpty
        }

        var sorted: [String] {
            state.withLock { state in
                if !state.checked {
                    if !zip(state.paths, state.paths.dropFirst()).allSatisfy({ RepositoryPaths.precedes($0, $1) }) {
                        state.paths.sort(by: RepositoryPaths.precedes)
                    }
                    state.checked = true
                }
                return state.paths
            }
        }
    }

    /// Byte order, as git sorts paths (the index, trees, and the binary searches over them).
    public static func precedes(_ left: String, _ right: String) -> Bool {
        let order = left.utf8.withContiguousStorageIfAvailable { a in
            right.utf8.withContiguousStorageIfAvailable { b -> Int in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : Int(memcmp(a.baseAddress!, b.baseAddress!, common))
                return order != 0 ? order : a.count - b.count
            }
        }
        if let order = order ?? nil { return order < 0 }
        return left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}
