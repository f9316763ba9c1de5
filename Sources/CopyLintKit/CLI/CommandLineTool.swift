import Dispatch
import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// The whole `copylint` command, callable from tests: arguments in, exit code out.
public struct CommandLineTool {

    public let environment: [String: String]
    public let stdout: TextSink
    public let stderr: TextSink
    /// Reads all of standard input (injected for tests).
    public let readStandardInput: () -> [UInt8]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                stdout: TextSink = OutputStream.stdout, stderr: TextSink = OutputStream.stderr,
                readStandardInput: @escaping () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }) {
        self.environment = environment
        self.stdout = stdout
        self.stderr = stderr
        self.readStandardInput = readStandardInput
    }

    public func run(_ arguments: [String]) -> Int32 {
        defer {
            stdout.flush()
            stderr.flush()
        }
        let options: Options
        do {
            options = try Options.parse(arguments)
        } catch {
            stderr.write("\(error)\n")
            return ExitCode.usage
        }
        switch options.command {
        case .help:
            stdout.write(Options.usage + "\n")
            return ExitCode.clean
        case .version:
            stdout.write("copylint \(ToolInfo.version)\n")
            return ExitCode.clean
        case .rules, .explain:
            // The rules the configuration here can use: copylint's and its packs'.
            let registry: RuleRegistry
            do {
                let resolver = try ConfigResolver(loader: ConfigLoader(), explicitPath: options.configPath)
                registry = try resolver.configuration(forDirectory: ".")?.registry ?? .builtin
            } catch {
                stderr.write("\(error)\n")
                return ExitCode.usage
            }
            guard case .explain(let id) = options.command else {
                stdout.write(RuleDocs.list(registry))
                return ExitCode.clean
            }
            guard let entry = registry[id] else {
                stderr.write("\(CopyLintError("unknown rule '\(id)'" + didYouMean(id, registry.ids) + "; copylint rules lists them"))\n")
                return ExitCode.usage
            }
            stdout.write(RuleDocs.explain(entry.description))
            return ExitCode.clean
        case .blocks:
            return dumpBlocks(options)
        case .lsp:
            stdout.flush()
            return LanguageServer.runStdio()
        case .lint:
            return lint(options)
        }
    }

    /// `copylint blocks FILE…`: the document model, one block a line.
    private func dumpBlocks(_ options: Options) -> Int32 {
        var code = ExitCode.clean
        for path in options.paths {
            switch FileReader.read(path) {
            case .failure(let error):
                stderr.write("\(error)\n")
                code = ExitCode.usage
            case .success(let raw):
                do {
                    guard case .text(let bytes) = try InputDecoder.decode(raw, encoding: options.encoding, path: path) else {
                        stderr.write("copylint: warning: \(path): binary file, skipped\n")
                        continue
                    }
                    let document = CopyParser().parse(SourceText(path: path, bytes: bytes))
                    let facts = DocumentFacts(document, computing: .scripts)
                    stdout.write("\(path): \(document.layout.rawValue) layout, \(facts.language.rawValue), \(document.articles.count) article(s)\n")
                    for block in document.blocks {
                        var text = document.text(block)
                        if text.count > 40 { text = String(text.prefix(40)) + "…" }
                        let lines = block.firstLine == block.lastLine ? "\(block.firstLine + 1)" : "\(block.firstLine + 1)-\(block.lastLine + 1)"
                        stdout.write("  \(lines.padding(toLength: 8, withPad: " ", startingAt: 0)) a\(block.article + 1)  "
                                     + "\(block.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(text)\n")
                    }
                } catch {
                    stderr.write("\(error)\n")
                    code = ExitCode.usage
                }
            }
        }
        return code
    }

    private struct FileOutcome {
        var diagnostics: [Diagnostic] = []
        var error: CopyLintError?
        var warning: String?
        /// Fixes applied (or, with --diff, that would be), and the diff.
        var fixed = 0
        var diff = ""
        /// In streaming mode: each report's text for this file, and the counts the summary needs.
        var rendered: [String] = []
        var counts = Counts()
        /// A file with very many findings is rendered later, in pieces written one after another,
        /// so that its whole report is never held in memory at once.
        var renderInPieces = false
    }

    /// What the summary and the exit code need to know of findings that are no longer kept.
    struct Counts {
        var errors = 0, warnings = 0, infos = 0, safeFixes = 0, files = 0

        mutating func add(_ diagnostics: [Diagnostic]) {
            for d in diagnostics {
                switch d.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .info: infos += 1
                }
                if d.hasSafeFix { safeFixes += 1 }
            }
            if !diagnostics.isEmpty { files += 1 }
        }
    }

    private func lint(_ options: Options) -> Int32 {
        let registry = RuleRegistry.builtin
        let cwd = FileManager.default.currentDirectoryPath
        let resolver: ConfigResolver
        do {
            resolver = try ConfigResolver(loader: ConfigLoader(registry: registry), explicitPath: options.configPath)
        } catch {
            stderr.write("\(error)\n")
            return ExitCode.usage
        }

        // Changed-lines mode: the files changed since the base, and their changed lines.
        var changes: ChangedLines?
        var paths = options.paths
        if let base = options.diffBase {
            do {
                changes = try GitDiff.changes(since: base, in: cwd)
            } catch {
                stderr.write("\(error)\n")
                return ExitCode.usage
            }
        }
        if paths.isEmpty { paths = changes == nil ? ["."] : [changes!.root] }
        let collected = FileCollector(resolver: resolver).collect(paths, allowEmpty: changes != nil)
        var errors = collected.errors
        var files = collected.files
        if let changes {
            files = files.filter { $0 != "-" && changes.lines[ConfigResolver.absolute($0)] != nil }
            if options.paths.isEmpty {
                // Report changed files relative to the working folder, as git users expect.
                files = files.map { Self.relative($0, to: cwd) }
            }
        }

        // Configuration per folder, and one linter per configuration.
        var linters: [String: Linter] = [:]
        var plans: [(path: String, linter: Linter, encoding: InputEncoding?)] = []
        var rootConfig: Configuration?
        // Files of one folder come together: the folder's plan is made once for them.
        var last: (directory: String, linter: Linter, encoding: InputEncoding?)?
        for file in files {
            let directory = file == "-" ? "." : (file as NSString).deletingLastPathComponent
            if let last, last.directory == directory {
                plans.append((file, last.linter, last.encoding))
                continue
            }
            do {
                let config = try resolver.configuration(forDirectory: directory.isEmpty ? "." : directory)
                if rootConfig == nil { rootConfig = config }
                let key = config?.path ?? ""
                var linter = linters[key] ?? Linter(registry: config?.registry ?? registry, settings: config?.rules ?? RuleSettings())
                linter.inlineConfig = options.inlineConfig
                linter.timeBudget = config?.ruleTimeBudget ?? Linter.defaultTimeBudget
                linters[key] = linter
                plans.append((file, linter, options.encoding ?? config?.encoding))
                last = (directory, linter, options.encoding ?? config?.encoding)
            } catch {
                errors.append(error)
            }
        }
        if errors.contains(where: { $0.position != nil }) {
            // A broken .lintrc stops the run before anything is linted.
            for e in errors { stderr.write("\(e)\n") }
            return ExitCode.usage
        }

        var stdinBytes: [UInt8]?
        if plans.contains(where: { $0.path == "-" }) { stdinBytes = readStandardInput() }
        let stdinName = options.stdinFilename ?? "<stdin>"

        let work = plans
        let input = stdinBytes
        let fixMode = options.fix, showDiff = options.showDiff
        let columnUnit = options.columnUnit ?? rootConfig?.columnUnit ?? .char
        let useColor: Bool
        switch options.color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto: useColor = stdout.isTerminal && environment["NO_COLOR"].map(\.isEmpty) != false
        }
        // Only the formats that print repository-relative paths need git's view of the root.
        let reports = options.reports.isEmpty ? [Options.Report(format: "text", output: nil)] : options.reports
        let needsRoot = reports.contains { ["sarif", "github", "rdjson", "rdjsonl"].contains($0.format) }
            || options.baseline != nil || options.writeBaseline != nil
        let root = changes?.root ?? (needsRoot ? (try? GitDiff.root(of: cwd)) : nil) ?? cwd
        let context = ReportContext(columnUnit: columnUnit, color: useColor, registry: rootConfig?.registry ?? registry,
                                    files: plans.map { $0.path == "-" ? stdinName : $0.path }, root: root, workingDirectory: cwd)
        // Line formats are rendered file by file as they are linted, and the file's text is then let
        // go: memory stays flat however many files a run covers.
        let streaming = changes == nil && options.baseline == nil && options.writeBaseline == nil && !showDiff
            && reports.allSatisfy { ["text", "gcc", "github", "rdjsonl"].contains($0.format) }
        let reporters: [any Reporter] = reports.map { Reporters.named($0.format) ?? TextReporter() }
        let fileContexts = reports.map { r -> ReportContext in
            var c = context
            if r.output != nil { c.color = false }
            return c
        }
        // Files go through in chunks, in path order when streaming: each chunk's reports are written
        // and its outcomes let go before the next, so memory does not grow with the number of files.
        let sequence = streaming ? work.indices.sorted { work[$0].path < work[$1].path } : Array(work.indices)
        var diagnostics: [Diagnostic] = []
        var fixedCount = 0, fixedFiles = 0, diffText = ""
        var counts = Counts()
        var toFiles = [String](repeating: "", count: reports.count)
        var next = 0
        // Files not in the page cache (an archive read cold) are read ahead a chunk in advance, so the
        // disk works while the cores lint.
        let workPaths = work.map(\.path)
        if sequence.count > Self.chunkSize { Self.readAhead(sequence.prefix(Self.chunkSize).map { workPaths[$0] }) }
        while next < sequence.count {
            let chunk = Array(sequence[next..<min(sequence.count, next + Self.chunkSize)])
            next += chunk.count
            if next < sequence.count {
                Self.readAhead(sequence[next..<min(sequence.count, next + Self.chunkSize)].map { workPaths[$0] })
            }
            let outcomes = ParallelMap.run(count: chunk.count) { i in
                let k = chunk[i]
                var outcome = Self.lintOne(path: work[k].path, linter: work[k].linter, encoding: work[k].encoding,
                                           stdin: input, stdinName: stdinName, fix: fixMode, showDiff: showDiff)
                if streaming {
                    outcome.counts.add(outcome.diagnostics)
                    if outcome.diagnostics.count > Self.renderPiece {
                        outcome.renderInPieces = true
                    } else {
                        outcome.rendered = zip(reporters, fileContexts).map { $0.report(outcome.diagnostics, context: $1) }
                        outcome.diagnostics = []
                    }
                }
                return outcome
            }
            // The last chunk's outcomes are not taken apart one diagnostic at a time on the way out
            // when the process is about to end: the system takes its memory back whole.
            if next >= sequence.count, Self.processEndsAfterRun { Self.keptUntilExit.append(outcomes) }
            for outcome in outcomes {
                if !outcome.renderInPieces { diagnostics.append(contentsOf: outcome.diagnostics) }
                if let e = outcome.error { errors.append(e) }
                if let w = outcome.warning { stderr.write("copylint: warning: \(w)\n") }
                fixedCount += outcome.fixed
                if outcome.fixed > 0 { fixedFiles += 1 }
                diffText += outcome.diff
                guard streaming else { continue }
                for (r, report) in reports.enumerated() {
                    if outcome.renderInPieces {
                        // Line formats: the report of the whole is the reports of its pieces, in order.
                        let t0 = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
                        let all = outcome.diagnostics
                        for start in stride(from: 0, to: all.count, by: Self.renderPiece) {
                            let piece = Array(all[start..<min(all.count, start + Self.renderPiece)])
                            if report.output == nil {
                                for part in reporters[r].reportBytes(piece, context: fileContexts[r]) { stdout.write(bytes: part) }
                            } else {
                                toFiles[r] += reporters[r].report(piece, context: fileContexts[r])
                            }
                        }
                        if Profile.enabled { Profile.report("render", since: t0) }
                    } else if report.output == nil {
                        stdout.write(outcome.rendered[r])
                    } else {
                        toFiles[r] += outcome.rendered[r]
                    }
                }
                let c = outcome.counts
                counts.errors += c.errors; counts.warnings += c.warnings; counts.infos += c.infos
                counts.safeFixes += c.safeFixes; counts.files += c.files
            }
        }
        if options.fix != .none, !options.quiet {
            let verb = options.showDiff ? "would fix" : "fixed"
            stderr.write("copylint: \(verb) \(fixedCount) problem\(fixedCount == 1 ? "" : "s") in \(fixedFiles) file\(fixedFiles == 1 ? "" : "s")\n")
        }
        if options.showDiff {
            // The diff is the report: nothing else goes to stdout.
            stdout.write(diffText)
            for e in errors { stderr.write("\(e)\n") }
            if !errors.isEmpty { return ExitCode.usage }
            return diffText.isEmpty ? ExitCode.clean : ExitCode.findings
        }
        diagnostics.sort(by: Diagnostic.ordered)
        let failOn = options.failOn ?? rootConfig?.failOn ?? .error

        if streaming {
            for (r, report) in reports.enumerated() {
                guard let output = report.output else { continue }
                do { try AtomicFile.write(toFiles[r], to: output) } catch { errors.append(error) }
            }
            for e in errors { stderr.write("\(e)\n") }
            let total = counts.errors + counts.warnings + counts.infos
            if !options.quiet, errors.isEmpty || total > 0 {
                stderr.write(Summary.line(counts: counts, files: plans.count))
            }
            if !errors.isEmpty { return ExitCode.usage }
            let reached = (failOn <= .error && counts.errors > 0) || (failOn <= .warning && counts.warnings > 0)
                || (failOn == .info && counts.infos > 0)
            if reached { return ExitCode.findings }
            if let max = options.maxWarnings, counts.warnings > max {
                stderr.write("copylint: \(counts.warnings) warnings, more than --max-warnings \(max)\n")
                return ExitCode.findings
            }
            return ExitCode.clean
        }

        // Changed-lines mode keeps findings on changed lines (a duplicate counts when either copy changed).
        if let changes {
            diagnostics = diagnostics.filter { d in
                let path = d.path.hasPrefix("/") ? d.path : cwd + "/" + d.path
                let absolute = (path as NSString).standardizingPath
                let lines = d.source.lines
                let first = lines.lineIndex(of: d.range.start) + 1
                let last = lines.lineIndex(of: max(d.range.start, d.range.end - 1)) + 1
                if (first...last).contains(where: { changes.contains(path: absolute, line: $0) }) { return true }
                return d.related.contains { r in changes.contains(path: absolute, line: lines.lineIndex(of: r.range.start) + 1) }
            }
        }

        if let path = options.writeBaseline {
            guard errors.isEmpty else {
                for e in errors { stderr.write("\(e)\n") }
                return ExitCode.usage
            }
            do {
                try AtomicFile.write(Baseline.render(diagnostics, context: context), to: path)
            } catch {
                stderr.write("\(error)\n")
                return ExitCode.usage
            }
            stderr.write("copylint: wrote \(diagnostics.count) finding\(diagnostics.count == 1 ? "" : "s") to the baseline \(path)\n")
            return ExitCode.clean
        }

        var staleBaseline = 0
        if let path = options.baseline {
            do {
                let baseline = try Baseline.load(path: path)
                let split = baseline.filter(diagnostics, context: context)
                diagnostics = split.new
                staleBaseline = split.gone
                if !options.quiet {
                    stderr.write("copylint: \(split.baselined) finding\(split.baselined == 1 ? "" : "s") in the baseline \(path) not reported"
                                 + (split.gone > 0 ? "; \(split.gone) baselined finding\(split.gone == 1 ? " is" : "s are") gone" : "") + "\n")
                }
            } catch {
                stderr.write("\(error)\n")
                return ExitCode.usage
            }
        }

        for report in reports {
            let reporter = Reporters.named(report.format) ?? TextReporter()
            var reportContext = context
            if report.output != nil { reportContext.color = false }
            let text = reporter.report(diagnostics, context: reportContext)
            if let output = report.output {
                do {
                    try AtomicFile.write(text, to: output)
                } catch {
                    errors.append(error)
                }
            } else {
                stdout.write(text)
            }
        }

        for e in errors { stderr.write("\(e)\n") }
        // After an input error the error lines are the message; a summary would only be noise.
        if !options.quiet, errors.isEmpty || !diagnostics.isEmpty {
            stderr.write(Summary.line(diagnostics, files: plans.count, failOn: failOn))
        }
        var code = ExitCode.decide(diagnostics: diagnostics, failOn: failOn, hadErrors: !errors.isEmpty)
        if code == ExitCode.clean, let max = options.maxWarnings {
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            if warnings > max {
                stderr.write("copylint: \(warnings) warnings, more than --max-warnings \(max)\n")
                code = ExitCode.findings
            }
        }
        if code == ExitCode.clean, options.failOnStaleBaseline, staleBaseline > 0 {
            stderr.write("copylint: \(staleBaseline) baselined finding\(staleBaseline == 1 ? " is" : "s are") gone; shrink the baseline with --write-baseline\n")
            code = ExitCode.findings
        }
        return code
    }

    /// `path` relative to the folder `base`, with `..` where it lies elsewhere.
    static func relative(_ path: String, to base: String) -> String {
        let target = ConfigResolver.absolute(path).split(separator: "/")
        let from = ConfigResolver.absolute(base).split(separator: "/")
        var common = 0
        while common < min(target.count, from.count), target[common] == from[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + target[common...].map(String.init)).joined(separator: "/")
    }

    /// Files linted (in parallel) before their reports are written and their outcomes dropped.
    static let chunkSize = 256

    /// Findings rendered at a time for a file that has more.
    static let renderPiece = 16_384

    /// Asks the kernel, from a background thread, to start reading these files (regular files only;
    /// POSIX_FADV_WILLNEED starts the reads and returns). Nothing is read here and nothing waits for it.
    static func readAhead(_ paths: [String]) {
        DispatchQueue.global(qos: .utility).async {
            for path in paths where path != "-" {
                var st = stat()
                guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size > 0 else { continue }
                let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
                guard fd >= 0 else { continue }
                _ = posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED)
                close(fd)
            }
        }
    }

    /// Set by the executable, whose process ends when `run` returns: the last files' diagnostics are
    /// then left to the system instead of being freed one by one (tests run many times in one process).
    nonisolated(unsafe) public static var processEndsAfterRun = false
    nonisolated(unsafe) static var keptUntilExit: [Any] = []

    private static func lintOne(path: String, linter: Linter, encoding: InputEncoding?, stdin: [UInt8]?,
                                stdinName: String, fix: Options.FixMode = .none, showDiff: Bool = false) -> FileOutcome {
        var outcome = FileOutcome()
        let name = path == "-" ? stdinName : path
        let raw: [UInt8]
        let t0 = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        defer { if Profile.enabled { Profile.report("read+lint", since: t0) } }
        if path == "-" {
            raw = stdin ?? []
        } else {
            switch FileReader.read(path) {
            case .success(let bytes): raw = bytes
            case .failure(let error):
                outcome.error = error
                return outcome
            }
        }
        if Profile.enabled { Profile.report("read", since: t0) }
        do {
            let tDecode = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
            let decoded = try InputDecoder.decode(raw, encoding: encoding, path: name)
            if Profile.enabled { Profile.report("decode", since: tDecode) }
            switch decoded {
            case .binary(let offset):
                outcome.warning = "\(name): binary file (NUL byte at offset \(offset)), skipped"
            case .text(let bytes):
                let tLines = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
                let source = SourceText(path: name, bytes: bytes)
                if Profile.enabled { Profile.report("line index", since: tLines) }
                guard fix != .none else {
                    outcome.diagnostics = linter.lint(source)
                    return outcome
                }
                let result = Fixer(linter: linter, allowUnsafe: fix == .unsafe).fix(source)
                outcome.diagnostics = result.remaining
                outcome.fixed = result.applied
                guard result.changed else { return outcome }
                let written = (source.hadByteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + result.bytes
                if showDiff {
                    outcome.diff = UnifiedDiff.render(old: raw, new: written, path: name)
                } else if bytes != raw {
                    outcome.error = CopyLintError("not fixed: --fix writes UTF-8, and this file was read as \((encoding ?? .utf16).rawValue); convert it first", path: name)
                    outcome.diagnostics = linter.lint(source)
                    outcome.fixed = 0
                } else {
                    do {
                        try FileReader.writeBack(written, over: raw, path: path)
                    } catch {
                        outcome.error = error
                        outcome.diagnostics = linter.lint(source)
                        outcome.fixed = 0
                    }
                }
            }
        } catch {
            outcome.error = error
        }
        return outcome
    }
}

/// Exit codes, documented in `--help` and the README.
public enum ExitCode {
    public static let clean: Int32 = 0
    public static let findings: Int32 = 1
    public static let usage: Int32 = 2

    /// 2 when the run could not do what was asked, else 1 when a finding reaches `failOn`, else 0.
    public static func decide(diagnostics: [Diagnostic], failOn: Severity, hadErrors: Bool) -> Int32 {
        if hadErrors { return usage }
        return diagnostics.contains { $0.severity >= failOn } ? findings : clean
    }
}

enum Summary {
    static func line(_ diagnostics: [Diagnostic], files: Int, failOn: Severity) -> String {
        var counts = CommandLineTool.Counts()
        counts.add(diagnostics)
        counts.files = Set(diagnostics.map(\.path)).count
        return line(counts: counts, files: files)
    }

    static func line(counts: CommandLineTool.Counts, files: Int) -> String {
        let fileWord = files == 1 ? "file" : "files"
        let total = counts.errors + counts.warnings + counts.infos
        if total == 0 { return "copylint: \(files) \(fileWord) checked, no problems found\n" }
        let parts = [(counts.errors, "error"), (counts.warnings, "warning"), (counts.infos, "note")].compactMap { n, word -> String? in
            n == 0 ? nil : "\(n) \(word)\(n == 1 ? "" : "s")"
        }
        var s = "copylint: \(total) problem\(total == 1 ? "" : "s") (\(parts.joined(separator: ", "))) in \(counts.files) of \(files) \(fileWord)"
        if counts.safeFixes > 0 { s += "; \(counts.safeFixes) with a safe fix" }
        return s + "\n"
    }
}

/// Reads a whole file, turning every failure into one clear error.
enum FileReader {
    /// Replaces a file's contents atomically, keeping its permissions, unless it changed on
    /// disk since `original` was read (then nothing is written).
    static func writeBack(_ bytes: [UInt8], over original: [UInt8], path: String) throws(CopyLintError) {
        var st = stat()
        guard stat(path, &st) == 0 else { throw CopyLintError("not fixed: the file disappeared while copylint was fixing it", path: path) }
        switch read(path) {
        case .success(let now) where now == original: break
        case .success: throw CopyLintError("not fixed: the file changed on disk while copylint was fixing it", path: path)
        case .failure(let e): throw e
        }
        try AtomicFile.write(bytes, to: path, permissions: st.st_mode & 0o7777)
    }

    /// Called just before a file is opened: lets tests delete or swap a file after it was listed.
    nonisolated(unsafe) static var willRead: ((String) -> Void)?

    /// Files at least this large are read in pieces on all cores.
    static let parallelFrom = 8 << 20

    static func read(_ path: String) -> Result<[UInt8], CopyLintError> {
        willRead?(path)
        var st = stat()
        guard stat(path, &st) == 0 else {
            return .failure(CopyLintError(errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno)), path: path))
        }
        let kind = st.st_mode & S_IFMT
        if kind == S_IFDIR { return .failure(CopyLintError("is a directory", path: path)) }
        if kind != S_IFREG {
            return .failure(CopyLintError("not a regular file (a FIFO, socket or device); give a file or '-' for standard input", path: path))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == EACCES ? "permission denied" : String(cString: strerror(errno))
            return .failure(CopyLintError("cannot read file: \(reason)", path: path))
        }
        defer { close(fd) }
        // One spare byte: the read that finds the end fits without growing (growing would double
        // the buffer, and its capacity would stay with the document). Read straight into the
        // array's storage: no pass to zero it first.
        var total = 0
        var failure: Int32 = 0
        var atEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(st.st_size) + 1) { storage, count in
            // A large file is read in pieces on all cores: the copy and the first touch of each page of
            // the buffer are most of the reading, and they divide.
            let size = Int(st.st_size)
            if size >= Self.parallelFrom {
                nonisolated(unsafe) let out = storage
                let pieces = ParallelMap.slices(parallel: true)
                let done = ParallelMap.run(count: pieces) { k -> (read: Int, error: Int32) in
                    let from = size * k / pieces, to = size * (k + 1) / pieces
                    // The piece's pages are made in one call (MADV_POPULATE_WRITE, Linux 5.14) instead of
                    // one page fault each as the copy first touches them; an older kernel says no and
                    // the copy faults them in as before.
                    let page = 4096
                    let first = (Int(bitPattern: out.baseAddress! + from) + page - 1) / page * page
                    let last = Int(bitPattern: out.baseAddress! + to) / page * page
                    if last > first { _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, 23) }
                    var at = from
                    while at < to {
                        let n = pread(fd, out.baseAddress! + at, to - at, off_t(at))
                        if n < 0 {
                            if errno == EINTR { continue }
                            return (at - from, errno)
                        }
                        if n == 0 { break }
                        at += n
                    }
                    return (at - from, 0)
                }
                // The text is the pieces read in full, up to the first one cut short (the file shrank).
                for k in 0..<pieces {
                    if done[k].error != 0 { failure = done[k].error; break }
                    total += done[k].read
                    if done[k].read < size * (k + 1) / pieces - size * k / pieces { atEnd = true; break }
                }
                if failure == 0, !atEnd, lseek(fd, off_t(total), SEEK_SET) < 0 { failure = errno }
                if failure != 0 || atEnd {
                    count = total
                    return
                }
            }
            while total < storage.count {
                let n = Glibc.read(fd, storage.baseAddress! + total, storage.count - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { atEnd = true; break }
                total += n
            }
            count = total
        }
        // The file grew since stat: read the rest into a growing buffer.
        while failure == 0, !atEnd {
            if total == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, bytes.count / 2))) }
            let n = bytes.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + total, raw.count - total) }
            if n < 0 {
                if errno != EINTR { failure = errno }
                continue
            }
            if n == 0 { atEnd = true } else { total += n }
        }
        if failure != 0 {
            return .failure(CopyLintError("cannot read file: \(String(cString: strerror(failure)))", path: path))
        }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }
}

/// Writes a file whole or not at all: a temporary file in the same folder, then a rename.
/// A symbolic link is written through (the link stays), and a target that is not a regular file
/// (`/dev/null`, `/dev/stdout`, a FIFO) is written in place: renaming over it would replace the device.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(CopyLintError) {
        try write(Array(text.utf8), to: path, permissions: nil)
    }

    public static func write(_ bytes: [UInt8], to given: String, permissions: mode_t?) throws(CopyLintError) {
        var path = given
        var st = stat()
        if lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        if stat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw CopyLintError("cannot write: it is a folder", path: given)
            default: return try writeInPlace(bytes, to: path, shownAs: given)
            }
        }
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        guard stat(folder, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            throw CopyLintError("cannot write: the folder \(folder) does not exist", path: given)
        }
        // The temporary file's name is registered before the file exists, so that Ctrl-C or a kill at
        // any point removes it: the original stays untouched until the rename, and no half file is left.
        let slot = InFlightFiles.register()
        defer { InFlightFiles.unregister(slot) }
        var temp = ""
        var fd: Int32 = -1
        for _ in 0..<100 {
            temp = folder + "/.copylint-" + Self.randomSuffix()
            InFlightFiles.update(slot, temp)
            fd = Self.fault(.create) ?? open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw CopyLintError("cannot write: \(String(cString: strerror(errno)))", path: given)
        }
        var failure = writeAll(bytes, to: fd)
        if failure == 0, let injected = Self.fault(.write) { failure = injected }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if let permissions { fchmod(fd, permissions) } else { fchmod(fd, 0o644 & ~Self.umaskValue) }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure == 0, let injected = Self.fault(.rename) { failure = injected }
        if failure == 0, rename(temp, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw CopyLintError("cannot write: \(String(cString: strerror(failure)))", path: given)
        }
    }

    static func randomSuffix() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in letters[Int(rng.next() % UInt64(letters.count))] })
    }

    /// The steps a fault can be injected at (tests: a full disk, a read-only folder, a failed rename).
    public enum Step: Sendable { case create, write, rename }

    /// Returns an errno to fail `step` with, or nil to let it run. Only tests set it.
    nonisolated(unsafe) public static var injectFault: ((Step) -> Int32?)?

    /// For `create`, -1 with errno set; otherwise the errno.
    private static func fault(_ step: Step) -> Int32? {
        guard let e = injectFault?(step) else { return nil }
        if step == .create { errno = e; return -1 }
        return e
    }

    /// Devices and FIFOs: no rename is possible, so the bytes go straight in.
    private static func writeInPlace(_ bytes: [UInt8], to path: String, shownAs given: String) throws(CopyLintError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CopyLintError("cannot write: \(String(cString: strerror(errno)))", path: given) }
        defer { close(fd) }
        let failure = writeAll(bytes, to: fd)
        if failure != 0 { throw CopyLintError("cannot write: \(String(cString: strerror(failure)))", path: given) }
    }

    /// Writes every byte, retrying after signals; the errno of a failure, or 0.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32 {
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                written += n
            }
        }
        return failure
    }

    static let umaskValue: mode_t = {
        let m = umask(0o022)
        umask(m)
        return m
    }()
}

/// Temporary files being written, removed by a SIGINT/SIGTERM/SIGHUP handler before the process dies.
/// The slots are plain C memory so the handler touches nothing but unlink(2).
enum InFlightFiles {
    static let capacity = 64
    static let pathMax = 4096
    nonisolated(unsafe) private static let storage: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathMax)
        p.initialize(repeating: 0, count: capacity * pathMax)
        return p
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var used = [Bool](repeating: false, count: capacity)
    nonisolated(unsafe) private static var installed = false

    /// Takes a slot for a path about to be created (nil when all are busy: the file is then
    /// still written safely, only not cleaned up on a signal).
    static func register() -> Int? {
        lock.lock(); defer { lock.unlock() }
        if !installed {
            _ = storage     // made before any handler can look at it
            installHandlers()
            installed = true
        }
        guard let k = used.firstIndex(of: false) else { return nil }
        used[k] = true
        return k
    }

    /// Records the temporary file's name, before it is created.
    static func update(_ slot: Int?, _ path: String) {
        guard let slot else { return }
        let bytes = Array(path.utf8)
        guard bytes.count < pathMax else { return }
        let base = storage + slot * pathMax
        base[0] = 0
        for (i, b) in bytes.enumerated() where i > 0 { base[i] = CChar(bitPattern: b) }
        base[bytes.count] = 0
        base[0] = CChar(bitPattern: bytes[0])     // the first byte last: the slot is never half set
    }

    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock(); defer { lock.unlock() }
        storage[slot * pathMax] = 0
        used[slot] = false
    }

    private static func installHandlers() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                for k in 0..<InFlightFiles.capacity {
                    let p = InFlightFiles.storage + k * InFlightFiles.pathMax
                    if p[0] != 0 { unlink(p) }
                }
                // Die of the signal, as the shell expects (exit status 128 + n).
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
        }
    }
}
