/// The tickets under one heading of a backlog, across all its tables ("Sprint 4: Session
/// Management"); tables before any heading form a section of their own.
public struct BacklogSection: Sendable {
    public var name: String?
    /// The heading's line, or the first table's when there is no heading.
    public var line: Int
    public var tables: [BacklogTable]

    public var tickets: [Ticket] { tables.flatMap(\.tickets) }

    /// `section "Sprint 4: Session Management"`, or `table` without a heading.
    public var subject: String {
        name.map { "section \"\($0.truncated(to: 60))\"" } ?? "table"
    }

    public static func sections(of backlog: Backlog) -> [BacklogSection] {
        var sections: [BacklogSection] = []
        for table in backlog.tables {
            let line = table.sectionLine ?? table.line
            if let index = sections.firstIndex(where: { $0.line == line }) {
                sections[index].tables.append(table)
            } else {
                sections.append(BacklogSection(name: table.section, line: line, tables: [table]))
            }
        }
        return sections
    }

    /// What a statement under `backlog.tables[index]` may describe, narrowest first: the
    /// table, then the tables under each heading above it (its own, then the enclosing ones:
    /// "### Frontend", then "## Sprint 4"), up to that table.
    public static func scopes(endingAt index: Int, of backlog: Backlog) -> [BacklogSection] {
        let table = backlog.tables[index]
        var scopes = [BacklogSection(name: nil, line: table.line, tables: [table])]
        for heading in table.headings.reversed() {
            let under = backlog.tables[...index].filter { $0.headings.contains(heading) }
            guard under.count > scopes.last!.tables.count else { continue }
            scopes.append(BacklogSection(name: heading.text, line: heading.line, tables: Array(under)))
        }
        return scopes
    }

    /// Every heading above some table, with all the tables under it, subsections included.
    public static func headingSections(of backlog: Backlog) -> [BacklogSection] {
        var sections: [BacklogSection] = []
        for table in backlog.tables {
            for heading in table.headings {
                if let index = sections.firstIndex(where: { $0.line == heading.line }) {
                    sections[index].tables.append(table)
                } else {
                    sections.append(BacklogSection(name: heading.text, line: heading.line, tables: [table]))
                }
            }
        }
        return sections
    }
}
