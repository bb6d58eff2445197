import TierlintMarkdown
import Yams

/// A problem in a YAML file tierlint reads for itself (`.tierlint.yml`, the model catalog):
/// the file, the key and the line, and a sentence that says what to write instead.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        let subject = key.map { " `\($0)`:" } ?? ""
        return "\(place):\(subject) \(message)"
    }
}

/// A node of a YAML document on its way to a typed value, carrying where it came from.
/// Reading never recurses past what the caller asks for, so alias-heavy input stays cheap.
struct YAMLField {
    let node: Node
    let file: String
    /// Dotted path of the key this node is the value of; empty at the root.
    let key: String

    var line: Int? { node.mark?.line }

    func error(_ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: line, key: key.isEmpty ? nil : key, message: message)
    }

    private func child(_ node: Node, _ name: String) -> YAMLField {
        YAMLField(node: node, file: file, key: key.isEmpty ? name : "\(key).\(name)")
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return PlainScalar.isNull(node) || scalar.string.isEmpty
    }

    /// The fields of a mapping, in order, with each unknown key reported.
    func mapping(allowedKeys: Set<String>? = nil) throws -> [(name: String, field: YAMLField)] {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping of keys to values, got \(kindDescription)")
        }
        var fields: [(String, YAMLField)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw YAMLField(node: keyNode, file: file, key: key).error("keys must be plain words")
            }
            let name = scalar.string
            let field = child(valueNode, name)
            if let allowedKeys, !allowedKeys.contains(name) {
                let known = allowedKeys.sorted().joined(separator: ", ")
                throw YAMLField(node: keyNode, file: file, key: field.key)
                    .error("unknown key; known keys here are \(known)")
            }
            fields.append((name, field))
        }
        return fields
    }

    func sequence() throws -> [YAMLField] {
        guard case .sequence(let sequence) = node else {
            throw error("expected a list, got \(kindDescription)")
        }
        return sequence.enumerated().map { index, element in
            YAMLField(node: element, file: file, key: "\(key)[\(index)]")
        }
    }

    /// A list, or a single value standing for a list of one.
    func sequenceOrSingle() throws -> [YAMLField] {
        if case .sequence = node { return try sequence() }
        return [self]
    }

    func string() throws -> String {
        guard case .scalar(let scalar) = node, !isNull else {
            throw error("expected a text value, got \(kindDescription)")
        }
        return scalar.string
    }

    func strings() throws -> [String] {
        try sequenceOrSingle().map { try $0.string() }
    }

    func int(in range: ClosedRange<Int>? = nil) throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw error("expected a whole number, got \(kindDescription)")
        }
        if let range, !range.contains(value) {
            throw error("expected a number from \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
        return value
    }

    func bool() throws -> Bool {
        guard case .scalar(let scalar) = node else { throw error("expected true or false, got \(kindDescription)") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, got \"\(scalar.string)\"")
        }
    }

    /// A share written as `20%` or as a fraction `0.2`.
    func share() throws -> Double {
        guard case .scalar(let scalar) = node else { throw error("expected a share such as 20% or 0.2, got \(kindDescription)") }
        let text = scalar.string.trimmingSpaces()
        if text.hasSuffix("%"), let percent = Double(text.dropLast().trimmingSpaces()), (0...100).contains(percent) {
            return percent / 100
        }
        if let fraction = Double(text), (0...1).contains(fraction) {
            return fraction
        }
        throw error("expected a share such as 20% or 0.2, got \"\(text)\"")
    }

    /// A size in bytes, written as a number or with a unit: `512KB`, `8MiB`, `1 MB`.
    func byteSize() throws -> Int {
        guard case .scalar(let scalar) = node else { throw error("expected a size such as 8MiB, got \(kindDescription)") }
        let text = scalar.string.trimmingSpaces().lowercased()
        let digits = text.prefix { $0.isNumber }
        let unit = text.dropFirst(digits.count).trimmingSpaces()
        let multipliers: [String: Int] = [
            "": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
            "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
        ]
        guard let number = Int(digits), let multiplier = multipliers[unit], number > 0 else {
            throw error("expected a size such as 8MiB or 500KB, got \"\(scalar.string)\"")
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? Int.max : bytes
    }

    var kindDescription: String {
        switch node {
        case .scalar(let scalar):
            return isNull ? "nothing" : "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

enum YAMLDocument {
    /// Parses one YAML document, turning libyaml's errors into a `ConfigurationError` with a line.
    static func root(_ text: String, file: String) throws -> YAMLField? {
        do {
            guard let node = try YAMLAliasBudget.compose(text) else { return nil }
            return YAMLField(node: node, file: file, key: "")
        } catch let error as YamlError {
            let problem = YAMLProblem(error, in: text)
            throw ConfigurationError(file: file, line: problem.line, key: nil, message: problem.message)
        } catch let exceeded as YAMLAliasBudget.Exceeded {
            throw ConfigurationError(file: file, line: exceeded.line, key: nil, message: exceeded.message("the file"))
        }
    }
}

/// The line and a readable sentence from a libyaml error.
struct YAMLProblem {
    var line: Int?
    var message: String

    /// The problem, its line kept inside `text`: at the end of a file without a final newline
    /// libyaml reports the line after the last.
    init(_ error: Error, in text: String) {
        self.init(error)
        if let reported = line {
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).count
            line = min(max(reported, 1), max(lines, 1))
        }
    }

    init(_ error: Error) {
        guard let error = error as? YamlError else {
            line = nil
            message = "\(error)"
            return
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            line = mark.line
            // libyaml's own words name the C function that raises its limit.
            if problem.hasPrefix("Maximum nesting level reached") {
                message = "invalid YAML: nested more than 1000 levels deep"
                return
            }
            let contextText = context.map { " \($0.text)" } ?? ""
            message = "invalid YAML: \(problem)\(contextText)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            line = context.mark.line
            let names = duplicates.filter { $0 != "<uncovertable>" }.map { "`\($0)`" }.joined(separator: ", ")
            let keys = names.isEmpty ? "a duplicate key" : "duplicate key \(names)"
            message = "invalid YAML: \(keys); a tool reading this file may take either value"
        case .reader(let problem, _, _, _):
            line = nil
            message = "invalid YAML: \(problem)"
        default:
            line = nil
            message = "invalid YAML: \(error)"
        }
    }
}
