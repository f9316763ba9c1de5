import XCTest
@testable import CopyLintKit

/// A file without line breaks is one giant block. Rules that decode scalars read it in windows (or
/// its head and tail): findings anywhere in it must still be found, at exact offsets, exactly once.
final class GiantBlockTests: XCTestCase {
    /// Chinese sentences with a few English words, joined into one line far beyond `TextWindows.giant`.
    static func giantLine(insert: String, at sentence: Int) -> (text: String, offset: Int) {
        var text = ""
        var offset = -1
        var k = 0
        while text.utf8.count < TextWindows.giant * 3 {
            if k == sentence {
                offset = text.utf8.count
                text += insert
            }
            text += "第\(k)条：市政府昨日公布了新的公交线路调整方案，涉及𠮷祥路等十二条线路。"
            if k % 5 == 0 { text += "The council voted on Tuesday to extend the night bus service. " }
            k += 1
        }
        return (text, offset)
    }

    func testWindowsCoverTheBlockAndEndAtSentenceStops() {
        let (text, _) = Self.giantLine(insert: "", at: -1)
        let bytes = Array(text.utf8)
        let range = SourceRange(0, bytes.count)
        let windows = TextWindows.split(bytes, range)
        XCTAssertGreaterThan(windows.count, 2)
        XCTAssertEqual(windows.first?.start, 0)
        XCTAssertEqual(windows.last?.end, bytes.count)
        for (a, b) in zip(windows, windows.dropFirst()) {
            XCTAssertEqual(a.end, b.start, "windows are contiguous")
            XCTAssertLessThanOrEqual(a.length, TextWindows.giant)
            let before = String(decoding: bytes[max(a.start, a.end - 3)..<a.end], as: UTF8.self)
            XCTAssertTrue(before.hasSuffix("。") || before.hasSuffix(". "), "cut after a stop, not mid-sentence: \(before)")
        }
        // A normal paragraph is one window: itself.
        XCTAssertEqual(TextWindows.split(bytes, SourceRange(0, 300)), [SourceRange(0, 300)])
    }

    func testWindowsWithoutStopsCutAtCharacterBoundaries() {
        let bytes = Array(String(repeating: "𠮷", count: TextWindows.giant).utf8)
        let windows = TextWindows.split(bytes, SourceRange(0, bytes.count))
        XCTAssertGreaterThan(windows.count, 2)
        for w in windows { XCTAssertEqual(w.start % 4, 0, "a window starts on a character") }
    }

    func testFindingsInsideAGiantBlockKeepExactOffsets() {
        // A Cyrillic look-alike in an English word and a doubled character, deep inside the line.
        let homoglyph = "The mаyor said so. "          // а is U+0430
        let (line, at) = Self.giantLine(insert: homoglyph + "今天的气温比昨天低低五度。", at: 2_000)
        for (variant, prefix, ending) in [("plain", "", "\n"), ("BOM+CRLF", "\u{FEFF}", "\r\n")] {
            let source = SourceText(path: "giant.txt", bytes: Array((prefix + line + ending).utf8))
            let linter = Linter(registry: .builtin, settings: RuleSettings())
            let found = linter.lint(source)
            let mixed = found.filter { $0.ruleID == "mixed-script" && $0.message.contains("Cyrillic") }
            XCTAssertEqual(mixed.count, 1, variant)
            XCTAssertEqual(mixed.first?.range.start, at + 4, variant)   // after "The "
            let doubled = found.filter { $0.ruleID == "zh-hans-news/doubled-character" }
            XCTAssertEqual(doubled.map(\.range.start), [at + homoglyph.utf8.count + "今天的气温比昨天".utf8.count], variant)
            XCTAssertEqual(mixed.first?.start().line, 1, variant)
        }
    }

    /// Offsets are 32-bit: text beyond 4 GB is refused with a one-line error naming the file.
    func testTextBeyondTheOffsetLimitIsRefused() {
        XCTAssertNoThrow(try InputDecoder.refuseIfTooLarge(10, limit: 10, path: "big.txt"))
        do {
            try InputDecoder.refuseIfTooLarge(11, limit: 10, path: "big.txt")
            XCTFail("11 bytes over a 10-byte limit must be refused")
        } catch {
            XCTAssertEqual("\(error)", "copylint: error: big.txt: too large: 11 bytes of text; copylint reads files up to 10 bytes (4 GB), split it first")
        }
        XCTAssertEqual(InputDecoder.maxBytes, Int(UInt32.max))
    }

    /// The shared word-list pass matches a giant block in windows on all cores: its matches are those
    /// of one pass over the whole block, in the same order, a word across a window's cut included.
    func testSharedWordListsInAGiantBlockMatchOnePass() throws {
        // 。。。 (an ellipsis pattern) straddles every cut, which falls just after a 。.
        var text = ""
        var k = 0
        while text.utf8.count < TextWindows.giant * 3 {
            text += "第\(k)条，市政府昨日公布了新的方案,涉及十二条线路。。。"
            if k % 7 == 0 { text += "The council voted, on Tuesday... " }
            k += 1
        }
        let source = SourceText(path: "giant.txt", string: text)
        let document = CopyParser().parse(source)
        XCTAssertEqual(document.blocks.count, 1)
        XCTAssertGreaterThan(TextWindows.split(document.bytes, document.blocks[0].textRange).count, 2)
        let registry = RuleRegistry.builtin
        let linter = Linter(registry: registry, settings: RuleSettings())
        let pass = try XCTUnwrap(LiteralPass(rules: linter.rules))
        let matches = pass.run(document)
        XCTAssertFalse(matches.isEmpty)
        for (k, found) in matches {
            let pack = try XCTUnwrap(linter.rules[k].checker as? PackChecker)
            let shared = try XCTUnwrap(pack.sharedLiterals)
            let one = AhoCorasick(shared.patterns, ignoreASCIICase: shared.ignoreCase)
                .matches(in: document.bytes, range: document.blocks[0].textRange)
            // The pass leaves out matches of rules that need Han where a block has none: this block has Han.
            XCTAssertEqual(found.map { [$0.pattern, $0.start, $0.end] }, one.map { [$0.pattern, $0.start, $0.end] },
                           linter.rules[k].id)
        }
    }

    /// mixed-script passes over words that cannot be reported (plain ASCII words in Chinese context,
    /// English tokens with no Chinese beside them): what it finds is what it finds reading every word.
    func testMixedScriptShortcutsFindWhatAFullReadingFinds() {
        let pieces = ["The ", "mayor ", "said", " ", "mаyor", "Αthens", "ｍarket", "d'Azur", "'", "e\u{301}", "\u{301}",
                      "市政府", "公布了", "works", "效率", "了", "implemen", "ted", "，", "。", "(Paris)", "（World Health）",
                      "《The Earth》", "5G", "20 km", "www.example.cn", "app", "𠮷", "們", "時間", "Москва", ". ", "\n\n"]
        let options = RuleOptions(specs: MixedScriptRule.description.options)
        var fast = MixedScriptRule(options: options)
        fast.skipsPlainWords = true
        var full = fast
        full.skipsPlainWords = false
        assertShortcutChangesNothing(pieces: pieces, atLeast: 100, fast: fast.check, full: full.check)
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
        let (line, _) = Self.giantLine(insert: "", at: -1)
        let document = CopyParser().parse(SourceText(path: "t.txt", string: line + "\n\n" + line + "\n"))
        XCTAssertEqual(document.blocks.count, 2)
        let rule = DuplicateParagraphRule(options: RuleOptions(specs: DuplicateParagraphRule.description.options))
        XCTAssertEqual(rule.check(document).map(\.range), [document.blocks[1].textRange])
        let alone = CopyParser().parse(SourceText(path: "t.txt", string: line + "\n\n第1条。\n"))
        XCTAssertEqual(rule.check(alone), [])
    }
}
