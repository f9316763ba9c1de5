/// The scalars of a byte range with the byte offset of each, for rules that need both
/// (offsets for exact positions, scalars for logic). `offsets` has one extra entry: the end.
/// Offsets are stored in 32 bits (8 bytes a scalar in all): files up to 4 GB.
struct ScalarText {
    let scalars: [UInt32]
    let offsets: [UInt32]

    init(_ bytes: [UInt8], _ range: SourceRange) {
        var s: [UInt32] = []
        var o: [UInt32] = []
        s.reserveCapacity(range.length / 2)
        o.reserveCapacity(range.length / 2 + 1)
        bytes.withUnsafeBufferPointer { buf in
            var i = range.start
            while i < range.end {
                let (cp, len) = UTF8Scalar.decode(buf, at: i)
                s.append(cp)
                o.append(UInt32(truncatingIfNeeded: i))
                i += len
            }
        }
        o.append(UInt32(truncatingIfNeeded: range.end))
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

    var count: Int { scalars.count }

    func range(_ from: Int, _ to: Int) -> SourceRange { SourceRange(Int(offsets[from]), Int(offsets[to])) }

    func string(_ from: Int, _ to: Int) -> String {
        String(String.UnicodeScalarView(scalars[from..<to].compactMap(Unicode.Scalar.init)))
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
        switch CharacterData.script(c) {
        case .latin, .greek, .cyrillic:
            return Unicode.Scalar(c)?.properties.isAlphabetic ?? false
        default:
            return false
        }
    }

    @inline(__always) static func isMark(_ c: UInt32) -> Bool { c >= 0x300 && CharacterData.script(c) == .inherited }

    @inline(__always) static func isSpace(_ c: UInt32) -> Bool {
        c == 0x20 || c == 0x09 || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B)
    }
}
