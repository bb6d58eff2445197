/// A minimal JSON writer: keys in the order written, strings escaped per RFC 8259.
final class JSONWriter {
    private(set) var text = ""
    private var needsComma = [false]

    private func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    func object(_ body: () -> Void) {
        separateUnlessAfterKey()
        text += "{"
        needsComma.append(false)
        body()
        needsComma.removeLast()
        text += "}"
    }

    func array<T>(_ items: [T], _ body: (T) -> Void) {
        separateUnlessAfterKey()
        text += "["
        needsComma.append(false)
        for item in items { body(item) }
        needsComma.removeLast()
        text += "]"
    }

    private var afterKey = false

    private func separateUnlessAfterKey() {
        if afterKey {
            afterKey = false
        } else {
            separate()
        }
    }

    func key(_ name: String) {
        separate()
        text += Self.quoted(name) + ":"
        afterKey = true
    }

    func field(_ name: String, _ value: String) {
        key(name)
        afterKey = false
        text += Self.quoted(value)
    }

    func field(_ name: String, _ value: Int) {
        key(name)
        afterKey = false
        text += String(value)
    }

    func field(_ name: String, _ value: Bool) {
        key(name)
        afterKey = false
        text += value ? "true" : "false"
    }

    /// A number with at most `digits` decimals, without trailing zeros (`0.25`, `3`).
    func field(_ name: String, _ value: Double, digits: Int = 4) {
        key(name)
        afterKey = false
        text += Self.number(value, digits: digits)
    }

    /// A value written as it is (a number already formatted).
    func raw(_ text: String) {
        separateUnlessAfterKey()
        self.text += text
    }

    /// A string element of an array.
    func value(_ string: String) {
        separateUnlessAfterKey()
        text += Self.quoted(string)
    }

    static func number(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(rounded)
        if text.contains("e") { return String(Int(rounded)) }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
