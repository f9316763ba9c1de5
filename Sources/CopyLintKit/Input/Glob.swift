import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// Shell-style globs for include/exclude: `*` (not across `/`), `**` (any folders),
/// `?`, `[abc]`, `[!abc]`. A pattern without `/` matches the file name alone.
public struct Glob: Sendable {
    public let pattern: String
    private let parts: [Character]
    private let matchesName: Bool

    public init(_ pattern: String) {
        var p = pattern
        if p.hasPrefix("./") { p.removeFirst(2) }
        if p.hasSuffix("/") { p += "**" }
        self.pattern = p
        parts = Array(p)
        matchesName = !p.contains("/")
    }

    /// `relativePath` uses `/` separators and is relative to the configuration's folder.
    public func matches(_ relativePath: String) -> Bool {
        if matchesName {
            let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
            if Glob.match(parts[...], Array(name)[...]) { return true }
            // "dir" also matches anything below a folder of that name.
            return relativePath.split(separator: "/").dropLast().contains { Glob.match(parts[...], Array($0)[...]) }
        }
        return Glob.match(parts[...], Array(relativePath)[...])
    }

    private static func match(_ p: ArraySlice<Character>, _ s: ArraySlice<Character>) -> Bool {
        var p = p, s = s
        while let c = p.first {
            switch c {
            case "*":
                if p.dropFirst().first == "*" {
                    // "**/" matches zero or more folders; "**" at the end matches everything.
                    var rest = p.dropFirst(2)
                    if rest.first == "/" { rest = rest.dropFirst() }
                    if rest.isEmpty { return true }
                    var t = s
                    while true {
                        if match(rest, t) { return true }
                        guard let slash = t.firstIndex(of: "/") else { return false }
                        t = t[(slash + 1)...]
                    }
                }
                let rest = p.dropFirst()
                var t = s
                while true {
                    if match(rest, t) { return true }
                    guard let f = t.first, f != "/" else { return false }
                    t = t.dropFirst()
                }
            case "?":
                guard let f = s.first, f != "/" else { return false }
                p = p.dropFirst(); s = s.dropFirst()
            case "[":
                guard let f = s.first, let close = p.dropFirst().firstIndex(of: "]") else { return false }
                var set = p[(p.startIndex + 1)..<close]
                let negate = set.first == "!" || set.first == "^"
                if negate { set = set.dropFirst() }
                var hit = false
                var items = Array(set)
                var k = 0
                while k < items.count {
                    if k + 2 < items.count, items[k + 1] == "-" {
                        if items[k] <= f && f <= items[k + 2] { hit = true }
                        k += 3
                    } else {
                        if items[k] == f { hit = true }
                        k += 1
                    }
                }
                items.removeAll()
                guard hit != negate else { return false }
                p = p[(close + 1)...]; s = s.dropFirst()
            default:
                guard s.first == c else { return false }
                p = p.dropFirst(); s = s.dropFirst()
            }
        }
        return s.isEmpty
    }
}
