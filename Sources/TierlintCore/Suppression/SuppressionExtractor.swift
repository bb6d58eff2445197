import Foundation
import TierlintMarkdown

/// Finds the suppression comments in a file and the part of the file each one covers.
/// Comments are found where the file's own language puts them: HTML comments that GitHub's
/// parser sees as HTML (not inside code), YAML comments in frontmatter and YAML files.
enum SuppressionExtractor {
    /// The suppressions in a file; cheap for the many files that have none.
    static func extract(path: String, bytes: [UInt8], role: FileRole) -> [Suppression] {
        guard DocumentLoader.containsIgnoringCase(bytes, Array(SuppressionDirective.keyword.utf8)) else { return [] }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // "\r\n" is one Character in Swift, so lines are split at every kind of line end.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map(String.init)
        switch role {
        case .markdown, .backlog:
            return markdown(path: path, text: text, lines: lines, firstLine: 1, wholeFile: false)
        case .definition:
            return definition(path: path, text: text, lines: lines)
        case .yamlAgents:
            return yaml(path: path, lines: lines)
        }
    }

    // MARK: - Markdown

    /// `wholeFile`: every suppression covers the file (the body of an agent definition, which
    /// is one agent).
    private static func markdown(path: String, text: String, lines: [String], firstLine: Int, wholeFile: Bool) -> [Suppression] {
        // A document too deep or wide to parse in time has no blocks, so none of its comments
        // hide a finding; the loader reports the file.
        let document = MarkdownDocument.parse(text)
        var found: [Suppression] = []
        var lastHeading: Int?
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .heading(let heading):
                lastHeading = heading.line
            case .table(let table):
                for row in table.rows {
                    let source = lines.indices.contains(row.line - 1) ? lines[row.line - 1] : ""
                    for comment in htmlComments(inRow: source) {
                        for directive in SuppressionDirective.all(in: comment.text, endsAtLineEnd: false) {
                            let scope: Suppression.Scope = directive.isFileWide || wholeFile ? .file : .lines(row.line...row.line)
                            found.append(suppression(
                                directive, path: path, line: row.line + firstLine - 1,
                                column: comment.column + directive.offset, scope: scope))
                        }
                    }
                }
            case .html(let html):
                // Only the comments of an HTML block; its other text is shown on GitHub.
                let directives = htmlComments(inBlock: html.literal).flatMap { comment in
                    SuppressionDirective.all(in: comment.text, endsAtLineEnd: false).map { directive in
                        var placed = directive
                        placed.offset += comment.offset
                        return placed
                    }
                }
                guard !directives.isEmpty else { continue }
                var scope = Suppression.Scope.nowhere(
                    "it is followed by no table; put it on the line directly above a table, inside a ticket's row, "
                        + "or write `tierlint-disable-file` to cover the file")
                if case .table(let table)? = document.blocks.dropFirst(index + 1).first {
                    let end = document.blocks.dropFirst(index + 2).first { block in
                        switch block {
                        case .heading, .table: true
                        default: false
                        }
                    }.map(startLine).map { $0 - 1 } ?? max(lines.count, table.endLine)
                    scope = .table(
                        lines: (html.line + firstLine - 1)...(max(end, table.endLine) + firstLine - 1),
                        sectionLine: lastHeading.map { $0 + firstLine - 1 })
                }
                for directive in directives {
                    let newlines = html.literal.prefix(directive.offset).count { $0.isNewline }
                    let line = html.line + newlines
                    let source = lines.indices.contains(line - 1) ? lines[line - 1] : ""
                    found.append(suppression(
                        directive, path: path, line: line + firstLine - 1,
                        column: column(of: SuppressionDirective.keyword, in: source),
                        scope: directive.isFileWide || wholeFile ? .file : scope))
                }
            case .paragraph:
                continue
            }
        }
        return found
    }

    private static func startLine(_ block: MarkdownBlock) -> Int {
        switch block {
        case .heading(let heading): heading.line
        case .table(let table): table.line
        case .paragraph(let paragraph): paragraph.line
        case .html(let html): html.line
        }
    }

    /// The HTML comments in a table row's source line, outside code spans, with the 1-based
    /// column where each one's text starts.
    static func htmlComments(inRow line: String) -> [(text: String, column: Int)] {
        var characters = Array(line)
        // Blank out code spans, so `<!-- ... -->` shown as code is not a comment; the
        // columns stay where they were.
        var index = 0
        while index < characters.count {
            guard characters[index] == "`" else { index += 1; continue }
            var run = 0
            while index + run < characters.count, characters[index + run] == "`" { run += 1 }
            var close = index + run
            var found: Int?
            while close < characters.count {
                if characters[close] == "`" {
                    var length = 0
                    while close + length < characters.count, characters[close + length] == "`" { length += 1 }
                    if length == run { found = close; break }
                    close += length
                } else {
                    close += 1
                }
            }
            guard let found else { index += run; continue }
            for position in index..<(found + run) { characters[position] = " " }
            index = found + run
        }
        var comments: [(String, Int)] = []
        var position = 0
        let open = Array("<!--"), close = Array("-->")
        while position < characters.count {
            guard characters[position...].starts(with: open) else { position += 1; continue }
            let start = position + open.count
            var end = start
            while end < characters.count, !characters[end...].starts(with: close) { end += 1 }
            let body = String(characters[start..<end])
            // CommonMark's inline comments may not start with `>` or `->`, end with `-` or hold
            // `--`; GitHub shows such text as it is, so it is no comment and suppresses nothing.
            if end < characters.count, !body.hasPrefix(">"), !body.hasPrefix("->"), !body.hasSuffix("-"), !body.contains("--") {
                comments.append((body, start + 1))
            }
            position = end + close.count
        }
        return comments
    }

    /// The comments of an HTML block, each with the offset (in characters) where its text
    /// starts in the block.
    static func htmlComments(inBlock literal: String) -> [(text: String, offset: Int)] {
        let characters = Array(literal)
        let open = Array("<!--"), close = Array("-->")
        var comments: [(String, Int)] = []
        var position = 0
        while position < characters.count {
            guard characters[position...].starts(with: open) else { position += 1; continue }
            let start = position + open.count
            var end = start
            while end < characters.count, !characters[end...].starts(with: close) { end += 1 }
            comments.append((String(characters[start..<end]), start))
            position = end + close.count
        }
        return comments
    }

    // MARK: - Definitions

    /// Any suppression in a definition covers the file: it is one agent, command or skill.
    private static func definition(path: String, text: String, lines: [String]) -> [Suppression] {
        var found: [Suppression] = []
        var bodyStart = 0
        if lines.first?.trimmingSpaces() == "---" {
            var index = 1
            while index < lines.count, !["---", "..."].contains(lines[index].trimmingSpaces()) { index += 1 }
            let text = blankingBlockScalars(Array(lines[1..<index]))
            for (offset, line) in text.enumerated() {
                found += yamlComment(path: path, line: offset + 2, text: line) { _ in .file }
            }
            bodyStart = min(index + 1, lines.count)
        }
        let body = lines[bodyStart...].joined(separator: "\n")
        if body.contains(SuppressionDirective.keyword) {
            found += markdown(path: path, text: body, lines: Array(lines[bodyStart...]), firstLine: bodyStart + 1, wholeFile: true)
        }
        return found
    }

    // MARK: - YAML

    /// In a YAML agent file, a comment on a line of its own covers the entry on the next line;
    /// a comment after a value covers the entry that line starts (or the line).
    private static func yaml(path: String, lines original: [String]) -> [Suppression] {
        let lines = blankingBlockScalars(original)
        var found: [Suppression] = []
        for (index, text) in lines.enumerated() {
            found += yamlComment(path: path, line: index + 1, text: text) { ownLine in
                let start = ownLine ? nextContentLine(after: index, in: lines) : index
                guard let start else { return .nowhere("it is followed by no YAML entry") }
                let end = blockEnd(from: start, in: lines)
                // Above a list of agents (`agents:`), it would excuse every one of them.
                let models = lines[start...end].count { $0.trimmingSpaces().hasPrefix("model:") }
                if models > 1 {
                    return .nowhere(
                        "the entry below it holds \(models) models; put it directly above one agent or task, "
                            + "or write `tierlint-disable-file` to cover the file")
                }
                return .lines((start + 1)...(end + 1))
            }
        }
        return found
    }

    /// The lines with the text of block scalars (`description: |` and what is indented under
    /// it) blanked: a `#` there is text, not a comment. Line numbers stay as they were.
    static func blankingBlockScalars(_ lines: [String]) -> [String] {
        func indent(_ line: String) -> Int { line.prefix { $0 == " " || $0 == "\t" }.count }
        var result = lines
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let content = line.trimmingSpaces()
            // `key: |`, `key: >-`, `- |2`: the value is a block scalar (a comment may follow).
            var value = content
            if let hash = commentStart(line) { value = String(line[..<hash]).trimmingSpaces() }
            let isBlock = (value.hasSuffix("|") || value.hasSuffix(">") || value.range(of: #"[|>][+-]?[0-9]?[+-]?$"#, options: .regularExpression) != nil)
                && (value.contains(": ") || value.hasPrefix("- ") || value == "|" || value == ">")
            index += 1
            guard isBlock else { continue }
            let parent = indent(line)
            while index < lines.count {
                let next = lines[index]
                if next.trimmingSpaces().isEmpty || indent(next) > parent {
                    result[index] = ""
                    index += 1
                } else {
                    break
                }
            }
        }
        return result
    }

    /// The suppressions in a YAML line's comment; `scope` is told whether the comment is on
    /// a line of its own.
    private static func yamlComment(
        path: String, line: Int, text: String, scope: (Bool) -> Suppression.Scope
    ) -> [Suppression] {
        guard let hash = commentStart(text) else { return [] }
        let comment = String(text[text.index(after: hash)...])
        let ownLine = text[..<hash].allSatisfy(\.isWhitespace)
        let column = text.distance(from: text.startIndex, to: hash) + 2
        return SuppressionDirective.all(in: comment, endsAtLineEnd: true).map { directive in
            suppression(directive, path: path, line: line, column: column + directive.offset,
                        scope: directive.isFileWide ? .file : scope(ownLine))
        }
    }

    /// Where a YAML comment starts: a `#` at the start or after a space, outside quotes.
    static func commentStart(_ line: String) -> String.Index? {
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                if previous.isWhitespace || previous == ":" || previous == "[" || previous == "," || previous == "-" { quote = character }
            } else if character == "#", previous.isWhitespace {
                return index
            }
            previous = character
        }
        return nil
    }

    private static func nextContentLine(after index: Int, in lines: [String]) -> Int? {
        lines.indices.dropFirst(index + 1).first { isContent(lines[$0]) }
    }

    private static func isContent(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        return !trimmed.isEmpty && !trimmed.hasPrefix("#")
    }

    /// The last line of the entry that starts at `start`: every following line indented more
    /// deeply, with the blank and comment lines between them.
    private static func blockEnd(from start: Int, in lines: [String]) -> Int {
        func indent(_ line: String) -> Int { line.prefix { $0 == " " || $0 == "\t" }.count }
        let depth = indent(lines[start])
        var end = start
        for index in lines.indices.dropFirst(start + 1) where isContent(lines[index]) {
            guard indent(lines[index]) > depth else { break }
            end = index
        }
        return end
    }

    // MARK: -

    private static func suppression(
        _ directive: SuppressionDirective, path: String, line: Int, column: Int, scope: Suppression.Scope
    ) -> Suppression {
        Suppression(path: path, line: line, column: column, rules: directive.rules, reason: directive.reason, scope: scope)
    }

    /// The 1-based character column of `needle` in `line`, or 1.
    private static func column(of needle: String, in line: String) -> Int {
        guard let range = line.firstRange(of: needle) else { return 1 }
        return line.distance(from: line.startIndex, to: range.lowerBound) + 1
    }
}
