import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// Known findings to tolerate: keyed on path, rule and fingerprint, never on line numbers.
public struct Baseline: Sendable {
    public struct Entry: Hashable, Sendable {
        public let path: String
        public let rule: String
        public let fingerprint: String
    }

    public var counts: [Entry: Int] = [:]

    public init() {}

    public static func entry(_ d: Diagnostic, context: ReportContext) -> Entry {
        Entry(path: context.rootRelative(d.path), rule: d.ruleID, fingerprint: Fingerprint.of(d))
    }

    public static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let items: [JSONOut] = diagnostics.map { d in
            let e = entry(d, context: context)
            return .object([("path", .string(e.path)), ("rule", .string(e.rule)), ("fingerprint", .string(e.fingerprint)),
                            ("message", .string(d.message))])
        }
        return JSONOut.object([("version", .int(1)), ("tool", .string("copylint")), ("entries", .array(items))]).render() + "\n"
    }

    public static func load(path: String) throws(CopyLintError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CopyLintError("cannot read baseline file", path: path)
        }
        let source = SourceText(path: path, bytes: Array(data))
        let root: JSONNode
        do {
            root = try JSONCParser.parse(Array(data), allowsComments: false)
        } catch {
            throw CopyLintError("not a copylint baseline: \(error.message)", path: path, position: source.position(error.offset))
        }
        guard case .array(let entries)? = root["entries"]?.value, case .number(1, _)? = root["version"]?.value else {
            throw CopyLintError("not a copylint baseline (expected version 1 and \"entries\"); write one with --write-baseline", path: path)
        }
        var baseline = Baseline()
        for node in entries {
            guard case .string(let p)? = node["path"]?.value, case .string(let r)? = node["rule"]?.value,
                  case .string(let f)? = node["fingerprint"]?.value else {
                throw CopyLintError("baseline entry without path, rule and fingerprint", path: path, position: source.position(node.offset))
            }
            baseline.counts[Entry(path: p, rule: r, fingerprint: f), default: 0] += 1
        }
        return baseline
    }

    /// Splits findings into new ones and baselined ones; also returns how many baseline entries found no finding.
    public func filter(_ diagnostics: [Diagnostic], context: ReportContext) -> (new: [Diagnostic], baselined: Int, gone: Int) {
        var remaining = counts
        var new: [Diagnostic] = []
        var baselined = 0
        for d in diagnostics {
            let e = Self.entry(d, context: context)
            if let n = remaining[e], n > 0 {
                remaining[e] = n - 1
                baselined += 1
            } else {
                new.append(d)
            }
        }
        return (new, baselined, remaining.values.reduce(0, +))
    }
}
