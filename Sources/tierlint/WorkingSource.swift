import Foundation
import TierlintCore
import TierlintGit

/// The files on disk a command works on: the working tree of the repository around the
/// current folder, or outside git the current folder itself; narrowed to the paths named.
enum WorkingSource {
    static func make(paths: [String]) throws -> any FileSource {
        let cwd = FileManager.default.currentDirectoryPath
        let absolutes = paths.map { FileSystemPath.absolute($0, relativeTo: cwd) }
        let base: any FileSource
        do {
            let repository = try GitRepository.open()
            let named = repository.workdir.map { root in absolutes.compactMap { FileSystemPath.relative($0, to: root) } }
            base = try WorkingTreeSource(repository: repository, named: named ?? [])
        } catch let error as GitError where error.isNotARepository {
            // Outside git: the current folder. A single folder elsewhere is a root of its own.
            var isDirectory: ObjCBool = false
            if absolutes.count == 1, FileSystemPath.relative(absolutes[0], to: cwd) == nil,
               FileManager.default.fileExists(atPath: absolutes[0], isDirectory: &isDirectory), isDirectory.boolValue {
                return try DirectorySource(root: absolutes[0])
            }
            base = try DirectorySource(root: cwd)
        }
        return try narrow(base, to: paths)
    }

    /// `base` reporting only on the files under `paths`; a path that names nothing is a usage
    /// error, so a typo in a CI step cannot pass.
    static func narrow(_ base: any FileSource, to paths: [String]) throws -> any FileSource {
        guard !paths.isEmpty else { return base }
        let cwd = FileManager.default.currentDirectoryPath
        let requested = try paths.map { path in
            guard let relative = FileSystemPath.relative(FileSystemPath.absolute(path, relativeTo: cwd), to: base.root) else {
                throw CommandFailure(message: "\(path) is outside \(base.root), the folder being checked")
            }
            return relative
        }
        let narrowed = NarrowedSource(base: base, requested: requested)
        if let missing = try narrowed.unmatched().first {
            throw CommandFailure(message: "\(missing.isEmpty ? "." : missing) names no file in the \(base.name) being checked")
        }
        return narrowed
    }
}
