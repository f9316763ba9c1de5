import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine

/// The engine: facts computed for what the rules declare, rules reached by their capabilities (never
/// by their type), directives masking findings, the time budget reported.
final class LinterTests: XCTestCase {
    /// Reports what it was given: the facts computed, and one finding per paragraph.
    struct Recorder: RuleChecker {
        let neededFacts: FactSet
        let seen: Box
        func check(_ context: RuleContext) -> [Finding] {
            seen.facts.append(context.facts.computed)
            return context.blocks.filter { $0.kind == .paragraph }.map { Finding(range: $0.textRange, message: "paragraph") }
        }
    }

    final class Box: @unchecked Sendable {
        var facts: [FactSet] = []
        var report: SuppressionReport?
        var matches: [AhoCorasick.Match]?
    }

    /// Audits the directives it is handed.
    struct Auditor: SuppressionAuditor {
        let seen: Box
        func check(_ context: RuleContext) -> [Finding] { [] }
        func audit(_ report: SuppressionReport, in context: RuleContext) -> [Finding] {
            seen.report = report
            return report.directives.filter { !$0.used }.map { Finding(range: $0.range, message: "unused") }
        }
    }

    /// Shares a word list with the engine's pass.
    struct Lister: WordListRule {
        let seen: Box
        let words: [String]
        var neededFacts: FactSet { .scripts }
        var wordList: WordList? {
            WordList(patterns: words.map { Array($0.utf8) }, ignoreCase: false, needsHan: false, applies: { _, _ in true })
        }
        func check(_ context: RuleContext) -> [Finding] { XCTFail("the shared pass gives the matches"); return [] }
        func check(_ context: RuleContext, wordListMatches: [AhoCorasick.Match]) -> [Finding] {
            seen.matches = wordListMatches
            return wordListMatches.map { Finding(range: SourceRange($0.start, $0.end), message: "word") }
        }
    }

    func active(_ id: String, _ checker: any RuleChecker) -> ActiveRule { ActiveRule(id: id, severity: .error, checker: checker) }

    func testFactsComputedAreTheUnionOfWhatTheRulesDeclare() {
        let box = Box()
        let source = SourceText(path: "t.md", string: "# 标题\n\n正文第一段。\n\n正文第二段。\n")
        let none = Linter(rules: [active("a", Recorder(neededFacts: [], seen: box))])
        XCTAssertEqual(none.neededFacts, [])
        _ = none.lint(source)
        XCTAssertEqual(box.facts, [[]])
        let both = Linter(rules: [active("a", Recorder(neededFacts: .byteHashes, seen: box)),
                                  active("b", Recorder(neededFacts: .windows, seen: box))])
        XCTAssertEqual(both.neededFacts, [.byteHashes, .windows])
        box.facts = []
        _ = both.lint(source)
        // Windows imply scripts: both rules see every fact computed.
        XCTAssertEqual(box.facts, [FactSet.all, FactSet.all])
    }

    func testAuditorsAreHandedTheDirectivesAfterTheMask() {
        let box = Box()
        let linter = Linter(rules: [active("a", Recorder(neededFacts: [], seen: box)), active("audit", Auditor(seen: box))],
                            knownRules: ["a", "audit"])
        let text = "<!-- copylint-disable-next-line a -->\n正文第一段。\n\n%% copylint-disable-next-line a\n\n%% copylint-disable b\n"
        let found = linter.lint(SourceText(path: "t.md", string: text))
        let report = try? XCTUnwrap(box.report)
        XCTAssertEqual(report?.directives.map(\.used), [true, false])
        XCTAssertEqual(report?.unknown.map(\.1), ["b"])
        // The paragraph's finding is masked; the unused directive is reported by the auditor, unmasked.
        XCTAssertEqual(found.map(\.ruleID), ["audit"])
        XCTAssertEqual(found.first?.start().line, 4)
        // Without inline configuration, no directive masks and none is audited.
        var strict = linter
        strict.inlineConfig = false
        box.report = nil
        XCTAssertEqual(strict.lint(SourceText(path: "t.md", string: text)).map(\.ruleID), ["a"])
        XCTAssertNil(box.report)
    }

    func testWordListRulesShareOnePass() throws {
        let box1 = Box(), box2 = Box()
        let linter = Linter(rules: [active("one", Lister(seen: box1, words: ["公交", "线路"])),
                                    active("two", Lister(seen: box2, words: ["线路调整"]))])
        XCTAssertNotNil(linter.wordListPass)
        let found = linter.lint(SourceText(path: "t.md", string: "# 标题\n\n公交线路调整方案涉及十二条线路。\n"))
        XCTAssertEqual(found.filter { $0.ruleID == "one" }.count, 3)
        XCTAssertEqual(found.filter { $0.ruleID == "two" }.count, 1)
        XCTAssertEqual(box1.matches?.map(\.pattern), [0, 1, 1])
        // One rule alone makes no shared pass: it matches on its own (here: its plain check, which fails the test).
        XCTAssertNil(Linter(rules: [active("one", Lister(seen: box1, words: ["x"]))]).wordListPass)
    }

    /// A rule that runs out of its time budget is reported at the place it stopped, as an error.
    func testBudgetStopIsReported() {
        struct Slow: RuleChecker {
            func check(_ context: RuleContext) -> [Finding] {
                context.budget.stop("it took too long", at: 3)
                return []
            }
        }
        var linter = Linter(rules: [ActiveRule(id: "slow", severity: .info, checker: Slow())])
        linter.timeBudget = 2
        let found = linter.lint(SourceText(path: "t.md", string: "abcdef\n"))
        XCTAssertEqual(found.map(\.severity), [.error])
        XCTAssertEqual(found.first?.range, SourceRange(3, 3))
        XCTAssertEqual(found.first?.message, "slow stopped here after 2 s (ruleTimeBudget): it took too long; the rest of the file is not checked by this rule")
    }
}
