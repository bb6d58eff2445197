/// Files held in memory: for tests, examples and anything that is not a repository.
public struct MemorySource: FileSource {
    public let name: String
    public let root: String
    private let files: [String: SourceFile.Content]
    private let order: [String]
    private let links: [String: String]
    private let checked: [String]?

    public init(
        _ files: [SourceFile], links: [String: String] = [:], checked: [String]? = nil, name: String = "memory",
        root: String = "."
    ) {
        self.name = name
        self.root = root
        self.files = Dictionary(files.map { ($0.path, $0.content) }, uniquingKeysWith: { first, _ in first })
        order = files.map(\.path)
        self.links = links
        self.checked = checked
    }

    public func paths() -> [String] { order }
    public func pathsToCheck() -> [String]? { checked }
    public func symlinks() -> [String: String] { links }

    public func read(_ path: String, limit: Int) -> SourceFile.Content? {
        guard let content = files[path] else { return nil }
        if case .bytes(let bytes) = content, bytes.count > limit { return .tooLarge(size: bytes.count) }
        return content
    }
}
