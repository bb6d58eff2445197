/// SARIF 2.1.0, the format GitHub code scanning and other static-analysis dashboards read.
///
/// Each rule is described once in the driver (id, name, descriptions, help with its
/// examples); each finding is a result with a repository-relative location and a
/// fingerprint that stays the same when lines move, so moving a ticket does not open a new
/// alert.
public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"
    public static let summary = "SARIF 2.1.0 for GitHub code scanning"

    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of tierlint's fingerprint in `partialFingerprints`; its version changes only
    /// if the way fingerprints are made changes.
    static let fingerprintKey = "tierlint/v1"

    public init() {}

    public func report(_ input: ReportInput) -> String {
        let rules = RuleRegistry.all.map(\.description)
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })
        let findings = input.result.findings
        let fingerprints = Finding.fingerprints(findings)
        let json = JSONWriter()
        json.object {
            json.field("$schema", Self.schema)
            json.field("version", "2.1.0")
            json.key("runs")
            json.array([()]) { _ in
                json.object {
                    json.key("tool")
                    json.object {
                        json.key("driver")
                        json.object {
                            json.field("name", "tierlint")
                            json.field("version", input.toolVersion)
                            json.field("semanticVersion", input.toolVersion)
                            json.key("rules")
                            json.array(rules) { writeRule($0, to: json) }
                        }
                    }
                    if let root = input.root, let uri = Self.directoryURI(root) {
                        json.key("originalUriBaseIds")
                        json.object {
                            json.key("%SRCROOT%")
                            json.object { json.field("uri", uri) }
                        }
                    }
                    json.key("invocations")
                    json.array([()]) { _ in
                        json.object { json.field("executionSuccessful", true) }
                    }
                    // Columns count characters (Unicode scalars), as in the text output.
                    json.field("columnKind", "unicodeCodePoints")
                    json.key("results")
                    json.array(Array(zip(findings, fingerprints))) { finding, fingerprint in
                        writeResult(finding, fingerprint: fingerprint, ruleIndex: ruleIndex[finding.rule.code], to: json)
                    }
                }
            }
        }
        return json.text + "\n"
    }

    private func writeRule(_ rule: RuleDescription, to json: JSONWriter) {
        json.object {
            json.field("id", rule.code)
            json.field("name", rule.slug)
            json.key("shortDescription")
            json.object { json.field("text", rule.summary) }
            json.key("fullDescription")
            json.object { json.field("text", rule.summary + " " + rule.explanation) }
            json.key("help")
            json.object {
                json.field("text", RuleExplanation.text(rule))
                json.field("markdown", Self.helpMarkdown(rule))
            }
            json.key("defaultConfiguration")
            json.object { json.field("level", Self.level(rule.defaultSeverity)) }
            json.key("properties")
            json.object {
                json.key("tags")
                json.array(Self.tags(rule)) { json.value($0) }
            }
        }
    }

    private func writeResult(_ finding: Finding, fingerprint: String, ruleIndex: Int?, to json: JSONWriter) {
        json.object {
            json.field("ruleId", finding.rule.code)
            if let ruleIndex { json.field("ruleIndex", ruleIndex) }
            json.field("level", Self.level(finding.severity))
            json.key("message")
            json.object { json.field("text", finding.message) }
            json.key("locations")
            json.array([()]) { _ in
                json.object {
                    json.key("physicalLocation")
                    json.object {
                        json.key("artifactLocation")
                        json.object {
                            json.field("uri", Self.percentEncoded(finding.path))
                            json.field("uriBaseId", "%SRCROOT%")
                        }
                        json.key("region")
                        json.object {
                            json.field("startLine", finding.line)
                            json.field("startColumn", finding.column)
                        }
                    }
                }
            }
            json.key("partialFingerprints")
            json.object { json.field(Self.fingerprintKey, fingerprint) }
            json.key("properties")
            json.object {
                json.field("subject", finding.subject)
                if let suggestion = finding.suggestion { json.field("suggestion", suggestion) }
            }
        }
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func tags(_ rule: RuleDescription) -> [String] {
        var tags = ["model-policy"]
        if rule.slug == "security-tier" { tags.append("security") }
        if ["distribution", "overkill", "cost-tier-mismatch", "recommended-mix", "uniform-sprint"].contains(rule.slug) {
            tags.append("cost")
        }
        return tags
    }

    static func helpMarkdown(_ rule: RuleDescription) -> String {
        var text = "**\(rule.slug)** (\(rule.code)): \(rule.summary)\n\n\(rule.explanation)\n"
        if let example = rule.triggeringExamples.first, let file = example.files.first {
            text += "\nReported (`↓` marks the finding), in `\(file.path)`:\n\n```\n\(file.text)\n```\n"
        }
        if let example = rule.nonTriggeringExamples.first, let file = example.files.first {
            text += "\nNot reported, in `\(file.path)`:\n\n```\n\(file.text)\n```\n"
        }
        text += "\nRun `tierlint explain \(rule.slug)` for every example.\n"
        return text
    }

    /// A repository-relative path as a URI reference: each segment percent-encoded, `/` kept.
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }

    /// `file:///work/repo/` for an absolute folder; SARIF wants base URIs to end with `/`.
    static func directoryURI(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return nil }
        let encoded = percentEncoded(path)
        return "file://" + encoded + (encoded.hasSuffix("/") ? "" : "/")
    }
}
