import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// `ScalarText` of each block, decoded on first use.
final class LazyScalarTexts {
    private let bytes: [UInt8]
    private let blocks: [Block]
    private var cache: [ScalarText?]

    init(bytes: [UInt8], blocks: [Block]) {
        self.bytes = bytes
        self.blocks = blocks
        cache = Array(repeating: nil, count: blocks.count)
    }

    private var dropped = 0

    subscript(i: Int) -> ScalarText {
        if let hit = cache[i] { return hit }
        let t = Self.text(bytes, blocks[i].textRange)
        cache[i] = t
        return t
    }

    /// A block's scalars; a giant block's head and tail only (how a sentence ends, and how the next begins).
    static func text(_ bytes: [UInt8], _ range: SourceRange) -> ScalarText {
        range.length > TextWindows.giant
            ? ScalarText.headAndTail(bytes, range, head: TextWindows.giant / 8, tail: TextWindows.giant / 2)
            : ScalarText(bytes, range)
    }

    /// Lets go of the texts of blocks before `i` (a later use decodes again): a pass that moves
    /// forward keeps a few blocks decoded, not the whole file.
    func drop(before i: Int) {
        while dropped < min(i, cache.count) {
            cache[dropped] = nil
            dropped += 1
        }
    }
}

/// Flags sentences cut by a page or column break, cut with the rest lost, stories that end
/// mid-sentence, orphan paragraphs that start mid-sentence, and datelines or bylines
/// stranded with no story after them.
public struct TruncatedSentenceRule: Rule {
    /// It decodes every open paragraph and its neighbour.
    public var relativeCost: Int { 4 }

    /// How each block opens and ends.
    public var neededFacts: FactSet { .scripts }

    public static let description = RuleDescription(
        id: "truncated-sentence",
        summary: "A sentence is cut off, split across a break, or starts mid-way",
        rationale: """
            Layout and OCR cut sentences: a column break leaves 一支青 at the foot of one column and 年突击队 \
            at the head of the next, a hyphenated word is split (the com- / mittee said), a paragraph loses its \
            end, a story stops mid-sentence, a fragment appears whose beginning is lost, or a dateline is left \
            at the foot of a page with no story. The rule reads paragraphs only (headlines, subheads, bylines, \
            captions and labels such as 核心阅读 are not sentences) and needs evidence, not just a missing full \
            stop: a break inside a word (checked against a Chinese word list), a continuation that starts in \
            lower case, a quote or bracket closed in the next block, or a paragraph that ends on a word that \
            cannot end a sentence (的, 和, the, of).
            """,
        defaultSeverity: .error,
        options: [
            OptionSpec("checkOrphans", default: .bool(true), help: "Report paragraphs that start mid-sentence"),
            OptionSpec("checkStranded", default: .bool(true), help: "Report datelines and bylines with no story after them"),
        ],
        triggering: [
            Example("""
                # 标题

                社区改造时成立了一支↓青

                年突击队，在防汛中发挥了很大作用。
                """, fixed: """
                # 标题

                社区改造时成立了一支青年突击队，在防汛中发挥了很大作用。
                """, note: "a column break inside the word 青年"),
            Example("""
                Storm hits coast

                The council said the storm had damaged the com↓-

                mittee rooms and the town hall.
                """, note: "a hyphenated word split across a break"),
            Example("""
                # 标题

                记者来到𠮷安县的村委会，村干部正在整理新的档案资料。村里的年轻人告诉记者，他们↓的

                下一步打算是发展乡村旅游。
                """, note: "ends on 的: the sentence cannot stop there"),
            Example("""
                Markets slide

                Shares fell sharply on Monday as investors worried about ↓the

                Analysts expect further falls this week.
                """, note: "cut with the rest lost"),
            Example("""
                # 标题

                市里召开会议，部署今冬明春的供暖保障工作。

                ↓们纷纷表示，今年的暖气比往年热得早。
                """, note: "an orphan: 们 cannot open a sentence"),
            Example("""
                # 标题

                会上，各区负责人汇报了进展。

                ↓新华社南京3月5日电
                """, note: "a dateline stranded at the end"),
        ],
        nonTriggering: [
            Example("""
                # 标题

                核心阅读

                今年以来，全省新增就业岗位超过二十万个。

                ### 技能培训全面铺开

                各地还推出了技能培训补贴：

                一是扩大补贴范围。
                """),
            Example("""
                Markets rally

                Shares rose on Monday.

                "We are optimistic," the chief executive said.
                """),
            Example("""
                港口吞吐量创新高

                　　今年前十个月，港口货物吞吐量同比增长百分之八。

                　　（执笔：周文）
                """),
        ],
        fixSafety: "Joining a sentence split across a break is safe; joining across a split hyphen is unsafe (the hyphen may belong)."
    )

    let checkOrphans: Bool
    let checkStranded: Bool

    public init(options: RuleOptions) {
        checkOrphans = options.bool("checkOrphans")
        checkStranded = options.bool("checkStranded")
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let facts = context.facts
        let bytes = document.bytes
        let blocks = document.blocks
        let texts = LazyScalarTexts(bytes: bytes, blocks: blocks)
        var findings: [Finding] = []
        var flaggedCut = Set<Int>()
        var lost = Set<Int>()   // cut with the rest missing
        var continued = Set<Int>()   // the second half of a split sentence
        var orphaned = Set<Int>()
        let line = { (i: Int) in blocks[i].firstLine + 1 }

        // Most paragraphs end with a stop: a backwards byte scan settles them without decoding.
        let open = blocks.indices.map { !Self.endsWithStop(facts, $0) }
        // Long paragraphs that stop without a stop: one or two are accidents, more are a house style
        // (leads in bold, summaries) that must not be reported on weak evidence.
        var unfinished = Set<Int>()
        // Past styleLimit the count is all that matters (weak evidence is then off): stop counting there.
        for i in blocks.indices where open[i] && blocks[i].kind == .paragraph {
            if unfinished.count > Self.styleLimit { break }
            let text = LazyScalarTexts.text(bytes, blocks[i].textRange)
            guard Self.isLongProse(text) else { continue }
            let e = Ending(text)
            // Chinese: only text that has a full sentence inside it counts (a one-sentence lead is a style).
            if !e.complete, e.last != 0xFF1A, e.last != 0x3A, !CharClass.isHan(e.last) || Self.hasInnerStop(text) {
                unfinished.insert(i)
            }
        }

        // The last body block of each article: a story "ends" after it.
        var lastBody = [Int](repeating: -1, count: document.articles.count)
        for i in blocks.indices where isBody(blocks[i]) { lastBody[blocks[i].article] = i }
        let storyContinuesAfter = { (i: Int) in lastBody[blocks[i].article] > i }

        for i in blocks.indices where open[i] {
            texts.drop(before: i)
            let block = blocks[i]
            guard isSentenceCandidate(block, document: document), block.textRange.length > 0 else { continue }
            let text = texts[i]
            let ending = Ending(text)
            if Self.isListLike(text) {
                // A line-up is not a sentence, but one cut after an initial is still cut.
                if let reason = truncationEvidence(text, ending: ending, weakAllowed: false), reason.contains("initial") {
                    findings.append(Finding(range: breakRange(text), message: "line-up breaks off mid-name (\(reason))"))
                }
                continue
            }
            guard !ending.complete else { continue }
            let next = i + 1 < blocks.count ? i + 1 : nil
            // (a) split across a break: the next block continues this sentence.
            if let n = next, blocks[n].kind == .paragraph || blocks[n].kind == .subhead || blocks[n].kind == .label,
               let how = continuation(from: text, to: texts[n], ending: ending),
               block.kind == .paragraph || how.isStrong || truncationEvidence(text, ending: ending) != nil
                || blocks[n].blankLinesBefore >= 2 {
                flaggedCut.insert(i)
                continued.insert(n)
                let gap = SourceRange(block.textRange.end, blocks[n].textRange.start)
                let fix: Fix
                switch how {
                case .hyphen:
                    fix = Fix(title: "join the split word with line \(line(n))",
                              edits: [TextEdit(range: SourceRange(block.textRange.end - 1, gap.end), replacement: "")], applicability: .unsafe)
                case .lowercase:
                    fix = Fix(title: "join with line \(line(n))", edits: [TextEdit(range: gap, replacement: " ")], applicability: .safe)
                default:
                    fix = Fix(title: "join with line \(line(n))", edits: [TextEdit(range: gap, replacement: "")], applicability: .safe)
                }
                findings.append(Finding(range: breakRange(text), message: "sentence breaks off here and continues at line \(line(n))\(how.reason)",
                                        related: [RelatedLocation(range: blocks[n].textRange, message: "continues here")], fix: fix))
                continue
            }
            // (b)/(c) cut with the rest lost, or the story ends mid-sentence.
            // The second half of a split sentence ends where the whole sentence ends: judge it on strong evidence only.
            let weak = unfinished.count <= Self.styleLimit && !continued.contains(i)
            var evidence = truncationEvidence(text, ending: ending, weakAllowed: weak)
            // An unmarked subhead is a fragment only on grammatical evidence, not on a rare last character.
            if block.kind != .paragraph {
                guard let e = evidence, !e.contains("inside a word"), !e.contains("without a full stop") else { continue }
            }
            if evidence == nil, block.kind == .paragraph, weak, unfinished.contains(i),
               block.ledeRange != nil || (i > 0 && blocks[i - 1].kind == .paragraph && blocks[i - 1].article == block.article) {
                // Running text that stops without a stop, where the rest of the copy does not.
                evidence = "it stops without a full stop"
                if let n = next, blocks[n].kind == .paragraph, blocks[n].article == block.article {
                    flaggedCut.insert(i)
                    let gap = SourceRange(block.textRange.end, blocks[n].textRange.start)
                    let chinese = CharClass.isHan(ending.last)
                    findings.append(Finding(range: breakRange(text), message: "sentence breaks off here; it may continue at line \(line(n))",
                                            related: [RelatedLocation(range: blocks[n].textRange, message: "may continue here")],
                                            fix: Fix(title: "join with line \(line(n))", edits: [TextEdit(range: gap, replacement: chinese ? "" : " ")],
                                                     applicability: .unsafe)))
                    continue
                }
            }
            // The last paragraph of a story that stops on a clause: 据了解，全省各地
            let storyEnds = !storyContinuesAfter(i)
            if evidence == nil, storyEnds, block.kind == .paragraph, weak, CharClass.isHan(ending.last),
               text.scalars.contains(0xFF0C) || text.scalars.contains(0x2C), unfinished.count <= Self.styleLimit {
                evidence = "it stops in the middle of a clause"
            }
            guard let reason = evidence else { continue }
            flaggedCut.insert(i)
            lost.insert(i)
            let message = storyEnds ? "story ends mid-sentence (\(reason))" : "paragraph breaks off mid-sentence; the rest is missing (\(reason))"
            findings.append(Finding(range: breakRange(text), message: message))
        }

        if checkOrphans {
            for i in blocks.indices where blocks[i].kind == .paragraph && i > 0 && !flaggedCut.contains(i - 1) {
                let prev = blocks[i - 1]
                // A paragraph after a list intro or a label may start any way it likes.
                if prev.kind == .paragraph, let last = facts.lastSignificantScalar(of: i - 1),
                   last == 0x3A || last == 0xFF1A || last == 0x2C || last == 0xFF0C {
                    continue
                }
                // Most paragraphs open in a way that needs no closer look: read from the bytes.
                guard mayBeOrphan(facts, i) else { continue }
                let head = ScalarText.head(bytes, blocks[i].textRange, maxScalars: 40)
                if let why = orphanEvidence(head) {
                    orphaned.insert(i)
                    findings.append(Finding(range: head.range(0, min(1, head.count)),
                                            message: "paragraph starts mid-sentence (\(why)); its beginning is missing"))
                }
            }
            // A short paragraph between a cut paragraph and the end of the story is debris of the same break.
            for i in lost.sorted() {
                let n = i + 1
                guard n < blocks.count, blocks[n].kind == .paragraph, !flaggedCut.contains(n), texts[n].count <= 40,
                      Ending(texts[n]).complete, opensWithAnaphora(texts[n]),
                      !TextTraits.looksLikeHeadline(texts[n].scalars.compactMap(Unicode.Scalar.init)),
                      blocks[n].article == blocks[i].article else { continue }
                let alreadyReported = orphaned.contains(n)
                if !storyContinuesAfter(n), !alreadyReported, continuation(from: texts[i], to: texts[n], ending: Ending(texts[i])) == nil {
                    findings.append(Finding(range: texts[n].range(0, min(1, texts[n].count)),
                                            message: "paragraph starts mid-sentence: it follows a cut paragraph at line \(line(i)) and its pronoun refers to lost text"))
                }
            }
        }

        if checkStranded {
            // (e) a dateline or byline with no story after it.
            for i in blocks.indices where blocks[i].kind == .dateline || blocks[i].kind == .byline {
                var k = i + 1
                while k < blocks.count, blocks[k].kind == .byline || blocks[k].kind == .dateline { k += 1 }
                // A credit line may close a story (letters, columns); a dateline never does.
                let atEnd = k == blocks.count
                let stranded = (atEnd && blocks[i].kind == .dateline) || (!atEnd && (blocks[k].kind == .kicker || blocks[k].kind == .headline))
                guard stranded else { continue }
                let what = blocks[i].kind == .dateline ? "dateline" : "byline"
                findings.append(Finding(range: blocks[i].textRange,
                                        message: "\(what) with no story after it: the story was cut at a page break"))
            }
        }
        return findings
    }

    // MARK: - what counts

    /// The block ends with sentence-final punctuation (what `Ending` calls complete, barring the
    /// bracketed-credit case, which the full check handles).
    static func endsWithStop(_ facts: DocumentFacts, _ i: Int) -> Bool {
        guard let c = facts.lastSignificantScalar(of: i) else { return true }
        return Ending.isFinal(c)
    }

    /// A full sentence inside the text: a paragraph cut after it, not a one-sentence lead.
    static func hasInnerStop(_ t: ScalarText) -> Bool {
        t.scalars.dropLast().contains { $0 == 0x3002 || $0 == 0xFF01 || $0 == 0xFF1F }
    }

    /// List items and line-ups are not sentences: "- Read more …",
    /// "Substitutes: Lee for Grant (60), Moss for Hale (75), …".
    static func isListLike(_ t: ScalarText) -> Bool {
        let s = t.scalars
        guard let first = s.first else { return false }
        if [0x2D, 0x2A, 0x2022, 0xB7, 0x25CF, 0x25A0].contains(first), s.count > 1, s[1] == 0x20 { return true }
        let separators = s.filter { $0 == 0x2C || $0 == 0x3B }.count
        if let colon = s.prefix(24).firstIndex(of: 0x3A), colon > 0, separators >= 3 { return true }
        // Mostly capitalised words separated by commas: a team sheet or a list of names.
        var words = 0, capitalised = 0, inWord = false
        for (k, c) in s.enumerated() {
            let letter = CharClass.isASCIILetter(c)
            if letter, !inWord {
                words += 1
                if CharClass.isASCIIUpper(c) || (k > 0 && s[k - 1] == 0x28) { capitalised += 1 }
            }
            inWord = letter || c == 0x27
        }
        return words >= 6 && separators * 3 >= words && capitalised * 2 >= words
    }

    static let styleLimit = 2

    /// Enough running text to expect it to end with a stop: 15 Chinese characters or 10 words.
    static func isLongProse(_ t: ScalarText) -> Bool {
        var han = 0, words = 0, inWord = false
        for c in t.scalars {
            if CharClass.isHan(c) { han += 1 }
            let letter = CharClass.isASCIILetter(c)
            if letter, !inWord { words += 1 }
            inWord = letter
        }
        return han >= 15 || (han == 0 && words >= 10)
    }

    private func isSentenceCandidate(_ block: Block, document: Document) -> Bool {
        switch block.kind {
        // An unmarked subhead may be a fragment; it needs strong evidence (see `check`).
        case .paragraph: return true
        case .subhead: return block.headingLevel == 0
        default: return false
        }
    }

    private func isBody(_ block: Block) -> Bool { block.kind == .paragraph || block.kind == .caption || block.kind == .label }

    /// Where the sentence breaks off: the last word of English, the last character of Chinese.
    private func breakRange(_ t: ScalarText) -> SourceRange {
        var k = t.count - 1
        while k > 0, CharClass.isSpace(t.scalars[k]) { k -= 1 }
        var start = k
        while start > 0, CharClass.isASCIILetter(t.scalars[start]), CharClass.isASCIILetter(t.scalars[start - 1]) { start -= 1 }
        return t.range(start, k + 1)
    }

    static let anaphora: [String] = ["他们", "她们", "它们", "他", "她", "它", "这些", "那些", "这", "那", "其", "此",
                                     "They ", "He ", "She ", "It ", "This ", "These ", "Those ", "That "]

    /// The paragraph opens with a pronoun whose referent is not there.
    private func opensWithAnaphora(_ t: ScalarText) -> Bool {
        let head = t.string(0, min(t.count, 8))
        return Self.anaphora.contains { head.hasPrefix($0) }
    }

    // MARK: - endings

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
                || (CharClass.isClosingMark(t.scalars[t.count - 1]) && Ending.isWholeBracketed(t))
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

        /// "（…）" at the end closing a bracket opened earlier in the paragraph: a credit, a note.
        static func isWholeBracketed(_ t: ScalarText) -> Bool {
            guard let last = t.scalars.last, last == 0xFF09 || last == 0x29 else { return false }
            let open: UInt32 = last == 0xFF09 ? 0xFF08 : 0x28
            return t.scalars.contains(open)
        }
    }

    enum Continuation {
        case hyphen, lowercase, word(String), bracket, fragment

        /// Evidence that holds even when the first block looks like a headline.
        var isStrong: Bool {
            switch self {
            case .hyphen, .word, .bracket: return true
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
            }
        }
    }

    /// Does `b` continue the sentence that `a` leaves open?
    private func continuation(from a: ScalarText, to b: ScalarText, ending: Ending) -> Continuation? {
        guard ending.index >= 0, b.count > 0 else { return nil }
        let first = b.scalars[0]
        if CharClass.isASCIILetter(ending.last) || ending.last == 0x2D || CharClass.isDigit(ending.last) || ending.last == 0x2C {
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

    private func hanTail(_ t: ScalarText, before end: Int) -> [UInt32] {
        var k = end
        while k > 0, end - k < 4, CharClass.isHan(t.scalars[k - 1]) { k -= 1 }
        return Array(t.scalars[k..<end])
    }

    private func hanHead(_ t: ScalarText) -> [UInt32] {
        var k = 0
        while k < t.count, k < 4, CharClass.isHan(t.scalars[k]) { k += 1 }
        return Array(t.scalars[0..<k])
    }

    private static let pairs: [UInt32: UInt32] = [0x201D: 0x201C, 0x300D: 0x300C, 0x300F: 0x300E, 0xFF09: 0xFF08,
                                                  0x29: 0x28, 0x300B: 0x300A, 0x3011: 0x3010, 0x2019: 0x2018]

    /// The first closing mark in the first 30 scalars of `t` that nothing before it opened.
    private func firstUnmatchedCloser(_ t: ScalarText) -> UInt32? {
        var open: [UInt32] = []
        for c in t.scalars.prefix(30) {
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
    private func openerPending(_ a: ScalarText, for closer: UInt32) -> Bool {
        guard let open = Self.pairs[closer] else { return false }
        var balance = 0
        for c in a.scalars {
            if c == open { balance += 1 } else if c == closer { balance = max(0, balance - 1) }
        }
        return balance > 0
    }

    // MARK: - truncation without a continuation

    /// Words an English sentence cannot stop on.
    static let danglingEnglish: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "upon", "about",
        "over", "under", "after", "before", "between", "through", "during", "against", "among", "than", "as", "and", "or",
        "but", "nor", "if", "because", "although", "though", "while", "whereas", "unless", "that", "which", "who",
        "whom", "whose", "when", "where", "whether", "is", "are", "was", "were", "be", "been", "being", "am", "has",
        "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "their", "its", "his", "her", "our", "your", "my", "they", "we", "he", "she", "i", "you", "this", "these",
        "those", "such", "not", "very", "more", "most", "also", "both", "either", "neither", "each", "every", "some",
        "any", "many", "much", "several", "own", "said", "told", "says", "saying", "including", "like", "per", "via",
        "towards", "toward", "without", "within", "across", "behind", "beyond", "since", "until", "up", "whose",
    ]

    private func truncationEvidence(_ t: ScalarText, ending: Ending, weakAllowed: Bool = true) -> String? {
        let s = t.scalars
        guard ending.index >= 0 else { return nil }
        let last = ending.last
        if CharClass.isASCIILetter(last) || CharClass.isDigit(last) || last == 0x2C {
            // English: the last word.
            var k = ending.index
            while k >= 0, CharClass.isASCIILetter(s[k]) || s[k] == 0x27 { k -= 1 }
            let word = t.string(k + 1, ending.index + 1).lowercased()
            if Self.danglingEnglish.contains(word) { return "it ends on '\(word)'" }
            // "… K Adams (Falcons), T": a name cut after its initial.
            if ending.index - k == 1, CharClass.isASCIIUpper(last), last != 0x49, k >= 1, s[k] == 0x20,
               s[k - 1] == 0x2C || s[k - 1] == 0x29 {
                return "it ends on the initial '\(word.uppercased())'"
            }
            if last == 0x2C { return "it ends on a comma" }
            let words = TextTraits.wordCount(s.compactMap(Unicode.Scalar.init))
            if CharClass.isASCIILower(s[k + 1 < s.count ? k + 1 : ending.index]), words >= 8, weakAllowed { return "it stops without a full stop" }
            return nil
        }
        guard CharClass.isHan(last) || last == 0xFF0C || last == 0x3001 else {
            return unclosedOpener(t) ? "a quote or bracket is left open" : nil
        }
        if last == 0xFF0C || last == 0x3001 { return "it ends on '\(t.string(ending.index, ending.index + 1))'" }
        if danglingChineseEnd(t, ending: ending) { return "it ends on '\(t.string(ending.index, ending.index + 1))'" }
        if unclosedOpener(t) { return "a quote or bracket is left open" }
        // Reported speech (王毅说，…) always ends with a stop.
        if Self.reportsSpeech(t) { return "reported speech without its end" }
        // The last clause is a scrap: 想当初，面对
        var k = ending.index
        while k >= 0, CharClass.isHan(s[k]) { k -= 1 }
        let clause = ending.index - k
        if clause <= 2, k >= 0, s[k] == 0xFF0C || s[k] == 0x3001 || s[k] == 0x2C { return "its last clause is cut short" }
        // A character that rarely ends a word: the word was cut (基 of 基层). Not inside a closed
        // quote: “筑巢引凤” is a phrase complete in itself.
        let tail = hanTail(t, before: ending.index + 1)
        if tail.count >= 2, ending.index == t.count - 1 {
            let tokens = ChineseLexicon.segment(tail)
            if let lastToken = tokens.last, lastToken.length == 1,
               ChineseLexicon.closingShare(last) < 0.3 || ChineseLexicon.aloneShare(last) < 0.05 {
                return "it ends inside a word"
            }
        }
        return nil
    }

    /// The text ends on a function character standing alone (的, 和, 在 — not 场地, 担当, 原因),
    /// and not on the 的 that closes a 是…的 sentence.
    private func danglingChineseEnd(_ t: ScalarText, ending: Ending) -> Bool {
        guard TextTraits.danglingChinese.contains(ending.last) else { return false }
        let tail = hanTail(t, before: ending.index + 1)
        guard let token = ChineseLexicon.segment(tail).last, token.length == 1 else { return false }
        if ending.last == 0x7684 {   // 的
            var k = ending.index
            while k >= 0, t.scalars[k] != 0xFF0C, t.scalars[k] != 0x2C, t.scalars[k] != 0x3002 { k -= 1 }
            var clauseStart = k
            // 是…的 may span a comma-separated list: look back to the sentence start.
            while clauseStart >= 0, t.scalars[clauseStart] != 0x3002 { clauseStart -= 1 }
            if t.scalars[(clauseStart + 1)...ending.index].contains(0x662F) { return false }
        }
        return true
    }

    static let speechVerbs: [[UInt32]] = ["说", "表示", "指出", "认为", "强调", "介绍", "透露", "坦言", "告诉记者"].map { $0.unicodeScalars.map(\.value) }

    /// The last sentence opens with "X说，" / "X表示，": a quotation that must run to a stop.
    static func reportsSpeech(_ t: ScalarText) -> Bool {
        let s = t.scalars
        var start = 0
        for (k, c) in s.enumerated() where c == 0x3002 || c == 0xFF01 || c == 0xFF1F { start = k + 1 }
        guard let comma = s[start...].firstIndex(where: { $0 == 0xFF0C || $0 == 0x2C || $0 == 0xFF1A }), comma - start <= 16 else { return false }
        return speechVerbs.contains { verb in
            comma - start >= verb.count && Array(s[(comma - verb.count)..<comma]) == verb
        }
    }

    /// An opening quote or bracket in the last sentence that is never closed.
    private func unclosedOpener(_ t: ScalarText) -> Bool {
        var start = 0
        for (k, c) in t.scalars.enumerated() where c == 0x3002 || c == 0xFF01 || c == 0xFF1F { start = k + 1 }
        var open: [UInt32] = []
        for c in t.scalars[start...] {
            if Self.pairs.values.contains(c) { open.append(c) } else if let o = Self.pairs[c], let idx = open.lastIndex(of: o) { open.remove(at: idx) }
        }
        return open.contains { $0 != 0x201C && $0 != 0x2018 } || (open.contains(0x201C) && t.scalars.first != 0x201C)
    }

    // MARK: - orphans

    static let neverOpensChinese = ScalarSet("的了着们吗呢吧么啊呀哇嘛".unicodeScalars.map(\.value))

    /// What `orphanEvidence` can find at all: an opening character it looks at, or a closing mark
    /// among the first 30 characters. False means it finds nothing.
    private func mayBeOrphan(_ facts: DocumentFacts, _ i: Int) -> Bool {
        let opening = facts.opening(of: i)
        guard let c = opening.first else { return false }
        return CharClass.isASCIILower(c) || Self.neverOpensChinese.contains(c) || Self.isOpeningPunctuationSlip(c) || opening.earlyCloser
    }

    /// ，。、；：！？ cannot open a paragraph.
    private static func isOpeningPunctuationSlip(_ c: UInt32) -> Bool {
        c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF1B || c == 0xFF1A || c == 0xFF01 || c == 0xFF1F
    }

    private func orphanEvidence(_ t: ScalarText) -> String? {
        let s = t.scalars
        guard let first = s.first else { return nil }
        if CharClass.isASCIILower(first) {
            if s.count > 1, CharClass.isASCIIUpper(s[1]) { return nil }   // iPod, eBay
            return "it starts in lower case"
        }
        if Self.neverOpensChinese.contains(first) {
            // 的 alone cannot open a sentence; 地方, 着力, 过去 can.
            let head = hanHead(t)
            if let token = ChineseLexicon.segment(head).first, token.length == 1 || head.count == 1 {
                return "'\(t.string(0, 1))' cannot open a sentence"
            }
        }
        if Self.isOpeningPunctuationSlip(first) { return "it starts with punctuation" }
        if let c = firstUnmatchedCloser(t) {
            // A closing mark before any opening one, early in the paragraph.
            return "'\(String(Character(Unicode.Scalar(c)!)))' closes a quote or bracket opened before it"
        }
        return nil
    }
}
