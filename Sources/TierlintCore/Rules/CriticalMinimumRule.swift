import TierlintMarkdown

/// TL009: a ticket labelled critical is below sonnet (seed 000: "Simple but critical: sonnet
/// minimum").
public struct CriticalMinimumRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "critical-minimum",
        code: "TL009",
        defaultSeverity: .warning,
        summary: "A ticket labelled critical is below the sonnet tier.",
        explanation: """
            A simple task can still be one whose failure hurts. Seed 000's override table: \
            "Simple but critical: sonnet minimum". A ticket is critical when a label, type, tags, \
            priority or severity cell says so (critical, P0, blocker, sev1, highest), or its \
            title starts with `[critical]` or `critical:`. A negated label (non-critical, not \
            critical, no-blocker, not a blocker) is not critical.

            The labels, the columns read and the minimum tier are set under \
            `rules.critical-minimum` (`labels`, `columns`, `minimum-tier`).
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Priority | Model |
                |---|--------|----------|-------|
                | 9.1 | Add session cleanup config | P0 | ↓haiku |
                | 9.2 | [critical] Rotate cache keys | | ↓haiku |
                | 9.3 | Add session key config | non-critical, blocker | ↓haiku |
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Priority | Model |
                |---|--------|----------|-------|
                | 9.1 | Add session cleanup config | P0 | sonnet |
                | 9.2 | Add session cache config | P2 | haiku |
                | 9.3 | Add session log config | non-critical | haiku |
                | 9.4 | Add session trace config | Not critical | haiku |
                | 9.5 | Add session tag config | not-blocker | haiku |
                | 9.6 | Add session env config | no blocker | haiku |
                | 9.7 | Add session TTL config | noncritical | haiku |
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        let policy = context.configuration.critical
        guard let minimum = context.catalog.tier(named: policy.minimumTier) else { return [] }
        let labels = Set(policy.labels.map { $0.lowercased() })
        let columns = policy.columns.map(ColumnVocabulary.key)
        return context.backlogs.flatMap(\.tickets).compactMap { ticket in
            let assignment = Assignment.ticket(ticket)
            guard let tier = ticket.model.effectiveTier, tier < minimum, !context.isSecurityWork(assignment),
                  let marker = criticalMarker(ticket, labels: labels, columns: columns) else { return nil }
            return assignment.finding(
                description,
                message: "\(assignment.describedSubject) is marked \(marker) but is on \(tier.name); "
                    + "simple but critical work needs \(minimum.name) at least (seed 000, when to override)",
                suggestion: minimum.name)
        }
    }

    /// Words that negate a label right after them.
    private static let negations: Set<String> = ["non", "not", "no", "never", "isn", "isnt", "without"]

    /// The label that makes the ticket critical, as written.
    private func criticalMarker(_ ticket: Ticket, labels: Set<String>, columns: [String]) -> String? {
        let cells = ticket.labels + columns.compactMap { ticket.cells[$0] }
        for cell in cells {
            let joined = cell.lowercased().filter { $0.isLetter || $0.isNumber }
            // "non-critical", "Not critical", "no-blocker", "not a blocker": a label negated by
            // one of the two words before it, in its own item of the cell.
            let affirmed = cell.split(whereSeparator: { ",;/".contains($0) }).contains { item in
                let words = WordPattern.words(of: String(item))
                return words.indices.contains { index in
                    labels.contains(words[index]) && !words[max(0, index - 2)..<index].contains(where: Self.negations.contains)
                }
            }
            if labels.contains(joined) || affirmed { return "\"\(cell.trimmingSpaces())\"" }
        }
        let title = ticket.title.lowercased()
        if title.hasPrefix("[critical]") || title.hasPrefix("critical:") { return "critical in its title" }
        return nil
    }
}
