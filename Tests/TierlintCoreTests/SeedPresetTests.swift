import Testing
import TierlintCore

/// Each preset on the seeds' own examples: seed 000's sprint, its ticket-to-model table and
/// its backlog format, and seed 001's agent definitions. finops (000 and 001) must accept
/// what those seeds recommend and catch the slip in 000's stated distribution; containment
/// (002) and coding-heavy (003) disagree with them exactly where their seeds do.
@Suite struct SeedPresetTests {
    /// Seed 000, "Example Sprint Breakdown", as written (its 20 tickets state 6/11/3 but are 5/12/3).
    static let sprint = """
        ## Sprint 4: Session Management (20 tickets)

        | # | Ticket | Model | Cost Tier |
        |---|--------|-------|-----------|
        | 4.1 | Create sessions table | haiku | $ |
        | 4.2 | Create session_items table | haiku | $ |
        | 4.3 | Implement SessionService | sonnet | $$ |
        | 4.4 | Implement SessionRepository | sonnet | $$ |
        | 4.5 | Create POST /sessions endpoint | sonnet | $$ |
        | 4.6 | Create GET /sessions/:id endpoint | sonnet | $$ |
        | 4.7 | Add session caching | sonnet | $$ |
        | 4.8 | Build SessionPage component | sonnet | $$ |
        | 4.9 | Build SessionCard component | sonnet | $$ |
        | 4.10 | Implement session state machine | opus | $$$ |
        | 4.11 | Add real-time session updates | opus | $$$ |
        | 4.12 | Write SessionService tests | sonnet | $$ |
        | 4.13 | Write session API tests | sonnet | $$ |
        | 4.14 | Write SessionPage tests | sonnet | $$ |
        | 4.15 | Create session seed data | haiku | $ |
        | 4.16 | Add session config | haiku | $ |
        | 4.17 | Design session analytics | opus | $$$ |
        | 4.18 | Document session API | haiku | $ |
        | 4.19 | QA review all tickets | sonnet | $$ |
        | 4.20 | Final integration test | sonnet | $$ |

        Distribution: 6 haiku (30%) | 11 sonnet (55%) | 3 opus (15%)

        """

    /// Seed 000, "Ticket-to-Model Mapping / By Ticket Type", with its pattern column as tickets.
    static let ticketToModel = """
        ## Ticket-to-model mapping

        | Ticket | Model | Rationale |
        |--------|-------|-----------|
        | Create [table] migration | haiku | Schema from spec, no logic |
        | Implement [CRUD] endpoint | sonnet | Standard pattern + validation |
        | Build [component] | sonnet | UI logic, state management |
        | Write tests for [feature] | sonnet | Requires understanding logic |
        | Design [architecture] | opus | Complex decisions, trade-offs |
        | Debug [issue] | opus | Root cause analysis |
        | Research [options] | opus | Evaluation, recommendations |
        | Create seed data | haiku | Data generation, no logic |
        | Add [config] file | haiku | Following templates |
        | Implement [complex feature] | opus | Novel logic, edge cases |

        """

    /// Seed 000, "Model Assignment in Backlog / Format".
    static let format = """
        | # | Ticket | Status | Owner | Model |
        |---|--------|--------|-------|-------|
        | 4.1 | Create sessions table | 🔲 | DB | haiku |
        | 4.2 | Implement SessionService | 🔲 | Backend | sonnet |
        | 4.3 | Design session state machine | 🔲 | Backend | opus |

        """

    /// Seed 001's agent definitions, as an agent map and as frontmatter.
    static let agentMap = """
        test-engineer:
          model: haiku
          role: Generate and run unit tests for new features
          description: |
            Creates comprehensive test suites. Validates against existing tests.
        style-enforcer:
          model: haiku
          role: Enforce code style and detect basic quality issues
          description: Checks code against style guide. Detects simple bugs.
        boilerplate-generator:
          model: haiku
          role: Generate project scaffolding and boilerplate
          description: Creates new files, directories, package structures.
        code-reviewer:
          model: sonnet
          role: Review code for quality, correctness, and style
          description: Analyzes pull requests against quality standards. Assesses architectural fit.
        architect:
          model: opus
          role: Make architectural decisions and design complex systems
          description: Evaluates design tradeoffs. Recommends architecture patterns.
        """

    static let agentFrontmatter = """
        ---
        name: test-engineer
        model: haiku
        role: Test engineering agent
        description: Generates and executes unit tests
        ---
        You are a test engineering agent.
        """

    func findings(_ path: String, _ text: String, preset: String) throws -> [String] {
        let configuration = "preset: \(preset)\nagents:\n  yaml-paths: [agents.yml]\n"
        return try lint([SourceFile(path: path, text: text)], configuration: configuration).findings
            .map { "\($0.rule.code) \($0.subject)" }
    }

    // MARK: - Seed 000's sprint

    @Test func finopsFindsOnlyTheSprintsMiscountedDistribution() throws {
        #expect(try findings("sprint.md", Self.sprint, preset: "finops") == [
            "TL011 distribution of section \"Sprint 4: Session Management (20 tickets)\"",
            "TL011 distribution of section \"Sprint 4: Session Management (20 tickets)\"",
        ])
    }

    @Test func containmentPutsTheSprintsImplementationOnTheExecutionTier() throws {
        let found = try findings("sprint.md", Self.sprint, preset: "containment")
        let overkill = found.filter { $0.hasPrefix("TL006") }.map { $0.dropFirst(13).split(separator: " ").first.map(String.init) ?? "" }
        #expect(overkill == ["4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12", "4.13", "4.14"])
        #expect(found.filter { $0.hasPrefix("TL011") }.count == 2)
        #expect(!found.contains { $0.contains("4.17") || $0.hasPrefix("TL007") })
    }

    @Test func codingHeavyPutsTheSprintsCodeOnOpus() throws {
        let found = try findings("sprint.md", Self.sprint, preset: "coding-heavy")
        let underpowered = found.filter { $0.hasPrefix("TL007") }.map { $0.dropFirst(13).split(separator: " ").first.map(String.init) ?? "" }
        #expect(underpowered == ["4.3", "4.4", "4.5", "4.6", "4.8", "4.9", "4.12", "4.13", "4.14"])
        #expect(!found.contains { $0.hasPrefix("TL006") || $0.hasPrefix("TL004") })
    }

    // MARK: - Seed 000's ticket-to-model table

    @Test func finopsAcceptsEveryRowOfTheTicketToModelTable() throws {
        let found = try findings("mapping.md", Self.ticketToModel, preset: "finops")
        #expect(!found.contains { $0.hasPrefix("TL006") || $0.hasPrefix("TL007") }, "\(found)")
    }

    @Test func containmentAndCodingHeavyDisagreeWithTheTableWhereTheirSeedsDo() throws {
        let containment = try findings("mapping.md", Self.ticketToModel, preset: "containment").filter { $0.hasPrefix("TL006") }
        #expect(containment == [
            "TL006 ticket \"Implement [CRUD] endpoint\"", "TL006 ticket \"Build [component]\"",
            "TL006 ticket \"Write tests for [feature]\"", "TL006 ticket \"Implement [complex feature]\"",
        ])
        let codingHeavy = try findings("mapping.md", Self.ticketToModel, preset: "coding-heavy").filter { $0.hasPrefix("TL007") }
        #expect(codingHeavy == [
            "TL007 ticket \"Create [table] migration\"", "TL007 ticket \"Implement [CRUD] endpoint\"",
            "TL007 ticket \"Build [component]\"", "TL007 ticket \"Write tests for [feature]\"",
        ])
    }

    @Test(arguments: ["finops", "containment"])
    func theBacklogFormatExampleFollowsItsOwnerRoles(preset: String) throws {
        let found = try findings("format.md", Self.format, preset: preset)
        #expect(!found.contains { $0.hasPrefix("TL008") })
        if preset == "finops" { #expect(found.isEmpty) }
    }

    // MARK: - Seed 001's agents

    @Test(arguments: ["finops", "containment"])
    func seed001sAgentsPassFinopsAndContainment(preset: String) throws {
        #expect(try findings("agents.yml", Self.agentMap, preset: preset).isEmpty)
        #expect(try findings(".claude/agents/test-engineer.md", Self.agentFrontmatter, preset: preset).isEmpty)
    }

    @Test func codingHeavyWantsOpusForSeed001sTestWritingAndReview() throws {
        #expect(try findings("agents.yml", Self.agentMap, preset: "coding-heavy") == [
            "TL007 agent test-engineer", "TL007 agent code-reviewer",
        ])
    }
}
