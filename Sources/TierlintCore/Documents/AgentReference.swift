import TierlintMarkdown

/// A documentation table's statement of an agent's model: a row of a table with an Agent (or
/// Name) column and a Model column, naming or linking the agent.
public struct AgentReference: Sendable, Equatable {
    public var path: String
    public var line: Int
    /// The agent's name as the row writes it.
    public var name: String
    /// The repository path the row links to, when it links to a file in the repository.
    public var linkedPath: String?
    public var model: ModelAssignment

    /// The references in a document's tables. Backlog tables (with a ticket column) are not
    /// documentation: their Agent column says who does a ticket, not which model an agent has.
    static func extract(
        path: String, document: MarkdownDocument, columns: ColumnVocabulary, agentColumns: Set<String>,
        catalog: ModelCatalog, missingValues: Set<String>
    ) -> [AgentReference] {
        var references: [AgentReference] = []
        for table in document.tables {
            let keys = table.header.cells.map { ColumnVocabulary.key($0.text) }
            guard !keys.contains(where: columns.ticket.contains),
                  let modelColumn = keys.firstIndex(where: columns.model.contains),
                  let agentColumn = keys.firstIndex(where: agentColumns.contains) else { continue }
            for row in table.rows {
                let agentCell = row.cells[agentColumn], modelCell = row.cells[modelColumn]
                let name = agentCell.text.trimmingSpaces()
                guard !name.isEmpty, !modelCell.text.trimmingSpaces().isEmpty else { continue }
                let model = ModelAssignment.parse(
                    modelCell.text, line: row.line, column: modelCell.column ?? 1, catalog: catalog, missingValues: missingValues)
                let linked = row.cells.flatMap(\.links).lazy.compactMap { resolve($0, from: path) }.first
                references.append(AgentReference(path: path, line: row.line, name: name, linkedPath: linked, model: model))
            }
        }
        return references
    }

    /// An agent's name as people write it in prose and tables, reduced to how files name it:
    /// "Code Reviewer", "`code_reviewer`", "code-reviewer.md" and "@code-reviewer" are all
    /// `code-reviewer`. Only equal keys match, so no other agent's name ever does.
    public static func nameKey(_ written: String) -> String {
        var name = written.trimmingSpaces().lowercased()
        name = String(name.drop { "`'\"@".contains($0) }.reversed().drop { "`'\"".contains($0) }.reversed())
        for suffix in [".agent.md", ".chatmode.md", ".md"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        let words = name.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" })
        return words.joined(separator: "-")
    }

    /// A link written in `document` as a repository path: relative links resolve against the
    /// document's folder, `/`-rooted ones against the repository; URLs and anchors are not files.
    static func resolve(_ link: String, from document: String) -> String? {
        var target = Substring(link)
        if let end = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = target[..<end] }
        guard !target.isEmpty, !target.contains("://"), !target.hasPrefix("mailto:") else { return nil }
        if target.hasPrefix("/") { return RepositoryPath.resolve(String(target.dropFirst()), from: "x") }
        return RepositoryPath.resolve(String(target), from: document)
    }
}
