import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// The rules compiled into copylint, in the order `copylint rules` lists them: the rules
/// written in Swift, then the rules of copylint's own packs (rules/, embedded at build time).
package enum BuiltinRules {
    package static let swiftRules: [RuleEntry] = [
        RuleEntry(DuplicateParagraphRule.self),
        RuleEntry(MixedScriptRule.self),
        RuleEntry(TruncatedSentenceRule.self),
        RuleEntry(MisplacedHeadlineRule.self),
        RuleEntry(UnusedSuppressionRule.self),
        RuleEntry(BrokenJumpRule.self),
        RuleEntry(DuplicateStoryRule.self),
    ]

    /// copylint's own packs, parsed from the copy embedded in the binary.
    package static let packs: [PackLoader.Pack] = {
        var byPack: [String: [(path: String, bytes: [UInt8])]] = [:]
        var order: [String] = []
        for file in BuiltinPacks.files {
            if byPack[file.pack] == nil { order.append(file.pack) }
            byPack[file.pack, default: []].append((file.path, Array(file.text.utf8)))
        }
        // The embedded packs are checked by the test suite; a broken one contributes no rules.
        return order.compactMap { try? PackLoader().parse(name: $0, files: byPack[$0]!, validatePatterns: false) }
    }()

    package static let all: [RuleEntry] = swiftRules + packs.flatMap { $0.rules.map(\.entry) }
}

extension RuleRegistry {
    /// Every rule built into copylint.
    public static let builtin = RuleRegistry(BuiltinRules.all)
}
