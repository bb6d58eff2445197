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
        /// The stage's task, condition and agent, lowercased together: what it does and when.
        public var text: String
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
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            let problem = YAMLProblem(error)
            return (nil, ParseProblem(path: path, line: problem.line ?? 1, message: problem.message))
        }
        var file = YAMLAgentFile(path: path)
        guard let root else { return (file, nil) }
        let reader = Reader(path: path, catalog: catalog, missingValues: missingValues)
        reader.read(root, name: nil, keyLine: 1, depth: 0, into: &file)
        return (file, nil)
    }

    /// Walks the document's top levels (three at most: a file may group agents under
    /// `agents:` and pipelines under `pipelines:`), never deeper, so alias-heavy input stays cheap.
    private struct Reader {
        let path: String
        let catalog: ModelCatalog
        let missingValues: Set<String>

        /// `keyLine` is the line of the key `node` is the value of: where an agent or a
        /// pipeline is named.
        func read(_ node: Node, name: String?, keyLine: Int, depth: Int, into file: inout YAMLAgentFile) {
            guard depth < 3 else { return }
            switch node {
            case .mapping(let mapping):
                if let name, mapping.keys.contains(where: { $0.string == "model" }) {
                    if mapping.keys.contains(where: { $0.string == "task" }) {
                        file.tasks.append(task(mapping, line: keyLine))
                    } else {
                        file.agents.append(agent(name, mapping, line: keyLine))
                    }
                    return
                }
                let stages = mapping.compactMap { key, value -> Pipeline.Stage? in
                    guard case .mapping(let stage) = value, stage.keys.contains(where: { $0.string == "model" }) else { return nil }
                    return self.stage(key.string ?? "", stage, line: line(value))
                }
                if let name, stages.count >= 2, !isGroupOfAgents(name) {
                    file.pipelines.append(Pipeline(path: path, name: name, line: keyLine, stages: stages, isEscalationList: false))
                    return
                }
                for (key, value) in mapping {
                    read(value, name: key.string, keyLine: line(key), depth: depth + 1, into: &file)
                }
            case .sequence(let sequence):
                var foundTasks = false
                for element in sequence {
                    guard case .mapping(let entry) = element, entry.keys.contains(where: { $0.string == "model" }) else { continue }
                    file.tasks.append(task(entry, line: line(element)))
                    foundTasks = true
                }
                if foundTasks { return }
                if let name, name.lowercased().contains("escalat") {
                    let stages = sequence.enumerated().compactMap { index, element -> Pipeline.Stage? in
                        guard case .scalar(let scalar) = element else { return nil }
                        let model = ModelAssignment.parse(
                            scalar.string, line: line(element), column: column(element), catalog: catalog, missingValues: missingValues)
                        return Pipeline.Stage(name: "step \(index + 1)", model: model, text: "escalation")
                    }
                    if stages.count >= 2 {
                        file.pipelines.append(Pipeline(path: path, name: name, line: keyLine, stages: stages, isEscalationList: true))
                    }
                }
            case .scalar, .alias:
                return
            }
        }

        private func isGroupOfAgents(_ name: String) -> Bool {
            ["agents", "subagents", "team", "workers"].contains(name.lowercased())
        }

        private func value(_ mapping: Node.Mapping, _ key: String) -> Node? {
            mapping.first { $0.key.string == key }?.value
        }

        private func text(_ mapping: Node.Mapping, _ keys: String...) -> String {
            keys.compactMap { key in value(mapping, key).flatMap { node in
                if case .scalar(let scalar) = node { scalar.string } else { nil }
            } }.joined(separator: " ")
        }

        private func model(_ mapping: Node.Mapping, fallbackLine: Int) -> ModelAssignment {
            guard let node = value(mapping, "model") else { return ModelAssignment(state: .missing, line: fallbackLine, column: 1) }
            if case .scalar(let scalar) = node {
                if scalar.string.trimmingSpaces().isEmpty { return ModelAssignment(state: .missing, line: line(node), column: 1) }
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
                text: ([name] + [text(mapping, "task", "condition", "agent", "description", "on_failure", "if")]).joined(separator: " ").lowercased())
        }

        private func line(_ node: Node) -> Int { node.mark?.line ?? 1 }
        private func column(_ node: Node) -> Int { node.mark?.column ?? 1 }
    }
}
