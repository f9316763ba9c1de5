import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// English words inside Chinese running text.
extension MixedScriptRule {
    func checkEnglishInChinese(_ t: ScalarText, into findings: inout [Finding]) {
        t.scalars.withUnsafeBufferPointer { checkEnglishInChinese(t, $0, into: &findings) }
    }

    func checkEnglishInChinese(_ t: ScalarText, _ s: UnsafeBufferPointer<UInt32>, into findings: inout [Finding]) {
        // Which letters stand inside brackets or quotes: worked out once, when a word first needs it.
        var enclosed: [Bool]?
        // The last word reported here (letters w..<e, and its finding's index): a word right after it,
        // a space between, joins its finding (在 rush hour 自驾: one phrase, one finding).
        var last: (w: Int, e: Int, finding: Int)?
        var i = 0
        while i < s.count {
            guard CharClass.isASCIILetter(s[i]) else { i += 1; continue }
            // The whole token: letters, digits and the punctuation of URLs, e-mail and codes.
            var a = i
            while a > 0, Self.isTokenChar(s[a - 1]) { a -= 1 }
            var b = i
            while b < s.count, Self.isTokenChar(s[b]) { b += 1 }
            defer { i = b }
            // Chinese right before or after the token (spaces between): a word is only reported with
            // Chinese next to its letters, which is Chinese next to its token (the letters either
            // reach the token's edge or stop at a token character). Asked first: in English
            // stretches of the text it settles almost every word.
            guard !skipsPlainWords || Self.hanNear(s, before: a) || Self.hanNear(s, after: b) else { continue }
            // A lone Latin o between two Chinese numerals (二o二四年): the letter typed or read for 〇.
            if b - a == 1, s[a] | 0x20 == 0x6F, a > 0, b < s.count, Self.isChineseNumeral(s[a - 1]), Self.isChineseNumeral(s[b]) {
                findings.append(Finding(range: t.range(a, b), message: "Latin letter '\(t.string(a, b))' inside a Chinese numeral (〇?)",
                                        fix: Fix(title: "replace with '〇'", edits: [TextEdit(range: t.range(a, b), replacement: "〇")], applicability: .unsafe)))
                continue
            }
            // A lone capital I read by OCR for 工 (I人, 加I): with the character beside it, 工 makes a
            // word of the list. (Not a Roman numeral's I before what it numbers: I期, I号, I级.)
            if b - a == 1, s[a] == 0x49, let word = Self.workWord(s, a) {
                findings.append(Finding(range: t.range(a, b), message: "Latin letter 'I' where the Chinese word '\(word)' is meant (工?)",
                                        fix: Fix(title: "replace with '工'", edits: [TextEdit(range: t.range(a, b), replacement: "工")], applicability: .unsafe)))
                continue
            }
            // A lone lower-case letter inside a Chinese word (中n雨: 中雨 with a stray n), told by the word
            // list: the two characters either side of it make a word. (Not 第n次 or x轴: no word there.)
            if b - a == 1, CharClass.isASCIILower(s[a]), a > 0, b < s.count, CharClass.isHan(s[a - 1]), CharClass.isHan(s[b]),
               ChineseLexicon.logProbability([s[a - 1], s[b]]) != nil {
                findings.append(Finding(range: t.range(a, b), message: "Latin letter '\(t.string(a, b))' inside the Chinese word '\(t.string(a - 1, a))\(t.string(b, b + 1))'",
                                        fix: Fix(title: "delete '\(t.string(a, b))'", edits: [TextEdit(range: t.range(a, b), replacement: "")], applicability: .unsafe)))
                continue
            }
            if enclosed == nil { enclosed = Self.enclosedLatin(s) }
            if enclosed![i] { continue }
            let token = s[a..<b]
            if token.contains(where: { CharClass.isDigit($0) || CharClass.isASCIIUpper($0) || $0 == 0x40 || $0 == 0x2F || $0 == 0x3A || $0 == 0x5F }) {
                continue
            }
            if token.firstIndex(of: 0x2E).map({ $0 > a && $0 < b - 1 }) == true { continue }   // a domain
            // A run of several Latin words is a quoted phrase or a name, not a stray word.
            if Self.latinWordsAround(s, a, b) >= 3 { continue }
            // Units after a number: 20 km, 5mg.
            var p = a - 1
            while p >= 0, Self.isGap(s[p]) { p -= 1 }
            if p >= 0, CharClass.isDigit(s[p]) || s[p] == 0x25 { continue }
            // Word letters only (drop a trailing dot or hyphen).
            var w = a
            while w < b, !CharClass.isASCIILetter(s[w]) { w += 1 }
            var e = b
            while e > w, !CharClass.isASCIILetter(s[e - 1]) { e -= 1 }
            guard e - w >= 2 else { continue }
            let word = t.string(w, e)
            if allowWords.contains(word.lowercased()) { continue }
            // Only a word that sits in Chinese running text: Chinese on at least one side.
            guard Self.hanNear(s, before: w) || Self.hanNear(s, after: e) else { continue }
            if let l = last, w > l.e, (l.e..<w).allSatisfy({ Self.isGap(s[$0]) }) {
                findings[l.finding] = Finding(range: t.range(l.w, e),
                                              message: "English words '\(t.string(l.w, e).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).joined(separator: " "))' inside Chinese running text")
                last = (l.w, e, l.finding)
                continue
            }
            last = (w, e, findings.count)
            findings.append(Finding(range: t.range(w, e),
                                    message: "English word '\(word)' inside Chinese running text"))
        }
    }

    /// The word 工 makes with the Chinese character after the I at `a` (工人 of I人), or before it (加工 of
    /// 加I), when the list has it; nil when neither does, or when what follows is what a Roman
    /// numeral numbers (I期, I号, I级, I类, I型).
    static func workWord(_ s: UnsafeBufferPointer<UInt32>, _ a: Int) -> String? {
        let gong: UInt32 = 0x5DE5
        func string(_ x: UInt32, _ y: UInt32) -> String { String(String.UnicodeScalarView([x, y].compactMap(Unicode.Scalar.init))) }
        if a + 1 < s.count, CharClass.isHan(s[a + 1]) {
            if romanNumbered.contains(s[a + 1]) { return nil }
            if ChineseLexicon.logProbability([gong, s[a + 1]]) != nil { return string(gong, s[a + 1]) }
        }
        if a > 0, CharClass.isHan(s[a - 1]), ChineseLexicon.logProbability([s[a - 1], gong]) != nil { return string(s[a - 1], gong) }
        return nil
    }

    /// What a Roman numeral numbers in Chinese copy: 期 号 级 类 型 度 区 段 式 等.
    static let romanNumbered = Set("期号级类型度区段式等".unicodeScalars.map(\.value))

    /// 〇 一 二 三 四 五 六 七 八 九 十 零: the digits of a date or a year written in Chinese.
    static func isChineseNumeral(_ c: UInt32) -> Bool {
        switch c {
        case 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x96F6: return true
        default: return false
        }
    }

    @inline(__always)
    static func isTokenChar(_ c: UInt32) -> Bool {
        CharClass.isASCIILetter(c) || CharClass.isDigit(c) || c == 0x2E || c == 0x2D || c == 0x5F || c == 0x40 || c == 0x2F
            || c == 0x3A || c == 0x26 || c == 0x2B || c == 0x23 || c == 0x3D || c == 0x3F || c == 0x7E
    }

    /// A space, or a line end: in hard-wrapped copy the line ends inside a paragraph are its spaces.
    @inline(__always)
    static func isGap(_ c: UInt32) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D }

    /// Chinese before position `i`: spaces aside, and past one full-width closing mark (“包车”service:
    /// the word follows Chinese copy whose quotation closed there).
    static func hanNear(_ s: UnsafeBufferPointer<UInt32>, before i: Int) -> Bool {
        var k = i - 1
        while k >= 0, isGap(s[k]) { k -= 1 }
        if k >= 1, s[k] == 0x201D || s[k] == 0xFF09 || s[k] == 0x300B || s[k] == 0x300D { k -= 1 }
        return k >= 0 && CharClass.isHan(s[k])
    }

    /// Chinese after position `i`: spaces aside, and past one full-width comma, stop or semicolon
    /// (service；候车…).
    static func hanNear(_ s: UnsafeBufferPointer<UInt32>, after i: Int) -> Bool {
        var k = i
        while k < s.count, isGap(s[k]) { k += 1 }
        if k + 1 < s.count, s[k] == 0xFF0C || s[k] == 0x3002 || s[k] == 0xFF1B || s[k] == 0x3001 { k += 1 }
        return k < s.count && CharClass.isHan(s[k])
    }

    /// Latin words in the run of Latin text (words separated by spaces) that holds [a, b), up to three.
    static func latinWordsAround(_ s: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int) -> Int {
        // Three words either way decide it: look no further (a long Latin run would make this quadratic).
        var lo = a, hi = b
        while lo > 0, a - lo < 40, isTokenChar(s[lo - 1]) || isGap(s[lo - 1]) || s[lo - 1] == 0x27 || s[lo - 1] == 0x2C { lo -= 1 }
        while hi < s.count, hi - b < 40, isTokenChar(s[hi]) || isGap(s[hi]) || s[hi] == 0x27 || s[hi] == 0x2C { hi += 1 }
        var words = 0, inWord = false
        for k in lo..<hi {
            let letter = CharClass.isASCIILetter(s[k])
            if letter, !inWord {
                words += 1
                if words == 3 { return words }   // callers ask for three or more: no need to count on
            }
            inWord = letter || (inWord && !isGap(s[k]) && s[k] != 0x2C)
        }
        return words
    }

    /// Marks Latin inside （…） / (…) that follow Chinese text, and inside 《》, “”, 「」, 『』, ‘’:
    /// foreign names and titles that belong there.
    static func enclosedLatin(_ s: UnsafeBufferPointer<UInt32>) -> [Bool] {
        var marks = [Bool](repeating: false, count: s.count)
        // The closing mark of an opening one (a switch, not a dictionary: this runs on every character).
        func closer(_ c: UInt32) -> UInt32? {
            switch c {
            case 0xFF08: return 0xFF09
            case 0x28: return 0x29
            case 0x300A: return 0x300B
            case 0x201C: return 0x201D
            case 0x300C: return 0x300D
            case 0x300E: return 0x300F
            case 0x2018: return 0x2019
            case 0x3008: return 0x3009
            case 0x22: return 0x22
            default: return nil
            }
        }
        var i = 0
        while i < s.count {
            if let close = closer(s[i]), let end = s[(i + 1)...].prefix(200).firstIndex(of: close) {
                // Mostly Latin inside: a foreign name, term or title.
                var letters = 0, han = 0
                for k in (i + 1)..<end {
                    if CharClass.isASCIILetter(s[k]) { letters += 1 } else if CharClass.isHan(s[k]) { han += 1 }
                }
                if letters > 0, han * 2 <= letters {
                    for k in (i + 1)..<end { marks[k] = true }
                }
                i = s[i] == close ? end + 1 : i + 1
                continue
            }
            i += 1
        }
        return marks
    }
}
