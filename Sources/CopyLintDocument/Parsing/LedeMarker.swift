import CopyLintBase

/// `本报讯`, `本报北京1月1日电`, `新华社南京3月5日电`, `据新华社电`, `BEIJING, Sept. 27 (Reuters) -`,
/// with a following reporter credit (`（记者常钦）`, ` 记者王静 `).
enum LedeMarker {
    struct Match { let length: Int }

    static func match(_ t: [Unicode.Scalar]) -> Match? {
        if let n = chinese(t) { return Match(length: withReporter(t, from: n)) }
        if let n = english(t) { return Match(length: n) }
        return nil
    }

    private static func hasPrefix(_ t: [Unicode.Scalar], _ p: String, at i: Int = 0) -> Bool {
        hasPrefix(t, Array(p.unicodeScalars), at: i)
    }

    private static func hasPrefix(_ t: [Unicode.Scalar], _ ps: [Unicode.Scalar], at i: Int = 0) -> Bool {
        guard t.count >= i + ps.count else { return false }
        for k in ps.indices where t[i + k] != ps[k] { return false }
        return true
    }

    private static let benBaoXun = Array("本报讯".unicodeScalars)

    private static func chinese(_ t: [Unicode.Scalar]) -> Int? {
        if hasPrefix(t, benBaoXun) { return 3 }
        // 据新华社电, 据中新社电: a story taken from an agency, credited with no place or date.
        if t.first == "据", let dian = t.prefix(12).firstIndex(of: "电"), dian >= 3,
           !t[1..<dian].contains(where: isStop), t[1..<dian].contains(where: { $0 == "社" || $0 == "网" || $0 == "台" }),
           !t[1..<dian].contains(where: isDigit) {
            return dian + 1
        }
        // [agency or 本报][place][M月D日]电 within the first 24 scalars, no punctuation before it.
        let limit = min(t.count, 24)
        var i = 0
        while i < limit {
            let s = t[i]
            if s == "电", i >= 4, t[i - 1] == "日" {
                var k = i - 2
                var digits = 0
                while k >= 0, isDigit(t[k]) { k -= 1; digits += 1 }
                guard digits >= 1, digits <= 2, k >= 0, t[k] == "月" else { return nil }
                k -= 1
                digits = 0
                while k >= 0, isDigit(t[k]) { k -= 1; digits += 1 }
                guard digits >= 1, digits <= 2 else { return nil }
                let prefix = t[0...k]
                // The issuer: 本报…, …社…, …网…, …台…
                let issuer = prefix.starts(with: "本报".unicodeScalars) || prefix.contains("社") || prefix.contains("网")
                    || prefix.contains("台") || zip(prefix, prefix.dropFirst()).contains { $0 == "电" && $1 == "讯" }
                return issuer ? i + 1 : nil
            }
            if isStop(s) { return nil }
            i += 1
        }
        return nil
    }

    /// Punctuation that ends the search for a dateline: ，。；：！？、“”（）(), and the space (a switch:
    /// this runs on the first characters of every paragraph).
    private static func isStop(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", "。", "；", "：", "！", "？", "、", "“", "”", "（", "）", "(", ")", ",", " ": return true
        default: return false
        }
    }
    private static let chineseNumerals = ScalarSet("一二三四五六七八九十〇零".unicodeScalars)

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0xFF10 && s.value <= 0xFF19) || chineseNumerals.contains(s)
    }

    /// Extends a Chinese lede over a reporter credit: `（记者常钦）` or ` 记者王静 `.
    private static func withReporter(_ t: [Unicode.Scalar], from n: Int) -> Int {
        var i = n
        while i < t.count, t[i] == " " || t[i] == "\u{3000}" { i += 1 }
        if i < t.count, t[i] == "（" || t[i] == "(" {
            let close: Unicode.Scalar = t[i] == "（" ? "）" : ")"
            if hasPrefix(t, "记者", at: i + 1) || hasPrefix(t, "通讯员", at: i + 1) || hasPrefix(t, "本报记者", at: i + 1) {
                var j = i + 1
                while j < t.count, j < i + 40, t[j] != close { j += 1 }
                if j < t.count, t[j] == close { return j + 1 }
            }
            return n
        }
        if hasPrefix(t, "记者", at: i) || hasPrefix(t, "通讯员", at: i) {
            var j = i
            while j < t.count, j < i + 24, t[j] != " ", t[j] != "\u{3000}", t[j] != "，" { j += 1 }
            // "记者王静 " ends at a space; a comma means the sentence began already.
            if j < t.count, t[j] == " " || t[j] == "\u{3000}" {
                // Several reporters: 记者王静 李明 → stop at the first long run.
                return j
            }
        }
        return n
    }

    /// `CITY (Agency) -`, `CITY, Sept. 27 (Reuters) -`, `CITY -`.
    private static func english(_ t: [Unicode.Scalar]) -> Int? {
        var i = 0
        var caps = 0
        while i < t.count, i < 40 {
            let s = t[i]
            let hyphenInName = s == "-" && i + 1 < t.count && t[i + 1] != " "
            let upper = ScalarProperties.isUppercase(s)
            guard upper || s == " " || s == "." || s == "'" || hyphenInName else { break }
            if upper { caps += 1 }
            i += 1
        }
        guard caps >= 3 else { return nil }
        // Optional ", Sept. 27", or a country before it: ", England, Sept 17".
        if i < t.count, t[i] == "," {
            var j = i + 1
            while j < t.count, j < i + 28, t[j] != "(", t[j] != "-", t[j] != "–", t[j] != "—",
                  t[j] == " " || t[j] == "," || t[j] == "." || isDigit(t[j]) || t[j].properties.isAlphabetic { j += 1 }
            i = j
        }
        while i < t.count, t[i] == " " { i += 1 }
        var sawAgency = false
        if i < t.count, t[i] == "(" {
            var j = i + 1
            while j < t.count, j < i + 24, t[j] != ")" { j += 1 }
            // An agency or a date is a name (Reuters, AP, Jan. 5): `WINNERS (once)` is a table's label.
            guard j < t.count, t[j] == ")", j > i + 1, ScalarProperties.isUppercase(t[i + 1]) || isDigit(t[i + 1]) else { return nil }
            sawAgency = true
            i = j + 1
            while i < t.count, t[i] == " " { i += 1 }
        }
        if i < t.count, t[i] == "-" || t[i] == "–" || t[i] == "—" {
            var j = i
            while j < t.count, t[j] == "-" || t[j] == "–" || t[j] == "—" { j += 1 }
            guard j == t.count || t[j] == " " else { return nil }
            return j
        }
        return sawAgency && i >= t.count ? i : nil
    }
}
