extension String {
    /// Zero-padded on the left to `n` characters (hex code points, JSON escapes, fingerprints).
    package func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }

    /// Without white space at either end.
    package func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let f = scalars.first, f.isWhitespace { scalars = scalars.dropFirst() }
        while let l = scalars.last, l.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
