/// Text made safe for XML 1.0 attributes and character data.
enum XMLEscaping {
    /// Escapes markup characters and keeps line breaks and tabs as character references (an
    /// attribute value would otherwise fold them to spaces). Characters XML 1.0 cannot hold
    /// at all (most control characters) become U+FFFD.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value):
                result += "\u{FFFD}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#
}
