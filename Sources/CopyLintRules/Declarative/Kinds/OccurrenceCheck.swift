import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// `occurrence`: more than `max` matches (or characters) in one block or sentence.
struct OccurrenceCheck: PackKindCheck {
    func findings(_ scan: PackScan) -> [Finding] {
        scan.blocksInScope.flatMap { block($0, scan) }
    }

    private func block(_ block: Block, _ scan: PackScan) -> [Finding] {
        let spec = scan.spec, bytes = scan.bytes
        let units: [SourceRange] = spec.scope == .sentence ? Self.sentences(block, bytes) : [block.textRange]
        var out: [Finding] = []
        for unit in units {
            let count: Int
            if spec.count == "characters" {
                count = ScalarText(bytes, unit).scalars.filter { !CharClass.isSpace($0) }.count
            } else {
                let inUnit = Block(kind: block.kind, range: unit, textRange: unit, firstLine: block.firstLine, lastLine: block.lastLine,
                                   headingLevel: block.headingLevel, blankLinesBefore: 0)
                count = scan.literalMatches(inUnit).count + scan.regexMatches(inUnit).count
            }
            if count > spec.max {
                out.append(Finding(range: unit, message: scan.matcher.message(["count": String(count), "max": String(spec.max)])))
            }
        }
        return out
    }

    /// Sentences of running text: up to and including 。！？!? (and . followed by a space).
    static func sentences(_ block: Block, _ bytes: [UInt8]) -> [SourceRange] {
        let t = ScalarText(bytes, block.textRange)
        var out: [SourceRange] = []
        var start = 0
        var k = 0
        while k < t.count {
            let c = t.scalars[k]
            let ends = c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x21 || c == 0x3F
                || (c == 0x2E && (k + 1 == t.count || t.scalars[k + 1] == 0x20))
            k += 1
            if ends {
                // Closing quotes stay with their sentence.
                while k < t.count, t.scalars[k] == 0x201D || t.scalars[k] == 0x300D || t.scalars[k] == 0x22 { k += 1 }
                out.append(t.range(start, k))
                while k < t.count, CharClass.isSpace(t.scalars[k]) { k += 1 }
                start = k
            }
        }
        if start < t.count { out.append(t.range(start, t.count)) }
        return out
    }
}
