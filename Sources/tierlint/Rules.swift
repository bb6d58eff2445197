import ArgumentParser
import TierlintCore

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules: code, name, default severity and what each reports.")

    func run() {
        let rows = RuleRegistry.all.map(\.description).map { rule in
            [rule.code, rule.slug, rule.defaultSeverity.rawValue, rule.summary]
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var output = ""
        for row in rows {
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

    @Argument(help: "A rule's name or code, e.g. security-tier or TL003.")
    var rule: String

    func run() throws {
        guard let found = RuleRegistry.rule(named: rule) else {
            let names = RuleRegistry.all.map { "\($0.description.slug) (\($0.description.code))" }.joined(separator: ", ")
            throw CommandFailure(message: "no rule named \"\(rule)\"; rules are \(names)")
        }
        printOut(RuleExplanation.text(found.description))
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
