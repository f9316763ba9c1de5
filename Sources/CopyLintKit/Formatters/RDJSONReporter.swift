import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// reviewdog's Diagnostic Format: `rdjson` (one DiagnosticResult) and `rdjsonl` (one Diagnostic
/// a line). reviewdog counts columns in UTF-8 bytes, whatever `--column-unit` says.
public struct RDJSONReporter: Reporter {
    public static let name = "rdjson"
    public static let summary = "reviewdog rdjson (one DiagnosticResult; byte columns)"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let result: JSONOut = .object([
            ("source", .object([("name", .string("copylint")), ("url", .string("https://github.com/copylint/copylint"))])),
            ("diagnostics", .array(diagnostics.map { RDJSON.diagnostic($0, context: context) })),
        ])
        return result.render() + "\n"
    }
}

public struct RDJSONLReporter: Reporter {
    public static let name = "rdjsonl"
    public static let summary = "reviewdog rdjsonl (one Diagnostic a line; byte columns)"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        diagnostics.map { RDJSON.diagnostic($0, context: context).render(pretty: false) + "\n" }.joined()
    }
}

enum RDJSON {
    static func range(_ r: SourceRange, _ source: SourceText) -> JSONOut {
        let s = source.position(r.start, unit: .byte), e = source.position(r.end, unit: .byte)
        return .object([("start", .object([("line", .int(s.line)), ("column", .int(s.column))])),
                        ("end", .object([("line", .int(e.line)), ("column", .int(e.column))]))])
    }

    static func diagnostic(_ d: Diagnostic, context: ReportContext) -> JSONOut {
        let path = context.rootRelative(d.path)
        var members: [(String, JSONOut)] = [
            ("message", .string(context.localizer.message(d))),
            ("location", .object([("path", .string(path)), ("range", range(d.range, d.source))])),
            ("severity", .string(d.severity == .error ? "ERROR" : d.severity == .warning ? "WARNING" : "INFO")),
            ("source", .object([("name", .string("copylint"))])),
            ("code", .object([("value", .string(d.ruleID))])),
        ]
        if let fix = d.fix {
            members.append(("suggestions", .array(fix.edits.map { e in
                .object([("range", range(e.range, d.source)), ("text", .string(e.replacement))])
            })))
        }
        if !d.related.isEmpty {
            members.append(("related_locations", .array(d.related.map { r in
                .object([("message", .string(context.localizer.note(r.message))),
                         ("location", .object([("path", .string(r.file.map { context.rootRelative($0.path) } ?? path)),
                                               ("range", range(r.range, r.source(d.source)))]))])
            })))
        }
        return .object(members)
    }
}
