import CopyLintBase
import CopyLintDocument

/// Shared vocabulary between a heading and copy: Chinese character pairs, English content words.
enum Affinity {
    static let stopwords: Set<String> = ["the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from",
                                         "and", "or", "but", "is", "are", "was", "were", "be", "been", "has", "have",
                                         "had", "it", "its", "this", "that", "as", "he", "she", "they", "we", "said",
                                         "says", "will", "would", "could", "out", "over", "after", "up", "new", "not"]

    static func features(_ text: [Unicode.Scalar]) -> Set<UInt64> {
        var out = Set<UInt64>()
        var t = text
        // A column tag at the end of a headline is not part of its meaning: 标题（人民时评）.
        if let last = t.last, last == "）" || last == ")", let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 0 {
            t = Array(t[..<open])
        }
        var han = 0
        for k in t.indices where CharClass.isHan(t[k].value) {
            han += 1
            if k + 1 < t.count, CharClass.isHan(t[k + 1].value) { out.insert(UInt64(t[k].value) << 32 | UInt64(t[k + 1].value)) }
        }
        if han >= 2 { return out }
        var word = ""
        func flush() {
            var w = word.lowercased()
            if w.count > 3, w.hasSuffix("s") { w.removeLast() }
            if w.count > 2, !stopwords.contains(w) {
                let bytes = Array(w.utf8)
                out.insert(wordKey(bytes.withUnsafeBufferPointer { hashWord($0, 0, bytes.count) }, first: bytes[0], length: bytes.count))
            }
            word = ""
        }
        for s in t {
            if isAlphabetic(s) { word.unicodeScalars.append(s) } else { flush() }
        }
        flush()
        return out
    }

    /// Unicode's Alphabetic property, without the property lookup for ASCII (letters only) and the
    /// CJK Unified Ideographs and Extension A (all letters), the characters of nearly all copy.
    @inline(__always)
    static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        let c = s.value
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        if (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) { return true }
        return s.properties.isAlphabetic
    }

    /// The share of `own` (a heading's features) found in the text of `ranges`, by one pass over
    /// the bytes: no feature set is built for the body. The pass stops as soon as the share is
    /// above `limit` (the answer is then only known to be above it).
    static func share(of own: Set<UInt64>, in bytes: [UInt8], ranges: [SourceRange], stoppingAbove limit: Double = 1) -> Double {
        guard !own.isEmpty else { return 1 }
        // Above the limit once this many features are found (the same division the caller makes).
        let enough = (0...own.count).first { Double($0) / Double(own.count) > limit } ?? own.count + 1
        var found = Set<UInt64>()
        let english = own.allSatisfy { $0 >> 63 == 1 }
        bytes.withUnsafeBufferPointer { buf in
            if english {
                scanWords(buf, ranges: ranges, own: own, found: &found, enough: enough)
            } else {
                scanPairs(buf, ranges: ranges, own: own, found: &found, enough: enough)
            }
        }
        return Double(found.count) / Double(own.count)
    }

    /// Chinese: the heading's character pairs in the text. A pair in `own` is two Han characters, so
    /// any two neighbouring characters can be tested without asking their script; two 4,096-bit filters
    /// (first and second characters of the pairs, by their low 12 bits) leave few pairs to look up.
    private static func scanPairs(_ buf: UnsafeBufferPointer<UInt8>, ranges: [SourceRange], own: Set<UInt64>,
                                  found: inout Set<UInt64>, enough: Int) {
        var filters = [UInt64](repeating: 0, count: 128)   // 64 words of first characters, then 64 of second
        for key in own {
            let a = UInt32(truncatingIfNeeded: key >> 32) & 0xFFF, b = UInt32(truncatingIfNeeded: key) & 0xFFF
            filters[Int(a >> 6)] |= 1 << UInt64(a & 63)
            filters[64 + Int(b >> 6)] |= 1 << UInt64(b & 63)
        }
        filters.withUnsafeBufferPointer { f in
            for r in ranges {
                if found.count >= enough { return }
                var i = r.start
                var previous: UInt32 = 0
                var previousMayStart = false
                while i < r.end {
                    if buf[i] < 0x80 {
                        previousMayStart = false
                        i += 1
                        continue
                    }
                    let (c, len) = UTF8Scalar.decode(buf, at: i)
                    i += len
                    let low = c & 0xFFF
                    if previousMayStart, f[64 + Int(low >> 6)] & (1 << UInt64(low & 63)) != 0 {
                        let key = UInt64(previous) << 32 | UInt64(c)
                        if own.contains(key) {
                            found.insert(key)
                            if found.count >= enough { return }
                        }
                    }
                    previous = c
                    previousMayStart = f[Int(low >> 6)] & (1 << UInt64(low & 63)) != 0
                }
            }
        }
    }

    /// An English word's key: the top bit set, then the word's first byte and its length in bytes (up to
    /// 127), then 48 bits of its FNV-1a hash. The scan below reads first byte and length before it
    /// hashes, and hashes only the words whose first byte and length some heading word has.
    @inline(__always)
    static func wordKey(_ hash: UInt64, first: UInt8, length: Int) -> UInt64 {
        1 << 63 | UInt64(first) << 55 | UInt64(min(length, 127)) << 48 | hash & 0xFFFF_FFFF_FFFF
    }

    /// FNV-1a of a word's bytes, ASCII letters lower-cased (other bytes, of letters outside ASCII, as they are).
    @inline(__always)
    static func hashWord(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in start..<(start + length) {
            let b = buf[k]
            h = (h ^ UInt64(b < 0x80 ? b | 0x20 : b)) &* 0x100_0000_01B3
        }
        return h
    }

    /// English: the heading's content words (lower-cased, a plural s dropped, keyed as `features` does).
    private static func scanWords(_ buf: UnsafeBufferPointer<UInt8>, ranges: [SourceRange], own: Set<UInt64>,
                                  found: inout Set<UInt64>, enough: Int) {
        // First bytes and lengths of the heading's words, a bit each.
        var firsts: UInt64 = 0, lengths: UInt64 = 0
        for key in own {
            firsts |= 1 << (key >> 55 & 63)
            lengths |= 1 << min(key >> 48 & 127, 63)
        }
        for r in ranges {
            if found.count >= enough { break }
            var i = r.start
            var start = 0, length = 0
            var last: UInt8 = 0
            while i <= r.end {
                var letterLength = 0
                if i < r.end {
                    let b = buf[i]
                    if b < 0x80 {
                        if CharClass.isASCIILetter(UInt32(b)) { letterLength = 1 }
                    } else {
                        let (c, len) = UTF8Scalar.decode(buf, at: i)
                        if CharClass.isAlphabetic(c) { letterLength = len } else { i += len - 1 }
                    }
                }
                if letterLength > 0 {
                    if length == 0 { start = i }
                    length += letterLength
                    i += letterLength
                    last = buf[i - 1] < 0x80 ? buf[i - 1] | 0x20 : buf[i - 1]
                    continue
                }
                i += 1
                guard length > 0 else { continue }
                // The end of a word: a plural s dropped, then too short, or no heading word like it.
                let counted = length > 3 && last == 0x73 ? length - 1 : length
                length = 0
                guard counted > 2 else { continue }
                let first = buf[start] < 0x80 ? buf[start] | 0x20 : buf[start]
                guard firsts & 1 << UInt64(first & 63) != 0, lengths & 1 << UInt64(min(counted, 63)) != 0 else { continue }
                let key = wordKey(hashWord(buf, start, counted), first: first, length: counted)
                if own.contains(key) { found.insert(key) }
            }
        }
    }

    /// 标题（人民时评）: a newspaper column tag closing the line.
    static func hasColumnTag(_ t: [Unicode.Scalar]) -> Bool {
        guard let last = t.last, last == "）" || last == ")", let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return false }
        let inside = t.count - open - 2
        return open > 2 && inside >= 2 && inside <= 12
    }
}
