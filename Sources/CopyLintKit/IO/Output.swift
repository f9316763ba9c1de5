#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// Where the command line writes.
public protocol TextSink: AnyObject {
    func write(_ s: String)
    /// UTF-8 bytes (a report made as bytes is written without becoming a string first).
    func write(bytes: [UInt8])
    func flush()
    var isTerminal: Bool { get }
}

extension TextSink {
    public func write(bytes: [UInt8]) { write(String(decoding: bytes, as: UTF8.self)) }
}

/// A buffered writer to a file descriptor. A closed pipe (`copylint … | head -1`)
/// ends output quietly instead of killing the process.
public final class OutputStream: TextSink, @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []
    public private(set) var broken = false

    public init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    public static let stdout = OutputStream(fd: 1)
    public static let stderr = OutputStream(fd: 2)

    public func write(_ s: String) {
        guard !broken else { return }
        // A large report goes out straight from the string's storage, not through a copy in the buffer.
        if s.utf8.count >= 1 << 16 {
            flush()
            var s = s
            s.withUTF8 { send(UnsafeRawBufferPointer($0)) }
            return
        }
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func write(bytes: [UInt8]) {
        guard !broken else { return }
        if bytes.count >= 1 << 16 {
            flush()
            bytes.withUnsafeBytes { send($0) }
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !broken, !buffer.isEmpty else { buffer.removeAll(keepingCapacity: true); return }
        buffer.withUnsafeBytes { send($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func send(_ raw: UnsafeRawBufferPointer) {
        var written = 0
        while !broken, written < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                broken = true
                return
            }
            written += n
        }
    }

    public var isTerminal: Bool { isatty(fd) != 0 }
}

/// A sink that keeps what is written, for tests.
public final class StringSink: TextSink, @unchecked Sendable {
    public private(set) var text = ""
    public var isTerminal = false
    public init() {}
    public func write(_ s: String) { text += s }
    public func flush() {}
}
