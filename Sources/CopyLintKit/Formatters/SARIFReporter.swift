import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
///
/// Columns are Unicode code points (`columnKind: unicodeCodePoints`) unless `--column-unit utf16`
/// asks for UTF-16 code units; byte and display columns have no SARIF column kind and fall back
/// to code points. Artifact URIs are relative to the repository root (`%SRCROOT%`).
public struct SARIFReporter: Reporter {
    public static let name = "sarif"
    public static let summary = "SARIF 2.1.0 (GitHub code scanning): rules, results, fingerprints, fixes"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let unit: ColumnUnit = context.columnUnit == .utf16 ? .utf16 : .char
        let entries = context.registry.entries
        var ruleIndex: [String: Int] = [:]
        for (i, e) in entries.enumerated() { ruleIndex[e.id] = i }
        let rules: [JSONOut] = entries.map { e in
            let d = e.description
            let l = context.localizer
            let summary = l.summary(rule: d.id, d.summary), rationale = l.rationale(rule: d.id, d.rationale)
            var help = "\(summary)\(l.ui("."))\n\n\(rationale)"
            if let todo = l.help(rule: d.id) { help += "\n\n" + todo }
            if let fix = d.fixSafety { help += "\n\n\(l.ui("Fixes")): \(l.ui(fix))" }
            return .object([
                ("id", .string(d.id)),
                ("name", .string(Self.pascalCase(d.id))),
                ("shortDescription", .object([("text", .string(summary))])),
                ("fullDescription", .object([("text", .string(rationale))])),
                ("help", .object([("text", .string(help)), ("markdown", .string("**\(summary)**\n\n\(rationale)"))])),
                ("defaultConfiguration", .object([("level", .string(Self.level(d.defaultSeverity))),
                                                  ("enabled", .bool(d.enabledByDefault))])),
                ("properties", .object([("tags", .array([.string("copy-editing"), .string("newspaper")]))])),
            ])
        }
        var occurrences: [String: Int] = [:]
        let results: [JSONOut] = diagnostics.map { d in
            let uri = context.rootRelative(d.path)
            let hash = Fingerprint.of(d)
            let key = uri + "\u{0}" + hash
            let n = occurrences[key, default: 0]
            occurrences[key] = n + 1
            var result: [(String, JSONOut)] = [
                ("ruleId", .string(d.ruleID)),
                ("level", .string(Self.level(d.severity))),
                ("message", .object([("text", .string(context.localizer.message(d)))])),
                ("locations", .array([Self.location(uri, d.range, d.source, unit, message: nil)])),
                ("partialFingerprints", .object([("copylint/v1", .string("\(hash):\(n)"))])),
            ]
            if let index = ruleIndex[d.ruleID] { result.append(("ruleIndex", .int(index))) }
            if !d.related.isEmpty {
                result.append(("relatedLocations", .array(d.related.enumerated().map { k, r in
                    // A related place in another page of an edition is in that page's artifact.
                    var loc = Self.location(r.file.map { context.rootRelative($0.path) } ?? uri, r.range, r.source(d.source), unit, message: context.localizer.note(r.message))
                    if case .object(var members) = loc { members.append(("id", .int(k))); loc = .object(members) }
                    return loc
                })))
            }
            if let fix = d.fix {
                result.append(("fixes", .array([.object([
                    ("description", .object([("text", .string(context.localizer.fixTitle(fix.title)))])),
                    ("artifactChanges", .array([.object([
                        ("artifactLocation", Self.artifact(uri)),
                        ("replacements", .array(fix.edits.map { e in
                            .object([("deletedRegion", Self.region(e.range, d.source, unit)),
                                     ("insertedContent", .object([("text", .string(e.replacement))]))])
                        })),
                    ])])),
                ])])))
            }
            return .object(result)
        }
        let rootURI = "file://" + (context.root.hasSuffix("/") ? context.root : context.root + "/")
        let run: JSONOut = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("copylint")),
                ("version", .string(ToolInfo.version)),
                ("semanticVersion", .string(ToolInfo.version)),
                ("informationUri", .string("https://github.com/copylint/copylint")),
                ("rules", .array(rules)),
            ]))])),
            // The language the messages are written in (SARIF §3.14.9: an RFC 5646 tag).
            ("language", .string(context.localizer.locale == .en ? "en-US" : context.localizer.locale.rawValue)),
            ("columnKind", .string(unit == .utf16 ? "utf16CodeUnits" : "unicodeCodePoints")),
            ("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(Self.percentEncode(rootURI)))]))])),
            ("results", .array(results)),
        ])
        let log: JSONOut = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.render() + "\n"
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func region(_ r: SourceRange, _ source: SourceText, _ unit: ColumnUnit) -> JSONOut {
        let start = source.position(r.start, unit: unit)
        let end = source.position(r.end, unit: unit)
        return .object([("startLine", .int(start.line)), ("startColumn", .int(start.column)),
                        ("endLine", .int(end.line)), ("endColumn", .int(end.column))])
    }

    /// A path inside the root is relative to %SRCROOT%; one outside it is an absolute file URI.
    static func artifact(_ uri: String) -> JSONOut {
        uri.hasPrefix("/")
            ? .object([("uri", .string("file://" + percentEncode(uri)))])
            : .object([("uri", .string(percentEncode(uri))), ("uriBaseId", .string("%SRCROOT%"))])
    }

    static func location(_ uri: String, _ r: SourceRange, _ source: SourceText, _ unit: ColumnUnit, message: String?) -> JSONOut {
        var members: [(String, JSONOut)] = [
            ("physicalLocation", .object([
                ("artifactLocation", artifact(uri)),
                ("region", region(r, source, unit)),
            ])),
        ]
        if let message { members.append(("message", .object([("text", .string(message))]))) }
        return .object(members)
    }

    /// URI-escapes a path, keeping `/` and unreserved characters.
    static func percentEncode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F, 0x3A: out.unicodeScalars.append(Unicode.Scalar(b))
            default: out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
