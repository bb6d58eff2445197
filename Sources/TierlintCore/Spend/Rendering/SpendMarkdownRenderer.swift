import Foundation

/// The spend report as Markdown, for a pull-request comment or a wiki page.
public struct SpendMarkdownRenderer: SpendRenderer {
    public static let identifier = "markdown"

    public init() {}

    public func render(_ report: SpendReport, options: SpendRenderOptions) -> String {
        var output = "# tierlint spend\n\n"
        output += "Spend of \(cell(report.scopeText)). Priced at the catalog's \(report.pricesText).\n\n"

        output += "| \(report.keyHeading) | Runs | Input tokens | Output tokens | Cost | Share of cost | Success | Retries | Per task |\n"
        output += "|---|--:|--:|--:|--:|--:|--:|--:|--:|\n"
        for row in report.rows + [report.total] {
            let isTotal = row == report.total
            let key = cell(row.key) + (row.tier.flatMap { $0 == row.key ? nil : " (\($0))" } ?? "")
            let cells = [
                isTotal ? "**Total**" : key, SpendFormat.count(row.executions), SpendFormat.count(row.inputTokens),
                SpendFormat.count(row.outputTokens), SpendFormat.money(row.cost) + (row.unpriced > 0 ? "\\*" : ""),
                isTotal ? (row.executions == 0 ? "-" : "100%") : row.costShare.map(SpendFormat.percent) ?? "-",
                row.successRate.map(SpendFormat.percent) ?? "-", row.rerunRate.map(SpendFormat.percent) ?? "-",
                row.costPerTask.map { SpendFormat.money($0) } ?? "-",
            ]
            output += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if let unpriced = report.unpricedText { output += "\n\\* \(unpriced.prefix(1).uppercased() + unpriced.dropFirst())\n" }

        output += "\n## Tiers\n\n| Tier | Runs | Share of runs | Cost | Share of cost |\n|---|--:|--:|--:|--:|\n"
        for tier in report.tiers {
            output += "| \(tier.tier) | \(SpendFormat.count(tier.executions)) | \(tier.executionShare.map(SpendFormat.percent) ?? "-") | "
                + "\(SpendFormat.money(tier.cost)) | \(tier.costShare.map(SpendFormat.percent) ?? "-") |\n"
        }

        output += "\n## Indicators (seed 000)\n\n| Indicator | Value | Target | Status | |\n|---|--:|---|---|---|\n"
        for indicator in report.indicators {
            let status = switch indicator.status {
            case .met: "met"
            case .missed: "**missed**"
            case .noData: "no data"
            }
            output += "| \(indicator.title) | \(indicator.valueText) | \(indicator.target) | \(status) | \(cell(indicator.detail)) |\n"
        }

        if let budget = report.budget {
            output += "\n## Budget\n\n" + budget.lines.map { line in
                line.hasPrefix("  ") ? "- " + line.dropFirst(2) : line
            }.joined(separator: "\n") + "\n"
        }

        output += "\n## Findings\n\n\(report.driftText) \(report.findingsSummary)\n"
        if !report.findings.isEmpty {
            output += "\n| Where | Severity | Finding | Check |\n|---|---|---|---|\n"
            for finding in report.findings {
                let place = finding.path.isEmpty ? "" : "`\(finding.path):\(finding.line)`"
                output += "| \(place) | \(finding.severity.rawValue) | \(cell(finding.message)) | \(finding.rule.code) `\(finding.rule.slug)` |\n"
            }
        }
        for text in report.unlistedTexts { output += "\n" + text + "\n" }
        return output
    }

    /// Text safe inside a table cell: pipes escaped, line breaks as spaces.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
