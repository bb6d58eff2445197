/// Matching of `*`, `?` and `#` (one digit) wildcards in one string, with the classic greedy
/// backtrack-to-last-star algorithm: at most O(pattern × text), never exponential.
enum Wildcard {
    static func matches<P: Collection, T: Collection>(_ pattern: P, _ text: T) -> Bool
    where P.Element == Character, T.Element == Character {
        matches(Array(pattern), Array(text))
    }

    static func matches(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0, t = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || (pattern[p] == "#" && text[t].isASCII && text[t].isNumber)
                || (pattern[p] != "*" && pattern[p] != "#" && pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let starIndex = star {
                p = starIndex + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
