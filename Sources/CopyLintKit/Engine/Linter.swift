import Foundation

/// A rule switched on for a run, with its final severity and built options.
public struct ActiveRule: Sendable {
    public let id: String
    public let severity: Severity
    public let checker: any RuleChecker
}

/// Runs the active rules over a parsed document and turns findings into diagnostics.
public struct Linter: Sendable {
    public let rules: [ActiveRule]
    public let parser = CopyParser()
    /// Honour `copylint-disable` directives (off with `--no-inline-config`).
    public var inlineConfig = true
    /// Every rule id a directive may name.
    public var knownRules: Set<String>
    /// Seconds one rule may spend on one file (`ruleTimeBudget` in .lintrc).
    public var timeBudget: Double = Linter.defaultTimeBudget
    public static let defaultTimeBudget = 10.0

    /// Documents at least this large (bytes) have their rules run in parallel.
    public static let parallelThreshold = 1 << 20

    /// Pack rules' word lists, matched for all of them in one pass.
    let literalPass: LiteralPass?

    public init(rules: [ActiveRule], knownRules: Set<String>? = nil) {
        self.rules = rules
        self.knownRules = knownRules ?? Set(RuleRegistry.builtin.ids).union(rules.map(\.id))
        literalPass = LiteralPass(rules: rules)
    }

    /// The rules of `registry` as `settings` switches and tunes them.
    public init(registry: RuleRegistry, settings: RuleSettings) {
        knownRules = Set(registry.ids)
        var active: [ActiveRule] = []
        for entry in registry.entries {
            let setting = settings.rules[entry.id]
            let enabled = setting?.enabled ?? entry.description.enabledByDefault
            guard enabled else { continue }
            let options = RuleOptions(specs: entry.description.options, overrides: setting?.options ?? [:])
            active.append(ActiveRule(id: entry.id, severity: setting?.severity ?? entry.description.defaultSeverity,
                                     checker: entry.make(options)))
        }
        rules = active
        literalPass = LiteralPass(rules: active)
    }

    public func lint(_ source: SourceText) -> [Diagnostic] {
        let t0 = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        let document = parser.parse(source)
        if Profile.enabled { Profile.report("parse", since: t0) }
        let t1 = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        defer { if Profile.enabled { Profile.report("lint (all rules)", since: t1) } }
        return lint(document)
    }

    public func lint(_ document: Document) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var mask = inlineConfig && !document.comments.isEmpty ? Suppressions(document, knownRules: knownRules) : nil
        let seconds = timeBudget
        let tLiterals = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        let literalMatches = literalPass?.run(document) ?? [:]
        if Profile.enabled, literalPass != nil { Profile.report("shared word lists", since: tLiterals) }
        // The word-list matches are let go when the rules are done, before the diagnostics are made.
        // Without directives to consult, each rule's findings become diagnostics in the job that found
        // them (on the thread whose memory they hold, which then serves the diagnostics).
        var perRule = runRules(document, literalMatches: consume literalMatches, makeDiagnostics: mask == nil)
        let tAssemble = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        defer { if Profile.enabled { Profile.report("diagnostics", since: tAssemble) } }
        // The largest rule's diagnostics are taken whole, as the start of the list (it is sorted at the
        // end): only the others are copied in, one reference (and one count on it) at a time.
        let largest = perRule.indices.max { perRule[$0].diagnostics.count < perRule[$1].diagnostics.count }
        if let largest, !perRule[largest].diagnostics.isEmpty {
            out = perRule[largest].diagnostics
            perRule[largest].diagnostics = []
        }
        out.reserveCapacity(out.count + perRule.reduce(0) { $0 + $1.findings.count + $1.diagnostics.count })
        for (k, rule) in rules.enumerated() {
            let result = perRule[k]
            perRule[k].findings = []   // each rule's findings let go once they are diagnostics
            perRule[k].diagnostics = []
            out.append(contentsOf: result.diagnostics)
            for finding in result.findings {
                if mask?.suppresses(rule: rule.id, offset: finding.range.start) == true { continue }
                out.append(Diagnostic(ruleID: rule.id, severity: rule.severity, finding: finding, source: document.source))
            }
            if let stop = result.budget.stoppedBecause {
                // Never silent: the file was not fully checked, and CI must not take that for clean.
                let finding = Finding(range: SourceRange(stop.offset, stop.offset),
                                      message: "\(rule.id) stopped here after \(Self.seconds(seconds)) (ruleTimeBudget): \(stop.why); the rest of the file is not checked by this rule")
                out.append(Diagnostic(ruleID: rule.id, severity: .error, finding: finding, source: document.source))
            }
        }
        if let mask, let unused = rules.first(where: { $0.id == UnusedSuppressionRule.description.id }) {
            for d in mask.directives where !d.used {
                let what = d.rules.isEmpty ? "any rule" : d.rules.joined(separator: ", ")
                let finding = Finding(range: Self.directiveWord(d.range, in: document),
                                      message: "suppression of \(what) is unused: nothing in its scope is reported",
                                      fix: Fix(title: "remove the directive", edits: [TextEdit(range: Self.wholeLine(d.range, in: document), replacement: "")],
                                               applicability: .safe))
                out.append(Diagnostic(ruleID: unused.id, severity: unused.severity, finding: finding, source: document.source))
            }
            for (range, id) in mask.unknown {
                let finding = Finding(range: Self.directiveWord(range, in: document),
                                      message: "unknown rule '\(id)' in a copylint directive" + didYouMean(id, Array(knownRules).sorted()))
                out.append(Diagnostic(ruleID: unused.id, severity: unused.severity, finding: finding, source: document.source))
            }
        }
        out.sort(by: Diagnostic.orderedInFile)   // one document: one path
        return out
    }

    /// Each rule's findings (or, with `makeDiagnostics`, its diagnostics) and budget; a large file's
    /// rules run side by side (they only read the document).
    private func runRules(_ document: Document, literalMatches: [Int: [AhoCorasick.Match]], makeDiagnostics: Bool)
        -> [(findings: [Finding], diagnostics: [Diagnostic], budget: TimeBudget)] {
        let rules = self.rules
        let seconds = timeBudget
        let run: @Sendable (Int) -> ([Finding], [Diagnostic], TimeBudget) = { k in
            let rule = rules[k]
            let budget = TimeBudget(seconds: seconds)
            let t0 = Profile.enabled ? Profile.threadCPU() : 0
            let found: [Finding]
            if let matches = literalMatches[k], let pack = rule.checker as? PackChecker {
                found = pack.check(document, budget: budget, literalMatches: matches)
            } else {
                found = rule.checker.check(document, budget: budget)
            }
            if Profile.enabled { Profile.report(rule.id + " (CPU)", since: t0, now: Profile.threadCPU()) }
            guard makeDiagnostics else { return (found, [], budget) }
            return ([], found.map { Diagnostic(ruleID: rule.id, severity: rule.severity, finding: $0, source: document.source) }, budget)
        }
        if document.bytes.count >= Self.parallelThreshold, rules.count > 1 {
            // The dearest rules start first (the cores take jobs in order): a dear rule taken last
            // would leave one core idle while the other finishes it. Results go back in rule order.
            let cost = rules.map { $0.checker.relativeCost(for: document) }
            // A rule that spreads its own work over the cores runs alone, after the others: inside
            // another rule's job its work would stay on that job's core.
            let alone = rules.indices.filter { rules[$0].checker.usesAllCores(for: document) }
            let order = rules.indices.filter { !alone.contains($0) }.sorted { cost[$0] > cost[$1] }
            let results = ParallelMap.run(count: order.count) { run(order[$0]) } + alone.map(run)
            var byRule = results
            for (j, k) in (order + alone).enumerated() { byRule[k] = results[j] }
            return byRule
        }
        return rules.indices.map(run)
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() && s < 1e9 ? "\(Int(s)) s" : "\(s) s"
    }

    /// The `copylint-…` word of a directive line.
    static func directiveWord(_ range: SourceRange, in document: Document) -> SourceRange {
        let bytes = document.bytes
        let word = Array("copylint-".utf8)
        var i = range.start
        while i + word.count <= range.end {
            if Array(bytes[i..<(i + word.count)]) == word {
                var e = i
                while e < range.end, bytes[e] != 0x20, bytes[e] != 0x09 { e += 1 }
                return SourceRange(i, e)
            }
            i += 1
        }
        return range
    }

    /// The directive's line with its line break, for deletion.
    static func wholeLine(_ range: SourceRange, in document: Document) -> SourceRange {
        let lines = document.source.lines
        let line = lines.lineIndex(of: range.start)
        let end = line + 1 < lines.count ? lines.lineStarts[line + 1] : lines.contentEnds[line]
        return SourceRange(lines.lineStarts[line], end)
    }
}

/// Per-rule switches from configuration: on/off, severity, options.
public struct RuleSettings: Sendable {
    public struct Setting: Sendable {
        public var enabled: Bool?
        public var severity: Severity?
        public var options: [String: OptionValue]

        public init(enabled: Bool? = nil, severity: Severity? = nil, options: [String: OptionValue] = [:]) {
            self.enabled = enabled
            self.severity = severity
            self.options = options
        }
    }

    public var rules: [String: Setting]

    public init(_ rules: [String: Setting] = [:]) {
        self.rules = rules
    }
}

/// `COPYLINT_PROFILE=1`: wall time of each phase and rule on stderr (for bench/, not for users).
enum Profile {
    static let enabled = ProcessInfo.processInfo.environment["COPYLINT_PROFILE"] == "1"

    /// Peak resident memory so far.
    static func residentMB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss >> 10
    }

    static func threadCPU() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    static func report(_ what: String, since start: UInt64, now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        let ms = Double(now - start) / 1e6
        FileHandle.standardError.write(Data("profile: \(what) \((ms * 10).rounded() / 10) ms, \(residentMB()) MB peak\n".utf8))
    }
}
