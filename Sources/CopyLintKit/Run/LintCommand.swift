import Dispatch
import Foundation
import CopyLintBase
import CopyLintEngine
import CopyLintRules

/// `copylint [OPTIONS] [PATH…]`: plan the run (files, configurations, linters), lint the files in
/// chunks on all cores, report, and decide the exit code.
struct LintCommand {
    let options: Options
    let environment: [String: String]
    let stdout: TextSink
    let stderr: TextSink
    let readStandardInput: () -> [UInt8]

    /// Files linted (in parallel) before their reports are written and their outcomes dropped.
    static let chunkSize = 256

    /// Findings rendered at a time for a file that has more.
    static let renderPiece = 16_384

    /// Set by the executable, whose process ends when the run returns: the last files' diagnostics are
    /// then left to the system instead of being freed one by one (tests run many times in one process).
    nonisolated(unsafe) static var processEndsAfterRun = false
    nonisolated(unsafe) static var keptUntilExit: [Any] = []

    /// What the files of a run gave, gathered chunk by chunk.
    private struct Gathered {
        var diagnostics: [Diagnostic] = []
        var errors: [CopyLintError] = []
        var fixed = 0, fixedFiles = 0
        var diff = ""
        var counts = Counts()
        /// Reports that go to files, by report (streaming).
        var toFiles: [String]
        /// The pages of editions, by edition, with the plan of each.
        var pages: [String: [(plan: Int, page: EditionPage)]] = [:]
        /// The pages of editions that had findings of their own (the summary counts files once).
        var pagesWithFindings = Set<String>()
    }

    func run() -> Int32 {
        let cwd = FileManager.default.currentDirectoryPath
        // The run's language: --locale, else the .lintrc's (once it is read), else the environment's.
        var localizer = Localizer(options.locale ?? MessageLocale.fromEnvironment(environment))
        let resolver: ConfigResolver
        do {
            resolver = try ConfigResolver(loader: ConfigLoader(registry: .builtin), explicitPath: options.configPath)
        } catch {
            stderr.write(localizer.error(error) + "\n")
            return ExitCode.usage
        }

        // Changed-lines mode: the files changed since the base, and their changed lines.
        var changes: ChangedLines?
        if let base = options.diffBase {
            do {
                changes = try GitDiff.changes(since: base, in: cwd)
            } catch {
                stderr.write(localizer.error(error) + "\n")
                return ExitCode.usage
            }
        }
        var paths = options.paths + options.editions
        if paths.isEmpty { paths = changes == nil ? ["."] : [changes!.root] }
        let collected = FileCollector(resolver: resolver).collect(paths, allowEmpty: changes != nil)
        // (A file named twice, as a path and under an edition's folder, is linted once.)
        var files = collected.files
        if !options.editions.isEmpty, !options.paths.isEmpty {
            let cwd = FileManager.default.currentDirectoryPath
            var seen = Set<String>()
            files = files.filter { seen.insert(Self.lexicalPath($0, cwd: cwd)).inserted || $0 == "-" }
        }
        if let changes {
            files = files.filter { $0 != "-" && changes.lines[ConfigResolver.absolute($0)] != nil }
            if options.paths.isEmpty {
                // Report changed files relative to the working folder, as git users expect.
                files = files.map { Self.relative($0, to: cwd) }
            }
        }

        let planned = RunPlanner(resolver: resolver, inlineConfig: options.inlineConfig, encoding: options.encoding, layout: options.layout,
                                selection: options.selection).plan(files)
        let plans = planned.plans, rootConfig = planned.rootConfig
        let tPlan = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        let editionOf = Self.editions(plans, named: options.editions)
        if Profile.enabled { Profile.report("edition membership", since: tPlan) }
        if options.locale == nil, let locale = rootConfig?.locale { localizer = Localizer(locale) }
        var errors = collected.errors + planned.errors
        if let wrong = options.selection.check(against: rootConfig?.registry ?? .builtin) {
            stderr.write(localizer.error(wrong) + "\n")
            return ExitCode.usage
        }
        if errors.contains(where: { $0.position != nil }) {
            // A broken .lintrc stops the run before anything is linted.
            for e in errors { stderr.write(localizer.error(e) + "\n") }
            return ExitCode.usage
        }

        let stdinName = options.stdinFilename ?? "<stdin>"
        let stdinBytes = plans.contains(where: { $0.path == "-" }) ? readStandardInput() : nil
        let columnUnit = options.columnUnit ?? rootConfig?.columnUnit ?? .char
        let useColor: Bool
        switch options.color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto: useColor = stdout.isTerminal && environment["NO_COLOR"].map(\.isEmpty) != false
        }
        // Only the formats that print repository-relative paths need git's view of the root.
        var reports = options.reports.isEmpty ? [Options.Report(format: "text", output: nil)] : options.reports
        // --statistics prints counts in place of the findings (as json with --format json).
        let statisticsFormat = options.statistics ? (reports.contains { $0.format == "json" } ? "json" : "text") : nil
        if options.statistics { reports = [] }
        let needsRoot = reports.contains { ["sarif", "github", "rdjson", "rdjsonl"].contains($0.format) }
            || options.baseline != nil || options.writeBaseline != nil
        let root = changes?.root ?? (needsRoot ? (try? GitDiff.root(of: cwd)) : nil) ?? cwd
        var context = ReportContext(columnUnit: columnUnit, color: useColor, registry: rootConfig?.registry ?? .builtin,
                                    files: plans.map { $0.path == "-" ? stdinName : $0.path }, root: root, workingDirectory: cwd)
        context.localizer = localizer
        context.verbose = options.verbose
        context.ambiguousWide = options.ambiguousWide ?? localizer.locale.ambiguousIsWide
        // Line formats are rendered file by file as they are linted, and the file's text is then let
        // go: memory stays flat however many files a run covers.
        let streaming = changes == nil && options.baseline == nil && options.writeBaseline == nil && !options.showDiff
            && reports.allSatisfy { ["text", "gcc", "github", "rdjsonl"].contains($0.format) }
        var gathered = lintFiles(plans, editions: editionOf, stdin: stdinBytes, stdinName: stdinName, reports: reports,
                                 context: context, streaming: streaming)
        errors += gathered.errors
        // The checks of each edition, once its pages are all read.
        let tEditions = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        let editionFindings = Self.checkEditions(gathered.pages, plans: plans)
        if Profile.enabled { Profile.report("edition checks", since: tEditions) }
        gathered.pages = [:]
        if streaming, !editionFindings.isEmpty {
            for (r, report) in reports.enumerated() {
                let reporter = Reporters.named(report.format) ?? TextReporter()
                var c = context
                if report.output != nil { c.color = false }
                let text = reporter.report(editionFindings.sorted(by: Diagnostic.ordered), context: c)
                if report.output == nil { stdout.write(text) } else { gathered.toFiles[r] += text }
            }
            var extra = Counts()
            extra.add(editionFindings)
            extra.files = Set(editionFindings.map(\.path)).subtracting(gathered.pagesWithFindings).count
            gathered.counts.add(extra)
        } else {
            gathered.diagnostics += editionFindings
        }

        if options.fix != .none, !options.quiet {
            let n = gathered.fixed, f = gathered.fixedFiles
            let values = ["problems": n == 1 ? localizer.ui("1 problem") : localizer.ui("{n} problems", ["n": "\(n)"]),
                          "files": f == 1 ? localizer.ui("1 file") : localizer.ui("{n} files", ["n": "\(f)"])]
            stderr.write(localizer.ui(options.showDiff ? "copylint: would fix {problems} in {files}" : "copylint: fixed {problems} in {files}",
                                      values) + "\n")
        }
        if options.showDiff {
            // The diff is the report: nothing else goes to stdout.
            stdout.write(gathered.diff)
            for e in errors { stderr.write(localizer.error(e) + "\n") }
            if !errors.isEmpty { return ExitCode.usage }
            return gathered.diff.isEmpty ? ExitCode.clean : ExitCode.findings
        }
        let summaryReport = SummaryReport(statistics: statisticsFormat,
                                          byRule: reports.contains { $0.format == "text" && $0.output == nil },
                                          registry: rootConfig?.registry ?? .builtin, localizer: localizer)
        let policy = ExitPolicy(failOn: options.failOn ?? rootConfig?.failOn ?? .error, maxWarnings: options.maxWarnings,
                                failOnStaleBaseline: options.failOnStaleBaseline)

        if streaming {
            for (r, report) in reports.enumerated() {
                guard let output = report.output else { continue }
                do { try AtomicFile.write(gathered.toFiles[r], to: output) } catch { errors.append(error) }
            }
            return finish(gathered.counts, files: plans.count, errors: errors, policy: policy, report: summaryReport)
        }

        var diagnostics = gathered.diagnostics
        gathered.diagnostics = []
        diagnostics.sort(by: Diagnostic.ordered)
        if let changes { diagnostics = Self.onChangedLines(diagnostics, changes, cwd: cwd) }

        if let path = options.writeBaseline {
            guard errors.isEmpty else {
                for e in errors { stderr.write(localizer.error(e) + "\n") }
                return ExitCode.usage
            }
            do {
                try AtomicFile.write(Baseline.render(diagnostics, context: context), to: path)
            } catch {
                stderr.write(localizer.error(error) + "\n")
                return ExitCode.usage
            }
            let n = diagnostics.count
            stderr.write(localizer.ui(n == 1 ? "copylint: wrote 1 finding to the baseline {path}" : "copylint: wrote {n} findings to the baseline {path}",
                                      ["n": "\(n)", "path": path]) + "\n")
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
                    let n = split.baselined, gone = split.gone
                    stderr.write(localizer.ui(n == 1 ? "copylint: 1 finding in the baseline {path} not reported"
                                                     : "copylint: {n} findings in the baseline {path} not reported", ["n": "\(n)", "path": path])
                                 + (gone == 0 ? "" : localizer.ui(gone == 1 ? "; 1 baselined finding is gone" : "; {n} baselined findings are gone",
                                                                  ["n": "\(gone)"])) + "\n")
                }
            } catch {
                stderr.write(localizer.error(error) + "\n")
                return ExitCode.usage
            }
        }

        for report in reports {
            let reporter = Reporters.named(report.format) ?? TextReporter()
            var reportContext = context
            if report.output != nil { reportContext.color = false }
            let text = reporter.report(diagnostics, context: reportContext)
            if let output = report.output {
                do { try AtomicFile.write(text, to: output) } catch { errors.append(error) }
            } else {
                stdout.write(text)
            }
        }
        var counts = Counts(diagnostics)
        counts.skipped = gathered.counts.skipped
        return finish(counts, files: plans.count, errors: errors, policy: policy, staleBaseline: staleBaseline, report: summaryReport)
    }

    /// What the end of a run prints besides the summary: `--statistics` (text or json, on stdout)
    /// or the count by rule (text output, on stderr), in the run's language.
    struct SummaryReport {
        var statistics: String?
        var byRule = false
        var registry: RuleRegistry = .builtin
        var localizer: Localizer = .english
    }

    /// Input errors, the statistics or the count by rule, the summary, and the exit code.
    private func finish(_ counts: Counts, files: Int, errors: [CopyLintError], policy: ExitPolicy, staleBaseline: Int = 0,
                        report: SummaryReport) -> Int32 {
        for e in errors { stderr.write(report.localizer.error(e) + "\n") }
        switch report.statistics {
        case "json": stdout.write(Summary.statisticsJSON(counts, registry: report.registry, report.localizer))
        case .some: stdout.write(Summary.statistics(counts, registry: report.registry, report.localizer))
        case nil: break
        }
        // After an input error the error lines are the message; a summary would only be noise.
        if !options.quiet, errors.isEmpty || counts.total > 0 {
            if report.byRule, counts.byRule.count > 1 { stderr.write(Summary.byRule(counts, report.localizer)) }
            stderr.write(Summary.line(counts: counts, files: files, report.localizer))
        }
        let (code, note) = policy.decide(counts, hadErrors: !errors.isEmpty, staleBaseline: staleBaseline, report.localizer)
        if let note { stderr.write(note) }
        return code
    }

    /// Lints the files in chunks, in path order when streaming: each chunk's reports are written and
    /// its outcomes let go before the next, so memory does not grow with the number of files.
    private func lintFiles(_ work: [FilePlan], editions: [String?], stdin: [UInt8]?, stdinName: String, reports: [Options.Report],
                           context: ReportContext, streaming: Bool) -> Gathered {
        let fixMode = options.fix, showDiff = options.showDiff
        let reporters: [any Reporter] = reports.map { Reporters.named($0.format) ?? TextReporter() }
        let fileContexts = reports.map { r -> ReportContext in
            var c = context
            if r.output != nil { c.color = false }
            return c
        }
        // Text output groups and collapses a file's findings: it takes them whole.
        let groupsFiles = reports.contains { $0.format == "text" } && !context.verbose
        let sequence = streaming ? work.indices.sorted { work[$0].path < work[$1].path } : Array(work.indices)
        var gathered = Gathered(toFiles: [String](repeating: "", count: reports.count))
        var next = 0
        // Files not in the page cache (an archive read cold) are read ahead a chunk in advance, so the
        // disk works while the cores lint.
        let workPaths = work.map(\.path)
        if sequence.count > Self.chunkSize { ReadAhead.start(sequence.prefix(Self.chunkSize).map { workPaths[$0] }) }
        while next < sequence.count {
            let chunk = Array(sequence[next..<min(sequence.count, next + Self.chunkSize)])
            next += chunk.count
            if next < sequence.count {
                ReadAhead.start(sequence[next..<min(sequence.count, next + Self.chunkSize)].map { workPaths[$0] })
            }
            // The desk's page patterns, compiled once per pattern.
            var compiled: [String: [NSRegularExpression]] = ["": []]
            for k in chunk { if let pattern = work[k].edition?.pagePattern, compiled[pattern] == nil { compiled[pattern] = work[k].edition?.patterns() } }
            let pagePatterns = compiled
            let outcomes = ParallelMap.run(count: chunk.count) { i in
                let plan = work[chunk[i]]
                let patterns = editions[chunk[i]] == nil ? nil : pagePatterns[plan.edition?.pagePattern ?? ""] ?? []
                var outcome = FileLinting.lintOne(path: plan.path, linter: plan.linter, encoding: plan.encoding,
                                                  stdin: stdin, stdinName: stdinName, fix: fixMode, showDiff: showDiff, edition: patterns)
                if streaming {
                    outcome.counts.add(outcome.diagnostics)
                    if outcome.diagnostics.count > Self.renderPiece, !groupsFiles {
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
            for (k, outcome) in outcomes.enumerated() {
                if let page = outcome.page, let key = editions[chunk[k]] {
                    gathered.pages[key, default: []].append((chunk[k], page))
                    if !outcome.diagnostics.isEmpty || outcome.counts.files > 0 { gathered.pagesWithFindings.insert(page.source.path) }
                }
                if !outcome.renderInPieces { gathered.diagnostics.append(contentsOf: outcome.diagnostics) }
                if let e = outcome.error { gathered.errors.append(e) }
                if let w = outcome.warning { stderr.write(context.localizer.warning(w) + "\n") }
                if outcome.skipped { gathered.counts.skipped += 1 }
                gathered.fixed += outcome.fixed
                if outcome.fixed > 0 { gathered.fixedFiles += 1 }
                gathered.diff += outcome.diff
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
                                gathered.toFiles[r] += reporters[r].report(piece, context: fileContexts[r])
                            }
                        }
                        if Profile.enabled { Profile.report("render", since: t0) }
                    } else if report.output == nil {
                        stdout.write(outcome.rendered[r])
                    } else {
                        gathered.toFiles[r] += outcome.rendered[r]
                    }
                }
                gathered.counts.add(outcome.counts)
            }
        }
        return gathered
    }

    /// The edition each plan's file is a page of, if any: a folder named with `--edition` (the files
    /// under it), or the folder of a file whose configuration says `"edition": {…}`.
    static func editions(_ plans: [FilePlan], named: [String]) -> [String?] {
        // Paths as written, made absolute without following links: a folder of links to pages is an edition.
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String { lexicalPath(path, cwd: cwd) }
        let roots = named.map { absolute($0) + "/" }
        // A file found under the one folder named on the command line starts with the folder as
        // written (the usual case: no path to take apart).
        let written = named.map { name -> String in
            var w = Substring(name)
            while w.count > 1, w.hasSuffix("/") { w = w.dropLast() }
            return w == "/" ? "/" : w + "/"
        }
        return plans.map { plan in
            guard plan.path != "-", !roots.isEmpty || plan.edition != nil else { return nil }
            if written.count == 1, written[0] != "/", plan.path.hasPrefix(written[0]), !Self.hasDotSegment(plan.path) {
                return roots[0]
            }
            let absolute = absolute(plan.path)
            if let root = roots.first(where: { absolute.hasPrefix($0) }) { return root }
            return plan.edition == nil ? nil : (absolute as NSString).deletingLastPathComponent + "/"
        }
    }

    /// Whether a path has a `.` or `..` segment after its first (`a/./b`, `a/../b`).
    static func hasDotSegment(_ path: String) -> Bool {
        var slash = false, dots = 0
        for byte in path.utf8 {
            if byte == 0x2F {
                if slash, dots == 1 || dots == 2 { return true }
                slash = true
                dots = 0
            } else if byte == 0x2E, dots >= 0 {
                dots += 1
            } else {
                dots = -1
            }
        }
        return slash && (dots == 1 || dots == 2)
    }

    /// A path made absolute by its letters alone (`.` and `..` taken out, no link followed, no system call).
    static func lexicalPath(_ path: String, cwd: String) -> String {
        let joined = path.hasPrefix("/") ? path : cwd + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The findings of the edition rules each edition's configuration switches on.
    static func checkEditions(_ pages: [String: [(plan: Int, page: EditionPage)]], plans: [FilePlan]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for key in pages.keys.sorted() {
            guard let members = pages[key], let first = members.first else { continue }
            let edition = Edition(pages: members.map(\.page))
            for active in plans[first.plan].linter.rules {
                guard let rule = active.checker as? any EditionRule else { continue }
                let tRule = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
                defer { if Profile.enabled { Profile.report("edition rule \(active.id)", since: tRule) } }
                for (p, finding) in rule.check(edition: edition) {
                    out.append(Diagnostic(ruleID: active.id, severity: active.severity, finding: finding, source: edition.pages[p].source))
                }
            }
        }
        return out
    }

    /// Changed-lines mode keeps findings on changed lines (a duplicate counts when either copy changed).
    static func onChangedLines(_ diagnostics: [Diagnostic], _ changes: ChangedLines, cwd: String) -> [Diagnostic] {
        diagnostics.filter { d in
            let path = d.path.hasPrefix("/") ? d.path : cwd + "/" + d.path
            let absolute = (path as NSString).standardizingPath
            let lines = d.source.lines
            let first = lines.lineIndex(of: d.range.start) + 1
            let last = lines.lineIndex(of: max(d.range.start, d.range.end - 1)) + 1
            if (first...last).contains(where: { changes.contains(path: absolute, line: $0) }) { return true }
            return d.related.contains { r in r.file == nil && changes.contains(path: absolute, line: lines.lineIndex(of: r.range.start) + 1) }
        }
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
}
