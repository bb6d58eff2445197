import TierlintMarkdown

/// Turns a source file into the document its role says it is, or into the problem that
/// stopped it from being read.
struct DocumentLoader: Sendable {
    var configuration: Configuration
    var catalog: ModelCatalog
    /// Model cells read so far in this check, shared by every file.
    let modelCells = ModelCellCache()

    enum Loaded {
        /// Markdown with backlog tables, documentation tables that state agents' models, or both.
        case markdown(Backlog?, [AgentReference])
        case definition(AgentDefinition)
        case yamlAgents(YAMLAgentFile)
        /// Markdown with no backlog table in it.
        case nothing
        case problem(ParseProblem)
    }

    /// The words a header needs to contain for a Markdown file to be worth parsing:
    /// the last word of each Model column name ("model", "llm", "tier").
    private var modelColumnNeedles: [[UInt8]] {
        Set(configuration.columns.model.compactMap { $0.split(separator: " ").last.map { Array($0.utf8) } })
            .sorted { $0.count < $1.count }
    }

    /// The role a file is read in: its selected role, except that documentation (a README, a
    /// CHANGELOG...) without frontmatter where definitions live is Markdown, not an agent
    /// without a model.
    static func role(of file: SourceFile, selected role: FileRole) -> FileRole {
        guard case .definition = role, AgentDefinition.isDocumentation(path: file.path),
              case .bytes(let bytes) = file.content else { return role }
        var text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let firstLine = Frontmatter.linesThroughClosing(text).lines.first ?? ""
        return firstLine.trimmingTrailingSpaces() == "---" ? role : .markdown
    }

    func load(_ file: SourceFile, role: FileRole) -> Loaded {
        let bytes: [UInt8]
        switch file.content {
        case .tooLarge(let size):
            return .problem(ParseProblem(
                path: file.path, line: 1,
                message: "file is \(ByteCount(size)), over the \(ByteCount(configuration.maxFileSize)) limit; "
                    + "it was not checked (raise `max-file-size` in .tierlint.yml to check it)"))
        case .bytes(let content):
            bytes = content
        }

        // Plain Markdown is only parsed when it could hold a backlog table; the scan is cheap,
        // and most Markdown files in a repository are not backlogs.
        if role == .markdown, !Self.mightHoldTable(bytes, needles: modelColumnNeedles) {
            return .nothing
        }
        // A file that must be read is reported when it cannot be; plain Markdown only when it
        // turns out to hold a backlog (a Latin-1 README is none of tierlint's business).
        let encodingProblem = Self.encodingProblem(bytes, path: file.path)
        if let encodingProblem, role != .markdown { return .problem(encodingProblem) }
        switch role {
        case .markdown, .backlog:
            let document = MarkdownDocument.parse(bytes: Frontmatter.blankingFrontmatter(bytes))
            // Too deep or too wide to parse in time: it may hold a backlog, so it is reported,
            // as a file over the size cap is.
            if let unparsed = document.unparsed {
                return .problem(ParseProblem(path: file.path, line: unparsed.line, message: unparsed.message))
            }
            let extractor = BacklogExtractor(
                columns: configuration.columns, catalog: catalog, missingValues: configuration.missingValues,
                modelCells: modelCells)
            let backlog = extractor.extract(path: file.path, document: document, isNamedBacklog: role == .backlog)
            let references = AgentReference.extract(
                path: file.path, document: document, columns: configuration.columns,
                agentColumns: Set(configuration.docDrift.agentColumns.map(ColumnVocabulary.key)),
                catalog: catalog, missingValues: configuration.missingValues)
            guard backlog != nil || !references.isEmpty else { return .nothing }
            if let encodingProblem { return .problem(encodingProblem) }
            if let line = backlog?.tables.compactMap(\.conflictLine).first {
                return .problem(ParseProblem(
                    path: file.path, line: line,
                    message: "file has an unresolved merge conflict (the marker on this line); resolve it, "
                        + "then tierlint can read which model was chosen"))
            }
            if let backlog, let problem = TicketBudget.problem(in: backlog) { return .problem(problem) }
            return .markdown(backlog, references)
        case .yamlAgents:
            if let line = Self.conflictMarkerLine(bytes) {
                return .problem(ParseProblem(
                    path: file.path, line: line, message: "file has an unresolved merge conflict (the `<<<<<<<` marker on this line)"))
            }
            let (agentFile, problem) = YAMLAgentFile.read(
                path: file.path, text: String(decoding: bytes, as: UTF8.self), catalog: catalog,
                missingValues: configuration.missingValues)
            if let problem { return .problem(problem) }
            return agentFile.map(Loaded.yamlAgents) ?? .nothing
        case .definition(let kind, let format):
            if let line = Self.conflictMarkerLine(bytes) {
                return .problem(ParseProblem(
                    path: file.path, line: line,
                    message: "file has an unresolved merge conflict (the `<<<<<<<` marker on this line); resolve it, "
                        + "then tierlint can read which model was chosen"))
            }
            var text = String(decoding: bytes, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let (definition, problem) = AgentDefinition.read(
                path: file.path, text: text, kind: kind, format: format,
                catalog: catalog, missingValues: configuration.missingValues)
            if let problem { return .problem(problem) }
            return definition.map(Loaded.definition) ?? .nothing
        }
    }

    /// True when the bytes contain a `|` and one of the needles, ignoring ASCII case. A needle
    /// with non-ASCII letters ("modèle") cannot be folded byte by byte, so it always says yes:
    /// the scan may let a file through to the parser, never keep a backlog from it.
    static func mightHoldTable(_ bytes: [UInt8], needles: [[UInt8]]) -> Bool {
        guard bytes.contains(UInt8(ascii: "|")) else { return false }
        return needles.contains { !$0.allSatisfy { $0 < 0x80 } || containsIgnoringCase(bytes, $0) }
    }

    /// Whether some line is a table header naming a Model column and an agent column: the
    /// cheap test for a page that documents agents' models.
    static func mightHoldAgentTable(_ bytes: [UInt8], agentColumns: [String]) -> Bool {
        let agentWords = Set(agentColumns.compactMap { $0.lowercased().split(separator: " ").first.map { Array($0.utf8) } })
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = Array(bytes[start..<end])
            if line.contains(UInt8(ascii: "|")), containsIgnoringCase(line, Array("model".utf8)),
               agentWords.contains(where: { containsIgnoringCase(line, $0) }) {
                return true
            }
            start = end + 1
        }
        return false
    }

    /// ASCII case folding: only A-Z become a-z; other bytes compare as they are.
    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    static func containsIgnoringCase(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        let lastStart = haystack.count - needle.count
        var index = 0
        while index <= lastStart {
            if folded(haystack[index]) == first {
                var offset = 1
                while offset < needle.count, folded(haystack[index + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// The line of a `<<<<<<< ` marker, when a `>>>>>>> ` marker follows it at a line start.
    static func conflictMarkerLine(_ bytes: [UInt8]) -> Int? {
        let open = Array("<<<<<<< ".utf8), close = Array(">>>>>>> ".utf8)
        var line = 1
        var openLine: Int?
        var atLineStart = true
        var index = 0
        while index < bytes.count {
            if atLineStart {
                if openLine == nil, bytes[index...].starts(with: open) { openLine = line }
                if openLine != nil, bytes[index...].starts(with: close) { return openLine }
            }
            atLineStart = bytes[index] == 0x0A
            if atLineStart { line += 1 }
            index += 1
        }
        return nil
    }

    /// A NUL byte or an invalid UTF-8 sequence, with its line and column.
    static func encodingProblem(_ bytes: [UInt8], path: String) -> ParseProblem? {
        var line = 1
        var lineStart = 0
        var index = 0
        func problem(_ message: String) -> ParseProblem {
            let column = bytes[lineStart..<index].count { $0 & 0xC0 != 0x80 } + 1
            return ParseProblem(path: path, line: line, column: column, message: message)
        }
        while index < bytes.count {
            let byte = bytes[index]
            // Lines end at LF, CR LF or a lone CR, as cmark and YAML count them.
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            if byte == 0 {
                return problem("file contains a NUL byte, so it is binary, not Markdown; it was not checked")
            }
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = UTF8Sequence.length(at: index, in: bytes)
            guard length > 0 else {
                return problem(
                    "file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(index)); "
                        + "save it as UTF-8 so it can be checked")
            }
            index += length
        }
        return nil
    }
}

/// Validation of one UTF-8 sequence, following the Unicode standard's table of well-formed
/// byte sequences (no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Sequence {
    /// The length of the well-formed sequence starting at `index`, or 0 when it is ill-formed.
    static func length(at index: Int, in bytes: [UInt8]) -> Int {
        let lead = bytes[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}

/// A byte count as a person reads it: `12 KB`, `8 MiB`.
struct ByteCount: CustomStringConvertible {
    var bytes: Int

    init(_ bytes: Int) {
        self.bytes = bytes
    }

    var description: String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, unit) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded)) \(unit)" : "\(rounded) \(unit)"
        }
        return "\(bytes) bytes"
    }
}
