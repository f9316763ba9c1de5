import CopyLintBase
import CopyLintDocument

/// Another place a finding refers to: "first printed at line 70", in the finding's own file or, for
/// the checks of an edition, in another page (`file`).
public struct RelatedLocation: Hashable, Sendable {
    public var range: SourceRange
    public var message: String
    /// The other file the range is in; nil: the finding's own.
    public var file: SourceText?

    public init(range: SourceRange, message: String, file: SourceText? = nil) {
        self.range = range
        self.message = message
        self.file = file
    }

    public static func == (a: RelatedLocation, b: RelatedLocation) -> Bool {
        a.range == b.range && a.message == b.message && a.file?.path == b.file?.path
    }

    public func hash(into h: inout Hasher) {
        h.combine(range)
        h.combine(message)
        h.combine(file?.path)
    }

    /// The text the range is in, given the finding's own.
    public func source(_ own: SourceText) -> SourceText { file ?? own }
}

/// What a rule reports: a range, a message, related places and maybe a fix.
/// A rule never decides the severity; the engine does, from the configuration.
public struct Finding: Hashable, Sendable {
    public var range: SourceRange
    public var message: String
    public var related: [RelatedLocation]
    public var fix: Fix?

    public init(range: SourceRange, message: String, related: [RelatedLocation] = [], fix: Fix? = nil) {
        self.range = range
        self.message = message
        self.related = related
        self.fix = fix
    }
}

/// A finding with its rule, final severity and file, ready to print. A class: reports, sorts and
/// baselines pass thousands of them around, and a copy is then one reference, not a dozen.
///
/// A large file can have hundreds of thousands of them: the range is kept in 32-bit offsets (texts
/// are at most 4 GB) next to the severity, 112 bytes a diagnostic instead of 128.
public final class Diagnostic: Sendable {
    // Stored in this order so that no padding falls between the fields.
    public let ruleID: String
    public let message: String
    private let start32: UInt32, end32: UInt32
    public let related: [RelatedLocation]
    /// The text the offsets refer to (shared, not copied).
    public let source: SourceText
    public let fix: Fix?
    public let severity: Severity
    /// Whether the fix is safe to apply unasked (kept apart: counting them reads no fix).
    public let hasSafeFix: Bool

    public var range: SourceRange { SourceRange(unchecked: Int(start32), Int(end32)) }

    public init(ruleID: String, severity: Severity, finding: Finding, source: SourceText) {
        self.ruleID = ruleID
        self.severity = severity
        message = finding.message
        start32 = UInt32(truncatingIfNeeded: finding.range.start)
        end32 = UInt32(truncatingIfNeeded: finding.range.end)
        related = finding.related
        fix = finding.fix
        hasSafeFix = finding.fix?.applicability == .safe
        self.source = source
    }

    public var path: String { source.path }

    public func start(_ unit: ColumnUnit = .char) -> Position { source.position(range.start, unit: unit) }

    /// The position just after the last flagged character.
    public func end(_ unit: ColumnUnit = .char) -> Position { source.position(range.end, unit: unit) }

    /// Deterministic output order: file, line, column, rule, then message.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path < b.path }
        return orderedInFile(a, b)
    }

    /// The same order for diagnostics of one file (no path comparison).
    static func orderedInFile(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.range.start != b.range.start { return a.range.start < b.range.start }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        if a.range.end != b.range.end { return a.range.end < b.range.end }
        return a.message < b.message
    }
}
