import XCTest
@testable import CopyLintKit

final class FixTests: TempFolderTestCase {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")

    func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: dir.appendingPathComponent(name))) }

    static let page = """
        # 标题

        数字时代,随着数字和公安工作深度融合,数据发挥着越来越重要的作用。

        数字时代,随着数字和公安工作深度融合,数据发挥着越来越重要的作用。

        以数字赋能、更智智治，实现精确预测预警。

        """

    func testFixAppliesSafeFixesAtomicallyKeepsPermissionsAndIsIdempotent() throws {
        try write("page.md", Self.page)
        chmod(dir.appendingPathComponent("page.md").path, 0o640)
        let r = copylint(["--fix", "--format", "gcc", "page.md"])
        XCTAssertEqual(r.code, 0, r.err)   // what is left is a warning without a safe fix
        let fixed = String(decoding: try read("page.md"), as: UTF8.self)
        XCTAssertEqual(fixed, """
            # 标题

            数字时代，随着数字和公安工作深度融合，数据发挥着越来越重要的作用。

            以数字赋能、更智智治，实现精确预测预警。

            """)
        XCTAssertEqual(r.out, "page.md:5:8: warning: '智智': the character is doubled [zh-hans-news/doubled-character]\n")
        XCTAssertTrue(r.err.contains("fixed 3 problems in 1 file"), r.err)
        var st = stat()
        stat(dir.appendingPathComponent("page.md").path, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o640)
        // No temporary file is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["page.md"])
        // A second run changes nothing.
        let again = copylint(["--fix", "page.md"])
        XCTAssertTrue(again.err.contains("fixed 0 problems"), again.err)
        XCTAssertEqual(String(decoding: try read("page.md"), as: UTF8.self), fixed)
        // Unsafe fixes need --fix-unsafe.
        _ = copylint(["--fix-unsafe", "page.md"])
        XCTAssertTrue(String(decoding: try read("page.md"), as: UTF8.self).contains("更智治"))
    }

    func testDiffPrintsAndWritesNothing() throws {
        try write("page.md", Self.page)
        let before = try read("page.md")
        let r = copylint(["--diff", "page.md"])
        XCTAssertEqual(r.code, 1)
        XCTAssertEqual(try read("page.md"), before)
        XCTAssertTrue(r.out.hasPrefix("--- a/page.md\n+++ b/page.md\n@@ -1,7 +1,5 @@\n # 标题\n \n-数字时代,随着"), r.out)
        XCTAssertTrue(r.out.contains("+数字时代，随着数字和公安工作深度融合，数据"), r.out)
        try write("clean.md", "# 标题\n\n没有问题的一段。\n")
        let clean = copylint(["--diff", "clean.md"])
        XCTAssertEqual(clean.code, 0)
        XCTAssertEqual(clean.out, "")
    }

    func testFixKeepsByteOrderMarkAndCRLF() throws {
        let crlf = Self.page.replacingOccurrences(of: "\n", with: "\r\n")
        try write("page.md", [0xEF, 0xBB, 0xBF] + Array(crlf.utf8))
        _ = copylint(["--fix", "page.md"])
        let bytes = try read("page.md")
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line break stays CRLF")
        XCTAssertEqual(text.components(separatedBy: "数字时代").count, 2, "the repeat is deleted")
    }

    func testFileChangedOnDiskIsNotOverwritten() throws {
        try write("page.md", Self.page)
        let path = dir.appendingPathComponent("page.md").path
        let original = try read("page.md")
        try write("page.md", Self.page + "编辑刚刚加了一段。\n")
        XCTAssertThrowsError(try FileReader.writeBack(Array("x".utf8), over: original, path: path)) { error in
            XCTAssertTrue("\(error)".contains("changed on disk"), "\(error)")
        }
        XCTAssertTrue(String(decoding: try read("page.md"), as: UTF8.self).hasSuffix("编辑刚刚加了一段。\n"))
    }

    func testLegacyEncodedFilesAreNotRewritten() throws {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in Self.page.utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        try write("page.txt", utf16)
        let r = copylint(["--fix", "page.txt"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("page.txt: not fixed: --fix writes UTF-8"), r.err)
        XCTAssertEqual(try read("page.txt"), utf16)
        XCTAssertEqual(copylint(["--fix", "-"]).code, 2, "stdin cannot be fixed in place")
    }

    /// The seed page: the 37 repeats go, punctuation width is fixed, a second run changes
    /// nothing, and what is left has no safe fix.
    func testFixOnTheSeedPage() throws {
        let seed = Self.shared.appendingPathComponent("corpus/seed/page.txt")
        guard let data = try? Data(contentsOf: seed) else {
            if ProcessInfo.processInfo.environment["COPYLINT_REQUIRE_TOOLS"] == "1" { return XCTFail("../shared/corpus is required") }
            throw XCTSkip("../shared/corpus is not beside the repository")
        }
        try write("page.txt", Array(data))
        let repeated = "督察组指出,上青矿区应于2019年完成采坑边坡修饰"
        XCTAssertEqual(String(decoding: data, as: UTF8.self).components(separatedBy: repeated).count - 1, 38)
        let r = copylint(["--fix", "--format", "json", "page.txt"])
        XCTAssertEqual(r.code, 1)
        let fixed = String(decoding: try read("page.txt"), as: UTF8.self)
        XCTAssertEqual(fixed.components(separatedBy: "督察组指出，上青矿区应于2019年完成采坑边坡修饰").count - 1, 1, "one copy is left")
        XCTAssertFalse(fixed.contains("数字时代,随着"), "half-width commas in Chinese text are fixed")
        XCTAssertTrue(fixed.contains("窨井盖"))
        let second = copylint(["--fix", "page.txt"])
        XCTAssertTrue(second.err.contains("fixed 0 problems"), second.err)
        XCTAssertEqual(String(decoding: try read("page.txt"), as: UTF8.self), fixed)
        // Relinting: nothing left has a safe fix.
        let linter = Linter(registry: .builtin, settings: RuleSettings())
        let left = linter.lint(SourceText(path: "page.txt", string: fixed))
        XCTAssertFalse(left.isEmpty)
        XCTAssertTrue(left.allSatisfy { $0.fix?.applicability != .safe }, left.filter { $0.fix?.applicability == .safe }.map(\.message).joined(separator: "; "))
    }

    func testUnifiedDiffOfInsertionsAndDeletions() {
        let old = Array("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n".utf8)
        let new = Array("a\nb\nX\nd\ne\nf\ng\nh\ni\nj\nk".utf8)
        XCTAssertEqual(UnifiedDiff.render(old: old, new: new, path: "f.txt"), """
            --- a/f.txt
            +++ b/f.txt
            @@ -1,6 +1,6 @@
             a
             b
            -c
            +X
             d
             e
             f
            @@ -8,3 +8,4 @@
             h
             i
             j
            +k
            \\ No newline at end of file

            """)
    }
}
