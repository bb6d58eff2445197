import Foundation

/// Where the month's spend is heading at its run rate, against a monthly budget.
///
/// The month is that of the last execution in the window, taken as of that execution's day
/// (logs are often read after the fact: the clock on the wall says nothing about them). The
/// run rate is the month's spend so far over the days elapsed, counted from the month's first
/// day, or from the window's first day when it starts later, to that day, both included:
///
///     rate = spent / elapsed days
///     projected = spent + rate × days left in the month (= spent + spent × days left / elapsed days)
public struct BudgetProjection: Sendable, Equatable {
    public var budget: Decimal
    public var year: Int
    public var month: Int
    /// The first and last day counted (days since 1970-01-01).
    public var firstDay: Int
    public var asOfDay: Int
    public var spent: Decimal
    public var elapsedDays: Int
    public var remainingDays: Int
    public var dailyRate: Decimal
    public var projected: Decimal

    public var isOverBudget: Bool { projected > budget }
    /// The projection's part of the budget: 1 is all of it.
    public var share: Double { budget == 0 ? .infinity : NSDecimalNumber(decimal: projected / budget).doubleValue }
    public var monthName: String { "\(LogTime.monthNames[month - 1]) \(year)" }
    public var lastDayOfMonth: Int { LogTime.days(year: year, month: month, day: LogTime.daysIn(year: year, month: month)) }

    /// Projects from each day's spend. `windowStart` is the first day the logs were read from.
    public static func project(dailyCost: [Int: Decimal], asOf: Int, windowStart: Int, budget: Decimal) -> BudgetProjection {
        let (year, month, _) = LogTime.date(days: asOf)
        let monthStart = LogTime.days(year: year, month: month, day: 1)
        let first = max(monthStart, min(windowStart, asOf))
        let monthEnd = LogTime.days(year: year, month: month, day: LogTime.daysIn(year: year, month: month))
        var spent = Decimal(0)
        for (day, cost) in dailyCost where day >= first && day <= asOf { spent += cost }
        let elapsed = asOf - first + 1
        let remaining = monthEnd - asOf
        // Multiplied before it is divided, so that a whole result stays whole: $30 over 9 days
        // with 21 left projects $100, not $99.99999….
        return BudgetProjection(
            budget: budget, year: year, month: month, firstDay: first, asOfDay: asOf, spent: spent, elapsedDays: elapsed,
            remainingDays: remaining, dailyRate: spent / Decimal(elapsed),
            projected: spent + spent * Decimal(remaining) / Decimal(elapsed))
    }

    /// Reads `500`, `$500`, `500/month`, `1,200.50/mo`: a budget is per month.
    public static func readBudget(_ text: String) -> Decimal? {
        var amount = text.trimmingCharacters(in: .whitespaces).lowercased()
        for suffix in ["/month", "/mo", " a month", " per month"] where amount.hasSuffix(suffix) {
            amount = String(amount.dropLast(suffix.count))
            break
        }
        amount = amount.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        if amount.hasPrefix("$") { amount.removeFirst() }
        guard !amount.isEmpty, amount.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              amount.filter({ $0 == "." }).count <= 1,
              let value = Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")), value > 0
        else { return nil }
        return value
    }
}
