import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// One command-line option: the spellings it is accepted under, the value it takes, its help, and
/// what it does to `Options`. `OptionTable.all` drives parsing, `--help` and did-you-mean, and a test
/// holds README's option tables to it.
struct OptionDefinition: Sendable {
    /// Every spelling accepted (`-f`, `--format`); the first long one is the option's name.
    let names: [String]
    /// The value's placeholder in the help (`NAME`); nil for a flag.
    let value: String?
    /// The help, a line each (the first beside the option); nil hides the option from `--help`.
    let help: [String]?
    /// The spellings `--help` shows (by default every name).
    let shown: [String]?
    let apply: @Sendable (inout Options, String?) throws(CopyLintError) -> Void

    init(_ names: [String], value: String? = nil, shown: [String]? = nil, help: [String]?,
         apply: @escaping @Sendable (inout Options, String?) throws(CopyLintError) -> Void) {
        self.names = names
        self.value = value
        self.shown = shown
        self.help = help
        self.apply = apply
    }

    var longName: String { names.first { $0.hasPrefix("--") } ?? names[0] }

    /// `-f, --format NAME`
    var synopsis: String { (shown ?? names).joined(separator: ", ") + (value.map { " " + $0 } ?? "") }
}

enum OptionTable {
    static let all: [OptionDefinition] = [
        OptionDefinition(["-f", "--format"], value: "NAME", help: [
            Reporters.names.enumerated().map { $0.offset == 0 ? $0.element + " (default)" : $0.element }.joined(separator: ", ") + ";",
            "repeat for several reports in one run"]) { o, v throws(CopyLintError) in
            let name = v!
            guard Reporters.names.contains(name) else {
                throw CopyLintError("unknown format '\(name)'; expected one of \(Reporters.names.joined(separator: ", "))"
                                    + didYouMean(name, Reporters.names))
            }
            o.reports.append(Options.Report(format: name, output: nil))
        },
        OptionDefinition(["-o", "--output"], value: "FILE", help: [
            "write the report of the --format before it to FILE (default: stdout)"]) { o, v throws(CopyLintError) in
            let path = v!
            if o.reports.isEmpty { o.reports.append(Options.Report(format: "text", output: nil)) }
            guard o.reports[o.reports.count - 1].output == nil else {
                throw CopyLintError("--output \(path) follows another --output; give a --format before each --output")
            }
            o.reports[o.reports.count - 1].output = path
        },
        OptionDefinition(["--column-unit"], value: "UNIT", help: [
            "char (default, Unicode scalars), utf16 (LSP, VS Code), byte (Vim %c),",
            "display (East Asian wide = 2 columns; GCC, Emacs)"]) { o, v throws(CopyLintError) in
            o.columnUnit = try choice("--column-unit", v!, ColumnUnit.init(rawValue:), ColumnUnit.allCases.map(\.rawValue))
        },
        OptionDefinition(["--ambiguous-wide"], help: [
            "text output: draw “ ” … · two columns wide under the carets, as CJK terminals do",
            "(the default in a Chinese locale)"]) { o, _ in o.ambiguousWide = true },
        OptionDefinition(["--no-ambiguous-wide"], help: ["text output: draw them one column wide (the default in English)"]) { o, _ in o.ambiguousWide = false },
        OptionDefinition(["--fail-on"], value: "LEVEL", help: [
            "error (default), warning or info: the lowest severity that fails the run"]) { o, v throws(CopyLintError) in
            o.failOn = try choice("--fail-on", v!, Severity.init(rawValue:), Severity.allCases.map(\.rawValue))
        },
        OptionDefinition(["--max-warnings"], value: "N", help: ["also fail when there are more than N warnings"]) { o, v throws(CopyLintError) in
            guard let n = Int(v!), n >= 0 else { throw CopyLintError("--max-warnings needs a whole number, not '\(v!)'") }
            o.maxWarnings = n
        },
        OptionDefinition(["--baseline"], value: "FILE", help: [
            "report only findings not recorded in FILE (keyed on text, not line numbers)"]) { o, v in o.baseline = v },
        OptionDefinition(["--write-baseline"], value: "FILE", help: [
            "record the current findings in FILE and exit 0"]) { o, v in o.writeBaseline = v },
        OptionDefinition(["--fail-on-stale-baseline"], help: [
            "fail when findings recorded in the baseline are gone (the baseline must shrink)"]) { o, _ in o.failOnStaleBaseline = true },
        OptionDefinition(["--select"], value: "RULES", help: [
            "run only these rules: ids, packs (zh-hans-news) or id prefixes, comma-separated;",
            "ALL for every rule (default-off ones too)"]) { o, v in o.selection.select = (o.selection.select ?? []) + RuleSelection.list(v!) },
        OptionDefinition(["--extend-select"], value: "RULES", help: [
            "run these rules as well as the configured ones"]) { o, v in o.selection.extendSelect += RuleSelection.list(v!) },
        OptionDefinition(["--ignore"], value: "RULES", help: [
            "do not run these rules (the more specific of --select and --ignore wins)"]) { o, v in o.selection.ignore += RuleSelection.list(v!) },
        OptionDefinition(["--min-severity", "--severity"], value: "LEVEL", shown: ["--min-severity"], help: [
            "error, warning or info: run only rules at or above LEVEL"]) { o, v throws(CopyLintError) in
            o.selection.minSeverity = try choice("--min-severity", v!, Severity.init(rawValue:), Severity.allCases.map(\.rawValue))
        },
        OptionDefinition(["--statistics"], help: [
            "print the number of findings of each rule (and how many have a fix), not the findings"]) { o, _ in o.statistics = true },
        OptionDefinition(["-v", "--verbose"], help: [
            "text output: every finding in full, none grouped or collapsed"]) { o, _ in o.verbose = true },
        OptionDefinition(["--edition"], value: "DIR", help: [
            "lint the folder DIR as one edition too: its pages' jump lines and",
            "repeated stories across pages (broken-jump, duplicate-story); repeatable"]) { o, v in o.editions.append(v!) },
        OptionDefinition(["--diff-base"], value: "REF", help: [
            "lint files changed since git REF and report only findings on changed lines"]) { o, v in o.diffBase = v },
        OptionDefinition(["--no-inline-config"], help: ["ignore copylint-disable directives in the copy"]) { o, _ in o.inlineConfig = false },
        OptionDefinition(["--fix"], help: [
            "apply safe fixes to the files (atomically), then report what is left"]) { o, _ in if o.fix == .none { o.fix = .safe } },
        OptionDefinition(["--fix-unsafe"], help: ["apply unsafe fixes too"]) { o, _ in o.fix = .unsafe },
        OptionDefinition(["--diff"], help: ["print the fixes as a unified diff instead of writing them"]) { o, _ in o.showDiff = true },
        OptionDefinition(["-c", "--config"], value: "FILE", help: [
            "use this .lintrc for every input instead of looking for one"]) { o, v in o.configPath = v },
        OptionDefinition(["--stdin-filename"], value: "NAME", help: [
            "the name to report for \"-\" (standard input)"]) { o, v in o.stdinFilename = v },
        OptionDefinition(["--encoding"], value: "ENC", help: [
            "utf-8 (default), utf-16, gb18030 or big5; UTF-16 with a BOM is detected"]) { o, v throws(CopyLintError) in
            let raw = v!.lowercased()
            let normalized = raw == "utf8" ? "utf-8" : raw == "utf16" ? "utf-16" : raw
            o.encoding = try choice("--encoding", normalized, InputEncoding.init(rawValue:), InputEncoding.allCases.map(\.rawValue))
        },
        OptionDefinition(["--layout"], value: "LAYOUT", help: [
            "auto (default: recognised file by file), markdown, lines, wrapped or export"]) { o, v throws(CopyLintError) in
            o.layout = try choice("--layout", v!, LayoutChoice.init(rawValue:), LayoutChoice.allCases.map(\.rawValue))
        },
        OptionDefinition(["--color", "--colour"], value: "WHEN", shown: ["--color"], help: [
            "auto (default: only on a terminal, never with NO_COLOR), always, never"]) { o, v throws(CopyLintError) in
            o.color = try choice("--color", v!, Options.ColorChoice.init(rawValue:), ["auto", "always", "never"])
        },
        OptionDefinition(["--no-color", "--no-colour"], shown: ["--no-color"], help: ["same as --color never"]) { o, _ in o.color = .never },
        OptionDefinition(["--locale"], value: "LANG", help: [
            "zh-Hans, zh-Hant or en: the language of messages, help, notes and the summary",
            "(default: .lintrc \"locale\", then LC_ALL, LC_MESSAGES, LANG)"]) { o, v throws(CopyLintError) in
            guard let locale = MessageLocale(name: v!) else {
                throw CopyLintError("invalid value '\(v!)' for --locale; expected one of \(MessageLocale.names.joined(separator: ", "))"
                                    + didYouMean(v!, MessageLocale.names))
            }
            o.locale = locale
        },
        OptionDefinition(["--force"], help: ["init: replace an existing .lintrc"]) { o, _ in o.force = true },
        OptionDefinition(["-q", "--quiet"], help: ["no summary on stderr"]) { o, _ in o.quiet = true },
        // Folders are always walked recursively: accepted for habit's sake, not shown.
        OptionDefinition(["-r", "--recursive"], help: nil) { _, _ in },
        OptionDefinition(["-h", "--help"], help: ["this help"]) { o, _ in o.command = .help },
        OptionDefinition(["-V", "--version"], help: ["the version"]) { o, _ in o.command = .version },
    ]

    private static let byName: [String: Int] = {
        var map: [String: Int] = [:]
        for (k, def) in all.enumerated() { for name in def.names { map[name] = k } }
        return map
    }()

    static func find(_ name: String) -> OptionDefinition? { byName[name].map { all[$0] } }

    /// Each option's name (its first long spelling): what did-you-mean suggests.
    static var names: [String] { all.map(\.longName) }

    /// The OPTIONS section of `--help`.
    static var help: String { help(.english) }

    /// The OPTIONS section of `--help` in the language of `l` (each help line its own catalog entry).
    static func help(_ l: Localizer) -> String {
        var lines: [String] = []
        for def in all {
            guard let help = def.help?.map({ l.ui($0) }) else { continue }
            let synopsis = def.synopsis
            let head = "  " + synopsis + String(repeating: " ", count: max(1, 25 - synopsis.count))
            lines.append(head + help[0])
            for more in help.dropFirst() { lines.append(String(repeating: " ", count: 27) + more) }
        }
        return lines.joined(separator: "\n")
    }

    private static func choice<T>(_ name: String, _ raw: String, _ make: (String) -> T?, _ allowed: [String]) throws(CopyLintError) -> T {
        guard let v = make(raw) else {
            throw CopyLintError("invalid value '\(raw)' for \(name); expected one of \(allowed.joined(separator: ", "))"
                                + didYouMean(raw, allowed))
        }
        return v
    }
}
