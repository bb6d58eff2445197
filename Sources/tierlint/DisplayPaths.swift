import TierlintGit

/// Repository-relative paths as a person in the current folder can click them: `backlog.md`
/// from `/repo/docs`, `../docs/a.md` from `/repo/sub`. The folders are resolved once, not per
/// finding.
struct DisplayPaths: Sendable {
    private let root: String
    /// The current folder's components inside the root, when it is inside it.
    private let inner: [Substring]?
    /// From a current folder outside the root: the way to the root, when it is short.
    private let outerPrefix: String?

    init(cwd: String, root: String) {
        self.root = FileSystemPath.canonical(root)
        let rootParts = self.root.split(separator: "/")
        let cwdParts = FileSystemPath.canonical(cwd).split(separator: "/")
        if cwdParts.starts(with: rootParts) {
            inner = Array(cwdParts.dropFirst(rootParts.count))
            outerPrefix = nil
        } else {
            inner = nil
            var common = 0
            while common < cwdParts.count, common < rootParts.count, cwdParts[common] == rootParts[common] { common += 1 }
            let climb = cwdParts.count - common
            outerPrefix = climb <= 2
                ? (Array(repeating: "..", count: climb) + rootParts[common...].map(String.init)).joined(separator: "/")
                : nil
        }
    }

    func path(for relative: String) -> String {
        if let inner {
            let parts = relative.split(separator: "/")
            var common = 0
            while common < inner.count, common < parts.count - 1, inner[common] == parts[common] { common += 1 }
            let climb = inner.count - common
            // A long climb is harder to read than the path from the root.
            guard climb <= 2 else { return root + "/" + relative }
            return (Array(repeating: "..", count: climb) + parts[common...].map(String.init)).joined(separator: "/")
        }
        guard let outerPrefix else { return root + "/" + relative }
        return outerPrefix.isEmpty ? relative : outerPrefix + "/" + relative
    }
}
