import Synchronization

/// What each distinct model cell text reads as, shared by every file of one check: a backlog
/// of 100,000 tickets writes its models a few dozen ways ("haiku", "**Sonnet**",
/// "claude-opus-4-6"), and reading one through the catalog costs far more than a lookup.
final class ModelCellCache: Sendable {
    struct Reading: Sendable {
        var state: ModelAssignment.State
        var isEscalation: Bool
    }

    private let readings = Mutex<[String: Reading]>([:])

    func reading(of text: String, _ read: () -> Reading) -> Reading {
        if let known = readings.withLock({ $0[text] }) { return known }
        let reading = read()
        readings.withLock { $0[text] = reading }
        return reading
    }
}
