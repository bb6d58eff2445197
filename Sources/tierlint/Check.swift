import ArgumentParser
import Foundation
import TierlintCore
import TierlintGit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check backlogs and agent definitions against the model policy.",
        discussion: """
            With --staged, checks what the next commit will contain, read from the index (this is \
            what the pre-commit hook runs). With --rev, checks every file of a commit. Otherwise \
            checks the working tree: the files git tracks or would track, or, outside a git \
            repository, every file under the current folder. PATHs narrow any of these.
            """)

    @Flag(name: .long, help: "Check the files staged for the next commit, read from the index.")
    var staged = false

    @Option(name: .long, help: ArgumentHelp("Check every file of a commit or tree.", valueName: "rev"))
    var rev: String?

    @Argument(help: "Files or folders to check (default: all).")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output format: \(ReporterRegistry.identifiers.joined(separator: ", ")).", valueName: "format"))
    var format = "text"

    @Flag(name: .long, help: "Fail (exit 1) on warnings too, not only on errors.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Colour: auto, always or never (auto honours NO_COLOR).", valueName: "when"))
    var color = "auto"

    @Option(name: .long, help: ArgumentHelp("Read the policy from this file instead of the repository's .tierlint.yml.", valueName: "file"))
    var config: String?

    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in this folder.", valueName: "path"))
    var directory: String?

    @Flag(name: .long, help: "Print only findings, without the summary line.")
    var quiet = false

    func validate() throws {
        if staged && rev != nil { throw ValidationError("--staged and --rev cannot be used together") }
        guard ReporterRegistry.reporter(named: format) != nil else {
            throw ValidationError("unknown format \"\(format)\"; formats are \(ReporterRegistry.identifiers.joined(separator: ", "))")
        }
        guard ["auto", "always", "never"].contains(color) else {
            throw ValidationError("--color takes auto, always or never, not \"\(color)\"")
        }
    }

    func run() throws {
        if let directory {
            guard FileManager.default.changeCurrentDirectoryPath(directory) else {
                throw CommandFailure(message: "cannot change to the folder \(directory)")
            }
        }
        let source = try makeSource()
        let run = try CheckRun(source: source, configFile: config)
        let result = try run.lint()
        if staged && result.filesChecked == 0 && result.findings.isEmpty {
            // Nothing tierlint reads was staged: a pre-commit hook stays silent.
            return
        }
        let reporter = ReporterRegistry.reporter(named: format)!
        let display = DisplayPaths(cwd: FileManager.default.currentDirectoryPath, root: source.root)
        let input = ReportInput(
            toolVersion: TierlintInfo.version, source: source.name, result: result,
            displayPath: display.path(for:), color: useColor)
        var output = reporter.report(input)
        if quiet && format == TextReporter.identifier {
            output = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n")
            if !output.isEmpty { output += "\n" }
        }
        printOut(output)
        if result.failed(strict: strict) { throw ExitCode(1) }
    }

    private var useColor: Bool {
        switch color {
        case "always": return true
        case "never": return false
        default:
            if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
            if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
            return isatty(STDOUT_FILENO) != 0
        }
    }

    private func makeSource() throws -> any FileSource {
        let cwd = FileManager.default.currentDirectoryPath
        if staged || rev != nil {
            let repository = try GitRepository.open()
            let base: any FileSource = staged
                ? try IndexSource(repository: repository)
                : try TreeSource(repository: repository, revision: rev!)
            guard !paths.isEmpty else { return base }
            return try NarrowedSource(base: base, requested: relativePaths(paths, cwd: cwd, root: base.root))
        }
        let repository: GitRepository
        do {
            repository = try GitRepository.open()
        } catch let error as GitError where error.isNotARepository {
            // Outside git: a plain folder, the current one. Paths under it narrow the check, so
            // tool folders (`.claude/agents`) and plugin manifests above them are still seen.
            // A single folder elsewhere is checked as a root of its own.
            let inside = paths.allSatisfy { isUnder(canonical(absolutePath($0, cwd: cwd)), canonical(cwd)) }
            var isDirectory: ObjCBool = false
            if !inside, paths.count == 1, FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDirectory),
               isDirectory.boolValue {
                return try DirectorySource(root: absolutePath(paths[0], cwd: cwd), requested: nil)
            }
            return try DirectorySource(root: cwd, requested: paths.isEmpty ? nil : relativePaths(paths, cwd: cwd, root: cwd))
        }
        guard let workdir = repository.workdir else {
            throw CommandFailure(message: "\(repository.gitDirectory) is a bare repository: it has no working tree; use --rev REV to check a commit")
        }
        return try WorkingTreeSource(
            repository: repository, requested: paths.isEmpty ? nil : relativePaths(paths, cwd: cwd, root: workdir))
    }

    private func relativePaths(_ paths: [String], cwd: String, root: String) throws -> [String] {
        try paths.map { path in
            let absolute = absolutePath(path, cwd: cwd)
            let base = canonical(root)
            let target = canonical(absolute)
            if target == base { return "" }
            guard target.hasPrefix(base + "/") else {
                throw CommandFailure(message: "\(path) is outside \(root), the folder being checked")
            }
            return String(target.dropFirst(base.count + 1))
        }
    }
}

/// A source narrowed to the files under some paths.
struct NarrowedSource: FileSource {
    var base: any FileSource
    var requested: [String]

    var name: String { base.name }
    var root: String { base.root }
    func paths() throws -> [String] { try base.paths() }
    func pathsToCheck() throws -> [String]? {
        let candidates = try base.pathsToCheck() ?? base.paths()
        return candidates.filter { path in requested.contains { folder in
            folder.isEmpty || path == folder || path.hasPrefix(folder + "/")
        } }
    }
    func symlinks() throws -> [String: String] { try base.symlinks() }
    func read(_ path: String, limit: Int) throws -> SourceFile.Content? { try base.read(path, limit: limit) }
}

func absolutePath(_ path: String, cwd: String) -> String {
    let joined = path.hasPrefix("/") ? path : cwd + "/" + path
    return (joined as NSString).standardizingPath
}

/// The real path of a file or folder, with symlinks resolved, or the path itself tidied
/// when it does not exist.
func canonical(_ path: String) -> String {
    guard let real = realpath(path, nil) else { return (path as NSString).standardizingPath }
    defer { free(real) }
    return String(cString: real)
}

/// Repository-relative paths as a person in `cwd` can click them: `backlog.md` from
/// `/repo/docs`, `../docs/a.md` from `/repo/sub`. The folders are resolved once, not per finding.
struct DisplayPaths: Sendable {
    private let root: String
    /// The current folder's components inside the root, when it is inside it.
    private let inner: [Substring]?
    /// From a current folder outside the root: the way to the root, when it is short.
    private let outerPrefix: String?

    init(cwd: String, root: String) {
        self.root = canonical(root)
        let rootParts = self.root.split(separator: "/")
        let cwdParts = canonical(cwd).split(separator: "/")
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

/// `/a/b/c` is under `/a/b` and under itself.
func isUnder(_ path: String, _ folder: String) -> Bool {
    path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
}

extension GitError {
    var isNotARepository: Bool {
        message.contains("could not find repository")
    }
}
