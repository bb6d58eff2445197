import TierlintMarkdown
/// How tierlint compares model names: case, backticks, emphasis and quotes do not matter,
/// and spaces, dots and underscores count as hyphens ("Claude Sonnet 4.5" is claude-sonnet-4-5).
enum ModelName {
    static func key(_ raw: String) -> String {
        var text = Substring(raw.trimmingSpaces())
        // Emphasis, code marks, quotes and decorations such as emoji around the name.
        while let first = text.first, !first.isLetter, !first.isNumber, first != "[", first != "(" { text.removeFirst() }
        while let last = text.last, !last.isLetter, !last.isNumber, last != "]", last != ")" { text.removeLast() }
        var key = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character == "-" || character == "." || character == "_" || character.isWhitespace {
                pendingHyphen = !key.isEmpty
                continue
            }
            if pendingHyphen { key.append("-") }
            pendingHyphen = false
            key.append(character)
        }
        return key
    }

    /// A family pattern (`claude-*opus*`) in the same form as keys, with its wildcards kept.
    static func pattern(_ raw: String) -> String {
        var pattern = ""
        for character in raw.lowercased() where !character.isWhitespace || !pattern.isEmpty {
            pattern.append(character == "." || character == "_" || character.isWhitespace ? "-" : character)
        }
        return pattern
    }

    /// The forms a written name may be the decorated version of, most specific first:
    /// without a parenthetical note ("(copilot)"), a context suffix ("[1m]"), a provider prefix
    /// ("anthropic/"), a Vertex date ("@20250929"), a Bedrock wrapper ("us.anthropic.…-v1:0"),
    /// and then without trailing dates and version tags.
    static func candidates(_ key: String) -> [String] {
        var forms: [String] = []
        func add(_ form: String) {
            if !form.isEmpty, !forms.contains(form) { forms.append(form) }
        }
        var form = key
        add(form)
        if form.hasSuffix(")"), let open = form.lastIndex(of: "(") {
            form = String(form[..<open]).trimmingHyphens()
            add(form)
        }
        if form.hasSuffix("]"), let open = form.lastIndex(of: "[") {
            form = String(form[..<open]).trimmingHyphens()
            add(form)
        }
        if let slash = form.lastIndex(of: "/") {
            form = String(form[form.index(after: slash)...])
            add(form)
        }
        if let at = form.firstIndex(of: "@") {
            form = String(form[..<at])
            add(form)
        }
        if let range = form.range(of: "anthropic-"), form[..<range.lowerBound].allSatisfy({ $0.isLetter || $0 == "-" }),
           form[..<range.lowerBound].count <= 8 {
            form = String(form[range.upperBound...])
            add(form)
        }
        while let shorter = droppingVersionTag(form) {
            form = shorter
            add(form)
        }
        return forms
    }

    /// Drops one trailing date (`-20250929`, `-2024-08-06`), snapshot number (`-0613`, `-002`),
    /// Bedrock version (`-v1:0`) or channel (`-latest`, `-preview`).
    private static func droppingVersionTag(_ form: String) -> String? {
        var parts = form.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count > 1, let last = parts.last else { return nil }
        if parts.count > 3, last.count == 2, last.allSatisfy(\.isNumber),
           parts[parts.count - 2].count == 2, parts[parts.count - 2].allSatisfy(\.isNumber),
           parts[parts.count - 3].count == 4, parts[parts.count - 3].allSatisfy(\.isNumber) {
            parts.removeLast(3)
            return parts.joined(separator: "-")
        }
        let channels: Set<Substring> = ["latest", "preview", "exp", "experimental", "beta"]
        let isSnapshot = last.count >= 3 && last.allSatisfy(\.isNumber)
        let isBedrockVersion = last.first == "v" && last.dropFirst().allSatisfy { $0.isNumber || $0 == ":" } && last.count > 1
        guard isSnapshot || isBedrockVersion || channels.contains(last) else { return nil }
        parts.removeLast()
        return parts.joined(separator: "-")
    }
}

extension String {
    func trimmingHyphens() -> String {
        var text = Substring(self)
        while text.first == "-" { text.removeFirst() }
        while text.last == "-" { text.removeLast() }
        return String(text)
    }
}
