import Foundation

/// The spend report for a terminal: the findings as compiler-style lines
/// (`executions.jsonl:14:120: warning: ... [SP003 cost-mismatch]`), then the tables.
public struct SpendTextRenderer: SpendRenderer {
    public static let identifier = "text"

    public init() {}

    public func render(_ report: SpendReport, options: SpendRenderOptions) -> String {
        let paint = Paint(enabled: options.color)
        var output = ""
        for finding in report.findings {
            let location = finding.path.isEmpty
                ? "tierlint spend:"
                : "\(TerminalText.visible(finding.path)):\(finding.line):\(finding.column):"
            output += "\(paint.bold(location)) \(paint.severity(finding.severity)) \(TerminalText.visible(finding.message)) "
                + "\(paint.dim("[\(finding.rule.code) \(finding.rule.slug)]"))\n"
        }
        for text in report.unlistedTexts { output += text + "\n" }
        if !report.findings.isEmpty { output += "\n" }

        output += "Spend of \(report.scopeText).\n"
        output += "Priced at the catalog's \(report.pricesText).\n"

        let unpricedMark = report.total.unpriced > 0 ? "*" : ""
        var rows = report.rows.map { row in
            [
                TerminalText.visible(row.key) + (row.tier.flatMap { $0 == row.key ? nil : " (\($0))" } ?? ""), SpendFormat.count(row.executions),
                SpendFormat.count(row.inputTokens), SpendFormat.count(row.outputTokens),
                SpendFormat.money(row.cost) + (row.unpriced > 0 ? "*" : ""),
                row.costShare.map(SpendFormat.percent) ?? "-", row.successRate.map(SpendFormat.percent) ?? "-",
                row.rerunRate.map(SpendFormat.percent) ?? "-", row.costPerTask.map { SpendFormat.money($0) } ?? "-",
            ]
        }
        let total = report.total
        rows.append([
            "Total", SpendFormat.count(total.executions), SpendFormat.count(total.inputTokens),
            SpendFormat.count(total.outputTokens), SpendFormat.money(total.cost) + unpricedMark,
            total.executions == 0 ? "-" : "100%", total.successRate.map(SpendFormat.percent) ?? "-",
            total.rerunRate.map(SpendFormat.percent) ?? "-", total.costPerTask.map { SpendFormat.money($0) } ?? "-",
        ])
        output += "\n" + SpendTable.text(
            headers: ["By \(report.grouping.rawValue)", "Runs", "Input tokens", "Output tokens", "Cost", "Share of cost", "Success", "Retries", "Per task"],
            rows: rows, totalRow: true)
        if let unpriced = report.unpricedText { output += "* \(unpriced.prefix(1).uppercased() + unpriced.dropFirst())\n" }

        if !report.tiers.isEmpty {
            output += "\n" + SpendTable.text(
                headers: ["By tier", "Runs", "Share of runs", "Cost", "Share of cost"],
                rows: report.tiers.map { tier in
                    [
                        tier.tier, SpendFormat.count(tier.executions), tier.executionShare.map(SpendFormat.percent) ?? "-",
                        SpendFormat.money(tier.cost), tier.costShare.map(SpendFormat.percent) ?? "-",
                    ]
                })
        }

        output += "\n" + SpendTable.text(
            headers: ["Indicator (seed 000)", "Value", "Target", "", ""],
            rows: report.indicators.map { indicator in
                [indicator.title, indicator.valueText, indicator.target, statusText(indicator.status, paint), indicator.detail]
            },
            alignments: [.left, .right, .left, .left, .left])

        if let budget = report.budget {
            output += "\n" + budget.lines.joined(separator: "\n") + "\n"
        }
        output += "\n" + report.driftText + " " + report.findingsSummary + "\n"
        return output
    }

    private func statusText(_ status: SpendReport.Indicator.Status, _ paint: Paint) -> String {
        switch status {
        case .met: paint.green("met")
        case .missed: paint.severity(.warning).replacingOccurrences(of: "warning:", with: "MISSED")
        case .noData: "no data"
        }
    }
}

/// Columns padded to line up: text to the left, numbers to the right.
enum SpendTable {
    enum Alignment { case left, right }

    static func text(headers: [String], rows: [[String]], alignments: [Alignment]? = nil, totalRow: Bool = false) -> String {
        let alignments = alignments ?? headers.indices.map { $0 == 0 ? .left : .right }
        // Widths count what shows: colour codes take no room.
        func width(_ cell: String) -> Int { visibleWidth(cell) }
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(width).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[column] - width(cell)))
                parts.append(alignments[column] == .left ? cell + padding : padding + cell)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        var output = line(headers)
        for (index, row) in rows.enumerated() {
            if totalRow, index == rows.count - 1 {
                output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
            output += line(row)
        }
        return output
    }

    /// Characters that take room on a terminal: colour codes (`ESC [ ... m`) take none.
    static func visibleWidth(_ text: String) -> Int {
        var count = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if character == "m" { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }
}
