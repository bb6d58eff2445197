/// One JSON object per finding, one per line, and nothing else: for `jq`, log shippers and
/// scripts that stream. The objects are the `findings` of the `json` format.
public struct JSONLinesReporter: Reporter {
    public static let identifier = "json-lines"
    public static let summary = "one JSON object per finding per line"

    public init() {}

    public func report(_ input: ReportInput) -> String {
        var output = ""
        for finding in input.result.findings {
            let json = JSONWriter()
            JSONReporter.write(finding, to: json)
            output += json.text + "\n"
        }
        return output
    }
}
