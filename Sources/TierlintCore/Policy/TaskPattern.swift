/// A kind of work and the tiers it belongs on, from a seed's ticket-to-model table: "Create
/// [table] migration → haiku", "Design [architecture] → opus". A range lets a preset hold two
/// seeds that disagree: 000 puts tests on sonnet, 001 on haiku, so finops accepts either.
public struct TaskPattern: Sendable, Equatable {
    /// How the seed names the kind of work: `Create [table] migration`.
    public var name: String
    public var phrases: [WordPattern]
    /// The lowest tier the work belongs on; below it is underpowered. `nil`: no floor.
    public var minimum: String?
    /// The highest tier the work needs; above it is overkill. `nil`: no ceiling.
    public var maximum: String?
    /// The tier to suggest (and the one `tierlint fix` fills in).
    public var suggested: String
    /// Where the pattern comes from, e.g. `seed 000, ticket-to-model table`.
    public var source: String
    /// Why, in the seed's words, e.g. `Schema from spec, no logic`.
    public var reason: String

    public init(
        name: String, phrases: [WordPattern], minimum: String?, maximum: String?, suggested: String,
        source: String = "", reason: String = ""
    ) {
        self.name = name
        self.phrases = phrases
        self.minimum = minimum
        self.maximum = maximum
        self.suggested = suggested
        self.source = source
        self.reason = reason
    }
}

/// The pattern that best describes a piece of work, and where it matched.
public struct PatternMatch: Sendable, Equatable {
    public var pattern: TaskPattern
    /// The phrase that matched, as written in the pattern.
    public var phrase: String
}

/// Finds the pattern that best describes a text. The most specific phrase wins (more words);
/// then the one that matches earliest (titles start with their verb: "Design migration
/// strategy" is design work); then the pattern with the higher tier, so that a tie never
/// calls real work overkill.
public struct TaskPatternMatcher: Sendable {
    public let patterns: [TaskPattern]
    private let catalog: ModelCatalog

    public init(patterns: [TaskPattern], catalog: ModelCatalog) {
        self.patterns = patterns
        self.catalog = catalog
    }

    /// `strongOnly` leaves out lone words, for prose such as an agent's description.
    public func bestMatch(in text: String, strongOnly: Bool = false) -> PatternMatch? {
        bestMatch(words: WordPattern.words(of: text), strongOnly: strongOnly)
    }

    func bestMatch(words: [String], strongOnly: Bool = false) -> PatternMatch? {
        guard !words.isEmpty else { return nil }
        var best: (specificity: Int, start: Int, rank: Int, match: PatternMatch)?
        for pattern in patterns {
            let rank = catalog.tier(named: pattern.maximum ?? pattern.suggested)?.rank ?? Int.max
            for phrase in pattern.phrases where !(strongOnly && phrase.isLoneWord) {
                guard let start = phrase.firstMatch(in: words) else { continue }
                let candidate = (phrase.specificity, start, rank, PatternMatch(pattern: pattern, phrase: phrase.text))
                if let current = best {
                    let better = candidate.0 > current.specificity
                        || (candidate.0 == current.specificity && candidate.1 < current.start)
                        || (candidate.0 == current.specificity && candidate.1 == current.start && candidate.2 > current.rank)
                    if better { best = candidate }
                } else {
                    best = candidate
                }
            }
        }
        return best?.match
    }
}
