import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

/// Editions: folders of pages linted together. The fixture editions in `Editions/` (each with an
/// `expected.findings` of `FILE:LINE RULE` lines) cover the naming conventions, jump forms, clean
/// editions with tables of contents, page mentions and shared credits, broken jumps and duplicated
/// stories, in Chinese and English, with CRLF, a BOM and astral characters.
final class EditionTests: TempFolderTestCase {
    static let fixtures = TestPaths.suite.appendingPathComponent("Editions")
    static let checked: Set<String> = ["broken-jump", "duplicate-story", "truncated-sentence"]

    /// The edition rules' and truncated-sentence's findings, as `FILE:LINE RULE`, and the JSON.
    func findings(_ args: [String], in directory: URL? = nil) throws -> (lines: [String], json: [[String: Any]], code: Int32) {
        let r = copylint(["-q", "--format", "json"] + args, in: directory)
        XCTAssertNotEqual(r.code, 2, r.err)
        let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        let all = object?["diagnostics"] as? [[String: Any]] ?? []
        let ours = all.filter { Self.checked.contains($0["ruleId"] as? String ?? "") }
        let lines = ours.map { d -> String in
            let start = (d["range"] as? [String: Any])?["start"] as? [String: Any]
            return "\(((d["path"] as? String ?? "") as NSString).lastPathComponent):\(start?["line"] as? Int ?? 0) \(d["ruleId"] as? String ?? "")"
        }
        return (lines.sorted(), ours, r.code)
    }

    func testFixtureEditionsGiveTheirExpectedFindings() throws {
        let editions = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThanOrEqual(editions.count, 9)
        var clean = 0
        for edition in editions {
            let expected = try String(contentsOf: Self.fixtures.appendingPathComponent(edition).appendingPathComponent("expected.findings"), encoding: .utf8)
                .split(separator: "\n").map(String.init).sorted()
            if expected.isEmpty { clean += 1 }
            let got = try findings(["--edition", edition], in: Self.fixtures)
            XCTAssertEqual(got.lines, expected, edition)
            // Every finding of an edition rule names the other end, in another file, when there is one.
            for d in got.json where d["ruleId"] as? String == "duplicate-story" {
                let related = d["related"] as? [[String: Any]] ?? []
                XCTAssertEqual(related.count, 1, "\(edition): \(d)")
                XCTAssertNotEqual(related.first?["path"] as? String, d["path"] as? String, "\(edition): related in another file")
            }
        }
        XCTAssertGreaterThanOrEqual(clean, 4, "clean editions")
    }

    /// Outside an edition, a jump line is never reported and no story is compared across files;
    /// truncated-sentence still does not report a story stopping at a jump line.
    func testJumpLinesOutsideAnEditionAreNotReported() throws {
        let got = try findings(["en-p-broken", "zh-diban-moved", "en-a1-dups", "zh-ban-resolved"], in: Self.fixtures)
        XCTAssertEqual(got.lines, [])
    }

    func testLintrcMakesAFolderAnEditionWithTheDesksPagePattern() throws {
        try write("desk/.lintrc", #"{"edition": {"pagePattern": "_(?<section>[A-Z])(?<page>\\d+)_"}}"#)
        try write("desk/2026-12-04_A01_budget.txt", "# Budget talks run late\n\nThe council argued until midnight over the cost of\n\nContinued on Page A6\n")
        try write("desk/2026-12-04_A05_sport.txt", "# Rovers win\n\nThe Rovers won 2-0 at home on Saturday before a crowd of three thousand.\n")
        var got = try findings(["desk"])
        XCTAssertEqual(got.lines, ["2026-12-04_A01_budget.txt:5 broken-jump"])
        XCTAssertEqual(got.code, 1)
        let message = got.json.first?["message"] as? String ?? ""
        XCTAssertTrue(message.contains("page A6"), message)

        try write("desk/2026-12-04_A06_budget.txt", "Continued from Page A1\n\nthe new ferry terminal, and voted on Sunday.\n")
        got = try findings(["desk"])
        XCTAssertEqual(got.lines, [])
        XCTAssertEqual(got.code, 0)

        // "enabled": false switches the folder back to files one at a time.
        try write("desk/.lintrc", #"{"edition": {"enabled": false}}"#)
        try write("desk/2026-12-04_A06_budget.txt", "# Weather\n\nRain through Thursday, clearing on Friday with a cold wind from the north.\n")
        XCTAssertEqual(try findings(["desk"]).lines, [])
    }

    func testBadEditionSettingsAreConfigurationErrors() throws {
        try write("desk/page.txt", "# A\n\nText of the page.\n")
        for (config, needle) in [(#"{"edition": true}"#, "must be an object"),
                                 (#"{"edition": {"pagePattern": "A(\\d+)"}}"#, "group named page"),
                                 (#"{"edition": {"pagePatern": "x"}}"#, "did you mean \"pagePattern\""),
                                 (#"{"edition": {"pagePattern": "(?<page>[0-9"}}"#, "not a usable pattern")] {
            try write("desk/.lintrc", config)
            let r = copylint(["desk"])
            XCTAssertEqual(r.code, 2, config)
            XCTAssertTrue(r.err.contains(".lintrc:1:"), "\(config): \(r.err)")
            XCTAssertTrue(r.err.contains(needle), "\(config): \(r.err)")
            XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
        }
        let r = copylint(["--edition", "no-such-folder"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("no-such-folder"), r.err)
    }

    /// A page named twice (on its own and under --edition) is linted once, and its own findings and
    /// the edition's are all reported, in every streaming format.
    func testPagesNamedTwiceAreLintedOnceAndTextNotesNameTheOtherFile() throws {
        let r = copylint(["--format", "text", "--no-color", "--edition", "zh-diban-moved", "zh-diban-moved/第01版.txt"], in: Self.fixtures)
        XCTAssertEqual(r.code, 1)
        XCTAssertTrue(r.out.contains("= note: the continuation: zh-diban-moved/第03版.txt:1:1"), r.out)
        XCTAssertTrue(r.out.contains("= note: the jump: zh-diban-moved/第01版.txt:7:1"), r.out)
        XCTAssertTrue(r.err.contains("2 problems"), r.err)
        XCTAssertTrue(r.err.contains("in 2 of 3 files"), r.err)
        let gcc = copylint(["--format", "gcc", "-q", "--edition", "zh-diban-moved"], in: Self.fixtures)
        XCTAssertEqual(gcc.out.split(separator: "\n").count, 2, gcc.out)
    }

    func testRDJSONCarriesRelatedLocationsInTheOtherFile() throws {
        let r = copylint(["-q", "--format", "rdjson", "--edition", "en-a1-dups"], in: Self.fixtures)
        let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        let story = diagnostics.filter { ($0["code"] as? [String: Any])?["value"] as? String == "duplicate-story" }
        XCTAssertEqual(story.count, 3)
        for d in story {
            let related = d["related_locations"] as? [[String: Any]] ?? []
            let path = (related.first?["location"] as? [String: Any])?["path"] as? String
            XCTAssertTrue(path?.hasSuffix("en-a1-dups/A1.txt") == true, "\(d)")
        }
    }

    // MARK: - page numbers

    func testFilesUnderTheNamedFolderBelongToItHoweverThePathIsWritten() {
        XCTAssertTrue(LintCommand.hasDotSegment("eds/a/../b.txt"))
        XCTAssertTrue(LintCommand.hasDotSegment("eds/./b.txt"))
        XCTAssertTrue(LintCommand.hasDotSegment("eds/.."))
        XCTAssertFalse(LintCommand.hasDotSegment("../eds/b.txt"))
        XCTAssertFalse(LintCommand.hasDotSegment("eds/.hidden/b..txt"))
        let linter = Linter(rules: [])
        let paths = ["eds/A01.txt", "./eds/A02.txt", "eds/../eds/A03.txt", "eds/sub/../A04.txt", "other/A05.txt", "eds2/A06.txt", "-"]
        let plans = paths.map { FilePlan(path: $0, linter: linter, encoding: nil) }
        let cwd = FileManager.default.currentDirectoryPath
        for named in ["eds", "eds/", "./eds", "eds//"] {
            let got = LintCommand.editions(plans, named: [named])
            // What taking every path apart gives.
            let root = LintCommand.lexicalPath(named, cwd: cwd) + "/"
            let expected = paths.map { $0 == "-" || !LintCommand.lexicalPath($0, cwd: cwd).hasPrefix(root) ? nil : root }
            XCTAssertEqual(got, expected, named)
        }
    }

    func testPageNumbersFromTheCommonNames() {
        let cases: [(String, String?)] = [
            ("A01.txt", "A1"), ("A1.txt", "A1"), ("B03.md", "B3"), ("b3.txt", "B3"), ("01.txt", "1"), ("12.md", "12"),
            ("p01.txt", "1"), ("P7.txt", "7"), ("page-01.txt", "1"), ("page_12.txt", "12"), ("Page-A6.txt", "A6"),
            ("01版.txt", "1"), ("第01版.txt", "1"), ("第12版.md", "12"),
            ("rmrb-20200102-05-03.txt", "5"), ("20200102-12-01.txt", "12"), ("paper_20261204-03-11.txt", "3"),
            ("sports.txt", nil), ("notes-2026.txt", nil), ("A.txt", nil), ("00.txt", nil), ("AB12.txt", nil),
        ]
        for (name, page) in cases {
            XCTAssertEqual(PageNumbering.fromFileName("edition/" + name)?.description, page, name)
        }
        let custom = try! PageNumbering.pattern(#"_(?<section>[A-Z])(?<page>\d+)_"#)
        XCTAssertEqual(PageNumbering.fromFileName("2026-12-04_B07_crime.txt", patterns: [custom])?.description, "B7")
        for (path, stem) in [("a/b.c/A03.txt", "A03"), ("A03", "A03"), ("pages/.A03", ".A03"), ("x/第3版.md", "第3版"), ("/A03.tar.gz", "A03.tar")] {
            XCTAssertEqual(String(String.UnicodeScalarView(PageNumbering.stem(path))), stem, path)
            XCTAssertEqual(stem, ((path as NSString).lastPathComponent as NSString).deletingPathExtension, path)
        }
        XCTAssertThrowsError(try PageNumbering.pattern(#"_([A-Z])(\d+)_"#))
    }

    func testPageNumbersFromAFolio() {
        func folio(_ text: String) -> String? {
            let document = Linter(rules: []).lintKeepingDocument(SourceText(path: "page.txt", string: text)).document
            return PageNumbering.fromFolio(document)?.description
        }
        XCTAssertEqual(folio("第2版　要闻\n\n# 标题\n\n正文第一段，写满了字。\n"), "2")
        XCTAssertEqual(folio("第十二版\n\n# 标题\n\n正文第一段，写满了字。\n"), "12")
        XCTAssertEqual(folio("Page A6\n\n# Headline\n\nThe body of the story.\n"), "A6")
        XCTAssertEqual(folio("# Headline\n\nThe body of the story.\n\nPAGE 6\n"), "6")
        XCTAssertNil(folio("# Headline\n\nThe story is on page 6 of the paper, the editor said.\n"))
        XCTAssertNil(folio("# 标题\n\n详见本报昨日第3版的报道，这里不再重复。\n"))
    }

    // MARK: - jump lines in the document model

    func testJumpLinesAreBlocksAndContentsAndMentionsAreNot() {
        let jumps = ["（下转第2版）", "（下转第二版）", "（转第5版）", "（上接第1版）", "（上接第十二版）",
                     "Continued on Page A6", "(Continued on page 6)", "See BUDGET, Page A6", "Continued from Page A1",
                     "BUDGET, from Page A1"]
        let notJumps = ["要闻 2版 / 国际 3版 / 体育 8版", "INSIDE: Sports B1, Weather A8, Obituaries B4",
                        "The full list appears on Page A7 of today's paper, as reported on page 2.",
                        "正如本报上周第3版所报道的，合作社今年新建了冷库。"]
        for line in jumps + notJumps {
            let text = "# Headline over the story\n\nThe first paragraph of the story runs here.\n\n\(line)\n\n𠮷 closing line of the page.\n"
            let document = Linter(rules: []).lintKeepingDocument(SourceText(path: "page.txt", string: text)).document
            let block = document.blocks.first { document.text($0) == line }
            XCTAssertNotNil(block, line)
            XCTAssertEqual(block?.kind == .jump, jumps.contains(line), "\(line): \(String(describing: block?.kind))")
        }
    }

    // MARK: - scale

    /// Each story's paragraphs are looked up once in a table: the edition's cost grows with its size,
    /// not with pairs of stories. Four hundred pages of distinct stories, then the same with a copy.
    func testAnEditionOfManyPagesIsReadInOnePass() {
        func story(_ n: Int) -> String {
            "# Story number \(n) from the city desk\n\n" + (0..<4).map { k in
                "Paragraph \(k) of story \(n): the council heard from resident \(n * 7 + k) about street \(n * 13 + k) and its repairs."
            }.joined(separator: "\n\n") + "\n"
        }
        var pages = (1...400).map { ("\(String(format: "%03d", $0)).txt", story($0)) }
        var edition = EditionExampleTests.edition(pages)
        XCTAssertEqual(DuplicateStoryRule(options: RuleOptions(specs: [])).check(edition: edition).count, 0)
        pages.append(("401.txt", story(17)))
        edition = EditionExampleTests.edition(pages)
        let found = DuplicateStoryRule(options: RuleOptions(specs: [])).check(edition: edition)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first.map { (edition.pages[$0.page].source.path as NSString).lastPathComponent }, "401.txt")
    }
}
