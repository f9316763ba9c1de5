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
        var joined = Set<Join>()
        for (p, page) in pages.enumerated() {
            for jump in page.jumps where jump.direction == .to {
                guard let here = page.page, let target = jump.target else { continue }
                for q in edition.pages(numbered: target) {
                    for back in pages[q].jumps where back.direction == .from && back.target == here {
                        joined.insert(Join(p, jump.story, q, back.story))
                        joined.insert(Join(q, back.story, p, jump.story))
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
        var headlines: [UInt64: (page: Int, story: Int)] = [:]
        // A head over stories on three pages or more is a standing one (a masthead, a running head,
        // a column's name), not a story's own.
        var pagesUnder: [UInt64: (last: Int, count: Int)] = [:]
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
                // (Keyed by the other story's number across the edition.)
                var counts: [Int32: (n: Int, run: Int, current: Int, last: Int, first: Int)] = [:]
                var exact: [Int32: Set<Int32>] = [:]
                for (k, f) in story.paragraphs.enumerated() {
                    let key = firstPrinted.find(f)
                    guard key >= 0, storyAt[Int(key)].page != p else { continue }
                    exact[key, default: []].insert(Int32(k))
                    var c = counts[key] ?? (0, 0, 0, -2, k)
                    c.n += 1
                    c.current = c.last == k - 1 ? c.current + 1 : 1
                    c.run = max(c.run, c.current)
                    c.last = k
                    counts[key] = c
                }
                let total = story.paragraphs.count
                if let (key, c) = Self.most(counts, by: \.n), c.n >= 2, c.n * 2 >= total || c.run >= 3,
                   case let (q, t) = storyAt[Int(key)], !joined.contains(Join(p, s, q, t)) {
                    let other = pages[q]
                    out.append((p, Finding(range: Self.anchor(story, firstMatched: c.first),
                                           message: "story printed again: \(c.n) of its \(total) paragraphs are in the story at \(Self.name(other)):\(Self.line(other, t))",
                                           related: [RelatedLocation(range: other.stories[t].anchor, message: "first printed here", file: other.source)])))
                    continue
                }
                // Lightly edited: most of the story's sampled stretches, from two paragraphs or more
                // (a paragraph printed word for word counts too), were printed in one other story.
                var near: [Int32: (n: Int, paragraphs: Set<Int32>, first: Int32)] = [:]
                for hit in nearHits[id] ?? [] {
                    let key = hit.other
                    var c = near[key] ?? (0, exact[key] ?? [], hit.paragraph)
                    c.n += 1
                    c.paragraphs.insert(hit.paragraph)
                    c.first = min(c.first, hit.paragraph)
                    near[key] = c
                }
                if let (key, c) = Self.most(near, by: \.n), c.n >= Self.minShared, c.paragraphs.count >= 2,
                   c.n * 2 >= story.shingles.count, case let (q, t) = storyAt[Int(key)], !joined.contains(Join(p, s, q, t)) {
                    let other = pages[q]
                    let share = c.n * 100 / max(1, story.shingles.count)
                    out.append((p, Finding(range: Self.anchor(story, firstMatched: Int(c.first)),
                                           message: "story printed again, edited: \(share)% of its text is in the story at \(Self.name(other)):\(Self.line(other, t))",
                                           related: [RelatedLocation(range: other.stories[t].anchor, message: "first printed here", file: other.source)])))
                    continue
                }
                // The same headline over another story. (A continuation under its story's headline is
                // not one, even when its jump is broken: broken-jump reports that.)
                let continues = page.jumps.contains { $0.story == s && $0.direction == .from }
                if let head = story.heads.first(where: { headlines[$0.text].map { $0.page != p } ?? false && (pagesUnder[$0.text]?.count ?? 0) < 3 }),
                   let first = headlines[head.text],
                   !joined.contains(Join(p, s, first.page, first.story)),
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
    /// split by hash among eight tables filled side by side (each small enough to stay in a core's
    /// cache), each reading the stories in order.
    static func nearHits(_ pages: [EditionPage], shingles: Int) -> [Int32: [(other: Int32, paragraph: Int32)]] {
        var storyPage: [Int32] = []
        var lists: [[UInt64]] = []
        for (p, page) in pages.enumerated() {
            for story in page.stories { storyPage.append(Int32(p)); lists.append(story.shingles) }
        }
        let shards = 8
        let all = lists, pageOf = storyPage
        let found = ParallelMap.run(count: shards) { shard -> [(story: Int32, other: Int32, paragraph: Int32)] in
            var table = StretchTable(expected: shingles / shards + 1)
            var hits: [(story: Int32, other: Int32, paragraph: Int32)] = []
            for id in all.indices {
                all[id].withUnsafeBufferPointer { list in
                    for sh in list where Int(sh & 7) == shard {
                        let g = table.insert(Shingles.hash(sh), Int32(id))
                        if g >= 0, pageOf[Int(g)] != pageOf[id] { hits.append((Int32(id), g, Shingles.paragraph(sh))) }
                    }
                }
            }
            return hits
        }
        var out: [Int32: [(other: Int32, paragraph: Int32)]] = [:]
        for hits in found { for hit in hits { out[hit.story, default: []].append((hit.other, hit.paragraph)) } }
        return out
    }

    /// Stretch hash -> the first story that printed it, for one shard of the stretches (their hashes'
    /// three low bits). One slot of eight bytes each, so a probe reads one cache line: the hash's
    /// bits 8–47 (which also give the slot's place) over the story plus one in the low 24 bits; 0 is
    /// a free slot. (HashIndex keeps keys and values apart, twelve bytes and two lines a probe: on an
    /// edition of 2,000 pages its tables made the check 2–4 ms slower of some 15.)
    struct StretchTable {
        private var slots: [UInt64]
        private var count = 0
        /// Stories beyond this many are not told apart (an edition has thousands).
        static let maxStories = 1 << 24 - 2

        init(expected: Int) {
            var size = 1024
            while size * 3 < expected * 4 { size <<= 1 }
            slots = [UInt64](repeating: 0, count: size)
        }

        /// Stores `story` for a new `hash` (48 bits) and returns -1; for a known one, returns its story.
        mutating func insert(_ hash: UInt64, _ story: Int32) -> Int32 {
            if (count + 1) * 4 > slots.count * 3 { grow() }
            let stored = hash >> 8 & 0xFF_FFFF_FFFF
            let found = slots.withUnsafeMutableBufferPointer { slots -> Int32 in
                let mask = slots.count - 1
                var i = Int(truncatingIfNeeded: stored) & mask
                while slots[i] != 0 {
                    if slots[i] >> 24 == stored { return Int32(truncatingIfNeeded: slots[i] & 0xFF_FFFF) - 1 }
                    i = (i + 1) & mask
                }
                slots[i] = stored << 24 | UInt64(min(Int(story), Self.maxStories) + 1)
                return -1
            }
            if found < 0 { count += 1 }
            return found
        }

        /// Twice the room, for a shard the hashes favoured beyond the estimate.
        private mutating func grow() {
            let old = slots
            slots = [UInt64](repeating: 0, count: old.count * 2)
            count = 0
            for slot in old where slot != 0 { _ = insert((slot >> 24) << 8, Int32(truncatingIfNeeded: slot & 0xFF_FFFF) - 1) }
        }
    }

    /// Two stories (page and story on it, each) that a resolved jump joins.
    struct Join: Hashable {
        let a: Int, b: Int
        init(_ p: Int, _ s: Int, _ q: Int, _ t: Int) { a = p << 32 | s; b = q << 32 | t }
    }

    /// The entry with the largest count; of equal ones, the earliest story (the same answer every run).
    static func most<V>(_ table: [Int32: V], by count: (V) -> Int) -> (Int32, V)? {
        var best: (Int32, V)?
        for (key, value) in table {
            if let b = best, count(b.1) > count(value) || (count(b.1) == count(value) && b.0 < key) { continue }
            best = (key, value)
        }
        return best
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
