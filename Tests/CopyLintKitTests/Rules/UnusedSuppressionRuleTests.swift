import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules

final class UnusedSuppressionRuleTests: XCTestCase {
    func lint(_ text: String) -> [Diagnostic] {
        Linter(registry: .builtin, settings: RuleSettings()).lint(SourceText(path: "t.md", bytes: Array(text.utf8)))
            .filter { $0.ruleID == "unused-suppression" }
    }

    /// The finding is on the directive's word; its fix deletes the directive's whole line, line break
    /// included (CRLF too), and nothing else.
    func testFixRemovesTheWholeDirectiveLine() {
        for (eol, prefix) in [("\n", ""), ("\r\n", "\u{FEFF}"), ("\n", "<!-- 𠮷 -->\n")] {
            let text = prefix + "# 标题" + eol + eol + "<!-- copylint-disable-next-line mixed-script -->" + eol + "正文。" + eol
            let found = lint(text)
            XCTAssertEqual(found.count, 1)
            guard let d = found.first, let fix = d.fix else { return XCTFail("no fix") }
            XCTAssertEqual(d.source.string(d.range), "copylint-disable-next-line")
            XCTAssertEqual(fix.applicability, .safe)
            let fixed = String(decoding: Fix.apply(fix.edits, to: d.source.bytes), as: UTF8.self)
            let bom = prefix.hasPrefix("\u{FEFF}") ? "" : prefix
            XCTAssertEqual(fixed, bom + "# 标题" + eol + eol + "正文。" + eol)
        }
    }

    func testUsedDirectivesAreNotReportedAndUnknownRulesAreNamed() {
        let used = "# 标题\n\n<!-- copylint-disable-next-line mixed-script -->\n公司下属的二級单位已完成整改。\n"
        XCTAssertEqual(lint(used).count, 0)
        let typo = "# 标题\n\n%% copylint-disable mixed-scrpt\n正文。\n"
        XCTAssertEqual(lint(typo).map(\.message), ["unknown rule 'mixed-scrpt' in a copylint directive (did you mean \"mixed-script\"?)"])
        // A directive for every rule that switches nothing off.
        XCTAssertEqual(lint("# 标题\n\n<!-- copylint-disable -->\n正文。\n").map(\.message),
                       ["suppression of any rule is unused: nothing in its scope is reported"])
    }
}
