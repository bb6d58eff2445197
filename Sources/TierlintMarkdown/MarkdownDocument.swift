/// A Markdown file as GitHub renders it, reduced to the blocks tierlint reads:
/// headings, tables, paragraphs and HTML blocks, in document order and at any depth
/// (a table inside a list item or a block quote is still a table on GitHub).
///
/// Lines are 1-based; columns are 1-based and count characters (Unicode scalars),
/// not bytes, so that an emoji before a cell does not shift the column an editor shows.
public struct MarkdownDocument: Sendable, Equatable {
    public var blocks: [MarkdownBlock]
    /// Set, with no blocks, when the input goes over a bound of `MarkdownParseLimits` and was
    /// not parsed: its reader must say so rather than take it for a file without tables.
    public var unparsed: MarkdownLimitExceeded?

    public init(blocks: [MarkdownBlock], unparsed: MarkdownLimitExceeded? = nil) {
        self.blocks = blocks
        self.unparsed = unparsed
    }

    public var tables: [MarkdownTable] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    /// Parses UTF-8 Markdown with cmark-gfm and the extensions GitHub enables.
    public static func parse(_ text: String) -> MarkdownDocument {
        parse(bytes: Array(text.utf8))
    }

    /// Parses UTF-8 bytes. Invalid sequences are the caller's concern (cmark replaces them).
    public static func parse(bytes: [UInt8]) -> MarkdownDocument {
        if let exceeded = MarkdownParseLimits.check(bytes) { return MarkdownDocument(blocks: [], unparsed: exceeded) }
        return CmarkAdapter.parse(bytes)
    }
}

public enum MarkdownBlock: Sendable, Equatable {
    case heading(MarkdownHeading)
    case table(MarkdownTable)
    case paragraph(MarkdownParagraph)
    case html(MarkdownHTML)
}

public struct MarkdownHeading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var line: Int

    public init(level: Int, text: String, line: Int) {
        self.level = level
        self.text = text
        self.line = line
    }
}

public struct MarkdownParagraph: Sendable, Equatable {
    public var text: String
    public var line: Int
    public var endLine: Int
    /// The paragraph's first line as written, markup and all, for finding where a part of
    /// its text is (`Distribution: 6 haiku (30%)`).
    public var source: String
    /// Its lines as written, from the first, up to `maximumSourceLines` of them.
    public var sourceLines: [String]

    /// Paragraphs longer than this keep only their first lines as written: what is looked for
    /// in them (a distribution statement) is short.
    public static let maximumSourceLines = 24

    public init(text: String, line: Int, endLine: Int, source: String = "", sourceLines: [String]? = nil) {
        self.text = text
        self.line = line
        self.endLine = endLine
        self.source = source
        self.sourceLines = sourceLines ?? [source]
    }

    /// The line and 1-based character column where `part` is written as a word of its own
    /// (not inside a longer number or word), at or after `start`; `nil` when it is not there.
    public func position(
        of part: String, from start: (line: Int, column: Int)? = nil, ignoringCase: Bool = false
    ) -> (line: Int, column: Int)? {
        // Folding ASCII letters only keeps every column where it is.
        func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            ignoringCase && ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
        let needle = part.unicodeScalars.map(folded)
        guard !needle.isEmpty else { return nil }
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        for (offset, text) in sourceLines.enumerated() {
            let lineNumber = line + offset
            if let start, lineNumber < start.line { continue }
            let haystack = text.unicodeScalars.map(folded)
            let first = start.map { lineNumber == $0.line ? $0.column - 1 : 0 } ?? 0
            guard needle.count <= haystack.count, first <= haystack.count - needle.count else { continue }
            for index in first...(haystack.count - needle.count)
            where haystack[index..<(index + needle.count)].elementsEqual(needle) {
                let before = index > 0 ? haystack[index - 1] : " "
                let after = index + needle.count < haystack.count ? haystack[index + needle.count] : " "
                if isWordScalar(needle.first!), isWordScalar(before) { continue }
                if isWordScalar(needle.last!), isWordScalar(after) { continue }
                return (lineNumber, index + 1)
            }
        }
        return nil
    }

    /// The 1-based character column of `part` on the paragraph's first line, or 1.
    public func column(of part: String) -> Int {
        let haystack = Array(source.unicodeScalars), needle = Array(part.unicodeScalars)
        guard !needle.isEmpty, needle.count <= haystack.count else { return 1 }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start + 1
        }
        return 1
    }
}

/// An HTML block, such as a comment (`<!-- ... -->`) on lines of its own.
public struct MarkdownHTML: Sendable, Equatable {
    public var literal: String
    public var line: Int
    public var endLine: Int

    public init(literal: String, line: Int, endLine: Int) {
        self.literal = literal
        self.line = line
        self.endLine = endLine
    }
}

public struct MarkdownTable: Sendable, Equatable {
    public var header: MarkdownRow
    public var rows: [MarkdownRow]
    public var line: Int
    public var endLine: Int

    public init(header: MarkdownRow, rows: [MarkdownRow], line: Int, endLine: Int) {
        self.header = header
        self.rows = rows
        self.line = line
        self.endLine = endLine
    }
}

public struct MarkdownRow: Sendable, Equatable {
    /// One cell per header column: GitHub pads short rows with empty cells and drops extra ones.
    public var cells: [MarkdownCell]
    public var line: Int
    /// The source row had more cells than the header; GitHub does not show the extra ones.
    public var hasExtraCells: Bool

    public init(cells: [MarkdownCell], line: Int, hasExtraCells: Bool = false) {
        self.cells = cells
        self.line = line
        self.hasExtraCells = hasExtraCells
    }
}

public struct MarkdownCell: Sendable, Equatable {
    /// The cell's text as a reader sees it: emphasis and code markers removed,
    /// escaped pipes unescaped, struck-through text left out, inline HTML left out.
    public var text: String
    public var line: Int
    /// `nil` for a cell GitHub added to pad a short row: it has no place in the source.
    public var column: Int?
    /// The destinations of the links in the cell, as written (`../agents/reviewer.md`).
    public var links: [String]
    /// The cell's bytes between its pipes, as offsets into the parsed input: where a fix
    /// writes. `nil` for a padding cell.
    public var span: Range<Int>?

    public init(text: String, line: Int, column: Int?, links: [String] = [], span: Range<Int>? = nil) {
        self.text = text
        self.line = line
        self.column = column
        self.links = links
        self.span = span
    }
}
