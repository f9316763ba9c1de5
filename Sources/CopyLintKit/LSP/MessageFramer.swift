import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// JSON-RPC framing of the Language Server Protocol: `Content-Length: N\r\n\r\n` then N bytes.
/// Bytes arrive in arbitrary pieces (a message split across reads, several in one read); `next()`
/// hands out whole message bodies, or a framing error after which it resynchronises on the next header.
public struct MessageFramer: Sendable {
    public enum Frame: Equatable, Sendable {
        case message([UInt8])
        /// A header block that cannot be read; it has been dropped.
        case error(String)
    }

    /// Largest body accepted (a whole newspaper archive fits; a corrupt length does not eat memory).
    public static let maxContentLength = 256 << 20
    /// A header block longer than this without its blank line is garbage.
    static let maxHeaderLength = 8192

    private var buffer: [UInt8] = []
    private var start = 0
    /// The body length of a header already read, while its body is still arriving.
    private var pendingLength: Int?

    public init() {}

    public mutating func append(_ bytes: [UInt8]) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    public mutating func next() -> Frame? {
        if pendingLength == nil {
            guard let end = headerEnd() else {
                if buffer.count - start > Self.maxHeaderLength {
                    start = buffer.count
                    return .error("header longer than \(Self.maxHeaderLength) bytes without a blank line")
                }
                return nil
            }
            let header = String(decoding: buffer[start..<end], as: UTF8.self)
            start = end + 4
            var length: Int?
            for line in header.split(separator: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { return .error("malformed header line '\(line)'") }
                let name = line[..<colon].trimmingWhitespace.lowercased()
                let value = line[line.index(after: colon)...].trimmingWhitespace
                if name == "content-length" {
                    guard let n = Int(value), n >= 0 else { return .error("bad Content-Length '\(value)'") }
                    guard n <= Self.maxContentLength else { return .error("Content-Length \(n) is more than \(Self.maxContentLength)") }
                    length = n
                }
            }
            guard let length else { return .error("header without Content-Length") }
            pendingLength = length
        }
        guard let length = pendingLength, buffer.count - start >= length else { return nil }
        let body = Array(buffer[start..<(start + length)])
        start += length
        pendingLength = nil
        return .message(body)
    }

    /// Index of the `\r\n\r\n` ending the header that starts at `start`.
    private func headerEnd() -> Int? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 0x0D, buffer[i + 1] == 0x0A, buffer[i + 2] == 0x0D, buffer[i + 3] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    /// A body framed for writing.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    var trimmingWhitespace: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
