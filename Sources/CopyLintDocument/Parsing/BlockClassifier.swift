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
            blocks[i].kind = judged[i].kind
            blocks[i].ledeRange = judged[i].lede
        }
        let tp = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        // Subheads without heading markup occur in both layouts.
        assignUnmarkedSubheads(&blocks, judged)
        if layout.markup == .plain { promoteStoryHeadings(&blocks) }
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
        guard blocks.count >= 2 else { return }
        var n = 1
        while n < blocks.count, blocks[n].blankLinesBefore == 0, !(indentedBody && blocks[n].isIndented && !blocks[0].isIndented) { n += 1 }
        if n == blocks.count || n > 4 {
            // No blank line or indent ends the group (copy a paragraph a line, nothing between): the
            // heading lines are the leading lines shaped like headings, before the first paragraph.
            n = 0
            while n < min(4, blocks.count), blocks[n].textRange.length <= 200, TextTraits.looksLikeHeadline(scalars(blocks[n])) { n += 1 }
            guard n >= 1, n < blocks.count, blocks[n].textRange.length > 200 || !TextTraits.looksLikeHeadline(scalars(blocks[n])) else { return }
        }
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

    /// A run of unmarked headings that opens a story on a page of several: it follows a rule between
    /// stories or a page's gap (two blank lines or more), or a byline, dateline or lede follows it. It is
    /// a heading group (kicker, headline, subtitles), not a section's subheads.
    private func promoteStoryHeadings(_ blocks: inout [Block]) {
        var i = 1
        while i < blocks.count {
            guard blocks[i].kind == .subhead, blocks[i].headingLevel == 0 else { i += 1; continue }
            var j = i
            while j + 1 < blocks.count, blocks[j + 1].kind == .subhead, blocks[j + 1].headingLevel == 0,
                  blocks[j + 1].blankLinesBefore <= 1 { j += 1 }
            let previous = blocks[i - 1]
            let afterGap = previous.kind == .separator || previous.kind == .marker || blocks[i].blankLinesBefore >= 2
            let next = j + 1 < blocks.count ? blocks[j + 1] : nil
            let opener = next.map { $0.kind == .byline || $0.kind == .dateline || $0.ledeRange != nil } ?? false
            // Where paragraphs are indented and subheads with them, a heading set flush left between
            // indented paragraphs is a story's (a page may indent one story's copy and not another's).
            let flush = !blocks[i].isIndented && previous.kind == .paragraph && previous.isIndented
                && next.map { $0.kind == .paragraph && $0.isIndented } == true
            if afterGap || opener || flush {
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

    /// Blocks longer than this many bytes are never headings, bylines or labels.
    static let shortLimit = 360

    private func scalars(_ block: Block) -> [Unicode.Scalar] {
        UTF8Scalar.scalars(bytes, block.textRange)
    }

    /// Cheap test before decoding: heading-like lines are short.
    static func couldBeHeading(_ block: Block) -> Bool { block.textRange.length <= 200 }
}
