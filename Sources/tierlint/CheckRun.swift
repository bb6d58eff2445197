import TierlintCore
import TierlintGit

/// One check: reads the policy from the source, decides which files to read, reads them and
/// lints them.
struct CheckRun {
    let source: any FileSource
    let configuration: Configuration

    init(source: any FileSource, configFile: String?) throws {
        self.source = source
        if let configFile {
            let text = try String(contentsOfFile: configFile, encoding: .utf8)
            configuration = try ConfigurationLoader.load(text, file: configFile)
        } else if case .bytes(let bytes)? = try source.read(ConfigurationLoader.fileName, limit: 1 << 20) {
            // The policy is read from the same place as the files: the index for a pre-commit check.
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ConfigurationError(file: ConfigurationLoader.fileName, line: nil, key: nil, message: "the file is not valid UTF-8")
            }
            configuration = try ConfigurationLoader.load(text)
        } else {
            configuration = Configuration()
        }
    }

    /// The repository-relative path a link points at, or `nil` when it leaves the repository.
    private func linkTarget(_ target: String, of link: String) -> String? {
        guard !target.hasPrefix("/") else { return nil }
        var components = link.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        return components.joined(separator: "/")
    }

    func lint() throws -> LintResult {
        let allPaths = try source.paths()
        let links = try source.symlinks()
        let toCheck = try source.pathsToCheck() ?? allPaths + links.keys.sorted()
        let reported = Set(toCheck)

        let selector = FileSelector(configuration: configuration)
        var manifests: [String: [UInt8]] = [:]
        for path in selector.manifestPaths(in: allPaths) {
            if case .bytes(let bytes)? = try source.read(path, limit: configuration.maxFileSize) { manifests[path] = bytes }
        }
        let selection = selector.select(allPaths + links.keys.sorted(), manifests: manifests)
        let roles = selection.roles

        // Links are never followed; one where an agent or a named backlog would be is a note,
        // and a warning when what it points at is not checked anywhere else.
        var notes: [ParseProblem] = []
        for path in toCheck.sorted() {
            guard let target = links[path], let role = roles[path], role != .markdown else { continue }
            let resolved = linkTarget(target, of: path)
            if let resolved, let targetRole = roles[resolved], targetRole == role || targetRole.isDefinition {
                notes.append(ParseProblem(
                    path: path, line: 1,
                    message: "symbolic link to \(target); tierlint does not follow links, and checks \(resolved) at its own path",
                    severity: .info))
            } else {
                notes.append(ParseProblem(
                    path: path, line: 1,
                    message: "symbolic link to \(target), which tierlint does not follow, and its target is not checked "
                        + "anywhere; put the file itself here, or add its folder to `agents.paths` in .tierlint.yml",
                    severity: .warning))
            }
        }
        let checked = toCheck.filter { roles[$0] != nil && links[$0] == nil }
        let files = try checked.compactMap { path in
            try source.read(path, limit: configuration.maxFileSize).map { SourceFile(path: path, content: $0) }
        }
        // When an agent changes, its agent set as a whole is judged, unchanged agents included.
        var context: [SourceFile] = []
        let changedSets = Set(checked.compactMap { path -> String? in
            guard case .definition(.agent, _)? = roles[path] else { return nil }
            return selection.agentSets[path] ?? ""
        })
        if !changedSets.isEmpty {
            for path in allPaths where !reported.contains(path) && changedSets.contains(selection.agentSets[path] ?? "") {
                guard case .definition(.agent, _)? = roles[path] else { continue }
                if let content = try source.read(path, limit: configuration.maxFileSize) {
                    context.append(SourceFile(path: path, content: content))
                }
            }
        }
        let linter = Linter(configuration: configuration)
        return linter.lint(
            files, roles: roles, context: context,
            problems: selection.problems.filter { reported.contains($0.path) } + notes,
            agentSets: selection.agentSets)
    }
}
