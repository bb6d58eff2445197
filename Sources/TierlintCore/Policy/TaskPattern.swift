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
    /// The pattern's place in the matcher's list, so a match can be kept as a number.
    var patternIndex = -1
}

/// Finds the pattern that best describes a text. The most specific phrase wins (more words);
/// then the one that matches earliest (titles start with their verb: "Design migration
/// strategy" is design work); then the pattern with the higher tier, so that a tie never
/// calls real work overkill.
///
/// A verb names the work; a noun only names what the work touches. So a match that does not
/// start a title ("Add config validation with … business logic") is outranked by a more
/// demanding pattern matched anywhere in the same text: one whose floor is above its ceiling.
/// An agent's name is a noun compound whose last word is the head (`docs-architect` is an
/// architect), so the name counts only through a match that takes in its last word, and
/// every match anywhere in the agent's name, role or description may outrank a cheap one;
/// a lone word of a more demanding pattern anywhere in them leaves the agent unclassified.
public struct TaskPatternMatcher: Sendable {
    public let patterns: [TaskPattern]
    /// Each pattern's tier ranks, looked up once: the suggested (or ceiling) rank, the floor
    /// and the ceiling.
    private let ranks: [(rank: Int, floor: Int?, ceiling: Int?)]
    /// Where each phrase can start: a phrase begins with a word element, so it can match only
    /// at a word that element accepts. `leadingWords` maps each such word to the phrases it
    /// starts (by their index in `phrases`); phrases that begin with a stem are tried at every
    /// word (`alwaysTried`). Each word of a text is looked up once, and only the phrases it
    /// starts are tried, only there: hundreds of phrases narrow to a few per ticket.
    private let phrases: [(pattern: Int, phrase: WordPattern)]
    private let leadingWords: [String: [Int]]
    private let alwaysTried: [Bool]
    private let alwaysTriedIDs: [Int]
    private let indexed: Bool

    /// `indexed: false` tries every phrase at every word, for tests that hold the index to it.
    public init(patterns: [TaskPattern], catalog: ModelCatalog, indexed: Bool = true) {
        self.patterns = patterns
        self.indexed = indexed
        var phrases: [(pattern: Int, phrase: WordPattern)] = []
        var leadingWords: [String: [Int]] = [:]
        var alwaysTried: [Bool] = []
        for (index, pattern) in patterns.enumerated() {
            for phrase in pattern.phrases {
                let id = phrases.count
                phrases.append((index, phrase))
                if case .word(let forms, let stems)? = phrase.elements.first, stems.isEmpty {
                    for word in forms { leadingWords[word, default: []].append(id) }
                    alwaysTried.append(false)
                } else {
                    alwaysTried.append(true)
                }
            }
        }
        self.phrases = phrases
        self.leadingWords = leadingWords
        self.alwaysTried = alwaysTried
        alwaysTriedIDs = alwaysTried.indices.filter { alwaysTried[$0] }
        ranks = patterns.map { pattern in
            (catalog.tier(named: pattern.maximum ?? pattern.suggested)?.rank ?? Int.max,
             pattern.minimum.flatMap { catalog.tier(named: $0)?.rank },
             pattern.maximum.flatMap { catalog.tier(named: $0)?.rank })
        }
    }

    /// One pattern matched in a text, with what ranks it.
    struct Candidate {
        var match: PatternMatch
        var specificity: Int
        var start: Int
        /// The rank of the tier suggested, or of the ceiling when there is one.
        var rank: Int
        /// The ranks of the pattern's floor and ceiling; `nil` when it has none.
        var floor: Int?
        var ceiling: Int?
    }

    /// `strongOnly` leaves out lone words, for prose such as an agent's description.
    public func bestMatch(in text: String, strongOnly: Bool = false) -> PatternMatch? {
        bestMatch(words: WordPattern.words(of: text), strongOnly: strongOnly)
    }

    func bestMatch(words: [String], strongOnly: Bool = false) -> PatternMatch? {
        let found = candidates(words, strongOnly: strongOnly)
        guard let best = best(of: found) else { return nil }
        if best.start > 0, let demanding = mostDemanding(over: best, in: found) { return demanding.match }
        return best.match
    }

    /// The pattern that describes an agent: its name's head, else its role, else the first
    /// clause of its description (multi-word phrases only, since a description mentions many
    /// kinds of work in passing); outranked by a more demanding pattern that its name, role or
    /// any clause of its description matches ("Plans complex zero-downtime migrations").
    public func bestMatch(agentName name: String, role: String, description: String) -> PatternMatch? {
        let nameWords = WordPattern.words(of: name)
        let nameCandidates = candidates(nameWords, strongOnly: false)
        let clauses = description.split(whereSeparator: { ".\n,;:!?".contains($0) }).map { WordPattern.words(of: String($0)) }
        let roleCandidates = candidates(WordPattern.words(of: role), strongOnly: false)
        let clauseCandidates = clauses.map { candidates($0, strongOnly: true) }
        let head = candidates(nameWords, strongOnly: false, throughLastWord: true)
        guard let primary = best(of: head) ?? best(of: roleCandidates) ?? clauseCandidates.first.flatMap(best(of:)) else {
            return nil
        }
        let everything = nameCandidates + roleCandidates + clauseCandidates.flatMap { $0 }
        if let demanding = mostDemanding(over: primary, in: everything) { return demanding.match }
        // A lone word of a more demanding pattern anywhere ("… analyzing its architecture")
        // does not say what the agent does, but it is reason enough to doubt the cheap reading.
        if let ceiling = primary.ceiling {
            let texts = [nameWords, WordPattern.words(of: role)] + clauses
            let doubted = patterns.indices.contains { index in
                (ranks[index].floor ?? Int.min) > ceiling
                    && patterns[index].phrases.contains { phrase in texts.contains { phrase.occurs(in: $0) } }
            }
            if doubted { return nil }
        }
        return primary.match
    }

    /// Every pattern the words match, each by its best phrase; with `throughLastWord`, only
    /// phrases that take in the last word count.
    private func candidates(_ words: [String], strongOnly: Bool, throughLastWord: Bool = false) -> [Candidate] {
        guard !words.isEmpty else { return [] }
        // The positions each phrase can start at, ascending; `nil` for phrases not started here.
        var starts: [Int: [Int]] = [:]
        if indexed {
            for (position, word) in words.enumerated() {
                for id in leadingWords[word] ?? [] { starts[id, default: []].append(position) }
            }
        }
        var best: [Int: Candidate] = [:]
        func consider(_ id: Int, start: Int?) {
            guard let start else { return }
            let (index, phrase) = phrases[id]
            let pattern = patterns[index], (rank, floor, ceiling) = ranks[index]
            let candidate = Candidate(
                match: PatternMatch(pattern: pattern, phrase: phrase.text, patternIndex: index), specificity: phrase.specificity,
                start: start, rank: rank, floor: floor, ceiling: ceiling)
            if best[index].map({ isBetter(candidate, than: $0) }) ?? true { best[index] = candidate }
        }
        let tried = indexed ? (Array(starts.keys) + alwaysTriedIDs).sorted() : Array(phrases.indices)
        for id in tried {
            let phrase = phrases[id].phrase
            guard !(strongOnly && phrase.isLoneWord) else { continue }
            if indexed && !alwaysTried[id] {
                guard let positions = starts[id] else { continue }
                consider(id, start: throughLastWord
                    ? phrase.matchThroughLastWord(in: words, among: positions) : phrase.firstMatch(in: words, among: positions))
            } else {
                consider(id, start: throughLastWord ? phrase.matchThroughLastWord(in: words) : phrase.firstMatch(in: words))
            }
        }
        // In the patterns' order, as the rest of the matcher expects.
        return best.sorted { $0.key < $1.key }.map(\.value)
    }

    private func best(of candidates: [Candidate]) -> Candidate? {
        candidates.reduce(nil) { best, candidate in best.map { isBetter(candidate, than: $0) ? candidate : $0 } ?? candidate }
    }

    private func isBetter(_ candidate: Candidate, than current: Candidate) -> Bool {
        if candidate.specificity != current.specificity { return candidate.specificity > current.specificity }
        if candidate.start != current.start { return candidate.start < current.start }
        return candidate.rank > current.rank
    }

    /// Of the candidates whose floor is above `match`'s ceiling, the most demanding.
    private func mostDemanding(over match: Candidate, in candidates: [Candidate]) -> Candidate? {
        guard let ceiling = match.ceiling else { return nil }
        return candidates.filter { ($0.floor ?? Int.min) > ceiling }.reduce(nil) { best, candidate in
            guard let best else { return candidate }
            if candidate.floor! != best.floor! { return candidate.floor! > best.floor! ? candidate : best }
            return isBetter(candidate, than: best) ? candidate : best
        }
    }
}
