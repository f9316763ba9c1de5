/// The scalars of a byte range with the byte offset of each, for rules that need both
/// (offsets for exact positions, scalars for logic). `offsets` has one extra entry: the end.
/// Offsets are stored in 32 bits (8 bytes a scalar in all): files up to 4 GB.
package struct ScalarText {
    package let scalars: [UInt32]
    package let offsets: [UInt32]

    package init(_ bytes: [UInt8], _ range: SourceRange) {
        // At most one scalar per byte: both arrays are written in place, no per-scalar append.
        let capacity = max(0, range.length)
        var n = 0
        var o: [UInt32] = []
        let s = [UInt32](unsafeUninitializedCapacity: capacity) { scalars, scalarCount in
            o = [UInt32](unsafeUninitializedCapacity: capacity + 1) { offsets, offsetCount in
                bytes.withUnsafeBufferPointer { buf in
                    var i = range.start
                    while i < range.end {
                        let (cp, len) = UTF8Scalar.decode(buf, at: i)
                        scalars[n] = cp
                        offsets[n] = UInt32(truncatingIfNeeded: i)
                        n += 1
                        i += len
                    }
                }
                offsets[n] = UInt32(truncatingIfNeeded: range.end)
                offsetCount = n + 1
            }
            scalarCount = n
        }
        scalars = s
        offsets = o
    }

    /// The first `maxScalars` scalars of a range.
    package static func head(_ bytes: [UInt8], _ range: SourceRange, maxScalars: Int) -> ScalarText {
        var end = range.start
        var n = 0
        while end < range.end, n < maxScalars {
            end += UTF8Scalar.decode(bytes, at: end).length
            n += 1
        }
        return ScalarText(bytes, SourceRange(range.start, min(end, range.end)))
    }

    /// A giant block's head and tail (a paragraph of many megabytes is a file without line breaks,
    /// not prose): its first `head` and last `tail` bytes, cut at character boundaries. Offsets stay
    /// exact; the middle is not read.
    package static func headAndTail(_ bytes: [UInt8], _ range: SourceRange, head: Int, tail: Int) -> ScalarText {
        guard range.length > head + tail else { return ScalarText(bytes, range) }
        var a = range.start + head
        while a < range.end, bytes[a] & 0xC0 == 0x80 { a += 1 }
        var b = range.end - tail
        while b < range.end, bytes[b] & 0xC0 == 0x80 { b += 1 }
        let first = ScalarText(bytes, SourceRange(range.start, a)), last = ScalarText(bytes, SourceRange(b, range.end))
        return ScalarText(scalars: first.scalars + last.scalars, offsets: first.offsets.dropLast() + last.offsets)
    }

    /// The text with the line breaks of hard-wrapped Chinese taken out: a break (with the spaces
    /// around it) next to a wide character is no space between words (…就有车坐、⏎换乘 is 有车坐、换乘).
    /// The scalars kept keep their offsets.
    package func joiningWrappedLines() -> ScalarText {
        guard scalars.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return self }
        var s: [UInt32] = [], o: [UInt32] = []
        s.reserveCapacity(count)
        o.reserveCapacity(count + 1)
        let blank = { (c: UInt32) in c == 0x0A || c == 0x0D || c == 0x20 || c == 0x09 || c == 0x3000 }
        var k = 0
        while k < count {
            if scalars[k] == 0x0A || scalars[k] == 0x0D {
                var j = k
                while j < count, blank(scalars[j]) { j += 1 }
                var kept = s.count
                while kept > 0, blank(s[kept - 1]) { kept -= 1 }
                if kept > 0, j < count, s[kept - 1] >= 0x2E80 || scalars[j] >= 0x2E80 {
                    s.removeLast(s.count - kept)
                    o.removeLast(o.count - kept)
                    k = j
                    continue
                }
            }
            s.append(scalars[k])
            o.append(offsets[k])
            k += 1
        }
        o.append(offsets[count])
        return ScalarText(scalars: s, offsets: o)
    }

    private init(scalars: [UInt32], offsets: [UInt32]) {
        self.scalars = scalars
        self.offsets = offsets
    }

    package var count: Int { scalars.count }

    package func range(_ from: Int, _ to: Int) -> SourceRange { SourceRange(Int(offsets[from]), Int(offsets[to])) }

    package func string(_ from: Int, _ to: Int) -> String {
        String(String.UnicodeScalarView(scalars[from..<to].compactMap(Unicode.Scalar.init)))
    }
}
