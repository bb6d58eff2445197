import Foundation

/// A model's list price in US dollars per million tokens, input and output, held in exact
/// decimal: money is never computed in floating point.
public struct Price: Sendable, Equatable, Hashable {
    public var input: Decimal
    public var output: Decimal

    public init(input: Decimal, output: Decimal) {
        self.input = input
        self.output = output
    }

    /// The price of a million tokens at three input tokens to one output token, the usual
    /// way to compare models on one number.
    public var blended: Decimal {
        (input * 3 + output) / 4
    }

    /// Reads `[3, 15]` or `{input: 3, output: 15}`.
    static func read(_ field: YAMLField) throws -> Price {
        func amount(_ field: YAMLField) throws -> Decimal {
            let text = try field.string().trimmingSpaces().replacingOccurrences(of: "$", with: "")
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value >= 0,
                  text.allSatisfy({ $0.isNumber || $0 == "." }) else {
                throw field.error("a price is a number of dollars per million tokens, such as 3 or 0.80, not \"\(text)\"")
            }
            return value
        }
        if case .scalar = field.node {
            throw field.error("a price is [input, output] or {input: ..., output: ...}, in dollars per million tokens")
        }
        if let items = try? field.sequence() {
            guard items.count == 2 else { throw field.error("a price is [input, output], in dollars per million tokens") }
            return Price(input: try amount(items[0]), output: try amount(items[1]))
        }
        var input: Decimal?, output: Decimal?
        for (key, value) in try field.mapping(allowedKeys: ["input", "output"]) {
            if key == "input" { input = try amount(value) } else { output = try amount(value) }
        }
        guard let input, let output else { throw field.error("a price needs both `input` and `output`") }
        return Price(input: input, output: output)
    }
}
