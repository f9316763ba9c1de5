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
    /// Rule packs loaded by this configuration (beyond copylint's own).
    public var packs: [PackLoader.Pack] = []
    /// The rules this configuration can switch: copylint's and its packs'.
    public var registry: RuleRegistry = .builtin

    public init() {}

    public static let defaultInclude = ["*.txt", "*.md"]

    /// The folder holding the configuration file; globs are relative to it.
    public var directory: String? { path.map { ($0 as NSString).deletingLastPathComponent } }

    static let topLevelKeys = ["rules", "include", "exclude", "failOn", "columnUnit", "encoding", "packs", "ruleTimeBudget", "layout"]
    static let ruleKeys = ["enabled", "severity", "options"]
}
