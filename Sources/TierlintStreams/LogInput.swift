import Foundation

/// A log file (or standard input, `-`) read in chunks, gunzipped on the way when it starts
/// with gzip's magic bytes: whatever its size, only one chunk is held at a time.
public enum LogInput {
    /// Large enough that a system call reads a good stretch of disk, small enough to stay in cache.
    public static let chunkSize = 1 << 20

    /// Calls `body` with each chunk of the content, in order. A chunk ends anywhere, even
    /// inside a line or a character; the pointer is valid only during the call.
    public static func read(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let descriptor: Int32
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            var info = stat()
            guard stat(path, &info) == 0 else { throw StreamError(path: path, message: "cannot read it: \(String(cString: strerror(errno)))") }
            guard (info.st_mode & S_IFMT) != S_IFDIR else { throw StreamError(path: path, message: "is a folder, not a log file") }
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw StreamError(path: path, message: "cannot read it: \(String(cString: strerror(errno)))") }
            #if os(Linux)
            _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
            #endif
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }

        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var decoder: GzipDecoder?
        var first = true
        while true {
            let count = Foundation.read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw StreamError(path: path, message: "cannot read it: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            // The format is told by the content, not the name: `app.log` may be gzip, `x.gz` plain.
            if first {
                first = false
                if count >= 2, chunk[0] == 0x1F, chunk[1] == 0x8B {
                    decoder = try GzipDecoder(path: path)
                }
            }
            if let decoder {
                try decoder.decode(chunk, body)
            } else {
                try body(chunk)
            }
        }
        try decoder?.finish()
    }
}

/// A log that cannot be read: the path and a sentence that says why.
public struct StreamError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String

    public var description: String { "\(path == "-" ? "standard input" : path): \(message)" }
}
