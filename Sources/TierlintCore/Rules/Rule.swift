/// A policy check. Rules are small values: they carry their own description and examples,
/// and turn what was read from the files into findings.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: RuleContext) -> [Finding]
}
