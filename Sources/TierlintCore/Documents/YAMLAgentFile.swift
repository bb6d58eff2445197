import TierlintMarkdown
import Yams

/// A YAML file in seed 001's style: agent maps (`test-engineer: {model: haiku, role: ...}`),
/// dispatch lists (`dispatch: [{task, agent, model, priority}]`), tiered pipelines (stages with
/// a model each) and escalation lists (`escalation: [haiku, sonnet, opus]`).
public struct YAMLAgentFile: Sendable {
    public var path: String
    public var agents: [AgentDefinition] = []
    public var tasks: [DispatchTask] = []
    public var pipelines: [Pipeline] = []
}

/// One task of a dispatch list: work sent to an agent on a model.
public struct DispatchTask: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var task: String
    public var agent: String?
    public var model: ModelAssignment
    public var priority: String?

    public var subject: String { "dispatch task \"\(task.truncated(to: 60))\"" }
}

/// Stages that run one after another, each on a model, in seed 001's tiered execution: a
/// cheap first stage, a validation, an escalation to a stronger model on failure.
public struct Pipeline: Sendable, Equatable {
    public struct Stage: Sendable, Equatable {
        public var name: String
        public var model: ModelAssignment
        /// The stage's task, agent and description, lowercased: what it does.
        public var task: String = ""
        /// Its `condition`, `if` or `when`, lowercased: when it runs.
        public var condition: String = ""
        /// It names where its failures go (`on_failure:`, `fallback:`, `escalate:`).
        public var hasFailureRoute = false
    }

    public var path: String
    public var name: String
    public var line: Int
    public var stages: [Stage]
    /// A bare list of models in escalation order, rather than named stages.
    public var isEscalationList: Bool
}

extension YAMLAgentFile {
    /// Reads the file; `nil` and a problem when it is not YAML.
    static func read(
        path: String, text: String, catalog: ModelCatalog, missingValues: Set<String>
    ) -> (YAMLAgentFile?, ParseProblem?) {
        let root: Node?
        do {
            root = try YAMLAliasBudget.compose(text)
        } catch let exceeded as YAMLAliasBudget.Exceeded {
            return (nil, ParseProblem(path: path, line: exceeded.line, message: exceeded.message("file") + "; it was not checked"))
        } catch {
            let problem = YAMLProblem(error, in: text)
            return (nil, ParseProblem(path: path, line: problem.line ?? 1, message: problem.message))
        }
        var file = YAMLAgentFile(path: path)
        guard let root else { return (file, nil) }
        let reader = Reader(path: path, catalog: catalog, missingValues: missingValues)
        reader.read(root, name: nil, keyLine: 1, depth: 0, agentsHere: false, into: &file)
        return (file, nil)
    }

    /// Walks the document's top levels (three at most: a file may group agents under
    /// `agents:` and pipelines under `pipelines:`), never deeper, so alias-heavy input stays cheap.
    private struct Reader {
        let path: String
        let catalog: ModelCatalog
        let missingValues: Set<String>

        /// Keys whose list is a pipeline's stages, in order: `stages: [{name, model}, ...]`.
        static let stageListKeys: Set<String> = ["stages", "steps", "phases", "pipeline", "chain", "tiers"]
        /// Keys that send work elsewhere when it fails: a list (or one) of models to escalate to.
        static let escalationKeys: Set<String> = [
            "escalation", "escalations", "escalate", "escalate-to", "escalate_to", "fallback", "fallbacks",
            "fallback-model", "fallback_model", "fallback-models", "fallback_models", "on-failure", "on_failure",
            "retry-with", "retry_with",
        ]
        /// Keys that say when a stage runs.
        static let conditionKeys = ["condition", "if", "when", "trigger", "run-if", "run_if"]

        /// Keys that only an agent's entry has: without a `model`, they still make it an agent.
        static let agentKeys: Set<String> = ["role", "description", "instructions", "prompt", "system_prompt", "system-prompt", "tools"]

        /// Whether the file holds agents at its top level: `agents.yml`, `team.agents.yaml`.
        var isAgentsFile: Bool {
            let file = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
            return ["agents.yml", "agents.yaml"].contains(file) || file.hasSuffix(".agents.yml") || file.hasSuffix(".agents.yaml")
        }

        /// `keyLine` is the line of the key `node` is the value of: where an agent or a
        /// pipeline is named. `agentsHere` says the mapping's entries are agents when they look
        /// like one (the top level of an agents file, or a group named `agents:`).
        func read(_ node: Node, name: String?, keyLine: Int, depth: Int, agentsHere: Bool, into file: inout YAMLAgentFile) {
            guard depth < 3 else { return }
            switch node {
            case .mapping(let mapping):
                if let name, agentsHere, !mapping.keys.contains(where: { $0.string == "model" }), isAgentEntry(mapping) {
                    let agent = agent(name, mapping, line: keyLine)
                    file.agents.append(agent)
                    file.pipelines += escalations(of: agent, mapping)
                    return
                }
                if let name, mapping.keys.contains(where: { $0.string == "model" }) {
                    if mapping.keys.contains(where: { $0.string == "task" }) {
                        file.tasks.append(task(mapping, line: keyLine))
                    } else {
                        let agent = agent(name, mapping, line: keyLine)
                        file.agents.append(agent)
                        file.pipelines += escalations(of: agent, mapping)
                    }
                    return
                }
                // `gen: {stages: [{name: generate, model: sonnet}, ...]}`: the stages in a list.
                if let name, let (key, list) = stageList(mapping) {
                    file.pipelines.append(pipeline(name, list, line: keyLine, isEscalationList: false))
                    for (otherKey, value) in mapping where otherKey.string != key {
                        read(value, name: otherKey.string, keyLine: line(otherKey), depth: depth + 1, agentsHere: false, into: &file)
                    }
                    return
                }
                let stages = mapping.compactMap { key, value -> Pipeline.Stage? in
                    guard case .mapping(let stage) = value, stage.keys.contains(where: { $0.string == "model" }) else { return nil }
                    return self.stage(key.string ?? "", stage, line: line(value))
                }
                if let name, stages.count >= 2, !isGroupOfAgents(name, mapping) {
                    file.pipelines.append(Pipeline(path: path, name: name, line: keyLine, stages: stages, isEscalationList: false))
                    return
                }
                // An agents file's top level, and a group such as `agents:`, hold agents.
                let holdsAgents = name.map { Self.groupNames.contains($0.lowercased()) } ?? isAgentsFile
                for (key, value) in mapping {
                    read(value, name: key.string, keyLine: line(key), depth: depth + 1, agentsHere: holdsAgents, into: &file)
                }
            case .sequence(let sequence):
                let lowered = name?.lowercased() ?? ""
                if let name, Self.stageListKeys.contains(lowered) || isEscalationKey(lowered) {
                    let isEscalationList = isEscalationKey(lowered)
                    let found = pipeline(name, sequence, line: keyLine, isEscalationList: isEscalationList)
                    if found.stages.count >= 2 { file.pipelines.append(found) }
                    return
                }
                for element in sequence {
                    guard case .mapping(let entry) = element, entry.keys.contains(where: { $0.string == "model" }) else { continue }
                    file.tasks.append(task(entry, line: line(element)))
                }
            case .scalar, .alias:
                return
            }
        }

        /// `escalation`, `fallbacks`, `retry-with`...: a key that lists where failed work goes.
        private func isEscalationKey(_ key: String) -> Bool {
            Self.escalationKeys.contains(key) || key.contains("escalat") || key.contains("fallback")
        }

        /// A group of agents rather than a pipeline: named so, or its entries read as agents
        /// (a role, a description, instructions) and none as a stage (a task, a condition).
        private func isGroupOfAgents(_ name: String, _ mapping: Node.Mapping) -> Bool {
            if Self.groupNames.contains(name.lowercased()) { return true }
            let entries = mapping.values.compactMap { node -> Node.Mapping? in
                if case .mapping(let entry) = node { entry } else { nil }
            }
            let stageKeys: Set<String> = Set(["task", "agent"] + Self.conditionKeys)
            let keys = entries.map { Set($0.keys.compactMap(\.string)) }
            return !keys.contains { !$0.isDisjoint(with: stageKeys) } && keys.contains { !$0.isDisjoint(with: Self.agentKeys) }
        }

        /// Names of a mapping that groups agents.
        static let groupNames: Set<String> = ["agents", "subagents", "team", "workers"]

        /// An agent's entry without a `model`: it has what only agents have (a role, a
        /// description, instructions, a prompt, tools) and nothing a stage or a task has.
        private func isAgentEntry(_ mapping: Node.Mapping) -> Bool {
            let keys = Set(mapping.keys.compactMap { $0.string?.lowercased() })
            let stageKeys: Set<String> = Set(["task", "agent"] + Self.conditionKeys).union(Self.stageListKeys)
            return !keys.isDisjoint(with: Self.agentKeys) && keys.isDisjoint(with: stageKeys)
        }

        /// The first key of `mapping` that holds a list of stages with models.
        private func stageList(_ mapping: Node.Mapping) -> (key: String, list: Node.Sequence)? {
            for (key, value) in mapping {
                guard let name = key.string, Self.stageListKeys.contains(name.lowercased()),
                      case .sequence(let list) = value,
                      list.contains(where: { if case .mapping(let entry) = $0 { entry.keys.contains { $0.string == "model" } } else { false } })
                else { continue }
                return (name, list)
            }
            return nil
        }

        /// A pipeline from a list: each element a model name, or a stage with `model`.
        private func pipeline(_ name: String, _ list: Node.Sequence, line keyLine: Int, isEscalationList: Bool) -> Pipeline {
            let stages = list.enumerated().compactMap { index, element -> Pipeline.Stage? in
                switch element {
                case .scalar(let scalar):
                    let model = ModelAssignment.parse(
                        scalar.string, line: line(element), column: column(element), catalog: catalog, missingValues: missingValues)
                    return Pipeline.Stage(name: "step \(index + 1)", model: model, task: "escalation")
                case .mapping(let entry) where entry.keys.contains(where: { $0.string == "model" }):
                    let label = text(entry, "name", "id", "stage", "step", "title")
                    return stage(label.isEmpty ? "step \(index + 1)" : label, entry, line: line(element))
                default:
                    return nil
                }
            }
            return Pipeline(path: path, name: name, line: keyLine, stages: stages, isEscalationList: isEscalationList)
        }

        /// An agent's own escalation: `{model: haiku, escalation: [sonnet, opus]}` or
        /// `{model: sonnet, fallback: haiku}`, read from the agent's model onwards.
        private func escalations(of agent: AgentDefinition, _ mapping: Node.Mapping) -> [Pipeline] {
            mapping.compactMap { key, value -> Pipeline? in
                guard let name = key.string, isEscalationKey(name.lowercased()) else { return nil }
                let list: Node.Sequence
                switch value {
                case .sequence(let sequence): list = sequence
                case .scalar: list = Node.Sequence([value])
                default: return nil
                }
                var found = pipeline("agent \(agent.name)'s \(name)", list, line: line(key), isEscalationList: true)
                // Only model names count: `on_failure: notify the team` is no escalation.
                found.stages = found.stages.filter { $0.model.effectiveTier != nil }
                guard let first = found.stages.first else { return nil }
                if let own = agent.model.effectiveTier, own != first.model.effectiveTier {
                    found.stages.insert(Pipeline.Stage(name: "its model", model: agent.model, task: "the agent's own model"), at: 0)
                }
                return found.stages.count >= 2 ? found : nil
            }
        }

        private func value(_ mapping: Node.Mapping, _ key: String) -> Node? {
            mapping.first { $0.key.string == key }?.value
        }

        private func text(_ mapping: Node.Mapping, _ keys: String...) -> String {
            text(mapping, keys)
        }

        private func text(_ mapping: Node.Mapping, _ keys: [String]) -> String {
            keys.compactMap { key in value(mapping, key).flatMap { node in
                if case .scalar(let scalar) = node { scalar.string } else { nil }
            } }.joined(separator: " ")
        }

        private func model(_ mapping: Node.Mapping, fallbackLine: Int) -> ModelAssignment {
            guard let node = value(mapping, "model") else { return ModelAssignment(state: .missing, line: fallbackLine, column: 1) }
            if case .scalar(let scalar) = node {
                // `model:`, `model: ~`, `model: null`: empty, not a model named "null".
                if scalar.string.trimmingSpaces().isEmpty || PlainScalar.isNull(node) {
                    return ModelAssignment(state: .missing, line: line(node), column: 1)
                }
                return ModelAssignment.parse(scalar.string, line: line(node), column: column(node), catalog: catalog, missingValues: missingValues)
            }
            return ModelAssignment(
                state: .invalid("`model` is not a model name; write one such as sonnet"), line: line(node), column: column(node))
        }

        private func agent(_ name: String, _ mapping: Node.Mapping, line: Int) -> AgentDefinition {
            var definition = AgentDefinition(
                path: path, kind: .agent, format: .agentMap, name: name,
                description: text(mapping, "description", "instructions"), role: text(mapping, "role"),
                model: model(mapping, fallbackLine: line), hasFrontmatter: true)
            if let complexity = value(mapping, "complexity") {
                definition.complexity = AgentDefinition.readComplexity(complexity, offset: 0)
            }
            if let key = mapping.keys.first(where: { $0.string == "model" }) { definition.modelKeyLine = self.line(key) }
            return definition
        }

        private func task(_ mapping: Node.Mapping, line: Int) -> DispatchTask {
            let agentName = text(mapping, "agent")
            let priority = text(mapping, "priority")
            return DispatchTask(
                path: path, line: line, task: text(mapping, "task", "description"),
                agent: agentName.isEmpty ? nil : agentName, model: model(mapping, fallbackLine: line),
                priority: priority.isEmpty ? nil : priority)
        }

        private func stage(_ name: String, _ mapping: Node.Mapping, line: Int) -> Pipeline.Stage {
            Pipeline.Stage(
                name: name, model: model(mapping, fallbackLine: line),
                task: text(mapping, "task", "agent", "description").lowercased(),
                condition: text(mapping, Self.conditionKeys).lowercased(),
                hasFailureRoute: mapping.keys.contains { $0.string.map { isEscalationKey($0.lowercased()) } ?? false })
        }

        private func line(_ node: Node) -> Int { node.mark?.line ?? 1 }
        private func column(_ node: Node) -> Int { node.mark?.column ?? 1 }
    }
}
