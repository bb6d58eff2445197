import ArgumentParser
import TierlintCore

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules: code, name, default severity and what each reports.")

    func run() {
        let rules = RuleRegistry.all.map(\.description)
        // One set of widths for both tables, so that they line up.
        let rows = (rules + SpendCheck.all).map { rule in
            [rule.code, rule.slug, rule.defaultSeverity.rawValue, rule.summary]
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var output = ""
        for (index, row) in rows.enumerated() {
            if index == rules.count { output += "\nWhat `tierlint spend` reports about execution logs:\n" }
            for column in 0..<3 { output += row[column].padding(to: widths[column] + 2) }
            output += row[3] + "\n"
        }
        output += "\nRun `tierlint explain RULE` for a rule's reasons and examples.\n"
        printOut(output)
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule, with examples that trigger it and examples that do not.")

    @Argument(help: "A rule's name or code, e.g. security-tier or TL003, or a spend check's, e.g. model-drift or SP004.")
    var rule: String

    func run() throws {
        guard let found = RuleRegistry.rule(named: rule)?.description ?? SpendCheck.named(rule) else {
            let names = (RuleRegistry.all.map(\.description) + SpendCheck.all).map { "\($0.slug) (\($0.code))" }.joined(separator: ", ")
            throw CommandFailure(message: "no rule named \"\(rule)\"; rules are \(names)")
        }
        printOut(RuleExplanation.text(found))
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
