import CopyLintBase
import CopyLintEngine

/// Exit codes, documented in `--help` and the README.
public enum ExitCode {
    public static let clean: Int32 = 0
    public static let findings: Int32 = 1
    public static let usage: Int32 = 2
}

/// What the summary and the exit code need to know of findings, kept as counts (a streaming run lets
/// go of its findings file by file).
public struct Counts: Sendable, Equatable {
    public var errors = 0, warnings = 0, infos = 0, safeFixes = 0
    /// Files with at least one finding.
    public var files = 0
    /// Files passed over (binary files).
    public var skipped = 0
    /// Findings of each rule, and how many of them have a fix.
    public struct RuleCount: Sendable, Equatable {
        public var count = 0, fixable = 0
        public var severity: Severity = .info
    }
    public var byRule: [String: RuleCount] = [:]

    public init() {}

    /// The counts of one file's diagnostics.
    public mutating func add(_ diagnostics: [Diagnostic]) {
        // A file's rules are few: counted in a short list (an id is one string shared by the rule's
        // findings, so comparing it is cheap), then added to the table once each.
        var rules: [(id: String, count: RuleCount)] = []
        var last = -1
        for d in diagnostics {
            switch d.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
            if d.hasSafeFix { safeFixes += 1 }
            if last < 0 || rules[last].id != d.ruleID {
                last = rules.firstIndex { $0.id == d.ruleID } ?? -1
                if last < 0 {
                    last = rules.count
                    rules.append((d.ruleID, RuleCount()))
                }
            }
            rules[last].count.count += 1
            if d.fix != nil { rules[last].count.fixable += 1 }
            if d.severity > rules[last].count.severity { rules[last].count.severity = d.severity }
        }
        for (id, count) in rules { byRule[id, default: RuleCount()].merge(count) }
        if !diagnostics.isEmpty { files += 1 }
    }

    public mutating func add(_ other: Counts) {
        errors += other.errors; warnings += other.warnings; infos += other.infos
        safeFixes += other.safeFixes; files += other.files; skipped += other.skipped
        for (id, c) in other.byRule { byRule[id, default: RuleCount()].merge(c) }
    }

    /// The rules by count, most first (then by id).
    public var rulesByCount: [(id: String, count: RuleCount)] {
        byRule.map { ($0.key, $0.value) }.sorted { $0.count.count != $1.count.count ? $0.count.count > $1.count.count : $0.id < $1.id }
    }

    /// The counts of diagnostics of any number of files.
    public init(_ diagnostics: [Diagnostic]) {
        add(diagnostics)
        files = Set(diagnostics.map(\.path)).count
    }

    public var total: Int { errors + warnings + infos }

    public subscript(severity: Severity) -> Int {
        switch severity {
        case .error: return errors
        case .warning: return warnings
        case .info: return infos
        }
    }
}

extension Counts.RuleCount {
    mutating func merge(_ other: Counts.RuleCount) {
        count += other.count
        fixable += other.fixable
        severity = max(severity, other.severity)
    }
}

/// The one place a run's exit code is decided.
public struct ExitPolicy: Sendable {
    /// The lowest severity that fails the run.
    public var failOn: Severity
    /// Also fail when there are more warnings than this.
    public var maxWarnings: Int?
    /// Also fail when baselined findings are gone.
    public var failOnStaleBaseline = false

    public init(failOn: Severity, maxWarnings: Int? = nil, failOnStaleBaseline: Bool = false) {
        self.failOn = failOn
        self.maxWarnings = maxWarnings
        self.failOnStaleBaseline = failOnStaleBaseline
    }

    /// 2 when the run could not do what was asked; else 1 when a finding reaches `failOn`, when there
    /// are too many warnings or when baselined findings are gone (`failOnStaleBaseline`); else 0. The
    /// note says why, when the reason is not a finding the report shows.
    public func decide(_ counts: Counts, hadErrors: Bool, staleBaseline: Int = 0, _ l: Localizer = .english) -> (code: Int32, note: String?) {
        if hadErrors { return (ExitCode.usage, nil) }
        let reached = (failOn <= .error && counts.errors > 0) || (failOn <= .warning && counts.warnings > 0)
            || (failOn == .info && counts.infos > 0)
        if reached { return (ExitCode.findings, nil) }
        if let maxWarnings, counts.warnings > maxWarnings {
            return (ExitCode.findings, l.ui("copylint: {n} warnings, more than --max-warnings {max}",
                                            ["n": "\(counts.warnings)", "max": "\(maxWarnings)"]) + "\n")
        }
        if failOnStaleBaseline, staleBaseline > 0 {
            return (ExitCode.findings, l.ui(staleBaseline == 1 ? "copylint: 1 baselined finding is gone; shrink the baseline with --write-baseline"
                                            : "copylint: {n} baselined findings are gone; shrink the baseline with --write-baseline",
                                            ["n": "\(staleBaseline)"]) + "\n")
        }
        return (ExitCode.clean, nil)
    }
}
