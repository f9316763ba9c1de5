import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules

/// The engine's shared pass over the word lists of the rules that declare one.
final class WordListPassTests: XCTestCase {
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
        let pass = try XCTUnwrap(WordListPass(rules: linter.rules))
        let matches = pass.run(document, facts: DocumentFacts(document, computing: .scripts))
        XCTAssertFalse(matches.isEmpty)
        for (k, found) in matches {
            let sharer = try XCTUnwrap(linter.rules[k].checker as? any WordListRule)
            let shared = try XCTUnwrap(sharer.wordList)
            let one = AhoCorasick(shared.patterns, ignoreASCIICase: shared.ignoreCase)
                .matches(in: document.bytes, range: document.blocks[0].textRange)
            // The pass leaves out matches of rules that need Han where a block has none: this block has Han.
            XCTAssertEqual(found.map { [$0.pattern, $0.start, $0.end] }, one.map { [$0.pattern, $0.start, $0.end] },
                           linter.rules[k].id)
        }
    }
}
