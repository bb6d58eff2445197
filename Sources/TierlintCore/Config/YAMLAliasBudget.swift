import Yams

/// Composes YAML with Yams only when its aliases cannot blow up.
///
/// Yams shares an aliased node rather than copying it, so a "billion laughs" document (nine
/// anchors, each a list of nine aliases of the one before) composes in microseconds. But
/// Yams hashes every mapping key to find duplicates, and hashing walks the whole node: one
/// key that is an alias of such a list (`? *i : x`) takes forever. Nothing tierlint reads
/// needs more than a few aliased defaults, so the aliases' expansion is counted first, on a
/// copy of the text whose aliases are plain scalars, and a document whose aliases stand for
/// more than `maximumExpandedNodes` nodes is refused with the line of the alias that went over.
///
/// Nesting needs no guard of its own: libyaml stops at 1,000 levels with an error, fast.
enum YAMLAliasBudget {
    static let maximumExpandedNodes = 100_000

    /// A document whose aliases stand for too many nodes.
    struct Exceeded: Error, Equatable {
        /// 1-based, in the composed text.
        var line: Int

        /// What went wrong, for the caller to say of what: "`what` has YAML aliases that ...".
        func message(_ what: String) -> String {
            "\(what) has YAML aliases that stand for more than \(YAMLAliasBudget.maximumExpandedNodes) values by this "
                + "line (an alias bomb); tierlint does not expand them"
        }
    }

    /// `Yams.compose`, after making sure its aliases are cheap.
    static func compose(_ text: String) throws -> Node? {
        if mayHaveAliases(text) {
            // Parsed without its aliases, a document is as large as its text. The text is not
            // YAML when this throws, and the same error is the one to report: composing the
            // original up to that error could already expand what came before it.
            let parser = try Parser(yaml: defanged(text), resolver: .basic, constructor: .default, encoding: .utf8)
            let root = try parser.singleRoot()
            try withExtendedLifetime(parser) {
                // Anchors are weak references the parser keeps alive.
                if let root { try Counter().count(root) }
            }
        }
        return try PlainScalar.compose(text)
    }

    /// An alias needs an anchor (`&name`) and a `*name`; most files have neither.
    static func mayHaveAliases(_ text: String) -> Bool {
        var sawAmpersand = false, sawStar = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "&") { sawAmpersand = true }
            if byte == UInt8(ascii: "*") { sawStar = true }
            if sawAmpersand && sawStar { return true }
        }
        return false
    }

    /// A private-use character that a plain scalar may start with: `*name` becomes this
    /// followed by `name`, one character for one, so lines and columns stay as they were.
    static let aliasMark: Character = "\u{E000}"

    /// The text with every `*` that could start an alias (libyaml's anchor names are ASCII
    /// letters, digits, `_` and `-`) turned into `aliasMark`. A `*` inside a quoted string or a
    /// comment is turned too: that changes only the text of a scalar, never the structure,
    /// and at worst counts a string that looks like an alias as one.
    static func defanged(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "*", index + 1 < scalars.count, isAnchorCharacter(scalars[index + 1]) {
                result.append(aliasMark.unicodeScalars.first!)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "_" || scalar == "-"
    }

    /// Walks the defanged tree in document order, as Yams composes it: a node's size is one
    /// plus its children's, an alias's is its anchor's, and an anchor counts from the end of
    /// its node (an alias inside its own node refers to an earlier anchor of that name).
    private final class Counter {
        var sizes: [String: Int] = [:]
        var expanded = 0

        func count(_ node: Node) throws {
            _ = try size(node)
        }

        private func size(_ node: Node) throws -> Int {
            var total = 1
            let anchor: Anchor?
            switch node {
            case .scalar(let scalar):
                anchor = scalar.anchor
                if scalar.style == .plain, scalar.string.first == YAMLAliasBudget.aliasMark {
                    total = sizes[String(scalar.string.dropFirst())] ?? 1
                    expanded += total
                    if expanded > YAMLAliasBudget.maximumExpandedNodes {
                        throw Exceeded(line: scalar.mark?.line ?? 1)
                    }
                }
            case .sequence(let sequence):
                anchor = sequence.anchor
                for item in sequence { total = adding(total, try size(item)) }
            case .mapping(let mapping):
                anchor = mapping.anchor
                for (key, value) in mapping {
                    total = adding(total, try size(key))
                    total = adding(total, try size(value))
                }
            case .alias:
                anchor = nil
            }
            if let anchor { sizes[anchor.rawValue] = total }
            return total
        }

        /// Sizes stop growing past the budget, so nine levels of nine never overflow.
        private func adding(_ total: Int, _ size: Int) -> Int {
            min(total + size, YAMLAliasBudget.maximumExpandedNodes + 1)
        }
    }
}
