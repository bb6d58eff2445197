import TierlintMarkdown

/// "Distribution: 6 haiku (30%) | 11 sonnet (55%) | 3 opus (15%)": the counts and percentages a
/// backlog states for its tiers. Also written `haiku 6 (30%), sonnet 11 (55%)`, `6 haiku / 11
/// sonnet`, `6 haiku + 11 sonnet + 3 opus = 20`, `6x haiku | 11x sonnet`, with `•` or `·`
/// between entries, over several lines, or as a bullet list under a line "Distribution:".
public struct DistributionStatement: Sendable {
    public struct Entry: Sendable {
        public var tier: Tier
        public var count: Int?
        public var percent: Double?
        /// The entry's first word as written, to point at it.
        public var anchor: String
    }

    public var entries: [Entry]

    /// The number of tickets the statement adds up to, when it gives a count for every tier.
    public var statedTotal: Int? {
        guard !entries.isEmpty, entries.allSatisfy({ $0.count != nil }) else { return nil }
        return entries.reduce(0) { $0 + $1.count! }
    }

    /// A statement never has more entries than this; longer lines are not statements.
    static let maximumEntries = 16

    /// The statement in `text`, when it starts with "Distribution" and names at least one tier
    /// with a number; `nil` otherwise. `hasKeyword` is set when the text starts with the
    /// keyword, even with nothing after it (a list follows).
    public static func parse(_ text: String, catalog: ModelCatalog) -> (statement: DistributionStatement?, hasKeyword: Bool) {
        let trimmed = text.trimmingSpaces()
        let words = trimmed.split(separator: " ", maxSplits: 3).map { $0.lowercased() }
        guard words.prefix(3).contains(where: { $0.hasPrefix("distribution") }) else { return (nil, false) }
        guard let keyword = trimmed.lowercased().range(of: "distribution") else { return (nil, false) }
        // The statement starts after the first colon outside parentheses: "Distribution (target:
        // 40% haiku): ...". Without one (a table row), right after the keyword.
        var depth = 0
        var start = trimmed.index(keyword.upperBound, offsetBy: 0)
        for index in trimmed[keyword.upperBound...].indices {
            let character = trimmed[index]
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) }
            if character == ":", depth == 0 { start = trimmed.index(after: index); break }
        }
        let entries = entries(in: String(trimmed[start...]), catalog: catalog)
        return (entries.isEmpty ? nil : DistributionStatement(entries: entries), true)
    }

    /// Each tier with the numbers beside it. Separators (`|`, `,`, `;`, `·`, `•`, `/`, `+`)
    /// bound an entry; inside one, a count sits right before or after its tier and a
    /// percentage anywhere up to the next tier. A number followed by "tickets" or "total", or
    /// after "=", is a total, not a count.
    static func entries(in text: String, catalog: ModelCatalog) -> [Entry] {
        var found: [Entry] = []
        for segment in text.split(whereSeparator: { "|,;·•/+".contains($0) }) {
            found += entries(inSegment: String(segment), catalog: catalog)
            if found.count >= maximumEntries { return Array(found.prefix(maximumEntries)) }
        }
        return found
    }

    private static func entries(inSegment text: String, catalog: ModelCatalog) -> [Entry] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character == " " || character == "(" || character == ")" || character == "=" {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                if character == "=" { tokens.append("=") }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        // "25 %" is one percentage.
        var merged: [String] = []
        for token in tokens {
            if token == "%", let last = merged.last, Double(last) != nil { merged[merged.count - 1] = last + "%" } else { merged.append(token) }
        }
        tokens = merged

        // `6`, `6x`, `6×`, `x6`: a count of tickets.
        func count(_ token: String) -> Int? {
            if let value = Int(token) { return value }
            if let last = token.last, last == "x" || last == "×", let value = Int(token.dropLast()) { return value }
            if let first = token.first, first == "x" || first == "×", let value = Int(token.dropFirst()) { return value }
            return nil
        }
        func number(_ token: String) -> Bool { Double(token.hasSuffix("%") ? String(token.dropLast()) : token) != nil }
        func tier(_ token: String) -> Tier? {
            guard !number(token) else { return nil }
            if let tier = catalog.tier(named: token) { return tier }
            if case .known(let entry) = catalog.resolve(token) { return entry.tier }
            return nil
        }
        let tierPositions = tokens.indices.filter { tier(tokens[$0]) != nil }
        var entries: [Entry] = []
        for (order, position) in tierPositions.enumerated() {
            let lower = order > 0 ? tierPositions[order - 1] + 1 : 0
            let upper = order + 1 < tierPositions.count ? tierPositions[order + 1] : tokens.count
            func isCount(_ index: Int) -> Bool {
                guard index >= lower, index < upper, count(tokens[index]) != nil else { return false }
                let after = index + 1 < tokens.count ? tokens[index + 1].lowercased() : ""
                let before = index > 0 ? tokens[index - 1] : ""
                return !["tickets", "ticket", "total", "items", "tasks"].contains(after) && before != "="
            }
            let countIndex = isCount(position - 1) ? position - 1 : isCount(position + 1) ? position + 1 : nil
            // The percentage after the tier ("haiku (25%)"), else the one before it ("25% haiku").
            let isPercent = { (index: Int) in tokens[index].hasSuffix("%") && number(tokens[index]) }
            let percentIndex = ((position + 1)..<upper).first(where: isPercent)
                ?? (lower..<position).reversed().first(where: isPercent)
            guard countIndex != nil || percentIndex != nil, let found = tier(tokens[position]) else { continue }
            let first = [countIndex, percentIndex, position].compactMap { $0 }.min() ?? position
            entries.append(Entry(
                tier: found,
                count: countIndex.flatMap { count(tokens[$0]) },
                percent: percentIndex.flatMap { Double(tokens[$0].dropLast()) },
                anchor: tokens[first]))
        }
        return entries
    }
}
