import Foundation
import CopyLintBase

/// `图为…`, `▲…` (the mark Chinese pages set before a picture's caption), `…  本报通讯员 赵一凡 摄`, `Photo: …`.
enum Caption {
    static let prefixes = ["图为", "上图", "下图", "左图", "右图", "图①", "图②", "图③", "图④", "图⑤", "题图", "图片", "照片为", "▲", "△",
                           "Photo:", "Photograph:", "Picture:", "Pictured:", "Image:", "PHOTO:", "Above:", "Below:", "Image caption,", "Image source,", "(Photo", "（Photo"].map { Array($0.unicodeScalars) }
    static let creditSuffixes = ["（新华社发）", "（资料图片）"].map { Array($0.unicodeScalars) }

    /// The text opens as a picture's caption does (图为, ▲, Photo:), not only a credit.
    static func opensWithMark<C: Collection>(_ text: C) -> Bool where C.Element == Unicode.Scalar {
        guard let first = text.first, prefixStarts.contains(first) else { return false }
        return prefixes.contains { text.starts(with: $0) }
    }

    /// The first scalars of `prefixes`: most blocks start with none of them.
    static let prefixStarts = ScalarSet(prefixes.compactMap(\.first))

    static func matches(_ text: [Unicode.Scalar]) -> Bool {
        if opensWithMark(text) { return true }
        var end = text.count
        while end > 0, text[end - 1] == " " || text[end - 1] == "\u{3000}" { end -= 1 }
        let trimmed = text[..<end]
        if creditSuffixes.contains(where: { trimmed.suffix($0.count).elementsEqual($0) }) { return true }
        var tail = trimmed
        while let l = tail.last, l == " " || l == "\u{3000}" || l == "）" || l == ")" { tail = tail.dropLast() }
        // The picture agency after the credit: 杜建坡摄（人民视觉）, 许昌亮摄影报道（人民视觉）.
        if tail.last != "摄", trimmed.last == "）", let open = tail.lastIndex(of: "（"), open > tail.startIndex,
           tail.distance(from: open, to: tail.endIndex) <= 8,
           tail[..<open].last == "摄" || tail[..<open].suffix(4).elementsEqual("摄影报道".unicodeScalars) {
            return true
        }
        // An English caption closed by its credit: "… with the award. Picture: Mercury staff".
        if endsOnEnglishCredit(trimmed) { return true }
        guard tail.last == "摄" else { return false }
        // A photographer's credit: "… 本报记者 王某 摄" / "（新华社记者 王某摄）".
        let last = tail.suffix(20)
        let has = { (w: String) in
            let u = Array(w.unicodeScalars)
            return last.count >= u.count && (0...(last.count - u.count)).contains { k in
                last[(last.startIndex + k)..<(last.startIndex + k + u.count)].elementsEqual(u)
            }
        }
        return has("记者") || has("通讯员") || last.contains(" ") || last.contains("\u{3000}") || last.contains("（")
    }
}

extension Caption {
    static let creditMarks = ["Picture:", "Pictures:", "Photo:", "Photograph:", "Image:"].map { Array($0.unicodeScalars) }

    /// The text ends on a credit after a sentence's stop: ". Picture: " and at most five words with no
    /// stop of their own.
    static func endsOnEnglishCredit(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        guard t.count <= 300 else { return false }
        var k = t.endIndex
        while k > t.startIndex, t[k - 1] != ":" { k -= 1 }
        guard k > t.startIndex else { return false }
        let colon = k - 1
        let rest = t[(colon + 1)...]
        // (Its words counted as they are met: at most five, with no point among them.)
        var words = 0, inWord = false
        for c in rest {
            if c == "." { return false }
            if c == " " { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        guard words <= 5, !rest.isEmpty else { return false }
        return creditMarks.contains { mark in
            let start = colon + 1 - mark.count
            return start >= t.startIndex + 2 && t[start...colon].elementsEqual(mark) && t[start - 1] == " " && t[start - 2] == "."
        }
    }
}

/// A web page's breadcrumb: a few short items set apart by › » or > (Home › News › Environment).
enum Breadcrumb {
    static func matches(_ t: [Unicode.Scalar]) -> Bool {
        // (Separators counted first: most lines have none, and are not split.)
        let separators = t.lazy.filter { $0 == "›" || $0 == "»" || $0 == ">" }.count
        guard separators >= 2 else { return false }
        let items = t.split { $0 == "›" || $0 == "»" || $0 == ">" }
        guard items.count == separators + 1 else { return false }
        return items.allSatisfy { item in
            let words = item.split(separator: " ").count
            return words >= 1 && words <= 4 && !item.contains { $0 == "." || $0 == "。" || $0 == "，" || $0 == "," }
        }
    }
}

/// A page's folio line, printed over its stories: the paper's date with its page or issue number
/// (HARNSEY ADVERTISER  Friday, September 19, 2025  Page 5; Thursday, May 16, 2024 | CITY NEWS |
/// Page 5; 2025年9月19日 星期五 第5版). Furniture, never a headline.
enum Folio {
    static func matches(_ t: [Unicode.Scalar]) -> Bool {
        guard t.count <= 120 else { return false }
        // (Most lines hold no year: four digits in a row, or 年, are looked for before any pattern.)
        var run = 0, year = false
        for c in t {
            run = c.value >= 0x30 && c.value <= 0x39 ? run + 1 : 0
            if run == 4 || c == "年" { year = true; break }
        }
        // (Or another line of the page's furniture over the stories, with no date: the page's number,
        // its section and its editors, A6　城事　责任编辑：方圆.)
        func names(_ credit: [Unicode.Scalar]) -> Bool {
            t.count >= credit.count && (0...(t.count - credit.count)).contains { k in t[k] == credit[0] && t[k..<(k + credit.count)].elementsEqual(credit) }
        }
        let editors = { names(Self.pageEditor) || names(Self.pageEditorShort) }
        guard year else { return editors() }
        let s = String(String.UnicodeScalarView(t))
        let range = NSRange(s.startIndex..., in: s)
        guard date.firstMatch(in: s, range: range) != nil else { return editors() }
        // (A page number or a weekday beside the date: a headline never dates itself so.)
        return page.firstMatch(in: s, range: range) != nil || weekday.firstMatch(in: s, range: range) != nil
    }

    private static let pageEditor = Array("责任编辑".unicodeScalars), pageEditorShort = Array("责编：".unicodeScalars)

    private static let weekday = try! NSRegularExpression(pattern: #"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "#)

    private static let months = "January|February|March|April|May|June|July|August|September|October|November|December"
    private static let date = try! NSRegularExpression(pattern: #"\b(\#(months)) \d{1,2},? \d{4}\b|\b\d{1,2} (\#(months)) \d{4}\b|\d{4}年\d{1,2}月\d{1,2}日"#)
    private static let page = try! NSRegularExpression(pattern: #"\b(Page|PAGE|No\.) ?[A-Z]?\d{1,5}\b|第\s*[0-9一二三四五六七八九十]{1,3}\s*版|星期[一二三四五六日天]"#)
}

/// A section's name set over the headline in capitals (COUNCIL, CITY NEWS): one to three words, no
/// lower case, no figures.
enum SectionSlug {
    static func matches(_ t: [Unicode.Scalar]) -> Bool {
        let words = t.split(separator: " ")
        guard (1...3).contains(words.count), t.count <= 30 else { return false }
        return t.contains { CharClass.isASCIIUpper($0.value) }
            && t.allSatisfy { CharClass.isASCIIUpper($0.value) || $0 == " " || $0 == "&" || $0 == "-" }
    }
}
