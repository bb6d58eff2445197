/// A Markdown report for people reading in a browser: a pull-request comment, a wiki page,
/// or GitHub's job summary (which the `github` format appends to). A headline, the count per
/// rule, then the findings as a table.
public struct MarkdownReporter: Reporter {
    public static let identifier = "markdown"
    public static let summary = "a Markdown summary and table, for job summaries and PR comments"

    /// At most this many findings are listed; the rest are counted. GitHub caps a job
    /// summary at 1 MiB.
    public var maximumRows: Int?

    public init() {}

    public init(maximumRows: Int?) {
        self.maximumRows = maximumRows
    }

    public func report(_ input: ReportInput) -> String {
        let result = input.result
        let counts = [(Severity.error, "error"), (.warning, "warning"), (.info, "note")]
            .map { (result.count($0.0), $0.1) }.filter { $0.0 > 0 }.map { plural($0.0, $0.1) }
        var text = "## tierlint: " + (counts.isEmpty ? "no problems" : counts.joined(separator: ", ")) + "\n\n"
        text += "Checked \(plural(result.filesChecked, "file")) (\(plural(result.tickets, "ticket")), "
            + "\(plural(result.agents, "agent"))) from `\(Self.code(input.source))` with tierlint \(input.toolVersion).\n"
        guard !result.findings.isEmpty else { return text }

        var byRule: [RuleIdentity: [Severity: Int]] = [:]
        for finding in result.findings { byRule[finding.rule, default: [:]][finding.severity, default: 0] += 1 }
        text += "\n| Rule | Errors | Warnings | Notes |\n|------|-------:|---------:|------:|\n"
        for rule in byRule.keys.sorted(by: { $0.code < $1.code }) {
            let row = byRule[rule]!
            text += "| \(rule.code) `\(rule.slug)` | \(row[.error] ?? 0) | \(row[.warning] ?? 0) | \(row[.info] ?? 0) |\n"
        }

        text += "\n| | Location | Rule | Message |\n|---|----------|------|---------|\n"
        let shown = maximumRows.map { Array(result.findings.prefix($0)) } ?? result.findings
        for finding in shown {
            let location = "`\(Self.code(finding.path)):\(finding.line):\(finding.column)`"
            text += "| \(Self.icon(finding.severity)) | \(location) | \(finding.rule.code) `\(finding.rule.slug)` "
                + "| \(Self.cell(finding.message)) |\n"
        }
        if shown.count < result.findings.count {
            text += "\n…and \(plural(result.findings.count - shown.count, "more finding")); run tierlint locally for all of them.\n"
        }
        return text
    }

    static func icon(_ severity: Severity) -> String {
        switch severity {
        case .error: "❌ error"
        case .warning: "⚠️ warning"
        case .info: "ℹ️ note"
        }
    }

    /// Text for a table cell: pipes escaped, line breaks folded, HTML kept as text.
    static func cell(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r", "\r\n": result += " "
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Text inside a code span: a backtick would end it, and a pipe would end the cell.
    static func code(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "`": result += "'"
            case "|": result += "\\|"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
