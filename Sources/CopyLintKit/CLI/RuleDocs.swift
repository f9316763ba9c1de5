import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// `copylint rules` and `copylint explain RULE`, rendered from the rule descriptions in the
/// language of the localizer (rule ids, option names and the examples' copy stay as they are).
public enum RuleDocs {
    public static func list(_ registry: RuleRegistry, _ l: Localizer = .english) -> String {
        let width = registry.ids.map(\.count).max() ?? 0
        var out = ""
        for entry in registry.entries {
            let d = entry.description
            let id = d.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let sev = d.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            let summary = l.summary(rule: d.id, d.summary) + (d.scope == .edition ? l.ui(" (in an edition)") : "")
            out += "\(id)  \(sev)  \(d.enabledByDefault ? "on " : "off")  \(summary)\n"
        }
        return out
    }

    public static func explain(_ d: RuleDescription, _ l: Localizer = .english) -> String {
        func heading(_ text: String) -> String {
            let t = l.ui(text)
            // An underline as wide as the heading is drawn (a Chinese character takes two columns).
            let width = t.unicodeScalars.reduce(0) { $0 + CharacterData.displayWidth($1.value) }
            return "\(t)\n\(String(repeating: text == d.id ? "=" : "-", count: width))\n"
        }
        var out = heading(d.id) + "\n\(l.summary(rule: d.id, d.summary))\(l.ui("."))\n\n"
        out += l.ui(d.enabledByDefault ? "Default severity: {severity}" : "Default severity: {severity} (off by default)",
                    ["severity": d.defaultSeverity.rawValue]) + "\n\n"
        if d.scope == .edition {
            out += l.ui("Reads an edition (--edition DIR, or \"edition\" in .lintrc): examples are pages, each under === FILE ===.") + "\n\n"
        }
        out += heading("Why") + "\(l.rationale(rule: d.id, d.rationale))\n\n"
        if let help = l.help(rule: d.id) { out += heading("What to do") + "\(help)\n\n" }
        if let fix = d.fixSafety { out += heading("Fixes") + "\(l.ui(fix))\n\n" }
        if !d.options.isEmpty {
            out += heading("Options")
            for o in d.options {
                out += "  \(o.name) (\(l.ui("default")) \(o.defaultValue)): \(l.optionHelp(rule: d.id, option: o.name, o.help))"
                if !o.allowed.isEmpty { out += l.ui("; one of {values}", ["values": o.allowed.joined(separator: ", ")]) }
                out += "\n"
            }
            out += "\n"
        }
        func render(_ e: Example) -> String {
            var s = ""
            if let note = e.note { s += "  # \(l.exampleNote(rule: d.id, note))\n" }
            if !e.options.isEmpty {
                s += "  # \(l.ui("options")): " + e.options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "\n"
            }
            for line in e.text.split(separator: "\n", omittingEmptySubsequences: false) { s += "  | \(line)\n" }
            return s + "\n"
        }
        out += heading("Flagged (↓ marks each finding)")
        for e in d.triggering { out += render(e) }
        out += heading("Not flagged")
        for e in d.nonTriggering { out += render(e) }
        return out
    }
}
