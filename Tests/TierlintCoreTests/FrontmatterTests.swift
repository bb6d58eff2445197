import Testing
@testable import TierlintCore

/// Reads one definition file the way the document loader does.
private func read(
    _ text: String, path: String = ".claude/agents/reviewer.md", kind: DefinitionKind = .agent
) -> (definition: AgentDefinition?, problem: ParseProblem?) {
    AgentDefinition.read(
        path: path, text: text, kind: kind, format: .claudeCode,
        catalog: .bundled, missingValues: Configuration().missingValues)
}

private func definition(_ text: String, path: String = ".claude/agents/reviewer.md") throws -> AgentDefinition {
    let (definition, problem) = read(text, path: path)
    #expect(problem == nil, "\(problem?.message ?? "")")
    return try #require(definition)
}

private func problem(_ text: String) throws -> ParseProblem {
    let (definition, problem) = read(text)
    #expect(definition == nil)
    return try #require(problem)
}

private func tierName(_ assignment: ModelAssignment) -> String? { assignment.effectiveTier?.name }

@Suite struct FrontmatterTests {
    // MARK: - Finding the block

    @Test func aFileWithoutFrontmatterHasNoModel() throws {
        let agent = try definition("# Reviewer\n\nReview the change.\n")
        #expect(!agent.hasFrontmatter)
        #expect(agent.model == ModelAssignment(state: .missing, line: 1, column: 1))
        #expect(agent.name == "reviewer")

        let findings = try lint(".claude/agents/reviewer.md", "# Reviewer\n\nReview the change.\n")
        #expect(findings.map(\.message) == [
            "agent reviewer has no frontmatter, so no `model`; add `model:` with haiku, sonnet, opus or inherit",
        ])
        #expect(findings.map(\.position) == [".claude/agents/reviewer.md:1:1"])
    }

    @Test func frontmatterMustStartOnTheFirstLine() {
        // Agent tools only read a block that opens on line 1: a later block's model is no model.
        let (definition, _) = read("\n---\nmodel: opus\n---\n")
        #expect(definition?.model.isMissing ?? true)
        #expect(definition?.model.effectiveTier == nil)
    }

    @Test func anEmptyBlockIsFrontmatterWithoutAModel() throws {
        let agent = try definition("---\n---\nBody\n")
        #expect(agent.hasFrontmatter)
        #expect(agent.model == ModelAssignment(state: .missing, line: 2, column: 1))
    }

    @Test func aMissingModelPointsAtTheClosingLine() throws {
        let agent = try definition("---\nname: reviewer\ndescription: Reviews pull requests.\n---\nReview.\n")
        #expect(agent.model == ModelAssignment(state: .missing, line: 4, column: 1))
        #expect(agent.description == "Reviews pull requests.")
    }

    @Test func theBlockMayCloseWithDotsAndDelimitersMayHaveTrailingSpaces() throws {
        #expect(tierName(try definition("---\nmodel: opus\n...\n").model) == "opus")
        #expect(tierName(try definition("---  \nmodel: opus\n---\t\n").model) == "opus")
    }

    @Test func onlyTheFirstBlockIsFrontmatter() throws {
        let agent = try definition("---\nmodel: haiku\n---\n# Body\n\n---\nmodel: [opus\n---\n")
        #expect(tierName(agent.model) == "haiku")
    }

    @Test func anUnclosedBlockIsReportedOnItsFirstLine() throws {
        let unclosed = try problem("---\nname: open\nmodel: sonnet\n")
        #expect(unclosed == ParseProblem(
            path: ".claude/agents/reviewer.md", line: 1, column: 1,
            message: "frontmatter opened on line 1 is never closed; add a line `---` after its last key"))
        #expect(try problem("---").line == 1)

        let findings = try lint(".claude/agents/open.md", "---\nname: open\nmodel: sonnet\n")
        #expect(findings.map(\.rule.slug) == ["parse-error"], "a file that cannot be read is not also missing a model")
        #expect(findings.map(\.subject) == ["file"])
    }

    // MARK: - Invalid YAML

    @Test func invalidYAMLIsReportedOnTheLineOfTheProblem() throws {
        let reported = try problem("---\nname: a\nmodel: sonnet\n- item\n---\n")
        #expect(reported.line == 4)
        #expect(reported.message.hasPrefix("frontmatter is not valid YAML ("))
        #expect(reported.message.hasSuffix("); agent tools ignore all of its fields, `model` included"))
        #expect(!reported.message.contains("invalid YAML: "))
    }

    @Test func anErrorAtTheEndOfTheBlockIsReportedNoLaterThanTheClosingLine() throws {
        #expect(try problem("---\nname: broken\nmodel: [sonnet\n---\nBody\n\nMore body\n").line == 4)
    }

    @Test func duplicateKeysAreInvalid() throws {
        let reported = try problem("---\nmodel: haiku\nmodel: opus\n---\n")
        #expect(reported.line == 2)
        #expect(reported.message.contains("duplicate key `model`"))
    }

    @Test func aDuplicateKeyIsReportedWhereTheKeyIsRepeated() throws {
        let reported = try problem("---\nname: a\ndescription: b\nmodel: haiku\nmodel: opus\n---\n")
        #expect(reported.message.contains("duplicate key `model`"))
        #expect(reported.line == 4 || reported.line == 5, "line \(reported.line) is not a `model` line")
    }

    @Test func aListAtTheRootIsNotAMapping() throws {
        let reported = try problem("---\n- sonnet\n- opus\n---\n")
        #expect(reported.line == 2)
        #expect(reported.message == "frontmatter must be a mapping of keys to values, but it is a list")
    }

    @Test func aScalarAtTheRootIsNotAMapping() throws {
        let reported = try problem("---\njust some text\n---\n")
        #expect(reported.line == 2)
        #expect(reported.message == "frontmatter must be a mapping of keys to values, but it is \"just some text\"")
    }

    // MARK: - The lenient reading agent tools apply

    @Test func aOneLineValueWithAnUnquotedColonIsAccepted() throws {
        let agent = try definition("""
            ---
            name: reviewer
            description: Use this agent when: a pull request is ready. Examples: <example>review</example>
            model: sonnet
            ---
            """)
        #expect(agent.description == "Use this agent when: a pull request is ready. Examples: <example>review</example>")
        #expect(tierName(agent.model) == "sonnet")
        #expect(agent.model.line == 4)
        #expect(agent.model.column == 8)
    }

    @Test(arguments: [
        "`code` reviewer", "@reviewer does reviews", "%special", "Use when:", "He said \"stop\": now \\ later",
    ])
    func valuesYAMLWouldRejectAreReadAsText(value: String) throws {
        let agent = try definition("---\ndescription: \(value)\nmodel: haiku\n---\n")
        #expect(agent.description == value)
        #expect(tierName(agent.model) == "haiku")
    }

    @Test func theRepairLeavesCommentsOnOtherLinesAlone() throws {
        let agent = try definition("---\ndescription: Use when: x\nmodel: sonnet # was: opus\n---\n")
        #expect(tierName(agent.model) == "sonnet")
    }

    @Test func aBlockScalarMayHoldDashes() throws {
        let agent = try definition("---\ndescription: |\n  ---\n  Use when: x\nmodel: opus\n---\n")
        #expect(agent.description == "---\nUse when: x\n")
        #expect(tierName(agent.model) == "opus")
    }

    @Test func theRepairKeepsEveryLineInPlace() throws {
        let lines = ["name: a", "description: Use when: x", "model: sonnet", "  nested: keeps: going"]
        let repaired = try #require(Frontmatter.quotingColonValues(lines))
        #expect(repaired == ["name: a", "description: \"Use when: x\"", "model: sonnet", "  nested: keeps: going"])
        #expect(Frontmatter.quotingColonValues(["name: a", "model: sonnet"]) == nil)
    }

    // MARK: - The `model` value

    @Test func aModelNameIsReadWithItsPosition() throws {
        let agent = try definition("---\nname: reviewer\nmodel: claude-opus-4-6\n---\n")
        #expect(agent.model.names.map(\.written) == ["claude-opus-4-6"])
        #expect(tierName(agent.model) == "opus")
        #expect(agent.model.line == 3)
        #expect(agent.model.column == 8)
    }

    @Test func theModelKeyMatchesIgnoringCase() throws {
        #expect(tierName(try definition("---\nModel: opus\n---\n").model) == "opus")
    }

    @Test(arguments: [("3", "the number 3"), ("4.5", "the number 4.5"), ("true", "the boolean true"), ("false", "the boolean false")])
    func aNumberOrBooleanIsNotAModelName(value: String, described: String) throws {
        let agent = try definition("---\nname: counter\nmodel: \(value)\n---\n")
        #expect(agent.model == ModelAssignment(
            state: .invalid("`model` is \(described); write a model name such as sonnet"), line: 3, column: 8))
    }

    @Test func aQuotedNumberIsAName() throws {
        let agent = try definition("---\nmodel: \"3\"\n---\n")
        #expect(agent.model.names.map(\.written) == ["3"])
        guard case .unknown = agent.model.names.first?.resolution else {
            Issue.record("a quoted number is an unknown name")
            return
        }
    }

    @Test func anInvalidModelIsReportedByTheUnknownModelRule() throws {
        let findings = try lint(".claude/agents/counter.md", "---\nmodel: 3\n---\n")
        #expect(findings.map(\.message) == ["agent counter: `model` is the number 3; write a model name such as sonnet"])
        #expect(findings.map(\.position) == [".claude/agents/counter.md:2:8"])
    }

    @Test func aListOfModelsIsJudgedByItsLowest() throws {
        let flow = try definition("---\nmodel: [opus, sonnet]\n---\n")
        #expect(flow.model.names.map(\.written) == ["opus", "sonnet"])
        #expect(tierName(flow.model) == "sonnet")
        let block = try definition("---\nmodel:\n  - Claude Opus 4.6 (copilot)\n  - GPT-5.4 Thinking\n---\n")
        #expect(tierName(block.model) == "opus")
        #expect(block.model.line == 3)
    }

    @Test func aListWithSomethingOtherThanNamesIsInvalid() throws {
        for value in ["[sonnet, {name: opus}]", "[sonnet, [opus]]", "[sonnet, \"\"]"] {
            let agent = try definition("---\nmodel: \(value)\n---\n")
            #expect(agent.model.state == .invalid("`model` lists something that is not a model name; list names such as sonnet"), "\(value)")
        }
    }

    @Test func anEmptyListIsNoModel() throws {
        #expect(try definition("---\nmodel: []\n---\n").model.isMissing)
    }

    @Test func aMappingIsNotAModelName() throws {
        let agent = try definition("---\nmodel:\n  name: sonnet\n---\n")
        #expect(agent.model.state == .invalid("`model` is a mapping; write a model name such as sonnet"))
    }

    @Test(arguments: ["model:", "model: ~", "model: null", "model: \"\"", "model: TBD", "model: '-'"])
    func emptyAndPlaceholderValuesAreNoModel(line: String) throws {
        let agent = try definition("---\nname: a\n\(line)\n---\n")
        #expect(agent.model.isMissing)
        #expect(agent.model.line == 3)
    }

    @Test func anEmptyModelIsReportedAsMissingOnItsKey() throws {
        let findings = try lint(".claude/agents/a.md", "---\nname: a\nmodel:\n---\n")
        #expect(findings.map(\.rule.slug) == ["missing-model"])
        #expect(findings.map(\.position) == [".claude/agents/a.md:3:1"])
    }

    // MARK: - Line endings and byte order marks

    @Test func crlfLineEndings() throws {
        let agent = try definition("---\r\nname: crlf\r\ndescription: Use when: windows\r\nmodel: opus\r\n---\r\nBody\r\n")
        #expect(agent.name == "crlf")
        #expect(agent.description == "Use when: windows")
        #expect(tierName(agent.model) == "opus")
        #expect(agent.model.line == 4)
        #expect(try problem("---\r\nname: a\r\nmodel: sonnet\r\n- item\r\n---\r\n").line == 4)
    }

    @Test func loneCarriageReturnLineEndings() throws {
        let agent = try definition("---\rname: classic-mac\rmodel: haiku\r---\rBody\r")
        #expect(agent.name == "classic-mac")
        #expect(tierName(agent.model) == "haiku")
        #expect(agent.model.line == 3)
        #expect(try definition("---\rname: a\r---\r").model.line == 3)
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let good = SourceFile(path: ".claude/agents/bom.md", content: .bytes(bom + Array("---\nname: bom\nmodel: sonnet\n---\n".utf8)))
        let result = try lint([good])
        #expect(result.findings.isEmpty)
        #expect(result.agents == 1)

        let missing = SourceFile(path: ".claude/agents/bom.md", content: .bytes(bom + Array("---\nname: bom\n---\n".utf8)))
        #expect(try lint([missing]).findings.map(\.position) == [".claude/agents/bom.md:3:1"])
    }

    // MARK: - Names and purpose

    @Test(arguments: [
        (".claude/agents/reviewer.md", DefinitionKind.agent, "reviewer"),
        (".github/agents/x.agent.md", .agent, "x"),
        (".github/chatmodes/plan.chatmode.md", .agent, "plan"),
        (".github/prompts/deploy.prompt.md", .command, "deploy"),
        (".claude/commands/git/commit.md", .command, "commit"),
        (".claude/skills/foo/SKILL.md", .skill, "foo"),
        (".claude/skills/foo/skill.md", .skill, "foo"),
        ("docs/agents/notes.markdown", .agent, "notes"),
    ])
    func withoutANameTheFileNameIsTheName(path: String, kind: DefinitionKind, expected: String) {
        #expect(AgentDefinition.defaultName(path: path, kind: kind) == expected)
        let (definition, _) = read("---\ndescription: x\n---\n", path: path, kind: kind)
        #expect(definition?.name == expected)
    }

    @Test func theNameFieldWinsUnlessEmpty() throws {
        #expect(try definition("---\nname: code-reviewer\n---\n").name == "code-reviewer")
        #expect(try definition("---\nname: \"\"\n---\n").name == "reviewer")
        #expect(try definition("---\nname: [a, b]\n---\n").name == "reviewer")
    }

    @Test func findingsNameTheDefinitionByItsFallbackName() throws {
        let agent = try lint(".github/agents/x.agent.md", "---\ndescription: Helps.\n---\n")
        #expect(agent.map(\.subject) == ["agent x"])
        let skill = try lint(".claude/skills/foo/SKILL.md", "---\ndescription: Makes PDFs.\n---\n",
                             configuration: "agents:\n  require-model: [agent, skill]\n")
        #expect(skill.map(\.subject) == ["skill foo"])
        #expect(skill.first?.message == "skill foo has no `model` in its frontmatter; add `model:` with haiku, sonnet, opus or inherit")
    }

    @Test func roleAndWhenToUseSayWhatTheAgentIsFor() throws {
        let agent = try definition("""
            ---
            name: helper
            description: Helps out.
            when-to-use: Rotate API keys
            role: Ops
            ---
            """)
        #expect(agent.role == "Rotate API keys Ops")
        #expect(agent.purposeText == "helper Rotate API keys Ops Helps out.")
        let findings = try lint(".claude/agents/helper.md", "---\nname: helper\nwhen_to_use: Rotate API keys\nmodel: sonnet\n---\n")
        #expect(findings.map(\.rule.slug) == ["security-tier"])
    }
}
