import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Flags words whose script does not belong where they stand: English words inside Chinese
/// running text, traditional characters in simplified copy (and the reverse), Latin words
/// spelled with Cyrillic or Greek look-alikes or full-width letters, and Chinese characters
/// inside English words.
public struct MixedScriptRule: Rule {
    /// It decodes the paragraphs that hold letters.
    public var relativeCost: Int { 2 }

    /// Which blocks hold letters or characters of the other variant; a giant block's windows' too.
    public var neededFacts: FactSet { [.scripts, .windows] }

    /// A giant block's windows (a file without line breaks) are checked on all cores.
    public func usesAllCores(for document: Document) -> Bool {
        document.blocks.contains { $0.textRange.length > TextWindows.giant }
    }

    public static let description = RuleDescription(
        id: "mixed-script",
        summary: "A word mixes scripts or does not belong to the copy's script",
        rationale: """
            OCR, input methods and copy pasted from other systems leave words that look right and are wrong: \
            a Cyrillic а inside "Paris" breaks search and spell-checking, a traditional 級 in simplified copy \
            (or 级 in traditional copy) is a typesetting error readers notice, an English word dropped into a \
            Chinese sentence (提升了整体的 works 效率) is a translation left half done, and a stray 了 inside an \
            English word is keyboard debris. Latin that belongs in Chinese copy is left alone: acronyms and \
            initialisms (GDP, 5G, PM2.5, A股), units after numbers, brand and product names (iPhone, OPPO), \
            URLs and e-mail addresses, foreign terms in brackets after their Chinese rendering, and titles in \
            《》 or quotes. Characters valid in both simplified and traditional copy (后, 干, 范, 著, 里, 只 …) \
            are never flagged: the variant tables come from Unicode's Unihan data, checked against the \
            Table of General Standard Chinese Characters and Big5.
            """,
        defaultSeverity: .error,
        options: [
            OptionSpec("variant", default: .string("auto"),
                       help: "Chinese variant of the copy: auto (detect per file), simplified or traditional",
                       allowed: ["auto", "simplified", "traditional"]),
            OptionSpec("allowWords", default: .strings(["app", "apps", "vivo", "vlog", "wifi", "logo", "blog", "cosplay", "emoji"]),
                       help: "Lower-case Latin words accepted inside Chinese text (loanwords and brands written in lower case)"),
            OptionSpec("checkEnglishInChinese", default: .bool(true), help: "Report English words inside Chinese running text"),
            OptionSpec("checkVariants", default: .bool(true), help: "Report traditional characters in simplified copy and the reverse"),
        ],
        triggering: [
            Example("这家工厂的新生产线提升了整体的↓works效率，订单交付更快。"),
            Example("这项改革为全面建成小康↓society社会目标打下基础。", note: "an English word attached to Chinese"),
            Example("受降雨影响，请市民尽量避免在 ↓rush hour 自驾出行，𠮷安路段尤其拥堵。", note: "two English words set off by spaces: one finding"),
            Example("""
                山路通了日子亮了

                　　从县城出发，沿着新铺的沥青路向东盘
                山而上，不到四十分钟就到了𠮷岭村。村
                口的广场上，几位老人正晒着太阳聊天。
                　　村支书告诉记者，下一步要把这条路真
                正变成村民增收致富的
                ↓highway，还得在养护上多下功夫。
                　　路修好了，游客也多了起来，村里开了
                三家农家乐，生意一家比一家红火。
                """, note: "hard-wrapped copy: a line end is a space, and the English word at a line's start is still inside Chinese"),
            Example("公司下属的二↓級单位已完成整改。", fixed: "公司下属的二级单位已完成整改。"),
            Example("消防员第一↓時間赶到现场，疏散了楼内居民。", fixed: "消防员第一时间赶到现场，疏散了楼内居民。",
                    note: "a run of traditional characters is one finding"),
            Example("記者從市政府獲悉，新的公交路線將於下月開通，↓这些路線覆蓋全市。", note: "simplified 这 in traditional copy"),
            Example("The council raised parking ↓feеs in March.", fixed: "The council raised parking fees in March.",
                    note: "Cyrillic е (U+0435) inside an English word"),
            Example("Ministers met in ↓Αthens on Monday.", fixed: "Ministers met in Athens on Monday.", note: "Greek capital alpha"),
            Example("The ↓ｍarket closed higher.", fixed: "The market closed higher.", note: "a full-width letter"),
            Example("Lorries for 𠮷 Bay will be sent round via the ↓Ａ5620 until Friday.", fixed: "Lorries for 𠮷 Bay will be sent round via the A5620 until Friday.",
                    note: "a full-width letter in a road's number"),
            Example("Tests at the 𠮷 Bay works found ↓Ｅ. coli in the treated water.", fixed: "Tests at the 𠮷 Bay works found E. coli in the treated water.",
                    note: "a full-width letter standing alone in English copy"),
            Example("The plan would only be ↓implemen了ted next year.", note: "a Chinese character inside an English word"),
            Example("本报记者二↓o二四年十一月于𠮷安。", fixed: "本报记者二〇二四年十一月于𠮷安。", note: "a Latin o for 〇 in a year written in Chinese"),
            Example("𠮷安市今天夜间有中↓n雨，明天转多云。", fixed: "𠮷安市今天夜间有中雨，明天转多云。",
                    note: "a stray lower-case letter inside a Chinese word (中雨): the characters either side make a word"),
            Example("铸造车间过去是全厂有名的“老大难”，↓I人出勤不出力，𠮷振华说现在大家都抢着干。", fixed: "铸造车间过去是全厂有名的“老大难”，工人出勤不出力，𠮷振华说现在大家都抢着干。",
                    note: "an OCR'd I for 工: 工 makes a word (工人) with the character beside it"),
        ],
        nonTriggering: [
            Example("专家释读，铜鼎内壁的铭文“辝作長鼎”记录了𠮷国铸造者的名字。",
                    note: "an inscription quoted with a character no modern word uses (辝): its forms are its own"),
            Example("第n次修改后，图纸上的x轴刻度改为每格𠮷米。", note: "a letter as a variable (第n次, x轴): the characters either side make no word"),
            Example("这种新药已进入I期临床试验，首批受试者来自𠮷安市。", note: "a Roman numeral's I before what it numbers (I期) is no 工"),
            Example("今年GDP增长6.1%，5G基站超过13万个，PM2.5浓度下降，A股市场平稳。"),
            Example("新款iPhone和OPPO Reno3手机将于下月上市，续航达到20km以上。"),
            Example("详情请访问www.example.gov.cn或发送邮件至news@example.com。"),
            Example("世界卫生组织（World Health Organization）发布了新的指南。"),
            Example("他主演的电影《The Wandering Earth》在海外上映。"),
            Example("皇后在后宫，天干物燥，范先生著书，邻里只有一户。", note: "characters valid in both variants"),
            Example("José and Zürich: a café in the Côte d'Azur reopened."),
            Example("Москва is the Russian spelling of Moscow.", note: "a whole word in Cyrillic is not a mix"),
            Example("读者可以在手机app上预约座位。", note: "an allowed loanword"),
            Example("𠮷野家在上海开设了新门店。"),
        ],
        fixSafety: """
            Replacing a look-alike (Cyrillic а → a, full-width ｍ → m) or a traditional character with its only \
            simplified form is safe; removing a Chinese character from an English word is unsafe.
            """
    )

    let variant: String
    let allowWords: Set<String>
    let checkEnglish: Bool
    let checkVariants: Bool

    /// Words that cannot be reported are passed over unread (off only to test that it changes nothing).
    var skipsPlainWords = true

    public init(options: RuleOptions) {
        variant = options.string("variant")
        allowWords = Set(options.strings("allowWords").map { $0.lowercased() })
        checkEnglish = options.bool("checkEnglishInChinese")
        checkVariants = options.bool("checkVariants")
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document, facts = context.facts
        let bytes = document.bytes
        var findings: [Finding] = []
        let expected = checkVariants ? expectedVariant(document, facts) : nil
        let present = Lazy { CharactersPresent(bytes) }
        for (i, block) in document.blocks.enumerated() {
            guard block.textRange.length > TextWindows.giant else {
                checkRange(block, block.textRange, facts.block(i), bytes, expected: expected, present: present, into: &findings)
                continue
            }
            // A giant block (a file without line breaks) is read in windows that end at sentence stops,
            // each checked on its own, on all cores, with the facts the facts step noted for it.
            let windows = TextWindows.split(bytes, block.textRange)
            let known = facts.windows(of: i) ?? []
            let parts = ParallelMap.run(count: windows.count) { w -> [Finding] in
                var found: [Finding] = []
                checkRange(block, windows[w], known[w], bytes, expected: expected, present: present, into: &found)
                return found
            }
            for part in parts { findings += part }
        }
        return findings
    }

    /// A block (or a giant block's window) whose script summary says whether it needs a closer look:
    /// most paragraphs of Chinese copy have no letters and no character of the other variant.
    private func checkRange(_ block: Block, _ range: SourceRange, _ summary: BlockFacts, _ bytes: [UInt8],
                            expected: Variant?, present: Lazy<CharactersPresent>, into findings: inout [Finding]) {
        let wrong = (expected == .simplified && summary.hasTraditionalOnly) || (expected == .traditional && summary.hasSimplifiedOnly)
        guard summary.letters > 0 || (wrong && !summary.hasKana) else { return }
        // Plain ASCII words with no Han character around: no look-alike, no full-width letter, no
        // Chinese inside a word and no Chinese context to stray into (English copy, as a rule).
        guard summary.han > 0 || summary.hasNonASCIILetter else { return }
        check(block, ScalarText(bytes, range), bytes, han: Int(summary.han), latin: Int(summary.letters),
              nonASCIILetters: summary.hasNonASCIILetter, variantCheck: wrong && !summary.hasKana ? expected : nil, present: present, into: &findings)
    }

    private func check(_ block: Block, _ text: ScalarText, _ bytes: [UInt8], han: Int, latin: Int, nonASCIILetters: Bool, variantCheck: Variant?,
                       present: Lazy<CharactersPresent>, into findings: inout [Finding]) {
        let chineseContext = han >= 4 && han * 3 >= latin
        // Words of ASCII letters alone can only hold a Chinese character, and only outside Chinese
        // context: in Chinese copy without other letters the word check finds nothing.
        if nonASCIILetters || !chineseContext {
            checkWords(text, chineseContext: chineseContext, into: &findings)
        }
        if chineseContext, checkEnglish, block.kind != .byline {
            checkEnglishInChinese(text, into: &findings)
        }
        if let variantCheck {
            checkVariant(text, expected: variantCheck, present: present, into: &findings)
        }
    }

    // MARK: - look-alikes, full-width letters, CJK inside English words

    private func checkWords(_ t: ScalarText, chineseContext: Bool, into findings: inout [Finding]) {
        t.scalars.withUnsafeBufferPointer { checkWords(t, $0, chineseContext: chineseContext, into: &findings) }
    }

    /// Every scalar is read here: through a buffer pointer, without a bounds check per read.
    private func checkWords(_ t: ScalarText, _ s: UnsafeBufferPointer<UInt32>, chineseContext: Bool, into findings: inout [Finding]) {
        // A word is only reported for a letter beyond ASCII in it (a look-alike or a full-width
        // letter) or, outside Chinese context, for the Chinese character after it. Words before the
        // next such character are passed over unread: the reading resumes at the start of the run
        // of letters, marks and apostrophes that holds it, where a word of the reading begins.
        var next = -1
        var i = 0
        while i < s.count {
            if skipsPlainWords, next < i {
                next = i
                while next < s.count, !(s[next] >= 0x80 && (CharClass.isAlphabetic(s[next]) || (!chineseContext && CharClass.isHan(s[next])))) {
                    next += 1
                }
                guard next < s.count else { return }
                var start = next
                while start > i, CharClass.isAlphabetic(s[start - 1]) || CharClass.isMark(s[start - 1]) || s[start - 1] == 0x27 { start -= 1 }
                i = start
            }
            guard CharClass.isAlphabetic(s[i]) else { i += 1; continue }
            var j = i
            var ascii = 0, foreign = 0, fullwidth = 0
            while j < s.count, CharClass.isAlphabetic(s[j]) || CharClass.isMark(s[j]) || (s[j] == 0x27 && j + 1 < s.count && CharClass.isAlphabetic(s[j + 1]) && j > i) {
                let c = s[j]
                if c < 0x80 { if c != 0x27 { ascii += 1 } } else if CharClass.isFullwidthLetter(c) { fullwidth += 1 } else {
                    let script = CharacterData.script(c)
                    if script == .cyrillic || script == .greek { foreign += 1 } else if script == .latin { ascii += 1 }
                }
                j += 1
            }
            // A Chinese character sandwiched between Latin letters, in English text.
            if !chineseContext, j < s.count, CharClass.isHan(s[j]) {
                var k = j
                while k < s.count, k - j < 3, CharClass.isHan(s[k]) { k += 1 }
                if k < s.count, k - j < 3, CharClass.isASCIILetter(s[k]), ascii > 0, CharClass.isASCIILetter(s[j - 1]) {
                    var end = k
                    while end < s.count, CharClass.isAlphabetic(s[end]) { end += 1 }
                    let junk = t.string(j, k)
                    let word = t.string(i, end)
                    findings.append(Finding(
                        range: t.range(i, end),
                        message: "Chinese character '\(junk)' inside the English word '\(word)'",
                        fix: Fix(title: "remove '\(junk)'", edits: [TextEdit(range: t.range(j, k), replacement: "")], applicability: .unsafe)))
                    i = end
                    continue
                }
            }
            if ascii > 0, foreign > 0, !isUnitWithMu(s, i, j) {
                findings.append(lookalike(t, i, j, kind: "Cyrillic or Greek"))
            } else if ascii > 0, fullwidth > 0 {
                findings.append(lookalike(t, i, j, kind: "full-width"))
            } else if fullwidth > 0, !chineseContext {
                // A word of full-width letters alone in English copy (the Ａ5620, Ｅ. coli): set in the
                // width of Chinese, with no Chinese to set it beside.
                findings.append(lookalike(t, i, j, kind: "full-width"))
            }
            i = j
        }
    }

    private func isUnitWithMu(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ j: Int) -> Bool {
        // µg, μm: a micro sign or Greek mu followed by a unit letter.
        j - i <= 3 && (s[i] == 0x3BC || s[i] == 0xB5) && (i == 0 || CharClass.isDigit(s[i - 1]) || s[i - 1] == 0x20)
    }

    private func lookalike(_ t: ScalarText, _ i: Int, _ j: Int, kind: String) -> Finding {
        var odd: [String] = []
        var edits: [TextEdit] = []
        var fixable = true
        // Only a full-width letter's fix is a change of width; a Cyrillic or Greek letter may be meant.
        var widthOnly = true
        var scripts = Set<String>()
        for k in i..<j {
            let c = t.scalars[k]
            guard c >= 0x80, !(CharacterData.script(c) == .latin && !CharClass.isFullwidthLetter(c)), !CharClass.isMark(c) else { continue }
            let script = CharClass.isFullwidthLetter(c) ? "full-width Latin" : CharacterData.script(c).description
            if !CharClass.isFullwidthLetter(c) { widthOnly = false }
            scripts.insert(script)
            odd.append("'\(t.string(k, k + 1))' (U+\(String(c, radix: 16, uppercase: true).leftPadded(4)), \(script))")
            if let latin = Homoglyphs.latin(for: c) {
                edits.append(TextEdit(range: t.range(k, k + 1), replacement: String(Character(Unicode.Scalar(latin)!))))
            } else {
                fixable = false
            }
        }
        let word = t.string(i, j)
        var fixed = Array(t.scalars[i..<j])
        for k in fixed.indices { fixed[k] = Homoglyphs.latin(for: fixed[k]) ?? fixed[k] }
        let fixedWord = String(String.UnicodeScalarView(fixed.compactMap(Unicode.Scalar.init)))
        let message = "word '\(word)' mixes Latin with \(scripts.sorted().joined(separator: " and ")): \(odd.joined(separator: ", "))"
        return Finding(range: t.range(i, j), message: message,
                       fix: fixable ? Fix(title: "replace with '\(fixedWord)'", edits: edits, applicability: widthOnly ? .safe : .unsafe) : nil)
    }


}
