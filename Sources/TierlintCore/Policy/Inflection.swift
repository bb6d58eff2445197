/// Regular English inflections, for matching a word as written in a title or description.
enum Inflection {
    /// A word's regular inflections: plural, past, gerund, agent noun and -ion forms, with a
    /// digit suffix allowed (`oauth2`, `sha256`).
    static func forms(of word: String) -> Set<String> {
        var forms: Set<String> = [word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "er", word + "ers"]
        forms.insert(word + "ion")
        forms.insert(word + "ions")
        if word.hasSuffix("e") {
            let stem = String(word.dropLast())
            forms.formUnion([stem + "ing", stem + "ion", stem + "ions"])
        }
        if word.hasSuffix("y") {
            let stem = String(word.dropLast())
            forms.formUnion([stem + "ies", stem + "ied"])
        }
        for digit in 0...9 { forms.insert(word + String(digit)) }
        return forms
    }
}
