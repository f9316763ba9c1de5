import Foundation

package enum CharClass {
    @inlinable @inline(__always) package static func isASCIILetter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inlinable @inline(__always) package static func isASCIIUpper(_ c: UInt32) -> Bool { c >= 0x41 && c <= 0x5A }
    @inlinable @inline(__always) package static func isASCIILower(_ c: UInt32) -> Bool { c >= 0x61 && c <= 0x7A }
    @inlinable @inline(__always) package static func isASCIIDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
    @inlinable @inline(__always) package static func isDigit(_ c: UInt32) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0xFF10 && c <= 0xFF19) }
    @inlinable @inline(__always) package static func isFullwidthLetter(_ c: UInt32) -> Bool { (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) }
    @inlinable @inline(__always) package static func isHan(_ c: UInt32) -> Bool { CharacterData.isHan(c) }
    @inlinable @inline(__always) package static func isKana(_ c: UInt32) -> Bool { (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) }

    /// A letter of an alphabet (Latin incl. accented and full-width, Greek, Cyrillic).
    @inlinable @inline(__always) package static func isAlphabetic(_ c: UInt32) -> Bool {
        if c < 0x80 { return isASCIILetter(c) }
        // Chinese, Japanese and CJK punctuation (U+2E80 to Yi, Lisu and Vai) have no alphabet letters.
        if c >= 0x2E80, c < 0xA640 { return false }
        // Full-width forms: only the full-width Latin letters; general punctuation (“ ” — …): none.
        if c >= 0xFF00, c < 0xFFF0 { return isFullwidthLetter(c) }
        if c >= 0x2000, c < 0x2070 { return false }
        return isAlphabeticByScript(c)
    }

    /// The definition the shortcuts above must agree with: a Latin, Greek or Cyrillic letter.
    package static func isAlphabeticByScript(_ c: UInt32) -> Bool {
        switch CharacterData.script(c) {
        case .latin, .greek, .cyrillic:
            return Unicode.Scalar(c)?.properties.isAlphabetic ?? false
        default:
            return false
        }
    }

    @inlinable @inline(__always) package static func isMark(_ c: UInt32) -> Bool { c >= 0x300 && CharacterData.script(c) == .inherited }

    /// A closing quote or bracket: ” ’ 」 』 ） ) 》 〉 】 ] " ' 〕 ］.
    @inlinable @inline(__always)
    package static func isClosingMark(_ c: UInt32) -> Bool {
        switch c {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3009, 0x3011, 0x5D, 0x22, 0x27, 0x3015, 0xFF3D:
            return true
        default:
            return false
        }
    }

    /// ” ’ 」 』 ） ) 》 】: a closing mark that, early in a paragraph, shows it starts inside a quotation
    /// or bracket opened before it.
    @inlinable @inline(__always)
    package static func isCloserOfEarlierText(_ c: UInt32) -> Bool {
        switch c {
        case 0x201D, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3011, 0x2019: return true
        default: return false
        }
    }

    /// How `r` starts: its first scalar, and whether one of its first 30 is a closer of earlier text.
    package static func opening(_ buf: UnsafeBufferPointer<UInt8>, _ r: SourceRange) -> (first: UInt32?, earlyCloser: Bool) {
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
    /// walked back a character at a time; with `skippingClosers` false, the last that is not white space.
    package static func lastSignificantScalar(_ buf: UnsafeBufferPointer<UInt8>, _ r: SourceRange,
                                              skippingClosers: Bool = true) -> UInt32? {
        var k = r.end
        while k > r.start {
            k -= 1
            while k > 0, buf[k] & 0xC0 == 0x80 { k -= 1 }
            let c = UTF8Scalar.decode(buf, at: k).scalar
            if isSpace(c) || (skippingClosers && isClosingMark(c)) { continue }
            return c
        }
        return nil
    }

    @inlinable @inline(__always) package static func isSpace(_ c: UInt32) -> Bool {
        c == 0x20 || c == 0x09 || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B)
    }
}
