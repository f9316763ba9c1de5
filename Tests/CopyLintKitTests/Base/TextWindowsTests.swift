import XCTest
@testable import CopyLintBase

/// A giant block (a file without line breaks) is read in windows that end at sentence stops.
final class TextWindowsTests: XCTestCase {
    /// Chinese sentences with a few English words, joined into one line far beyond `TextWindows.giant`.
    static func line() -> (text: String, offset: Int) {
        var text = ""
        var k = 0
        while text.utf8.count < TextWindows.giant * 3 {
            text += "第\(k)条：市政府昨日公布了新的公交线路调整方案，涉及𠮷祥路等十二条线路。"
            if k % 5 == 0 { text += "The council voted on Tuesday to extend the night bus service. " }
            k += 1
        }
        return (text, -1)
    }

    func testWindowsCoverTheBlockAndEndAtSentenceStops() {
        let (text, _) = TextWindowsTests.line()
        let bytes = Array(text.utf8)
        let range = SourceRange(0, bytes.count)
        let windows = TextWindows.split(bytes, range)
        XCTAssertGreaterThan(windows.count, 2)
        XCTAssertEqual(windows.first?.start, 0)
        XCTAssertEqual(windows.last?.end, bytes.count)
        for (a, b) in zip(windows, windows.dropFirst()) {
            XCTAssertEqual(a.end, b.start, "windows are contiguous")
            XCTAssertLessThanOrEqual(a.length, TextWindows.giant)
            let before = String(decoding: bytes[max(a.start, a.end - 3)..<a.end], as: UTF8.self)
            XCTAssertTrue(before.hasSuffix("。") || before.hasSuffix(". "), "cut after a stop, not mid-sentence: \(before)")
        }
        // A normal paragraph is one window: itself.
        XCTAssertEqual(TextWindows.split(bytes, SourceRange(0, 300)), [SourceRange(0, 300)])
    }

    func testWindowsWithoutStopsCutAtCharacterBoundaries() {
        let bytes = Array(String(repeating: "𠮷", count: TextWindows.giant).utf8)
        let windows = TextWindows.split(bytes, SourceRange(0, bytes.count))
        XCTAssertGreaterThan(windows.count, 2)
        for w in windows { XCTAssertEqual(w.start % 4, 0, "a window starts on a character") }
    }
}
