/// A path pattern as `.gitignore` and most linters write it: `*` and `?` within one path
/// segment, `**` for any number of segments, `{a,b}` for alternatives. A pattern with no
/// slash matches a file name at any depth (`*.md`); a pattern ending in `/` matches
/// everything under that folder.
public struct PathGlob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let alternatives: [[Segment]]

    private enum Segment: Sendable, Equatable {
        case anyDepth
        case name([Character])
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        alternatives = PathGlob.expandBraces(pattern).map(PathGlob.compile)
    }

    public var description: String { pattern }

    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) }
        return alternatives.contains { PathGlob.match($0, parts) }
    }

    private static func compile(_ pattern: String) -> [Segment] {
        var text = pattern
        if text.hasPrefix("./") { text.removeFirst(2) }
        var anchored = text.hasPrefix("/") || text.dropLast().contains("/")
        if text.hasPrefix("/") { text.removeFirst() }
        if text.hasSuffix("/") {
            text += "**"
            anchored = true
        }
        var segments: [Segment] = anchored ? [] : [.anyDepth]
        for part in text.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "**" {
                if segments.last != .anyDepth { segments.append(.anyDepth) }
            } else {
                segments.append(.name(Array(part)))
            }
        }
        return segments
    }

    /// Dynamic programming over (pattern segment, path segment): O(pattern × path), no backtracking blow-up.
    private static func match(_ segments: [Segment], _ parts: [[Character]]) -> Bool {
        var reachable = [Bool](repeating: false, count: parts.count + 1)
        reachable[0] = true
        for segment in segments {
            var next = [Bool](repeating: false, count: parts.count + 1)
            switch segment {
            case .anyDepth:
                var seen = false
                for index in 0...parts.count {
                    seen = seen || reachable[index]
                    next[index] = seen
                }
            case .name(let name):
                for index in 0..<parts.count where reachable[index] && Wildcard.matches(name, parts[index]) {
                    next[index + 1] = true
                }
            }
            reachable = next
        }
        return reachable[parts.count]
    }

    /// `{a,b}c` → `ac`, `bc`. Innermost braces are expanded first, iteratively; the number of
    /// brace groups and of alternatives is capped, so a hostile pattern can neither exhaust the
    /// stack nor multiply without bound. `ConfigurationLoader` rejects patterns over the cap.
    static let maximumBraceGroups = 32

    static func expandBraces(_ pattern: String, limit: Int = 256) -> [String] {
        guard pattern.count(where: { $0 == "{" }) <= maximumBraceGroups else { return [pattern] }
        var pending = [pattern]
        var results: [String] = []
        while let current = pending.popLast(), results.count < limit {
            guard let close = current.firstIndex(of: "}"), let open = current[..<close].lastIndex(of: "{") else {
                results.append(current)
                continue
            }
            let prefix = current[..<open]
            let suffix = current[current.index(after: close)...]
            let options = current[current.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
            // Reversed, so that popping keeps the written order.
            for option in options.reversed() where pending.count < limit * 4 {
                pending.append(String(prefix + option + suffix))
            }
        }
        return results
    }
}
