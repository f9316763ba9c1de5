import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// Reads and validates `.lintrc` files.
public struct ConfigLoader: Sendable {
    public let registry: RuleRegistry

    public init(registry: RuleRegistry = .builtin) {
        self.registry = registry
    }

    public func load(path: String) throws(CopyLintError) -> Configuration {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CopyLintError("configuration file not found", path: path)
        }
        if isDirectory.boolValue { throw CopyLintError("is a directory, not a configuration file", path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CopyLintError("cannot read configuration file (permission denied?)", path: path)
        }
        return try parse(Array(data), path: path)
    }

    public func parse(_ bytes: [UInt8], path: String) throws(CopyLintError) -> Configuration {
        let source = SourceText(path: path, bytes: bytes)
        func fail(_ message: String, _ offset: Int) -> CopyLintError {
            CopyLintError(message, path: path, position: source.position(offset))
        }
        let root: JSONNode
        do {
            root = try JSONCParser.parse(bytes)
        } catch {
            // JSONCParser strips a BOM itself, as SourceText does, so offsets agree.
            throw fail(error.message, error.offset)
        }
        guard case .object(let members) = root.value else {
            throw fail("a .lintrc must be a JSON object, not \(root.value.typeName)", root.offset)
        }
        var config = Configuration()
        config.path = path
        // Packs first: "rules" may name their rules.
        var registry = self.registry
        if let packsNode = root["packs"] {
            let folder = (path as NSString).deletingLastPathComponent
            for item in try strings(packsNode, "packs", fail: fail) {
                let packPath = item.hasPrefix("/") ? item : ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(item)
                // "rules/zh-hans-news" names one of copylint's own packs, always loaded, when no such
                // folder sits beside the .lintrc.
                let name = (item as NSString).lastPathComponent
                if !FileManager.default.fileExists(atPath: packPath), BuiltinRules.packs.contains(where: { $0.name == name }) { continue }
                for pack in try PackLoader().load(folder: packPath) {
                    config.packs.append(pack)
                    for rule in pack.rules { registry.add(rule.entry) }
                }
            }
        }
        config.registry = registry
        let loader = ConfigLoader(registry: registry)
        for member in members {
            let v = member.value
            switch member.key {
            case "packs":
                break
            case "rules":
                config.rules = try loader.parseRules(v, fail: fail)
            case "include":
                config.include = try strings(v, "include", fail: fail)
            case "exclude":
                config.exclude = try strings(v, "exclude", fail: fail)
            case "failOn":
                config.failOn = try enumValue(v, "failOn", Severity.allCases.map(\.rawValue), fail: fail).flatMap(Severity.init)
            case "columnUnit":
                config.columnUnit = try enumValue(v, "columnUnit", ColumnUnit.allCases.map(\.rawValue), fail: fail)
                    .flatMap(ColumnUnit.init)
            case "locale":
                config.locale = try enumValue(v, "locale", MessageLocale.names, fail: fail).flatMap(MessageLocale.init(rawValue:))
            case "layout":
                config.layout = try enumValue(v, "layout", LayoutChoice.allCases.map(\.rawValue), fail: fail).flatMap(LayoutChoice.init)
            case "encoding":
                config.encoding = try enumValue(v, "encoding", InputEncoding.allCases.map(\.rawValue), fail: fail)
                    .flatMap(InputEncoding.init)
            case "edition":
                guard case .object(let fields) = v.value else {
                    throw fail("\"edition\" must be an object such as {\"enabled\": true}, not \(v.value.typeName)", v.offset)
                }
                var settings = EditionSettings()
                for field in fields {
                    switch field.key {
                    case "enabled":
                        guard case .bool(let b) = field.value.value else { throw fail("\"enabled\" must be a boolean", field.value.offset) }
                        settings.enabled = b
                    case "pagePattern":
                        guard case .string(let s) = field.value.value else { throw fail("\"pagePattern\" must be a string", field.value.offset) }
                        do { _ = try PageNumbering.pattern(s) } catch {
                            throw fail("\"pagePattern\" is not a usable pattern: \(error.localizedDescription)", field.value.offset)
                        }
                        settings.pagePattern = s
                    default:
                        throw fail("unknown key \"\(field.key)\" in \"edition\"" + didYouMean(field.key, Configuration.editionKeys), field.keyOffset)
                    }
                }
                config.edition = settings
            case "ruleTimeBudget":
                guard case .number(let seconds, _) = v.value, seconds > 0, seconds.isFinite else {
                    throw fail("\"ruleTimeBudget\" must be a number of seconds greater than 0", v.offset)
                }
                config.ruleTimeBudget = seconds
            default:
                throw fail("unknown key \"\(member.key)\"" + didYouMean(member.key, Configuration.topLevelKeys), member.keyOffset)
            }
        }
        return config
    }

    func parseRules(_ node: JSONNode, fail: (String, Int) -> CopyLintError) throws(CopyLintError) -> RuleSettings {
        guard case .object(let members) = node.value else {
            throw fail("\"rules\" must be an object mapping rule ids to settings, not \(node.value.typeName)", node.offset)
        }
        var settings = RuleSettings()
        for member in members {
            guard let entry = registry[member.key] else {
                throw fail("unknown rule \"\(member.key)\"" + didYouMeanRule(member.key, registry.ids), member.keyOffset)
            }
            var setting = RuleSettings.Setting()
            let v = member.value
            switch v.value {
            case .bool(let b):
                setting.enabled = b
            case .string(let s):
                if s == "off" { setting.enabled = false } else if s == "on" { setting.enabled = true } else if let sev = Severity(rawValue: s) {
                    setting.enabled = true
                    setting.severity = sev
                } else {
                    throw fail("rule setting must be \"off\", \"on\", \"error\", \"warning\" or \"info\", not \"\(s)\""
                                + didYouMean(s, ["off", "on", "error", "warning", "info"]), v.offset)
                }
            case .object(let fields):
                for field in fields {
                    switch field.key {
                    case "enabled":
                        guard case .bool(let b) = field.value.value else {
                            throw fail("\"enabled\" must be a boolean, not \(field.value.value.typeName)", field.value.offset)
                        }
                        setting.enabled = b
                    case "severity":
                        setting.severity = try enumValue(field.value, "severity", Severity.allCases.map(\.rawValue), fail: fail)
                            .flatMap(Severity.init)
                        if setting.enabled == nil { setting.enabled = true }
                    case "options":
                        setting.options = try parseOptions(field.value, entry: entry, fail: fail)
                    default:
                        throw fail("unknown key \"\(field.key)\" in the settings of rule \"\(member.key)\""
                                    + didYouMean(field.key, Configuration.ruleKeys), field.keyOffset)
                    }
                }
            default:
                throw fail("rule setting must be a string, a boolean or an object, not \(v.value.typeName)", v.offset)
            }
            settings.rules[member.key] = setting
        }
        return settings
    }

    func parseOptions(_ node: JSONNode, entry: RuleEntry, fail: (String, Int) -> CopyLintError) throws(CopyLintError)
        -> [String: OptionValue] {
        guard case .object(let fields) = node.value else {
            throw fail("\"options\" must be an object, not \(node.value.typeName)", node.offset)
        }
        var out: [String: OptionValue] = [:]
        let specs = entry.description.options
        for field in fields {
            guard let spec = specs.first(where: { $0.name == field.key }) else {
                let known = specs.map(\.name)
                let hint = known.isEmpty ? " (the rule takes no options)" : didYouMean(field.key, known)
                throw fail("unknown option \"\(field.key)\" for rule \"\(entry.id)\"" + hint, field.keyOffset)
            }
            let value = try Self.convert(field.value, to: spec.defaultValue, name: field.key, fail: fail)
            if case .string(let s) = value, !spec.allowed.isEmpty, !spec.allowed.contains(s) {
                throw fail("option \"\(field.key)\" must be one of \(spec.allowed.map { "\"\($0)\"" }.joined(separator: ", "))"
                            + didYouMean(s, spec.allowed), field.value.offset)
            }
            out[field.key] = value
        }
        return out
    }

    static func convert(_ node: JSONNode, to example: OptionValue, name: String,
                        fail: (String, Int) -> CopyLintError) throws(CopyLintError) -> OptionValue {
        switch (example, node.value) {
        case (.bool, .bool(let b)): return .bool(b)
        case (.int, .number(let d, true)): return .int(Int(d))
        case (.double, .number(let d, _)): return .double(d)
        case (.string, .string(let s)): return .string(s)
        case (.strings, .array(let items)):
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item.value else {
                    throw fail("option \"\(name)\" must be an array of strings; found \(item.value.typeName)", item.offset)
                }
                out.append(s)
            }
            return .strings(out)
        default:
            throw fail("option \"\(name)\" must be \(example.typeName == "integer" ? "an" : "a") \(example.typeName), not \(node.value.typeName)", node.offset)
        }
    }

    private func strings(_ node: JSONNode, _ key: String, fail: (String, Int) -> CopyLintError) throws(CopyLintError) -> [String] {
        guard case .array(let items) = node.value else {
            throw fail("\"\(key)\" must be an array of glob strings, not \(node.value.typeName)", node.offset)
        }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item.value else {
                throw fail("\"\(key)\" must hold strings; found \(item.value.typeName)", item.offset)
            }
            out.append(s)
        }
        return out
    }

    private func enumValue(_ node: JSONNode, _ key: String, _ allowed: [String],
                           fail: (String, Int) -> CopyLintError) throws(CopyLintError) -> String? {
        guard case .string(let s) = node.value else {
            throw fail("\"\(key)\" must be a string, not \(node.value.typeName)", node.offset)
        }
        guard allowed.contains(s) else {
            throw fail("\"\(key)\" must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(s)\""
                        + didYouMean(s, allowed), node.offset)
        }
        return s
    }
}
