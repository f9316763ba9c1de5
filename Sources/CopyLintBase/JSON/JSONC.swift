/// A JSON value with the byte offset where it starts, parsed from JSON that may carry
/// `//` and `/* */` comments and trailing commas (the `.lintrc` dialect).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double, isInteger: Bool)
    case string(String)
    case array([JSONNode])
    case object([(key: String, keyOffset: Int, value: JSONNode)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a, _), .number(b, _)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a.map(\.value) == b.map(\.value)
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value.value == $1.value.value }
        default: return false
        }
    }

    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(_, let isInteger): return isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

public struct JSONNode: Sendable, Equatable {
    public let value: JSONValue
    /// Byte offset of the value's first character in the parsed text.
    public let offset: Int

    public subscript(key: String) -> JSONNode? {
        if case .object(let members) = value { return members.last(where: { $0.key == key })?.value }
        return nil
    }
}

public struct JSONParseError: Error, Sendable {
    public let message: String
    public let offset: Int
}

/// A small recursive-descent parser over UTF-8 bytes.
public struct JSONCParser {
    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0
    public let allowsComments: Bool

    public init(_ bytes: [UInt8], allowsComments: Bool = true) {
        var b = bytes
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { b = Array(b[3...]) }
        self.bytes = b
        self.allowsComments = allowsComments
    }

    public static func parse(_ bytes: [UInt8], allowsComments: Bool = true) throws(JSONParseError) -> JSONNode {
        var p = JSONCParser(bytes, allowsComments: allowsComments)
        let node = try p.value()
        try p.skip()
        if p.i < p.bytes.count { throw JSONParseError(message: "unexpected text after the end of the JSON value", offset: p.i) }
        return node
    }

    private mutating func skip() throws(JSONParseError) {
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                i += 1
            } else if allowsComments, b == 0x2F, i + 1 < bytes.count, bytes[i + 1] == 0x2F {
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
            } else if allowsComments, b == 0x2F, i + 1 < bytes.count, bytes[i + 1] == 0x2A {
                let start = i
                i += 2
                while i + 1 < bytes.count, !(bytes[i] == 0x2A && bytes[i + 1] == 0x2F) { i += 1 }
                if i + 1 >= bytes.count { throw JSONParseError(message: "unterminated /* comment", offset: start) }
                i += 2
            } else {
                return
            }
        }
    }

    private mutating func value() throws(JSONParseError) -> JSONNode {
        try skip()
        guard i < bytes.count else { throw JSONParseError(message: "unexpected end of file, expected a value", offset: i) }
        let start = i
        depth += 1
        defer { depth -= 1 }
        if depth > 200 { throw JSONParseError(message: "nesting too deep", offset: i) }
        switch bytes[i] {
        case 0x7B: return JSONNode(value: try object(), offset: start)
        case 0x5B: return JSONNode(value: try array(), offset: start)
        case 0x22: return JSONNode(value: .string(try string()), offset: start)
        case 0x74: try literal("true"); return JSONNode(value: .bool(true), offset: start)
        case 0x66: try literal("false"); return JSONNode(value: .bool(false), offset: start)
        case 0x6E: try literal("null"); return JSONNode(value: .null, offset: start)
        case 0x2D, 0x30...0x39: return JSONNode(value: try number(), offset: start)
        default:
            throw JSONParseError(message: "unexpected character '\(Self.describe(bytes, at: i))', expected a value", offset: i)
        }
    }

    package static func describe(_ bytes: [UInt8], at i: Int) -> String {
        let (cp, _) = UTF8Scalar.decode(bytes, at: i)
        return Unicode.Scalar(cp).map { String(Character($0)) } ?? "?"
    }

    private mutating func literal(_ word: String) throws(JSONParseError) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
            throw JSONParseError(message: "unexpected character '\(Self.describe(bytes, at: i))', expected a value", offset: i)
        }
        i += w.count
    }

    private mutating func number() throws(JSONParseError) -> JSONValue {
        let start = i
        var isInteger = true
        if bytes[i] == 0x2D { i += 1 }
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                i += 1
            } else if b == 0x2E || b == 0x65 || b == 0x45 || ((b == 0x2B || b == 0x2D) && (bytes[i - 1] == 0x65 || bytes[i - 1] == 0x45)) {
                isInteger = false
                i += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let d = Double(text) else { throw JSONParseError(message: "invalid number '\(text)'", offset: start) }
        return .number(d, isInteger: isInteger)
    }

    private mutating func string() throws(JSONParseError) -> String {
        let start = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw JSONParseError(message: "unterminated string", offset: start) }
            let b = bytes[i]
            if b == 0x22 { i += 1; break }
            if b == 0x0A || b == 0x0D { throw JSONParseError(message: "line break inside a string", offset: i) }
            if b == 0x5C {
                guard i + 1 < bytes.count else { throw JSONParseError(message: "unterminated string", offset: start) }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x2F: out.append(0x2F)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    var cp = try hex4()
                    if cp >= 0xD800, cp < 0xDC00, i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 {
                        i += 2
                        let lo = try hex4()
                        guard lo >= 0xDC00, lo < 0xE000 else { throw JSONParseError(message: "invalid surrogate pair", offset: i - 6) }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    if cp >= 0xD800, cp < 0xE000 { throw JSONParseError(message: "lone surrogate in \\u escape", offset: i - 6) }
                    UTF8Scalar.encode(cp, into: &out)
                default:
                    throw JSONParseError(message: "invalid escape '\\\(Self.describe(bytes, at: i - 1))'", offset: i - 2)
                }
                continue
            }
            out.append(b)
            i += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw JSONParseError(message: "string is not valid UTF-8", offset: start)
        }
        return s
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
            throw JSONParseError(message: "invalid \\u escape", offset: i)
        }
        i += 4
        return v
    }

    private mutating func array() throws(JSONParseError) -> JSONValue {
        i += 1
        var items: [JSONNode] = []
        while true {
            try skip()
            guard i < bytes.count else { throw JSONParseError(message: "unexpected end of file, expected ']'", offset: i) }
            if bytes[i] == 0x5D { i += 1; return .array(items) }
            items.append(try value())
            try skip()
            guard i < bytes.count else { throw JSONParseError(message: "unexpected end of file, expected ']'", offset: i) }
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x5D { i += 1; return .array(items) }
            throw JSONParseError(message: "expected ',' or ']' but found '\(Self.describe(bytes, at: i))'", offset: i)
        }
    }

    private mutating func object() throws(JSONParseError) -> JSONValue {
        i += 1
        var members: [(key: String, keyOffset: Int, value: JSONNode)] = []
        while true {
            try skip()
            guard i < bytes.count else { throw JSONParseError(message: "unexpected end of file, expected '}'", offset: i) }
            if bytes[i] == 0x7D { i += 1; return .object(members) }
            guard bytes[i] == 0x22 else {
                throw JSONParseError(message: "expected a quoted key but found '\(Self.describe(bytes, at: i))'", offset: i)
            }
            let keyOffset = i
            let key = try string()
            try skip()
            guard i < bytes.count, bytes[i] == 0x3A else { throw JSONParseError(message: "expected ':' after key \"\(key)\"", offset: i) }
            i += 1
            let v = try value()
            members.append((key, keyOffset, v))
            try skip()
            guard i < bytes.count else { throw JSONParseError(message: "unexpected end of file, expected '}'", offset: i) }
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x7D { i += 1; return .object(members) }
            throw JSONParseError(message: "expected ',' or '}' but found '\(Self.describe(bytes, at: i))'", offset: i)
        }
    }
}
