import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules

final class DuplicateParagraphRuleTests: XCTestCase {
    /// duplicate-paragraph settles byte-for-byte repeats by a hash of their bytes: the findings are the
    /// ones the normalising path gives, for exact, normalised-only, near and short repeats, with BOM,
    /// CRLF and astral text.
    func testDuplicateParagraphByteRepeatsChangeNoFinding() {
        let a = "连日来，志愿者在𠮷祥社区开展垃圾分类宣传活动，入户发放宣传册。"
        let spaced = "连日来， 志愿者在𠮷祥社区开展垃圾分类宣传活动，入户发放宣传册 。"
        let near = "连日来，志愿者在𠮷祥社区开展垃圾分类宣传活动，入户发放了宣传册。"
        let b = "The council raised parking fees in March after a long debate."
        let wide = "Ｔhe council raised parking fees in March after a long debate."
        let paragraphs = [a, b, a, spaced, near, "好。", b, wide, a, "好。", spaced, near, b]
        let text = "\u{FEFF}# 标题\r\n\r\n" + paragraphs.joined(separator: "\r\n\r\n") + "\r\n"
        let document = CopyParser().parse(SourceText(path: "t", bytes: Array(text.utf8)))
        let options = RuleOptions(specs: DuplicateParagraphRule.description.options)
        var withHashes = DuplicateParagraphRule(options: options)
        withHashes.byteRepeats = true
        var without = withHashes
        without.byteRepeats = false
        let context = RuleContext(document: document)
        let found = withHashes.check(context)
        XCTAssertEqual(found, without.check(context))
        XCTAssertGreaterThanOrEqual(found.count, 8)
    }

    /// duplicate-paragraph does not read a giant block alone in its file when a lower bound of its
    /// normalised length rules out every other block: the bound never exceeds the true length.
    func testGiantBlockLengthBoundNeverExceedsTheNormalisedLength() {
        let pieces = ["a", " ", "\u{3000}", "中", "。", "𠮷", "ｍ", "\u{A0}", "B", "\t", "é"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let bytes = Array((0..<Int.random(in: 0...80, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined().utf8)
            let range = SourceRange(0, bytes.count)
            let length = Normalizer.scalars(bytes, range).count
            for limit in [0, 5, 20, 40] where DuplicateParagraphRule.surelyLonger(bytes, range, than: limit) {
                XCTAssertGreaterThan(length, limit)
            }
        }
        // Two giant blocks with the same text are still one repeat of the other.
        let (line, _) = GiantBlockTests.giantLine(insert: "", at: -1)
        let document = CopyParser().parse(SourceText(path: "t.txt", string: line + "\n\n" + line + "\n"))
        XCTAssertEqual(document.blocks.count, 2)
        let rule = DuplicateParagraphRule(options: RuleOptions(specs: DuplicateParagraphRule.description.options))
        XCTAssertEqual(rule.check(RuleContext(document: document)).map(\.range), [document.blocks[1].textRange])
        let alone = CopyParser().parse(SourceText(path: "t.txt", string: line + "\n\n第1条。\n"))
        XCTAssertEqual(rule.check(RuleContext(document: alone)), [])
    }
}
