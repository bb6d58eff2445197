/// Compiler-style lines editors make clickable, then a summary:
/// `docs/backlog.md:5:27: error: message [TL003 security-tier]`.
public struct TextReporter: Reporter {
    public static let identifier = "text"
    public static let summary = "compiler-style lines for people and editors (default)"

    public init() {}

    public func report(_ input: ReportInput) -> String {
        let paint = Paint(enabled: input.color)
        var output = ""
        for finding in input.result.findings {
            let location = "\(TerminalText.visible(input.displayPath(finding.path))):\(finding.line):\(finding.column):"
            output += "\(paint.bold(location)) \(paint.severity(finding.severity)) \(TerminalText.visible(finding.message)) "
                + "\(paint.dim("[\(finding.rule.code) \(finding.rule.slug)]"))\n"
        }
        output += summary(input.result, paint: paint) + "\n"
        return output
    }

    func summary(_ result: LintResult, paint: Paint) -> String {
        let checked = "\(plural(result.filesChecked, "file")) (\(contents(result)))"
        let counts = [(Severity.error, "error"), (.warning, "warning"), (.info, "note")]
            .map { (result.count($0.0), $0.1) }
            .filter { $0.0 > 0 }
            .map { plural($0.0, $0.1) }
        var baseline = ""
        if result.baselined > 0 { baseline += " \(plural(result.baselined, "finding")) in the baseline not shown." }
        if result.staleBaselineEntries > 0 {
            baseline += " \(plural(result.staleBaselineEntries, "baseline entry")) no longer \(result.staleBaselineEntries == 1 ? "matches" : "match")"
                + " a finding; rewrite the baseline to drop \(result.staleBaselineEntries == 1 ? "it" : "them")."
        }
        guard !counts.isEmpty else { return paint.green("No problems") + " in \(checked)." + baseline }
        let affected = Set(result.findings.map(\.path)).count
        return "Found \(counts.joined(separator: ", ")) in \(plural(affected, "file")); checked \(checked)." + baseline
    }

    private func contents(_ result: LintResult) -> String {
        var parts = [plural(result.tickets, "ticket"), plural(result.agents, "agent")]
        for kind in [DefinitionKind.command, .skill] {
            if let count = result.definitionCounts[kind], count > 0 { parts.append(plural(count, kind.rawValue)) }
        }
        return parts.joined(separator: ", ")
    }
}

func plural(_ count: Int, _ noun: String) -> String {
    guard count != 1 else { return "1 \(noun)" }
    // "entry" becomes "entries"; "key" stays "keys".
    if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) {
        return "\(count) \(noun.dropLast())ies"
    }
    return "\(count) \(noun)s"
}

/// ANSI colours, or none.
struct Paint {
    var enabled: Bool

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func green(_ text: String) -> String { wrap(text, "32") }

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: wrap("error:", "1;31")
        case .warning: wrap("warning:", "1;33")
        case .info: wrap("info:", "1;36")
        }
    }
}
