import TierlintCore

/// Runs a check over in-memory files through the same `LintRun` the command line uses:
/// config, then roles, then documents, then rules.
func lint(
    _ files: [SourceFile], configuration text: String? = nil, rules: [any Rule] = RuleRegistry.all
) throws -> LintResult {
    let source = MemorySource(files)
    let run = try LintRun(
        source: source, configuration: text.map { (".tierlint.yml", SourceFile.Content.bytes(Array($0.utf8))) })
    return try run.lint(rules: rules)
}

func lint(_ path: String, _ text: String, configuration: String? = nil, rules: [any Rule] = RuleRegistry.all) throws -> [Finding] {
    try lint([SourceFile(path: path, text: text)], configuration: configuration, rules: rules).findings
}

extension Finding {
    var position: String { "\(path):\(line):\(column)" }
}
