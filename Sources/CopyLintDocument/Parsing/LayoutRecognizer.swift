import CopyLintBase

/// Recognises how a file's lines make paragraphs: hard-wrapped columns (English at 50–80 columns,
/// Chinese at 15–40 characters, paragraphs marked by blank lines or by an indent), one paragraph a
/// line, or a paper's export with heading slots on top. It measures lines; it never reads words.
///
/// Hard wrapping is told by what a greedy wrapper leaves behind: a line that runs on into the next is
/// full, the next line's first word would not have fitted on it. In wrapped copy nearly every line
/// followed by another is full at one width; in copy with a paragraph a line, only the longest are.
enum LayoutRecognizer {
    /// Two text lines in a row (raw line indices `k` and `k + 1`), measured.
    struct Pair {
        let k: Int
        /// Widths of the first line (indent included) and of the next line's first word, in
        /// characters and in columns (East Asian wide = 2).
        var chars = 0, cols = 0, wordChars = 0, wordCols = 0
        /// A space would stand between the two lines' text were they one line (Latin on both sides).
        var gap = 0
        /// The first line ends on a letter and a hyphen, the next starts in lower case: a hyphenated word.
        var hyphen = false
        var nextIndented = false
        /// The first line ends on sentence-final punctuation; the next line does.
        var endsSentence = false
        var nextEndsSentence = false
        /// The next line starts with a lower-case letter, or a CJK character (which has no case).
        var nextLowercase = false
        /// The next line starts with a letter (of any case, outside CJK).
        var nextLetter = false
        var nextCJK = false
        /// The next line opens an interview's turn (问：, 答：, 记者：, Q: , A: ): a new paragraph.
        var nextOpensTurn = false
        /// The line (the next line) ends on a letter, a figure or a CJK character: no punctuation at all.
        var endsOpen = false, nextEndsOpen = false
        /// A text line stands right above the first line (it is not a paragraph's first line by its place).
        var previousAdjacent = false
    }

    /// The layout and, for each raw line, whether it runs on into the next as one paragraph.
    static func recognize(_ buf: UnsafeBufferPointer<UInt8>, _ raws: [RawLine], markdown: Bool,
                          choice: LayoutChoice) -> (layout: Layout, joinsNext: [Bool]) {
        let markup: Layout.Markup = markdown ? .markdown : .plain
        var pairs: [Pair] = []
        for k in raws.indices.dropLast() where raws[k].isText && raws[k + 1].isText && raws[k + 1].line == raws[k].line + 1 {
            pairs.append(measure(buf, raws, k))
        }
        let export = choice == .export || (choice == .auto && !markdown && isExport(buf, raws))
        let indented = mostlyIndented(buf, raws)
        switch choice {
        case .markdown:
            var joins = [Bool](repeating: false, count: raws.count)
            for p in pairs { joins[p.k] = true }
            return (Layout(markup: markup, flow: .blankSeparated, indentedParagraphs: indented), joins)
        case .lines, .export:
            return (Layout(markup: markup, flow: .lines, export: export, indentedParagraphs: indented), [])
        case .auto, .wrapped:
            guard !export else { return (Layout(markup: markup, flow: .lines, export: export, indentedParagraphs: indented), []) }
            // Each region of the page (between rules, take marks, jump lines, wide gaps) is measured
            // on its own: a wrapped story and stories set a paragraph a line may share a page.
            var joins = [Bool](repeating: false, count: raws.count)
            var regions: [Layout.Region] = []
            var main: (lines: Int, flow: Layout.Flow, indentStarts: Bool)?
            let spans = regionSpans(buf, raws)
            // Each span's pairs, as a slice of `pairs` (ordered by line): found in one pass.
            var slices: [ArraySlice<Pair>] = []
            var cursor = 0
            for span in spans {
                while cursor < pairs.count, pairs[cursor].k < span.lowerBound { cursor += 1 }
                var end = cursor
                while end < pairs.count, pairs[end].k + 1 < span.upperBound { end += 1 }
                slices.append(pairs[cursor..<end])
                cursor = end
            }
            let textLines = spans.map { raws[$0].lazy.filter(\.isText).count }
            // A region with too few line pairs to measure (a paragraph's head left before a page
            // break) is wrapped as the page's largest measurable region is.
            let largest = spans.indices.filter { slices[$0].count >= 2 }.max { textLines[$0] < textLines[$1] }
            let pageWrap = largest.flatMap { wrapWidth(Array(slices[$0]), indentStarts: indentMarksParagraphs(buf, raws[spans[$0]]), forced: choice == .wrapped) }
            for (n, span) in spans.enumerated() {
                guard textLines[n] > 0 else { continue }
                let inRegion = Array(slices[n])
                let regionLines = textLines[n]
                var indentStarts = indentMarksParagraphs(buf, raws[span])
                var flow = Layout.Flow.lines
                // (Two pairs may be too few to tell: then the page's wrap holds.)
                let own = inRegion.count >= 2 ? wrapWidth(inRegion, indentStarts: indentStarts, forced: choice == .wrapped) : nil
                if let wrap = own ?? (inRegion.count < 3 ? pageWrap : nil) {
                    // Hanging indents (an entry's first line flush, the lines it runs on to indented: a
                    // list of roadworks, a glossary) mark where entries go on, not where they start.
                    // (There a line set flush under an indented one opens the next entry.)
                    let hanging = indentStarts && hangingIndents(buf, raws, inRegion, wrap)
                    if hanging { indentStarts = false }
                    // (A box of two or three lines between rules, a pull quote, takes the page's wrap and
                    // runs a line on into a lower-case one as a marked region does.)
                    let marked = own == nil || paragraphEndsMarked(inRegion, raws[span], indentStarts: indentStarts, wrap)
                    // From the last line up, so that whether the next line runs on is known.
                    // (A region ends on the rule or mark that closed it: no line runs on into that.)
                    let closer = span.upperBound - 1
                    let closedByFurniture = isFurniture(buf, raws[closer])
                    for p in inRegion.reversed() where !(indentStarts && p.nextIndented) && !(closedByFurniture && p.k + 1 == closer) {
                        // A line after a sentence's end that stops short without a stop of its own, and
                        // does not run on, stands alone (a headline or a note among paragraphs).
                        // Not where blank lines mark paragraphs and the line above is full: the wrapper ran
                        // it on, and a heading there would stand after a blank line like every paragraph.
                        // (Not a Chinese line with a clause in it, most of the width long: the end of a
                        // paragraph whose sentence broke off, 作者并不急着…，而是耐心地写他们.)
                        let standsAlone = p.endsSentence && !p.nextEndsSentence && !joins[p.k + 1]
                            && !(marked && !indentStarts && isFull(p, wrap))
                            && !(p.nextCJK && p.nextEndsOpen && clauseLine(buf, raws[p.k + 1], wrap))
                        // Two lines with no punctuation at their ends, alone between blank lines, are a
                        // headline over its deck, not a paragraph.
                        let stack = !p.previousAdjacent && !joins[p.k + 1] && p.endsOpen && p.nextEndsOpen && !p.hyphen
                            && (p.nextCJK || (p.nextLetter && !p.nextLowercase)) && !leavesBracketOpen(buf, raws[p.k])
                        // (Nor into a line all in capitals from one in running case: a heading, WILLOW IN
                        // NUMBERS under a box's last item, not the rest of its sentence.)
                        let capitalsNext = p.nextLetter && !p.nextLowercase && Self.capitalsOnly(buf, raws[p.k + 1]) && Self.hasLowercase(buf, raws[p.k])
                        // (Nor into an interview's next turn, 答：…, whatever the line's length.)
                        guard !standsAlone, !stack, !capitalsNext, !p.nextOpensTurn, !(hanging && !p.nextIndented && isIndented(buf, raws[p.k])) else { continue }
                        if isFull(p, wrap) || (marked && runsOnShort(p, wrap, indentStarts: indentStarts, nextRunsOn: joins[p.k + 1])) {
                            joins[p.k] = true
                        }
                    }
                    flow = .wrapped(width: wrap.width, columns: wrap.columns, indentStarts: indentStarts)
                }
                let first = raws[span.lowerBound].line, last = raws[span.upperBound - 1].line
                regions.append(Layout.Region(firstLine: first, lastLine: last, flow: flow))
                if main == nil || regionLines > main!.lines { main = (regionLines, flow, indentStarts) }
            }
            guard let main else { return (Layout(markup: markup, flow: .lines, indentedParagraphs: indented), []) }
            var layout = Layout(markup: markup, flow: main.flow, indentedParagraphs: main.flow == .lines ? indented : main.indentStarts)
            if Set(regions.map { Layout.describe($0.flow) }).count > 1 { layout.regions = regions }
            return (layout, joins.contains(true) ? joins : [])
        }
    }

    /// Where a region marks its paragraphs (by an indent, or by blank lines between them, with few
    /// sentence ends stopping short right above another line), a line that stops short of the width
    /// inside a paragraph was wrapped narrower (a repeat re-wrapped, a line set by hand).
    static func paragraphEndsMarked(_ pairs: [Pair], _ raws: ArraySlice<RawLine>, indentStarts: Bool, _ wrap: Wrap) -> Bool {
        if indentStarts { return true }
        var blankAfter = 0
        var previous: RawLine?
        for raw in raws where raw.isText {
            if let p = previous, raw.line > p.line + 1 { blankAfter += 1 }
            previous = raw
        }
        let shortEnds = pairs.filter { $0.endsSentence && !isFull($0, wrap) }.count
        return blankAfter >= 2 && shortEnds * 4 <= blankAfter
    }

    /// A line short of the width that still runs on: it stops mid-sentence and the next line goes on
    /// in lower case (or through a hyphen); a Chinese line stops without a stop past half the width.
    static func runsOnShort(_ p: Pair, _ wrap: Wrap, indentStarts: Bool = false, nextRunsOn: Bool = false) -> Bool {
        guard !p.endsSentence else { return false }
        if p.hyphen || (p.nextLowercase && !p.nextCJK) { return true }
        let width = wrap.columns ? p.cols : p.chars
        // (A line over the width by more than a tenth was not wrapped at it: a list's or a table's
        // line, set whole.)
        guard width * 10 >= wrap.width * 6, width * 10 <= wrap.width * 11 + 10 else { return false }
        if p.nextCJK { return true }
        // Where an indent starts each paragraph, an unindented line under a line that does not end a
        // sentence goes on with it, whatever its first letter (copy wrapped narrower than the page:
        // "follows advice from the Marine" / "Research Institute, which…"), unless it stands alone
        // itself over an indented line: a heading, under which the line above keeps its own end.
        return indentStarts && p.nextLetter && (nextRunsOn || p.nextEndsSentence)
    }

    /// The line's letters are all capitals, eight at least (a heading in capitals, not a sentence).
    static func capitalsOnly(_ buf: UnsafeBufferPointer<UInt8>, _ raw: RawLine) -> Bool {
        var upper = 0
        for k in raw.textStart..<raw.textEnd {
            let b = buf[k]
            if b >= 0x61 && b <= 0x7A { return false }
            if b >= 0x41 && b <= 0x5A { upper += 1 } else if b >= 0x80 { return false }
        }
        return upper >= 8
    }

    /// The line holds a lower-case ASCII letter.
    static func hasLowercase(_ buf: UnsafeBufferPointer<UInt8>, _ raw: RawLine) -> Bool {
        (raw.textStart..<raw.textEnd).contains { buf[$0] >= 0x61 && buf[$0] <= 0x7A }
    }

    /// The line opens more round brackets than it closes (its item goes on below: `(BBC Two/Channel` / `4)`).
    static func leavesBracketOpen(_ buf: UnsafeBufferPointer<UInt8>, _ raw: RawLine) -> Bool {
        var depth = 0
        for i in raw.textStart..<raw.textEnd {
            if buf[i] == 0x28 { depth += 1 } else if buf[i] == 0x29 { depth -= 1 }
            // （ ） are EF BC 88 / EF BC 89
            if buf[i] == 0xEF, i + 2 < raw.textEnd, buf[i + 1] == 0xBC { if buf[i + 2] == 0x88 { depth += 1 } else if buf[i + 2] == 0x89 { depth -= 1 } }
        }
        return depth > 0
    }

    /// The page's regions, as ranges of `raws`: a rule, a take mark or a jump line ends one (and
    /// belongs to it), and so do two blank lines or more.
    static func regionSpans(_ buf: UnsafeBufferPointer<UInt8>, _ raws: [RawLine]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var start = 0
        var previousLine: Int?
        for k in raws.indices {
            if case .blank = raws[k].kind { continue }
            // (Blank lines may be in `raws` or only in the gaps between their line numbers.)
            if let p = previousLine, raws[k].line - p > 2, k > start {
                spans.append(start..<k)
                start = k
            }
            previousLine = raws[k].line
            // Furniture lines are short, and only those that may be furniture by their bytes are decoded:
            // a rule opens with a mark, a take mark is a word, a jump line names a page (a figure or 版).
            if isFurniture(buf, raws[k]) {
                spans.append(start..<(k + 1))
                start = k + 1
            }
        }
        if start < raws.count { spans.append(start..<raws.count) }
        return spans
    }

    /// A Chinese line with a full-width comma inside it, at least six tenths of the width long: running
    /// text, not a heading standing alone.
    static func clauseLine(_ buf: UnsafeBufferPointer<UInt8>, _ raw: RawLine, _ wrap: Wrap) -> Bool {
        let (chars, cols) = width(buf, raw.textStart, raw.textEnd)
        guard (wrap.columns ? cols : chars) * 10 >= wrap.width * 6 else { return false }
        var i = raw.textStart
        while i + 2 < raw.textEnd {
            if buf[i] == 0xEF, buf[i + 1] == 0xBC, buf[i + 2] == 0x8C { return true }   // ，
            i += 1
        }
        return false
    }

    /// The line is a rule, a take mark or a jump line (what closes a region).
    static func isFurniture(_ buf: UnsafeBufferPointer<UInt8>, _ raw: RawLine) -> Bool {
        guard raw.isText, raw.textEnd - raw.textStart <= 80, mayBeFurniture(buf, raw) else { return false }
        let t = UTF8Scalar.scalars(buf, SourceRange(raw.textStart, raw.textEnd))
        return Separator.matches(t) || WireMarker.matches(t) || JumpLine.parse(t) != nil
    }

    /// Most text lines of the copy (after the first three, a paper's heading slots) are indented.
    static func mostlyIndented(_ buf: UnsafeBufferPointer<UInt8>, _ raws: [RawLine]) -> Bool {
        var indented = 0, all = 0
        for raw in raws where raw.isText && raw.line >= 3 {
            all += 1
            if isIndented(buf, raw) { indented += 1 }
        }
        return all >= 2 && indented * 2 > all
    }

    struct Wrap {
        let width: Int
        let columns: Bool
    }

    /// The line ran on into the next: it is no longer than the width (one character of slack, for
    /// punctuation kept off a line's start), and the next line's first word would not have fitted on it.
    static func isFull(_ p: Pair, _ wrap: Wrap) -> Bool {
        let slack = wrap.columns ? 2 : 1
        let width = wrap.columns ? p.cols : p.chars
        guard width <= wrap.width + slack else { return false }
        if p.hyphen { return true }
        return width + p.gap + (wrap.columns ? p.wordCols : p.wordChars) > wrap.width - slack
    }

    /// The width the copy is wrapped at, when it is hard-wrapped: measured in characters and in
    /// columns, the one at which more lines are full. Nil for copy that is not wrapped.
    static func wrapWidth(_ pairs: [Pair], indentStarts: Bool, forced: Bool) -> Wrap? {
        // Pairs across a paragraph's indent are paragraph ends, not wraps.
        let inner = indentStarts ? pairs.filter { !$0.nextIndented } : pairs
        guard inner.count >= 2 || (forced && !inner.isEmpty) else { return nil }
        var best: (wrap: Wrap, full: Int)?
        for columns in [false, true] {
            let widths = inner.map { columns ? $0.cols : $0.chars }.sorted()
            // The width most lines reach and few pass: a high percentile (a long URL may overrun).
            let width = widths[min(widths.count - 1, widths.count * 9 / 10)]
            let wrap = Wrap(width: width, columns: columns)
            let full = inner.filter { isFull($0, wrap) }.count
            if best == nil || full > best!.full { best = (wrap, full) }
        }
        guard let best else { return nil }
        if forced { return best.wrap }
        let cols = inner.map(\.cols).sorted()[min(inner.count - 1, inner.count * 9 / 10)]
        // Wrapped prose: most lines full, at a column's width (not a paragraph's), and the lines it
        // breaks go on mid-sentence (a table's rows, short and alike, start anew each time).
        // Three full lines at least: two headlines of a page may be of one length by chance (two
        // will do where each runs on in lower case or through a hyphen, as no headline does).
        let fullPairs = inner.filter { isFull($0, best.wrap) }
        let enough = best.full >= 3 || (best.full == 2 && fullPairs.allSatisfy { $0.hyphen || $0.nextLowercase && !$0.nextCJK })
        // (Lines shorter than half the width say nothing of a wrapper: a list's rows, a results table
        // or a heading stack set among wrapped paragraphs. The share of full lines is taken among the
        // others.)
        let measured = inner.filter { (best.wrap.columns ? $0.cols : $0.chars) * 2 >= best.wrap.width }.count
        guard enough, best.full * 10 >= measured * 6, cols <= 130, best.wrap.width >= 12 else { return nil }
        let full = fullPairs
        let letterStarts = full.filter(\.nextLetter)
        let runOn = letterStarts.filter { $0.nextLowercase || $0.hyphen }.count
        guard letterStarts.count < 4 || runOn * 10 >= letterStarts.count * 3 else { return nil }
        let midSentence = full.filter { !$0.endsSentence }.count
        guard midSentence * 10 >= full.count * 6 else { return nil }
        return best.wrap
    }

    static func mayBeFurniture(_ buf: UnsafeBufferPointer<UInt8>, _ raw: RawLine) -> Bool {
        let s = raw.textStart, e = raw.textEnd
        if e - s <= 8 { return true }
        let first = buf[s]
        // Rule marks outside ASCII (— · • ◆ ＊ ※) lead with E2, C2 or EF; CJK characters do not.
        if first == 0xE2 || first == 0xC2 || first == 0xEF || first == 0x2A || first == 0x2D || first == 0x5F || first == 0x3D || first == 0x7E { return true }
        for i in s..<e where (buf[i] >= 0x30 && buf[i] <= 0x39) || (buf[i] == 0xE7 && i + 2 < e && buf[i + 1] == 0x89 && buf[i + 2] == 0x88) {
            return true
        }
        return false
    }

    /// Paragraphs start with an indent (　　 or spaces) and run on unindented: some text lines are
    /// indented and some are not (copy indented throughout says nothing by its indent).
    static func indentMarksParagraphs(_ buf: UnsafeBufferPointer<UInt8>, _ raws: ArraySlice<RawLine>) -> Bool {
        var indented = 0, flush = 0
        for raw in raws where raw.isText {
            if isIndented(buf, raw) { indented += 1 } else { flush += 1 }
            if indented >= 2, flush >= 2 { return true }
        }
        return false
    }

    /// The lines set flush right above indented lines are full, as a line a wrapper ran on is (where an
    /// indent opens a paragraph, the line above it is the last of the paragraph before, which mostly
    /// stops short): at least twice, and twice as often as not.
    static func hangingIndents(_ buf: UnsafeBufferPointer<UInt8>, _ raws: [RawLine], _ pairs: [Pair], _ wrap: Wrap) -> Bool {
        var full = 0, short = 0
        for p in pairs where p.nextIndented && !isIndented(buf, raws[p.k]) {
            if isFull(p, wrap) { full += 1 } else { short += 1 }
        }
        return full >= 2 && full > 2 * short
    }

    /// An ideographic space, or two spaces (or a tab), before the text.
    static func isIndented(_ buf: UnsafeBufferPointer<UInt8>, _ raw: RawLine) -> Bool {
        let lead = raw.textStart - raw.start
        guard lead > 0 else { return false }
        if lead >= 2 { return true }
        return buf[raw.start] == 0x09
    }

    /// A paper's export: up to three unindented heading lines in the first three lines of the file
    /// (kicker, headline, subtitle; an empty line for one that is absent), then a body whose lines
    /// are indented, a paragraph a line.
    static func isExport(_ buf: UnsafeBufferPointer<UInt8>, _ raws: [RawLine]) -> Bool {
        var top = 0, body = 0, indentedBody = 0
        for raw in raws where raw.isText {
            if raw.line < 3 {
                if isIndented(buf, raw) { return false }
                top += 1
            } else {
                body += 1
                if isIndented(buf, raw) { indentedBody += 1 }
            }
        }
        guard top >= 1, body >= 1, indentedBody * 10 >= body * 7 else { return false }
        // The top lines are headings (no sentence in them), the body's first lines are paragraphs.
        return raws.prefix { $0.line < 3 }.allSatisfy { !$0.isText || $0.textEnd - $0.textStart <= 400 }
    }

    // MARK: - measuring

    static func measure(_ buf: UnsafeBufferPointer<UInt8>, _ raws: [RawLine], _ k: Int) -> Pair {
        let a = raws[k], b = raws[k + 1]
        var p = Pair(k: k)
        (p.chars, p.cols) = width(buf, a.start, a.textEnd)
        // The next line's first unit, what did not fit: a CJK character with the closing punctuation
        // that may not start a line (术。” goes down together), or a Latin word with a lone dash and
        // the word after it (a dash is kept with its neighbours: "debt - which").
        (p.wordChars, p.wordCols) = firstUnit(buf, b.textStart, b.textEnd)
        let first = UTF8Scalar.decode(buf, at: b.textStart).scalar
        p.nextCJK = b.textStart < b.textEnd && isWide(buf, b.textStart, buf[b.textStart])
        p.nextLowercase = CharClass.isASCIILower(first) || (first >= 0x80 && !p.nextCJK && Unicode.Scalar(first)?.properties.isLowercase == true)
        p.nextLetter = !p.nextCJK && CharClass.isAlphabetic(first)
        var back = a.textEnd - 1
        while back > a.textStart, buf[back] & 0xC0 == 0x80 { back -= 1 }
        let last = a.textEnd > a.textStart ? UTF8Scalar.decode(buf, at: back).scalar : 0
        let lastWide = last >= 0x1100 && CharacterData.displayWidth(last) == 2
        p.gap = !lastWide && !p.nextCJK ? 1 : 0
        if last == 0x2D, a.textEnd - a.textStart >= 2, CharClass.isASCIILetter(UInt32(buf[a.textEnd - 2])), CharClass.isASCIILower(first) {
            p.hyphen = true
        }
        p.endsSentence = CharClass.lastSignificantScalar(buf, SourceRange(a.textStart, a.textEnd)).map(isSentenceFinal) ?? false
        p.nextEndsSentence = CharClass.lastSignificantScalar(buf, SourceRange(b.textStart, b.textEnd)).map(isSentenceFinal) ?? false
        p.nextIndented = isIndented(buf, b)
        let open = { (c: UInt32) in CharClass.isAlphabetic(c) || CharClass.isDigit(c) || CharClass.isHan(c) }
        p.endsOpen = CharClass.lastSignificantScalar(buf, SourceRange(a.textStart, a.textEnd)).map(open) ?? false
        p.nextEndsOpen = CharClass.lastSignificantScalar(buf, SourceRange(b.textStart, b.textEnd)).map(open) ?? false
        p.previousAdjacent = k > 0 && raws[k - 1].isText && raws[k - 1].line + 1 == a.line
        // (Only a colon, ：, or the 者 of 记者 can follow the first character of a turn: read from the
        // byte after it, before anything more is decoded.)
        let second = b.textStart + (first < 0x80 ? 1 : 3)
        if first == 0x95EE || first == 0x7B54 || first == 0x8BB0 || first == 0x51 || first == 0x41,
           second < b.textEnd, buf[second] == 0x3A || buf[second] == 0xEF || buf[second] == 0xE8 {
            var head: [UInt32] = [], at = b.textStart
            while head.count < 3, at < b.textEnd {
                let d = UTF8Scalar.decode(buf, at: at)
                head.append(d.scalar)
                at += d.length
            }
            p.nextOpensTurn = TextTraits.interviewTurn(head) != nil
        }
        return p
    }

    /// The width of the first unit of `start..<end` that a wrapper would not split.
    static func firstUnit(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (chars: Int, cols: Int) {
        guard start < end else { return (0, 0) }
        var i = start
        var chars = 0, cols = 0
        func length(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }
        if isWide(buf, i, buf[i]) {
            chars = 1; cols = 2
            i += length(buf[i])
            while i < end {
                let c = UTF8Scalar.decode(buf, at: i).scalar
                guard isNoLineStart(c) else { break }
                chars += 1
                cols += isWide(buf, i, buf[i]) ? 2 : 1
                i += length(buf[i])
            }
            return (chars, cols)
        }
        /// A Latin word from `i`: up to a space or a wide character.
        func word(_ from: Int) -> (end: Int, chars: Int, cols: Int) {
            var j = from, n = 0, w = 0
            while j < end, buf[j] != 0x20, !isWide(buf, j, buf[j]) {
                n += 1
                w += 1
                j += length(buf[j])
            }
            return (j, n, w)
        }
        let first = word(i)
        chars = first.chars; cols = first.cols
        // " - word", " – word", " — word", " -- word"
        let dashAt = first.end + 1
        if first.end < end, buf[first.end] == 0x20, dashAt < end {
            let dash = word(dashAt)
            let text = dash.chars >= 1 && dash.chars <= 2 ? UTF8Scalar.decode(buf, at: dashAt).scalar : 0
            if text == 0x2D || text == 0x2013 || text == 0x2014, dash.end + 1 < end, buf[dash.end] == 0x20 {
                let after = word(dash.end + 1)
                chars += 1 + dash.chars + 1 + after.chars
                cols += 1 + dash.cols + 1 + after.cols
            }
        }
        return (chars, cols)
    }

    /// Punctuation that may not start a line: closing quotes and brackets, and the stops and pauses.
    static func isNoLineStart(_ c: UInt32) -> Bool {
        switch c {
        case 0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0x201D, 0x2019, 0xFF09, 0x300B, 0x300D, 0x300F,
             0x3011, 0x3009, 0x2026, 0x2014, 0xFF0E, 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29:
            return true
        default:
            return false
        }
    }

    static func isSentenceFinal(_ c: UInt32) -> Bool {
        switch c {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2E, 0xFF1B, 0x3B, 0x2026: return true
        default: return false
        }
    }

    /// Characters and terminal columns of `start..<end` (an ideographic space and CJK characters are
    /// wide; general punctuation such as “ ” — is counted narrow, as Western terminals show it).
    static func width(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (chars: Int, cols: Int) {
        var chars = 0, cols = 0
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, tabs: UInt64 = 0x0909_0909_0909_0909
        while i < end {
            let lead = buf[i]
            if lead < 0x80 {
                // Eight ASCII bytes with no tab among them (English copy): eight characters, eight columns.
                if i + 8 <= end {
                    let w = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let x = w ^ tabs
                    if w & highs == 0, (x &- ones) & ~x & highs == 0 {
                        chars += 8
                        cols += 8
                        i += 8
                        continue
                    }
                }
                chars += 1
                cols += lead == 0x09 ? 4 : 1
                i += 1
                continue
            }
            let len = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            chars += 1
            cols += isWide(buf, i, lead) ? 2 : 1
            i += len
        }
        return (chars, cols)
    }

    /// The character at `i` (led by `lead`) is East Asian wide: CJK, kana, Hangul, full-width forms,
    /// the ideographic space, astral ideographs. Told from its first bytes where that is enough.
    @inline(__always)
    static func isWide(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ lead: UInt8) -> Bool {
        if lead < 0xE1 { return false }
        if lead >= 0xF0 { return true }
        if lead == 0xE2 { return false }   // general punctuation, arrows, box drawing, CJK radicals (rare)
        if lead == 0xEF, i + 1 < buf.count {
            // Full-width forms (FF01–FF60, FFE0–FFE6) are wide; half-width katakana and specials are not.
            let second = buf[i + 1]
            return second == 0xBC || (second == 0xBD && i + 2 < buf.count && buf[i + 2] < 0xA1) || second == 0xBF
        }
        return lead >= 0xE3
    }
}

extension RawLine {
    var isText: Bool { if case .text = kind { return true } else { return false } }
}
