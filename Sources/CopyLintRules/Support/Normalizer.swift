import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Normalises text for comparison: white space removed, full-width forms folded to
/// ASCII, Chinese punctuation folded to its ASCII counterpart, Latin lower-cased.
/// Layout and OCR change exactly these things between two printings of one paragraph.
enum Normalizer {
    @inline(__always)
    static func fold(_ cp: UInt32) -> UInt32? {
        switch cp {
        case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x2002...0x200A, 0x202F:
            return nil
        case 0x41...0x5A:
            return cp + 0x20
        case 0xFF01...0xFF5E:
            let a = cp - 0xFEE0
            return (a >= 0x41 && a <= 0x5A) ? a + 0x20 : a
        case 0x3002, 0xFF61: return 0x2E          // 。 ｡
        case 0x3001: return 0x2C                  // 、
        case 0x201C, 0x201D, 0x300C, 0x300D, 0x201E: return 0x22   // “ ” 「 」
        case 0x2018, 0x2019, 0x300E, 0x300F: return 0x27            // ‘ ’ 『 』
        case 0x2014, 0x2013, 0x2015: return 0x2D  // — – ―
        case 0x2026: return 0x2E                   // …
        default: return cp
        }
    }

    /// ASCII punctuation (after folding) and the CJK punctuation left unfolded.
    @inline(__always)
    static func isPunctuation(_ cp: UInt32) -> Bool {
        switch cp {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        case 0x3000...0x303F, 0x2010...0x205E, 0xFE30...0xFE4F: return true
        default: return false
        }
    }

    /// Folded scalars of a byte range.
    static func scalars(_ bytes: [UInt8], _ range: SourceRange) -> [UInt32] {
        // At most one scalar per byte: written straight into the storage, no per-scalar append.
        [UInt32](unsafeUninitializedCapacity: max(0, range.length)) { store, count in
            var sink = Store(out: store.baseAddress!)
            fold(bytes, range, into: &sink)
            count = sink.count
        }
    }

    /// Where `fold` puts each folded scalar. A struct passed inout (not a closure that captures
    /// variables): its fields stay in registers in the hot loop.
    protocol Sink {
        mutating func put(_ cp: UInt32)
    }

    /// Writes the scalars to memory with room for them.
    struct Store: Sink {
        let out: UnsafeMutablePointer<UInt32>
        var count = 0
        @inline(__always) mutating func put(_ cp: UInt32) { out[count] = cp; count += 1 }
    }

    /// Gives `sink` each folded scalar of a byte range, in order.
    @inline(__always)
    static func fold<S: Sink>(_ bytes: [UInt8], _ range: SourceRange, into sink: inout S) {
        bytes.withUnsafeBufferPointer { buf in
            var i = range.start
            while i < range.end {
                let b = buf[i]
                if b < 0x80 {
                    let cp = UInt32(b)
                    if b > 0x20 { sink.put(cp >= 0x41 && cp <= 0x5A ? cp + 0x20 : cp) }
                    else if b != 0x20, b != 0x09, b != 0x0A, b != 0x0D { sink.put(cp) }
                    i += 1
                    continue
                }
                let (cp, len) = UTF8Scalar.decode(buf, at: i)
                i += len
                // CJK ideographs and most scripts fold to themselves.
                if cp >= 0x3400 && cp < 0xFEFF { sink.put(cp); continue }
                if let f = fold(cp) { sink.put(f) }
            }
        }
    }
}
