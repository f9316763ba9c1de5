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
}
