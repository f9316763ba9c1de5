import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

/// The real consumers of copylint's output: schema validators, Vim, Emacs, git. CI installs
/// what these tests need (.ci/run); a missing tool skips its test with a message.
final class IntegrationTests: TempFolderTestCase {
    static let repoRoot = TestPaths.repoRoot
    static let shared = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// CI sets COPYLINT_REQUIRE_TOOLS=1 so that a missing tool fails instead of skipping.
    static let toolsRequired = ProcessInfo.processInfo.environment["COPYLINT_REQUIRE_TOOLS"] == "1"

    /// Where `program` is on PATH, if anywhere.
    static func installed(_ program: String) -> String? {
        ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program; nil when it is not installed (a failure when tools are required).
    @discardableResult
    func run(_ program: String, _ args: [String], in directory: URL? = nil) throws -> (code: Int32, out: String)? {
        guard let path = Self.installed(program) else {
            if Self.toolsRequired { XCTFail("\(program) is required (COPYLINT_REQUIRE_TOOLS=1) but not installed") }
            return nil
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.currentDirectoryURL = directory ?? dir
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    // MARK: - schemas

    func validate(_ output: URL, schema: String, lines: Bool = false) throws {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            path = sys.argv[2]
            docs = [json.loads(l) for l in open(path) if l.strip()] if sys.argv[3] == "lines" else [json.load(open(path))]
            for d in docs:
                jsonschema.validate(d, schema)
            print("valid", len(docs))
            """
        guard let result = try run("python3", ["-c", script, schema, output.path, lines ? "lines" : "one"]) else {
            throw XCTSkip("python3 is not installed")
        }
        XCTAssertEqual(result.code, 0, "\(output.lastPathComponent) does not validate against \(schema):\n\(result.out.suffix(2000))")
    }

    func testSARIFAndRDJSONValidateOnRealCopy() throws {
        let corpus = Self.shared.appendingPathComponent("corpus")
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            if Self.toolsRequired { return XCTFail("../shared/corpus is required (COPYLINT_REQUIRE_TOOLS=1) but missing") }
            throw XCTSkip("../shared/corpus is not beside the repository")
        }
        let schemas = Self.shared.appendingPathComponent("schemas")
        for (name, folder, inputs) in [("seed", "seed", ["page.txt"]), ("defective", "dev/defective", ["zh", "en"])] {
            let sarif = dir.appendingPathComponent("\(name).sarif"), rdjson = dir.appendingPathComponent("\(name).rdjson")
            let rdjsonl = dir.appendingPathComponent("\(name).rdjsonl")
            let r = copylint(["-q", "--format", "sarif", "-o", sarif.path, "--format", "rdjson", "-o", rdjson.path,
                              "--format", "rdjsonl", "-o", rdjsonl.path] + inputs,
                             in: corpus.appendingPathComponent(folder))
            XCTAssertEqual(r.code, 1, r.err)
            try validate(sarif, schema: schemas.appendingPathComponent("sarif-2.1.0.json").path)
            try validate(rdjson, schema: schemas.appendingPathComponent("rdjson/DiagnosticResult.json").path)
            try validate(rdjsonl, schema: schemas.appendingPathComponent("rdjson/Diagnostic.json").path, lines: true)
            let log = try JSONCParser.parse(Array(Data(contentsOf: sarif)))
            guard case .array(let runs)? = log["runs"]?.value, case .array(let results)? = runs.first?["results"]?.value,
                  case .array(let rules)? = runs.first?["tool"]?["driver"]?["rules"]?.value else {
                return XCTFail("SARIF without runs, results and rules")
            }
            XCTAssertEqual(rules.count, RuleRegistry.builtin.entries.count)
            XCTAssertFalse(results.isEmpty)
            XCTAssertEqual(runs.first?["columnKind"]?.value, .string("unicodeCodePoints"))
            for result in results {
                XCTAssertNotNil(result["partialFingerprints"])
                guard case .string(let uri)? = result["locations"].flatMap({ node -> JSONNode? in
                    if case .array(let l) = node.value { return l.first?["physicalLocation"]?["artifactLocation"]?["uri"] }
                    return nil
                })?.value else { return XCTFail("result without an artifact uri") }
                XCTAssertFalse(uri.hasPrefix("/"), "artifact paths are relative to the root: \(uri)")
            }
        }
    }

    /// An edition's findings point into other files: SARIF relatedLocations with their own artifact,
    /// rdjson related_locations with their own path, and both still validate.
    func testEditionFindingsWithRelatedLocationsInOtherFilesValidate() throws {
        let schemas = Self.shared.appendingPathComponent("schemas")
        guard FileManager.default.fileExists(atPath: schemas.path) else {
            if Self.toolsRequired { return XCTFail("../shared/schemas is required (COPYLINT_REQUIRE_TOOLS=1) but missing") }
            throw XCTSkip("../shared/schemas is not beside the repository")
        }
        let sarif = dir.appendingPathComponent("edition.sarif"), rdjson = dir.appendingPathComponent("edition.rdjson")
        let r = copylint(["-q", "--format", "sarif", "-o", sarif.path, "--format", "rdjson", "-o", rdjson.path,
                          "--edition", "zh-diban-moved", "--edition", "en-a1-dups", "--edition", "en-p-broken"],
                         in: EditionTests.fixtures)
        XCTAssertEqual(r.code, 1, r.err)
        try validate(sarif, schema: schemas.appendingPathComponent("sarif-2.1.0.json").path)
        try validate(rdjson, schema: schemas.appendingPathComponent("rdjson/DiagnosticResult.json").path)
        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as? [String: Any]
        let results = ((log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        func uri(_ location: [String: Any]?) -> String? {
            ((location?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        var crossFile = 0
        for result in results where ["broken-jump", "duplicate-story"].contains(result["ruleId"] as? String ?? "") {
            let own = uri((result["locations"] as? [[String: Any]])?.first)
            for related in result["relatedLocations"] as? [[String: Any]] ?? [] {
                let other = uri(related)
                XCTAssertNotNil(other)
                XCTAssertFalse(other?.hasPrefix("/") ?? true, "artifact paths are relative to the root: \(other ?? "")")
                if other != own { crossFile += 1 }
            }
        }
        XCTAssertGreaterThanOrEqual(crossFile, 6)
    }

    // MARK: - editors

    /// A Chinese line whose finding sits after wide and astral characters.
    static let chinesePage = "标题\n\n　　𠮷祥社区开展垃圾分类宣传活动，工作人员在 works 现场发放宣传册。\n"

    func testVimQuickfixLandsOnFlaggedCharacterWithByteColumns() throws {
        try write("page.txt", Self.chinesePage)
        let r = copylint(["-q", "--format", "gcc", "--column-unit", "byte", "page.txt"])
        XCTAssertEqual(r.code, 1)
        try write("qf.txt", r.out)
        let script = """
            set errorformat=%f:%l:%c:\\ %t%*[^:]:\\ %m
            cfile qf.txt
            cc 1
            call writefile([line('.') . ':' . matchstr(getline('.'), '\\%' . col('.') . 'c.')], 'vim-result.txt')
            qa!
            """
        try write("check.vim", script)
        guard try run("vim", ["-es", "-N", "-u", "NONE", "-S", "check.vim"]) != nil else { throw XCTSkip("vim is not installed") }
        let result = try String(contentsOf: dir.appendingPathComponent("vim-result.txt"), encoding: .utf8)
        XCTAssertEqual(result.trimmingCharacters(in: .whitespacesAndNewlines), "3:w")
    }

    func testEmacsCompilationModeLandsOnFlaggedCharacterWithDisplayColumns() throws {
        try write("page.txt", Self.chinesePage)
        let r = copylint(["-q", "--format", "gcc", "--column-unit", "display", "page.txt"])
        try write("out.txt", r.out)
        // Visit the first error as compilation-mode does, then record the line and character under point.
        let lisp = """
            (require 'compile)
            (with-current-buffer (get-buffer-create "*copylint*")
              (setq default-directory "\(dir.path)/")
              (insert-file-contents "out.txt")
              (compilation-mode)
              (font-lock-ensure)
              (goto-char (point-min))
              (compilation-next-error 0)
              (compile-goto-error)
              ;; Now in the visited file's buffer, point on the error.
              (let ((result (format "%d:%s" (line-number-at-pos) (string (char-after)))))
                (with-temp-file "\(dir.path)/emacs-result.txt" (insert result))))
            """
        try write("check.el", lisp)
        guard let out = try run("emacs", ["--batch", "-Q", "-l", "check.el"]) else { throw XCTSkip("emacs is not installed") }
        let result = try? String(contentsOf: dir.appendingPathComponent("emacs-result.txt"), encoding: .utf8)
        XCTAssertEqual(result, "3:w", out.out)
    }

    // MARK: - patches

    /// `--diff` is a patch that `patch -p1` and `git apply` both apply, giving what `--fix` writes, for
    /// LF, CRLF and CR files, with and without a final line end.
    func testDiffAppliesWithPatchAndGitApplyForEveryLineEnding() throws {
        let lines = ["# 新馆开放", "", "城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。", "",
                     "城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。", "", "新馆明年开放,届时藏书将达一百万册𠮷。"]
        for (name, eol) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
            for final in [true, false] {
                let file = "\(name)-\(final ? "final" : "open").md"
                let text = lines.joined(separator: eol) + (final ? eol : "")
                for folder in ["patch", "git", "fix"] { try write("\(folder)/\(file)", text) }
                let diff = copylint(["--fix", "--diff", "-q", file], in: dir.appendingPathComponent("patch"))
                XCTAssertEqual(diff.code, 1, diff.err)
                XCTAssertTrue(diff.out.hasPrefix("--- a/\(file)\n+++ b/\(file)\n@@ "), diff.out)
                XCTAssertFalse(diff.out.contains("\\ No newline at end of file") && final && name != "cr", "\(file):\n\(diff.out)")
                try write("\(file).diff", diff.out)
                _ = copylint(["--fix", "-q", file], in: dir.appendingPathComponent("fix"))
                let fixed = try Data(contentsOf: dir.appendingPathComponent("fix/\(file)"))
                XCTAssertNotEqual(fixed, Data(text.utf8), "\(file): --fix changed nothing")
                guard let p = try run("patch", ["-p1", "-i", "../\(file).diff"], in: dir.appendingPathComponent("patch")) else { continue }
                XCTAssertEqual(p.code, 0, "patch rejects the diff of \(file): \(p.out)")
                XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("patch/\(file)")), fixed, "patch: \(file)")
                _ = try run("git", ["init", "-q", "."], in: dir.appendingPathComponent("git"))
                guard let g = try run("git", ["apply", "../\(file).diff"], in: dir.appendingPathComponent("git")) else { continue }
                XCTAssertEqual(g.code, 0, "git apply rejects the diff of \(file): \(g.out)")
                XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("git/\(file)")), fixed, "git apply: \(file)")
            }
        }
    }

    // MARK: - gating

    func testBaselineRoundTrip() throws {
        let page = try String(contentsOf: Self.repoRoot.appendingPathComponent("examples/zh-page.md"), encoding: .utf8)
        try write("page.md", page)
        let first = copylint(["--write-baseline", "baseline.json", "page.md"])
        XCTAssertEqual(first.code, 0, first.err)
        let again = copylint(["--format", "gcc", "--baseline", "baseline.json", "page.md"])
        XCTAssertEqual(again.code, 0, again.out)
        XCTAssertEqual(again.out, "")
        XCTAssertTrue(again.err.contains("in the baseline baseline.json not reported"), again.err)
        // Lines inserted at the top and a new duplicated paragraph: only the new finding counts.
        let added = "新开的社区食堂每天供应三餐，老人就餐可享受八折优惠。"
        try write("page.md", "<!-- 校对：二〇二六年 -->\n补充说明一行。\n\n" + page + "\n" + added + "\n\n" + added + "\n")
        let after = copylint(["--format", "gcc", "--baseline", "baseline.json", "page.md"])
        XCTAssertEqual(after.code, 1)
        let lines = after.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, after.out)
        XCTAssertTrue(lines.first?.contains("[duplicate-paragraph]") == true, after.out)
        XCTAssertTrue(lines.first?.contains("line 36") == true, after.out)
        // The baseline may only shrink: a finding fixed since makes --fail-on-stale-baseline fail.
        try write("page.md", page.replacingOccurrences(of: "quality", with: "质量"))
        XCTAssertEqual(copylint(["--baseline", "baseline.json", "page.md"]).code, 0)
        let stale = copylint(["--baseline", "baseline.json", "--fail-on-stale-baseline", "page.md"])
        XCTAssertEqual(stale.code, 1)
        XCTAssertTrue(stale.err.contains("1 baselined finding is gone"), stale.err)
    }

    func testBaselineRoundTripOnTheSeedPage() throws {
        let seed = Self.shared.appendingPathComponent("corpus/seed/page.txt")
        guard let page = try? String(contentsOf: seed, encoding: .utf8) else {
            if Self.toolsRequired { return XCTFail("../shared/corpus/seed/page.txt is required but missing") }
            throw XCTSkip("../shared/corpus is not beside the repository")
        }
        try write("page.txt", page)
        XCTAssertEqual(copylint(["--write-baseline", "baseline.json", "page.txt"]).code, 0)
        XCTAssertEqual(copylint(["--baseline", "baseline.json", "page.txt"]).code, 0)
        let added = "新开的社区食堂每天供应三餐，老人就餐可享受八折优惠。"
        // (Added above the page: the page ends on a lone dateline, which copy after it would make a
        // dateline inside the copy, a finding of its own.)
        try write("page.txt", "补充说明一行。\n\n另一行。\n\n" + added + "\n\n" + added + "\n\n" + page)
        let after = copylint(["--format", "gcc", "--baseline", "baseline.json", "page.txt"])
        XCTAssertEqual(after.code, 1)
        XCTAssertEqual(after.out.split(separator: "\n").count, 1, after.out)
        XCTAssertTrue(after.out.contains("[duplicate-paragraph]"), after.out)
    }

    func testChangedLinesModeReportsOnlyChangedLines() throws {
        guard try run("git", ["init", "-q", "."]) != nil else { throw XCTSkip("git is not installed") }
        try run("git", ["config", "user.email", "desk@example.com"])
        try run("git", ["config", "user.name", "Desk"])
        let old = "# 标题\n\n城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。\n\n城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。\n"
        try write("copy/a.md", old)
        try write("copy/b.md", "# 另一篇\n\n这一篇没有改动，也没有问题。\n")
        try run("git", ["add", "."])
        try run("git", ["commit", "-q", "-m", "first edition"])
        let added = "\n新开的社区食堂每天供应三餐，老人就餐可享受八折优惠。\n\n新开的社区食堂每天供应三餐，老人就餐可享受八折优惠。\n"
        try write("copy/a.md", old + added)
        try write("copy/new.md", "# 新稿\n\n区政府发布了新的停车管理办法，居民可以在线申请夜间车位。\n\n区政府发布了新的停车管理办法，居民可以在线申请夜间车位。\n")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("copy/deep"), withIntermediateDirectories: true)
        let r = copylint(["--format", "gcc", "--diff-base", "HEAD"], in: dir.appendingPathComponent("copy/deep"))
        XCTAssertEqual(r.code, 1, r.err)
        let lines = r.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, r.out)
        XCTAssertTrue(lines[0].hasPrefix("../a.md:9:1:"), r.out)
        XCTAssertTrue(lines[1].hasPrefix("../new.md:5:1:"), r.out)
        // A duplicate counts when either copy is new.
        try write("copy/a.md", old + "\n城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。\n")
        let both = copylint(["--format", "gcc", "--diff-base", "HEAD", "a.md"], in: dir.appendingPathComponent("copy"))
        XCTAssertEqual(both.out.split(separator: "\n").count, 1, both.out)
        XCTAssertTrue(both.out.hasPrefix("a.md:7:1:"), both.out)
        // Outside a repository: a clear error.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("copylint-nogit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let bad = copylint(["--diff-base", "HEAD"], in: outside)
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.err.contains("--diff-base needs a git repository"), bad.err)
    }

    func testNoInlineConfigBringsBackSuppressedFinding() throws {
        try write("page.md", """
            # 标题

            城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。

            <!-- copylint-disable-next-line duplicate-paragraph -->
            城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。

            """)
        XCTAssertEqual(copylint(["--format", "gcc", "page.md"]).out, "")
        let r = copylint(["--format", "gcc", "--no-inline-config", "page.md"])
        XCTAssertEqual(r.code, 1)
        XCTAssertTrue(r.out.hasPrefix("page.md:6:1: error: paragraph repeats"), r.out)
    }

    func testPlainCopyDirectivesAndRangesAndUnused() throws {
        try write("page.txt", """
            标题

            %% copylint-disable duplicate-paragraph
            城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。
            城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。
            %% copylint-enable
            区政府发布了新的停车管理办法，居民可以在线申请夜间车位。
            区政府发布了新的停车管理办法，居民可以在线申请夜间车位。
            %% copylint-disable-next-line mixed-script
            这一段没有任何问题。
            %% copylint-disable no-such-rule
            """)
        let r = copylint(["--format", "gcc", "page.txt"])
        let lines = r.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, r.out)
        XCTAssertTrue(lines[0].hasPrefix("page.txt:8:1: error: paragraph repeats the one first printed at line 7"), r.out)
        XCTAssertTrue(lines[1].hasPrefix("page.txt:9:4: warning: suppression of mixed-script is unused"), r.out)
        XCTAssertTrue(lines[2].contains("unknown rule 'no-such-rule'"), r.out)
    }

    func testSeveralReportsInOneRunAndMaxWarnings() throws {
        try write("page.md", "# 标题\n\n城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。\n\n城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。\n")
        let r = copylint(["--format", "gcc", "--format", "sarif", "--output", "out/report.sarif", "page.md"])
        XCTAssertEqual(r.code, 2, "a missing output folder is an error")
        XCTAssertTrue(r.err.contains("does not exist"), r.err)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        let ok = copylint(["--format", "gcc", "--format", "sarif", "--output", "out/report.sarif", "page.md"])
        XCTAssertEqual(ok.code, 1)
        XCTAssertTrue(ok.out.hasPrefix("page.md:5:1: error:"))
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("out/report.sarif"), encoding: .utf8).contains("\"version\": \"2.1.0\""))
        XCTAssertEqual(copylint(["--format", "gcc", "--format", "json", "page.md"]).code, 2, "two reports on stdout")
        try write(".lintrc", #"{"rules": {"duplicate-paragraph": "warning"}}"#)
        XCTAssertEqual(copylint(["page.md"]).code, 0)
        XCTAssertEqual(copylint(["--max-warnings", "0", "page.md"]).code, 1)
        XCTAssertEqual(copylint(["--max-warnings", "1", "page.md"]).code, 0)
    }

    /// Reports are written atomically, but never by renaming over something that is not a regular
    /// file: a link keeps pointing at its report, and /dev/null stays a device.
    func testOutputThroughLinksAndDevices() throws {
        try write("page.md", "# 标题\n\n城市图书馆的夜间开放时间将延长到晚上十点。\n\n城市图书馆的夜间开放时间将延长到晚上十点。\n")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try write("reports/latest.json", "old")
        let link = dir.appendingPathComponent("latest.json").path
        XCTAssertEqual(symlink("reports/latest.json", link), 0)
        XCTAssertEqual(copylint(["--format", "json", "--output", "latest.json", "page.md"]).code, 1)
        var st = stat()
        XCTAssertEqual(lstat(link, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFLNK, "the link is kept")
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("reports/latest.json"), encoding: .utf8).contains("duplicate-paragraph"))

        XCTAssertEqual(copylint(["--format", "sarif", "--output", "/dev/null", "page.md"]).code, 1)
        XCTAssertEqual(stat("/dev/null", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")

        let folder = copylint(["--format", "json", "--output", "reports", "page.md"])
        XCTAssertEqual(folder.code, 2)
        XCTAssertTrue(folder.err.contains("reports: cannot write: it is a folder"), folder.err)
    }

    func testGitHubAnnotationEscaping() {
        XCTAssertEqual(GitHubReporter.escapeData("50% done\r\nnext"), "50%25 done%0D%0Anext")
        XCTAssertEqual(GitHubReporter.escapeProperty("a:b,c%"), "a%3Ab%2Cc%25")
        let source = SourceText(path: "dir,x/p:1.txt", string: "好\n")
        let d = Diagnostic(ruleID: "r", severity: .warning, finding: Finding(range: SourceRange(0, 3), message: "m: 100%\nok"), source: source)
        let out = GitHubReporter().report([d], context: ReportContext(root: "/", workingDirectory: "/"))
        XCTAssertEqual(out, "::warning file=dir%2Cx/p%3A1.txt,line=1,col=1,endLine=1,endColumn=2,title=copylint (r)::m: 100%25%0Aok\n")
    }

    func testXMLReportsAreWellFormed() throws {
        try write("page.md", "# 标题 <&>\n\n城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。\n\n城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。\n")
        try write("clean.md", "# 标题\n\n没有问题的一段。\n")
        for format in ["checkstyle", "junit"] {
            let r = copylint(["--format", format, "page.md", "clean.md"])
            let parser = XMLParser(data: Data(r.out.utf8))
            XCTAssertTrue(parser.parse(), "\(format): \(String(describing: parser.parserError))\n\(r.out)")
            XCTAssertTrue(r.out.contains("clean.md"), "\(format) lists clean files too")
        }
    }
}
