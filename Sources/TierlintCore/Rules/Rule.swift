/// A policy check. Rules are small values: they carry their own description and examples,
/// and turn what was read from the files into findings.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    /// Rules about suppressions run after every other rule's findings have met the
    /// suppressions, and read the outcome from `RuleContext.suppressionOutcome`.
    var runsOnSuppressions: Bool { get }
    func check(_ context: RuleContext) -> [Finding]
}

extension Rule {
    public var runsOnSuppressions: Bool { false }
}
