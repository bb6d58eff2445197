import Foundation

/// The parts of Claude Code plugin manifests that say where agents, commands and skills live:
/// `.claude-plugin/plugin.json` (a plugin) and `.claude-plugin/marketplace.json` (a catalog of
/// plugins, whose local entries may list their files inline with `strict: false`).
struct PluginManifest {
    /// A folder holding a plugin, and the files or folders its manifest lists, relative to it.
    struct Plugin: Equatable {
        var root: String
        var agents: [String] = []
        var commands: [String] = []
        var skills: [String] = []
    }

    static func isManifest(_ path: String) -> Bool {
        path.hasSuffix(".claude-plugin/plugin.json") || path.hasSuffix(".claude-plugin/marketplace.json")
    }

    /// The folder that holds `.claude-plugin/`, "" for the repository root.
    static func owner(of manifestPath: String) -> String {
        var components = manifestPath.split(separator: "/").map(String.init)
        components.removeLast(min(2, components.count))
        return components.joined(separator: "/")
    }

    /// The plugins a manifest declares. An unreadable manifest still makes its folder a plugin
    /// (its `agents/` and `commands/` folders are found) and is reported.
    static func plugins(manifestPath: String, bytes: [UInt8]) -> (plugins: [Plugin], problem: ParseProblem?) {
        let root = owner(of: manifestPath)
        let isMarketplace = manifestPath.hasSuffix("marketplace.json")
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            let problem = ParseProblem(
                path: manifestPath, line: lineOfJSONError(error, bytes: bytes), column: 1,
                message: "plugin manifest is not valid JSON; Claude Code cannot load it, and tierlint finds its "
                    + "agents only in the default folders")
            return (isMarketplace ? [] : [Plugin(root: root)], problem)
        }
        guard let object = json as? [String: Any] else {
            return (isMarketplace ? [] : [Plugin(root: root)], ParseProblem(
                path: manifestPath, line: 1, column: 1, message: "plugin manifest must be a JSON object"))
        }
        if !isMarketplace {
            return ([plugin(root: root, object)], nil)
        }
        var plugins: [Plugin] = []
        let pluginRoot = ((object["metadata"] as? [String: Any])?["pluginRoot"] as? String).map(relative) ?? ""
        for entry in object["plugins"] as? [Any] ?? [] {
            guard let entry = entry as? [String: Any], let source = entry["source"] as? String else { continue }
            // Sources that are not paths (GitHub, git, npm) live in other repositories.
            let base = source.hasPrefix("./") || source.hasPrefix("../") || !source.contains(":")
                ? join(root, source.hasPrefix("./") ? relative(source) : join(pluginRoot, relative(source)))
                : nil
            if let base { plugins.append(plugin(root: base, entry)) }
        }
        return (plugins, nil)
    }

    private static func plugin(root: String, _ object: [String: Any]) -> Plugin {
        func paths(_ key: String) -> [String] {
            switch object[key] {
            case let single as String: [relative(single)]
            case let list as [Any]: list.compactMap { ($0 as? String).map(relative) }
            default: []
            }
        }
        return Plugin(root: root, agents: paths("agents"), commands: paths("commands"), skills: paths("skills"))
    }

    /// `./agents/x.md` → `agents/x.md`.
    static func relative(_ path: String) -> String {
        var text = Substring(path)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        while text.hasSuffix("/") { text = text.dropLast() }
        return text == "." ? "" : String(text)
    }

    /// Joins and normalises `a/b/../c`; a path that climbs out of the repository is dropped.
    static func join(_ base: String, _ path: String) -> String {
        var components: [Substring] = []
        for part in (base + "/" + path).split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                if !components.isEmpty { components.removeLast() }
                continue
            }
            components.append(part)
        }
        return components.joined(separator: "/")
    }

    private static func lineOfJSONError(_ error: Error, bytes: [UInt8]) -> Int {
        // Foundation reports the byte index of the problem in the error's user info.
        let info = (error as NSError).userInfo
        guard let index = info["NSJSONSerializationErrorIndex"] as? Int else { return 1 }
        return bytes.prefix(index).count { $0 == 0x0A } + 1
    }
}
