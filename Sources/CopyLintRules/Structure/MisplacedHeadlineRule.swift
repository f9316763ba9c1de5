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
        let texts = LazyTexts(bytes: bytes, blocks: blocks)
        // The file's last blocks that are headings or ——subtitle lines: a paragraph followed only by
        // them may be a headline out of place.
        var trailing = blocks.count
        while trailing > 0, blocks[trailing - 1].kind.isHeading || texts[trailing - 1].starts(with: ["—", "—"]) { trailing -= 1 }
        let isHeading = blocks.indices.map { i in headingLike(i, blocks: blocks, texts: texts, trailing: trailing) }
        var groups: [Group] = []
        for i in blocks.indices where isHeading[i] {
            if let g = groups.last, g.last == i - 1 { groups[groups.count - 1].members.append(i) } else { groups.append(Group(members: [i])) }
        }
        guard !groups.isEmpty else { return [] }
        let features = { (i: Int) in Affinity.features(texts[i]) }
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
            let nextGroupStart = n + 1 < groups.count ? groups[n + 1].first : blocks.count
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
                let tagged = Affinity.hasColumnTag(texts[head])
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
        case .paragraph, .caption, .dateline, .byline: return true
        default: return false
        }
    }

    /// Heading blocks, and in plain copy the unpunctuated short line that ends the file.
    /// `trailing`: where the file's closing run of headings and ——subtitle lines begins.
    private func headingLike(_ i: Int, blocks: [Block], texts: LazyTexts, trailing: Int) -> Bool {
        let block = blocks[i]
        if block.kind.isHeading { return true }
        // Followed only by headings or a ——subtitle line.
        guard block.kind == .paragraph, block.textRange.length <= 200, i + 1 >= trailing else { return false }
        return TextTraits.looksLikeHeadline(texts[i], maxChinese: 40, maxWords: 12)
            && !TextTraits.containsSpeechLead(texts[i])
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
    private func emptySection(_ i: Int, next: Int, blocks: [Block], texts: LazyTexts, document: Document) -> Bool {
        let a = blocks[i], b = blocks[next]
        guard a.kind == .subhead else { return false }
        if a.headingLevel > 0 {
            return b.headingLevel > 0 && b.headingLevel <= a.headingLevel && b.kind == .subhead
        }
        // Plain copy cannot tell an emptied section from a two-line heading.
        return false
    }
}

/// Block texts as scalars, decoded on first use and kept.
final class LazyTexts {
    private let bytes: [UInt8]
    private let blocks: [Block]
    private var cache: [Int: [Unicode.Scalar]] = [:]

    init(bytes: [UInt8], blocks: [Block]) {
        self.bytes = bytes
        self.blocks = blocks
    }

    subscript(i: Int) -> [Unicode.Scalar] {
        if let hit = cache[i] { return hit }
        let r = blocks[i].textRange
        let t = UTF8Scalar.scalars(bytes, r)
        cache[i] = t
        return t
    }
}

/// Shared vocabulary between a heading and copy: Chinese character pairs, English content words.
enum Affinity {
    static let stopwords: Set<String> = ["the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from",
                                         "and", "or", "but", "is", "are", "was", "were", "be", "been", "has", "have",
                                         "had", "it", "its", "this", "that", "as", "he", "she", "they", "we", "said",
                                         "says", "will", "would", "could", "out", "over", "after", "up", "new", "not"]

    static func features(_ text: [Unicode.Scalar]) -> Set<UInt64> {
        var out = Set<UInt64>()
        var t = text
        // A column tag at the end of a headline is not part of its meaning: 标题（人民时评）.
        if let last = t.last, last == "）" || last == ")", let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 0 {
            t = Array(t[..<open])
        }
        var han = 0
        for k in t.indices where CharClass.isHan(t[k].value) {
            han += 1
            if k + 1 < t.count, CharClass.isHan(t[k + 1].value) { out.insert(UInt64(t[k].value) << 32 | UInt64(t[k + 1].value)) }
        }
        if han >= 2 { return out }
        var word = ""
        func flush() {
            var w = word.lowercased()
            if w.count > 3, w.hasSuffix("s") { w.removeLast() }
            if w.count > 2, !stopwords.contains(w) {
                let bytes = Array(w.utf8)
                out.insert(wordKey(bytes.withUnsafeBufferPointer { hashWord($0, 0, bytes.count) }, first: bytes[0], length: bytes.count))
            }
            word = ""
        }
        for s in t {
            if s.properties.isAlphabetic { word.unicodeScalars.append(s) } else { flush() }
        }
        flush()
        return out
    }

    /// The share of `own` (a heading's features) found in the text of `ranges`, by one pass over
    /// the bytes: no feature set is built for the body. The pass stops as soon as the share is
    /// above `limit` (the answer is then only known to be above it).
    static func share(of own: Set<UInt64>, in bytes: [UInt8], ranges: [SourceRange], stoppingAbove limit: Double = 1) -> Double {
        guard !own.isEmpty else { return 1 }
        // Above the limit once this many features are found (the same division the caller makes).
        let enough = (0...own.count).first { Double($0) / Double(own.count) > limit } ?? own.count + 1
        var found = Set<UInt64>()
        let english = own.allSatisfy { $0 >> 63 == 1 }
        bytes.withUnsafeBufferPointer { buf in
            if english {
                scanWords(buf, ranges: ranges, own: own, found: &found, enough: enough)
            } else {
                scanPairs(buf, ranges: ranges, own: own, found: &found, enough: enough)
            }
        }
        return Double(found.count) / Double(own.count)
    }

    /// Chinese: the heading's character pairs in the text. A pair in `own` is two Han characters, so
    /// any two neighbouring characters can be tested without asking their script; two 4,096-bit filters
    /// (first and second characters of the pairs, by their low 12 bits) leave few pairs to look up.
    private static func scanPairs(_ buf: UnsafeBufferPointer<UInt8>, ranges: [SourceRange], own: Set<UInt64>,
                                  found: inout Set<UInt64>, enough: Int) {
        var filters = [UInt64](repeating: 0, count: 128)   // 64 words of first characters, then 64 of second
        for key in own {
            let a = UInt32(truncatingIfNeeded: key >> 32) & 0xFFF, b = UInt32(truncatingIfNeeded: key) & 0xFFF
            filters[Int(a >> 6)] |= 1 << UInt64(a & 63)
            filters[64 + Int(b >> 6)] |= 1 << UInt64(b & 63)
        }
        filters.withUnsafeBufferPointer { f in
            for r in ranges {
                if found.count >= enough { return }
                var i = r.start
                var previous: UInt32 = 0
                var previousMayStart = false
                while i < r.end {
                    if buf[i] < 0x80 {
                        previousMayStart = false
                        i += 1
                        continue
                    }
                    let (c, len) = UTF8Scalar.decode(buf, at: i)
                    i += len
                    let low = c & 0xFFF
                    if previousMayStart, f[64 + Int(low >> 6)] & (1 << UInt64(low & 63)) != 0 {
                        let key = UInt64(previous) << 32 | UInt64(c)
                        if own.contains(key) {
                            found.insert(key)
                            if found.count >= enough { return }
                        }
                    }
                    previous = c
                    previousMayStart = f[Int(low >> 6)] & (1 << UInt64(low & 63)) != 0
                }
            }
        }
    }

    /// An English word's key: the top bit set, then the word's first byte and its length in bytes (up to
    /// 127), then 48 bits of its FNV-1a hash. The scan below reads first byte and length before it
    /// hashes, and hashes only the words whose first byte and length some heading word has.
    @inline(__always)
    static func wordKey(_ hash: UInt64, first: UInt8, length: Int) -> UInt64 {
        1 << 63 | UInt64(first) << 55 | UInt64(min(length, 127)) << 48 | hash & 0xFFFF_FFFF_FFFF
    }

    /// FNV-1a of a word's bytes, ASCII letters lower-cased (other bytes, of letters outside ASCII, as they are).
    @inline(__always)
    static func hashWord(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in start..<(start + length) {
            let b = buf[k]
            h = (h ^ UInt64(b < 0x80 ? b | 0x20 : b)) &* 0x100_0000_01B3
        }
        return h
    }

    /// English: the heading's content words (lower-cased, a plural s dropped, keyed as `features` does).
    private static func scanWords(_ buf: UnsafeBufferPointer<UInt8>, ranges: [SourceRange], own: Set<UInt64>,
                                  found: inout Set<UInt64>, enough: Int) {
        // First bytes and lengths of the heading's words, a bit each.
        var firsts: UInt64 = 0, lengths: UInt64 = 0
        for key in own {
            firsts |= 1 << (key >> 55 & 63)
            lengths |= 1 << min(key >> 48 & 127, 63)
        }
        for r in ranges {
            if found.count >= enough { break }
            var i = r.start
            var start = 0, length = 0
            var last: UInt8 = 0
            while i <= r.end {
                var letterLength = 0
                if i < r.end {
                    let b = buf[i]
                    if b < 0x80 {
                        if CharClass.isASCIILetter(UInt32(b)) { letterLength = 1 }
                    } else {
                        let (c, len) = UTF8Scalar.decode(buf, at: i)
                        if CharClass.isAlphabetic(c) { letterLength = len } else { i += len - 1 }
                    }
                }
                if letterLength > 0 {
                    if length == 0 { start = i }
                    length += letterLength
                    i += letterLength
                    last = buf[i - 1] < 0x80 ? buf[i - 1] | 0x20 : buf[i - 1]
                    continue
                }
                i += 1
                guard length > 0 else { continue }
                // The end of a word: a plural s dropped, then too short, or no heading word like it.
                let counted = length > 3 && last == 0x73 ? length - 1 : length
                length = 0
                guard counted > 2 else { continue }
                let first = buf[start] < 0x80 ? buf[start] | 0x20 : buf[start]
                guard firsts & 1 << UInt64(first & 63) != 0, lengths & 1 << UInt64(min(counted, 63)) != 0 else { continue }
                let key = wordKey(hashWord(buf, start, counted), first: first, length: counted)
                if own.contains(key) { found.insert(key) }
            }
        }
    }

    /// 标题（人民时评）: a newspaper column tag closing the line.
    static func hasColumnTag(_ t: [Unicode.Scalar]) -> Bool {
        guard let last = t.last, last == "）" || last == ")", let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return false }
        let inside = t.count - open - 2
        return open > 2 && inside >= 2 && inside <= 12
    }
}
