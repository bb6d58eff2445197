/// One problem found in one file, at a line and column.
public struct Finding: Sendable, Equatable {
    public var rule: RuleIdentity
    public var severity: Severity
    /// Relative to the repository root, with forward slashes.
    public var path: String
    /// 1-based.
    public var line: Int
    /// 1-based, counted in characters.
    public var column: Int
    public var message: String
    /// What the finding is about, e.g. `ticket 4.3` or `agent code-reviewer`.
    public var subject: String
    /// What to write instead, when there is one answer: a tier or a model name.
    public var suggestion: String?
    /// The backlog section of a ticket the finding is about: ticket IDs repeat from sprint to
    /// sprint, so the subject alone does not tell two tickets apart.
    public var section: String?
    /// For a finding about an agent set as a whole, the set (`""` for the repository's own
    /// agents, a plugin's folder for its agents). Its location is only where it is shown.
    public var agentSet: String?

    public init(
        rule: RuleIdentity, severity: Severity, path: String, line: Int, column: Int,
        message: String, subject: String, suggestion: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
        self.subject = subject
        self.suggestion = suggestion
    }

    /// The order findings are shown in: by file, then position, then rule.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.rule.code, lhs.message)
            < (rhs.path, rhs.line, rhs.column, rhs.rule.code, rhs.message)
    }
}

/// A rule's stable names: a readable slug and a code (`security-tier`, `TL003`).
public struct RuleIdentity: Sendable, Hashable {
    public var slug: String
    public var code: String

    public init(slug: String, code: String) {
        self.slug = slug
        self.code = code
    }
}
