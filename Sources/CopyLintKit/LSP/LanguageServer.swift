import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// `copylint lsp`: a Language Server Protocol 3.17 server. Messages are handled in order on one
/// queue that owns all state; linting runs on another, debounced per document, so a burst of
/// keystrokes costs one lint and reading stdin never waits for a lint.
public final class LanguageServer: @unchecked Sendable {
    /// Receives each framed message to send (stdout in production, a buffer in tests).
    public typealias Output = @Sendable ([UInt8]) -> Void

    public static let documentationURL = "https://github.com/copylint/copylint/blob/main/README.md#rules"

    /// Where a rule is documented: copylint's own rules at their row of README's table, the rules
    /// of its packs at their JSON file; a desk's own pack rule has no page (nil).
    static func documentation(rule id: String) -> String? {
        guard let entry = RuleRegistry.builtin[id] else { return nil }
        let parts = entry.id.split(separator: "/")
        if parts.count == 2 { return "https://github.com/copylint/copylint/blob/main/rules/\(parts[0])/\(parts[1]).json" }
        return documentationURL.replacingOccurrences(of: "#rules", with: "#rule-\(entry.id)")
    }

    enum ErrorCode {
        static let parseError = -32700
        static let invalidRequest = -32600
        static let methodNotFound = -32601
        static let invalidParams = -32602
        static let serverNotInitialized = -32002
        static let requestCancelled = -32800
    }

    struct OpenDocument {
        var uri: String
        var path: String
        var text: [UInt8]
        var version: Int
        /// The server-wide number of the last open or change, whatever versions the client sends:
        /// a lint is current when it saw this one.
        var edits: Int
        /// The last lint: the edit it saw, and its findings.
        var lintedEdit: Int?
        var diagnostics: [Diagnostic] = []
    }

    private let output: Output
    private let outputLock = NSLock()
    let state = DispatchQueue(label: "copylint.lsp.state")
    private let lintQueue = DispatchQueue(label: "copylint.lsp.lint")
    /// Seconds after the last change before a document is linted.
    public var debounce: Double
    /// Called with the exit code on `exit` (the stdio loop exits the process).
    public var onExit: (@Sendable (Int32) -> Void)?

    // State, touched only on `state`.
    var documents: [String: OpenDocument] = [:]
    private var editCount = 0
    private var pendingLint: [String: DispatchWorkItem] = [:]
    private var initialized = false
    private var shutDown = false
    var unit: ColumnUnit = .utf16
    /// The language of messages: the client's `locale` (LSP 3.16), else the environment's.
    var localizer = Localizer(MessageLocale.fromEnvironment(ProcessInfo.processInfo.environment))
    private var configCache: [String: (stamp: String, linter: Linter?, edition: EditionSettings?, error: String?)] = [:]
    /// Pages of editions read from disk, by path, with the size and time they were read at. Touched
    /// only on the lint queue.
    var editionPages: [String: (stamp: String, page: EditionPage)] = [:]
    private var watchersRegistered = false
    private var clientCanWatch = false

    // Cancelled request ids: written by the reader thread as soon as a cancel arrives.
    private let cancelLock = NSLock()
    private var cancelled: Set<String> = []

    public init(debounce: Double = 0.15, output: @escaping Output) {
        self.debounce = debounce
        self.output = output
    }

    // MARK: - input

    private var framer = MessageFramer()

    /// Feeds raw bytes from the client (any split); called from the reading thread.
    public func receive(_ bytes: [UInt8]) {
        framer.append(bytes)
        while let frame = framer.next() {
            switch frame {
            case .error(let why):
                state.async { self.sendError(id: nil, code: ErrorCode.parseError, message: "cannot read message: \(why)") }
            case .message(let body):
                // Cancellation takes effect before queued work reaches the request.
                if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
                   object["method"] as? String == "$/cancelRequest",
                   let id = (object["params"] as? [String: Any])?["id"] {
                    cancelLock.lock(); cancelled.insert(Self.key(id)); cancelLock.unlock()
                }
                state.async { self.handle(body) }
            }
        }
    }

    /// Waits until every message received so far is handled and every due lint is published (tests).
    public func settle() {
        for _ in 0..<3 {
            state.sync {}
            lintQueue.sync {}
        }
        state.sync {}
    }

    /// Reads stdin until `exit` or end of input; returns the exit code.
    public static func runStdio() -> Int32 {
        let server = LanguageServer { bytes in
            bytes.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let n = write(1, raw.baseAddress! + done, raw.count - done)
                    if n < 0 { if errno == EINTR { continue }; exit(1) }   // the client is gone
                    done += n
                }
            }
        }
        server.onExit = { code in exit(code) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            server.receive(Array(buffer[0..<n]))
        }
        // End of input without `exit`: per the protocol, exit 1 unless `shutdown` came first.
        server.settle()
        return server.state.sync { server.shutDown ? 0 : 1 }
    }

    // MARK: - dispatch

    private func handle(_ body: [UInt8]) {
        guard let json = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else {
            return sendError(id: nil, code: ErrorCode.parseError, message: "message is not valid JSON")
        }
        guard let message = json as? [String: Any] else {
            return sendError(id: nil, code: ErrorCode.invalidRequest, message: "a message must be a JSON object")
        }
        let id = message["id"]
        guard let method = message["method"] as? String else {
            // A response to one of our requests (client/registerCapability): nothing to do.
            if id != nil, message["result"] != nil || message["error"] != nil { return }
            return sendError(id: id, code: ErrorCode.invalidRequest, message: "a message needs a \"method\"")
        }
        let params = message["params"] as? [String: Any] ?? [:]
        if let id {
            request(id: id, method: method, params: params)
        } else {
            notification(method: method, params: params)
        }
    }

    private func request(id: Any, method: String, params: [String: Any]) {
        cancelLock.lock()
        let wasCancelled = cancelled.remove(Self.key(id)) != nil
        cancelLock.unlock()
        if wasCancelled { return sendError(id: id, code: ErrorCode.requestCancelled, message: "request cancelled") }
        if shutDown { return sendError(id: id, code: ErrorCode.invalidRequest, message: "the server is shut down; only \"exit\" is accepted") }
        if !initialized, method != "initialize" {
            return sendError(id: id, code: ErrorCode.serverNotInitialized, message: "\"initialize\" must come first")
        }
        switch method {
        case "initialize":
            if initialized { return sendError(id: id, code: ErrorCode.invalidRequest, message: "already initialized") }
            respond(id: id, result: initialize(params))
        case "shutdown":
            shutDown = true
            for item in pendingLint.values { item.cancel() }
            pendingLint = [:]
            respond(id: id, result: NSNull())
        case "textDocument/codeAction":
            guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String,
                  let range = params["range"] as? [String: Any] else {
                return sendError(id: id, code: ErrorCode.invalidParams, message: "codeAction needs textDocument.uri and range")
            }
            respond(id: id, result: codeActions(uri: uri, range: range))
        default:
            sendError(id: id, code: ErrorCode.methodNotFound, message: "unknown method \"\(method)\"")
        }
    }

    private func notification(method: String, params: [String: Any]) {
        if method == "exit" {
            onExit?(shutDown ? 0 : 1)
            return
        }
        guard initialized, !shutDown else { return }
        let document = params["textDocument"] as? [String: Any]
        let uri = document?["uri"] as? String
        switch method {
        case "initialized":
            registerWatchers()
        case "textDocument/didOpen":
            guard let uri, let text = document?["text"] as? String else { return }
            editCount += 1
            documents[uri] = OpenDocument(uri: uri, path: Self.path(of: uri), text: Array(text.utf8),
                                          version: document?["version"] as? Int ?? 0, edits: editCount)
            scheduleLint(uri, delay: 0)
        case "textDocument/didChange":
            guard let uri, var doc = documents[uri], let changes = params["contentChanges"] as? [[String: Any]] else { return }
            for change in changes {
                guard let text = change["text"] as? String else { continue }
                if let range = change["range"] as? [String: Any] {
                    let r = offsets(range, in: doc.text, lines: LineIndex(doc.text))
                    doc.text.replaceSubrange(r.start..<r.end, with: Array(text.utf8))
                } else {
                    doc.text = Array(text.utf8)
                }
            }
            doc.version = document?["version"] as? Int ?? doc.version + 1
            editCount += 1
            doc.edits = editCount
            documents[uri] = doc
            scheduleLint(uri, delay: debounce)
        case "textDocument/didSave":
            guard let uri else { return }
            if Self.isConfiguration(Self.path(of: uri)) { reloadConfiguration(); return }
            if documents[uri] != nil { scheduleLint(uri, delay: 0) }
            // A saved page of an edition changes what the other pages' jumps and stories meet.
            let path = Self.path(of: uri)
            let folder = (path as NSString).deletingLastPathComponent
            if configCache[folder]?.edition != nil {
                for (other, doc) in documents where other != uri && (doc.path as NSString).deletingLastPathComponent == folder {
                    scheduleLint(other, delay: 0)
                }
            }
        case "textDocument/didClose":
            guard let uri else { return }
            documents[uri] = nil
            pendingLint[uri]?.cancel()
            pendingLint[uri] = nil
            notify("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": [Any]()])
        case "workspace/didChangeWatchedFiles":
            let changed = (params["changes"] as? [[String: Any]] ?? []).compactMap { $0["uri"] as? String }
            if changed.contains(where: { Self.isConfiguration(Self.path(of: $0)) }) { reloadConfiguration() }
        case "workspace/didChangeWorkspaceFolders", "workspace/didChangeConfiguration":
            reloadConfiguration()
        default:
            break   // "$/…" and other notifications a server may ignore
        }
    }

    // MARK: - lifecycle

    private func initialize(_ params: [String: Any]) -> [String: Any] {
        initialized = true
        if let name = params["locale"] as? String, let locale = MessageLocale(name: name) { localizer = Localizer(locale) }
        let capabilities = params["capabilities"] as? [String: Any] ?? [:]
        let offered = (capabilities["general"] as? [String: Any])?["positionEncodings"] as? [String] ?? []
        // The client lists encodings in its order of preference; UTF-16 when it names none we speak.
        let supported: [String: ColumnUnit] = ["utf-8": .byte, "utf-16": .utf16, "utf-32": .char]
        let chosen = offered.first { supported[$0] != nil } ?? "utf-16"
        unit = supported[chosen]!
        let workspace = capabilities["workspace"] as? [String: Any]
        clientCanWatch = (workspace?["didChangeWatchedFiles"] as? [String: Any])?["dynamicRegistration"] as? Bool ?? false
        return [
            "capabilities": [
                "positionEncoding": chosen,
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
            ] as [String: Any],
            "serverInfo": ["name": "copylint", "version": ToolInfo.version],
        ]
    }

    /// Asks the client to tell us when a .lintrc or a pack's JSON changes on disk.
    private func registerWatchers() {
        guard clientCanWatch, !watchersRegistered else { return }
        watchersRegistered = true
        let watchers = ["**/.lintrc", "**/*.json"].map { ["globPattern": $0] }
        send(["jsonrpc": "2.0", "id": "copylint-watch-config", "method": "client/registerCapability",
              "params": ["registrations": [["id": "copylint-config", "method": "workspace/didChangeWatchedFiles",
                                            "registerOptions": ["watchers": watchers]]]]])
    }

    static func isConfiguration(_ path: String) -> Bool {
        (path as NSString).lastPathComponent == ".lintrc" || path.hasSuffix(".json")
    }

    private func reloadConfiguration() {
        configCache = [:]
        for uri in documents.keys { scheduleLint(uri, delay: 0) }
    }

    // MARK: - linting

    private func scheduleLint(_ uri: String, delay: Double) {
        // A .lintrc or a pack's JSON open in the editor is configuration, not copy.
        if let doc = documents[uri], Self.isConfiguration(doc.path) { return }
        pendingLint[uri]?.cancel()
        let item = DispatchWorkItem { [weak self] in self?.lintInBackground(uri) }
        pendingLint[uri] = item
        if delay <= 0 { lintQueue.async(execute: item) } else { lintQueue.asyncAfter(deadline: .now() + delay, execute: item) }
    }

    /// On the lint queue: takes the current text, lints it, and publishes unless it changed meanwhile.
    private func lintInBackground(_ uri: String) {
        guard let (doc, linter, edition) = state.sync(execute: { () -> (OpenDocument, Result<Linter, CopyLintError>, EditionSettings?)? in
            guard let doc = documents[uri] else { return nil }
            let linter = linterFor(doc.path)
            return (doc, linter, configCache[(doc.path as NSString).deletingLastPathComponent]?.edition)
        }) else { return }
        let diagnostics: [Diagnostic]
        switch linter {
        case .success(let linter):
            let source = SourceText(path: doc.path, bytes: doc.text)
            if let edition {
                // A page of an edition: its own findings, and the edition's that fall on it.
                let (own, document) = linter.lintKeepingDocument(source)
                diagnostics = own + editionDiagnostics(page: document, settings: edition, linter: linter)
            } else {
                diagnostics = linter.lint(source)
            }
        case .failure(let error):
            // A broken .lintrc: say so on the first line rather than lint with the wrong rules.
            let source = SourceText(path: doc.path, bytes: doc.text)
            diagnostics = [Diagnostic(ruleID: "configuration", severity: .error,
                                      finding: Finding(range: SourceRange(0, 0), message: error.description), source: source)]
        }
        state.async {
            guard var current = self.documents[uri], current.edits == doc.edits else { return }
            current.lintedEdit = doc.edits
            current.diagnostics = diagnostics
            self.documents[uri] = current
            self.notify("textDocument/publishDiagnostics", [
                "uri": uri, "version": doc.version,
                "diagnostics": diagnostics.map { self.lspDiagnostic($0, uri: uri, text: doc.text) },
            ])
        }
    }

    /// The linter for a file's folder, rebuilt when its .lintrc changes (or a reload is asked for).
    func linterFor(_ path: String) -> Result<Linter, CopyLintError> {
        let directory = (path as NSString).deletingLastPathComponent
        let stamp = Self.configStamp(startingAt: directory)
        if let cached = configCache[directory], cached.stamp == stamp {
            if let linter = cached.linter { return .success(linter) }
            return .failure(CopyLintError(cached.error ?? "configuration error"))
        }
        do {
            let resolver = try ConfigResolver(loader: ConfigLoader(), explicitPath: nil)
            let config = try resolver.configuration(forDirectory: directory.isEmpty ? "." : directory)
            let linter = LintPlanner.linter(for: config)
            configCache[directory] = (stamp, linter, config?.edition.flatMap { $0.enabled ? $0 : nil }, nil)
            return .success(linter)
        } catch {
            configCache[directory] = (stamp, nil, nil, error.description)
            return .failure(error)
        }
    }

    /// Size and modification time of every .lintrc from `directory` up: a changed file changes the stamp.
    static func configStamp(startingAt directory: String) -> String {
        var stamp = ""
        var dir = directory.isEmpty ? FileManager.default.currentDirectoryPath : directory
        while true {
            var st = stat()
            if stat(dir + "/.lintrc", &st) == 0 { stamp += "\(dir):\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec);" }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            dir = parent
        }
        return stamp
    }

    static func path(of uri: String) -> String {
        if let url = URL(string: uri), url.isFileURL { return url.path }
        return (uri as NSString).lastPathComponent
    }

    // MARK: - output

    private func send(_ message: [String: Any]) {
        guard let body = try? JSONSerialization.data(withJSONObject: message, options: [.withoutEscapingSlashes]) else { return }
        outputLock.lock()
        output(MessageFramer.frame(Array(body)))
        outputLock.unlock()
    }

    private func respond(id: Any, result: Any) {
        send(["jsonrpc": "2.0", "id": id, "result": result])
    }

    private func sendError(id: Any?, code: Int, message: String) {
        send(["jsonrpc": "2.0", "id": id ?? NSNull(), "error": ["code": code, "message": message]])
    }

    private func notify(_ method: String, _ params: [String: Any]) {
        send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    static func key(_ id: Any) -> String {
        if let n = id as? Int { return "n\(n)" }
        if let s = id as? String { return "s\(s)" }
        return "\(id)"
    }
}
