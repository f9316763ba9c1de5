import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Doubled Han characters: where the bytes show one, and whether it is a slip (低低五度) or reads
/// naturally (常常, 共和国|国徽, 一棵棵, 干干净净).
enum DoubledCharacters {
    /// Characters read either side of a doubled one: the checks below look at most five away.
    static let context = 6

    /// The doubled character whose second half is scalar `i` of `t` (the same character as `i - 1`,
    /// and Han), unless the doubling is a natural one.
    static func finding(_ t: ScalarText, at i: Int, _ scan: PackScan, _ index: Index) -> Finding? {
        let s = t.scalars
        // AABB (干干净净, 三三两两) and ABB (绿油油) forms are reduplication, not a slip.
        let pairBefore = i >= 3 && s[i - 2] == s[i - 3] && CharClass.isHan(s[i - 2])
        let pairAfter = i + 2 < s.count && s[i + 1] == s[i + 2] && CharClass.isHan(s[i + 1])
        if pairBefore || pairAfter { return nil }
        if i + 1 < s.count, s[i + 1] == s[i] { return nil }   // three in a row: quoted sounds, 哈哈哈
        let doubled = t.string(i - 1, i + 1)
        if scan.matcher.exceptionSet.contains(doubled) { return nil }
        if scan.spec.allowLexiconWords, isNatural(s, at: i) || reduplicates(s, at: i) { return nil }
        if recursElsewhere(t, at: i, scan.bytes, index) { return nil }
        return Finding(range: t.range(i - 1, i + 1), message: scan.matcher.message(["match": doubled]),
                       fix: Fix(title: "delete the second '\(t.string(i, i + 1))'",
                                edits: [TextEdit(range: t.range(i, i + 1), replacement: "")], applicability: scan.spec.fixSafety))
    }

    /// The byte offsets of every doubled Han character in `r` (two identical characters in a row), in
    /// order. Six starting places are tested at once for three-byte characters (all of common Chinese):
    /// a byte equal to the one three places on is a zero byte of the XOR, and a doubling needs three
    /// such bytes in a row (the test may say yes wrongly, never no wrongly; a yes is settled byte by
    /// byte). A lead byte is never a continuation byte, so a match at any offset starts a character.
    /// Four-byte characters (𠮷) are looked for only where the same words show one.
    static func offsets(_ bytes: [UInt8], _ r: SourceRange) -> [Int] {
        var found: [Int] = []
        var fourByte = false
        bytes.withUnsafeBufferPointer { b in
            @inline(__always) func check(_ k: Int) {
                let lead = b[k]
                if lead >= 0xE0 && lead < 0xF0, b[k + 3] == lead, b[k + 4] == b[k + 1], b[k + 5] == b[k + 2],
                   CharClass.isHan(UTF8Scalar.decode3(b, at: k)) {
                    found.append(k)
                }
            }
            var i = r.start
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let nibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
            while i + 11 <= r.end {
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let x = w ^ UnsafeRawPointer(b.baseAddress! + i + 3).loadUnaligned(as: UInt64.self)
                let zero = (x &- ones) & ~x & highs
                if zero & (zero >> 8) & (zero >> 16) != 0 {
                    for k in i..<(i + 6) { check(k) }
                }
                // A byte F0–FF (a four-byte lead) is a zero byte of (w & F0…) ^ F0….
                let f = (w & nibbles) ^ nibbles
                if (f &- ones) & ~f & highs != 0 { fourByte = true }
                i += 6
            }
            while i + 6 <= r.end {
                check(i)
                i += 1
            }
            guard fourByte || (max(r.start, r.end - 11)..<r.end).contains(where: { b[$0] >= 0xF0 }) else { return }
            var k = r.start
            var astral: [Int] = []
            while k + 8 <= r.end {
                if b[k] >= 0xF0, b[k + 4] == b[k], b[k + 5] == b[k + 1], b[k + 6] == b[k + 2], b[k + 7] == b[k + 3],
                   CharClass.isHan(UTF8Scalar.decode(b, at: k).scalar) {
                    astral.append(k)
                }
                k += 1
            }
            if !astral.isEmpty { found = (found + astral).sorted() }
        }
        return found
    }

    /// A reduplication the grammar allows, told by the character's word class (jieba's part-of-speech HMM, scripts/
    /// gen-zh-chars.py): a verb tried out (瞅瞅, 买买菜), an adjective's vivid form (凉凉的, 直直), a
    /// measure word or numeral distributed (座座军营, 岁岁), a sound (呦呦, 啾啾), a noun doubled at a
    /// clause's head (瓣瓣不同), a given name doubled after a surname (罗珊珊, 颜飞飞), a short name in
    /// quotes (“钉钉”, “奇集集”). A slip is a function word doubled (的的, 在在) or a content word doubled
    /// right before a figure (低低五度; 一 is the exception: 憨憨一笑).
    static func reduplicates(_ s: [UInt32], at i: Int) -> Bool {
        let c = s[i]
        let before: UInt32 = i >= 2 ? s[i - 2] : 0
        let next: UInt32 = i + 1 < s.count ? s[i + 1] : 0
        // A given name after a surname, where surname and character make no word (经济 is no name).
        if before != 0, ChineseChars.isSurname(before), ChineseLexicon.logProbability([before, c]) == nil {
            return true
        }
        if insideShortQuote(s, at: i) { return true }
        let figureAfter = CharClass.isDigit(next) || (ChineseChars.wordClass(next) == .numeral && next != 0x4E00)
        switch ChineseChars.wordClass(c) {
        case .verb: return !copulas.contains(c) && !figureAfter
        case .adjective: return !figureAfter
        case .measure, .numeral, .sound, .modal: return true
        case .noun: return (before == 0 || !CharClass.isHan(before)) && !figureAfter
        default: return false
        }
    }

    /// Every doubled Han character of a file, by character: where the file's bytes show one (the
    /// offset of its first half). Built the first time a doubling is tested for recurring, by one pass
    /// of `offsets` over the file, so that each test reads only the other doublings of its character,
    /// not the file: a page of fragments with thousands of doublings costs one pass, not thousands.
    final class Index {
        private let bytes: [UInt8]
        private var byCharacter: [UInt32: [Int]]?

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func places(of c: UInt32) -> [Int] {
            if byCharacter == nil {
                var all: [UInt32: [Int]] = [:]
                for k in DoubledCharacters.offsets(bytes, SourceRange(0, bytes.count)) {
                    all[UTF8Scalar.decode(bytes, at: k).scalar, default: []].append(k)
                }
                byCharacter = all
            }
            return byCharacter![c] ?? []
        }
    }

    /// The bytes of the doubling whose second half is scalar `i`, with its Chinese neighbour: 庙庙湖
    /// (the one after, else the one before); nil when it has none.
    static func withNeighbour(_ t: ScalarText, at i: Int) -> (start: Int, end: Int)? {
        let s = t.scalars
        let lo: Int, hi: Int
        if i + 1 < s.count, CharClass.isHan(s[i + 1]) { (lo, hi) = (i - 1, i + 2) } else if i >= 2, CharClass.isHan(s[i - 2]) {
            (lo, hi) = (i - 2, i + 1)
        } else { return nil }
        return (Int(t.offsets[lo]), Int(t.offsets[hi]))
    }

    /// The file writes the same doubling with the same character next to it again, somewhere the text
    /// around it differs (庙庙湖村人迹罕至 … 离开庙庙湖，): a name or a term the writer means. A slip
    /// does not recur word for word, except where a paragraph is printed twice, and there the text
    /// around it is the same. Every place the three characters recur holds the doubling, so only the
    /// file's other doublings of the character are read (`index`).
    static func recursElsewhere(_ t: ScalarText, at i: Int, _ bytes: [UInt8], _ index: Index) -> Bool {
        let s = t.scalars
        guard let (start, end) = withNeighbour(t, at: i) else { return false }
        // Where the doubling sits in the three characters: first, or after the neighbour.
        let pairAt = Int(t.offsets[i - 1]) - start
        let width = 9   // about three Chinese characters either side
        return bytes.withUnsafeBufferPointer { b -> Bool in
            let needle = UnsafeBufferPointer(rebasing: b[start..<end])
            func around(_ a: Int, _ z: Int) -> (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) {
                (UnsafeBufferPointer(rebasing: b[max(0, a - width)..<a]), UnsafeBufferPointer(rebasing: b[z..<min(b.count, z + width)]))
            }
            let here = around(start, end)
            let n = needle.count
            for p in index.places(of: s[i]) {
                let k = p - pairAt
                guard k >= 0, k != start, k + n <= b.count,
                      UnsafeBufferPointer(rebasing: b[k..<(k + n)]).elementsEqual(needle) else { continue }
                let there = around(k, k + n)
                if !there.0.elementsEqual(here.0) || !there.1.elementsEqual(here.1) { return true }
            }
            return false
        }
    }

    /// 是, 有, 为: verbs of being and having never reduplicate.
    static let copulas: Set<UInt32> = [0x662F, 0x6709, 0x4E3A]

    /// The pair sits in a quotation or title of at most six characters: a name or a coinage.
    static func insideShortQuote(_ s: [UInt32], at i: Int) -> Bool {
        let openers: Set<UInt32> = [0x201C, 0x2018, 0x300A, 0x300C, 0x300E], closers: Set<UInt32> = [0x201D, 0x2019, 0x300B, 0x300D, 0x300F]
        var a = i - 2, b = i + 1
        while a >= 0, i - a <= 6, !openers.contains(s[a]) {
            if closers.contains(s[a]) { return false }
            a -= 1
        }
        guard a >= 0, openers.contains(s[a]) else { return false }
        while b < s.count, b - a <= 8, !closers.contains(s[b]) {
            if openers.contains(s[b]) { return false }
            b += 1
        }
        return b < s.count && closers.contains(s[b])
    }

    /// The doubling reads naturally: 常常 and 仅仅是 are words in the list, in 共和国国徽 or
    /// 工作作出 the pair straddles two words, and 一棵棵 doubles a measure word. A slip leaves
    /// both halves as stray single characters (低低五度 reads 低|低|五度).
    static func isNatural(_ s: [UInt32], at i: Int) -> Bool {
        let lo = max(0, i - 5), hi = min(s.count, i + 5)
        var window: [UInt32] = []
        var k = lo
        // Only the run of Chinese characters around the pair.
        var start = i - 1
        while start > lo, CharClass.isHan(s[start - 1]) { start -= 1 }
        var end = i + 1
        while end < hi, CharClass.isHan(s[end]) { end += 1 }
        k = start
        while k < end { window.append(s[k]); k += 1 }
        let first = i - 1 - start
        var endsBefore = false, startsAfter = false
        for token in ChineseLexicon.segment(window) {
            let tokenEnd = token.start + token.length
            // The pair inside one word: 常常, 仅仅是.
            if token.start <= first, first + 2 <= tokenEnd, token.length >= 2 { return true }
            // The pair straddles two words: 共和国|国徽, 体育局|局长, 学习|习惯.
            if tokenEnd == first + 1, token.length >= 2 { endsBefore = true }
            if token.start == first + 1, token.length >= 2 { startsAfter = true }
        }
        // 一棵棵, 一趟趟: a numeral and a doubled measure word.
        let numeral = first > 0 && window[first - 1] == 0x4E00
        return endsBefore || startsAfter || numeral
    }
}
