import XCTest
@testable import CopyLintBase

final class AlgorithmsTests: XCTestCase {
    /// The binary search finds the first element past every value's place, as a walk from the start
    /// does: empty arrays, repeated values, values before, between and after all of them.
    func testPartitioningIndexFindsWhatAWalkFinds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let values = (0..<Int.random(in: 0...20, using: &generator)).map { _ in Int.random(in: 0...15, using: &generator) }.sorted()
            for probe in -1...16 {
                XCTAssertEqual(values.partitioningIndex { $0 > probe }, values.firstIndex { $0 > probe } ?? values.count, "\(values) \(probe)")
                XCTAssertEqual(values[...].dropFirst().partitioningIndex { $0 >= probe },
                               values.dropFirst().firstIndex { $0 >= probe } ?? values.endIndex)
            }
        }
    }

    /// A bit set holds what was put in it and nothing beyond its capacity.
    func testBitSetHoldsWhatWasInserted() {
        var set = BitSet(capacity: 0x110000)
        XCTAssertTrue(set.isEmpty)
        for v in [0, 63, 64, 0x20BB7, 0x10FFFF] { set.insert(v) }
        for v in [0, 63, 64, 0x20BB7, 0x10FFFF] { XCTAssertTrue(set.contains(v)) }
        for v in [-1, 1, 62, 65, 0x20BB6, 0x110000, 0x7FFF_FFFF] { XCTAssertFalse(set.contains(v)) }
        var other = BitSet(capacity: 0x110000)
        other.insert(1)
        set.formUnion(other)
        XCTAssertTrue(set.contains(1))
        XCTAssertFalse(set.isEmpty)
    }

    /// A bit set filled from UTF-8 holds exactly the code points of the text (ASCII, two-, three- and
    /// four-byte characters, runs of Chinese read two at a time, a text ending mid-run).
    func testBitSetOfTheScalarsOfUTF8Text() {
        var rng = SystemRandomNumberGenerator()
        let pool: [Unicode.Scalar] = ["a", "Z", " ", "\n", "é", "ж", "中", "文", "字", "。", "𠮷", "😀", "〇", "繁"]
        for _ in 0..<200 {
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 0...40, using: &rng)).map { _ in pool.randomElement(using: &rng)! }))
            var bits = BitSet(capacity: 0x110000)
            bits.insertScalars(utf8: Array(text.utf8))
            let expected = Set(text.unicodeScalars.map { Int($0.value) })
            for c in pool.map({ Int($0.value) }) { XCTAssertEqual(bits.contains(c), expected.contains(c), text) }
        }
    }
}
