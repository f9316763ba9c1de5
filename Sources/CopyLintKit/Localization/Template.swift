/// An English message with `{name}` placeholders, as a rule builds it (`paragraph repeats the one
/// first printed at line {line}`): it recognises a message the rule made and gives back the values
/// that filled the placeholders, so that the message can be said again in another language.
struct Template: Sendable {
    enum Part: Sendable, Equatable {
        case literal([UInt8])
        case slot(String)
    }

    let source: String
    let parts: [Part]

    init(_ source: String) {
        self.source = source
        parts = Self.parse(source)
    }

    /// The placeholder names, in order (a name may come twice).
    var slots: [String] { parts.compactMap { if case .slot(let n) = $0 { return n } else { return nil } } }

    /// Letters of literal text: of two templates that both fit a message, the one that says more is
    /// the one the rule used.
    var literalLength: Int { parts.reduce(0) { if case .literal(let b) = $1 { return $0 + b.count } else { return $0 } } }

    static func parse(_ s: String) -> [Part] {
        var parts: [Part] = []
        var literal: [UInt8] = []
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "}")), close > i + 1,
               bytes[(i + 1)..<close].allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) {
                if !literal.isEmpty { parts.append(.literal(literal)); literal = [] }
                parts.append(.slot(String(decoding: bytes[(i + 1)..<close], as: UTF8.self)))
                i = close + 1
            } else {
                literal.append(bytes[i])
                i += 1
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    /// The values of the placeholders when `message` is this template filled in; nil when it is not.
    /// Each placeholder takes at least one character; where a literal could follow at several
    /// places, every one is tried (the first fit wins), so a value may itself contain the literal.
    func match(_ message: String) -> [String: String]? {
        let m = Array(message.utf8)
        var values: [String: String] = [:]
        return fit(m, 0, 0, &values) ? values : nil
    }

    private func fit(_ m: [UInt8], _ part: Int, _ at: Int, _ values: inout [String: String]) -> Bool {
        guard part < parts.count else { return at == m.count }
        switch parts[part] {
        case .literal(let lit):
            guard at + lit.count <= m.count, m[at..<(at + lit.count)].elementsEqual(lit) else { return false }
            return fit(m, part + 1, at + lit.count, &values)
        case .slot(let name):
            // The value runs to where the next literal fits (or to the end, for a last placeholder).
            var end = at + 1
            while end <= m.count {
                if part + 1 < parts.count, case .literal(let next) = parts[part + 1] {
                    guard let found = Self.find(next, in: m, from: end) else { return false }
                    end = found
                } else if part + 1 == parts.count {
                    end = m.count
                }
                let value = String(decoding: m[at..<end], as: UTF8.self)
                if let earlier = values[name], earlier != value { end += 1; continue }
                let had = values[name]
                values[name] = value
                if fit(m, part + 1, end, &values) { return true }
                values[name] = had
                if part + 1 == parts.count { return false }
                end += 1
            }
            return false
        }
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, from + needle.count <= hay.count else { return needle.isEmpty ? from : nil }
        var i = from
        while i + needle.count <= hay.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// `text` with each `{name}` replaced by its value (a name without a value is left as written).
    static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var out = ""
        for part in parse(text) {
            switch part {
            case .literal(let b): out += String(decoding: b, as: UTF8.self)
            case .slot(let name): out += values[name] ?? "{\(name)}"
            }
        }
        return out
    }
}
