/// A model tier: haiku (execution) < sonnet (balanced) < opus (reasoning) < fable.
/// Tiers compare by rank; their names are stable even as the models in them change.
public struct Tier: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let name: String
    public let rank: Int
    public let role: String
    /// Cost relative to the cheapest tier (seed 000: 1x, 3x, 10x).
    public let relativeCost: Int
    public let summary: String

    public init(name: String, rank: Int, role: String, relativeCost: Int, summary: String) {
        self.name = name
        self.rank = rank
        self.role = role
        self.relativeCost = relativeCost
        self.summary = summary
    }

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }
    public static func == (lhs: Tier, rhs: Tier) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public var description: String { name }
}
