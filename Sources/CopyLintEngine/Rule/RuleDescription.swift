import CopyLintBase

/// A triggering or non-triggering example. In triggering examples `↓` marks where
/// each finding must start; `fixed` (if given) is the text after applying every fix.
public struct Example: Sendable {
    public let text: String
    public let options: [String: OptionValue]
    public let fixed: String?
    public let note: String?
    /// Where the example is written, so that a failing example points at its own line: the Swift
    /// source file and line of a built-in rule's example (`file` is then set), or a pack file and line.
    public let file: StaticString?
    public let line: UInt
    public let location: String

    public init(_ text: String, options: [String: OptionValue] = [:], fixed: String? = nil, note: String? = nil,
                file: StaticString = #filePath, line: UInt = #line) {
        self.text = text
        self.options = options
        self.fixed = fixed
        self.note = note
        self.file = file
        self.line = line
        location = "\(file):\(line)"
    }

    /// An example read from a file that is not Swift (a rule pack's JSON): `location` is `path:line`.
    public init(_ text: String, fixed: String? = nil, path: String, line: Int) {
        self.text = text
        options = [:]
        self.fixed = fixed
        note = nil
        file = nil
        self.line = UInt(max(0, line))
        location = "\(path):\(line)"
    }

    public static let marker: Character = "↓"

    /// An edition example's pages: the text split at lines `=== NAME ===`, each page with its name.
    public var pages: [(name: String, text: String)] {
        var out: [(String, String)] = []
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("=== "), line.hasSuffix(" ==="), line.count > 8 {
                out.append((String(line.dropFirst(4).dropLast(4)), ""))
            } else if !out.isEmpty {
                out[out.count - 1].1 += line + "\n"
            }
        }
        return out
    }

    /// The example's text without markers, and the byte offsets where the markers stood.
    public var textAndMarkers: (text: String, markers: [Int]) { Self.textAndMarkers(text) }

    /// A text without markers, and the byte offsets where the markers stood.
    public static func textAndMarkers(_ text: String) -> (text: String, markers: [Int]) {
        var out = ""
        var markers: [Int] = []
        for ch in text {
            if ch == Example.marker { markers.append(out.utf8.count) } else { out.append(ch) }
        }
        return (out, markers)
    }
}

/// What a rule reads: one file at a time, or an edition (a folder of pages) at once.
public enum RuleScope: String, Sendable {
    case file, edition
}

/// Everything a rule says about itself: read by `copylint explain`, `copylint rules`, the
/// SARIF driver, the configuration validator and the test suite.
public struct RuleDescription: Sendable {
    public let id: String
    public let summary: String
    public let rationale: String
    public let defaultSeverity: Severity
    public let enabledByDefault: Bool
    public let options: [OptionSpec]
    public let triggering: [Example]
    public let nonTriggering: [Example]
    /// How the rule's fixes behave, for documentation.
    public let fixSafety: String?
    /// An edition rule's examples are editions: pages set apart by a line `=== NAME ===`.
    public let scope: RuleScope

    public init(id: String, summary: String, rationale: String, defaultSeverity: Severity,
                enabledByDefault: Bool = true, options: [OptionSpec] = [], triggering: [Example],
                nonTriggering: [Example], fixSafety: String? = nil, scope: RuleScope = .file) {
        self.scope = scope
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.enabledByDefault = enabledByDefault
        self.options = options
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.fixSafety = fixSafety
    }
}
