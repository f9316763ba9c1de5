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
}
