import CGit2
import Foundation

/// The index file as git writes it (versions 2, 3 and 4), read directly rather than through
/// libgit2. libgit2 1.5 hashes the whole file to verify it and builds lookup tables a check
/// never uses, which on a 100,000-entry index costs far more than the check itself; git does
/// not verify the checksum on a normal read either. Reading the cache tree (extension `TREE`)
/// is what lets a pre-commit check find the staged paths without walking HEAD's whole tree.
struct IndexFile {
    struct Entry {
        /// The path as text; bytes that are not UTF-8 show as U+FFFD.
        var path: String
        /// The path's bytes when they are not UTF-8 (`path` then stands for several names):
        /// git finds a path in a tree by its bytes.
        var rawPath: [UInt8]? = nil
        var id: ObjectID
        var mode: UInt32
        var stage: Int
        var isIntentToAdd: Bool
        var isSkipWorktree: Bool
    }

    private(set) var entries: [Entry] = []
    /// Whether the paths are in git's order (by bytes), as git always writes them.
    private(set) var isSorted = true
    /// The tree each folder of the index would be written as, where git still knows it.
    private(set) var cacheTree: CacheTree?

    /// Mandatory extensions (a lowercase first letter) this reader does not know; git writes
    /// them for a split index (`link`) and a sparse index (`sdir`).
    struct UnsupportedExtension: Error {
        var signature: String
    }

    struct Corrupt: Error {
        var reason: String
    }

    /// An index with no entries, as if git had written one for an empty staging area.
    static let empty: [UInt8] = Array("DIRC".utf8) + [0, 0, 0, 2, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 20)

    init(bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try parse($0) }
    }

    private mutating func parse(_ data: UnsafeBufferPointer<UInt8>) throws {
        let hashSize = 20
        guard data.count >= 12 + hashSize else { throw Corrupt(reason: "it is \(data.count) bytes, shorter than a header") }
        guard data[0] == 0x44, data[1] == 0x49, data[2] == 0x52, data[3] == 0x43 else {  // "DIRC"
            throw Corrupt(reason: "it does not start with the index signature")
        }
        let version = Self.uint32(data, 4)
        guard (2...4).contains(version) else { throw Corrupt(reason: "index version \(version) is not one git writes") }
        let count = Int(Self.uint32(data, 8))
        let end = data.count - hashSize
        guard count <= end / 62 else { throw Corrupt(reason: "it claims \(count) entries, more than fit in the file") }
        entries.reserveCapacity(count)

        var offset = 12
        var previous: [UInt8] = []
        var previousPath = 0..<0
        for _ in 0..<count {
            let start = offset
            guard offset + 62 <= end else { throw Corrupt(reason: "an entry runs past the end of the file") }
            let mode = Self.uint32(data, offset + 24)
            var oid = git_oid()
            withUnsafeMutableBytes(of: &oid) { raw in
                raw.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: data[(offset + 40)..<(offset + 60)])))
            }
            let flags = Int(data[offset + 60]) << 8 | Int(data[offset + 61])
            offset += 62
            var extended = 0
            if flags & 0x4000 != 0 {
                guard version >= 3, offset + 2 <= end else { throw Corrupt(reason: "an entry's extended flags are invalid") }
                extended = Int(data[offset]) << 8 | Int(data[offset + 1])
                offset += 2
            }
            let path: String
            let rawPath: [UInt8]?
            if version == 4 {
                // The path is the previous one with N bytes taken off its end, then a suffix.
                guard offset < end else { throw Corrupt(reason: "an entry's path runs past the end of the file") }
                var byte = data[offset]
                offset += 1
                var strip = Int(byte & 0x7F)
                while byte & 0x80 != 0 {
                    guard offset < end, strip < 1 << 24 else { throw Corrupt(reason: "an entry's path is invalid") }
                    byte = data[offset]
                    offset += 1
                    strip = ((strip + 1) << 7) | Int(byte & 0x7F)
                }
                guard strip <= previous.count else { throw Corrupt(reason: "an entry's path is compressed against nothing") }
                guard let terminator = Self.nul(data, from: offset, before: end) else {
                    throw Corrupt(reason: "an entry's path is not terminated")
                }
                // The new path shares all but `strip` bytes of the previous one; its order is
                // decided by what follows them.
                if isSorted, !previous.isEmpty {
                    let suffix = UnsafeBufferPointer(rebasing: data[offset..<terminator])
                    isSorted = !suffix.lexicographicallyPrecedes(previous[(previous.count - strip)...])
                }
                previous.removeLast(strip)
                previous.append(contentsOf: UnsafeBufferPointer(rebasing: data[offset..<terminator]))
                (path, rawPath) = previous.withUnsafeBufferPointer { Self.path($0) }
                offset = terminator + 1
            } else {
                guard let terminator = Self.nul(data, from: offset, before: end) else {
                    throw Corrupt(reason: "an entry's path is not terminated")
                }
                (path, rawPath) = Self.path(UnsafeBufferPointer(rebasing: data[offset..<terminator]))
                if isSorted, !previousPath.isEmpty {
                    isSorted = !UnsafeBufferPointer(rebasing: data[offset..<terminator])
                        .lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: data[previousPath]))
                }
                previousPath = offset..<terminator
                // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
                offset = start + ((terminator - start) / 8 + 1) * 8
                guard offset <= end else { throw Corrupt(reason: "an entry's padding runs past the end of the file") }
            }
            // Paths are searched by their text later (`GitFiles`), and text with U+FFFD in it
            // does not sort as the bytes it stands for did.
            if rawPath != nil { isSorted = false }
            entries.append(Entry(
                path: path, rawPath: rawPath, id: ObjectID(oid: oid), mode: mode, stage: (flags >> 12) & 0x3,
                isIntentToAdd: extended & 0x2000 != 0, isSkipWorktree: extended & 0x4000 != 0))
        }

        while offset + 8 <= end {
            let signature = Array(UnsafeBufferPointer(rebasing: data[offset..<(offset + 4)]))
            let size = Int(Self.uint32(data, offset + 4))
            let body = offset + 8
            guard size <= end - body else { throw Corrupt(reason: "an extension runs past the end of the file") }
            if signature == Array("TREE".utf8) {
                var position = body
                cacheTree = CacheTree.parse(data, at: &position, end: body + size)
            } else if !(0x41...0x5A).contains(signature[0]) {
                throw UnsupportedExtension(signature: String(decoding: signature, as: UTF8.self))
            }
            offset = body + size
        }
    }

    /// A path's text, and its bytes when they are not UTF-8.
    private static func path(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, [UInt8]?) {
        // Nearly every path is ASCII, which needs no validating.
        if !bytes.contains(where: { $0 >= 0x80 }) { return (String(decoding: bytes, as: UTF8.self), nil) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, nil) }
        return (String(decoding: bytes, as: UTF8.self), Array(bytes))
    }

    private static func uint32(_ data: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt32 {
        UInt32(data[offset]) << 24 | UInt32(data[offset + 1]) << 16 | UInt32(data[offset + 2]) << 8 | UInt32(data[offset + 3])
    }

    private static func nul(_ data: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int? {
        guard start < end, let found = memchr(data.baseAddress! + start, 0, end - start) else { return nil }
        return data.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

/// Git's cache tree: for each folder of the index, the tree object it was last written as,
/// or nothing when an entry under it changed since. A folder whose cached tree is HEAD's tree
/// for that folder holds no staged change.
final class CacheTree {
    /// `nil` when git invalidated this folder.
    let id: ObjectID?
    /// How many index entries the folder holds, when `id` is known.
    let entryCount: Int
    /// By the folder's name as bytes, as the index and trees name it.
    let children: [[UInt8]: CacheTree]

    init(id: ObjectID?, entryCount: Int, children: [[UInt8]: CacheTree]) {
        self.id = id
        self.entryCount = entryCount
        self.children = children
    }

    /// One node and its subtrees: `name NUL entry-count SP subtree-count LF [object id]`. A
    /// malformed extension is dropped (`nil`), which only costs speed: git itself treats the
    /// cache tree as a hint.
    static func parse(_ data: UnsafeBufferPointer<UInt8>, at position: inout Int, end: Int, depth: Int = 0) -> (name: [UInt8], tree: CacheTree)? {
        guard depth < 4096, let nameEnd = (position..<end).first(where: { data[$0] == 0 }) else { return nil }
        let name = Array(UnsafeBufferPointer(rebasing: data[position..<nameEnd]))
        position = nameEnd + 1
        guard let space = (position..<end).first(where: { data[$0] == 0x20 }),
              let newline = (space..<end).first(where: { data[$0] == 0x0A }),
              let entryCount = Int(String(decoding: UnsafeBufferPointer(rebasing: data[position..<space]), as: UTF8.self)),
              let subtreeCount = Int(String(decoding: UnsafeBufferPointer(rebasing: data[(space + 1)..<newline]), as: UTF8.self)),
              subtreeCount >= 0, subtreeCount <= end - newline
        else { return nil }
        position = newline + 1
        var id: ObjectID?
        if entryCount >= 0 {
            guard position + 20 <= end else { return nil }
            var oid = git_oid()
            withUnsafeMutableBytes(of: &oid) { $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: data[position..<(position + 20)]))) }
            id = ObjectID(oid: oid)
            position += 20
        }
        var children: [[UInt8]: CacheTree] = [:]
        for _ in 0..<subtreeCount {
            guard let child = parse(data, at: &position, end: end, depth: depth + 1) else { return nil }
            children[child.name] = child.tree
        }
        return (name, CacheTree(id: id, entryCount: entryCount, children: children))
    }
}

extension CacheTree {
    static func parse(_ data: UnsafeBufferPointer<UInt8>, at position: inout Int, end: Int) -> CacheTree? {
        let root: (name: [UInt8], tree: CacheTree)? = parse(data, at: &position, end: end, depth: 0)
        return root?.tree
    }
}
