/// A small repository: one or more files and, optionally, a `.tierlint.yml`.
public struct Example: Sendable {
    public static let marker: Character = "↓"

    public var files: [(path: String, text: String)]
    public var configuration: String?

    public init(_ path: String, _ text: String, configuration: String? = nil) {
        self.files = [(path, text)]
        self.configuration = configuration
    }

    public init(files: [(path: String, text: String)], configuration: String? = nil) {
        self.files = files
        self.configuration = configuration
    }

    /// The files without markers, as a linter reads them.
    public var sourceFiles: [SourceFile] {
        files.map { SourceFile(path: $0.path, text: $0.text.filter { $0 != Example.marker }) }
    }

    /// Where the markers are: path, 1-based line and 1-based character column.
    public var markedPositions: [(path: String, line: Int, column: Int)] {
        var positions: [(String, Int, Int)] = []
        for (path, text) in files {
            var line = 1, column = 1
            for character in text {
                if character == Example.marker {
                    positions.append((path, line, column))
                } else if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += character.unicodeScalars.count
                }
            }
        }
        return positions
    }
}
