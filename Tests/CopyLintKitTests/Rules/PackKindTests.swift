import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules

/// Each kind of declarative rule (one file each under Rules/Declarative/Kinds), beyond the packs' examples.
final class PackKindTests: XCTestCase {
    /// The findings (flagged text and message) of one pack rule written as JSON, on `text`.
    func run(_ json: String, _ text: String) throws -> [(text: String, message: String, fixed: String?)] {
        let pack = try PackLoader().parse(name: "t", files: [(path: "t/r.json", bytes: Array(json.utf8))])
        let entry = try XCTUnwrap(pack.rules.first).entry
        let linter = Linter(rules: [ActiveRule(id: entry.id, severity: .warning, checker: entry.make(RuleOptions(specs: [])))])
        let source = SourceText(path: "t.md", string: text)
        return linter.lint(source).map { d in
            (source.string(d.range), d.message, d.fix.map { String(decoding: Fix.apply($0.edits, to: source.bytes), as: UTF8.self) })
        }
    }

    func testExistenceWithPatternsReplacementsExceptionsAndWordBoundaries() throws {
        let found = try run("""
            {"id": "r", "kind": "existence", "summary": "s", "message": "'{match}'", "wordBoundary": true,
             "tokens": ["utilise"], "patterns": ["(\\\\d+) per cent"], "replacement": "$1%", "exceptions": ["3 per cent"]}
            """, "Prices rose 5 per cent and 3 per cent; they utilise utilisers.\n")
        XCTAssertEqual(found.map(\.text), ["5 per cent", "utilise"])
        XCTAssertEqual(found.first?.fixed, "Prices rose 5% and 3 per cent; they utilise utilisers.\n")
    }

    func testSubstitutionOffersTheRightForm() throws {
        let found = try run(#"{"id": "r", "kind": "substitution", "summary": "s", "message": "'{match}' → '{replacement}'", "swap": {"帐号": "账号"}}"#,
                            "请输入帐号和密码，帐号不能为空。\n")
        XCTAssertEqual(found.map(\.message), ["'帐号' → '账号'", "'帐号' → '账号'"])
        XCTAssertEqual(found.first?.fixed, "请输入账号和密码，帐号不能为空。\n")
    }

    /// A house style is told by counting the right forms only up to the tenth it allows: the count
    /// stops there, and the forms gathered without a limit are every one, in order, as a scan of each
    /// form alone finds them.
    func testTheRightFormsOfAHouseStyleAreCountedOnlyAsFarAsNeeded() {
        let text = Array("ＧＤＰ增长5%，１２月达到3.2万亿𠮷元，A股上涨（ＡＢ）".utf8)
        let rights = ["0", "1", "2", "3", "5", "A", "B", "%"].map { Array($0.utf8) }
        let all = SubstitutionCheck.rightForms(rights, in: [SourceRange(0, text.count)], text, upTo: .max)
        var alone: [(Int, String)] = []
        for needle in rights {
            var k = 0
            while k + needle.count <= text.count {
                if text[k..<(k + needle.count)].elementsEqual(needle) { alone.append((k, String(decoding: needle, as: UTF8.self))); k += needle.count } else { k += 1 }
            }
        }
        XCTAssertEqual(all.map { "\($0.0.start):\($0.1)" }, alone.sorted { $0.0 < $1.0 }.map { "\($0.0):\($0.1)" })
        XCTAssertEqual(all.count, 5)
        XCTAssertEqual(SubstitutionCheck.rightForms(rights, in: [SourceRange(0, text.count)], text, upTo: 2).map(\.1), ["5", "%"])
        XCTAssertTrue(SubstitutionCheck.rightForms(rights, in: [SourceRange(0, text.count)], text, upTo: 0).isEmpty)
    }

    func testRepetitionOfWordsOnlyTheTokensAndOnlyAcrossSpace() throws {
        let json = #"{"id": "r", "kind": "repetition", "unit": "word", "summary": "s", "message": "'{match}' twice", "tokens": ["the", "a"]}"#
        let found = try run(json, "The the plan, a a vote, that that idea, the, the end.\n")
        XCTAssertEqual(found.map(\.text), ["The the", "a a"])
        XCTAssertEqual(found.first?.fixed, "The plan, a a vote, that that idea, the, the end.\n")
    }

    func testOccurrenceCountsPerSentence() throws {
        let json = #"{"id": "r", "kind": "occurrence", "scope": "sentence", "summary": "s", "message": "{count} > {max}", "max": 1, "tokens": ["和"]}"#
        let found = try run(json, "甲和乙和丙。丁和戊。\n")
        XCTAssertEqual(found.map(\.text), ["甲和乙和丙。"])
        XCTAssertEqual(found.map(\.message), ["2 > 1"])
    }

    /// The form used most is the file's; on a tie, the one used first.
    func testConsistencyKeepsTheFormUsedMost() throws {
        let json = #"{"id": "r", "kind": "consistency", "summary": "s", "message": "'{match}', not '{expected}'", "groups": [["身份证号", "身份证号码"]]}"#
        XCTAssertEqual(try run(json, "身份证号码一。身份证号二。身份证号码三。\n").map(\.message), ["'身份证号', not '身份证号码'"])
        XCTAssertEqual(try run(json, "身份证号一。身份证号码二。\n").map(\.message), ["'身份证号码', not '身份证号'"])
    }

    func testPairReportsUnclosedAndUnopenedMarks() throws {
        let json = #"{"id": "r", "kind": "pair", "summary": "s", "message": "{match}", "pairs": [["《", "》"], ["\"", "\""]], "openAcrossParagraphs": true}"#
        XCTAssertEqual(try run(json, "他读了《红楼梦和》西游记》。\n").map(\.text), ["》"])
        XCTAssertEqual(try run(json, "他读了《红楼梦。\n").map(\.text), ["《"])
        // Straight quotes open and close with the same mark; a quotation running on reopens the next paragraph.
        XCTAssertEqual(try run(json, "He said \"yes\" and \"no.\n\n\"Then he left.\"\n").map(\.text), [])
        XCTAssertEqual(try run(json, "He said \"yes.\n\nThen he left.\n").map(\.text), ["\""])
    }
}
