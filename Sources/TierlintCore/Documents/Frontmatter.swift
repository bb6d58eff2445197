import TierlintMarkdown
import Yams

/// The YAML block at the top of a Markdown file, between a first line `---` and the next
/// line `---` (or `...`).
struct Frontmatter {
    /// The parsed mapping, `nil` when the block is empty.
    var root: YAMLField?
    /// The line of the opening `---`.
    var openingLine: Int
    /// The line of the closing `---`.
    var closingLine: Int

    enum Outcome {
        /// The file does not start with `---`.
        case absent
        case parsed(Frontmatter)
        case failed(ParseProblem)
    }

    /// Finds and parses the frontmatter of `text` (already valid UTF-8, without a BOM).
    ///
    /// Agent tools are lenient where YAML is strict: Claude Code and OpenCode accept a one-line
    /// value with an unquoted `: ` in it (`description: Use when: X`), which YAML rejects. Such a
    /// block is retried with those values quoted, so tierlint reads what the tools read; a block
    /// that still fails is reported, because the tools then ignore its fields, `model` included.
    static func read(_ text: String, path: String) -> Outcome {
        let (lines, closingIndex) = linesThroughClosing(text)
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else { return .absent }
        guard let closing = closingIndex else {
            return .failed(ParseProblem(
                path: path, line: 1,
                message: "frontmatter opened on line 1 is never closed; add a line `---` after its last key"))
        }
        let body = Array(lines[1..<closing])
        let yaml = body.joined(separator: "\n")
        do {
            let root = try compose(yaml, path: path)
            return .parsed(Frontmatter(root: root, openingLine: 1, closingLine: closing + 1))
        } catch let exceeded as YAMLAliasBudget.Exceeded {
            // YAML lines count from the line after the opening `---`.
            return .failed(ParseProblem(
                path: path, line: min(exceeded.line + 1, closing + 1),
                message: exceeded.message("frontmatter") + ", so none of its fields, `model` included, was read"))
        } catch let strictError {
            if let repaired = quotingColonValues(body), let root = try? compose(repaired.joined(separator: "\n"), path: path) {
                return .parsed(Frontmatter(root: root, openingLine: 1, closingLine: closing + 1))
            }
            let problem = YAMLProblem(strictError)
            // YAML lines count from the line after the opening `---`.
            let line = problem.line.map { $0 + 1 } ?? 1
            return .failed(ParseProblem(
                path: path, line: min(max(line, 1), closing + 1),
                message: "frontmatter is not valid YAML (\(problem.message.dropPrefix("invalid YAML: "))); "
                    + "agent tools ignore all of its fields, `model` included"))
        }
    }

    private static func compose(_ yaml: String, path: String) throws -> YAMLField? {
        guard let node = try YAMLAliasBudget.compose(yaml) else { return nil }
        return YAMLField(node: node, file: path, key: "")
    }

    /// The lenient reading agent tools apply: each top-level `key: value` line whose plain value
    /// holds a `: ` (or starts with a character YAML reserves) becomes a quoted string.
    /// Returns `nil` when there is nothing to repair. The line count is unchanged, so
    /// positions stay true.
    static func quotingColonValues(_ lines: [String]) -> [String]? {
        var changed = false
        let repaired = lines.map { line -> String in
            guard let first = line.first, first.isLetter || first.isNumber || first == "_",
                  let colon = line.firstIndex(of: ":") else { return line }
            let key = line[..<colon]
            guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return line }
            let afterColon = line[line.index(after: colon)...]
            guard afterColon.first == " " || afterColon.first == "\t" else { return line }
            // A comment (" #...") ends a plain value; it stays a comment, outside the quotes.
            var value = afterColon.trimmingSpaces()
            var comment = ""
            if let hash = value.range(of: " #") {
                comment = " " + value[hash.upperBound...].trimmingSpaces().withPrefix("#")
                value = value[..<hash.lowerBound].trimmingSpaces()
            }
            guard let start = value.first, !"\"'|>[{&*!#".contains(start) else { return line }
            let needsQuoting = value.contains(": ") || value.hasSuffix(":") || "`@%".contains(start)
            guard needsQuoting else { return line }
            changed = true
            let escaped = value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
            return "\(key): \"\(escaped)\"\(comment)"
        }
        return changed ? repaired : nil
    }

    /// The file's lines up to and including the closing delimiter (or all lines when there is
    /// none), split the way cmark and YAML split them: at LF, CR LF or a lone CR. Scanning stops
    /// at the delimiter, so a long body costs nothing.
    static func linesThroughClosing(_ text: String) -> (lines: [String], closing: Int?) {
        var lines: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        func isClosing(_ line: String) -> Bool {
            lines.count > 0 && ["---", "..."].contains(line.trimmingTrailingSpaces())
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            let line = String(text[start..<index])
            var next = utf8.index(after: index)
            if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            if lines.isEmpty && line.trimmingTrailingSpaces() != "---" { return ([line], nil) }
            if isClosing(line) { return (lines + [line], lines.count) }
            lines.append(line)
            start = next
            index = next
        }
        let last = String(text[start...])
        if isClosing(last) { return (lines + [last], lines.count) }
        lines.append(last)
        return (lines, nil)
    }
}

extension Frontmatter {
    /// `bytes` with the YAML frontmatter a page opens with (Jekyll, Docusaurus, Hugo: a mapping
    /// between `---` lines) turned into empty lines, so that a Markdown parser sees neither a
    /// heading (`title: Sprint plan` above the closing `---` is a setext heading to cmark) nor
    /// a paragraph in it, and every line keeps its number. Unchanged when the file does not
    /// open with a block that closes and holds a YAML mapping (a page may open with a rule).
    static func blankingFrontmatter(_ bytes: [UInt8]) -> [UInt8] {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = bytes.starts(with: bom) ? bom.count : 0
        guard bytes[start...].starts(with: "---".utf8) else { return bytes }
        var lineStart = start
        var index = start
        var isFirstLine = true
        while index <= bytes.count {
            guard index == bytes.count || bytes[index] == 0x0A || bytes[index] == 0x0D else {
                index += 1
                continue
            }
            var line = bytes[lineStart..<index]
            while let last = line.last, last == 0x20 || last == 0x09 { line = line.dropLast() }
            if isFirstLine {
                guard line.elementsEqual("---".utf8) else { return bytes }
                isFirstLine = false
            } else if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                // An empty block, or a mapping of keys, is frontmatter; anything else is content.
                guard case .parsed(let frontmatter) = read(text, path: ""), frontmatter.root.map({ $0.node.mapping != nil }) ?? true
                else { return bytes }
                // Everything up to the end of the closing line becomes line breaks only.
                return Array(bytes[..<start]) + bytes[start..<index].filter { $0 == 0x0A || $0 == 0x0D } + bytes[index...]
            }
            guard index < bytes.count else { break }
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            index += 1
            lineStart = index
        }
        return bytes
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        let scalars = unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex, [" ", "\t"].contains(scalars[scalars.index(before: end)]) {
            end = scalars.index(before: end)
        }
        return String(scalars[..<end])
    }

    func withPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? self : prefix + self
    }

    func dropPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
