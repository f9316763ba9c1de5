import CopyLintBase
import CopyLintDocument

/// What a rule can do beyond `check`, declared by conforming: the engine asks for these by protocol,
/// never by a rule's type.

/// A rule whose word list the engine may match in one pass over the copy together with the lists of
/// other such rules, instead of each rule making its own pass.
public protocol WordListRule: RuleChecker {
    /// The list, when it can be shared (nil: the rule matches on its own).
    var wordList: WordList? { get }
    /// The check, given every match of `wordList` in the document's blocks, block by block in order
    /// and by end within a block (so that ends never decrease).
    func check(_ context: RuleContext, wordListMatches: [AhoCorasick.Match]) -> [Finding]
}

/// A word list to be matched in the shared pass.
public struct WordList: Sendable {
    public let patterns: [[UInt8]]
    public let ignoreCase: Bool
    /// A match counts only next to a Han character: a block without one (the `scripts` fact) holds none.
    public let needsHan: Bool
    /// Whether the rule runs at all on copy in this language and variant.
    public let applies: @Sendable (Language, ChineseVariant?) -> Bool

    public init(patterns: [[UInt8]], ignoreCase: Bool, needsHan: Bool,
                applies: @escaping @Sendable (Language, ChineseVariant?) -> Bool) {
        self.patterns = patterns
        self.ignoreCase = ignoreCase
        self.needsHan = needsHan
        self.applies = applies
    }
}

/// A rule that reports on the inline directives themselves. The engine alone reads directives and
/// masks findings; once every rule has run it hands such a rule what it found.
public protocol SuppressionAuditor: RuleChecker {
    func audit(_ report: SuppressionReport, in context: RuleContext) -> [Finding]
}

/// The directives of a document after the findings were masked: which switched something off, and
/// which named rules copylint does not know.
public struct SuppressionReport: Sendable {
    public let directives: [Suppressions.Directive]
    /// (directive range, unknown id).
    public let unknown: [(SourceRange, String)]
    /// Every rule id a directive may name.
    public let knownRules: Set<String>
}
