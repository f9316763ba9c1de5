import CopyLintBase
import CopyLintDocument

/// How serious a finding is. Ordered: info < warning < error.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The word gcc-style consumers expect: `error`, `warning`, `note`.
    public var gccName: String { self == .info ? "note" : rawValue }
}
