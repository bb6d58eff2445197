import Synchronization

/// How far a check has got, for a progress line on a terminal: files read and parsed out
/// of those to do. Updated from the worker threads, read from another.
public final class CheckProgress: Sendable {
    private let doneCount = Atomic<Int>(0)
    private let totalCount = Atomic<Int>(0)

    public init() {}

    public var done: Int { doneCount.load(ordering: .relaxed) }
    public var total: Int { totalCount.load(ordering: .relaxed) }

    func expect(_ count: Int) { totalCount.add(count, ordering: .relaxed) }
    func advance() { doneCount.add(1, ordering: .relaxed) }
}
