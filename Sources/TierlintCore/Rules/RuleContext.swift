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
    public var repositoryPaths = RepositoryPaths()
    /// What the suppressions did, for the rules that report on them; set once the other
    /// rules have run.
    var suppressionOutcome: SuppressionOutcome?
    /// Tickets and definitions alike: the things that are assigned a model.
    public let assignments: [Assignment]
    /// The policy's task patterns, ready to match.
    public let patterns: TaskPatternMatcher
    /// What several rules ask of each assignment, worked out once (in parallel) rather than by
    /// each rule again: its kind of work, its complexity assessment, its security words.
    private let facts: [AssignmentFacts]
    /// Where each assignment's facts are: by identity for tickets, by place for the rest.
    private let ticketFacts: [ObjectIdentifier: Int]
    private let otherFacts: [AssignmentKey: Int]

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
        let patterns = TaskPatternMatcher(patterns: configuration.patterns, catalog: catalog)
        self.patterns = patterns
        let columns = ComplexityColumns(configuration.complexity)
        let vocabulary = configuration.security.vocabulary
        facts = ParallelMap.map(assignments) { assignment in
            let match = assignment.patternMatch(patterns)
            return AssignmentFacts(
                patternIndex: match?.patternIndex ?? -1, phrase: match?.phrase ?? "",
                complexity: assignment.complexity(columns),
                securityWords: assignment.securityWords(vocabulary))
        }
        var ticketFacts: [ObjectIdentifier: Int] = [:]
        var otherFacts: [AssignmentKey: Int] = [:]
        ticketFacts.reserveCapacity(assignments.count)
        for (index, assignment) in assignments.enumerated() {
            if case .ticket(let ticket) = assignment {
                ticketFacts[ObjectIdentifier(ticket)] = index
            } else if otherFacts[AssignmentKey(assignment)] == nil {
                otherFacts[AssignmentKey(assignment)] = index
            }
        }
        self.ticketFacts = ticketFacts
        self.otherFacts = otherFacts
        securityRuleIsOn = configuration.severity(of: SecurityTierRule().description) != nil
        // Owner cells repeat (a handful of teams over thousands of tickets): each is matched
        // against the roles once.
        let roleKeys = configuration.roles.map { Set($0.names.map(RoleDefault.key)) }
        var roles: [String: Int] = [:]
        for owner in Set(backlogs.lazy.flatMap(\.tickets).compactMap(\.owner)) {
            let key = RoleDefault.key(owner)
            roles[owner] = roleKeys.firstIndex(where: { $0.contains(key) }) ?? -1
        }
        ownerRoles = roles
    }

    private let ownerRoles: [String: Int]

    /// The role an owner cell names (seed 000's "By Owner Role"), if any.
    public func role(forOwner owner: String) -> RoleDefault? {
        if let index = ownerRoles[owner] { return index < 0 ? nil : configuration.roles[index] }
        return configuration.roles.first { $0.matches(owner: owner) }
    }

    private let securityRuleIsOn: Bool

    /// The kind of work an assignment is, by the policy's task patterns.
    public func patternMatch(_ assignment: Assignment) -> PatternMatch? {
        guard let facts = facts(of: assignment) else { return assignment.patternMatch(patterns) }
        guard facts.patternIndex >= 0 else { return nil }
        return PatternMatch(pattern: patterns.patterns[facts.patternIndex], phrase: facts.phrase, patternIndex: facts.patternIndex)
    }

    private func facts(of assignment: Assignment) -> AssignmentFacts? {
        let index = if case .ticket(let ticket) = assignment { ticketFacts[ObjectIdentifier(ticket)] } else { otherFacts[AssignmentKey(assignment)] }
        return index.map { facts[$0] }
    }

    /// Seed 001's complexity assessment, when the assignment carries one.
    public func complexity(_ assignment: Assignment) -> ComplexityScore? {
        facts(of: assignment).map(\.complexity) ?? assignment.complexity(ComplexityColumns(configuration.complexity))
    }

    /// The security words that make an assignment security work.
    public func securityWords(_ assignment: Assignment) -> [String] {
        facts(of: assignment).map(\.securityWords) ?? assignment.securityWords(configuration.security.vocabulary)
    }

    /// Whether the security rule sets this work's tier, so the other tier rules leave it alone.
    public func isSecurityWork(_ assignment: Assignment) -> Bool {
        securityRuleIsOn && !securityWords(assignment).isEmpty
    }
}

/// An assignment's place: one model is written at one place in one file.
private struct AssignmentKey: Hashable {
    var path: String
    var line: Int
    var column: Int

    init(_ assignment: Assignment) {
        path = assignment.path
        line = assignment.model.line
        column = assignment.model.column
    }
}

private struct AssignmentFacts: Sendable {
    /// The matched pattern's place in the policy's list (-1: none), and the phrase that matched.
    var patternIndex: Int
    var phrase: String
    var complexity: ComplexityScore?
    var securityWords: [String]
}
