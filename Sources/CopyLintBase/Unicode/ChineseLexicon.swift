import Foundation

/// A Chinese word list with frequencies (from Debian's python3-jieba), used to tell
/// whether a break in the text falls inside a word.
public enum ChineseLexicon {
    package struct Table {
        package let keys: [UInt64]
        package let scores: [UInt8]
        /// Mixed key -> index into `keys`: a lookup reads one or two slots instead of searching
        /// 60,000 sorted keys (`HashIndex.mix` keeps different keys different).
        package let index: HashIndex
        /// Two bits per word in 2^20 (128 KB, held in the cache): most strings a segmentation tries
        /// are not words, and this says so (wrongly about 1% of the time) without reading the index.
        package let filter: [UInt64]

        package init(keys: [UInt64], scores: [UInt8]) {
            self.keys = keys
            self.scores = scores
            var index = HashIndex(expected: keys.count)
            var filter = [UInt64](repeating: 0, count: 1 << 14)
            for (i, key) in keys.enumerated() {
                let mixed = HashIndex.mix(key)
                _ = index.insert(mixed, Int32(i))
                let (a, b) = Self.filterBits(mixed)
                filter[a >> 6] |= 1 << UInt64(a & 63)
                filter[b >> 6] |= 1 << UInt64(b & 63)
            }
            self.index = index
            self.filter = filter
        }

        @inlinable @inline(__always)
        package static func filterBits(_ mixed: UInt64) -> (Int, Int) {
            (Int(truncatingIfNeeded: mixed >> 20) & 0xFFFFF, Int(truncatingIfNeeded: mixed >> 40) & 0xFFFFF)
        }

        @inlinable @inline(__always)
        package func mayHold(_ mixed: UInt64) -> Bool {
            let (a, b) = Self.filterBits(mixed)
            return filter[a >> 6] & (1 << UInt64(a & 63)) != 0 && filter[b >> 6] & (1 << UInt64(b & 63)) != 0
        }
    }

    package static let table: Table = {
        let bytes = decodeBase64(ChineseLexiconData.records)
        let n = bytes.count / 9
        var keys = [UInt64](repeating: 0, count: n)
        var scores = [UInt8](repeating: 0, count: n)
        for i in 0..<n {
            var k: UInt64 = 0
            for b in 0..<8 { k = k << 8 | UInt64(bytes[i * 9 + b]) }
            keys[i] = k
            scores[i] = bytes[i * 9 + 8]
        }
        return Table(keys: keys, scores: scores)
    }()

    /// The bytes of base64 `text`, characters outside the alphabet (line breaks) skipped, read from
    /// the literal's own storage in one pass (every process that lints Chinese builds the table, and
    /// Foundation's decoder took most of that time).
    package static func decodeBase64(_ text: String) -> [UInt8] {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { values[Int(c)] = UInt8(i) }
        var text = text
        return text.withUTF8 { chars in
            // Three bytes for every four characters at most, written in place (appending byte by byte
            // cost most of the decoding).
            [UInt8](unsafeUninitializedCapacity: chars.count / 4 * 3 + 3) { out, written in
                var n = 0
                var bits: UInt32 = 0, held = 0
                values.withUnsafeBufferPointer { values in
                    for c in chars {
                        let v = values[Int(c)]
                        if v == 0xFF {
                            if c == 0x3D { break }   // '=': padding, the end
                            continue
                        }
                        bits = bits << 6 | UInt32(v)
                        held += 1
                        if held == 4 {
                            out[n] = UInt8(truncatingIfNeeded: bits >> 16)
                            out[n + 1] = UInt8(truncatingIfNeeded: bits >> 8)
                            out[n + 2] = UInt8(truncatingIfNeeded: bits)
                            n += 3
                            bits = 0
                            held = 0
                        }
                    }
                }
                // After padding: two characters hold one byte, three hold two.
                if held == 2 { out[n] = UInt8(truncatingIfNeeded: bits >> 4); n += 1 }
                if held == 3 {
                    out[n] = UInt8(truncatingIfNeeded: bits >> 10)
                    out[n + 1] = UInt8(truncatingIfNeeded: bits >> 2)
                    n += 2
                }
                written = n
            }
        }
    }

    /// Natural-log probability of a word, or nil when it is not in the list.
    public static func logProbability<C: Collection>(_ word: C) -> Double? where C.Element == UInt32 {
        guard (1...4).contains(word.count) else { return nil }
        var key: UInt64 = 0
        for c in word {
            guard c >= 0x3000, c <= 0xFFFF else { return nil }
            key = key << 16 | UInt64(c)
        }
        key <<= UInt64(16 * (4 - word.count))
        let mixed = HashIndex.mix(key)
        guard table.mayHold(mixed) else { return nil }
        let i = table.index.find(mixed)
        guard i >= 0 else { return nil }
        return Double(table.scores[Int(i)]) / 10 - 25.5
    }

    public static func contains(_ word: String) -> Bool { logProbability(word.unicodeScalars.map(\.value)) != nil }

    /// Probability given to a character the list does not know.
    package static let unknown = -19.0

    /// Best segmentation score of `s`, optionally forced to have a word boundary at `cut`.
    package static func bestScore(_ s: [UInt32], boundary cut: Int?) -> Double {
        var best = [Double](repeating: -.infinity, count: s.count + 1)
        best[0] = 0
        for i in 1...s.count {
            for len in 1...min(4, i) {
                let j = i - len
                if let cut, j < cut, cut < i { continue }
                guard best[j] > -.infinity else { continue }
                let p = logProbability(s[j..<i]) ?? (len == 1 ? unknown : -.infinity)
                if p > -.infinity { best[i] = max(best[i], best[j] + p) }
            }
        }
        return best[s.count]
    }

    /// How much more likely the text reads with a word across the join of `left` and `right`
    /// than with a word boundary there (natural log; > 3 means the break cuts a word).
    public static func breakInsideWordGain(left: [UInt32], right: [UInt32]) -> Double {
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        let s = left + right
        return bestScore(s, boundary: nil) - bestScore(s, boundary: left.count)
    }

    /// `s` reads with its last character closing a word within `margin` (natural log: 5 is a factor
    /// of about 150) of the best reading that leaves it alone (体育场地: 体育|场地 is three nats
    /// behind 体育场|地). The word list drops rare compounds (体育场地 itself), so a closing reading
    /// that far behind is still a likely one.
    public static func mayCloseWord(_ s: [UInt32], margin: Double = 5) -> Bool {
        guard s.count >= 2 else { return false }
        let alone = bestScore(s, boundary: s.count - 1)
        var closing = -Double.infinity
        for len in 2...min(4, s.count) {
            guard let p = logProbability(s[(s.count - len)...]) else { continue }
            let rest = s.count - len == 0 ? 0 : bestScore(Array(s[..<(s.count - len)]), boundary: nil)
            closing = max(closing, rest + p)
        }
        return closing > alone - margin
    }

    /// The word that spans the join, if the best segmentation has one.
    public static func wordAcross(left: [UInt32], right: [UInt32]) -> String? {
        let s = left + right
        let cut = left.count
        for len in stride(from: min(4, s.count), through: 2, by: -1) {
            for j in max(0, cut - len + 1)...min(cut - 1, s.count - len) where j + len > cut {
                if logProbability(s[j..<(j + len)]) != nil {
                    return String(String.UnicodeScalarView(s[j..<(j + len)].compactMap(Unicode.Scalar.init)))
                }
            }
        }
        return nil
    }
}

extension ChineseLexicon {
    /// Share of a character's uses that close a word (alone or word-final) rather than open one.
    /// Low values (基 0.13, 医 0.14) mark characters that rarely end a word.
    public static func closingShare(_ c: UInt32) -> Double {
        let (alone, start, end) = charStats(c)
        return (alone + end) / (alone + end + start + 1e-12)
    }

    /// Share of a character's uses as a word of its own. Low values (医 0.03, 基 0.05) mark
    /// characters that nearly always belong to a longer word.
    public static func aloneShare(_ c: UInt32) -> Double {
        let (alone, start, end) = charStats(c)
        return alone / (alone + start + end + 1e-12)
    }

    private static let stats: [UInt32: (Double, Double, Double)] = {
        var out: [UInt32: (Double, Double, Double)] = [:]
        let t = table
        for (i, key) in t.keys.enumerated() {
            let p = exp(Double(t.scores[i]) / 10 - 25.5)
            let c1 = UInt32(key >> 48), c2 = UInt32(key >> 32 & 0xFFFF), c3 = UInt32(key >> 16 & 0xFFFF), c4 = UInt32(key & 0xFFFF)
            let last = c4 != 0 ? c4 : c3 != 0 ? c3 : c2
            if c2 == 0 {
                out[c1, default: (0, 0, 0)].0 += p
            } else {
                out[c1, default: (0, 0, 0)].1 += p
                out[last, default: (0, 0, 0)].2 += p
            }
        }
        return out
    }()

    package static func charStats(_ c: UInt32) -> (alone: Double, start: Double, end: Double) {
        let s = stats[c] ?? (0, 0, 0)
        return (s.0, s.1, s.2)
    }

    /// Best segmentation of `s` as tokens (start, length).
    package static func segment(_ s: [UInt32]) -> [(start: Int, length: Int)] {
        guard !s.isEmpty else { return [] }
        var best = [Double](repeating: -.infinity, count: s.count + 1)
        var back = [Int](repeating: 0, count: s.count + 1)
        best[0] = 0
        for i in 1...s.count {
            for len in 1...min(4, i) {
                let j = i - len
                guard best[j] > -.infinity else { continue }
                let p = logProbability(s[j..<i]) ?? (len == 1 ? unknown : -.infinity)
                if p > -.infinity, best[j] + p > best[i] {
                    best[i] = best[j] + p
                    back[i] = j
                }
            }
        }
        // (Collected last to first and turned round in place: a reversed copy of unlabelled pairs
        // cast element by element to the labelled type cost more than the segmentation.)
        var tokens: [(start: Int, length: Int)] = []
        var i = s.count
        while i > 0 {
            tokens.append((back[i], i - back[i]))
            i = back[i]
        }
        tokens.reverse()
        return tokens
    }
}
