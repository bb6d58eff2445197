import Foundation

/// What `tierlint audit` shows: which agents and tickets use which tier, how far the mix is
/// from its targets, what it costs, what the rules found and what to move where. Built once
/// from a check; each format renders the same report.
public struct AuditReport: Sendable {
    public var toolVersion: String
    /// `worktree`, `HEAD`, a folder.
    public var source: String
    /// The preset the policy starts from.
    public var preset: String
    public var catalogAsOf: String
    public var pricesAsOf: String
    /// Tiers from cheapest to most capable.
    public var tiers: [TierColumn]
    public var agents: [AgentRow]
    public var sections: [SectionRow]
    public var tickets: Distribution
    /// Agents only (not commands or skills, which run on the conversation's model).
    public var agentTiers: Distribution
    public var cost: CostSummary
    public var findings: FindingSummary
    public var rules: [RuleGroup]
    public var recommendations: [Recommendation]
    public var filesChecked: Int

    /// The tiers worth a column in the section tables: those with tickets or a target.
    public var sectionTiers: [TierColumn] {
        tiers.filter { tier in
            tier.maximum != nil || tier.minimum != nil || tier.recommended != nil
                || sections.contains { ($0.counts[tier.name] ?? 0) > 0 }
        }
    }

    public struct TierColumn: Sendable, Equatable {
        public var name: String
        public var role: String
        public var relativeCost: Int
        public var price: Price?
        /// Largest share allowed at this tier and above, and smallest at this tier and below.
        public var maximum: Double?
        public var minimum: Double?
        /// The share the recommended mix gives this tier.
        public var recommended: Double?
    }

    public struct AgentRow: Sendable, Equatable {
        public var name: String
        public var path: String
        public var line: Int
        public var kind: String
        public var format: String
        /// As written, or empty when there is none.
        public var model: String
        /// The tier, `inherit`, `unknown` or `none`.
        public var tier: String
        /// The plugin folder it belongs to; empty for the repository's own agents.
        public var plugin: String
    }

    public struct SectionRow: Sendable, Equatable {
        public var path: String
        public var name: String
        public var line: Int
        /// Tickets per tier name.
        public var counts: [String: Int]
        /// Tickets with no known tier: no model, an unknown one, or `inherit`.
        public var unassigned: Int
        public var total: Int
        /// Relative cost (haiku = 1) summed over the tickets with a tier.
        public var costUnits: Int
        /// The blended price per million tokens, averaged over the tickets with a price.
        public var blendedPrice: Decimal?

        /// Cost units per ticket with a tier: 1 is all haiku, 10 all opus.
        public var costIndex: Double? {
            let counted = total - unassigned
            return counted == 0 ? nil : Double(costUnits) / Double(counted)
        }
    }

    /// How many tickets (or agents) are on each tier.
    public struct Distribution: Sendable, Equatable {
        public var counts: [String: Int]
        public var unassigned: Int

        public var counted: Int { counts.values.reduce(0, +) }

        public func share(_ tier: String) -> Double? {
            counted == 0 ? nil : Double(counts[tier] ?? 0) / Double(counted)
        }
    }

    public struct CostSummary: Sendable, Equatable {
        public var units: Int
        /// Units per ticket with a tier.
        public var index: Double?
        /// The index the recommended mix would give, for comparison.
        public var recommendedIndex: Double?
        public var blendedPrice: Decimal?
        /// Units the recommendations to move down would save.
        public var possibleSaving: Int
    }

    public struct FindingSummary: Sendable, Equatable {
        public var errors: Int
        public var warnings: Int
        public var notes: Int
    }

    public struct RuleGroup: Sendable {
        public var code: String
        public var slug: String
        public var summary: String
        public var severity: Severity
        public var findings: [Finding]
    }

    /// A move from one tier to another, and what it saves (negative: what it costs).
    public struct Recommendation: Sendable, Equatable {
        public var subject: String
        public var title: String
        public var path: String
        public var line: Int
        public var from: String
        public var to: String
        /// How many tickets or agents this moves (more than one for a section over its cap).
        public var count: Int
        /// Relative cost units saved; negative when the move costs more.
        public var saving: Int
        public var rule: String
        public var reason: String
        /// The backlog section of a ticket's move, to net it against the section's own.
        var section: String?
    }
}

extension AuditReport {
    /// Builds the report from a check's documents and findings.
    static func build(
        context: RuleContext, result: LintResult, toolVersion: String, source: String
    ) -> AuditReport {
        let catalog = context.catalog
        let configuration = context.configuration
        let policy = configuration.distribution
        func tierName(_ model: ModelAssignment) -> String {
            if let tier = model.effectiveTier { return tier.name }
            if model.isMissing { return "none" }
            if model.isInherit { return "inherit" }
            return "unknown"
        }
        func price(_ model: ModelAssignment) -> Price? {
            let prices = model.names.compactMap { name -> Price? in
                guard case .known(let entry) = name.resolution else { return nil }
                return catalog.price(of: entry)
            }
            // An escalation is priced by its first (cheapest, most used) model.
            return prices.count == model.names.count ? prices.first : nil
        }

        let tiers = catalog.tiers.map { tier in
            let target = policy.targets.first { ModelName.key($0.tier) == tier.name }
            return TierColumn(
                name: tier.name, role: tier.role, relativeCost: tier.relativeCost, price: catalog.tierPrices[tier.name],
                maximum: target?.maximum, minimum: target?.minimum,
                recommended: policy.recommended.first { ModelName.key($0.key) == tier.name }?.value)
        }

        let agents = context.definitions.sorted { lhs, rhs in
            if lhs.kind != rhs.kind { return lhs.kind.rawValue < rhs.kind.rawValue }
            return NaturalOrder.precedes(lhs.path, rhs.path)
        }.map { definition in
            AgentRow(
                name: definition.name, path: definition.path, line: definition.model.line, kind: definition.kind.rawValue,
                format: definition.format.rawValue, model: definition.model.writtenText, tier: tierName(definition.model),
                plugin: definition.agentSet)
        }

        var sections: [SectionRow] = []
        var ticketCounts: [String: Int] = [:]
        var ticketUnassigned = 0
        var units = 0
        var priced: [Decimal] = []
        for backlog in context.backlogs.sorted(by: { $0.path < $1.path }) {
            for section in BacklogSection.sections(of: backlog) {
                var row = SectionRow(
                    path: backlog.path, name: section.name ?? "(no heading)", line: section.line, counts: [:],
                    unassigned: 0, total: section.tickets.count, costUnits: 0, blendedPrice: nil)
                var sectionPrices: [Decimal] = []
                for ticket in section.tickets {
                    guard let tier = ticket.model.effectiveTier else {
                        row.unassigned += 1
                        continue
                    }
                    row.counts[tier.name, default: 0] += 1
                    row.costUnits += tier.relativeCost
                    if let price = price(ticket.model) { sectionPrices.append(price.blended) }
                }
                if !sectionPrices.isEmpty { row.blendedPrice = Self.average(sectionPrices) }
                for (tier, count) in row.counts { ticketCounts[tier, default: 0] += count }
                ticketUnassigned += row.unassigned
                units += row.costUnits
                priced += sectionPrices
                sections.append(row)
            }
        }

        var agentCounts: [String: Int] = [:]
        var agentUnassigned = 0
        for definition in context.definitions where definition.kind == .agent {
            if let tier = definition.model.effectiveTier { agentCounts[tier.name, default: 0] += 1 } else { agentUnassigned += 1 }
        }

        let ticketDistribution = Distribution(counts: ticketCounts, unassigned: ticketUnassigned)
        let recommendedIndex: Double? = policy.recommended.isEmpty ? nil : policy.recommended.reduce(0.0) { sum, entry in
            sum + entry.value * Double(catalog.tier(named: entry.key)?.relativeCost ?? 0)
        }
        let recommendations = Self.recommendations(context: context, result: result, sections: sections)

        var groups: [String: RuleGroup] = [:]
        for finding in result.findings {
            if groups[finding.rule.code] == nil {
                let description = RuleRegistry.rule(named: finding.rule.code)?.description
                groups[finding.rule.code] = RuleGroup(
                    code: finding.rule.code, slug: finding.rule.slug, summary: description?.summary ?? "",
                    severity: finding.severity, findings: [])
            }
            groups[finding.rule.code]!.findings.append(finding)
            groups[finding.rule.code]!.severity = max(groups[finding.rule.code]!.severity, finding.severity)
        }

        return AuditReport(
            toolVersion: toolVersion, source: source, preset: configuration.preset,
            catalogAsOf: catalog.asOf, pricesAsOf: catalog.pricesAsOf, tiers: tiers, agents: agents, sections: sections,
            tickets: ticketDistribution, agentTiers: Distribution(counts: agentCounts, unassigned: agentUnassigned),
            cost: CostSummary(
                units: units, index: ticketDistribution.counted == 0 ? nil : Double(units) / Double(ticketDistribution.counted),
                recommendedIndex: recommendedIndex, blendedPrice: priced.isEmpty ? nil : average(priced),
                possibleSaving: recommendations.filter { $0.saving > 0 }.reduce(0) { $0 + $1.saving }),
            findings: FindingSummary(errors: result.count(.error), warnings: result.count(.warning), notes: result.count(.info)),
            rules: groups.values.sorted { lhs, rhs in
                if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
                if lhs.findings.count != rhs.findings.count { return lhs.findings.count > rhs.findings.count }
                return lhs.code < rhs.code
            },
            recommendations: recommendations, filesChecked: result.filesChecked)
    }

    static func average(_ values: [Decimal]) -> Decimal {
        values.reduce(0, +) / Decimal(values.count)
    }

    /// Moves the findings suggest (a tier for a ticket or agent), and sections over their
    /// cap; moves that save first, by how much, then the moves the policy requires.
    static func recommendations(context: RuleContext, result: LintResult, sections: [SectionRow]) -> [Recommendation] {
        let catalog = context.catalog
        var assignments: [String: Assignment] = [:]
        for assignment in context.assignments {
            assignments["\(assignment.path)\u{0}\(assignment.model.line)"] = assignment
        }
        let rank: [String: Int] = ["security-tier": 0, "critical-minimum": 1, "underpowered": 2, "complexity-tier": 3, "overkill": 4, "owner-default": 5]
        var chosen: [String: (rank: Int, recommendation: Recommendation)] = [:]
        for finding in result.findings {
            guard let order = rank[finding.rule.slug], let suggestion = finding.suggestion, let target = catalog.tier(named: suggestion),
                  let assignment = assignments["\(finding.path)\u{0}\(finding.line)"], let current = assignment.model.effectiveTier,
                  current != target else { continue }
            let title: String
            switch assignment {
            case .ticket(let ticket): title = ticket.title
            case .definition(let definition): title = definition.description.split(separator: "\n").first.map(String.init) ?? ""
            case .task(let task): title = task.task
            }
            var section: String?
            if case .ticket(let ticket) = assignment { section = ticket.section ?? "(no heading)" }
            let recommendation = Recommendation(
                subject: assignment.subject, title: title.truncated(to: 80), path: finding.path, line: finding.line,
                from: current.name, to: target.name, count: 1, saving: current.relativeCost - target.relativeCost,
                rule: finding.rule.slug, reason: finding.message, section: section)
            let key = "\(finding.path)\u{0}\(finding.line)"
            if let existing = chosen[key], existing.rank <= order { continue }
            chosen[key] = (order, recommendation)
        }
        var moves = chosen.values.map(\.recommendation)

        // A section over its cap: the fewest tickets that must move, one tier down each.
        let policy = context.configuration.distribution
        for target in policy.targets {
            guard let maximum = target.maximum, let tier = catalog.tier(named: target.tier),
                  let below = catalog.tiers.last(where: { $0 < tier }) else { continue }
            for section in sections {
                let counted = section.total - section.unassigned
                guard counted >= policy.minimumCount else { continue }
                let over = catalog.tiers.filter { $0 >= tier }.reduce(0) { $0 + (section.counts[$1.name] ?? 0) }
                let allowed = Int((maximum * Double(counted) + 1e-9).rounded(.down))
                // Tickets already recommended to move below the cap count toward it.
                let moving = moves.count { move in
                    move.path == section.path && move.section == section.name
                        && (catalog.tier(named: move.from).map { $0 >= tier } ?? false)
                        && (catalog.tier(named: move.to).map { $0 < tier } ?? false)
                }
                guard over - moving > allowed else { continue }
                let excess = over - moving - allowed
                let others = moving == 0 ? "" : "more "
                moves.append(Recommendation(
                    subject: "section \"\(section.name)\"", title: "\(excess) \(others)of its \(over) \(tier.name) tickets",
                    path: section.path, line: section.line, from: tier.name, to: below.name, count: excess,
                    saving: excess * (tier.relativeCost - below.relativeCost), rule: "distribution",
                    reason: "\(over) of \(counted) tickets on \(tier.name) or above, over the \(Int((maximum * 100).rounded()))% target"))
            }
        }
        return moves.sorted { lhs, rhs in
            if (lhs.saving > 0) != (rhs.saving > 0) { return lhs.saving > 0 }
            if lhs.saving > 0 { return (lhs.saving, rhs.path, rhs.line) > (rhs.saving, lhs.path, lhs.line) }
            return ((rank[lhs.rule] ?? 9), lhs.path, lhs.line) < ((rank[rhs.rule] ?? 9), rhs.path, rhs.line)
        }
    }
}

/// Names in the order a person expects: `agent-2` before `agent-10`.
enum NaturalOrder {
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        var left = Array(lhs.lowercased().unicodeScalars)[...], right = Array(rhs.lowercased().unicodeScalars)[...]
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
        while let l = left.first, let r = right.first {
            if isDigit(l), isDigit(r) {
                let leftDigits = left.prefix(while: isDigit), rightDigits = right.prefix(while: isDigit)
                let leftNumber = leftDigits.drop { $0 == "0" }, rightNumber = rightDigits.drop { $0 == "0" }
                if leftNumber.count != rightNumber.count { return leftNumber.count < rightNumber.count }
                if !leftNumber.elementsEqual(rightNumber) { return leftNumber.lexicographicallyPrecedes(rightNumber) { $0.value < $1.value } }
                left = left.dropFirst(leftDigits.count)
                right = right.dropFirst(rightDigits.count)
                continue
            }
            if l != r { return l.value < r.value }
            left = left.dropFirst()
            right = right.dropFirst()
        }
        return left.count < right.count || (left.isEmpty && right.isEmpty && lhs < rhs)
    }
}
