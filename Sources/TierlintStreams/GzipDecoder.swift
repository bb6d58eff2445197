import CZlib

/// zlib's inflate over a gzip stream, fed compressed chunks and handing out decompressed
/// ones of at most `LogInput.chunkSize`. Several gzip members one after another (what
/// `cat a.gz b.gz` makes, and what log rotation appends) are read as one stream, as `gzip -d` does.
final class GzipDecoder {
    private let path: String
    private var stream = z_stream()
    private let output: UnsafeMutableRawBufferPointer
    /// The last member ended and no byte of another has come yet.
    private var betweenMembers = false
    private var decompressed = 0

    init(path: String) throws {
        self.path = path
        output = UnsafeMutableRawBufferPointer.allocate(byteCount: LogInput.chunkSize, alignment: 16)
        // 15 + 32: the largest window, with the gzip (or zlib) header detected and checked.
        let status = tierlint_inflate_init(&stream, 15 + 32)
        guard status == Z_OK else {
            output.deallocate()
            throw StreamError(path: path, message: "cannot start zlib (\(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        output.deallocate()
    }

    func decode(_ input: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        // zlib never writes through next_in; its C type just is not const.
        stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        // Runs until the input is used up and zlib has nothing more to give: a full output
        // chunk may leave decompressed bytes inside zlib with no input left.
        var outputWasFull = false
        while stream.avail_in > 0 || outputWasFull {
            if betweenMembers {
                guard stream.avail_in > 0 else { break }
                inflateReset(&stream)
                betweenMembers = false
            }
            stream.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(output.count)
            let status = inflate(&stream, Z_NO_FLUSH)
            let produced = output.count - Int(stream.avail_out)
            outputWasFull = stream.avail_out == 0
            switch status {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                betweenMembers = true
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw StreamError(path: path, message: "is not valid gzip data after \(decompressed) decompressed bytes (\(detail))")
            }
            if produced > 0 {
                decompressed += produced
                try body(UnsafeRawBufferPointer(rebasing: output[0..<produced]))
            } else if status == Z_BUF_ERROR {
                break
            }
        }
    }

    /// Checks that the last member ended: a cut-off download or a log still being compressed
    /// would otherwise pass for a shorter log.
    func finish() throws {
        guard betweenMembers else {
            throw StreamError(path: path, message: "the gzip data ends early, after \(decompressed) decompressed bytes; the file is truncated")
        }
    }
}
