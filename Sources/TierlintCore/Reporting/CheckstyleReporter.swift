/// Checkstyle XML, read by Jenkins' warnings plugin, reviewdog, Danger and many editors:
/// a `<file>` per file with findings, an `<error>` per finding.
public struct CheckstyleReporter: Reporter {
    public static let identifier = "checkstyle"
    public static let summary = "Checkstyle XML for reviewdog, Jenkins and editors"

    public init() {}

    public func report(_ input: ReportInput) -> String {
        var xml = XMLEscaping.declaration + "\n" + #"<checkstyle version="4.3">"# + "\n"
        var current: String?
        for finding in input.result.findings.sorted(by: Finding.reportOrder) {
            if finding.path != current {
                if current != nil { xml += "  </file>\n" }
                xml += #"  <file name="\#(XMLEscaping.escaped(finding.path))">"# + "\n"
                current = finding.path
            }
            let attributes = [
                ("line", String(finding.line)), ("column", String(finding.column)),
                ("severity", finding.severity.rawValue), ("message", finding.message),
                ("source", "tierlint.\(finding.rule.code).\(finding.rule.slug)"),
            ]
            xml += "    <error " + attributes.map { "\($0.0)=\"\(XMLEscaping.escaped($0.1))\"" }.joined(separator: " ") + "/>\n"
        }
        if current != nil { xml += "  </file>\n" }
        xml += "</checkstyle>\n"
        return xml
    }
}
