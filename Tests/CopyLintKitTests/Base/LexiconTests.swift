import XCTest
@testable import CopyLintBase

/// The Chinese word list used by the truncation and doubling checks.
final class LexiconTests: XCTestCase {
    /// The filter in front of the index never turns a listed word away.
    func testEveryListedWordIsFound() {
        let table = ChineseLexicon.table
        XCTAssertEqual(table.keys.count, ChineseLexiconData.count)
        for key in table.keys {
            var word: [UInt32] = []
            for shift: UInt64 in [48, 32, 16, 0] where (key >> shift) & 0xFFFF != 0 { word.append(UInt32((key >> shift) & 0xFFFF)) }
            XCTAssertNotNil(ChineseLexicon.logProbability(word), String(key, radix: 16))
        }
        // The table's own base64 decoding reads the records as Foundation's decoder does.
        let reference = [UInt8](Data(base64Encoded: ChineseLexiconData.records, options: .ignoreUnknownCharacters) ?? Data())
        XCTAssertEqual(reference.count, ChineseLexiconData.count * 9)
        XCTAssertEqual(ChineseLexicon.decodeBase64(ChineseLexiconData.records), reference)
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Data(bytes).base64EncodedString(options: .lineLength64Characters)
            XCTAssertEqual(ChineseLexicon.decodeBase64(text), bytes, text)
        }
        // And strings that are not words are still not words.
        XCTAssertNil(ChineseLexicon.logProbability(Array("的的的的".unicodeScalars.map(\.value))))
    }

    /// A last character that may close a word of the list (场地 of 体育场地) is not read as standing
    /// alone; one that closes no word (不 of 很多人不, 地 of 认真地) is.
    func testMayCloseWord() {
        func closes(_ s: String) -> Bool { ChineseLexicon.mayCloseWord(s.unicodeScalars.map(\.value)) }
        XCTAssertTrue(closes("体育场地"))
        XCTAssertTrue(closes("各地"))
        XCTAssertFalse(closes("多人不"))
        XCTAssertFalse(closes("认真地"))
        // Within the margin (体育|场地 reads about three nats worse than 体育场|地), and past it.
        XCTAssertTrue(ChineseLexicon.mayCloseWord("体育场地".unicodeScalars.map(\.value), margin: 4))
        XCTAssertFalse(ChineseLexicon.mayCloseWord("体育场地".unicodeScalars.map(\.value), margin: 1))
    }

    /// The classes and surnames generated from the word list (scripts/gen-zh-chars.py).
    func testCharacterClassesAndSurnamesComeFromTheWordList() {
        func cls(_ c: Character) -> ChineseChars.WordClass { ChineseChars.wordClass(c.unicodeScalars.first!.value) }
        XCTAssertEqual(cls("看"), .verb)
        XCTAssertEqual(cls("低"), .adjective)
        XCTAssertEqual(cls("座"), .measure)
        XCTAssertEqual(cls("的"), .particle)
        XCTAssertEqual(cls("在"), .preposition)
        XCTAssertEqual(cls("和"), .conjunction)
        XCTAssertEqual(cls("们"), .affix)
        XCTAssertEqual(cls("吗"), .modal)
        XCTAssertEqual(cls("𠮷"), .none)
        for c in "王刘李颜屠" { XCTAssertTrue(ChineseChars.isSurname(c.unicodeScalars.first!.value), "\(c)") }
        for c in "天经的在𠮷" { XCTAssertFalse(ChineseChars.isSurname(c.unicodeScalars.first!.value), "\(c)") }
    }

    /// jieba's tagging model says how Chinese clauses open: the first characters of a clause cut inside
    /// a word (决问题 of 解决问题, 域形成 of 领域形成) are ten times likelier mid-clause than at an
    /// opening; clauses open on 在这里, 我们的, 据介绍. A character the model does not know (an astral
    /// one) gives no answer.
    func testClauseModelTellsOpeningsFromMidClause() {
        func ratio(_ s: String) -> Double? { ChineseClauseModel.openingLog10Ratio(s.unicodeScalars.map(\.value)) }
        XCTAssertLessThan(ratio("决问题")!, -1)
        XCTAssertLessThan(ratio("域形成")!, -1)
        XCTAssertGreaterThan(ratio("在这里")!, 0)
        XCTAssertGreaterThan(ratio("我们的")!, 0)
        XCTAssertGreaterThan(ratio("据介绍")!, -1)
        XCTAssertNil(ratio("𠮷浦"))
        XCTAssertNil(ratio(""))
        XCTAssertTrue(ChineseClauseModel.isRarerAtOpening(0x51B3))    // 决
        XCTAssertFalse(ChineseClauseModel.isRarerAtOpening(0x5728))   // 在
        XCTAssertFalse(ChineseClauseModel.isRarerAtOpening(0x20BB7))  // 𠮷: unknown
    }
}
