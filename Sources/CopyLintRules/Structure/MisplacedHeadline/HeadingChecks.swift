import CopyLintBase
import CopyLintDocument
import CopyLintEngine

extension MisplacedHeadlineRule {
    /// (a) A heading group with body copy before it and none after it before its story ends: the
    /// story's headline printed after it, or a heading with nothing under it. True when the group was
    /// one such (the other checks then pass it by).
    func headlineAfterStory(_ s: HeadlineScan, _ n: Int) -> Bool {
        let g = s.groups[n]
        guard let before = s.bodyBefore(g), s.bodyAfter(n) == nil else { return false }
        let blocks = s.blocks
        let storyHasHeadline = s.hasOwnHeadline(before)
        // In plain copy, a line read as a subhead that closes a story with no headline of its own is
        // that story's headline (a brief that opens on 本报讯 with its headline under it).
        var headlines = g.members.filter(s.isHeadlineLevel)
        // (So is a short label closing a story that opens on its copy: 一条鱼的故事.)
        if headlines.isEmpty, !storyHasHeadline,
           (s.opensOnLede(before) && g.members.allSatisfy({ blocks[$0].kind == .subhead && blocks[$0].headingLevel == 0 }))
            || g.members.allSatisfy({ blocks[$0].kind == .label }) {
            headlines = [g.first]
        }
        let target = g.members.first { blocks[$0].kind == .headline } ?? headlines.first ?? g.first
        // A list of key events, each line opening on its time (18.10 Assembly approves…), under its
        // label: a live report's summary, not a headline printed after a story.
        if g.members.dropFirst().filter({ TextTraits.clockTimePrefix(s.texts.scalars($0)) != nil }).count >= 2 { return true }
        // (Nor a plain line under the rows of a schedule: a note on the list, Show key events only.)
        if g.members.count == 1, blocks[target].headingLevel == 0, blocks[target].kind == .paragraph,
           blocks[before].kind == .listing, target == before + 1, TextTraits.clockTimePrefix(s.texts.scalars(before)) != nil { return true }
        // One English word alone under a story's last paragraph, unmarked, is a signature (a letter's,
        // or the first name of a reporter filing copy), not a headline: no headline is one word.
        if blocks[target].headingLevel == 0, blocks[target].kind == .paragraph || blocks[target].kind == .label,
           s.isEnglish(target), TextTraits.wordCount(s.texts.scalars(target)) < 2 { return true }
        // Nor the last line of a box, set close under its label in 【】 and the box's other lines
        // (【温馨提示】 / 乘客可通过…查询 / 也可拨打…咨询): an item of the box, not a headline.
        if g.members.count == 1, blocks[target].headingLevel == 0, blocks[target].kind == .paragraph, Self.closesABox(s, target) { return true }
        // Nor is a credit for the page's making under its last item (Letters page compiled by Ann
        // Kell, Edited by…): the work, "by", and a name.
        if g.members.count == 1, blocks[target].headingLevel == 0, s.isEnglish(target), Self.isMakingCredit(s.texts.scalars(target)) { return true }
        if blocks[target].kind == .paragraph, storyHasHeadline {
            // A trailing unmarked line is the story's last, cut, sentence, unless it echoes the copy
            // just above it as a headline does its story (on a page of several stories, one that lost
            // its headline runs on from the story above, whose headline it seems to share).
            // (Unless it is shaped as no continuation is: in headlinese with a capital, or two Chinese
            // phrases set apart by a space, 消费券精准发放　拉动市场回暖.)
            guard !s.stopsMidSentence(before) || Self.headlineShaped(s.texts.scalars(target)) else { return true }
            // An English line that is no headline's grammar (a form of "be", two articles) is a closing note.
            let words = s.texts.scalars(target)
            if s.isEnglish(target), TextTraits.hasFiniteBe(words) || TextTraits.articleCount(words) >= 2 { return true }
            let limit = s.isEnglish(target) ? 0.4 : 0.3
            let share = s.share(of: target, in: s.bodyWindow(from: before, forward: false), stoppingAbove: limit)
            guard let share, share > limit else {
                // Shaped as only a headline is (旅游过大年　渐成新风尚（经济聚焦）) and sharing almost no
                // words with the story: another story's headline, dropped at this one's end. (A share at
                // or under the limit is the whole share: the scan stops only above it.)
                // Shaped so and sharing some words, it is no cut sentence either: a headline with no
                // story under it (消费券精准发放　拉动市场回暖 after a story on the vouchers).
                // (English too, in headlinese of four words or more: Mobile networks seek turbo boost.)
                // (Or set flush with no mark at all after a complete paragraph, where paragraphs open
                // with an indent: no paragraph's start nor its rest.)
                let shaped = TextTraits.hanCount(words) > 0
                    ? Self.headlineShaped(words) || Affinity.hasColumnTag(words) || FlushLine.isUnpunctuatedHeading(s.document, s.context.facts, target)
                    : s.isEnglish(target) && TextTraits.wordCount(words) >= 4 && Self.headlineShaped(words)
                if let share, shaped {
                    s.findings.append(Finding(range: blocks[target].textRange,
                                              message: share <= maxAffinity ? Self.foreignMessage : "headline has no text after it"))
                }
                return true
            }
        }
        if !headlines.isEmpty, !storyHasHeadline || blocks[target].kind == .paragraph {
            s.findings.append(Self.lateHeadline(s, target, storyEndsAt: before))
        } else {
            let what = headlines.isEmpty ? "section heading" : "headline"
            s.findings.append(Finding(range: blocks[target].textRange, message: "\(what) has no text after it"))
        }
        return true
    }

    /// (a) again, where the late headline lands on the next story's: a story that opens on its lede
    /// with no headline of its own, then a line read as the kicker over the next story's headline.
    /// The line is the first story's headline printed after it when it takes up that story's words
    /// and none of the copy under the headline it stands over (a kicker introduces its own story).
    func lateHeadlineOverNext(_ s: HeadlineScan, _ n: Int) -> Bool {
        let g = s.groups[n], blocks = s.blocks
        let first = g.first
        guard blocks[first].kind == .kicker, g.members.count >= 2, blocks[g.members[1]].kind == .headline,
              let before = s.bodyBefore(g), let after = s.bodyAfter(n),
              !s.hasOwnHeadline(before), s.opensOnLede(before),
              HeadlineScan.headlineSized(s.texts.scalars(first)) else { return false }
        let limit = s.isEnglish(first) ? max(maxAffinity, 0.34) : 0.3
        guard let above = s.share(of: first, in: s.bodyWindow(from: before, forward: false), stoppingAbove: limit), above > limit,
              s.share(of: first, in: s.bodyWindow(from: after, forward: true), stoppingAbove: 0) == 0 else { return false }
        s.findings.append(Self.lateHeadline(s, first, storyEndsAt: before))
        return true
    }

    /// (c) Headings stacked with nothing between them: a section heading whose text was cut, or two
    /// headlines in a row. True when it reported one (the group is then not also another story's).
    func stackedHeadings(_ s: HeadlineScan, _ n: Int) -> Bool {
        let reported = s.findings.count
        let g = s.groups[n]
        let blocks = s.blocks
        let bodyBefore = s.bodyBefore(g)
        // Items that each close on a credit line (- Name and address supplied): an item that opens
        // straight after the previous item's credit has no heading, and two headings stacked under its
        // own credit are its heading, printed after it, and the next item's.
        if g.members.count == 2, let end = headlessCreditedItem(s, before: g.first) {
            s.findings.append(Self.lateHeadline(s, g.first, storyEndsAt: end))
            return true
        }
        for (k, i) in g.members.enumerated() where k + 1 < g.members.count {
            let next = g.members[k + 1]
            if emptySection(s, n, i, next: next, hasBodyAround: bodyBefore != nil && s.bodyAfter(n) != nil) {
                s.findings.append(Finding(range: blocks[i].textRange,
                                          message: "section heading has no text under it: the next heading follows at line \(s.line(next))"))
            }
            // Two headlines in one stack, with at most the next story's kicker or the first one's
            // subtitle between them (# A / ## its subtitle / ### kicker / # B): the first heads nothing.
            if blocks[i].kind == .headline, let before = bodyBefore,
               let second = g.members[(k + 1)...].first(where: { blocks[$0].kind != .kicker && blocks[$0].kind != .subtitle }),
               blocks[second].kind == .headline {
                let next = second
                let message = s.hasOwnHeadline(before)
                    ? "headline has no story: another headline follows at line \(s.line(next))"
                    : "headline comes after its own story (the story it heads ends at line \(s.line(before)))"
                s.findings.append(Finding(range: blocks[i].textRange, message: message))
            }
        }
        return s.findings.count > reported
    }

    /// `i` is a section heading immediately followed by another of the same rank (Markdown levels).
    /// In plain copy, where an emptied section looks like a two-line heading, the story's own
    /// convention tells them apart: a pair of subheads in a story whose other subheads are one line each.
    func emptySection(_ s: HeadlineScan, _ n: Int, _ i: Int, next: Int, hasBodyAround: Bool) -> Bool {
        let a = s.blocks[i], b = s.blocks[next]
        guard a.kind == .subhead else { return false }
        if a.headingLevel > 0 {
            return b.headingLevel > 0 && b.headingLevel <= a.headingLevel && b.kind == .subhead
        }
        guard hasBodyAround, b.kind == .subhead, b.headingLevel == 0 else { return false }
        let (ta, tb) = (s.texts.scalars(i), s.texts.scalars(next))
        // (A name over one English word is a letter's signature and the town it is signed from.)
        if Self.isSignature(ta), s.isEnglish(next), TextTraits.wordCount(tb) < 2 { return false }
        // (Nor are two lines of a stanza: set close under a short line of the poem that has no stop,
        // 石板路把最后一点光 / 一块一块，收进青苔里 / 卖豆腐的老人推着车 / 把吆喝声留在了巷子口.)
        if i > 0, a.blankLinesBefore == 0, b.blankLinesBefore == 0, s.blocks[i - 1].kind == .paragraph,
           s.blocks[i - 1].textRange.length <= 90, let last = s.context.facts.lastSignificantScalar(of: i - 1),
           !TruncatedSentenceRule.Ending.isFinal(last), last != 0xFF1A, last != 0x3A { return false }
        // (A live report's post opens on its time, 17.40 BST: the line over it closes the post before.)
        if Self.isClockTime(tb) { return false }
        // Two section names in capitals in a row (ICE HOCKEY / BASKETBALL): one rank, the first empty.
        if Self.isCapitalsHeading(ta), Self.isCapitalsHeading(tb) { return true }
        // A section's name in capitals over a heading in running case (THIS WEEKEND / Saturday): the
        // section and its first part, not two of one rank.
        if Self.isCapitalsHeading(ta), tb.contains(where: { CharClass.isASCIILower($0.value) }) { return false }
        // Two numbered section heads in a row (三、… / 四、…), or two set whole in 【】: one series, the
        // first empty.
        if TextTraits.opensWithSectionNumber(ta), TextTraits.opensWithSectionNumber(tb) { return true }
        if TextTraits.setInBlackBrackets(ta), TextTraits.setInBlackBrackets(tb) { return true }
        guard s.groups[n].members.count == 2 else { return false }
        // The story's other subheads with copy on both sides: one line each (single), or not.
        var single = 0, stacked = false
        // (A section's name in capitals over its first item's heading, ROUND-UP / Harriers win county
        // title, is the section and one heading, not two stacked.)
        // (Nor is one English word right under a line of a name alone, over a heading: the town a letter
        // is signed from, under its writer's name, read as a heading over the next letter's title.)
        for m in s.otherBodyGroups(n) where s.blocks[s.groups[m].first].kind == .subhead {
            let g = s.groups[m]
            let sectionOverOne = g.members.count == 2 && Self.isCapitalsHeading(s.texts.scalars(g.first))
            // (The town, and the name over it where that was read as a heading too.)
            var signing = Set<Int>()
            for m in g.members where m > 0 && s.isEnglish(m) && TextTraits.wordCount(s.texts.scalars(m)) < 2
                && Self.isSignature(s.texts.scalars(m - 1)) {
                signing.formUnion([m - 1, m])
            }
            let headings = g.members.filter { !signing.contains($0) }
            if headings.isEmpty { continue }
            if headings.count > 1, !sectionOverOne { stacked = true } else { single += 1 }
        }
        // English subheads longer than crossheads (a letters page's titles, Keep the library open) are
        // one series where the story sets two or more of them alone and none stacked.
        guard Self.parallelHeadings(ta, tb, longEnglish: single >= 2 && !stacked) else { return false }
        // Two subheads built alike, each two phrases about a comma (近十几年来，“量子”一词热度明显提升 /
        // 科研应用不断突破，公众科普任重道远): one series, not a heading and its gloss.
        // (Unless the copy just above is a third such line: a list of points, 要点 set as lines.)
        if Self.commaPair(ta), Self.commaPair(tb) {
            let above = s.groups[n].first - 1
            guard above >= 0, s.blocks[above].kind == .paragraph else { return true }
            let t = s.texts.scalars(above)
            return !(Self.commaPair(t) && !t.contains(where: { "。！？".unicodeScalars.contains($0) }))
        }
        return single >= 1 && !stacked
    }

    /// Block `first - 1` is a credit line closing an item of copy that itself opens straight after
    /// another credit line: the item's last paragraph, or nil.
    func headlessCreditedItem(_ s: HeadlineScan, before first: Int) -> Int? {
        let blocks = s.blocks
        let isCredit = { (k: Int) -> Bool in
            k >= 0 && blocks[k].kind == .label && TextTraits.opensWithDash(s.bytes, blocks[k].textRange)
        }
        guard isCredit(first - 1) else { return nil }
        var k = first - 2
        while k >= 0, blocks[k].kind == .paragraph, !s.isHeading[k] { k -= 1 }
        guard k < first - 2, isCredit(k) else { return nil }
        return first - 2
    }

    /// Block `i` is set close (no blank line) under lines of copy set close under a label in 【】 (a
    /// box's heading).
    static func closesABox(_ s: HeadlineScan, _ i: Int) -> Bool {
        let blocks = s.blocks
        var k = i
        while k > 0, blocks[k].blankLinesBefore == 0 {
            let above = blocks[k - 1]
            if above.kind == .label { return TextTraits.setInBlackBrackets(s.texts.scalars(k - 1)) }
            // (A box of rows, ◎《河埠头》… with their marks, ends on its last row: a plain line under
            // them is no row of it.)
            guard above.kind == .paragraph else { return false }
            k -= 1
        }
        return false
    }

    /// A line of at most eight words closing on a verb of a page's making, "by" and a name of one to
    /// three capitalised words (Letters page compiled by Ann Kell, Photographs by…, Edited by…).
    static func isMakingCredit(_ t: [Unicode.Scalar]) -> Bool {
        let words = t.split(separator: " ").map { String(String.UnicodeScalarView($0)) }
        guard words.count <= 8, let by = words.lastIndex(where: { $0.lowercased() == "by" }), by > 0,
              (1...3).contains(words.count - by - 1) else { return false }
        guard words[(by + 1)...].allSatisfy({ $0.first?.isUppercase == true && $0.dropFirst().contains(where: \.isLowercase) }) else { return false }
        return creditVerbs.contains(words[by - 1].lowercased())
    }

    /// The verbs of a credit for making a page or its parts.
    static let creditVerbs: Set<String> = ["compiled", "edited", "written", "produced", "designed", "photographed", "photographs",
                                           "pictures", "illustrated", "illustrations", "researched", "translated", "subbed"]

    /// A line of two or three capitalised words and nothing else (Margot Fairweather): a name signing
    /// a letter or an item.
    static func isSignature(_ t: [Unicode.Scalar]) -> Bool {
        let words = t.split(separator: " ")
        guard (2...3).contains(words.count) else { return false }
        return words.allSatisfy { w in
            w.count >= 2 && CharClass.isASCIIUpper(w.first!.value)
                && w.dropFirst().allSatisfy { CharClass.isASCIILetter($0.value) || $0 == "'" || $0 == "-" }
                && w.dropFirst().contains { CharClass.isASCIILower($0.value) }
        }
    }

    /// A Chinese line of two phrases about one comma, neither under four characters.
    static func commaPair(_ t: [Unicode.Scalar]) -> Bool {
        let commas = t.indices.filter { t[$0] == "，" }
        guard commas.count == 1, let k = commas.first else { return false }
        return TextTraits.hanCount(Array(t[..<k])) >= 4 && TextTraits.hanCount(Array(t[(k + 1)...])) >= 4
    }

    /// Two stretches of one English story share at least this share of their content words.
    static let sameStoryOverlap = 0.12

    /// Two lines shaped as headings of one series: of about one length, neither a question, an
    /// exclamation, a quotation or a lead-in (a two-line heading is a heading and its gloss; a section's
    /// first words may be a quoted line).
    static func parallelHeadings(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], longEnglish: Bool = false) -> Bool {
        func plain(_ t: [Unicode.Scalar]) -> Bool {
            guard let first = t.first, !"“‘「『\"".unicodeScalars.contains(first) else { return false }
            if t.contains(where: { "？！?!".unicodeScalars.contains($0) }) { return false }
            return TextTraits.looksLikeHeadline(t, maxChinese: 40, maxWords: 12) && !t.suffix(2).contains("—")
        }
        guard plain(a), plain(b) else { return false }
        // English crossheads are a few words each (Construction schedule / The detour).
        if TextTraits.hanCount(a) == 0, TextTraits.hanCount(b) == 0 {
            let most = longEnglish ? 8 : 4
            return TextTraits.wordCount(a) <= most && TextTraits.wordCount(b) <= most
        }
        return min(a.count, b.count) * 10 >= max(a.count, b.count) * 6
    }

    /// A line only a headline looks like: English headlinese, or Chinese phrases set apart by a space.
    static func headlineShaped(_ t: [Unicode.Scalar]) -> Bool {
        if TextTraits.hanCount(t) > 0 {
            guard let space = t.firstIndex(where: { $0 == "\u{3000}" || $0 == " " }), space >= 2, space < t.count - 2 else { return false }
            return TextTraits.hanCount(Array(t[..<space])) >= 2 && TextTraits.hanCount(Array(t[(space + 1)...])) >= 2
                && !t.contains(where: { $0 == "，" || $0 == "。" })
        }
        return TruncatedSentenceRule.isHeadlinese(t)
    }

    /// Heading `i` is the headline of the story that ends at body block `end`, printed after it.
    static func lateHeadline(_ s: HeadlineScan, _ i: Int, storyEndsAt end: Int) -> Finding {
        Finding(range: s.blocks[i].textRange,
                message: "headline comes after its own story (the story it heads ends at line \(s.line(end)))",
                related: [RelatedLocation(range: s.blocks[end].textRange, message: "the story ends here")])
    }

    /// A line that is only a time of day (16.50 BST): a live report's post is stamped so.
    static func isClockTime(_ t: [Unicode.Scalar]) -> Bool { TextTraits.clockTimePrefix(t) == t.count }

    /// A short heading in capitals: letters, none of them lower case, one to four words.
    static func isCapitalsHeading(_ t: [Unicode.Scalar]) -> Bool {
        let letters = t.filter { Affinity.isAlphabetic($0) }
        return letters.count >= 3 && TextTraits.hanCount(t) == 0 && letters.allSatisfy({ $0.properties.isUppercase })
            && TextTraits.wordCount(t) <= 4 && TextTraits.looksLikeHeadline(t, maxChinese: 40, maxWords: 4)
    }

    /// (b) Another story's headline dropped into a body: it shares almost no words with the stories it
    /// sits between, and something says it is no subhead of them (its markup, its capitals, a column
    /// tag, or it is the one heading in the body).
    func foreignHeadline(_ s: HeadlineScan, _ n: Int) {
        let g = s.groups[n]
        let blocks = s.blocks
        guard let before = s.bodyBefore(g), let after = s.bodyAfter(n), !s.opensStory(after) else { return }
        // A live report's post: its time (16.50 BST) over its headline, which names what the post says
        // in words of its own.
        if Self.isClockTime(s.texts.scalars(g.first)) { return }
        let candidates = g.members.filter { blocks[$0].kind != .subhead || blocks[$0].headingLevel <= 2 }
        // The first line at a headline's level, else one shaped as only a headline is (聚焦脱贫攻坚　展示奋进中国),
        // else the first. And the group's headline under a kicker: either may be the line dropped in
        // (a story's subhead read as the kicker of another story's headline, or a line read as a
        // kicker over a story's subhead).
        guard let first = candidates.first(where: s.isHeadlineLevel)
                ?? candidates.first(where: { Self.headlineShaped(s.texts.scalars($0)) }) ?? candidates.first else { return }
        for head in [first] + candidates.filter({ $0 != first && blocks[$0].kind == .headline }).prefix(1) {
            if let finding = foreignHeadline(s, n, head: head, before: before, after: after) {
                s.findings.append(finding)
                return
            }
        }
    }

    /// The finding for `head`, a line of group `n`, when it is another story's headline (or one in
    /// the middle of a story) between body blocks `before` and `after`.
    private func foreignHeadline(_ s: HeadlineScan, _ n: Int, head: Int, before: Int, after: Int) -> Finding? {
        let blocks = s.blocks
        let text = s.texts.scalars(head)
        // A numbered heading (二、申请条件) heads a section of the story it is in, as does one set
        // whole in 【】 (【从自行车到摩托车】): no paper prints another story's headline so.
        if TextTraits.opensWithSectionNumber(text) || TextTraits.setInBlackBrackets(text) { return nil }
        // Nor one that ends on a dash or a colon (特殊的年份，特殊的安排——): it leads into the copy
        // under it, as no headline does.
        if let end = text.last(where: { !CharClass.isSpace($0.value) }), [0x2014, 0x2015, 0xFF1A, 0x3A].contains(end.value) { return nil }
        let shaped = TextTraits.hanCount(text) > 0 && Self.headlineShaped(text)
        let marked = blocks[head].headingLevel > 0 && blocks[head].headingLevel <= 2
        let capitals = text.contains { CharClass.isASCIIUpper($0.value) } && !text.contains { CharClass.isASCIILower($0.value) }
        let tagged = Affinity.hasColumnTag(text)
        // A lower-case start after it continues a sentence; an unmarked line before it may be part of that sentence.
        let lowercase = Self.startsLowercase(s.context.facts, after)
        // Unless the line is in headlinese: no "is" or "was", no comma before a clause (running prose
        // has them: "After the success of the film, the studio" / "plans a sequel").
        let interrupts = lowercase && !TextTraits.hasFiniteBe(text) && !text.contains(",")
        if lowercase, !(marked || capitals || tagged || interrupts) { return nil }
        // A headline's sentence (five words or more in headlinese) is no crosshead of a story: among
        // crossheads too it is foreign when it shares nothing with the copy.
        // (Asked only where nothing else says it: the grammar costs more than the rest.)
        // An unmarked Chinese line read as the headline of a new story that opens on no lede, byline
        // or dateline, over copy that takes up none of its words and goes on with the copy above it
        // (the two stretches share as many character pairs as one story's paragraphs do), and shares
        // almost none with that story (a section heading of the story names its subject): a headline
        // dropped into the middle of that story.
        if !marked, blocks[head].kind == .headline, blocks[head].article != blocks[before].article, !s.isEnglish(head),
           TextTraits.hanCount(text) >= 4, s.share(of: head, in: s.bodyWindow(from: after, forward: true), stoppingAbove: 0) == 0,
           (s.continuity(before: before, after: after) ?? 0) >= Self.sameStoryOverlap,
           let around = s.share(of: head, in: s.storyText(around: before, after), stoppingAbove: maxAffinity), around <= maxAffinity {
            return Finding(range: blocks[head].textRange, message: Self.midStoryMessage)
        }
        let said = marked || capitals || tagged || interrupts || shaped || s.midBodyGroups(inStoryOf: head) == 1
        let sentence = !said && TextTraits.wordCount(text) >= 5 && TruncatedSentenceRule.isHeadlinese(text)
        guard said || sentence else { return nil }
        let limit = s.isEnglish(head) ? max(maxAffinity, 0.34) : maxAffinity
        // The copy under it takes up its words, as a story takes up its headline's: it is neither
        // another story's headline nor one in the middle of a story. (One short scan, which stops as
        // soon as it knows, settles nearly every headline.)
        let own = s.share(of: head, in: s.bodyWindow(from: after, forward: true), stoppingAbove: limit)
        if let own, own > limit { return nil }
        // The stories it sits between, nearest copy first (the scan stops once enough is shared).
        guard let share = s.share(of: head, in: s.storyText(around: before, after), stoppingAbove: limit), share <= limit else {
            // A headline marked as a story's first (#) with Chinese copy on both sides that goes on
            // with one story: the paragraphs under it share as many character pairs with those above
            // it as a story's paragraphs share with each other (two stories of a page share few), and
            // the copy under it does not take up its words (above). No story opens there, whatever
            // words the line shares with the copy further off. (Not an unmarked line read as a
            // headline: a subhead set flush looks the same. Not in English: consecutive stories on a
            // page share their subject's words.)
            // (A heading too short to tell, # 社论, is not judged so.)
            if marked, blocks[head].headingLevel == 1, own != nil, !s.isEnglish(head),
               (s.continuity(before: before, after: after) ?? 0) >= Self.sameStoryOverlap {
                return Finding(range: blocks[head].textRange, message: Self.midStoryMessage)
            }
            return nil
        }
        // A headline's sentence that none of the copy under it takes up a word of, with that copy going
        // on with the copy above it, is in the middle of a story: not its crosshead, whatever the
        // story's other headings are. (A story's lead takes up its headline's words.)
        let midStory = sentence && own == 0 && (s.continuity(before: before, after: after) ?? 0) >= Self.sameStoryOverlap
        // (Unless the story's own crossheads are a few words each, Bills / Drought: a headline's
        // sentence among them is not one of them, even sharing a word with the copy.)
        if sentence, !midStory, share > 0,
           !othersAreShortCrossheads(s, n) { return nil }
        // A headline whose words recur in the copy under it, not in the copy above it, between two
        // stretches of copy that share few words, opens a new story (on a page whose stories follow one
        // another with only their headlines between them). English words only: Chinese character pairs
        // recur by chance.
        if share > 0, s.isEnglish(head), s.share(of: head, in: s.bodyWindow(from: before, forward: false), stoppingAbove: 0) == 0,
           s.sharedVocabulary(before: before, after: after) < Self.sameStoryOverlap { return nil }
        return Finding(range: blocks[head].textRange, message: Self.foreignMessage)
    }

    /// The story's other heading groups inside its body are one line of at most three words each
    /// (there is at least one).
    func othersAreShortCrossheads(_ s: HeadlineScan, _ n: Int) -> Bool {
        let others = s.otherBodyGroups(n)
        return !others.isEmpty && others.allSatisfy { m in
            let g = s.groups[m], t = s.texts.scalars(g.first)
            return g.members.count == 1 && TextTraits.wordCount(t) <= 3 && TextTraits.hanCount(t) == 0
        }
    }

    /// (b) again, where the headline is read as copy: an English line in headlinese, five words or more
    /// with no stop, set as a paragraph between two paragraphs of its story with no blank line around
    /// it (Darts league moves to new venue for summer season, in a match report a paragraph a line),
    /// that shares none of its words with the copy on either side, where that copy goes on with
    /// itself: another story's headline dropped into the body.
    func headlineseInCopy(_ s: HeadlineScan) {
        let blocks = s.blocks
        // (Asked after the heading groups: a line they reported is not reported twice.)
        let reported = Set(s.findings.map(\.range.start))
        for i in blocks.indices.dropFirst() where i + 1 < blocks.count && blocks[i].kind == .paragraph
            && blocks[i].blankLinesBefore == 0 && blocks[i + 1].blankLinesBefore == 0 && !reported.contains(blocks[i].textRange.start) {
            guard blocks[i - 1].kind == .paragraph, blocks[i + 1].kind == .paragraph,
                  blocks[i - 1].article == blocks[i].article, blocks[i + 1].article == blocks[i].article,
                  blocks[i].textRange.length <= 110, let last = s.context.facts.lastSignificantScalar(of: i),
                  CharClass.isASCIILetter(last) || CharClass.isDigit(last), s.isEnglish(i) else { continue }
            let text = s.texts.scalars(i)
            guard TextTraits.wordCount(text) >= 5, TruncatedSentenceRule.isHeadlinese(text),
                  s.share(of: i, in: s.bodyWindow(from: i + 1, forward: true), stoppingAbove: 0) == 0,
                  s.share(of: i, in: s.bodyWindow(from: i - 1, forward: false), stoppingAbove: 0) == 0,
                  (s.continuity(before: i - 1, after: i + 1) ?? 0) >= Self.sameStoryOverlap else { continue }
            s.findings.append(Finding(range: blocks[i].textRange, message: Self.midStoryMessage))
        }
    }

    /// (c) again, for boxes: a box's heading set whole in 【】 on a line of its own, with the next box's
    /// heading right under it and that box's copy under that (【女子篮球联赛第五轮赛果】 / 【本周赛事预告】 /
    /// its rows): the first box is empty.
    func emptyBoxes(_ s: HeadlineScan) {
        let blocks = s.blocks
        for i in blocks.indices.dropLast() where blocks[i].kind == .label && blocks[i + 1].kind == .label
            && blocks[i].firstLine == blocks[i].lastLine
            && blocks[i].textRange.length <= 120 && blocks[i + 1].textRange.length <= 120 {
            guard i + 2 < blocks.count, s.isBody[i + 2], TextTraits.setInBlackBrackets(s.texts.scalars(i)),
                  TextTraits.setInBlackBrackets(s.texts.scalars(i + 1)),
                  !s.findings.contains(where: { $0.range.start == blocks[i].textRange.start }) else { continue }
            s.findings.append(Finding(range: blocks[i].textRange,
                                      message: "section heading has no text under it: the next heading follows at line \(s.line(i + 1))"))
        }
    }

    /// (d) A dateline on a line of its own between two paragraphs, with no headline over it. A story
    /// opens on its dateline under its headline (or with its lede on the dateline's line, in a column
    /// of briefs): one set alone inside the copy is furniture dropped into a story, or what is left
    /// of a story whose headline is lost. Either way the page is wrong there.
    func strayDatelines(_ s: HeadlineScan) {
        let blocks = s.blocks
        for i in blocks.indices where blocks[i].kind == .dateline && i > 0 && i + 1 < blocks.count {
            // (With a date in it, as a dateline has: a line in capitals with a name in brackets, a
            // review's title, reads as one too.)
            guard blocks[i - 1].kind == .paragraph, blocks[i + 1].kind == .paragraph, blocks[i + 1].ledeRange == nil,
                  s.texts.scalars(i).contains(where: { CharClass.isDigit($0.value) || $0 == "〇" }) else { continue }
            s.findings.append(Finding(range: blocks[i].textRange,
                                      message: "dateline inside the copy with no headline over it: dropped into the story, or the headline of the story it opens is lost"))
        }
    }

    static let foreignMessage = "headline does not belong to the story around it (it shares almost no words with it): another story's headline?"
    static let midStoryMessage = "headline in the middle of a story (the copy under it goes on with the copy above it): another story's headline?"
}
