import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// One run of truncated-sentence over a document: what its checks read (the blocks, their texts,
/// which stop without a stop) and what they find and note for each other (which paragraphs are cut,
/// which continue a cut sentence, which are orphans).
final class TruncationScan {
    let document: Document
    let facts: DocumentFacts
    let bytes: [UInt8]
    let blocks: [Block]
    let texts: BlockTexts
    var findings: [Finding] = []
    var flaggedCut = Set<Int>()
    /// Cut with the rest missing.
    var lost = Set<Int>()
    /// The second half of a split sentence.
    var continued = Set<Int>()
    var orphaned = Set<Int>()
    /// Most paragraphs end with a stop: a backwards byte scan settles them without decoding.
    let open: [Bool]
    /// Long paragraphs that stop without a stop: one or two are accidents, more are a house style
    /// (leads in bold, summaries) that must not be reported on weak evidence. Past `styleLimit` the
    /// count is all that matters (weak evidence is then off): counting stops there.
    let unfinished: Set<Int>
    /// Per article: its paragraphs end on questions and exclamations, a style that leaves stops out
    /// (weak evidence is off).
    let informal: [Bool]
    /// The last body block of each article: a story "ends" after it.
    private let lastBody: [Int]

    init(_ context: RuleContext) {
        document = context.document
        facts = context.facts
        bytes = document.bytes
        blocks = document.blocks
        texts = BlockTexts(bytes: bytes, blocks: blocks)
        let blocks = self.blocks, facts = self.facts
        open = blocks.indices.map { !TruncatedSentenceRule.endsWithStop(facts, $0) }
        var unfinished = Set<Int>()
        for i in blocks.indices where open[i] && blocks[i].kind == .paragraph {
            if unfinished.count > TruncatedSentenceRule.styleLimit { break }
            let text = BlockTexts.text(bytes, blocks[i].textRange)
            // (An item of a list goes without its stop by convention: - Work on the road will start, or
            // 1.首套住房最高贷款额度提高到80万元. So does a line in headlinese: a deck, a standfirst, a
            // subject line.)
            guard TruncatedSentenceRule.isLongProse(text), !TruncatedSentenceRule.isListLike(text),
                  !TruncatedSentenceRule.opensWithItemNumber(text), !TruncatedSentenceRule.isHeadlinese(text) else { continue }
            let e = TruncatedSentenceRule.Ending(text)
            // Chinese: only text that has a full sentence inside it counts (a one-sentence lead is a
            // style), or the lede under a dateline (本报北京1月15日电…): copy, never a lead-in.
            if !e.complete, e.last != 0xFF1A, e.last != 0x3A,
               !CharClass.isHan(e.last) || TruncatedSentenceRule.hasInnerStop(text) || blocks[i].ledeRange != nil {
                unfinished.insert(i)
            }
        }
        self.unfinished = unfinished
        // Copy where paragraphs end on questions and exclamations (readers' comments, letters) leaves
        // out its stops too: a missing stop there says nothing. (An interview's questions, Q: … ?, are
        // asked in any register.)
        var asks = [Int](repeating: 0, count: document.articles.count)
        var wideAsks = asks, paragraphs = asks
        for i in blocks.indices where blocks[i].kind == .paragraph {
            paragraphs[blocks[i].article] += 1
            let last = facts.lastSignificantScalar(of: i)
            switch last {
            case 0x21, 0x3F, 0xFF01, 0xFF1F:
                if TextTraits.interviewTurn(ScalarText.head(bytes, blocks[i].textRange, maxScalars: 3).scalars) != .question {
                    if last == 0xFF01 || last == 0xFF1F { wideAsks[blocks[i].article] += 1 } else { asks[blocks[i].article] += 1 }
                }
            default: break
            }
        }
        // (In Chinese, a share of them, not a few: a speech closes on three cheers, 衷心祝愿…！, after
        // paragraphs that all end on stops.)
        let limit = TruncatedSentenceRule.informalLimit
        informal = asks.indices.map { a in
            asks[a] + wideAsks[a] >= limit && (asks[a] >= limit || (asks[a] + wideAsks[a]) * 3 >= paragraphs[a])
        }
        var lastBody = [Int](repeating: -1, count: document.articles.count)
        for i in blocks.indices where TruncatedSentenceRule.isBody(blocks[i]) { lastBody[blocks[i].article] = i }
        self.lastBody = lastBody
    }

    /// Block `i` is a Chinese paragraph of running text with a clause in it (，or ；) that stops on a
    /// character with no full sentence inside it, between paragraphs of its story that end on their
    /// stops, and whose words the rest of its story hardly takes up: a paragraph that lost its end.
    /// (A story's last paragraph that stops on a clause is read where the story ends.)
    /// A line set so on purpose (a pull quote, a section's summary set as a subhead, a lead in bold)
    /// restates its story: most of its character pairs are found in the story's other blocks.
    func clauseCutAmidStops(_ i: Int, _ text: ScalarText) -> Bool {
        let b = blocks[i]
        guard b.kind == .paragraph, open[i], !unfinished.contains(i), i > 0, storyContinuesAfter(i),
              let last = text.scalars.last, CharClass.isHan(last),
              text.scalars.contains(where: { $0 == 0xFF0C || $0 == 0xFF1B }),
              !TruncatedSentenceRule.hasInnerStop(text), TruncatedSentenceRule.isLongProse(text),
              blocks[i - 1].kind == .paragraph, blocks[i - 1].article == b.article, !open[i - 1] else { return false }
        if i + 1 < blocks.count, blocks[i + 1].article == b.article, blocks[i + 1].kind == .paragraph, open[i + 1] { return false }
        let own = Affinity.features(text.scalars.compactMap(Unicode.Scalar.init))
        guard own.count >= 4 else { return false }
        // (Its story's blocks, at most `restatedWindow` either side: a story of thousands of paragraphs
        // is not read whole for each line.)
        let article = document.articles[b.article].blocks
        let near = max(article.lowerBound, i - Self.restatedWindow)..<min(article.upperBound, i + Self.restatedWindow + 1)
        let story = near.filter { $0 != i }.map { blocks[$0].textRange }
        return Affinity.share(of: own, in: bytes, ranges: story, stoppingAbove: Self.restatedShare) < Self.restatedShare
    }

    /// The share of a line's character pairs its story's other blocks hold when the line restates it.
    static let restatedShare = 0.4
    static let restatedWindow = 40

    /// The 1-based line where block `i` starts.
    func line(_ i: Int) -> Int { blocks[i].firstLine + 1 }

    /// Body copy of block `i`'s story follows it.
    func storyContinuesAfter(_ i: Int) -> Bool { lastBody[blocks[i].article] > i }

    /// What replaces the gap after block `i` to join it to the next, in the file's wrap style: where
    /// the copy is hard-wrapped (or, in Markdown, block `i` is wrapped), one line end of the file's
    /// kind, so the joined paragraph stays wrapped; where a paragraph is a line, a space between words
    /// (`spaced`) or nothing (Chinese).
    func joint(after i: Int, _ gap: SourceRange, spaced: Bool) -> String {
        let wrapped: Bool
        switch document.layout.flow(atLine: blocks[i].lastLine) {
        case .wrapped: wrapped = true
        case .blankSeparated: wrapped = blocks[i].lastLine > blocks[i].firstLine
        case .lines: wrapped = false
        }
        guard wrapped, let cr = bytes[gap.start..<gap.end].firstIndex(where: { $0 == 0x0D || $0 == 0x0A }) else { return spaced ? " " : "" }
        return bytes[cr] == 0x0D ? (cr + 1 < gap.end && bytes[cr + 1] == 0x0A ? "\r\n" : "\r") : "\n"
    }

    /// Block `i` is a jump line the story takes on another page: `.to` (下转第2版, Continued on Page
    /// A6), `.from` (上接第1版, Continued from Page A1). A sentence may break off at one.
    func isJump(_ i: Int, _ direction: JumpLine.Direction) -> Bool {
        guard i >= 0, i < blocks.count, blocks[i].kind == .jump else { return false }
        return JumpLine.parse(UTF8Scalar.scalars(bytes, blocks[i].textRange))?.direction == direction
    }

    /// No paragraph of block `i`'s story comes before it.
    func opensStory(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, blocks[k].article == blocks[i].article {
            if blocks[k].kind == .paragraph { return false }
            k -= 1
        }
        return true
    }

    /// Per article: how many of its paragraphs open with an indent, and how many set flush read as
    /// copy (`flushProse`).
    private lazy var indentCounts: [(indented: Int, flush: Int)] = {
        var counts = [(indented: Int, flush: Int)](repeating: (0, 0), count: document.articles.count)
        // (Counted per story: a web page's furniture, flush, may outnumber the copy's lines.)
        for b in blocks where b.kind == .paragraph && b.isIndented { counts[b.article].indented += 1 }
        // (Flush copy only in stories with enough indented paragraphs to set it against: telling copy
        // from a heading reads the line's head.)
        for (i, b) in blocks.enumerated() where b.kind == .paragraph && !b.isIndented && counts[b.article].indented >= 3 && flushProse(i) {
            counts[b.article].flush += 1
        }
        return counts
    }()

    /// Block `i` is a paragraph set flush that reads as copy, not as a heading, a deck or a note.
    private func flushProse(_ i: Int) -> Bool {
        guard blocks[i].kind == .paragraph, !blocks[i].isIndented,
              case .lines = document.layout.flow(atLine: blocks[i].firstLine) else { return false }
        // (Read from its head, not through the cache of texts: a heading is no longer than this.)
        let t = ScalarText.head(bytes, blocks[i].textRange, maxScalars: 80)
        guard t.count >= 12, let first = t.scalars.first, !TruncatedSentenceRule.isOpeningMark(first) else { return false }
        return t.count >= 80 || !TextTraits.looksLikeHeadline(t.scalars.compactMap(Unicode.Scalar.init))
    }

    /// Block `i` is copy set flush in a story whose paragraphs open with an indent, a line each: an
    /// indented paragraph comes before it, and at least three indented ones for each flush one.
    func setFlushAmidIndented(_ i: Int) -> Bool {
        // The block right before it is an indented paragraph of its story (English sets the first
        // paragraph after a crosshead flush: that one is no orphan), or an indented line read as a
        // subhead (no heading is indented like a paragraph: it is a paragraph's first line).
        // (Asked first: the stored indents settle nearly every block before a line is read.)
        let k = i - 1
        guard k >= 0, blocks[i].kind == .paragraph, !blocks[i].isIndented, blocks[k].article == blocks[i].article,
              blocks[k].isIndented else { return false }
        // (Not a line set far in, 　　　　　　南屿区读者　一位: a signature set to the right.)
        guard blocks[k].kind == .paragraph
            || (blocks[k].kind == .subhead && blocks[k].headingLevel == 0 && blocks[k].textRange.start - blocks[k].range.start <= 6) else { return false }
        let c = indentCounts[blocks[i].article]
        return c.indented >= 3 && c.flush * 3 <= c.indented && flushProse(i)
    }

    /// Block `i` is a short line next to another short line of about its length, with no blank line
    /// between them: a line of verse (实施综合治理， / 建设平安校园。), an item of a list, a table's row.
    func isVerseOrListLine(_ i: Int) -> Bool {
        if isCoupletLine(i) { return true }
        let width = { (k: Int) -> Int in self.texts[k].count }
        guard width(i) <= Self.shortLine else { return false }
        func alike(_ k: Int) -> Bool {
            guard k >= 0, k < blocks.count, blocks[k].kind == .paragraph || blocks[k].kind == .listing else { return false }
            let adjacent = k < i ? blocks[i].blankLinesBefore == 0 : blocks[k].blankLinesBefore == 0
            let (a, b) = (width(i), width(k))
            return adjacent && b <= Self.shortLine && min(a, b) * 10 >= max(a, b) * 6
        }
        return alike(i - 1) || alike(i + 1)
    }

    /// Block `i` is a line of Chinese verse set a line a paragraph: a short line of Chinese ending on a
    /// comma over one exactly as long ending on a comma or a stop (一网连三地，/ 服务触手及。, 电子地图上线，
    /// / 信息实时共享，). Lines of equal length in pairs are verse; a paragraph cut short matches the
    /// next one's length by chance.
    func isCoupletLine(_ i: Int) -> Bool {
        guard i + 1 < blocks.count, blocks[i + 1].kind == .paragraph else { return false }
        let a = texts[i].scalars, b = texts[i + 1].scalars
        guard a.count >= 4, a.count <= 16, a.count == b.count, a.last == 0xFF0C, let end = b.last,
              end == 0xFF0C || end == 0x3002 || end == 0xFF01 || end == 0xFF1F || end == 0xFF1B else { return false }
        return a.dropLast().allSatisfy { CharClass.isHan($0) } && b.dropLast().allSatisfy { CharClass.isHan($0) }
    }

    /// Characters in a short line (a line of verse, a list item).
    static let shortLine = 20

    /// Blocks `n` and `n + 1` open a list: short lines with no stop in them that start alike (with a
    /// figure, or with the same mark), like a table of seeds or of results.
    func beginsList(_ n: Int) -> Bool {
        guard n + 1 < blocks.count else { return isVerseOrListLine(n) }
        if isVerseOrListLine(n) { return true }
        let a = texts[n].scalars, b = texts[n + 1].scalars
        guard let x = a.first, let y = b.first, a.count <= 48, b.count <= 48, blocks[n].kind != .headline else { return false }
        let stops: (UInt32) -> Bool = { $0 == 0x2E || $0 == 0x3002 || $0 == 0x21 || $0 == 0x3F }
        guard !a.contains(where: stops), !b.contains(where: stops) else { return false }
        return (CharClass.isDigit(x) && CharClass.isDigit(y)) || (x == y && !CharClass.isAlphabetic(x) && !CharClass.isHan(x))
    }
}
