import Foundation
import CopyLintBase

extension BlockClassifier {
    /// What a block's own text says it is, before headings are settled: its kind as body copy, the
    /// lede marker it opens with, and (for a block short enough to be a heading) whether it is shaped
    /// like a heading line or reads as a sentence.
    struct Judgement {
        var kind: BlockKind
        var lede: SourceRange?
        /// Short enough and shaped like a heading line (at most 40 Chinese characters or 12 words) …
        var headingLine = false
        /// … and like a crosshead (at most 8 words).
        var crosshead = false
        /// Two Chinese commas or reported speech: a sentence, whatever its length.
        var sentenceLike = false
        /// An interview's question (问：…, Q: …).
        var question = false
        /// A short line with no stop of any kind in it (at most 24 characters).
        var brief = false
    }

    /// The judgement of one block.
    static func judge(_ buf: UnsafeBufferPointer<UInt8>, _ block: Block) -> Judgement {
        // A long block is running text: no byline, label or headline is that long, so only its
        // head (a lede, a caption's 图为) and tail (a photo credit's 摄) need reading.
        let r = block.textRange
        let text = r.length > shortLimit ? headAndTail(buf, r) : UTF8Scalar.scalars(buf, r)
        let (kind, lede) = classifyText(text, block: block)
        var judgement = Judgement(kind: kind, lede: lede)
        // 。 or ； anywhere makes a sentence, not a heading: found in the bytes, before the text is read.
        // An interview's turn (问：…？, Q: …) is copy, whatever its length.
        let turn = TextTraits.interviewTurn(text)
        judgement.question = turn == .question
        if couldBeHeading(block), !hasChineseStop(buf, r), turn == nil {
            judgement.brief = text.count <= 24 && !text.contains(where: { "。！？.!?；;".unicodeScalars.contains($0) })
            judgement.headingLine = TextTraits.looksLikeHeadline(text, maxChinese: 40, maxWords: 12)
            judgement.crosshead = judgement.headingLine && TextTraits.looksLikeHeadline(text, maxChinese: 40, maxWords: 8)
            judgement.sentenceLike = text.filter({ $0 == "，" }).count >= 2 || TextTraits.containsSpeechLead(text)
        }
        return judgement
    }

    /// Every block's judgement (a Markdown heading's is not read: its markup says what it is), in
    /// slices on all cores for a large file. A short block with the same bytes as one judged before in
    /// its slice (a repeated paragraph, a recurring credit line) takes that judgement, its lede moved.
    static func judgeAll(_ bytes: [UInt8], _ blocks: [Block]) -> [Judgement] {
        let chunks = ParallelMap.slices(forBytes: bytes.count)
        var judged = [Judgement](repeating: Judgement(kind: .paragraph, lede: nil), count: blocks.count)
        judged.withUnsafeMutableBufferPointer { storage in
            nonisolated(unsafe) let out = storage
            bytes.withUnsafeBufferPointer { buffer in
                nonisolated(unsafe) let buf = buffer
                _ = ParallelMap.run(count: chunks) { c -> Int in
                    var seen = HashIndex()              // hash of a short block's bytes -> its index
                    for k in (blocks.count * c / chunks)..<(blocks.count * (c + 1) / chunks) where !blocks[k].kind.isHeading {
                        let r = blocks[k].textRange
                        guard r.length <= shortLimit else {
                            out[k] = judge(buf, blocks[k])
                            continue
                        }
                        let hash = HashIndex.hashBytes(buf, r)
                        let prior = Int(seen.find(hash))
                        if prior >= 0 {
                            let p = blocks[prior].textRange
                            if p.length == r.length, memcmp(buf.baseAddress! + p.start, buf.baseAddress! + r.start, r.length) == 0 {
                                var verdict = out[prior]
                                let shift = r.start - p.start
                                verdict.lede = verdict.lede.map { SourceRange($0.start + shift, $0.end + shift) }
                                out[k] = verdict
                                continue
                            }
                        }
                        out[k] = judge(buf, blocks[k])
                        // (Different bytes under the same hash keep the entry that was there.)
                        _ = seen.insert(hash, Int32(k))
                    }
                    return 0
                }
            }
        }
        return judged
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

    // MARK: - body blocks

    private static func classifyText(_ text: [Unicode.Scalar], block: Block) -> (BlockKind, SourceRange?) {
        if text.count <= 60 {
            if WireMarker.matches(text) || WireSlug.matches(text) || WireTimestamp.matches(text) { return (.marker, nil) }
            if Separator.matches(text) { return (.separator, nil) }
            if JumpLine.parse(text) != nil { return (.jump, nil) }
        }
        if let lede = LedeMarker.match(text) {
            let ledeBytes = text[0..<lede.length].reduce(0) { $0 + UTF8.width($1) }
            let range = SourceRange(block.textRange.start, block.textRange.start + ledeBytes)
            if lede.length >= text.count - 1 { return (.dateline, range) }
            return (.paragraph, range)
        }
        if Byline.matches(text) { return (.byline, nil) }
        if Caption.matches(text) { return (.caption, nil) }
        if text.count <= 120, Breadcrumb.matches(text) { return (.label, nil) }
        if TextTraits.isLabel(text) { return (.label, nil) }
        // (An event's entry is short: a long block's head and tail are not read for one.)
        if ListingRow.matches(text) || (block.textRange.length <= 320 && ListingRow.isEventEntry(text)) { return (.listing, nil) }
        return (.paragraph, nil)
    }
}
