import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
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
}
