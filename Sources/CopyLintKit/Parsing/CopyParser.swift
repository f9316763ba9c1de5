import Foundation

/// Turns copy as newsroom systems export it into a `Document`.
///
/// Two layouts are understood:
/// - Markdown-style: `#`, `##`, `###` headings; blocks separated by blank lines,
///   the lines of one block joined into one paragraph.
/// - plain: headline lines, a blank line, then paragraphs; each non-blank line is
///   its own block, optionally indented with ideographic spaces (U+3000).
///
/// Lines that are whole HTML comments (`<!-- … -->`) or start with `%%` are not
/// copy; they are kept as `comments` for inline directives.
public struct CopyParser: Sendable {
    /// Blocks are judged for the classifier during the language pass (off: the classifier judges them
    /// afterwards, as it does for a giant block; the two must agree, and a test holds them to it).
    var judgesWhileCounting = true

    public init() {}

    public func parse(_ source: SourceText) -> Document {
        let bytes = source.bytes
        var tp = DispatchTime.now().uptimeNanoseconds
        func lap(_ w: String) { if Profile.enabled { Profile.report(w, since: tp); tp = DispatchTime.now().uptimeNanoseconds } }
        let lines = source.lines
        // Lines are classified one by one, in slices on all cores for a large file. Blank lines are
        // not kept (a file of a million empty lines keeps nothing): they are the gaps between the
        // line numbers of the lines kept.
        let slices = ParallelMap.slices(forBytes: bytes.count)
        let parts = ParallelMap.run(count: slices) { c -> (raws: [RawLine], comments: [CommentLine], markdown: Bool) in
            let lo = lines.count * c / slices, hi = lines.count * (c + 1) / slices
            var raws: [RawLine] = []
            var comments: [CommentLine] = []
            var markdown = false
            bytes.withUnsafeBufferPointer { buf in
                for i in lo..<hi {
                    let raw = RawLine.classify(buf, line: i, start: lines.lineStarts[i], end: lines.contentEnds[i])
                    switch raw.kind {
                    case .blank: continue
                    case .heading: markdown = true
                    case .comment:
                        comments.append(CommentLine(range: SourceRange(raw.start, raw.end), text: RawLine.commentText(buf, raw), line: i))
                    case .text: break
                    }
                    raws.append(raw)
                }
            }
            return (raws, comments, markdown)
        }
        let raws = parts.count == 1 ? parts[0].raws : parts.flatMap(\.raws)
        let comments = parts.flatMap(\.comments)
        let markdown = parts.contains { $0.markdown }
        let layout: Layout = markdown ? .markdown : .plain
        lap("raw lines")
        var blocks = makeBlocks(raws, layout: layout)
        lap("blocks")
        // Judged on the copy only: comments and directives do not count.
        let (language, variant, scripts, windowScripts, judgements, hashes) = detectLanguage(bytes, blocks)
        lap("language")
        let classifier = BlockClassifier(bytes: bytes)
        classifier.classify(&blocks, layout: layout, judgements: judgements)
        lap("classify")
        let articles = groupArticles(&blocks)
        lap("articles")
        return Document(source: source, blocks: blocks, articles: articles, layout: layout,
                        language: language, chineseVariant: variant, comments: comments, scripts: scripts,
                        windowScripts: windowScripts, byteHashes: hashes)
    }

    private func makeBlocks(_ raws: [RawLine], layout: Layout) -> [Block] {
        // Counted first, so that the array is allocated once at its size (a doubling array of a large
        // file's blocks would hold up to twice the memory).
        // (`raws` holds the lines that are not blank: a gap in their line numbers is blank lines.)
        var count = 0
        var previousText = false
        var previousLine = -1
        for raw in raws {
            if raw.line != previousLine + 1 { previousText = false }
            previousLine = raw.line
            switch raw.kind {
            case .heading: count += 1; previousText = false
            case .text: if !previousText || layout != .markdown { count += 1 }; previousText = true
            case .blank, .comment: previousText = false
            }
        }
        var blocks: [Block] = []
        blocks.reserveCapacity(count)
        var blank = 0
        previousLine = -1
        var i = 0
        while i < raws.count {
            let raw = raws[i]
            blank += raw.line - previousLine - 1
            switch raw.kind {
            case .blank:
                blank += 1
                previousLine = raw.line
                i += 1
            case .comment:
                previousLine = raw.line
                i += 1
            case .heading(let level):
                blocks.append(Block(kind: .headline, range: SourceRange(raw.start, raw.end),
                                    textRange: SourceRange(raw.textStart, raw.textEnd), firstLine: raw.line, lastLine: raw.line,
                                    headingLevel: Int(level), blankLinesBefore: blank))
                blank = 0
                previousLine = raw.line
                i += 1
            case .text:
                var j = i
                if layout == .markdown {
                    // A Markdown paragraph runs until a blank line, a heading or a comment.
                    while j + 1 < raws.count, case .text = raws[j + 1].kind, raws[j + 1].line == raws[j].line + 1 { j += 1 }
                }
                blocks.append(Block(kind: .paragraph, range: SourceRange(raw.start, raws[j].end),
                                    textRange: SourceRange(raw.textStart, max(raw.textStart, raws[j].textEnd)),
                                    firstLine: raw.line, lastLine: raws[j].line, headingLevel: 0, blankLinesBefore: blank))
                blank = 0
                previousLine = raws[j].line
                i = j + 1
            }
        }
        return blocks
    }

    /// A new article starts at a heading group that holds a kicker or headline, or at a
    /// paragraph opening with a lede marker, once the current article has body text.
    private func groupArticles(_ blocks: inout [Block]) -> [Article] {
        var articles: [Article] = []
        var start = 0
        var hasBody = false
        for i in blocks.indices {
            let block = blocks[i]
            let opensStory: Bool
            switch block.kind {
            case .kicker, .headline:
                opensStory = i == 0 || !blocks[i - 1].kind.isHeading
            case .dateline:
                opensStory = true
            case .paragraph:
                opensStory = block.ledeRange != nil
            default:
                opensStory = false
            }
            if opensStory, hasBody, i > start {
                // Keep a byline, and before a lede the headline group, with the story they open.
                var cut = i
                func belongsToOpener(_ previous: Block) -> Bool {
                    if previous.kind == .byline { return true }
                    return block.kind == .paragraph && previous.kind.isHeading && previous.kind != .subhead
                }
                while cut > start, belongsToOpener(blocks[cut - 1]) { cut -= 1 }
                if cut > start {
                    articles.append(Article(blocks: start..<cut))
                    start = cut
                    hasBody = false
                }
            }
            if block.kind == .paragraph || block.kind == .caption { hasBody = true }
        }
        if start < blocks.count || articles.isEmpty {
            articles.append(Article(blocks: start..<blocks.count))
        }
        for (n, article) in articles.enumerated() {
            for i in article.blocks { blocks[i].article = n }
        }
        return articles
    }

    /// Chinese when Han characters carry at least as much as the Latin letters (a character
    /// weighs about a four-letter word); traditional when traditional-only characters are
    /// common (們, 這, 說 …) and outnumber simplified-only ones two to one. The same pass keeps a
    /// script summary of each block for the rules.
    /// Each block that is not a heading is also judged for the classifier while its bytes are at hand
    /// (not when a giant block is counted in pieces: the classifier then judges the blocks itself).
    private func detectLanguage(_ bytes: [UInt8], _ blocks: [Block])
        -> (Language, ChineseVariant?, [BlockScripts], [Int: [BlockScripts]], [BlockClassifier.Judgement]?, [UInt64]) {
        // Counts add up: a large file is counted in slices on all cores.
        let chunks = ParallelMap.slices(forBytes: bytes.count)
        // A giant block (a file without line breaks) is counted in pieces: the windows the rules read
        // it in (`TextWindows.split`), whose summaries are kept for them.
        var pieces: [(block: Int, range: SourceRange)]? = nil
        if chunks > 1, blocks.contains(where: { $0.textRange.length > TextWindows.giant }) {
            pieces = blocks.indices.flatMap { k -> [(block: Int, range: SourceRange)] in
                TextWindows.split(bytes, blocks[k].textRange).map { (k, $0) }
            }
        }
        let count = pieces?.count ?? blocks.count
        var totals: [ScriptTotals] = []
        // Each slice writes the summaries (and judgements) of its own blocks (or pieces) into one array.
        let judging = pieces == nil && judgesWhileCounting
        var judgements: [BlockClassifier.Judgement]? = nil
        // Judging, each block's bytes are hashed too (for repeats here, and for duplicate-paragraph).
        var hashes: [UInt64] = []
        var perPiece = [BlockScripts](unsafeUninitializedCapacity: count) { storage, initialized in
            nonisolated(unsafe) let out = storage
            let ranges = pieces
            hashes = [UInt64](unsafeUninitializedCapacity: judging ? count : 0) { hashStorage, hashCount in
                nonisolated(unsafe) let hashed = hashStorage
                let made = [BlockClassifier.Judgement](unsafeUninitializedCapacity: judging ? count : 0) { judged, judgedCount in
                    nonisolated(unsafe) let verdicts = judged
                    totals = ParallelMap.run(count: chunks) { c in
                        let lo = count * c / chunks, hi = count * (c + 1) / chunks
                        // A short block with the same bytes as one counted and judged before in this slice
                        // (a repeated paragraph, a recurring credit line) takes that block's summary, counts
                        // and judgement: the text decides them all.
                        var judgedText = HashIndex()                  // hash of the bytes -> entry in `judged`
                        var judged: [(block: Int, counts: ScriptTotals)] = []
                        var hash: UInt64 = 0                          // of the block being counted
                        return Self.countScripts(bytes, lo..<hi, { ranges?[$0].range ?? blocks[$0].textRange }, into: out,
                                                 judgeBlocks: judging, repeatOf: { k, buf in
                            let r = blocks[k].textRange
                            hash = HashIndex.hashBytes(buf, r)
                            (hashed.baseAddress! + k).initialize(to: hash)
                            guard !blocks[k].kind.isHeading, r.length <= BlockClassifier.shortLimit else { return nil }
                            let seen = judgedText.find(hash)
                            guard seen >= 0 else { return nil }
                            let prior = judged[Int(seen)]
                            let p = blocks[prior.block].textRange
                            guard p.length == r.length, memcmp(buf.baseAddress! + p.start, buf.baseAddress! + r.start, r.length) == 0 else { return nil }
                            var verdict = verdicts[prior.block]
                            let shift = r.start - p.start
                            verdict.lede = verdict.lede.map { SourceRange($0.start + shift, $0.end + shift) }
                            (verdicts.baseAddress! + k).initialize(to: verdict)
                            return prior
                        }) { k, buf, summary, counts in
                            var verdict: BlockClassifier.Judgement
                            let r = blocks[k].textRange
                            if blocks[k].kind.isHeading {
                                verdict = BlockClassifier.Judgement(kind: blocks[k].kind, lede: nil)
                                summary.setOpening(CharClass.opening(buf, r))
                            } else {
                                (verdict, summary) = BlockClassifier.judge(buf, blocks[k], noting: summary)
                                // (Different bytes under the same hash keep the entry that was there.)
                                if r.length <= BlockClassifier.shortLimit, judgedText.insert(hash, Int32(judged.count)) < 0 {
                                    judged.append((k, counts))
                                }
                            }
                            (verdicts.baseAddress! + k).initialize(to: verdict)
                        }
                    }
                    judgedCount = judging ? count : 0
                }
                if judging { judgements = made }
                hashCount = judging ? count : 0
            }
            initialized = count
        }
        var windows: [Int: [BlockScripts]] = [:]
        if let pieces {
            var merged = [BlockScripts](repeating: BlockScripts(), count: blocks.count)
            for (k, piece) in pieces.enumerated() {
                merged[piece.block].merge(perPiece[k])
                if blocks[piece.block].textRange.length > TextWindows.giant { windows[piece.block, default: []].append(perPiece[k]) }
            }
            perPiece = merged
        }
        let sum = totals.reduce(into: ScriptTotals()) { $0.add($1) }
        guard sum.han > 0, sum.han * 4 >= sum.latin else { return (.english, nil, perPiece, windows, judgements, hashes) }
        let variant: ChineseVariant = sum.trad >= 2 * sum.simp && sum.trad * 12 >= sum.han ? .traditional : .simplified
        return (.chinese, variant, perPiece, windows, judgements, hashes)
    }

    /// Whole-file counts for the language decision (Latin here means ASCII letters only).
    fileprivate struct ScriptTotals {
        var han = 0, latin = 0, trad = 0, simp = 0
        mutating func add(_ o: ScriptTotals) { han += o.han; latin += o.latin; trad += o.trad; simp += o.simp }
    }

    /// With `judgeBlocks`, `then` is called after each item is counted, with the bytes at hand and the
    /// item's counts, and notes how the item opens in its summary; `repeatOf` may name an earlier item
    /// of these with the same text (and its counts), whose summary the item then takes uncounted.
    fileprivate static func countScripts(_ bytes: [UInt8], _ items: Range<Int>, _ rangeOf: (Int) -> SourceRange,
                                         into out: UnsafeMutableBufferPointer<BlockScripts>, judgeBlocks: Bool = false,
                                         repeatOf: (Int, UnsafeBufferPointer<UInt8>) -> (block: Int, counts: ScriptTotals)? = { _, _ in nil },
                                         then: (Int, UnsafeBufferPointer<UInt8>, inout BlockScripts, ScriptTotals) -> Void = { _, _, _, _ in })
        -> ScriptTotals {
        var totals = ScriptTotals()
        // One access to the character table for the whole loop, not one per character; below
        // U+10000 one byte of it says script and variant at once.
        let bmp = CharacterData.BMP.shared
        let han3 = UInt8(Script.han.rawValue)
        let latin = UInt8(Script.latin.rawValue), greek = UInt8(Script.greek.rawValue), cyrillic = UInt8(Script.cyrillic.rawValue)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        bmp.table.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { buf in
                for item in items {
                    if judgeBlocks, let prior = repeatOf(item, buf) {
                        (out.baseAddress! + item).initialize(to: out[prior.block])
                        totals.add(prior.counts)
                        continue
                    }
                    let range = rangeOf(item)
                    var han = 0, ascii = 0, letters = 0, trad = 0, simp = 0, kana = false, anyTrad = false, anySimp = false
                    var i = range.start
                    while i < range.end {
                        let b = buf[i]
                        if b < 0x80 {
                            // Eight ASCII bytes at a time (English copy): with 0x20 set, a letter is a byte
                            // from 0x61 to 0x7A, found by two additions that carry into the top bit.
                            if i + 8 <= range.end {
                                let w = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
                                if w & highs == 0 {
                                    let x = w | (ones &* 0x20)
                                    let from61 = (x &+ ones &* 0x1F) & highs, from7B = (x &+ ones &* 0x05) & highs
                                    ascii &+= (from61 & ~from7B).nonzeroBitCount
                                    i += 8
                                    continue
                                }
                            }
                            ascii &+= (b | 0x20) &- 0x61 < 26 ? 1 : 0
                            i += 1
                            continue
                        }
                        // Two Han characters in a row (most of Chinese): counted from one eight-byte read.
                        if i + 8 <= range.end {
                            if case let (a, b)? = UTF8Scalar.twoThreeByte(buf, at: i) {
                                let va = table[Int(a)], vb = table[Int(b)]
                                if va & 0x0F == han3, vb & 0x0F == han3 {
                                    han &+= 2
                                    trad &+= Int(va >> 6 & 1) + Int(vb >> 6 & 1)
                                    simp &+= Int(va >> 7 & ~(va >> 6) & 1) + Int(vb >> 7 & ~(vb >> 6) & 1)
                                    anyTrad = anyTrad || (va | vb) & 0x40 != 0
                                    anySimp = anySimp || (va | vb) & 0x80 != 0
                                    i += 6
                                    continue
                                }
                            }
                        }
                        let (cp, len) = UTF8Scalar.decode(buf, at: i)
                        i += len
                        if cp < 0x10000 {
                            let v = table[Int(cp)]
                            let script = v & 0x0F
                            if script == han3 {
                                // A Han character is counted without a branch on its variant.
                                han &+= 1
                                trad &+= Int(v >> 6 & 1)
                                simp &+= Int(v >> 7 & ~(v >> 6) & 1)
                                anyTrad = anyTrad || v & 0x40 != 0
                                anySimp = anySimp || v & 0x80 != 0
                            } else if script == latin || script == greek || script == cyrillic {
                                // The table says the script; only these scripts hold letters that count.
                                if CharClass.isAlphabetic(cp) { letters += 1 }
                            } else if CharClass.isKana(cp) {
                                kana = true
                            }
                        } else if bmp.script(cp) == .han {
                            han += 1
                            let t = bmp.isTraditionalOnly(cp), s = bmp.isSimplifiedOnly(cp)
                            if t { trad += 1 } else if s { simp += 1 }
                            anyTrad = anyTrad || t
                            anySimp = anySimp || s
                        } else if CharClass.isAlphabetic(cp) { letters += 1 } else if CharClass.isKana(cp) { kana = true }
                    }
                    var summary = BlockScripts()
                    summary.add(han: han, letters: ascii + letters, kana: kana, traditional: anyTrad, simplified: anySimp,
                                nonASCIILetter: letters > 0)
                    // How the block starts and ends, read while its bytes are still in the cache.
                    summary.setEnding(CharClass.lastSignificantScalar(buf, range))
                    if judgeBlocks {
                        // The judgement reads the block's head and notes how it opens.
                        then(item, buf, &summary, ScriptTotals(han: han, latin: ascii, trad: trad, simp: simp))
                    } else {
                        summary.setOpening(CharClass.opening(buf, range))
                    }
                    (out.baseAddress! + item).initialize(to: summary)
                    totals.han += han
                    totals.latin += ascii
                    totals.trad += trad
                    totals.simp += simp
                }
            }
        }
        return totals
    }
}

extension BlockScripts {
    /// The summary of one stretch of text, counted as the parser counts each block (for a giant
    /// block's windows, and for documents not made by the parser).
    init(counting bytes: [UInt8], _ range: SourceRange) {
        var summary = BlockScripts()
        withUnsafeMutablePointer(to: &summary) { p in
            _ = CopyParser.countScripts(bytes, 0..<1, { _ in range }, into: UnsafeMutableBufferPointer(start: p, count: 1))
        }
        self = summary
    }
}

/// One source line, classified before blocks are formed.
struct RawLine {
    enum Kind {
        case blank
        case comment
        case heading(UInt8)
        case text
    }

    // One per line of a file that may have millions: offsets in 32 bits (files up to 4 GB), 24 bytes a line.
    let kind: Kind
    private let start32: UInt32, end32: UInt32, textStart32: UInt32, textEnd32: UInt32, line32: UInt32
    /// The line's number, from 0.
    var line: Int { Int(line32) }
    var start: Int { Int(start32) }
    var end: Int { Int(end32) }
    var textStart: Int { Int(textStart32) }
    var textEnd: Int { Int(textEnd32) }

    init(kind: Kind, line: Int, start: Int, end: Int, textStart: Int, textEnd: Int) {
        self.kind = kind
        line32 = UInt32(truncatingIfNeeded: line)
        start32 = UInt32(truncatingIfNeeded: start)
        end32 = UInt32(truncatingIfNeeded: end)
        textStart32 = UInt32(truncatingIfNeeded: textStart)
        textEnd32 = UInt32(truncatingIfNeeded: textEnd)
    }

    /// The words of a comment line: inside `<!-- … -->`, or after `%%`.
    static func commentText(_ buf: UnsafeBufferPointer<UInt8>, _ raw: RawLine) -> String {
        let s = raw.textStart, e = raw.textEnd
        let inner = buf[s] == 0x25 ? s + 2..<e : s + 4..<e - 3
        return String(decoding: UnsafeBufferPointer(rebasing: buf[inner]), as: UTF8.self).trimmingSpaces()
    }

    static func classify(_ buf: UnsafeBufferPointer<UInt8>, line: Int, start: Int, end: Int) -> RawLine {
        var s = start
        // Leading white space: ASCII space/tab, U+3000 (E3 80 80), U+00A0 (C2 A0).
        while s < end {
            if buf[s] == 0x20 || buf[s] == 0x09 { s += 1; continue }
            if s + 2 < end, buf[s] == 0xE3, buf[s + 1] == 0x80, buf[s + 2] == 0x80 { s += 3; continue }
            if buf[s] == 0xC2, s + 1 < end, buf[s + 1] == 0xA0 { s += 2; continue }
            break
        }
        var e = end
        while e > s {
            if buf[e - 1] == 0x20 || buf[e - 1] == 0x09 { e -= 1; continue }
            if e - 3 >= s, buf[e - 3] == 0xE3, buf[e - 2] == 0x80, buf[e - 1] == 0x80 { e -= 3; continue }
            if e - 2 >= s, buf[e - 2] == 0xC2, buf[e - 1] == 0xA0 { e -= 2; continue }
            break
        }
        if s == e { return RawLine(kind: .blank, line: line, start: start, end: end, textStart: s, textEnd: s) }
        // <!-- … --> on a line of its own
        if e - s >= 7, buf[s] == 0x3C, buf[s + 1] == 0x21, buf[s + 2] == 0x2D, buf[s + 3] == 0x2D,
           buf[e - 1] == 0x3E, buf[e - 2] == 0x2D, buf[e - 3] == 0x2D {
            return RawLine(kind: .comment, line: line, start: start, end: end, textStart: s, textEnd: e)
        }
        // %% directive line for plain copy
        if e - s >= 2, buf[s] == 0x25, buf[s + 1] == 0x25 {
            return RawLine(kind: .comment, line: line, start: start, end: end, textStart: s, textEnd: e)
        }
        // ATX heading: 1-6 '#' then a space (or the end of the line).
        if buf[s] == 0x23, s == start {
            var h = s
            while h < e, buf[h] == 0x23 { h += 1 }
            let level = h - s
            if level <= 6, h == e || buf[h] == 0x20 || buf[h] == 0x09 {
                var t = h
                while t < e, buf[t] == 0x20 || buf[t] == 0x09 { t += 1 }
                // Closing #s are part of the markup.
                var te = e
                while te > t, buf[te - 1] == 0x23 { te -= 1 }
                while te > t, buf[te - 1] == 0x20 { te -= 1 }
                return RawLine(kind: .heading(UInt8(level)), line: line, start: start, end: end, textStart: t, textEnd: te)
            }
        }
        return RawLine(kind: .text, line: line, start: start, end: end, textStart: s, textEnd: e)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let f = scalars.first, f.isWhitespace { scalars = scalars.dropFirst() }
        while let l = scalars.last, l.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
