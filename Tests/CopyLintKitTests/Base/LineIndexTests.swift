import XCTest
@testable import CopyLintBase

final class LineIndexTests: XCTestCase {
    func testLineEndingsEachEndOneLine() {
        let s = SourceText(path: "t", string: "a\nb\r\nc\rd")
        XCTAssertEqual(s.lines.count, 4)
        XCTAssertEqual(s.position(0), Position(line: 1, column: 1))
        XCTAssertEqual(s.position(2), Position(line: 2, column: 1))
        XCTAssertEqual(s.position(5), Position(line: 3, column: 1))
        XCTAssertEqual(s.position(7), Position(line: 4, column: 1))
        XCTAssertEqual(s.lines.lineRange(1), SourceRange(2, 3))
    }

    func testTrailingNewlineMakesEmptyLastLine() {
        let s = SourceText(path: "t", string: "一\n")
        XCTAssertEqual(s.lines.count, 2)
        XCTAssertEqual(s.position(4), Position(line: 2, column: 1))
    }

    func testColumnUnitsOnChineseAndAstralText() {
        // "𠮷a中b": 𠮷 is 4 bytes, 2 UTF-16 units, 1 scalar, 2 columns wide.
        let s = SourceText(path: "t", string: "x\n𠮷a中b")
        let b = 2 + 4 + 1 + 3   // offset of "b"
        XCTAssertEqual(s.position(b, unit: .char), Position(line: 2, column: 4))
        XCTAssertEqual(s.position(b, unit: .utf16), Position(line: 2, column: 5))
        XCTAssertEqual(s.position(b, unit: .byte), Position(line: 2, column: 9))
        XCTAssertEqual(s.position(b, unit: .display), Position(line: 2, column: 6))
    }

    /// Columns counted eight bytes at a time agree with a count of one byte at a time, for every
    /// start and end alignment, on text of one-, two-, three- and four-byte characters.
    func testWordWiseColumnCountsAgreeWithAPlainCount() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", " ", "é", "中", "。", "𠮷", "\t", "Ж", "\u{301}"]
        for _ in 0..<200 {
            let bytes = Array((0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined().utf8)
            let from = Int.random(in: 0...bytes.count, using: &rng), to = Int.random(in: from...bytes.count, using: &rng)
            var chars = 0, units = 0
            for b in bytes[from..<to] where b & 0xC0 != 0x80 { chars += 1; units += b >= 0xF0 ? 2 : 1 }
            XCTAssertEqual(LineIndex.columns(bytes, from: from, to: to, unit: .char), chars)
            XCTAssertEqual(LineIndex.columns(bytes, from: from, to: to, unit: .utf16), units)
        }
    }

    func testDisplayColumnsExpandTabsAndIgnoreCombiningMarks() {
        let s = SourceText(path: "t", string: "\tx e\u{301}y")
        XCTAssertEqual(s.position(1, unit: .display).column, 9)
        let y = Array("\tx e\u{301}".utf8).count
        XCTAssertEqual(s.position(y, unit: .display).column, 12)
        XCTAssertEqual(s.position(y, unit: .char).column, 6)
    }

    func testByteOrderMarkDoesNotShiftColumns() {
        let s = SourceText(path: "t", bytes: [0xEF, 0xBB, 0xBF] + Array("中文".utf8))
        XCTAssertTrue(s.hadByteOrderMark)
        XCTAssertEqual(s.position(3), Position(line: 1, column: 2))
        XCTAssertEqual(s.position(3, unit: .byte), Position(line: 1, column: 4))
    }

    func testOffsetIsTheInverseOfPosition() {
        let s = SourceText(path: "t", string: "标题\r\n\t𠮷野家，a中")
        for offset in [0, 6 + 2, 6 + 2 + 1, 6 + 2 + 1 + 4, s.bytes.count] {
            for unit in ColumnUnit.allCases {
                let p = s.position(offset, unit: unit)
                XCTAssertEqual(s.lines.offset(line: p.line - 1, column: p.column, in: s.bytes, unit: unit), offset,
                               "offset \(offset) in \(unit)")
            }
        }
    }

    /// A large file's lines are found in slices on all cores: the result is the one-by-one result,
    /// with CRLF, lone CR and LF everywhere, a CRLF across every slice boundary included.
    func testLinesOfALargeFileFoundInSlicesAreExact() {
        var bytes: [UInt8] = []
        let pieces: [[UInt8]] = [Array("𠮷中文\r\n".utf8), Array("a\rb\n".utf8), Array("\n\r\n\r".utf8), Array("xyz 新闻".utf8)]
        var k = 0
        while bytes.count < (1 << 20) + 4096 { bytes += pieces[k % pieces.count]; k += 1 }
        let slices = ParallelMap.slices(forBytes: bytes.count)
        // Put a CR just before every slice boundary and an LF just after it.
        for c in 1..<slices {
            let b = bytes.count * c / slices
            bytes[b - 1] = 0x0D
            bytes[b] = 0x0A
        }
        var starts = [0], ends: [Int] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                ends.append(i)
                let crlf = bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A
                starts.append(crlf ? i + 2 : i + 1)
                i += crlf ? 2 : 1
            } else {
                i += 1
            }
        }
        ends.append(bytes.count)
        let index = LineIndex(bytes)
        XCTAssertEqual(Array(index.lineStarts), starts)
        XCTAssertEqual(Array(index.contentEnds), ends)
    }

    /// Lines found forward from a hint (positions asked in order) are the lines a search from
    /// scratch finds, for near and far steps, a hint past the offset, and the last line.
    func testLineSearchFromAHintAgreesWithASearchFromScratch() {
        var text = ""
        for k in 0..<3000 { text += String(repeating: "中", count: k % 7) + (k % 3 == 0 ? "\r\n" : "\n") }
        let s = SourceText(path: "t", string: text)
        var hint = 0
        var offset = 0
        var step = 1
        while offset < s.bytes.count {
            let expected = s.lines.lineIndex(of: offset)
            XCTAssertEqual(s.lines.lineIndex(of: offset, after: hint), expected, "offset \(offset) hint \(hint)")
            var h = hint
            XCTAssertEqual(s.position(offset, lineHint: &h), s.position(offset))
            XCTAssertEqual(h, expected)
            hint = expected
            offset += step
            step = step % 97 + 13
        }
        // A hint beyond the offset falls back to a search from scratch.
        XCTAssertEqual(s.lines.lineIndex(of: 0, after: s.lines.count - 1), 0)
        XCTAssertEqual(s.lines.lineIndex(of: s.bytes.count, after: 5), s.lines.count - 1)
    }
}
