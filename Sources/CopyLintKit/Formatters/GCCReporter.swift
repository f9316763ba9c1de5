import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// `PATH:LINE:COL: SEVERITY: MESSAGE [RULE-ID]`, one line per finding, nothing else.
/// Vim's default errorformat and Emacs compilation-mode read it as it is.
public struct GCCReporter: Reporter {
    public static let name = "gcc"
    public static let summary = "one line per finding, PATH:LINE:COL: SEVERITY: MESSAGE [RULE-ID]"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        reportBytes(diagnostics, context: context).reduce(into: "") { $0 += String(decoding: $1, as: UTF8.self) }
    }

    public func reportBytes(_ diagnostics: [Diagnostic], context: ReportContext) -> [[UInt8]] {
        let unit = context.columnUnit
        let localizer = context.localizer
        return PerFinding.renderBytes(diagnostics) { d, source, path, out, line in
            let p = source.position(d.range.start, unit: unit, lineHint: &line)
            out.append(contentsOf: path)
            out.append(0x3A)   // :
            PerFinding.appendDecimal(p.line, to: &out)
            out.append(0x3A)
            PerFinding.appendDecimal(p.column, to: &out)
            out.append(0x3A)
            out.append(0x20)
            out.append(contentsOf: d.severity.gccName.utf8)
            out.append(0x3A)
            out.append(0x20)
            PerFinding.appendSingleLine(localizer.message(d), to: &out)
            out.append(0x20)
            out.append(0x5B)   // [
            PerFinding.appendUTF8(d.ruleID, to: &out)
            out.append(0x5D)   // ]
            out.append(0x0A)
        }
    }
}
