import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// A JSON value to write. Objects keep their keys in insertion order unless sorted.
public indirect enum JSONOut: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONOut])
    case object([(String, JSONOut)])

    /// Serialises the value; keys sorted for deterministic output, two-space indentation when pretty.
    public func render(pretty: Bool = true, sortKeys: Bool = true) -> String {
        var out: [UInt8] = []
        write(into: &out, indent: 0, pretty: pretty, sortKeys: sortKeys)
        return String(decoding: out, as: UTF8.self)
    }

    /// Reports can hold tens of thousands of findings, so the writer appends UTF-8 bytes, not
    /// String pieces.
    private func write(into out: inout [UInt8], indent: Int, pretty: Bool, sortKeys: Bool) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .string(let s): JSONOut.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONOut.newline(indent + 1, into: &out) }
                item.write(into: &out, indent: indent + 1, pretty: pretty, sortKeys: sortKeys)
            }
            if pretty { JSONOut.newline(indent, into: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            let ordered = sortKeys ? members.sorted { $0.0 < $1.0 } : members
            out.append(UInt8(ascii: "{"))
            for (k, member) in ordered.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONOut.newline(indent + 1, into: &out) }
                JSONOut.escape(member.0, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                member.1.write(into: &out, indent: indent + 1, pretty: pretty, sortKeys: sortKeys)
            }
            if pretty { JSONOut.newline(indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(indent * 2) { out.append(UInt8(ascii: " ")) }
    }

    /// A JSON string literal. Escapes quotes, backslashes, control characters and U+2028/U+2029
    /// (which break JavaScript consumers); every other character is copied as UTF-8.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var pending = 0  // bytes of a lead E2 80 seen, to catch U+2028/U+2029
        for b in s.utf8 {
            if pending == 2, b == 0xA8 || b == 0xA9 {
                out.removeLast(2)
                out.append(contentsOf: (b == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                pending = 0
                continue
            }
            pending = b == 0xE2 ? 1 : (pending == 1 && b == 0x80 ? 2 : 0)
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case 0..<0x20: out.append(contentsOf: ("\\u" + String(b, radix: 16).leftPadded(4)).utf8)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// XML text and attribute escaping.
enum XML {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                // Characters XML 1.0 forbids are dropped.
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
