import Foundation
import CopyLintBase

/// A page of an edition: its section (A, B; empty when the paper has none) and its number.
public struct PageID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let section: String
    public let number: Int

    public init(section: String = "", number: Int) {
        self.section = section.uppercased()
        self.number = number
    }

    /// `2`, `02`, `A6`, `二`, `十二`: a page as printed in a jump line or a folio.
    public init?(printed text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        var letters = ""
        var digits = ""
        for ch in t {
            if ch.isASCII, ch.isLetter, digits.isEmpty { letters.append(ch) } else { digits.append(ch) }
        }
        guard letters.count <= 1 else { return nil }
        if let n = Int(digits), n > 0 {
            self.init(section: letters, number: n)
        } else if letters.isEmpty, let converted = JumpLine.pageNumber(digits), let n = Int(converted), n > 0 {
            self.init(number: n)
        } else {
            return nil
        }
    }

    public static func < (a: PageID, b: PageID) -> Bool { (a.section, a.number) < (b.section, b.number) }

    /// `A6`, `2`.
    public var description: String { section + String(number) }
}

/// Where an edition's pages get their numbers: the file's name, by a pattern (the common conventions,
/// or the desk's own), failing that a folio line on the page.
public enum PageNumbering {
    /// A desk's own pattern: a regular expression with a group named `page` (and optionally one named
    /// `section`), matched against the file's name without its extension.
    public static func pattern(_ source: String) throws -> NSRegularExpression {
        let regex = try NSRegularExpression(pattern: source)
        guard source.contains("(?<page>") else {
            throw NSError(domain: "copylint", code: 1, userInfo: [NSLocalizedDescriptionKey: "the pattern needs a group named page: (?<page>…)"])
        }
        return regex
    }

    /// The page a file's name gives: by the desk's `patterns` in order, then by the conventions
    /// copylint knows, on the name without its extension — People's Daily's export
    /// `rmrb-20200102-05-03` (date, page, article: several files a page; any prefix or none),
    /// `01版` / `第01版`, `p01` / `page-01` / `page_A6`, and `A01` / `A1` / `B03` / `01`.
    public static func fromFileName(_ path: String, patterns: [NSRegularExpression] = []) -> PageID? {
        let scalars = stem(path)
        if !patterns.isEmpty {
            var stem = ""
            stem.unicodeScalars.append(contentsOf: scalars)
            let range = NSRange(stem.startIndex..., in: stem)
            for regex in patterns {
                guard let m = regex.firstMatch(in: stem, range: range) else { continue }
                func group(_ name: String) -> String? {
                    let r = m.range(withName: name)
                    guard r.location != NSNotFound, let sr = Range(r, in: stem) else { return nil }
                    return String(stem[sr])
                }
                guard let page = group("page"), let n = Int(page), n > 0 else { continue }
                return PageID(section: group("section") ?? "", number: n)
            }
        }
        return conventional(scalars)
    }

    /// A path's file name without its extension (as `lastPathComponent` then `deletingPathExtension`
    /// give it, without a trip through NSString: a name is read once per page of every run).
    static func stem(_ path: String) -> [Unicode.Scalar] {
        var s = Array(path.unicodeScalars)
        while s.count > 1, s.last == "/" { s.removeLast() }
        if let slash = s.lastIndex(of: "/") { s.removeFirst(slash + 1) }
        if let dot = s.lastIndex(of: "."), dot > 0 { s.removeLast(s.count - dot) }
        return s
    }

    /// The conventions, read by hand (a file name is read once per page of every run).
    static func conventional(_ s: [Unicode.Scalar]) -> PageID? {
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
        func isLetter(_ c: Unicode.Scalar) -> Bool { (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        /// Digits filling `s[from..<to]`, at most three after leading zeros: the number.
        func number(_ from: Int, _ to: Int) -> Int? {
            guard from < to, s[from..<to].allSatisfy(isDigit) else { return nil }
            let significant = s[from..<to].drop { $0 == "0" }
            guard (1...3).contains(significant.count) else { return nil }
            return significant.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
        }
        /// `[-_ ]?` `[A-Za-z]?` then the number, to the end.
        func sectionAndNumber(_ start: Int, separator: Bool) -> PageID? {
            var i = start
            if separator, i < s.count, s[i] == "-" || s[i] == "_" || s[i] == " " { i += 1 }
            var section = ""
            if i < s.count, isLetter(s[i]) { section = String(s[i]); i += 1 }
            return number(i, s.count).map { PageID(section: section, number: $0) }
        }
        // The export: DATE-PP-NN, the date eight digits after a non-digit or the start.
        let dashes = s.indices.filter { s[$0] == "-" }
        if dashes.count >= 2 {
            let d1 = dashes[dashes.count - 2], d2 = dashes[dashes.count - 1]
            let article = s[(d2 + 1)...], page = s[(d1 + 1)..<d2]
            if (1...3).contains(article.count), article.allSatisfy(isDigit), (1...3).contains(page.count),
               d1 >= 8, s[(d1 - 8)..<d1].allSatisfy(isDigit), d1 == 8 || !isDigit(s[d1 - 9]),
               let n = number(d1 + 1, d2) {
                return PageID(number: n)
            }
        }
        // 01版, 第01版.
        if let last = s.last, last == "版" {
            return number(s.first == "第" ? 1 : 0, s.count - 1).map { PageID(number: $0) }
        }
        // page-01, page_A6, p01, P7.
        if s.count > 4, String(String.UnicodeScalarView(s.prefix(4))).lowercased() == "page",
           let id = sectionAndNumber(4, separator: true) {
            return id
        }
        if let first = s.first, first == "p" || first == "P", let id = sectionAndNumber(1, separator: true) { return id }
        // A01, A1, B03, 01.
        return sectionAndNumber(0, separator: false)
    }

    /// The page a folio line says, among the first and last three lines of the page's copy:
    /// `第2版`, `第二版`, `Page A6`, `PAGE 6`.
    public static func fromFolio(_ document: Document) -> PageID? {
        let blocks = document.blocks
        let candidates = Array(blocks.prefix(3)) + Array(blocks.suffix(3))
        for block in candidates where block.textRange.length <= 60 {
            let text = document.text(block).trimmingCharacters(in: .whitespaces)
            for regex in folioPatterns {
                let range = NSRange(text.startIndex..., in: text)
                if let m = regex.firstMatch(in: text, range: range), let r = Range(m.range(withName: "page"), in: text),
                   let page = PageID(printed: String(text[r])) {
                    return page
                }
            }
        }
        return nil
    }

    static let folioPatterns: [NSRegularExpression] = [
        #"^第\s*(?<page>[0-9一二三四五六七八九十]{1,3})\s*版(?:\s|$|[：:·|｜])"#,
        #"^(?i:page)\s+(?<page>[A-Za-z]?\d{1,3})(?:$|\s*[|｜·:：/—–-])"#,
    ].map { try! NSRegularExpression(pattern: $0) }
}
