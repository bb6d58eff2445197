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

    func lint() throws -> LintResult {
        let allPaths = try source.paths()
        let toCheck = try source.pathsToCheck() ?? allPaths
        let reported = Set(toCheck)

        let selector = FileSelector(configuration: configuration)
        var manifests: [String: [UInt8]] = [:]
        for path in selector.manifestPaths(in: allPaths) {
            if case .bytes(let bytes)? = try source.read(path, limit: configuration.maxFileSize) { manifests[path] = bytes }
        }
        let (roles, manifestProblems) = selector.roles(for: allPaths, manifests: manifests)

        let checked = toCheck.filter { roles[$0] != nil }
        let files = try checked.compactMap { path in
            try source.read(path, limit: configuration.maxFileSize).map { SourceFile(path: path, content: $0) }
        }
        // When an agent changes, the agent set as a whole is judged, unchanged agents included.
        var context: [SourceFile] = []
        let agentChanged = checked.contains { if case .definition(.agent, _)? = roles[$0] { true } else { false } }
        if agentChanged {
            for path in allPaths where !reported.contains(path) {
                guard case .definition(.agent, _)? = roles[path] else { continue }
                if let content = try source.read(path, limit: configuration.maxFileSize) {
                    context.append(SourceFile(path: path, content: content))
                }
            }
        }
        let linter = Linter(configuration: configuration)
        return linter.lint(
            files, roles: roles, context: context,
            problems: manifestProblems.filter { reported.contains($0.path) })
    }
}
