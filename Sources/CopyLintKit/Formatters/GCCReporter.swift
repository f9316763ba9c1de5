/// `PATH:LINE:COL: SEVERITY: MESSAGE [RULE-ID]`, one line per finding, nothing else.
/// Vim's default errorformat and Emacs compilation-mode read it as it is.
public struct GCCReporter: Reporter {
    public static let name = "gcc"
    public static let summary = "one line per finding, PATH:LINE:COL: SEVERITY: MESSAGE [RULE-ID]"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let unit = context.columnUnit
        return PerFinding.render(diagnostics) { d, out, line in
            let p = d.source.position(d.range.start, unit: unit, lineHint: &line)
            // Appended piece by piece: no intermediate string per finding.
            out += d.path
            out += ":"
            out += String(p.line)
            out += ":"
            out += String(p.column)
            out += ": "
            out += d.severity.gccName
            out += ": "
            out += d.message.singleLine
            out += " ["
            out += d.ruleID
            out += "]\n"
        }
    }
}
