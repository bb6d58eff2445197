import Testing
@testable import TierlintCore

/// `PathGlob.matches` first rejects, on the path's bytes, a path without the pattern's literal
/// folder names or file-name ending. The shortcut only ever says no where the full match says
/// no: these are the paths at its edges, which must still match.
@Suite struct PathGlobShortcutTests {
    @Test(arguments: [
        // A folder pattern matches the folder itself, so its name may be the path's last part.
        ("docs/", "docs"), ("docs/", "docs/a.md"), ("**/.claude/agents/", "x/.claude/agents"),
        // A trailing slash on the path does not hide its file name.
        ("*.md", "docs/a.md/"), ("**/.claude/skills/**/SKILL.md", ".claude/skills/x/SKILL.md/"),
        // A whole literal file name is an ending like any other.
        ("**/.claude/skills/**/SKILL.md", "a/.claude/skills/b/SKILL.md"), ("SKILL.md", "SKILL.md"),
        // Wildcards in the last name: only what follows the last one is required.
        ("notes-#.md", "notes-7.md"), ("v?.md", "vé.md"), ("*.agents.{yml,yaml}", "team/x.agents.yaml"),
        // Non-ASCII literals are left to the full match, which compares characters.
        ("café/*.md", "café/plan.md"), ("café/*.md", "cafe\u{301}/plan.md"), ("**/planné.md", "x/planne\u{301}.md"),
        // Empty segments in the path are skipped, as the full match skips them.
        ("**/.claude/agents/*.md", "x//.claude//agents//a.md"),
    ])
    func theShortcutKeepsEveryMatch(pattern: String, path: String) {
        #expect(PathGlob(pattern).matches(path), "\(pattern) should match \(path)")
    }

    @Test(arguments: [
        ("**/.claude/agents/**/*.md", "src/File1.swift"), ("**/.claude/agents/**/*.md", "docs/notes.md"),
        ("**/.claude/agents/**/*.md", ".claude/agentsx/a.md"), ("**/agents.{yml,yaml}", "agents.json"),
        ("docs/", "documents/a.md"), ("SKILL.md", "a/XSKILL.md"),
    ])
    func pathsWithoutTheLiteralsDoNotMatch(pattern: String, path: String) {
        #expect(!PathGlob(pattern).matches(path), "\(pattern) should not match \(path)")
    }
}
