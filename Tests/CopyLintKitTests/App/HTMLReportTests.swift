import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

/// `--format html`: one page that is well formed, fetches nothing, marks every finding in its copy
/// without losing or splitting a character, and whose script links marks to notes and filters them
/// in a real browser.
final class HTMLReportTests: TempFolderTestCase {
    /// A Chinese page written for these tests: a half-width comma, a paragraph printed twice (with an
    /// astral character, 𠮷, in it) and a doubled character; saved with a byte order mark and CRLF.
    static let chinesePage = """
        # 滨江公园改造工程年底完工

        本报讯 记者王晓 滨江公园改造工程昨日进入收尾阶段,园内新建的步道和观景台将于年底前对市民开放。

        公园的景观设计由𠮷野造园事务所完成，设计师在江边保留了三棵百年古樟，步道绕树而行。

        公园的景观设计由𠮷野造园事务所完成，设计师在江边保留了三棵百年古樟，步道绕树而行。

        附近居民表示，期待早日在江边散步锻炼，这是大家的的心愿。

        """

    /// The examples and the Chinese page, linted to JSON and to HTML: (json findings, html).
    func lintExamplesAndChinesePage() throws -> (findings: [[String: Any]], html: String) {
        try write("zh.txt", [0xEF, 0xBB, 0xBF] + Array(Self.chinesePage.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let inputs = [TestPaths.repoRoot.appendingPathComponent("examples").path, "zh.txt"]
        let json = copylint(["-q", "--format", "json"] + inputs), html = copylint(["-q", "--format", "html"] + inputs)
        XCTAssertEqual(json.code, 1, json.err)
        XCTAssertEqual(html.code, 1, html.err)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(root["diagnostics"] as? [[String: Any]])
        XCTAssertGreaterThan(findings.count, 9, "the examples have 9 findings, the Chinese page more")
        return (findings, html.out)
    }

    func testPageIsWellFormedSelfContainedAndHasAMarkAndANoteForEveryFinding() throws {
        let (findings, html) = try lintExamplesAndChinesePage()
        let page = try PageShape(html)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
        Self.assertSelfContained(html)
        for (element, target) in page.internalLinks { XCTAssertTrue(page.ids.contains(target), "<\(element)> links to #\(target), which is not on the page") }

        // One head mark and one note a finding, paired by id, with the same rule and severity.
        let heads = page.elements.filter { $0.name == "mark" && $0.attributes["id"] != nil }
        let notes = page.elements.filter { $0.name == "aside" && $0.classes.contains("note") }
        XCTAssertEqual(heads.count, findings.count)
        XCTAssertEqual(notes.count, findings.count)
        let noteByID = Dictionary(notes.map { ($0.attributes["id"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(Set(heads.compactMap { $0.attributes["data-finding"] }), Set(noteByID.keys))
        for mark in page.elements where mark.name == "mark" {
            let note = try XCTUnwrap(noteByID[mark.attributes["data-finding"] ?? ""], "a mark without its note")
            XCTAssertEqual(mark.attributes["data-rule"], note.attributes["data-rule"])
            XCTAssertEqual(mark.attributes["data-severity"], note.attributes["data-severity"])
        }
        let expected = findings.map { "\($0["ruleId"] ?? "") \($0["severity"] ?? "")" }.sorted()
        XCTAssertEqual(notes.map { "\($0.attributes["data-rule"] ?? "") \($0.attributes["data-severity"] ?? "")" }.sorted(), expected)

        // The Chinese page's lines, marks stripped, are its text: nothing lost, doubled or split,
        // no byte order mark, no CR.
        let zh = try XCTUnwrap(page.elements.first { $0.name == "section" && $0.text.contains("zh.txt") })
        let lines = page.elements.filter { $0.classes.contains("tx") && $0.section == zh.index }.map(\.text)
        XCTAssertEqual(lines.joined(separator: "\n") + "\n", Self.chinesePage)
        XCTAssertFalse(html.unicodeScalars.contains { $0 == "\u{FFFD}" || $0 == "\u{FEFF}" || $0 == "\r" })
        XCTAssertTrue(page.elements.contains { $0.name == "div" && $0.classes.contains("copy") && $0.section == zh.index && $0.attributes["lang"] == "zh" })
        let duplicate = try XCTUnwrap(heads.first { $0.section == zh.index && $0.attributes["data-rule"] == "duplicate-paragraph" })
        XCTAssertEqual(duplicate.text, "公园的景观设计由𠮷野造园事务所完成，设计师在江边保留了三棵百年古樟，步道绕树而行。")
        let comma = try XCTUnwrap(notes.first { $0.section == zh.index && $0.attributes["data-rule"] == "zh-hans-news/half-width-punctuation" })
        XCTAssertTrue(comma.text.contains("zh.txt:3:26"), comma.text)
        XCTAssertTrue(comma.text.contains("− , → + ，"), comma.text)

        // The rules summary, most findings first; every rule and severity has its filter.
        let rows = page.elements.filter { $0.name == "tr" && $0.attributes["data-rule"] != nil }
        let counts = rows.map { row in Int(page.elements.last { $0.parent == row.index && $0.name == "td" }?.text ?? "") ?? -1 }
        XCTAssertEqual(Set(rows.compactMap { $0.attributes["data-rule"] }), Set(findings.compactMap { $0["ruleId"] as? String }))
        XCTAssertEqual(counts, counts.sorted(by: >), "rules are listed by count")
        let filters = page.elements.filter { $0.name == "input" && $0.attributes["data-filter"] != nil }.map { $0.attributes["value"] ?? "" }
        XCTAssertEqual(Set(filters), Set(rows.compactMap { $0.attributes["data-rule"] }).union(["error", "warning", "info"]))
    }

    /// Overlapping, crossing, nested, multi-line, empty and mid-character ranges, with `& < > "` in
    /// the copy: every line's text survives whole, and each finding's marks hold exactly its text.
    func testRangesOverlapCrossLinesAndNeverSplitACharacter() throws {
        let text = "甲乙丙丁戊\n己庚辛\n\nabc & <d> \"e\"\n"
        let source = SourceText(path: "t.txt", string: text)
        func d(_ rule: String, _ severity: Severity, _ s: Int, _ e: Int, fix: Fix? = nil, related: [RelatedLocation] = []) -> Diagnostic {
            Diagnostic(ruleID: rule, severity: severity, finding: Finding(range: SourceRange(s, e), message: "m \(rule)", related: related, fix: fix),
                       source: source)
        }
        let fix = Fix(title: "keep one", edits: [TextEdit(range: SourceRange(3, 9), replacement: "乙")], applicability: .safe)
        let diagnostics = [
            d("a", .error, 3, 9, fix: fix),                 // 乙丙
            d("b", .warning, 6, 12),                         // 丙丁: crosses a
            d("c", .info, 4, 5),                             // inside 乙's bytes: the whole 乙
            d("d", .error, 12, 22, related: [RelatedLocation(range: SourceRange(0, 3), message: "see")]),  // 戊 ↵ 己庚
            d("duplicate-paragraph", .error, 26, 26),        // empty, on the blank line
            d("f", .warning, 27, 40),                        // abc & <d> "e"
            d("g", .info, 30, 31),                           // the space inside f
        ]
        let html = HTMLReporter().report(diagnostics, context: ReportContext(files: ["t.txt", "clean.txt"]))
        let page = try PageShape(html)
        XCTAssertEqual(page.elements.filter { $0.classes.contains("tx") }.map(\.text).joined(separator: "\n") + "\n", text)
        let expected = ["a": "乙丙", "b": "丙丁", "c": "乙", "d": "戊己庚", "duplicate-paragraph": "", "f": "abc & <d> \"e\"", "g": " "]
        for (rule, want) in expected {
            let pieces = page.elements.filter { $0.name == "mark" && $0.attributes["data-rule"] == rule }
            XCTAssertEqual(pieces.filter { $0.attributes["id"] != nil }.count, 1, rule)
            XCTAssertEqual(pieces.map(\.text).joined(), want, rule)
        }
        XCTAssertEqual(page.elements.filter { $0.name == "mark" && $0.classes.contains("empty") }.count, 1)
        let notes = page.elements.filter { $0.name == "aside" }
        XCTAssertEqual(notes.count, diagnostics.count)
        // The help line: the fix's title, else what the rule's help says to do; the fix previewed; related places linked.
        let noteA = try XCTUnwrap(notes.first { $0.attributes["data-rule"] == "a" })
        XCTAssertTrue(noteA.text.contains("help: keep one") && noteA.text.contains("safe fix − 乙丙 → + 乙"), noteA.text)
        let noteDup = try XCTUnwrap(notes.first { $0.attributes["data-rule"] == "duplicate-paragraph" })
        XCTAssertTrue(noteDup.text.contains("help: " + Localizer.english.help(rule: "duplicate-paragraph")!), noteDup.text)
        XCTAssertFalse(try XCTUnwrap(notes.first { $0.attributes["data-rule"] == "b" }).text.contains("help:"))
        XCTAssertTrue(html.contains("see: <a href=\"#L1-1\">t.txt:1</a>"))
        // The note of a finding over two lines comes under the second.
        XCTAssertLessThan(try XCTUnwrap(html.range(of: "id=\"L1-2\"")).lowerBound, try XCTUnwrap(html.range(of: "id=\"f-1-3\"")).lowerBound)
        XCTAssertLessThan(try XCTUnwrap(html.range(of: "id=\"f-1-3\"")).lowerBound, try XCTUnwrap(html.range(of: "id=\"L1-3\"")).lowerBound)
        // A clean file is listed, not printed.
        XCTAssertTrue(html.contains("<tr class=\"clean\"><td>clean.txt</td><td>0</td><td>0</td><td>0</td></tr>"))
        XCTAssertEqual(page.elements.filter { $0.name == "section" && $0.classes.contains("file") }.count, 1)
    }

    /// A long file shows the lines around its findings, with the rest left out between them.
    func testLongFileShowsOnlyTheLinesAroundFindings() throws {
        let text = (1...3_000).map { "第\($0)行。" }.joined(separator: "\n") + "\n"
        let source = SourceText(path: "long.txt", string: text)
        let at = { (line: Int) in source.lines.lineStarts[line - 1] }
        let diagnostics = [1_500, 1_504, 2_990].map {
            Diagnostic(ruleID: "r", severity: .warning, finding: Finding(range: SourceRange(at($0), at($0) + 3), message: "m"), source: source)
        }
        let html = HTMLReporter().report(diagnostics, context: ReportContext(files: ["long.txt"]))
        let page = try PageShape(html)
        let shown = page.elements.filter { $0.classes.contains("ln") }.map { Int($0.text)! }
        XCTAssertEqual(shown, Array(1_497...1_507) + Array(2_987...2_993))
        XCTAssertEqual(page.elements.filter { $0.classes.contains("gap") }.map(\.text),
                       ["… 1496 lines not shown …", "… 1479 lines not shown …", "… 7 lines not shown …"])
        XCTAssertEqual(page.elements.filter { $0.name == "mark" }.map(\.text), ["第", "第", "第"])
    }

    /// Headless Chromium opens the page from disk, runs its script and dumps the DOM: every finding
    /// linked (data-rendered), a rule and then a severity hidden by the URL fragment, nothing fetched
    /// and nothing logged by the page.
    func testChromiumRunsThePageScriptAndItsFilters() throws {
        guard let chromium = IntegrationTests.installed("chromium") else {
            if IntegrationTests.toolsRequired { return XCTFail("chromium is required (COPYLINT_REQUIRE_TOOLS=1) but not installed") }
            throw XCTSkip("chromium is not installed")
        }
        let (findings, html) = try lintExamplesAndChinesePage()
        let report = dir.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: report)
        let fragments: [(String, ([String: Any]) -> Bool)] = [
            ("hide-rule=duplicate-paragraph", { $0["ruleId"] as? String == "duplicate-paragraph" }),
            ("hide-severity=warning", { $0["severity"] as? String == "warning" }),
        ]
        for (fragment, hidden) in fragments {
            let (dom, log) = try dumpDOM(chromium, report.absoluteString + "#" + fragment)
            XCTAssertTrue(dom.contains("data-rendered=\"\(findings.count)\""), "the script did not link every finding (\(fragment))")
            for bad in ["<img", "<link", "<script src", "<iframe", "<object", "<embed"] { XCTAssertFalse(dom.contains(bad), bad) }
            XCTAssertFalse(log.contains(":CONSOLE"), "the page logged:\n\(log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.joined(separator: "\n"))")
            let notes = Self.openingTags("aside", in: dom), marks = Self.openingTags("mark", in: dom)
            XCTAssertEqual(notes.count, findings.count)
            XCTAssertEqual(notes.filter { $0.classes.contains("off") }.count, findings.filter(hidden).count, fragment)
            XCTAssertGreaterThan(findings.filter(hidden).count, 0, fragment)
            for tag in notes + marks {
                let isHidden = fragment.hasPrefix("hide-rule") ? tag.attributes["data-rule"] == "duplicate-paragraph" : tag.attributes["data-severity"] == "warning"
                XCTAssertEqual(tag.classes.contains("off"), isHidden, "\(fragment): \(tag.attributes)")
            }
        }
    }

    // MARK: - helpers

    /// No resource of any kind: links only to places in the page, no external style, script, font or image.
    static func assertSelfContained(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        for bad in ["<link", "<img", "<iframe", "<object", "<embed", "<script src", "@import", "url(", "fetch(", "XMLHttpRequest", "://"] {
            XCTAssertFalse(html.contains(bad), "the page contains \(bad)", file: file, line: line)
        }
        for tag in openingTags(nil, in: html) {
            for key in ["src", "href", "action", "srcset", "poster", "data"] {
                guard let value = tag.attributes[key] else { continue }
                XCTAssertTrue(value.hasPrefix("#"), "\(key)=\"\(value)\" leaves the page", file: file, line: line)
            }
        }
    }

    /// Opening tags named `name` (any when nil), with their attributes: enough for a DOM dumped by Chromium.
    static func openingTags(_ name: String?, in html: String) -> [PageShape.Element] {
        let pattern = "<(\(name ?? "[a-zA-Z][a-zA-Z0-9]*"))((?:\\s+[^\\s=>/]+(?:=\"[^\"]*\")?)*)\\s*/?>"
        let regex = try! NSRegularExpression(pattern: pattern)
        let attribute = try! NSRegularExpression(pattern: "([^\\s=]+)(?:=\"([^\"]*)\")?")
        let ns = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { m in
            let attrs = ns.substring(with: m.range(at: 2))
            var attributes: [String: String] = [:]
            for a in attribute.matches(in: attrs, range: NSRange(location: 0, length: (attrs as NSString).length)) {
                let value = a.range(at: 2).location == NSNotFound ? "" : (attrs as NSString).substring(with: a.range(at: 2))
                attributes[(attrs as NSString).substring(with: a.range(at: 1))] = PageShape.unescape(value)
            }
            return PageShape.Element(index: 0, name: ns.substring(with: m.range(at: 1)).lowercased(), attributes: attributes)
        }
    }

    /// Runs headless Chromium on `url` (30 s at most): the DOM after the page's script, and its log.
    func dumpDOM(_ chromium: String, _ url: String) throws -> (dom: String, log: String) {
        let out = dir.appendingPathComponent("dom.html"), err = dir.appendingPathComponent("chromium.log")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        p.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr", "--v=0",
                       "--user-data-dir=" + dir.appendingPathComponent("chromium-profile").path,
                       "--virtual-time-budget=2000", "--dump-dom", url]
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        let deadline = Date().addingTimeInterval(30)
        while p.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if p.isRunning {
            p.terminate()
            p.waitUntilExit()
            XCTFail("chromium did not finish within 30 s")
        }
        let log = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        XCTAssertEqual(p.terminationStatus, 0, log.suffix(2000).description)
        return (try String(contentsOf: out, encoding: .utf8), log)
    }
}

/// The page's element tree, checked as it is read: every tag closed in order (void elements aside),
/// attribute values quoted, ids unique, script and style read as raw text. Each element keeps its
/// text (references unescaped, its descendants' included) and its enclosing section.
struct PageShape {
    struct Element {
        var index: Int
        var name: String
        var attributes: [String: String]
        var section: Int?
        var parent: Int?
        var text = ""
        var classes: [Substring] { (attributes["class"] ?? "").split(separator: " ") }
    }

    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    private(set) var elements: [Element] = []
    private(set) var ids = Set<String>()
    /// (link, target) for every `href="#…"`.
    private(set) var internalLinks: [(String, String)] = []

    init(_ html: String) throws {
        let b = Array(html.utf8)
        var i = 0, open: [Int] = []
        func fail(_ why: String) -> Error {
            let context = String(decoding: b[max(0, i - 80)..<min(b.count, i + 80)], as: UTF8.self)
            return NSError(domain: "PageShape", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(why) at byte \(i): …\(context)…"])
        }
        func text(_ from: Int, _ to: Int) {
            guard from < to else { return }
            let t = Self.unescape(String(decoding: b[from..<to], as: UTF8.self))
            for k in open { elements[k].text += t }
        }
        func find(_ needle: String, from: Int) -> Int? {
            let n = Array(needle.utf8)
            var k = from
            while k + n.count <= b.count {
                if b[k] == n[0], Array(b[k..<(k + n.count)]) == n { return k }
                k += 1
            }
            return nil
        }
        var textStart = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
            text(textStart, i)
            guard i + 1 < b.count else { throw fail("< at the end") }
            if b[i + 1] == UInt8(ascii: "!") {
                guard let end = find(">", from: i) else { throw fail("unclosed <!") }
                i = end + 1
            } else if b[i + 1] == UInt8(ascii: "/") {
                guard let end = find(">", from: i) else { throw fail("unclosed end tag") }
                let name = String(decoding: b[(i + 2)..<end], as: UTF8.self)
                guard let top = open.last, elements[top].name == name else {
                    throw fail("</\(name)> closes \(open.last.map { "<\(elements[$0].name)>" } ?? "nothing")")
                }
                open.removeLast()
                i = end + 1
            } else {
                var k = i + 1
                while k < b.count, b[k] != 0x20, b[k] != UInt8(ascii: ">") { k += 1 }
                let name = String(decoding: b[(i + 1)..<k], as: UTF8.self)
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else { throw fail("bad tag name \(name)") }
                var attributes: [String: String] = [:]
                while k < b.count, b[k] != UInt8(ascii: ">") {
                    if b[k] == 0x20 { k += 1; continue }
                    var e = k
                    while e < b.count, b[e] != UInt8(ascii: "="), b[e] != 0x20, b[e] != UInt8(ascii: ">") { e += 1 }
                    let key = String(decoding: b[k..<e], as: UTF8.self)
                    guard attributes[key] == nil else { throw fail("attribute \(key) twice") }
                    if e < b.count, b[e] == UInt8(ascii: "=") {
                        guard b[e + 1] == UInt8(ascii: "\""), let close = find("\"", from: e + 2) else { throw fail("unquoted value of \(key)") }
                        let value = String(decoding: b[(e + 2)..<close], as: UTF8.self)
                        guard !value.contains("<") else { throw fail("< in the value of \(key)") }
                        attributes[key] = Self.unescape(value)
                        k = close + 1
                    } else {
                        attributes[key] = ""
                        k = e
                    }
                }
                guard k < b.count else { throw fail("unclosed tag <\(name)") }
                let parent = open.last.flatMap { elements[$0].section }  // the enclosing section
                let index = elements.count
                elements.append(Element(index: index, name: name, attributes: attributes, section: name == "section" ? index : parent,
                                       parent: open.last))
                if let id = attributes["id"] {
                    guard ids.insert(id).inserted else { throw fail("id \(id) twice") }
                }
                if let href = attributes["href"], href.hasPrefix("#") { internalLinks.append((name, String(href.dropFirst()))) }
                i = k + 1
                if name == "script" || name == "style" {
                    // Raw text up to its end tag.
                    guard let end = find("</\(name)>", from: i) else { throw fail("unclosed <\(name)>") }
                    elements[index].text = String(decoding: b[i..<end], as: UTF8.self)
                    i = end + name.utf8.count + 3
                } else if !Self.void.contains(name) {
                    open.append(index)
                }
            }
            textStart = i
        }
        text(textStart, b.count)
        guard open.isEmpty else { throw fail("unclosed <\(elements[open.last!].name)>") }
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
