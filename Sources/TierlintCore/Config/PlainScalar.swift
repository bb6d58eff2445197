import Yams

/// What an unquoted YAML scalar means (null, a bool, a number), for the few places that ask,
/// decided as Yams' own accessors decide it. tierlint composes YAML with Yams' basic resolver,
/// which tags every scalar a string: the default one matches each scalar against seven
/// regular expressions, and compiling them alone cost more than reading a whole policy.
enum PlainScalar {
    /// The composer tierlint reads every YAML document with.
    static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic, .default, .utf8)
    }

    /// The tag of a scalar tierlint makes itself; `Tag.implicit` would build the default
    /// resolver, regular expressions and all.
    static var tag: Tag { Tag(.implicit, .basic, .default) }

    /// `~`, `null`, or nothing at all.
    static func isNull(_ node: Node) -> Bool {
        node.null != nil
    }

    /// `true`, `yes`, `on`, `false`, `no`, `off`, in any case, unquoted: as Yams reads a bool,
    /// without the tag the default resolver would have given it.
    static func bool(_ node: Node) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        switch scalar.string.lowercased() {
        case "yes", "true", "on": return true
        case "no", "false", "off": return false
        default: return nil
        }
    }

    /// An unquoted number, `3`, `-4.5`, `1e3`, `0x1F`, `1_000`, `1:30`, `.inf`, as Yams reads
    /// one (which does not depend on the resolver).
    static func isNumber(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return node.int != nil || node.float != nil
    }
}
