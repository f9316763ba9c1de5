import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// What the command line asked for. Parsing is pure so tests reach it.
public struct Options: Sendable, Equatable {
    public enum Command: Sendable, Equatable {
        case lint
        case rules
        case explain(String)
        case blocks
        /// `copylint init [DIR]`: a commented .lintrc for the copy found there.
        case initialize(String)
        case lsp
        case help
        case version
    }

    public enum ColorChoice: String, Sendable {
        case auto, always, never
    }

    /// A report: a format, written to a file or (nil) to standard output.
    public struct Report: Sendable, Equatable {
        public var format: String
        public var output: String?
    }

    public var command: Command = .lint
    public var paths: [String] = []
    public var reports: [Report] = []
    /// The first report's format (text when none was asked for).
    public var format: String { reports.first?.format ?? "text" }
    public var maxWarnings: Int?
    public var baseline: String?
    public var writeBaseline: String?
    public var failOnStaleBaseline = false
    public var diffBase: String?
    public var inlineConfig = true
    public enum FixMode: Sendable, Equatable { case none, safe, unsafe }
    public var fix: FixMode = .none
    /// Print what --fix would change as a unified diff instead of writing.
    public var showDiff = false
    public var columnUnit: ColumnUnit?
    public var failOn: Severity?
    public var configPath: String?
    public var stdinFilename: String?
    public var encoding: InputEncoding?
    /// `--layout`: how the copy's lines make paragraphs.
    public var layout: LayoutChoice?
    /// `--edition DIR`: folders each linted as one edition (besides file by file).
    public var editions: [String] = []
    public var color: ColorChoice = .auto
    public var quiet = false
    /// The language of messages, help and the summary (nil: .lintrc's, then the environment's).
    public var locale: MessageLocale?
    /// `--select`, `--ignore`, `--extend-select`, `--min-severity`.
    public var selection = RuleSelection()
    /// `--statistics`: counts by rule instead of the findings.
    public var statistics = false
    /// `--verbose`: every finding in text output, none grouped or collapsed.
    public var verbose = false
    /// `init --force`: replace an existing .lintrc.
    public var force = false
    /// `--ambiguous-wide` / `--no-ambiguous-wide` (nil: wide in a Chinese locale).
    public var ambiguousWide: Bool?

    public init() {}

    public static func parse(_ args: [String]) throws(CopyLintError) -> Options {
        var o = Options()
        var i = 0
        var positional: [String] = []
        var onlyPositional = false
        while i < args.count {
            var arg = args[i]
            var inline: String?
            if !onlyPositional, arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                inline = String(arg[arg.index(after: eq)...])
                arg = String(arg[..<eq])
            }
            if onlyPositional || arg == "-" || !arg.hasPrefix("-") {
                positional.append(arg)
                i += 1
                continue
            }
            if arg == "--" {
                onlyPositional = true
                i += 1
                continue
            }
            guard let option = OptionTable.find(arg) else {
                throw CopyLintError("unknown option '\(arg)'" + didYouMean(arg, OptionTable.names) + "; see copylint --help")
            }
            var value: String?
            if option.value != nil {
                if let inline {
                    value = inline
                } else {
                    guard i + 1 < args.count else { throw CopyLintError("option \(arg) needs a value") }
                    i += 1
                    value = args[i]
                }
            }
            try option.apply(&o, value)
            i += 1
        }
        if o.command == .lint, positional == ["lsp"] {
            o.command = .lsp
            return o
        }
        if o.command == .lint, positional.first == "init" {
            guard positional.count <= 2 else { throw CopyLintError("init takes one folder: copylint init [DIR]") }
            o.command = .initialize(positional.count == 2 ? positional[1] : ".")
            return o
        }
        if o.command == .lint, let first = positional.first, ["rules", "explain", "blocks"].contains(first) {
            if first == "rules" {
                o.command = .rules
            } else if first == "blocks" {
                o.command = .blocks
                o.paths = Array(positional.dropFirst())
                return o
            } else {
                guard positional.count >= 2 else { throw CopyLintError("explain needs a rule id: copylint explain RULE") }
                o.command = .explain(positional[1])
            }
            positional = []
        }
        o.paths = positional
        let toStdout = o.reports.filter { $0.output == nil }
        if toStdout.count > 1 {
            throw CopyLintError("more than one report for standard output (\(toStdout.map(\.format).joined(separator: ", "))); send all but one to a file with --output")
        }
        if o.failOnStaleBaseline, o.baseline == nil { throw CopyLintError("--fail-on-stale-baseline needs --baseline FILE") }
        if o.showDiff, o.fix == .none { o.fix = .safe }
        if o.fix != .none, !o.showDiff, o.paths.contains("-") {
            throw CopyLintError("--fix cannot write back to standard input; use --diff to see the changes")
        }
        return o
    }

    public static var usage: String { usage(.english) }

    /// The language `--locale LANG` or `--locale=LANG` names among arguments that may not parse.
    static func localeNamed(in arguments: [String]) -> MessageLocale? {
        for (k, arg) in arguments.enumerated() {
            if arg == "--locale", k + 1 < arguments.count { return MessageLocale(name: arguments[k + 1]) }
            if arg.hasPrefix("--locale=") { return MessageLocale(name: String(arg.dropFirst("--locale=".count))) }
        }
        return nil
    }

    /// `--help`, in the language of `l` (each line its own entry in the catalogs).
    public static func usage(_ l: Localizer) -> String {
        func t(_ line: String) -> String { l.ui(line) }
        return """
        \(t("copylint — editorial QA linter for newspaper copy"))

        \(t("USAGE"))
          copylint [OPTIONS] [PATH…]      \(t("lint files and folders (folders recursively; \"-\" reads stdin)"))
          copylint rules                  \(t("list the rules"))
          copylint explain RULE           \(t("what a rule checks, why, its options and examples"))
          copylint blocks PATH…           \(t("how copylint reads the copy: each block's line, kind and article"))
          copylint init [DIR]             \(t("write a commented .lintrc for the copy in DIR (--force to replace one)"))
          copylint lsp                    \(t("a Language Server Protocol server on stdin/stdout (see README)"))

        \(t("OPTIONS"))
        \(OptionTable.help(l))

        \(t("CONFIGURATION"))
          \(t("A .lintrc (JSON with comments and trailing commas) is found by walking up from each input's"))
          \(t("folder; see .lintrc.example for every key."))

        \(t("EXIT CODES"))
          0  \(t("no finding at or above the --fail-on level"))
          1  \(t("findings at or above the --fail-on level"))
          2  \(t("usage, configuration or input error (missing or unreadable file, invalid UTF-8, …)"))
        """
    }
}
