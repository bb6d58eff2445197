extension StringProtocol {
    /// The text without leading and trailing whitespace (Unicode's definition, so a
    /// non-breaking space in a table cell is trimmed too).
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        // Unicode scalar indices are string indices: slice once, no copying scalar by scalar.
        return String(self[start..<end])
    }
}
