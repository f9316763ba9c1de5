/// Which regular expressions need watching while they match.
enum RegexRisk {
    /// Paragraphs longer than this (bytes) are watched whatever the pattern: even polynomial
    /// backtracking (`.*.*x`) is slow on them.
    static let longBlock = 4096

    /// True for patterns that can backtrack exponentially: a quantified group whose body has a
    /// quantifier or an alternation (`(a+)+`, `(\w+\s?)*`, `(a|ab)*`), or a backreference.
    static func canBacktrackBadly(_ pattern: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        var risky: [Bool] = []      // per open group: its body repeats or alternates
        var i = 0
        func quantifier(at k: Int) -> Bool { k < p.count && (p[k] == "+" || p[k] == "*" || p[k] == "{") }
        while i < p.count {
            let c = p[i]
            switch c {
            case "\\":
                if i + 1 < p.count, ("1"..."9").contains(p[i + 1]) { return true }
                i += 2
                continue
            case "[":
                // Skip a character class: nothing inside it is a quantifier.
                i += 1
                if i < p.count, p[i] == "^" { i += 1 }
                if i < p.count, p[i] == "]" { i += 1 }
                while i < p.count, p[i] != "]" { i += p[i] == "\\" ? 2 : 1 }
            case "(":
                risky.append(false)
            case ")":
                let body = risky.popLast() ?? false
                if body, quantifier(at: i + 1) { return true }
                // A group nested in another is part of that one's body.
                if body || quantifier(at: i + 1), !risky.isEmpty { risky[risky.count - 1] = true }
            case "+", "*", "{", "|":
                if !risky.isEmpty { risky[risky.count - 1] = true }
            default:
                break
            }
            i += 1
        }
        return false
    }
}
