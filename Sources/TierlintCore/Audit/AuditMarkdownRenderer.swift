/// The audit as Markdown, for a wiki page, an issue or a pull-request comment: the tier mix
/// as tables with text bars.
public struct AuditMarkdownRenderer: AuditRenderer {
    public static let identifier = "markdown"

    public init() {}

    public func render(_ report: AuditReport, options: AuditRenderOptions) -> String {
        let cell = MarkdownReporter.cell, code = MarkdownReporter.code
        var out = "# tierlint audit\n\n"
        out += "Source: `\(code(report.source))` · policy: \(report.preset) · \(plural(report.filesChecked, "file")) · "
            + "\(plural(report.tickets.counted + report.tickets.unassigned, "ticket")) in \(plural(report.sections.count, "section")) · "
            + "\(plural(report.agents.count { $0.kind == "agent" }, "agent"))\n"

        for (title, distribution, unit) in [("Tickets by tier", report.tickets, "Tickets"), ("Agents by tier", report.agentTiers, "Agents")] {
            out += "\n## \(title)\n\n"
            guard distribution.counted > 0 else {
                out += "None has a known tier.\n"
                continue
            }
            out += "| Tier | \(unit) | Share | | Target | Recommended |\n|------|-------:|------:|---|--------|------------:|\n"
            for tier in report.tiers where (distribution.counts[tier.name] ?? 0) > 0 || tier.maximum != nil || tier.minimum != nil || tier.recommended != nil {
                let share = distribution.share(tier.name) ?? 0
                let filled = Int((share * 20).rounded())
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
                let verdict = AuditFormat.meetsTarget(tier, in: distribution, tiers: report.tiers)
                let target = AuditFormat.target(tier).map { $0 + (verdict == false ? " ❌" : verdict == true ? " ✅" : "") } ?? ""
                out += "| \(tier.name) | \(distribution.counts[tier.name] ?? 0) | \(AuditFormat.percent(share)) | `\(bar)` | \(target) "
                    + "| \(tier.recommended.map(AuditFormat.percent) ?? "") |\n"
            }
            if distribution.unassigned > 0 { out += "| no tier | \(distribution.unassigned) | | | | |\n" }
        }

        out += "\n## Cost\n\n"
        if let index = report.cost.index {
            out += "- \(plural(report.tickets.counted, "ticket")) with a tier cost **\(plural(report.cost.units, "unit"))** (haiku = 1, sonnet = 3, opus = 10): "
                + "**\(AuditFormat.multiple(index))** a haiku ticket on average"
            if let recommended = report.cost.recommendedIndex { out += "; the recommended mix costs \(AuditFormat.multiple(recommended))" }
            out += ".\n"
            if let price = report.cost.blendedPrice {
                out += "- Blended list price: **\(AuditFormat.money(price))** per million tokens (3 input : 1 output), prices of \(report.pricesAsOf).\n"
            }
            out += AuditFormat.savingSummary(report).map { "- \($0)\n" } ?? ""
        } else {
            out += "No ticket has a known tier.\n"
        }

        if !report.sections.isEmpty {
            out += "\n## Backlog sections\n\n| Section | File | Tickets |"
            out += report.sectionTiers.map { " \($0.name) |" }.joined() + " No tier | Cost index | $/Mtok |\n|---|---|--:|"
            out += report.sectionTiers.map { _ in "--:|" }.joined() + "--:|--:|--:|\n"
            for section in report.sections {
                out += "| \(cell(section.name)) | `\(code(options.displayPath(section.path))):\(section.line)` | \(section.total) |"
                out += report.sectionTiers.map { " \(section.counts[$0.name] ?? 0) |" }.joined()
                out += " \(section.unassigned) | \(section.costIndex.map(AuditFormat.multiple) ?? "") | \(section.blendedPrice.map(AuditFormat.money) ?? "") |\n"
            }
        }

        if !report.agents.isEmpty {
            out += "\n## Agents, commands and skills\n\n| Name | Kind | Model | Tier | Format | File |\n|---|---|---|---|---|---|\n"
            for agent in report.agents {
                out += "| \(cell(agent.name)) | \(agent.kind) | \(agent.model.isEmpty ? "" : "`\(code(agent.model))`") | \(agent.tier) "
                    + "| \(agent.format) | `\(code(options.displayPath(agent.path)))` |\n"
            }
        }

        out += "\n## Findings by rule\n\n"
        if report.rules.isEmpty {
            out += "None.\n"
        } else {
            out += "| Rule | Severity | Findings | What it reports |\n|---|---|--:|---|\n"
            for group in report.rules {
                out += "| \(group.code) `\(group.slug)` | \(group.severity.rawValue) | \(group.findings.count) | \(cell(group.summary)) |\n"
            }
            for group in report.rules {
                out += "\n<details><summary>\(group.code) \(group.slug): \(plural(group.findings.count, "finding"))</summary>\n\n"
                for finding in group.findings.prefix(options.limit) {
                    out += "- `\(code(options.displayPath(finding.path))):\(finding.line):\(finding.column)` \(cell(finding.message))\n"
                }
                if group.findings.count > options.limit { out += "- …and \(group.findings.count - options.limit) more\n" }
                out += "\n</details>\n"
            }
        }

        out += "\n## Recommendations\n\n"
        if report.recommendations.isEmpty { out += "Nothing to move.\n" }
        for (number, move) in report.recommendations.prefix(options.limit).enumerated() {
            let what = move.count > 1 ? "\(move.title) in \(move.subject)" : move.subject + (move.title.isEmpty || move.subject.contains(move.title) ? "" : " \"\(move.title)\"")
            out += "\(number + 1). Move \(cell(what)) from **\(move.from)** to **\(move.to)**: \(AuditFormat.saving(move.saving)) "
                + "(`\(code(options.displayPath(move.path))):\(move.line)`, \(move.rule))\n"
        }
        if report.recommendations.count > options.limit {
            out += "\n…and \(report.recommendations.count - options.limit) more.\n"
        }
        out += "\n<sub>tierlint \(report.toolVersion) · model catalog of \(report.catalogAsOf) · prices of \(report.pricesAsOf)</sub>\n"
        return out
    }
}
