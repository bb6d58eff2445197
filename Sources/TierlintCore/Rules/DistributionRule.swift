/// TL004: the share of tickets (and of agents) per tier stays within target (seed 000: opus
/// usage under 20%; a 40/45/15 sprint).
public struct DistributionRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "distribution",
        code: "TL004",
        defaultSeverity: .error,
        summary: "A sprint, a backlog file or the agent set puts more work on the top tier than the target allows.",
        explanation: """
            Opus costs ten times haiku. Seed 000 recommends about 40% haiku, 45% sonnet and 15% \
            opus per sprint, and reviews any sprint where opus passes 20%: "Just use opus for \
            everything" is the most expensive mistake in the framework.

            Each section of a backlog (the tickets under one heading, such as "Sprint 4: Session \
            Management") is judged, and so is the repository's set of agents (each Claude Code \
            plugin's agents are a set of their own, since a plugin is installed on its own). A backlog file with \
            several sections is judged as a whole too, when no section of it was reported. Only \
            tickets with a known model count; a group with fewer than `min-tickets` (5) of them is \
            not judged. A maximum counts the tier and every tier above it; a minimum counts the \
            tier and every tier below it.

            Security and payment work is not counted, for or against a target, on whatever tier \
            it is: its tier is set by the security-tier rule, not chosen. So a payments sprint is \
            not told to move its payment tickets down, and payment tickets left on haiku (which \
            security-tier reports) do not dilute the opus share of the rest. When security-tier \
            is off, security work counts like any other.

            Targets are set under `rules.distribution` in .tierlint.yml, for example \
            `targets: {opus: {max: 20%}, haiku: {min: 30%}}`. They are laid over the preset's \
            tier by tier: a tier named replaces that tier's target, `opus: off` removes it, and \
            the others stay; `targets: {}` removes them all.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                ↓## Sprint 2: Cart

                | # | Ticket | Model |
                |---|--------|-------|
                | 2.1 | Design cart pricing rules | opus |
                | 2.2 | Design ledger schema | opus |
                | 2.3 | Build cart component | sonnet |
                | 2.4 | Write cart tests | sonnet |
                | 2.5 | Add cart config | haiku |
                """),
            Example("docs/backlog.md", """
                ↓# Backlog

                ## Spike: caching

                | # | Ticket | Model |
                |---|--------|-------|
                | 1 | Research cache options | opus |
                | 2 | Design cache invalidation | opus |
                | 3 | Add cache config | haiku |

                ## Spike: search

                | # | Ticket | Model |
                |---|--------|-------|
                | 4 | Research search engines | opus |
                | 5 | Write search tests | sonnet |
                """),
            Example("docs/backlog.md", """
                ↓## Sprint 6: Checkout

                | # | Ticket | Model |
                |---|--------|-------|
                | 6.1 | Add payment form | haiku |
                | 6.2 | Store billing address | haiku |
                | 6.3 | Send invoice emails | haiku |
                | 6.4 | Handle refunds | haiku |
                | 6.5 | Add Stripe config | haiku |
                | 6.6 | Design cart pricing rules | opus |
                | 6.7 | Design order state machine | opus |
                | 6.8 | Build cart component | sonnet |
                | 6.9 | Write cart tests | sonnet |
                | 6.10 | Build order summary component | sonnet |
                """),
            Example(files: [
                (".claude/agents/architect.md", "---\nmodel: ↓opus\n---\n"),
                (".claude/agents/debugger.md", "---\nmodel: opus\n---\n"),
                (".claude/agents/builder.md", "---\nmodel: sonnet\n---\n"),
                (".claude/agents/tester.md", "---\nmodel: sonnet\n---\n"),
                (".claude/agents/scribe.md", "---\nmodel: haiku\n---\n"),
            ]),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                ## Sprint 4: Session Management

                | # | Ticket | Model |
                |---|--------|-------|
                | 4.1 | Create sessions table | haiku |
                | 4.2 | Implement SessionService | sonnet |
                | 4.3 | Build SessionPage component | sonnet |
                | 4.4 | Write SessionService tests | sonnet |
                | 4.5 | Design session analytics | opus |
                """),
            Example("docs/backlog.md", """
                ## Sprint 5: Payments

                | # | Ticket | Model |
                |---|--------|-------|
                | 5.1 | Design payment provider integration | opus |
                | 5.2 | Implement Stripe webhook handler | opus |
                | 5.3 | Design refund workflow | opus |
                | 5.4 | Build order summary component | sonnet |
                | 5.5 | Add billing config | opus |
                | 5.6 | Write cart API tests | sonnet |
                | 5.7 | Create orders table | haiku |
                """),
            Example("docs/backlog.md", """
                ## Spike

                | # | Ticket | Model |
                |---|--------|-------|
                | 1 | Research queue options | opus |
                | 2 | Design queue topology | opus |
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        let policy = context.configuration.distribution
        let securityRuleOn = context.configuration.severity(of: SecurityTierRule().description) != nil
        /// Work whose tier the security rule sets is not a choice the distribution judges: it
        /// counts neither for nor against a target, on its required tier or (reported by that
        /// rule) below it.
        func isChosen(_ assignment: Assignment) -> Bool {
            guard securityRuleOn else { return true }
            return context.securityWords(assignment).isEmpty
        }
        let targets = policy.targets.compactMap { target in
            context.catalog.tier(named: target.tier).map { (tier: $0, target: target) }
        }
        guard !targets.isEmpty else { return [] }
        var findings: [Finding] = []

        for backlog in context.backlogs {
            let sections = BacklogSection.sections(of: backlog)
            func chosen(_ tickets: [Ticket]) -> [ModelAssignment] {
                tickets.filter { isChosen(.ticket($0)) }.map(\.model)
            }
            var sectionFindings: [Finding] = []
            for section in sections {
                sectionFindings += judge(
                    chosen(section.tickets), unit: "tickets", subject: section.subject,
                    path: backlog.path, line: section.line, column: 1, targets: targets, policy: policy)
            }
            findings += sectionFindings
            // A file is over its target only through a section that is over it or too small to be
            // judged; when a section was reported, the file total says nothing new.
            if sections.count > 1 && sectionFindings.isEmpty {
                findings += judge(
                    chosen(backlog.tickets), unit: "tickets", subject: "backlog \(backlog.path)",
                    path: backlog.path, line: 1, column: 1, targets: targets, policy: policy)
            }
        }

        // An agent set is judged when one of its agents is being reported on. The repository's
        // own agents are one set; each plugin's agents are another, since a plugin is
        // installed on its own.
        let reportedAgents = context.definitions.filter { $0.kind == .agent }
        for set in Set(reportedAgents.map(\.agentSet)).sorted() {
            let reportedInSet = reportedAgents.filter { $0.agentSet == set }.sorted { $0.path < $1.path }
            let agents = context.allAgents.filter { $0.kind == .agent && $0.agentSet == set && isChosen(.definition($0)) }
            let subject = set.isEmpty ? "agent set" : "agent set of plugin \(set)"
            for (tier, target) in targets {
                // Point at an agent that could move: one of the over-represented tier.
                let anchor = reportedInSet.first { agent in
                    guard isChosen(.definition(agent)), let agentTier = agent.model.effectiveTier else { return false }
                    return target.maximum != nil ? agentTier >= tier : agentTier <= tier
                } ?? reportedInSet[0]
                findings += judge(
                    agents.map(\.model), unit: "agents", subject: subject,
                    path: anchor.path, line: anchor.model.line, column: anchor.model.column,
                    targets: [(tier, target)], policy: policy
                ).map { finding in
                    var finding = finding
                    finding.agentSet = set
                    return finding
                }
            }
        }
        return findings
    }

    private func judge(
        _ models: [ModelAssignment], unit: String, subject: String, path: String, line: Int, column: Int,
        targets: [(tier: Tier, target: DistributionPolicy.Target)], policy: DistributionPolicy
    ) -> [Finding] {
        let tiers = models.compactMap(\.effectiveTier)
        guard tiers.count >= policy.minimumCount, !tiers.isEmpty else { return [] }
        let uncounted = models.count - tiers.count
        let note = uncounted == 0 ? "" : " (\(uncounted) more with no known model not counted)"
        var findings: [Finding] = []
        for (tier, target) in targets {
            if let maximum = target.maximum {
                let count = tiers.count { $0 >= tier }
                if Double(count) > maximum * Double(tiers.count) + 1e-9 {
                    let excess = count - Int((maximum * Double(tiers.count) + 1e-9).rounded(.down))
                    findings.append(Finding(
                        rule: description.identity, severity: description.defaultSeverity, path: path,
                        line: line, column: column,
                        message: "\(subject) has \(count) of \(tiers.count) \(unit) (\(percent(count, tiers.count))) on "
                            + "\(tier.name)\(orAbove(tier))\(note), over the \(percent(maximum)) target; "
                            + "move at least \(excess) to a lower tier",
                        subject: subject))
                }
            }
            if let minimum = target.minimum {
                let count = tiers.count { $0 <= tier }
                if Double(count) < minimum * Double(tiers.count) - 1e-9 {
                    let shortfall = Int((minimum * Double(tiers.count) - 1e-9).rounded(.up)) - count
                    findings.append(Finding(
                        rule: description.identity, severity: description.defaultSeverity, path: path,
                        line: line, column: column,
                        message: "\(subject) has \(count) of \(tiers.count) \(unit) (\(percent(count, tiers.count))) on "
                            + "\(tier.name)\(orBelow(tier))\(note), under the \(percent(minimum)) target; "
                            + "move at least \(shortfall) down to \(tier.name)",
                        subject: subject))
                }
            }
        }
        return findings
    }

    private func orAbove(_ tier: Tier) -> String { tier.rank == 0 ? "" : " or above" }
    private func orBelow(_ tier: Tier) -> String { tier.rank == 0 ? "" : " or below" }

    func percent(_ part: Int, _ whole: Int) -> String {
        percent(Double(part) / Double(whole))
    }

    private func percent(_ share: Double) -> String {
        let value = share * 100
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))%" : "\(rounded)%"
    }
}
