import Foundation
import Testing
import TierlintStreams

/// Logs read in chunks, plain or gzip, told apart by their first bytes and not their names.
@Suite struct LogInputTests {
    private let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tierlint-streams-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func gzip(_ path: String, _ arguments: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = arguments + [path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    private func content(_ path: String) throws -> (bytes: [UInt8], chunks: Int) {
        var bytes: [UInt8] = []
        var chunks = 0
        try LogInput.read(path) { chunk in
            #expect(chunk.count <= LogInput.chunkSize)
            bytes += chunk
            chunks += 1
        }
        return (bytes, chunks)
    }

    /// Lines of different lengths, so that chunk edges fall anywhere.
    private func sample(lines: Int) -> [UInt8] {
        var text = ""
        for index in 0..<lines {
            text += "{\"timestamp\": \"2026-03-16T14:23:45Z\", \"agent\": \"agent-\(index % 7)\", \"line\": \(index)}\n"
        }
        return Array(text.utf8)
    }

    @Test func aPlainFileIsReadInChunksAsItIs() throws {
        let bytes = sample(lines: 40_000)
        let path = try write("plain.jsonl", bytes)
        let read = try content(path)
        #expect(read.bytes == bytes)
        #expect(read.chunks == (bytes.count + LogInput.chunkSize - 1) / LogInput.chunkSize)
    }

    @Test func gzipIsToldByItsMagicBytesNotItsName() throws {
        let bytes = sample(lines: 60_000)
        let path = try write("executions.log", bytes)
        try gzip(path)
        // Renamed without .gz: still gzip inside.
        try FileManager.default.moveItem(atPath: path + ".gz", toPath: folder + "/renamed.jsonl")
        let read = try content(folder + "/renamed.jsonl")
        #expect(read.bytes == bytes)
        #expect(read.chunks > 1, "a large log comes in several chunks")
    }

    @Test func concatenatedGzipMembersReadAsOneStream() throws {
        let first = Array("one\ntwo\n".utf8), second = Array("three\n".utf8)
        let a = try write("a", first), b = try write("b", second)
        try gzip(a)
        try gzip(b)
        let joined = try Data(contentsOf: URL(fileURLWithPath: a + ".gz")) + Data(contentsOf: URL(fileURLWithPath: b + ".gz"))
        let path = try write("joined.gz", Array(joined))
        #expect(try content(path).bytes == first + second)
    }

    @Test func aTruncatedGzipIsAnErrorNotAShortLog() throws {
        let path = try write("cut", sample(lines: 2000))
        try gzip(path)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
        let cut = try write("cut.gz", Array(whole.prefix(whole.count / 2)))
        #expect { try content(cut) } throws: { error in
            "\(error)".contains("truncated")
        }
        let corrupt = try write("corrupt.gz", [0x1F, 0x8B] + Array(repeating: 0x55, count: 64))
        #expect { try content(corrupt) } throws: { error in
            "\(error)".contains("not valid gzip data")
        }
    }

    @Test func aMissingFileOrAFolderSaysSo() throws {
        #expect { try content(folder + "/none.jsonl") } throws: { "\($0)".contains("No such file") }
        #expect { try content(folder) } throws: { "\($0)".contains("is a folder") }
    }
}
