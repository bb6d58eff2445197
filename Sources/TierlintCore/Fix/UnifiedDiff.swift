/// A unified diff of two versions of a file, as `git diff` prints it, with three lines of
/// context, that `git apply` accepts: lines are split at LF only, so a CR stays part of its
/// line, and a missing final newline is marked. The differing middle is aligned by a longest
/// common subsequence, which is small for the changes `fix` makes.
public enum UnifiedDiff {
    /// A line's bytes without its LF, and whether it had one.
    struct Line: Equatable {
        var bytes: ArraySlice<UInt8>
        var endsWithNewline: Bool
    }

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

        var operations: [(kind: Character, line: Line)] = old[..<prefix].map { (" ", $0) }
        var i = 0, j = 0
        for (mi, mj) in commonSubsequence(oldMiddle, newMiddle) {
            while i < mi { operations.append(("-", oldMiddle[i])); i += 1 }
            while j < mj { operations.append(("+", newMiddle[j])); j += 1 }
            operations.append((" ", oldMiddle[i]))
            i += 1
            j += 1
        }
        while i < oldMiddle.count { operations.append(("-", oldMiddle[i])); i += 1 }
        while j < newMiddle.count { operations.append(("+", newMiddle[j])); j += 1 }
        operations += old[(old.count - suffix)...].map { (" ", $0) }

        var output = Array("--- a/\(path)\n+++ b/\(path)\n".utf8)
        var index = 0, oldLine = 1, newLine = 1
        while let changeStart = operations[index...].firstIndex(where: { $0.kind != " " }) {
            var lastChange = changeStart
            var end = changeStart
            while end < operations.count, end - lastChange <= context * 2 {
                if operations[end].kind != " " { lastChange = end }
                end += 1
            }
            let hunkStart = max(index, changeStart - context)
            let hunkEnd = min(operations.count, lastChange + context + 1)
            for k in index..<hunkStart {
                if operations[k].kind != "+" { oldLine += 1 }
                if operations[k].kind != "-" { newLine += 1 }
            }
            let hunk = operations[hunkStart..<hunkEnd]
            let oldCount = hunk.count { $0.kind != "+" }, newCount = hunk.count { $0.kind != "-" }
            output += Array("@@ -\(oldCount == 0 ? oldLine - 1 : oldLine),\(oldCount) +\(newCount == 0 ? newLine - 1 : newLine),\(newCount) @@\n".utf8)
            for (kind, line) in hunk {
                output += Array(String(kind).utf8) + line.bytes + [0x0A]
                if !line.endsWithNewline { output += Array("\\ No newline at end of file\n".utf8) }
            }
            oldLine += oldCount
            newLine += newCount
            index = hunkEnd
            if index >= operations.count { break }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func lines(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        while start < bytes.count {
            if let newline = bytes[start...].firstIndex(of: 0x0A) {
                lines.append(Line(bytes: bytes[start..<newline], endsWithNewline: true))
                start = newline + 1
            } else {
                lines.append(Line(bytes: bytes[start...], endsWithNewline: false))
                break
            }
        }
        return lines
    }

    /// Indices of a longest common subsequence, by dynamic programming over the two middles.
    private static func commonSubsequence(_ a: [Line], _ b: [Line]) -> [(Int, Int)] {
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
