import Foundation

/// Maps byte offsets to 1-based lines and columns.
///
/// LF, CRLF and a lone CR each end one line. Line `n` (0-based) spans
/// `lineStarts[n] ..< contentEnds[n]`; its terminator follows.
public struct LineIndex: Sendable {
    /// Byte offsets kept in 32 bits (texts are at most 4 GB): a file of a million short lines has
    /// two of them a line, and their memory is most of what such a file costs.
    public struct Offsets: RandomAccessCollection, Sendable {
        @usableFromInline package let storage: [UInt32]
        public var startIndex: Int { 0 }
        public var endIndex: Int { storage.count }
        @inlinable @inline(__always) public subscript(i: Int) -> Int { Int(storage[i]) }
    }

    public let lineStarts: Offsets
    public let contentEnds: Offsets

    public init(_ bytes: [UInt8]) {
        // Two passes over the bytes, eight at a time where no line break is near: the first counts
        // line breaks so that the arrays are allocated once at their final size. A large file is
        // cut into slices that both passes read on all cores, each slice writing its own part.
        let n = bytes.count
        let slices = ParallelMap.slices(forBytes: n)
        let bounds = (0...slices).map { n * $0 / slices }
        let counts = ParallelMap.run(count: slices) { k in
            bytes.withUnsafeBufferPointer { Self.scanBreaks($0, from: bounds[k], to: bounds[k + 1]) { _ in } }
        }
        var running = [0]
        for c in counts { running.append(running.last! + c) }
        let firsts = running, breaks = running.last!
        var ends: [UInt32] = []
        let starts = [UInt32](unsafeUninitializedCapacity: breaks + 1) { startStore, startCount in
            ends = [UInt32](unsafeUninitializedCapacity: breaks + 1) { endStore, endCount in
                nonisolated(unsafe) let s = startStore, e = endStore
                s[0] = 0
                _ = ParallelMap.run(count: slices) { k in
                    var at = firsts[k]
                    bytes.withUnsafeBufferPointer { buf in
                        _ = Self.scanBreaks(buf, from: bounds[k], to: bounds[k + 1]) { i in
                            // A CR followed by LF is one break (reported at the CR; the LF is skipped).
                            e[at] = UInt32(truncatingIfNeeded: i)
                            s[at + 1] = UInt32(truncatingIfNeeded: buf[i] == 0x0D && i + 1 < buf.count && buf[i + 1] == 0x0A ? i + 2 : i + 1)
                            at += 1
                        }
                    }
                }
                e[breaks] = UInt32(truncatingIfNeeded: n)
                endCount = breaks + 1
            }
            startCount = breaks + 1
        }
        lineStarts = Offsets(storage: starts)
        contentEnds = Offsets(storage: ends)
    }

    /// Calls `found` with the offset of each line break (LF, CR, or the CR of CRLF); returns how many.
    @inline(__always)
    private static func scanBreaks(_ buf: UnsafeBufferPointer<UInt8>, from: Int, to n: Int, _ found: (Int) -> Void) -> Int {
        var count = 0
        var i = from
        // The LF of a CRLF split between two slices belongs to the slice before.
        if i > 0, i < n, buf[i] == 0x0A, buf[i - 1] == 0x0D { i += 1 }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i < n {
            if i + 8 <= n {
                let w = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let lf = w ^ (ones &* 0x0A), cr = w ^ (ones &* 0x0D)
                // A zero byte in either word marks an LF or a CR among these eight bytes.
                if ((lf &- ones) & ~lf & highs) | ((cr &- ones) & ~cr & highs) == 0 { i += 8; continue }
            }
            let b = buf[i]
            if b == 0x0A {
                found(i)
                count += 1
            } else if b == 0x0D {
                found(i)
                count += 1
                if i + 1 < buf.count, buf[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        return count
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

    /// `lineIndex(of:)` for positions asked in order: searched forward from `hint` (the line of the
    /// previous one) by doubling steps, then by halving; anywhere before the hint, from scratch.
    public func lineIndex(of offset: Int, after hint: Int) -> Int {
        let n = lineStarts.count
        guard hint >= 0, hint < n, lineStarts[hint] <= offset else { return lineIndex(of: offset) }
        var lo = hint, step = 1
        // lineStarts[lo] <= offset throughout; find hi with lineStarts[hi] > offset (or the end).
        var hi = lo + step
        while hi < n, lineStarts[hi] <= offset {
            lo = hi
            step *= 2
            hi = lo + step
        }
        hi = min(hi, n) - 1
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
            return scalarCount(bytes, from: from, to: to, astralTwice: false)
        case .utf16:
            return scalarCount(bytes, from: from, to: to, astralTwice: true)
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

    /// Characters in `bytes[from..<to]` (bytes that are not UTF-8 continuation bytes), counted eight
    /// bytes at a time (a finding far along a line without breaks is many megabytes from its start);
    /// with `astralTwice`, a four-byte character counts twice (two UTF-16 units).
    package static func scalarCount(_ bytes: [UInt8], from: Int, to: Int, astralTwice: Bool) -> Int {
        bytes.withUnsafeBufferPointer { b -> Int in
            var n = 0
            var i = from
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= to {
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                // A continuation byte is 10xxxxxx: bit 7 set and bit 6 clear.
                let continuation = w & ~(w << 1) & highs
                n += 8 - continuation.nonzeroBitCount
                // A four-byte lead is 11110xxx: bits 7 to 4 set.
                if astralTwice { n += (w & (w << 1) & (w << 2) & (w << 3) & highs).nonzeroBitCount }
                i += 8
            }
            while i < to {
                let c = b[i]
                if c & 0xC0 != 0x80 { n += astralTwice && c >= 0xF0 ? 2 : 1 }
                i += 1
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
