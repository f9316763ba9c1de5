import XCTest
@testable import CopyLintBase
@testable import CopyLintEngine
@testable import CopyLintKit

/// What a copy desk reads: text output grouped and collapsed, errors first, a help line on every
/// finding and a count by rule; ruff's rule selection and statistics; skipped files; carets under
/// ambiguous-width characters.
final class CopyDeskTests: TempFolderTestCase {
    /// A Chinese page (CRLF, a BOM, an astral 𠮷) with a paragraph printed seven times and nine
    /// half-width commas on as many lines.
    func page() throws -> String {
        var lines = ["\u{FEFF}# 城北热电厂完成扩容改造", ""]
        let repeated = "城北热电厂扩容改造工程昨日通过验收，全市新增集中供热面积三百万平方米，𠮷祥小区率先通暖。"
        for k in 0..<7 {
            lines += [repeated, ""]
            lines += ["第\(k + 1)批施工队伍分片作业,确保在供暖季开始前完成全部管网更换工作。", ""]
        }
        lines += ["市民反映室温问题,可拨打热线电话。", ""]
        lines += ["热力公司表示,维修人员接单后两小时内上门处理。", ""]
        return try write("page.txt", lines.joined(separator: "\r\n"))
    }

    func testAParagraphPrintedManyTimesIsOneFindingNamingEveryLine() throws {
        let file = try page()
        let text = copylint(["--no-color", file])
        XCTAssertEqual(text.code, 1)
        let headers = text.out.split(separator: "\n").filter { $0.hasPrefix("page.txt:") }
        XCTAssertEqual(headers.filter { $0.hasSuffix("[duplicate-paragraph]") }.count, 1, text.out)
        XCTAssertTrue(text.out.contains("= note: the same finding 6 times, at lines 7, 11, 15, 19, 23, 27"), text.out)
        XCTAssertTrue(text.out.contains("= help: delete the repeated paragraph (safe fix); --fix does it at all 6"), text.out)
        // Machine formats keep one record per finding.
        let gcc = copylint(["--format", "gcc", "-q", file])
        XCTAssertEqual(gcc.out.split(separator: "\n").filter { $0.hasSuffix("[duplicate-paragraph]") }.count, 6, gcc.out)
    }

    func testManyWarningsOfOneRuleAreCollapsedUnlessVerbose() throws {
        let file = try page()
        let rule = "[zh-hans-news/half-width-punctuation]"
        let text = copylint(["--no-color", file])
        let collapsed = text.out.split(separator: "\n").filter { $0.hasSuffix(rule) }
        XCTAssertEqual(collapsed.count, 1, text.out)
        XCTAssertTrue(collapsed[0].contains("warning: 9 in this file: Half-width punctuation inside Chinese text"), text.out)
        XCTAssertTrue(text.out.contains("= note: at lines 5, 9, 13, 17, 21, 25, 29, 31, 33"), text.out)
        XCTAssertTrue(text.out.contains("(--fix fixes 9 of them)"), text.out)
        let verbose = copylint(["--no-color", "--verbose", file])
        XCTAssertEqual(verbose.out.split(separator: "\n").filter { $0.hasSuffix(rule) }.count, 9, verbose.out)
        XCTAssertEqual(verbose.out.split(separator: "\n").filter { $0.hasSuffix("[duplicate-paragraph]") }.count, 6)
    }

    func testErrorsComeFirstEveryFindingHasHelpAndTheRunEndsWithACountByRule() throws {
        let file = try page()
        let text = copylint(["--no-color", file])
        let headers = text.out.split(separator: "\n").filter { $0.hasPrefix("page.txt:") }
        let firstWarning = headers.firstIndex { $0.contains(": warning: ") } ?? headers.count
        XCTAssertFalse(headers[firstWarning...].contains { $0.contains(": error: ") }, text.out)
        XCTAssertGreaterThan(firstWarning, 0)
        // A help line closes every block.
        XCTAssertEqual(text.out.components(separatedBy: "\n  = help: ").count - 1, headers.count, text.out)
        XCTAssertTrue(text.err.contains("  9  zh-hans-news/half-width-punctuation  (9 fixable)\n  6  duplicate-paragraph                  (6 fixable)\n"), text.err)
        // gcc keeps the order of the text.
        let gcc = copylint(["--format", "gcc", "-q", file])
        let lines = gcc.out.split(separator: "\n").map { Int($0.split(separator: ":")[1])! }
        XCTAssertEqual(lines, lines.sorted())
    }

    func testSelectIgnoreAndExtendSelectAsRuffReadsThem() throws {
        let file = try page()
        func rules(_ args: [String]) -> Set<String> {
            let r = copylint(["--format", "gcc", "-q"] + args + [file])
            XCTAssertNotEqual(r.code, 2, r.err)
            return Set(r.out.split(separator: "\n").compactMap { $0.split(separator: "[").last.map { String($0.dropLast()) } })
        }
        XCTAssertEqual(rules([]), ["duplicate-paragraph", "zh-hans-news/half-width-punctuation"])
        XCTAssertEqual(rules(["--select", "duplicate-paragraph"]), ["duplicate-paragraph"])
        // A pack selected whole runs its default-off rules too (cjk-latin-spacing is opt-in).
        XCTAssertTrue(rules(["--select", "zh-hans-news"]).contains("zh-hans-news/cjk-latin-spacing"))
        XCTAssertFalse(rules(["--select", "zh-hans-news"]).contains("duplicate-paragraph"))
        // The more specific selector wins, either way round; --ignore wins a tie.
        XCTAssertEqual(rules(["--select", "zh-hans-news", "--ignore", "zh-hans-news/half-width-punctuation,zh-hans-news/cjk-latin-spacing"]), [])
        XCTAssertEqual(rules(["--ignore", "zh-hans-news", "--select", "zh-hans-news/half-width-punctuation"]), ["zh-hans-news/half-width-punctuation"])
        XCTAssertEqual(rules(["--select", "duplicate-paragraph", "--ignore", "duplicate-paragraph"]), [])
        XCTAssertEqual(rules(["--ignore", "zh-hans-news"]), ["duplicate-paragraph"])
        XCTAssertEqual(rules(["--select", "duplicate-paragraph", "--extend-select", "zh-hans-news/half-width-punctuation"]),
                       ["duplicate-paragraph", "zh-hans-news/half-width-punctuation"])
        // A prefix of ids, and ALL.
        XCTAssertEqual(rules(["--select", "duplicate-"]), ["duplicate-paragraph"])
        XCTAssertEqual(rules(["--select", "zh-hans-news/half"]), ["zh-hans-news/half-width-punctuation"])
        XCTAssertTrue(rules(["--select", "ALL"]).contains("zh-hans-news/cjk-latin-spacing"))
        XCTAssertEqual(rules(["--min-severity", "error"]), ["duplicate-paragraph"])
        let wrong = copylint(["--select", "zh-hans-newz", file])
        XCTAssertEqual(wrong.code, 2)
        XCTAssertTrue(wrong.err.contains("no rule is named 'zh-hans-newz' (did you mean \"zh-hans-news\"?)"), wrong.err)
    }

    func testStatisticsCountEachRuleWithItsFixes() throws {
        let file = try page()
        let r = copylint(["--statistics", "-q", file])
        XCTAssertEqual(r.code, 1)
        let lines = r.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, r.out)
        XCTAssertTrue(lines[0].hasPrefix("9\tzh-hans-news/half-width-punctuation\t[*] 9\t"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("6\tduplicate-paragraph"), lines[1])
        let json = copylint(["--statistics", "--format", "json", "-q", "--select", "duplicate-paragraph", file])
        let items = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
        XCTAssertEqual(items?.count, 1)
        XCTAssertEqual(items?.first?["rule"] as? String, "duplicate-paragraph")
        XCTAssertEqual(items?.first?["count"] as? Int, 6)
        XCTAssertEqual(items?.first?["fixable"] as? Int, 6)
        // Clean copy: nothing printed, exit 0.
        let clean = copylint(["--statistics", "-q", "--select", "mixed-script", file])
        XCTAssertEqual(clean.code, 0)
        XCTAssertEqual(clean.out, "")
    }

    func testASkippedBinaryFileIsNotCountedAsChecked() throws {
        try write("copy/a.txt", "The council met on Tuesday.\n")
        try write("copy/b.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14])
        let r = copylint(["copy"])
        XCTAssertEqual(r.code, 0)
        XCTAssertTrue(r.err.contains("copy/b.txt: binary file (NUL byte at offset 4), skipped"), r.err)
        XCTAssertTrue(r.err.contains("copylint: 1 file checked, 1 skipped (binary), no problems found"), r.err)
    }

    func testCaretsCountAmbiguousWidthCharactersTwiceWhereTheTerminalDoes() throws {
        let file = try write("q.txt", "“好”……他说,走吧。\n")
        func caretColumn(_ args: [String]) -> Int {
            let r = copylint(["--no-color", "--select", "zh-hans-news/half-width-punctuation"] + args + [file])
            let caretLine = r.out.split(separator: "\n").first { $0.contains("^") }.map(String.init) ?? ""
            return caretLine.distance(from: caretLine.startIndex, to: caretLine.firstIndex(of: "^") ?? caretLine.startIndex)
        }
        let narrow = caretColumn(["--no-ambiguous-wide"]), wide = caretColumn(["--ambiguous-wide"])
        // “ ” … … are four ambiguous characters before the comma.
        XCTAssertEqual(wide - narrow, 4)
        // A Chinese locale draws them wide by default; English does not.
        XCTAssertEqual(caretColumn(["--locale", "zh-Hans"]), wide)
        XCTAssertEqual(caretColumn(["--locale", "en"]), narrow)
    }

    func testEveryRuleLinksToItsOwnDocumentation() throws {
        let readme = try String(contentsOf: TestPaths.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var links = Set<String>()
        for entry in RuleRegistry.builtin.entries {
            let href = try XCTUnwrap(LanguageServer.documentation(rule: entry.id), entry.id)
            links.insert(href)
            if entry.id.contains("/") {
                let path = String(href.dropFirst("https://github.com/copylint/copylint/blob/main/".count))
                XCTAssertTrue(FileManager.default.fileExists(atPath: TestPaths.repoRoot.appendingPathComponent(path).path), href)
            } else {
                XCTAssertTrue(readme.contains("<a id=\"rule-\(entry.id)\"></a>"), "README has no anchor for \(entry.id)")
            }
        }
        XCTAssertEqual(links.count, RuleRegistry.builtin.entries.count)
        XCTAssertNil(LanguageServer.documentation(rule: "house/our-style"))
    }

    /// `blocks --format json` gives the blocks as data (a two-line byline's line break inside its
    /// string); the text table shows it as ⏎ on one line; another format is refused.
    func testBlocksAsJSONAndAsAnUnbrokenTable() throws {
        let file = try write("b.md", "# 城北热电厂完成扩容改造\n\n本报记者 王小明\n通讯员 李𠮷\n\n城北热电厂扩容改造工程昨日通过验收，全市新增集中供热面积三百万平方米。\n")
        let json = copylint(["blocks", "--layout", "markdown", "--format", "json", file])
        XCTAssertEqual(json.code, 0, json.err)
        let files = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        let blocks = try XCTUnwrap(files.first?["blocks"] as? [[String: Any]])
        XCTAssertEqual(files.first?["path"] as? String, file)
        let byline = blocks.first { ($0["text"] as? String)?.contains("王小明") == true }
        XCTAssertEqual(byline?["text"] as? String, "本报记者 王小明\n通讯员 李𠮷")
        XCTAssertEqual(byline?["firstLine"] as? Int, 3)
        XCTAssertEqual(byline?["lastLine"] as? Int, 4)
        let text = copylint(["blocks", "--layout", "markdown", file])
        XCTAssertTrue(text.out.contains("本报记者 王小明⏎通讯员 李𠮷"), text.out)
        XCTAssertEqual(text.out.split(separator: "\n").count, blocks.count + 1, "one line a block, under the file's line")
        let gcc = copylint(["blocks", "--format", "gcc", file])
        XCTAssertEqual(gcc.code, 2)
        XCTAssertTrue(gcc.err.contains("blocks prints text or json"), gcc.err)
    }

    func testExplainSuggestsTheRuleUnderItsPack() {
        let r = copylint(["explain", "half-width-punctuation"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("did you mean \"zh-hans-news/half-width-punctuation\" or \"zh-hant-news/half-width-punctuation\"?"), r.err)
        let near = copylint(["explain", "elipsis"])
        XCTAssertTrue(near.err.contains("zh-hans-news/ellipsis"), near.err)
        XCTAssertTrue(copylint(["explain", "duplicate-paragrph"]).err.contains("did you mean \"duplicate-paragraph\"?"))
    }

    /// `init` writes a .lintrc for the copy it reads (language and variant, packs, the layout when
    /// the files share one, an edition when they are numbered as pages), which copylint then loads;
    /// it never replaces one without --force.
    func testInitWritesALintrcThatLoads() throws {
        let wrapped = String(repeating: "城北热电厂扩容改造工程昨日通过验收，全市新增集中供热面积三百万平方米，", count: 3)
        var lines: [String] = []
        var line = ""
        for ch in wrapped { line.append(ch); if line.count == 24 { lines.append(line); line = "" } }
        lines.append(line + "。")
        let page = "城北热电厂完成扩容改造\n\n" + lines.joined(separator: "\n") + "\n"
        try write("desk/A01.txt", page)
        try write("desk/A02.txt", page.replacingOccurrences(of: "城北", with: "城南"))
        let r = copylint(["init", "desk"])
        XCTAssertEqual(r.code, 0, r.err)
        let lintrc = try String(contentsOf: dir.appendingPathComponent("desk/.lintrc"), encoding: .utf8)
        XCTAssertTrue(lintrc.contains("\"locale\": \"zh-Hans\""), lintrc)
        XCTAssertTrue(lintrc.contains("\"edition\": { \"enabled\": true }"), lintrc)
        XCTAssertTrue(lintrc.contains("\"zh-hans-news/half-width-punctuation\": \"warning\""), lintrc)
        XCTAssertFalse(lintrc.contains("zh-hant-news/"), lintrc)
        XCTAssertTrue(r.err.contains("desk/.lintrc"), r.err)
        // copylint loads it (and lints the folder as an edition, in Chinese).
        let run = copylint(["desk"])
        XCTAssertNotEqual(run.code, 2, run.err)
        XCTAssertTrue(run.err.contains("copylint："), run.err)
        // Not replaced without --force; replaced with it.
        try write("desk/.lintrc", "{ \"failOn\": \"warning\" }\n")
        let again = copylint(["init", "desk"])
        XCTAssertEqual(again.code, 2)
        XCTAssertTrue(again.err.contains("--force replaces it"), again.err)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("desk/.lintrc"), encoding: .utf8), "{ \"failOn\": \"warning\" }\n")
        XCTAssertEqual(copylint(["init", "--force", "desk"]).code, 0)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("desk/.lintrc"), encoding: .utf8).contains("\"locale\""))
        // An English folder of Markdown.
        try write("en/story.md", "# Council extends night buses\n\nThe city council voted on Tuesday to extend the night bus service.\n")
        XCTAssertEqual(copylint(["init", "en"]).code, 0)
        let english = try String(contentsOf: dir.appendingPathComponent("en/.lintrc"), encoding: .utf8)
        XCTAssertTrue(english.contains("\"locale\": \"en\"") && english.contains("\"en-news/doubled-word\""), english)
        XCTAssertEqual(copylint(["init", "missing"]).code, 2)
    }
}
