/// TL012: every ticket of a sprint is on one tier (seed 000: "Same Model for Whole Sprint").
public struct UniformSprintRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "uniform-sprint",
        code: "TL012",
        defaultSeverity: .info,
        summary: "Every ticket of a section is on the same tier.",
        explanation: """
            A sprint whose tickets all run on one model is either overpaying for its simple \
            tickets or under-delivering on its hard ones (seed 000, "Same Model for Whole \
            Sprint"): match each ticket to the model its work needs. Sections with fewer \
            tickets than `rules.uniform-sprint.min-tickets` (5) are not judged.
            """,
        triggeringExamples: [
            Example("docs/backlog.md", """
                ↓## Sprint 7: Notifications

                | # | Ticket | Model |
                |---|--------|-------|
                | 7.1 | Create notifications table | sonnet |
                | 7.2 | Implement NotificationService | sonnet |
                | 7.3 | Build NotificationBell component | sonnet |
                | 7.4 | Write notification tests | sonnet |
                | 7.5 | Design delivery retries | sonnet |
                """),
        ],
        nonTriggeringExamples: [
            Example("docs/backlog.md", """
                ## Sprint 7: Notifications

                | # | Ticket | Model |
                |---|--------|-------|
                | 7.1 | Create notifications table | haiku |
                | 7.2 | Implement NotificationService | sonnet |
                | 7.3 | Build NotificationBell component | sonnet |
                | 7.4 | Write notification tests | sonnet |
                | 7.5 | Design delivery retries | opus |
                """),
        ])

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for backlog in context.backlogs {
            for section in BacklogSection.sections(of: backlog) {
                let tiers = section.tickets.map(\.model.effectiveTier)
                guard tiers.count >= context.configuration.uniformSprint.minimumCount, let first = tiers.first ?? nil,
                      tiers.allSatisfy({ $0 == first }) else { continue }
                findings.append(Finding(
                    rule: description.identity, severity: description.defaultSeverity, path: backlog.path,
                    line: section.line, column: 1,
                    message: "\(section.subject) has all \(tiers.count) tickets on the \(first.name) tier; match each ticket to the "
                        + "model its work needs (seed 000: one model for a whole sprint overpays or under-delivers)",
                    subject: section.subject))
            }
        }
        return findings
    }
}
