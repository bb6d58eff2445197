import Foundation
import TierlintCore

/// Reading files from disk without following symlinks: a link named like an agent file is
/// not the agent file, and following it could read outside the repository.
public enum DiskFile {
    /// Whether anything (a file, a folder, a link, even a dangling one) is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The file's bytes, `.tooLarge` when it is over `limit`, `nil` when it is not a regular file.
    public static func read(_ path: String, limit: Int) throws -> SourceFile.Content? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        if Int(info.st_size) > limit { return .tooLarge(size: Int(info.st_size)) }
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw GitError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw GitError("cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            // The file may have grown since lstat; never hold more than the cap.
            if bytes.count > limit { return .tooLarge(size: bytes.count) }
        }
        return .bytes(bytes)
    }

    /// Replaces a file's content atomically (a temporary file beside it, then a rename), keeping
    /// its permissions, so a reader never sees half a file.
    public static func replace(_ path: String, with bytes: [UInt8]) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw GitError("cannot read \(path): \(String(cString: strerror(errno)))") }
        let temporary = path + ".tierlint-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, info.st_mode & 0o7777)
        guard descriptor >= 0 else { throw GitError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                close(descriptor)
                unlink(temporary)
                throw GitError("cannot write \(temporary): \(String(cString: strerror(errno)))")
            }
            written += count
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw GitError("cannot replace \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Where a symbolic link points, or `nil` when `path` is not a link.
    static func linkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink(path, &buffer, 4096)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Every regular file under `root`, relative to it, and the symbolic links, which are never
    /// followed; `.git` is skipped. Iterative, so a deep tree cannot exhaust the stack.
    static func walk(_ root: String) throws -> (files: [String], links: [String: String]) {
        var files: [String] = []
        var links: [String: String] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(absolute) else {
                if relative.isEmpty { throw GitError("cannot read the folder \(root): \(String(cString: strerror(errno)))") }
                continue
            }
            defer { closedir(directory) }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." || name == ".git" { continue }
                names.append(name)
            }
            for name in names.sorted() {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + child, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(child)
                case S_IFREG: files.append(child)
                case S_IFLNK: links[child] = linkTarget(root + "/" + child) ?? "?"
                default: continue
                }
            }
        }
        return (files.sorted(), links)
    }
}
