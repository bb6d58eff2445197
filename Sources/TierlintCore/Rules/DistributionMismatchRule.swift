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
            counts and percentages per tier (percentages to the nearest point). A sprint split \
            into subsections (### Backend, ### Frontend) often states one distribution after \
            its last table, so a statement is compared first with the table above it, then with \
            all the tables under that table's heading, then under each heading above that, up \
            to the statement; it is accepted when it is true of any of them. When it is true of \
            none, it is reported against the one whose ticket count its counts add up to, or \
            else the table. A heading that states a ticket count ("Sprint 4: Session Management \
            (20 tickets)") is compared with the tickets under it, its subsections included.
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
            Example("docs/backlog.md", """
                ## Sprint 5 (↓5 tickets)

                ### Backend

                | # | Ticket | Model |
                |---|--------|-------|
                | 5.1 | Create orders table | haiku |
                | 5.2 | Implement OrderService | sonnet |

                ### Frontend

                | # | Ticket | Model |
                |---|--------|-------|
                | 5.3 | Build OrderCard component | sonnet |
                | 5.4 | Build OrderList component | sonnet |

                Distribution: ↓0 haiku | ↓4 sonnet
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
            Example("docs/backlog.md", """
                ## Sprint 5 (4 tickets)

                ### Backend

                | # | Ticket | Model |
                |---|--------|-------|
                | 5.1 | Create orders table | haiku |
                | 5.2 | Implement OrderService | sonnet |

                ### Frontend

                | # | Ticket | Model |
                |---|--------|-------|
                | 5.3 | Build OrderCard component | sonnet |
                | 5.4 | Build OrderList component | sonnet |

                Distribution: 1 haiku (25%) | 3 sonnet (75%)
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for backlog in context.backlogs {
            for (index, table) in backlog.tables.enumerated() {
                let scopes = BacklogSection.scopes(endingAt: index, of: backlog)
                for (statement, positions) in statements(in: table.notes, catalog: context.catalog) {
                    // True of the table, or of the tables under a heading above it: accepted.
                    let judged = scopes.map { compare(statement, positions: positions, with: $0, path: backlog.path) }
                    guard !judged.contains(where: \.isEmpty) else { continue }
                    // Otherwise judged against the scope whose size it states, else the table.
                    let stated = statement.statedTotal
                    let scope = scopes.indices.first { scopes[$0].tickets.count == stated } ?? 0
                    findings += judged[scope]
                }
            }
            for section in BacklogSection.headingSections(of: backlog) {
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

    /// The statements among a table's notes, with where each entry is written; a line
    /// "Distribution:" with nothing after it is read together with the list that follows it.
    private func statements(
        in notes: [MarkdownParagraph], catalog: ModelCatalog
    ) -> [(DistributionStatement, positions: [(line: Int, column: Int)])] {
        var found: [(DistributionStatement, [(line: Int, column: Int)])] = []
        for (index, note) in notes.enumerated() {
            let (statement, hasKeyword) = DistributionStatement.parse(note.text, catalog: catalog)
            if let statement {
                found.append((statement, positions(of: statement.entries, in: [(note, statement.entries.count)], afterKeyword: true)))
            } else if hasKeyword {
                var entries: [DistributionStatement.Entry] = []
                var items: [(MarkdownParagraph, Int)] = []
                for item in notes.dropFirst(index + 1).prefix(DistributionStatement.maximumEntries) {
                    let itemEntries = DistributionStatement.entries(in: item.text, catalog: catalog)
                    guard !itemEntries.isEmpty else { break }
                    entries += itemEntries
                    items.append((item, itemEntries.count))
                }
                if !entries.isEmpty {
                    found.append((DistributionStatement(entries: entries), positions(of: entries, in: items, afterKeyword: false)))
                }
            }
        }
        return found
    }

    /// Where each entry is written: its anchor, looked for in the paragraph it came from, after
    /// the entry before it (so "2 haiku | 2 sonnet" points at each 2), and after the keyword's
    /// colon. A statement may go on over several lines.
    private func positions(
        of entries: [DistributionStatement.Entry], in paragraphs: [(MarkdownParagraph, count: Int)], afterKeyword: Bool
    ) -> [(line: Int, column: Int)] {
        var result: [(line: Int, column: Int)] = []
        var remaining = entries[...]
        for (paragraph, count) in paragraphs {
            var cursor: (line: Int, column: Int)?
            if afterKeyword, let word = paragraph.position(of: "distribution", ignoringCase: true) {
                cursor = (word.line, word.column + 12)
                if let colon = paragraph.position(of: ":", from: cursor) { cursor = (colon.line, colon.column + 1) }
            }
            for entry in remaining.prefix(count) {
                let position = paragraph.position(of: entry.anchor, from: cursor) ?? (paragraph.line, paragraph.column(of: entry.anchor))
                result.append(position)
                cursor = (position.line, position.column + entry.anchor.unicodeScalars.count)
            }
            remaining = remaining.dropFirst(count)
        }
        return result
    }

    /// The findings for a statement about `scope`'s tickets: none when it is true of them.
    private func compare(
        _ statement: DistributionStatement, positions: [(line: Int, column: Int)], with scope: BacklogSection, path: String
    ) -> [Finding] {
        let tickets = scope.tickets
        let total = tickets.count
        guard total > 0 else { return [] }
        let what = scope.name == nil ? "the table" : "the tables under \"\(scope.name!.truncated(to: 60))\""
        let sectionName = scope.name ?? scope.tables[0].section
        let subject = "distribution of " + (sectionName.map { "section \"\($0.truncated(to: 60))\"" } ?? "table")
        var findings: [Finding] = []
        for (entry, position) in zip(statement.entries, positions) {
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
            findings.append(Finding(
                rule: description.identity, severity: description.defaultSeverity, path: path,
                line: position.line, column: position.column,
                message: "the distribution states \(stated), but \(what) \(scope.name == nil ? "has" : "have") \(actual) of "
                    + "\(scope.name == nil ? "its" : "their") \(total) tickets (\(Self.format(actualPercent))%) on \(entry.tier.name)",
                subject: subject,
                suggestion: "\(actual) \(entry.tier.name) (\(Self.format(actualPercent))%)"))
        }
        return findings
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
    }

    /// `(20 tickets)`, `- 12 stories`: a ticket count stated in a heading, and the words that
    /// state it (`20 tickets`), to point at them.
    static func statedTicketCount(_ heading: String) -> (count: Int, written: String)? {
        let words = heading.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," || $0 == "–" || $0 == "-" })
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let noun = words[index + 1].lowercased()
            if let count = Int(word), ["ticket", "tickets", "story", "stories", "item", "items", "task", "tasks"].contains(noun) {
                return (count, "\(word) \(words[index + 1])")
            }
        }
        return nil
    }
}
