/// A rule switched on for a run, with its final severity and built options.
public struct ActiveRule: Sendable {
    public let id: String
    public let severity: Severity
    public let checker: any RuleChecker
}

/// Runs the active rules over a parsed document and turns findings into diagnostics.
public struct Linter: Sendable {
    public let rules: [ActiveRule]
    public let parser = CopyParser()

    public init(rules: [ActiveRule]) {
        self.rules = rules
    }

    /// The rules of `registry` as `settings` switches and tunes them.
    public init(registry: RuleRegistry, settings: RuleSettings) {
        var active: [ActiveRule] = []
        for entry in registry.entries {
            let setting = settings.rules[entry.id]
            let enabled = setting?.enabled ?? entry.description.enabledByDefault
            guard enabled else { continue }
            let options = RuleOptions(specs: entry.description.options, overrides: setting?.options ?? [:])
            active.append(ActiveRule(id: entry.id, severity: setting?.severity ?? entry.description.defaultSeverity,
                                     checker: entry.make(options)))
        }
        rules = active
    }

    public func lint(_ source: SourceText) -> [Diagnostic] {
        lint(parser.parse(source))
    }

    public func lint(_ document: Document) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for rule in rules {
            for finding in rule.checker.check(document) {
                out.append(Diagnostic(ruleID: rule.id, severity: rule.severity, finding: finding, source: document.source))
            }
        }
        out.sort(by: Diagnostic.ordered)
        return out
    }
}

/// Per-rule switches from configuration: on/off, severity, options.
public struct RuleSettings: Sendable {
    public struct Setting: Sendable {
        public var enabled: Bool?
        public var severity: Severity?
        public var options: [String: OptionValue]

        public init(enabled: Bool? = nil, severity: Severity? = nil, options: [String: OptionValue] = [:]) {
            self.enabled = enabled
            self.severity = severity
            self.options = options
        }
    }

    public var rules: [String: Setting]

    public init(_ rules: [String: Setting] = [:]) {
        self.rules = rules
    }
}
