/// The text of `tierlint explain`: what the rule reports, why, and its examples, with `↓`
/// before each place a finding points at.
public enum RuleExplanation {
    public static func text(_ rule: RuleDescription) -> String {
        var text = "\(rule.slug) (\(rule.code)), default severity: \(rule.defaultSeverity.rawValue)\n\n"
        text += rule.summary + "\n\n" + rule.explanation + "\n"
        func show(_ examples: [Example], heading: String) {
            // A spend check about a whole report (over-budget) has no example to point into.
            guard !examples.isEmpty else { return }
            text += "\n\(heading)\n"
            for example in examples {
                for (path, content) in example.files {
                    text += "\n  \(path)\n"
                    for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
                        text += "    \(line)\n"
                    }
                }
                if let configuration = example.configuration {
                    text += "\n  .tierlint.yml\n"
                    for line in configuration.split(separator: "\n") { text += "    \(line)\n" }
                }
            }
        }
        show(rule.triggeringExamples, heading: "Reported (↓ marks each finding):")
        show(rule.nonTriggeringExamples, heading: "Not reported:")
        return text
    }
}
