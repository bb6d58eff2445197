/// What cmark-gfm 0.29.0.gfm.6 (the version Debian and Ubuntu ship) cannot parse in time, found
/// by one cheap pass over the bytes before they reach it. Two of its costs grow faster than
/// the input:
///
/// - Every inline node it appends walks up to the root to rule out a cycle
///   (`S_can_contain`), so text nested d containers deep costs d steps per node:
///   `'>' * 50000 + ' x\n' + '[' * 100000` takes half a minute.
/// - The table extension appends each cell to a linked list by walking the list, so a row of
///   n cells costs n²/2 steps: one row of 100,000 `|` takes seconds.
///
/// Later cmark-gfm releases fix both, but tierlint parses with the library the system has,
/// so the scan bounds what reaches it. The bounds are far above what people write: a backlog
/// nests lists a few levels deep and has tens of columns. The scan over-estimates (it cannot
/// know which lines cmark will read as what), never under-estimates, so nothing slow gets
/// past it. A file over a bound is reported, with its line, and not parsed.
public enum MarkdownParseLimits {
    /// Block quotes and list items opened inside each other, counted as written: markers at
    /// the start of a line, plus half the indentation (a nested list item is indented at least
    /// two columns more than its parent).
    public static let maximumNesting = 100
    /// Nesting times the bytes of the lines without a blank one between them: the steps
    /// cmark spends appending the inline nodes of a paragraph at that depth, at most.
    public static let maximumNestedTextCost = 200_000_000
    /// Cells of one table row: a backlog has tens of columns.
    public static let maximumCellsPerRow = 1_000
    /// Each table row's cells squared, added up: what the table extension spends on lists.
    public static let maximumTableCellCost = 25_000_000
    /// Table rows (headers and bodies) in one file. A ticket row costs parsing and the rules
    /// about 20 µs on a release build (50,000 rows: 1.07 s), so 25,000 rows stay near half a
    /// second. A sprint has tens of tickets.
    public static let maximumTableRows = 25_000
    /// Link, image, emphasis, code and raw-HTML marks (`[ ] ! * _ ` ~ <`) in one file. cmark
    /// makes a node of nearly each, at about 200 bytes and half a microsecond apiece: 8 MB of
    /// `[` took 4.7 s and 1.8 GB. A backlog writes a few per row.
    public static let maximumInlineMarks = 500_000

    /// The first bound the bytes go over, or `nil` when cmark can parse them in time.
    public static func check(_ bytes: [UInt8]) -> MarkdownLimitExceeded? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            return scanner.run()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>

        // The current run of non-blank lines.
        var runFirstLine = 1
        var runBytes = 0
        var runDepth = 0
        // Tables.
        var previousLineCells = 0
        var previousLineNumber = 0
        var inTable = false
        var tableRows = 0
        var tableCellCost = 0
        var inlineMarks = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func run() -> MarkdownLimitExceeded? {
            var line = 1
            var start = 0
            // A byte order mark is not part of the first line's prefix.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                if let exceeded = self.line(line, from: start, to: end) { return exceeded }
                guard end < bytes.count else { break }
                // Lines end at LF, CR LF or a lone CR, as cmark counts them.
                start = bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? end + 2 : end + 1
                line += 1
            }
            return endOfRun()
        }

        private mutating func line(_ number: Int, from start: Int, to end: Int) -> MarkdownLimitExceeded? {
            let (depth, contentStart) = prefix(from: start, to: end)
            if depth > MarkdownParseLimits.maximumNesting {
                return MarkdownLimitExceeded(
                    line: number,
                    message: "this line nests block quotes or lists about \(depth) levels deep, more than the "
                        + "\(MarkdownParseLimits.maximumNesting) tierlint parses; the file was not checked")
            }
            // A line with nothing after its markers ends a paragraph and a table, as a blank line does.
            if (contentStart..<end).allSatisfy({ bytes[$0] == 0x20 || bytes[$0] == 0x09 }) {
                inTable = false
                return endOfRun()
            }
            for index in contentStart..<end {
                switch bytes[index] {
                case 0x5B, 0x5D, 0x21, 0x2A, 0x5F, 0x60, 0x7E, 0x3C: inlineMarks += 1
                default: continue
                }
            }
            if inlineMarks > MarkdownParseLimits.maximumInlineMarks {
                return MarkdownLimitExceeded(
                    line: number,
                    message: "the file has more than \(MarkdownParseLimits.maximumInlineMarks) link, emphasis and code marks "
                        + "([ ] ! * _ ` ~ <) by this line, more than tierlint parses in time; the file was not checked")
            }
            if runBytes == 0 { runFirstLine = number }
            runBytes += end - start + 1
            runDepth = max(runDepth, depth)

            let cells = cellCount(from: contentStart, to: end)
            if inTable {
                if let exceeded = tableRow(number, cells: cells, isDelimiter: false) { return exceeded }
            } else if cells > 1, previousLineNumber == number - 1, isDelimiterRow(from: contentStart, to: end) {
                // The line above is the header: it and the delimiter row are split into cells too.
                inTable = true
                if let exceeded = tableRow(number - 1, cells: previousLineCells, isDelimiter: false) { return exceeded }
                if let exceeded = tableRow(number, cells: cells, isDelimiter: true) { return exceeded }
            }
            previousLineCells = cells
            previousLineNumber = number
            return nil
        }

        private mutating func tableRow(_ line: Int, cells: Int, isDelimiter: Bool) -> MarkdownLimitExceeded? {
            if !isDelimiter { tableRows += 1 }
            if tableRows > MarkdownParseLimits.maximumTableRows {
                return MarkdownLimitExceeded(
                    line: line,
                    message: "the file's tables have more than \(MarkdownParseLimits.maximumTableRows) rows by this one, "
                        + "more than tierlint checks in one file; the file was not checked (split it into smaller files)")
            }
            tableCellCost += cells * cells
            if cells > MarkdownParseLimits.maximumCellsPerRow {
                return MarkdownLimitExceeded(
                    line: line,
                    message: "this table row has \(cells) cells, more than the \(MarkdownParseLimits.maximumCellsPerRow) "
                        + "tierlint parses in one row; the file was not checked")
            }
            if tableCellCost > MarkdownParseLimits.maximumTableCellCost {
                return MarkdownLimitExceeded(
                    line: line,
                    message: "the file's tables have too many wide rows to parse in time (by this row, the sum of "
                        + "each row's cells squared is over \(MarkdownParseLimits.maximumTableCellCost)); "
                        + "the file was not checked")
            }
            return nil
        }

        private mutating func endOfRun() -> MarkdownLimitExceeded? {
            defer { runBytes = 0; runDepth = 0 }
            guard runDepth > 0, runDepth * runBytes > MarkdownParseLimits.maximumNestedTextCost else { return nil }
            return MarkdownLimitExceeded(
                line: runFirstLine,
                message: "the \(runBytes) bytes of text from this line on sit up to \(runDepth) block quotes or lists "
                    + "deep, more than tierlint parses in time; the file was not checked")
        }

        /// The nesting a line's start can open or continue, and where its content starts.
        private func prefix(from start: Int, to end: Int) -> (depth: Int, contentStart: Int) {
            var index = start
            var markers = 0
            var columns = 0
            while index < end {
                let byte = bytes[index]
                if byte == 0x20 {
                    columns += 1
                    index += 1
                } else if byte == 0x09 {
                    columns += 4 - columns % 4
                    index += 1
                } else if byte == UInt8(ascii: ">") {
                    markers += 1
                    index = skippingOneSpace(after: index + 1, end: end)
                } else if let width = listMarkerWidth(at: index, end: end) {
                    markers += 1
                    index = skippingOneSpace(after: index + width, end: end)
                } else {
                    break
                }
            }
            // Indentation between and before markers counts as well: it is how list items continue.
            return (markers + columns / 2, index)
        }

        /// The space after a marker belongs to it.
        private func skippingOneSpace(after index: Int, end: Int) -> Int {
            index < end && bytes[index] == 0x20 ? index + 1 : index
        }

        /// `-`, `+`, `*` or up to nine digits and `.` or `)`, followed by a space, a tab or the
        /// line's end: a list item's marker.
        private func listMarkerWidth(at index: Int, end: Int) -> Int? {
            func endsMarker(_ position: Int) -> Bool {
                position == end || bytes[position] == 0x20 || bytes[position] == 0x09
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
                return endsMarker(index + 1) ? 1 : nil
            }
            var position = index
            while position < end, position - index < 9, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
            guard position > index, position < end, bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: ")"),
                  endsMarker(position + 1) else { return nil }
            return position + 1 - index
        }

        /// The cells the line splits into when it is a table row: its unescaped pipes, less a
        /// leading and a trailing one, plus one.
        private func cellCount(from start: Int, to end: Int) -> Int {
            var pipes = 0
            var first: Int?
            var last: Int?
            var index = start
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte != 0x20 && byte != 0x09 {
                    if first == nil { first = index }
                    last = index
                }
                if byte == UInt8(ascii: "|") { pipes += 1 }
                index += 1
            }
            guard let first, let last else { return 1 }
            let outer = (bytes[first] == UInt8(ascii: "|") ? 1 : 0) + (last > first && bytes[last] == UInt8(ascii: "|") ? 1 : 0)
            return max(pipes - outer, 0) + 1
        }

        /// `|---|:--:|`, `--- | ---`: only pipes, dashes, colons and spaces, with a dash.
        private func isDelimiterRow(from start: Int, to end: Int) -> Bool {
            var hasDash = false
            for index in start..<end {
                switch bytes[index] {
                case UInt8(ascii: "-"): hasDash = true
                case UInt8(ascii: "|"), UInt8(ascii: ":"), 0x20, 0x09: continue
                default: return false
                }
            }
            return hasDash
        }
    }
}

/// A bound of `MarkdownParseLimits` that a file goes over: where, and what to tell its author.
public struct MarkdownLimitExceeded: Sendable, Equatable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}
