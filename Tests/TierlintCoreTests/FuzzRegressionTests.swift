import Foundation
import Testing
import TierlintFuzzing

/// What the fuzzers found, replayed on every `swift test`: each input under
/// Tests/FuzzRegressions/TARGET once crashed, hung or broke an invariant of that target.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzRegressions")

    struct Input: CustomTestStringConvertible, Sendable {
        let target: FuzzTarget
        let path: String
        var testDescription: String { "\(target.rawValue)/\((path as NSString).lastPathComponent)" }
    }

    static let inputs: [Input] = FuzzTarget.allCases.flatMap { target -> [Input] in
        let directory = folder.appendingPathComponent(target.rawValue).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().map { Input(target: target, path: directory + "/" + $0) }
    }

    @Test(arguments: inputs)
    func aFoundInputRunsCleanly(_ input: Input) throws {
        let data = try #require(FileManager.default.contents(atPath: input.path))
        input.target.run(Array(data))
    }

    @Test(arguments: FuzzTarget.allCases)
    func everySeedRunsCleanly(_ target: FuzzTarget) {
        #expect(!target.seeds.isEmpty || target == .baseline)
        for seed in target.seeds { target.run(seed) }
    }
}
