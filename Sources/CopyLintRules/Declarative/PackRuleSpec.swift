import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Where in the copy a pack rule looks.
public enum PackScope: String, Sendable, CaseIterable {
    case text           // every block
    case copy           // every block but a table's rows (aligned with spaces) and the page's furniture
    case headline       // kicker, headline, subtitle
    case subtitle
    case heading        // every heading, subheads included
    case paragraph
    case caption
    case byline
    case sentence       // each sentence of running text (occurrence counts)
    case document       // the whole file at once (consistency)

    func includes(_ kind: BlockKind) -> Bool {
        switch self {
        case .text, .document: return true
        case .copy: return kind != .listing && !kind.isFurniture
        case .headline: return kind == .headline || kind == .kicker || kind == .subtitle
        case .subtitle: return kind == .subtitle
        case .heading: return kind.isHeading
        case .paragraph, .sentence: return kind == .paragraph
        case .caption: return kind == .caption
        case .byline: return kind == .byline
        }
    }
}

/// Which documents a pack rule applies to.
public enum PackLanguage: String, Sendable {
    case any
    case zh            // Chinese, either variant
    case zhHans = "zh-hans"
    case zhHant = "zh-hant"
    case en

    func applies(to language: Language, _ variant: ChineseVariant?) -> Bool {
        switch self {
        case .any: return true
        case .en: return language == .english
        case .zh: return language == .chinese
        case .zhHans: return language == .chinese && variant != .traditional
        case .zhHant: return language == .chinese && variant == .traditional
        }
    }
}

/// What must stand next to a literal match for it to count.
public enum PackContext: String, Sendable {
    case none
    case hanBefore = "han-before"
    case hanAfter = "han-after"
    case hanEither = "han-either"
    case hanBoth = "han-both"

    /// A match is accepted only next to a Han character: a block without one holds no finding.
    var needsHan: Bool { self != .none }
}

/// A rule of a declarative pack, as written in its JSON file.
public struct PackRuleSpec: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case existence, substitution, repetition, occurrence, consistency, pair
    }

    public var id: String
    public var kind: Kind
    public var summary: String
    public var rationale: String
    public var message: String
    public var severity: Severity
    public var enabledByDefault: Bool
    public var scope: PackScope
    public var language: PackLanguage
    public var tokens: [String] = []
    public var patterns: [String] = []
    public var swap: [(String, String)] = []
    public var exceptions: [String] = []
    public var ignoreCase = false
    public var wordBoundary = false
    public var context: PackContext = .none
    public var link: String?
    public var fixSafety: Fix.Applicability = .safe
    /// existence: what a match becomes when fixed (a regex template: $1 …).
    public var replacement: String?
    // repetition
    public var unit: String = "char"
    public var allowLexiconWords = false
    // occurrence
    public var max: Int = 0
    public var count: String = "tokens"
    // consistency
    public var groups: [[String]] = []
    // pair
    public var pairs: [(String, String)] = []
    public var openAcrossParagraphs = false
    /// substitution: learn the file's own convention first, in its headings only or everywhere (its
    /// headings and its other blocks apart). Where a class writes the "wrong" forms and all but never
    /// the right ones, that is its house style: the wrong forms there are not reported, and a right
    /// form among them is the outlier.
    public var learnsConvention: ConventionScope = .none

    public enum ConventionScope: String, Sendable { case none, headings, everywhere }
    public var triggering: [Example] = []
    public var nonTriggering: [Example] = []
    public var path: String = ""
}
