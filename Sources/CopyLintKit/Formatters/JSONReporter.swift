import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// copylint's own JSON, schema version 1 (documented in README):
///
///     { "version": 1, "tool": {name, version}, "columnUnit": "char",
///       "files": [paths], "diagnostics": [ {
///         "path", "ruleId", "severity" (error|warning|info), "message", "fingerprint",
///         "range": { "start": {line, column, offset}, "end": {line, column, offset} },
///         "related": [ { "message", "path", "range" } ],
///         "fix": { "title", "applicability" (safe|unsafe), "edits": [ { "range", "replacement" } ] } | null
///       } ],
///       "summary": { "errors", "warnings", "infos", "files" } }
///
/// Lines and columns are 1-based, columns in `columnUnit`; offsets are 0-based UTF-8 byte
/// offsets into the file as read (after decoding, without a byte order mark); ranges are half-open.
public struct JSONReporter: Reporter {
    public static let name = "json"
    public static let summary = "copylint's versioned JSON: every field, ranges with byte offsets, fixes"
    public static let schemaVersion = 1

    public init() {}

    static func range(_ r: SourceRange, in source: SourceText, unit: ColumnUnit) -> JSONOut {
        func point(_ offset: Int) -> JSONOut {
            let p = source.position(offset, unit: unit)
            return .object([("line", .int(p.line)), ("column", .int(p.column)), ("offset", .int(offset))])
        }
        return .object([("start", point(r.start)), ("end", point(r.end))])
    }

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let unit = context.columnUnit
        var counts: [Severity: Int] = [:]
        let items: [JSONOut] = diagnostics.map { d in
            counts[d.severity, default: 0] += 1
            let fix: JSONOut = d.fix.map { f in
                .object([("title", .string(context.localizer.fixTitle(f.title))), ("applicability", .string(f.applicability.rawValue)),
                         ("edits", .array(f.edits.map { e in
                             .object([("range", Self.range(e.range, in: d.source, unit: unit)), ("replacement", .string(e.replacement))])
                         }))])
            } ?? .null
            return .object([
                ("path", .string(d.path)),
                ("ruleId", .string(d.ruleID)),
                ("severity", .string(d.severity.rawValue)),
                ("message", .string(context.localizer.message(d))),
                ("fingerprint", .string(Fingerprint.of(d))),
                ("range", Self.range(d.range, in: d.source, unit: unit)),
                ("related", .array(d.related.map { r in
                    .object([("message", .string(context.localizer.note(r.message))), ("path", .string(r.source(d.source).path)),
                             ("range", Self.range(r.range, in: r.source(d.source), unit: unit))])
                })),
                ("fix", fix),
            ])
        }
        let root: JSONOut = .object([
            ("version", .int(Self.schemaVersion)),
            ("tool", .object([("name", .string("copylint")), ("version", .string(ToolInfo.version))])),
            ("columnUnit", .string(unit.rawValue)),
            ("files", .array(context.files.map { .string($0) })),
            ("diagnostics", .array(items)),
            ("summary", .object([("errors", .int(counts[.error] ?? 0)), ("warnings", .int(counts[.warning] ?? 0)),
                                 ("infos", .int(counts[.info] ?? 0)), ("files", .int(context.files.count))])),
        ])
        return root.render() + "\n"
    }
}
