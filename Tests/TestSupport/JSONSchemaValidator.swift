import Foundation

/// Validates a JSON document against a JSON Schema (draft-04), with the keywords the
/// official SARIF 2.1.0 schema uses: type, $ref, properties, additionalProperties,
/// required, items, minItems, uniqueItems, minimum, maximum, pattern, format, enum, anyOf,
/// oneOf, allOf. Returns every violation with its JSON path; an empty list means valid.
public struct JSONSchemaValidator {
    public let schema: JSONValue

    public init(schema: JSONValue) {
        self.schema = schema
    }

    public init(schemaFile: String) throws {
        try self.init(schema: JSONValue.parse(String(contentsOfFile: schemaFile, encoding: .utf8)))
    }

    public func violations(of document: JSONValue) -> [String] {
        var found: [String] = []
        validate(document, against: schema, path: "$", into: &found)
        return found
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: JSONValue? = schema
        for part in reference.dropFirst(2).split(separator: "/") {
            node = node?[String(part).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
        }
        return node
    }

    private func validate(_ value: JSONValue, against schema: JSONValue, path: String, into found: inout [String]) {
        if let reference = schema["$ref"]?.string {
            guard let target = resolve(reference) else {
                found.append("\(path): unresolvable $ref \(reference)")
                return
            }
            validate(value, against: target, path: path, into: &found)
            return
        }
        if let type = schema["type"] {
            let allowed = type.array?.compactMap(\.string) ?? [type.string].compactMap { $0 }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                found.append("\(path): expected \(allowed.joined(separator: " or ")), found \(Self.typeName(value))")
                return
            }
        }
        if let options = schema["enum"]?.array, !options.contains(value) {
            found.append("\(path): \(Self.describe(value)) is not one of the allowed values")
        }
        for (keyword, count) in [("anyOf", 1...Int.max), ("oneOf", 1...1)] {
            guard let alternatives = schema[keyword]?.array else { continue }
            let passing = alternatives.count { alternative in
                var inner: [String] = []
                validate(value, against: alternative, path: path, into: &inner)
                return inner.isEmpty
            }
            if !count.contains(passing) { found.append("\(path): matches \(passing) of the \(keyword) alternatives") }
        }
        for alternative in schema["allOf"]?.array ?? [] {
            validate(value, against: alternative, path: path, into: &found)
        }
        switch value {
        case .object(let members):
            let properties = schema["properties"]
            for required in schema["required"]?.array?.compactMap(\.string) ?? [] where !members.contains(where: { $0.0 == required }) {
                found.append("\(path): missing required property \"\(required)\"")
            }
            for (key, member) in members {
                let memberPath = "\(path).\(key)"
                if let propertySchema = properties?[key] {
                    validate(member, against: propertySchema, path: memberPath, into: &found)
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        found.append("\(path): property \"\(key)\" is not allowed")
                    } else if additional != .bool(true) {
                        validate(member, against: additional, path: memberPath, into: &found)
                    }
                }
            }
        case .array(let items):
            if let minimum = schema["minItems"]?.number, Double(items.count) < minimum {
                found.append("\(path): \(items.count) items, fewer than \(Int(minimum))")
            }
            if schema["uniqueItems"] == .bool(true) {
                for (index, item) in items.enumerated() where items[..<index].contains(item) {
                    found.append("\(path)[\(index)]: a duplicate item")
                }
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    validate(item, against: itemSchema, path: "\(path)[\(index)]", into: &found)
                }
            }
        case .number(let number):
            if let minimum = schema["minimum"]?.number, number < minimum {
                found.append("\(path): \(number) is below the minimum \(minimum)")
            }
            if let maximum = schema["maximum"]?.number, number > maximum {
                found.append("\(path): \(number) is above the maximum \(maximum)")
            }
        case .string(let text):
            if let pattern = schema["pattern"]?.string {
                if let regex = try? NSRegularExpression(pattern: pattern),
                   regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    found.append("\(path): \"\(text)\" does not match \(pattern)")
                }
            }
            if let format = schema["format"]?.string, !Self.conforms(text, format: format) {
                found.append("\(path): \"\(text)\" is not a valid \(format)")
            }
        default:
            break
        }
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
             ("number", .number): true
        case ("integer", .number(let number)): number == number.rounded()
        default: false
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    static func describe(_ value: JSONValue) -> String {
        if case .string(let text) = value { return "\"\(text)\"" }
        return typeName(value)
    }

    /// The formats SARIF uses. A URI may not hold spaces or characters outside RFC 3986;
    /// a `uri` must have a scheme, a `uri-reference` need not.
    static func conforms(_ text: String, format: String) -> Bool {
        switch format {
        case "uri", "uri-reference":
            let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")
            guard text.unicodeScalars.allSatisfy(allowed.contains) else { return false }
            if format == "uri" {
                guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
                      text[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return false }
            }
            return true
        case "date-time":
            return text.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$"#, options: .regularExpression) != nil
        default:
            return true
        }
    }
}
