import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

/// The command line end to end, through `CommandLineTool` with captured output.
final class CLITests: TempFolderTestCase {
    func run(_ args: [String], stdin: [UInt8] = [], env: [String: String] = [:]) -> Run {
        copylint(args, stdin: stdin, env: env)
    }

    static let duplicated = """
        # 标题

        城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。

        城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。

        """

    func testGccFormatAndExitCodes() throws {
        try write("page.txt", Self.duplicated)
        let r = run(["--format", "gcc", "page.txt"])
        XCTAssertEqual(r.code, 1)
        XCTAssertEqual(r.out, "page.txt:5:1: error: paragraph repeats the one first printed at line 3 [duplicate-paragraph]\n")
        XCTAssertTrue(r.err.contains("1 problem"))
        let quiet = run(["--format", "gcc", "-q", "page.txt"])
        XCTAssertEqual(quiet.err, "")
    }

    /// A file with more findings than one render piece is written in pieces: the report must be the
    /// same, byte for byte, as the whole file rendered at once, on stdout and into -o files.
    func testReportOfManyFindingsIsWrittenInPieces() throws {
        let n = LintCommand.renderPiece + 123
        var page = "# 标题\n\n"
        for k in 0..<n { page += "第\(k % 7)段：城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖𠮷祥等五个区。\r\n\r\n" }
        try write("big.txt", page)
        let linter = Linter(registry: .builtin, settings: RuleSettings())
        let diagnostics = linter.lint(SourceText(path: "big.txt", string: page))
        XCTAssertGreaterThan(diagnostics.count, LintCommand.renderPiece)
        let context = ReportContext(columnUnit: .char, color: false, registry: .builtin, files: ["big.txt"],
                                    root: dir.path, workingDirectory: dir.path)
        for format in ["gcc", "text", "github", "rdjsonl"] {
            let whole = Reporters.named(format)!.report(diagnostics, context: context)
            let r = run(["--format", format, "--color", "never", "-q", "big.txt"])
            XCTAssertEqual(r.code, 1, format)
            XCTAssertEqual(r.out, whole, format)
        }
        let r = run(["--format", "gcc", "-o", "report.txt", "-q", "big.txt"])
        XCTAssertEqual(r.code, 1)
        XCTAssertEqual(try String(contentsOfFile: dir.path + "/report.txt", encoding: .utf8),
                       GCCReporter().report(diagnostics, context: context))
    }

    func testFailOnAndSeverityFromConfig() throws {
        try write("page.txt", Self.duplicated)
        try write(".lintrc", #"{"rules": {"duplicate-paragraph": "warning"}}"#)
        XCTAssertEqual(run(["page.txt"]).code, 0)
        XCTAssertEqual(run(["--fail-on", "warning", "page.txt"]).code, 1)
        XCTAssertEqual(run(["--format", "gcc", "page.txt"]).out.contains(": warning: "), true)
        try write(".lintrc", #"{"rules": {"duplicate-paragraph": "off"}}"#)
        XCTAssertEqual(run(["--format", "gcc", "page.txt"]).out, "")
    }

    /// Wire copy wrapped at 60 columns: four lines of one paragraph, then a second paragraph.
    static let wrapped = """
        Harbour board approves new ferry terminal

        The harbour board on Tuesday approved plans for a new ferry
        terminal on the east quay, ending three years of argument over
        where the larger boats that now serve the islands should berth
        during the winter storms.

        Work is due to start in the spring and to finish within two
        years, the board said in a statement after the meeting.

        """

    func testLayoutFromConfigAndCommandLine() throws {
        try write("wire.txt", Self.wrapped)
        // Recognised as wrapped: the lines of a paragraph are one paragraph, nothing is cut.
        XCTAssertEqual(run(["--format", "gcc", "wire.txt"]).out, "")
        let blocks = run(["blocks", "wire.txt"]).out
        XCTAssertTrue(blocks.contains("wrapped at"), blocks)
        XCTAssertTrue(blocks.contains("  3-6 "), blocks)
        // A block of several lines is shown on one line, each line end as ⏎.
        XCTAssertTrue(blocks.contains("new ferry⏎terminal") || blocks.contains("…"), blocks)
        // Told that every line is a paragraph, the wrapped lines read as cut sentences.
        try write(".lintrc", #"{"layout": "lines"}"#)
        let lines = run(["--format", "gcc", "wire.txt"])
        XCTAssertEqual(lines.code, 1)
        XCTAssertTrue(lines.out.contains("[truncated-sentence]"), lines.out)
        XCTAssertTrue(run(["blocks", "wire.txt"]).out.contains("a paragraph a line"))
        // --layout overrides the configuration.
        XCTAssertEqual(run(["--format", "gcc", "--layout", "auto", "wire.txt"]).out, "")
        XCTAssertTrue(run(["blocks", "--layout", "wrapped", "wire.txt"]).out.contains("wrapped at"))
        // A bad value is a usage error naming the choices, in the file and on the command line.
        let bad = run(["--layout", "columns", "wire.txt"])
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.err.contains("auto, markdown, lines, wrapped, export"), bad.err)
        try write(".lintrc", #"{"layout": "column"}"#)
        let badConfig = run(["wire.txt"])
        XCTAssertEqual(badConfig.code, 2)
        XCTAssertTrue(badConfig.err.contains(".lintrc:1:12"), badConfig.err)
    }

    func testConfigFoundByWalkingUp() throws {
        try write("desk/a/b/page.txt", Self.duplicated)
        try write("desk/.lintrc", #"{"failOn": "info", "rules": {"duplicate-paragraph": "info"}}"#)
        let r = run(["--format", "gcc", "desk/a/b/page.txt"])
        XCTAssertEqual(r.code, 1)
        XCTAssertTrue(r.out.contains(": note: "), r.out)
    }

    func testStdinGivesSameFindings() throws {
        try write("page.txt", Self.duplicated)
        let file = run(["--format", "gcc", "page.txt"])
        let piped = run(["--format", "gcc", "--stdin-filename", "page.txt", "-"], stdin: Array(Self.duplicated.utf8))
        XCTAssertEqual(file.out, piped.out)
        XCTAssertEqual(piped.code, 1)
    }

    func testTextFormatShowsLineCaretsAndHelp() throws {
        try write("page.txt", Self.duplicated)
        let r = run(["page.txt"])
        XCTAssertTrue(r.out.contains("5 | 城市图书馆"), r.out)
        XCTAssertTrue(r.out.contains("  | ^^^^"), r.out)
        XCTAssertTrue(r.out.contains("help: delete the repeated paragraph"), r.out)
        XCTAssertFalse(r.out.contains("\u{1B}["), "no colour off a terminal")
        let colored = run(["--color", "always", "page.txt"])
        XCTAssertTrue(colored.out.contains("\u{1B}["))
    }

    func testColumnUnits() throws {
        // The repeat starts after a two-ideographic-space indent: columns differ by unit.
        try write("p.txt", "标题\n\n　　城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。\n\n　　城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。\n")
        XCTAssertTrue(run(["-f", "gcc", "p.txt"]).out.hasPrefix("p.txt:5:3:"))
        XCTAssertTrue(run(["-f", "gcc", "--column-unit", "byte", "p.txt"]).out.hasPrefix("p.txt:5:7:"))
        XCTAssertTrue(run(["-f", "gcc", "--column-unit", "display", "p.txt"]).out.hasPrefix("p.txt:5:5:"))
        XCTAssertTrue(run(["-f", "gcc", "--column-unit", "utf16", "p.txt"]).out.hasPrefix("p.txt:5:3:"))
    }

    func testDirectoriesAreWalkedWithIncludeAndExclude() throws {
        try write("copy/a.txt", Self.duplicated)
        try write("copy/sub/b.md", Self.duplicated)
        try write("copy/sub/c.json", Self.duplicated)
        try write("copy/.hidden/d.txt", Self.duplicated)
        let r = run(["-f", "gcc", "copy"])
        XCTAssertEqual(r.out.split(separator: "\n").map { String($0.split(separator: ":")[0]) }, ["copy/a.txt", "copy/sub/b.md"])
        try write("copy/.lintrc", #"{"exclude": ["sub/**"]}"#)
        XCTAssertEqual(run(["-f", "gcc", "copy"]).out.split(separator: "\n").count, 1)
        // The same folder named another way: the exclusion still applies.
        XCTAssertEqual(run(["-f", "gcc", "./copy/"]).out.split(separator: "\n").count, 1)
        XCTAssertEqual(run(["-f", "gcc", "copy/sub/../"]).out.split(separator: "\n").count, 1)
    }

    func testBadInputs() throws {
        let missing = run(["nope.txt"])
        XCTAssertEqual(missing.code, 2)
        XCTAssertEqual(missing.err.split(separator: "\n").first, "copylint: error: nope.txt: no such file or directory")

        try write("bad.txt", Array("好的".utf8) + [0xE4, 0xB8] + Array("\n".utf8))
        let bad = run(["bad.txt"])
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.err.contains("bad.txt: invalid UTF-8 at byte offset 6 (line 1, column 3)"), bad.err)
        XCTAssertTrue(bad.err.contains("--encoding"))

        try write("bin.txt", [0x41, 0x00, 0x42])
        let bin = run(["bin.txt"])
        XCTAssertEqual(bin.code, 0)
        XCTAssertTrue(bin.err.contains("copylint: warning: bin.txt: binary file (NUL byte at offset 1), skipped"), bin.err)

        try write("empty.txt", "")
        XCTAssertEqual(run(["empty.txt"]).code, 0)

        try FileManager.default.createDirectory(at: dir.appendingPathComponent("nothing"), withIntermediateDirectories: true)
        try write("nothing/x.json", "{}")
        let none = run(["nothing"])
        XCTAssertEqual(none.code, 2)
        XCTAssertTrue(none.err.contains("nothing: no files to lint"), none.err)

        XCTAssertEqual(run(["--format", "xml", "x"]).code, 2)
        XCTAssertTrue(run(["--formt", "gcc"]).err.contains("did you mean \"--format\""))
        XCTAssertTrue(run(["--column-unit", "bytes", "x"]).err.contains("did you mean \"byte\""))
    }

    func testFIFOIsRefusedNotRead() throws {
        let path = dir.appendingPathComponent("pipe.txt").path
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        let r = run(["pipe.txt"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("not a regular file"), r.err)
    }

    func testMalformedLintrcExitsTwoWithPosition() throws {
        try write("page.txt", Self.duplicated)
        try write(".lintrc", "{\n  \"rules\": {\n    \"duplicate-paragraph\": \"warn\"\n  }\n}\n")
        let r = run(["page.txt"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.hasSuffix(".lintrc:3:28: error: rule setting must be \"off\", \"on\", \"error\", \"warning\" or \"info\", not \"warn\" (did you mean \"warning\"?)\n"), r.err)
        let dirConfig = run(["--config", ".", "page.txt"])
        XCTAssertEqual(dirConfig.code, 2)
        XCTAssertTrue(dirConfig.err.contains("is a directory"), dirConfig.err)
    }

    func testLegacyEncodings() throws {
        // UTF-16 LE with BOM is detected; columns refer to decoded characters.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in Self.duplicated.utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        try write("u16.txt", utf16)
        XCTAssertEqual(run(["-f", "gcc", "u16.txt"]).out, "u16.txt:5:1: error: paragraph repeats the one first printed at line 3 [duplicate-paragraph]\n")
        // GB18030 needs --encoding.
        let gb = try XCTUnwrap(Self.iconv(Self.duplicated, to: "GB18030"))
        try write("gb.txt", gb)
        XCTAssertEqual(run(["gb.txt"]).code, 2)
        XCTAssertEqual(run(["-f", "gcc", "--encoding", "gb18030", "gb.txt"]).out.prefix(13), "gb.txt:5:1: e")
        let big5 = try XCTUnwrap(Self.iconv("# 標題\n\n城市圖書館的夜間開放時間將延長到晚上十點。\n\n城市圖書館的夜間開放時間將延長到晚上十點。\n", to: "BIG5"))
        try write("b5.txt", big5)
        XCTAssertEqual(run(["-f", "gcc", "--encoding", "big5", "b5.txt"]).out.prefix(13), "b5.txt:5:1: e")
    }

    func testHelpVersionRulesExplain() {
        let help = run(["--help"])
        XCTAssertEqual(help.code, 0)
        XCTAssertTrue(help.out.contains("EXIT CODES"))
        XCTAssertTrue(run(["--version"]).out.hasPrefix("copylint "))
        XCTAssertTrue(run(["rules"]).out.contains("duplicate-paragraph"))
        let explain = run(["explain", "duplicate-paragraph"])
        XCTAssertTrue(explain.out.contains("minLength"))
        let unknown = run(["explain", "duplicate-paragraf"])
        XCTAssertEqual(unknown.code, 2)
        XCTAssertTrue(unknown.err.contains("did you mean \"duplicate-paragraph\""))
    }

    static func iconv(_ text: String, to encoding: String) -> [UInt8]? {
        let cd = Glibc.iconv_open(encoding, "UTF-8")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 8)
        var produced = 0
        let ok = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf -> Bool in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let r = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                produced = outBuf.count - outLeft
                return r != -1
            }
        }
        return ok ? Array(output[..<produced]) : nil
    }
}
