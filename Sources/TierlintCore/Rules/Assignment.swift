/// A ticket, a definition or a dispatch task: a piece of work with a model.
public enum Assignment: Sendable {
    case ticket(Ticket)
    // Boxed: an enum is as large as its largest case, and an array of 100,000 tickets would
    // otherwise take an agent definition's size each.
    indirect case definition(AgentDefinition)
    indirect case task(DispatchTask)

    public var path: String {
        switch self {
        case .ticket(let ticket): ticket.path
        case .definition(let definition): definition.path
        case .task(let task): task.path
        }
    }

    public var model: ModelAssignment {
        switch self {
        case .ticket(let ticket): ticket.model
        case .definition(let definition): definition.model
        case .task(let task): task.model
        }
    }

    public var subject: String {
        switch self {
        case .ticket(let ticket): ticket.subject
        case .definition(let definition): definition.subject
        case .task(let task): task.subject
        }
    }

    /// The security words that make this security work. A ticket's title and labels count
    /// whole; for a definition, generic words ("security") count only in its name and role,
    /// and the description's `<example>` transcripts are left out.
    public func securityWords(_ vocabulary: SecurityVocabulary) -> [String] {
        switch self {
        case .ticket(let ticket):
            return vocabulary.matches(in: ticket.purposeText)
        case .task(let task):
            return vocabulary.matches(in: task.task)
        case .definition(let definition):
            var words = vocabulary.matches(in: [definition.name, definition.role].joined(separator: " "))
            for word in vocabulary.matches(in: definition.descriptionWithoutExamples, includeGeneric: false)
            where !words.contains(where: { $0.lowercased() == word.lowercased() }) {
                words.append(word)
            }
            return words
        }
    }

    /// The kind of work this is, by the policy's task patterns. A ticket is read by its title;
    /// a definition by its name, role and description together (see `TaskPatternMatcher`).
    public func patternMatch(_ matcher: TaskPatternMatcher) -> PatternMatch? {
        switch self {
        case .ticket(let ticket):
            return matcher.bestMatch(in: ticket.title)
        case .task(let task):
            return matcher.bestMatch(in: task.task)
        case .definition(let definition):
            return matcher.bestMatch(
                agentName: definition.name, role: definition.role, description: definition.descriptionWithoutExamples)
        }
    }

    /// Seed 001's complexity assessment, when the ticket or agent carries one.
    public func complexity(_ policy: ComplexityPolicy) -> ComplexityScore? {
        complexity(ComplexityColumns(policy))
    }

    func complexity(_ columns: ComplexityColumns) -> ComplexityScore? {
        switch self {
        case .ticket(let ticket): ComplexityScore.from(ticket, columns: columns)
        case .definition(let definition): definition.complexity
        case .task: nil
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
        case .task(let task):
            return task.subject
        }
    }

    func finding(_ rule: RuleDescription, message: String, suggestion: String? = nil) -> Finding {
        Finding(
            rule: rule.identity, severity: rule.defaultSeverity, path: path,
            line: model.line, column: model.column, message: message, subject: subject, suggestion: suggestion)
    }
}
