/// TL014: an escalation that does not go up, or a cheap first stage with nothing after it
/// to catch its failures (seed 001: tiered execution; pitfall 5, static model assignments).
public struct EscalationOrderRule: Rule {
    public init() {}

    public let description = RuleDescription(
        slug: "escalation-order",
        code: "TL014",
        defaultSeverity: .error,
        summary: "An escalation goes to a lower or equal tier, or a cheap pipeline never checks, escalates or hands on its work.",
        explanation: """
            Seed 001's tiered execution runs the cheap model first, validates its output, and \
            escalates to a stronger model on failure. An escalation that goes down or sideways \
            retries the same failure at the same price. A pipeline that starts on the cheapest \
            tier and stays there, with nothing that checks its output or escalates it, is the \
            "static model assignment" pitfall: "a test generator that escalates to Sonnet on \
            failure is smarter than one that pushes through with poor tests".

            Read from YAML agent files (`agents.yaml-paths`): a pipeline is a mapping of stages \
            that each name a `model`, or a `stages:` (`steps:`) list of them. A stage is an \
            escalation only when it says so: its name or its `condition` (`if`, `when`) speaks \
            of failure, fallback, retry, error or low confidence, or its task starts with \
            escalating or retrying. It must go above the stage it names ("if stage-1 fails"), \
            or else the nearest stage before it that is not a check. A stage validates when it \
            speaks of validating, checking, verifying or reviewing. A cheap first stage followed \
            by a stage on a higher tier (seed 001's hybrid decomposition and its caching \
            strategy: haiku drafts, sonnet writes exemplars, haiku applies them), by a check, \
            by an escalation, or with an `on_failure:` route, is not static. An `escalation:` \
            (or `fallback:`) list of models, at the top level or in an agent's entry (read from \
            the agent's own model), and a model cell or field written `haiku → sonnet`, must go \
            up at every step.
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
            Example("agents.yml", """
                test-engineer:
                  model: haiku
                  role: Generate and run unit tests
                  escalation: [sonnet, ↓haiku]
                gen:
                  stages:
                    - name: generate
                      model: sonnet
                    - name: fallback on failure
                      model: ↓haiku
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
            Example("pipelines/docs.yml", """
                documentation-generation:
                  step-1-generate-with-haiku:
                    model: haiku
                    task: Generate initial docs
                  step-2-identify-unique-patterns:
                    model: haiku
                    task: Group by similarity
                  step-3-generate-exemplars-with-sonnet:
                    model: sonnet
                    task: Create best-in-class examples
                  step-4-apply-templates:
                    model: haiku
                    task: Use exemplars as templates for the rest
                """),
            Example("pipelines/feature.yml", """
                feature:
                  stages:
                    - {name: Scaffold, model: haiku, task: Scaffold the module and its files}
                    - {name: Implement, model: sonnet, task: Implement the business logic}
                    - {name: Retry on failure, model: opus}
                """),
            Example("agents.yml", """
                test-engineer:
                  model: haiku
                  role: Generate and run unit tests
                  escalation: [sonnet, opus]
                """),
            Example("docs/backlog.md", """
                | # | Ticket | Model |
                |---|--------|-------|
                | 1 | Write parser tests | haiku → sonnet |
                """),
        ])

    /// Words that make a step an escalation when its name or condition says them ("if stage-1
    /// fails", "fallback on failure"): stems, whole words and two-word phrases.
    private static let escalationStems = ["fail", "escalat", "fallback", "rerun", "regenerat", "inadequate"]
    private static let escalationWords: Set<String> = ["retry", "retries", "retried", "retrying", "error", "errors", "otherwise"]
    private static let escalationPhrases = [["fall", "back"], ["re", "run"], ["low", "confidence"]]
    /// Verbs that make a step an escalation when its task starts with them ("Retry with sonnet").
    private static let escalationVerbs = ["escalat", "retry", "rerun", "regenerat", "fallback"]
    /// Words that make a step a check of the work before it.
    private static let validationStems = ["validat", "verif", "review", "audit", "assert", "inspect"]
    private static let validationWords: Set<String> = ["check", "checks", "checking", "checker", "qa"]

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
        // An escalation re-runs the work of the stage it names ("if stage-1 fails"), or else of
        // the stage before it that is not a check, on a stronger model.
        for (index, (stage, tier)) in stages.enumerated() where Self.isEscalation(stage) {
            guard let tier else { continue }
            let earlier = stages[..<index]
            guard let source = earlier.last(where: { Self.names($0.0, in: stage) })
                ?? earlier.last(where: { !Self.isValidation($0.0) || Self.isEscalation($0.0) }),
                  let sourceTier = source.tier, tier <= sourceTier else { continue }
            findings.append(finding(
                at: stage.model.line, stage.model.column,
                "\(pipeline.name)'s stage \(stage.name) escalates from \(sourceTier.name) (\(source.0.name)) to "
                    + "\(tier.name); an escalation must go up a tier (seed 001, tiered execution)"))
        }
        // A cheap first stage is static when nothing after it checks its work, escalates it, or
        // hands it to a stronger model; a stage that names a failure route is not static either.
        if let (first, firstTier) = stages.first, let firstTier, firstTier.rank == 0,
           !stages.contains(where: { $0.0.hasFailureRoute }),
           !stages.dropFirst().contains(where: { Self.isEscalation($0.0) || Self.isValidation($0.0) || ($0.tier ?? firstTier) > firstTier }) {
            findings.append(finding(
                at: pipeline.line, 1,
                "\(pipeline.name) starts on \(firstTier.name) (\(first.name)) and every stage stays there, with no "
                    + "validation or escalation; a cheap first stage needs one (seed 001, pitfall 5: static model assignments)"))
        }
        return findings
    }

    /// The lowercased words of a text: `stage-1-fails` is `stage`, `1`, `fails`.
    private static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    private static func says(_ words: [String], stems: [String], exact: Set<String>, phrases: [[String]] = []) -> Bool {
        words.contains { word in exact.contains(word) || stems.contains { word.hasPrefix($0) } }
            || phrases.contains { phrase in
                words.indices.contains { start in
                    start + phrase.count <= words.count && Array(words[start..<(start + phrase.count)]) == phrase
                }
            }
    }

    /// An explicit escalation: its name or condition speaks of failure, fallback or retry, or
    /// its task starts by escalating or retrying. What a stage does in passing ("flags
    /// failing tests") does not make it one.
    static func isEscalation(_ stage: Pipeline.Stage) -> Bool {
        says(words(stage.name) + words(stage.condition), stems: escalationStems, exact: escalationWords,
             phrases: escalationPhrases)
            || words(stage.task).first.map { first in escalationVerbs.contains { first.hasPrefix($0) } } ?? false
            || words(stage.task).starts(with: ["fall", "back"])
    }

    /// A check of the work before it: validating, verifying, reviewing.
    static func isValidation(_ stage: Pipeline.Stage) -> Bool {
        says(words(stage.name) + words(stage.task) + words(stage.condition), stems: validationStems, exact: validationWords,
             phrases: [["tests", "pass"], ["test", "pass"]])
    }

    /// Whether `stage`'s condition or task names `earlier`: by its whole name, or by the
    /// `stage-1` / `step 2` it starts with.
    static func names(_ earlier: Pipeline.Stage, in stage: Pipeline.Stage) -> Bool {
        let said = words(stage.condition + " " + stage.task)
        let name = words(earlier.name)
        var forms = [name]
        if name.count >= 2, ["stage", "step", "phase", "tier"].contains(name[0]), Int(name[1]) != nil { forms.append(Array(name[..<2])) }
        return forms.contains { form in
            !form.isEmpty && said.indices.contains { start in
                start + form.count <= said.count && Array(said[start..<(start + form.count)]) == form
            }
        }
    }
}
