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

/// A symbolic link where a folder of definitions would be is not followed, and is reported
/// like a linked agent file: a note when the files it points at are checked at their own
/// paths, a warning when they are checked nowhere.
@Suite struct LinkedDefinitionFolderTests {
    func check(_ files: [SourceFile], links: [String: String]) throws -> [Finding] {
        try LintRun(source: MemorySource(files, links: links)).lint().findings
    }

    static let shared = SourceFile(path: "shared/s.md", text: "---\nname: s\nmodel: sonet\n---\n")

    @Test func aLinkedAgentsFolderWhoseFilesAreCheckedNowhereIsAWarning() throws {
        let findings = try check([Self.shared], links: [".claude/agents": "../shared"])
        #expect(findings.map(\.position) == [".claude/agents:1:1"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.contains("add \"shared/**/*.md\" to `agents.paths`") == true)
    }

    @Test func aLinkedFolderWhoseFilesAreCheckedElsewhereIsANote() throws {
        let findings = try check(
            [SourceFile(path: ".claude/agents/team/s.md", text: "---\nname: s\nmodel: sonet\n---\n")],
            links: [".claude/agents/alias": "team", ".claude/commands": "/home/me/commands"])
        #expect(findings.map(\.position) == [".claude/agents/alias:1:1", ".claude/agents/team/s.md:3:8", ".claude/commands:1:1"])
        #expect(findings.map(\.severity) == [.info, .error, .warning])
        #expect(findings.last?.message.contains("`agents.commands`") == true)
    }

    @Test func aLinkedPluginAgentsFolderIsReported() throws {
        let findings = try check(
            [Self.shared, SourceFile(path: "plugins/x/.claude-plugin/plugin.json", text: "{\"name\": \"x\"}")],
            links: ["plugins/x/agents": "../../shared", "plugins/x/.claude": "../../elsewhere"])
        #expect(findings.map(\.position) == ["plugins/x/.claude:1:1", "plugins/x/agents:1:1"])
    }

    @Test func otherLinkedFoldersAreNotReported() throws {
        let findings = try check([Self.shared], links: ["vendor/lib": "../shared", "docs/agents": "../shared"])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
