import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// `copylint rules` and `copylint explain RULE`, rendered from the rule descriptions.
public enum RuleDocs {
    public static func list(_ registry: RuleRegistry) -> String {
        let width = registry.ids.map(\.count).max() ?? 0
        var out = ""
        for entry in registry.entries {
            let d = entry.description
            let id = d.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let sev = d.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            let summary = d.scope == .edition ? d.summary + " (in an edition)" : d.summary
            out += "\(id)  \(sev)  \(d.enabledByDefault ? "on " : "off")  \(summary)\n"
        }
        return out
    }

    public static func explain(_ d: RuleDescription) -> String {
        var out = "\(d.id)\n\(String(repeating: "=", count: d.id.count))\n\n\(d.summary).\n\n"
        out += "Default severity: \(d.defaultSeverity.rawValue)\(d.enabledByDefault ? "" : " (off by default)")\n\n"
        if d.scope == .edition {
            out += "Reads an edition (--edition DIR, or \"edition\" in .lintrc): examples are pages, each under === FILE ===.\n\n"
        }
        out += "Why\n---\n\(d.rationale)\n\n"
        if let fix = d.fixSafety { out += "Fixes\n-----\n\(fix)\n\n" }
        if !d.options.isEmpty {
            out += "Options\n-------\n"
            for o in d.options {
                out += "  \(o.name) (default \(o.defaultValue)): \(o.help)"
                if !o.allowed.isEmpty { out += "; one of \(o.allowed.joined(separator: ", "))" }
                out += "\n"
            }
            out += "\n"
        }
        func render(_ e: Example) -> String {
            var s = ""
            if let note = e.note { s += "  # \(note)\n" }
            if !e.options.isEmpty {
                s += "  # options: " + e.options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "\n"
            }
            for line in e.text.split(separator: "\n", omittingEmptySubsequences: false) { s += "  | \(line)\n" }
            return s + "\n"
        }
        out += "Flagged (↓ marks each finding)\n------------------------------\n"
        for e in d.triggering { out += render(e) }
        out += "Not flagged\n-----------\n"
        for e in d.nonTriggering { out += render(e) }
        return out
    }
}
