import Testing
import Yams
@testable import TierlintCore

/// tierlint reads YAML with Yams' basic resolver and decides what a plain scalar means itself;
/// it must decide as Yams' default (YAML 1.1) resolver does.
@Suite struct PlainScalarTests {
    static let scalars = [
        "", "~", "null", "Null", "NULL", "nUll", "yes", "Yes", "YES", "yEs", "no", "true", "True", "TRUE", "tRue", "false",
        "on", "ON", "off", "Off", "y", "n", "3", "-4", "+5", "007", "0o17", "0b101", "0x1F", "0xZ", "1_000", "1:30",
        "190:20:30", "4.5", "-4.5", ".5", "1e3", "1.5e-3", "1e", ".inf", "-.Inf", ".nan", ".NaN", "3.", "sonnet", "claude-opus-4-6",
        "opus 4.6", "4o", "gpt-4.1", "'3'", "1.2.3", "12:60", "0", "-0", "_1", "1__",
    ]

    @Test(arguments: scalars)
    func decidesAsYamlsDefaultResolver(text: String) throws {
        let yaml = "value: \(text)\n"
        guard let ours = try PlainScalar.compose(yaml)?.mapping?.first?.value,
              let theirs = try Yams.compose(yaml: yaml, .default, .default, .utf8)?.mapping?.first?.value
        else {
            Issue.record("\(text) did not parse")
            return
        }
        #expect(PlainScalar.isNull(ours) == (theirs.null != nil), "null: \(text)")
        #expect(PlainScalar.bool(ours) == theirs.bool, "bool: \(text)")
        #expect(PlainScalar.isNumber(ours) == (theirs.int != nil || theirs.float != nil), "number: \(text)")
    }
}
