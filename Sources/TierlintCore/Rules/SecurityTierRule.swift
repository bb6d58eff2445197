/// TL003: security and payment work runs on the top tier (seed 000: "Security/payment related:
/// always opus"; seed 002: security-sensitive reviews belong to the reasoning tier).
public struct SecurityTierRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "security-tier",
        code: "TL003",
        defaultSeverity: .error,
        summary: "Security- or payment-related work is assigned a model below the opus tier.",
        explanation: """
            Authentication, authorization, secrets, encryption, personal data and payments are \
            where a subtle mistake costs most, and where the cheaper tiers miss edge cases. The \
            seeds agree: security and payment work is always on opus.

            A ticket is security work when its title, or a Label, Type or Tags column, contains \
            a word of the security vocabulary; an agent, when its name or description does. Words \
            match as words and their inflections: "OAuth", "AuthService", "passwords" and \
            "encrypted" match, "author" does not, and "dependency injection" is not injection. \
            The generic words "security" and "secure" count in a ticket's title and an agent's \
            name, but not in an agent's description, where every agent claims to care about \
            security; `<example>` transcripts in a description are not read. \
            The vocabulary and the minimum tier are set under `rules.security-tier` in \
            .tierlint.yml (`words`, `extra-words`, `exclude-words`, `exceptions`, `minimum-tier`).

            `inherit` does not satisfy the rule: the caller's model may be anything. A list of \
            models is judged by its lowest, since any of them may be the one that runs.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 5.1 | Implement OAuth login | ↓sonnet |
                | 5.2 | Add Stripe payment webhook | ↓haiku |
                | 5.3 | Rotate API credentials | ↓sonnet → opus |
                """),
            Example(".claude/agents/security-reviewer.md", """
                ---
                name: security-reviewer
                description: Reviews changes for vulnerabilities and secrets.
                model: ↓inherit
                ---
                """),
            Example("docs/backlog.md", """
                | # | Task | Labels | Model |
                |---|------|--------|-------|
                | 7 | Harden session cookies | security | ↓sonnet |
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 5.1 | Implement OAuth login | opus |
                | 5.2 | Add author bio to profile page | haiku |
                | 5.3 | Set up dependency injection container | sonnet |
                """),
            Example(".claude/agents/security-reviewer.md", """
                ---
                name: security-reviewer
                description: Reviews changes for vulnerabilities and secrets.
                model: claude-opus-4-6
                ---
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        guard let minimum = context.catalog.tier(named: context.configuration.security.minimumTier) else { return [] }
        var findings: [Finding] = []
        for assignment in context.assignments {
            let words = context.securityWords(assignment)
            guard !words.isEmpty else { continue }
            let matched = words.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
            let subject = "\(assignment.describedSubject) is security work (\(matched))"
            if assignment.model.isInherit {
                findings.append(assignment.finding(
                    description,
                    message: "\(subject) but inherits its caller's model, which may be any tier; set it to \(minimum.name)",
                    suggestion: minimum.name))
                continue
            }
            // Missing, unknown and invalid models are their own rules' findings.
            guard let tier = assignment.model.effectiveTier, tier < minimum else { continue }
            let runsOn = assignment.model.names.count > 1 ? "may run on \(tier.name)" : "is on \(tier.name)"
            findings.append(assignment.finding(
                description,
                message: "\(subject) but \(runsOn); security and payment work needs \(minimum.name) or above",
                suggestion: minimum.name))
        }
        return findings
    }
}
