/// Everything the rules read: the documents and the policy.
public struct RuleContext: Sendable {
    public let configuration: Configuration
    public let catalog: ModelCatalog
    /// Backlogs of the files being reported on.
    public let backlogs: [Backlog]
    /// Definitions of the files being reported on.
    public let definitions: [AgentDefinition]
    /// Every agent of the repository that was read, including ones only read to judge the
    /// agent set as a whole (in a pre-commit check, the unchanged ones).
    public let allAgents: [AgentDefinition]
    public let parseProblems: [ParseProblem]
    /// YAML agent files being reported on: their dispatch lists and pipelines.
    public let yamlFiles: [YAMLAgentFile]
    /// Documentation rows that state an agent's model, in the pages being reported on.
    public let references: [AgentReference]
    /// Rows of other pages, read because they may state the model of a changed agent.
    public var contextReferences: [AgentReference] = []
    /// Tasks of dispatch lists not reported on, read because they may send work to a changed
    /// agent on another tier (dispatch-drift).
    public var contextTasks: [DispatchTask] = []
    /// Every path of the source, when known.
    public var repositoryPaths: Set<String> = []
    /// What the suppressions did, for the rules that report on them; set once the other
    /// rules have run.
    var suppressionOutcome: SuppressionOutcome?
    /// Tickets and definitions alike: the things that are assigned a model.
    public let assignments: [Assignment]
    /// The policy's task patterns, ready to match.
    public let patterns: TaskPatternMatcher

    public init(
        configuration: Configuration, catalog: ModelCatalog, backlogs: [Backlog], definitions: [AgentDefinition],
        allAgents: [AgentDefinition], parseProblems: [ParseProblem], yamlFiles: [YAMLAgentFile] = [],
        references: [AgentReference] = []
    ) {
        self.configuration = configuration
        self.catalog = catalog
        self.backlogs = backlogs
        self.definitions = definitions
        self.allAgents = allAgents
        self.parseProblems = parseProblems
        self.yamlFiles = yamlFiles
        self.references = references
        assignments = backlogs.flatMap(\.tickets).map(Assignment.ticket) + definitions.map(Assignment.definition)
            + yamlFiles.flatMap(\.tasks).map(Assignment.task)
        patterns = TaskPatternMatcher(patterns: configuration.patterns, catalog: catalog)
    }

    /// Whether the security rule sets this work's tier, so the other tier rules leave it alone.
    public func isSecurityWork(_ assignment: Assignment) -> Bool {
        configuration.severity(of: SecurityTierRule().description) != nil
            && !assignment.securityWords(configuration.security.vocabulary).isEmpty
    }
}
