/// The rules compiled into copylint, in the order `copylint rules` lists them.
enum BuiltinRules {
    static let all: [RuleEntry] = [
        RuleEntry(DuplicateParagraphRule.self),
        RuleEntry(MixedScriptRule.self),
        RuleEntry(TruncatedSentenceRule.self),
        RuleEntry(MisplacedHeadlineRule.self),
        RuleEntry(UnusedSuppressionRule.self),
    ]
}
