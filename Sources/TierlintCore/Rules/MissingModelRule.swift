import TierlintMarkdown
/// TL001: every ticket and every agent names its model (seed 000, mistake 3: "No Model Specified").
public struct MissingModelRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "missing-model",
        code: "TL001",
        defaultSeverity: .error,
        summary: "A ticket or agent does not name the model it runs on.",
        explanation: """
            Without a model, a ticket runs on whatever the person or orchestrator picks that day: \
            costs become unpredictable and quality inconsistent (seed 000, "No Model Specified"). \
            Always specify the model in the ticket.

            A ticket's Model cell is missing when it is empty or a placeholder: `-`, `?`, `TBD`, \
            `n/a`, `none`. An agent file is missing its model when its frontmatter has no `model` \
            key (or no frontmatter at all), or an empty or placeholder one. In a YAML agent map \
            (agents.yml), an entry that has a role, description, instructions, prompt or tools \
            is an agent, and must name its model too. `inherit` is a model choice and is \
            accepted here.

            Commands and skills are read too, but run on the conversation's model by design, so \
            their missing model is not reported unless `agents.require-model` in .tierlint.yml \
            lists them.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 4.1 | Create sessions table | ↓TBD |
                | 4.2 | Implement SessionService | ↓ |
                """),
            Example(".claude/agents/reviewer.md", """
                ---
                name: reviewer
                description: Reviews pull requests.
                ↓---
                Review the change.
                """),
            Example(".claude/commands/deploy.md", """
                ---
                description: Deploy to staging.
                ↓---
                """, configuration: "agents:\n  require-model: [agent, command]\n"),
            Example("agents.yml", """
                ↓style-enforcer:
                  role: Enforce code style
                  description: Checks code against the style guide.
                architect:
                  model: ↓TBD
                  role: Make architectural decisions
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 4.1 | Create sessions table | haiku |
                | 4.2 | Implement SessionService | `sonnet` |
                """),
            Example(".claude/agents/helper.md", """
                ---
                name: helper
                model: inherit
                ---
                """),
            Example(".claude/commands/deploy.md", """
                ---
                description: Deploy to staging.
                ---
                """),
            Example("agents.yml", """
                style-enforcer:
                  model: haiku
                  role: Enforce code style
                settings:
                  retries: 3
                  timeout: 30s
                """),
        ])

    /// What a `model` value looks like in each tool's files.
    static func modelExamples(for format: AgentFormat, tiers: String) -> String {
        switch format {
        case .copilot: "a model name such as Claude Sonnet 4.5"
        case .openCode: "a provider/model such as anthropic/claude-sonnet-4-5"
        case .gemini: "a model such as gemini-2.5-flash, or inherit"
        case .claudeCode, .claudePlugin, .cursor, .custom: "\(tiers) or inherit"
        case .agentMap: tiers
        }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        context.assignments.compactMap { assignment in
            guard assignment.model.isMissing else { return nil }
            let securityWords = context.securityWords(assignment)
            let suggestion = securityWords.isEmpty ? nil : context.configuration.security.minimumTier
            let tiers = context.catalog.tiers.prefix(3).map(\.name).joined(separator: ", ")
            let advice = suggestion.map { "it is security work, so set it to \($0)" } ?? "choose one of \(tiers)"
            switch assignment {
            case .ticket(let ticket):
                let written = ticket.cells.first { context.configuration.columns.model.contains($0.key) }?.value ?? ""
                let what: String
                if ticket.lacksModelCell {
                    what = "has no Model cell (the row has fewer cells than the header)"
                } else if written.trimmingSpaces().isEmpty {
                    what = "has an empty Model cell"
                } else {
                    what = "has the placeholder \"\(written)\" for a model"
                }
                return assignment.finding(
                    description, message: "\(assignment.describedSubject) \(what); \(advice)", suggestion: suggestion)
            case .definition(let definition):
                guard context.configuration.requireModel.contains(definition.kind) else { return nil }
                // Where the model belongs: an agent map's entry, or the file's frontmatter.
                let place = definition.format == .agentMap
                    ? "in its entry in \(definition.path.split(separator: "/").last.map(String.init) ?? definition.path)"
                    : "in its frontmatter"
                let what = if !definition.hasFrontmatter {
                    "has no frontmatter, so no `model`"
                } else if let placeholder = definition.model.placeholder {
                    "has the placeholder \"\(placeholder)\" for `model` \(place)"
                } else if definition.modelKeyLine != nil {
                    "has an empty `model` \(place)"
                } else {
                    "has no `model` \(place)"
                }
                let verb = definition.modelKeyLine == nil ? "add `model:` with" : "set `model` to"
                let advice = suggestion.map { "it is security work, so \(definition.modelKeyLine == nil ? "add" : "set") `model: \($0)`" }
                    ?? "\(verb) \(Self.modelExamples(for: definition.format, tiers: tiers))"
                return assignment.finding(
                    description, message: "\(definition.subject) \(what); \(advice)", suggestion: suggestion)
            case .task(let task):
                return assignment.finding(
                    description, message: "\(task.subject) has no `model`; \(advice)", suggestion: suggestion)
            }
        }
    }
}
