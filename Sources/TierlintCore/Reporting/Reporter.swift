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
    /// The repository's root on disk, for formats that record it (SARIF's `%SRCROOT%`).
    public var root: String?

    public init(
        toolVersion: String, source: String, result: LintResult,
        displayPath: @escaping @Sendable (String) -> String = { $0 }, color: Bool = false, root: String? = nil
    ) {
        self.toolVersion = toolVersion
        self.source = source
        self.result = result
        self.displayPath = displayPath
        self.color = color
        self.root = root
    }
}

/// Turns a check's result into text for a person or a program.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var identifier: String { get }
    /// What the format is for, in a few words, for `--help`.
    static var summary: String { get }
    init()
    func report(_ input: ReportInput) -> String
}

/// Every output format, by its `--format` name.
public enum ReporterRegistry {
    public static let all: [any Reporter.Type] = [
        TextReporter.self, JSONReporter.self, JSONLinesReporter.self, SARIFReporter.self, GitHubReporter.self,
        JUnitReporter.self, CheckstyleReporter.self, MarkdownReporter.self,
    ]

    public static func reporter(named name: String) -> (any Reporter)? {
        all.first { $0.identifier == name.lowercased() }.map { $0.init() }
    }

    public static var identifiers: [String] { all.map { $0.identifier } }
}
