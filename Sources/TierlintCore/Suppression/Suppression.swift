/// An inline suppression: a comment that silences some rules for a ticket, a table, an
/// agent or a file, with the reason it is acceptable.
///
/// In Markdown it is an HTML comment, which GitHub does not render:
/// `<!-- tierlint-disable overkill: follows the ADR-12 pattern -->` inside a ticket's row
/// covers that ticket; on its own line directly above a table it covers the table, the
/// statements under it and the findings about its section. `tierlint-disable-file` covers the
/// whole file. In frontmatter and YAML it is a comment:
/// `# tierlint-disable security-tier: reviewed by appsec`.
public struct Suppression: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        /// Every finding in the file.
        case file
        /// Findings on these lines.
        case lines(ClosedRange<Int>)
        /// A table: findings on these lines, and the findings about its section, which are
        /// reported at the section's heading.
        case table(lines: ClosedRange<Int>, sectionLine: Int?)
        /// A comment that is in no place a suppression can apply to (an HTML comment that is
        /// followed by no table); it suppresses nothing and is reported.
        case nowhere(String)
    }

    public var path: String
    /// Where `tierlint-disable` is written.
    public var line: Int
    public var column: Int
    /// The rules as written (slugs or codes).
    public var rules: [String]
    public var reason: String?
    public var scope: Scope
    /// Found in a file that is read but not reported on (an unchanged agent of a set): it
    /// may excuse a finding about the set, and is never reported itself.
    public var isContext = false

    public init(path: String, line: Int, column: Int, rules: [String], reason: String?, scope: Scope) {
        self.path = path
        self.line = line
        self.column = column
        self.rules = rules
        self.reason = reason
        self.scope = scope
    }

    /// Whether this suppression's place covers a finding (its rules aside). A finding about
    /// an agent set is covered by a suppression that covers the whole file of any agent in
    /// the set, wherever the finding is shown.
    func covers(_ finding: Finding, agentSets: [String: String]) -> Bool {
        if let set = finding.agentSet, scope == .file, agentSets[path] == set, path != finding.path {
            return true
        }
        guard !isContext, finding.path == path else { return false }
        switch scope {
        case .file: return true
        case .lines(let lines): return lines.contains(finding.line)
        case .table(let lines, let sectionLine):
            return lines.contains(finding.line)
                || (finding.line == sectionLine && finding.subject.hasPrefix("section "))
        case .nowhere: return false
        }
    }

    /// `overkill` or `overkill, security-tier`, as written.
    var ruleList: String { rules.joined(separator: ", ") }
}

/// The text of one suppression comment: `tierlint-disable[-file] RULE[, RULE...][: reason]`.
struct SuppressionDirective: Equatable {
    static let keyword = "tierlint-disable"

    var rules: [String]
    var reason: String?
    var isFileWide: Bool
    /// The offset of `tierlint-disable` in the text it was found in, in characters.
    var offset: Int

    /// Every directive in a comment's text. In an HTML comment a directive runs to `-->`, so
    /// a long reason may wrap; in a YAML comment, to the end of its line.
    static func all(in text: String, endsAtLineEnd: Bool) -> [SuppressionDirective] {
        let characters = Array(text)
        let keyword = Array(Self.keyword)
        let closing = Array("-->")
        var found: [SuppressionDirective] = []
        var index = 0
        while index + keyword.count <= characters.count {
            guard characters[index..<index + keyword.count].elementsEqual(keyword),
                  index == 0 || !(characters[index - 1].isLetter || characters[index - 1] == "-") else {
                index += 1
                continue
            }
            var end = index + keyword.count
            while end < characters.count, !(endsAtLineEnd && characters[end].isNewline), !characters[end...].starts(with: closing) {
                end += 1
            }
            let rest = String(characters[(index + keyword.count)..<end]).split(whereSeparator: \.isNewline).joined(separator: " ")
            if let directive = parse(rest, offset: index) { found.append(directive) }
            index = end
        }
        return found
    }

    /// Reads what follows `tierlint-disable`: `-file`, the rules, then `: reason` (or ` -- reason`).
    static func parse(_ rest: String, offset: Int) -> SuppressionDirective? {
        var text = Substring(rest)
        var isFileWide = false
        if text.hasPrefix("-file") {
            isFileWide = true
            text = text.dropFirst("-file".count)
        }
        // `tierlint-disabled` or `tierlint-disable-next-line` are not this directive.
        guard text.isEmpty || text.first == " " || text.first == "\t" || text.first == ":" else { return nil }
        var reason: String?
        if let colon = text.firstIndex(of: ":") {
            reason = String(text[text.index(after: colon)...]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            text = text[..<colon]
        } else if let dashes = text.range(of: " -- ") {
            reason = String(text[dashes.upperBound...]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            text = text[..<dashes.lowerBound]
        }
        let rules = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        return SuppressionDirective(
            rules: rules, reason: reason?.isEmpty == true ? nil : reason, isFileWide: isFileWide, offset: offset)
    }
}
