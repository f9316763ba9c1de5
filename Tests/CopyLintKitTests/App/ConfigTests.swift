import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

final class ConfigTests: XCTestCase {
    func load(_ text: String) throws -> Configuration {
        try ConfigLoader().parse(Array(text.utf8), path: ".lintrc")
    }

    func error(_ text: String) -> CopyLintError? {
        do {
            _ = try load(text)
            return nil
        } catch {
            return error as? CopyLintError
        }
    }

    func testCommentsAndTrailingCommas() throws {
        let c = try load("""
            // house settings
            {
              /* rules */
              "rules": {
                "duplicate-paragraph": { "severity": "warning", "options": { "minLength": 30, }, },
              },
              "failOn": "warning",
              "include": ["*.txt",],
            }
            """)
        XCTAssertEqual(c.failOn, .warning)
        XCTAssertEqual(c.include ?? [], ["*.txt"])
        XCTAssertEqual(c.rules.rules["duplicate-paragraph"]?.severity, .warning)
        XCTAssertEqual(c.rules.rules["duplicate-paragraph"]?.options["minLength"], .int(30))
    }

    func testRuleShorthands() throws {
        let c = try load(#"{"rules": {"duplicate-paragraph": "off"}}"#)
        XCTAssertEqual(c.rules.rules["duplicate-paragraph"]?.enabled, false)
        let d = try load(#"{"rules": {"duplicate-paragraph": "info"}}"#)
        XCTAssertEqual(d.rules.rules["duplicate-paragraph"]?.severity, .info)
    }

    func testUnknownKeyNamesLineColumnAndSuggests() {
        let e = error("{\n  \"failon\": \"error\"\n}")
        XCTAssertEqual(e?.position, Position(line: 2, column: 3))
        XCTAssertEqual(e?.description, ".lintrc:2:3: error: unknown key \"failon\" (did you mean \"failOn\"?)")
    }

    func testUnknownRuleSuggests() {
        let e = error(#"{"rules": {"duplicate-paragraphs": "off"}}"#)
        XCTAssertTrue(e?.message.contains("did you mean \"duplicate-paragraph\"") == true, e?.message ?? "")
        XCTAssertEqual(e?.position?.column, 12)
    }

    func testWrongTypes() {
        XCTAssertTrue(error(#"{"failOn": 3}"#)?.message.contains("must be a string") == true)
        XCTAssertTrue(error(#"{"rules": {"duplicate-paragraph": {"options": {"minLength": "x"}}}}"#)?.message
            .contains("must be an integer") == true)
        XCTAssertTrue(error(#"{"rules": {"duplicate-paragraph": {"options": {"minLen": 3}}}}"#)?.message
            .contains("did you mean \"minLength\"") == true)
        XCTAssertTrue(error(#"{"include": "*.txt"}"#)?.message.contains("array") == true)
        XCTAssertTrue(error("[1, 2]")?.message.contains("must be a JSON object") == true)
    }

    func testSyntaxErrorsHavePositions() {
        let e = error("{\n  \"failOn\": \"error\"\n  \"include\": []\n}")
        XCTAssertEqual(e?.position, Position(line: 3, column: 3))
        XCTAssertTrue(e?.message.contains("expected ',' or '}'") == true)
        XCTAssertEqual(error("{\"a\": tru}")?.position, Position(line: 1, column: 7))
        XCTAssertEqual(error("{ /* open")?.position, Position(line: 1, column: 3))
        XCTAssertNotNil(error(""))
    }

    func testJSONStringsAndNumbers() throws {
        let node = try JSONCParser.parse(Array(#"{"s": "a\u4e2d\ud842\udfb7\n", "n": -1.5e2, "i": 7}"#.utf8))
        XCTAssertEqual(node["s"]?.value, .string("a中𠮷\n"))
        XCTAssertEqual(node["n"]?.value, .number(-150, isInteger: false))
        XCTAssertEqual(node["i"]?.value, .number(7, isInteger: true))
    }

    func testGlobs() {
        XCTAssertTrue(Glob("*.txt").matches("a/b/c.txt"))
        XCTAssertFalse(Glob("*.txt").matches("a/b/c.md"))
        XCTAssertTrue(Glob("drafts/**").matches("drafts/2026/x.txt"))
        XCTAssertTrue(Glob("**/old/*.md").matches("a/old/x.md"))
        XCTAssertTrue(Glob("**/old/*.md").matches("old/x.md"))
        XCTAssertFalse(Glob("src/*.txt").matches("src/a/b.txt"))
        XCTAssertTrue(Glob("page-[0-9].txt").matches("page-3.txt"))
        XCTAssertTrue(Glob("archive").matches("archive/x.txt"))
    }

    /// A file's folder, worked out from its bytes for a plain path, is the one Foundation gives.
    func testFolderOfAFileAsFoundationGivesIt() {
        let paths = ["a/b.txt", "./b.txt", "/b.txt", "b.txt", "a/b/", "a//b.txt", "/", "..", "../a/b.txt", "a/./b.txt",
                     "a/../b.txt", "/abs/zh/rmrb-20200101-01-01.txt", "版面/第一版/𠮷.txt", "a/b.txt/", "a b/c d.txt", "~/x.txt", "a/.",
                     "a/..", "//a/b", "a/b//"]
        for path in paths {
            XCTAssertEqual(RunPlanner.directory(of: path), (path as NSString).deletingLastPathComponent, path)
        }
    }

    func testDidYouMean() {
        XCTAssertEqual(didYouMean("warnign", ["error", "warning", "info"]), " (did you mean \"warning\"?)")
        XCTAssertEqual(didYouMean("zzzzzz", ["error"]), "")
    }
}
