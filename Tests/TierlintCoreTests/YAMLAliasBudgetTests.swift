import Testing
import Yams
@testable import TierlintCore

/// Aliases are counted before Yams composes a document: a few aliased defaults compose as
/// before, a billion laughs is refused at the alias that went over, without expanding it.
@Suite struct YAMLAliasBudgetTests {
    /// Nine anchors, each a list of nine aliases of the one before: 9⁹ values.
    static let laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + (0..<8).map { level -> String in
        let name = Character(Unicode.Scalar(UInt8(ascii: "b") + UInt8(level)))
        let previous = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(level)))
        return "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
    }.joined()

    @Test func aliasedDefaultsComposeAsBefore() throws {
        let text = "defaults: &defaults {model: haiku, tools: [Read, Grep]}\nwriter:\n  <<: *defaults\n  role: writes\n"
            + "reviewer: {model: &m sonnet, fallback: *m}\nquoted: \"*defaults\"\n"
        let node = try #require(try YAMLAliasBudget.compose(text))
        #expect(node == (try Yams.compose(yaml: text, .basic, .default, .utf8)))
        #expect(node["reviewer"]?["fallback"]?.string == "sonnet")
    }

    @Test func anAliasBombIsRefusedAtTheAliasThatWentOver() {
        #expect(throws: YAMLAliasBudget.Exceeded(line: 6)) { try YAMLAliasBudget.compose(Self.laughs) }
        // An alias as a mapping key made Yams hash the whole expansion: it never finished.
        #expect(throws: YAMLAliasBudget.Exceeded.self) { try YAMLAliasBudget.compose(Self.laughs + "? *i\n: x\n") }
    }

    @Test func errorsAreYamlsOwnWithTheirLines() {
        #expect(throws: YamlError.self) { try YAMLAliasBudget.compose("a: &a x\nb: *nowhere\n") }
        #expect(throws: YamlError.self) { try YAMLAliasBudget.compose("a: &a [x\nb: *a\n") }
        let nested = "model: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(YAMLProblem({ () -> Error in
            do { _ = try YAMLAliasBudget.compose(nested) } catch { return error }
            return YAMLAliasBudget.Exceeded(line: 0)
        }()).message == "invalid YAML: nested more than 1000 levels deep")
    }

    /// `*name` becomes one private-use character and the name, so libyaml's lines and columns
    /// stay true; inside a scalar (`2*3`) that changes only the scalar's text, and a `*`
    /// followed by no name is left alone.
    @Test func defangingKeepsEveryPosition() {
        let text = "a: &a x\nb: [*a, \"*a\", 2*3, * , **]\n"
        let defanged = YAMLAliasBudget.defanged(text)
        #expect(defanged.count == text.count)
        #expect(defanged == "a: &a x\nb: [\u{E000}a, \"\u{E000}a\", 2\u{E000}3, * , **]\n")
    }

    @Test func frontmatterAndAgentFilesReportTheBombWithItsLine() throws {
        let agent = "---\nname: laughs\n" + Self.laughs + "model: haiku\n---\nBody.\n"
        let findings = try lint(".claude/agents/laughs.md", agent)
        #expect(findings.map(\.position) == [".claude/agents/laughs.md:8:1"])
        #expect(findings.first?.rule.code == "TL005")
        #expect(findings.first?.message.contains("alias bomb") == true)

        let yaml = try lint("team.agents.yml", Self.laughs + "writer:\n  model: haiku\n")
        #expect(yaml.map(\.position) == ["team.agents.yml:6:1"])
    }
}
