import Foundation

/// One agent execution as seed 001's cost tracker logs it: when, which agent on which model,
/// for which task, how many tokens in and out, how it ended, and optionally what it cost and
/// whether it was a retry or an escalation.
public struct ExecutionRecord: Sendable, Equatable {
    /// 1-based line of the log where the record starts.
    public var line: Int
    /// Seconds since 1970-01-01 UTC.
    public var timestamp: Int64
    public var agent: String
    public var model: String
    public var inputTokens: Int
    public var outputTokens: Int
    public var status: ExecutionStatus
    /// The cost the log states, in dollars, when it states one.
    public var loggedCost: Money?
    public var retry: Bool
    public var escalated: Bool
}

/// How an execution ended, read from the status field's many spellings.
public enum ExecutionStatus: Sendable, Equatable {
    case success
    case failure
    /// No status, or one that says neither (`running`, `skipped`): not counted in success rates.
    case unknown

    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> ExecutionStatus {
        // Lowercase ASCII into a small key: statuses are short words.
        guard bytes.count <= 16 else { return .unknown }
        var key: UInt128 = 0
        for byte in bytes {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            key = key << 8 | UInt128(lower)
        }
        if let status = statuses[key] { return status }
        return .unknown
    }

    private static let statuses: [UInt128: ExecutionStatus] = {
        var table: [UInt128: ExecutionStatus] = [:]
        func add(_ words: [String], _ status: ExecutionStatus) {
            for word in words {
                table[word.utf8.reduce(UInt128(0)) { $0 << 8 | UInt128($1) }] = status
            }
        }
        add(["success", "succeeded", "successful", "ok", "pass", "passed", "done", "completed", "complete"], .success)
        add(["failure", "failed", "fail", "error", "errored", "timeout", "timed_out", "timed-out", "aborted", "cancelled", "canceled", "rejected"], .failure)
        return table
    }()
}

/// An exact amount of US dollars, to the picodollar (10⁻¹² $): a million tokens at a price of
/// six decimals per million is a whole number of them, so the cost of one execution is exact.
/// Totals are exact `Decimal`s; this type is for comparing one execution's cost quickly.
public struct Money: Sendable, Equatable, Comparable, Hashable {
    public static let scale: Int128 = 1_000_000_000_000
    public var picodollars: Int128

    public init(picodollars: Int128) {
        self.picodollars = picodollars
    }

    /// An amount written in decimal, `0.0146`, `$12`, `1.46e-2`; digits past the twelfth decimal
    /// are dropped (they are a billionth of a cent).
    public init?(_ text: String) {
        var text = text
        guard let value = text.withUTF8({ Money.parse($0) }) else { return nil }
        self = value
    }

    public var decimal: Decimal {
        Decimal(string: String(picodollars))! / Decimal(string: String(Money.scale))!
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.picodollars < rhs.picodollars }

    /// Reads a decimal number, with an optional `$`, sign and exponent.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Money? {
        var index = 0
        let count = bytes.count
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        if index < count, bytes[index] == UInt8(ascii: "$") { index += 1 }
        var mantissa: Int128 = 0
        var exponent = 0
        var digits = 0
        var sawDot = false
        while index < count {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                // Past 30 significant digits the rest cannot change a cent.
                if mantissa < 100_000_000_000_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + Int128(byte - 0x30)
                    if sawDot { exponent -= 1 }
                } else if !sawDot {
                    exponent += 1
                }
                digits += 1
            } else if byte == UInt8(ascii: "."), !sawDot {
                sawDot = true
            } else {
                break
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentSign = 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentSign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
            }
            var value = 0
            let start = index
            while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39, value < 1000 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            guard index > start else { return nil }
            exponent += exponentSign * value
        }
        guard index == count else { return nil }
        var shift = exponent + 12
        var value = mantissa
        while shift > 0 {
            guard value <= Int128.max / 10 else { return nil }
            value *= 10
            shift -= 1
        }
        while shift < 0 && value != 0 {
            value /= 10
            shift += 1
        }
        return Money(picodollars: negative ? -value : value)
    }
}
