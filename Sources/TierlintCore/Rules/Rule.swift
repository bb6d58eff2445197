/// A policy check. Rules are small values: they carry their own description and examples,
/// and turn what was read from the files into findings.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: RuleContext) -> [Finding]
}

/// What `tierlint rules` and `tierlint explain` show, and what the rule tests run.
public struct RuleDescription: Sendable {
    public var slug: String
    public var code: String
    public var defaultSeverity: Severity
    /// One sentence: what the rule reports.
    public var summary: String
    /// Why it matters and how to fix it, in plain paragraphs.
    public var explanation: String
    /// Examples the rule must report, with `↓` before each place a finding points at.
    public var triggeringExamples: [Example]
    /// Examples the rule must accept.
    public var nonTriggeringExamples: [Example]

    public var identity: RuleIdentity { RuleIdentity(slug: slug, code: code) }

    public init(
        slug: String, code: String, defaultSeverity: Severity, summary: String, explanation: String,
        triggeringExamples: [Example], nonTriggeringExamples: [Example]
    ) {
        self.slug = slug
        self.code = code
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.explanation = explanation
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}

/// A small repository: one or more files and, optionally, a `.tierlint.yml`.
public struct Example: Sendable {
    public static let marker: Character = "↓"

    public var files: [(path: String, text: String)]
    public var configuration: String?

    public init(_ path: String, _ text: String, configuration: String? = nil) {
        self.files = [(path, text)]
        self.configuration = configuration
    }

    public init(files: [(path: String, text: String)], configuration: String? = nil) {
        self.files = files
        self.configuration = configuration
    }

    /// The files without markers, as a linter reads them.
    public var sourceFiles: [SourceFile] {
        files.map { SourceFile(path: $0.path, text: $0.text.filter { $0 != Example.marker }) }
    }

    /// Where the markers are: path, 1-based line and 1-based character column.
    public var markedPositions: [(path: String, line: Int, column: Int)] {
        var positions: [(String, Int, Int)] = []
        for (path, text) in files {
            var line = 1, column = 1
            for character in text {
                if character == Example.marker {
                    positions.append((path, line, column))
                } else if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += character.unicodeScalars.count
                }
            }
        }
        return positions
    }
}

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
    /// Tickets and definitions alike: the things that are assigned a model.
    public let assignments: [Assignment]

    public init(
        configuration: Configuration, catalog: ModelCatalog, backlogs: [Backlog], definitions: [AgentDefinition],
        allAgents: [AgentDefinition], parseProblems: [ParseProblem]
    ) {
        self.configuration = configuration
        self.catalog = catalog
        self.backlogs = backlogs
        self.definitions = definitions
        self.allAgents = allAgents
        self.parseProblems = parseProblems
        assignments = backlogs.flatMap(\.tickets).map(Assignment.ticket) + definitions.map(Assignment.definition)
    }
}

/// A ticket or a definition: a piece of work with a model.
public enum Assignment: Sendable {
    case ticket(Ticket)
    case definition(AgentDefinition)

    public var path: String {
        switch self {
        case .ticket(let ticket): ticket.path
        case .definition(let definition): definition.path
        }
    }

    public var model: ModelAssignment {
        switch self {
        case .ticket(let ticket): ticket.model
        case .definition(let definition): definition.model
        }
    }

    public var subject: String {
        switch self {
        case .ticket(let ticket): ticket.subject
        case .definition(let definition): definition.subject
        }
    }

    /// The security words that make this security work. A ticket's title and labels count
    /// whole; for a definition, generic words ("security") count only in its name and role,
    /// and the description's `<example>` transcripts are left out.
    public func securityWords(_ vocabulary: SecurityVocabulary) -> [String] {
        switch self {
        case .ticket(let ticket):
            return vocabulary.matches(in: ticket.purposeText)
        case .definition(let definition):
            var words = vocabulary.matches(in: [definition.name, definition.role].joined(separator: " "))
            for word in vocabulary.matches(in: definition.descriptionWithoutExamples, includeGeneric: false)
            where !words.contains(where: { $0.lowercased() == word.lowercased() }) {
                words.append(word)
            }
            return words
        }
    }

    /// `ticket 4.3 "Create sessions table"`, `agent security-reviewer`.
    public var describedSubject: String {
        switch self {
        case .ticket(let ticket):
            if ticket.id != nil, !ticket.title.isEmpty { return "\(ticket.subject) \"\(ticket.title.truncated(to: 60))\"" }
            return ticket.subject
        case .definition(let definition):
            return definition.subject
        }
    }

    func finding(_ rule: RuleDescription, message: String, suggestion: String? = nil) -> Finding {
        Finding(
            rule: rule.identity, severity: rule.defaultSeverity, path: path,
            line: model.line, column: model.column, message: message, subject: subject, suggestion: suggestion)
    }
}
