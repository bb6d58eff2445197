import Foundation

/// Numbers as the spend report shows them. Money is exact until here: it is rounded only to
/// be shown, to the cent (`$1,234.57`), or for one execution's cost to the millionth of a
/// dollar (`$0.0146`).
public enum SpendFormat {
    /// Dollars rounded to the cent, half away from zero: `$1,234.57`, `-$0.80`.
    public static func money(_ amount: Decimal, exact: Bool = false) -> String {
        let digits = exact ? 6 : 2
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, digits, .plain)
        var text = NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        var (whole, fraction) = text.split(separator: ".", maxSplits: 1).map(String.init).splitPair
        if exact {
            while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
        }
        while fraction.count < 2 { fraction += "0" }
        return (negative ? "-$" : "$") + grouped(whole) + "." + fraction
    }

    /// An amount as a plain decimal, for machines: `12.3456`, `0`. Sums are exact; a quotient
    /// (a cost per task, a daily rate) is rounded to `places` decimals, since it has no end.
    public static func decimal(_ amount: Decimal, places: Int? = nil) -> String {
        var value = amount
        if let places {
            var rounded = Decimal()
            NSDecimalRound(&rounded, &value, places, .plain)
            value = rounded
        }
        return NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// A price per million tokens: `$0.80 and $4`, `$3 and $15`.
    static func price(_ price: Price) -> String {
        "\(perMillion(price.input)) and \(perMillion(price.output))"
    }

    /// `$3`, `$0.80`, `$0.075`.
    static func perMillion(_ amount: Decimal) -> String {
        let text = NSDecimalNumber(decimal: amount).description(withLocale: Locale(identifier: "en_US_POSIX"))
        guard let dot = text.firstIndex(of: ".") else { return "$" + grouped(text) }
        let fraction = text[text.index(after: dot)...]
        return "$" + grouped(String(text[..<dot])) + "." + (fraction.count == 1 ? fraction + "0" : fraction)
    }

    /// `1,250`.
    public static func count(_ value: Int) -> String {
        value < 0 ? "-" + grouped(String(-value)) : grouped(String(value))
    }

    /// `17.4%`, `20%`.
    public static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    /// `+12.5%`, `-26.8%`.
    static func signedPercent(_ share: Double) -> String {
        (share >= 0 ? "+" : "-") + percent(abs(share))
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(self.count(count)) \(noun)\(count == 1 ? "" : "s")"
    }

    /// `once`, `twice`, `3 times`.
    static func times(_ count: Int) -> String {
        switch count {
        case 1: "once"
        case 2: "twice"
        default: "\(self.count(count)) times"
        }
    }

    /// A UTC day: `2026-03-16`.
    static func day(_ seconds: Int64) -> String {
        LogTime.dayText(LogTime.day(of: seconds))
    }

    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}

private extension Array where Element == String {
    var splitPair: (String, String) { (first ?? "0", count > 1 ? self[1] : "") }
}
