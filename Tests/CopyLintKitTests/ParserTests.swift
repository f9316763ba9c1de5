import XCTest
@testable import CopyLintKit

final class ParserTests: XCTestCase {
    func parse(_ text: String) -> Document { CopyParser().parse(SourceText(path: "t.txt", string: text)) }

    func kinds(_ d: Document) -> [BlockKind] { d.blocks.map(\.kind) }

    func testMarkdownHeadingGroupBylineAndBody() {
        let d = parse("""
            ### 冬季供暖季前瞻
            # 城北热电厂完成扩容改造
            ## 新增供热面积三百万平方米

            □ 本报记者 林小川

            本报讯 记者张蓓 城北热电厂扩容改造工程昨日通过验收。

            ### 管网同步更新

            改造同步更新了老旧管网。
            """)
        XCTAssertEqual(d.layout, .markdown)
        XCTAssertEqual(d.language, .chinese)
        XCTAssertEqual(kinds(d), [.kicker, .headline, .subtitle, .byline, .paragraph, .subhead, .paragraph])
        XCTAssertEqual(d.text(d.blocks[1]), "城北热电厂完成扩容改造")
        XCTAssertEqual(d.source.string(d.blocks[4].ledeRange!), "本报讯 记者张蓓")
        XCTAssertEqual(d.articles.count, 1)
    }

    func testPlainLayoutWithIdeographicIndent() {
        let d = parse("""
            港口吞吐量创新高
            ——前十个月同比增长百分之八

            　　今年前十个月，港口货物吞吐量同比增长百分之八。
            　　集装箱航线新增十二条。

            　　（执笔：周文）
            """)
        XCTAssertEqual(d.layout, .plain)
        XCTAssertEqual(kinds(d), [.headline, .subtitle, .paragraph, .paragraph, .label])
        XCTAssertEqual(d.text(d.blocks[2]), "今年前十个月，港口货物吞吐量同比增长百分之八。")
        XCTAssertEqual(d.blocks[3].blankLinesBefore, 0)
        XCTAssertEqual(d.blocks[2].firstLine, 3)
    }

    func testBlockRangesAreExactWithCRLFAndBOM() {
        let text = "# 标题\r\n\r\n第一段𠮷。\r\n"
        let s = SourceText(path: "t", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let d = CopyParser().parse(s)
        XCTAssertEqual(d.blocks.count, 2)
        XCTAssertEqual(d.source.string(d.blocks[0].range), "# 标题")
        XCTAssertEqual(d.source.string(d.blocks[1].textRange), "第一段𠮷。")
        XCTAssertEqual(d.source.position(d.blocks[1].textRange.start), Position(line: 3, column: 1))
    }

    func testDatelinesBylinesCaptions() {
        let d = parse("""
            Storm closes ports

            By Jane Doe

            LONDON, Sept. 27 (Reuters) - Ports along the coast closed on Tuesday.

            Photo: waves break over the harbour wall.

            新华社南京3月5日电

            图为工人在检修管道。 本报记者 王芳 摄
            """)
        XCTAssertEqual(kinds(d), [.headline, .byline, .paragraph, .caption, .dateline, .caption])
        XCTAssertEqual(d.source.string(d.blocks[2].ledeRange!), "LONDON, Sept. 27 (Reuters) -")
    }

    func testArticlesSplitAtNewHeadlineAndAtLede() {
        let d = parse("""
            # 第一篇

            第一篇的正文。

            # 第二篇

            第二篇的正文。

            新华社上海3月1日电 第三篇没有标题。
            """)
        XCTAssertEqual(d.articles.count, 3)
        XCTAssertEqual(d.articles.map(\.blocks), [0..<2, 2..<4, 4..<5])
        XCTAssertEqual(d.blocks[3].article, 1)
    }

    func testCommentsAreNotCopy() {
        let d = parse("<!-- copylint-disable duplicate-paragraph -->\n正文。\n%% copylint-enable\n")
        XCTAssertEqual(d.blocks.count, 1)
        XCTAssertEqual(d.comments.map(\.text), ["copylint-disable duplicate-paragraph", "copylint-enable"])
    }

    func testEnglishPlainHeadline() {
        let d = parse("Markets rally on rate hopes\n\nShares rose sharply on Monday.\n\nThe index closed 2% higher.\n")
        XCTAssertEqual(d.language, .english)
        XCTAssertEqual(kinds(d), [.headline, .paragraph, .paragraph])
    }

    /// The parser's per-block script summary is what a plain count of each block's characters gives,
    /// in small files and in one large enough to be counted on all cores.
    func testBlockScriptSummariesMatchAPlainCount() {
        let paragraphs = ["公司下属的二級单位已完成整改，𠮷野家开业。", "The council met in Αthens and Москва.",
                          "读者可以在手机app上预约ｍ座位，カタカナ也在。", "記者從市政府獲悉這些路線。", "12345 ---", "",
                          "他说：“再见！”）", "”）", "It ends on a quote.\u{2019}\u{201D}",
                          "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十）late closer", "的确如此》"]
        var small = "# 标题\r\n\r\n" + paragraphs.joined(separator: "\r\n\r\n") + "\r\n"
        var large = small
        while large.utf8.count < Linter.parallelThreshold + 1 { large += paragraphs.joined(separator: "\n\n") + "\n\n" }
        small = "\u{FEFF}" + small
        // A block too long to count in one piece: its ending is in the last piece.
        let giant = "# 标题\n\n" + String(repeating: "新闻报道，", count: Linter.parallelThreshold / 10) + "完。”\n"
        for text in [small, large, giant] {
            let d = CopyParser().parse(SourceText(path: "t", bytes: Array(text.utf8)))
            XCTAssertEqual(d.scripts.count, d.blocks.count)
            // A giant block's windows: what counting each window on its own gives.
            for (k, windows) in d.windowScripts {
                XCTAssertEqual(windows, TextWindows.split(d.bytes, d.blocks[k].textRange).map { BlockScripts(counting: d.bytes, $0) })
            }
            XCTAssertEqual(d.windowScripts.isEmpty, text != giant)
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
                let summary = d.scripts[k]
                XCTAssertEqual([Int(summary.han), Int(summary.letters)], [han, letters], "block \(k)")
                XCTAssertEqual([summary.hasKana, summary.hasTraditionalOnly, summary.hasSimplifiedOnly, summary.hasNonASCIILetter],
                               [kana, trad, simp, nonASCII], "block \(k)")
                let ending = d.source.string(block.textRange).unicodeScalars.reversed()
                    .first { !CharClass.isSpace($0.value) && !Self.closingMarks.contains($0.value) }
                XCTAssertEqual(summary.lastSignificantScalar, ending?.value, "block \(k)")
                let head = d.source.string(block.textRange).unicodeScalars.prefix(30).map(\.value)
                XCTAssertEqual(summary.firstScalar, head.first, "block \(k)")
                XCTAssertEqual(summary.hasEarlyCloser, head.contains { "”’」』）)》】".unicodeScalars.map(\.value).contains($0) }, "block \(k)")
            }
        }
    }

    /// Blocks judged during the language pass get the kinds, ledes and subheads that the classifier's
    /// own pass gives them: on the shipped examples and on copy with every kind of block.
    func testJudgingWhileCountingAgreesWithTheClassifier() throws {
        let examples = PackTests.repoRoot.appendingPathComponent("examples")
        var texts = try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted().filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
            .map { try String(contentsOf: examples.appendingPathComponent($0), encoding: .utf8) }
        texts.append("""
            要闻

            本报北京3月5日电　记者从市政府获悉，全市新建公园二十个。

            绿地面积扩大

            各区还推出了补贴，城市更绿。

            图为市民在公园散步。　本报记者　李明摄

            核心阅读

            Markets rally

            LONDON (Reuters) - Shares rose on Monday.

            By Anna Smith

            Rates on hold
            Banks wait

            The council approves a new plan for the busy harbour front

            The vote was close.

            He said, "we are optimistic," and left.
            """)
        var large = ""
        while large.utf8.count <= Linter.parallelThreshold { large += texts.joined(separator: "\n\n") + "\n\n" }
        texts.append(large)
        // One simplified paragraph, then one traditional paragraph repeated: the variant (traditional) is
        // decided by the counts of the repeats, which are taken from the first copy, not counted again.
        let traditional = "記者從市政府獲悉，新的公交路線將於下月開通。\n\n"
        texts.append("这些问题说明经济发展还面临许多困难，需要认真对待这些难题。\n\n"
                     + "专家认为，当前国内经济运行总体平稳，但结构调整压力较大，区域发展还不够协调。\n\n"
                     + "记者从有关部门获悉，这项工作将于明年开始试点，并逐步扩大实施范围。\n\n"
                     + String(repeating: traditional, count: Linter.parallelThreshold / traditional.utf8.count + 1))
        for text in texts {
            let source = SourceText(path: "t", bytes: Array(text.utf8))
            var separate = CopyParser()
            separate.judgesWhileCounting = false
            let a = CopyParser().parse(source), b = separate.parse(source)
            XCTAssertEqual(a.blocks.map(\.kind), b.blocks.map(\.kind))
            XCTAssertEqual(a.blocks.map(\.ledeRange), b.blocks.map(\.ledeRange))
            XCTAssertEqual(a.articles.map(\.blocks), b.articles.map(\.blocks))
            // A repeated block takes its first copy's summary and counts uncounted: the same as counting it.
            XCTAssertEqual(a.scripts, b.scripts)
            // Each block's bytes hashed while counted, as duplicate-paragraph would hash them.
            XCTAssertEqual(a.byteHashes, a.blocks.map { DuplicateParagraphRule.byteHash(a.bytes, $0.textRange) })
            XCTAssertEqual(a.language, b.language)
            XCTAssertEqual(a.chineseVariant, b.chineseVariant)
        }
        XCTAssertEqual(CopyParser().parse(SourceText(path: "t", bytes: Array(texts.last!.utf8))).chineseVariant, .traditional)
    }

    /// Blank lines are not kept as lines: blocks found from the lines kept (blank lines being the
    /// gaps in their numbers) are those found reading every line, blank ones included.
    func testBlocksFromTheLinesKeptAreThoseOfEveryLine() {
        let pieces = ["# 标题", "## Markets rally", "市政府昨日公布了新方案。", "The vote was close.", "", "", "   ", "\u{3000}\u{3000}",
                      "<!-- copylint-disable mixed-script -->", "%% note", "𠮷野家开店。", "#not a heading", "  indented text"]
        var rng = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let count = Int.random(in: 0...40, using: &rng)
            var text = (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: round % 3 == 0 ? "\r\n" : "\n")
            if round % 4 == 0 { text = "\u{FEFF}" + text + "\n" }
            let source = SourceText(path: "t", bytes: Array(text.utf8))
            let document = CopyParser().parse(source)
            // Every line read, blank ones counted as the parser once did.
            let lines = source.lines
            let raws = source.bytes.withUnsafeBufferPointer { buf in
                (0..<lines.count).map { RawLine.classify(buf, line: $0, start: lines.lineStarts[$0], end: lines.contentEnds[$0]) }
            }
            let markdown = raws.contains { if case .heading = $0.kind { return true } else { return false } }
            var expected: [[Int]] = []
            var blank = 0, i = 0
            while i < raws.count {
                switch raws[i].kind {
                case .blank: blank += 1; i += 1
                case .comment: i += 1
                case .heading:
                    expected.append([raws[i].start, raws[i].end, raws[i].textStart, raws[i].textEnd, i, i, blank]); blank = 0; i += 1
                case .text:
                    var j = i
                    while markdown, j + 1 < raws.count, case .text = raws[j + 1].kind { j += 1 }
                    expected.append([raws[i].start, raws[j].end, raws[i].textStart, max(raws[i].textStart, raws[j].textEnd), i, j, blank])
                    blank = 0; i = j + 1
                }
            }
            let found = document.blocks.map { [$0.range.start, $0.range.end, $0.textRange.start, $0.textRange.end, $0.firstLine, $0.lastLine, $0.blankLinesBefore] }
            XCTAssertEqual(found, expected, text)
        }
    }

    /// ScalarSet answers what a Set answers, for small sets (a list) and larger ones (a binary search).
    func testScalarSetAgreesWithSet() {
        let pools: [[UInt32]] = [Array(TextTraits.openers.sortedValues), Array("的地得和与及或对在把被将从向以于由而并且但因若则就都也还又再才更最很不没其之所这那该各每某是让使给跟同比为即既虽当自按据经令".unicodeScalars.map(\.value)),
                                 [0, 0x40, 0x80, 0x20000, 0x2A6D6, 0x10FFFF], (0..<40).map { UInt32($0 * 64 + 7) }]
        for pool in pools {
            let set = ScalarSet(pool), reference = Set(pool)
            for v in UInt32(0)...0x3100 { XCTAssertEqual(set.contains(v), reference.contains(v), "U+\(String(v, radix: 16))") }
            for v in pool + [0x20001, 0x10FFFE, 0x9FFF] { XCTAssertEqual(set.contains(v), reference.contains(v)) }
        }
    }

    /// The recognisers' shortcuts for white space and capitals agree with Unicode's properties.
    func testScalarPropertyShortcutsAgreeWithUnicode() {
        // misplaced-headline takes U+2E80 to U+A63F (CJK, kana, Yi, Lisu, Vai) to have no lower case.
        for v in UInt32(0x2E80)..<0xA640 {
            if let s = Unicode.Scalar(v) { XCTAssertFalse(s.properties.isLowercase, "U+\(String(v, radix: 16))") }
        }
        for v in UInt32(0)...0x2FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(ScalarProperties.isWhitespace(s), s.properties.isWhitespace, "U+\(String(v, radix: 16))")
            XCTAssertEqual(ScalarProperties.isUppercase(s), s.properties.isUppercase, "U+\(String(v, radix: 16))")
        }
    }

    /// Closing quotes and brackets, as `CharClass.isClosingMark` documents them.
    static let closingMarks = Set("”’」』）)》〉】]\"'〕］".unicodeScalars.map(\.value))

    /// The switches for sentence-final and closing marks say what their documented sets of marks say.
    func testSentenceMarkSwitchesMatchTheirSets() {
        for v in UInt32(0)...0xFFFF {
            XCTAssertEqual(TruncatedSentenceRule.Ending.isFinal(v), TruncatedSentenceRule.Ending.final.contains(v), "U+\(String(v, radix: 16))")
            XCTAssertEqual(CharClass.isClosingMark(v), Self.closingMarks.contains(v), "U+\(String(v, radix: 16))")
        }
    }

    /// The shortcuts of CharClass.isAlphabetic agree with its definition by script and property.
    func testAlphabeticShortcutsAgreeWithTheDefinition() {
        for v in UInt32(0)...0x1FFFF where Unicode.Scalar(v) != nil {
            let reference = v < 0x80 ? CharClass.isASCIILetter(v) : CharClass.isAlphabeticByScript(v)
            XCTAssertEqual(CharClass.isAlphabetic(v), reference, "U+\(String(v, radix: 16))")
        }
    }

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
        let found = withHashes.check(document)
        XCTAssertEqual(found, without.check(document))
        XCTAssertGreaterThanOrEqual(found.count, 8)
    }
}

/// The Chinese word list used by the truncation and doubling checks.
final class LexiconTests: XCTestCase {
    /// The filter in front of the index never turns a listed word away.
    func testEveryListedWordIsFound() {
        let table = ChineseLexicon.table
        XCTAssertEqual(table.keys.count, ChineseLexiconData.count)
        for key in table.keys {
            var word: [UInt32] = []
            for shift: UInt64 in [48, 32, 16, 0] where (key >> shift) & 0xFFFF != 0 { word.append(UInt32((key >> shift) & 0xFFFF)) }
            XCTAssertNotNil(ChineseLexicon.logProbability(word), String(key, radix: 16))
        }
        // The table's own base64 decoding reads the records as Foundation's decoder does.
        let reference = [UInt8](Data(base64Encoded: ChineseLexiconData.records, options: .ignoreUnknownCharacters) ?? Data())
        XCTAssertEqual(reference.count, ChineseLexiconData.count * 9)
        XCTAssertEqual(ChineseLexicon.decodeBase64(ChineseLexiconData.records), reference)
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Data(bytes).base64EncodedString(options: .lineLength64Characters)
            XCTAssertEqual(ChineseLexicon.decodeBase64(text), bytes, text)
        }
        // And strings that are not words are still not words.
        XCTAssertNil(ChineseLexicon.logProbability(Array("的的的的".unicodeScalars.map(\.value))))
    }
}
