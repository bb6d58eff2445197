/// GitHub Actions workflow commands: each finding becomes an annotation on the line it is
/// about, in the pull request's diff and the run's summary, followed by the usual summary
/// line for the log.
///
/// `::error file=docs/backlog.md,line=12,col=55,title=TL003 security-tier::message`
///
/// Values are escaped as the Actions toolkit escapes them, so a comma, colon, percent sign
/// or newline in a path or message cannot end a property or the command early.
public struct GitHubReporter: Reporter {
    public static let identifier = "github"
    public static let summary = "GitHub Actions annotations (the default when GITHUB_ACTIONS=true)"

    public init() {}

    public func report(_ input: ReportInput) -> String {
        var output = ""
        for finding in input.result.findings {
            let properties = [
                ("file", finding.path), ("line", String(finding.line)), ("col", String(finding.column)),
                ("title", "\(finding.rule.code) \(finding.rule.slug)"),
            ]
            let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            output += "::\(Self.command(finding.severity)) \(list)::\(Self.escapeData(finding.message))\n"
        }
        output += TextReporter().summary(input.result, paint: Paint(enabled: false)) + "\n"
        return output
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// The toolkit's `escapeData`: `%`, carriage return and newline.
    static func escapeData(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// The toolkit's `escapeProperty`: as data, and `:` and `,` too.
    static func escapeProperty(_ text: String) -> String {
        var result = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
