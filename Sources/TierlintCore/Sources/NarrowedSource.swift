/// A source whose report is narrowed to the files under some paths. Every file stays visible
/// (plugin manifests and the agent set are read from the whole repository); only what is
/// reported on changes.
public struct NarrowedSource: FileSource {
    public let base: any FileSource
    /// Repository-relative files or folders; "" is the root.
    public let requested: [String]

    public init(base: any FileSource, requested: [String]) {
        self.base = base
        self.requested = requested
    }

    public var name: String { base.name }
    public var root: String { base.root }
    public func paths() throws -> [String] { try base.paths() }
    public func symlinks() throws -> [String: String] { try base.symlinks() }
    public func read(_ path: String, limit: Int) throws -> SourceFile.Content? { try base.read(path, limit: limit) }

    public func pathsToCheck() throws -> [String]? {
        let candidates = try base.pathsToCheck() ?? (base.paths() + base.symlinks().keys)
        return candidates.filter { path in requested.contains { RepositoryPath.isUnder(path, $0) } }
    }

    /// The requested paths that name nothing in the source: a typo in a CI step must not pass.
    public func unmatched() throws -> [String] {
        let all = try base.paths() + base.symlinks().keys
        return requested.filter { folder in !all.contains { RepositoryPath.isUnder($0, folder) } }
    }
}
