import Foundation

/// The audit as one JSON document, every list whole, for scripts and dashboards.
public struct AuditJSONRenderer: AuditRenderer {
    public static let identifier = "json"

    public init() {}

    public func render(_ report: AuditReport, options: AuditRenderOptions) -> String {
        let json = JSONWriter()
        func money(_ name: String, _ value: Decimal?) {
            guard let value else { return }
            json.key(name)
            json.raw(NSDecimalNumber(decimal: value).stringValue)
        }
        func distribution(_ name: String, _ value: AuditReport.Distribution) {
            json.key(name)
            json.object {
                json.key("counts")
                json.object { for tier in report.tiers { json.field(tier.name, value.counts[tier.name] ?? 0) } }
                json.field("unassigned", value.unassigned)
                json.key("shares")
                json.object { for tier in report.tiers { if let share = value.share(tier.name) { json.field(tier.name, share) } } }
            }
        }
        json.object {
            json.field("tool", "tierlint")
            json.field("version", report.toolVersion)
            json.field("source", report.source)
            json.field("preset", report.preset)
            json.field("catalogAsOf", report.catalogAsOf)
            json.field("pricesAsOf", report.pricesAsOf)
            json.field("files", report.filesChecked)
            json.key("tiers")
            json.array(report.tiers) { tier in
                json.object {
                    json.field("name", tier.name)
                    json.field("role", tier.role)
                    json.field("relativeCost", tier.relativeCost)
                    if let price = tier.price {
                        json.key("price")
                        json.object { money("input", price.input); money("output", price.output) }
                    }
                    if let maximum = tier.maximum { json.field("maximumShare", maximum) }
                    if let minimum = tier.minimum { json.field("minimumShare", minimum) }
                    if let recommended = tier.recommended { json.field("recommendedShare", recommended) }
                }
            }
            distribution("tickets", report.tickets)
            distribution("agents", report.agentTiers)
            json.key("cost")
            json.object {
                json.field("units", report.cost.units)
                if let index = report.cost.index { json.field("index", index) }
                if let recommended = report.cost.recommendedIndex { json.field("recommendedIndex", recommended) }
                money("blendedPricePerMillionTokens", report.cost.blendedPrice)
                json.field("possibleSaving", report.cost.possibleSaving)
            }
            json.key("sections")
            json.array(report.sections) { section in
                json.object {
                    json.field("path", section.path)
                    json.field("line", section.line)
                    json.field("name", section.name)
                    json.field("tickets", section.total)
                    json.key("counts")
                    json.object { for tier in report.tiers { json.field(tier.name, section.counts[tier.name] ?? 0) } }
                    json.field("unassigned", section.unassigned)
                    json.field("costUnits", section.costUnits)
                    if let index = section.costIndex { json.field("costIndex", index) }
                    money("blendedPricePerMillionTokens", section.blendedPrice)
                }
            }
            json.key("agents")
            json.array(report.agents) { agent in
                json.object {
                    json.field("name", agent.name)
                    json.field("kind", agent.kind)
                    json.field("path", agent.path)
                    json.field("line", agent.line)
                    json.field("model", agent.model)
                    json.field("tier", agent.tier)
                    json.field("format", agent.format)
                    if !agent.plugin.isEmpty { json.field("plugin", agent.plugin) }
                }
            }
            json.key("summary")
            json.object {
                json.field("errors", report.findings.errors)
                json.field("warnings", report.findings.warnings)
                json.field("infos", report.findings.notes)
            }
            json.key("rules")
            json.array(report.rules) { group in
                json.object {
                    json.field("code", group.code)
                    json.field("rule", group.slug)
                    json.field("severity", group.severity.rawValue)
                    json.field("count", group.findings.count)
                    json.key("findings")
                    json.array(group.findings) { JSONReporter.write($0, to: json) }
                }
            }
            json.key("recommendations")
            json.array(report.recommendations) { move in
                json.object {
                    json.field("subject", move.subject)
                    json.field("title", move.title)
                    json.field("path", move.path)
                    json.field("line", move.line)
                    json.field("from", move.from)
                    json.field("to", move.to)
                    json.field("count", move.count)
                    json.field("saving", move.saving)
                    json.field("rule", move.rule)
                    json.field("reason", move.reason)
                }
            }
        }
        return json.text + "\n"
    }
}
