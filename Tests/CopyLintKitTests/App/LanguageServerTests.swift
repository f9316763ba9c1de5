import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

/// `copylint lsp` at the protocol level: framing, errors, lifecycle, diagnostics, code actions.
/// (LanguageServerEditorTests drives it from a real editor.)
final class LanguageServerTests: TempFolderTestCase {
    final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes: [UInt8] = []
        var exitCode: Int32?
        func append(_ b: [UInt8]) { lock.lock(); bytes += b; lock.unlock() }

        /// Every message sent so far, decoded.
        var messages: [[String: Any]] {
            lock.lock(); defer { lock.unlock() }
            var framer = MessageFramer()
            framer.append(bytes)
            var out: [[String: Any]] = []
            while case .message(let body)? = framer.next() {
                out.append(try! JSONSerialization.jsonObject(with: Data(body)) as! [String: Any])
            }
            return out
        }
    }

    func makeServer(debounce: Double = 0) -> (LanguageServer, Captured) {
        let captured = Captured()
        let server = LanguageServer(debounce: debounce) { captured.append($0) }
        server.onExit = { code in captured.exitCode = code }
        return (server, captured)
    }

    static func framed(_ message: [String: Any]) -> [UInt8] {
        MessageFramer.frame(Array(try! JSONSerialization.data(withJSONObject: message)))
    }

    static func request(_ id: Int, _ method: String, _ params: [String: Any] = [:]) -> [UInt8] {
        framed(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
    }

    static func notification(_ method: String, _ params: [String: Any] = [:]) -> [UInt8] {
        framed(["jsonrpc": "2.0", "method": method, "params": params])
    }

    static func initialize(_ encodings: [String]? = nil) -> [UInt8] {
        var capabilities: [String: Any] = [:]
        if let encodings { capabilities["general"] = ["positionEncodings": encodings] }
        return request(1, "initialize", ["capabilities": capabilities])
    }

    func response(_ id: Int, in messages: [[String: Any]]) -> [String: Any]? {
        messages.first { ($0["id"] as? Int) == id }
    }

    func errorCode(_ message: [String: Any]?) -> Int? { (message?["error"] as? [String: Any])?["code"] as? Int }

    // MARK: - framing

    func testMessageSplitAcrossReads() {
        let (server, out) = makeServer()
        let bytes = Self.initialize()
        // Split inside the header, inside the blank line and inside the body.
        for cut in [bytes[0..<7], bytes[7..<19], bytes[19..<30], bytes[30...]] { server.receive(Array(cut)) }
        server.settle()
        XCTAssertEqual(out.messages.count, 1)
        XCTAssertNotNil(response(1, in: out.messages)?["result"])
        // One byte at a time.
        let (server2, out2) = makeServer()
        for b in Self.initialize() { server2.receive([b]) }
        server2.settle()
        XCTAssertNotNil(response(1, in: out2.messages)?["result"])
    }

    func testTwoMessagesInOneRead() {
        let (server, out) = makeServer()
        server.receive(Self.initialize() + Self.request(2, "shutdown"))
        server.settle()
        XCTAssertEqual(out.messages.compactMap { $0["id"] as? Int }, [1, 2])
    }

    func testBadContentLengthIsAnErrorAndTheStreamRecovers() {
        let (server, out) = makeServer()
        server.receive(Array("Content-Length: twelve\r\n\r\n".utf8))
        server.receive(Array("Content-Type: text/plain\r\n\r\n".utf8))
        server.receive(Self.initialize())
        server.settle()
        let messages = out.messages
        XCTAssertEqual(messages.count, 3, "\(messages)")
        XCTAssertEqual(errorCode(messages[0]), -32700)
        XCTAssertTrue(messages[0]["id"] is NSNull)
        XCTAssertTrue(((messages[0]["error"] as? [String: Any])?["message"] as? String ?? "").contains("bad Content-Length 'twelve'"))
        XCTAssertTrue(((messages[1]["error"] as? [String: Any])?["message"] as? String ?? "").contains("without Content-Length"))
        XCTAssertNotNil(response(1, in: messages)?["result"], "a good message after the bad ones is served")
    }

    func testMalformedAndUnknownMessages() {
        let (server, out) = makeServer()
        server.receive(Self.request(9, "textDocument/codeAction"))            // before initialize
        server.receive(MessageFramer.frame(Array("{not json".utf8)))
        server.receive(MessageFramer.frame(Array("[1, 2]".utf8)))
        server.receive(Self.initialize())
        server.receive(Self.request(2, "textDocument/definition"))
        server.receive(Self.notification("custom/somethingElse"))            // ignored
        server.receive(Self.request(3, "textDocument/codeAction", ["range": [:]]))
        server.settle()
        let m = out.messages
        XCTAssertEqual(errorCode(response(9, in: m)), -32002)
        XCTAssertEqual(m.compactMap(errorCode), [-32002, -32700, -32600, -32601, -32602])
        XCTAssertEqual(errorCode(response(2, in: m)), -32601)
        XCTAssertEqual(m.count, 6, "an unknown notification gets no answer")
    }

    func testShutdownThenRequestThenExit() {
        let (server, out) = makeServer()
        server.receive(Self.initialize() + Self.request(2, "shutdown") + Self.request(3, "textDocument/codeAction"))
        server.settle()
        XCTAssertTrue(response(2, in: out.messages)?["result"] is NSNull)
        XCTAssertEqual(errorCode(response(3, in: out.messages)), -32600)
        server.receive(Self.notification("exit"))
        server.settle()
        XCTAssertEqual(out.exitCode, 0)

        let (server2, out2) = makeServer()
        server2.receive(Self.initialize() + Self.notification("exit"))
        server2.settle()
        XCTAssertEqual(out2.exitCode, 1, "exit without shutdown")
    }

    func testCancelledRequestIsAnswered() {
        let (server, out) = makeServer()
        server.receive(Self.initialize())
        server.receive(Self.notification("$/cancelRequest", ["id": 7]) + Self.request(7, "textDocument/codeAction"))
        server.settle()
        XCTAssertEqual(errorCode(response(7, in: out.messages)), -32800)
    }

    // MARK: - diagnostics and actions

    static let page = """
        # 标题

        城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。

        𠮷野家旁的市民可以在網上预约座位。

        城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。

        """

    func published(_ out: Captured) -> [[String: Any]] {
        out.messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }.map { $0["params"] as! [String: Any] }
    }

    func diagnostics(_ params: [String: Any]?) -> [(code: String, line: Int, start: Int, end: Int)] {
        (params?["diagnostics"] as? [[String: Any]] ?? []).map { d in
            let range = d["range"] as! [String: Any]
            let s = range["start"] as! [String: Any], e = range["end"] as! [String: Any]
            return (d["code"] as! String, s["line"] as! Int, s["character"] as! Int, e["character"] as! Int)
        }
    }

    func open(_ server: LanguageServer, _ uri: String, _ text: String, version: Int = 1) {
        server.receive(Self.notification("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": version, "text": text]]))
    }

    func testDiagnosticsInEachNegotiatedEncoding() throws {
        let uri = dir.appendingPathComponent("page.md").absoluteString
        // 𠮷 is 1 scalar, 2 UTF-16 units, 4 bytes: the traditional 網 after it sits at a different column in each.
        for (offered, chosen, column) in [(nil, "utf-16", 11), (["utf-8", "utf-16"], "utf-8", 31), (["utf-32"], "utf-32", 10), (["latin-1"], "utf-16", 11)] as [([String]?, String, Int)] {
            let (server, out) = makeServer()
            server.receive(Self.initialize(offered))
            server.receive(Self.notification("initialized"))
            open(server, uri, Self.page)
            server.settle()
            let result = response(1, in: out.messages)?["result"] as? [String: Any]
            XCTAssertEqual((result?["capabilities"] as? [String: Any])?["positionEncoding"] as? String, chosen)
            let found = diagnostics(published(out).last)
            XCTAssertEqual(found.map(\.code), ["mixed-script", "duplicate-paragraph"], "\(found)")
            XCTAssertEqual(found.first.map { [$0.line, $0.start, $0.end] }, [4, column, column + (chosen == "utf-8" ? 3 : 1)], chosen)
            XCTAssertEqual(found.last.map { [$0.line, $0.start] }, [6, 0])
            let duplicate = (published(out).last?["diagnostics"] as? [[String: Any]])?.last
            // Each rule links to its own documentation.
            XCTAssertEqual((duplicate?["codeDescription"] as? [String: Any])?["href"] as? String,
                           "https://github.com/copylint/copylint/blob/main/README.md#rule-duplicate-paragraph")
            let mixed = (published(out).last?["diagnostics"] as? [[String: Any]])?.first
            XCTAssertEqual((mixed?["codeDescription"] as? [String: Any])?["href"] as? String,
                           "https://github.com/copylint/copylint/blob/main/README.md#rule-mixed-script")
            XCTAssertEqual(duplicate?["severity"] as? Int, 1)
            let related = (duplicate?["relatedInformation"] as? [[String: Any]])?.first
            XCTAssertEqual(((related?["location"] as? [String: Any])?["range"] as? [String: Any]).flatMap { ($0["start"] as? [String: Any])?["line"] as? Int }, 2)
        }
    }

    /// The client's `locale` sets the language of messages, notes and quick-fix titles; pack rules
    /// link to their rule file.
    func testMessagesFollowTheClientsLocale() throws {
        let uri = dir.appendingPathComponent("page.md").absoluteString
        let (server, out) = makeServer()
        server.receive(Self.request(1, "initialize", ["capabilities": [:] as [String: Any], "locale": "zh-TW"]))
        server.receive(Self.notification("initialized"))
        open(server, uri, Self.page + "\n今天的气温比昨天低低五度,傍晚还有小雨。\n")
        server.settle()
        let found = published(out).last?["diagnostics"] as? [[String: Any]] ?? []
        let duplicate = found.first { $0["code"] as? String == "duplicate-paragraph" }
        XCTAssertEqual(duplicate?["message"] as? String, "本段與第 3 行重複")
        XCTAssertEqual(((duplicate?["relatedInformation"] as? [[String: Any]])?.first?["message"]) as? String, "首次刊登於此")
        let pack = found.first { ($0["code"] as? String)?.hasPrefix("zh-hans-news/") == true }
        let href = (pack?["codeDescription"] as? [String: Any])?["href"] as? String
        XCTAssertTrue(href?.hasPrefix("https://github.com/copylint/copylint/blob/main/rules/zh-hans-news/") == true, "\(String(describing: href))")
        XCTAssertTrue(href.map { FileManager.default.fileExists(atPath: TestPaths.repoRoot.appendingPathComponent(
            String($0.dropFirst("https://github.com/copylint/copylint/blob/main/".count))).path) } ?? false, "the rule file exists")
        server.receive(Self.request(2, "textDocument/codeAction", ["textDocument": ["uri": uri],
            "range": ["start": ["line": 6, "character": 0], "end": ["line": 6, "character": 1]]]))
        server.settle()
        let actions = response(2, in: out.messages)?["result"] as? [[String: Any]] ?? []
        XCTAssertTrue(actions.contains { $0["title"] as? String == "刪除重複段落" }, "\(actions.map { $0["title"] ?? "" })")
    }

    func testIncrementalEditsClearTheDuplicateAndCodeActionsFix() throws {
        let uri = dir.appendingPathComponent("page.md").absoluteString
        let (server, out) = makeServer()
        server.receive(Self.initialize())
        open(server, uri, Self.page)
        // Delete the repeated paragraph (lines 6-7) with a ranged change.
        server.receive(Self.notification("textDocument/didChange", [
            "textDocument": ["uri": uri, "version": 2],
            "contentChanges": [["range": ["start": ["line": 5, "character": 0], "end": ["line": 7, "character": 0]], "text": ""]],
        ]))
        server.settle()
        let last = published(out).last
        XCTAssertEqual(last?["version"] as? Int, 2)
        XCTAssertEqual(diagnostics(last).map(\.code), ["mixed-script"])

        server.receive(Self.request(5, "textDocument/codeAction", [
            "textDocument": ["uri": uri],
            "range": ["start": ["line": 4, "character": 11], "end": ["line": 4, "character": 12]],
            "context": ["diagnostics": [Any]()],
        ]))
        server.settle()
        let actions = response(5, in: out.messages)?["result"] as? [[String: Any]] ?? []
        XCTAssertEqual(actions.compactMap { $0["title"] as? String }, ["replace with '网'", "Disable mixed-script for this line"])
        let change = ((actions.first?["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]]
        XCTAssertEqual(change?.first?["newText"] as? String, "网")
        let disable = ((actions.last?["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]]
        XCTAssertEqual(disable?.first?["newText"] as? String, "<!-- copylint-disable-next-line mixed-script -->\n")

        // Apply the disable edit as a client would: the finding goes away.
        server.receive(Self.notification("textDocument/didChange", [
            "textDocument": ["uri": uri, "version": 3],
            "contentChanges": [["range": ["start": ["line": 4, "character": 0], "end": ["line": 4, "character": 0]],
                                "text": "<!-- copylint-disable-next-line mixed-script -->\n"]],
        ]))
        server.settle()
        XCTAssertEqual(diagnostics(published(out).last).map(\.code), [])

        server.receive(Self.notification("textDocument/didClose", ["textDocument": ["uri": uri]]))
        server.settle()
        XCTAssertEqual(published(out).last?["version"] as? Int, nil)
        XCTAssertEqual(diagnostics(published(out).last).count, 0)
    }

    func testDisableActionInPlainCopyUsesTheTextDirective() throws {
        let uri = dir.appendingPathComponent("page.txt").absoluteString
        let (server, out) = makeServer()
        server.receive(Self.initialize())
        open(server, uri, Self.page.replacingOccurrences(of: "# 标题", with: "标题").replacingOccurrences(of: "\n", with: "\r\n"))
        server.receive(Self.request(2, "textDocument/codeAction", [
            "textDocument": ["uri": uri], "range": ["start": ["line": 6, "character": 0], "end": ["line": 6, "character": 1]],
        ]))
        server.settle()
        let actions = response(2, in: out.messages)?["result"] as? [[String: Any]] ?? []
        let disable = actions.first { ($0["title"] as? String) == "Disable duplicate-paragraph for this line" }
        let edit = (((disable?["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])?.first
        XCTAssertEqual(edit?["newText"] as? String, "%% copylint-disable-next-line duplicate-paragraph\r\n", "\(actions)")
        server.receive(Self.notification("textDocument/didChange", [
            "textDocument": ["uri": uri, "version": 2],
            "contentChanges": [["range": edit?["range"] ?? [:], "text": edit?["newText"] ?? ""]],
        ]))
        server.settle()
        XCTAssertEqual(diagnostics(published(out).last).map(\.code), ["mixed-script"])
    }

    func testRapidEditsAreDebounced() throws {
        let uri = dir.appendingPathComponent("page.md").absoluteString
        let (server, out) = makeServer(debounce: 0.3)
        server.receive(Self.initialize())
        open(server, uri, Self.page)
        server.settle()
        let before = published(out).count
        var bytes: [UInt8] = []
        for v in 2...11 {
            bytes += Self.notification("textDocument/didChange", [
                "textDocument": ["uri": uri, "version": v],
                "contentChanges": [["range": ["start": ["line": 0, "character": 2], "end": ["line": 0, "character": 2]], "text": "新"]],
            ])
        }
        server.receive(bytes)
        Thread.sleep(forTimeInterval: 0.8)
        server.settle()
        let after = published(out).dropFirst(before)
        XCTAssertEqual(after.count, 1, "ten edits, one lint")
        XCTAssertEqual(after.first?["version"] as? Int, 11)
    }

    func testLintrcAndPacksAreHonouredAndReloadedWhenTheyChange() throws {
        try write("desk/.lintrc", #"{"rules": {"duplicate-paragraph": "off"}}"#)
        try write("desk/page.md", Self.page)
        let uri = dir.appendingPathComponent("desk/page.md").absoluteString
        let (server, out) = makeServer()
        server.receive(Self.initialize())
        open(server, uri, Self.page)
        server.settle()
        XCTAssertEqual(diagnostics(published(out).last).map(\.code), ["mixed-script"])

        try write("desk/.lintrc", #"{"rules": {"duplicate-paragraph": "warning", "mixed-script": "off"}}"#)
        server.receive(Self.notification("workspace/didChangeWatchedFiles", ["changes": [["uri": dir.appendingPathComponent("desk/.lintrc").absoluteString, "type": 2]]]))
        server.settle()
        let now = published(out).last
        XCTAssertEqual(diagnostics(now).map(\.code), ["duplicate-paragraph"])
        XCTAssertEqual((now?["diagnostics"] as? [[String: Any]])?.first?["severity"] as? Int, 2)

        // A house pack named by the .lintrc: its rules run, and an edit to its JSON is picked up.
        let rule = #"{"id": "banned", "kind": "existence", "summary": "s", "message": "banned word '{match}'", "language": "any", "tokens": ["WORD"]}"#
        try write("desk/packs/house/banned.json", rule.replacingOccurrences(of: "WORD", with: "夜间"))
        try write("desk/.lintrc", #"{"packs": ["packs/house"], "rules": {"mixed-script": "off", "duplicate-paragraph": "off"}}"#)
        server.receive(Self.notification("workspace/didChangeWatchedFiles", ["changes": [["uri": dir.appendingPathComponent("desk/.lintrc").absoluteString, "type": 2]]]))
        server.settle()
        XCTAssertEqual((published(out).last?["diagnostics"] as? [[String: Any]])?.compactMap { $0["message"] as? String },
                       ["banned word '夜间'", "banned word '夜间'"])
        try write("desk/packs/house/banned.json", rule.replacingOccurrences(of: "WORD", with: "座位"))
        server.receive(Self.notification("workspace/didChangeWatchedFiles", ["changes": [["uri": dir.appendingPathComponent("desk/packs/house/banned.json").absoluteString, "type": 2]]]))
        server.settle()
        XCTAssertEqual((published(out).last?["diagnostics"] as? [[String: Any]])?.compactMap { $0["message"] as? String }, ["banned word '座位'"])

        // The pack's own JSON, open in the editor, is configuration: it is not linted as copy.
        let before = published(out).count
        open(server, dir.appendingPathComponent("desk/packs/house/banned.json").absoluteString, rule)
        server.settle()
        XCTAssertEqual(published(out).count, before)

        // A broken .lintrc is shown on the first line, not silently ignored.
        try write("desk/.lintrc", #"{"rules": {"duplicate-paragraph": "warn"}}"#)
        server.receive(Self.notification("textDocument/didSave", ["textDocument": ["uri": dir.appendingPathComponent("desk/.lintrc").absoluteString]]))
        server.settle()
        let broken = published(out).last?["diagnostics"] as? [[String: Any]]
        XCTAssertEqual(broken?.count, 1)
        XCTAssertTrue((broken?.first?["message"] as? String ?? "").contains(".lintrc:1:35: error:"), "\(String(describing: broken))")
    }

    /// A page in a folder its .lintrc makes an edition: the edition's findings on it are published, with
    /// the other end in the other file, and saving another page of the edition re-checks it.
    func testAPageOfAnEditionIsCheckedAgainstItsOtherPages() throws {
        try write("edition/.lintrc", #"{"edition": {}}"#)
        let front = "# Council approves harbour dredging\n\nThe council voted on Monday to dredge the inner harbour, ending a long\n\nContinued on Page A6\n"
        try write("edition/A01.txt", front)
        try write("edition/A06.txt", "# Weather\n\nRain through Thursday, clearing on Friday with a cold wind from the north.\n")
        let frontURI = dir.appendingPathComponent("edition/A01.txt").absoluteString
        let insideURI = dir.appendingPathComponent("edition/A06.txt").absoluteString
        let (server, out) = makeServer()
        server.receive(Self.initialize())
        open(server, frontURI, front)
        server.settle()
        let first = published(out).last { $0["uri"] as? String == frontURI }
        XCTAssertEqual(diagnostics(first).map(\.code), ["broken-jump"])
        XCTAssertEqual(diagnostics(first).first?.line, 4)
        let related = ((first?["diagnostics"] as? [[String: Any]])?.first?["relatedInformation"] as? [[String: Any]])?.first
        XCTAssertEqual((related?["location"] as? [String: Any])?["uri"] as? String, insideURI)

        // The continuation is written on page A6 and saved: page A1 is checked again.
        let inside = "Dredging, from Page A1\n\nContinued from Page A1\n\ndispute over the cost of the work.\n"
        open(server, insideURI, inside)
        try write("edition/A06.txt", inside)
        server.receive(Self.notification("textDocument/didSave", ["textDocument": ["uri": insideURI]]))
        server.settle()
        let again = published(out).last { $0["uri"] as? String == frontURI }
        XCTAssertEqual(diagnostics(again).map(\.code), [])
        XCTAssertGreaterThan(published(out).filter { $0["uri"] as? String == frontURI }.count, 1)

        // Without the .lintrc's "edition", the page is linted alone: a jump line is not reported.
        try write("edition/.lintrc", #"{}"#)
        try write("edition/A06.txt", "# Weather\n\nRain through Thursday, clearing on Friday with a cold wind from the north.\n")
        server.receive(Self.notification("workspace/didChangeWatchedFiles", ["changes": [["uri": dir.appendingPathComponent("edition/.lintrc").absoluteString, "type": 2]]]))
        server.settle()
        XCTAssertEqual(diagnostics(published(out).last { $0["uri"] as? String == frontURI }).map(\.code), [])
    }
}

/// A real client: headless Neovim (CI installs it) runs Editors/nvim-lsp.lua against `copylint lsp`.
final class LanguageServerEditorTests: TempFolderTestCase {
    func testNeovimShowsDiagnosticsClearsTheDuplicateAndAppliesTheFix() throws {
        guard let nvim = IntegrationTests.installed("nvim") else {
            if IntegrationTests.toolsRequired { XCTFail("nvim is required (COPYLINT_REQUIRE_TOOLS=1) but not installed") }
            throw XCTSkip("nvim is not installed")
        }
        guard let exe = RobustnessTests.executable else { throw XCTSkip("the copylint executable is not built") }
        let script = TestPaths.suite.appendingPathComponent("Editors/nvim-lsp.lua")
        try write("desk/page.md", LanguageServerTests.page)
        let result = dir.appendingPathComponent("result.json")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: nvim)
        p.arguments = ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile \(script.path)"]
        var env = ProcessInfo.processInfo.environment
        env["COPYLINT_EXE"] = exe.path
        env["COPYLINT_PAGE"] = dir.appendingPathComponent("desk/page.md").path
        env["COPYLINT_RESULT"] = result.path
        p.environment = env
        p.currentDirectoryURL = dir
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(120)
        while p.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning { p.terminate(); XCTFail("Neovim did not finish") }
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: result)) as? [String: Any])
        XCTAssertNil(json["error"], "\(json)")
        XCTAssertEqual(json["steps"] as? [String], ["diagnostics", "deleted", "fixed"])
        XCTAssertEqual(json["offset_encoding"] as? String, "utf-16", "Neovim offers no encoding: the UTF-16 default")

        func entries(_ key: String) -> [[String: Any]] { json[key] as? [[String: Any]] ?? [] }
        func range(_ e: [String: Any]) -> [Int] {
            let r = e["sent_range"] as? [String: Any]
            let s = r?["start"] as? [String: Any], t = r?["end"] as? [String: Any]
            return [s?["line"], s?["character"], t?["line"], t?["character"]].map { $0 as? Int ?? -1 }
        }
        let initial = entries("initial")
        XCTAssertEqual(initial.compactMap { $0["code"] as? String }, ["mixed-script", "duplicate-paragraph"])
        // 網 follows 𠮷 (two UTF-16 units) and nine more characters: UTF-16 column 11, byte column 31.
        XCTAssertEqual(initial.first.map(range), [4, 11, 4, 12])
        XCTAssertEqual(initial.first?["byte_col"] as? Int, 31, "Neovim lands on the flagged character")
        XCTAssertEqual(initial.first?["message"] as? String, "traditional character '網' in simplified copy (simplified: '网')")
        XCTAssertEqual(initial.last.map(range), [6, 0, 6, 31])
        XCTAssertEqual(initial.last?["message"] as? String, "paragraph repeats the one first printed at line 3")
        XCTAssertEqual(initial.first?["severity"] as? Int, 1)

        XCTAssertEqual(entries("after_delete").compactMap { $0["code"] as? String }, ["mixed-script"])
        XCTAssertEqual(json["actions"] as? [String], ["replace with '网'", "Disable mixed-script for this line"])
        XCTAssertEqual(json["fixed_line"] as? String, "𠮷野家旁的市民可以在网上预约座位。")
    }
}
