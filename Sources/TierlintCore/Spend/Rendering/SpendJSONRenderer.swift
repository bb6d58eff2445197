import Foundation

/// The spend report as one JSON document. Amounts are exact decimals written as JSON numbers
/// (`12.3456`, never rounded); shares and rates are fractions (0.174 for 17.4%).
public struct SpendJSONRenderer: SpendRenderer {
    public static let identifier = "json"

    public init() {}

    public func render(_ report: SpendReport, options: SpendRenderOptions) -> String {
        let json = JSONWriter()
        json.object {
            json.field("tool", "tierlint")
            json.field("version", report.toolVersion)
            json.field("command", "spend")
            json.key("logs")
            json.array(report.files) { json.value($0) }
            json.field("grouping", report.grouping.rawValue)
            json.key("window")
            json.object {
                optional(json, "first", report.firstExecution.map(LogTime.isoText))
                optional(json, "last", report.lastExecution.map(LogTime.isoText))
                optional(json, "since", report.since)
                optional(json, "until", report.until)
            }
            json.field("lines", report.lines)
            json.field("executions", report.executions)
            json.field("skippedLines", report.skippedLines)
            json.field("outsideWindow", report.outsideWindow)
            json.key("prices")
            json.object {
                json.field("asOf", report.pricesAsOf)
                json.field("overrides", report.priceOverrides)
            }
            json.key("rows")
            json.array(report.rows) { row($0, json) }
            json.key("total")
            row(report.total, json)
            json.key("tiers")
            json.array(report.tiers) { tier in
                json.object {
                    json.field("tier", tier.tier)
                    json.field("executions", tier.executions)
                    share(json, "executionShare", tier.executionShare)
                    money(json, "cost", tier.cost)
                    share(json, "costShare", tier.costShare)
                }
            }
            json.key("indicators")
            json.array(report.indicators) { indicator in
                json.object {
                    json.field("indicator", indicator.kind.rawValue)
                    json.field("title", indicator.title)
                    if let value = indicator.value { json.field("value", value, digits: 6) }
                    if let amount = indicator.amount { money(json, "value", amount, places: 6) }
                    json.field("target", indicator.target)
                    json.field("status", indicator.status.rawValue)
                    json.field("detail", indicator.detail)
                }
            }
            if let budget = report.budget {
                json.key("budget")
                json.object {
                    money(json, "budget", budget.budget)
                    json.field("month", String(format: "%04d-%02d", budget.year, budget.month))
                    json.field("firstDay", LogTime.dayText(budget.firstDay))
                    json.field("asOf", LogTime.dayText(budget.asOfDay))
                    money(json, "spent", budget.spent)
                    json.field("elapsedDays", budget.elapsedDays)
                    json.field("remainingDays", budget.remainingDays)
                    money(json, "dailyRate", budget.dailyRate, places: 6)
                    money(json, "projected", budget.projected, places: 6)
                    json.field("overBudget", budget.isOverBudget)
                    json.field("formula", "projected = spent + spent / elapsedDays × remainingDays")
                }
            }
            json.key("drift")
            json.object {
                json.field("checked", report.declaredAgents != nil)
                if let declared = report.declaredAgents { json.field("declaredAgents", declared) }
                optional(json, "source", report.agentSource)
            }
            json.key("findingCounts")
            json.object {
                for check in SpendCheck.all {
                    if let count = report.findingCounts[check.code] { json.field(check.slug, count) }
                }
            }
            json.key("findings")
            json.array(report.findings) { finding in
                json.object {
                    json.field("rule", finding.rule.slug)
                    json.field("code", finding.rule.code)
                    json.field("severity", finding.severity.rawValue)
                    if !finding.path.isEmpty {
                        json.field("path", finding.path)
                        json.field("line", finding.line)
                        json.field("column", finding.column)
                    }
                    json.field("message", finding.message)
                    json.field("subject", finding.subject)
                }
            }
        }
        return json.text + "\n"
    }

    private func row(_ row: SpendReport.Row, _ json: JSONWriter) {
        json.object {
            json.field("key", row.key)
            if let tier = row.tier { json.field("tier", tier) }
            json.field("executions", row.executions)
            json.field("inputTokens", row.inputTokens)
            json.field("outputTokens", row.outputTokens)
            money(json, "cost", row.cost)
            json.field("unpricedExecutions", row.unpriced)
            json.field("successes", row.successes)
            json.field("failures", row.failures)
            json.field("retries", row.reruns)
            json.field("escalations", row.escalations)
            json.field("tasks", row.tasks)
            share(json, "costShare", row.costShare)
            share(json, "successRate", row.successRate)
            share(json, "retryRate", row.rerunRate)
            if let perTask = row.costPerTask { money(json, "costPerTask", perTask, places: 6) }
        }
    }

    private func money(_ json: JSONWriter, _ name: String, _ amount: Decimal, places: Int? = nil) {
        json.key(name)
        json.raw(SpendFormat.decimal(amount, places: places))
    }

    private func share(_ json: JSONWriter, _ name: String, _ value: Double?) {
        if let value { json.field(name, value, digits: 6) }
    }

    private func optional(_ json: JSONWriter, _ name: String, _ value: String?) {
        if let value { json.field(name, value) }
    }
}
