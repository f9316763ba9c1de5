import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// One run of misplaced-headline over a document: its heading groups, the body copy around each, where
/// stories end, and the vocabulary a heading shares with the copy near it.
final class HeadlineScan {
    /// A run of heading-like blocks.
    struct Group {
        var members: [Int]
        var first: Int { members[0] }
        var last: Int { members[members.count - 1] }
    }

    let context: RuleContext
    let document: Document
    let blocks: [Block]
    let bytes: [UInt8]
    let texts: BlockTexts
    var findings: [Finding] = []
    /// Block i is a heading, or an unmarked line that closes a story and is shaped like one.
    private(set) var isHeading: [Bool] = []
    private(set) var isBody: [Bool] = []
    private(set) var groups: [Group] = []
    /// The first block of the page's furniture at or after i (a rule, a take mark, a jump line), or the end.
    private(set) var boundaryAfter: [Int] = []
    private var lastBodyAtOrBefore: [Int?] = []
    private var firstBodyAtOrAfter: [Int?] = []
    /// Per story: its heading groups with body copy on both sides (not counting a group over a
    /// byline, a dateline or a lede: that one opens a story of its own; nor one a story opens with
    /// under a rule or a field (稿件编号：…), as a record of a content system's export does).
    private var midBodyCounts: [Int: Int] = [:]
    /// Stories whose first block is copy (no heading, label or byline over it).
    private var headless = Set<Int>()

    /// The heading groups of each story (indices into `groups`, in order), made when first asked for:
    /// a check that looks at a story's other groups reads its own, not the page's.
    private(set) lazy var groupsOfArticle: [Int: [Int]] = {
        var out: [Int: [Int]] = [:]
        for (m, g) in groups.enumerated() { out[blocks[g.first].article, default: []].append(m) }
        return out
    }()

    init(_ context: RuleContext) {
        self.context = context
        document = context.document
        blocks = document.blocks
        bytes = document.bytes
        // Block texts are decoded only where a decision needs them.
        texts = BlockTexts(bytes: bytes, blocks: blocks, wholeGiants: true)
        let blocks = self.blocks
        // A story ends at the end of the file and at the page's furniture. `closing[i]`: block i is
        // followed only by headings or ——subtitle lines before its story's end.
        var closing = [Bool](repeating: false, count: blocks.count)
        boundaryAfter = [Int](repeating: blocks.count, count: blocks.count + 1)
        var onlyHeadings = true
        // Only a box follows to the story's end: a label over a listing's rows (【第九轮赛果】 and the
        // results), set after the story's last line.
        var onlyBox = true
        for i in blocks.indices.reversed() {
            // (A story also ends where the next one opens under its headline.)
            if i + 1 < blocks.count, blocks[i + 1].article != blocks[i].article, blocks[i + 1].kind.isHeading { onlyHeadings = true; onlyBox = true }
            closing[i] = onlyHeadings || (onlyBox && i + 1 < blocks.count && blocks[i + 1].kind == .label && blocks[i + 1].article == blocks[i].article)
            if blocks[i].kind.isFurniture { onlyBox = true } else if !(blocks[i].kind == .listing || blocks[i].kind == .label || blocks[i].kind.isHeading) { onlyBox = false }
            boundaryAfter[i] = blocks[i].kind.isFurniture ? i : boundaryAfter[i + 1]
            if blocks[i].kind.isFurniture {
                onlyHeadings = true
            } else if !(blocks[i].kind.isHeading || blocks[i].kind == .label
                        || (blocks[i].textRange.length <= 200 && Self.startsWithDashes(bytes, blocks[i].textRange))) {
                // (A credit or a note, a label, may follow a story's last line too.)
                onlyHeadings = false
            }
        }
        // On a page of several stories, a story also ends where the next one's headline begins. Lines
        // stacked there with no blank line between them, where the story's paragraphs are set apart by
        // blank lines, are a heading stack closing it (its headline and deck, printed after it): a
        // group of its own, not the next story's.
        var closesStack = Set<Int>()
        for b in blocks.indices.dropFirst() where blocks[b].article != blocks[b - 1].article {
            var j = b - 1
            while j > 0, blocks[j].blankLinesBefore == 0, blocks[j - 1].article == blocks[b - 1].article { j -= 1 }
            let stack = j..<b
            guard (2...3).contains(stack.count), j > 0, blocks[j].blankLinesBefore >= 1, blocks[j - 1].kind == .paragraph,
                  blocks[j - 1].blankLinesBefore >= 1 || j - 1 == 0,
                  stack.allSatisfy({ blocks[$0].kind == .paragraph && blocks[$0].textRange.length <= 200 }),
                  Self.headlineSized(texts.scalars(j)) else { continue }
            for k in stack { closing[k] = true }
            closesStack.insert(b - 1)
        }
        let indentedBody = document.layout.indentedParagraphs
        // Stories that open on their copy, with no heading over it (their headline may be at their end).
        var headless = Set<Int>()
        for i in blocks.indices where i == 0 || blocks[i - 1].article != blocks[i].article {
            if !(blocks[i].kind.isHeading || blocks[i].kind == .label || blocks[i].kind == .byline) { headless.insert(blocks[i].article) }
        }
        self.headless = headless
        isHeading = blocks.indices.map { headingLike($0, closing: closing[$0], indentedBody: indentedBody) }
        for i in blocks.indices where isHeading[i] {
            if let g = groups.last, g.last == i - 1, continuesGroup(g.last, i, closesStack: closesStack) {
                groups[groups.count - 1].members.append(i)
            } else {
                groups.append(Group(members: [i]))
            }
        }
        isBody = blocks.indices.map { !isHeading[$0] && MisplacedHeadlineRule.isBodyKind(blocks[$0].kind) }
        // Nearest body block before and after every index, in one pass each way.
        lastBodyAtOrBefore = [Int?](repeating: nil, count: blocks.count)
        firstBodyAtOrAfter = [Int?](repeating: nil, count: blocks.count + 1)
        var seen: Int?
        for i in blocks.indices {
            if isBody[i] { seen = i }
            lastBodyAtOrBefore[i] = seen
        }
        for i in blocks.indices.reversed() { firstBodyAtOrAfter[i] = isBody[i] ? i : firstBodyAtOrAfter[i + 1] }
        for g in groups where bodyBefore(g) != nil && firstBodyAtOrAfter[g.last + 1] != nil
            && !(g.last + 1 < blocks.count && opensStory(g.last + 1))
            && !(g.first > 0 && blocks[g.first - 1].article != blocks[g.first].article
                 && (blocks[g.first - 1].kind == .separator
                     || (blocks[g.first - 1].kind == .label && TextTraits.colonNearStart(bytes, blocks[g.first - 1].textRange)))) {
            midBodyCounts[blocks[g.first].article, default: 0] += 1
        }
    }

    /// Heading blocks, and in plain copy the unpunctuated short line that ends a story (`closing`:
    /// only headings or a ——subtitle line follow it before the story's end). Where paragraphs are
    /// indented, an indented line is a paragraph's start, not a headline.
    /// A line shaped like a heading between paragraphs, too long for a crosshead, is one too (another
    /// story's headline is longer than a subhead).
    private func headingLike(_ i: Int, closing: Bool, indentedBody: Bool) -> Bool {
        let block = blocks[i]
        if block.kind.isHeading { return true }
        // (A short label closing a story that opens on its copy is that story's headline, printed
        // after it: 一条鱼的故事 under the last paragraph of a story with no headline over it.)
        // (Not a credit in brackets, （本报莫斯科1月13日电）.)
        // (Nor a credit with its colon, 版式设计：蔡华伟, 制图：…: the page's staff, not a title.)
        let closingLabel = block.kind == .label && closing && headless.contains(block.article) && i > 0
            && blocks[i - 1].article == block.article && !blocks[i - 1].kind.isHeading
            && ![0xFF08, 0x28].contains(context.facts.opening(of: i).first ?? 0)
            && !Self.isCredit(texts.scalars(i))
        guard block.kind == .paragraph || closingLabel, block.textRange.length <= 200, !(indentedBody && block.isIndented) else { return false }
        let betweenParagraphs = i > 0 && i + 1 < blocks.count && blocks[i - 1].kind == .paragraph && blocks[i + 1].kind == .paragraph
        guard closing || betweenParagraphs else { return false }
        // A line that ends on a stop or a comma is no headline: told from the facts, without decoding it.
        switch context.facts.lastSignificantScalar(of: i) {
        // (Nor one that breaks off on a dash: 经济学家——.)
        case 0x3002, 0x2E, 0x2C, 0xFF0C, 0x3001, 0xFF1A, 0x3A, 0x2014: return false
        // (Nor an exclamation closing copy that exclaims before it, 衷心祝愿…！ after …而努力奋斗！: a
        // speech's or a column's last words; nor exclamations two or more, 同志们、朋友们！让我们…奋斗！,
        // 武汉加油！中国加油！: sentences, where a headline is one phrase.)
        case 0xFF01, 0x21:
            if i > 0, blocks[i - 1].kind == .paragraph, [0xFF01, 0x21].contains(context.facts.lastSignificantScalar(of: i - 1) ?? 0) { return false }
            if texts.scalars(i).dropLast().contains(where: { $0 == "！" || $0 == "？" || $0 == "。" }) { return false }
        default: break
        }
        // (Nor a line of Chinese with two commas or more: a heading is one phrase or two about a
        // comma, 变革观念制度，破除技能人才成长藩篱; three clauses are a sentence, cut or not.)
        let t = texts.scalars(i)
        if t.lazy.filter({ $0 == "，" }).count >= 2 { return false }
        // (An interview's question, Q: … ?, is copy.)
        guard TextTraits.looksLikeHeadline(t, maxChinese: 40, maxWords: 12), !TextTraits.containsSpeechLead(t), !TextTraits.isInterviewTurn(t) else { return false }
        // (Nor a page's small print: a contributor's credit, Previews by Dora Penn, or its copyright.)
        if Self.isContributorCredit(t) || Self.isCopyrightLine(t) { return false }
        // (Nor the fields of a form or of filed copy's header, one a line: CATCHLINE: HARBOUR WALL over
        // WORDS: 470.)
        if Self.isField(t), (i > 0 && block.blankLinesBefore == 0 && Self.isField(texts.scalars(i - 1)))
            || (i + 1 < blocks.count && blocks[i + 1].blankLinesBefore == 0 && Self.isField(texts.scalars(i + 1))) { return false }
        // Where headings carry their mark (#), a line without one is copy, unless it is shaped as only a
        // headline is (消费券精准发放　拉动市场回暖, a column tag): a headline that lost its mark.
        if document.layout.markup == .markdown, !closingLabel {
            return MisplacedHeadlineRule.headlineShaped(t) || Affinity.hasColumnTag(t)
        }
        return true
    }

    /// What a page's contributor did, "by" and a name: Previews by Dora Penn, Pictures by Ann Kell
    /// (one word before "by": Town cut off by floods is a headline, and floods no name).
    static func isContributorCredit(_ t: [Unicode.Scalar]) -> Bool {
        let words = String(String.UnicodeScalarView(t)).split(separator: " ")
        guard (3...5).contains(words.count), words[1] == "by", words[0].first?.isUppercase == true, words[0].allSatisfy(\.isLetter) else { return false }
        return words[2...].allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" } }
    }

    /// `t` is a field of a form or a header (CATCHLINE: HARBOUR WALL): a name in capitals, at least
    /// three letters, then a colon and a value.
    static func isField(_ t: [Unicode.Scalar]) -> Bool {
        guard let colon = t.firstIndex(of: ":"), colon >= 3, colon + 1 < t.count else { return false }
        return t[..<colon].allSatisfy { CharClass.isASCIIUpper($0.value) || $0 == "-" }
    }

    /// A copyright line (版权所有：…, © 2024 …, Copyright …, All rights reserved).
    static func isCopyrightLine(_ t: [Unicode.Scalar]) -> Bool {
        let s = String(String.UnicodeScalarView(t))
        return s.hasPrefix("版权所有") || s.hasPrefix("版權所有") || s.contains("©") || s.hasPrefix("Copyright") || s.contains("All rights reserved")
    }

    /// A credit: a role, its colon and a name or two (版式设计：蔡华伟, 数据来源：𠮷溪市统计局, Graphic:
    /// Ann Kell), not a headline that quotes a speaker (最高法：涉农民工工资有案必立, Murphy: That was
    /// a bruising battle).
    static func isCredit(_ t: [Unicode.Scalar]) -> Bool {
        guard let colon = t.firstIndex(where: { $0 == "：" || $0 == ":" }), colon > 0 else { return false }
        let rest = Array(t[(colon + 1)...]).filter { $0 != " " && $0 != "\u{3000}" }
        let names = rest.split(separator: "、").map(Array.init)
        if TextTraits.hanCount(rest) > 0 { return names.allSatisfy { $0.count <= 7 } }
        return TextTraits.wordCount(Array(t[(colon + 1)...])) <= 3
    }

    /// Heading `i` belongs to the group that heading `i - 1` ends. Not after a stack that closes its
    /// story, nor past a story's end from an unmarked subhead or line into the next story's headline, nor
    /// from a heading in running case into a section's name in capitals (RESULTS, under the
    /// headline a story printed after it): a new section starts there.
    private func continuesGroup(_ previous: Int, _ i: Int, closesStack: Set<Int>) -> Bool {
        if closesStack.contains(previous) { return false }
        if blocks[i].article != blocks[previous].article,
           (blocks[previous].kind == .subhead && blocks[previous].headingLevel == 0) || blocks[previous].kind == .paragraph { return false }
        // (A section's name is words, RESULTS, IN BRIEF: not a time, 2000 GMT.)
        if blocks[i].kind == .paragraph || blocks[i].kind == .subhead, blocks[previous].kind == .paragraph || blocks[previous].kind == .subhead,
           MisplacedHeadlineRule.isCapitalsHeading(texts.scalars(i)), !texts.scalars(i).contains(where: { CharClass.isDigit($0.value) }),
           !MisplacedHeadlineRule.isCapitalsHeading(texts.scalars(previous)),
           texts.scalars(previous).contains(where: { CharClass.isASCIILower($0.value) }) { return false }
        return true
    }

    func line(_ i: Int) -> Int { blocks[i].firstLine + 1 }

    /// The other heading groups of group `n`'s story with body copy on both sides (its crossheads).
    func otherBodyGroups(_ n: Int) -> [Int] {
        (groupsOfArticle[blocks[groups[n].first].article] ?? []).filter {
            $0 != n && bodyBefore(groups[$0]) != nil && bodyAfter($0) != nil
        }
    }

    /// The heading groups inside the body of block `i`'s story.
    func midBodyGroups(inStoryOf i: Int) -> Int { midBodyCounts[blocks[i].article] ?? 0 }

    /// The text opens with —— (a subtitle line), read from its bytes (E2 80 94 twice).
    static func startsWithDashes(_ bytes: [UInt8], _ r: SourceRange) -> Bool {
        r.length >= 6 && bytes[r.start] == 0xE2 && bytes[r.start + 1] == 0x80 && bytes[r.start + 2] == 0x94
            && bytes[r.start + 3] == 0xE2 && bytes[r.start + 4] == 0x80 && bytes[r.start + 5] == 0x94
    }

    /// The body copy just before a group.
    func bodyBefore(_ g: Group) -> Int? { g.first > 0 ? lastBodyAtOrBefore[g.first - 1] : nil }

    /// The body copy after group `n`, up to the next group or its story's end.
    func bodyAfter(_ n: Int) -> Int? {
        let g = groups[n]
        let end = min(n + 1 < groups.count ? groups[n + 1].first : blocks.count, boundaryAfter[g.last + 1])
        // (A box under a Chinese line, a label over a listing's rows to the story's end, 【第九轮赛果】 and
        // the results, is no copy of its own. An English results box carries its competition's and
        // division's names over its rows, which read as headlines and are not.)
        let k = g.last + 1
        if k < end, blocks[k].kind == .label, TextTraits.hanCount(texts.scalars(g.first)) > 0,
           blocks[k..<end].allSatisfy({ $0.kind == .label || $0.kind == .listing }) { return nil }
        return firstBodyAtOrAfter[g.last + 1].flatMap { $0 < end ? $0 : nil }
    }

    /// A headline rather than a section heading (a trailing headline-like line in plain copy too).
    func isHeadlineLevel(_ i: Int) -> Bool {
        switch blocks[i].kind {
        case .headline, .kicker, .subtitle, .paragraph: return true
        default: return false
        }
    }

    /// The story that block `i` belongs to opens with a headline of its own.
    func hasOwnHeadline(_ i: Int) -> Bool {
        var k = i
        while k > 0, blocks[k - 1].article == blocks[i].article { k -= 1 }
        // (A label may stand over it: a web page's breadcrumb, a section's name.)
        while k < i, blocks[k].kind.isHeading || blocks[k].kind == .byline || blocks[k].kind == .label {
            if blocks[k].kind == .headline { return true }
            k += 1
        }
        return false
    }

    /// Long enough for a headline, not a signature or a place (Margaret Lowell / Eastcombe): four
    /// words or more, or six Chinese characters.
    static func headlineSized(_ t: [Unicode.Scalar]) -> Bool {
        TextTraits.hanCount(t) >= 6 || (TextTraits.hanCount(t) == 0 && TextTraits.wordCount(t) >= 4)
    }

    /// The story of block `i` opens on a lede, a dateline or a byline (a brief: 本报讯…, By …).
    func opensOnLede(_ i: Int) -> Bool {
        var k = i
        while k > 0, blocks[k - 1].article == blocks[i].article { k -= 1 }
        return opensStory(k)
    }

    /// The block starts a new story: a dateline, a lede or a byline.
    func opensStory(_ i: Int) -> Bool {
        blocks[i].kind == .byline || blocks[i].kind == .dateline || blocks[i].ledeRange != nil
    }

    /// Block `i` (body copy) stops without sentence-final punctuation: a heading after it interrupts a sentence.
    func stopsMidSentence(_ i: Int) -> Bool {
        guard blocks[i].kind == .paragraph, let last = context.facts.lastSignificantScalar(of: i) else { return false }
        switch last {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2E, 0x2026, 0xFF1B, 0x3B, 0xFF1A, 0x3A: return false
        default: return true
        }
    }

    // MARK: - vocabulary

    /// The text ranges of up to `count` body blocks from `i` onwards (`forward`) or backwards, not
    /// crossing a heading group or the page's furniture.
    func bodyWindow(from i: Int, forward: Bool, count: Int = 3) -> [SourceRange] {
        var out: [SourceRange] = []
        var k = i
        while k >= 0, k < blocks.count, out.count < count {
            if blocks[k].kind.isFurniture || (isHeading[k] && k != i) { break }
            if isBody[k] { out.append(blocks[k].textRange) }
            k += forward ? 1 : -1
        }
        return out
    }

    /// Up to `count` body blocks from `i` onwards (`forward`) or backwards, not crossing a heading
    /// group or the page's furniture.
    func bodyIndices(from i: Int, forward: Bool, count: Int) -> [Int] {
        var out: [Int] = []
        var k = i
        while k >= 0, k < blocks.count, out.count < count {
            if blocks[k].kind.isFurniture || (isHeading[k] && k != i) { break }
            if isBody[k] { out.append(k) }
            k += forward ? 1 : -1
        }
        return out
    }

    /// Block `i`'s content words (Chinese: character pairs), made once: a heading's are asked for by
    /// several checks, a body block's by the headings on either side of it.
    func features(of i: Int) -> Set<UInt64> {
        if let known = featureCache[i] { return known }
        let made = Affinity.features(texts.scalars(i))
        featureCache[i] = made
        return made
    }

    private var featureCache: [Int: Set<UInt64>] = [:]

    /// The share of content words (Chinese: character pairs) that the two body blocks before `before`
    /// (inclusive) and the two from `after` have in common, of the smaller set.
    func sharedVocabulary(before: Int, after: Int) -> Double { continuity(before: before, after: after) ?? 1 }

    /// The same share, nil when either side has no words to compare (copy of figures only).
    func continuity(before: Int, after: Int) -> Double? {
        func words(_ ks: [Int]) -> Set<UInt64> { ks.reduce(into: Set<UInt64>()) { $0.formUnion(features(of: $1)) } }
        let a = words(bodyIndices(from: before, forward: false, count: 2)), b = words(bodyIndices(from: after, forward: true, count: 2))
        guard !a.isEmpty, !b.isEmpty else { return nil }
        return Double(a.intersection(b).count) / Double(min(a.count, b.count))
    }

    /// The share of heading `i`'s words (Chinese: character pairs) found in `ranges`, by one pass that
    /// stops once the share passes `limit`; nil when the heading has too few to tell.
    func share(of i: Int, in ranges: [SourceRange], stoppingAbove limit: Double) -> Double? {
        let own = features(of: i)
        // English headlines have few content words, and one may recur by chance.
        let english = own.allSatisfy { $0 >> 63 == 1 }
        guard own.count >= (english ? 3 : 2) else { return nil }
        return Affinity.share(of: own, in: bytes, ranges: ranges, stoppingAbove: limit)
    }

    /// The heading's words are English (the threshold for "shares almost nothing" is then higher: an
    /// English headline has few content words, and one may recur by chance).
    func isEnglish(_ i: Int) -> Bool {
        features(of: i).allSatisfy { $0 >> 63 == 1 }
    }

    /// The body copy of the stories blocks `a` (before) and `b` (after) belong to, the copy from `b`
    /// on first, then the copy up to `a` going back: at most `storyWindow` blocks each way (a story's
    /// words are near it, and a page of one long story is not read whole for each heading).
    func storyText(around a: Int, _ b: Int) -> [SourceRange] {
        let stories = (blocks[a].article, blocks[b].article)
        func inStory(_ k: Int) -> Bool { isBody[k] && (blocks[k].article == stories.0 || blocks[k].article == stories.1) }
        var out: [SourceRange] = []
        // (Stories are runs of blocks: the walk ends where both are behind it.)
        let last = max(stories.0, stories.1), first = min(stories.0, stories.1)
        var k = b, n = 0
        while k < blocks.count, n < Self.storyWindow, blocks[k].article <= last {
            if inStory(k) { out.append(blocks[k].textRange); n += 1 }
            k += 1
        }
        k = a; n = 0
        while k >= 0, n < Self.storyWindow, blocks[k].article >= first {
            if inStory(k) { out.append(blocks[k].textRange); n += 1 }
            k -= 1
        }
        return out
    }

    /// Body blocks read each way from a heading for the words of its story.
    static let storyWindow = 40
}
