/// The scalars of a byte range with the byte offset of each, for rules that need both
/// (offsets for exact positions, scalars for logic). `offsets` has one extra entry: the end.
/// Offsets are stored in 32 bits (8 bytes a scalar in all): files up to 4 GB.
struct ScalarText {
    let scalars: [UInt32]
    let offsets: [UInt32]

    init(_ bytes: [UInt8], _ range: SourceRange) {
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
    static func head(_ bytes: [UInt8], _ range: SourceRange, maxScalars: Int) -> ScalarText {
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
    static func headAndTail(_ bytes: [UInt8], _ range: SourceRange, head: Int, tail: Int) -> ScalarText {
        guard range.length > head + tail else { return ScalarText(bytes, range) }
        var a = range.start + head
        while a < range.end, bytes[a] & 0xC0 == 0x80 { a += 1 }
        var b = range.end - tail
        while b < range.end, bytes[b] & 0xC0 == 0x80 { b += 1 }
        let first = ScalarText(bytes, SourceRange(range.start, a)), last = ScalarText(bytes, SourceRange(b, range.end))
        return ScalarText(scalars: first.scalars + last.scalars, offsets: first.offsets.dropLast() + last.offsets)
    }

    private init(scalars: [UInt32], offsets: [UInt32]) {
        self.scalars = scalars
        self.offsets = offsets
    }

    var count: Int { scalars.count }

    func range(_ from: Int, _ to: Int) -> SourceRange { SourceRange(Int(offsets[from]), Int(offsets[to])) }

    func string(_ from: Int, _ to: Int) -> String {
        String(String.UnicodeScalarView(scalars[from..<to].compactMap(Unicode.Scalar.init)))
    }
}

/// Cuts a giant block into windows that rules decoding scalars can read one at a time.
enum TextWindows {
    /// Blocks up to this many bytes are read whole (every paragraph of real copy).
    static let giant = 1 << 18

    /// `range` itself, or for a giant block consecutive windows of about `giant / 2` bytes, each ending
    /// after a sentence stop (。！？ or . ! ? before a space) where one is near, else at a character boundary.
    static func split(_ bytes: [UInt8], _ range: SourceRange) -> [SourceRange] {
        guard range.length > giant else { return [range] }
        var out: [SourceRange] = []
        var start = range.start
        while range.end - start > giant {
            let target = start + giant / 2
            var cut = -1
            var i = target
            let limit = min(range.end, target + giant / 4)
            while i < limit {
                let b = bytes[i]
                if b == 0xE3, i + 2 < limit, bytes[i + 1] == 0x80, bytes[i + 2] == 0x82 { cut = i + 3; break }      // 。
                if b == 0xEF, i + 2 < limit, bytes[i + 1] == 0xBC, bytes[i + 2] == 0x81 || bytes[i + 2] == 0x9F { cut = i + 3; break }   // ！？
                if b == 0x2E || b == 0x21 || b == 0x3F, i + 1 < limit, bytes[i + 1] == 0x20 { cut = i + 1; break }
                i += 1
            }
            if cut < 0 {
                cut = target
                while cut < range.end, bytes[cut] & 0xC0 == 0x80 { cut += 1 }
            }
            out.append(SourceRange(start, cut))
            start = cut
        }
        out.append(SourceRange(start, range.end))
        return out
    }
}

enum CharClass {
    @inline(__always) static func isASCIILetter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isASCIIUpper(_ c: UInt32) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) static func isASCIILower(_ c: UInt32) -> Bool { c >= 0x61 && c <= 0x7A }
    @inline(__always) static func isDigit(_ c: UInt32) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0xFF10 && c <= 0xFF19) }
    @inline(__always) static func isFullwidthLetter(_ c: UInt32) -> Bool { (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) }
    @inline(__always) static func isHan(_ c: UInt32) -> Bool { CharacterData.isHan(c) }
    @inline(__always) static func isKana(_ c: UInt32) -> Bool { (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) }

    /// A letter of an alphabet (Latin incl. accented and full-width, Greek, Cyrillic).
    @inline(__always) static func isAlphabetic(_ c: UInt32) -> Bool {
        if c < 0x80 { return isASCIILetter(c) }
        // Chinese, Japanese and CJK punctuation (U+2E80 to Yi, Lisu and Vai) have no alphabet letters.
        if c >= 0x2E80, c < 0xA640 { return false }
        // Full-width forms: only the full-width Latin letters; general punctuation (“ ” — …): none.
        if c >= 0xFF00, c < 0xFFF0 { return isFullwidthLetter(c) }
        if c >= 0x2000, c < 0x2070 { return false }
        return isAlphabeticByScript(c)
    }

    /// The definition the shortcuts above must agree with: a Latin, Greek or Cyrillic letter.
    static func isAlphabeticByScript(_ c: UInt32) -> Bool {
        switch CharacterData.script(c) {
        case .latin, .greek, .cyrillic:
            return Unicode.Scalar(c)?.properties.isAlphabetic ?? false
        default:
            return false
        }
    }

    @inline(__always) static func isMark(_ c: UInt32) -> Bool { c >= 0x300 && CharacterData.script(c) == .inherited }

    /// A closing quote or bracket: ” ’ 」 』 ） ) 》 〉 】 ] " ' 〕 ］.
    @inline(__always)
    static func isClosingMark(_ c: UInt32) -> Bool {
        switch c {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3009, 0x3011, 0x5D, 0x22, 0x27, 0x3015, 0xFF3D:
            return true
        default:
            return false
        }
    }

    /// ” ’ 」 』 ） ) 》 】: a closing mark that, early in a paragraph, shows it starts inside a quotation
    /// or bracket opened before it.
    @inline(__always)
    static func isCloserOfEarlierText(_ c: UInt32) -> Bool {
        switch c {
        case 0x201D, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3011, 0x2019: return true
        default: return false
        }
    }

    /// How `r` starts: its first scalar, and whether one of its first 30 is a closer of earlier text.
    static func opening(_ buf: UnsafeBufferPointer<UInt8>, _ r: SourceRange) -> (first: UInt32?, earlyCloser: Bool) {
        var i = r.start, n = 0
        var first: UInt32?
        while i < r.end, n < 30 {
            let (c, len) = UTF8Scalar.decode(buf, at: i)
            if n == 0 { first = c }
            if isCloserOfEarlierText(c) { return (first, true) }
            i += len
            n += 1
        }
        return (first, false)
    }

    /// The last scalar of `r` that is not white space or a closing quote or bracket (how a block ends),
    /// walked back a character at a time.
    static func lastSignificantScalar(_ buf: UnsafeBufferPointer<UInt8>, _ r: SourceRange) -> UInt32? {
        var k = r.end
        while k > r.start {
            k -= 1
            while k > 0, buf[k] & 0xC0 == 0x80 { k -= 1 }
            let c = UTF8Scalar.decode(buf, at: k).scalar
            if isSpace(c) || isClosingMark(c) { continue }
            return c
        }
        return nil
    }

    @inline(__always) static func isSpace(_ c: UInt32) -> Bool {
        c == 0x20 || c == 0x09 || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B)
    }
}

/// A small fixed set of scalars, asked about every character the recognisers read: one AND against a
/// 64-bit filter rejects most characters, and the few that pass are looked up in a sorted list (no
/// hashing, unlike `Set<Unicode.Scalar>`, whose SipHash cost more than the rest of the test).
struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    private let filter: UInt64
    private let values: [UInt32]

    init<S: Sequence>(_ scalars: S) where S.Element == UInt32 {
        values = Array(Set(scalars)).sorted()
        filter = values.reduce(0) { $0 | 1 << UInt64($1 & 63) }
    }

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar { self.init(scalars.map(\.value)) }

    init(arrayLiteral elements: Unicode.Scalar...) { self.init(elements) }

    /// The members, in order.
    var sortedValues: [UInt32] { values }

    @inline(__always)
    func contains(_ v: UInt32) -> Bool {
        guard filter & 1 << UInt64(v & 63) != 0 else { return false }
        if values.count <= 16 { return values.contains(v) }
        var lo = 0, hi = values.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < values.count && values[lo] == v
    }

    @inline(__always)
    func contains(_ s: Unicode.Scalar) -> Bool { contains(s.value) }
}
