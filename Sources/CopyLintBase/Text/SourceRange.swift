/// A half-open range of byte offsets into a `SourceText`'s UTF-8 bytes.
public struct SourceRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    @inlinable
    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "SourceRange start after end")
        self.start = start
        self.end = end
    }

    /// For ranges known to be ordered (stored ones, read back in hot loops).
    @inlinable @inline(__always)
    package init(unchecked start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    @inlinable public var length: Int { end - start }
    @inlinable public var isEmpty: Bool { start == end }
    @inlinable public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}

/// A 1-based line and column, in the column unit that produced it.
public struct Position: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: Position, rhs: Position) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }

    public var description: String { "\(line):\(column)" }
}

/// How columns are counted when a byte offset is printed.
public enum ColumnUnit: String, CaseIterable, Sendable {
    /// Unicode scalars (code points): what most people mean by "character".
    case char
    /// UTF-16 code units: VS Code, the Language Server Protocol's default.
    case utf16
    /// UTF-8 bytes: Vim's `%c`, reviewdog's rdjson.
    case byte
    /// Terminal columns: East Asian Wide/Fullwidth count 2, tabs stop every 8 (GCC ≥ 11, Emacs).
    case display
}
