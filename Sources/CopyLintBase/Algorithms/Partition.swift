extension RandomAccessCollection {
    /// The first index whose element satisfies `belongs`, where the collection is ordered so that the
    /// elements that do all come after those that do not (a binary search; `endIndex` when none does).
    @inlinable
    package func partitioningIndex(where belongs: (Element) throws -> Bool) rethrows -> Index {
        var lo = startIndex, n = count
        while n > 0 {
            let half = n / 2
            let mid = index(lo, offsetBy: half)
            if try belongs(self[mid]) { n = half } else { lo = index(after: mid); n -= half + 1 }
        }
        return lo
    }
}
