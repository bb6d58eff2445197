import CCmarkGFM
import Synchronization

/// The only place that touches cmark-gfm: it parses, copies what tierlint needs into
/// Swift values and frees the C tree before returning. Traversal is iterative
/// (cmark's own iterator), so deeply nested input cannot exhaust the stack.
enum CmarkAdapter {
    /// The extensions github.com enables for Markdown files, but for `autolink`: it only turns
    /// bare URLs and addresses, whose text tierlint reads the same either way, into links, and
    /// in cmark-gfm 0.29.0.gfm.6 it spends about 5 µs on every `@` (1 MB of `a@`: 4.8 s).
    private static let extensionNames = ["table", "strikethrough", "tagfilter", "tasklist"]

    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// cmark-gfm 0.29 keeps the inline special characters in one global table, which every
    /// parse with extensions writes to and restores (github/cmark-gfm#176, unmerged): two
    /// parses at once corrupt each other's tables. Parsing is serialised; reading the finished
    /// tree, where most of the time goes, is not.
    private static let parsing = Mutex(())

    static func parse(_ input: [UInt8]) -> MarkdownDocument {
        _ = registration
        // GitHub ignores a byte order mark; strip it so columns count from the first visible character.
        let hasBOM = input.starts(with: [0xEF, 0xBB, 0xBF])
        let bytes = hasBOM ? Array(input.dropFirst(3)) : input

        let tree: OpaquePointer? = parsing.withLock { _ in
            guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
            defer { cmark_parser_free(parser) }
            for name in extensionNames {
                if let syntaxExtension = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, syntaxExtension)
                }
            }
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                }
            }
            return cmark_parser_finish(parser)
        }
        guard let root = tree else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }

        var reader = BlockReader(source: SourceLines(bytes), byteOffset: hasBOM ? 3 : 0)
        return MarkdownDocument(blocks: reader.read(root))
    }
}

/// Walks the block tree once and collects the blocks of interest.
private struct BlockReader {
    let source: SourceLines
    /// Bytes before what cmark parsed (a byte order mark), added to spans.
    let byteOffset: Int
    var blocks: [MarkdownBlock] = []

    init(source: SourceLines, byteOffset: Int) {
        self.source = source
        self.byteOffset = byteOffset
    }

    mutating func read(_ root: OpaquePointer) -> [MarkdownBlock] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch typeName(node) {
            case "heading":
                blocks.append(.heading(MarkdownHeading(
                    level: Int(cmark_node_get_heading_level(node)),
                    text: InlineText.of(node),
                    line: Int(cmark_node_get_start_line(node)))))
                skipChildren(of: node, iterator)
            case "paragraph":
                let line = Int(cmark_node_get_start_line(node))
                let endLine = max(line, Int(cmark_node_get_end_line(node)))
                let lines = (line...min(endLine, line + MarkdownParagraph.maximumSourceLines - 1)).map(source.text(ofLine:))
                blocks.append(.paragraph(MarkdownParagraph(
                    text: InlineText.of(node),
                    line: line,
                    endLine: endLine,
                    source: lines[0],
                    sourceLines: lines)))
                skipChildren(of: node, iterator)
            case "html_block":
                // cmark leaves the end of some HTML blocks (comments) unset; count it from the text.
                let text = literal(node)
                let line = Int(cmark_node_get_start_line(node))
                let newlines = text.utf8.count { $0 == 0x0A } - (text.hasSuffix("\n") ? 1 : 0)
                blocks.append(.html(MarkdownHTML(literal: text, line: line, endLine: line + max(newlines, 0))))
            case "table":
                if let table = readTable(node) { blocks.append(.table(table)) }
                skipChildren(of: node, iterator)
            default:
                continue
            }
        }
        return blocks
    }

    private func skipChildren(of node: OpaquePointer, _ iterator: OpaquePointer) {
        cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
    }

    private func readTable(_ table: OpaquePointer) -> MarkdownTable? {
        var header: MarkdownRow?
        var rows: [MarkdownRow] = []
        var rowNode = cmark_node_first_child(table)
        while let row = rowNode {
            let cells = readCells(row)
            let line = Int(cmark_node_get_start_line(row))
            let markdownRow = MarkdownRow(cells: cells, line: line, hasExtraCells: hasDroppedCells(row))
            if header == nil && cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = markdownRow
            } else {
                rows.append(markdownRow)
            }
            rowNode = cmark_node_next(row)
        }
        guard let header else { return nil }
        return MarkdownTable(
            header: header,
            rows: rows,
            line: Int(cmark_node_get_start_line(table)),
            endLine: Int(cmark_node_get_end_line(table)))
    }

    private func readCells(_ row: OpaquePointer) -> [MarkdownCell] {
        var cells: [MarkdownCell] = []
        var cellNode = cmark_node_first_child(row)
        while let cell = cellNode {
            let line = Int(cmark_node_get_start_line(cell))
            let byteColumn = Int(cmark_node_get_start_column(cell))
            // A padding cell has no source position (column 0). A real cell's position is its
            // leading pipe or first space; point at the first character of its content instead.
            let column = byteColumn > 0 ? source.characterColumn(line: line, byteColumn: contentStart(cell, byteColumn)) : nil
            let span = byteColumn > 0
                ? source.span(line: line, fromColumn: byteColumn, toColumn: Int(cmark_node_get_end_column(cell)))
                    .map { ($0.lowerBound + byteOffset)..<($0.upperBound + byteOffset) }
                : nil
            cells.append(MarkdownCell(
                text: InlineText.of(cell), line: line, column: column, links: InlineText.links(of: cell), span: span))
            cellNode = cmark_node_next(cell)
        }
        return cells
    }

    private func contentStart(_ cell: OpaquePointer, _ cellColumn: Int) -> Int {
        if let first = cmark_node_first_child(cell), cmark_node_get_start_column(first) > 0 {
            return Int(cmark_node_get_start_column(first))
        }
        // An empty cell: point one space in, where its content would be written.
        let line = Int(cmark_node_get_start_line(cell))
        let end = Int(cmark_node_get_end_column(cell))
        let next = source.bytes(line: line, fromColumn: cellColumn + 1, toColumn: cellColumn + 1)
        return end > cellColumn && next.first == UInt8(ascii: " ") ? cellColumn + 1 : cellColumn
    }

    /// GitHub drops cells past the header's width; cmark keeps the row's full extent, so
    /// anything other than pipes and spaces after the last kept cell was dropped.
    private func hasDroppedCells(_ row: OpaquePointer) -> Bool {
        guard let last = cmark_node_last_child(row), cmark_node_get_start_column(last) > 0 else { return false }
        let line = Int(cmark_node_get_start_line(row))
        let from = Int(cmark_node_get_end_column(last)) + 1
        let to = Int(cmark_node_get_end_column(row))
        guard to > from else { return false }
        return source.bytes(line: line, fromColumn: from, toColumn: to).contains { byte in
            byte != UInt8(ascii: "|") && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
        }
    }
}

/// The reader's text of an inline tree: what a person sees, not the markup.
enum InlineText {
    /// The destinations of the links under a node.
    static func links(of node: OpaquePointer) -> [String] {
        guard let iterator = cmark_iter_new(node) else { return [] }
        defer { cmark_iter_free(iterator) }
        var links: [String] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), typeName(current) == "link",
                  let url = cmark_node_get_url(current) else { continue }
            links.append(String(cString: url))
        }
        return links
    }

    static func of(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else { continue }
            switch typeName(current) {
            case "text", "code":
                text += literal(current)
            case "softbreak", "linebreak":
                text += " "
            case "strikethrough", "html_inline":
                // Struck-through text is text the author removed ("~~haiku~~ sonnet" means sonnet).
                cmark_iter_reset(iterator, current, CMARK_EVENT_EXIT)
            case "image":
                // Alt text is what a reader gets in place of the image.
                continue
            default:
                continue
            }
        }
        return text.trimmingSpaces()
    }
}

private func typeName(_ node: OpaquePointer) -> String {
    guard let name = cmark_node_get_type_string(node) else { return "" }
    return String(cString: name)
}

private func literal(_ node: OpaquePointer) -> String {
    guard let value = cmark_node_get_literal(node) else { return "" }
    return String(cString: value)
}

/// Byte offsets of line starts, counted the way cmark counts lines (LF, CR LF or a lone CR).
struct SourceLines {
    private let storage: [UInt8]
    private let starts: [Int]

    init(_ bytes: [UInt8]) {
        storage = bytes
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        self.starts = starts
    }

    /// The 1-based character column of a 1-based byte column on a 1-based line.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= starts.count, byteColumn >= 1 else { return max(byteColumn, 1) }
        let start = starts[line - 1]
        let end = min(start + byteColumn - 1, storage.count)
        guard start <= end else { return 1 }
        var characters = 1
        for byte in storage[start..<end] where byte & 0xC0 != 0x80 { characters += 1 }
        return characters
    }

    /// The byte offsets of 1-based columns `fromColumn...toColumn` on a line.
    func span(line: Int, fromColumn: Int, toColumn: Int) -> Range<Int>? {
        guard line >= 1, line <= starts.count, fromColumn >= 1 else { return nil }
        let lower = min(starts[line - 1] + fromColumn - 1, storage.count)
        // An empty cell written `||` starts at its closing pipe and ends before it: nothing
        // lies between its pipes, so what is written goes right before that pipe.
        if toColumn < fromColumn {
            return lower < storage.count && storage[lower] == UInt8(ascii: "|") ? lower..<lower : nil
        }
        let upper = min(starts[line - 1] + toColumn, storage.count)
        return lower..<upper
    }

    /// A whole line as text, without its line ending.
    func text(ofLine line: Int) -> String {
        guard line >= 1, line <= starts.count else { return "" }
        var end = line < starts.count ? starts[line] : storage.count
        while end > starts[line - 1], storage[end - 1] == 0x0A || storage[end - 1] == 0x0D { end -= 1 }
        return String(decoding: storage[starts[line - 1]..<end], as: UTF8.self)
    }

    func bytes(line: Int, fromColumn: Int, toColumn: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= starts.count, fromColumn >= 1, toColumn >= fromColumn else { return [] }
        let start = starts[line - 1]
        let lower = min(start + fromColumn - 1, storage.count)
        let upper = min(start + toColumn, storage.count)
        return lower < upper ? storage[lower..<upper] : []
    }
}
