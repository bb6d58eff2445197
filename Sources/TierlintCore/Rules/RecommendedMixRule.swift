/// TL017: a sprint's mix strays far from the recommended one (seed 000: 40% haiku, 45% sonnet,
/// 15% opus). A note, not a failure: the mix is a guide, the cap on opus is the rule.
public struct RecommendedMixRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "recommended-mix",
        code: "TL017",
        defaultSeverity: .info,
        summary: "A section's mix of tiers strays from the recommended mix by more than the tolerance.",
        explanation: """
            Seed 000 recommends roughly 40% haiku, 45% sonnet and 15% opus per sprint. A sprint \
            far from that mix is worth a look (most of its work on sonnet may hide haiku work \
            paying sonnet prices), but not a failure, so this rule only notes it. Sections with \
            fewer known tickets than `rules.distribution.min-tickets` are not judged.

            The mix and how far a tier may stray (15 points) are set under \
            `rules.recommended-mix` (`mix`, `tolerance`); the finops preset sets 40/45/15, the \
            other presets none.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                ↓## Sprint 8: Reports

                | # | Ticket | Model |
                |---|--------|-------|
                | 8.1 | Implement ReportService | sonnet |
                | 8.2 | Build ReportTable component | sonnet |
                | 8.3 | Write ReportService tests | sonnet |
                | 8.4 | Implement export endpoint | sonnet |
                | 8.5 | Create reports table | haiku |
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                ## Sprint 8: Reports

                | # | Ticket | Model |
                |---|--------|-------|
                | 8.1 | Implement ReportService | sonnet |
                | 8.2 | Build ReportTable component | sonnet |
                | 8.3 | Create reports table | haiku |
                | 8.4 | Add report config | haiku |
                | 8.5 | Design report scheduling | opus |
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        let policy = context.configuration.distribution
        guard !policy.recommended.isEmpty else { return [] }
        let recommended = context.catalog.tiers.compactMap { tier in policy.recommended[tier.name].map { (tier: tier, share: $0) } }
        var findings: [Finding] = []
        for backlog in context.backlogs {
            for section in BacklogSection.sections(of: backlog) {
                let tiers = section.tickets.compactMap(\.model.effectiveTier)
                guard tiers.count >= policy.minimumCount else { continue }
                let shares = recommended.map { target in
                    (tier: target.tier, actual: Double(tiers.count { $0 == target.tier }) / Double(tiers.count), share: target.share)
                }
                let strays = shares.filter { abs($0.actual - $0.share) > policy.tolerance + 1e-9 }
                guard !strays.isEmpty else { continue }
                let mix = shares.map { "\(Self.points($0.actual))% \($0.tier.name)" }.joined(separator: ", ")
                let target = shares.map { "\(Self.points($0.share))%" }.joined(separator: "/")
                let detail = strays.map {
                    "\($0.tier.name) \(Self.points(abs($0.actual - $0.share))) points \($0.actual < $0.share ? "under" : "over")"
                }
                findings.append(Finding(
                    rule: description.identity, severity: description.defaultSeverity, path: backlog.path,
                    line: section.line, column: 1,
                    message: "\(section.subject) is \(mix); the recommended mix is \(target) (\(detail.joined(separator: ", ")))",
                    subject: section.subject))
            }
        }
        return findings
    }

    private static func points(_ share: Double) -> Int { Int((share * 100).rounded()) }
}
