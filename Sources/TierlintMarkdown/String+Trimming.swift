extension StringProtocol {
    /// The text without leading and trailing whitespace (Unicode's definition, so a
    /// non-breaking space in a table cell is trimmed too).
    public func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
