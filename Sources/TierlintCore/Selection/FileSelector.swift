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
    /// the files and folders its manifest lists.
    private func roles(of plugins: [PluginManifest.Plugin], among paths: [String]) -> [String: FileRole] {
        var roles: [String: FileRole] = [:]
        let markdown = paths.filter(Self.isMarkdown)
        for plugin in plugins {
            let prefix = plugin.root.isEmpty ? "" : plugin.root + "/"
            func mark(_ entries: [String], defaultFolder: String, kind: DefinitionKind) {
                let places = [defaultFolder] + entries
                for place in places {
                    let target = PluginManifest.join(plugin.root, place)
                    let folder = target.isEmpty ? "" : target + "/"
                    for path in markdown where path == target || (path.hasPrefix(folder) && path.hasPrefix(prefix)) {
                        // A folder listed as a skills folder holds skills in SKILL.md files only.
                        if kind == .skill, !path.lowercased().hasSuffix("/skill.md"), path != target { continue }
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
