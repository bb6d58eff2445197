import TierlintMarkdown

/// TL010: a Cost Tier column disagrees with the model's tier (seed 000's sprint tables:
/// haiku $, sonnet $$, opus $$$).
public struct CostTierMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "cost-tier-mismatch",
        code: "TL010",
        defaultSeverity: .warning,
        summary: "A ticket's Cost Tier ($, $$, $$$) disagrees with its model's tier.",
        explanation: """
            Seed 000's backlogs carry a Cost Tier next to the model: $ for haiku, $$ for sonnet, \
            $$$ for opus. When the two disagree, one of them was edited without the other, and \
            a budget read from the cost column is wrong. The column may also say low, medium, \
            high, or the relative cost (1x, 3x, 10x).

            The columns read are set under `rules.cost-tier-mismatch.columns`.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model | Cost Tier |
                |---|--------|-------|-----------|
                | 4.1 | Create sessions table | haiku | ↓$$ |
                | 4.10 | Implement session state machine | opus | ↓$$ |
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model | Cost Tier |
                |---|--------|-------|-----------|
                | 4.1 | Create sessions table | haiku | $ |
                | 4.3 | Implement SessionService | sonnet | $$ |
                | 4.10 | Implement session state machine | opus | $$$ |
                | 4.11 | Add real-time session updates | opus | 10x |
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        let columns = context.configuration.costTier.columns.map(ColumnVocabulary.key)
        return context.backlogs.flatMap(\.tickets).compactMap { ticket in
            guard let tier = ticket.model.effectiveTier,
                  let cell = columns.lazy.compactMap({ ticket.cells.cell(named: $0) }).first,
                  let stated = statedTier(cell.text, catalog: context.catalog), stated != tier
            else { return nil }
            let marker = String(repeating: "$", count: tier.rank + 1)
            return Finding(
                rule: description.identity, severity: description.defaultSeverity, path: ticket.path,
                line: ticket.line, column: cell.column,
                message: "\(Assignment.ticket(ticket).describedSubject) has Cost Tier \(cell.text.trimmingSpaces()), which is "
                    + "\(stated.name)'s, but its model is on \(tier.name) (\(marker)); correct one of them",
                subject: ticket.subject, suggestion: marker)
        }
    }

    /// The tier a cost cell names: `$$` (by count), `medium`, `3x` (by relative cost).
    func statedTier(_ text: String, catalog: ModelCatalog) -> Tier? {
        let trimmed = text.trimmingSpaces().lowercased()
        guard !trimmed.isEmpty else { return nil }
        let dollars = trimmed.count { $0 == "$" }
        if dollars > 0, trimmed.allSatisfy({ $0 == "$" || $0 == " " }) {
            return catalog.tiers.first { $0.rank == dollars - 1 }
        }
        switch trimmed {
        case "low", "cheap": return catalog.tiers.first { $0.rank == 0 }
        case "medium", "mid", "moderate": return catalog.tiers.first { $0.rank == 1 }
        case "high", "expensive": return catalog.tiers.first { $0.rank == 2 }
        default: break
        }
        if trimmed.hasSuffix("x"), let cost = Int(trimmed.dropLast().trimmingSpaces()) {
            return catalog.tiers.first { $0.relativeCost == cost }
        }
        return nil
    }
}
