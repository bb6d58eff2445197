import Foundation

/// The breakdown table as CSV, a row per bucket and a last `Total` row, for a spreadsheet.
/// Amounts are exact decimals; shares and rates are fractions. Findings are not in it: use
/// text or JSON for those.
public struct SpendCSVRenderer: SpendRenderer {
    public static let identifier = "csv"

    public init() {}

    public func render(_ report: SpendReport, options: SpendRenderOptions) -> String {
        // Only models have a tier of their own to show beside their name.
        let withTier = report.grouping == .model
        var output = ([report.grouping.rawValue] + (withTier ? ["tier"] : []) + [
            "executions", "input_tokens", "output_tokens", "cost", "unpriced_executions",
            "cost_share", "successes", "failures", "success_rate", "retries", "escalations", "retry_rate", "tasks", "cost_per_task",
        ]).joined(separator: ",") + "\r\n"
        for row in report.rows + [report.total] {
            var cells: [String] = [row.key]
            if withTier { cells.append(row.tier ?? "") }
            cells += [String(row.executions), String(row.inputTokens), String(row.outputTokens), SpendFormat.decimal(row.cost)]
            cells += [String(row.unpriced), fraction(row.costShare), String(row.successes), String(row.failures)]
            cells += [fraction(row.successRate), String(row.reruns), String(row.escalations), fraction(row.rerunRate)]
            cells += [String(row.tasks), row.costPerTask.map { SpendFormat.decimal($0, places: 6) } ?? ""]
            output += cells.map(quoted).joined(separator: ",") + "\r\n"
        }
        return output
    }

    private func fraction(_ value: Double?) -> String {
        value.map { JSONWriter.number($0, digits: 6) } ?? ""
    }

    /// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
    private func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
