/// What a reporter needs besides the findings.
public struct ReportInput: Sendable {
    public var toolVersion: String
    /// Where the files came from: `index`, `HEAD`, `worktree`, a directory.
    public var source: String
    public var result: LintResult
    /// How paths are shown to a person (relative to the current directory); machine formats
    /// keep repository-relative paths.
    public var displayPath: @Sendable (String) -> String
    public var color: Bool

    public init(
        toolVersion: String, source: String, result: LintResult,
        displayPath: @escaping @Sendable (String) -> String = { $0 }, color: Bool = false
    ) {
        self.toolVersion = toolVersion
        self.source = source
        self.result = result
        self.displayPath = displayPath
        self.color = color
    }
}

/// Turns a check's result into text for a person or a program.
public protocol Reporter: Sendable {
    static var identifier: String { get }
    func report(_ input: ReportInput) -> String
}

/// Every output format, by its `--format` name.
public enum ReporterRegistry {
    public static let all: [any Reporter.Type] = [TextReporter.self, JSONReporter.self]

    public static func reporter(named name: String) -> (any Reporter)? {
        switch name.lowercased() {
        case TextReporter.identifier: TextReporter()
        case JSONReporter.identifier: JSONReporter()
        default: nil
        }
    }

    public static var identifiers: [String] { all.map { $0.identifier } }
}
