import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

final class FixTests: TempFolderTestCase {
    static let shared = TestPaths.repoRoot.deletingLastPathComponent().appendingPathComponent("shared")

    func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: dir.appendingPathComponent(name))) }

    static let page = """
        # 标题

        秋收时节,随着新型农机陆续下田,村里的收割进度明显加快。

        秋收时节,随着新型农机陆续下田,村里的收割进度明显加快。

        今天的气温比昨天低低五度，傍晚还有小雨。

        """

    func testFixAppliesSafeFixesAtomicallyKeepsPermissionsAndIsIdempotent() throws {
        try write("page.md", Self.page)
        chmod(dir.appendingPathComponent("page.md").path, 0o640)
        let r = copylint(["--fix", "--format", "gcc", "page.md"])
        XCTAssertEqual(r.code, 0, r.err)   // what is left is a warning without a safe fix
        let fixed = String(decoding: try read("page.md"), as: UTF8.self)
        XCTAssertEqual(fixed, """
            # 标题

            秋收时节，随着新型农机陆续下田，村里的收割进度明显加快。

            今天的气温比昨天低低五度，傍晚还有小雨。

            """)
        XCTAssertEqual(r.out, "page.md:5:9: warning: '低低': the character is doubled [zh-hans-news/doubled-character]\n")
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
        XCTAssertTrue(String(decoding: try read("page.md"), as: UTF8.self).contains("比昨天低五度"))
    }

    func testDiffPrintsAndWritesNothing() throws {
        try write("page.md", Self.page)
        let before = try read("page.md")
        let r = copylint(["--diff", "page.md"])
        XCTAssertEqual(r.code, 1)
        XCTAssertEqual(try read("page.md"), before)
        XCTAssertTrue(r.out.hasPrefix("--- a/page.md\n+++ b/page.md\n@@ -1,7 +1,5 @@\n # 标题\n \n-秋收时节,随着"), r.out)
        XCTAssertTrue(r.out.contains("+秋收时节，随着新型农机陆续下田，村里"), r.out)
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
        XCTAssertEqual(text.components(separatedBy: "秋收时节").count, 2, "the repeat is deleted")
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

    /// A file read as UTF-16 or GB18030 is fixed in its own encoding; `--diff` shows the changed lines
    /// decoded, and they are the change `--fix` makes (the same as for the page in UTF-8).
    func testLegacyEncodedFilesAreFixedInTheirEncodingAndTheDiffIsDecoded() throws {
        try write("utf8.txt", Self.page)
        XCTAssertEqual(copylint(["--fix", "-q", "utf8.txt"]).code, 0)
        let fixed = try read("utf8.txt")

        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in Self.page.utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        try write("page16.txt", utf16)
        let gb = try InputDecoder.encode(Array(Self.page.utf8), like: [], encoding: .gb18030, path: "gb.txt")
        XCTAssertNotEqual(gb, Array(Self.page.utf8))
        try write("gb.txt", gb)

        for (name, args) in [("page16.txt", [String]()), ("gb.txt", ["--encoding", "gb18030"])] {
            let diff = copylint(["--diff"] + args + [name])
            XCTAssertEqual(diff.code, 1, diff.err)
            // Every line of the diff is UTF-8, and the removed lines are the page's own.
            XCTAssertNotNil(String(validatingUTF8: diff.out), name)
            let removed = diff.out.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }.map { String($0.dropFirst()) }
            XCTAssertFalse(removed.isEmpty, diff.out)
            for line in removed where !line.isEmpty { XCTAssertTrue(Self.page.contains(line), line) }
            let r = copylint(["--fix", "-q"] + args + [name])
            XCTAssertEqual(r.code, 0, r.err)
            let raw = try read(name)
            let decoded = try InputDecoder.decode(raw, encoding: args.isEmpty ? nil : .gb18030, path: name)
            guard case .text(let text) = decoded else { return XCTFail("not text") }
            XCTAssertEqual(text, fixed, name)
            // Written back in its own encoding (UTF-16 keeps its byte-order mark).
            if name == "page16.txt" { XCTAssertEqual(Array(raw.prefix(2)), [0xFF, 0xFE]) } else { XCTAssertNotEqual(raw, text) }
        }
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
        // Nothing of the page is quoted here: what to expect is read off the page and its own findings.
        let original = String(decoding: data, as: UTF8.self)
        let linter = Linter(registry: .builtin, settings: RuleSettings())
        let before = linter.lint(SourceText(path: "page.txt", string: original))
        let safeRules = Set(before.filter { $0.fix?.applicability == .safe }.map(\.ruleID))
        XCTAssertTrue(safeRules.isSuperset(of: ["duplicate-paragraph", "zh-hans-news/half-width-punctuation"]), "\(safeRules)")
        // A fix that changes a word (a misprinted character, a traditional form) waits for --fix-unsafe.
        XCTAssertFalse(safeRules.contains("zh-hans-news/lookalike-characters") || safeRules.contains("mixed-script"), "\(safeRules)")
        XCTAssertTrue(before.contains { $0.ruleID == "zh-hans-news/lookalike-characters" && $0.fix?.applicability == .unsafe })
        XCTAssertEqual(before.filter { $0.ruleID == "duplicate-paragraph" }.count, 37)
        let r = copylint(["--fix", "--format", "json", "page.txt"])
        XCTAssertEqual(r.code, 1)
        let fixed = String(decoding: try read("page.txt"), as: UTF8.self)
        // The paragraph the page repeats most is left once.
        func mostRepeated(_ text: String) -> Int {
            let paragraphs = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 20 }
            return Dictionary(paragraphs.map { ($0, 1) }, uniquingKeysWith: +).values.max() ?? 0
        }
        XCTAssertEqual(mostRepeated(original), 38)
        XCTAssertEqual(mostRepeated(fixed), 1, "one copy is left")
        let second = copylint(["--fix", "page.txt"])
        XCTAssertTrue(second.err.contains("fixed 0 problems"), second.err)
        XCTAssertEqual(String(decoding: try read("page.txt"), as: UTF8.self), fixed)
        // Relinting: nothing left has a safe fix, and the rules that had one are silent.
        let left = linter.lint(SourceText(path: "page.txt", string: fixed))
        XCTAssertFalse(left.isEmpty)
        XCTAssertTrue(left.allSatisfy { $0.ruleID != "zh-hans-news/half-width-punctuation" && $0.ruleID != "duplicate-paragraph" },
                      left.map(\.ruleID).joined(separator: ", "))
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

    /// On the repository's own copy (the examples and the hand-written pages of bench/pages: wire
    /// takes, columns, tables, multi-story pages), every safe fix changes only punctuation or spacing,
    /// or deletes a paragraph of 20 characters or more printed again word for word.
    func testSafeFixesOnlyTouchPunctuationSpacingAndExactRepeats() throws {
        let root = TestPaths.repoRoot
        var files: [URL] = []
        for folder in ["examples", "bench/pages"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["txt", "md"].contains(url.pathExtension) { files.append(url) }
        }
        XCTAssertGreaterThan(files.count, 20, "bench/pages and examples/ are in the repository")
        let linter = Linter(registry: .builtin, settings: RuleSettings())
        var safeEdits = 0, deletions = 0
        func isPunctuationOrSpace(_ s: Unicode.Scalar) -> Bool {
            switch s.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation, .spaceSeparator: return true
            default: return s.properties.isWhitespace
            }
        }
        /// The text with spacing dropped and full-width forms folded (，→ , ａ → a).
        func folded(_ s: String) -> String {
            String(String.UnicodeScalarView(s.precomposedStringWithCompatibilityMapping.unicodeScalars.filter { !$0.properties.isWhitespace }))
        }
        for url in files {
            let source = SourceText(path: url.lastPathComponent, bytes: Array(try Data(contentsOf: url)))
            for d in linter.lint(source) {
                guard let fix = d.fix, fix.applicability == .safe else { continue }
                for edit in fix.edits {
                    safeEdits += 1
                    let old = source.string(edit.range), new = edit.replacement
                    let where_ = "\(url.lastPathComponent):\(d.start().line) [\(d.ruleID)] '\(old)' -> '\(new)'"
                    if folded(old) == folded(new) { continue }   // width or spacing
                    if old.unicodeScalars.allSatisfy(isPunctuationOrSpace), new.unicodeScalars.allSatisfy(isPunctuationOrSpace) { continue }
                    // Otherwise only the deletion of a repeated paragraph of 20 characters or more.
                    let body = folded(old)
                    XCTAssertTrue(new.isEmpty, where_)
                    XCTAssertGreaterThanOrEqual(body.count, 20, where_)
                    // (The paragraph it repeats is the finding's related location.)
                    XCTAssertEqual(d.related.map { folded(source.string($0.range)) }.first, body, "not an exact repeat: " + where_)
                    deletions += 1
                }
            }
        }
        XCTAssertGreaterThan(safeEdits, 10, "the copy has safe fixes to check")
        XCTAssertGreaterThan(deletions, 3, "and exact repeats among them")
    }
}
