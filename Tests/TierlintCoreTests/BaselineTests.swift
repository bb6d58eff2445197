import Testing
@testable import TierlintCore

/// Baselines match by file, rule, ticket and section: never by line, never across sprints.
@Suite struct BaselineTests {
    static let plan = """
        ## Sprint 1

        | # | Ticket | Model |
        |---|--------|-------|
        | 1 | Implement password reset | sonnet |

        ## Sprint 2

        | # | Ticket | Model |
        |---|--------|-------|
        | 1 | Write changelog | haiku |
        """

    @Test func aTicketIDReusedInAnotherSprintIsAnotherTicket() throws {
        let before = try lint("plan.md", Self.plan)
        #expect(before.map(\.section) == ["Sprint 1"])
        let baseline = try Baseline.read(Array(Baseline.render(before, toolVersion: "t").utf8), file: "b.json")
        let after = Self.plan
            .replacingOccurrences(of: "| 1 | Implement password reset | sonnet |", with: "| 1 | Implement password reset | opus |")
            .replacingOccurrences(of: "| 1 | Write changelog | haiku |", with: "| 1 | Implement payment refunds | haiku |")
        let outcome = baseline.apply(to: try lint("plan.md", after), checkedPaths: ["plan.md"])
        #expect(outcome.kept.map(\.section) == ["Sprint 2"])
        #expect(outcome.stale == 1)
    }

    @Test func theFileRecordsTheSection() throws {
        let text = Baseline.render(try lint("plan.md", Self.plan), toolVersion: "t")
        #expect(text.contains(#""section": "Sprint 1", "subject": "ticket 1""#), "\(text)")
        // A baseline without sections (an older one) still reads.
        let old = #"{"findings": [{"path": "plan.md", "rule": "TL003", "subject": "ticket 1"}]}"#
        #expect(try Baseline.read(Array(old.utf8), file: "b.json").counts == [FindingIdentity(path: "plan.md", rule: "TL003", subject: "ticket 1"): 1])
    }

    @Test func namesSortTheWayAPersonCounts() {
        let names = ["agent-10", "agent-2", "Agent-1", "agent-100", "agent-02b", "beta"]
        #expect(names.sorted(by: NaturalOrder.precedes) == ["Agent-1", "agent-2", "agent-02b", "agent-10", "agent-100", "beta"])
    }
}
