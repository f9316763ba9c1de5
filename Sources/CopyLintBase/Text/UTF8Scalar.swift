import Foundation

/// Minimal, forgiving UTF-8 scalar decoding for hot loops over bytes.
public enum UTF8Scalar {
    /// The scalar at `i` and its length in bytes; an invalid byte decodes as U+FFFD of length 1.
    @inlinable @inline(__always)
    public static func decode(_ bytes: [UInt8], at i: Int) -> (scalar: UInt32, length: Int) {
        bytes.withUnsafeBufferPointer { decode($0, at: i) }
    }

    @inlinable @inline(__always)
    public static func decode(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(buf[i])
        if b0 < 0x80 { return (b0, 1) }
        let n = buf.count
        // Three bytes first after ASCII: all of Chinese.
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            return (decode3(buf, at: i), 3)
        }
        if b0 & 0xE0 == 0xC0, i + 1 < n {
            return ((b0 & 0x1F) << 6 | UInt32(buf[i + 1] & 0x3F), 2)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < n {
            return ((b0 & 0x07) << 18 | UInt32(buf[i + 1] & 0x3F) << 12 | UInt32(buf[i + 2] & 0x3F) << 6
                | UInt32(buf[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// Two three-byte characters (most of Chinese) at `i`, read from one eight-byte load (eight bytes
    /// from `i` must be in the buffer): their code points, or nil when the bytes there do not start
    /// with two three-byte forms. The forms are not checked further (overlong or surrogate values
    /// come out as they are).
    @inlinable @inline(__always)
    public static func twoThreeByte(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, UInt32)? {
        let w = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
        guard w & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0 else { return nil }
        let a = UInt32(truncatingIfNeeded: w & 0x0F) << 12 | UInt32(truncatingIfNeeded: w >> 8 & 0x3F) << 6
            | UInt32(truncatingIfNeeded: w >> 16 & 0x3F)
        let b = UInt32(truncatingIfNeeded: w >> 24 & 0x0F) << 12 | UInt32(truncatingIfNeeded: w >> 32 & 0x3F) << 6
            | UInt32(truncatingIfNeeded: w >> 40 & 0x3F)
        return (a, b)
    }

    /// A three-byte character (a lead byte E0–EF at `i`, two more bytes in the buffer).
    @inlinable @inline(__always)
    public static func decode3(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32 {
        UInt32(buf[i] & 0x0F) << 12 | UInt32(buf[i + 1] & 0x3F) << 6 | UInt32(buf[i + 2] & 0x3F)
    }

    /// The scalars of `bytes[range]`, decoded straight into an array (invalid bytes as U+FFFD).
    public static func scalars(_ bytes: [UInt8], _ range: SourceRange) -> [Unicode.Scalar] {
        bytes.withUnsafeBufferPointer { scalars($0, range) }
    }

    public static func scalars(_ buf: UnsafeBufferPointer<UInt8>, _ range: SourceRange) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: max(0, range.length)) { store, count in
            var n = 0
            var i = range.start
            while i < range.end {
                let (cp, len) = decode(buf, at: i)
                store.initializeElement(at: n, to: Unicode.Scalar(cp) ?? "\u{FFFD}")
                n += 1
                i += len
            }
            count = n
        }
    }

    /// Offset of the scalar that starts before `i`.
    @inlinable @inline(__always)
    public static func previous(_ bytes: [UInt8], before i: Int) -> Int {
        var j = i - 1
        while j > 0, bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return max(j, 0)
    }

    public static func encode(_ cp: UInt32, into out: inout [UInt8]) {
        if cp < 0x80 {
            out.append(UInt8(cp))
        } else if cp < 0x800 {
            out.append(UInt8(0xC0 | cp >> 6)); out.append(UInt8(0x80 | cp & 0x3F))
        } else if cp < 0x10000 {
            out.append(UInt8(0xE0 | cp >> 12)); out.append(UInt8(0x80 | cp >> 6 & 0x3F)); out.append(UInt8(0x80 | cp & 0x3F))
        } else {
            out.append(UInt8(0xF0 | cp >> 18)); out.append(UInt8(0x80 | cp >> 12 & 0x3F))
            out.append(UInt8(0x80 | cp >> 6 & 0x3F)); out.append(UInt8(0x80 | cp & 0x3F))
        }
    }
}
