import Foundation

/// The findings a repository had when it adopted tierlint, so that only new ones are
/// reported. Entries match findings by path, rule and subject (the ticket, with its
/// section, the agent, or the section), never by line: inserting lines above a ticket does not bring its finding
/// back, and a second finding of the same kind about the same ticket is still new.
public struct Baseline: Sendable, Equatable {
    /// How many findings each identity had.
    public var counts: [FindingIdentity: Int]

    public init(counts: [FindingIdentity: Int]) {
        self.counts = counts
    }

    public init(findings: [Finding]) {
        var counts: [FindingIdentity: Int] = [:]
        for finding in findings { counts[finding.identity, default: 0] += 1 }
        self.counts = counts
    }

    static let formatVersion = 1

    /// The file `--write-baseline` writes: JSON, one entry per line, sorted, so that a
    /// baseline under version control diffs well. Messages are kept for the reader; they
    /// play no part in matching.
    public static func render(_ findings: [Finding], toolVersion: String) -> String {
        var groups: [FindingIdentity: (count: Int, message: String)] = [:]
        for finding in findings {
            let entry = groups[finding.identity]
            groups[finding.identity] = ((entry?.count ?? 0) + 1, entry?.message ?? finding.message)
        }
        var text = "{\"tool\": \"tierlint\", \"version\": \(JSONWriter.quoted(toolVersion)), \"format\": \(formatVersion), \"findings\": ["
        let entries = groups.keys.sorted()
        for (index, identity) in entries.enumerated() {
            let group = groups[identity]!
            let slug = RuleRegistry.rule(named: identity.rule)?.description.slug ?? ""
            let section = identity.section.isEmpty ? "" : "\"section\": \(JSONWriter.quoted(identity.section)), "
            text += "\n  {\"path\": \(JSONWriter.quoted(identity.path)), \"rule\": \(JSONWriter.quoted(identity.rule)), "
                + "\"name\": \(JSONWriter.quoted(slug)), \(section)\"subject\": \(JSONWriter.quoted(identity.subject)), "
                + "\"count\": \(group.count), \"message\": \(JSONWriter.quoted(group.message))}"
            text += index == entries.count - 1 ? "\n" : ","
        }
        return text + "]}\n"
    }

    /// Reads a baseline file; `file` names it in errors.
    public static func read(_ bytes: [UInt8], file: String) throws -> Baseline {
        func failure(_ message: String) -> ConfigurationError {
            ConfigurationError(file: file, line: nil, key: nil, message: message)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw failure("the baseline is not valid JSON; write a new one with --write-baseline \(file)")
        }
        guard let root = object as? [String: Any], let entries = root["findings"] as? [Any] else {
            throw failure("the baseline has no `findings` list; write a new one with --write-baseline \(file)")
        }
        if let format = root["format"] as? Int, format > formatVersion {
            throw failure("the baseline was written by a newer tierlint (format \(format)); update tierlint")
        }
        var counts: [FindingIdentity: Int] = [:]
        for (index, entry) in entries.enumerated() {
            guard let entry = entry as? [String: Any], let path = entry["path"] as? String, let rule = entry["rule"] as? String,
                  let subject = entry["subject"] as? String else {
                throw failure("entry \(index + 1) of the baseline needs `path`, `rule` and `subject`")
            }
            // A rule may be named by its code or its slug; codes are what is stored.
            let code = RuleRegistry.rule(named: rule)?.description.code ?? rule
            let section = entry["section"] as? String ?? ""
            counts[FindingIdentity(path: path, rule: code, subject: subject, section: section), default: 0] += max(1, entry["count"] as? Int ?? 1)
        }
        return Baseline(counts: counts)
    }

    /// What the baseline does to a check's findings.
    public struct Outcome: Sendable {
        /// Findings the baseline does not hold: new ones.
        public var kept: [Finding]
        /// How many findings it hid.
        public var hidden: Int
        /// How many of its entries, in the files checked, no longer have a finding: fixed,
        /// so the baseline can shrink.
        public var stale: Int
    }

    public func apply(to findings: [Finding], checkedPaths: Set<String>) -> Outcome {
        var remaining = counts
        var kept: [Finding] = []
        var hidden = 0
        for finding in findings {
            let identity = finding.identity
            if let left = remaining[identity], left > 0 {
                remaining[identity] = left - 1
                hidden += 1
            } else {
                kept.append(finding)
            }
        }
        let stale = remaining.filter { $0.value > 0 && checkedPaths.contains($0.key.path) }.values.reduce(0, +)
        return Outcome(kept: kept, hidden: hidden, stale: stale)
    }
}
