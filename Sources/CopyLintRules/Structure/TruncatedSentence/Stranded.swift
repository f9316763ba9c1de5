import CopyLintBase
import CopyLintDocument
import CopyLintEngine

extension TruncatedSentenceRule {
    /// (e) a dateline or byline with no story after it.
    func findStranded(_ s: TruncationScan) {
        let blocks = s.blocks
        for i in blocks.indices where blocks[i].kind == .dateline || blocks[i].kind == .byline {
            var k = i + 1
            while k < blocks.count, blocks[k].kind == .byline || blocks[k].kind == .dateline { k += 1 }
            // A credit line may close a story (letters, columns); a dateline never does.
            let atEnd = k == blocks.count
            // A byline right under the copy is its closing credit (新华社记者 余刚摄 under a picture's
            // caption, a reader's name under a letter), not the head of a story that was cut.
            let closesCopy = blocks[i].kind == .byline && i > 0 && (blocks[i - 1].kind == .paragraph || blocks[i - 1].kind == .caption)
            let stranded = (atEnd && blocks[i].kind == .dateline)
                || (!atEnd && !closesCopy && (blocks[k].kind == .kicker || blocks[k].kind == .headline))
            guard stranded else { continue }
            let what = blocks[i].kind == .dateline ? "dateline" : "byline"
            s.findings.append(Finding(range: blocks[i].textRange,
                                      message: "\(what) with no story after it: the story was cut at a page break"))
        }
    }
}
