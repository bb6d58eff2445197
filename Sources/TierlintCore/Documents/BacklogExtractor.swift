import TierlintMarkdown

/// Finds the backlog tables in a Markdown document.
///
/// A table is a backlog when its header has a Model column and a ticket column (Ticket, Task,
/// Title, ...), or, in a file the config names as a backlog, a Model column alone. A table with
/// a Model column but no ticket column elsewhere is a reference table (an agent list, a tier
/// legend), not a backlog. A table whose ticket column is only a Task, Title, Summary or Item
/// and that has no ID column must also show that its Model column is about agent models: one
/// model the catalog knows, a placeholder such as `TBD`, or a near miss of a known name
/// (`sonet`). So a results table of machine-learning models ("Task | Model" with U-Net, VGG16)
/// is not a backlog, while "# | Ticket | Model" always is.
struct BacklogExtractor {
    /// Ticket columns that name a backlog by themselves; Task, Title, Summary and Item also
    /// head results and comparison tables.
    static let strongTicketColumns: Set<String> = ["ticket", "story", "user story", "issue", "work item"]

    /// Labels of a row that sums up a table, whatever its Model cell holds ("| | Total | 4 |").
    static let totalLabels: Set<String> = ["total", "totals", "sum", "subtotal", "sub total", "grand total", "σ", "∑"]
    /// Labels of a summary row only when its Model cell is empty: a ticket could be called so.
    static let summaryRowTitles: Set<String> = totalLabels.union(["average", "mean", "overall", "all"])

    /// `**Total:** 20`, `Subtotal (backend)`, `Totals 20 tickets`: the label of a cell,
    /// lowercased, up to a colon or parenthesis, without punctuation, numbers or "tickets".
    static func rowLabel(_ cell: String) -> String {
        if let label = asciiRowLabel(cell) { return label }
        let label = cell.lowercased().prefix { $0 != ":" && $0 != "(" }
        let words = label.split(whereSeparator: { !$0.isLetter && $0 != "σ" && $0 != "∑" })
        let kept = words.reversed().drop { ["tickets", "ticket", "items", "stories", "tasks"].contains($0) }.reversed()
        return kept.joined(separator: " ")
    }

    /// `rowLabel` on bytes, for a cell that is all ASCII (nearly every one).
    private static func asciiRowLabel(_ cell: String) -> String? {
        let words = cell.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var words: [String] = []
            var current: [UInt8] = []
            for byte in bytes {
                if byte == 0x3A || byte == 0x28 { break }  // ":" and "(" end the label
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if lower >= 0x61 && lower <= 0x7A {
                    current.append(lower)
                } else if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            return words
        }
        guard var words = words ?? nil else { return nil }
        while let last = words.last, ["tickets", "ticket", "items", "stories", "tasks"].contains(last) { words.removeLast() }
        return words.joined(separator: " ")
    }

    var columns: ColumnVocabulary
    var catalog: ModelCatalog
    var missingValues: Set<String>
    /// Model cells already read, shared by the files of one check.
    var modelCells = ModelCellCache()

    func extract(path: String, document: MarkdownDocument, isNamedBacklog: Bool) -> Backlog? {
        var section: MarkdownHeading?
        // The headings above, outermost first: a `###` under a `##` is part of it.
        var headings: [MarkdownHeading] = []
        var tables: [BacklogTable] = []
        // Paragraphs belong to the backlog table just above them, until a heading or another table.
        var collectingNotes = false
        for block in document.blocks {
            switch block {
            case .heading(let heading):
                section = heading
                while let last = headings.last, last.level >= heading.level { headings.removeLast() }
                headings.append(heading)
                collectingNotes = false
            case .table(let table):
                collectingNotes = false
                if var backlogTable = backlogTable(table, path: path, section: section, isNamedBacklog: isNamedBacklog) {
                    backlogTable.headings = headings
                    tables.append(backlogTable)
                    collectingNotes = true
                }
            case .paragraph(let paragraph):
                if collectingNotes { tables[tables.count - 1].notes.append(paragraph) }
            case .html:
                continue
            }
        }
        return tables.isEmpty ? nil : Backlog(path: path, tables: tables)
    }

    /// `4.1`, `#12`, `AUR-9005`, `PROJ_7`: a ticket key, not a title.
    static func looksLikeID(_ text: String) -> Bool {
        var rest = Substring(text.trimmingSpaces())
        if rest.first == "#" { rest = rest.dropFirst() }
        let prefix = rest.prefix { $0.isLetter }
        guard prefix.count <= 12 else { return false }
        rest = rest.dropFirst(prefix.count)
        if !prefix.isEmpty, let separator = rest.first, separator == "-" || separator == "_" { rest = rest.dropFirst() }
        guard let first = rest.first, first.isNumber else { return false }
        return rest.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }
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
        let detailsColumn = keys.firstIndex(where: columns.details.contains)
        // In a named backlog without a ticket column, the first column that is not an ID,
        // a model, an owner or a label says what the row is.
        let titleColumn = ticketColumn ?? keys.indices.first { index in
            index != modelColumn && index != idColumn && index != ownerColumn && !labelColumns.contains(index)
        }

        var tickets: [Ticket] = []
        var conflictLine: Int?
        var rowNotes: [MarkdownParagraph] = []
        for row in table.rows {
            let cells = row.cells
            if cells.allSatisfy({ $0.text.isEmpty }) { continue }
            // A merge conflict inside a table: GitHub shows its markers as rows.
            if let first = cells.first?.text, first.hasPrefix("<<<<<<<") || first.hasPrefix(">>>>>>>") || first == "=======" {
                conflictLine = conflictLine ?? row.line
                continue
            }
            // "Distribution: ..." written right under the table, without a blank line, is
            // swallowed into it as a row; it is the table's note, not a ticket.
            if let first = cells.first, first.text.lowercased().hasPrefix("distribution") {
                let rest = cells.dropFirst().map(\.text).filter { !$0.isEmpty }.joined(separator: " | ")
                let text = first.text.contains(":") ? [first.text, rest].joined(separator: " | ") : "Distribution: \(rest)"
                // Each cell's text where the row has it, so findings point into the right cell.
                var source = ""
                for cell in cells {
                    guard let column = cell.column else { continue }
                    source += String(repeating: " ", count: max(column - 1 - source.unicodeScalars.count, 1)) + cell.text
                }
                rowNotes.append(MarkdownParagraph(text: text, line: row.line, endLine: row.line, source: source))
                continue
            }
            // A row that sums up the table is no ticket: labelled Total in its ID, ticket or first
            // cell, whatever its Model cell holds ("| | Total | 4 |"), or Average with no model.
            let labels = Set([idColumn, titleColumn, 0].compactMap { $0 }.filter { $0 < cells.count }.map { Self.rowLabel(cells[$0].text) })
            if !labels.isDisjoint(with: Self.totalLabels)
                || (cells[modelColumn].text.isEmpty && !labels.isDisjoint(with: Self.summaryRowTitles)) { continue }
            func text(_ column: Int?) -> String? {
                guard let column, column < cells.count else { return nil }
                return cells[column].text
            }
            let modelCell = cells[modelColumn]
            // Model cells repeat ("haiku", "sonnet"): each distinct text is read once.
            let reading = modelCells.reading(of: modelCell.text) {
                ModelCellCache.Reading(
                    state: ModelAssignment.parse(modelCell.text, line: 0, column: 0, catalog: catalog, missingValues: missingValues).state,
                    isEscalation: ModelAssignment.escalationSeparators.contains { modelCell.text.contains($0) })
            }
            var model = ModelAssignment(
                state: reading.state, line: row.line, column: modelCell.column ?? cells.last(where: { $0.column != nil })?.column ?? 1)
            model.isEscalation = reading.isEscalation
            var id = text(idColumn).flatMap { $0.isEmpty ? nil : $0 }
            var title = text(titleColumn) ?? ""
            let details = text(detailsColumn).flatMap { $0.isEmpty ? nil : $0 }
            // "| AUR-9005 | sonnet | IdP credential rotation |": the ticket column holds the ID.
            if id == nil, Self.looksLikeID(title) {
                id = title
                title = details ?? ""
            }
            tickets.append(Ticket(
                path: path,
                line: row.line,
                id: id,
                title: title,
                owner: text(ownerColumn).flatMap { $0.isEmpty ? nil : $0 },
                labels: labelColumns.compactMap { text($0) }.filter { !$0.isEmpty },
                details: details,
                cells: TicketCells(
                    keys: keys, values: cells.map(\.text),
                    columns: cells.map { $0.column ?? cells.last(where: { $0.column != nil })?.column ?? 1 }),
                model: model,
                section: section?.text,
                lacksModelCell: modelCell.column == nil,
                modelCellSpan: modelCell.span))
        }
        let strongTicketColumn = ticketColumn.map { Self.strongTicketColumns.contains(keys[$0]) } ?? false
        if !isNamedBacklog && !strongTicketColumn && idColumn == nil {
            let isAboutAgentModels = table.rows.indices.contains { index in
                let written = table.rows[index].cells[modelColumn].text.trimmingSpaces()
                return !written.isEmpty && missingValues.contains(written.lowercased())
            } || tickets.contains { ticket in
                ticket.model.names.contains {
                    if case .unknown(let closest) = $0.resolution { closest != nil } else { true }
                }
            }
            guard isAboutAgentModels else { return nil }
        }
        return BacklogTable(
            section: section?.text, sectionLine: section?.line,
            line: table.line, endLine: table.endLine,
            columns: headers, tickets: tickets, conflictLine: conflictLine, notes: rowNotes)
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
    public var details: Set<String>

    public init(model: [String], ticket: [String], id: [String], owner: [String], label: [String], details: [String]) {
        func keys(_ names: [String]) -> Set<String> { Set(names.map(ColumnVocabulary.key)) }
        self.model = keys(model)
        self.ticket = keys(ticket)
        self.id = keys(id)
        self.owner = keys(owner)
        self.label = keys(label)
        self.details = keys(details)
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
        if let last = words.last, last.count > 4, last.hasSuffix("ies") {
            words[words.count - 1] = String(last.dropLast(3)) + "y"
        } else if let last = words.last, last.count > 3, last.hasSuffix("s"), !last.hasSuffix("ss") {
            words[words.count - 1] = String(last.dropLast())
        }
        return words.joined(separator: " ")
    }
}
