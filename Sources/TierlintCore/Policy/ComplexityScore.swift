import TierlintMarkdown

/// Seed 001's complexity assessment: three questions scored low (1), medium (2) or high (3):
/// does the work need multi-step reasoning, does it involve judgement, what does getting it
/// wrong cost. The sum implies a tier: 3-4 haiku, 5-6 sonnet, 7-9 opus.
public struct ComplexityScore: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        /// The three scores, in the order reasoning, judgement, cost of being wrong.
        case scores([Int])
        case total(Int)
        case invalid(String)
    }

    public var value: Value
    public var line: Int
    public var column: Int

    /// The sum, when the assessment is valid.
    public var total: Int? {
        switch value {
        case .scores(let scores): scores.reduce(0, +)
        case .total(let total): total
        case .invalid: nil
        }
    }

    /// The tier the sum implies under `policy`.
    public func impliedTier(_ policy: ComplexityPolicy, catalog: ModelCatalog) -> Tier? {
        guard let total else { return nil }
        let name = total <= policy.haikuMaximum ? "haiku" : total <= policy.sonnetMaximum ? "sonnet" : "opus"
        return catalog.tier(named: name)
    }

    /// `2`, `medium`, `Med`, `M`: one score from 1 to 3.
    static func score(_ text: String) -> Int? {
        let word = text.trimmingSpaces().lowercased()
        switch word {
        case "1", "low", "l", "lo": return 1
        case "2", "medium", "med", "m", "mid", "moderate": return 2
        case "3", "high", "h", "hi": return 3
        default: return nil
        }
    }

    /// `7`, `7/9`, `2+3+2`: a total from 3 to 9. Anything else (`High`, story points such as
    /// 13) is some other scale, not seed 001's assessment, and gives `nil`; only a sum that is
    /// not three scores of 1-3 is an unreadable assessment.
    static func totalValue(_ text: String) -> Value? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return nil }
        if trimmed.contains("+") {
            let parts = trimmed.split(separator: "+").map { score(String($0)) }
            guard parts.count == 3, parts.allSatisfy({ $0 != nil }) else {
                return .invalid("\"\(trimmed)\" is not three scores of 1-3 added up")
            }
            return .scores(parts.map { $0! })
        }
        let number = trimmed.split(separator: "/").first.map { String($0).trimmingSpaces() } ?? trimmed
        guard let total = Int(number), (3...9).contains(total) else { return nil }
        return .total(total)
    }

    /// The assessment in a ticket's columns, when its table has one: all three score columns,
    /// or a total column holding a 3-9 total. A lone Risk or Complexity column of other values
    /// is some other scale, not seed 001's assessment.
    static func from(_ ticket: Ticket, policy: ComplexityPolicy) -> ComplexityScore? {
        from(ticket, columns: ComplexityColumns(policy))
    }

    static func from(_ ticket: Ticket, columns: ComplexityColumns) -> ComplexityScore? {
        func column(_ keys: [String]) -> String? {
            keys.first { ticket.cells.keys.contains($0) }
        }
        let questions = [columns.reasoning, columns.judgement, columns.risk].map(column)
        if questions.allSatisfy({ $0 != nil }) {
            let parts = questions.map { ticket.cells.cell(named: $0!)! }
            let column = parts[0].column
            let missing = parts.filter { $0.text.trimmingSpaces().isEmpty }.count
            if missing == 3 { return nil }
            if missing > 0 {
                return ComplexityScore(
                    value: .invalid("the assessment needs all three scores (reasoning, judgement, cost of being wrong); \(missing) missing"),
                    line: ticket.line, column: column)
            }
            let scores = parts.map { score($0.text) }
            if let bad = zip(parts, scores).first(where: { $1 == nil }) {
                return ComplexityScore(
                    value: .invalid("\"\(bad.0.text)\" is not a score; write 1-3 or low, medium, high"),
                    line: ticket.line, column: bad.0.column)
            }
            return ComplexityScore(value: .scores(scores.map { $0! }), line: ticket.line, column: column)
        }
        if let name = column(columns.total), let total = ticket.cells.cell(named: name), let value = totalValue(total.text) {
            return ComplexityScore(value: value, line: ticket.line, column: total.column)
        }
        return nil
    }
}

/// The header keys of the assessment's columns, worked out once per check rather than for
/// every ticket.
struct ComplexityColumns: Sendable {
    var reasoning: [String]
    var judgement: [String]
    var risk: [String]
    var total: [String]

    init(_ policy: ComplexityPolicy) {
        reasoning = policy.reasoningColumns.map(ColumnVocabulary.key)
        judgement = policy.judgementColumns.map(ColumnVocabulary.key)
        risk = policy.riskColumns.map(ColumnVocabulary.key)
        total = policy.totalColumns.map(ColumnVocabulary.key)
    }
}
