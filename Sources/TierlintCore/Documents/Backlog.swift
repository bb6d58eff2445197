import TierlintMarkdown

/// The backlog tables of one Markdown file.
public struct Backlog: Sendable, Equatable {
    public var path: String
    public var tables: [BacklogTable]

    public var tickets: [Ticket] { tables.flatMap(\.tickets) }
}

/// A table with a Model column and a ticket column: each body row is a ticket.
public struct BacklogTable: Sendable, Equatable {
    /// The nearest heading above the table, e.g. "Sprint 4: Session Management".
    public var section: String?
    public var sectionLine: Int?
    /// The headings the table sits under, outermost first: "Sprint 4", then "Backend".
    public var headings: [MarkdownHeading] = []
    /// The line of the header row.
    public var line: Int
    public var endLine: Int
    /// The header cell texts, as written.
    public var columns: [String]
    public var tickets: [Ticket]
    /// The first row that is a merge-conflict marker, when the table holds one.
    public var conflictLine: Int?
    /// Paragraphs right under the table, before the next heading or table: where a backlog
    /// states its distribution ("Distribution: 6 haiku (30%) | ...").
    public var notes: [MarkdownParagraph] = []
}

/// One row of a backlog table.
public struct Ticket: Sendable, Equatable {
    public var path: String
    public var line: Int
    /// The `#` or `ID` cell, when the table has one.
    public var id: String?
    public var title: String
    public var owner: String?
    /// Text of label, type and tag columns.
    public var labels: [String]
    /// Text of a Description or Details column.
    public var details: String?
    /// Every cell by its header, for rules that read other columns.
    public var cells: TicketCells
    public var model: ModelAssignment
    public var section: String?
    /// The row has fewer cells than the header, so it has no Model cell at all.
    public var lacksModelCell: Bool = false
    /// The Model cell's bytes between its pipes, where `tierlint fix` writes a model.
    public var modelCellSpan: Range<Int>?

    /// `ticket 4.3`, or the title when there is no ID.
    public var subject: String {
        if let id, !id.isEmpty { return "ticket \(id)" }
        if !title.isEmpty { return "ticket \"\(title.truncated(to: 60))\"" }
        return "ticket on line \(line)"
    }

    /// The words that say what the ticket is about: its title, labels and description.
    public var purposeText: String {
        ([title] + labels + [details ?? ""]).filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension String {
    func truncated(to length: Int) -> String {
        count <= length ? self : String(prefix(length - 1)) + "…"
    }
}

/// A row's cells by header key (`cells["cost tier"]`). The keys are the table's, shared by
/// all its rows, so a 200,000-row backlog does not hold 200,000 dictionaries.
public struct TicketCells: Sendable, Equatable, Sequence {
    /// Normalised header names (see `ColumnVocabulary.key`), one per column.
    public let keys: [String]
    public let values: [String]
    /// Each cell's 1-based character column; the row's last column for padding cells.
    public let columns: [Int]

    public init(keys: [String], values: [String], columns: [Int]? = nil) {
        self.keys = keys
        self.values = values
        self.columns = columns ?? Array(repeating: 1, count: values.count)
    }

    /// The first cell under a header with this key.
    public subscript(key: String) -> String? {
        cell(named: key)?.text
    }

    /// The first cell under a header with this key, with its column.
    public func cell(named key: String) -> (text: String, column: Int)? {
        guard let index = keys.firstIndex(of: key), index < values.count else { return nil }
        return (values[index], index < columns.count ? columns[index] : 1)
    }

    public func makeIterator() -> some IteratorProtocol<(key: String, value: String)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }
}
