/// An owner role's default tier, and when it moves up (seed 000's "By Owner Role" table:
/// "Backend Lead: sonnet, upgrade to opus for security, payments").
public struct RoleDefault: Sendable, Equatable {
    /// The role as the seed names it: `Backend Lead`.
    public var role: String
    /// Owner cell values that mean this role: `Backend`, `BE`, `Backend Lead`.
    public var names: [String]
    public var tier: String
    /// The tier the role moves up to, and the kinds of work that justify it.
    public var upgradeTier: String?
    public var upgradeWhen: [WordPattern]
    /// The upgrade cases in words: `security, payments`.
    public var upgradeReason: String

    public init(role: String, names: [String], tier: String, upgradeTier: String?, upgradeWhen: [WordPattern], upgradeReason: String) {
        self.role = role
        self.names = names
        self.tier = tier
        self.upgradeTier = upgradeTier
        self.upgradeWhen = upgradeWhen
        self.upgradeReason = upgradeReason
    }

    /// Whether an owner cell names this role, ignoring case, punctuation and "lead".
    func matches(owner: String) -> Bool {
        let key = Self.key(owner)
        return names.contains { Self.key($0) == key }
    }

    static func key(_ text: String) -> String {
        WordPattern.words(of: text).filter { $0 != "lead" && $0 != "team" }.joined(separator: " ")
    }
}
