import Testing
import TierlintCore

/// Documentation beside agent definitions (a README in `.claude/agents/`) is not an agent:
/// agent tools do not load it, so it must not stop commits as an agent without a model.
@Suite struct AgentFolderDocumentationTests {
    static let builder = SourceFile(path: ".claude/agents/builder.md", text: "---\nname: builder\nmodel: sonnet\n---\nBuild.\n")

    @Test(arguments: [
        ".claude/agents/README.md", ".claude/agents/readme.MD", ".claude/agents/team/CHANGELOG.markdown",
        ".claude/agents/Index.md", ".claude/agents/LICENSE.md", ".claude/agents/CONTRIBUTING.md",
        ".claude/commands/README.md", ".opencode/agent/README.md", ".cursor/agents/README.md",
    ])
    func documentationWithoutFrontmatterIsNotADefinition(path: String) throws {
        let result = try lint([Self.builder, SourceFile(path: path, text: "# Our agents\n\nSee each file.\n")])
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
        #expect(result.agents == 1)
    }

    @Test func aPluginsAgentFolderReadmeIsNotAnAgent() throws {
        let result = try lint([
            SourceFile(path: "plugins/x/.claude-plugin/plugin.json", text: "{\"name\": \"x\"}"),
            SourceFile(path: "plugins/x/agents/README.md", text: "# Agents of x\n"),
            SourceFile(path: "plugins/x/agents/helper.md", text: "---\nname: helper\nmodel: haiku\n---\nHelp.\n"),
        ])
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
        #expect(result.agents == 1)
    }

    @Test func anAgentWithoutFrontmatterIsStillAFinding() throws {
        let findings = try lint(".claude/agents/reviewer.md", "# Reviewer\n\nReviews code.\n")
        #expect(findings.map(\.rule.slug) == ["missing-model"])
    }

    @Test func documentationWithFrontmatterIsADefinition() throws {
        let findings = try lint(".claude/agents/README.md", "---\nname: readme\ndescription: Explains things.\n---\nHi.\n")
        #expect(findings.map(\.rule.slug) == ["missing-model"])
    }

    @Test func aReadmeBesideAgentsIsReadAsMarkdown() throws {
        let readme = """
            # Our agents

            | Agent | Model |
            |-------|-------|
            | builder | opus |

            """
        let result = try lint([Self.builder, SourceFile(path: ".claude/agents/README.md", text: readme)])
        #expect(result.findings.map(\.rule.slug) == ["doc-drift"], "\(result.findings.map(\.message))")
    }
}
