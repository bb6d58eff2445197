import Foundation

/// Which folders under a root are real folders, not symbolic links: a file is read from the
/// working tree only through real folders, so no path can lead outside the repository.
/// Each folder is looked at once.
final class RealFolders {
    private let root: String
    private var known: [String: Bool] = ["": true]

    init(root: String) {
        self.root = root
    }

    /// Whether every folder on the way to `path` (repository-relative) is a real folder.
    func allReal(on path: String) -> Bool {
        var folder = ""
        for component in path.split(separator: "/").dropLast() {
            folder = folder.isEmpty ? String(component) : folder + "/" + component
            if let real = known[folder] {
                if !real { return false }
                continue
            }
            var info = stat()
            let real = lstat(root + "/" + folder, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            known[folder] = real
            if !real { return false }
        }
        return true
    }
}
