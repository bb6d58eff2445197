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
}
