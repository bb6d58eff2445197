/// What a finding is about, whatever line it is on: the file, the rule and the ticket, agent
/// or section. Baselines match findings by it, and SARIF fingerprints are made from it, so
/// inserting lines above a ticket neither resurrects a baselined finding nor opens a new
/// alert in code scanning.
public struct FindingIdentity: Sendable, Hashable, Comparable {
    /// The file; for a finding about an agent set, the set (`agent set:` and its folder),
    /// since the file it is shown at depends on which files were checked.
    public var path: String
    /// The rule's code (`TL003`): codes are stable, slugs may be renamed.
    public var rule: String
    /// `ticket 4.3`, `agent code-reviewer`, `section "Sprint 4"`.
    public var subject: String
    /// A ticket's section: ticket 1 of Sprint 1 is not ticket 1 of Sprint 2.
    public var section: String

    public init(path: String, rule: String, subject: String, section: String = "") {
        self.path = path
        self.rule = rule
        self.subject = subject
        self.section = section
    }

    public static func < (lhs: FindingIdentity, rhs: FindingIdentity) -> Bool {
        (lhs.path, lhs.rule, lhs.section, lhs.subject) < (rhs.path, rhs.rule, rhs.section, rhs.subject)
    }

    static let agentSetPrefix = "agent set:"
}

extension Finding {
    public var identity: FindingIdentity {
        FindingIdentity(
            path: agentSet.map { FindingIdentity.agentSetPrefix + $0 } ?? path, rule: rule.code, subject: subject,
            section: section ?? "")
    }

    /// A fingerprint per finding that stays the same when lines move: a hash of its identity
    /// and, for findings that share one, which of them it is in file order.
    public static func fingerprints(_ findings: [Finding]) -> [String] {
        var seen: [FindingIdentity: Int] = [:]
        return findings.map { finding in
            let identity = finding.identity
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            return StableHash.hex(
                "\(identity.rule)\u{0}\(identity.path)\u{0}\(identity.section)\u{0}\(identity.subject)\u{0}\(occurrence)")
        }
    }
}

/// FNV-1a, 64 bits: a hash that is the same on every machine and every run (Swift's own
/// `Hasher` is seeded per process).
enum StableHash {
    static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
