import CopyLintBase
import CopyLintDocument
import CopyLintEngine

extension TruncatedSentenceRule {
    /// (d) a paragraph that starts mid-sentence, and the debris a cut leaves before the end of a story.
    func findOrphans(_ s: TruncationScan) {
        let facts = s.facts, bytes = s.bytes, blocks = s.blocks, texts = s.texts
        for i in blocks.indices where blocks[i].kind == .paragraph && i > 0 && !s.flaggedCut.contains(i - 1) {
            let prev = blocks[i - 1]
            // A continuation from another page starts where the sentence broke off there.
            if s.isJump(i - 1, .from) { continue }
            // A paragraph after a list intro or a label may start any way it likes, and one after a
            // comma or a semicolon goes on with its sentence (a poem's stanza: the gulls remember bread; /
            // the marsh keeps…): no beginning is missing there.
            if prev.kind == .paragraph, let last = facts.lastSignificantScalar(of: i - 1),
               last == 0x3A || last == 0xFF1A || last == 0x2C || last == 0xFF0C || last == 0x3B || last == 0xFF1B {
                continue
            }
            // Where every paragraph of the story opens with an indent, one set flush is the rest of a
            // paragraph whose first line, with its indent, is gone.
            if s.setFlushAmidIndented(i) {
                s.orphaned.insert(i)
                let head = ScalarText.head(bytes, blocks[i].textRange, maxScalars: 1)
                s.findings.append(Finding(range: head.range(0, min(1, head.count)),
                                          message: "paragraph starts mid-sentence (it has no indent, unlike the other paragraphs of its story); its beginning is missing"))
                continue
            }
            // Most paragraphs open in a way that needs no closer look: read from the bytes.
            let attribution = Self.opensWithBareAttribution(bytes, blocks[i].textRange)
            let scrap = Self.opensWithScrap(bytes, blocks[i].textRange)
            let nameScrap = Self.opensWithNameScrap(bytes, blocks[i].textRange)
            guard attribution || scrap || nameScrap || mayBeOrphan(facts, i) else { continue }
            let head = ScalarText.head(bytes, blocks[i].textRange, maxScalars: 40)
            var evidence = orphanEvidence(head)
            if evidence == nil { evidence = opensInsideClause(head, bytes, blocks[i].textRange) }
            // 起。树梢顶上…: a sentence of one to three characters opens the paragraph, the tail of one
            // whose beginning is lost (copy never opens so: a reply or an exclamation stands in quotes).
            if evidence == nil, scrap { evidence = "its first sentence is a scrap: '\(head.string(0, head.scalars.firstIndex(of: 0x3002).map { $0 + 1 } ?? 1))'" }
            // Jude. The former Beatle…: a sentence of a name and nothing else opens the paragraph, the
            // tail of one whose beginning (Hey) is lost.
            if evidence == nil, nameScrap { evidence = "its first sentence is a scrap: '\(head.string(0, head.scalars.firstIndex(of: 0x2E).map { $0 + 1 } ?? 1))'" }
            // “……”护士长说。 with the quotation gone: the paragraph opens on who said it, and the
            // paragraph before does not end on a quotation it could belong to.
            if evidence == nil, attribution, prev.kind == .paragraph, !Self.endsOnQuotation(bytes, prev.textRange),
               Self.bareAttribution(head) {
                evidence = "it opens on who said a quotation that is not there"
            }
            if let why = evidence {
                // Under a paragraph of its story that stops without a stop, the beginning is not lost:
                // it is that paragraph's end, one sentence split at a break. Reported at the break.
                // (So under a line read as a heading that holds a clause, 桥头遗址位于…，…由北向南: the
                // first half of a lede, too short for the paragraph it was.)
                // (And under a deck or a subhead in sentence case over copy that goes on in lower case,
                // The old reading room of the Quay Library / will stay open until ten: the first half of a
                // sentence read as a heading.)
                let lowercase = head.scalars.first.map(CharClass.isASCIILower) ?? false
                let prose = prev.kind == .paragraph || (prev.kind.isHeading && texts[i - 1].scalars.contains(0xFF0C))
                    || (lowercase && (prev.kind == .subtitle || prev.kind == .subhead) && Self.isSentenceCase(texts[i - 1]))
                if prose, prev.article == blocks[i].article, s.open[i - 1] {
                    let before = texts[i - 1], ending = Ending(texts[i - 1])
                    if !ending.complete {
                        reportSplit(s, i - 1, continuedAt: i, text: before, ending: ending, how: .opening(why))
                        continue
                    }
                }
                s.orphaned.insert(i)
                s.findings.append(Finding(range: head.range(0, min(1, head.count)),
                                          message: "paragraph starts mid-sentence (\(why)); its beginning is missing"))
            }
        }
        // A short paragraph between a cut paragraph and the end of the story is debris of the same break.
        for i in s.lost.sorted() {
            let n = i + 1
            guard n < blocks.count, blocks[n].kind == .paragraph, !s.flaggedCut.contains(n), texts[n].count <= 40,
                  Ending(texts[n]).complete, opensWithAnaphora(texts[n]),
                  !TextTraits.looksLikeHeadline(texts[n].scalars.compactMap(Unicode.Scalar.init)),
                  blocks[n].article == blocks[i].article else { continue }
            let alreadyReported = s.orphaned.contains(n)
            if !s.storyContinuesAfter(n), !alreadyReported, continuation(from: texts[i], to: texts[n], ending: Ending(texts[i])) == nil {
                s.findings.append(Finding(range: texts[n].range(0, min(1, texts[n].count)),
                                          message: "paragraph starts mid-sentence: it follows a cut paragraph at line \(s.line(i)) and its pronoun refers to lost text"))
            }
        }
    }

    /// The structural and aspect particles (的 地 得 了 着, from jieba's tags), the plural suffix 们 and
    /// the sentence-final particles: none opens a sentence standing alone.
    static let neverOpensChinese = ScalarSet(ChineseChars.structuralParticles + "们吗呢吧么啊呀哇嘛".unicodeScalars.map(\.value))

    /// The first characters, the first of them a word alone, are ten times likelier in the middle of a
    /// clause than at its opening (jieba's part-of-speech HMM, trained on news copy: 制相结合, 决问题,
    /// 域形成): the paragraph starts inside a word or a clause. (Not 在这里, 据介绍, 我们: clauses open
    /// so.) Not where the copy itself opens a word with the same characters elsewhere (总统姆南加古瓦 … /
    /// 姆南加古瓦表示: a foreign name the model does not know).
    func opensInsideClause(_ t: ScalarText, _ bytes: [UInt8], _ r: SourceRange) -> String? {
        guard let first = t.scalars.first, CharClass.isHan(first), ChineseClauseModel.isRarerAtOpening(first) else { return nil }
        let head = hanHead(t)
        let tokens = ChineseLexicon.segment(head)
        guard let token = tokens.first, token.length == 1 else { return nil }
        // (Two characters alone in a row, the second no particle or suffix (访/俄/期间): a word the
        // list does not know, a name or an abbreviation, which the model cannot judge either. After
        // one that is, 定/的, 子/们, the first closes a word.)
        if tokens.count > 1, tokens[1].length == 1 {
            let second = ChineseChars.wordClass(head[1])
            guard second == .particle || second == .affix else { return nil }
        }
        guard let ratio = ChineseClauseModel.openingLog10Ratio(head.prefix(3)), ratio < -1 else { return nil }
        let words = head.prefix(3)
        var pattern: [UInt8] = []
        for c in words { if let u = Unicode.Scalar(c) { pattern.append(contentsOf: String(u).utf8) } }
        guard !Self.opensWordElsewhere(pattern, bytes, except: r.start) else { return nil }
        return "its first words ('\(t.string(0, words.count))') open no clause"
    }

    /// `pattern` occurs in `bytes` somewhere other than at `except`, opening a word there: after a
    /// character that is not Han (a mark, a space, a line's start), or after one it makes no word with
    /// (总统姆南加古瓦; not 特色社会主义 for 色社会主: there the copy shows the word the orphan cut).
    static func opensWordElsewhere(_ pattern: [UInt8], _ bytes: [UInt8], except: Int) -> Bool {
        guard let lead = pattern.first, pattern.count <= bytes.count else { return false }
        let first = UTF8Scalar.decode(pattern, at: 0).scalar
        var k = 0
        while k + pattern.count <= bytes.count {
            if bytes[k] == lead, k != except, bytes[k..<(k + pattern.count)].elementsEqual(pattern) {
                var b = k - 1
                while b >= 0, bytes[b] & 0xC0 == 0x80 { b -= 1 }
                if b < 0 { return true }
                let before = UTF8Scalar.decode(bytes, at: b).scalar
                if !CharClass.isHan(before) || ChineseLexicon.logProbability([before, first]) == nil { return true }
            }
            k += 1
        }
        return false
    }

    /// The paragraph opens with a sentence of one to three Chinese characters (起。, 的需求。) and goes
    /// on for at least ten bytes more: read from the bytes (three-byte characters of U+4000–U+9FFF,
    /// then 。).
    static func opensWithScrap(_ bytes: [UInt8], _ r: SourceRange) -> Bool {
        var k = r.start, han = 0
        while han < 4, k + 3 <= r.end {
            if bytes[k] == 0xE3, bytes[k + 1] == 0x80, bytes[k + 2] == 0x82 {   // 。
                return han >= 1 && r.end - (k + 3) >= 10
            }
            guard bytes[k] >= 0xE4, bytes[k] <= 0xE9 else { return false }
            han += 1
            k += 3
        }
        return false
    }

    /// The paragraph opens with a sentence of one to three capitalised words and a stop, then another
    /// sentence (Jude. The former…, Indiana Jones. "There was…): read from the bytes. Not an
    /// abbreviation (Mr. Smith, St. Ives), an initial (J. Smith), I, or a word in capitals (LONDON., a
    /// dateline). Copy opens so only where a name's sentence lost its beginning.
    static func opensWithNameScrap(_ bytes: [UInt8], _ r: SourceRange) -> Bool {
        guard r.length >= 60 else { return false }
        var k = r.start, words = 0
        let end = min(r.end, r.start + 48)
        while k < end, words < 3 {
            guard CharClass.isASCIIUpper(UInt32(bytes[k])) else { return false }
            let start = k
            k += 1
            while k < end, CharClass.isASCIILetter(UInt32(bytes[k])) || bytes[k] == 0x27 || bytes[k] == 0x2D { k += 1 }
            words += 1
            // (Not a word in capitals: a dateline, LONDON. The…, or an acronym.)
            guard k < end, k - start < 2 || bytes[start..<k].contains(where: { CharClass.isASCIILower(UInt32($0)) }) else { return false }
            if bytes[k] == 0x2E {
                let word = String(decoding: bytes[start..<k], as: UTF8.self)
                guard k - start >= 2, !nonFinalAbbreviations.contains(word.lowercased()) else { return false }
                guard k + 2 < r.end, bytes[k + 1] == 0x20 else { return false }
                let next = bytes[k + 2]
                // (Another sentence follows: a capital, or a quotation opening, " or “.)
                return CharClass.isASCIIUpper(UInt32(next)) || next == 0x22 || (next == 0xE2 && k + 4 < r.end && bytes[k + 3] == 0x80 && bytes[k + 4] == 0x9C)
            }
            guard bytes[k] == 0x20 else { return false }
            k += 1
        }
        return false
    }

    /// Abbreviations a stop follows inside a sentence: titles, months, and the like.
    static let nonFinalAbbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "st", "prof", "gen", "col", "capt", "lt", "sgt", "rev", "sen",
                                                     "rep", "gov", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vol", "fig", "mt", "ft",
                                                     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs"]

    /// What `orphanEvidence` can find at all: an opening character it looks at, or a closing mark
    /// among the first 30 characters. False means it finds nothing.
    func mayBeOrphan(_ facts: DocumentFacts, _ i: Int) -> Bool {
        let opening = facts.opening(of: i)
        guard let c = opening.first else { return false }
        return CharClass.isASCIILower(c) || Self.neverOpensChinese.contains(c) || ChineseChars.rarelyOpensClause(c) || c == 0x7B49
            || (CharClass.isHan(c) && ChineseClauseModel.isRarerAtOpening(c))
            || [.particle, .localizer].contains(ChineseChars.wordClass(c))
            || Self.isOpeningPunctuationSlip(c) || opening.earlyCloser
    }

    /// The paragraph's first sentence ends on a verb of saying (…说。, …表示。) within its first 18
    /// characters: read from the bytes, before anything is decoded.
    static func opensWithBareAttribution(_ bytes: [UInt8], _ r: SourceRange) -> Bool {
        let end = min(r.end, r.start + 3 * 18 + 3)
        var k = r.start
        while k + 3 <= end {
            if bytes[k] == 0xE3, bytes[k + 1] == 0x80, bytes[k + 2] == 0x82 {   // 。
                return attributionVerbBytes.contains { v in
                    k - r.start >= v.count && bytes[(k - v.count)..<k].elementsEqual(v)
                }
            }
            k += 1
        }
        return false
    }

    /// Verbs of saying that a sentence cannot end on without what was said (介绍 can: 忘了介绍。).
    static let attributionWords = ["说", "表示", "指出", "强调", "透露", "坦言", "认为", "告诉记者"]
    static let attributionVerbs: [[UInt32]] = attributionWords.map { $0.unicodeScalars.map(\.value) }
    static let attributionVerbBytes: [[UInt8]] = attributionWords.map { Array($0.utf8) }

    /// The first sentence is only a speaker and a verb of saying (协和医院某科室护士长说。): no quote,
    /// colon or comma in it, and not 所说 (正如他所说。 names what was said).
    static func bareAttribution(_ t: ScalarText) -> Bool {
        let s = t.scalars
        guard let stop = s.firstIndex(of: 0x3002), stop <= 18 else { return false }
        for c in s[..<stop] where !CharClass.isHan(c) { return false }
        guard let verb = attributionVerbs.first(where: { v in stop >= v.count + 1 && Array(s[(stop - v.count)..<stop]) == v }) else { return false }
        return s[stop - verb.count - 1] != 0x6240   // 所
    }

    /// The last character of `r` other than spaces is a closing quotation mark (” 」 』 ’).
    static func endsOnQuotation(_ bytes: [UInt8], _ r: SourceRange) -> Bool {
        let c = bytes.withUnsafeBufferPointer { CharClass.lastSignificantScalar($0, r, skippingClosers: false) }
        return c == 0x201D || c == 0x300D || c == 0x300F || c == 0x2019
    }

    /// ，。、；：！？ cannot open a paragraph.
    static func isOpeningPunctuationSlip(_ c: UInt32) -> Bool {
        c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF1B || c == 0xFF1A || c == 0xFF01 || c == 0xFF1F
    }

    func orphanEvidence(_ t: ScalarText) -> String? {
        let s = t.scalars
        guard let first = s.first else { return nil }
        if CharClass.isASCIILower(first) {
            if s.count > 1, CharClass.isASCIIUpper(s[1]) { return nil }   // iPod, eBay
            return "it starts in lower case"
        }
        if Self.neverOpensChinese.contains(first) {
            // 的 or 地 alone cannot open a sentence; 地方, 着力, 得到 can.
            let head = hanHead(t)
            if let token = ChineseLexicon.segment(head).first, token.length == 1 || head.count == 1 {
                return "'\(t.string(0, 1))' cannot open a sentence"
            }
        }
        // The second half of a word (础 of 基础, 萄 of 葡萄), standing alone: the word's first half is lost.
        if ChineseChars.rarelyOpensClause(first), !Self.neverOpensChinese.contains(first) {
            let head = hanHead(t)
            if head.count >= 2, let token = ChineseLexicon.segment(head).first, token.length == 1 {
                return "it starts inside a word ('\(t.string(0, 1))')"
            }
        }
        // A particle standing alone before a comma or a stop (等，都属于…): the tail of a list or a
        // clause whose beginning is lost.
        // (So is a localizer before a comma or a stop, 后，老人只需…: the tail of 改造完成后, a time or a
        // place whose object is lost. Not before 、: 上、下浦村 names two places.)
        let firstClass = ChineseChars.wordClass(first), localizer = firstClass == .localizer
        if firstClass == .particle || localizer,
           s.count > 1, s[1] == 0xFF0C || s[1] == 0x3002 || (s[1] == 0x3001 && !localizer) {
            return "'\(t.string(0, 1))' cannot open a sentence"
        }
        // 等 and a number (等12个…): the close of a list whose items are lost (A、B等12个), not the verb
        // 等 that opens a sentence (等他回来…).
        if first == 0x7B49, s.count > 1, CharClass.isDigit(s[1]) || MixedScriptRule.isChineseNumeral(s[1]) || s[1] == 0x4E24 || s[1] == 0x51E0 {   // 两 几
            return "'等' closes a list whose items are lost"
        }
        if Self.isOpeningPunctuationSlip(first) { return "it starts with punctuation" }
        if let c = firstUnmatchedCloser(t) {
            // A closing mark before any opening one, early in the paragraph.
            return "'\(String(Character(Unicode.Scalar(c)!)))' closes a quote or bracket opened before it"
        }
        return nil
    }
}

extension TruncatedSentenceRule {
    /// A line that opens with a dash, a bracket or a bullet is a deck, a note or an item, not copy
    /// run on from a lost line.
    static func isOpeningMark(_ c: UInt32) -> Bool {
        switch c {
        case 0x2014, 0x2015, 0x2013, 0x2D, 0xFF08, 0x28, 0x3010, 0x5B, 0x3014, 0x25CF, 0x25A0, 0x25C6, 0x203B, 0x2A, 0xB7, 0x2022, 0x2605, 0x2606:
            return true
        default:
            return false
        }
    }
}
