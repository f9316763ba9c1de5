import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Runs one declarative rule: the pack rule's spec, its compiled matcher, and the check of its kind
/// (one file each under `Kinds/`). Word lists compile to one Aho–Corasick automaton, or are matched in
/// the engine's shared pass; patterns to regular expressions compiled once, on first use.
public struct PackChecker: RuleChecker, WordListRule {
    public let spec: PackRuleSpec
    let matcher: PackMatcher
    let kind: any PackKindCheck
    /// Word repetition passes over ASCII copy whose bytes hold no word twice in a row, and compares
    /// two ASCII words in place, making strings only of a pair that is the same word (off only to
    /// test that it changes nothing).
    var comparesWordsInPlace = true

    public init(_ spec: PackRuleSpec) {
        self.spec = spec
        matcher = PackMatcher(spec)
        kind = Self.check(for: spec.kind)
    }

    static func check(for kind: PackRuleSpec.Kind) -> any PackKindCheck {
        switch kind {
        case .existence: return ExistenceCheck()
        case .substitution: return SubstitutionCheck()
        case .repetition: return RepetitionCheck()
        case .occurrence: return OccurrenceCheck()
        case .consistency: return ConsistencyCheck()
        case .pair: return PairCheck()
        }
    }

    /// The language decides whether the rule runs; a rule that accepts matches only next to Han skips
    /// blocks without any.
    public var neededFacts: FactSet { .scripts }

    /// Doubled characters and paired marks read every character of the copy; word lists share one pass.
    public var relativeCost: Int {
        switch spec.kind {
        case .repetition: return 3
        case .pair: return 2
        default: return 1
        }
    }

    /// The word list, when the engine may match it together with other rules' lists in one pass
    /// over the copy (kinds that match whole blocks).
    public var wordList: WordList? {
        guard !matcher.literalPatterns.isEmpty, [.existence, .substitution, .consistency].contains(spec.kind) else { return nil }
        let language = spec.language
        return WordList(patterns: matcher.literalPatterns, ignoreCase: spec.ignoreCase, needsHan: spec.context.needsHan,
                        applies: { language.applies(to: $0, $1) })
    }

    public func check(_ context: RuleContext) -> [Finding] {
        run(context, precomputed: nil)
    }

    public func check(_ context: RuleContext, wordListMatches: [AhoCorasick.Match]) -> [Finding] {
        run(context, precomputed: wordListMatches)
    }

    private func run(_ context: RuleContext, precomputed: [AhoCorasick.Match]?) -> [Finding] {
        guard spec.language.applies(to: context.facts.language, context.facts.chineseVariant) else { return [] }
        return kind.findings(PackScan(spec: spec, matcher: matcher, context: context, precomputed: precomputed,
                                      comparesWordsInPlace: comparesWordsInPlace))
    }
}

/// One kind of declarative rule: how a pack rule of that kind reads the copy.
protocol PackKindCheck: Sendable {
    /// The rule's findings in the scan's document (its language has been checked).
    func findings(_ scan: PackScan) -> [Finding]
}

extension PackRuleSpec {
    /// The rule as the engine sees it: description for docs and tests, a checker for runs.
    public var entry: RuleEntry {
        var rationale = self.rationale.isEmpty ? summary + "." : self.rationale
        if let link { rationale += " See \(link)." }
        let description = RuleDescription(
            id: id, summary: summary, rationale: rationale, defaultSeverity: severity, enabledByDefault: enabledByDefault,
            options: [], triggering: triggering, nonTriggering: nonTriggering,
            fixSafety: kind == .substitution || kind == .consistency || kind == .repetition
                ? "Fixes are \(fixSafety.rawValue)." : nil)
        let spec = self
        return RuleEntry(description: description) { _ in PackChecker(spec) }
    }
}
