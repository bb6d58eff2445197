/// The policy engine: files and their roles in, findings out.
public struct Linter: Sendable {
    public let configuration: Configuration
    public let catalog: ModelCatalog
    /// The rules that run: every rule the configuration turns on.
    public let rules: [any Rule]
    /// The rules whose findings are reported. Every rule runs even when only some are
    /// reported, so that a suppression is judged by every finding it may cover.
    public let reported: Set<String>
    /// Counts each file as it is parsed.
    public var progress: CheckProgress?

    /// `rules` are the rules to report; the rule tests report one.
    public init(configuration: Configuration, baseCatalog: ModelCatalog = .bundled, rules: [any Rule] = RuleRegistry.all) {
        self.configuration = configuration
        self.catalog = configuration.catalog(from: baseCatalog)
        let registered = Set(RuleRegistry.all.map(\.description.slug))
        self.rules = (RuleRegistry.all + rules.filter { !registered.contains($0.description.slug) })
            .filter { configuration.severity(of: $0.description) != nil }
        reported = Set(rules.map(\.description.slug))
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
        public var repositoryPaths = RepositoryPaths()
    }

    /// `agentSets` names the plugin each plugin agent belongs to (see `FileSelection`).
    public func lint(
        _ files: [SourceFile], roles: [String: FileRole], context: [SourceFile] = [], problems: [ParseProblem] = [],
        agentSets: [String: String] = [:]
    ) -> LintResult {
        lint(Input(files: files, roles: roles, context: context, problems: problems, agentSets: agentSets))
    }

    public func lint(_ input: Input) -> LintResult {
        evaluate(input).result
    }

    /// The findings, and the documents they were found in (for the audit).
    func evaluate(_ input: Input) -> (result: LintResult, context: RuleContext) {
        var (ruleContext, checkedPaths, suppressions) = context(input)
        func run(_ rule: any Rule) -> [Finding] {
            let severity = configuration.severity(of: rule.description) ?? rule.description.defaultSeverity
            return rule.check(ruleContext).map { finding in
                var finding = finding
                // A rule's own notes (info below its default) keep their severity.
                if finding.severity == rule.description.defaultSeverity { finding.severity = severity }
                return finding
            }
        }
        // `rules` holds only the rules the configuration turns on.
        var findings = rules.filter { !$0.runsOnSuppressions }.flatMap(run)
        findings = findings.filter { !configuration.ignores($0.rule.slug, at: $0.path) }
        findings = Self.placingTickets(findings, in: ruleContext.backlogs)
        // Which set each agent file belongs to, for suppressions of findings about a set.
        var agentSets: [String: String] = [:]
        for agent in ruleContext.allAgents where agent.kind == .agent { agentSets[agent.path] = agent.agentSet }
        let outcome = SuppressionFilter.apply(suppressions, to: findings, configuration: configuration, agentSets: agentSets)
        ruleContext.suppressionOutcome = outcome
        findings = outcome.kept + rules.filter(\.runsOnSuppressions).flatMap(run)
        findings = findings.filter { reported.contains($0.rule.slug) }
        findings.sort(by: Finding.reportOrder)
        let result = LintResult(
            findings: findings,
            checkedPaths: checkedPaths,
            tickets: ruleContext.backlogs.reduce(0) { $0 + $1.tickets.count },
            definitions: ruleContext.definitions)
        return (result, ruleContext)
    }

    /// Each finding on a ticket's row learns the ticket's section, which tells it apart from
    /// the ticket with the same ID in another sprint (for baselines and fingerprints).
    static func placingTickets(_ findings: [Finding], in backlogs: [Backlog]) -> [Finding] {
        var sections: [String: [Int: String]] = [:]
        for backlog in backlogs {
            for ticket in backlog.tickets { sections[backlog.path, default: [:]][ticket.line] = ticket.section ?? "" }
        }
        guard !sections.isEmpty else { return findings }
        return findings.map { finding in
            guard finding.agentSet == nil, let section = sections[finding.path]?[finding.line] else { return finding }
            var placed = finding
            placed.section = section
            return placed
        }
    }

    /// Reads the documents of a check into what the rules see.
    func context(_ input: Input) -> (context: RuleContext, checkedPaths: [String], suppressions: [Suppression]) {
        let files = input.files, roles = input.roles, context = input.context, agentSets = input.agentSets
        let loader = DocumentLoader(configuration: configuration, catalog: catalog)
        var backlogs: [Backlog] = []
        var definitions: [AgentDefinition] = []
        var yamlFiles: [YAMLAgentFile] = []
        var references: [AgentReference] = []
        var parseProblems = input.problems
        var checkedPaths: [String] = []

        var suppressions: [Suppression] = []
        let progress = self.progress
        let loaded = ParallelMap.map(files) { file -> (DocumentLoader.Loaded, [Suppression]) in
            defer { progress?.advance() }
            guard let selected = roles[file.path] else { return (.nothing, []) }
            let role = DocumentLoader.role(of: file, selected: selected)
            guard case .bytes(let bytes) = file.content else { return (loader.load(file, role: role), []) }
            return (loader.load(file, role: role), SuppressionExtractor.extract(path: file.path, bytes: bytes, role: role))
        }
        for (file, (document, found)) in zip(files, loaded) where roles[file.path] != nil {
            checkedPaths.append(file.path)
            suppressions += found
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
            guard let selected = roles[file.path] else { return .nothing }
            let role = DocumentLoader.role(of: file, selected: selected)
            guard role.isDefinition || role == .yamlAgents else { return .nothing }
            return loader.load(file, role: role)
        }
        // An agent that is read only to judge its set may still excuse the set: its
        // suppressions count for findings about the set, and are never reported as unused.
        for file in context {
            guard case .definition(.agent, _)? = roles[file.path], case .bytes(let bytes) = file.content else { continue }
            suppressions += SuppressionExtractor.extract(path: file.path, bytes: bytes, role: roles[file.path]!).map { found in
                var suppression = found
                suppression.isContext = true
                return suppression
            }
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
        return (ruleContext, checkedPaths.sorted(), suppressions)
    }
}

/// The outcome of a check.
public struct LintResult: Sendable {
    public var findings: [Finding]
    /// The files that were read and judged, sorted: what a JUnit report lists as passing.
    public var checkedPaths: [String]
    public var tickets: Int
    public var definitionCounts: [DefinitionKind: Int]
    /// Findings a baseline hid, and baseline entries of the checked files that no longer
    /// match a finding.
    public var baselined = 0
    public var staleBaselineEntries = 0

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

    /// Hides the findings a baseline holds.
    public mutating func apply(_ baseline: Baseline) {
        let outcome = baseline.apply(to: findings, checkedPaths: Set(checkedPaths))
        findings = outcome.kept
        baselined += outcome.hidden
        staleBaselineEntries += outcome.stale
    }

    public func count(_ severity: Severity) -> Int {
        findings.count { $0.severity == severity }
    }

    /// Exit status 1 when an error was found, or with `strict` a warning too.
    public func failed(strict: Bool) -> Bool {
        findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }
}
