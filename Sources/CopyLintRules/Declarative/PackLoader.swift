import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Reads pack folders: one JSON file per rule, and an optional `pack.json` for defaults.
public struct PackLoader: Sendable {
    public init() {}

    /// A pack read from disk or from the copy compiled into copylint.
    public struct Pack: Sendable {
        public let name: String
        public let rules: [PackRuleSpec]
    }

    /// Loads every pack folder (`rules/zh-hans-news`) or a folder of pack folders (`rules`).
    public func load(folder: String) throws(CopyLintError) -> [Pack] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw CopyLintError("rule pack folder not found", path: folder)
        }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let jsonFiles = entries.filter { $0.hasSuffix(".json") }
        if jsonFiles.isEmpty {
            var packs: [Pack] = []
            for e in entries where !e.hasPrefix(".") {
                let sub = (folder as NSString).appendingPathComponent(e)
                var d: ObjCBool = false
                if FileManager.default.fileExists(atPath: sub, isDirectory: &d), d.boolValue { packs += try load(folder: sub) }
            }
            return packs
        }
        var files: [(String, [UInt8])] = []
        for name in jsonFiles {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { throw CopyLintError("cannot read rule file", path: path) }
            files.append((path, Array(data)))
        }
        return [try parse(name: (folder as NSString).lastPathComponent, files: files)]
    }

    /// Parses a pack from its files' contents.
    /// `validatePatterns`: compile every regular expression now, to report a broken one (copylint's
    /// own packs skip it at start-up; the test suite checks them).
    public func parse(name: String, files: [(path: String, bytes: [UInt8])], validatePatterns: Bool = true) throws(CopyLintError) -> Pack {
        var defaults: (language: PackLanguage, severity: Severity) = (.any, .warning)
        if let meta = files.first(where: { ($0.path as NSString).lastPathComponent == "pack.json" }) {
            let (node, fail) = try root(meta.bytes, path: meta.path)
            try checkKeys(node, allowed: ["name", "description", "language", "severity"], fail: fail, what: "pack.json")
            if let l = node["language"] { defaults.language = try enumValue(l, PackLanguage.init(rawValue:), "language", fail) }
            if let s = node["severity"] { defaults.severity = try enumValue(s, Severity.init(rawValue:), "severity", fail) }
        }
        var rules: [PackRuleSpec] = []
        for file in files where (file.path as NSString).lastPathComponent != "pack.json" {
            rules.append(try parseRule(file.bytes, path: file.path, pack: name, defaults: defaults, validatePatterns: validatePatterns))
        }
        return Pack(name: name, rules: rules)
    }

    static let ruleKeys = ["id", "kind", "summary", "rationale", "message", "severity", "enabled", "scope", "language",
                           "tokens", "patterns", "swap", "exceptions", "ignoreCase", "wordBoundary", "context", "link",
                           "fixSafety", "replacement", "unit", "allowLexiconWords", "max", "count", "groups", "pairs",
                           "openAcrossParagraphs", "learnsConvention", "examples"]

    typealias Fail = (String, Int) -> CopyLintError

    /// Lower-case words of letters and digits joined by single hyphens.
    static func isKebabCase(_ s: String) -> Bool {
        guard let first = s.utf8.first, first >= 0x61, first <= 0x7A, s.utf8.last != 0x2D else { return false }
        var previousHyphen = false
        for b in s.utf8 {
            if b == 0x2D {
                if previousHyphen { return false }
                previousHyphen = true
            } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                previousHyphen = false
            } else {
                return false
            }
        }
        return true
    }

    private func root(_ bytes: [UInt8], path: String) throws(CopyLintError) -> (JSONNode, Fail) {
        let source = SourceText(path: path, bytes: bytes)
        let fail: Fail = { message, offset in CopyLintError(message, path: path, position: source.position(offset)) }
        let node: JSONNode
        do { node = try JSONCParser.parse(bytes) } catch { throw fail(error.message, error.offset) }
        guard case .object = node.value else { throw fail("a rule file holds one JSON object", node.offset) }
        return (node, fail)
    }

    private func checkKeys(_ node: JSONNode, allowed: [String], fail: Fail, what: String) throws(CopyLintError) {
        guard case .object(let members) = node.value else { return }
        for m in members where !allowed.contains(m.key) {
            throw fail("unknown key \"\(m.key)\" in \(what)" + didYouMean(m.key, allowed), m.keyOffset)
        }
    }

    private func string(_ node: JSONNode, _ key: String, _ fail: Fail) throws(CopyLintError) -> String {
        guard case .string(let s) = node.value else { throw fail("\"\(key)\" must be a string, not \(node.value.typeName)", node.offset) }
        return s
    }

    private func strings(_ node: JSONNode, _ key: String, _ fail: Fail) throws(CopyLintError) -> [String] {
        guard case .array(let items) = node.value else { throw fail("\"\(key)\" must be an array of strings", node.offset) }
        var out: [String] = []
        for item in items { out.append(try string(item, key, fail)) }
        return out
    }

    private func bool(_ node: JSONNode, _ key: String, _ fail: Fail) throws(CopyLintError) -> Bool {
        guard case .bool(let b) = node.value else { throw fail("\"\(key)\" must be true or false", node.offset) }
        return b
    }

    private func enumValue<T>(_ node: JSONNode, _ make: (String) -> T?, _ key: String, _ fail: Fail, allowed: [String] = []) throws(CopyLintError) -> T {
        let s = try string(node, key, fail)
        guard let v = make(s) else {
            throw fail("invalid \(key) \"\(s)\"" + (allowed.isEmpty ? "" : "; expected one of \(allowed.joined(separator: ", "))" + didYouMean(s, allowed)), node.offset)
        }
        return v
    }

    func parseRule(_ bytes: [UInt8], path: String, pack: String, defaults: (language: PackLanguage, severity: Severity),
                   validatePatterns: Bool = true) throws(CopyLintError) -> PackRuleSpec {
        let (node, rootFail) = try root(bytes, path: path)
        // Once the rule's id is known, every error names it.
        var ruleName: String?
        let fail: Fail = { message, offset in
            rootFail(ruleName.map { message.contains("\"\($0)\"") ? message : message + " (rule \"\($0)\")" } ?? message, offset)
        }
        if case .string(let id)? = node["id"]?.value { ruleName = "\(pack)/\(id)" }
        try checkKeys(node, allowed: Self.ruleKeys, fail: fail, what: "a rule")
        func required(_ key: String) throws(CopyLintError) -> JSONNode {
            guard let n = node[key] else { throw fail("rule has no \"\(key)\"", node.offset) }
            return n
        }
        let localID = try string(try required("id"), "id", fail)
        guard Self.isKebabCase(localID) else {
            throw fail("rule id \"\(localID)\" must be kebab-case (lower-case words joined by '-')", try required("id").offset)
        }
        let kind: PackRuleSpec.Kind = try enumValue(try required("kind"), PackRuleSpec.Kind.init(rawValue:), "kind", fail,
                                                    allowed: PackRuleSpec.Kind.allCases.map(\.rawValue))
        var spec = PackRuleSpec(
            id: "\(pack)/\(localID)", kind: kind,
            summary: try string(try required("summary"), "summary", fail),
            rationale: try node["rationale"].map { (n: JSONNode) throws(CopyLintError) in try string(n, "rationale", fail) } ?? "",
            message: try string(try required("message"), "message", fail),
            severity: try node["severity"].map { (n: JSONNode) throws(CopyLintError) in
                try enumValue(n, Severity.init(rawValue:), "severity", fail, allowed: ["error", "warning", "info"]) } ?? defaults.severity,
            enabledByDefault: try node["enabled"].map { (n: JSONNode) throws(CopyLintError) in try bool(n, "enabled", fail) } ?? true,
            scope: try node["scope"].map { (n: JSONNode) throws(CopyLintError) in
                try enumValue(n, PackScope.init(rawValue:), "scope", fail, allowed: PackScope.allCases.map(\.rawValue)) } ?? .text,
            language: try node["language"].map { (n: JSONNode) throws(CopyLintError) in
                try enumValue(n, PackLanguage.init(rawValue:), "language", fail, allowed: ["any", "zh", "zh-hans", "zh-hant", "en"]) } ?? defaults.language)
        spec.path = path
        if let n = node["tokens"] { spec.tokens = try strings(n, "tokens", fail) }
        if let n = node["patterns"] {
            spec.patterns = try strings(n, "patterns", fail)
            if validatePatterns, case .array(let items) = n.value {
                for (k, p) in spec.patterns.enumerated() {
                    do { _ = try NSRegularExpression(pattern: p) } catch {
                        throw fail("invalid regular expression in rule \"\(spec.id)\": \(p)", items[k].offset)
                    }
                }
            }
        }
        if let n = node["exceptions"] { spec.exceptions = try strings(n, "exceptions", fail) }
        if let n = node["swap"] {
            guard case .object(let members) = n.value else { throw fail("\"swap\" must map wrong forms to right ones", n.offset) }
            for m in members { spec.swap.append((m.key, try string(m.value, "swap", fail))) }
        }
        if let n = node["ignoreCase"] { spec.ignoreCase = try bool(n, "ignoreCase", fail) }
        if let n = node["wordBoundary"] { spec.wordBoundary = try bool(n, "wordBoundary", fail) }
        if let n = node["context"] {
            spec.context = try enumValue(n, PackContext.init(rawValue:), "context", fail,
                                         allowed: ["none", "han-before", "han-after", "han-either", "han-both"])
        }
        if let n = node["link"] { spec.link = try string(n, "link", fail) }
        if let n = node["replacement"] { spec.replacement = try string(n, "replacement", fail) }
        if let n = node["fixSafety"] { spec.fixSafety = try enumValue(n, Fix.Applicability.init(rawValue:), "fixSafety", fail, allowed: ["safe", "unsafe"]) }
        if let n = node["unit"] {
            spec.unit = try string(n, "unit", fail)
            guard ["char", "word"].contains(spec.unit) else { throw fail("\"unit\" must be \"char\" or \"word\"", n.offset) }
        }
        if let n = node["allowLexiconWords"] { spec.allowLexiconWords = try bool(n, "allowLexiconWords", fail) }
        if let n = node["learnsConvention"] {
            spec.learnsConvention = try enumValue(n, PackRuleSpec.ConventionScope.init(rawValue:), "learnsConvention", fail,
                                                  allowed: ["none", "headings", "everywhere"])
        }
        if let n = node["max"] {
            guard case .number(let d, true) = n.value, d >= 0 else { throw fail("\"max\" must be a whole number", n.offset) }
            spec.max = Int(d)
        }
        if let n = node["count"] {
            spec.count = try string(n, "count", fail)
            guard ["tokens", "characters"].contains(spec.count) else { throw fail("\"count\" must be \"tokens\" or \"characters\"", n.offset) }
        }
        if let n = node["groups"] {
            guard case .array(let items) = n.value else { throw fail("\"groups\" must be an array of arrays of strings", n.offset) }
            for item in items { spec.groups.append(try strings(item, "groups", fail)) }
        }
        if let n = node["pairs"] {
            guard case .array(let items) = n.value else { throw fail("\"pairs\" must be an array of [open, close]", n.offset) }
            for item in items {
                let pair = try strings(item, "pairs", fail)
                guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else { throw fail("each pair is [open, close]", item.offset) }
                spec.pairs.append((pair[0], pair[1]))
            }
        }
        if let n = node["openAcrossParagraphs"] { spec.openAcrossParagraphs = try bool(n, "openAcrossParagraphs", fail) }
        if let n = node["examples"] {
            try checkKeys(n, allowed: ["triggering", "nonTriggering", "fixed"], fail: fail, what: "examples")
            let fixed = try n["fixed"].map { (f: JSONNode) throws(CopyLintError) in try strings(f, "fixed", fail) } ?? []
            // Each example knows the line of the pack file it is written on, for a test that fails on it.
            let source = SourceText(path: path, bytes: bytes)
            func line(_ item: JSONNode) -> Int { source.position(item.offset).line }
            if let t = n["triggering"] {
                let triggering = try strings(t, "triggering", fail)
                for (k, item) in Self.items(t).enumerated() where k < triggering.count {
                    spec.triggering.append(Example(triggering[k], fixed: k < fixed.count && !fixed[k].isEmpty ? fixed[k] : nil,
                                                   path: path, line: line(item)))
                }
            }
            if let t = n["nonTriggering"] {
                let texts = try strings(t, "nonTriggering", fail)
                for (k, item) in Self.items(t).enumerated() where k < texts.count {
                    spec.nonTriggering.append(Example(texts[k], path: path, line: line(item)))
                }
            }
        }
        // Each kind needs its own fields.
        switch kind {
        case .existence where spec.tokens.isEmpty && spec.patterns.isEmpty:
            throw fail("an existence rule needs \"tokens\" or \"patterns\"", node.offset)
        case .substitution where spec.swap.isEmpty:
            throw fail("a substitution rule needs a \"swap\" map", node.offset)
        case .occurrence where spec.max == 0 && node["max"] == nil:
            throw fail("an occurrence rule needs \"max\"", node.offset)
        case .consistency where spec.groups.isEmpty:
            throw fail("a consistency rule needs \"groups\" of spellings", node.offset)
        case .pair where spec.pairs.isEmpty:
            throw fail("a pair rule needs \"pairs\"", node.offset)
        default: break
        }
        return spec
    }

    /// The members of an array node (none for any other node).
    private static func items(_ node: JSONNode) -> [JSONNode] {
        if case .array(let items) = node.value { return items }
        return []
    }
}
