/// TL019: a suppression comment that does not say why.
public struct SuppressionReasonRule: Rule {
    public init() {}

    public var runsOnSuppressions: Bool { true }

    public let description = RuleDescription(
        slug: "suppression-reason",
        code: "TL019",
        defaultSeverity: .warning,
        summary: "A `tierlint-disable` comment without a reason after a colon.",
        explanation: """
            An exception to the policy is only as good as its reason: the next reader needs to \
            know whether "opus for a migration" was a judgement or a shortcut. Write the reason \
            after a colon, `tierlint-disable overkill: the schema is generated from the ADR`. The \
            suppression still applies without one; this rule asks for it.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 1 | Create users table <!-- ↓tierlint-disable overkill --> | opus |
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 1 | Create users table <!-- tierlint-disable overkill: the table holds PII --> | opus |
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        (context.suppressionOutcome?.unexplained ?? []).map { suppression in
            Finding(
                rule: description.identity, severity: description.defaultSeverity, path: suppression.path,
                line: suppression.line, column: suppression.column,
                message: "the suppression of \(suppression.ruleList.isEmpty ? "nothing" : suppression.ruleList) gives no reason; "
                    + "add one after a colon: `tierlint-disable \(suppression.ruleList.isEmpty ? "RULE" : suppression.ruleList): why it is acceptable`",
                subject: "suppression of \(suppression.ruleList)")
        }
    }
}
