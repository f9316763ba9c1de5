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
}
