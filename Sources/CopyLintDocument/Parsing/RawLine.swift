import CopyLintBase

/// One source line, classified before blocks are formed.
struct RawLine {
    enum Kind {
        case blank
        case comment
        case heading(UInt8)
        case text
    }

    // One per line of a file that may have millions: offsets in 32 bits (files up to 4 GB), 24 bytes a line.
    let kind: Kind
    private let start32: UInt32, end32: UInt32, textStart32: UInt32, textEnd32: UInt32, line32: UInt32
    /// The line's number, from 0.
    var line: Int { Int(line32) }
    var start: Int { Int(start32) }
    var end: Int { Int(end32) }
    var textStart: Int { Int(textStart32) }
    var textEnd: Int { Int(textEnd32) }

    init(kind: Kind, line: Int, start: Int, end: Int, textStart: Int, textEnd: Int) {
        self.kind = kind
        line32 = UInt32(truncatingIfNeeded: line)
        start32 = UInt32(truncatingIfNeeded: start)
        end32 = UInt32(truncatingIfNeeded: end)
        textStart32 = UInt32(truncatingIfNeeded: textStart)
        textEnd32 = UInt32(truncatingIfNeeded: textEnd)
    }

    /// The words of a comment line: inside `<!-- … -->`, or after `%%`.
    static func commentText(_ buf: UnsafeBufferPointer<UInt8>, _ raw: RawLine) -> String {
        let s = raw.textStart, e = raw.textEnd
        let inner = buf[s] == 0x25 ? s + 2..<e : s + 4..<e - 3
        return String(decoding: UnsafeBufferPointer(rebasing: buf[inner]), as: UTF8.self).trimmingSpaces()
    }

    static func classify(_ buf: UnsafeBufferPointer<UInt8>, line: Int, start: Int, end: Int) -> RawLine {
        var s = start
        // Leading white space: ASCII space/tab, U+3000 (E3 80 80), U+00A0 (C2 A0).
        while s < end {
            if buf[s] == 0x20 || buf[s] == 0x09 { s += 1; continue }
            if s + 2 < end, buf[s] == 0xE3, buf[s + 1] == 0x80, buf[s + 2] == 0x80 { s += 3; continue }
            if buf[s] == 0xC2, s + 1 < end, buf[s + 1] == 0xA0 { s += 2; continue }
            break
        }
        var e = end
        while e > s {
            if buf[e - 1] == 0x20 || buf[e - 1] == 0x09 { e -= 1; continue }
            if e - 3 >= s, buf[e - 3] == 0xE3, buf[e - 2] == 0x80, buf[e - 1] == 0x80 { e -= 3; continue }
            if e - 2 >= s, buf[e - 2] == 0xC2, buf[e - 1] == 0xA0 { e -= 2; continue }
            break
        }
        if s == e { return RawLine(kind: .blank, line: line, start: start, end: end, textStart: s, textEnd: s) }
        // <!-- … --> on a line of its own
        if e - s >= 7, buf[s] == 0x3C, buf[s + 1] == 0x21, buf[s + 2] == 0x2D, buf[s + 3] == 0x2D,
           buf[e - 1] == 0x3E, buf[e - 2] == 0x2D, buf[e - 3] == 0x2D {
            return RawLine(kind: .comment, line: line, start: start, end: end, textStart: s, textEnd: e)
        }
        // %% directive line for plain copy
        if e - s >= 2, buf[s] == 0x25, buf[s + 1] == 0x25 {
            return RawLine(kind: .comment, line: line, start: start, end: end, textStart: s, textEnd: e)
        }
        // ATX heading: 1-6 '#' then a space (or the end of the line).
        if buf[s] == 0x23, s == start {
            var h = s
            while h < e, buf[h] == 0x23 { h += 1 }
            let level = h - s
            // `###` alone is a wire service's end mark, not an empty heading.
            if level <= 6, h == e ? level < 3 : (buf[h] == 0x20 || buf[h] == 0x09) {
                var t = h
                while t < e, buf[t] == 0x20 || buf[t] == 0x09 { t += 1 }
                // Closing #s are part of the markup.
                var te = e
                while te > t, buf[te - 1] == 0x23 { te -= 1 }
                while te > t, buf[te - 1] == 0x20 { te -= 1 }
                return RawLine(kind: .heading(UInt8(level)), line: line, start: start, end: end, textStart: t, textEnd: te)
            }
        }
        return RawLine(kind: .text, line: line, start: start, end: end, textStart: s, textEnd: e)
    }
}
