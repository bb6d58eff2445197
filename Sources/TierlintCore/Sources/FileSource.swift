/// Where the files of a check come from: the index, a commit's tree, the working tree, a
/// plain folder, or memory. Paths are relative to the root, with forward slashes. The core
/// reads through this protocol and never touches a file system itself.
public protocol FileSource {
    /// How reports name the source: `index`, `HEAD`, `worktree`, `directory`.
    var name: String { get }
    /// The folder paths are relative to, on disk (the working tree's root), for display.
    var root: String { get }
    /// Every regular file in the source.
    func paths() throws -> [String]
    /// The files to report on, or `nil` for all of them. May include symbolic links.
    func pathsToCheck() throws -> [String]?
    /// Symbolic links, which tierlint never follows, with where they point.
    func symlinks() throws -> [String: String]
    /// A file's content, `nil` when the source has no regular file at that path.
    func read(_ path: String, limit: Int) throws -> SourceFile.Content?
}
