/// A value a rule option can take.
public enum OptionValue: Hashable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case strings([String])

    public var typeName: String {
        switch self {
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .strings: return "array of strings"
        }
    }

    public var description: String {
        switch self {
        case .bool(let b): return String(b)
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return "\"\(s)\""
        case .strings(let a): return "[" + a.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        }
    }
}

/// An option a rule accepts, with its default.
public struct OptionSpec: Sendable {
    public let name: String
    public let defaultValue: OptionValue
    public let help: String
    /// For string options: the allowed values (empty: any).
    public let allowed: [String]

    public init(_ name: String, default defaultValue: OptionValue, help: String, allowed: [String] = []) {
        self.name = name
        self.defaultValue = defaultValue
        self.help = help
        self.allowed = allowed
    }
}

/// Options resolved against a rule's specs: every option has a value of the right type.
public struct RuleOptions: Sendable {
    public private(set) var values: [String: OptionValue]

    public init(specs: [OptionSpec], overrides: [String: OptionValue] = [:]) {
        var values: [String: OptionValue] = [:]
        for spec in specs { values[spec.name] = spec.defaultValue }
        for (k, v) in overrides { values[k] = v }
        self.values = values
    }

    public func int(_ name: String) -> Int {
        switch values[name] {
        case .int(let i): return i
        case .double(let d): return Int(d)
        default: return 0
        }
    }

    public func double(_ name: String) -> Double {
        switch values[name] {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return 0
        }
    }

    public func bool(_ name: String) -> Bool {
        if case .bool(let b) = values[name] { return b }
        return false
    }

    public func string(_ name: String) -> String {
        if case .string(let s) = values[name] { return s }
        return ""
    }

    public func strings(_ name: String) -> [String] {
        if case .strings(let a) = values[name] { return a }
        return []
    }
}
