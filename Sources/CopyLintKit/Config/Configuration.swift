import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// The contents of a `.lintrc`.
public struct Configuration: Sendable {
    public var path: String?
    public var rules = RuleSettings()
    public var include: [String]?
    public var exclude: [String]?
    public var failOn: Severity?
    public var columnUnit: ColumnUnit?
    public var encoding: InputEncoding?
    /// Seconds one rule may spend on one file.
    public var ruleTimeBudget: Double?
    /// How the copy's lines make paragraphs (`auto`: recognised file by file).
    public var layout: LayoutChoice?
    /// The folders this configuration governs are editions (`"edition": {…}`).
    public var edition: EditionSettings?
    /// The language of messages, help and the summary (`"locale": "zh-Hans"`).
    public var locale: MessageLocale?
    /// Rule packs loaded by this configuration (beyond copylint's own).
    public var packs: [PackLoader.Pack] = []
    /// The rules this configuration can switch: copylint's and its packs'.
    public var registry: RuleRegistry = .builtin

    public init() {}

    public static let defaultInclude = ["*.txt", "*.md"]

    /// The folder holding the configuration file; globs are relative to it.
    public var directory: String? { path.map { ($0 as NSString).deletingLastPathComponent } }

    static let topLevelKeys = ["rules", "include", "exclude", "failOn", "columnUnit", "encoding", "packs", "ruleTimeBudget", "layout", "edition", "locale"]
    static let ruleKeys = ["enabled", "severity", "options"]
    static let editionKeys = ["enabled", "pagePattern"]
}

/// `"edition": { "enabled": true, "pagePattern": "…" }`: each folder of pages this configuration
/// governs is an edition, its pages numbered by `pagePattern` (a regular expression with a group
/// named `page`, and one named `section` if the paper has sections) or by copylint's conventions.
public struct EditionSettings: Sendable {
    public var enabled = true
    public var pagePattern: String?

    public init(enabled: Bool = true, pagePattern: String? = nil) {
        self.enabled = enabled
        self.pagePattern = pagePattern
    }

    /// The desk's pattern pages are numbered by (copylint's conventions come after it).
    public func patterns() -> [NSRegularExpression] {
        pagePattern.flatMap { try? PageNumbering.pattern($0) }.map { [$0] } ?? []
    }
}
