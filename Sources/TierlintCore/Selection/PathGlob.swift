/// A path pattern as `.gitignore` and most linters write it: `*` and `?` within one path
/// segment, `**` for any number of segments, `{a,b}` for alternatives. A pattern with no
/// slash matches a file name at any depth (`*.md`); a pattern ending in `/` matches
/// everything under that folder.
public struct PathGlob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let alternatives: [[Segment]]
    /// What a path must hold for each alternative to match, checked on its bytes first.
    private let requirements: [Requirement]

    private enum Segment: Sendable, Equatable {
        case anyDepth
        case name([Character])
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        alternatives = PathGlob.expandBraces(pattern).map(PathGlob.compile)
        requirements = alternatives.map(Requirement.init)
    }

    public var description: String { pattern }

    public func matches(_ path: String) -> Bool {
        // A repository of 100,000 files is matched against every location glob for each file;
        // most paths fail the byte-level requirement, and never pay for the full match.
        var parts: [[Character]]?
        var index = 0
        while index < alternatives.count {
            defer { index += 1 }
            guard requirements[index].admits(path) else { continue }
            if parts == nil { parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) } }
            if PathGlob.match(alternatives[index], parts!) { return true }
        }
        return false
    }

    /// What any path an alternative matches must contain: its ASCII literal folder names as
    /// whole segments, and the ASCII literal end of its file name (`.md` of `*.md`). Only ASCII
    /// is used, since for it matching characters and matching bytes agree; a requirement is
    /// necessary, never sufficient, so the full match still decides.
    private struct Requirement: Sendable, Equatable {
        var folders: [[UInt8]] = []
        var nameSuffix: [UInt8] = []

        init(_ segments: [Segment]) {
            for (position, segment) in segments.enumerated() {
                guard case .name(let name) = segment else { continue }
                let isLast = position == segments.count - 1
                if isLast {
                    let tail = name.reversed().prefix { !Requirement.isWildcard($0) }.reversed()
                    if tail.allSatisfy(\.isASCII) { nameSuffix = Array(String(tail).utf8) }
                } else if !name.contains(where: Requirement.isWildcard), name.allSatisfy(\.isASCII) {
                    folders.append(Array(String(name).utf8))
                }
            }
        }

        static func isWildcard(_ character: Character) -> Bool {
            character == "*" || character == "?" || character == "#"
        }

        func admits(_ path: String) -> Bool {
            if folders.isEmpty && nameSuffix.isEmpty { return true }
            var path = path
            return path.withUTF8(admits)
        }

        /// Plain loops over the bytes: this runs for every path of the repository.
        private func admits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let slash = UInt8(ascii: "/")
            var end = bytes.count
            while end > 0, bytes[end - 1] == slash { end -= 1 }
            guard end >= nameSuffix.count else { return false }
            var offset = 0
            while offset < nameSuffix.count {
                if bytes[end - nameSuffix.count + offset] != nameSuffix[offset] { return false }
                offset += 1
            }
            for folder in folders {
                var found = false
                var start = 0
                while start < end, !found {
                    var stop = start
                    while stop < end, bytes[stop] != slash { stop += 1 }
                    if stop - start == folder.count {
                        var same = true
                        var index = 0
                        while index < folder.count, same {
                            same = bytes[start + index] == folder[index]
                            index += 1
                        }
                        found = same
                    }
                    start = stop + 1
                }
                if !found { return false }
            }
            return true
        }
    }

    /// Whether files inside `folder` could match, through the part of the pattern that names
    /// folders: `.claude`, `.claude/agents` and `.claude/agents/team` for
    /// `**/.claude/agents/**/*.md`, but not `vendor/lib`, which only a leading `**` reaches (any
    /// folder could hold a `.claude/agents` somewhere below it).
    public func matchesInside(_ folder: String) -> Bool {
        let parts = folder.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) }
        guard let last = parts.last else { return false }
        return alternatives.contains { PathGlob.matchesInside($0, parts.dropLast(), last: last) }
    }

    private static func matchesInside(_ segments: [Segment], _ leading: ArraySlice<[Character]>, last: [Character]) -> Bool {
        /// The segment positions reachable before the next part; `**` may match no part at all.
        func closure(_ positions: Set<Int>) -> Set<Int> {
            var result = positions
            var pending = Array(positions)
            while let position = pending.popLast() {
                if position < segments.count, segments[position] == .anyDepth, result.insert(position + 1).inserted {
                    pending.append(position + 1)
                }
            }
            return result
        }
        var positions = closure([0])
        for part in leading {
            var next = Set<Int>()
            for position in positions where position < segments.count {
                switch segments[position] {
                case .anyDepth: next.insert(position)
                case .name(let name): if Wildcard.matches(name, part) { next.insert(position + 1) }
                }
            }
            positions = closure(next)
        }
        // The folder's own name must be matched by a named segment, or by a `**` after one, and
        // the pattern must go on below it.
        return positions.contains { position in
            guard position < segments.count else { return false }
            switch segments[position] {
            case .anyDepth: return position > 0
            case .name(let name): return position + 1 < segments.count && Wildcard.matches(name, last)
            }
        }
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
