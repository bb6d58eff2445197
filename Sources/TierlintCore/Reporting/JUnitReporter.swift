/// JUnit XML, which CI systems (GitLab, Jenkins, Azure Pipelines, CircleCI) show as test
/// results: a suite per checked file, a failing case per error or warning, and a passing
/// case for each file with none.
public struct JUnitReporter: Reporter {
    public static let identifier = "junit"
    public static let summary = "JUnit XML test results for CI dashboards"

    public init() {}

    public func report(_ input: ReportInput) -> String {
        let result = input.result
        var byPath: [String: [Finding]] = [:]
        for finding in result.findings { byPath[finding.path, default: []].append(finding) }
        // Findings can be about files that were not read as documents (a broken link), so
        // the suites are the checked files and every file with a finding.
        let paths = Set(result.checkedPaths).union(byPath.keys).sorted()
        let failures = result.findings.count { $0.severity != .info }
        let cases = paths.reduce(0) { $0 + max(1, byPath[$1]?.count ?? 0) }

        var xml = XMLEscaping.declaration + "\n"
        xml += #"<testsuites name="tierlint" tests="\#(cases)" failures="\#(failures)" errors="0">"# + "\n"
        for path in paths {
            let findings = byPath[path] ?? []
            let attributes = #"name="\#(XMLEscaping.escaped(path))" tests="\#(max(1, findings.count))" "#
                + #"failures="\#(findings.count { $0.severity != .info })" errors="0""#
            xml += "  <testsuite \(attributes)>\n"
            if findings.isEmpty {
                xml += #"    <testcase classname="\#(XMLEscaping.escaped(path))" name="model policy"/>"# + "\n"
            }
            for finding in findings {
                let name = "\(finding.rule.code) \(finding.rule.slug) at \(finding.line):\(finding.column)"
                xml += #"    <testcase classname="\#(XMLEscaping.escaped(path))" name="\#(XMLEscaping.escaped(name))">"# + "\n"
                let body = XMLEscaping.escaped("\(path):\(finding.line):\(finding.column): \(finding.message)")
                if finding.severity == .info {
                    xml += "      <system-out>\(body)</system-out>\n"
                } else {
                    xml += #"      <failure type="\#(finding.severity.rawValue)" message="\#(XMLEscaping.escaped(finding.message))">"#
                        + body + "</failure>\n"
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }
}
