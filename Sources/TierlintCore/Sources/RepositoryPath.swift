/// Repository-relative paths: forward slashes, no leading slash, "" for the root.
public enum RepositoryPath {
    /// `docs/a.md` is under `docs`, under `docs/a.md` itself, and under `` (the root).
    public static func isUnder(_ path: String, _ folder: String) -> Bool {
        folder.isEmpty || path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Where a symbolic link at `link` pointing to `target` leads, or `nil` when it leaves
    /// the repository or is absolute.
    public static func resolve(_ target: String, from link: String) -> String? {
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
}
