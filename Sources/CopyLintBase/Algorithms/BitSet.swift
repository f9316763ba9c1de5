/// A set of small non-negative integers (bytes, code points) as a fixed array of bits.
package struct BitSet: Equatable, Sendable {
    @usableFromInline var words: [UInt64]

    /// A set that can hold 0..<capacity.
    package init(capacity: Int) { words = [UInt64](repeating: 0, count: (capacity + 63) / 64) }

    @inlinable @inline(__always)
    package mutating func insert(_ v: Int) { words[v >> 6] |= 1 << UInt64(v & 63) }

    /// False for members beyond the capacity.
    @inlinable @inline(__always)
    package func contains(_ v: Int) -> Bool { v >= 0 && v >> 6 < words.count && words[v >> 6] & (1 << UInt64(v & 63)) != 0 }

    package mutating func formUnion(_ other: BitSet) { for k in words.indices { words[k] |= other.words[k] } }

    /// Inserts the code point of every character of UTF-8 `bytes` that the set can hold, in one pass
    /// through buffer pointers (no check of the storage per character).
    package mutating func insertScalars(utf8 bytes: [UInt8]) {
        let capacity = words.count * 64
        words.withUnsafeMutableBufferPointer { words in
            bytes.withUnsafeBufferPointer { buf in
                var i = 0
                while i < buf.count {
                    let b = buf[i]
                    if b < 0x80, Int(b) < capacity { words[Int(b) >> 6] |= 1 << UInt64(b & 63); i += 1; continue }
                    // Two three-byte characters (Chinese, mostly) from one eight-byte load.
                    if i + 8 <= buf.count, let (a, c) = UTF8Scalar.twoThreeByte(buf, at: i) {
                        if Int(a) < capacity { words[Int(a >> 6)] |= 1 << UInt64(a & 63) }
                        if Int(c) < capacity { words[Int(c >> 6)] |= 1 << UInt64(c & 63) }
                        i += 6
                        continue
                    }
                    let (scalar, length) = UTF8Scalar.decode(buf, at: i)
                    if Int(scalar) < capacity { words[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63) }
                    i += max(1, length)
                }
            }
        }
    }

    package var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
}
