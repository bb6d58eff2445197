import Foundation
import TierlintFuzzing

/// The target this process fuzzes, from TIERLINT_FUZZ_TARGET (see Fuzz/run.sh).
nonisolated(unsafe) var target = FuzzTarget.backlog

/// libFuzzer calls this once before fuzzing. With TIERLINT_FUZZ_SEEDS set it writes the
/// target's seed corpus there and exits.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    guard let name = environment["TIERLINT_FUZZ_TARGET"], let chosen = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("set TIERLINT_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    target = chosen
    if let folder = environment["TIERLINT_FUZZ_SEEDS"] {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (index, seed) in chosen.seeds.enumerated() {
            FileManager.default.createFile(atPath: "\(folder)/seed-\(index)", contents: Data(seed))
        }
        exit(0)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    target.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
