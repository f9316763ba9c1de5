import Foundation

/// A value a rule option can take.
public enum OptionValue: Hashable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case strings([String])

    public var typeName: String {
        switch self {
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .strings: return "array of strings"
        }
    }

    public var description: String {
        switch self {
        case .bool(let b): return String(b)
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return "\"\(s)\""
        case .strings(let a): return "[" + a.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        }
    }
}

/// An option a rule accepts, with its default.
public struct OptionSpec: Sendable {
    public let name: String
    public let defaultValue: OptionValue
    public let help: String
    /// For string options: the allowed values (empty: any).
    public let allowed: [String]

    public init(_ name: String, default defaultValue: OptionValue, help: String, allowed: [String] = []) {
        self.name = name
        self.defaultValue = defaultValue
        self.help = help
        self.allowed = allowed
    }
}

/// Options resolved against a rule's specs: every option has a value of the right type.
public struct RuleOptions: Sendable {
    public private(set) var values: [String: OptionValue]

    public init(specs: [OptionSpec], overrides: [String: OptionValue] = [:]) {
        var values: [String: OptionValue] = [:]
        for spec in specs { values[spec.name] = spec.defaultValue }
        for (k, v) in overrides { values[k] = v }
        self.values = values
    }

    public func int(_ name: String) -> Int {
        switch values[name] {
        case .int(let i): return i
        case .double(let d): return Int(d)
        default: return 0
        }
    }

    public func double(_ name: String) -> Double {
        switch values[name] {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return 0
        }
    }

    public func bool(_ name: String) -> Bool {
        if case .bool(let b) = values[name] { return b }
        return false
    }

    public func string(_ name: String) -> String {
        if case .string(let s) = values[name] { return s }
        return ""
    }

    public func strings(_ name: String) -> [String] {
        if case .strings(let a) = values[name] { return a }
        return []
    }
}

/// A triggering or non-triggering example. In triggering examples `↓` marks where
/// each finding must start; `fixed` (if given) is the text after applying every fix.
public struct Example: Sendable {
    public let text: String
    public let options: [String: OptionValue]
    public let fixed: String?
    public let note: String?

    public init(_ text: String, options: [String: OptionValue] = [:], fixed: String? = nil, note: String? = nil) {
        self.text = text
        self.options = options
        self.fixed = fixed
        self.note = note
    }

    public static let marker: Character = "↓"

    /// The example's text without markers, and the byte offsets where the markers stood.
    public var textAndMarkers: (text: String, markers: [Int]) {
        var out = ""
        var markers: [Int] = []
        for ch in text {
            if ch == Example.marker { markers.append(out.utf8.count) } else { out.append(ch) }
        }
        return (out, markers)
    }
}

/// Everything a rule says about itself: read by `copylint explain`, `copylint rules`, the
/// SARIF driver, the configuration validator and the test suite.
public struct RuleDescription: Sendable {
    public let id: String
    public let summary: String
    public let rationale: String
    public let defaultSeverity: Severity
    public let enabledByDefault: Bool
    public let options: [OptionSpec]
    public let triggering: [Example]
    public let nonTriggering: [Example]
    /// How the rule's fixes behave, for documentation.
    public let fixSafety: String?

    public init(id: String, summary: String, rationale: String, defaultSeverity: Severity,
                enabledByDefault: Bool = true, options: [OptionSpec] = [], triggering: [Example],
                nonTriggering: [Example], fixSafety: String? = nil) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.enabledByDefault = enabledByDefault
        self.options = options
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.fixSafety = fixSafety
    }
}

/// A check over a parsed document. Rules find; they never print, read configuration
/// files, look at suppressions, or pick the final severity.
public protocol RuleChecker: Sendable {
    func check(_ document: Document) -> [Finding]
    /// The same check, stopping early once `budget` runs out (rules with user-supplied patterns,
    /// whose cost copylint cannot bound, honour it; the others are linear and ignore it).
    func check(_ document: Document, budget: TimeBudget) -> [Finding]
    /// How much work the rule does per byte of copy, roughly (1 = a pass that decodes little).
    /// The engine starts the dearest rules of a large file first, so that the cores finish together.
    var relativeCost: Int { get }
    /// The same for one document, where its shape changes the work (by default `relativeCost`).
    func relativeCost(for document: Document) -> Int
    /// The rule spreads its own work over all cores for this document (a giant block read in windows):
    /// the engine then runs it on its own, after the other rules, so that its windows get every core
    /// rather than the one its job happens to hold.
    func usesAllCores(for document: Document) -> Bool
}

extension RuleChecker {
    public func check(_ document: Document, budget: TimeBudget) -> [Finding] { check(document) }
    public var relativeCost: Int { 1 }
    public func relativeCost(for document: Document) -> Int { relativeCost }
    public func usesAllCores(for document: Document) -> Bool { false }
}

/// Time one rule may spend on one file. A rule that runs out stops, records why, and the engine
/// reports that as a diagnostic: a pattern that backtracks catastrophically costs seconds, not a hung CI job.
/// One budget belongs to one rule's run on one file, on one thread; the engine reads it after the run.
public final class TimeBudget: @unchecked Sendable {
    public let seconds: Double
    private let deadline: UInt64
    private var reason: (why: String, offset: Int)?

    public init(seconds: Double) {
        self.seconds = seconds
        let ns = seconds.isFinite && seconds > 0 ? min(seconds * 1e9, Double(UInt64.max / 2)) : Double(UInt64.max / 2)
        deadline = DispatchTime.now().uptimeNanoseconds &+ UInt64(ns)
    }

    /// True once the time is up.
    public var expired: Bool { DispatchTime.now().uptimeNanoseconds >= deadline }

    /// Records what was cut short and where (the first reason is kept).
    public func stop(_ why: String, at offset: Int) {
        if reason == nil { reason = (why, offset) }
    }

    public var stoppedBecause: (why: String, offset: Int)? { reason }
}

/// A built-in rule: a type that carries its own description.
public protocol Rule: RuleChecker {
    static var description: RuleDescription { get }
    init(options: RuleOptions)
}
