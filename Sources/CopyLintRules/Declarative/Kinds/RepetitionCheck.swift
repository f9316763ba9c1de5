import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// `repetition`: a word or a Han character printed twice in a row (the the, 低低五度), unless the
/// doubling is natural (`DoubledCharacters`).
struct RepetitionCheck: PackKindCheck {
    func findings(_ scan: PackScan) -> [Finding] {
        // A giant block is read in windows ending at sentence stops (a doubling never spans one).
        // A doubled character needs two Han characters: blocks with fewer are skipped.
        let bytes = scan.bytes, blocks = scan.document.blocks
        var found: [Finding] = []
        let doublings = DoubledCharacters.Index(bytes)
        for k in scan.inScope {
            if scan.spec.unit == "char", scan.context.facts.block(k).han < 2 { continue }
            let block = blocks[k]
            if block.textRange.length <= TextWindows.giant {
                found += window(block, block.textRange, scan, doublings)
            } else {
                for range in TextWindows.split(bytes, block.textRange) { found += window(block, range, scan, doublings) }
            }
        }
        return found
    }

    private func window(_ block: Block, _ window: SourceRange, _ scan: PackScan, _ doublings: DoubledCharacters.Index) -> [Finding] {
        let bytes = scan.bytes
        if scan.spec.unit == "char" {
            // Only the places where the bytes show a doubled Han character are decoded, each with a few
            // characters either side (what the checks look at), not the whole block.
            return DoubledCharacters.offsets(bytes, window).compactMap { at in
                var lo = at, before = 0
                while lo > window.start, before < DoubledCharacters.context {
                    lo -= 1
                    while lo > window.start, bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
                    before += 1
                }
                var hi = at + 2 * (bytes[at] >= 0xF0 ? 4 : 3), after = 0
                while hi < window.end, after < DoubledCharacters.context {
                    hi += UTF8Scalar.decode(bytes, at: hi).length
                    after += 1
                }
                return DoubledCharacters.finding(ScalarText(bytes, SourceRange(lo, min(hi, window.end))), at: before + 1, scan, doublings)
            }
        }
        // Copy all in ASCII (most English copy) is passed over unless two words in a row have the same
        // letters but for case: read from the bytes, with nothing decoded (the words are told apart
        // there exactly as below).
        if scan.comparesWordsInPlace, !Self.mayRepeatWord(bytes, window) { return [] }
        let t = ScalarText(bytes, window)
        let s = t.scalars
        var out: [Finding] = []
        // Words: letters and apostrophes, compared without case.
        var words: [(start: Int, end: Int, ascii: Bool)] = []
        var k = 0
        while k < s.count {
            guard CharClass.isAlphabetic(s[k]) else { k += 1; continue }
            var e = k
            var ascii = true
            while e < s.count, CharClass.isAlphabetic(s[e]) || s[e] == 0x27 || s[e] == 0x2019 {
                if s[e] >= 0x80 { ascii = false }
                e += 1
            }
            words.append((k, e, ascii))
            k = e
        }
        for w in 1..<max(1, words.count) {
            let a = words[w - 1], b = words[w]
            // Two ASCII words (letters and ') are the same word when their letters are, but for case;
            // a word with any other letter is compared as Unicode compares strings (K, the Kelvin sign,
            // lower-cases to k).
            if scan.comparesWordsInPlace, a.ascii, b.ascii {
                guard a.end - a.start == b.end - b.start,
                      (0..<(a.end - a.start)).allSatisfy({ s[a.start + $0] | 0x20 == s[b.start + $0] | 0x20 }) else { continue }
            }
            let text = t.string(a.start, a.end).lowercased()
            guard text == t.string(b.start, b.end).lowercased(), !scan.matcher.exceptionSet.contains(text), scan.matcher.onlyWords.isEmpty || scan.matcher.onlyWords.contains(text) else { continue }
            // Only white space between them: "the the", not "that, that".
            guard (a.end..<b.start).allSatisfy({ CharClass.isSpace(s[$0]) }) else { continue }
            out.append(Finding(range: t.range(a.start, b.end), message: scan.matcher.message(["match": t.string(b.start, b.end)]),
                               fix: Fix(title: "delete the second '\(t.string(b.start, b.end))'",
                                        edits: [TextEdit(range: t.range(a.end, b.end), replacement: "")], applicability: scan.spec.fixSafety)))
        }
        return out
    }

    /// False only when `range` is all ASCII and no word (a letter, then letters and apostrophes) is
    /// followed by the same word but for case: no repetition is there.
    static func mayRepeatWord(_ bytes: [UInt8], _ range: SourceRange) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
            var previous = (start: -1, end: -1)
            var k = range.start
            while k < range.end {
                let b = buf[k]
                if b >= 0x80 { return true }
                guard isLetter(b) else { k += 1; continue }
                var e = k + 1
                while e < range.end, isLetter(buf[e]) || buf[e] == 0x27 { e += 1 }
                if previous.start >= 0, previous.end - previous.start == e - k {
                    var same = true
                    for j in 0..<(e - k) where buf[previous.start + j] | 0x20 != buf[k + j] | 0x20 { same = false; break }
                    if same { return true }
                }
                previous = (k, e)
                k = e
            }
            return false
        }
    }
}
