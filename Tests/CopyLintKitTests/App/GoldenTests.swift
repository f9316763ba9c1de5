import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

/// The shipped examples, rendered in each format and compared with golden files.
/// Set COPYLINT_UPDATE_GOLDEN=1 to rewrite the goldens after an intended change.
final class GoldenTests: XCTestCase {
    static let root = TestPaths.repoRoot

    func render(_ args: [String]) -> (Int32, String) {
        let out = StringSink(), err = StringSink()
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(Self.root.path))
        defer { XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(cwd)) }
        let code = CommandLineTool(environment: [:], stdout: out, stderr: err, readStandardInput: { [] }).run(args)
        return (code, out.text)
    }

    func check(_ name: String, _ args: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let (code, raw) = render(args)
        // The repository's absolute path differs between machines.
        let text = raw.replacingOccurrences(of: Self.root.path, with: "<ROOT>")
        XCTAssertEqual(code, 1, "the examples carry defects on purpose", file: file, line: line)
        let golden = Self.root.appendingPathComponent("Tests/CopyLintKitTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["COPYLINT_UPDATE_GOLDEN"] == "1" {
            try text.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        XCTAssertEqual(text, expected, "\(name) differs; rerun with COPYLINT_UPDATE_GOLDEN=1 if the change is intended", file: file, line: line)
    }

    func testJSONEscaping() {
        let value: JSONOut = .object([("k\"", .array([.string("a\\b\n\r\t\u{01}\u{1F}\u{2028}\u{2029}\u{2027}€𠮷"), .int(-3), .bool(true), .null]))])
        let expected = "{\"k\\\"\":[\"a\\\\b\\n\\r\\t\\u0001\\u001f\\u2028\\u2029\u{2027}€𠮷\",-3,true,null]}"
        XCTAssertEqual(value.render(pretty: false), expected)
        XCTAssertEqual(JSONOut.object([("a", .array([])), ("b", .object([]))]).render(), "{\n  \"a\": [],\n  \"b\": {}\n}")
    }

    func testMessagesPrintOnOneLine() {
        XCTAssertEqual("第一行\n第二行\r\n𠮷".singleLine, "第一行 第二行  𠮷")
        XCTAssertEqual("一行 'x'".singleLine, "一行 'x'")
    }

    func testExamplesGcc() throws { try check("examples.gcc.txt", ["--format", "gcc", "examples"]) }

    func testExamplesText() throws { try check("examples.text.txt", ["--format", "text", "--color", "never", "examples"]) }

    func testExamplesEveryFormat() throws {
        for format in ["json", "sarif", "github", "checkstyle", "junit", "rdjson", "rdjsonl"] {
            try check("examples.\(format).txt", ["--format", format, "examples"])
        }
    }

    func testExamplesGccDisplayColumns() throws {
        try check("examples.gcc-display.txt", ["--format", "gcc", "--column-unit", "display", "examples"])
    }

    /// Every finding on the examples, in every column unit, lands on the same character.
    func testColumnUnitsAgree() throws {
        let registry = RuleRegistry.builtin
        let linter = Linter(registry: registry, settings: RuleSettings())
        for name in ["examples/zh-page.md", "examples/en-page.txt"] {
            let data = try Data(contentsOf: Self.root.appendingPathComponent(name))
            let source = SourceText(path: name, bytes: Array(data))
            let diagnostics = linter.lint(source)
            XCTAssertFalse(diagnostics.isEmpty)
            for d in diagnostics {
                let offsets = ColumnUnit.allCases.map { unit -> Int in
                    let p = d.start(unit)
                    return source.lines.offset(line: p.line - 1, column: p.column, in: source.bytes, unit: unit)
                }
                XCTAssertEqual(Set(offsets), [d.range.start], "\(name): \(d.message)")
            }
        }
    }
}
