/// The languages copylint speaks: its messages, help, notes, summary, `explain` and `--help`.
/// Rule ids, option names, format keys and positions are the same in all of them.
public enum MessageLocale: String, Sendable, CaseIterable {
    case en
    case zhHans = "zh-Hans"
    case zhHant = "zh-Hant"

    /// A locale as a person, a POSIX environment or an LSP client names it: `zh-Hans`, `zh_CN.UTF-8`,
    /// `zh-TW`, `zh-Hant-HK`, `zh`, `en-GB`, `C`. nil: a language copylint does not speak.
    public init?(name: String) {
        // zh_CN.UTF-8@euro -> zh-cn
        let base = name.split(whereSeparator: { $0 == "." || $0 == "@" }).first.map(String.init) ?? ""
        let n = base.replacingOccurrences(of: "_", with: "-").lowercased()
        if n == "c" || n == "posix" || n == "en" || n.hasPrefix("en-") {
            self = .en
            return
        }
        guard n == "zh" || n.hasPrefix("zh-") else { return nil }
        // Traditional script by name, or by a region that writes it (Taiwan, Hong Kong, Macau).
        let parts = n.split(separator: "-").dropFirst()
        if parts.contains("hant") || (!parts.contains("hans") && parts.contains { ["tw", "hk", "mo"].contains($0) }) {
            self = .zhHant
        } else {
            self = .zhHans
        }
    }

    /// The locale of the environment, as POSIX orders it: `LC_ALL`, then `LC_MESSAGES`, then `LANG`;
    /// the first one set decides (a language copylint does not speak gives English).
    public static func fromEnvironment(_ environment: [String: String]) -> MessageLocale {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return MessageLocale(name: value) ?? .en
        }
        return .en
    }

    /// What `--locale` and `"locale"` accept.
    public static let names = allCases.map(\.rawValue)

    /// Whether the language's terminals draw ambiguous-width characters (“ ” … ·) two columns wide.
    public var ambiguousIsWide: Bool { self != .en }
}
