import Foundation

/// The text of one input, as UTF-8 bytes, with its line index.
///
/// A leading UTF-8 byte order mark is removed before anything else sees the
/// bytes (`hadByteOrderMark` remembers it so a fixer can write it back): byte
/// offsets and columns are therefore counted from the first character after it,
/// as editors do. A class: every diagnostic and document refers to its file's text, and a copy is
/// then one reference.
public final class SourceText: Sendable {
    public let path: String
    public let bytes: [UInt8]
    public let hadByteOrderMark: Bool
    public let lines: LineIndex

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            self.bytes = Array(bytes[3...])
            hadByteOrderMark = true
        } else {
            self.bytes = bytes
            hadByteOrderMark = false
        }
        lines = LineIndex(self.bytes)
    }

    public convenience init(path: String, string: String) {
        self.init(path: path, bytes: Array(string.utf8))
    }

    /// The text of a range as a Swift string (invalid sequences repaired).
    public func string(_ range: SourceRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    public func position(_ offset: Int, unit: ColumnUnit = .char) -> Position {
        var line = 0
        return position(offset, unit: unit, lineHint: &line)
    }

    /// The same, for positions asked in order: `lineHint` is the line found for the previous one
    /// (0 to start), and is set to this one's.
    public func position(_ offset: Int, unit: ColumnUnit = .char, lineHint: inout Int) -> Position {
        let line = lineHint > 0 ? lines.lineIndex(of: offset, after: lineHint) : lines.lineIndex(of: offset)
        lineHint = line
        let start = lines.lineStarts[line]
        let stop = max(start, min(offset, lines.contentEnds[line]))
        // On a long line, count on from a nearby earlier position instead of from the line start:
        // reporters ask for positions in order, so a file of one 50 MB line stays linear.
        if unit != .display, stop - start > 256, let (from, column) = checkpoints.nearest(line: line, offset: stop, unit: unit) {
            let col = column + LineIndex.columns(bytes, from: from, to: stop, unit: unit)
            checkpoints.record(line: line, offset: stop, column: col, unit: unit)
            return Position(line: line + 1, column: col + 1)
        }
        let col = LineIndex.columns(bytes, from: start, to: stop, unit: unit)
        if unit != .display, stop - start > 256 { checkpoints.record(line: line, offset: stop, column: col, unit: unit) }
        return Position(line: line + 1, column: col + 1)
    }

    /// Recent (line, offset, column) results on long lines, shared by copies of this text.
    private let checkpoints = Checkpoints()
}

/// A few recent column results per unit, to continue counting from.
package final class Checkpoints: @unchecked Sendable {
    private struct Entry { var line: Int; var offset: Int; var column: Int; var unit: ColumnUnit }
    private var entries: [Entry] = []
    private let lock = NSLock()

    package func nearest(line: Int, offset: Int, unit: ColumnUnit) -> (Int, Int)? {
        lock.lock(); defer { lock.unlock() }
        var best: Entry?
        for e in entries where e.line == line && e.unit == unit && e.offset <= offset {
            if best == nil || e.offset > best!.offset { best = e }
        }
        return best.map { ($0.offset, $0.column) }
    }

    package func record(line: Int, offset: Int, column: Int, unit: ColumnUnit) {
        lock.lock(); defer { lock.unlock() }
        if entries.count >= 8 { entries.removeFirst() }
        entries.append(Entry(line: line, offset: offset, column: column, unit: unit))
    }
}
