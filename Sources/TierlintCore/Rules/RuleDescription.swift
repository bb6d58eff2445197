/// What `tierlint rules` and `tierlint explain` show, and what the rule tests run.
public struct RuleDescription: Sendable {
    public var slug: String
    public var code: String
    public var defaultSeverity: Severity
    /// One sentence: what the rule reports.
    public var summary: String
    /// Why it matters and how to fix it, in plain paragraphs.
    public var explanation: String
    /// Examples the rule must report, with `↓` before each place a finding points at.
    public var triggeringExamples: [Example]
    /// Examples the rule must accept.
    public var nonTriggeringExamples: [Example]

    public var identity: RuleIdentity { RuleIdentity(slug: slug, code: code) }

    public init(
        slug: String, code: String, defaultSeverity: Severity, summary: String, explanation: String,
        triggeringExamples: [Example], nonTriggeringExamples: [Example]
    ) {
        self.slug = slug
        self.code = code
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.explanation = explanation
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}
