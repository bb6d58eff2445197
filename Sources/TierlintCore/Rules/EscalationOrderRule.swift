/// TL014: an escalation that does not go up, or a cheap first stage with nothing after it
/// to catch its failures (seed 001: tiered execution; pitfall 5, static model assignments).
public struct EscalationOrderRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "escalation-order",
        code: "TL014",
        defaultSeverity: .error,
        summary: "An escalation goes to a lower or equal tier, or a cheap first stage has no validation or escalation after it.",
        explanation: """
            Seed 001's tiered execution runs the cheap model first, validates its output, and \
            escalates to a stronger model on failure. An escalation that goes down or sideways \
            retries the same failure at the same price; a cheap first stage with nothing after \
            it to catch its failures is the "static model assignment" pitfall: "a test \
            generator that escalates to Sonnet on failure is smarter than one that pushes \
            through with poor tests".

            Read from YAML agent files (`agents.yaml-paths`): a pipeline is a mapping of stages \
            that each name a `model`; a stage escalates when its name, task or condition speaks \
            of failure, escalation, retry, fallback or low confidence, and validates when it \
            speaks of validating, checking, verifying, reviewing or testing. An `escalation:` \
            list of models, and a model cell or field written `haiku → sonnet`, must go up at \
            every step.
            """,
        triggeringExamples: [
            Example("pipelines/tests.yml", """
                test-pipeline:
                  stage-1-generate:
                    agent: test-engineer
                    model: haiku
                  stage-2-escalate:
                    condition: "if stage-1 fails validation"
                    agent: test-engineer
                    model: ↓haiku
                """),
            Example("pipelines/lint.yml", """
                ↓lint-pipeline:
                  stage-1-fix:
                    model: haiku
                  stage-2-format:
                    model: haiku
                """),
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 1 | Write parser tests | ↓sonnet → haiku |
                """),
        ],
        nonTriggeringExamples: [
            Example("pipelines/tests.yml", """
                test-pipeline:
                  stage-1-generate:
                    agent: test-engineer
                    model: haiku
                    task: Generate comprehensive test suite
                  stage-2-validate:
                    agent: test-validator
                    model: haiku
                    task: Check that generated tests actually pass
                  stage-3-human-review:
                    condition: "if stage-1 fails validation"
                    agent: test-engineer
                    model: sonnet
                """),
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 1 | Write parser tests | haiku → sonnet |
                """),
        ])

    private static let escalationWords = [
        "fail", "escalat", "retry", "re-run", "rerun", "regenerat", "fallback", "fall back", "low confidence",
        "inadequate", "on error", "otherwise",
    ]
    private static let validationWords = ["validat", "check", "verif", "review", "test pass", "assert"]

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for pipeline in context.yamlFiles.flatMap(\.pipelines) {
            findings += judge(pipeline)
        }
        // Models written as an escalation in a cell or a field: `haiku → sonnet`.
        for assignment in context.assignments where assignment.model.isEscalation {
            let tiers = assignment.model.names.map { name -> Tier? in
                if case .known(let entry) = name.resolution { entry.tier } else { nil }
            }
            guard tiers.allSatisfy({ $0 != nil }) else { continue }
            for (from, to) in zip(tiers, tiers.dropFirst()) where to! <= from! {
                findings.append(assignment.finding(
                    description,
                    message: "\(assignment.describedSubject) escalates from \(from!.name) to \(to!.name); "
                        + "an escalation must go up a tier (seed 001, tiered execution)"))
                break
            }
        }
        return findings
    }

    private func judge(_ pipeline: Pipeline) -> [Finding] {
        let stages = pipeline.stages.map { stage in (stage, tier: stage.model.effectiveTier) }
        var findings: [Finding] = []
        func finding(at line: Int, _ column: Int, _ message: String) -> Finding {
            Finding(
                rule: description.identity, severity: description.defaultSeverity, path: pipeline.path,
                line: line, column: column, message: message, subject: "pipeline \(pipeline.name)")
        }
        if pipeline.isEscalationList {
            for (from, to) in zip(stages, stages.dropFirst()) {
                guard let fromTier = from.tier, let toTier = to.tier, toTier <= fromTier else { continue }
                findings.append(finding(
                    at: to.0.model.line, to.0.model.column,
                    "\(pipeline.name) escalates from \(fromTier.name) to \(toTier.name); each step must go up a tier"))
            }
            return findings
        }
        let isEscalation = { (stage: Pipeline.Stage) in Self.escalationWords.contains { stage.text.contains($0) } }
        let isValidation = { (stage: Pipeline.Stage) in Self.validationWords.contains { stage.text.contains($0) } }
        // An escalation must beat the strongest stage before it that did the work.
        var strongestWorker: (stage: Pipeline.Stage, tier: Tier)?
        for (stage, tier) in stages {
            guard let tier else { continue }
            if isEscalation(stage) {
                if let source = strongestWorker, tier <= source.tier {
                    findings.append(finding(
                        at: stage.model.line, stage.model.column,
                        "\(pipeline.name)'s stage \(stage.name) escalates from \(source.tier.name) (\(source.stage.name)) to "
                            + "\(tier.name); an escalation must go up a tier (seed 001, tiered execution)"))
                }
            } else if !isValidation(stage), strongestWorker.map({ tier > $0.tier }) ?? true {
                strongestWorker = (stage, tier)
            }
        }
        if let (first, firstTier) = stages.first, let firstTier, firstTier.rank == 0,
           !stages.dropFirst().contains(where: { isEscalation($0.0) || isValidation($0.0) }) {
            findings.append(finding(
                at: pipeline.line, 1,
                "\(pipeline.name) starts on \(firstTier.name) (\(first.name)) with no validation or escalation stage after "
                    + "it; a cheap first stage needs one (seed 001, pitfall 5: static model assignments)"))
        }
        return findings
    }
}
