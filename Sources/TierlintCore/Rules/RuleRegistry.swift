/// Every rule tierlint has, in code order. Adding a rule means adding it here.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        MissingModelRule(),
        UnknownModelRule(),
        SecurityTierRule(),
        DistributionRule(),
        ParseErrorRule(),
        OverkillRule(),
        UnderpoweredRule(),
        OwnerDefaultRule(),
        CriticalMinimumRule(),
        CostTierMismatchRule(),
        DistributionMismatchRule(),
        UniformSprintRule(),
        ComplexityTierRule(),
        EscalationOrderRule(),
        DocDriftRule(),
        DispatchDriftRule(),
        RecommendedMixRule(),
        UnusedSuppressionRule(),
        SuppressionReasonRule(),
    ]

    /// A rule by slug or code, ignoring case: `security-tier`, `TL003`.
    public static func rule(named name: String) -> (any Rule)? {
        let key = name.lowercased()
        return all.first { $0.description.slug == key || $0.description.code.lowercased() == key }
    }
}
