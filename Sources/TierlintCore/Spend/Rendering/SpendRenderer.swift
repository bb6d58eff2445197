import Foundation

/// Turns a spend report into text, JSON, Markdown or CSV.
public protocol SpendRenderer: Sendable {
    static var identifier: String { get }
    init()
    func render(_ report: SpendReport, options: SpendRenderOptions) -> String
}

public struct SpendRenderOptions: Sendable {
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }
}

public enum SpendRendererRegistry {
    public static let all: [any SpendRenderer.Type] = [
        SpendTextRenderer.self, SpendJSONRenderer.self, SpendMarkdownRenderer.self, SpendCSVRenderer.self,
    ]

    public static func renderer(named name: String) -> (any SpendRenderer)? {
        all.first { $0.identifier == name.lowercased() }.map { $0.init() }
    }

    public static var identifiers: [String] { all.map { $0.identifier } }
}

/// What the formats share: the words for a report's parts.
extension SpendReport {
    /// `2026-03-02 to 2026-03-16`, or `no executions`.
    var windowText: String {
        guard let firstExecution, let lastExecution else { return "no executions" }
        let first = SpendFormat.day(firstExecution), last = SpendFormat.day(lastExecution)
        return first == last ? first : "\(first) to \(last)"
    }

    /// The key column's heading: `Agent`, `Week`.
    var keyHeading: String { grouping.rawValue.prefix(1).uppercased() + grouping.rawValue.dropFirst() }

    /// `1 log, 46 executions from 2026-03-02 to 2026-03-16 (UTC); 1 line skipped`.
    var scopeText: String {
        var text = "\(SpendFormat.plural(files.count, "log")), \(SpendFormat.plural(executions, "execution"))"
        if firstExecution != nil { text += " from \(windowText) (UTC)" }
        var notes: [String] = []
        if skippedLines > 0 { notes.append("\(SpendFormat.plural(skippedLines, "line")) skipped") }
        if outsideWindow > 0 {
            let window = [since.map { "since \($0)" }, until.map { "until \($0)" }].compactMap { $0 }.joined(separator: " ")
            notes.append("\(SpendFormat.count(outsideWindow)) outside the window (\(window))")
        }
        return text + (notes.isEmpty ? "" : "; " + notes.joined(separator: ", "))
    }

    var pricesText: String {
        var text = "list prices per million tokens as of \(pricesAsOf.isEmpty ? "an unknown date" : pricesAsOf)"
        if priceOverrides > 0 { text += ", \(SpendFormat.plural(priceOverrides, "price")) from .tierlint.yml" }
        return text
    }

    /// Executions of models without a price, left out of every cost.
    var unpricedText: String? {
        total.unpriced == 0 ? nil
            : "costs leave out \(SpendFormat.plural(total.unpriced, "execution")) of models without a price (SP002)"
    }

    var driftText: String {
        guard let declaredAgents else { return "Drift not checked (--no-drift)." }
        if declaredAgents == 0 { return "Drift not checked: the \(agentSource ?? "repository") declares no agents." }
        return "Held to the \(SpendFormat.plural(declaredAgents, "agent")) declared in the \(agentSource ?? "repository")."
    }

    /// `2 warnings, 3 notes`, over every finding (listed or not).
    var findingsSummary: String {
        var bySeverity: [Severity: Int] = [:]
        for counts in findingSeverities.values {
            for (severity, count) in counts { bySeverity[severity, default: 0] += count }
        }
        let parts = [(Severity.error, "error"), (.warning, "warning"), (.info, "note")].compactMap { severity, noun in
            bySeverity[severity].map { SpendFormat.plural($0, noun) }
        }
        return parts.isEmpty ? "No findings." : "Found " + parts.joined(separator: ", ") + "."
    }

    /// `... and 1,234 more cost-mismatch findings`, per check with unlisted findings.
    var unlistedTexts: [String] {
        SpendCheck.all.compactMap { check in
            let total = findingCounts[check.code] ?? 0
            let listed = findings.filter { $0.rule.code == check.code }.count
            guard total > listed else { return nil }
            return "... and \(SpendFormat.count(total - listed)) more \(check.slug) findings (--limit lists more)"
        }
    }
}

extension SpendReport.Indicator {
    /// `17.4%`, `$0.60`, `-`.
    var valueText: String {
        if let value { return SpendFormat.percent(value) }
        if let amount { return SpendFormat.money(amount) }
        return "-"
    }
}

extension BudgetProjection {
    /// The projection's arithmetic in words, one line each.
    var lines: [String] {
        let first = LogTime.dayText(firstDay), last = LogTime.dayText(asOfDay)
        let verdict = isOverBudget
            ? "over the budget by \(SpendFormat.money(projected - budget))"
            : "within the budget, \(SpendFormat.money(budget - projected)) to spare"
        return [
            "Budget \(SpendFormat.money(budget)) a month; \(monthName), as of \(last), the last execution's day:",
            "  spent \(SpendFormat.money(spent)) from \(first) to \(last) (\(SpendFormat.plural(elapsedDays, "day"))): \(SpendFormat.money(dailyRate)) a day",
            "  projected \(SpendFormat.money(spent)) + \(SpendFormat.plural(remainingDays, "day")) left × \(SpendFormat.money(dailyRate)) = "
                + "\(SpendFormat.money(projected)) (\(SpendFormat.percent(share)) of the budget): \(verdict)",
        ]
    }
}
