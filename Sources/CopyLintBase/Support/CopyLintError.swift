import Foundation

/// An error that ends a run with exit code 2: usage, configuration or input.
public struct CopyLintError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// A file the error is about, with a 1-based position when one makes sense.
    public let path: String?
    public let position: Position?

    public init(_ message: String, path: String? = nil, position: Position? = nil) {
        self.message = message
        self.path = path
        self.position = position
    }

    /// `FILE:LINE:COL: error: …` for errors inside a file, `copylint: error: FILE: …` otherwise.
    /// Always one line: a line break or other control character quoted from the input (or in a
    /// file name) is shown escaped.
    public var description: String {
        let message = Self.oneLine(self.message), path = self.path.map(Self.oneLine)
        if let path, let position { return "\(path):\(position.line):\(position.column): error: \(message)" }
        if let path { return "copylint: error: \(path): \(message)" }
        return "copylint: error: \(message)"
    }

    package static func oneLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" }) else { return s }
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where ch.value < 0x20 || ch.value == 0x7F || ch == "\u{2028}" || ch == "\u{2029}" || ch == "\u{85}":
                out += "\\u{" + String(ch.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// ` (did you mean "x"?)` for the closest candidate, or an empty string.
public func didYouMean(_ word: String, _ candidates: [String]) -> String {
    nearest(word, candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
}

/// The candidate closest to `word` (a few edits away, or one a prefix of the other), if any.
func nearest(_ word: String, _ candidates: [String]) -> String? {
    let w = Array(word.lowercased().unicodeScalars.map(\.value))
    var best: (String, Int)?
    for c in candidates {
        let limit = max(2, w.count / 3)
        if let d = BoundedEditDistance.distance(w, Array(c.lowercased().unicodeScalars.map(\.value)), limit: limit),
           best == nil || d < best!.1 {
            best = (c, d)
        }
    }
    if best == nil, let prefix = candidates.first(where: { $0.hasPrefix(word) || word.hasPrefix($0) }), !word.isEmpty {
        best = (prefix, 0)
    }
    return best?.0
}

/// `didYouMean` for rule ids: a name without its pack (`half-width-punctuation`) is matched against
/// the ids' last part, so every pack's rule of that name is suggested; otherwise the nearest id or
/// nearest last part.
public func didYouMeanRule(_ word: String, _ ids: [String]) -> String {
    let short = word.split(separator: "/").last.map(String.init) ?? word
    let exact = ids.filter { $0 != word && $0.split(separator: "/").last.map(String.init) == short }
    if !exact.isEmpty {
        return " (did you mean " + exact.map { "\"\($0)\"" }.joined(separator: " or ") + "?)"
    }
    // The nearest id, else the id of the nearest last part.
    let lastParts = ids.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
    let id = nearest(word, ids) ?? nearest(short, lastParts).flatMap { part in lastParts.firstIndex(of: part).map { ids[$0] } }
    return id.map { " (did you mean \"\($0)\"?)" } ?? ""
}
