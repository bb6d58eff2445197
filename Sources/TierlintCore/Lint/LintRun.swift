/// One check of a source: reads the policy from it, decides which files to read, reads them
/// and lints them. The command line and the tests both run checks through this.
public struct LintRun {
    public let source: any FileSource
    public let configuration: Configuration
    /// Counts files as they are read and checked, when someone is watching.
    public var progress: CheckProgress?

    /// The largest `.tierlint.yml` tierlint reads.
    public static let configurationLimit = 1 << 20

    /// Reads `.tierlint.yml` from the source itself (the index, for a pre-commit check), or
    /// `configuration` when one was given (`--config FILE`).
    public init(source: any FileSource, configuration given: (file: String, content: SourceFile.Content)? = nil) throws {
        self.source = source
        if let given {
            configuration = try Self.load(given.content, file: given.file)
        } else if let content = try source.read(ConfigurationLoader.fileName, limit: Self.configurationLimit) {
            configuration = try Self.load(content, file: ConfigurationLoader.fileName)
        } else {
            configuration = try Preset.configuration(named: Preset.defaultName)
        }
    }

    private static func load(_ content: SourceFile.Content, file: String) throws -> Configuration {
        switch content {
        case .tooLarge(let size):
            throw ConfigurationError(
                file: file, line: nil, key: nil,
                message: "the file is \(ByteCount(size)), over the \(ByteCount(configurationLimit)) a policy file may have")
        case .bytes(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ConfigurationError(file: file, line: nil, key: nil, message: "the file is not valid UTF-8")
            }
            return try ConfigurationLoader.load(text, file: file)
        }
    }

    /// Which baseline hides known findings.
    public enum BaselineChoice {
        /// The file `baseline:` in the policy names, read from the source, if any.
        case configured
        case given(Baseline)
        /// None: every finding (what `--write-baseline` records).
        case none
    }

    /// Checks the source; `rules` narrows the report to some rules (the rule tests report one).
    public func lint(rules: [any Rule] = RuleRegistry.all, baseline: BaselineChoice = .configured) throws -> LintResult {
        var linter = Linter(configuration: configuration, rules: rules)
        linter.progress = progress
        var result = linter.lint(try prepare())
        switch baseline {
        case .given(let given): result.apply(given)
        case .configured: if let configured = try configuredBaseline() { result.apply(configured) }
        case .none: break
        }
        return result
    }

    /// The baseline `.tierlint.yml` names, read from the same source as the files: in a
    /// pre-commit check, the staged baseline.
    func configuredBaseline() throws -> Baseline? {
        guard let path = configuration.baselinePath else { return nil }
        switch try source.read(path, limit: 64 << 20) {
        case nil:
            throw ConfigurationError(
                file: ConfigurationLoader.fileName, line: nil, key: "baseline",
                message: "the baseline \(path) is not in the \(source.name); write it with `tierlint check --write-baseline \(path)`")
        case .tooLarge(let size)?:
            throw ConfigurationError(file: path, line: nil, key: nil, message: "the baseline is \(ByteCount(size)), too large to read")
        case .bytes(let bytes)?:
            return try Baseline.read(bytes, file: path)
        }
    }

    /// The audit of the source: every file, every finding the suppressions leave (a baseline
    /// hides debt, and an audit is there to show it).
    public func audit(toolVersion: String) throws -> AuditReport {
        var linter = Linter(configuration: configuration)
        linter.progress = progress
        let (result, context) = linter.evaluate(try prepare())
        return AuditReport.build(context: context, result: result, toolVersion: toolVersion, source: source.name)
    }

    /// The documents the rules read, without running the rules (for `tierlint fix`).
    public func context() throws -> RuleContext {
        Linter(configuration: configuration).context(try prepare()).context
    }

    /// Reads what a check needs: the files to report on, with their roles, and the agents
    /// that are read only to judge sets and references.
    func prepare() throws -> Linter.Input {
        let allPaths = try source.paths()
        let links = try source.symlinks()
        let toCheck = try source.pathsToCheck() ?? allPaths + links.keys.sorted()
        let reported = Set(toCheck)

        let selector = FileSelector(configuration: configuration)
        var manifests: [String: [UInt8]] = [:]
        for path in selector.manifestPaths(in: allPaths) {
            if case .bytes(let bytes)? = try source.read(path, limit: configuration.maxFileSize) { manifests[path] = bytes }
        }
        // The roles of the files reported on decide what else must be read; the rest of the
        // repository is classified only when it is (a path's role does not depend on the
        // other paths classified with it, only on the plugin manifests).
        let linkPaths = Set(links.keys)
        // Built only when every path is classified: a copy of a large index's paths.
        var everyPath: [String] { allPaths + links.keys.sorted() }
        let partial = toCheck.count < allPaths.count + links.count
        var selection = selector.select(partial ? toCheck : everyPath, manifests: manifests, links: linkPaths)
        var roles = selection.roles

        let checked = toCheck.filter { roles[$0] != nil && links[$0] == nil }
        progress?.expect(checked.count * 2)
        let files = try checked.compactMap { path in
            defer { progress?.advance() }
            return try source.read(path, limit: configuration.maxFileSize).map { SourceFile(path: path, content: $0) }
        }
        // When an agent changes, its agent set as a whole is judged, unchanged agents included;
        // a dispatch list is judged against every agent of the repository.
        var context: [SourceFile] = []
        let changedSets = Set(checked.compactMap { path -> String? in
            guard case .definition(.agent, _)? = roles[path] else { return nil }
            return selection.agentSets[path] ?? ""
        })
        // Pages that may list agents with their models are compared with every agent too.
        let needsEveryAgent = checked.contains { roles[$0] == .yamlAgents }
            || files.contains { file in
                guard roles[file.path] == .markdown || roles[file.path] == .backlog, case .bytes(let bytes) = file.content
                else { return false }
                return DocumentLoader.mightHoldAgentTable(bytes, agentColumns: configuration.docDrift.agentColumns)
            }
        let changedNames = checked.flatMap { path -> [[UInt8]] in
            guard case .definition(.agent, _)? = roles[path] else { return [] }
            let name = AgentDefinition.defaultName(path: path, kind: .agent).lowercased()
            return Set([name, name.replacing("-", with: " "), name.replacing("-", with: "_")]).map { Array($0.utf8) }
        }
        if partial, !changedSets.isEmpty || needsEveryAgent || !changedNames.isEmpty || toCheck.contains(where: linkPaths.contains) {
            selection = selector.select(everyPath, manifests: manifests, links: linkPaths)
            roles = selection.roles
        }
        if !changedSets.isEmpty || needsEveryAgent {
            for path in allPaths where !reported.contains(path) {
                let isAgentFile = roles[path] == .yamlAgents || { if case .definition(.agent, _)? = roles[path] { true } else { false } }()
                guard isAgentFile, needsEveryAgent || changedSets.contains(selection.agentSets[path] ?? "") else { continue }
                if let content = try source.read(path, limit: configuration.maxFileSize) {
                    context.append(SourceFile(path: path, content: content))
                }
            }
        }
        // A changed agent may make the pages that list it wrong: read those that name it.
        var contextDocuments: [SourceFile] = []
        // Pages write a name as the file does, or in words (`changedNames`): code-reviewer,
        // code reviewer, code_reviewer.
        if !changedNames.isEmpty && reported.count < allPaths.count {
            for path in allPaths where !reported.contains(path) && (roles[path] == .markdown || roles[path] == .backlog) {
                guard case .bytes(let bytes)? = try source.read(path, limit: configuration.maxFileSize),
                      DocumentLoader.mightHoldAgentTable(bytes, agentColumns: configuration.docDrift.agentColumns),
                      changedNames.contains(where: { DocumentLoader.containsIgnoringCase(bytes, $0) }) else { continue }
                contextDocuments.append(SourceFile(path: path, content: .bytes(bytes)))
            }
        }
        // ... and so may the dispatch lists that send it work: read those that name it.
        if !changedNames.isEmpty {
            let inContext = Set(context.map(\.path))
            for path in allPaths where roles[path] == .yamlAgents && !reported.contains(path) && !inContext.contains(path) {
                guard case .bytes(let bytes)? = try source.read(path, limit: configuration.maxFileSize),
                      changedNames.contains(where: { DocumentLoader.containsIgnoringCase(bytes, $0) }) else { continue }
                context.append(SourceFile(path: path, content: .bytes(bytes)))
            }
        }
        let linkNotes = toCheck.sorted().compactMap { path in
            links[path].flatMap { target in
                if let role = selection.linkedFolders[path] {
                    return folderLinkNote(path, target: target, role: role, roles: roles, paths: allPaths)
                }
                return linkNote(path, target: target, roles: roles)
            }
        }
        return Linter.Input(
            files: files, roles: roles, context: context,
            problems: selection.problems.filter { reported.contains($0.path) } + linkNotes,
            agentSets: selection.agentSets, contextDocuments: contextDocuments,
            repositoryPaths: RepositoryPaths(allPaths, others: links.keys))
    }

    /// Links are never followed: a link where an agent or a named backlog would be is a note,
    /// and a warning when what it points at is not checked anywhere else.
    private func linkNote(_ path: String, target: String, roles: [String: FileRole]) -> ParseProblem? {
        guard let role = roles[path], role != .markdown else { return nil }
        if let resolved = RepositoryPath.resolve(target, from: path), let targetRole = roles[resolved],
           targetRole == role || targetRole.isDefinition {
            return ParseProblem(
                path: path, line: 1,
                message: "symbolic link to \(target); tierlint does not follow links, and checks \(resolved) at its own path",
                severity: .info)
        }
        return ParseProblem(
            path: path, line: 1,
            message: "symbolic link to \(target), which tierlint does not follow, and its target is not checked "
                + "anywhere; put the file itself here, or add its folder to `agents.paths` in .tierlint.yml",
            severity: .warning)
    }

    /// A link where a folder of definitions would be: a note when every Markdown file of the
    /// folder it points at is checked as a definition at its own path, a warning otherwise
    /// (the folder is outside the repository, or its files are read as nothing).
    private func folderLinkNote(
        _ path: String, target: String, role: FileRole, roles: [String: FileRole], paths: [String]
    ) -> ParseProblem {
        let kind: DefinitionKind = if case .definition(let kind, _) = role { kind } else { .agent }
        let resolved = RepositoryPath.resolve(target, from: path).flatMap { $0.isEmpty ? nil : $0 }
        if let resolved {
            let files = paths.filter { RepositoryPath.isUnder($0, resolved) && FileSelector.isMarkdown($0) && $0 != resolved }
            if !files.isEmpty, files.allSatisfy({ roles[$0]?.isDefinition == true }) {
                return ParseProblem(
                    path: path, line: 1,
                    message: "symbolic link to the folder \(target); tierlint does not follow links, and checks the "
                        + "files of \(resolved) at their own paths",
                    severity: .info)
            }
        }
        let key = switch kind {
        case .agent: "agents.paths"
        case .command: "agents.commands"
        case .skill: "agents.skills"
        }
        let glob = resolved.map { "\"\($0)/**/\(kind == .skill ? "SKILL.md" : "*.md")\"" } ?? "its target"
        return ParseProblem(
            path: path, line: 1,
            message: "symbolic link to the folder \(target), which tierlint does not follow, so the \(kind.rawValue) "
                + "files in it are not checked; put the folder itself here, or add \(glob) to `\(key)` in .tierlint.yml",
            severity: .warning)
    }
}
