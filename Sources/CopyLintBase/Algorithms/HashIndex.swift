/// An open-addressing table from 64-bit keys to 32-bit values (block indices, list positions).
/// Keys must already be well mixed (`mix`): their low bits pick the slot. Values are never negative
/// (-1 marks a free slot).
package struct HashIndex {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Int32]
    @usableFromInline var count = 0
    /// How full the table may get, in quarters, before it grows.
    @usableFromInline let quarters: Int

    /// Room for `expected` keys without growing (a table built once at its full size). `dense`: fill
    /// to three quarters instead of a half (a third less memory for a table of millions, a little more
    /// probing).
    package init(expected: Int = 8, dense: Bool = false) {
        quarters = dense ? 3 : 2
        // (Small to start with: a table made for each file of an archive of small files is zeroed each time.)
        var size = 16
        while size * quarters < expected * 4 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
    }

    /// The value stored for `key`, or -1.
    @inlinable
    package func find(_ key: UInt64) -> Int32 {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: key) & mask
        while values[i] >= 0 {
            if keys[i] == key { return values[i] }
            i = (i + 1) & mask
        }
        return -1
    }

    /// SplitMix64's finaliser: a bijection of 64-bit values that spreads every input bit over the
    /// low ones (two different keys stay different after it).
    @inlinable @inline(__always)
    package static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A mixed hash of the bytes of `r`, eight at a time (for telling repeated text from new text;
    /// equal hashes are confirmed by comparing the bytes).
    @inlinable
    package static func hashBytes(_ buf: UnsafeBufferPointer<UInt8>, _ r: SourceRange) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(r.length)
        var i = r.start
        while i + 8 <= r.end {
            let w = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        while i < r.end { tail = tail << 8 | UInt64(buf[i]); i += 1 }
        return mix(h ^ tail)
    }

    /// Stores `value` for a new `key` and returns -1; for a known key, returns its value and keeps it.
    @inlinable
    package mutating func insert(_ key: UInt64, _ value: Int32) -> Int32 {
        if (count + 1) * 4 > keys.count * quarters { grow() }
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: key) & mask
        while values[i] >= 0 {
            if keys[i] == key { return values[i] }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = value
        count += 1
        return -1
    }

    @usableFromInline mutating func grow() {
        let old = (keys, values)
        keys = [UInt64](repeating: 0, count: old.0.count * 2)
        values = [Int32](repeating: -1, count: old.0.count * 2)
        count = 0
        for i in old.0.indices where old.1[i] >= 0 { _ = insert(old.0[i], old.1[i]) }
    }
}
