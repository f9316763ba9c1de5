import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

extension XCTestCase {
    /// A check with a shortcut for speed finds what it finds without it: both run on random texts of
    /// `pieces` (each followed by one of `gaps`) after `prefix`, some with a byte-order mark, some with
    /// CRLF line breaks; the texts must hold at least `atLeast` findings between them.
    func assertShortcutChangesNothing(pieces: [String], gaps: [String] = [""], prefix: String = "", atLeast: Int,
                                      fast: (Document) -> [Finding], full: (Document) -> [Finding],
                                      file: StaticString = #filePath, line: UInt = #line) {
        var generator = SystemRandomNumberGenerator()
        var reported = 0
        for round in 0..<300 {
            var text = prefix
            for _ in 0..<Int.random(in: 1...50, using: &generator) {
                text += pieces.randomElement(using: &generator)! + gaps.randomElement(using: &generator)!
            }
            if round % 2 == 0 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
            if round % 3 == 0 { text = "\u{FEFF}" + text }
            let document = CopyParser().parse(SourceText(path: "t.txt", bytes: Array(text.utf8)))
            let found = fast(document)
            XCTAssertEqual(found, full(document), text, file: file, line: line)
            reported += found.count
        }
        XCTAssertGreaterThan(reported, atLeast, "the random texts do hold findings", file: file, line: line)
    }
}
