import XCTest
@testable import CopyLintBase
@testable import CopyLintKit

/// Decoding input: the UTF-8 check and the size limit.
final class InputDecoderTests: XCTestCase {
    func testSlicedScanAgreesWithOnePass() {
        var rng = FuzzRegressionTests.Random(state: 99)
        // Valid: 0, 4, 5, 7 (a run of Chinese, read two characters at a time), 8 and 9 (the lowest
        // three-byte form and the last before the surrogates). Broken: the rest, among them an
        // overlong three-byte form and a three-byte lead followed by ASCII.
        let pieces: [[UInt8]] = [Array("新闻𠮷ab\r\n".utf8), [0x80], [0xE4, 0xB8], [0x00], [0xF0, 0x9F, 0x98, 0x80], Array("plain ascii text ".utf8), [0xED, 0xA0, 0x80],
                                 Array("中文报道，记者。".utf8), [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xE0, 0x80, 0x80], [0xE4, 0xB8, 0x41]]
        for n in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<rng.below(60) {
                // Mostly valid text; now and then a broken or NUL piece.
                let piece = rng.below(10) < 8 ? pieces[[0, 4, 5, 7, 7, 8, 9][rng.below(7)]] : pieces[rng.below(pieces.count)]
                bytes += piece
            }
            let one = InputDecoder.scanUTF8(bytes, slices: 1)
            for slices in [2, 3, 7, 16] {
                let many = InputDecoder.scanUTF8(bytes, slices: slices)
                XCTAssertEqual(many.nul, one.nul, "input \(n), \(slices) slices")
                XCTAssertEqual(many.invalid, one.invalid, "input \(n), \(slices) slices")
            }
            XCTAssertEqual(one.invalid == nil, String(validating: bytes, as: UTF8.self) != nil, "input \(n)")
            if let bad = one.invalid { XCTAssertNotNil(String(validating: bytes[..<bad], as: UTF8.self), "input \(n): the prefix is valid") }
            XCTAssertEqual(one.nul, bytes.firstIndex(of: 0), "input \(n)")
        }
    }

    /// Offsets are 32-bit: text beyond 4 GB is refused with a one-line error naming the file.
    func testTextBeyondTheOffsetLimitIsRefused() {
        XCTAssertNoThrow(try InputDecoder.refuseIfTooLarge(10, limit: 10, path: "big.txt"))
        do {
            try InputDecoder.refuseIfTooLarge(11, limit: 10, path: "big.txt")
            XCTFail("11 bytes over a 10-byte limit must be refused")
        } catch {
            XCTAssertEqual("\(error)", "copylint: error: big.txt: too large: 11 bytes of text; copylint reads files up to 10 bytes (4 GB), split it first")
        }
        XCTAssertEqual(InputDecoder.maxBytes, Int(UInt32.max))
    }
}
