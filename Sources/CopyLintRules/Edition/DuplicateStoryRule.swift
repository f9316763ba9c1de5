import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// The same story printed on two pages of an edition (most of its paragraphs, or a long run of them,
/// again in another file), and two stories of an edition under the same headline.
public struct DuplicateStoryRule: Rule, EditionRule {
    public static let description = RuleDescription(
        id: "duplicate-story",
        summary: "A story is printed twice in the edition, or two stories share a headline",
        rationale: """
            A story placed on A2 and again, lightly edited, on B3 is one of the costliest errors in print, and it \
            lives only across pages. The rule reads the edition (`--edition DIR`, or `"edition"` in .lintrc) \
            once. Each paragraph of 20 characters or more is fingerprinted (spacing, punctuation and width \
            folded), and a sample of its stretches of text (one in eight) is kept. A story most of whose \
            paragraphs (two at least), or a run of three, were printed in another file's story, or most of \
            whose sampled text was (a word changed here and there, a sentence cut, the paragraphs set \
            another way), is reported at its headline, with the first printing as related location. Two \
            stories under the same headline (five Chinese characters or twelve letters at least) are \
            reported too; a head over stories on three pages or more (a masthead, a running head) is a \
            standing one. Short lines shared by stories (（记者 王某）, 新华社发, AP Photo, a standing \
            correction) never make a match. A continuation that repeats its story's headline under a jump \
            line is not a second story, and neither is a file that is a front-page file whole (an export \
            prints a story continued from the front page whole on both its pages). Work is linear in the \
            size of the edition: no pair of stories is compared.
            """,
        defaultSeverity: .error,
        triggering: [
            Example("""
                === A02.txt ===
                # Ferry company fined over summer delays

                Regulators fined the island ferry company on Wednesday for a summer of late and cancelled sailings.

                The fine is the largest the harbour authority has imposed since it took over the route in 2011.

                The company said it would appeal.

                === B03.txt ===
                # ↓Ferry firm fined for late sailings

                Regulators fined the island ferry company on Wednesday for a summer of late and cancelled sailings.

                The fine is the largest the harbour authority has imposed since it took over the route in 2011.
                """, note: "the same story on A2 and, lightly edited, on B3"),
            Example("""
                === 01版.txt ===
                # 城北热电厂完成扩容改造

                城北热电厂扩容改造工程昨日通过验收，全市新增集中供热面积三百万平方米。

                === 04版.txt ===
                # ↓城北热电厂完成扩容改造

                市民可通过热线电话反映供暖问题，热力公司承诺两小时内上门处理。
                """, note: "two stories under one headline"),
        ],
        nonTriggering: [
            Example("""
                === 01版.txt ===
                # 城北热电厂完成扩容改造

                城北热电厂扩容改造工程昨日通过验收，全市新增集中供热面积三百万平方米，

                （下转第4版）

                （记者 王小明）

                === 04版.txt ===
                # 城北热电厂完成扩容改造

                （上接第1版）

                改造同步更新了老旧小区的供热管网，热损耗比去年降低百分之十二。

                （记者 王小明）
                """, note: "a continuation under its story's headline, after a jump that resolves; a shared credit"),
        ],
        scope: .edition
    )

    public init(options: RuleOptions) {}

    package func check(edition: Edition) -> [(page: Int, finding: Finding)] {
        let pages = edition.pages
        // Which pages' stories a resolved jump joins: a story that jumps from page P to page Q, and a
        // story on Q that comes from P.
        var joined = Set<[Int]>()
        for (p, page) in pages.enumerated() {
            for jump in page.jumps where jump.direction == .to {
                guard let here = page.page, let target = jump.target else { continue }
                for q in edition.pages(numbered: target) {
                    for back in pages[q].jumps where back.direction == .from && back.target == here {
                        joined.insert([p, jump.story, q, back.story])
                        joined.insert([q, back.story, p, jump.story])
                    }
                }
            }
        }
        var out: [(page: Int, finding: Finding)] = []
        // Paragraph fingerprint -> the first story that printed it.
        // (Stories are numbered across the edition; the tables map a fingerprint to the first story.)
        var storyAt: [(page: Int, story: Int)] = []
        var paragraphCount = 0, shingleCount = 0
        for page in pages { for story in page.stories { paragraphCount += story.paragraphs.count; shingleCount += story.shingles.count } }
        var firstPrinted = HashIndex(expected: paragraphCount)
        let nearHits = Self.nearHits(pages, shingles: shingleCount)
        var headlines: [[UInt32]: (page: Int, story: Int)] = [:]
        // A head over stories on three pages or more is a standing one (a masthead, a running head,
        // a column's name), not a story's own.
        var pagesUnder: [[UInt32]: (last: Int, count: Int)] = [:]
        for (p, page) in pages.enumerated() {
            for story in page.stories {
                for head in story.stack {
                    let seen = pagesUnder[head] ?? (-1, 0)
                    if seen.last != p { pagesUnder[head] = (p, seen.count + 1) }
                }
            }
        }
        var wholes: [UInt64: Int] = [:]
        for (p, page) in pages.enumerated() {
            let copyOf = wholes[page.whole]
            if copyOf == nil { wholes[page.whole] = p }
            for (s, story) in page.stories.enumerated() {
                let id = Int32(storyAt.count)
                storyAt.append((p, s))
                defer {
                    for f in story.paragraphs { _ = firstPrinted.insert(f, id) }
                    for head in story.heads where headlines[head.text] == nil { headlines[head.text] = (p, s) }
                }
                // A file that is a front-page file whole: an export's copy, on the page it
                // continues on, of a story that jumps from the front page (People's Daily's export
                // prints such a story whole on both pages, without the jump lines).
                if let copyOf, pages[copyOf].page?.number == 1 { continue }
                // Earlier printings of this story's paragraphs, in other files: counts and the longest run.
                var counts: [[Int]: (n: Int, run: Int, current: Int, last: Int, first: Int)] = [:]
                var exact: [[Int]: Set<Int32>] = [:]
                for (k, f) in story.paragraphs.enumerated() {
                    let g = firstPrinted.find(f)
                    guard g >= 0, storyAt[Int(g)].page != p else { continue }
                    let key = [storyAt[Int(g)].page, storyAt[Int(g)].story]
                    exact[key, default: []].insert(Int32(k))
                    var c = counts[key] ?? (0, 0, 0, -2, k)
                    c.n += 1
                    c.current = c.last == k - 1 ? c.current + 1 : 1
                    c.run = max(c.run, c.current)
                    c.last = k
                    counts[key] = c
                }
                let total = story.paragraphs.count
                if let (key, c) = counts.max(by: { $0.value.n < $1.value.n }), c.n >= 2, c.n * 2 >= total || c.run >= 3,
                   !joined.contains([p, s] + key) {
                    let other = pages[key[0]]
                    out.append((p, Finding(range: Self.anchor(story, firstMatched: c.first),
                                           message: "story printed again: \(c.n) of its \(total) paragraphs are in the story at \(Self.name(other)):\(Self.line(other, key[1]))",
                                           related: [RelatedLocation(range: other.stories[key[1]].anchor, message: "first printed here", file: other.source)])))
                    continue
                }
                // Lightly edited: most of the story's sampled stretches, from two paragraphs or more
                // (a paragraph printed word for word counts too), were printed in one other story.
                var near: [[Int]: (n: Int, paragraphs: Set<Int32>, first: Int32)] = [:]
                for hit in nearHits[id] ?? [] {
                    let key = [storyAt[Int(hit.other)].page, storyAt[Int(hit.other)].story]
                    var c = near[key] ?? (0, exact[key] ?? [], hit.paragraph)
                    c.n += 1
                    c.paragraphs.insert(hit.paragraph)
                    c.first = min(c.first, hit.paragraph)
                    near[key] = c
                }
                if let (key, c) = near.max(by: { $0.value.n < $1.value.n }), c.n >= Self.minShared, c.paragraphs.count >= 2,
                   c.n * 2 >= story.shingles.count, !joined.contains([p, s] + key) {
                    let other = pages[key[0]]
                    let share = c.n * 100 / max(1, story.shingles.count)
                    out.append((p, Finding(range: Self.anchor(story, firstMatched: Int(c.first)),
                                           message: "story printed again, edited: \(share)% of its text is in the story at \(Self.name(other)):\(Self.line(other, key[1]))",
                                           related: [RelatedLocation(range: other.stories[key[1]].anchor, message: "first printed here", file: other.source)])))
                    continue
                }
                // The same headline over another story. (A continuation under its story's headline is
                // not one, even when its jump is broken: broken-jump reports that.)
                let continues = page.jumps.contains { $0.story == s && $0.direction == .from }
                if let head = story.heads.first(where: { headlines[$0.text].map { $0.page != p } ?? false && (pagesUnder[$0.text]?.count ?? 0) < 3 }),
                   let first = headlines[head.text],
                   !joined.contains([p, s, first.page, first.story]),
                   !(continues && pages[first.page].jumps.contains { $0.story == first.story && $0.direction == .to }) {
                    let other = pages[first.page]
                    out.append((p, Finding(range: head.range,
                                           message: "headline printed over another story too, at \(Self.name(other)):\(Self.line(other, first.story))",
                                           related: [RelatedLocation(range: other.stories[first.story].anchor, message: "the other story", file: other.source)])))
                }
            }
        }
        return out
    }

    /// For each story (numbered across the edition in page order), its sampled stretches first printed
    /// by a story of another page: that story and the paragraph the stretch is in. The stretches are
    /// split by hash among tables filled side by side, each reading the stories in order.
    static func nearHits(_ pages: [EditionPage], shingles: Int) -> [Int32: [(other: Int32, paragraph: Int32)]] {
        var storyPage: [Int32] = []
        var storyShingles: [(page: Int, story: Int)] = []
        for (p, page) in pages.enumerated() {
            for s in page.stories.indices { storyPage.append(Int32(p)); storyShingles.append((p, s)) }
        }
        let shards = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
        let stories = storyShingles, pageOf = storyPage
        let found = ParallelMap.run(count: shards) { shard -> [(story: Int32, other: Int32, paragraph: Int32)] in
            var table = HashIndex(expected: shingles / shards + 1, dense: true)   // stretch -> first story
            var hits: [(story: Int32, other: Int32, paragraph: Int32)] = []
            for (id, at) in stories.enumerated() {
                for sh in pages[at.page].stories[at.story].shingles where Int((sh >> 40) & 0xFF) % shards == shard {
                    let g = table.insert(Shingles.hash(sh), Int32(id))
                    if g >= 0, pageOf[Int(g)] != pageOf[id] { hits.append((Int32(id), g, Shingles.paragraph(sh))) }
                }
            }
            return hits
        }
        var out: [Int32: [(other: Int32, paragraph: Int32)]] = [:]
        for hits in found { for hit in hits { out[hit.story, default: []].append((hit.other, hit.paragraph)) } }
        return out
    }

    /// Where a repeat is reported: at the story's headline, or, for a story without one of its own
    /// (an item of a briefs column), at its first paragraph printed before.
    static func anchor(_ story: EditionPage.Story, firstMatched k: Int) -> SourceRange {
        story.heads.isEmpty && story.paragraphRanges.indices.contains(k) ? story.paragraphRanges[k] : story.anchor
    }

    /// Sampled stretches a lightly edited repeat must share with the first printing (about fifty
    /// characters of text in common, at the least, one stretch in eight being sampled).
    static let minShared = 6

    static func name(_ page: EditionPage) -> String { (page.source.path as NSString).lastPathComponent }

    static func line(_ page: EditionPage, _ story: Int) -> Int { page.source.lines.lineIndex(of: page.stories[story].anchor.start) + 1 }
}
