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
    public var color: ColorChoice = .auto
    public var quiet = false

    public init() {}

    public static func parse(_ args: [String]) throws(CopyLintError) -> Options {
        var o = Options()
        var i = 0
        var positional: [String] = []
        var onlyPositional = false
        func value(_ name: String) throws(CopyLintError) -> String {
            guard i + 1 < args.count else { throw CopyLintError("option \(name) needs a value") }
            i += 1
            return args[i]
        }
        func choice<T>(_ name: String, _ raw: String, _ make: (String) -> T?, _ allowed: [String]) throws(CopyLintError) -> T {
            guard let v = make(raw) else {
                throw CopyLintError("invalid value '\(raw)' for \(name); expected one of \(allowed.joined(separator: ", "))"
                                    + didYouMean(raw, allowed))
            }
            return v
        }
        while i < args.count {
            var arg = args[i]
            var inline: String?
            if !onlyPositional, arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                inline = String(arg[arg.index(after: eq)...])
                arg = String(arg[..<eq])
            }
            func next() throws(CopyLintError) -> String {
                if let inline { return inline }
                return try value(arg)
            }
            if onlyPositional || arg == "-" || !arg.hasPrefix("-") {
                positional.append(arg)
                i += 1
                continue
            }
            switch arg {
            case "--": onlyPositional = true
            case "-h", "--help": o.command = .help
            case "-V", "--version": o.command = .version
            case "-f", "--format":
                let name = try next()
                guard Reporters.names.contains(name) else {
                    throw CopyLintError("unknown format '\(name)'; expected one of \(Reporters.names.joined(separator: ", "))"
                                        + didYouMean(name, Reporters.names))
                }
                o.reports.append(Report(format: name, output: nil))
            case "-o", "--output":
                let path = try next()
                if o.reports.isEmpty { o.reports.append(Report(format: "text", output: nil)) }
                guard o.reports[o.reports.count - 1].output == nil else {
                    throw CopyLintError("--output \(path) follows another --output; give a --format before each --output")
                }
                o.reports[o.reports.count - 1].output = path
            case "--max-warnings":
                let raw = try next()
                guard let n = Int(raw), n >= 0 else { throw CopyLintError("--max-warnings needs a whole number, not '\(raw)'") }
                o.maxWarnings = n
            case "--baseline": o.baseline = try next()
            case "--write-baseline": o.writeBaseline = try next()
            case "--fail-on-stale-baseline": o.failOnStaleBaseline = true
            case "--diff-base": o.diffBase = try next()
            case "--no-inline-config": o.inlineConfig = false
            case "--fix": if o.fix == .none { o.fix = .safe }
            case "--fix-unsafe": o.fix = .unsafe
            case "--diff": o.showDiff = true
            case "--column-unit":
                o.columnUnit = try choice(arg, try next(), ColumnUnit.init(rawValue:), ColumnUnit.allCases.map(\.rawValue))
            case "--fail-on":
                o.failOn = try choice(arg, try next(), Severity.init(rawValue:), Severity.allCases.map(\.rawValue))
            case "-c", "--config": o.configPath = try next()
            case "--stdin-filename": o.stdinFilename = try next()
            case "--encoding":
                let raw = try next()
                let normalized = raw.lowercased() == "utf8" ? "utf-8" : raw.lowercased() == "utf16" ? "utf-16" : raw.lowercased()
                o.encoding = try choice(arg, normalized, InputEncoding.init(rawValue:), InputEncoding.allCases.map(\.rawValue))
            case "--color", "--colour":
                o.color = try choice(arg, try next(), ColorChoice.init(rawValue:), ["auto", "always", "never"])
            case "--no-color", "--no-colour": o.color = .never
            case "-q", "--quiet": o.quiet = true
            case "-r", "--recursive": break   // folders are always walked recursively
            default:
                throw CopyLintError("unknown option '\(arg)'" + didYouMean(arg, Options.knownFlags) + "; see copylint --help")
            }
            i += 1
        }
        if o.command == .lint, positional == ["lsp"] {
            o.command = .lsp
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

    static let knownFlags = ["--help", "--version", "--format", "--output", "--column-unit", "--fail-on", "--max-warnings",
                             "--config", "--stdin-filename", "--encoding", "--color", "--no-color", "--quiet", "--recursive",
                             "--baseline", "--write-baseline", "--fail-on-stale-baseline", "--diff-base", "--no-inline-config",
                             "--fix", "--fix-unsafe", "--diff"]

    public static let usage = """
        copylint — editorial QA linter for newspaper copy

        USAGE
          copylint [OPTIONS] [PATH…]      lint files and folders (folders recursively; "-" reads stdin)
          copylint rules                  list the rules
          copylint explain RULE           what a rule checks, why, its options and examples
          copylint blocks PATH…           how copylint reads the copy: each block's line, kind and article
          copylint lsp                    a Language Server Protocol server on stdin/stdout (see README)

        OPTIONS
          -f, --format NAME        text (default), gcc, json, sarif, github, checkstyle, junit, rdjson, rdjsonl;
                                   repeat for several reports in one run
          -o, --output FILE        write the report of the --format before it to FILE (default: stdout)
          --column-unit UNIT       char (default, Unicode scalars), utf16 (LSP, VS Code), byte (Vim %c),
                                   display (East Asian wide = 2 columns; GCC, Emacs)
          --fail-on LEVEL          error (default), warning or info: the lowest severity that fails the run
          --max-warnings N         also fail when there are more than N warnings
          --baseline FILE          report only findings not recorded in FILE (keyed on text, not line numbers)
          --write-baseline FILE    record the current findings in FILE and exit 0
          --fail-on-stale-baseline fail when findings recorded in the baseline are gone (the baseline must shrink)
          --diff-base REF          lint files changed since git REF and report only findings on changed lines
          --no-inline-config       ignore copylint-disable directives in the copy
          --fix                    apply safe fixes to the files (atomically), then report what is left
          --fix-unsafe             apply unsafe fixes too
          --diff                   print the fixes as a unified diff instead of writing them
          -c, --config FILE        use this .lintrc for every input instead of looking for one
          --stdin-filename NAME    the name to report for "-" (standard input)
          --encoding ENC           utf-8 (default), utf-16, gb18030 or big5; UTF-16 with a BOM is detected
          --color WHEN             auto (default: only on a terminal, never with NO_COLOR), always, never
          --no-color               same as --color never
          -q, --quiet              no summary on stderr
          -h, --help               this help
          -V, --version            the version

        CONFIGURATION
          A .lintrc (JSON with comments and trailing commas) is found by walking up from each input's
          folder; see .lintrc.example for every key.

        EXIT CODES
          0  no finding at or above the --fail-on level
          1  findings at or above the --fail-on level
          2  usage, configuration or input error (missing or unreadable file, invalid UTF-8, …)
        """
}
