/// The audit as one self-contained HTML page: no scripts, no fonts, nothing fetched. The
/// tier mix is drawn as SVG; the markup is well-formed XML, so any parser can read it.
public struct AuditHTMLRenderer: AuditRenderer {
    public static let identifier = "html"

    public init() {}

    static let colors = ["haiku": "#2f9e6e", "sonnet": "#3d6fd9", "opus": "#8b4fd8", "fable": "#d9822b"]
    static let otherColor = "#a7afb8"

    static func color(_ tier: String) -> String { colors[tier] ?? otherColor }

    public func render(_ report: AuditReport, options: AuditRenderOptions) -> String {
        let e = Self.escape
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>tierlint audit: \(e(report.source))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <main>
            <header>
            <h1>tierlint audit</h1>
            <p class="sub">The <code>\(e(report.source))</code>, checked against the <strong>\(e(report.preset))</strong> policy: \
            \(plural(report.filesChecked, "file")), \(plural(report.sections.count, "backlog section")), \
            \(plural(report.agents.count, "definition")).</p>
            </header>

            """
        html += cards(report)
        html += "<section class=\"charts\">\n"
        html += figure("Tickets by tier", report.tickets, report: report, unit: "ticket")
        html += figure("Agents by tier", report.agentTiers, report: report, unit: "agent")
        html += "</section>\n"
        html += recommendations(report, options: options)
        html += sections(report, options: options)
        html += agents(report, options: options)
        html += rules(report, options: options)
        html += """
            <footer>tierlint \(e(report.toolVersion)) · model catalog of \(e(report.catalogAsOf)) · list prices of \(e(report.pricesAsOf)) · \
            relative cost: \(report.tiers.map { "\(e($0.name)) \($0.relativeCost)×" }.joined(separator: ", "))</footer>
            </main>
            </body>
            </html>

            """
        return html
    }

    // MARK: - Parts

    private func cards(_ report: AuditReport) -> String {
        var cards: [(label: String, value: String, note: String, state: String)] = []
        let ticketTotal = report.tickets.counted + report.tickets.unassigned
        cards.append(("Tickets", "\(ticketTotal)", "in \(plural(report.sections.count, "section"))", ""))
        let agentCount = report.agents.count { $0.kind == "agent" }
        let others = report.agents.count - agentCount
        cards.append(("Agents", "\(agentCount)", others == 1 ? "and 1 command or skill" : "and \(others) commands and skills", ""))
        if let capped = report.tiers.first(where: { $0.maximum != nil }), let maximum = capped.maximum, report.tickets.counted > 0 {
            let index = report.tiers.firstIndex { $0.name == capped.name }!
            let count = report.tiers[index...].reduce(0) { $0 + (report.tickets.counts[$1.name] ?? 0) }
            let share = Double(count) / Double(report.tickets.counted)
            cards.append(("\(capped.name.capitalized) share", AuditFormat.percent(share), "target at most \(AuditFormat.percent(maximum))",
                          share > maximum + 1e-9 ? "bad" : "good"))
        }
        if let index = report.cost.index {
            cards.append(("Cost index", AuditFormat.multiple(index),
                          report.cost.recommendedIndex.map { "recommended mix \(AuditFormat.multiple($0))" } ?? "haiku = 1×",
                          report.cost.recommendedIndex.map { index > $0 + 0.05 ? "warn" : "good" } ?? ""))
        }
        if let price = report.cost.blendedPrice {
            cards.append(("Blended price", AuditFormat.money(price), "per million tokens", ""))
        }
        let findings = report.findings
        cards.append(("Findings", "\(findings.errors + findings.warnings + findings.notes)",
                      "\(plural(findings.errors, "error")) · \(plural(findings.warnings, "warning")) · \(plural(findings.notes, "note"))",
                      findings.errors > 0 ? "bad" : findings.warnings > 0 ? "warn" : "good"))
        var html = "<section class=\"cards\">\n"
        for card in cards {
            html += "<div class=\"card \(card.state)\"><div class=\"label\">\(Self.escape(card.label))</div>"
                + "<div class=\"value\">\(Self.escape(card.value))</div><div class=\"note\">\(Self.escape(card.note))</div></div>\n"
        }
        return html + "</section>\n"
    }

    private func figure(_ title: String, _ distribution: AuditReport.Distribution, report: AuditReport, unit: String) -> String {
        var html = "<figure class=\"panel\">\n<figcaption>\(Self.escape(title))</figcaption>\n"
        guard distribution.counted > 0 else {
            return html + "<p class=\"empty\">No \(unit) has a known tier.</p>\n</figure>\n"
        }
        html += DistributionChart(report: report, distribution: distribution).svg()
        if distribution.unassigned > 0 {
            html += "<p class=\"aside\">\(plural(distribution.unassigned, unit)) without a known tier (no model, an unknown one, or inherit) not counted.</p>\n"
        }
        return html + "</figure>\n"
    }

    private func recommendations(_ report: AuditReport, options: AuditRenderOptions) -> String {
        let e = Self.escape
        var html = "<section class=\"panel\">\n<h2>Recommendations</h2>\n"
        guard !report.recommendations.isEmpty else { return html + "<p class=\"empty\">Nothing to move.</p>\n</section>\n" }
        if let summary = AuditFormat.savingSummary(report) {
            html += "<p>\(e(summary))</p>\n"
        }
        html += "<ol class=\"moves\">\n"
        for move in report.recommendations.prefix(options.limit) {
            let what = move.count > 1 ? "\(move.title) in \(move.subject)" : move.subject
            let title = move.count > 1 || move.title.isEmpty || move.subject.contains(move.title) ? "" : " <span class=\"title\">\(e(move.title))</span>"
            html += "<li><span class=\"move\">\(e(what))\(title)</span> "
                + "<span class=\"tier\" style=\"background:\(Self.color(move.from))\">\(e(move.from))</span> → "
                + "<span class=\"tier\" style=\"background:\(Self.color(move.to))\">\(e(move.to))</span> "
                + "<span class=\"\(move.saving >= 0 ? "saving" : "cost")\">\(e(AuditFormat.saving(move.saving)))</span>"
                + "<div class=\"where\"><code>\(e(options.displayPath(move.path))):\(move.line)</code> · \(e(move.rule))</div></li>\n"
        }
        html += "</ol>\n"
        if report.recommendations.count > options.limit {
            html += "<p class=\"aside\">…and \(report.recommendations.count - options.limit) more; <code>tierlint audit --format json</code> lists them all.</p>\n"
        }
        return html + "</section>\n"
    }

    private func sections(_ report: AuditReport, options: AuditRenderOptions) -> String {
        guard !report.sections.isEmpty else { return "" }
        let e = Self.escape
        var html = "<section class=\"panel\">\n<h2>Backlog sections</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Section</th><th>Mix</th>"
            + "<th class=\"num\">Tickets</th>"
        html += report.sectionTiers.map { "<th class=\"num\">\(e($0.name))</th>" }.joined()
        html += "<th class=\"num\">No tier</th><th class=\"num\">Cost index</th><th class=\"num\">$/Mtok</th></tr></thead>\n<tbody>\n"
        for section in report.sections {
            html += "<tr><td><div>\(e(section.name))</div><div class=\"where\"><code>\(e(options.displayPath(section.path))):\(section.line)</code></div></td>"
            html += "<td>\(Self.miniBar(section.counts, unassigned: section.unassigned, tiers: report.tiers))</td>"
            html += "<td class=\"num\">\(section.total)</td>"
            html += report.sectionTiers.map { "<td class=\"num\">\(section.counts[$0.name] ?? 0)</td>" }.joined()
            html += "<td class=\"num\">\(section.unassigned)</td><td class=\"num\">\(section.costIndex.map(AuditFormat.multiple) ?? "–")</td>"
            html += "<td class=\"num\">\(section.blendedPrice.map(AuditFormat.money) ?? "–")</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    private func agents(_ report: AuditReport, options: AuditRenderOptions) -> String {
        guard !report.agents.isEmpty else { return "" }
        let e = Self.escape
        var html = "<section class=\"panel\">\n<h2>Agents, commands and skills</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Name</th><th>Kind</th>"
            + "<th>Model</th><th>Tier</th><th>Format</th><th>File</th></tr></thead>\n<tbody>\n"
        for agent in report.agents {
            html += "<tr><td>\(e(agent.name))</td><td>\(e(agent.kind))</td><td><code class=\"model\">\(e(agent.model.isEmpty ? "–" : agent.model))</code></td>"
                + "<td><span class=\"tier\" style=\"background:\(Self.color(agent.tier))\">\(e(agent.tier))</span></td>"
                + "<td class=\"nowrap\">\(e(agent.format))</td><td class=\"where\"><code>\(e(options.displayPath(agent.path)))</code></td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    private func rules(_ report: AuditReport, options: AuditRenderOptions) -> String {
        let e = Self.escape
        var html = "<section class=\"panel\">\n<h2>Findings by rule</h2>\n"
        guard !report.rules.isEmpty else { return html + "<p class=\"empty\">No findings.</p>\n</section>\n" }
        for group in report.rules {
            html += "<details><summary><span class=\"badge \(group.severity.rawValue)\">\(e(group.severity.rawValue))</span> "
                + "<strong>\(e(group.code)) \(e(group.slug))</strong> · \(plural(group.findings.count, "finding"))"
                + "<span class=\"aside\"> — \(e(group.summary))</span></summary>\n<ul>\n"
            for finding in group.findings.prefix(max(options.limit, 25)) {
                html += "<li><code>\(e(options.displayPath(finding.path))):\(finding.line):\(finding.column)</code> \(e(finding.message))</li>\n"
            }
            if group.findings.count > max(options.limit, 25) {
                html += "<li class=\"aside\">…and \(group.findings.count - max(options.limit, 25)) more</li>\n"
            }
            html += "</ul>\n</details>\n"
        }
        return html + "</section>\n"
    }

    /// A section's mix as one stacked bar.
    static func miniBar(_ counts: [String: Int], unassigned: Int, tiers: [AuditReport.TierColumn]) -> String {
        let total = counts.values.reduce(0, +) + unassigned
        guard total > 0 else { return "" }
        let width = 120.0
        var x = 0.0
        var svg = "<svg class=\"mini\" width=\"120\" height=\"12\" viewBox=\"0 0 120 12\" role=\"img\" aria-label=\""
        svg += escape((tiers.compactMap { tier in counts[tier.name].map { "\($0) \(tier.name)" } } + (unassigned > 0 ? ["\(unassigned) no tier"] : []))
            .joined(separator: ", ")) + "\">"
        for (name, count) in tiers.map({ ($0.name, counts[$0.name] ?? 0) }) + [("none", unassigned)] where count > 0 {
            let w = width * Double(count) / Double(total)
            svg += "<rect x=\"\(DistributionChart.number(x))\" y=\"0\" width=\"\(DistributionChart.number(w))\" height=\"12\" fill=\"\(color(name))\"/>"
            x += w
        }
        return svg + "</svg>"
    }

    /// Text for an element or an attribute: the XML escaping, which HTML reads the same way.
    static func escape(_ text: String) -> String {
        XMLEscaping.escaped(text)
    }

    static let style = """
        :root{--ink:#1d2330;--muted:#5e6877;--line:#e3e7ee;--bg:#f5f7fa;--panel:#fff;--good:#1f8a5b;--warn:#b7791f;--bad:#c53030}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        main{max-width:1120px;margin:0 auto;padding:32px 24px 48px}
        h1{font-size:28px;margin:0 0 4px;letter-spacing:-.01em}
        h2{font-size:18px;margin:0 0 12px}
        .sub{color:var(--muted);margin:0 0 24px}
        code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eef1f6;padding:1px 5px;border-radius:4px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin-bottom:20px}
        .card{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:14px 16px;border-top:4px solid var(--line)}
        .card.good{border-top-color:var(--good)}.card.warn{border-top-color:var(--warn)}.card.bad{border-top-color:var(--bad)}
        .card .label{color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.04em}
        .card .value{font-size:28px;font-weight:650;margin:2px 0}
        .card .note{color:var(--muted);font-size:13px}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px;margin-bottom:16px}
        .panel{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:0 0 16px}
        figure.panel{margin:0}
        figcaption{font-weight:650;font-size:18px;margin-bottom:8px}
        svg text{font-family:inherit}
        .scroll{overflow-x:auto}
        table{width:100%;border-collapse:collapse;font-size:14px}
        th{text-align:left;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line);padding:6px 8px;white-space:nowrap}
        td{border-bottom:1px solid var(--line);padding:7px 8px;vertical-align:top;overflow-wrap:anywhere}
        td.num,td.nowrap,td code.model{white-space:nowrap;overflow-wrap:normal}
        .num{text-align:right;font-variant-numeric:tabular-nums}
        .where,.aside{color:var(--muted);font-size:13px}
        .nowrap{white-space:nowrap}
        .empty{color:var(--muted)}
        .tier{display:inline-block;color:#fff;border-radius:999px;padding:0 9px;font-size:12px;font-weight:600;line-height:20px}
        .badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:700;text-transform:uppercase;color:#fff}
        .badge.error{background:var(--bad)}.badge.warning{background:var(--warn)}.badge.info{background:#6b7a90}
        details{border-top:1px solid var(--line);padding:8px 0}
        summary{cursor:pointer}
        details ul{margin:8px 0 0;padding-left:20px}
        details li{margin:4px 0}
        ol.moves{margin:0;padding-left:22px}
        ol.moves li{margin:0 0 10px}
        .move{font-weight:600}.title{font-weight:400;color:var(--muted)}
        .saving{color:var(--good);font-weight:600;margin-left:6px}.cost{color:var(--warn);font-weight:600;margin-left:6px}
        svg.mini{display:block;border-radius:3px;margin-top:4px}
        footer{color:var(--muted);font-size:12px;text-align:center;margin-top:24px}
        """
}
