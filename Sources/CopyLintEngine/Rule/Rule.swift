import Foundation
import CopyLintBase
import CopyLintDocument

/// What a rule is given to check: the parsed document, the facts it declared, and its time budget.
public struct RuleContext: Sendable {
    public let document: Document
    public let facts: DocumentFacts
    /// Rules with user-supplied patterns, whose cost copylint cannot bound, stop early once it runs
    /// out; the others are linear and ignore it.
    public let budget: TimeBudget

    public init(document: Document, facts: DocumentFacts, budget: TimeBudget = TimeBudget(seconds: .infinity)) {
        self.document = document
        self.facts = facts
        self.budget = budget
    }

    /// The document with every fact computed (tests, tools).
    public init(document: Document) {
        self.init(document: document, facts: DocumentFacts(document, computing: .all))
    }

    public var bytes: [UInt8] { document.bytes }
    public var blocks: [Block] { document.blocks }
}

/// A check over a parsed document. Rules find; they never print, read configuration
/// files, look at suppressions, or pick the final severity.
public protocol RuleChecker: Sendable {
    /// The document facts the rule reads; the engine computes them once for all the rules that run.
    var neededFacts: FactSet { get }
    func check(_ context: RuleContext) -> [Finding]
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
    public var neededFacts: FactSet { [] }
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
