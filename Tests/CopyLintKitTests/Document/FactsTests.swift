import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument

/// The facts step: what it notes of each block is what counting each block on its own gives.
final class FactsTests: XCTestCase {
    /// Each block's facts are what a plain count of its characters gives, in small files and in one
    /// large enough to be counted on all cores; a giant block's windows are what counting each gives.
    func testBlockFactsMatchAPlainCount() {
        let paragraphs = ["公司下属的二級单位已完成整改，𠮷野家开业。", "The council met in Αthens and Москва.",
                          "读者可以在手机app上预约ｍ座位，カタカナ也在。", "記者從市政府獲悉這些路線。", "12345 ---", "",
                          "他说：“再见！”）", "”）", "It ends on a quote.\u{2019}\u{201D}",
                          "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十）late closer", "的确如此》"]
        var small = "# 标题\r\n\r\n" + paragraphs.joined(separator: "\r\n\r\n") + "\r\n"
        var large = small
        while large.utf8.count < ParallelMap.parallelThreshold + 1 { large += paragraphs.joined(separator: "\n\n") + "\n\n" }
        small = "\u{FEFF}" + small
        // A block too long to count in one piece: its ending is in the last piece.
        let giant = "# 标题\n\n" + String(repeating: "新闻报道，", count: ParallelMap.parallelThreshold / 10) + "完。”\n"
        for text in [small, large, giant] {
            let d = CopyParser().parse(SourceText(path: "t", bytes: Array(text.utf8)))
            let facts = DocumentFacts(d, computing: .all)
            // A giant block's windows: what counting each window on its own gives.
            for k in d.blocks.indices {
                let windows = facts.windows(of: k)
                XCTAssertEqual(windows != nil, d.blocks[k].textRange.length > TextWindows.giant)
                guard let windows else { continue }
                XCTAssertEqual(windows, TextWindows.split(d.bytes, d.blocks[k].textRange).map { BlockFacts(counting: d.bytes, $0) })
            }
            for (k, block) in d.blocks.enumerated() {
                var han = 0, letters = 0, kana = false, trad = false, simp = false, nonASCII = false
                for s in d.source.string(block.textRange).unicodeScalars {
                    let c = s.value
                    if CharClass.isHan(c) {
                        han += 1
                        trad = trad || CharacterData.isTraditionalOnly(c)
                        simp = simp || CharacterData.isSimplifiedOnly(c)
                    } else if CharClass.isAlphabetic(c) {
                        letters += 1
                        nonASCII = nonASCII || c >= 0x80
                    } else if CharClass.isKana(c) { kana = true }
                }
                let summary = facts.block(k)
                XCTAssertEqual([Int(summary.han), Int(summary.letters)], [han, letters], "block \(k)")
                XCTAssertEqual([summary.hasKana, summary.hasTraditionalOnly, summary.hasSimplifiedOnly, summary.hasNonASCIILetter],
                               [kana, trad, simp, nonASCII], "block \(k)")
                let ending = d.source.string(block.textRange).unicodeScalars.reversed()
                    .first { !CharClass.isSpace($0.value) && !UnicodeDataTests.closingMarks.contains($0.value) }
                XCTAssertEqual(summary.lastSignificantScalar, ending?.value, "block \(k)")
                let head = d.source.string(block.textRange).unicodeScalars.prefix(30).map(\.value)
                XCTAssertEqual(summary.firstScalar, head.first, "block \(k)")
                XCTAssertEqual(summary.hasEarlyCloser, head.contains { "”’」』）)》】".unicodeScalars.map(\.value).contains($0) }, "block \(k)")
            }
        }
    }

    /// A short block whose bytes repeat an earlier one takes its facts uncounted: the same facts as
    /// counting every block, and the same language and variant; each block's byte hash is
    /// `HashIndex.hashBytes` of its text. On the shipped examples, on copy with every kind of block, on
    /// a large file, and on one whose variant (traditional) is decided by a repeated paragraph's counts.
    func testRepeatsTakeTheFactsOfTheirFirstCopy() throws {
        var texts = try ParserTests.variedCopy()
        // One simplified paragraph, then one traditional paragraph repeated: the variant (traditional) is
        // decided by the counts of the repeats, which are taken from the first copy, not counted again.
        let traditional = "記者從市政府獲悉，新的公交路線將於下月開通。\n\n"
        texts.append("这些问题说明经济发展还面临许多困难，需要认真对待这些难题。\n\n"
                     + "专家认为，当前国内经济运行总体平稳，但结构调整压力较大，区域发展还不够协调。\n\n"
                     + "记者从有关部门获悉，这项工作将于明年开始试点，并逐步扩大实施范围。\n\n"
                     + String(repeating: traditional, count: ParallelMap.parallelThreshold / traditional.utf8.count + 1))
        for text in texts {
            let d = CopyParser().parse(SourceText(path: "t", bytes: Array(text.utf8)))
            let facts = DocumentFacts(d, computing: .all)
            let counted = d.blocks.map { BlockFacts(counting: d.bytes, $0.textRange) }
            for k in d.blocks.indices where d.blocks[k].textRange.length <= TextWindows.giant {
                XCTAssertEqual(facts.block(k), counted[k], "block \(k)")
                XCTAssertEqual(facts.byteHash(of: k), d.bytes.withUnsafeBufferPointer { HashIndex.hashBytes($0, d.blocks[k].textRange) })
            }
            // Hashes alone, without counting, are the same hashes.
            let hashesOnly = DocumentFacts(d, computing: .byteHashes)
            XCTAssertEqual(d.blocks.indices.map(hashesOnly.byteHash(of:)), d.blocks.indices.map(facts.byteHash(of:)))
        }
        let last = CopyParser().parse(SourceText(path: "t", bytes: Array(texts.last!.utf8)))
        XCTAssertEqual(DocumentFacts(last, computing: .scripts).chineseVariant, .traditional)
    }
}
