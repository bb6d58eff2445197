import TierlintMarkdown

/// Finds the backlog tables in a Markdown document.
///
/// A table is a backlog when its header has a Model column and a ticket column (Ticket, Task,
/// Title, ...), or, in a file the config names as a backlog, a Model column alone. A table with
/// a Model column but no ticket column elsewhere is a reference table (an agent list, a tier
/// legend), not a backlog.
struct BacklogExtractor {
    var columns: ColumnVocabulary
    var catalog: ModelCatalog
    var missingValues: Set<String>

    func extract(path: String, document: MarkdownDocument, isNamedBacklog: Bool) -> Backlog? {
        var section: MarkdownHeading?
        var tables: [BacklogTable] = []
        for block in document.blocks {
            switch block {
            case .heading(let heading):
                section = heading
            case .table(let table):
                if let backlogTable = backlogTable(table, path: path, section: section, isNamedBacklog: isNamedBacklog) {
                    tables.append(backlogTable)
                }
            case .paragraph, .html:
                continue
            }
        }
        return tables.isEmpty ? nil : Backlog(path: path, tables: tables)
    }

    private func backlogTable(
        _ table: MarkdownTable, path: String, section: MarkdownHeading?, isNamedBacklog: Bool
    ) -> BacklogTable? {
        let headers = table.header.cells.map(\.text)
        let keys = headers.map(ColumnVocabulary.key)
        guard let modelColumn = keys.firstIndex(where: columns.model.contains) else { return nil }
        let ticketColumn = keys.firstIndex(where: columns.ticket.contains)
        guard ticketColumn != nil || isNamedBacklog else { return nil }
        let idColumn = keys.firstIndex(where: columns.id.contains)
        let ownerColumn = keys.firstIndex(where: columns.owner.contains)
        let labelColumns = keys.indices.filter { columns.label.contains(keys[$0]) }
        // In a named backlog without a ticket column, the first column that is not an ID,
        // a model, an owner or a label says what the row is.
        let titleColumn = ticketColumn ?? keys.indices.first { index in
            index != modelColumn && index != idColumn && index != ownerColumn && !labelColumns.contains(index)
        }

        var tickets: [Ticket] = []
        for row in table.rows {
            let cells = row.cells
            if cells.allSatisfy({ $0.text.isEmpty }) { continue }
            func text(_ column: Int?) -> String? {
                guard let column, column < cells.count else { return nil }
                return cells[column].text
            }
            let modelCell = cells[modelColumn]
            let model = ModelAssignment.parse(
                modelCell.text, line: row.line, column: modelCell.column ?? cells.last(where: { $0.column != nil })?.column ?? 1,
                catalog: catalog, missingValues: missingValues)
            var byHeader: [String: String] = [:]
            for (index, header) in keys.enumerated() where index < cells.count && byHeader[header] == nil {
                byHeader[header] = cells[index].text
            }
            tickets.append(Ticket(
                path: path,
                line: row.line,
                id: text(idColumn).flatMap { $0.isEmpty ? nil : $0 },
                title: text(titleColumn) ?? "",
                owner: text(ownerColumn).flatMap { $0.isEmpty ? nil : $0 },
                labels: labelColumns.compactMap { text($0) }.filter { !$0.isEmpty },
                cells: byHeader,
                model: model,
                section: section?.text,
                lacksModelCell: modelCell.column == nil))
        }
        return BacklogTable(
            section: section?.text, sectionLine: section?.line,
            line: table.line, endLine: table.endLine,
            columns: headers, tickets: tickets)
    }
}

/// The header names that identify a backlog's columns. Matching ignores case, emphasis,
/// surrounding punctuation and a plural `s`.
public struct ColumnVocabulary: Sendable, Equatable {
    public var model: Set<String>
    public var ticket: Set<String>
    public var id: Set<String>
    public var owner: Set<String>
    public var label: Set<String>

    public init(model: [String], ticket: [String], id: [String], owner: [String], label: [String]) {
        func keys(_ names: [String]) -> Set<String> { Set(names.map(ColumnVocabulary.key)) }
        self.model = keys(model)
        self.ticket = keys(ticket)
        self.id = keys(id)
        self.owner = keys(owner)
        self.label = keys(label)
    }

    /// "**Tickets**" and "ticket:" are both `ticket`; "#" stays "#".
    static func key(_ header: String) -> String {
        var words: [String] = []
        var current = ""
        for character in header.lowercased() {
            if character.isLetter || character.isNumber || character == "#" {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        if let last = words.last, last.count > 3, last.hasSuffix("s"), !last.hasSuffix("ss") {
            words[words.count - 1] = String(last.dropLast())
        }
        return words.joined(separator: " ")
    }
}
