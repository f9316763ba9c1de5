import Foundation
import CopyLintBase

/// Decides what each block is: heading roles, bylines, datelines, captions, labels.
struct BlockClassifier {
    let bytes: [UInt8]

    /// `judged`: one judgement per block (`judgeAll`), read for the blocks that are not headings.
    func classify(_ blocks: inout [Block], layout: Layout, judgements judged: [Judgement]) {
        if layout.markup == .markdown {
            assignMarkdownHeadingRoles(&blocks)
        } else if layout.export {
            assignExportHeadingSlots(&blocks)
        } else {
            assignPlainHeadingGroup(&blocks, indentedBody: layout.indentedParagraphs)
        }
        for i in blocks.indices where !blocks[i].kind.isHeading {
            // (A folio or a breadcrumb found over the headline stays furniture, whatever its text looks like.)
            if layout.markup == .plain, !layout.export, i < 2, blocks[i].kind == .label { continue }
            blocks[i].kind = judged[i].kind
            blocks[i].ledeRange = judged[i].lede
        }
        // A dash and a few capitalised words is a credit (- Staff report) on its own; next to another
        // line that opens with a dash it is an item of a list.
        for i in blocks.indices where blocks[i].kind == .label && TextTraits.opensWithDash(bytes, blocks[i].textRange) {
            if (i > 0 && TextTraits.opensWithDash(bytes, blocks[i - 1].textRange)) || (i + 1 < blocks.count && TextTraits.opensWithDash(bytes, blocks[i + 1].textRange)) {
                blocks[i].kind = .paragraph
            }
        }
        let tp = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        // Subheads without heading markup occur in both layouts.
        shortSubheads(&blocks)
        assignUnmarkedSubheads(&blocks, judged)
        extendListings(&blocks)
        scheduleRuns(&blocks)
        if layout.markup == .plain {
            extendBylines(&blocks)
            stacksOverOpeners(&blocks)
            promoteStoryHeadings(&blocks)
            officialTitles(&blocks)
            cmsFields(&blocks)
        }
        if Profile.enabled { Profile.report("subheads", since: tp) }
    }

    // MARK: - headings

    private func assignMarkdownHeadingRoles(_ blocks: inout [Block]) {
        var i = 0
        while i < blocks.count {
            guard blocks[i].headingLevel > 0 else { i += 1; continue }
            var j = i
            while j + 1 < blocks.count, blocks[j + 1].headingLevel > 0 { j += 1 }
            let run = Array(i...j)
            if let top = run.first(where: { blocks[$0].headingLevel == 1 }) {
                for k in run {
                    if k < top {
                        blocks[k].kind = .kicker
                    } else if k == top || blocks[k].headingLevel == 1 {
                        blocks[k].kind = .headline
                    } else {
                        blocks[k].kind = .subtitle
                    }
                }
            } else {
                var seenHeadline = false
                for k in run {
                    let level = blocks[k].headingLevel
                    let nextLevel = k < j ? blocks[k + 1].headingLevel : Int.max
                    if level == 2 {
                        blocks[k].kind = .headline
                        seenHeadline = true
                    } else if nextLevel < level {
                        blocks[k].kind = .kicker
                    } else if seenHeadline {
                        blocks[k].kind = .subtitle
                    } else {
                        blocks[k].kind = .subhead
                    }
                }
            }
            i = j + 1
        }
    }

    /// A paper's export: the text of lines 1, 2 and 3 is the kicker, the headline and the subtitle
    /// (a line left empty holds none).
    private func assignExportHeadingSlots(_ blocks: inout [Block]) {
        for k in blocks.indices where blocks[k].firstLine < 3 {
            // A jump line in a heading slot (the export prints （上接第一版） under a continuation's headline).
            if blocks[k].kind == .jump || JumpLine.parse(scalars(blocks[k])) != nil {
                blocks[k].kind = .jump
                continue
            }
            switch blocks[k].firstLine {
            case 0: blocks[k].kind = .kicker
            case 1: blocks[k].kind = .headline
            default: blocks[k].kind = .subtitle
            }
        }
        // A line opening with a dash is a subtitle, and the line above it the headline, whatever their slots.
        for k in blocks.indices.dropFirst() where blocks[k].firstLine < 3 && blocks[k - 1].kind == .kicker {
            if let first = scalars(blocks[k]).first, first == "—" || first == "-" {
                blocks[k - 1].kind = .headline
                blocks[k].kind = .subtitle
            }
        }
        // Without a headline line, the first heading is the headline.
        if !blocks.contains(where: { $0.kind == .headline }), let k = blocks.firstIndex(where: { $0.firstLine < 3 }) {
            blocks[k].kind = .headline
        }
    }

    /// Plain layout: the lines before the first blank line are the heading group when
    /// they are short, carry no sentence-final punctuation and copy follows them.
    /// Where paragraphs are indented, the heading group also ends at the first indented line.
    private func assignPlainHeadingGroup(_ blocks: inout [Block], indentedBody: Bool) {
        // A web page's breadcrumb over the headline (Home › News › Environment) is furniture, as is a
        // printed page's folio (its date and page number) and, under it, the section's name in capitals.
        var o = 0
        // (At most 120 bytes for a breadcrumb; a folio is told by its scalars, 120 at most.)
        while o < blocks.count, o < 2, blocks[o].textRange.length <= 480,
              (blocks[o].textRange.length <= 120 && Breadcrumb.matches(scalars(blocks[o]))) || Folio.matches(scalars(blocks[o])) {
            blocks[o].kind = .label
            o += 1
        }
        if o > 0, o + 1 < blocks.count, blocks[o].textRange.length <= 40, SectionSlug.matches(scalars(blocks[o])) {
            blocks[o].kind = .kicker
            o += 1
        }
        guard blocks.count - o >= 2 else { return }
        var n = o + 1
        // (A byline set close under the headline ends the group: By Owen Pryce is no deck.)
        while n < blocks.count, blocks[n].blankLinesBefore == 0, !(indentedBody && blocks[n].isIndented && !blocks[o].isIndented),
              !(blocks[n].textRange.length <= 80 && Byline.matches(scalars(blocks[n]))) { n += 1 }
        if n == blocks.count || n - o > 4 {
            // No blank line or indent ends the group (copy a paragraph a line, nothing between): the
            // heading lines are the leading lines shaped like headings, before the first paragraph.
            n = o
            while n < min(o + 4, blocks.count), blocks[n].textRange.length <= 200, TextTraits.looksLikeHeadline(scalars(blocks[n])) { n += 1 }
            guard n >= o + 1, n < blocks.count, blocks[n].textRange.length > 200 || !TextTraits.looksLikeHeadline(scalars(blocks[n])) else { return }
        }
        guard n < blocks.count, n - o <= 4 else { return }
        // Copy that goes on in lower case is a sentence split after its first line, not a headline.
        if let first = scalars(blocks[n]).first, first.properties.isLowercase { return }
        for k in o..<n {
            let text = scalars(blocks[k])
            // 核心阅读 at the top is a label over a summary, not a headline.
            if !TextTraits.looksLikeHeadline(text) || (TextTraits.isLabel(text) && text.first != "—") { return }
            // A line that opens on a dateline and goes on (本报太原1月18日电　山西省…) is a story's lede,
            // however short a cut has left it: no headline opens so.
            // (Chinese: an English line in capitals before a dash, EXCLUSIVE - Council to sell park, is a
            // headline's tag.)
            if TextTraits.hanCount(text) > 0, let lede = LedeMarker.match(text), lede.length < text.count - 1 { return }
        }
        switch n - o {
        case 1:
            blocks[o].kind = .headline
        case 2:
            let second = scalars(blocks[o + 1])
            // (An English headline comes first and its deck under it, unless the first line is a
            // section's name in capitals; a Chinese 引题 comes over its headline.)
            let english = TextTraits.hanCount(scalars(blocks[o])) == 0 && TextTraits.hanCount(second) == 0
                && !SectionSlug.matches(scalars(blocks[o]))
            if second.first == "—" || second.first == "-" || english {
                blocks[o].kind = .headline
                blocks[o + 1].kind = .subtitle
            } else {
                blocks[o].kind = .kicker
                blocks[o + 1].kind = .headline
            }
        default:
            blocks[o].kind = .kicker
            blocks[o + 1].kind = .headline
            for k in (o + 2)..<n { blocks[k].kind = .subtitle }
        }
    }

    /// A short, unpunctuated line between paragraphs is a subhead. Each decision reads the kinds the
    /// blocks had before this pass, so a large file's blocks are judged in slices on all cores.
    private func assignUnmarkedSubheads(_ blocks: inout [Block], _ judged: [Judgement]) {
        let chunks = ParallelMap.slices(forBytes: bytes.count)
        let snapshot = blocks
        let found = ParallelMap.run(count: chunks) { c -> [Int] in
            let lo = max(1, snapshot.count * c / chunks), hi = snapshot.count * (c + 1) / chunks
            return lo < hi ? (lo..<hi).filter { isUnmarkedSubhead($0, snapshot, judged) } : []
        }
        for i in found.joined() { blocks[i].kind = .subhead }
    }

    private func isUnmarkedSubhead(_ i: Int, _ blocks: [Block], _ judged: [Judgement]) -> Bool {
        // (A block that opens on a dateline, 新华社北京1月10日电…, is a story's lede, however short a
        // cut has left it.)
        guard blocks[i].kind == .paragraph, blocks[i].ledeRange == nil, Self.couldBeHeading(blocks[i]) else { return false }
        // Crossheads in English copy are a few words; a longer unpunctuated line is a fragment.
        // Two commas or reported speech make a sentence, not a heading.
        // (In an interview, a short line with no stop over a question is its section's subhead,
        // whatever it ends on: 业态怎么定，听街坊的 / 问：…)
        // (Not the line right after a question: that is its answer, however short.)
        if judged[i].brief, i + 1 < blocks.count, judged[i + 1].question, i == 0 || !judged[i - 1].question { return true }
        guard judged[i].crosshead, !judged[i].sentenceLike else { return false }
        // A subhead introduces copy: running text follows it, directly or after a second subhead line.
        var k = i + 1
        if k < blocks.count, blocks[k].kind == .subhead || (blocks[k].kind == .paragraph && Self.couldBeHeading(blocks[k]) && judged[k].headingLine) { k += 1 }
        guard k < blocks.count else { return false }
        // (Or a picture's caption, on a page of pictures: 旧玩具　新主人 / ▲6月18日，…)
        // (Set apart by a blank line above: a credit between captions is no heading.)
        if blocks[k].kind == .caption, k == i + 1, blocks[i].blankLinesBefore >= 1, Caption.opensWithMark(scalars(blocks[k])) { return true }
        // (Or a listing's rows: a day's heading over its events.)
        if blocks[k].kind == .listing, ListingRow.isEventEntry(scalars(blocks[k])) { return true }
        return blocks[k].kind == .paragraph && (!Self.couldBeHeading(blocks[k]) || !judged[k].headingLine)
    }

    /// A line of five or six Chinese characters alone, or one set whole in 【】, is read as a label
    /// (编者的话, 【编者按】); set between paragraphs two or more times in one story, such lines are its
    /// subheads (守住手艺根脉 … 推动跨界融合), the story's own convention. (A story runs from a headline or a rule to the next.)
    private func shortSubheads(_ blocks: inout [Block]) {
        var stretch: [Int] = [], seenCopy = false
        func settle(_ blocks: inout [Block]) {
            if stretch.count >= 2 { for k in stretch { blocks[k].kind = .subhead } }
            stretch.removeAll()
            seenCopy = false
        }
        func shortLine(_ k: Int) -> Bool {
            guard blocks[k].kind == .label, blocks[k].textRange.length <= 60 else { return false }
            let text = scalars(blocks[k])
            // (Or a line set whole in 【】, 【从自行车到摩托车】: a box's name once, a story's subheads
            // when it sets two or more between its paragraphs.)
            if text.count <= 20, TextTraits.setInBlackBrackets(text) { return true }
            return blocks[k].textRange.length <= 24 && (5...6).contains(text.count) && TextTraits.hanCount(text) == text.count
        }
        for i in blocks.indices {
            // A story also ends where the next one opens (a gap, a byline, a dateline, a lede): in plain
            // copy its headline is not known yet.
            // (A short line right over the next story's lede is that story's headline, not this one's subhead.)
            if blocks[i].blankLinesBefore >= 2 || blocks[i].ledeRange != nil {
                if stretch.last == i - 1 { stretch.removeLast() }
                settle(&blocks)
            }
            switch blocks[i].kind {
            case .headline, .kicker, .separator, .marker, .byline, .dateline:
                settle(&blocks)
            case .paragraph:
                seenCopy = true
            case .label:
                guard seenCopy, shortLine(i) else { continue }
                // Copy follows it, directly or under one more such line.
                var k = i + 1
                if k < blocks.count, shortLine(k) { k += 1 }
                if k < blocks.count, blocks[k].kind == .paragraph { stretch.append(i) }
            default:
                break
            }
        }
        settle(&blocks)
    }

    /// A short line with figures set directly under a listing row is another row (`Full moon March 25`
    /// under `Sunrise today 6:24 a.m.; sunset 5:51 p.m.`).
    private func extendListings(_ blocks: inout [Block]) {
        for i in blocks.indices.dropFirst() where blocks[i - 1].kind == .listing && blocks[i].blankLinesBefore == 0 {
            guard blocks[i].kind == .paragraph || blocks[i].kind == .subhead, blocks[i].textRange.length <= 80 else { continue }
            let text = scalars(blocks[i])
            guard text.contains(where: { ("0"..."9").contains($0) }), !TextTraits.hasSentenceStop(text) else { continue }
            // (A heading in capitals between a listing's rows heads the next rows: SATURDAY, OCTOBER 12.)
            if text.filter({ ("A"..."Z").contains($0) }).count >= 4, !text.contains(where: { $0.properties.isLowercase }) { continue }
            blocks[i].kind = .listing
        }
    }

    /// Three lines or more in a row, each opening on a time of day (or a date) with a few words after it and
    /// no stop (`6.00 Breakfast with Jo Penn`, `10.00 Night Owls`): the rows of a schedule (a
    /// station's listings, a day's programme), not headings or copy.
    private func scheduleRuns(_ blocks: inout [Block]) {
        // (Or each opens on a date, 二〇二四年一月十六日（星期二）上午　大会发言: a programme's days.)
        func isRow(_ i: Int) -> Bool {
            let r = blocks[i].textRange
            guard r.length >= 6, r.length <= 100, blocks[i].lastLine == blocks[i].firstLine,
                  TextTraits.isDateFigure(UTF8Scalar.decode(bytes, at: r.start).scalar) else { return false }
            let text = scalars(blocks[i])
            guard let k = TextTraits.clockTimePrefix(text) ?? TextTraits.chineseDatePrefix(text), k < text.count,
                  !TextTraits.hasSentenceStop(text) else { return false }
            return true
        }
        var i = 0
        while i < blocks.count {
            guard isRow(i) else { i += 1; continue }
            var j = i + 1
            while j < blocks.count, blocks[j].blankLinesBefore == 0, isRow(j) { j += 1 }
            if j - i >= 3 {
                for k in i..<j where blocks[k].headingLevel == 0 { blocks[k].kind = .listing }
            }
            i = j
        }
    }

    /// A byline's second line (`Staff Writer`, `Fisheries Correspondent`): short, in title case, with
    /// no stop, set directly under it.
    private func extendBylines(_ blocks: inout [Block]) {
        for i in blocks.indices.dropFirst() where blocks[i - 1].kind == .byline && blocks[i].blankLinesBefore == 0 {
            guard blocks[i].kind == .paragraph || blocks[i].kind == .subhead || blocks[i].kind == .label,
                  blocks[i].textRange.length <= 60 else { continue }
            let words = String(String.UnicodeScalarView(scalars(blocks[i]))).split(separator: " ")
            guard (1...5).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true || $0.count <= 3 }),
                  !words.contains(where: { $0.contains(".") && $0.count > 2 }), words.first?.first?.isLetter == true else { continue }
            blocks[i].kind = .byline
        }
    }

    /// The lines shaped like headings stacked directly over a byline, a dateline or a lede (a page's
    /// story: section label, headline, deck) are that story's heading group, whether or not a blank
    /// line sets them off the copy above.
    private func stacksOverOpeners(_ blocks: inout [Block]) {
        var i = 1
        while i < blocks.count {
            // (A credit in brackets, （本报记者…）, closes a story; it opens none.)
            let opener = (blocks[i].kind == .byline && !Self.opensWithBracket(bytes, blocks[i].textRange))
                || blocks[i].kind == .dateline || blocks[i].ledeRange != nil
            guard opener, blocks[i - 1].kind == .paragraph || blocks[i - 1].kind == .subhead || blocks[i - 1].kind == .label else { i += 1; continue }
            // Up the stack: lines with no blank line between them, the lowest at most one blank line above.
            var top = i
            while top > 0, i - top < 4, blocks[top].blankLinesBefore <= (top == i ? 1 : 0) {
                let k = top - 1
                guard blocks[k].kind == .paragraph || blocks[k].kind == .subhead || blocks[k].kind == .label,
                      Self.couldBeHeading(blocks[k]), TextTraits.looksLikeHeadline(scalars(blocks[k]), maxChinese: 40, maxWords: 16),
                      !Self.readsAsRunningProse(scalars(blocks[k])) else { break }
                top = k
            }
            let stack = Array(top..<i)
            // A stack of one line under copy with no gap above it is a subhead's business (or a
            // sentence's end); a stack is a story's top when something sets it apart above.
            guard !stack.isEmpty else { i += 1; continue }
            let setApart = top == 0 || blocks[top].blankLinesBefore >= 1 || blocks[top - 1].kind.isFurniture || blocks[top - 1].kind.isHeading
            guard setApart || stack.count >= 2 else { i += 1; continue }
            // A line between the headline and the byline is the headline's deck (a standfirst).
            if stack.count == 1, top > 0, blocks[top - 1].kind == .headline { blocks[top].kind = .subtitle; i += 1; continue }
            assignStack(&blocks, stack)
            i += 1
        }
    }

    /// The bytes of `r` hold 关于 (E5 85 B3 E4 BA 8E).
    static func holdsGuanyu(_ bytes: [UInt8], _ r: SourceRange) -> Bool {
        var k = r.start
        while k + 6 <= r.end {
            if bytes[k] == 0xE5, bytes[k + 1] == 0x85, bytes[k + 2] == 0xB3, bytes[k + 3] == 0xE4, bytes[k + 4] == 0xBA, bytes[k + 5] == 0x8E { return true }
            k += 1
        }
        return false
    }

    /// An English line of running prose, not a heading: a comma, an article and a finite "be" or
    /// "have", or fourteen words (Officers will visit each property to agree which measures are
    /// needed, and the council's approved contractor).
    static func readsAsRunningProse(_ t: [Unicode.Scalar]) -> Bool {
        guard TextTraits.hanCount(t) == 0, t.contains(","), TextTraits.articleCount(t) >= 1 else { return false }
        return TextTraits.hasFiniteBeOrHave(t) || TextTraits.wordCount(t) >= 14
    }

    /// The block is indented with an ideographic space (E3 80 80).
    static func ideographicIndent(_ bytes: [UInt8], _ block: Block) -> Bool {
        let s = block.range.start
        return block.isIndented && s + 2 < bytes.count && bytes[s] == 0xE3 && bytes[s + 1] == 0x80 && bytes[s + 2] == 0x80
    }

    /// The text opens with ( or （.
    static func opensWithBracket(_ bytes: [UInt8], _ r: SourceRange) -> Bool {
        r.length > 0 && (bytes[r.start] == 0x28 || (r.length >= 3 && bytes[r.start] == 0xEF && bytes[r.start + 1] == 0xBC && bytes[r.start + 2] == 0x88))
    }

    /// Kicker, headline, subtitles for a stack of heading lines. Two lines: a short label in
    /// capitals (or a Chinese 引题) over the headline, else a headline over its deck.
    private func assignStack(_ blocks: inout [Block], _ stack: [Int]) {
        switch stack.count {
        case 1:
            // A section's name in capitals (COURTS, 要闻) over a byline: the story's headline went missing.
            let text = scalars(blocks[stack[0]])
            let words = text.split(separator: " ").count
            blocks[stack[0]].kind = !text.contains { $0.properties.isLowercase } && words <= 2 && TextTraits.hanCount(text) == 0 ? .kicker : .headline
        case 2:
            let first = scalars(blocks[stack[0]]), second = scalars(blocks[stack[1]])
            let label = !first.contains { $0.properties.isLowercase } || TextTraits.hanCount(first) > 0
            if second.first == "—" || second.first == "-" || !label {
                blocks[stack[0]].kind = .headline
                blocks[stack[1]].kind = .subtitle
            } else {
                blocks[stack[0]].kind = .kicker
                blocks[stack[1]].kind = .headline
            }
        default:
            blocks[stack[0]].kind = .kicker
            blocks[stack[1]].kind = .headline
            for k in stack.dropFirst(2) { blocks[k].kind = .subtitle }
        }
    }

    /// A run of unmarked headings that opens a story on a page of several: it follows a rule between
    /// stories or a page's gap (two blank lines or more), or a byline, dateline or lede follows it. It is
    /// a heading group (kicker, headline, subtitles), not a section's subheads.
    private func promoteStoryHeadings(_ blocks: inout [Block]) {
        // A row alone, with blank lines around it (a line opening on a date, 5月1日起　3条公交线路临时调整),
        // over a story's lede, byline or dateline is that story's headline, not a listing.
        for i in blocks.indices.dropLast() where blocks[i].kind == .listing && blocks[i].headingLevel == 0
            && blocks[i].firstLine == blocks[i].lastLine && (i == 0 || blocks[i].blankLinesBefore >= 1) && blocks[i + 1].blankLinesBefore >= 1
            && (blocks[i + 1].ledeRange != nil || blocks[i + 1].kind == .byline || blocks[i + 1].kind == .dateline)
            && !TextTraits.hasSentenceStop(scalars(blocks[i])) {
            blocks[i].kind = .headline
        }
        var i = 1
        while i < blocks.count {
            guard blocks[i].kind == .subhead, blocks[i].headingLevel == 0 else { i += 1; continue }
            var j = i
            while j + 1 < blocks.count, blocks[j + 1].kind == .subhead, blocks[j + 1].headingLevel == 0,
                  blocks[j + 1].blankLinesBefore <= 1 { j += 1 }
            let previous = blocks[i - 1]
            let afterGap = previous.kind == .separator || previous.kind == .marker || blocks[i].blankLinesBefore >= 2
            let next = j + 1 < blocks.count ? blocks[j + 1] : nil
            // (A picture's caption under a heading set apart above: the heading is the picture's.)
            let opener = next.map { $0.kind == .byline || $0.kind == .dateline || $0.ledeRange != nil
                || ($0.kind == .caption && blocks[i].blankLinesBefore >= 1 && Caption.opensWithMark(scalars($0))) } ?? false
            // Where paragraphs are indented and subheads with them, a heading set flush left between
            // indented paragraphs is a story's (a page may indent one story's copy and not another's).
            // (Chinese pages set paragraphs with 　　; English copy indented with spaces sets its
            // crossheads flush, and they head no story.)
            // (Not a numbered heading, 三、哪些小区可以申请？, nor one set in 【】: those head a section of the story.)
            let flush = !blocks[i].isIndented && previous.kind == .paragraph && Self.ideographicIndent(bytes, previous)
                && !TextTraits.opensWithSectionNumber(scalars(blocks[i])) && !TextTraits.setInBlackBrackets(scalars(blocks[i]))
                && next.map { $0.kind == .paragraph && Self.ideographicIndent(bytes, $0) } == true
            // A heading over a ——deck is a story's headline and its subtitle: a section's subhead has none.
            let deck = j > i && scalars(blocks[j]).starts(with: ["—", "—"])
            if afterGap || opener || flush || deck {
                let n = j - i + 1
                if n == 1 {
                    blocks[i].kind = .headline
                } else if n == 2, let first = scalars(blocks[i + 1]).first, first == "—" || first == "-" {
                    blocks[i].kind = .headline
                    blocks[i + 1].kind = .subtitle
                } else {
                    blocks[i].kind = .kicker
                    blocks[i + 1].kind = .headline
                    for k in (i + 2)..<(j + 1) { blocks[k].kind = .subtitle }
                }
            }
            i = j + 1
        }
    }

    /// An official document's title on a line of its own (关于…的通知, 𠮷塘市…局关于…的公示: the issuer,
    /// 关于, the matter, 的, and the kind of document, as the national standard for 公文 composes it)
    /// heads a document of its own on a page of notices: a headline. The issuer set on the line right
    /// above it is its kicker, and the document's number right under it (塘市监食〔2024〕42号) its
    /// subtitle. A document signs off with its issuer over the date (落款: 𠮷塘市市场监督管理局 /
    /// 2024年11月5日): on a page with such titles, those two lines are the signature, a label.
    private func officialTitles(_ blocks: inout [Block]) {
        var titled = false
        for i in blocks.indices where blocks[i].headingLevel == 0 && blocks[i].firstLine == blocks[i].lastLine
            && [.paragraph, .subhead, .label, .headline].contains(blocks[i].kind) {
            let r = blocks[i].textRange
            // (关于 is found in the bytes first: most lines have none and are not decoded.)
            guard r.length >= 18, r.length <= 240, bytes[r.start] >= 0xE4, Self.holdsGuanyu(bytes, r),
                  TextTraits.isOfficialTitle(scalars(blocks[i])) else { continue }
            // (One read as a headline already, at the top of the page, has its group.)
            titled = true
            if blocks[i].kind == .headline { continue }
            blocks[i].kind = .headline
            if i > 0, blocks[i].blankLinesBefore == 0, blocks[i - 1].headingLevel == 0, blocks[i - 1].firstLine == blocks[i - 1].lastLine,
               [.paragraph, .subhead, .label].contains(blocks[i - 1].kind), blocks[i - 1].textRange.length <= 90 {
                let above = scalars(blocks[i - 1])
                if TextTraits.hanCount(above) >= 4, !TextTraits.hasSentenceStop(above), !above.contains("，") { blocks[i - 1].kind = .kicker }
            }
            if i + 1 < blocks.count, blocks[i + 1].blankLinesBefore == 0, blocks[i + 1].headingLevel == 0,
               TextTraits.isDocumentNumber(scalars(blocks[i + 1])) {
                blocks[i + 1].kind = .subtitle
            }
        }
        guard titled else { return }
        for i in blocks.indices.dropFirst() where blocks[i].blankLinesBefore == 0 && [.paragraph, .subhead, .label].contains(blocks[i].kind)
            && [.paragraph, .subhead, .label].contains(blocks[i - 1].kind) && blocks[i - 1].textRange.length <= 90 {
            let date = scalars(blocks[i]), issuer = scalars(blocks[i - 1])
            guard TextTraits.chineseDatePrefix(date) == date.count, TextTraits.hanCount(issuer) >= 4,
                  !TextTraits.hasSentenceStop(issuer), !issuer.contains("，") else { continue }
            blocks[i - 1].kind = .label
            blocks[i].kind = .label
        }
    }

    /// A story exported from a content system with its fields named (标题：…, 副标题：…, 正文：, or
    /// HEADLINE: …, STANDFIRST: …, BODY:): where the file names both a title and a body field, each
    /// title field is a story's headline, its kicker field (引题, 肩题) the kicker and its subtitle
    /// field (副标题, STANDFIRST, DECK) the subtitle. Not a field left empty (副标题：（无）).
    private func cmsFields(_ blocks: inout [Block]) {
        // (Field lines are short and open on their name: a colon among the first bytes.)
        var fields: [(Int, BlockKind?)] = []
        var titles = 0, bodies = 0
        for i in blocks.indices where blocks[i].headingLevel == 0 && blocks[i].firstLine == blocks[i].lastLine
            && blocks[i].textRange.length <= 240 && TextTraits.colonNearStart(bytes, blocks[i].textRange) {
            // (The name is read first, from the line's head: the rest is decoded only for a field.)
            let head = ScalarText.head(bytes, blocks[i].textRange, maxScalars: 12)
            guard let colon = head.scalars.firstIndex(where: { $0 == 0xFF1A || $0 == 0x3A }), colon > 0 else { continue }
            let name = head.string(0, colon).trimmingSpaces()
            let isBody = Self.bodyFields.contains(name)
            guard isBody || Self.headingFields[name] != nil else { continue }
            let t = scalars(blocks[i])
            let value = String(String.UnicodeScalarView(t[(colon + 1)...])).trimmingSpaces()
            if isBody, value.isEmpty {
                bodies += 1
                continue
            }
            guard let kind = Self.headingFields[name] else { continue }
            if kind == .headline { titles += 1 }
            let empty = value.isEmpty || ["（无）", "(无)", "无", "(none)", "none", "n/a", "—", "-"].contains(value.lowercased())
            fields.append((i, empty ? nil : kind))
        }
        guard titles > 0, bodies > 0 else { return }
        for (i, kind) in fields {
            blocks[i].kind = kind ?? .label
        }
    }

    /// Field names of a content system's export that hold a headline, a kicker or a subtitle.
    static let headingFields: [String: BlockKind] = [
        "标题": .headline, "主标题": .headline, "正题": .headline, "引题": .kicker, "肩题": .kicker, "眉题": .kicker,
        "副标题": .subtitle, "副题": .subtitle,
        "HEADLINE": .headline, "Headline": .headline, "TITLE": .headline, "Title": .headline, "HED": .headline,
        "KICKER": .kicker, "Kicker": .kicker, "STANDFIRST": .subtitle, "Standfirst": .subtitle, "DECK": .subtitle, "Deck": .subtitle,
        "SUBTITLE": .subtitle, "Subtitle": .subtitle,
    ]

    /// Field names that announce the body, set alone on their line (正文：, BODY:).
    static let bodyFields: Set<String> = ["正文", "内容", "BODY", "Body", "TEXT", "Text", "COPY", "Copy"]

    /// Blocks longer than this many bytes are never headings, bylines or labels.
    static let shortLimit = 360

    private func scalars(_ block: Block) -> [Unicode.Scalar] {
        UTF8Scalar.scalars(bytes, block.textRange)
    }

    /// Cheap test before decoding: heading-like lines are short.
    static func couldBeHeading(_ block: Block) -> Bool { block.textRange.length <= 200 }
}
