import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// How a paragraph ends, and whether the next block goes on with its sentence.
extension TruncatedSentenceRule {
    struct Ending {
        let complete: Bool
        let last: UInt32
        /// Index of the last significant scalar.
        let index: Int

        init(_ t: ScalarText) {
            var k = t.count - 1
            while k >= 0, CharClass.isSpace(t.scalars[k]) { k -= 1 }
            // Skip closing quotes and brackets.
            while k >= 0, CharClass.isClosingMark(t.scalars[k]) { k -= 1 }
            index = k
            last = k >= 0 ? t.scalars[k] : 0
            complete = k < 0 || Ending.isFinal(last)
                || (CharClass.isClosingMark(t.scalars[t.count - 1]) && (Ending.isWholeBracketed(t) || Ending.isOneQuotation(t, before: k)))
        }

        // The marks, as a set: the reference that the switch below is tested against.
        static let final: Set<UInt32> = Set("。！？!?.…；;．｡:：—～~".unicodeScalars.map(\.value))

        /// `final.contains(c)` as a switch: asked of the last character of every block.
        @inline(__always)
        static func isFinal(_ c: UInt32) -> Bool {
            switch c {
            case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2E, 0x2026, 0xFF1B, 0x3B, 0xFF0E, 0xFF61, 0x3A, 0xFF1A, 0x2014, 0xFF5E, 0x7E:
                return true
            default:
                return false
            }
        }

        /// The text is one quotation, opened at its first character and closed at its last, with a word
        /// (not a comma) before the close: a pull quote set without a stop, whose closing mark shows its
        /// end survived ("It is hard to leave this town", “把日子过成诗”). A quotation cut short has
        /// lost its closing mark with its end.
        static func isOneQuotation(_ t: ScalarText, before k: Int) -> Bool {
            let s = t.scalars
            var end = s.count - 1
            while end > 0, CharClass.isSpace(s[end]) { end -= 1 }
            guard k >= 1, k == end - 1, let open = s.first else { return false }
            let close: UInt32
            switch open {
            case 0x201C: close = 0x201D
            case 0x22: close = 0x22
            case 0x300C: close = 0x300D
            case 0x300E: close = 0x300F
            default: return false
            }
            guard s[end] == close, CharClass.isASCIILetter(s[k]) || CharClass.isDigit(s[k]) || CharClass.isHan(s[k]) else { return false }
            // One quotation: its marks appear nowhere else in the text.
            return !s[1..<end].contains { $0 == open || $0 == close }
        }

        /// "（…）" at the end closing a bracket opened earlier in the paragraph: a credit, a note.
        static func isWholeBracketed(_ t: ScalarText) -> Bool {
            guard let last = t.scalars.last, last == 0xFF09 || last == 0x29 else { return false }
            let open: UInt32 = last == 0xFF09 ? 0xFF08 : 0x28
            return t.scalars.contains(open)
        }
    }

    enum Continuation {
        case hyphen, lowercase, word(String), bracket, fragment
        /// The next block is set flush where every other paragraph of the story opens with an indent.
        case flush
        /// The next block opens as no sentence does (an orphan's evidence, 'it starts in lower case').
        case opening(String)

        var isLowercase: Bool { if case .lowercase = self { return true } else { return false } }

        /// Evidence that holds even when the first block looks like a headline.
        var isStrong: Bool {
            switch self {
            case .hyphen, .word, .bracket, .flush, .opening: return true
            case .lowercase, .fragment: return false
            }
        }

        var reason: String {
            switch self {
            case .hyphen: return " (a hyphenated word is split)"
            case .lowercase: return ""
            case .word(let w): return " (the break splits the word '\(w)')"
            case .bracket: return " (a quote or bracket opened here closes there)"
            case .fragment: return ""
            case .flush: return " (the next paragraph has no indent, unlike the others of its story)"
            case .opening(let why): return " (\(why.replacingOccurrences(of: "it starts", with: "the next paragraph starts")))"
            }
        }
    }

    /// Does `b` continue the sentence that `a` leaves open?
    func continuation(from a: ScalarText, to b: ScalarText, ending: Ending) -> Continuation? {
        guard ending.index >= 0, b.count > 0 else { return nil }
        let first = b.scalars[0]
        if CharClass.isASCIILetter(ending.last) || ending.last == 0x2D || CharClass.isDigit(ending.last) || ending.last == 0x2C
            || ending.last == 0x25 {   // (a figure: 17%)
            // English: a lower-case start continues; "com-" + "mittee" joins a word.
            guard CharClass.isASCIILower(first) else { return nil }
            if b.count > 1, CharClass.isASCIIUpper(b.scalars[1]) { return nil }      // iPod, eBay
            if ending.last == 0x2D, ending.index > 0, CharClass.isASCIILetter(a.scalars[ending.index - 1]) { return .hyphen }
            return .lowercase
        }
        // Chinese: a quote or bracket left open closes at the head of the next block.
        if let closer = firstUnmatchedCloser(b), openerPending(a, for: closer) { return .bracket }
        let left = hanTail(a, before: ending.index + 1)
        let right = hanHead(b)
        if !left.isEmpty, !right.isEmpty {
            if ChineseLexicon.breakInsideWordGain(left: left, right: right) > 3,
               let w = ChineseLexicon.wordAcross(left: left, right: right) {
                return .word(w)
            }
        }
        // The next block's first sentence is a scrap (了。记者了解到…).
        if CharClass.isHan(ending.last) {
            var k = 0
            while k < b.count, CharClass.isHan(b.scalars[k]) { k += 1 }
            if k > 0, k <= 2, k < b.count, b.scalars[k] == 0x3002 { return .fragment }
        }
        if danglingChineseEnd(a, ending: ending), !right.isEmpty { return .fragment }
        return nil
    }

    func hanTail(_ t: ScalarText, before end: Int) -> [UInt32] {
        var k = end
        while k > 0, end - k < 4, CharClass.isHan(t.scalars[k - 1]) { k -= 1 }
        return Array(t.scalars[k..<end])
    }

    func hanHead(_ t: ScalarText) -> [UInt32] {
        var k = 0
        while k < t.count, k < 4, CharClass.isHan(t.scalars[k]) { k += 1 }
        return Array(t.scalars[0..<k])
    }

    static let pairs: [UInt32: UInt32] = [0x201D: 0x201C, 0x300D: 0x300C, 0x300F: 0x300E, 0xFF09: 0xFF08,
                                                  0x29: 0x28, 0x300B: 0x300A, 0x3011: 0x3010, 0x2019: 0x2018]

    /// The first closing mark in the first 30 scalars of `t` that nothing before it opened.
    func firstUnmatchedCloser(_ t: ScalarText) -> UInt32? {
        var open: [UInt32] = []
        let s = t.scalars
        for (k, c) in s.prefix(30).enumerated() {
            // ’ after a Latin letter is an apostrophe (Farmers’ Union, don’t), not a closing quote.
            if c == 0x2019, k > 0, CharClass.isASCIILetter(s[k - 1]) { continue }
            switch c {
            case 0x201C, 0x300C, 0x300E, 0xFF08, 0x28, 0x300A, 0x3010, 0x2018: open.append(c)
            case 0x201D, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3011, 0x2019:
                let opener = Self.pairs[c]!
                if let k = open.lastIndex(of: opener) { open.remove(at: k) } else { return c }
            default: continue
            }
        }
        return nil
    }

    /// `a` leaves open the mark that `closer` closes.
    func openerPending(_ a: ScalarText, for closer: UInt32) -> Bool {
        guard let open = Self.pairs[closer] else { return false }
        var balance = 0
        for c in a.scalars {
            if c == open { balance += 1 } else if c == closer { balance = max(0, balance - 1) }
        }
        return balance > 0
    }
}
