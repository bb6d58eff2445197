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
            paying sonnet prices), but not a failure, so this rule only notes it. A mix needs a \
            sample: sections with fewer than 10 known tickets are not judged, nor are sections \
            all on one tier (uniform-sprint says that). A ticket above the mix's top tier \
            (fable) counts at that tier.

            The mix, how far a tier may stray (15 points) and the smallest section judged are set \
            under `rules.recommended-mix` (`mix`, `tolerance`, `min-tickets`); the finops preset \
            sets 40/45/15, the other presets none.
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
                | 8.5 | Implement import endpoint | sonnet |
                | 8.6 | Build ReportChart component | sonnet |
                | 8.7 | Write export tests | sonnet |
                | 8.8 | Implement ReportScheduler | sonnet |
                | 8.9 | Create reports table | haiku |
                | 8.10 | Design report caching | opus |
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                ## Sprint 8: Reports

                | # | Ticket | Model |
                |---|--------|-------|
                | 8.1 | Implement ReportService | sonnet |
                | 8.2 | Build ReportTable component | sonnet |
                | 8.3 | Write ReportService tests | sonnet |
                | 8.4 | Implement export endpoint | sonnet |
                | 8.5 | Create reports table | haiku |
                | 8.6 | Add report config | haiku |
                | 8.7 | Create report seed data | haiku |
                | 8.8 | Document report API | haiku |
                | 8.9 | Design report scheduling | opus |
                | 8.10 | Implement export retries | sonnet |
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        let policy = context.configuration.distribution
        guard !policy.recommended.isEmpty else { return [] }
        let recommended = context.catalog.tiers.compactMap { tier in policy.recommended[tier.name].map { (tier: tier, share: $0) } }
        var findings: [Finding] = []
        for backlog in context.backlogs {
            for section in BacklogSection.sections(of: backlog) {
                // Each ticket counts at the highest tier of the mix it reaches (fable as opus).
                let tiers = section.tickets.compactMap(\.model.effectiveTier).compactMap { tier in
                    recommended.last { $0.tier <= tier }?.tier ?? recommended.first?.tier
                }
                guard tiers.count >= policy.recommendedMinimumCount, Set(tiers).count > 1 else { continue }
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
