import CopyLintBase
import Foundation

/// The furniture of a page that is not copy: separators between stories, wire take marks, jump lines.
enum Separator {
    /// Marks a rule is drawn with.
    static let marks = ScalarSet("*-—–_=~·•◆◇■□●○★☆＊－＝～※".unicodeScalars)

    /// `* * *`, `——`, `◆◆◆`, `-----`: nothing but rule marks and spaces, at least two marks.
    static func matches(_ t: [Unicode.Scalar]) -> Bool {
        var n = 0
        for s in t {
            if marks.contains(s) { n += 1 } else if !ScalarProperties.isWhitespace(s) { return false }
        }
        return n >= 2 && t.count <= 80
    }
}

/// A wire service's take marks: more copy follows, or the story ends.
enum WireMarker {
    static let words: Set<String> = ["(MORE)", "MORE", "(more)", "ENDS", "(ENDS)", "END", "(END)", "-30-", "###", "-0-", "(ends)", "ends"]
    /// The Chinese agencies' marks: the story ends (（完）), more follows (（待续）).
    static let chineseWords: Set<String> = ["（完）", "(完)", "（待续）", "(待续)", "（待續）", "(待續)"]

    static func matches(_ t: [Unicode.Scalar]) -> Bool {
        // Every mark has an E, an M, a # or a 0 in it, or 完 or 待.
        guard t.count <= 8 else { return false }
        if t.contains(where: { $0 == "完" || $0 == "待" }) { return chineseWords.contains(String(String.UnicodeScalarView(t)).trimmingSpaces()) }
        guard t.contains(where: { "EeMm#0".unicodeScalars.contains($0) }) else { return false }
        return words.contains(String(String.UnicodeScalarView(t)).trimmingSpaces())
    }
}

/// A wire service's time stamp closing a story: the agency's code, the day and time sent and the
/// zone, in capitals (`APS 181142 GMT MAR 25`, `AP-WF-03-25-25 1142GMT`). Furniture, not a headline.
enum WireTimestamp {
    static let zones: Set<String> = ["GMT", "UTC", "BST", "EST", "EDT", "CET", "CEST", "ET"]

    /// The agency's code (capitals that name no zone) and the time sent: six figures (day, hour,
    /// minute) before a zone, or figures with the zone run on (1142GMT). A kick-off time (1500 GMT) is
    /// neither.
    static func matches(_ t: [Unicode.Scalar]) -> Bool {
        // (Every zone has a T, and a time has figures: most short lines go no further.)
        guard t.count >= 8, t.count <= 40, t.contains("T"), t.contains(where: { CharClass.isASCIIDigit($0.value) }),
              !t.contains(where: { $0.properties.isLowercase }) else { return false }
        let words = String(String.UnicodeScalarView(t)).split(separator: " ").map(String.init)
        func runOn(_ w: String) -> Bool { zones.contains { z in w.hasSuffix(z) && w.count - z.count >= 4 && w.dropLast(z.count).allSatisfy(\.isNumber) } }
        let sent = words.indices.contains { k in
            (words[k].count == 6 && words[k].allSatisfy(\.isNumber) && k + 1 < words.count && zones.contains(words[k + 1])) || runOn(words[k])
        }
        let agency = words.contains { w in !zones.contains(w) && !runOn(w) && w.filter(\.isLetter).count >= 2 }
        return sent && agency
    }
}

/// A wire service's slug line: the story's keyword slug, hyphenated and in capitals, with what this
/// copy is (`MINING-NORTHCAPE/RESULTS (2ND TAKE)`, `FILES-Trade-WTO-fisheries, 1st lead`,
/// `AP-US--Winter Storm`, `STATE-COURT-SCHOOLS`).
enum WireSlug {
    static func matches(_ t: [Unicode.Scalar]) -> Bool {
        guard t.count >= 5, t.count <= 80, !TextTraits.hasSentenceStop(t) else { return false }
        let first = t.prefix { $0 != " " && $0 != "," }
        // Three parts or more joined by - or /, the first in capitals (COVID-19 and UK-EU are words).
        let parts = first.split(omittingEmptySubsequences: true) { $0 == "-" || $0 == "/" }
        guard parts.count >= 3, first.contains(where: { $0 == "-" || $0 == "/" }),
              let head = parts.first, head.count >= 2, head.allSatisfy({ CharClass.isASCIIUpper($0.value) || CharClass.isDigit($0.value) }),
              parts.allSatisfy({ $0.allSatisfy { CharClass.isASCIILetter($0.value) || CharClass.isDigit($0.value) } }) else { return false }
        return t.split(separator: " ").count <= 8
    }
}

/// A jump line: the story goes on, or comes from, another page. `（下转第2版）`, `（转第5版）`,
/// `（上接第1版）`, `Continued on Page A6`, `(Continued on page 6)`, `See BUDGET, Page A6`,
/// `Continued from Page A1`, `BUDGET, from Page A1`. A line that only names pages (a table of
/// contents: `要闻 2版`, `INSIDE: Sports B1`) is not one, nor is running text that mentions a page.
public struct JumpLine: Sendable, Equatable {
    public enum Direction: Sendable { case to, from }
    public let direction: Direction
    /// The page as printed: `2`, `A6`, `二` → 2.
    public let page: String
    /// `BUDGET` in `See BUDGET, Page A6` / `BUDGET, from Page A1` (a slug naming the story).
    public let slug: String?

    /// The jump a block's whole text is, if it is one.
    public static func parse(_ t: [Unicode.Scalar]) -> JumpLine? {
        // Every jump line names a page: 版, or page / p. / pg. (a P in either case). Most lines have
        // neither, and are passed over without building a string.
        guard t.count <= 80, namesAPage(t) else { return nil }
        let text = String(String.UnicodeScalarView(t)).trimmingSpaces()
        guard !text.isEmpty, text.count <= 60 else { return nil }
        return chinese(text) ?? english(text)
    }

    /// `t` holds 版, or page, p. or pg. (in any case) at the start of a word: what every jump line
    /// names its page with. (A p opening any other word, parks or police, is not worth building
    /// the line's string for.)
    static func namesAPage(_ t: [Unicode.Scalar]) -> Bool {
        // An ASCII letter folded to lower case (a '.' stays one); 0 for anything else or past the end.
        func folded(_ k: Int) -> UInt32 { k < t.count && t[k].value < 0x80 ? t[k].value | 0x20 : 0 }
        func isAlphanumeric(_ c: Unicode.Scalar) -> Bool { c.value < 0x80 && (CharClass.isASCIILetter(c.value) || CharClass.isDigit(c.value)) }
        let a = UInt32(UInt8(ascii: "a")), e = UInt32(UInt8(ascii: "e")), g = UInt32(UInt8(ascii: "g")), dot = UInt32(UInt8(ascii: "."))
        for i in t.indices {
            let c = t[i]
            if c == "版" { return true }
            guard c == "p" || c == "P", i == 0 || !isAlphanumeric(t[i - 1]) else { continue }
            if folded(i + 1) == dot || (folded(i + 1) == g && folded(i + 2) == dot)
                || (folded(i + 1) == a && folded(i + 2) == g && folded(i + 3) == e) { return true }
        }
        return false
    }

    /// A jump set in a paragraph's own line: `……列车最高（下转第9版）` or `… the (Continued on Page A6)`
    /// at its end, `（上接第二版）供热企业……` or `(Continued from Page A1) the …` at its start. The jump
    /// and the scalar offsets of its brackets in `t`.
    public static func inline(_ t: [Unicode.Scalar]) -> [(jump: JumpLine, scalars: Range<Int>)] {
        var out: [(JumpLine, Range<Int>)] = []
        guard t.count > 6, t.contains(where: { $0 == "版" || $0 == "p" || $0 == "P" }) else { return out }
        func isOpen(_ c: Unicode.Scalar) -> Bool { c == "（" || c == "(" }
        func isClose(_ c: Unicode.Scalar) -> Bool { c == "）" || c == ")" }
        // At the start, after an indent.
        var start = 0
        while start < t.count, t[start] == " " || t[start] == "\u{3000}" || t[start] == "\t" { start += 1 }
        if start < t.count, isOpen(t[start]), let close = t[start...].prefix(40).firstIndex(where: isClose), close + 1 < t.count,
           let jump = parse(Array(t[start...close])), jump.direction == .from {
            out.append((jump, start..<(close + 1)))
        }
        // At the end, before a closing full stop at most.
        var end = t.count
        while end > 0, t[end - 1] == " " || t[end - 1] == "。" || t[end - 1] == "." { end -= 1 }
        if end > 0, isClose(t[end - 1]), let open = t[..<end].suffix(40).lastIndex(where: isOpen), open > start,
           let jump = parse(Array(t[open..<end])), jump.direction == .to {
            out.append((jump, open..<end))
        }
        return out
    }

    /// `（下转第2版）`, `(转第二版)`, `（上接第1版）`, `（接第3版）`, `（下转A4版）`: in brackets, alone on the line.
    private static func chinese(_ text: String) -> JumpLine? {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, first == "（" || first == "(", last == "）" || last == ")" else { return nil }
        var inner = String(String.UnicodeScalarView(scalars.dropFirst().dropLast())).trimmingSpaces()
        let direction: Direction
        if inner.hasPrefix("下转") || inner.hasPrefix("转") {
            direction = .to
            inner = String(inner.drop { $0 == "下" || $0 == "转" })
        } else if inner.hasPrefix("上接") || inner.hasPrefix("接") {
            direction = .from
            inner = String(inner.drop { $0 == "上" || $0 == "接" })
        } else {
            return nil
        }
        // (第 may be left out before a page with its section's letter: （下转A4版）.)
        guard inner.hasSuffix("版") else { return nil }
        let number = String((inner.hasPrefix("第") ? inner.dropFirst() : Substring(inner)).dropLast()).trimmingSpaces()
        guard let page = pageNumber(number) else { return nil }
        return JumpLine(direction: direction, page: page, slug: nil)
    }

    /// `Continued on Page A6`, `(Continued on page 6)`, `See BUDGET, Page A6`, `Continued from Page A1`,
    /// `BUDGET, from Page A1`, `From Page 1`.
    private static func english(_ raw: String) -> JumpLine? {
        var text = raw
        if text.hasPrefix("("), text.hasSuffix(")") { text = String(text.dropFirst().dropLast()) }
        if text.hasSuffix(".") { text = String(text.dropLast()) }
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 2, words.count <= 8 else { return nil }
        let lower = words.map { $0.lowercased() }
        guard let p = lower.lastIndex(where: { $0 == "page" || $0 == "p." || $0 == "pg." }), p == words.count - 2 else { return nil }
        let page = words[p + 1]
        guard page.count <= 4, page.contains(where: \.isNumber), page.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        let before = Array(lower[..<p])
        func slug(_ ws: ArraySlice<String>) -> String? {
            let s = ws.joined(separator: " ").trimmingCharacters(in: .init(charactersIn: ", "))
            return s.isEmpty ? nil : s
        }
        if before == ["continued", "on"] || before == ["continues", "on"] || before == ["continued"] || before == ["turn", "to"] {
            return JumpLine(direction: .to, page: page.uppercased(), slug: nil)
        }
        if before == ["continued", "from"] || before == ["from"] {
            return JumpLine(direction: .from, page: page.uppercased(), slug: nil)
        }
        // See BUDGET, Page A6: a slug in capitals.
        if lower.first == "see", words.count >= 3, words[1 ..< p].allSatisfy({ $0.uppercased() == $0 }) {
            return JumpLine(direction: .to, page: page.uppercased(), slug: slug(words[1 ..< p]))
        }
        // BUDGET, from Page A1
        if before.last == "from", p >= 2, words[..<(p - 1)].allSatisfy({ $0.uppercased() == $0 }) {
            return JumpLine(direction: .from, page: page.uppercased(), slug: slug(words[..<(p - 1)]))
        }
        return nil
    }

    static let chineseDigits: [Character: Int] = ["〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    /// `2`, `02`, `A6`, `二`, `十二`, `二十四`: the page as digits (with its section letter).
    public static func pageNumber(_ s: String) -> String? {
        if !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }), s.contains(where: \.isNumber) {
            return s.uppercased()
        }
        // Chinese numerals up to 99.
        var value = 0, current = 0
        for ch in s {
            if let d = chineseDigits[ch] { current = d } else if ch == "十" { value += (current == 0 ? 1 : current) * 10; current = 0 } else { return nil }
        }
        value += current
        return value > 0 ? String(value) : nil
    }
}

/// A row of a table or a listing, one to a line: cells set apart by a tab or a run of spaces
/// (`19:30  新闻联播`), a label and a value with figures (`Precincts reporting: 100 percent`,
/// `Wednesday: Rain, high 48, low 40`), a time and what happens then. Short, and not a sentence.
enum ListingRow {
    static func matches(_ t: [Unicode.Scalar]) -> Bool {
        guard t.count >= 3, t.count <= 80, !TextTraits.hasSentenceStop(t) else { return false }
        if let last = TextTraits.lastSignificant(t), last == "。" || last == "！" || last == "？" { return false }
        let digits = t.filter { ("0"..."9").contains($0) || ("０"..."９").contains($0) }.count
        // Cells: a tab, or two or more spaces between words (not the indent).
        var k = 0
        while k < t.count, ScalarProperties.isWhitespace(t[k]) { k += 1 }
        // (And the most words in a cell: two cells of a table row are a few words each, where a sentence
        // with one double space in it runs on for many: "Microsoft has given game makers  a glimpse…")
        var cells = 1, run = 0, words = 0, mostWords = 0
        for s in t[k...] {
            if s == "\t" || s == "\u{3000}" { run = 2 } else if s == " " || s == "\u{A0}" { run += 1 } else {
                if run >= 2 { cells += 1; words = 0 }
                if run >= 1 || words == 0 { words += 1; mostWords = max(mostWords, words) }
                run = 0
            }
        }
        // (Two Chinese phrases of four characters or more about one gap are a headline's two halves,
        // 市民篮球联赛开赛　126支球队同场竞技, not a row's two cells.)
        if cells == 2 {
            let parts = t[k...].split { $0 == " " || $0 == "\u{3000}" || $0 == "\t" || $0 == "\u{A0}" }
            if parts.count == 2, parts.allSatisfy({ TextTraits.hanCount(Array($0)) >= 4 }) { return false }
        }
        if cells >= 3 || (cells == 2 && digits > 0 && mostWords <= 6) { return true }
        // A time first: 19:30 新闻联播, 7:30 p.m. Kickoff
        if t.count >= 5, isDigit(t[k]), let colon = t[k...].prefix(3).firstIndex(where: { $0 == ":" || $0 == "：" }),
           colon + 2 < t.count, isDigit(t[colon + 1]), isDigit(t[colon + 2]) { return true }
        // Label: value, with figures in the value.
        if let colon = t.firstIndex(where: { $0 == ":" || $0 == "：" }), colon > 0, colon <= 24, digits > 0,
           t[..<colon].filter({ $0 == " " }).count <= 3, t[(colon + 1)...].contains(where: isDigit) {
            return true
        }
        return false
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) || ("０"..."９").contains(s) }

    /// An entry of a what's-on listing: short fields set apart by commas and stops, a few words each,
    /// one of them a clock time (Quiz night, The Plough, Brandle, 8pm. £2 a head.). Weekly events recur
    /// under each day's heading: a row of a listing, not a paragraph printed twice.
    static func isEventEntry(_ t: [Unicode.Scalar]) -> Bool {
        guard t.count >= 12, t.count <= 160, TextTraits.hanCount(t) == 0 else { return false }
        // Three fields need two marks that end one (a comma, a point or a semicolon before a space):
        // counted before anything is built.
        var marks = 0
        for k in 0..<(t.count - 1) where (t[k] == "," || t[k] == "." || t[k] == ";") && t[k + 1] == " " { marks += 1 }
        guard marks >= 2, !TextTraits.hasFiniteBe(t) else { return false }
        var fields: [[Unicode.Scalar]] = [[]]
        for (k, c) in t.enumerated() {
            let next = k + 1 < t.count ? t[k + 1] : " "
            if (c == "," || c == "." || c == ";") && next == " " && !(c == "." && k > 0 && isDigit(t[k - 1]) && isDigit(next)) {
                fields.append([])
            } else if !(k == t.count - 1 && c == ".") {
                fields[fields.count - 1].append(c)
            }
        }
        fields = fields.filter { !$0.allSatisfy { $0 == " " } }
        guard fields.count >= 3, fields.allSatisfy({ TextTraits.wordCount($0) <= 6 }) else { return false }
        return fields.contains(where: isClockTime)
    }

    /// A field that is, or holds, a clock time: 8pm, 10.30am, 7.30 p.m., 19:30, noon.
    private static func isClockTime(_ f: [Unicode.Scalar]) -> Bool {
        let s = String(String.UnicodeScalarView(f)).lowercased()
        if s.contains("noon") || s.contains("midnight") { return true }
        let chars = Array(s.unicodeScalars)
        var k = 0
        while k < chars.count {
            guard isDigit(chars[k]) else { k += 1; continue }
            // A run of figures with its points and colons (10.30, 19:30), then what follows it.
            var j = k
            while j < chars.count, isDigit(chars[j]) || chars[j] == "." || chars[j] == ":" { j += 1 }
            if let colon = chars[k..<j].firstIndex(of: ":"), j - colon == 3 { return true }
            var m = j
            while m < chars.count, chars[m] == " " { m += 1 }
            let rest = String(String.UnicodeScalarView(chars[m...]))
            if rest.hasPrefix("am") || rest.hasPrefix("pm") || rest.hasPrefix("a.m.") || rest.hasPrefix("p.m.") { return true }
            k = j
        }
        return false
    }
}
