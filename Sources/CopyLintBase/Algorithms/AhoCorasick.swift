/// Finds every occurrence of many literal patterns in one pass over UTF-8 bytes
/// (Aho–Corasick automaton with a dense byte-transition table, built once per rule).
public final class AhoCorasick: Sendable {
    public struct Match: Sendable {
        // A large file has hundreds of thousands of matches: 12 bytes each (offsets below 4 GB).
        private let pattern32: Int32, start32: UInt32, end32: UInt32
        public var pattern: Int { Int(pattern32) }
        public var start: Int { Int(start32) }
        public var end: Int { Int(end32) }

        public init(pattern: Int, start: Int, end: Int) {
            pattern32 = Int32(truncatingIfNeeded: pattern)
            start32 = UInt32(truncatingIfNeeded: start)
            end32 = UInt32(truncatingIfNeeded: end)
        }
    }

    private let transitions: [Int32]       // state * 256 + byte -> next state
    // Patterns ending at a state (suffix links included), flattened: state s owns
    // outputPatterns[outputStart[s] ..< outputStart[s + 1]].
    private let outputStart: [Int32]
    private let outputPatterns: [Int32]
    private let lengths: [Int]
    /// Bytes that leave the root: in the root state every other byte is skipped without a lookup.
    private let startsPattern: [Bool]
    /// The first scalars of the patterns (below U+10000), one bit each: in the root state a character
    /// that starts no pattern is skipped whole, without walking its bytes through the table.
    private let firstScalars: [UInt64]
    /// Every pattern starts with an ASCII character: eight bytes that are all non-ASCII are skipped at once.
    private let asciiStarts: Bool
    /// The first two bytes of the patterns longer than one byte (a bit per byte pair), and the bytes that
    /// are whole patterns: in the root state an ASCII byte that is neither, or whose next byte does
    /// not continue any pattern, is passed over without entering the automaton (English copy is full
    /// of letters that start a pattern only with the right letter after them).
    private let pairStarts: [UInt64]
    private let wholeBytes: [Bool]
    public let ignoreASCIICase: Bool
    /// The longest pattern, in bytes.
    public var maxLength: Int { lengths.max() ?? 0 }

    public init(_ patterns: [[UInt8]], ignoreASCIICase: Bool = false) {
        self.ignoreASCIICase = ignoreASCIICase
        var goto: [[Int32]] = [[Int32](repeating: -1, count: 256)]
        var out: [[Int]] = [[]]
        for (index, raw) in patterns.enumerated() {
            var state = 0
            for b in raw {
                let c = Int(ignoreASCIICase ? AhoCorasick.fold(b) : b)
                if goto[state][c] < 0 {
                    goto.append([Int32](repeating: -1, count: 256))
                    out.append([])
                    goto[state][c] = Int32(goto.count - 1)
                }
                state = Int(goto[state][c])
            }
            if !raw.isEmpty { out[state].append(index) }
        }
        // Breadth-first: failure links, and a complete transition table.
        var fail = [Int](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<256 {
            if goto[0][c] < 0 { goto[0][c] = 0 } else {
                let s = Int(goto[0][c])
                fail[s] = 0
                queue.append(s)
            }
        }
        var head = 0
        while head < queue.count {
            let r = queue[head]
            head += 1
            out[r].append(contentsOf: out[fail[r]])
            for c in 0..<256 {
                let s = goto[r][c]
                if s < 0 {
                    goto[r][c] = goto[fail[r]][c]
                } else {
                    fail[Int(s)] = Int(goto[fail[r]][c])
                    queue.append(Int(s))
                }
            }
        }
        startsPattern = (0..<256).map { goto[0][$0] != 0 }
        var first = [UInt64](repeating: 0, count: 1024)
        for raw in patterns where !raw.isEmpty {
            let cp = raw.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: 0).scalar }
            var forms = [cp]
            if ignoreASCIICase, cp < 0x80 { forms = [UInt32(AhoCorasick.fold(UInt8(cp))), cp] }
            if ignoreASCIICase, cp >= 0x41, cp <= 0x5A || (cp >= 0x61 && cp <= 0x7A) { forms += [cp ^ 0x20] }
            for f in forms where f < 0x10000 { first[Int(f >> 6)] |= 1 << (f & 63) }
        }
        firstScalars = first
        asciiStarts = patterns.allSatisfy { ($0.first ?? 0) < 0x80 }
        var pairs = [UInt64](repeating: 0, count: 1024)
        var whole = [Bool](repeating: false, count: 256)
        for raw in patterns where !raw.isEmpty {
            let a = Int(ignoreASCIICase ? AhoCorasick.fold(raw[0]) : raw[0])
            guard raw.count > 1 else { whole[a] = true; continue }
            let b = Int(ignoreASCIICase ? AhoCorasick.fold(raw[1]) : raw[1])
            pairs[(a << 8 | b) >> 6] |= 1 << UInt64((a << 8 | b) & 63)
        }
        pairStarts = pairs
        wholeBytes = whole
        transitions = goto.flatMap { $0 }
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for o in out {
            flat.append(contentsOf: o.map(Int32.init))
            starts.append(Int32(flat.count))
        }
        outputStart = starts
        outputPatterns = flat
        lengths = patterns.map(\.count)
    }

    @inlinable @inline(__always)
    package static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Every match in `bytes[range]`, overlapping ones included, ordered by end.
    public func matches(in bytes: [UInt8], range: SourceRange) -> [Match] {
        var found: [Match] = []
        appendMatches(in: bytes, range: range, to: &found)
        return found
    }

    /// The same matches, appended to `found` (a buffer the caller keeps from block to block).
    public func appendMatches(in bytes: [UInt8], range: SourceRange, to found: inout [Match]) {
        bytes.withUnsafeBufferPointer { buf in
            if ignoreASCIICase {
                scan(buf, range, into: &found) { AhoCorasick.fold($0) }
            } else {
                scan(buf, range, into: &found) { $0 }
            }
        }
    }

    /// The automaton's walk. In the root state, bytes that start no pattern are skipped by a
    /// tight loop over one 256-entry table (most bytes of most copy start none).
    @inline(__always)
    private func scan(_ buf: UnsafeBufferPointer<UInt8>, _ range: SourceRange, into found: inout [Match],
                      _ map: (UInt8) -> UInt8) {
        transitions.withUnsafeBufferPointer { table in
            outputStart.withUnsafeBufferPointer { starts in
                startsPattern.withUnsafeBufferPointer { leaves in
                    outputPatterns.withUnsafeBufferPointer { outputs in
                      firstScalars.withUnsafeBufferPointer { first in
                        lengths.withUnsafeBufferPointer { lengths in
                          pairStarts.withUnsafeBufferPointer { pairs in
                            wholeBytes.withUnsafeBufferPointer { whole in
                            let end = min(range.end, buf.count)
                            let ascii = asciiStarts
                            // A pattern can start at `i` (an ASCII byte that starts one): the byte is a
                            // whole pattern, or it and the next begin one.
                            @inline(__always) func mayStart(_ i: Int) -> Bool {
                                let a = Int(map(buf[i]))
                                if whole[a] { return true }
                                guard i + 1 < end else { return false }
                                let p = a << 8 | Int(map(buf[i + 1]))
                                return pairs[p >> 6] & (1 << UInt64(p & 63)) != 0
                            }
                            var state = 0
                            var i = max(0, range.start)
                            while i < end {
                                if state == 0 {
                                    // Skip to the next character that starts a pattern.
                                    if ascii {
                                        // Only ASCII bytes can start a pattern: jump from one to the next,
                                        // eight bytes at a time through non-ASCII text.
                                        while i < end {
                                            if i + 8 <= end {
                                                let w = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
                                                let asciiBytes = ~w & 0x8080_8080_8080_8080
                                                if asciiBytes == 0 { i += 8; continue }
                                                i += asciiBytes.trailingZeroBitCount >> 3
                                            } else if buf[i] >= 0x80 {
                                                i += 1
                                                continue
                                            }
                                            if leaves[Int(map(buf[i]))], mayStart(i) { break }
                                            i += 1
                                        }
                                    }
                                    while !ascii, i < end {
                                        // Two three-byte characters (Chinese) at a time, from one eight-byte read.
                                        if i + 8 <= end {
                                            if case let (a, c)? = UTF8Scalar.twoThreeByte(buf, at: i) {
                                                if first[Int(a >> 6)] & (1 << (a & 63)) != 0 { break }
                                                if first[Int(c >> 6)] & (1 << (c & 63)) != 0 { i += 3; break }
                                                i += 6
                                                continue
                                            }
                                        }
                                        let b = buf[i]
                                        if b < 0x80 {
                                            if leaves[Int(map(b))], mayStart(i) { break }
                                            i += 1
                                        } else if b < 0xC0 {
                                            i += 1          // a continuation byte starts nothing
                                        } else if b < 0xF0, b >= 0xE0, i + 2 < end {
                                            // Three bytes (all of Chinese): decoded in place.
                                            let cp = UTF8Scalar.decode3(buf, at: i)
                                            if first[Int(cp >> 6)] & (1 << (cp & 63)) != 0 { break }
                                            i += 3
                                        } else {
                                            let (cp, len) = UTF8Scalar.decode(buf, at: i)
                                            // Four-byte characters are left to the table.
                                            if cp >= 0x10000 || first[Int(cp >> 6)] & (1 << (cp & 63)) != 0 { break }
                                            i += len
                                        }
                                    }
                                    if i == end { break }
                                }
                                state = Int(table[state << 8 | Int(map(buf[i]))])
                                i += 1
                                let lo = Int(starts[state]), hi = Int(starts[state + 1])
                                if lo == hi { continue }
                                for k in lo..<hi {
                                    let p = Int(outputs[k])
                                    found.append(Match(pattern: p, start: i - lengths[p], end: i))
                                }
                            }
                            }
                          }
                        }
                      }
                    }
                }
            }
        }
    }

    /// Leftmost-longest matches that do not overlap.
    public func nonOverlappingMatches(in bytes: [UInt8], range: SourceRange) -> [Match] {
        Self.leftmostLongest(matches(in: bytes, range: range), from: range.start)
    }

    /// Of all matches (overlapping ones included), the leftmost-longest that do not overlap.
    public static func leftmostLongest(_ matches: [Match], from start: Int) -> [Match] {
        let all = matches.sorted { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var out: [Match] = []
        var cursor = start
        for m in all where m.start >= cursor {
            out.append(m)
            cursor = m.end
        }
        return out
    }
}
