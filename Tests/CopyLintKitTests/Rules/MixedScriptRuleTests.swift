import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules

final class MixedScriptRuleTests: XCTestCase {
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
        assertShortcutChangesNothing(pieces: pieces, atLeast: 100, fast: { fast.check(RuleContext(document: $0)) }, full: { full.check(RuleContext(document: $0)) })
    }

    func findings(_ text: String) -> [String] {
        let rule = MixedScriptRule(options: RuleOptions(specs: MixedScriptRule.description.options))
        let document = CopyParser().parse(SourceText(path: "t.txt", string: text))
        return rule.check(RuleContext(document: document)).map { document.source.string($0.range) }
    }

    /// Whether the file writes a character anywhere is read from one pass over its bytes: the same
    /// answer as a search of the bytes for the character, for one-, two-, three- and four-byte ones.
    func testCharactersPresentAgreesWithASearchOfTheBytes() {
        let pieces = ["王濛", "濛", "蒙", "a", "é", "𠮷", "傑", "杰", "，", "\r\n", "Ж", "😀"]
        let probes: [UInt32] = [0x6FDB, 0x8499, 0x61, 0xE9, 0x20BB7, 0x5091, 0x6770, 0xFF0C, 0x416, 0x1F600, 0x4E00, 0x62]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let present = MixedScriptRule.CharactersPresent(bytes)
            for c in probes {
                let needle = Array(String(Character(Unicode.Scalar(c)!)).utf8)
                let searched = bytes.count >= needle.count && (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
                XCTAssertEqual(present.contains(c), searched, "\(text.debugDescription) U+\(String(c, radix: 16))")
            }
        }
    }

    /// An English word between a closing quotation mark and a full-width semicolon is still inside
    /// Chinese running text; one quoted whole is not.
    func testAnEnglishWordBetweenChinesePunctuationIsInsideChinese() {
        XCTAssertEqual(findings("务工人员集中出行可享高铁“包车”service；购票取票更便捷。"), ["service"])
        XCTAssertEqual(findings("他在发言中多次提到“service”一词。"), [])
    }

    /// A traditional form in a proper name the file writes that way is the name's: after a surname,
    /// or in a title in 《》, where the file nowhere uses the simplified form. The same form where the
    /// file uses the simplified one too is a slip.
    func testVariantFormsInNamesAreTheNames() {
        XCTAssertEqual(findings("图为机务段班长刘龑珑正在检查机车，67岁的老党员李仕傑也来帮忙。"), [])
        XCTAssertEqual(findings("后来我又为《情深深雨濛濛》等多部电视剧配乐。"), [])
        // The file writes 蒙 elsewhere: 濛 in the title is no longer the only form it knows.
        XCTAssertEqual(findings("后来我又为《情深深雨濛濛》配乐。草原上的蒙古包很多。"), ["濛濛"])
        // Not in a name: reported.
        XCTAssertEqual(findings("今年全市經济保持平稳增长，经济结构持续优化。"), ["經"])
        // After a character that opens names, a form whose usual form makes a word with the next
        // character is that word, not a given name (伊進行: 进行; 和平發展: 发展).
        XCTAssertEqual(findings("美方对伊進行极限施压。"), ["進"])
        XCTAssertEqual(findings("这是中国献给世界和平發展的礼物。"), ["發"])
    }
}
