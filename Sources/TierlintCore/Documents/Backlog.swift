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

/// One row of a backlog table. A class, never changed once read: rules pass tickets around
/// in arrays of their own, and 100,000 tickets copied by value into each were most of a large
/// check's memory.
public final class Ticket: Sendable, Equatable {
    public let path: String
    public let line: Int
    /// The `#` or `ID` cell, when the table has one.
    public let id: String?
    public let title: String
    public let owner: String?
    /// Text of label, type and tag columns.
    public let labels: [String]
    /// Text of a Description or Details column.
    public let details: String?
    /// Every cell by its header, for rules that read other columns.
    public let cells: TicketCells
    public let model: ModelAssignment
    public let section: String?
    /// The row has fewer cells than the header, so it has no Model cell at all.
    public let lacksModelCell: Bool
    /// The Model cell's bytes between its pipes, where `tierlint fix` writes a model.
    public let modelCellSpan: Range<Int>?

    public init(
        path: String, line: Int, id: String?, title: String, owner: String?, labels: [String], details: String?,
        cells: TicketCells, model: ModelAssignment, section: String?, lacksModelCell: Bool = false, modelCellSpan: Range<Int>? = nil
    ) {
        self.path = path
        self.line = line
        self.id = id
        self.title = title
        self.owner = owner
        self.labels = labels
        self.details = details
        self.cells = cells
        self.model = model
        self.section = section
        self.lacksModelCell = lacksModelCell
        self.modelCellSpan = modelCellSpan
    }

    public static func == (lhs: Ticket, rhs: Ticket) -> Bool {
        lhs === rhs || (lhs.path == rhs.path && lhs.line == rhs.line && lhs.id == rhs.id && lhs.title == rhs.title
            && lhs.owner == rhs.owner && lhs.labels == rhs.labels && lhs.details == rhs.details && lhs.cells == rhs.cells
            && lhs.model == rhs.model && lhs.section == rhs.section && lhs.lacksModelCell == rhs.lacksModelCell
            && lhs.modelCellSpan == rhs.modelCellSpan)
    }

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
