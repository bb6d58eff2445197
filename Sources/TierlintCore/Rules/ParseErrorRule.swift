/// TL005: a file tierlint should read but cannot: invalid or unclosed frontmatter, text that is
/// not UTF-8, a binary file, a file over the size cap.
public struct ParseErrorRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "parse-error",
        code: "TL005",
        defaultSeverity: .error,
        summary: "A file that should hold a backlog or an agent definition cannot be read.",
        explanation: """
            A check that silently skips a file it cannot read is worse than none: the security \
            agent with a broken frontmatter is exactly the one nobody looks at. So tierlint reports \
            every file it cannot read, with the line, and goes on with the others.

            Frontmatter is read the way agent tools read it: a one-line value with an unquoted \
            `: ` in it is accepted, as Claude Code and OpenCode accept it. Frontmatter that is \
            still not valid YAML, never closes, is not a mapping or repeats a key is reported: the \
            tools then ignore its fields, `model` included. Markdown that is not UTF-8, contains \
            NUL bytes, or is larger than `max-file-size` (8 MiB by default) is reported too, \
            and so is a file tierlint cannot get through in time: Markdown nested more than 100 \
            levels deep, tables over 1,000 columns or 25,000 rows, tickets holding over 2 MiB \
            of text, YAML whose aliases expand past 100,000 values (an alias bomb).

            A symbolic link where an agent or a named backlog would be is reported as a note \
            (info): tierlint never follows links, since a link can point anywhere; a target \
            inside the repository is checked at its own path.
            """,
        triggeringExamples: [
            Example(".claude/agents/broken.md", """
                ---
                name: broken
                model: [sonnet
                ↓---
                """),
            Example(".claude/agents/open.md", """
                ↓---
                name: open
                model: sonnet
                """),
            Example(".claude/agents/twice.md", """
                ---
                ↓model: haiku
                model: opus
                ---
                """),
        ],
        nonTriggeringExamples: [
            Example(".claude/agents/lenient.md", """
                ---
                name: reviewer
                description: Use this agent when: a pull request is ready. Examples: <example>review</example>
                model: sonnet
                ---
                """),
            Example("notes.md", "No frontmatter here, and none is needed.\n"),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        context.parseProblems.map { problem in
            Finding(
                rule: description.identity, severity: problem.severity ?? description.defaultSeverity, path: problem.path,
                line: problem.line, column: problem.column, message: problem.message, subject: "file")
        }
    }
}
