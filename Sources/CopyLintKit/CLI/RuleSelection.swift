import Foundation
import CopyLintBase
import CopyLintEngine

/// `--select`, `--extend-select`, `--ignore` and `--min-severity`, as ruff reads them. A selector is a
/// rule id, a pack (`zh-hans-news`), any other prefix of ids (`duplicate-`), or `ALL`. A rule a
/// selector names is switched on even when it is off by default; `--select` switches off every rule
/// it does not name; of the selectors that name a rule, the most specific (longest) decides, and
/// `--ignore` wins a tie. Rules below `--min-severity` are not run.
public struct RuleSelection: Sendable, Equatable {
    public var select: [String]?
    public var extendSelect: [String] = []
    public var ignore: [String] = []
    public var minSeverity: Severity?

    public init() {}

    public var isEmpty: Bool { select == nil && extendSelect.isEmpty && ignore.isEmpty && minSeverity == nil }

    /// Whether `selector` names `id`: the id itself, its pack or any other prefix, or ALL.
    static func names(_ selector: String, _ id: String) -> Bool {
        selector == "ALL" || id.hasPrefix(selector)
    }

    /// How specific a selector is (ALL the least).
    static func weight(_ selector: String) -> Int { selector == "ALL" ? 0 : selector.count }

    /// The settings with the selection applied to every rule of `registry`.
    public func apply(to settings: RuleSettings, registry: RuleRegistry) -> RuleSettings {
        guard !isEmpty else { return settings }
        var out = settings
        for entry in registry.entries {
            var setting = out.rules[entry.id] ?? RuleSettings.Setting()
            if let on = decision(for: entry.id) { setting.enabled = on }
            if let minSeverity, (setting.severity ?? entry.description.defaultSeverity) < minSeverity { setting.enabled = false }
            out.rules[entry.id] = setting
        }
        return out
    }

    /// On, off, or as configured (nil) for the rule `id`.
    func decision(for id: String) -> Bool? {
        let chosen = ((select ?? []) + extendSelect).filter { Self.names($0, id) }.map(Self.weight).max()
        let ignored = ignore.filter { Self.names($0, id) }.map(Self.weight).max()
        switch (chosen, ignored) {
        case let (c?, i?): return c > i
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil): return select == nil ? nil : false
        }
    }

    /// An error for a selector that names no rule of `registry`, with a did-you-mean.
    public func check(against registry: RuleRegistry) -> CopyLintError? {
        for (option, selectors) in [("--select", select ?? []), ("--extend-select", extendSelect), ("--ignore", ignore)] {
            for s in selectors where !registry.ids.contains(where: { Self.names(s, $0) }) {
                let packs = Set(registry.ids.compactMap { $0.split(separator: "/").count > 1 ? String($0.split(separator: "/")[0]) : nil })
                return CopyLintError("\(option): no rule is named '\(s)'" + didYouMean(s, registry.ids + packs.sorted())
                                     + "; copylint rules lists them")
            }
        }
        return nil
    }

    /// Selectors from `a,b` (spaces around commas allowed).
    static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
