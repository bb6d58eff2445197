import Foundation

/// Turns an audit into text, Markdown, JSON or a self-contained HTML page.
public protocol AuditRenderer: Sendable {
    static var identifier: String { get }
    init()
    func render(_ report: AuditReport, options: AuditRenderOptions) -> String
}

public struct AuditRenderOptions: Sendable {
    public var color: Bool
    /// How paths are shown to a person; JSON keeps repository-relative paths.
    public var displayPath: @Sendable (String) -> String
    /// At most this many findings per rule and recommendations are listed in full.
    public var limit: Int

    public init(color: Bool = false, displayPath: @escaping @Sendable (String) -> String = { $0 }, limit: Int = 10) {
        self.color = color
        self.displayPath = displayPath
        self.limit = limit
    }
}

public enum AuditRendererRegistry {
    public static let all: [any AuditRenderer.Type] = [
        AuditTextRenderer.self, AuditMarkdownRenderer.self, AuditJSONRenderer.self, AuditHTMLRenderer.self,
    ]

    public static func renderer(named name: String) -> (any AuditRenderer)? {
        all.first { $0.identifier == name.lowercased() }.map { $0.init() }
    }

    public static var identifiers: [String] { all.map { $0.identifier } }
}

/// Numbers as the audit shows them.
enum AuditFormat {
    /// `26.7%`, `20%`.
    static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    /// `4.9×`.
    static func multiple(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))×" : "\(rounded)×"
    }

    /// `$13.20`, `$0.075`: cents, or more digits for prices under a cent's precision.
    static func money(_ value: Decimal) -> String {
        var rounded = Decimal()
        var copy = value
        NSDecimalRound(&rounded, &copy, 2, .plain)
        if rounded == value || value >= 1 {
            return "$" + fixed(rounded, digits: 2)
        }
        var fine = Decimal()
        NSDecimalRound(&fine, &copy, 4, .plain)
        var text = fixed(fine, digits: 4)
        while text.hasSuffix("0"), let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text.removeLast()
        }
        return "$" + text
    }

    private static func fixed(_ value: Decimal, digits: Int) -> String {
        let text = NSDecimalNumber(decimal: value).stringValue
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = parts.first.map(String.init) ?? "0"
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < digits { fraction += String(repeating: "0", count: digits - fraction.count) }
        return whole + "." + fraction.prefix(digits)
    }

    /// A target as a reader says it: `at most 20%`, `at least 30%`.
    static func target(_ tier: AuditReport.TierColumn) -> String? {
        var parts: [String] = []
        if let maximum = tier.maximum { parts.append("at most \(percent(maximum))") }
        if let minimum = tier.minimum { parts.append("at least \(percent(minimum))") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// Whether a tier's share meets its targets: `nil` when it has none or nothing is counted.
    static func meetsTarget(_ tier: AuditReport.TierColumn, in distribution: AuditReport.Distribution, tiers: [AuditReport.TierColumn]) -> Bool? {
        guard tier.maximum != nil || tier.minimum != nil, distribution.counted > 0,
              let index = tiers.firstIndex(where: { $0.name == tier.name }) else { return nil }
        let total = Double(distribution.counted)
        let atOrAbove = tiers[index...].reduce(0) { $0 + (distribution.counts[$1.name] ?? 0) }
        let atOrBelow = tiers[...index].reduce(0) { $0 + (distribution.counts[$1.name] ?? 0) }
        if let maximum = tier.maximum, Double(atOrAbove) > maximum * total + 1e-9 { return false }
        if let minimum = tier.minimum, Double(atOrBelow) < minimum * total - 1e-9 { return false }
        return true
    }

    /// What the recommended moves add up to: the saving of the moves down, the cost of the
    /// moves up the policy requires, and the net, as a share of the backlog's cost.
    static func savingSummary(_ report: AuditReport) -> String? {
        let down = report.recommendations.filter { $0.saving > 0 }.reduce(0) { $0 + $1.saving }
        let up = report.recommendations.filter { $0.saving < 0 }.reduce(0) { $0 - $1.saving }
        guard down > 0 || up > 0 else { return nil }
        func share(_ units: Int) -> String {
            report.cost.units > 0 ? " (\(percent(Double(units) / Double(report.cost.units))) of the backlog's cost)" : ""
        }
        if up == 0 { return "Moving down what is overkill saves \(plural(down, "unit"))\(share(down))." }
        if down == 0 { return "The moves up the policy requires cost \(plural(up, "unit")) more\(share(up))." }
        let net = down - up
        return "Moving down what is overkill saves \(plural(down, "unit")); the moves up the policy requires cost \(plural(up, "unit")); "
            + (net >= 0 ? "net, \(plural(net, "unit")) saved\(share(net))." : "net, \(plural(-net, "unit")) more\(share(-net)).")
    }

    static func saving(_ units: Int) -> String {
        units >= 0 ? "saves \(plural(units, "unit"))" : "costs \(plural(-units, "unit")) more"
    }
}
