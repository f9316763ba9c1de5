import CopyLintBase

/// Recognisers for the fixed forms of newspaper copy. They work on scalars and
/// know only conventions of the trade, never particular stories.
package enum TextTraits {
    /// The length of the time of day `t` opens with (18.10, 9:05, 18.32 BST, 10.32am), with what
    /// follows it set apart by a space; nil when it opens otherwise.
    package static func clockTimePrefix(_ t: [Unicode.Scalar]) -> Int? {
        func digit(_ k: Int) -> Bool { k < t.count && CharClass.isASCIIDigit(t[k].value) }
        let hours = digit(1) ? 2 : 1
        guard digit(0), hours + 3 <= t.count, t[hours] == "." || t[hours] == ":", digit(hours + 1), digit(hours + 2) else { return nil }
        var k = hours + 3
        // am, pm, a.m., or a zone in capitals (BST, GMT, CET).
        let j = k < t.count && t[k] == " " ? k + 1 : k
        var zone = j
        while zone < t.count, CharClass.isASCIILetter(t[zone].value) || t[zone] == "." { zone += 1 }
        if zone > j {
            let word = String(String.UnicodeScalarView(t[j..<zone]))
            if ["am", "pm", "a.m.", "p.m."].contains(word) || (2...4).contains(word.count) && word.allSatisfy(\.isUppercase) { k = zone }
        }
        return k == t.count || t[k] == " " ? k : nil
    }

    /// A figure of a date: a digit, a Chinese numeral, or the Latin O typed or read for 〇.
    package static func isDateFigure(_ c: UInt32) -> Bool {
        CharClass.isDigit(c) || dateNumerals.contains(c)
    }

    private static let dateNumerals = Set("〇零一二三四五六七八九十O".unicodeScalars.map(\.value))

    /// Where a Chinese date that opens the text ends: 2024年1月16日, 1月16日, 二〇二四年一月十六日 (and
    /// 二O二四年…, a Latin O or a zero for 〇 as OCR and hurried typing leave them); nil when it opens
    /// on none. The day is required.
    package static func chineseDatePrefix(_ t: [Unicode.Scalar]) -> Int? {
        var k = 0
        func figures(_ most: Int) -> Bool {
            let from = k
            while k < t.count, k - from < most, isDateFigure(t[k].value) { k += 1 }
            return k > from
        }
        guard figures(4) else { return nil }
        if k < t.count, t[k] == "年" {
            k += 1
            guard figures(2) else { return nil }
        }
        guard k < t.count, t[k] == "月" else { return nil }
        k += 1
        guard figures(3), k < t.count, t[k] == "日" else { return nil }
        return k + 1
    }

    /// The kinds of official document (文种) a 公文's title ends on: the fifteen of the regulations
    /// on Party and government documents, and the notices a paper's notice pages print.
    static let documentKinds: [[Unicode.Scalar]] = ["决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告",
                                                    "请示", "批复", "议案", "函", "纪要", "公示", "启事", "声明"].map { Array($0.unicodeScalars) }

    /// A 公文's title: 关于 the matter 的 (within the last eight characters) the kind of document, with no
    /// stop in it and no title quoted in 《》 (a sentence that cites a document names it so).
    package static func isOfficialTitle(_ t: [Unicode.Scalar]) -> Bool {
        guard t.count >= 6, t.count <= 80, !hasSentenceStop(t), !t.contains("《"), !t.contains("，"),
              let about = t.indices.first(where: { $0 + 1 < t.count && t[$0] == "关" && t[$0 + 1] == "于" }),
              let kind = documentKinds.first(where: { t.count > $0.count && Array(t.suffix($0.count)) == $0 }) else { return false }
        let end = t.count - kind.count
        guard let de = t[..<end].lastIndex(of: "的"), de > about + 2, end - de <= 8 else { return false }
        return true
    }

    /// A document's number: the issuer's abbreviation, the year in 〔〕 (or [ ], 【】), the number and
    /// 号 (塘公交通〔2024〕17号).
    package static func isDocumentNumber(_ t: [Unicode.Scalar]) -> Bool {
        guard t.count <= 30, t.last == "号", let open = t.firstIndex(where: { $0 == "〔" || $0 == "[" || $0 == "【" || $0 == "［" }),
              open + 5 < t.count, t[(open + 1)...(open + 4)].allSatisfy({ CharClass.isASCIIDigit($0.value) }),
              ["〕", "]", "】", "］"].contains(t[open + 5]) else { return false }
        return t[(open + 6)..<(t.count - 1)].allSatisfy { CharClass.isASCIIDigit($0.value) } && open + 6 < t.count - 1
    }

    package static let sentenceFinal: ScalarSet = ["。", "！", "？", "!", "?", ".", "…", "；", ";", "．", "｡"]
    package static let openers: ScalarSet = ["“", "‘", "「", "『", "（", "(", "《", "〈", "【", "[", "〔", "［"]

    package static func isHan(_ s: Unicode.Scalar) -> Bool { CharacterData.isHan(s.value) }

    package static func hanCount(_ text: [Unicode.Scalar]) -> Int { text.reduce(0) { $0 + (isHan($1) ? 1 : 0) } }

    package static func wordCount(_ text: [Unicode.Scalar]) -> Int {
        var n = 0, inWord = false
        for s in text {
            let w = !ScalarProperties.isWhitespace(s)
            if w, !inWord { n += 1 }
            inWord = w
        }
        return n
    }

    /// The last scalar that is not a closing quote or bracket or white space.
    package static func lastSignificant(_ text: [Unicode.Scalar]) -> Unicode.Scalar? {
        var i = text.count - 1
        while i >= 0, CharClass.isClosingMark(text[i].value) || ScalarProperties.isWhitespace(text[i]) { i -= 1 }
        return i >= 0 ? text[i] : nil
    }

    package static func endsSentence(_ text: [Unicode.Scalar]) -> Bool {
        guard let last = lastSignificant(text) else { return false }
        return sentenceFinal.contains(last)
    }

    /// The range opens with a dash (- – —) and a space: a credit line, or an item of a list.
    package static func opensWithDash(_ bytes: [UInt8], _ r: SourceRange) -> Bool {
        let s = r.start, e = r.end
        if s + 1 < e, bytes[s] == 0x2D { return bytes[s + 1] == 0x20 }
        return s + 3 < e && bytes[s] == 0xE2 && bytes[s + 1] == 0x80 && (bytes[s + 2] == 0x93 || bytes[s + 2] == 0x94) && bytes[s + 3] == 0x20
    }

    /// Which turn of an interview a text is: 问：, 记者： or Q: (a question), 答： or A: (an answer),
    /// then what was asked or said; nil for anything else.
    package enum InterviewTurn { case question, answer }

    package static func interviewTurn<C: Collection>(_ text: C) -> InterviewTurn? where C.Element == UInt32 {
        var it = text.makeIterator()
        guard let a = it.next(), let b = it.next(), let c = it.next() else { return nil }
        let fullColon = b == 0xFF1A, colon = b == 0x3A
        switch a {
        case 0x95EE where fullColon || colon: return .question                 // 问
        case 0x7B54 where fullColon || colon: return .answer                   // 答
        case 0x51 where fullColon || (colon && c == 0x20): return .question    // Q
        case 0x41 where fullColon || (colon && c == 0x20): return .answer      // A
        case 0x8BB0 where b == 0x8005 && c == 0xFF1A: return .question          // 记者：
        default: return nil
        }
    }

    package static func interviewTurn(_ text: [Unicode.Scalar]) -> InterviewTurn? {
        interviewTurn(text.prefix(3).map(\.value))
    }

    package static func isInterviewTurn(_ text: [Unicode.Scalar]) -> Bool { interviewTurn(text) != nil }

    /// The line is set whole in 【】 (【从自行车到摩托车】), as a box's name or a story's subheads are.
    package static func setInBlackBrackets(_ t: [Unicode.Scalar]) -> Bool {
        t.count >= 3 && t.first == "【" && t.last == "】" && !t.dropFirst().dropLast().contains { $0 == "【" || $0 == "】" }
    }

    /// The line opens with a section's number: 一、 二十、 （三） (4) 5. 6、 第七 ①. A numbered heading
    /// heads a section of its own story, never another story.
    package static func opensWithSectionNumber(_ text: [Unicode.Scalar]) -> Bool {
        guard let first = text.first else { return false }
        if (0x2460...0x2473).contains(first.value) { return true }   // ① … ⑳
        let chineseNumerals = "一二三四五六七八九十百零〇".unicodeScalars
        var k = 0
        let bracketed = first == "（" || first == "("
        if bracketed { k = 1 }
        let start = k
        if k < text.count, text[k] == "第" { k += 1 }
        let numeralsFrom = k
        while k < text.count, chineseNumerals.contains(text[k]) || ("0"..."9").contains(text[k]) || ("０"..."９").contains(text[k]) { k += 1 }
        guard k > numeralsFrom, k - numeralsFrom <= 3, k < text.count else { return false }
        if bracketed { return text[k] == "）" || text[k] == ")" }
        // (第一章, 第四部分, 第二、: not 第一时间.)
        if text[start] == "第" { return "章节条篇部、　 ".unicodeScalars.contains(text[k]) }
        return text[k] == "、" || (text[k] == "." && k + 1 < text.count && text[k + 1] == " ") || text[k] == "．"
    }

    /// Sentence punctuation anywhere (a headline has none, except ! ? at its end).
    package static func hasSentenceStop(_ text: [Unicode.Scalar]) -> Bool {
        for (i, s) in text.enumerated() {
            if s == "。" || s == "；" { return true }
            if s == ".", i + 1 < text.count, text[i + 1] == " ", i > 0, text[i - 1].properties.isLowercase, !isAbbreviation(text, dot: i) { return true }
        }
        return false
    }

    /// The word before the dot at `dot` is a short capitalised abbreviation: St., Mr., Dr., Jr., Mt.
    static func isAbbreviation(_ text: [Unicode.Scalar], dot: Int) -> Bool {
        var k = dot
        while k > 0, text[k - 1].properties.isAlphabetic { k -= 1 }
        let length = dot - k
        return length >= 2 && length <= 3 && text[k].properties.isUppercase && (k == 0 || text[k - 1] == " ")
    }

    package static func looksLikeHeadline(_ text: [Unicode.Scalar], maxChinese: Int = 60,
                                  maxWords: Int = 20) -> Bool {
        guard !text.isEmpty, !hasSentenceStop(text), isBalanced(text) else { return false }
        if let last = lastSignificant(text), last == "。" || last == "." || last == "," || last == "，" || last == "、" || last == "：" || last == ":" { return false }
        if endsOnFunctionWord(text) || endsOnFunctionCharacter(text) { return false }
        let han = hanCount(text)
        if han > 0 { return text.count <= maxChinese + 10 && han <= maxChinese }
        return wordCount(text) <= maxWords && text.count <= maxWords * 9
    }

    /// A headline never ends on an article, a conjunction or an auxiliary ("Three executives of").
    package static func endsOnFunctionWord(_ text: [Unicode.Scalar]) -> Bool {
        // The words are ASCII: text ending in anything else (a Chinese headline) cannot end on one.
        guard let last = text.last, CharClass.isASCIILetter(last.value) else { return false }
        var k = text.count
        while k > 0, text[k - 1].properties.isAlphabetic { k -= 1 }
        guard k < text.count else { return false }
        // (ASCII words, the usual case, are compared as bytes folded to lower case, with no string made.)
        if text[k...].allSatisfy({ $0.value < 0x80 }) {
            return text.count - k <= headlineNeverEndsOnLongest && headlineNeverEndsOnBytes.contains(text[k...].map { UInt8($0.value | 0x20) })
        }
        let word = String(String.UnicodeScalarView(text[k...])).lowercased()
        return headlineNeverEndsOn.contains(word)
    }

    private static let headlineNeverEndsOnBytes = Set(headlineNeverEndsOn.map { Array($0.utf8) })
    private static let headlineNeverEndsOnLongest = headlineNeverEndsOn.map(\.count).max() ?? 0

    /// An English line with a finite form of "be" in it (is, are, was, were): headlines drop them
    /// ("Oscars race enters final furlong"), running prose keeps them ("The new picture is expected").
    package static func hasFiniteBe(_ text: [Unicode.Scalar]) -> Bool { containsWord(text, finiteBe) }

    /// An English line with a finite "be", or with "has", "have" or "had": the perfect of running
    /// prose too ("LVMH has sold"), where a headline says "LVMH sells".
    package static func hasFiniteBeOrHave(_ text: [Unicode.Scalar]) -> Bool { containsWord(text, finiteBeOrHave) }

    /// One of `words` (lower case, ASCII) occurs in `text` as a word, whatever its case.
    private static func containsWord(_ text: [Unicode.Scalar], _ words: Set<[UInt8]>) -> Bool {
        var word: [UInt8] = []
        for s in text {
            if s.value < 0x80, CharClass.isASCIILetter(s.value) { word.append(UInt8(s.value | 0x20)); continue }
            if words.contains(word) { return true }
            word.removeAll(keepingCapacity: true)
        }
        return words.contains(word)
    }

    /// How many times "a", "an" or "the" occur (headlines drop articles).
    package static func articleCount(_ text: [Unicode.Scalar]) -> Int {
        var word: [UInt8] = [], n = 0
        for s in text + [" "] {
            if s.value < 0x80, CharClass.isASCIILetter(s.value) { word.append(UInt8(s.value | 0x20)); continue }
            if word == [0x61] || word == [0x61, 0x6E] || word == [0x74, 0x68, 0x65] { n += 1 }
            word.removeAll(keepingCapacity: true)
        }
        return n
    }

    private static let finiteBe: Set<[UInt8]> = Set(["is", "are", "was", "were"].map { Array($0.utf8) })
    private static let finiteBeOrHave: Set<[UInt8]> = finiteBe.union(["has", "have", "had"].map { Array($0.utf8) })

    /// Characters a Chinese sentence cannot stop on when they stand alone (的, 和, 在, 不 …).
    package static let danglingChinese = ScalarSet("的地得和与及或对在把被将从向以于由而并且但因若则就都也还又再才更最很不没其之所这那该各每某是让使给跟同比为即既虽当自按据经令".unicodeScalars.map(\.value))

    /// Ends on a function character standing alone — 不 of 很多人不, not 当 of 担当.
    package static func endsOnFunctionCharacter(_ text: [Unicode.Scalar]) -> Bool {
        guard let last = text.last, danglingChinese.contains(last.value) else { return false }
        var tail: [UInt32] = []
        for s in text.reversed() {
            guard CharacterData.script(s.value) == .han, tail.count < 4 else { break }
            tail.insert(s.value, at: 0)
        }
        guard let token = ChineseLexicon.segment(tail).last else { return false }
        return token.length == 1
    }

    package static let headlineNeverEndsOn: Set<String> = ["a", "an", "the", "of", "to", "and", "or", "but", "with", "for", "from",
                                                   "by", "at", "has", "have", "had", "is", "are", "was", "were", "their",
                                                   "its", "his", "her", "which", "that", "than", "as"]

    /// "王毅说，" / "他表示：": a sentence reporting speech.
    package static let speechLeads: [[Unicode.Scalar]] = ["说，", "说：", "表示，", "表示：", "指出，", "认为，", "强调，"].map { Array($0.unicodeScalars) }

    package static func containsSpeechLead(_ text: [Unicode.Scalar]) -> Bool {
        for k in text.indices where text[k] == "，" || text[k] == "：" {
            for lead in speechLeads where k + 1 >= lead.count && text[(k + 1 - lead.count)...k].elementsEqual(lead) { return true }
        }
        return false
    }

    /// Quotes and brackets close in order.
    package static func isBalanced(_ text: [Unicode.Scalar]) -> Bool {
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

    package static let pairs: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "「": "」", "『": "』", "（": "）", "(": ")",
                                                          "《": "》", "【": "】", "〔": "〕", "［": "］"]

    package static let boxMarks = ScalarSet("■□▲△◆◇●○★☆◎".unicodeScalars)

    /// Short notes that are not sentences: `核心阅读`, `——编者`, `（执笔：韩震）`, `【延伸阅读】`.
    package static func isLabel(_ text: [Unicode.Scalar]) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if (first == "（" && last == "）") || (first == "(" && last == ")") || (first == "【" && last == "】")
            || (first == "〔" && last == "〕") {
            return isBalanced(text) && enclosesWhole(text)
        }
        if text.count >= 3, text[0] == "—", text[1] == "—", text.count <= 30 { return true }
        // A credit after a story or a letter: - Staff report, — Reuters, -- AP, - Claire Bérubé,
        // secretary, Dunmere Allotment Society (a dash, a space, a name and what the writer is).
        if text.count <= 60, "-–—".unicodeScalars.contains(text[0]) {
            var k = 0
            while k < text.count, "-–—".unicodeScalars.contains(text[k]) { k += 1 }
            if k <= 2, k < text.count, text[k] == " " {
                let rest = Array(text[(k + 1)...])
                if let first = rest.first, first.properties.isUppercase, !hasSentenceStop(rest), wordCount(rest) <= 8 { return true }
            }
        }
        // Credits: 制图：蔡华伟, 版式设计：张三, 责编：李四, 数据来源：商务部、国家统计局、天猫.
        // (Not a question: 问：为什么不引进连锁品牌？ is an interview's copy.)
        // (Not a numbered section head, 三、清单办得怎么样：群众打分: a heading, not a credit.)
        if let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }), colon > 0, colon <= 8,
           !hasSentenceStop(text), !text.contains("，"), last != "？", last != "?", !opensWithSectionNumber(text) {
            if text.count <= 24 { return true }
            // Source: County elections office, Photo: Harbour Press (one word before the colon).
            if text.count <= 60, !text[..<colon].contains(" "), text[..<colon].allSatisfy({ $0.properties.isAlphabetic }),
               text.first.map({ $0.properties.isUppercase }) == true { return true }
            // A longer credit is a list of names (、 between them), none of them a clause.
            let items = text[(colon + 1)...].split(separator: "、")
            if text.count <= 80, items.count >= 3, items.allSatisfy({ $0.count <= 12 }) { return true }
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

    /// A colon (：or :) among the first 36 bytes of `r`.
    package static func colonNearStart(_ bytes: [UInt8], _ r: SourceRange) -> Bool {
        var k = r.start
        let end = min(r.end, r.start + 36)
        while k < end {
            if bytes[k] == 0x3A { return true }
            if bytes[k] == 0xEF, k + 2 < r.end, bytes[k + 1] == 0xBC, bytes[k + 2] == 0x9A { return true }
            k += 1
        }
        return false
    }
}
