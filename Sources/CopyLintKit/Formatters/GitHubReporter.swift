import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
/// Data is escaped for `%`, CR and LF; property values also for `:` and `,`.
public struct GitHubReporter: Reporter {
    public static let name = "github"
    public static let summary = "GitHub Actions annotations (::error file=…,line=…::message)"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        var out = ""
        for d in diagnostics {
            let start = d.start(context.columnUnit)
            let end = d.end(context.columnUnit)
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            let properties = [
                ("file", context.rootRelative(d.path)), ("line", String(start.line)), ("col", String(start.column)),
                ("endLine", String(end.line)), ("endColumn", String(end.column)), ("title", "copylint (\(d.ruleID))"),
            ].map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            out += "::\(command) \(properties)::\(Self.escapeData(context.localizer.message(d)))\n"
        }
        return out
    }

    static func escapeData(_ s: String) -> String {
        s.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    static func escapeProperty(_ s: String) -> String {
        s.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// Replaces scalars one by one (so `%` escapes are not escaped twice, and CR LF is two scalars).
    func replacingAll(_ map: [Unicode.Scalar: String]) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for u in unicodeScalars {
            if let r = map[u] { out += r } else { out.unicodeScalars.append(u) }
        }
        return out
    }
}
