import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Flags headlines out of place: printed after their own story, another story's headline
/// dropped into a body, and section headings with no text under them.
public struct MisplacedHeadlineRule: Rule {
    /// It reads the stories around each heading.
    public var relativeCost: Int { 4 }

    /// How each block opens.
    public var neededFacts: FactSet { .scripts }

    public static let description = RuleDescription(
        id: "misplaced-headline",
        summary: "A headline or section heading is out of place",
        rationale: """
            Page layout moves headline frames independently of text frames, and a late change can leave a \
            headline under the story it belongs to, another story's headline in the middle of a body, or a \
            section heading whose text was cut. Readers take the stray line for the start of a new story. The \
            rule reads the structure of the page: heading groups (kicker, headline, subtitle), what precedes and \
            follows them, and whether a heading shares vocabulary with the copy around it (a story's own headline \
            and subheads do; another story's headline does not). Normal structure stays silent: kicker → \
            headline → subtitle stacks, a headline followed by its byline or dateline, subheads with text on \
            both sides, and a new story that opens with its headline and a dateline.
            """,
        defaultSeverity: .error,
        options: [
            OptionSpec("maxAffinity", default: .double(0.15),
                       help: "A heading sharing at most this share of its words (Chinese: character pairs) with the copy around it is foreign to it"),
        ],
        triggering: [
            Example("""
                本报讯 记者林晓 全市首批智慧停车场昨日投入使用，市民可通过手机查询空余车位。

                据介绍，今年还将新建智慧停车场二十个。

                # ↓首批智慧停车场投入使用
                """, note: "the story's headline printed after it"),
            Example("""
                # 城北热电厂完成扩容改造

                城北热电厂扩容改造工程昨日通过验收，全市新增集中供热面积三百万平方米。

                ## ↓𠮷林雾凇节开幕吸引游客

                改造同步更新了老旧管网，供热效率提高百分之十五。
                """, note: "another story's headline in the middle of a body"),
            Example("""
                # 港口吞吐量创新高

                今年前十个月，港口货物吞吐量同比增长百分之八。

                ### ↓集装箱航线持续加密

                ### 冷链物流快速发展

                冷链仓储面积比去年扩大一倍。
                """, note: "a section heading with no text under it"),
            Example("""
                Shares in the airline fell sharply on Monday after it warned on profits.

                The company blamed higher fuel costs.

                ↓Airline shares slump on profit warning
                """, note: "plain copy: the headline at the end"),
        ],
        nonTriggering: [
            Example("""
                ### 冬季供暖季前瞻

                # 城北热电厂完成扩容改造

                ## 新增供热面积三百万平方米

                □ 本报记者 林小川

                城北热电厂扩容改造工程昨日通过验收。

                ### 老旧小区管网同步更新

                改造同步更新了老旧小区的供热管网。
                """),
            Example("""
                # 第一篇报道的标题

                第一篇报道的正文。

                ## 跨江大桥主体工程完工

                新华社南京3月5日电 记者林晓 跨江大桥主体工程5日完工。
                """, note: "a new story opening with its dateline"),
        ]
    )

    let maxAffinity: Double

    public init(options: RuleOptions) {
        maxAffinity = options.double("maxAffinity")
    }

    /// A run of heading-like blocks.
    struct Group {
        var members: [Int]
        var first: Int { members[0] }
        var last: Int { members[members.count - 1] }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let blocks = document.blocks
        guard blocks.count >= 2 else { return [] }
        let bytes = document.bytes
        // Block texts are decoded only where a decision needs them.
        let texts = BlockTexts(bytes: bytes, blocks: blocks, wholeGiants: true)
        // A story ends at the end of the file and at the page's furniture (a rule between stories, a take
        // mark, a jump line). `closing[i]`: block i is followed only by headings or ——subtitle lines
        // before the story's end; such a paragraph may be a headline out of place.
        var closing = [Bool](repeating: false, count: blocks.count)
        var boundaryAfter = [Int](repeating: blocks.count, count: blocks.count + 1)
        var onlyHeadings = true
        for i in blocks.indices.reversed() {
            closing[i] = onlyHeadings
            boundaryAfter[i] = blocks[i].kind.isFurniture ? i : boundaryAfter[i + 1]
            if blocks[i].kind.isFurniture {
                onlyHeadings = true
            } else if !(blocks[i].kind.isHeading || (blocks[i].textRange.length <= 200 && texts.scalars(i).starts(with: ["—", "—"]))) {
                onlyHeadings = false
            }
        }
        let indentedBody = document.layout.indentedParagraphs
        let isHeading = blocks.indices.map { i in headingLike(i, blocks: blocks, texts: texts, closing: closing[i], indentedBody: indentedBody) }
        var groups: [Group] = []
        for i in blocks.indices where isHeading[i] {
            if let g = groups.last, g.last == i - 1 { groups[groups.count - 1].members.append(i) } else { groups.append(Group(members: [i])) }
        }
        guard !groups.isEmpty else { return [] }
        let features = { (i: Int) in Affinity.features(texts.scalars(i)) }
        let isBody = blocks.indices.map { !isHeading[$0] && Self.isBodyKind(blocks[$0].kind) }
        // Nearest body block before and after every index, in one pass each way.
        var lastBodyAtOrBefore = [Int?](repeating: nil, count: blocks.count)
        var firstBodyAtOrAfter = [Int?](repeating: nil, count: blocks.count + 1)
        var seen: Int?
        for i in blocks.indices {
            if isBody[i] { seen = i }
            lastBodyAtOrBefore[i] = seen
        }
        for i in blocks.indices.reversed() { firstBodyAtOrAfter[i] = isBody[i] ? i : firstBodyAtOrAfter[i + 1] }
        var bodyByArticle = [[SourceRange]](repeating: [], count: document.articles.count)
        for i in blocks.indices where isBody[i] { bodyByArticle[blocks[i].article].append(blocks[i].textRange) }
        let midBodyHeadings = groups.filter { g in
            (g.first > 0 && lastBodyAtOrBefore[g.first - 1] != nil) && firstBodyAtOrAfter[g.last + 1] != nil
        }
        var findings: [Finding] = []
        let line = { (i: Int) in blocks[i].firstLine + 1 }

        for (n, g) in groups.enumerated() {
            let bodyBefore = g.first > 0 ? lastBodyAtOrBefore[g.first - 1] : nil
            // The body after a group belongs to it up to the next group or the story's end.
            let nextGroupStart = min(n + 1 < groups.count ? groups[n + 1].first : blocks.count, boundaryAfter[g.last + 1])
            let bodyAfter = firstBodyAtOrAfter[g.last + 1].flatMap { $0 < nextGroupStart ? $0 : nil }
            let headlines = g.members.filter { isHeadlineLevel($0, blocks: blocks) }

            // (a) a heading group with body before it and none after it.
            if let before = bodyBefore, bodyAfter == nil {
                let storyHasHeadline = hasOwnHeadline(before, blocks: blocks)
                let target = g.members.first { blocks[$0].kind == .headline } ?? headlines.first ?? g.first
                // A trailing unmarked line is a headline only where the story has none of its own;
                // otherwise it is the story's last, cut, sentence.
                if blocks[target].kind == .paragraph, storyHasHeadline { continue }
                if !headlines.isEmpty, !storyHasHeadline {
                    findings.append(Finding(range: blocks[target].textRange,
                                            message: "headline comes after its own story (the story it heads ends at line \(line(before)))",
                                            related: [RelatedLocation(range: blocks[before].textRange, message: "the story ends here")]))
                } else {
                    let what = headlines.isEmpty ? "section heading" : "headline"
                    findings.append(Finding(range: blocks[target].textRange,
                                            message: "\(what) has no text after it"))
                }
                continue
            }
            // (c) headings stacked with nothing between them.
            for (k, i) in g.members.enumerated() where k + 1 < g.members.count {
                let next = g.members[k + 1]
                if emptySection(i, next: next, blocks: blocks, texts: texts, document: document) {
                    findings.append(Finding(range: blocks[i].textRange,
                                            message: "section heading has no text under it: the next heading follows at line \(line(next))"))
                }
                // Two headlines in a row: the first heads nothing.
                if isHeadlineLevel(i, blocks: blocks), isHeadlineLevel(next, blocks: blocks), blocks[next].kind == .headline,
                   blocks[i].kind == .headline, let before = bodyBefore {
                    let message = hasOwnHeadline(before, blocks: blocks)
                        ? "headline has no story: another headline follows at line \(line(next))"
                        : "headline comes after its own story (the story it heads ends at line \(line(before)))"
                    findings.append(Finding(range: blocks[i].textRange, message: message))
                }
            }
            // (b) another story's headline in the middle of a body.
            if bodyBefore != nil, let after = bodyAfter, opensStory(after, blocks: blocks) == false,
               !Self.startsLowercase(context.facts, after) {   // a lower-case start continues a split sentence
                let candidates = g.members.filter { blocks[$0].kind != .subhead || blocks[$0].headingLevel == 0 || blocks[$0].headingLevel <= 2 }
                guard let head = candidates.first(where: { isHeadlineLevel($0, blocks: blocks) }) ?? candidates.first else { continue }
                let marked = blocks[head].headingLevel > 0 && blocks[head].headingLevel <= 2
                let isolated = midBodyHeadings.count == 1
                let tagged = Affinity.hasColumnTag(texts.scalars(head))
                guard marked || isolated || tagged else { continue }
                let own = features(head)
                // English headlines have few content words, and one may recur by chance: allow one in three.
                let english = own.allSatisfy { $0 >> 63 == 1 }
                guard own.count >= (english ? 3 : 2) else { continue }
                // The story around it: the stories the heading sits between.
                let around = Set([blocks[bodyBefore!].article, blocks[after].article]).sorted()
                // Nearest text first (the scan stops once enough is shared): the copy after the
                // heading, then the copy before it, reading back.
                let at = blocks[head].textRange.start
                let all = around.flatMap { bodyByArticle[$0] }
                let ranges = all.filter { $0.start > at } + all.filter { $0.start < at }.reversed()
                let threshold = english ? max(maxAffinity, 0.34) : maxAffinity
                if Affinity.share(of: own, in: bytes, ranges: ranges, stoppingAbove: threshold) <= threshold {
                    findings.append(Finding(range: blocks[head].textRange,
                                            message: "headline does not belong to the story around it (it shares almost no words with it): another story's headline?"))
                }
            }
        }
        return findings
    }

    /// Block `i`'s first character is a lower-case letter (a body block is not decoded whole).
    static func startsLowercase(_ facts: DocumentFacts, _ i: Int) -> Bool {
        guard let first = facts.opening(of: i).first else { return false }
        if first < 0x80 { return CharClass.isASCIILower(first) }
        // Chinese has no case.
        if first >= 0x2E80, first < 0xA640 { return false }
        return Unicode.Scalar(first)?.properties.isLowercase == true
    }

    /// Paragraphs, captions, datelines and bylines (a switch: a set of kinds would hash each kind's name).
    static func isBodyKind(_ kind: BlockKind) -> Bool {
        switch kind {
        case .paragraph, .caption, .dateline, .byline, .listing: return true
        default: return false
        }
    }

    /// Heading blocks, and in plain copy the unpunctuated short line that ends a story (`closing`:
    /// only headings or a ——subtitle line follow it before the story's end). Where paragraphs are
    /// indented, an indented line is a paragraph's start, not a headline.
    private func headingLike(_ i: Int, blocks: [Block], texts: BlockTexts, closing: Bool, indentedBody: Bool) -> Bool {
        let block = blocks[i]
        if block.kind.isHeading { return true }
        guard block.kind == .paragraph, block.textRange.length <= 200, closing, !(indentedBody && block.isIndented) else { return false }
        return TextTraits.looksLikeHeadline(texts.scalars(i), maxChinese: 40, maxWords: 12)
            && !TextTraits.containsSpeechLead(texts.scalars(i))
    }

    /// A headline rather than a section heading.
    private func isHeadlineLevel(_ i: Int, blocks: [Block]) -> Bool {
        switch blocks[i].kind {
        case .headline, .kicker, .subtitle: return true
        case .paragraph: return true   // a trailing headline-like line in plain copy
        default: return false
        }
    }

    /// The story that block `i` belongs to opens with a headline of its own.
    private func hasOwnHeadline(_ i: Int, blocks: [Block]) -> Bool {
        var k = i
        while k > 0, blocks[k - 1].article == blocks[i].article { k -= 1 }
        while k < i, blocks[k].kind.isHeading || blocks[k].kind == .byline {
            if blocks[k].kind == .headline || blocks[k].kind == .kicker { return true }
            k += 1
        }
        return false
    }

    /// The block starts a new story: a dateline, a lede or a byline.
    private func opensStory(_ i: Int, blocks: [Block]) -> Bool {
        blocks[i].kind == .byline || blocks[i].kind == .dateline || blocks[i].ledeRange != nil
    }

    /// `i` is a section heading immediately followed by a heading of the same or higher rank.
    private func emptySection(_ i: Int, next: Int, blocks: [Block], texts: BlockTexts, document: Document) -> Bool {
        let a = blocks[i], b = blocks[next]
        guard a.kind == .subhead else { return false }
        if a.headingLevel > 0 {
            return b.headingLevel > 0 && b.headingLevel <= a.headingLevel && b.kind == .subhead
        }
        // Plain copy cannot tell an emptied section from a two-line heading.
        return false
    }
}
