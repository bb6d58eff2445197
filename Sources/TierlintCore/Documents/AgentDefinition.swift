import Foundation
import TierlintMarkdown
import Yams

/// An agent, command or skill definition: Markdown with YAML frontmatter naming its model.
public struct AgentDefinition: Sendable, Equatable {
    public var path: String
    public var kind: DefinitionKind
    public var format: AgentFormat
    /// The frontmatter `name`, or the file's name when there is none.
    public var name: String
    public var description: String
    /// Other frontmatter text that says what the agent does (`role`, Copilot's `target`...).
    public var role: String
    public var model: ModelAssignment
    /// The file has no frontmatter at all.
    public var hasFrontmatter: Bool
    /// The set of agents this one is installed with: a plugin's folder, or "" for the
    /// repository's own agents.
    public var agentSet: String = ""
    /// Seed 001's complexity assessment, from a `complexity:` key.
    public var complexity: ComplexityScore?
    /// The line of the `model:` key, when the frontmatter has one (even an empty one).
    public var modelKeyLine: Int?

    /// The words that say what this definition is for: name, role and description.
    public var purposeText: String {
        [name, role, description].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The description without its `<example>` transcripts: what a user says in an example
    /// ("I've updated the authentication module") is not what the agent is for.
    public var descriptionWithoutExamples: String {
        var text = Substring(description)
        var result = ""
        while let open = text.range(of: "<example>", options: .caseInsensitive) {
            result += text[..<open.lowerBound]
            guard let close = text[open.upperBound...].range(of: "</example>", options: .caseInsensitive) else {
                return result
            }
            text = text[close.upperBound...]
        }
        return result + text
    }

    public var subject: String { "\(kind.rawValue) \(name)" }
}

extension AgentDefinition {
    /// Files that document the definitions beside them. Agent tools do not load such a file
    /// without frontmatter as an agent, so there it is documentation, read as Markdown.
    static let documentationNames: Set<String> = ["readme", "changelog", "contributing", "license", "licence", "index"]

    /// `README.md`, `docs/Index.markdown`, `CHANGELOG.MD`: a documentation file by its name.
    static func isDocumentation(path: String) -> Bool {
        let file = (path.split(separator: "/").last ?? "").lowercased()
        for suffix in [".md", ".markdown"] where file.hasSuffix(suffix) {
            return documentationNames.contains(String(file.dropLast(suffix.count)))
        }
        return false
    }

    /// The name a tool gives a definition without a `name` field: the file name without its
    /// extensions, or for a skill the folder holding `SKILL.md`.
    static func defaultName(path: String, kind: DefinitionKind) -> String {
        let components = path.split(separator: "/")
        guard let file = components.last else { return path }
        if kind == .skill, file.lowercased() == "skill.md", components.count > 1 {
            return String(components[components.count - 2])
        }
        for suffix in [".agent.md", ".chatmode.md", ".prompt.md", ".markdown", ".md"] where file.lowercased().hasSuffix(suffix) {
            return String(file.dropLast(suffix.count))
        }
        return String(file)
    }

    /// Reads a definition file. Returns the definition when the frontmatter could be read
    /// (or is absent), and the problem when it could not.
    static func read(
        path: String, text: String, kind: DefinitionKind, format: AgentFormat,
        catalog: ModelCatalog, missingValues: Set<String>
    ) -> (AgentDefinition?, ParseProblem?) {
        let catalog = catalog.reading(format)
        var definition = AgentDefinition(
            path: path, kind: kind, format: format,
            name: defaultName(path: path, kind: kind), description: "", role: "",
            model: ModelAssignment(state: .missing, line: 1, column: 1),
            hasFrontmatter: false)

        let frontmatter: Frontmatter
        switch Frontmatter.read(text, path: path) {
        case .absent:
            if let problem = misplacedFrontmatter(text, path: path) { return (nil, problem) }
            return (definition, nil)
        case .failed(let problem):
            return (nil, problem)
        case .parsed(let parsed):
            frontmatter = parsed
        }
        definition.hasFrontmatter = true
        // Without a `model` key, point where one would go: the line of the closing `---`.
        definition.model = ModelAssignment(state: .missing, line: frontmatter.closingLine, column: 1)
        guard let root = frontmatter.root else { return (definition, nil) }
        guard case .mapping(let mapping) = root.node else {
            return (nil, ParseProblem(
                path: path, line: (root.line ?? 1) + frontmatter.openingLine, column: 1,
                message: "frontmatter must be a mapping of keys to values, but it is \(root.kindDescription)"))
        }

        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else { continue }
            let value = YAMLField(node: valueNode, file: path, key: key.string)
            switch key.string.lowercased() {
            case "name":
                if let name = scalarText(valueNode), !name.isEmpty { definition.name = name }
            case "description":
                definition.description = scalarText(valueNode) ?? ""
            case "role", "when-to-use", "when_to_use", "whentouse":
                definition.role += (definition.role.isEmpty ? "" : " ") + (scalarText(valueNode) ?? "")
            case "complexity":
                definition.complexity = readComplexity(valueNode, offset: frontmatter.openingLine)
            case "model":
                let keyLine = (keyNode.mark?.line ?? 1) + frontmatter.openingLine
                definition.modelKeyLine = keyLine
                definition.model = readModel(
                    value, keyLine: keyLine, offset: frontmatter.openingLine,
                    catalog: catalog, missingValues: missingValues)
            default:
                continue
            }
        }
        return (definition, nil)
    }

    /// Frontmatter agent tools cannot see because it does not open with `---` on line 1: text
    /// (or a stray line) above an opening `---`, or keys above a closing `---` whose opening
    /// line was lost.
    static func misplacedFrontmatter(_ text: String, path: String) -> ParseProblem? {
        let lines = text.split(separator: "\n", maxSplits: 40, omittingEmptySubsequences: false).prefix(40)
            .map { $0.trimmingSpaces() }
        let keys = ["name:", "model:", "description:", "tools:"]
        func isKey(_ line: String) -> Bool { keys.contains { line.lowercased().hasPrefix($0) } }
        for (index, line) in lines.enumerated() where index > 0 && line == "---" {
            if index < 12, lines.dropFirst(index + 1).prefix(6).contains(where: isKey) {
                return ParseProblem(
                    path: path, line: index + 1,
                    message: "frontmatter must start on the first line; agent tools do not read the block that starts "
                        + "on line \(index + 1), so its `model` is ignored")
            }
            if lines[..<index].contains(where: { $0.lowercased().hasPrefix("model:") }) {
                return ParseProblem(
                    path: path, line: 1,
                    message: "frontmatter must open with a line `---` on line 1; the block that closes on line "
                        + "\(index + 1) is not read by agent tools, so its `model` is ignored")
            }
            return nil
        }
        return nil
    }

    /// `complexity: 7`, `complexity: 2+3+2`, `complexity: [2, 3, 2]`,
    /// `complexity: {reasoning: 2, judgement: 3, risk: 2}` or `complexity: {total: 7}`.
    static func readComplexity(_ node: Node, offset: Int) -> ComplexityScore {
        let line = (node.mark?.line ?? 1) + offset
        let column = node.mark?.column ?? 1
        func invalid(_ reason: String) -> ComplexityScore {
            ComplexityScore(value: .invalid(reason), line: line, column: column)
        }
        /// A total as written: `7`, `2+3+2`; what is wrong with anything else.
        func total(_ text: String, key: String) -> ComplexityScore {
            let trimmed = text.trimmingSpaces()
            if let value = ComplexityScore.totalValue(trimmed) { return ComplexityScore(value: value, line: line, column: column) }
            if trimmed.isEmpty { return invalid("`\(key)` is empty") }
            if Int(trimmed) != nil {
                return invalid("`\(key): \(trimmed)` is not a total of three 1-3 scores, which is 3-9")
            }
            return invalid(
                "`\(key): \(trimmed)` is not seed 001's assessment; write its three scores (`[2, 3, 2]` or "
                    + "`{reasoning, judgement, risk}`) or their 3-9 total")
        }
        func scores(_ texts: [String]) -> ComplexityScore {
            let scores = texts.map(ComplexityScore.score)
            guard scores.count == 3 else { return invalid("the assessment needs three scores (reasoning, judgement, cost of being wrong)") }
            guard scores.allSatisfy({ $0 != nil }) else { return invalid("each score is 1-3 or low, medium, high") }
            return ComplexityScore(value: .scores(scores.map { $0! }), line: line, column: column)
        }
        switch node {
        case .scalar(let scalar):
            return total(scalar.string, key: "complexity")
        case .sequence(let sequence):
            return scores(sequence.map { scalarText($0) ?? "" })
        case .mapping(let mapping):
            // `{total: 7}`: the sum, written as a key of its own.
            if let (key, value) = mapping.first(where: { ["total", "sum", "score"].contains((scalarText($0.key) ?? "").lowercased()) }) {
                return total(scalarText(value) ?? "", key: "complexity.\(scalarText(key) ?? "")")
            }
            var byQuestion: [Int: String] = [:]
            for (key, value) in mapping {
                let name = (scalarText(key) ?? "").lowercased()
                let question = name.hasPrefix("reason") || name.contains("step") ? 0
                    : name.hasPrefix("judg") ? 1
                    : name.contains("wrong") || name.contains("risk") || name.contains("stake") || name.contains("cost") ? 2 : -1
                if question >= 0 { byQuestion[question] = scalarText(value) ?? "" }
            }
            guard byQuestion.count == 3 else {
                return invalid("`complexity` needs reasoning, judgement and risk (cost of being wrong) scores")
            }
            return scores((0..<3).map { byQuestion[$0]! })
        case .alias:
            return invalid("`complexity` is a YAML alias")
        }
    }

    private static func scalarText(_ node: Node) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        return nil
    }

    /// A `model` value: a string, or a list of strings (VS Code tries each in turn).
    private static func readModel(
        _ value: YAMLField, keyLine: Int, offset: Int, catalog: ModelCatalog, missingValues: Set<String>
    ) -> ModelAssignment {
        let line = (value.node.mark?.line).map { $0 + offset } ?? keyLine
        let column = value.node.mark?.column ?? 1
        if value.isNull {
            return ModelAssignment(state: .missing, line: keyLine, column: 1)
        }
        switch value.node {
        case .scalar(let scalar):
            if PlainScalar.isNumber(value.node) {
                return ModelAssignment(
                    state: .invalid("`model` is the number \(scalar.string); write a model name such as sonnet"),
                    line: line, column: column)
            }
            if PlainScalar.bool(value.node) != nil {
                return ModelAssignment(
                    state: .invalid("`model` is the boolean \(scalar.string); write a model name such as sonnet"),
                    line: line, column: column)
            }
            return ModelAssignment.parse(scalar.string, line: line, column: column, catalog: catalog, missingValues: missingValues)
        case .sequence(let sequence):
            var names: [ModelAssignment.Name] = []
            for element in sequence {
                guard case .scalar(let scalar) = element, !scalar.string.trimmingSpaces().isEmpty else {
                    return ModelAssignment(
                        state: .invalid("`model` lists something that is not a model name; list names such as sonnet"),
                        line: line, column: column)
                }
                names.append(ModelAssignment.Name(written: scalar.string, resolution: catalog.resolve(scalar.string)))
            }
            if names.isEmpty { return ModelAssignment(state: .missing, line: line, column: column) }
            return ModelAssignment(state: .named(names), line: line, column: column)
        case .mapping:
            return ModelAssignment(
                state: .invalid("`model` is a mapping; write a model name such as sonnet"),
                line: line, column: column)
        case .alias:
            return ModelAssignment(
                state: .invalid("`model` is a YAML alias; write a model name such as sonnet"),
                line: line, column: column)
        }
    }
}
