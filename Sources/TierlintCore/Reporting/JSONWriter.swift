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

    /// Works on UTF-8 bytes: a report quotes every rule's help, and appending scalar by
    /// scalar to a String was most of the time a SARIF report took.
    static func quoted(_ string: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(string.utf8.count + 2)
        let utf8 = Array(string.utf8)
        let hex = Array("0123456789abcdef".utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                // U+2028 and U+2029 end a line in JavaScript, which reads JSON too.
                bytes += Array((utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default:
                bytes.append(byte)
            }
            index += 1
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}
