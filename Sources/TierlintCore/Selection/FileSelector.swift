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

    /// Roles, manifest problems, and which agent set each plugin agent belongs to. `links` are
    /// the symbolic links among `paths`: one with no role of its own may be a folder where
    /// definitions would live (`FileSelection.linkedFolders`).
    public func select(_ paths: [String], manifests: [String: [UInt8]], links: Set<String> = []) -> FileSelection {
        var selection = FileSelection()
        var pluginRoles: [String: (role: FileRole, root: String)] = [:]
        var plugins: [PluginManifest.Plugin] = []
        if !manifests.isEmpty {
            for (path, bytes) in manifests.sorted(by: { $0.key < $1.key }) {
                let read = PluginManifest.plugins(manifestPath: path, bytes: bytes)
                plugins += read.plugins
                if let problem = read.problem { selection.problems.append(problem) }
            }
            pluginRoles = roles(of: plugins, among: paths)
        }
        for path in paths where !configuration.isExcluded(path) {
            if let role = role(of: path, pluginRole: pluginRoles[path]?.role) {
                selection.roles[path] = role
                if role == pluginRoles[path]?.role, let root = pluginRoles[path]?.root {
                    selection.agentSets[path] = root.isEmpty ? "." : root
                }
            } else if links.contains(path), let role = folderRole(of: path, plugins: plugins) {
                selection.linkedFolders[path] = role
            }
        }
        return selection
    }

    /// The role files inside `folder` would have: a definition location reaches into it, or it
    /// is (or is inside) a plugin's agents, commands or skills folder.
    private func folderRole(of folder: String, plugins: [PluginManifest.Plugin]) -> FileRole? {
        if let location = configuration.definitionLocations.first(where: { $0.glob.matchesInside(folder) }) {
            return .definition(location.kind, location.format)
        }
        for plugin in plugins {
            let places: [(entries: [String], folder: String, kind: DefinitionKind)] = [
                (plugin.agents, "agents", .agent), (plugin.commands, "commands", .command), (plugin.skills, "skills", .skill),
            ]
            for (entries, defaultFolder, kind) in places {
                for place in [defaultFolder] + entries where !Self.isMarkdown(place) {
                    if RepositoryPath.isUnder(folder, PluginManifest.join(plugin.root, place)) {
                        return .definition(kind, .claudePlugin)
                    }
                }
            }
        }
        return nil
    }

    private func role(of path: String, pluginRole: FileRole?) -> FileRole? {
        if let location = configuration.definitionLocations.first(where: { $0.glob.matches(path) }) {
            return .definition(location.kind, location.format)
        }
        if let pluginRole { return pluginRole }
        if configuration.yamlAgentPaths.contains(where: { $0.matches(path) }) { return .yamlAgents }
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
    private func roles(of plugins: [PluginManifest.Plugin], among paths: [String]) -> [String: (role: FileRole, root: String)] {
        var roles: [String: (role: FileRole, root: String)] = [:]
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
                        if roles[target] == nil { roles[target] = (.definition(kind, .claudePlugin), plugin.root) }
                        continue
                    }
                    for path in files(under: target) {
                        // A folder listed as a skills folder holds skills in SKILL.md files only.
                        if kind == .skill, !path.lowercased().hasSuffix("/skill.md") { continue }
                        if roles[path] == nil { roles[path] = (.definition(kind, .claudePlugin), plugin.root) }
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

/// What the selector decided for a repository's paths.
public struct FileSelection: Sendable {
    public var roles: [String: FileRole] = [:]
    public var problems: [ParseProblem] = []
    /// The plugin folder each plugin definition belongs to (`.` for a plugin at the root). A
    /// plugin is installed on its own, so its agents form a set of their own; other agents
    /// belong to the repository's set.
    public var agentSets: [String: String] = [:]
    /// Symbolic links where a folder of definitions would be (`.claude/agents` linked to
    /// `../shared`), with the role the files in it would have. tierlint does not follow them.
    public var linkedFolders: [String: FileRole] = [:]

    public init() {}
}
