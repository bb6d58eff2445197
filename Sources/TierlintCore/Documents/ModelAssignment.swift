import TierlintMarkdown
/// The model a ticket or agent is assigned, as written and as the catalog reads it.
public struct ModelAssignment: Sendable, Equatable {
    /// One model name as written, and what the catalog makes of it.
    public struct Name: Sendable, Equatable {
        public var written: String
        public var resolution: ModelResolution
    }

    public enum State: Sendable, Equatable {
        /// No model: the field is absent or the cell is empty, `-`, `TBD` and the like.
        case missing
        /// One or more model names (a list, or an escalation such as `haiku → sonnet`).
        case named([Name])
        /// A value that cannot be a model name (a number, a mapping).
        case invalid(String)
    }

    public var state: State
    /// Where the value is written (or where it should be, when missing).
    public var line: Int
    public var column: Int
    /// The models are written as an escalation, `haiku → sonnet`: tried in that order.
    public var isEscalation = false
    /// For a missing model, the placeholder written in its place (`TBD`, `?`), if any.
    public var placeholder: String?

    public init(state: State, line: Int, column: Int, isEscalation: Bool = false) {
        self.state = state
        self.line = line
        self.column = column
        self.isEscalation = isEscalation
    }

    public var names: [Name] {
        if case .named(let names) = state { return names }
        return []
    }

    public var isMissing: Bool { state == .missing }

    public var isInherit: Bool { names.contains { $0.resolution == .inherit } }

    /// The tier the work may actually run on: the lowest of its models, since any of them
    /// may be the one used. `nil` when a model is unknown or inherited, or none is given.
    public var effectiveTier: Tier? {
        var lowest: Tier?
        for name in names {
            guard case .known(let entry) = name.resolution else { return nil }
            if lowest == nil || entry.tier < lowest! { lowest = entry.tier }
        }
        return lowest
    }

    /// The text as written, for messages.
    public var writtenText: String {
        names.map(\.written).joined(separator: ", ")
    }
}

extension ModelAssignment {
    /// Reads a model as written in a backlog cell or a frontmatter string.
    ///
    /// A whole name is tried first ("Claude Sonnet 4.5 (copilot)", "GPT-5.4 Thinking"); when it is
    /// not a model, the text is read as a sequence of models ("haiku → sonnet", "sonnet/opus"),
    /// and parenthetical notes ("sonnet (upgrade: opus)") are set aside.
    static func parse(
        _ text: String, line: Int, column: Int, catalog: ModelCatalog, missingValues: Set<String>
    ) -> ModelAssignment {
        let trimmed = text.trimmingSpaces()
        if missingValues.contains(trimmed.lowercased()) || trimmed.allSatisfy({ !$0.isLetter && !$0.isNumber }) {
            var missing = ModelAssignment(state: .missing, line: line, column: column)
            if !trimmed.isEmpty { missing.placeholder = trimmed }
            return missing
        }
        let withoutNotes = removingParentheticals(trimmed)
        // "haiku → sonnet", "haiku, sonnet", "haiku or sonnet": a list of models.
        let parts = splitModels(withoutNotes, separators: listSeparators)
        // A few models make an escalation; dozens make a cell that is not about one ticket's model.
        if parts.count > 1 && parts.count <= 8 {
            let names = parts.map { Name(written: $0, resolution: catalog.resolve($0)) }
            if names.contains(where: { !isUnknown($0.resolution) }) {
                let isEscalation = escalationSeparators.contains { withoutNotes.contains($0) }
                return ModelAssignment(state: .named(names), line: line, column: column, isEscalation: isEscalation)
            }
            return ModelAssignment(
                state: .named([Name(written: trimmed, resolution: catalog.resolve(trimmed))]), line: line, column: column)
        }
        // "sonnet/opus" is two models; "anthropic/claude-sonnet-4-5" is one with its provider.
        let slashParts = splitModels(withoutNotes, separators: ["/"])
        if slashParts.count > 1 {
            let names = slashParts.map { Name(written: $0, resolution: catalog.resolve($0)) }
            if names.allSatisfy({ !isUnknown($0.resolution) }) {
                return ModelAssignment(state: .named(names), line: line, column: column)
            }
        }
        let whole = catalog.resolve(trimmed)
        if isUnknown(whole), withoutNotes != trimmed, !isUnknown(catalog.resolve(withoutNotes)) {
            // "sonnet (upgrade: opus)": the note is not part of the name.
            return ModelAssignment(
                state: .named([Name(written: withoutNotes, resolution: catalog.resolve(withoutNotes))]), line: line, column: column)
        }
        return ModelAssignment(state: .named([Name(written: trimmed, resolution: whole)]), line: line, column: column)
    }

    private static func isUnknown(_ resolution: ModelResolution) -> Bool {
        if case .unknown = resolution { return true }
        return false
    }

    static func removingParentheticals(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { result.append(character) }
        }
        return result.trimmingSpaces()
    }

    static let escalationSeparators: Set<String> = ["→", "->", "=>", "⇒", "➜"]
    static let listSeparators: Set<String> = escalationSeparators.union([",", ";", "|", "+", "&"])

    /// Splits "haiku → sonnet", "haiku, sonnet", "haiku or sonnet" at the given separators and
    /// at the words "or", "then" and "and", in one pass over the text.
    static func splitModels(_ text: String, separators: Set<String>) -> [String] {
        var parts: [String] = []
        var current = ""
        func finish() {
            let words = current.split(separator: " ", omittingEmptySubsequences: true)
            var part: [Substring] = []
            for word in words {
                if ["or", "then", "and"].contains(word.lowercased()) {
                    if !part.isEmpty { parts.append(part.joined(separator: " ")) }
                    part = []
                } else {
                    part.append(word)
                }
            }
            if !part.isEmpty { parts.append(part.joined(separator: " ")) }
            current = ""
        }
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            if index + 1 < characters.count, separators.contains(String(characters[index...index + 1])) {
                finish()
                index += 2
            } else if separators.contains(String(characters[index])) {
                finish()
                index += 1
            } else {
                current.append(characters[index])
                index += 1
            }
        }
        finish()
        return parts.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}
