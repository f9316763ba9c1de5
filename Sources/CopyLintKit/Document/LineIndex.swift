/// Maps byte offsets to 1-based lines and columns.
///
/// LF, CRLF and a lone CR each end one line. Line `n` (0-based) spans
/// `lineStarts[n] ..< contentEnds[n]`; its terminator follows.
public struct LineIndex: Sendable {
    public let lineStarts: [Int]
    public let contentEnds: [Int]

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        var ends: [Int] = []
        starts.reserveCapacity(bytes.count / 40 + 1)
        ends.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b == 0x0A {
                    ends.append(i)
                    starts.append(i + 1)
                } else if b == 0x0D {
                    ends.append(i)
                    if i + 1 < n, buf[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        ends.append(bytes.count)
        lineStarts = starts
        contentEnds = ends
    }

    public var count: Int { lineStarts.count }

    /// 0-based index of the line holding `offset` (an offset in a line terminator belongs to that line).
    public func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    public func lineRange(_ line: Int) -> SourceRange { SourceRange(lineStarts[line], contentEnds[line]) }

    public func position(of offset: Int, in bytes: [UInt8], unit: ColumnUnit) -> Position {
        let line = lineIndex(of: offset)
        let start = lineStarts[line]
        let stop = max(start, min(offset, contentEnds[line]))
        return Position(line: line + 1, column: LineIndex.columns(bytes, from: start, to: stop, unit: unit) + 1)
    }

    /// The number of columns, in `unit`, taken by `bytes[from..<to]`.
    public static func columns(_ bytes: [UInt8], from: Int, to: Int, unit: ColumnUnit) -> Int {
        switch unit {
        case .byte:
            return to - from
        case .char:
            var n = 0
            for i in from..<to where bytes[i] & 0xC0 != 0x80 { n += 1 }
            return n
        case .utf16:
            var n = 0
            for i in from..<to {
                let b = bytes[i]
                if b & 0xC0 != 0x80 { n += b >= 0xF0 ? 2 : 1 }
            }
            return n
        case .display:
            var n = 0
            var i = from
            while i < to {
                let (cp, len) = UTF8Scalar.decode(bytes, at: i)
                if cp == 0x09 { n = (n / 8 + 1) * 8 } else { n += CharacterData.displayWidth(cp) }
                i += len
            }
            return n
        }
    }

    /// The byte offset of a 1-based column on a 0-based line (the inverse of `position`);
    /// columns past the end of the line land on its end.
    public func offset(line: Int, column: Int, in bytes: [UInt8], unit: ColumnUnit) -> Int {
        let start = lineStarts[line], end = contentEnds[line]
        var i = start
        var col = 1
        while i < end {
            if col >= column { return i }
            let length = UTF8Scalar.decode(bytes, at: i).length
            col += LineIndex.columns(bytes, from: i, to: i + length, unit: unit == .display ? .char : unit)
            if unit == .display {
                col = LineIndex.columns(bytes, from: start, to: i + length, unit: .display) + 1
            }
            i += length
        }
        return end
    }
}

/// Minimal, forgiving UTF-8 scalar decoding for hot loops over bytes.
public enum UTF8Scalar {
    /// The scalar at `i` and its length in bytes; an invalid byte decodes as U+FFFD of length 1.
    @inline(__always)
    public static func decode(_ bytes: [UInt8], at i: Int) -> (scalar: UInt32, length: Int) {
        bytes.withUnsafeBufferPointer { decode($0, at: i) }
    }

    @inline(__always)
    public static func decode(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(buf[i])
        if b0 < 0x80 { return (b0, 1) }
        let n = buf.count
        if b0 & 0xE0 == 0xC0, i + 1 < n {
            return ((b0 & 0x1F) << 6 | UInt32(buf[i + 1] & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            return ((b0 & 0x0F) << 12 | UInt32(buf[i + 1] & 0x3F) << 6 | UInt32(buf[i + 2] & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < n {
            return ((b0 & 0x07) << 18 | UInt32(buf[i + 1] & 0x3F) << 12 | UInt32(buf[i + 2] & 0x3F) << 6
                | UInt32(buf[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// Offset of the scalar that starts before `i`.
    @inline(__always)
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
