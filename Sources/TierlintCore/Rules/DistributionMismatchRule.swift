import TierlintMarkdown

/// TL011: a stated distribution (`Distribution: 6 haiku (30%) | 11 sonnet (55%) | 3 opus (15%)`)
/// or ticket count (`Sprint 4 (20 tickets)`) disagrees with the table it describes.
public struct DistributionMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "distribution-mismatch",
        code: "TL011",
        defaultSeverity: .error,
        summary: "A backlog's stated distribution or ticket count disagrees with its table.",
        explanation: """
            Sprint plans state their mix under the table, as seed 000 does: "Distribution: 6 \
            haiku (30%) | 11 sonnet (55%) | 3 opus (15%)". Nobody recounts after editing a row, \
            so the statement drifts, and a budget or a review built on it is wrong. Seed 000's \
            own example states 6 haiku and 11 sonnet while its table has 5 and 12.

            A paragraph right under a backlog table that starts with "Distribution" is read as \
            counts and percentages per tier, and each is compared with the table (percentages \
            of all its tickets, to the nearest point). A section heading that states a ticket \
            count ("Sprint 4: Session Management (20 tickets)") is compared with the tickets \
            under it.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                ## Sprint 4: Session Management (↓6 tickets)

                | # | Ticket | Model |
                |---|--------|-------|
                | 4.1 | Create sessions table | haiku |
                | 4.3 | Implement SessionService | sonnet |
                | 4.4 | Implement SessionRepository | sonnet |
                | 4.10 | Implement session state machine | opus |

                Distribution: ↓2 haiku (50%) | ↓1 sonnet (25%) | 1 opus (25%)
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                ## Sprint 4: Session Management (4 tickets)

                | # | Ticket | Model |
                |---|--------|-------|
                | 4.1 | Create sessions table | haiku |
                | 4.3 | Implement SessionService | sonnet |
                | 4.4 | Implement SessionRepository | sonnet |
                | 4.10 | Implement session state machine | opus |

                Distribution: 1 haiku (25%) | 2 sonnet (50%) | 1 opus (25%)
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for backlog in context.backlogs {
            let sections = BacklogSection.sections(of: backlog)
            for table in backlog.tables {
                // A statement under the last table of a section may speak for the whole section.
                let section = sections.first { $0.tables.last == table && $0.tables.count > 1 }
                for (note, statement) in statements(in: table.notes, catalog: context.catalog) {
                    let forTable = compare(statement, with: table.tickets, note: note, table: table, path: backlog.path)
                    if let section, !forTable.isEmpty,
                       compare(statement, with: section.tickets, note: note, table: table, path: backlog.path).isEmpty {
                        continue
                    }
                    findings += forTable
                }
            }
            for section in BacklogSection.sections(of: backlog) {
                guard let name = section.name, let stated = Self.statedTicketCount(name) else { continue }
                let actual = section.tickets.count
                guard stated.count != actual else { continue }
                let heading = MarkdownParagraph(text: name, line: section.line, endLine: section.line, source: "## " + name)
                findings.append(Finding(
                    rule: description.identity, severity: description.defaultSeverity, path: backlog.path,
                    line: section.line, column: heading.column(of: stated.written),
                    message: "\(section.subject) states \(stated.count) tickets, but its tables have \(actual)",
                    subject: section.subject, suggestion: "\(actual)"))
            }
        }
        return findings
    }

    /// The statements among a table's notes; a line "Distribution:" with nothing after it is
    /// read together with the list that follows it.
    private func statements(in notes: [MarkdownParagraph], catalog: ModelCatalog) -> [(MarkdownParagraph, DistributionStatement)] {
        var found: [(MarkdownParagraph, DistributionStatement)] = []
        for (index, note) in notes.enumerated() {
            let (statement, hasKeyword) = DistributionStatement.parse(note.text, catalog: catalog)
            if let statement {
                found.append((note, statement))
            } else if hasKeyword {
                var entries: [DistributionStatement.Entry] = []
                var anchor = note
                for item in notes.dropFirst(index + 1).prefix(DistributionStatement.maximumEntries) {
                    let itemEntries = DistributionStatement.entries(in: item.text, catalog: catalog)
                    guard !itemEntries.isEmpty else { break }
                    if entries.isEmpty { anchor = item }
                    entries += itemEntries
                }
                if !entries.isEmpty { found.append((anchor, DistributionStatement(entries: entries))) }
            }
        }
        return found
    }

    private func compare(
        _ statement: DistributionStatement, with tickets: [Ticket], note: MarkdownParagraph, table: BacklogTable, path: String
    ) -> [Finding] {
        let total = tickets.count
        guard total > 0 else { return [] }
        var findings: [Finding] = []
        for entry in statement.entries {
            let actual = tickets.count { $0.model.effectiveTier == entry.tier }
            let actualPercent = Double(actual) * 100 / Double(total)
            let countWrong = entry.count.map { $0 != actual } ?? false
            let percentWrong = entry.percent.map { abs($0 - actualPercent) >= 1 } ?? false
            guard countWrong || percentWrong else { continue }
            let stated = switch (entry.count, entry.percent) {
            case (let count?, let percent?): "\(count) \(entry.tier.name) (\(Self.format(percent))%)"
            case (let count?, nil): "\(count) \(entry.tier.name)"
            default: "\(Self.format(entry.percent ?? 0))% \(entry.tier.name)"
            }
            let column = note.column(of: entry.anchor)
            findings.append(Finding(
                rule: description.identity, severity: description.defaultSeverity, path: path,
                line: note.line, column: column,
                message: "the distribution states \(stated), but the table has \(actual) of its \(total) tickets "
                    + "(\(Self.format(actualPercent))%) on \(entry.tier.name)",
                subject: "distribution of \(table.section.map { "section \"\($0.truncated(to: 60))\"" } ?? "table")",
                suggestion: "\(actual) \(entry.tier.name) (\(Self.format(actualPercent))%)"))
        }
        return findings
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
    }

    /// `(20 tickets)`, `- 12 stories`: a ticket count stated in a heading.
    static func statedTicketCount(_ heading: String) -> (count: Int, written: String)? {
        let words = heading.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," || $0 == "–" || $0 == "-" })
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let noun = words[index + 1].lowercased()
            if let count = Int(word), ["ticket", "tickets", "story", "stories", "item", "items", "task", "tasks"].contains(noun) {
                return (count, String(word))
            }
        }
        return nil
    }
}
