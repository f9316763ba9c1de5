import CopyLintBase
import CopyLintDocument

/// One replacement of a byte range.
public struct TextEdit: Hashable, Sendable {
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A proposed change: a list of edits and whether it may be applied without review.
public struct Fix: Hashable, Sendable {
    public enum Applicability: String, Sendable, Codable {
        /// Keeps the meaning of the copy; `--fix` applies it.
        case safe
        /// May change meaning; needs `--fix-unsafe`.
        case unsafe
    }

    /// What to do, in the imperative: "delete the repeated paragraph".
    public var title: String
    public var edits: [TextEdit]
    public var applicability: Applicability

    public init(title: String, edits: [TextEdit], applicability: Applicability) {
        self.title = title
        self.edits = edits
        self.applicability = applicability
    }

    /// Applies non-overlapping edits to bytes; later edits that overlap an earlier one are skipped.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        let sorted = edits.sorted { $0.range < $1.range }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in sorted where edit.range.start >= cursor {
            out.append(contentsOf: bytes[cursor..<edit.range.start])
            out.append(contentsOf: Array(edit.replacement.utf8))
            cursor = edit.range.end
        }
        out.append(contentsOf: bytes[cursor...])
        return out
    }
}
