/// TL018: a suppression comment that silences nothing.
public struct UnusedSuppressionRule: Rule {
    public init() {}

    public var runsOnSuppressions: Bool { true }

    public let description = RuleDescription(
        slug: "unused-suppression",
        code: "TL018",
        defaultSeverity: .warning,
        summary: "A `tierlint-disable` comment that silences no finding, names no rule, or is in no place it can apply to.",
        explanation: """
            A suppression is an exception to the policy, so it should exist only while the finding \
            it excuses does. When the ticket moves to the right tier, the agent is fixed or the \
            rule is turned off, the comment stays behind and would silently excuse the next \
            problem there; tierlint reports it so it can be removed.

            Suppressions are HTML comments in Markdown and YAML comments in frontmatter and YAML \
            files. Inside a ticket's row, `<!-- tierlint-disable RULE: reason -->` covers that \
            ticket. On its own line directly above a table it covers the table, the statements \
            under it and the findings about its section; a comment line inside a table would end \
            the table on GitHub, so there is no per-line form between rows. \
            `tierlint-disable-file` covers the whole file. In an agent's frontmatter, \
            `# tierlint-disable RULE: reason` covers the agent. In a YAML agent file a comment on \
            its own line covers the entry below it. RULE is a rule's name or code; several are \
            separated by commas.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 1 | Create users table <!-- ↓tierlint-disable overkill: legacy --> | haiku |
                """),
            Example("docs/plan.md", """
                ## Sprint 1

                <!-- ↓tierlint-disable distribution: nothing below is a table -->

                Some prose.
                """),
            Example(".claude/agents/builder.md", """
                ---
                name: builder
                model: sonnet
                # ↓tierlint-disable sekurity-tier: typo in the rule's name
                ---
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 1 | Create users table <!-- tierlint-disable overkill: the table holds PII, see ADR-12 --> | opus |
                """),
            Example(".claude/agents/auth-helper.md", """
                ---
                name: auth-helper
                description: Formats authentication error messages.
                model: haiku
                # tierlint-disable security-tier: copy only, reviewed by appsec
                ---
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        (context.suppressionOutcome?.unused ?? []).map { unused in
            Finding(
                rule: description.identity, severity: description.defaultSeverity, path: unused.suppression.path,
                line: unused.suppression.line, column: unused.suppression.column, message: unused.message,
                subject: "suppression of \(unused.rules.isEmpty ? "nothing" : unused.rules.joined(separator: ", "))")
        }
    }
}
