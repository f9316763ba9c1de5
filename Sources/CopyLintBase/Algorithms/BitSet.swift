/// A set of small non-negative integers (bytes, code points) as a fixed array of bits.
package struct BitSet: Equatable, Sendable {
    package var words: [UInt64]

    /// A set that can hold 0..<capacity.
    package init(capacity: Int) { words = [UInt64](repeating: 0, count: (capacity + 63) / 64) }

    @inlinable @inline(__always)
    package mutating func insert(_ v: Int) { words[v >> 6] |= 1 << UInt64(v & 63) }

    /// False for members beyond the capacity.
    @inlinable @inline(__always)
    package func contains(_ v: Int) -> Bool { v >= 0 && v >> 6 < words.count && words[v >> 6] & (1 << UInt64(v & 63)) != 0 }

    package mutating func formUnion(_ other: BitSet) { for k in words.indices { words[k] |= other.words[k] } }

    package var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
}
