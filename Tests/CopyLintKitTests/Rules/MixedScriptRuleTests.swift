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
    }
}
