/// Decides what each path of a repository is to tierlint: an agent, command or skill
/// definition, a backlog, Markdown that may hold a backlog, or nothing.
public struct FileSelector: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The plugin manifests among `paths`: read them and pass their bytes to `roles`.
    public func manifestPaths(in paths: [String]) -> [String] {
        paths.filter { PluginManifest.isManifest($0) && !configuration.isExcluded($0) }
    }

    /// The role of every path tierlint reads, and the problems found in plugin manifests.
    public func roles(
        for paths: [String], manifests: [String: [UInt8]]
    ) -> (roles: [String: FileRole], problems: [ParseProblem]) {
        var problems: [ParseProblem] = []
        var pluginRoles: [String: FileRole] = [:]
        if !manifests.isEmpty {
            var plugins: [PluginManifest.Plugin] = []
            for (path, bytes) in manifests.sorted(by: { $0.key < $1.key }) {
                let read = PluginManifest.plugins(manifestPath: path, bytes: bytes)
                plugins += read.plugins
                if let problem = read.problem { problems.append(problem) }
            }
            pluginRoles = roles(of: plugins, among: paths)
        }

        var roles: [String: FileRole] = [:]
        for path in paths where !configuration.isExcluded(path) {
            if let role = role(of: path, pluginRoles: pluginRoles) { roles[path] = role }
        }
        return (roles, problems)
    }

    private func role(of path: String, pluginRoles: [String: FileRole]) -> FileRole? {
        if let location = configuration.definitionLocations.first(where: { $0.glob.matches(path) }) {
            return .definition(location.kind, location.format)
        }
        if let role = pluginRoles[path] { return role }
        if configuration.isNamedBacklog(path) { return .backlog }
        if Self.isMarkdown(path) { return .markdown }
        return nil
    }

    static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".md", ".markdown", ".mdown", ".mkd", ".mkdn"].contains { lower.hasSuffix($0) }
    }

    /// Files in each plugin's default folders (`agents/`, `commands/`, `skills/*/SKILL.md`) and
    /// the files and folders its manifest lists. Paths are searched in sorted order, so each
    /// folder costs a binary search plus its own files, not a pass over the repository.
    private func roles(of plugins: [PluginManifest.Plugin], among paths: [String]) -> [String: FileRole] {
        var roles: [String: FileRole] = [:]
        let markdown = paths.filter(Self.isMarkdown).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let markdownSet = Set(markdown)

        /// The sorted paths under `folder/`.
        func files(under folder: String) -> ArraySlice<String> {
            guard !folder.isEmpty else { return markdown[...] }
            let prefix = Array((folder + "/").utf8)
            var low = 0, high = markdown.count
            while low < high {
                let middle = (low + high) / 2
                if markdown[middle].utf8.lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
            }
            var end = low
            while end < markdown.count, markdown[end].utf8.starts(with: prefix) { end += 1 }
            return markdown[low..<end]
        }

        for plugin in plugins {
            func mark(_ entries: [String], defaultFolder: String, kind: DefinitionKind) {
                for place in [defaultFolder] + entries {
                    let target = PluginManifest.join(plugin.root, place)
                    if markdownSet.contains(target) {
                        if roles[target] == nil { roles[target] = .definition(kind, .claudePlugin) }
                        continue
                    }
                    for path in files(under: target) {
                        // A folder listed as a skills folder holds skills in SKILL.md files only.
                        if kind == .skill, !path.lowercased().hasSuffix("/skill.md") { continue }
                        if roles[path] == nil { roles[path] = .definition(kind, .claudePlugin) }
                    }
                }
            }
            mark(plugin.agents, defaultFolder: "agents", kind: .agent)
            mark(plugin.commands, defaultFolder: "commands", kind: .command)
            mark(plugin.skills, defaultFolder: "skills", kind: .skill)
        }
        return roles
    }
}
