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
        // Asked of every path of a repository: most end in another letter and stop here.
        let utf8 = path.utf8
        guard utf8.last == UInt8(ascii: "n") else { return false }
        return utf8.reversed().starts(with: manifest.reversed()) || utf8.reversed().starts(with: marketplace.reversed())
    }

    private static let manifest = Array(".claude-plugin/plugin.json".utf8)
    private static let marketplace = Array(".claude-plugin/marketplace.json".utf8)

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
        let invalid = { (line: Int, detail: String) -> ParseProblem in
            ParseProblem(
                path: manifestPath, line: line, column: 1,
                message: "plugin manifest is not valid JSON (\(detail)); Claude Code cannot load it, and tierlint "
                    + "finds its agents only in the default folders")
        }
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            return (isMarketplace ? [] : [Plugin(root: root)], invalid(lineOfJSONError(error, bytes: bytes), "a syntax error"))
        }
        // Foundation on Linux accepts a trailing comma; the JSON parsers of the tools do not.
        if let line = trailingCommaLine(bytes) {
            return (isMarketplace ? [] : [Plugin(root: root)], invalid(line, "a comma before a closing bracket"))
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
            // A local plugin is a relative path ("./plugins/x"), or a bare folder name under
            // `metadata.pluginRoot`. Anything else ("owner/repo", a URL, an object source) lives
            // in another repository.
            let base: String?
            if source.hasPrefix("./") || source.hasPrefix("../") || source == "." {
                base = join(root, source)
            } else if !pluginRoot.isEmpty, !source.contains("/"), !source.contains(":") {
                base = join(root, join(pluginRoot, source))
            } else {
                base = nil
            }
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

    /// The line of a JSON syntax error: Foundation gives the character index in the user info
    /// on Apple platforms and as "around character N" in the description on Linux.
    static func lineOfJSONError(_ error: Error, bytes: [UInt8]) -> Int {
        let nsError = error as NSError
        var index = nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int
        if index == nil {
            let text = "\(nsError.userInfo[NSDebugDescriptionErrorKey] ?? "") \(nsError.localizedDescription)"
            if let range = text.range(of: "character ") {
                index = Int(text[range.upperBound...].prefix { $0.isNumber })
            }
        }
        guard let index else { return 1 }
        return line(ofOffset: index, in: bytes)
    }

    private static func line(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        bytes.prefix(offset).count { $0 == 0x0A } + 1
    }

    /// The line of a `,` followed only by whitespace and `]` or `}`, outside strings.
    static func trailingCommaLine(_ bytes: [UInt8]) -> Int? {
        var inString = false, escaped = false
        var pendingComma: Int?
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true; pendingComma = nil
            case UInt8(ascii: ","): pendingComma = offset
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if let comma = pendingComma { return line(ofOffset: comma, in: bytes) }
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: pendingComma = nil
            }
        }
        return nil
    }
}
