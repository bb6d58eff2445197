import TierlintMarkdown

/// A pattern over the words of a title or description, such as `create|add * table|migration`:
///
/// - `word` matches the word and its regular inflections (`table`, `tables`);
/// - `stem*` matches any word starting with the stem (`architect*`);
/// - `a|b` matches either;
/// - a lone `*` skips up to four words;
/// - a leading `^` anchors the pattern to the first word: `^design` is design work, while
///   "implements features from a design" is not;
/// - a trailing `$` anchors it to the last word: `create * table$` is "Create sessions table",
///   not "Create pricing table component".
///
/// Matching ignores case, punctuation and camel case (`SessionService` is `session service`),
/// and costs O(words × elements × 4): patterns come from config and must never backtrack.
public struct WordPattern: Sendable, Equatable, CustomStringConvertible {
    enum Element: Sendable, Equatable {
        /// Any of these words (with inflections) or stems.
        case word(forms: Set<String>, stems: [String])
        case gap
    }

    public let text: String
    let elements: [Element]
    /// Matches only at the first word.
    let anchored: Bool
    /// Matches only through the last word.
    let anchoredAtEnd: Bool
    /// How many word elements the pattern has: a longer pattern is a more specific one.
    let specificity: Int

    static let maximumGap = 4

    public init?(_ text: String) {
        var elements: [Element] = []
        var body = Substring(text.lowercased().trimmingSpaces())
        anchored = body.hasPrefix("^")
        if anchored { body = body.dropFirst() }
        anchoredAtEnd = body.hasSuffix("$")
        if anchoredAtEnd { body = body.dropLast() }
        for part in body.split(separator: " ", omittingEmptySubsequences: true) {
            if part == "*" {
                if elements.last != .gap, !elements.isEmpty { elements.append(.gap) }
                continue
            }
            var forms = Set<String>()
            var stems: [String] = []
            for alternative in part.split(separator: "|") {
                let word = alternative.filter { $0.isLetter || $0.isNumber || $0 == "*" }
                guard !word.isEmpty else { continue }
                if word.hasSuffix("*") {
                    stems.append(String(word.dropLast()))
                } else {
                    forms.formUnion(Inflection.forms(of: String(word)))
                }
            }
            guard !forms.isEmpty || !stems.isEmpty else { continue }
            elements.append(.word(forms: forms, stems: stems))
        }
        while elements.last == .gap { elements.removeLast() }
        guard !elements.isEmpty else { return nil }
        self.text = text
        self.elements = elements
        specificity = elements.count { $0 != .gap }
    }

    public var description: String { text }

    /// The index of the first word of the earliest match, or `nil`. A lone word that is not
    /// anchored matches only as the first or the last word, where a title keeps its verb and its
    /// head noun: "Add session config" is config work, "Implement the config parser" is not.
    func firstMatch(in words: [String]) -> Int? {
        firstMatch(in: words, among: words.indices)
    }

    /// `firstMatch(in:)`, knowing the positions whose word the first element accepts
    /// (ascending): no other position can start a match.
    func firstMatch(in words: [String], among starts: some BidirectionalCollection<Int>) -> Int? {
        guard !words.isEmpty, let first = starts.first else { return nil }
        if anchored { return first == 0 && matches(words, at: 0) ? 0 : nil }
        if elements.count == 1 {
            if first == 0 && matches(words, at: 0) { return 0 }
            return words.count > 1 && starts.last == words.count - 1 && matches(words, at: words.count - 1) ? words.count - 1 : nil
        }
        return starts.first { matches(words, at: $0) }
    }

    /// `matchThroughLastWord(in:)`, knowing where a match can start (see `firstMatch(in:among:)`).
    func matchThroughLastWord(in words: [String], among starts: some Collection<Int>) -> Int? {
        guard !words.isEmpty else { return nil }
        func reachesTheEnd(_ start: Int) -> Bool { ends(words, from: start).contains(words.count) }
        if anchored { return reachesTheEnd(0) ? 0 : nil }
        if elements.count == 1 { return reachesTheEnd(words.count - 1) ? words.count - 1 : nil }
        return starts.first(where: reachesTheEnd)
    }

    /// Whether the pattern matches anywhere, a lone word too: enough to doubt what a longer
    /// text is about, never to say what it is.
    func occurs(in words: [String]) -> Bool {
        guard isLoneWord else { return firstMatch(in: words) != nil }
        return words.indices.contains { matches(words, at: $0) }
    }

    /// The start of a match that takes in the last word, or `nil`: in a compound name such as
    /// `docs-architect` the last word is the head (an architect, of docs).
    func matchThroughLastWord(in words: [String]) -> Int? {
        matchThroughLastWord(in: words, among: words.indices)
    }

    /// Whether the pattern is one word that is not anchored: too weak for long text.
    var isLoneWord: Bool { !anchored && !anchoredAtEnd && elements.count == 1 }

    private func matches(_ words: [String], at start: Int) -> Bool {
        // Most starts fail on the first word: decide those without building position sets.
        if case .word(let forms, let stems)? = elements.first {
            guard start < words.count, Self.accepts(words[start], forms: forms, stems: stems) else { return false }
            if elements.count == 1 { return !anchoredAtEnd || start + 1 == words.count }
        }
        let ends = ends(words, from: start)
        return anchoredAtEnd ? ends.contains(words.count) : !ends.isEmpty
    }

    private static func accepts(_ word: String, forms: Set<String>, stems: [String]) -> Bool {
        forms.contains(word) || stems.contains { word.hasPrefix($0) }
    }

    /// Where the matches starting exactly at `start` end: the positions reachable after each
    /// element is carried forward, never more than the word count. Positions stay sorted and
    /// distinct; there are at most a few of them.
    private func ends(_ words: [String], from start: Int) -> [Int] {
        var positions = [start]
        var next: [Int] = []
        for element in elements {
            next.removeAll(keepingCapacity: true)
            switch element {
            case .gap:
                for position in positions {
                    for skip in 0...Self.maximumGap where position + skip <= words.count {
                        let end = position + skip
                        if next.last.map({ $0 < end }) ?? true { next.append(end) } else if !next.contains(end) { next.append(end); next.sort() }
                    }
                }
            case .word(let forms, let stems):
                for position in positions where position < words.count && Self.accepts(words[position], forms: forms, stems: stems) {
                    next.append(position + 1)
                }
            }
            if next.isEmpty { return [] }
            swap(&positions, &next)
        }
        return positions
    }

    /// The words of free text as patterns see them: lowercased, split at punctuation and at
    /// camel case (`SessionService` → `session`, `service`; `code-reviewer` → `code`, `reviewer`).
    static func words(of text: String) -> [String] {
        asciiWords(of: text) ?? wordsOfAnyText(text)
    }

    static func wordsOfAnyText(_ text: String) -> [String] {
        // Paths and file names ("docs/examples/x.md", "04_db_architect.template.md") name
        // things, not the work: they are left out.
        let kept = text.split(separator: " ", omittingEmptySubsequences: true).filter { token in
            !token.contains("/") && !looksLikeFileName(token)
        }.joined(separator: " ")
        return WordTokens(kept).words.flatMap { word -> [String] in
            let parts = word.parts
            return parts.isEmpty ? [word.lowercased] : parts.map(\.lowercased)
        }
    }

    /// `words(of:)` for text that is all ASCII (nearly every ticket title), on bytes: the same
    /// words, without the cost of Unicode scalars and characters. `nil` for other text.
    private static func asciiWords(of text: String) -> [String]? {
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var words: [String] = []
            func isWordByte(_ byte: UInt8) -> Bool {
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            }
            func addToken(_ token: Range<Int>) {
                guard !bytes[token].contains(0x2F), !looksLikeASCIIFileName(bytes[token]) else { return }
                var position = token.lowerBound
                while position < token.upperBound {
                    guard isWordByte(bytes[position]) else { position += 1; continue }
                    let start = position
                    var hasUpper = false, hasLower = false
                    while position < token.upperBound, isWordByte(bytes[position]) {
                        if bytes[position] >= 0x61 && bytes[position] <= 0x7A { hasLower = true }
                        if bytes[position] >= 0x41 && bytes[position] <= 0x5A { hasUpper = true }
                        position += 1
                    }
                    if hasUpper && hasLower {
                        let parts = WordTokens.camelParts(String(decoding: bytes[start..<position], as: UTF8.self))
                        if !parts.isEmpty {
                            words += parts.map(\.lowercased)
                            continue
                        }
                    }
                    words.append(String(decoding: bytes[start..<position].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
                }
            }
            var tokenStart = 0
            for position in 0...bytes.count where position == bytes.count || bytes[position] == 0x20 {
                if position > tokenStart { addToken(tokenStart..<position) }
                tokenStart = position + 1
            }
            return words
        }
        return result ?? nil
    }

    /// `looksLikeFileName` on ASCII bytes.
    private static func looksLikeASCIIFileName(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let punctuation: [UInt8] = Array(",;:()`'\"".utf8)
        var trimmed = token
        while let first = trimmed.first, punctuation.contains(first) { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, punctuation.contains(last) { trimmed = trimmed.dropLast() }
        guard let dot = trimmed.lastIndex(of: 0x2E), dot != trimmed.startIndex else { return false }
        let extensionPart = trimmed[(dot + 1)...]
        func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) }
        return (1...5).contains(extensionPart.count) && extensionPart.allSatisfy(isLetter) && trimmed[..<dot].contains(where: isLetter)
    }

    /// `schema.sql`, `04_db_architect.template.md`: a name with an extension of 1-5 letters.
    private static func looksLikeFileName(_ token: Substring) -> Bool {
        let punctuation: Set<Character> = [",", ";", ":", "(", ")", "`", "'", "\""]
        var trimmed = token
        while let first = trimmed.first, punctuation.contains(first) { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, punctuation.contains(last) { trimmed = trimmed.dropLast() }
        guard let dot = trimmed.lastIndex(of: "."), dot != trimmed.startIndex else { return false }
        let extensionPart = trimmed[trimmed.index(after: dot)...]
        return (1...5).contains(extensionPart.count) && extensionPart.allSatisfy(\.isLetter)
            && trimmed[..<dot].contains(where: \.isLetter)
    }
}
