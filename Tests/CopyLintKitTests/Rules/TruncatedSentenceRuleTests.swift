import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules

final class TruncatedSentenceRuleTests: XCTestCase {
    /// The switch for sentence-final marks says what its documented set of marks says.
    func testSentenceFinalSwitchMatchesItsSet() {
        for v in UInt32(0)...0xFFFF {
            XCTAssertEqual(TruncatedSentenceRule.Ending.isFinal(v), TruncatedSentenceRule.Ending.final.contains(v), "U+\(String(v, radix: 16))")
        }
    }
}
