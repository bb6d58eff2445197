/// Model names that one agent tool defines for its own files, valid there and nowhere else:
/// Cursor's subagent frontmatter documents `model: fast`, its fast model, besides `inherit`
/// and model IDs. In any other file `fast` names no model and stays unknown.
enum ToolModelNames {
    static let byFormat: [AgentFormat: [(name: String, tier: String)]] = [
        .cursor: [("fast", "haiku")],
    ]
}

extension ModelCatalog {
    /// The catalog as a definition file of `format` is read: with the names that tool defines.
    func reading(_ format: AgentFormat) -> ModelCatalog {
        guard let names = ToolModelNames.byFormat[format] else { return self }
        return adding(names.compactMap { entry in tier(named: entry.tier).map { (names: [entry.name], tier: $0, price: nil) } })
    }
}
