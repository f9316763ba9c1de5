/// Recognisers for the fixed forms of newspaper copy. They work on scalars and
/// know only conventions of the trade, never particular stories.
enum TextTraits {
    static let sentenceFinal: ScalarSet = ["。", "！", "？", "!", "?", ".", "…", "；", ";", "．", "｡"]
    static let openers: ScalarSet = ["“", "‘", "「", "『", "（", "(", "《", "〈", "【", "[", "〔", "［"]

    static func isHan(_ s: Unicode.Scalar) -> Bool { CharacterData.isHan(s.value) }

    static func hanCount(_ text: [Unicode.Scalar]) -> Int { text.reduce(0) { $0 + (isHan($1) ? 1 : 0) } }

    static func wordCount(_ text: [Unicode.Scalar]) -> Int {
        var n = 0, inWord = false
        for s in text {
            let w = !ScalarProperties.isWhitespace(s)
            if w, !inWord { n += 1 }
            inWord = w
        }
        return n
    }

    /// The last scalar that is not a closing quote or bracket or white space.
    static func lastSignificant(_ text: [Unicode.Scalar]) -> Unicode.Scalar? {
        var i = text.count - 1
        while i >= 0, CharClass.isClosingMark(text[i].value) || ScalarProperties.isWhitespace(text[i]) { i -= 1 }
        return i >= 0 ? text[i] : nil
    }

    static func endsSentence(_ text: [Unicode.Scalar]) -> Bool {
        guard let last = lastSignificant(text) else { return false }
        return sentenceFinal.contains(last)
    }

    /// Sentence punctuation anywhere (a headline has none, except ! ? at its end).
    static func hasSentenceStop(_ text: [Unicode.Scalar]) -> Bool {
        for (i, s) in text.enumerated() {
            if s == "。" || s == "；" { return true }
            if s == ".", i + 1 < text.count, text[i + 1] == " ", i > 0, text[i - 1].properties.isLowercase { return true }
        }
        return false
    }

    static func looksLikeHeadline(_ text: [Unicode.Scalar], maxChinese: Int = 60,
                                  maxWords: Int = 20) -> Bool {
        guard !text.isEmpty, !hasSentenceStop(text), isBalanced(text) else { return false }
        if let last = lastSignificant(text), last == "。" || last == "." || last == "," || last == "，" || last == "、" || last == "：" || last == ":" { return false }
        if endsOnFunctionWord(text) || endsOnFunctionCharacter(text) { return false }
        let han = hanCount(text)
        if han > 0 { return text.count <= maxChinese + 10 && han <= maxChinese }
        return wordCount(text) <= maxWords && text.count <= maxWords * 9
    }

    /// A headline never ends on an article, a conjunction or an auxiliary ("Three executives of").
    static func endsOnFunctionWord(_ text: [Unicode.Scalar]) -> Bool {
        // The words are ASCII: text ending in anything else (a Chinese headline) cannot end on one.
        guard let last = text.last, CharClass.isASCIILetter(last.value) else { return false }
        var k = text.count
        while k > 0, text[k - 1].properties.isAlphabetic { k -= 1 }
        guard k < text.count else { return false }
        let word = String(String.UnicodeScalarView(text[k...])).lowercased()
        return headlineNeverEndsOn.contains(word)
    }

    /// Characters a Chinese sentence cannot stop on when they stand alone (的, 和, 在, 不 …).
    static let danglingChinese = ScalarSet("的地得和与及或对在把被将从向以于由而并且但因若则就都也还又再才更最很不没其之所这那该各每某是让使给跟同比为即既虽当自按据经令".unicodeScalars.map(\.value))

    /// Ends on a function character standing alone — 不 of 很多人不, not 当 of 担当.
    static func endsOnFunctionCharacter(_ text: [Unicode.Scalar]) -> Bool {
        guard let last = text.last, danglingChinese.contains(last.value) else { return false }
        var tail: [UInt32] = []
        for s in text.reversed() {
            guard CharacterData.script(s.value) == .han, tail.count < 4 else { break }
            tail.insert(s.value, at: 0)
        }
        guard let token = ChineseLexicon.segment(tail).last else { return false }
        return token.length == 1
    }

    static let headlineNeverEndsOn: Set<String> = ["a", "an", "the", "of", "to", "and", "or", "but", "with", "for", "from",
                                                   "by", "at", "has", "have", "had", "is", "are", "was", "were", "their",
                                                   "its", "his", "her", "which", "that", "than", "as"]

    /// "王毅说，" / "他表示：": a sentence reporting speech.
    static let speechLeads: [[Unicode.Scalar]] = ["说，", "说：", "表示，", "表示：", "指出，", "认为，", "强调，"].map { Array($0.unicodeScalars) }

    static func containsSpeechLead(_ text: [Unicode.Scalar]) -> Bool {
        for k in text.indices where text[k] == "，" || text[k] == "：" {
            for lead in speechLeads where k + 1 >= lead.count && text[(k + 1 - lead.count)...k].elementsEqual(lead) { return true }
        }
        return false
    }

    /// Quotes and brackets close in order.
    static func isBalanced(_ text: [Unicode.Scalar]) -> Bool {
        var stack: [Unicode.Scalar] = []
        for s in text {
            switch s {
            case "“", "「", "『", "（", "(", "《", "【", "〔", "［": stack.append(s)
            case "”", "」", "』", "）", ")", "》", "】", "〕", "］":
                guard let top = stack.popLast(), pairs[top] == s || (top == "（" && s == ")") || (top == "(" && s == "）") else { return false }
            default: break
            }
        }
        return stack.isEmpty
    }

    static let pairs: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "「": "」", "『": "』", "（": "）", "(": ")",
                                                          "《": "》", "【": "】", "〔": "〕", "［": "］"]

    static let boxMarks = ScalarSet("■□▲△◆◇●○★☆◎".unicodeScalars)

    /// Short notes that are not sentences: `核心阅读`, `——编者`, `（执笔：韩震）`, `【延伸阅读】`.
    static func isLabel(_ text: [Unicode.Scalar]) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if (first == "（" && last == "）") || (first == "(" && last == ")") || (first == "【" && last == "】")
            || (first == "〔" && last == "〕") {
            return isBalanced(text) && enclosesWhole(text)
        }
        if text.count >= 3, text[0] == "—", text[1] == "—", text.count <= 30 { return true }
        // Credits: 制图：蔡华伟, 版式设计：张三, 责编：李四.
        if text.count <= 24, let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }), colon > 0, colon <= 8,
           !hasSentenceStop(text), !text.contains("，") {
            return true
        }
        if text.count <= 6 {
            let han = hanCount(text)
            if han > 0, han == text.count || (han == text.count - 1 && (last == "：" || last == ":")) { return true }
        }
        // ■小贴士, ▲链接
        if Self.boxMarks.contains(first), text.count <= 16 { return true }
        return false
    }

    /// The opening bracket at the start closes only at the very end.
    private static func enclosesWhole(_ text: [Unicode.Scalar]) -> Bool {
        var depth = 0
        for (i, s) in text.enumerated() {
            if openers.contains(s) && s != "“" && s != "‘" { depth += 1 }
            if CharClass.isClosingMark(s.value) && s != "”" && s != "’" && s != "\"" && s != "'" {
                depth -= 1
                if depth == 0, i != text.count - 1 { return false }
            }
        }
        return true
    }
}

/// Unicode properties the recognisers ask of every scalar they read, answered without the standard
/// library's property tables for ASCII and for Chinese (where the answer is fixed).
enum ScalarProperties {
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v == 0x3000 { return true }
        if v > 0x3000 && v < 0xA640 { return false }   // CJK: no other white space
        return s.properties.isWhitespace
    }

    @inline(__always)
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0x2E80 && v < 0xA640 { return false }   // CJK, Yi, Lisu, Vai: no capital letters
        return s.properties.isUppercase
    }
}

/// `本报讯`, `本报北京1月1日电`, `新华社南京3月5日电`, `BEIJING, Sept. 27 (Reuters) -`,
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
        // Optional ", Sept. 27"
        if i < t.count, t[i] == "," {
            var j = i + 1
            while j < t.count, j < i + 14, t[j] != "(", t[j] != "-", t[j] != "–", t[j] != "—" { j += 1 }
            i = j
        }
        while i < t.count, t[i] == " " { i += 1 }
        var sawAgency = false
        if i < t.count, t[i] == "(" {
            var j = i + 1
            while j < t.count, j < i + 24, t[j] != ")" { j += 1 }
            guard j < t.count, t[j] == ")" else { return nil }
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

/// `□ 本报记者 李明远`, `本报通讯员 周文`, `By Jane Doe`.
enum Byline {
    static let roles = ["本报记者", "本报通讯员", "本报特约记者", "本报评论员", "特约评论员", "本报驻", "记者", "通讯员",
                        "新华社记者", "特约记者", "本报特派记者", "文/", "文／"].map { Array($0.unicodeScalars) }

    /// The first scalars of `roles`: a line starting with anything else credits no role.
    static let roleStarts = ScalarSet(roles.compactMap(\.first))

    static func matches(_ text: [Unicode.Scalar]) -> Bool {
        guard text.count <= 80 else { return false }
        var start = 0
        while start < text.count, text[start] == " " || TextTraits.boxMarks.contains(text[start]) { start += 1 }
        let t = text[start...]
        if t.starts(with: "By ".unicodeScalars) || t.starts(with: "BY ".unicodeScalars) {
            let words = t.split(separator: " ")
            guard words.count >= 2, words.count <= 10 else { return false }
            guard let second = words.dropFirst().first?.first, second.properties.isUppercase else { return false }
            return t.last != "." || words.last.map { $0.count <= 3 } == true
        }
        guard text.count <= 60 else { return false }
        if isSpacedNameCredit(t) { return true }
        guard let first = t.first, roleStarts.contains(first), roles.contains(where: { t.starts(with: $0) }) else { return false }
        if t.contains(where: { $0 == "。" || $0 == "！" || $0 == "？" || $0 == "，" }) { return false }
        var tail = t[...]
        while let l = tail.last, l == " " || l == "\u{3000}" { tail = tail.dropLast() }
        if tail.last == "摄" || (tail.suffix(2).elementsEqual("报道".unicodeScalars) && t.count > 30) { return false }
        return true
    }
}

extension Byline {
    /// `山东蒙阴县  何  勇`, `河北唐山市  许贵元`: a place and a name set apart by wide spaces,
    /// the way Chinese papers credit readers and contributors.
    static let placeSuffixes = ScalarSet("省市县区州镇乡村旗".unicodeScalars)

    static func isSpacedNameCredit(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        guard t.count <= 24 else { return false }
        let isSpace = { (u: Unicode.Scalar) in u == " " || u == "\u{3000}" || u == "\u{A0}" }
        let parts = t.split(whereSeparator: isSpace)
        guard parts.count >= 2, parts.allSatisfy({ $0.count <= 8 }) else { return false }
        guard parts.allSatisfy({ $0.allSatisfy { CharacterData.script($0.value) == .han } }) else { return false }
        if parts.count >= 3, parts.contains(where: { $0.count == 1 }) { return true }
        // 河北唐山市  许贵元: a reader's or writer's place and name, set apart by a wide space.
        let wide = zip(t, t.dropFirst()).contains { $0 == " " && $1 == " " } || t.contains("\u{3000}") || t.contains("\u{A0}")
        guard let place = parts.first?.last, placeSuffixes.contains(place), let name = parts.last,
              (2...4).contains(name.count), wide else { return false }
        return true
    }
}

/// `图为…`, `…  本报通讯员 赵一凡 摄`, `Photo: …`.
enum Caption {
    static let prefixes = ["图为", "上图", "下图", "左图", "右图", "图①", "图②", "图③", "图④", "图⑤", "题图", "图片", "照片为",
                           "Photo:", "Picture:", "Pictured:", "Image:", "PHOTO:", "(Photo", "（Photo"].map { Array($0.unicodeScalars) }
    static let creditSuffixes = ["（新华社发）", "（资料图片）"].map { Array($0.unicodeScalars) }

    /// The first scalars of `prefixes`: most blocks start with none of them.
    static let prefixStarts = ScalarSet(prefixes.compactMap(\.first))

    static func matches(_ text: [Unicode.Scalar]) -> Bool {
        if let first = text.first, prefixStarts.contains(first), prefixes.contains(where: { text.starts(with: $0) }) { return true }
        var end = text.count
        while end > 0, text[end - 1] == " " || text[end - 1] == "\u{3000}" { end -= 1 }
        let trimmed = text[..<end]
        if creditSuffixes.contains(where: { trimmed.suffix($0.count).elementsEqual($0) }) { return true }
        var tail = trimmed
        while let l = tail.last, l == " " || l == "\u{3000}" || l == "）" || l == ")" { tail = tail.dropLast() }
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
