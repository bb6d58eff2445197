/// The audit for a terminal: Unicode bars for the tier mix, then the tables.
public struct AuditTextRenderer: AuditRenderer {
    public static let identifier = "text"

    public init() {}

    static let barWidth = 30

    public func render(_ report: AuditReport, options given: AuditRenderOptions) -> String {
        var options = given
        let display = given.displayPath
        options.displayPath = { TerminalText.visible(display($0)) }
        let visible = TerminalText.visible
        let paint = Paint(enabled: options.color)
        var out = paint.bold("tierlint audit") + " of the \(report.source), \(report.preset) policy\n"
        let sectionCount = report.sections.count
        out += "\(plural(report.filesChecked, "file")): \(plural(report.tickets.counted + report.tickets.unassigned, "ticket")) "
            + "in \(plural(sectionCount, "section")), \(inventory(report))\n"

        out += "\n" + paint.bold("Tickets by tier") + "\n" + bars(report.tickets, report: report, paint: paint, unit: "ticket")
        out += "\n" + paint.bold("Agents by tier") + "\n" + bars(report.agentTiers, report: report, paint: paint, unit: "agent")

        out += "\n" + paint.bold("Cost") + "\n"
        if let index = report.cost.index {
            out += "  \(plural(report.tickets.counted, "ticket")) with a tier cost \(plural(report.cost.units, "unit")) "
                + "(haiku = 1): \(AuditFormat.multiple(index)) a haiku ticket on average"
            if let recommended = report.cost.recommendedIndex { out += "; the recommended mix costs \(AuditFormat.multiple(recommended))" }
            out += ".\n"
            if let price = report.cost.blendedPrice {
                out += "  Blended list price \(AuditFormat.money(price)) per million tokens (3 input : 1 output), prices of \(report.pricesAsOf).\n"
            }
            out += AuditFormat.savingSummary(report).map { "  \($0)\n" } ?? ""
        } else {
            out += "  No ticket has a known tier.\n"
        }

        if !report.sections.isEmpty {
            out += "\n" + paint.bold("Backlog sections") + "\n"
            let rows = report.sections.map { section -> [String] in
                let mix = report.tiers.compactMap { tier in section.counts[tier.name].map { "\($0) \(tier.name)" } }
                    + (section.unassigned > 0 ? ["\(section.unassigned) no tier"] : [])
                return [
                    "\(options.displayPath(section.path)):\(section.line)", visible(section.name.truncated(to: 40)),
                    plural(section.total, "ticket"), mix.joined(separator: ", "),
                    section.costIndex.map(AuditFormat.multiple) ?? "-",
                    section.blendedPrice.map(AuditFormat.money) ?? "-",
                ]
            }
            out += table(["FILE", "SECTION", "TICKETS", "MIX", "INDEX", "$/MTOK"], rows)
        }

        if !report.agents.isEmpty {
            out += "\n" + paint.bold("Agents, commands and skills") + "\n"
            let rows = report.agents.map { agent in
                [visible(agent.name.truncated(to: 32)), agent.kind, agent.model.isEmpty ? "-" : visible(agent.model.truncated(to: 28)), agent.tier,
                 agent.format, options.displayPath(agent.path)]
            }
            out += table(["NAME", "KIND", "MODEL", "TIER", "FORMAT", "FILE"], rows)
        }

        out += "\n" + paint.bold("Findings by rule") + "\n"
        if report.rules.isEmpty { out += "  None.\n" }
        for group in report.rules {
            out += "  \(paint.severity(group.severity)) \(group.code) \(group.slug): \(plural(group.findings.count, "finding")). \(group.summary)\n"
            for finding in group.findings.prefix(options.limit) {
                out += "    \(options.displayPath(finding.path)):\(finding.line):\(finding.column): \(visible(finding.message))\n"
            }
            if group.findings.count > options.limit { out += "    …and \(group.findings.count - options.limit) more\n" }
        }

        out += "\n" + paint.bold("Recommendations") + "\n"
        if report.recommendations.isEmpty { out += "  Nothing to move.\n" }
        for (number, move) in report.recommendations.prefix(options.limit).enumerated() {
            let what = move.count > 1 ? "\(move.title) in \(move.subject)" : "\(move.subject)\(move.title.isEmpty || move.subject.contains(move.title) ? "" : " \"\(move.title)\"")"
            out += "  \(number + 1). Move \(visible(what)) from \(move.from) to \(move.to): \(AuditFormat.saving(move.saving)) [\(move.rule)]\n"
                + "     \(options.displayPath(move.path)):\(move.line)\n"
        }
        if report.recommendations.count > options.limit {
            out += "  …and \(report.recommendations.count - options.limit) more (--format json lists them all)\n"
        }
        return out
    }

    private func inventory(_ report: AuditReport) -> String {
        var counts: [String: Int] = [:]
        for agent in report.agents { counts[agent.kind, default: 0] += 1 }
        let parts = [("agent", counts["agent"] ?? 0), ("command", counts["command"] ?? 0), ("skill", counts["skill"] ?? 0)]
            .filter { $0.1 > 0 || $0.0 == "agent" }
            .map { plural($0.1, $0.0) }
        return parts.joined(separator: ", ")
    }

    private func bars(_ distribution: AuditReport.Distribution, report: AuditReport, paint: Paint, unit: String) -> String {
        guard distribution.counted > 0 else {
            return "  No \(unit) has a known tier" + (distribution.unassigned > 0 ? " (\(distribution.unassigned) without one).\n" : ".\n")
        }
        var out = ""
        let nameWidth = max(7, report.tiers.map(\.name.count).max() ?? 0)
        for tier in report.tiers where (distribution.counts[tier.name] ?? 0) > 0 || tier.maximum != nil || tier.minimum != nil || tier.recommended != nil {
            let count = distribution.counts[tier.name] ?? 0
            let share = distribution.share(tier.name) ?? 0
            let filled = Int((share * Double(Self.barWidth)).rounded())
            var bar = Array(repeating: "█", count: filled) + Array(repeating: "░", count: Self.barWidth - filled)
            // The cap (or floor) as a mark in the bar.
            if let limit = tier.maximum ?? tier.minimum {
                let position = min(Self.barWidth - 1, max(0, Int((limit * Double(Self.barWidth)).rounded())))
                bar[position] = "│"
            }
            var notes: [String] = []
            if let target = AuditFormat.target(tier) {
                let verdict = AuditFormat.meetsTarget(tier, in: distribution, tiers: report.tiers)
                notes.append(target + (verdict == false ? " " + paint.red("✗ over") : verdict == true ? " " + paint.green("✓") : ""))
            }
            if let recommended = tier.recommended { notes.append("recommended \(AuditFormat.percent(recommended))") }
            let percent = AuditFormat.percent(share)
            out += "  " + tier.name.padded(to: nameWidth) + " " + paint.tier(tier.name, bar.joined())
                + " " + String(repeating: " ", count: max(0, 6 - percent.count)) + percent
                + String(repeating: " ", count: max(1, 6 - String(count).count)) + String(count)
                + (notes.isEmpty ? "" : "   " + notes.joined(separator: "; ")) + "\n"
        }
        if distribution.unassigned > 0 {
            out += "  " + "no tier".padded(to: nameWidth) + " " + String(repeating: " ", count: Self.barWidth + 6)
                + String(repeating: " ", count: max(1, 6 - String(distribution.unassigned).count)) + String(distribution.unassigned)
                + "   no model, an unknown one, or inherit\n"
        }
        return out
    }

    private func table(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "  " + cells.enumerated().map { index, cell in index == cells.count - 1 ? cell : cell.padded(to: widths[index]) }
                .joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

extension Paint {
    func red(_ text: String) -> String { enabled ? "\u{1B}[31m\(text)\u{1B}[0m" : text }

    /// Each tier in a colour of its own, cheapest green to most capable magenta.
    func tier(_ name: String, _ text: String) -> String {
        guard enabled else { return text }
        let code = ["haiku": "32", "sonnet": "34", "opus": "35", "fable": "33"][name] ?? "37"
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
