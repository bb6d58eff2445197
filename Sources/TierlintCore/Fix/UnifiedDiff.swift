/// A unified diff of two versions of a file, as `git diff` prints it, with three lines of
/// context. Lines are compared from both ends and in between by a longest-common-subsequence
/// over the differing middle only, which is small for the changes `fix` makes.
public enum UnifiedDiff {
    public static func render(path: String, original: [UInt8], fixed: [UInt8], context: Int = 3) -> String {
        let old = lines(original), new = lines(fixed)
        guard old != new else { return "" }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let oldMiddle = Array(old[prefix..<(old.count - suffix)])
        let newMiddle = Array(new[prefix..<(new.count - suffix)])

        // Edit script over the middle: (old index, new index) pairs that match.
        var operations: [(kind: Character, text: String)] = []
        let matches = commonSubsequence(oldMiddle, newMiddle)
        var i = 0, j = 0
        for (mi, mj) in matches {
            while i < mi { operations.append(("-", oldMiddle[i])); i += 1 }
            while j < mj { operations.append(("+", newMiddle[j])); j += 1 }
            operations.append((" ", oldMiddle[i]))
            i += 1
            j += 1
        }
        while i < oldMiddle.count { operations.append(("-", oldMiddle[i])); i += 1 }
        while j < newMiddle.count { operations.append(("+", newMiddle[j])); j += 1 }

        let all = old[..<prefix].map { (Character(" "), $0) } + operations + old[(old.count - suffix)...].map { (Character(" "), $0) }
        // Group changes into hunks with `context` lines around them.
        var output = "--- a/\(path)\n+++ b/\(path)\n"
        var index = 0
        var oldLine = 1, newLine = 1
        while index < all.count {
            guard let changeStart = all[index...].firstIndex(where: { $0.0 != " " }) else { break }
            var end = changeStart
            var lastChange = changeStart
            while end < all.count {
                if all[end].0 != " " { lastChange = end }
                if end - lastChange > context * 2 { break }
                end += 1
            }
            let hunkStart = max(index, changeStart - context)
            let hunkEnd = min(all.count, lastChange + context + 1)
            // Advance the line counters to the hunk's start.
            for k in index..<hunkStart {
                if all[k].0 != "+" { oldLine += 1 }
                if all[k].0 != "-" { newLine += 1 }
            }
            let hunk = all[hunkStart..<hunkEnd]
            let oldCount = hunk.count { $0.0 != "+" }, newCount = hunk.count { $0.0 != "-" }
            output += "@@ -\(oldCount == 0 ? oldLine - 1 : oldLine),\(oldCount) +\(newCount == 0 ? newLine - 1 : newLine),\(newCount) @@\n"
            for (kind, text) in hunk { output += "\(kind)\(text)\n" }
            oldLine += oldCount
            newLine += newCount
            index = hunkEnd
        }
        return output
    }

    private static func lines(_ bytes: [UInt8]) -> [String] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Indices of a longest common subsequence, by dynamic programming over the two middles.
    private static func commonSubsequence(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        guard !a.isEmpty, !b.isEmpty, a.count * b.count <= 4_000_000 else { return [] }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }
}
