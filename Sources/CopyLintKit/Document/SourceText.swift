/// The text of one input, as UTF-8 bytes, with its line index.
///
/// A leading UTF-8 byte order mark is removed before anything else sees the
/// bytes (`hadByteOrderMark` remembers it so a fixer can write it back): byte
/// offsets and columns are therefore counted from the first character after it,
/// as editors do.
public struct SourceText: Sendable {
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

    public init(path: String, string: String) {
        self.init(path: path, bytes: Array(string.utf8))
    }

    /// The text of a range as a Swift string (invalid sequences repaired).
    public func string(_ range: SourceRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    public func position(_ offset: Int, unit: ColumnUnit = .char) -> Position {
        lines.position(of: offset, in: bytes, unit: unit)
    }
}
