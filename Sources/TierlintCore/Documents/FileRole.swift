/// What tierlint reads a file as.
public enum FileRole: Sendable, Equatable, Hashable {
    /// Markdown that may hold backlog tables (a Model column and a ticket column).
    case markdown
    /// A file the config names as a backlog: any table with a Model column counts.
    case backlog
    /// An agent, command or skill definition with YAML frontmatter.
    case definition(DefinitionKind, AgentFormat)
    /// A YAML file of agent maps, dispatch lists and pipelines (seed 001's style).
    case yamlAgents

    public var isDefinition: Bool {
        if case .definition = self { return true }
        return false
    }
}

/// The three kinds of definition files agent tools read.
public enum DefinitionKind: String, Sendable, CaseIterable, Hashable {
    /// A subagent: runs on its own model.
    case agent
    /// A slash command: runs in the conversation, on its model unless it names one.
    case command
    /// A skill: like a command, inherits the conversation's model by design.
    case skill
}

/// The tool whose file layout a definition follows.
public enum AgentFormat: String, Sendable, CaseIterable, Hashable {
    case claudeCode = "claude-code"
    case claudePlugin = "claude-plugin"
    case copilot
    case openCode = "opencode"
    case cursor
    case gemini
    /// A location added in `.tierlint.yml`.
    case custom
    /// An entry of a YAML agent map (seed 001's style).
    case agentMap = "agent-map"
}
