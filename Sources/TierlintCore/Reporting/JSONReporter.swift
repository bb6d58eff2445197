/// One JSON document for programs:
/// `{"tool","version","source","summary":{...},"findings":[{...}]}` with repository-relative paths.
public struct JSONReporter: Reporter {
    public static let identifier = "json"
    public static let summary = "one JSON document with a summary and the findings"

    public init() {}

    public func report(_ input: ReportInput) -> String {
        let result = input.result
        let json = JSONWriter()
        json.object {
            json.field("tool", "tierlint")
            json.field("version", input.toolVersion)
            json.field("source", input.source)
            json.key("summary")
            json.object {
                json.field("files", result.filesChecked)
                json.field("tickets", result.tickets)
                json.field("agents", result.agents)
                json.field("commands", result.definitionCounts[.command] ?? 0)
                json.field("skills", result.definitionCounts[.skill] ?? 0)
                json.field("errors", result.count(.error))
                json.field("warnings", result.count(.warning))
                json.field("infos", result.count(.info))
                json.field("baselined", result.baselined)
            }
            json.key("findings")
            json.array(result.findings) { Self.write($0, to: json) }
        }
        return json.text + "\n"
    }

    /// A finding as one JSON object; JSON Lines writes the same objects.
    static func write(_ finding: Finding, to json: JSONWriter) {
        json.object {
            json.field("rule", finding.rule.slug)
            json.field("code", finding.rule.code)
            json.field("severity", finding.severity.rawValue)
            json.field("path", finding.path)
            json.field("line", finding.line)
            json.field("column", finding.column)
            json.field("message", finding.message)
            json.field("subject", finding.subject)
            if let suggestion = finding.suggestion { json.field("suggestion", suggestion) }
        }
    }
}
