/// One JSON document for programs:
/// `{"tool","version","source","summary":{...},"findings":[{...}]}` with repository-relative paths.
public struct JSONReporter: Reporter {
    public static let identifier = "json"

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
            }
            json.key("findings")
            json.array(result.findings) { finding in
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
        return json.text + "\n"
    }
}

/// A minimal JSON writer: keys in the order written, strings escaped per RFC 8259.
final class JSONWriter {
    private(set) var text = ""
    private var needsComma = [false]

    private func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    func object(_ body: () -> Void) {
        separateUnlessAfterKey()
        text += "{"
        needsComma.append(false)
        body()
        needsComma.removeLast()
        text += "}"
    }

    func array<T>(_ items: [T], _ body: (T) -> Void) {
        separateUnlessAfterKey()
        text += "["
        needsComma.append(false)
        for item in items { body(item) }
        needsComma.removeLast()
        text += "]"
    }

    private var afterKey = false

    private func separateUnlessAfterKey() {
        if afterKey {
            afterKey = false
        } else {
            separate()
        }
    }

    func key(_ name: String) {
        separate()
        text += Self.quoted(name) + ":"
        afterKey = true
    }

    func field(_ name: String, _ value: String) {
        key(name)
        afterKey = false
        text += Self.quoted(value)
    }

    func field(_ name: String, _ value: Int) {
        key(name)
        afterKey = false
        text += String(value)
    }

    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
