import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Evidence two rules share about a line at a story's end: where every paragraph opens with an
/// indent, a line set flush with no punctuation at all, after a paragraph that ends with a stop, is
/// neither a paragraph's start (it has no indent) nor the rest of one (the paragraph before is
/// complete, and it stops on no mark): it is a heading (鹤岭镇启动夏季山塘清淤 at the foot of a page).
/// misplaced-headline reports it; truncated-sentence leaves it alone.
enum FlushLine {
    static func isUnpunctuatedHeading(_ document: Document, _ facts: DocumentFacts, _ i: Int) -> Bool {
        let blocks = document.blocks
        guard document.layout.indentedParagraphs, i > 0, blocks[i].kind == .paragraph, !blocks[i].isIndented,
              blocks[i - 1].kind == .paragraph, blocks[i - 1].isIndented, blocks[i - 1].article == blocks[i].article,
              blocks[i].textRange.length <= 120 else { return false }
        switch facts.lastSignificantScalar(of: i - 1) {
        case 0x3002, 0xFF01, 0xFF1F, 0x2E, 0x21, 0x3F: break
        default: return false
        }
        let text = UTF8Scalar.scalars(document.bytes, blocks[i].textRange)
        guard (6...30).contains(text.count), text.allSatisfy({ CharClass.isHan($0.value) || $0 == " " || $0 == "\u{3000}" || CharClass.isDigit($0.value) }) else { return false }
        return TextTraits.hanCount(text) >= 6
    }
}
