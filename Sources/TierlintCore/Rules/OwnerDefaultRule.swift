/// TL008: a ticket's tier differs from its owner role's default without a reason the policy
/// knows (seed 000's "By Owner Role" table).
public struct OwnerDefaultRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "owner-default",
        code: "TL008",
        defaultSeverity: .info,
        summary: "A ticket's tier differs from its owner role's default, with no upgrade case that explains it.",
        explanation: """
            Seed 000 gives each owner role a default tier and the cases that move it up: a DB \
            architect's tickets default to haiku (sonnet for complex schemas), backend and \
            frontend leads' to sonnet (opus for security and payments, or complex state), the QA \
            lead's to sonnet (opus for integration tests), DevOps to haiku (sonnet for CI/CD \
            logic). When a backlog has an Owner or Role column, a ticket on another tier is \
            noted unless an upgrade case, security work, or a task pattern that accepts its \
            tier explains it.

            The roles, their owner-cell names and their upgrade cases are the preset's `roles:`.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Owner | Model |
                |---|--------|-------|-------|
                | 4.11 | Add real-time session updates | Backend | ↓opus |
                | 4.12 | Add session expiry job | DevOps | ↓opus |
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                | # | Ticket | Status | Owner | Model |
                |---|--------|--------|-------|-------|
                | 4.1 | Create sessions table | 🔲 | DB | haiku |
                | 4.2 | Implement SessionService | 🔲 | Backend | sonnet |
                | 4.3 | Design session state machine | 🔲 | Backend | opus |
                | 4.4 | Add deploy pipeline | 🔲 | DevOps | sonnet |
                | 4.5 | Implement payment capture | 🔲 | Backend | opus |
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        context.backlogs.flatMap(\.tickets).compactMap { ticket in
            let assignment = Assignment.ticket(ticket)
            guard let owner = ticket.owner, let tier = ticket.model.effectiveTier,
                  let role = context.role(forOwner: owner),
                  let roleTier = context.catalog.tier(named: role.tier), tier != roleTier
            else { return nil }
            if context.isSecurityWork(assignment) { return nil }
            if let upgrade = role.upgradeTier.flatMap(context.catalog.tier(named:)), tier > roleTier, tier <= upgrade {
                let words = WordPattern.words(of: ticket.title)
                if role.upgradeWhen.contains(where: { $0.firstMatch(in: words) != nil }) { return nil }
            }
            // A task pattern is the more specific guide: where one describes the work, overkill
            // and underpowered speak for it, and the owner's default does not.
            if context.patternMatch(assignment) != nil { return nil }
            let upgrade = role.upgradeTier.map { ", moving to \($0) for \(role.upgradeReason)" } ?? ""
            return assignment.finding(
                description,
                message: "\(assignment.describedSubject) (owner \(owner)) is on \(tier.name); \(role.role) tickets default to "
                    + "\(roleTier.name)\(upgrade) (seed 000, by owner role)",
                suggestion: roleTier.name)
        }
    }

}
