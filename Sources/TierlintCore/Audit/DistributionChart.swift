/// The tier mix of tickets or agents as an SVG bar chart: a bar per tier with its share and
/// count, the cap (or floor) as a red line, and the recommended share as a grey tick.
struct DistributionChart {
    var report: AuditReport
    var distribution: AuditReport.Distribution

    static let width = 480.0
    static let labelWidth = 70.0
    static let barWidth = 300.0
    static let rowHeight = 34.0

    func svg() -> String {
        let tiers = report.tiers.filter { tier in
            (distribution.counts[tier.name] ?? 0) > 0 || tier.maximum != nil || tier.minimum != nil || tier.recommended != nil
        }
        let height = Self.rowHeight * Double(tiers.count) + 34
        let e = AuditHTMLRenderer.escape
        let summary = tiers.map { "\($0.name) \(AuditFormat.percent(distribution.share($0.name) ?? 0))" }.joined(separator: ", ")
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(height))\" "
            + "role=\"img\" aria-label=\"\(e(summary))\">\n"
        for (row, tier) in tiers.enumerated() {
            let y = Double(row) * Self.rowHeight + 6
            let share = distribution.share(tier.name) ?? 0
            let count = distribution.counts[tier.name] ?? 0
            let x0 = Self.labelWidth
            svg += "<text x=\"0\" y=\"\(Self.number(y + 15))\" font-size=\"14\" font-weight=\"600\" fill=\"#1d2330\">\(e(tier.name))</text>\n"
            svg += "<rect x=\"\(Self.number(x0))\" y=\"\(Self.number(y))\" width=\"\(Self.number(Self.barWidth))\" height=\"20\" rx=\"4\" fill=\"#eef1f6\"/>\n"
            if share > 0 {
                svg += "<rect x=\"\(Self.number(x0))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(2, Self.barWidth * share)))\" height=\"20\" rx=\"4\" "
                    + "fill=\"\(AuditHTMLRenderer.color(tier.name))\"/>\n"
            }
            if let recommended = tier.recommended {
                let x = x0 + Self.barWidth * recommended
                svg += "<path d=\"M\(Self.number(x - 5)) \(Self.number(y + 27)) L\(Self.number(x + 5)) \(Self.number(y + 27)) L\(Self.number(x)) \(Self.number(y + 21)) Z\" fill=\"#7b8593\"/>\n"
            }
            if let limit = tier.maximum ?? tier.minimum {
                let x = x0 + Self.barWidth * limit
                svg += "<line x1=\"\(Self.number(x))\" y1=\"\(Self.number(y - 3))\" x2=\"\(Self.number(x))\" y2=\"\(Self.number(y + 23))\" "
                    + "stroke=\"#c53030\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>\n"
            }
            svg += "<text x=\"\(Self.number(x0 + Self.barWidth + 10))\" y=\"\(Self.number(y + 15))\" font-size=\"13\" fill=\"#1d2330\">"
                + "<tspan font-weight=\"600\">\(AuditFormat.percent(share))</tspan><tspan fill=\"#5e6877\"> · \(count)</tspan></text>\n"
        }
        let legendY = Double(tiers.count) * Self.rowHeight + 22
        svg += "<line x1=\"\(Self.number(Self.labelWidth))\" y1=\"\(Self.number(legendY - 9))\" x2=\"\(Self.number(Self.labelWidth))\" y2=\"\(Self.number(legendY + 3))\" "
            + "stroke=\"#c53030\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>\n"
        svg += "<text x=\"\(Self.number(Self.labelWidth + 8))\" y=\"\(Self.number(legendY))\" font-size=\"12\" fill=\"#5e6877\">target</text>\n"
        svg += "<path d=\"M\(Self.number(Self.labelWidth + 70)) \(Self.number(legendY + 1)) L\(Self.number(Self.labelWidth + 80)) \(Self.number(legendY + 1)) "
            + "L\(Self.number(Self.labelWidth + 75)) \(Self.number(legendY - 6)) Z\" fill=\"#7b8593\"/>\n"
        svg += "<text x=\"\(Self.number(Self.labelWidth + 86))\" y=\"\(Self.number(legendY))\" font-size=\"12\" fill=\"#5e6877\">recommended mix</text>\n"
        return svg + "</svg>\n"
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
