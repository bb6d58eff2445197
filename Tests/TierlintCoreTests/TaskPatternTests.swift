import Testing
import TierlintCore

/// Which kind of work a title or an agent is, under the default preset (finops): the
/// patterns must not call reasoning work cheap, nor miss the cheap work the seeds name.
@Suite struct TaskPatternTests {
    func tierFindings(_ path: String, _ text: String) throws -> [String] {
        try lint(path, text, rules: [OverkillRule(), UnderpoweredRule()]).map { "\($0.rule.code) \($0.message)" }
    }

    func agent(_ name: String, _ description: String, _ model: String) -> String {
        "---\nname: \(name)\ndescription: \(description)\nmodel: \(model)\n---\nBody.\n"
    }

    /// The last word of a name is its head: a planner of migrations plans.
    @Test(arguments: [
        ("docs-architect", "Creates comprehensive technical documentation from codebases, analyzing architecture."),
        ("migration-planner", "Plans complex zero-downtime database migrations."),
        ("database-migration", "Use for database migrations with zero downtime across sharded clusters.<example>user: add a column</example>"),
        ("config-architect", "Lays out configuration for large services."),
        ("config-doctor", "Diagnoses why a service's configuration misbehaves."),
        ("seed-data-designer", "Works out realistic seed data sets."),
        ("component-architect", "Lays out component libraries and their APIs."),
    ])
    func anAgentNamedForAReasoningRoleIsNotOverkillOnOpus(name: String, description: String) throws {
        #expect(try tierFindings(".claude/agents/\(name).md", agent(name, description, "opus")).isEmpty)
    }

    @Test func anAgentNamedForCheapWorkIsStillOverkillOnOpus() throws {
        let found = try tierFindings(".claude/agents/seed-data.md", agent("seed-data", "Generates sample data.", "opus"))
        #expect(found.count == 1 && found[0].contains("\"Create seed data\""), "\(found)")
        // The role outranks the cheap head only when it is more demanding.
        let writer = try tierFindings(".claude/agents/db-migrations.md", agent("db-migrations", "Writes migrations from a finished schema.", "opus"))
        #expect(writer.count == 1 && writer[0].contains("\"Create [table] migration\""), "\(writer)")
    }

    @Test func aMoreDemandingPatternLaterInATitleOutranksACheapNoun() throws {
        let backlog = """
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Add config validation with schema inference and business logic | sonnet |
            | 2 | Write tests for the order state machine | sonnet |
            """
        #expect(try tierFindings("docs/backlog.md", backlog).isEmpty)
    }

    /// A table, column or index is schema work only in a migration, schema or DDL context.
    @Test(arguments: [
        "Create pricing table component", "Add sortable data table to admin dashboard", "Add column sorting to orders grid",
        "Add search index for products", "Add config validation with schema inference and business logic",
    ])
    func uiTablesAndSearchIndexesAreNoMigrationOnSonnet(title: String) throws {
        #expect(try tierFindings("docs/backlog.md", "| # | Ticket | Model |\n|---|---|---|\n| 1 | \(title) | sonnet |\n").isEmpty)
    }

    @Test(arguments: [
        "Create sessions table", "Add email column to users table", "Write users table migration", "Add index on orders table",
        "Alter table sessions add column expires_at", "Drop legacy tables", "Add schema migration for carts",
    ])
    func schemaWorkIsAMigration(title: String) throws {
        let found = try tierFindings("docs/backlog.md", "| # | Ticket | Model |\n|---|---|---|\n| 1 | \(title) | sonnet |\n")
        #expect(found.count == 1 && found[0].contains("\"Create [table] migration\""), "\(found)")
    }

    /// Seed 002: writing ADRs is reasoning-tier work, under finops and containment alike.
    @Test(arguments: ["finops", "containment"])
    func architectureDecisionRecordsAreDesignWork(preset: String) throws {
        let backlog = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Document architecture decisions (ADR) for event bus | opus |\n"
        #expect(try lint("docs/backlog.md", backlog, configuration: "preset: \(preset)\n", rules: [OverkillRule()]).isEmpty)
        let onHaiku = backlog.replacing("| opus |", with: "| haiku |")
        #expect(try lint("docs/backlog.md", onHaiku, configuration: "preset: \(preset)\n", rules: [UnderpoweredRule()]).count == 1)
    }

    /// Seed 001's Opus lane: complex refactoring decisions.
    @Test(arguments: [
        "Multi-file refactor of the reports module", "Complex refactoring of session handling",
        "Refactor error handling across services", "Major reporting module refactor",
    ])
    func complexRefactoringNeedsOpus(title: String) throws {
        let found = try tierFindings("docs/backlog.md", "| # | Ticket | Model |\n|---|---|---|\n| 1 | \(title) | sonnet |\n")
        #expect(found.count == 1 && found[0].contains("TL007") && found[0].contains("\"Complex refactoring\""), "\(found)")
        let simple = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Refactor the login form | sonnet |\n"
        #expect(try tierFindings("docs/backlog.md", simple).isEmpty)
    }

    /// Seed 000 puts documentation on haiku and 001 on sonnet; seed 001 runs tests on haiku.
    @Test(arguments: [
        ("api-documenter", "Writes OpenAPI specs and developer guides.", "Documentation"),
        ("docs-writer", "Keeps the user guide current.", "Documentation"),
        ("technical-writer", "Writes tutorials.", "Documentation"),
        ("test-runner", "Run tests and analyze results.", "Run tests"),
    ])
    func docsWritersAndTestRunnersAreOverkillOnOpus(name: String, description: String, pattern: String) throws {
        let found = try tierFindings(".claude/agents/\(name).md", agent(name, description, "opus"))
        #expect(found.count == 1 && found[0].contains("TL006") && found[0].contains("\"\(pattern)\""), "\(found)")
        #expect(try tierFindings(".claude/agents/\(name).md", agent(name, description, "haiku")).isEmpty)
    }
}
