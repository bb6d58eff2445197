/// Lays a check's suppressions over its findings: what they silence is dropped, and what
/// silences nothing is kept aside to be reported, so stale suppressions do not pile up.
struct SuppressionOutcome: Sendable {
    /// A suppression, or some of its rules, that silenced nothing, and why.
    struct Unused: Sendable {
        var suppression: Suppression
        var message: String
        /// The rules it names that silenced nothing (for the finding's identity).
        var rules: [String]
    }

    var kept: [Finding]
    var unused: [Unused] = []
    /// Suppressions without a reason.
    var unexplained: [Suppression] = []
}

enum SuppressionFilter {
    /// The rules that report on suppressions themselves; a suppression cannot silence them.
    static let metaRules: Set<String> = ["unused-suppression", "suppression-reason"]

    /// `agentSets` maps each agent file to its set, for findings about a set as a whole.
    static func apply(
        _ suppressions: [Suppression], to findings: [Finding], configuration: Configuration, agentSets: [String: String] = [:]
    ) -> SuppressionOutcome {
        guard !suppressions.isEmpty else { return SuppressionOutcome(kept: findings) }
        // Each suppression's rules, resolved to slugs; `nil` for a name no rule has.
        let resolved = suppressions.map { suppression in
            suppression.rules.map { RuleRegistry.rule(named: $0)?.description.slug }
        }
        var used = suppressions.map { Array(repeating: false, count: $0.rules.count) }
        var byPath: [String: [Int]] = [:]
        var bySet: [String: [Int]] = [:]
        for (index, suppression) in suppressions.enumerated() {
            byPath[suppression.path, default: []].append(index)
            if suppression.scope == .file, let set = agentSets[suppression.path] {
                bySet[set, default: []].append(index)
            }
        }

        var kept: [Finding] = []
        for finding in findings {
            var silenced = false
            var candidates = byPath[finding.path] ?? []
            if let set = finding.agentSet { candidates += (bySet[set] ?? []).filter { suppressions[$0].path != finding.path } }
            for index in candidates where suppressions[index].covers(finding, agentSets: agentSets) {
                for (position, slug) in resolved[index].enumerated() where slug == finding.rule.slug {
                    used[index][position] = true
                    silenced = true
                }
            }
            if !silenced { kept.append(finding) }
        }

        var outcome = SuppressionOutcome(kept: kept)
        for (index, suppression) in suppressions.enumerated() where !suppression.isContext {
            if case .nowhere(let why) = suppression.scope {
                outcome.unused.append(.init(
                    suppression: suppression, message: "this suppression applies to nothing: \(why)", rules: suppression.rules))
                continue
            }
            if suppression.reason == nil { outcome.unexplained.append(suppression) }
            if suppression.rules.isEmpty {
                outcome.unused.append(.init(
                    suppression: suppression,
                    message: "this suppression names no rule; write the rules it silences, as in "
                        + "`tierlint-disable overkill: why it is acceptable`",
                    rules: []))
                continue
            }
            var reasons: [String] = []
            var idle: [String] = []
            for (position, name) in suppression.rules.enumerated() where !used[index][position] {
                idle.append(name)
                guard let slug = resolved[index][position], let rule = RuleRegistry.rule(named: slug) else {
                    reasons.append("no rule is named \"\(name)\" (`tierlint rules` lists them)")
                    continue
                }
                if metaRules.contains(slug) {
                    reasons.append("\(slug) reports on suppressions and cannot be suppressed")
                } else if configuration.severity(of: rule.description) == nil {
                    reasons.append("\(slug) is turned off in .tierlint.yml")
                } else {
                    reasons.append("no \(slug) finding is covered by it")
                }
            }
            guard !idle.isEmpty else { continue }
            let what = idle.count == suppression.rules.count ? "this suppression" : "the suppression of \(idle.joined(separator: ", "))"
            outcome.unused.append(.init(
                suppression: suppression,
                message: "\(what) is unused: \(reasons.joined(separator: "; ")); remove it",
                rules: idle))
        }
        return outcome
    }
}
