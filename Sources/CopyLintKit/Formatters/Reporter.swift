/// What every report format may need besides the diagnostics.
public struct ReportContext: Sendable {
    public var columnUnit: ColumnUnit
    public var color: Bool
    public var registry: RuleRegistry

    public init(columnUnit: ColumnUnit = .char, color: Bool = false, registry: RuleRegistry = .builtin) {
        self.columnUnit = columnUnit
        self.color = color
        self.registry = registry
    }
}

/// One output format. Reporters are pure: diagnostics in, text out.
public protocol Reporter: Sendable {
    static var name: String { get }
    static var summary: String { get }
    func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String
}

public enum Reporters {
    public static let all: [any Reporter.Type] = [TextReporter.self, GCCReporter.self]

    public static func named(_ name: String) -> (any Reporter)? {
        switch name {
        case TextReporter.name: return TextReporter()
        case GCCReporter.name: return GCCReporter()
        default: return nil
        }
    }

    public static var names: [String] { all.map { $0.name } }
}

extension String {
    /// The message on one line: line breaks become spaces.
    var singleLine: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for ch in unicodeScalars {
            if ch == "\n" || ch == "\r" { out.append(" ") } else { out.unicodeScalars.append(ch) }
        }
        return out
    }
}
