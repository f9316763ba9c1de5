import Foundation
import CopyLintBase
import CopyLintDocument

/// A rule switched on for a run, with its final severity and built options.
public struct ActiveRule: Sendable {
    public let id: String
    public let severity: Severity
    public let checker: any RuleChecker
}

/// Runs the active rules over a parsed document and turns findings into diagnostics.
public struct Linter: Sendable {
    public let rules: [ActiveRule]
    /// How files are parsed (`layout` in .lintrc, `--layout`).
    public var parser = CopyParser()
    /// Honour `copylint-disable` directives (off with `--no-inline-config`).
    public var inlineConfig = true
    /// Every rule id a directive may name.
    public var knownRules: Set<String>
    /// Seconds one rule may spend on one file (`ruleTimeBudget` in .lintrc).
    public var timeBudget: Double = Linter.defaultTimeBudget
    public static let defaultTimeBudget = 10.0

    /// Documents at least this large (bytes) have their rules run in parallel.
    public static let parallelThreshold = ParallelMap.parallelThreshold

    /// Rules' word lists, matched for all of them in one pass.
    let wordListPass: WordListPass?
    /// The document facts the rules (and the word-list pass) read, computed once per document.
    public let neededFacts: FactSet

    /// `knownRules`: every rule id a directive may name (by default, the ids of `rules`).
    public init(rules: [ActiveRule], knownRules: Set<String>? = nil) {
        self.rules = rules
        self.knownRules = knownRules ?? Set(rules.map(\.id))
        wordListPass = WordListPass(rules: rules)
        neededFacts = Self.facts(rules, wordListPass)
    }

    /// The rules of `registry` as `settings` switches and tunes them.
    public init(registry: RuleRegistry, settings: RuleSettings) {
        var active: [ActiveRule] = []
        for entry in registry.entries {
            let setting = settings.rules[entry.id]
            let enabled = setting?.enabled ?? entry.description.enabledByDefault
            guard enabled else { continue }
            let options = RuleOptions(specs: entry.description.options, overrides: setting?.options ?? [:])
            active.append(ActiveRule(id: entry.id, severity: setting?.severity ?? entry.description.defaultSeverity,
                                     checker: entry.make(options)))
        }
        self.init(rules: active, knownRules: Set(registry.ids))
    }

    private static func facts(_ rules: [ActiveRule], _ pass: WordListPass?) -> FactSet {
        rules.reduce(pass == nil ? [] : WordListPass.neededFacts) { $0.union($1.checker.neededFacts) }
    }

    public func lint(_ source: SourceText) -> [Diagnostic] {
        let t0 = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        let document = parser.parse(source)
        if Profile.enabled { Profile.report("parse", since: t0) }
        let t1 = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        defer { if Profile.enabled { Profile.report("lint (all rules)", since: t1) } }
        return lint(document)
    }

    /// The diagnostics and the parsed document (the checks of an edition read the document too).
    public func lintKeepingDocument(_ source: SourceText) -> (diagnostics: [Diagnostic], document: Document) {
        let document = parser.parse(source)
        return (lint(document), document)
    }

    public func lint(_ document: Document) -> [Diagnostic] {
        let tFacts = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        let facts = DocumentFacts(document, computing: neededFacts)
        if Profile.enabled { Profile.report("facts", since: tFacts) }
        var out: [Diagnostic] = []
        var mask = inlineConfig && !document.comments.isEmpty ? Suppressions(document, knownRules: knownRules) : nil
        let seconds = timeBudget
        let tLiterals = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        let literalMatches = wordListPass?.run(document, facts: facts) ?? [:]
        if Profile.enabled, wordListPass != nil { Profile.report("shared word lists", since: tLiterals) }
        // The word-list matches are let go when the rules are done, before the diagnostics are made.
        // Without directives to consult, each rule's findings become diagnostics in the job that found
        // them (on the thread whose memory they hold, which then serves the diagnostics).
        var perRule = runRules(document, facts: facts, literalMatches: consume literalMatches, makeDiagnostics: mask == nil)
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
        if let mask {
            // Rules that report on the directives themselves, once the mask has been used.
            let report = SuppressionReport(directives: mask.directives, unknown: mask.unknown, knownRules: knownRules)
            for rule in rules {
                guard let auditor = rule.checker as? any SuppressionAuditor else { continue }
                let context = RuleContext(document: document, facts: facts, budget: TimeBudget(seconds: seconds))
                for finding in auditor.audit(report, in: context) {
                    out.append(Diagnostic(ruleID: rule.id, severity: rule.severity, finding: finding, source: document.source))
                }
            }
        }
        out.sort(by: Diagnostic.orderedInFile)   // one document: one path
        return out
    }

    /// Each rule's findings (or, with `makeDiagnostics`, its diagnostics) and budget; a large file's
    /// rules run side by side (they only read the document).
    private func runRules(_ document: Document, facts: DocumentFacts, literalMatches: [Int: [AhoCorasick.Match]], makeDiagnostics: Bool)
        -> [(findings: [Finding], diagnostics: [Diagnostic], budget: TimeBudget)] {
        let rules = self.rules
        let seconds = timeBudget
        let run: @Sendable (Int) -> ([Finding], [Diagnostic], TimeBudget) = { k in
            let rule = rules[k]
            let budget = TimeBudget(seconds: seconds)
            let t0 = Profile.enabled ? Profile.threadCPU() : 0
            let context = RuleContext(document: document, facts: facts, budget: budget)
            let found: [Finding]
            if let matches = literalMatches[k], let sharer = rule.checker as? any WordListRule {
                found = sharer.check(context, wordListMatches: matches)
            } else {
                found = rule.checker.check(context)
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
