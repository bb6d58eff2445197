import TierlintCore

/// Runs the linter over in-memory files the way the command line does: config, then roles,
/// then documents, then rules.
func lint(
    _ files: [SourceFile], configuration text: String? = nil, rules: [any Rule] = RuleRegistry.all
) throws -> LintResult {
    let configuration = try text.map { try ConfigurationLoader.load($0) } ?? Configuration()
    let selector = FileSelector(configuration: configuration)
    let paths = files.map(\.path)
    var manifests: [String: [UInt8]] = [:]
    for path in selector.manifestPaths(in: paths) {
        if case .bytes(let bytes) = files.first(where: { $0.path == path })!.content { manifests[path] = bytes }
    }
    let selection = selector.select(paths, manifests: manifests)
    return Linter(configuration: configuration, rules: rules)
        .lint(files, roles: selection.roles, problems: selection.problems, agentSets: selection.agentSets)
}

func lint(_ path: String, _ text: String, configuration: String? = nil, rules: [any Rule] = RuleRegistry.all) throws -> [Finding] {
    try lint([SourceFile(path: path, text: text)], configuration: configuration, rules: rules).findings
}

extension Finding {
    var position: String { "\(path):\(line):\(column)" }
}
