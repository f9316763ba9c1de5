import CopyLintBase
import CopyLintDocument
import CopyLintEngine

extension TruncatedSentenceRule {
    /// (a) a sentence split across a break; (b) cut with the rest lost; (c) a story ending mid-sentence.
    func findCuts(_ s: TruncationScan) {
        let document = s.document, blocks = s.blocks, texts = s.texts
        let open = s.open, unfinished = s.unfinished
        for i in blocks.indices where open[i] {
            texts.drop(before: i)
            let block = blocks[i]
            // No headline stops on an article, a determiner, a subject pronoun or a conjunction: a line
            // read as one that does (Ryan Giggs will captain Wales as he) is a sentence cut short.
            if block.kind == .headline || (block.kind == .subhead && block.headingLevel > 0),
               let word = Self.lastEnglishWord(texts[i]), Self.neverEndsAHeadline.contains(word),
               TextTraits.wordCount(texts[i].scalars.compactMap(Unicode.Scalar.init)) >= 4 {
                s.flaggedCut.insert(i)
                s.lost.insert(i)
                s.findings.append(Finding(range: breakRange(texts[i]), message: "line breaks off mid-sentence (it ends on '\(word)')"))
                continue
            }
            guard isSentenceCandidate(block, document: document), block.textRange.length > 0 else { continue }
            // (Hard-wrapped Chinese read as one line: how its last clause ends does not stop at a break.)
            let text = texts[i].joiningWrappedLines()
            let ending = Ending(text)
            // A letter's salutation or close (Dear Sir, / Yours faithfully,) ends on its comma.
            if Self.isLetterFormula(text) { continue }
            if Self.isListLike(text) {
                // A line-up is not a sentence, but one cut after an initial is still cut.
                if let reason = truncationEvidence(text, ending: ending, weakAllowed: false), reason.contains("initial") {
                    s.findings.append(Finding(range: breakRange(text), message: "line-up breaks off mid-name (\(reason))"))
                } else if let word = Self.lastEnglishWord(text), Self.neverEndsAnItem.contains(word),
                          !(i + 1 < blocks.count && (continuation(from: text, to: texts[i + 1], ending: ending) != nil
                            || (blocks[i + 1].blankLinesBefore == 0 && texts[i + 1].scalars.first != text.scalars.first))) {
                    // (Nor does an item stop on an article, a preposition or a conjunction: in aid of the.
                    // An item wrapped onto the next line, not the next item under the same mark, goes on there.)
                    s.flaggedCut.insert(i)
                    s.findings.append(Finding(range: breakRange(text), message: "line breaks off mid-sentence (it ends on '\(word)')"))
                }
                continue
            }
            guard !ending.complete else { continue }
            // The story goes on on another page: it may break off here.
            if s.isJump(i + 1, .to) { continue }
            let next = i + 1 < blocks.count ? i + 1 : nil
            // An interview's next turn (问：…, Q: …) opens a turn of its own: no sentence runs on into
            // it, and the short line over it is its section's subhead.
            let nextIsTurn = next.map { TextTraits.interviewTurn(ScalarText.head(s.bytes, blocks[$0].textRange, maxScalars: 3).scalars) != nil } ?? false
            if nextIsTurn, block.kind == .subhead { continue }
            // (a) split across a break: the next block continues this sentence. Short lines among
            // lines like them (a title set in two lines: 中华人民共和国主席令 / 第三十九号) take strong evidence.
            // A subhead is followed by a sentence, which starts in upper case: a short line read as a
            // subhead whose next block goes on in lower case, and that reads as running prose (a finite
            // "is" or "was", a comma), is the head of a split paragraph. In headlinese it is a headline
            // dropped into a sentence: misplaced-headline's, with the rest of the sentence an orphan.
            let verse = s.isVerseOrListLine(i)
            if let n = next, blocks[n].kind == .paragraph || blocks[n].kind == .subhead || blocks[n].kind == .label,
               !nextIsTurn,
               let how = continuation(from: text, to: texts[n], ending: ending)
                ?? ((block.kind == .paragraph || (block.kind == .subhead && block.headingLevel == 0)) && block.isIndented && s.setFlushAmidIndented(n) ? .flush : nil),
               !verse || how.isStrong,
               block.kind == .paragraph || how.isStrong || truncationEvidence(text, ending: ending) != nil
                || blocks[n].blankLinesBefore >= 2 || (how.isLowercase && block.kind == .subhead && Self.readsAsProse(text)) {
                reportSplit(s, i, continuedAt: n, text: text, ending: ending, how: how)
                continue
            }
            // (b)/(c) cut with the rest lost, or the story ends mid-sentence. Not a heading set flush
            // with no mark at a story's end, where paragraphs open with an indent: misplaced-headline's.
            if !s.storyContinuesAfter(i), FlushLine.isUnpunctuatedHeading(document, s.facts, i) { continue }
            // A line of verse, or a short line among lines like it (a list, a table, a poem), is not cut
            // because it stops on a comma.
            if verse { continue }
            // The caption of a figure set large on the line above it (123.3% / 全国抓获…同比上升123.3%),
            // an item of an infographic: a label, not a sentence.
            if i > 0, blocks[i - 1].kind == .paragraph || blocks[i - 1].kind == .label, Self.isFigureLine(texts[i - 1]) { continue }
            // Paragraphs run together on one line (each after 　　): the last one may be a credit.
            if let last = Self.lastInlineParagraph(text), TextTraits.isLabel(last) { continue }
            // The second half of a split sentence ends where the whole sentence ends: judge it on strong evidence only.
            let weak = unfinished.count <= Self.styleLimit && !s.continued.contains(i) && !s.informal[block.article]
            var evidence = truncationEvidence(text, ending: ending, weakAllowed: weak)
            // (A story's headline set as a paragraph has no stop either.)
            let headsCopy = weak && Self.headsTheCopyUnder(s, i, text)
            if evidence == Self.noStopReason, headsCopy { evidence = nil }
            // An unmarked subhead (or, within a story, a short line that is not running text: a label, a
            // list item, a sub-story's heading) is a fragment only on grammatical evidence, not on a rare
            // last character. A short line with a clause in it (据统计，山东省所有) is running text.
            let prose = Self.isLongProse(text) || text.scalars.contains(0xFF0C) || text.scalars.contains(0x2C) || Self.isSentenceCase(text)
            // A story's first lines may be its lead-in (a deck, a pull quote set above the copy): one
            // sentence each, with no dateline, set without a stop. There too.
            // (Not an English lead that is a long sentence breaking off on a lower-case word, with the
            // articles of running prose: a deck is set shorter, or in headlinese.)
            // (Nor one over a byline: copy starts under the byline, a standfirst sits above it.)
            // (Asked only where it can matter: no lede, no paragraph of the story above it.)
            let firstOfItsCopy = block.ledeRange == nil && !(i > 0 && blocks[i - 1].kind == .paragraph && blocks[i - 1].article == block.article)
            let copyLead = firstOfItsCopy && !(i + 1 < blocks.count && blocks[i + 1].kind == .byline) && Self.isEnglishCopyLead(text)
            // (So too where the lead, cut short, was read as a subhead: the first line under the headline,
            // over the copy. No subhead comes before any copy.)
            let leadSubhead = block.kind == .subhead && copyLead && weak && i > 0 && blocks[i - 1].article == block.article
                && blocks[i - 1].kind.isHeading && s.storyContinuesAfter(i)
            let leadIn = s.opensStory(i) && s.storyContinuesAfter(i) && block.ledeRange == nil && !copyLead
                && !text.scalars.contains(where: { $0 == 0x3002 || $0 == 0xFF01 || $0 == 0xFF1F })
            // A line in headlinese (another story's headline in the copy, or this one's printed late)
            // is misplaced-headline's to report.
            if (block.kind != .paragraph && !leadSubhead) || (!prose && s.storyContinuesAfter(i)) || leadIn || Self.isHeadlinese(text) {
                // (Nor a heading's two short clauses, 生态美，百姓富: a verb there may close it.)
                guard let e = evidence, !e.contains("inside a word"), e != Self.noStopReason,
                      block.kind == .paragraph || e != Self.shortClauseReason else { continue }
            }
            if evidence == nil, (block.kind == .paragraph && (unfinished.contains(i) || s.clauseCutAmidStops(i, text))) || leadSubhead, weak, !Self.endsOnClosedList(text),
               !Self.endsOnCode(text),
               block.ledeRange != nil || (i > 0 && blocks[i - 1].kind == .paragraph && blocks[i - 1].article == block.article) || copyLead
                || (i > 0 && blocks[i - 1].kind == .byline && blocks[i - 1].article == block.article && Self.hasInnerStop(text)),
               !headsCopy {
                // Running text that stops without a stop, where the rest of the copy does not. (So too
                // the first paragraph under a byline, with a sentence done inside it: copy starts under
                // the byline.)
                evidence = Self.noStopReason
                if let n = next, blocks[n].kind == .paragraph, blocks[n].article == block.article {
                    s.flaggedCut.insert(i)
                    let gap = SourceRange(block.textRange.end, blocks[n].textRange.start)
                    let chinese = CharClass.isHan(ending.last)
                    s.findings.append(Finding(range: breakRange(text), message: "sentence breaks off here; it may continue at line \(s.line(n))",
                                              related: [RelatedLocation(range: blocks[n].textRange, message: "may continue here")],
                                              fix: Fix(title: "join with line \(s.line(n))", edits: [TextEdit(range: gap, replacement: s.joint(after: i, gap, spaced: !chinese))],
                                                       applicability: .unsafe)))
                    continue
                }
            }
            // The last paragraph of a story that stops on a clause: 据了解，全省各地. (Not a short line
            // set under the story's closing credit, 武汉，负重前行 under （据新华社…电）: a slogan closing
            // the page, the story having ended above it.)
            let storyEnds = !s.storyContinuesAfter(i)
            if evidence == nil, storyEnds, block.kind == .paragraph, weak, CharClass.isHan(ending.last),
               !(i > 0 && blocks[i - 1].kind == .label && text.count <= 12),
               text.scalars.contains(0xFF0C) || text.scalars.contains(0x2C), unfinished.count <= Self.styleLimit {
                evidence = "it stops in the middle of a clause"
            }
            guard let reason = evidence else { continue }
            // A note on the writer closing a story (Ann Kell is the editor of the Harbour Review, which
            // covers…), set as a note without its stop: nothing but a missing stop says it is cut.
            if reason == Self.noStopReason, storyEnds, Self.isContributorNote(text) { continue }
            // Nor a line that ends on an address (… or email notices@…, 网址：www.…): a contact line,
            // set without a stop so the address is not misread.
            if reason == Self.noStopReason, Self.endsOnCode(text) { continue }
            // A missing stop says little before a list (the line that introduces it) or in the remains
            // of a form or a table (cells set apart by runs of spaces: `Yes  No   Results`).
            if reason == Self.noStopReason, (next.map(s.beginsList) ?? false) || Self.hasCellGaps(text) { continue }
            s.flaggedCut.insert(i)
            s.lost.insert(i)
            let message = storyEnds ? "story ends mid-sentence (\(reason))" : "paragraph breaks off mid-sentence; the rest is missing (\(reason))"
            s.findings.append(Finding(range: breakRange(text), message: message))
        }

    }

    /// Block `i` (its text and ending) breaks off and its sentence goes on at block `n`: reported at the
    /// break, with the join as an unsafe fix (the break may also have lost words: a linked name, a
    /// line of the column).
    func reportSplit(_ s: TruncationScan, _ i: Int, continuedAt n: Int, text: ScalarText, ending: Ending, how: Continuation) {
        let blocks = s.blocks
        s.flaggedCut.insert(i)
        s.continued.insert(n)
        let gap = SourceRange(blocks[i].textRange.end, blocks[n].textRange.start)
        let fix: Fix
        switch how {
        case .hyphen:
            fix = Fix(title: "join the split word with line \(s.line(n))",
                      edits: [TextEdit(range: SourceRange(blocks[i].textRange.end - 1, gap.end), replacement: "")], applicability: .unsafe)
        default:
            fix = Fix(title: "join with line \(s.line(n))", edits: [TextEdit(range: gap, replacement: s.joint(after: i, gap, spaced: ending.last < 0x2E80))],
                      applicability: .unsafe)
        }
        s.findings.append(Finding(range: breakRange(text), message: "sentence breaks off here and continues at line \(s.line(n))\(how.reason)",
                                  related: [RelatedLocation(range: blocks[n].textRange, message: "continues here")], fix: fix))
    }

    /// An English paragraph of at least 14 words (7 with a finite "be" or "have") with an article in
    /// it, not in headlinese, ending on a word in lower case (or, in a paragraph of one line, on a
    /// name): running prose, not a deck set without a stop.
    static func isEnglishCopyLead(_ t: ScalarText) -> Bool {
        let s = t.scalars
        guard let last = s.last, CharClass.isASCIILower(last), !s.contains(where: { CharClass.isHan($0) }) else { return false }
        // (The last word's first letter: "Business Reporter" ends a byline, not a sentence. A name
        // may end the line where a break split it, Economics Minister Aburizal | Bakrie, in a
        // paragraph of one line with no byline in it.)
        let start = s.lastIndex(where: { !CharClass.isASCIILetter($0) }).map { $0 + 1 } ?? 0
        let words = s.compactMap(Unicode.Scalar.init)
        guard CharClass.isASCIILower(s[start])
            || (!s.contains(0x0A) && !(words.starts(with: "By ".unicodeScalars)) && !s.contains(0x3B) && !Self.endsOnCredit(words)) else { return false }
        // (Seven words are enough with a finite "is" or "has" in them, which a deck in headlinese leaves
        // out: "A driver is facing charges over the crash", "Local fishermen have lost a long court
        // fight".)
        let count = TextTraits.wordCount(words)
        guard count >= 14 || (count >= 7 && TextTraits.hasFiniteBeOrHave(words)) else { return false }
        return TextTraits.articleCount(words) >= 1 && !isHeadlinese(t)
    }

    /// The line ends on a name after a verb of saying (…, says Ann Kell; writes Tom Hale): a deck's
    /// credit, not a name a break has split.
    static func endsOnCredit(_ text: [Unicode.Scalar]) -> Bool {
        let words = String(String.UnicodeScalarView(text)).split(separator: " ")
        var k = words.count - 1
        while k >= 0, let first = words[k].unicodeScalars.first, first.properties.isUppercase { k -= 1 }
        guard k >= 0, k < words.count - 1 else { return false }
        return ["says", "said", "writes", "reports", "argues", "asks", "explains"].contains(words[k].lowercased())
    }

    static let noStopReason = "it stops without a full stop"

    /// A note on who wrote the story: one sentence of at most 200 characters, opening on two or three
    /// capitalised words (a name), then "is" or "was" and an article (Ann Kell is the editor of…, Tom
    /// Hale was a councillor…).
    static func isContributorNote(_ t: ScalarText) -> Bool {
        guard t.count <= 200, !t.scalars.indices.dropLast().contains(where: { t.scalars[$0] == 0x2E && t.scalars[$0 + 1] == 0x20 }) else { return false }
        let words = t.string(0, min(t.count, 80)).split(separator: " ")
        guard words.count >= 5 else { return false }
        for n in 2...3 where words.count > n + 1 {
            guard words[..<n].allSatisfy({ $0.first?.isUppercase == true && $0.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0 == "'" } }) else { return false }
            if ["is", "was"].contains(words[n]), ["a", "an", "the"].contains(words[n + 1]) { return true }
        }
        return false
    }

    /// A short line between paragraphs whose words the paragraph under it takes up and the one above
    /// it shares none of (Harnsey bakery rises to the top in regional awards / A family bakery in
    /// Harnsey has been named…): the headline of the story it opens, set as a paragraph, not a
    /// sentence without its stop.
    static func headsTheCopyUnder(_ s: TruncationScan, _ i: Int, _ text: ScalarText) -> Bool {
        let blocks = s.blocks
        guard i > 0, i + 1 < blocks.count, blocks[i + 1].kind == .paragraph, blocks[i - 1].kind == .paragraph,
              text.count <= 90, TextTraits.wordCount(text.scalars.compactMap(Unicode.Scalar.init)) <= 12 else { return false }
        let own = Affinity.features(text.scalars.compactMap(Unicode.Scalar.init))
        guard own.count >= 3 else { return false }
        return Affinity.share(of: own, in: s.bytes, ranges: [blocks[i + 1].textRange], stoppingAbove: 0.34) > 0.34
            && Affinity.share(of: own, in: s.bytes, ranges: [blocks[i - 1].textRange], stoppingAbove: 0) == 0
    }

    /// A line that is one figure: digits with a point, a per cent sign or a Chinese unit (123.3%,
    /// 16.3万, 2019年), at most ten characters.
    static func isFigureLine(_ t: ScalarText) -> Bool {
        let s = t.scalars
        guard !s.isEmpty, s.count <= 10, let first = s.first, CharClass.isDigit(first) else { return false }
        return s.allSatisfy { c in CharClass.isDigit(c) || c == 0x2E || c == 0x25 || c == 0xFF05 || figureUnits.contains(c) }
    }

    /// Chinese units a figure set large may carry.
    static let figureUnits = Set("万亿元年个人次项家".unicodeScalars.map(\.value))

    /// Running prose rather than headlinese: a finite form of "be" or of the perfect's "have" (a
    /// headline says "LVMH sells", copy says "LVMH has sold"), or a comma.
    static func readsAsProse(_ t: ScalarText) -> Bool {
        let words = t.scalars.compactMap(Unicode.Scalar.init)
        return t.scalars.contains(0x2C) || TextTraits.hasFiniteBeOrHave(words)
    }
}
