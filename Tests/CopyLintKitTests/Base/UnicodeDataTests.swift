import XCTest
@testable import CopyLintBase

/// The Unicode tables and the character-class shortcuts built on them.
final class UnicodeDataTests: XCTestCase {
    func testUnicodeTablesKnowScriptsAndWidths() {
        XCTAssertEqual(CharacterData.script(0x4E2D), .han)       // 中
        XCTAssertEqual(CharacterData.script(0x20BB7), .han)      // 𠮷
        XCTAssertEqual(CharacterData.script(0x0430), .cyrillic)  // а
        XCTAssertEqual(CharacterData.script(0x03BF), .greek)     // ο
        XCTAssertEqual(CharacterData.script(0x0061), .latin)
        XCTAssertEqual(CharacterData.script(0x00E9), .latin)     // é
        XCTAssertEqual(CharacterData.script(0xFF2D), .latin)     // Ｍ
        XCTAssertEqual(CharacterData.script(0x3002), .common)    // 。
        XCTAssertEqual(CharacterData.displayWidth(0x4E2D), 2)
        XCTAssertEqual(CharacterData.displayWidth(0xFF0C), 2)    // ，
        XCTAssertEqual(CharacterData.displayWidth(0x20BB7), 2)
        XCTAssertEqual(CharacterData.displayWidth(0x0301), 0)
        XCTAssertEqual(CharacterData.displayWidth(0x0041), 1)
    }

    func testVariantTablesSpareCharactersValidInBoth() {
        let t2s = CharacterData.traditionalToSimplified
        XCTAssertEqual(t2s[0x7D1A], [0x7EA7])            // 級 → 级
        XCTAssertEqual(t2s[0x5F8C], [0x540E])            // 後 → 后
        for both in "后干乾范著里只" .unicodeScalars { XCTAssertNil(t2s[both.value], "\(both) is valid simplified") }
        let s2t = CharacterData.simplifiedToTraditional
        XCTAssertNotNil(s2t[0x7EA7])                      // 级 is simplified only
        for both in "后里只著范".unicodeScalars { XCTAssertNil(s2t[both.value], "\(both) is valid traditional") }
    }

    /// ScalarSet answers what a Set answers, for small sets (a list) and larger ones (a binary search).
    func testScalarSetAgreesWithSet() {
        let pools: [[UInt32]] = [Array("“‘「『（(《〈【[〔［".unicodeScalars.map(\.value)), Array("的地得和与及或对在把被将从向以于由而并且但因若则就都也还又再才更最很不没其之所这那该各每某是让使给跟同比为即既虽当自按据经令".unicodeScalars.map(\.value)),
                                 [0, 0x40, 0x80, 0x20000, 0x2A6D6, 0x10FFFF], (0..<40).map { UInt32($0 * 64 + 7) }]
        for pool in pools {
            let set = ScalarSet(pool), reference = Set(pool)
            for v in UInt32(0)...0x3100 { XCTAssertEqual(set.contains(v), reference.contains(v), "U+\(String(v, radix: 16))") }
            for v in pool + [0x20001, 0x10FFFE, 0x9FFF] { XCTAssertEqual(set.contains(v), reference.contains(v)) }
        }
    }

    /// The recognisers' shortcuts for white space and capitals agree with Unicode's properties.
    func testScalarPropertyShortcutsAgreeWithUnicode() {
        // misplaced-headline takes U+2E80 to U+A63F (CJK, kana, Yi, Lisu, Vai) to have no lower case.
        for v in UInt32(0x2E80)..<0xA640 {
            if let s = Unicode.Scalar(v) { XCTAssertFalse(s.properties.isLowercase, "U+\(String(v, radix: 16))") }
        }
        for v in UInt32(0)...0x2FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(ScalarProperties.isWhitespace(s), s.properties.isWhitespace, "U+\(String(v, radix: 16))")
            XCTAssertEqual(ScalarProperties.isUppercase(s), s.properties.isUppercase, "U+\(String(v, radix: 16))")
        }
    }

    /// Closing quotes and brackets, as `CharClass.isClosingMark` documents them.
    static let closingMarks = Set("”’」』）)》〉】]\"'〕］".unicodeScalars.map(\.value))

    /// The switch for closing marks says what its documented set of marks says.
    func testClosingMarkSwitchMatchesItsSet() {
        for v in UInt32(0)...0xFFFF {
            XCTAssertEqual(CharClass.isClosingMark(v), Self.closingMarks.contains(v), "U+\(String(v, radix: 16))")
        }
    }

    /// The shortcuts of CharClass.isAlphabetic agree with its definition by script and property.
    func testAlphabeticShortcutsAgreeWithTheDefinition() {
        for v in UInt32(0)...0x1FFFF where Unicode.Scalar(v) != nil {
            let reference = v < 0x80 ? CharClass.isASCIILetter(v) : CharClass.isAlphabeticByScript(v)
            XCTAssertEqual(CharClass.isAlphabetic(v), reference, "U+\(String(v, radix: 16))")
        }
    }
}
