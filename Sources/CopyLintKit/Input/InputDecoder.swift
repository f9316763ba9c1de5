#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// Turns the bytes of an input file into UTF-8, or says exactly why it cannot.
public enum InputDecoder {
    public enum Outcome: Equatable {
        case text([UInt8])
        /// A NUL byte: a binary file, skipped with a warning.
        case binary(offset: Int)
    }

    /// Blocks, lines and scalar texts keep offsets in 32 bits: larger text is refused, not misread.
    static let maxBytes = Int(UInt32.max)

    public static func decode(_ raw: [UInt8], encoding: InputEncoding?, path: String) throws(CopyLintError) -> Outcome {
        let outcome = try decodeAnySize(raw, encoding: encoding, path: path)
        if case .text(let bytes) = outcome { try refuseIfTooLarge(bytes.count, path: path) }
        return outcome
    }

    static func refuseIfTooLarge(_ count: Int, limit: Int = maxBytes, path: String) throws(CopyLintError) {
        guard count <= limit else {
            throw CopyLintError("too large: \(count) bytes of text; copylint reads files up to \(limit) bytes (4 GB), split it first", path: path)
        }
    }

    private static func decodeAnySize(_ raw: [UInt8], encoding: InputEncoding?, path: String) throws(CopyLintError) -> Outcome {
        // UTF-16 with a byte order mark is recognised whatever --encoding says.
        if raw.count >= 2, (raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF) {
            return .text(try utf16(raw, path: path))
        }
        switch encoding ?? .utf8 {
        case .utf8:
            let found = scanUTF8(raw, slices: ParallelMap.slices(forBytes: raw.count))
            if let nul = found.nul { return .binary(offset: nul) }
            if let bad = found.invalid {
                let position = SourceText(path: path, bytes: Array(raw[..<bad])).position(bad)
                throw CopyLintError("invalid UTF-8 at byte offset \(bad) (line \(position.line), column \(position.column)); "
                                    + "if the file is in a legacy encoding, pass --encoding gb18030, big5 or utf-16", path: path)
            }
            return .text(raw)
        case .utf16:
            return .text(try utf16(raw, path: path))
        case .gb18030:
            if let nul = raw.firstIndex(of: 0) { return .binary(offset: nul) }
            return .text(try iconv(raw, from: "GB18030", path: path))
        case .big5:
            if let nul = raw.firstIndex(of: 0) { return .binary(offset: nul) }
            return .text(try iconv(raw, from: "BIG5-HKSCS", path: path))
        }
    }

    /// The first NUL byte and the first invalid UTF-8 sequence, in one pass; a large file is scanned
    /// in slices on all cores. A slice starts at a byte that begins a character (its nominal start
    /// moved past at most three continuation bytes, which the slice before examines).
    static func scanUTF8(_ bytes: [UInt8], slices: Int) -> (nul: Int?, invalid: Int?) {
        let n = bytes.count
        var starts = (0...slices).map { n * $0 / slices }
        for k in 1..<max(1, slices) {
            var b = max(starts[k], starts[k - 1])
            var moved = 0
            while b < n, moved < 3, bytes[b] & 0xC0 == 0x80 { b += 1; moved += 1 }
            starts[k] = b
        }
        let bounds = starts
        let parts = ParallelMap.run(count: slices) { k in
            bytes.withUnsafeBufferPointer { scan($0, from: bounds[k], to: max(bounds[k], bounds[k + 1])) }
        }
        return (parts.compactMap(\.nul).min(), parts.compactMap(\.invalid).min())
    }

    /// One slice: sequences that start before `end` are checked whole (they may run past it).
    private static func scan(_ buf: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> (nul: Int?, invalid: Int?) {
        var nul: Int?
        var i = from
        let n = buf.count
        while i < end {
            // Eight ASCII bytes without a NUL at a time.
            if i + 8 <= end {
                let w = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let hasZero = (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
                if w & 0x8080_8080_8080_8080 == 0, hasZero == 0 { i += 8; continue }
            }
            // Two three-byte characters (Chinese) at a time: lead, continuation, continuation, twice,
            // neither of them overlong (below U+0800) nor a surrogate.
            if i + 8 <= end, case let (a, b)? = UTF8Scalar.twoThreeByte(buf, at: i),
               a >= 0x800, b >= 0x800, a & 0xF800 != 0xD800, b & 0xF800 != 0xD800 {
                i += 6
                continue
            }
            let c = buf[i]
            if c < 0x80 {
                if c == 0, nul == nil { nul = i }
                i += 1
                continue
            }
            // Three-byte characters (all of Chinese) checked in one step.
            if c & 0xF0 == 0xE0, i + 2 < n {
                let c1 = buf[i + 1], c2 = buf[i + 2]
                let cp = UInt32(c & 0x0F) << 12 | UInt32(c1 & 0x3F) << 6 | UInt32(c2 & 0x3F)
                if c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80, cp >= 0x800, cp < 0xD800 || cp >= 0xE000 {
                    i += 3
                    continue
                }
                return (nul ?? firstNUL(buf, from: i, to: end), i)
            }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32 = 0
            if c & 0xE0 == 0xC0 { need = 1; min = 0x80; cp = UInt32(c & 0x1F) }
            else if c & 0xF0 == 0xE0 { need = 2; min = 0x800; cp = UInt32(c & 0x0F) }
            else if c & 0xF8 == 0xF0 { need = 3; min = 0x10000; cp = UInt32(c & 0x07) }
            else { return (nul ?? firstNUL(buf, from: i, to: end), i) }
            if i + need >= n { return (nul ?? firstNUL(buf, from: i, to: end), i) }
            for k in 1...need {
                let cc = buf[i + k]
                if cc & 0xC0 != 0x80 { return (nul ?? firstNUL(buf, from: i, to: end), i) }
                cp = cp << 6 | UInt32(cc & 0x3F)
            }
            if cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000) { return (nul ?? firstNUL(buf, from: i, to: end), i) }
            i += need + 1
        }
        return (nul, nil)
    }

    private static func firstNUL(_ buf: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        var i = from
        while i < end { if buf[i] == 0 { return i }; i += 1 }
        return nil
    }

    private static func utf16(_ raw: [UInt8], path: String) throws(CopyLintError) -> [UInt8] {
        var bigEndian = false
        var start = 0
        if raw.count >= 2 {
            if raw[0] == 0xFE && raw[1] == 0xFF { bigEndian = true; start = 2 } else if raw[0] == 0xFF && raw[1] == 0xFE { start = 2 }
        }
        if (raw.count - start) % 2 != 0 {
            throw CopyLintError("invalid UTF-16: odd number of bytes (\(raw.count))", path: path)
        }
        var units: [UInt16] = []
        units.reserveCapacity((raw.count - start) / 2)
        var i = start
        while i + 1 < raw.count {
            units.append(bigEndian ? UInt16(raw[i]) << 8 | UInt16(raw[i + 1]) : UInt16(raw[i + 1]) << 8 | UInt16(raw[i]))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 2)
        var k = 0
        while k < units.count {
            let u = UInt32(units[k])
            if u == 0 { throw CopyLintError("NUL character in UTF-16 text at byte offset \(start + 2 * k)", path: path) }
            if u >= 0xD800 && u < 0xDC00 {
                guard k + 1 < units.count, units[k + 1] >= 0xDC00, units[k + 1] < 0xE000 else {
                    throw CopyLintError("invalid UTF-16: unpaired surrogate at byte offset \(start + 2 * k)", path: path)
                }
                UTF8Scalar.encode(0x10000 + ((u - 0xD800) << 10) + (UInt32(units[k + 1]) - 0xDC00), into: &out)
                k += 2
                continue
            }
            if u >= 0xDC00 && u < 0xE000 {
                throw CopyLintError("invalid UTF-16: unpaired surrogate at byte offset \(start + 2 * k)", path: path)
            }
            UTF8Scalar.encode(u, into: &out)
            k += 1
        }
        return out
    }

    /// UTF-8 text (no BOM) in the encoding a file was read in, `raw` being the file as it was read
    /// (UTF-16 keeps its byte order and BOM): what `--fix` writes back to a legacy-encoded file.
    public static func encode(_ text: [UInt8], like raw: [UInt8], encoding: InputEncoding, path: String) throws(CopyLintError) -> [UInt8] {
        let bigEndian = raw.count >= 2 && raw[0] == 0xFE && raw[1] == 0xFF
        let bom = raw.count >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || bigEndian)
        if bom || encoding == .utf16 {
            var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
            for unit in String(decoding: text, as: UTF8.self).utf16 {
                let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
                out += bigEndian ? [hi, lo] : [lo, hi]
            }
            return out
        }
        switch encoding {
        case .utf8, .utf16: return text
        case .gb18030: return try iconv(text, from: "UTF-8", to: "GB18030", path: path)
        case .big5: return try iconv(text, from: "UTF-8", to: "BIG5-HKSCS", path: path)
        }
    }

    private static func iconv(_ raw: [UInt8], from encoding: String, to target: String = "UTF-8", path: String) throws(CopyLintError) -> [UInt8] {
        #if canImport(Glibc)
        let cd = iconv_open(target, encoding)
        if cd == iconv_t(bitPattern: -1) { throw CopyLintError("this system cannot decode \(encoding)", path: path) }
        defer { iconv_close(cd) }
        if raw.isEmpty { return [] }
        var input = raw
        var output = [UInt8](repeating: 0, count: raw.count * 2 + 16)
        var failedAt: Int?
        var produced = 0
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let r = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 { failedAt = inBuf.count - inLeft }
                produced = outBuf.count - outLeft
            }
        }
        if let failedAt {
            throw CopyLintError(target == "UTF-8" ? "invalid \(encoding) byte sequence at byte offset \(failedAt)"
                                : "a character at byte offset \(failedAt) of the fixed text has no form in \(target)", path: path)
        }
        return Array(output[..<produced])
        #else
        throw CopyLintError("this system cannot decode \(encoding)", path: path)
        #endif
    }
}
