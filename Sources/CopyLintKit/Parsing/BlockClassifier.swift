import Foundation

/// Decides what each block is: heading roles, bylines, datelines, captions, labels.
struct BlockClassifier {
    let bytes: [UInt8]

    /// What a block's own text says it is, before headings are settled: its kind as body copy, the
    /// lede marker it opens with, and (for a block short enough to be a heading) whether it is shaped
    /// like a heading line or reads as a sentence. The same answer whoever asks: the parser asks while
    /// it counts each block's scripts (the block's bytes are then in the cache); `classify` asks when
    /// the parser could not (a giant block counted in pieces).
    struct Judgement {
        var kind: BlockKind
        var lede: SourceRange?
        /// Short enough and shaped like a heading line (at most 40 Chinese characters or 12 words) …
        var headingLine = false
        /// … and like a crosshead (at most 8 words).
        var crosshead = false
        /// Two Chinese commas or reported speech: a sentence, whatever its length.
        var sentenceLike = false
    }

    static func judge(_ buf: UnsafeBufferPointer<UInt8>, _ block: Block) -> Judgement {
        judge(buf, block, noting: BlockScripts()).0
    }

    /// The judgement, and `summary` with how the block opens noted from the same reading of its head.
    static func judge(_ buf: UnsafeBufferPointer<UInt8>, _ block: Block, noting summary: BlockScripts) -> (Judgement, BlockScripts) {
        // A long block is running text: no byline, label or headline is that long, so only its
        // head (a lede, a caption's 图为) and tail (a photo credit's 摄) need reading.
        let r = block.textRange
        let text = r.length > shortLimit ? headAndTail(buf, r) : UTF8Scalar.scalars(buf, r)
        var summary = summary
        // A long block's text starts with its first 60 characters: the opening is among them.
        let head = text.prefix(30)
        summary.setOpening((head.first?.value, head.contains { CharClass.isCloserOfEarlierText($0.value) }))
        let (kind, lede) = classifyText(text, block: block)
        var judgement = Judgement(kind: kind, lede: lede)
        // 。 or ； anywhere makes a sentence, not a heading: found in the bytes, before the text is read.
        if couldBeHeading(block), !hasChineseStop(buf, r) {
            judgement.headingLine = TextTraits.looksLikeHeadline(text, maxChinese: 40, maxWords: 12)
            judgement.crosshead = judgement.headingLine && TextTraits.looksLikeHeadline(text, maxChinese: 40, maxWords: 8)
            judgement.sentenceLike = text.filter({ $0 == "，" }).count >= 2 || TextTraits.containsSpeechLead(text)
        }
        return (judgement, summary)
    }

    /// `judgements`: one per block, made by the parser for the blocks that were not headings (nil:
    /// the blocks are judged here).
    func classify(_ blocks: inout [Block], layout: Layout, judgements: [Judgement]? = nil) {
        if layout == .markdown {
            assignMarkdownHeadingRoles(&blocks)
        } else {
            assignPlainHeadingGroup(&blocks)
        }
        var judged = judgements ?? []
        if judgements == nil {
            // Each block is judged on its own text, so a large file's blocks are judged on all cores.
            let chunks = ParallelMap.slices(forBytes: bytes.count)
            let snapshot = blocks
            let perChunk = ParallelMap.run(count: chunks) { c -> [(Int, Judgement)] in
                let lo = snapshot.count * c / chunks, hi = snapshot.count * (c + 1) / chunks
                return bytes.withUnsafeBufferPointer { buf in
                    (lo..<hi).filter { !snapshot[$0].kind.isHeading }.map { ($0, Self.judge(buf, snapshot[$0])) }
                }
            }
            judged = [Judgement](repeating: Judgement(kind: .paragraph, lede: nil), count: blocks.count)
            for chunk in perChunk { for (i, j) in chunk { judged[i] = j } }
        }
        for i in blocks.indices where !blocks[i].kind.isHeading {
            blocks[i].kind = judged[i].kind
            blocks[i].ledeRange = judged[i].lede
        }
        let tp = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        // Subheads without heading markup occur in both layouts.
        assignUnmarkedSubheads(&blocks, judged)
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

    /// Plain layout: the lines before the first blank line are the heading group when
    /// they are short, carry no sentence-final punctuation and copy follows them.
    private func assignPlainHeadingGroup(_ blocks: inout [Block]) {
        guard blocks.count >= 2 else { return }
        var n = 1
        while n < blocks.count, blocks[n].blankLinesBefore == 0 { n += 1 }
        guard n < blocks.count, n <= 4 else { return }
        // Copy that goes on in lower case is a sentence split after its first line, not a headline.
        if let first = scalars(blocks[n]).first, first.properties.isLowercase { return }
        for k in 0..<n {
            let text = scalars(blocks[k])
            // 核心阅读 at the top is a label over a summary, not a headline.
            if !TextTraits.looksLikeHeadline(text) || (TextTraits.isLabel(text) && text.first != "—") { return }
        }
        switch n {
        case 1:
            blocks[0].kind = .headline
        case 2:
            let second = scalars(blocks[1])
            if second.first == "—" || second.first == "-" {
                blocks[0].kind = .headline
                blocks[1].kind = .subtitle
            } else {
                blocks[0].kind = .kicker
                blocks[1].kind = .headline
            }
        default:
            blocks[0].kind = .kicker
            blocks[1].kind = .headline
            for k in 2..<n { blocks[k].kind = .subtitle }
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
        guard blocks[i].kind == .paragraph, Self.couldBeHeading(blocks[i]) else { return false }
        // Crossheads in English copy are a few words; a longer unpunctuated line is a fragment.
        // Two commas or reported speech make a sentence, not a heading.
        guard judged[i].crosshead, !judged[i].sentenceLike else { return false }
        // A subhead introduces copy: running text follows it, directly or after a second subhead line.
        var k = i + 1
        if k < blocks.count, blocks[k].kind == .paragraph, Self.couldBeHeading(blocks[k]), judged[k].headingLine { k += 1 }
        return k < blocks.count && blocks[k].kind == .paragraph && (!Self.couldBeHeading(blocks[k]) || !judged[k].headingLine)
    }

    /// Blocks longer than this many bytes are never headings, bylines or labels.
    static let shortLimit = 360

    private func scalars(_ block: Block) -> [Unicode.Scalar] {
        UTF8Scalar.scalars(bytes, block.textRange)
    }

    /// The first 60 and last 20 scalars of a long block, joined (prefix and suffix tests still hold).
    private static func headAndTail(_ buf: UnsafeBufferPointer<UInt8>, _ r: SourceRange) -> [Unicode.Scalar] {
        var head = 0, i = r.start
        var j = r.end, tail = 0
        return [Unicode.Scalar](unsafeUninitializedCapacity: 81) { out, count in
            while i < r.end, head < 60 {
                let (cp, len) = UTF8Scalar.decode(buf, at: i)
                out.initializeElement(at: head, to: Unicode.Scalar(cp) ?? "\u{FFFD}")
                head += 1
                i += len
            }
            // A gap keeps the two halves from reading as one word.
            out.initializeElement(at: head, to: "\u{2026}")
            // The last 20 scalars: counted backwards first, then decoded forwards into place.
            while j > i, tail < 20 {
                j -= 1
                while j > i, buf[j] & 0xC0 == 0x80 { j -= 1 }
                tail += 1
            }
            var k = head + 1
            while j < r.end, k < head + 1 + tail {
                let (cp, len) = UTF8Scalar.decode(buf, at: j)
                out.initializeElement(at: k, to: Unicode.Scalar(cp) ?? "\u{FFFD}")
                k += 1
                j += len
            }
            count = k
        }
    }

    /// The bytes of 。 (E3 80 82) or ； (EF BC 9B) in `range`: what `TextTraits.hasSentenceStop` finds first.
    private static func hasChineseStop(_ b: UnsafeBufferPointer<UInt8>, _ range: SourceRange) -> Bool {
        var i = range.start
        while i + 2 < range.end {
            let lead = b[i]
            if lead < 0xE0 {
                i += lead < 0x80 ? 1 : 2   // ASCII, or a two-byte character
                continue
            }
            if lead == 0xE3, b[i + 1] == 0x80, b[i + 2] == 0x82 { return true }
            if lead == 0xEF, b[i + 1] == 0xBC, b[i + 2] == 0x9B { return true }
            // Both marks are three bytes and start a character: step from character to character.
            i += lead < 0xF0 ? 3 : 4
        }
        return false
    }

    /// Cheap test before decoding: heading-like lines are short.
    private static func couldBeHeading(_ block: Block) -> Bool { block.textRange.length <= 200 }

    // MARK: - body blocks

    private static func classifyText(_ text: [Unicode.Scalar], block: Block) -> (BlockKind, SourceRange?) {
        if let lede = LedeMarker.match(text) {
            let ledeBytes = String(String.UnicodeScalarView(text[0..<lede.length])).utf8.count
            let range = SourceRange(block.textRange.start, block.textRange.start + ledeBytes)
            if lede.length >= text.count - 1 { return (.dateline, range) }
            return (.paragraph, range)
        }
        if Byline.matches(text) { return (.byline, nil) }
        if Caption.matches(text) { return (.caption, nil) }
        if TextTraits.isLabel(text) { return (.label, nil) }
        return (.paragraph, nil)
    }
}
