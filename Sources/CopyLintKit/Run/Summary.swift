import CopyLintEngine

/// The lines on stderr that end a run: the count by rule (text output) and the summary.
enum Summary {
    static func line(counts: Counts, files all: Int, _ l: Localizer = .english) -> String {
        // A skipped file was not checked.
        let files = all - counts.skipped
        let checked = files == 1 ? l.ui("1 file checked") : l.ui("{n} files checked", ["n": "\(files)"])
        let skipped = counts.skipped == 0 ? ""
            : counts.skipped == 1 ? l.ui(", 1 skipped (binary)") : l.ui(", {n} skipped (binary)", ["n": "\(counts.skipped)"])
        let total = counts.total
        if total == 0 { return l.ui("copylint: {checked}{skipped}, no problems found", ["checked": checked, "skipped": skipped]) + "\n" }
        var s = l.ui(total == 1 ? "copylint: 1 problem ({parts}) in {m} of {files}" : "copylint: {n} problems ({parts}) in {m} of {files}",
                     ["n": "\(total)", "parts": severities(counts, l), "m": "\(counts.files)",
                      "files": files == 1 ? l.ui("1 file") : l.ui("{n} files", ["n": "\(files)"])])
        s += skipped
        if counts.safeFixes > 0 { s += l.ui("; {n} with a safe fix", ["n": "\(counts.safeFixes)"]) }
        return s + "\n"
    }

    /// `2 errors, 1 warning`: the findings by severity, those with none left out (unless `zeros`).
    static func severities(_ counts: Counts, _ l: Localizer, zeros: Bool = false) -> String {
        [(counts.errors, "{n} error", "{n} errors"), (counts.warnings, "{n} warning", "{n} warnings"),
         (counts.infos, "{n} note", "{n} notes")].compactMap { n, one, many -> String? in
            n == 0 && !zeros ? nil : l.ui(n == 1 ? one : many, ["n": "\(n)"])
        }.joined(separator: l.ui(", "))
    }

    /// Findings by rule, most first: `  317  zh-hans-news/half-width-punctuation  (317 fixable)`.
    static func byRule(_ counts: Counts, _ l: Localizer = .english) -> String {
        let rules = counts.rulesByCount
        guard !rules.isEmpty else { return "" }
        let countWidth = String(rules[0].count.count).count
        let idWidth = rules.map(\.id.count).max() ?? 0
        var out = ""
        for (id, c) in rules {
            let n = String(c.count)
            out += String(repeating: " ", count: 2 + countWidth - n.count) + n + "  " + id
            if c.fixable > 0 {
                out += String(repeating: " ", count: idWidth - id.count) + "  " + l.ui("({n} fixable)", ["n": "\(c.fixable)"])
            }
            out += "\n"
        }
        return out
    }

    /// `--statistics`: a line per rule, most findings first, in ruff's shape: the count, the rule,
    /// `[*]` where some have a fix (and how many), the rule's summary.
    static func statistics(_ counts: Counts, registry: RuleRegistry, _ l: Localizer = .english) -> String {
        let rules = counts.rulesByCount
        guard !rules.isEmpty else { return "" }
        let countWidth = String(rules[0].count.count).count
        let idWidth = rules.map(\.id.count).max() ?? 0
        let fixWidth = rules.map { $0.count.fixable > 0 ? String($0.count.fixable).count : 0 }.max() ?? 0
        var out = ""
        for (id, c) in rules {
            let n = String(c.count)
            let summary = registry[id].map { l.summary(rule: id, $0.description.summary) } ?? ""
            let fixed = c.fixable > 0 ? "[*] " + String(repeating: " ", count: fixWidth - String(c.fixable).count) + String(c.fixable)
                : "[ ] " + String(repeating: " ", count: fixWidth)
            out += String(repeating: " ", count: countWidth - n.count) + n + "\t" + id + String(repeating: " ", count: idWidth - id.count)
                + "\t" + fixed + "\t" + summary + "\n"
        }
        return out
    }

    /// `--statistics --format json`: `[{"rule", "count", "fixable", "severity", "summary"}]`.
    static func statisticsJSON(_ counts: Counts, registry: RuleRegistry, _ l: Localizer = .english) -> String {
        let items: [JSONOut] = counts.rulesByCount.map { id, c in
            .object([("rule", .string(id)), ("count", .int(c.count)), ("fixable", .int(c.fixable)),
                     ("severity", .string(c.severity.rawValue)),
                     ("summary", .string(registry[id].map { l.summary(rule: id, $0.description.summary) } ?? ""))])
        }
        return JSONOut.array(items).render(pretty: true, sortKeys: false) + "\n"
    }
}
