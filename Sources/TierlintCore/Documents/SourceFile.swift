/// A file handed to the core: a repository-relative path and its bytes, as read from the
/// index, a tree or the working tree. The core never reads the file system itself.
public struct SourceFile: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        /// Not read: larger than `max-file-size`.
        case tooLarge(size: Int)
    }

    public var path: String
    public var content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    public init(path: String, text: String) {
        self.init(path: path, content: .bytes(Array(text.utf8)))
    }
}

/// A problem that stops tierlint from reading a file, or part of it, the way its tools would.
public struct ParseProblem: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String
    /// A note rather than a problem (a symbolic link that was not followed) carries its own
    /// severity; `nil` uses the parse-error rule's.
    public var severity: Severity?

    public init(path: String, line: Int, column: Int = 1, message: String, severity: Severity? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }
}
