/// `tierlint fix`: fills a missing model where the policy gives one clear answer, and touches
/// nothing else. Security work takes the security tier; otherwise the task pattern, the
/// complexity score and the owner's role must agree on one tier, or the model stays missing;
/// a Cost Tier cell that budgets another tier leaves it missing too.
/// A file's bytes change only inside the cells (or the frontmatter line) it fills.
public enum ModelFixer {
    /// One model filled in.
    public struct Fill: Sendable, Equatable {
        public var path: String
        public var line: Int
        public var column: Int
        public var subject: String
        public var tier: String
        public var reasons: [String]
    }

    /// A file with its fills applied.
    public struct FileChange: Sendable {
        public var path: String
        public var original: [UInt8]
        public var fixed: [UInt8]
        public var fills: [Fill]
    }

    /// The one tier the policy suggests for `assignment`, and why; `nil` when there is none
    /// or the suggestions disagree.
    public static func suggestion(for assignment: Assignment, in context: RuleContext) -> (tier: Tier, reasons: [String])? {
        guard let suggested = policySuggestion(for: assignment, in: context) else { return nil }
        // A Cost Tier cell that budgets another tier ($$$ where haiku is suggested) says the
        // row's author meant something else: the answer is not clear, so nothing is filled.
        if case .ticket(let ticket) = assignment {
            let rule = CostTierMismatchRule()
            for column in context.configuration.costTier.columns.map(ColumnVocabulary.key) {
                guard let cell = ticket.cells.cell(named: column),
                      let budgeted = rule.statedTier(cell.text, catalog: context.catalog) else { continue }
                if budgeted != suggested.tier { return nil }
                break
            }
        }
        return suggested
    }

    /// What the policy alone suggests: the security tier, or the tier its other signals agree on.
    private static func policySuggestion(for assignment: Assignment, in context: RuleContext) -> (tier: Tier, reasons: [String])? {
        let catalog = context.catalog
        let security = context.securityWords(assignment)
        if !security.isEmpty, let tier = catalog.tier(named: context.configuration.security.minimumTier) {
            return (tier, ["security work (\(security.prefix(3).joined(separator: ", ")))"])
        }
        var candidates: [(tier: Tier, reason: String)] = []
        if let match = context.patternMatch(assignment), let tier = catalog.tier(named: match.pattern.suggested) {
            candidates.append((tier, "matches \"\(match.pattern.name)\""))
        }
        if let score = context.complexity(assignment),
           let tier = score.impliedTier(context.configuration.complexity, catalog: catalog), let total = score.total {
            candidates.append((tier, "complexity \(total)"))
        }
        if case .ticket(let ticket) = assignment, let owner = ticket.owner,
           let role = context.role(forOwner: owner),
           let tier = catalog.tier(named: role.tier) {
            candidates.append((tier, "owner \(owner) defaults to \(tier.name)"))
        }
        guard let first = candidates.first, candidates.allSatisfy({ $0.tier == first.tier }) else { return nil }
        return (first.tier, candidates.map(\.reason))
    }

    /// The changes `fix` makes to the files of a check.
    public static func plan(_ run: LintRun) throws -> [FileChange] {
        let context = try run.context()
        var edits: [String: [(range: Range<Int>, replacement: [UInt8], fill: Fill)]] = [:]
        var contents: [String: [UInt8]] = [:]
        func bytes(_ path: String) throws -> [UInt8]? {
            if let cached = contents[path] { return cached }
            guard case .bytes(let read)? = try run.source.read(path, limit: run.configuration.maxFileSize) else { return nil }
            contents[path] = read
            return read
        }

        for ticket in context.backlogs.flatMap(\.tickets) where ticket.model.isMissing {
            let assignment = Assignment.ticket(ticket)
            guard let span = ticket.modelCellSpan, let (tier, reasons) = suggestion(for: assignment, in: context),
                  let original = try bytes(ticket.path), span.upperBound <= original.count else { continue }
            let replacement = cell(Array(tier.name.utf8), replacing: Array(original[span]))
            edits[ticket.path, default: []].append((span, replacement, Fill(
                path: ticket.path, line: ticket.model.line, column: ticket.model.column,
                subject: assignment.describedSubject, tier: tier.name, reasons: reasons)))
        }
        for definition in context.definitions where definition.model.isMissing && definition.hasFrontmatter
            && definition.format != .agentMap && context.configuration.requireModel.contains(definition.kind) {
            let assignment = Assignment.definition(definition)
            guard let (tier, reasons) = suggestion(for: assignment, in: context),
                  let original = try bytes(definition.path) else { continue }
            let edit: (Range<Int>, [UInt8])
            if let keyLine = definition.modelKeyLine {
                // `model:` or `model: TBD`: fill the value where it is, never add a second key.
                guard let value = valueSpan(ofKeyOn: keyLine, in: original) else { continue }
                // `model: # TBD` becomes `model: opus # TBD`: a space before the kept comment.
                let beforeComment = value.upperBound < original.count && original[value.upperBound] == UInt8(ascii: "#") ? " " : ""
                edit = (value, Array(" \(tier.name)\(beforeComment)".utf8))
            } else {
                guard let offset = lineStart(definition.model.line, in: original) else { continue }
                edit = (offset..<offset, Array("model: \(tier.name)".utf8) + lineEnding(of: original))
            }
            edits[definition.path, default: []].append((edit.0, edit.1, Fill(
                path: definition.path, line: definition.model.line, column: 1,
                subject: assignment.describedSubject, tier: tier.name, reasons: reasons)))
        }

        return edits.keys.sorted().compactMap { path in
            guard let original = contents[path], let fileEdits = edits[path] else { return nil }
            var fixed = original
            // From the end, so earlier offsets stay true.
            for edit in fileEdits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                fixed.replaceSubrange(edit.range, with: edit.replacement)
            }
            return FileChange(
                path: path, original: original, fixed: fixed,
                fills: fileEdits.map(\.fill).sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
    }

    /// A cell's new bytes between its pipes: ` model `, padded to the old width when the old
    /// cell was wider, so aligned tables stay aligned.
    static func cell(_ model: [UInt8], replacing old: [UInt8]) -> [UInt8] {
        let space = UInt8(ascii: " ")
        var new = [space] + model + [space]
        if old.count > new.count { new += Array(repeating: space, count: old.count - new.count) }
        return new
    }

    /// The bytes after `key:` up to a comment (`model: # TBD` keeps `# TBD`) or the end of
    /// the line, without the line ending and without the spaces before the comment.
    static func valueSpan(ofKeyOn line: Int, in bytes: [UInt8]) -> Range<Int>? {
        guard let start = lineStart(line, in: bytes),
              let colon = bytes[start...].firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == 0x0A || $0 == 0x0D }),
              bytes[colon] == UInt8(ascii: ":") else { return nil }
        var end = bytes[colon...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? bytes.count
        // A `#` after a space, outside quotes, starts a YAML comment.
        var quote: UInt8?
        for index in (colon + 1)..<end {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "#"), bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t") {
                end = index
                while end > colon + 1, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
                break
            }
        }
        return (colon + 1)..<end
    }

    /// The byte offset where 1-based `line` starts, counting LF, CR LF and lone CR.
    static func lineStart(_ line: Int, in bytes: [UInt8]) -> Int? {
        guard line >= 1 else { return nil }
        var current = 1, index = 0
        while current < line {
            guard index < bytes.count else { return nil }
            if bytes[index] == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                current += 1
            } else if bytes[index] == 0x0A {
                current += 1
            }
            index += 1
        }
        return index
    }

    /// The file's own line ending: CR LF, a lone CR, or LF.
    static func lineEnding(of bytes: [UInt8]) -> [UInt8] {
        guard let index = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return [0x0A] }
        if bytes[index] == 0x0A { return [0x0A] }
        return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? [0x0D, 0x0A] : [0x0D]
    }
}
