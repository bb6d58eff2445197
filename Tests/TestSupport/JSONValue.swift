import Foundation

/// A parsed JSON document that keeps JSON's own types (Foundation's parser turns `true` and
/// `1` into the same NSNumber, and a schema validator must tell them apart).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && a.allSatisfy { key, value in b.contains { $0.0 == key && $0.1 == value } }
        default: false
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
        return nil
    }

    public subscript(index: Int) -> JSONValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    public var string: String? { if case .string(let text) = self { text } else { nil } }
    public var number: Double? { if case .number(let value) = self { value } else { nil } }
    public var array: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
    public var objectKeys: [String]? { if case .object(let members) = self { members.map(\.0) } else { nil } }

    public static func parse(_ text: String) throws -> JSONValue {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == parser.scalars.count else { throw parser.failure("text after the document") }
        return value
    }

    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0

        func failure(_ what: String) -> ParseError { ParseError(description: "JSON: \(what) at offset \(position)") }

        mutating func skipSpace() {
            while position < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[position]) { position += 1 }
        }

        mutating func value() throws -> JSONValue {
            skipSpace()
            guard position < scalars.count else { throw failure("unexpected end") }
            switch scalars[position] {
            case "{":
                position += 1
                var members: [(String, JSONValue)] = []
                skipSpace()
                if position < scalars.count, scalars[position] == "}" { position += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw failure("a key that is not a string") }
                    skipSpace()
                    guard position < scalars.count, scalars[position] == ":" else { throw failure("missing colon") }
                    position += 1
                    members.append((key, try value()))
                    skipSpace()
                    guard position < scalars.count else { throw failure("unclosed object") }
                    if scalars[position] == "," { position += 1; continue }
                    guard scalars[position] == "}" else { throw failure("expected , or }") }
                    position += 1
                    return .object(members)
                }
            case "[":
                position += 1
                var items: [JSONValue] = []
                skipSpace()
                if position < scalars.count, scalars[position] == "]" { position += 1; return .array(items) }
                while true {
                    items.append(try value())
                    skipSpace()
                    guard position < scalars.count else { throw failure("unclosed array") }
                    if scalars[position] == "," { position += 1; continue }
                    guard scalars[position] == "]" else { throw failure("expected , or ]") }
                    position += 1
                    return .array(items)
                }
            case "\"":
                position += 1
                var text = String.UnicodeScalarView()
                while true {
                    guard position < scalars.count else { throw failure("unclosed string") }
                    let scalar = scalars[position]
                    position += 1
                    if scalar == "\"" { return .string(String(text)) }
                    guard scalar.value >= 0x20 else { throw failure("a raw control character in a string") }
                    guard scalar == "\\" else { text.append(scalar); continue }
                    guard position < scalars.count else { throw failure("unclosed escape") }
                    let escape = scalars[position]
                    position += 1
                    switch escape {
                    case "\"", "\\", "/": text.append(escape)
                    case "n": text.append("\n")
                    case "r": text.append("\r")
                    case "t": text.append("\t")
                    case "b": text.append("\u{08}")
                    case "f": text.append("\u{0C}")
                    case "u":
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code) {
                            guard position + 1 < scalars.count, scalars[position] == "\\", scalars[position + 1] == "u"
                            else { throw failure("a lone surrogate") }
                            position += 2
                            let low = try hex4()
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw failure("an invalid \\u escape") }
                        text.append(scalar)
                    default: throw failure("an unknown escape")
                    }
                }
            case "t": return try literal("true", .bool(true))
            case "f": return try literal("false", .bool(false))
            case "n": return try literal("null", .null)
            default:
                let start = position
                while position < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[position]) { position += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<position]))
                guard let number = Double(text) else { throw failure("an invalid value") }
                return .number(number)
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard position + 4 <= scalars.count,
                  let code = UInt32(String(String.UnicodeScalarView(scalars[position..<position + 4])), radix: 16)
            else { throw failure("an invalid \\u escape") }
            position += 4
            return code
        }

        mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
            let characters = Array(word.unicodeScalars)
            guard position + characters.count <= scalars.count, Array(scalars[position..<position + characters.count]) == characters
            else { throw failure("an invalid literal") }
            position += characters.count
            return value
        }
    }
}
