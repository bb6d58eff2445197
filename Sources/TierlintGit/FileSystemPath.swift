import Foundation

/// Absolute paths on disk.
public enum FileSystemPath {
    /// `path` made absolute against `base` and tidied (`a/../b` → `b`), without touching disk.
    public static func absolute(_ path: String, relativeTo base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        return (joined as NSString).standardizingPath
    }

    /// The real path, with symlinks resolved, or the tidied path when it does not exist.
    public static func canonical(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return (path as NSString).standardizingPath }
        defer { free(real) }
        return String(cString: real)
    }

    /// Whether `path` is `folder` or inside it, both absolute.
    public static func isUnder(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// `path` relative to `root`, both resolved on disk; `nil` when it is outside `root`.
    public static func relative(_ path: String, to root: String) -> String? {
        let base = canonical(root), target = canonical(path)
        if target == base { return "" }
        guard isUnder(target, base) else { return nil }
        return String(target.dropFirst(base.count + (base.hasSuffix("/") ? 0 : 1)))
    }
}
