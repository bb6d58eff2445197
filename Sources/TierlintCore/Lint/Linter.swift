/// The policy engine: files and their roles in, findings out.
public struct Linter: Sendable {
    public let configuration: Configuration
    public let catalog: ModelCatalog
    public let rules: [any Rule]

    public init(configuration: Configuration, baseCatalog: ModelCatalog = .bundled, rules: [any Rule] = RuleRegistry.all) {
        self.configuration = configuration
        self.catalog = configuration.catalog(from: baseCatalog)
        self.rules = rules.filter { configuration.severity(of: $0.description) != nil }
    }

    /// Checks `files`. `context` holds agent files that are not reported on but belong to the
    /// repository's agent set (in a pre-commit check, the agents that did not change).
    /// `problems` are problems found before reading, such as unreadable plugin manifests.
    /// What a check reads: the files to report on, their roles, and more.
    public struct Input: Sendable {
        public var files: [SourceFile]
        public var roles: [String: FileRole]
        /// Files not reported on, read to judge sets and references (unchanged agents, and
        /// the dispatch lists that send work to a changed one).
        public var context: [SourceFile] = []
        /// Problems found before reading, such as unreadable plugin manifests.
        public var problems: [ParseProblem] = []
        /// The plugin each plugin agent belongs to (see `FileSelection`).
        public var agentSets: [String: String] = [:]
        /// Pages not reported on that may list a changed agent: their statements about it are
        /// checked (doc-drift).
        public var contextDocuments: [SourceFile] = []
        /// Every path of the source, to tell a broken link from a file that is not read.
        public var repositoryPaths: Set<String> = []
    }

    /// `agentSets` names the plugin each plugin agent belongs to (see `FileSelection`).
    public func lint(
        _ files: [SourceFile], roles: [String: FileRole], context: [SourceFile] = [], problems: [ParseProblem] = [],
        agentSets: [String: String] = [:]
    ) -> LintResult {
        lint(Input(files: files, roles: roles, context: context, problems: problems, agentSets: agentSets))
    }

    public func lint(_ input: Input) -> LintResult {
        let (ruleContext, checkedPaths) = context(input)
        var findings: [Finding] = []
        // `rules` holds only the rules the configuration turns on.
        for rule in rules {
            let severity = configuration.severity(of: rule.description) ?? rule.description.defaultSeverity
            findings += rule.check(ruleContext).map { finding in
                var finding = finding
                // A rule's own notes (info below its default) keep their severity.
                if finding.severity == rule.description.defaultSeverity { finding.severity = severity }
                return finding
            }
        }
        findings.sort(by: Finding.reportOrder)
        return LintResult(
            findings: findings,
            checkedPaths: checkedPaths,
            tickets: ruleContext.backlogs.reduce(0) { $0 + $1.tickets.count },
            definitions: ruleContext.definitions)
    }

    /// Reads the documents of a check into what the rules see.
    func context(_ input: Input) -> (context: RuleContext, checkedPaths: [String]) {
        let files = input.files, roles = input.roles, context = input.context, agentSets = input.agentSets
        let loader = DocumentLoader(configuration: configuration, catalog: catalog)
        var backlogs: [Backlog] = []
        var definitions: [AgentDefinition] = []
        var yamlFiles: [YAMLAgentFile] = []
        var references: [AgentReference] = []
        var parseProblems = input.problems
        var checkedPaths: [String] = []

        let loaded = ParallelMap.map(files) { file -> DocumentLoader.Loaded in
            guard let role = roles[file.path] else { return .nothing }
            return loader.load(file, role: role)
        }
        for (file, document) in zip(files, loaded) where roles[file.path] != nil {
            checkedPaths.append(file.path)
            switch document {
            case .markdown(let backlog, let found):
                if let backlog { backlogs.append(backlog) }
                references += found
            case .definition(var definition):
                definition.agentSet = agentSets[definition.path] ?? ""
                definitions.append(definition)
            case .yamlAgents(let file):
                yamlFiles.append(file)
                definitions += file.agents
            case .problem(let problem): parseProblems.append(problem)
            case .nothing: break
            }
        }
        var allAgents = definitions
        var contextTasks: [DispatchTask] = []
        let contextLoaded = ParallelMap.map(context) { file -> DocumentLoader.Loaded in
            guard let role = roles[file.path], role.isDefinition || role == .yamlAgents else { return .nothing }
            return loader.load(file, role: role)
        }
        for loaded in contextLoaded {
            switch loaded {
            case .definition(var definition):
                definition.agentSet = agentSets[definition.path] ?? ""
                allAgents.append(definition)
            case .yamlAgents(let file):
                allAgents += file.agents
                contextTasks += file.tasks
            default:
                continue
            }
        }

        var contextReferences: [AgentReference] = []
        for case .markdown(_, let found) in ParallelMap.map(input.contextDocuments, { file -> DocumentLoader.Loaded in
            guard let role = roles[file.path], role == .markdown || role == .backlog else { return .nothing }
            return loader.load(file, role: role)
        }) {
            contextReferences += found
        }

        var ruleContext = RuleContext(
            configuration: configuration, catalog: catalog, backlogs: backlogs, definitions: definitions,
            allAgents: allAgents, parseProblems: parseProblems, yamlFiles: yamlFiles, references: references)
        ruleContext.contextReferences = contextReferences
        ruleContext.contextTasks = contextTasks
        ruleContext.repositoryPaths = input.repositoryPaths
        return (ruleContext, checkedPaths.sorted())
    }
}

/// The outcome of a check.
public struct LintResult: Sendable {
    public var findings: [Finding]
    /// The files that were read and judged, sorted: what a JUnit report lists as passing.
    public var checkedPaths: [String]
    public var tickets: Int
    public var definitionCounts: [DefinitionKind: Int]

    public var filesChecked: Int { checkedPaths.count }

    public init(findings: [Finding], checkedPaths: [String], tickets: Int, definitions: [AgentDefinition]) {
        self.findings = findings
        self.checkedPaths = checkedPaths
        self.tickets = tickets
        var counts: [DefinitionKind: Int] = [:]
        for definition in definitions { counts[definition.kind, default: 0] += 1 }
        self.definitionCounts = counts
    }

    public var agents: Int { definitionCounts[.agent] ?? 0 }

    public func count(_ severity: Severity) -> Int {
        findings.count { $0.severity == severity }
    }

    /// Exit status 1 when an error was found, or with `strict` a warning too.
    public func failed(strict: Bool) -> Bool {
        findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }
}
