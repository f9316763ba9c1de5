import CopyLintBase

/// Bytes every match of a pack rule's pattern must contain, read from the pattern, so that a block
/// without them is never handed to ICU (which would build a string of the block, map its offsets and
/// try the pattern at every position, to find nothing). `(?<=\w)[ \t]+([,;:!?]|\.(?![.\w]))` needs a
/// space or tab followed by one of `,;:!?.`: nearly every English paragraph has none.
///
/// The reading is conservative: it takes the first element of the pattern that must match at least
/// once and is a set of ASCII bytes (a literal, an escape such as `\t`, a class of them), and the
/// first bytes of the element after it when that one must match too. A pattern it cannot read (an
/// alternation at the top, inline flags, a negated class, a case-insensitive letter, which ICU folds
/// beyond ASCII) has no prefilter and is always run.
struct RegexPrefilter: Equatable {
    /// Bytes of the first required element.
    let first: ByteSet
    /// First bytes of the element right after it, when that one is required.
    let next: ByteSet?

    /// A set of bytes.
    struct ByteSet: Equatable {
        var bits = BitSet(capacity: 256)
        mutating func insert(_ b: UInt8) { bits.insert(Int(b)) }
        mutating func formUnion(_ o: ByteSet) { bits.formUnion(o.bits) }
        @inline(__always) func contains(_ b: UInt8) -> Bool { bits.contains(Int(b)) }
        var isEmpty: Bool { bits.isEmpty }
    }

    /// One element of a pattern: what it consumes (its first bytes, when it is a group), how often.
    private struct Element {
        var set: ByteSet?          // nil: not a set of ASCII bytes this reading knows
        var whole = true           // the set is all the element consumes (a group's is only its first byte)
        var zeroWidth = false
        var min = 1
    }

    init?(_ pattern: String, ignoreCase: Bool) {
        let p = Array(pattern.unicodeScalars)
        // Quoted runs (\Q…\E) and inline flags anywhere ((?x) makes # a comment, (?i) folds case) change
        // what the characters after them mean: such a pattern is not read at all.
        for k in p.indices.dropLast() {
            if p[k] == "\\", p[k + 1] == "Q" { return nil }
            if p[k] == "(", p[k + 1] == "?", k + 2 < p.count, !":=!<".unicodeScalars.contains(p[k + 2]) { return nil }
        }
        guard let elements = Self.elements(p, ignoreCase: ignoreCase) else { return nil }
        let consuming = elements.filter { !$0.zeroWidth }
        guard let k = consuming.firstIndex(where: { $0.min >= 1 && $0.set != nil && !$0.set!.isEmpty }) else { return nil }
        let a = consuming[k]
        first = a.set!
        if a.whole, k + 1 < consuming.count, consuming[k + 1].min >= 1, let b = consuming[k + 1].set, !b.isEmpty {
            next = b
        } else {
            next = nil
        }
    }

    /// A match may lie in `r`: a byte of the first element there, right before a first byte of the
    /// next (the last byte of the first element's run, when it repeats).
    func mayMatch(_ b: UnsafeBufferPointer<UInt8>, _ r: SourceRange) -> Bool {
        guard let next else { return (r.start..<r.end).contains { first.contains(b[$0]) } }
        var j = r.start
        while j + 1 < r.end {
            if first.contains(b[j]), next.contains(b[j + 1]) { return true }
            j += 1
        }
        return false
    }

    // MARK: reading the pattern

    /// The top-level elements of `p`, or nil when the pattern is more than this reading follows.
    private static func elements(_ p: [Unicode.Scalar], ignoreCase: Bool) -> [Element]? {
        var out: [Element] = []
        var i = 0
        while i < p.count {
            var e = Element()
            let c = p[i]
            switch c {
            case "|": return nil   // an alternation at the top: no element is required
            case "^", "$":
                e.zeroWidth = true; i += 1
            case "(":
                guard let close = closing(p, from: i) else { return nil }
                let body = Array(p[(i + 1)..<close])
                if starts(body, "?=") || starts(body, "?!") || starts(body, "?<=") || starts(body, "?<!") {
                    e.zeroWidth = true
                } else {
                    var inner = body
                    if starts(body, "?:") {
                        inner = Array(body.dropFirst(2))
                    } else if starts(body, "?<"), let end = body.firstIndex(of: ">") {
                        inner = Array(body[(end + 1)...])   // a named group
                    } else if body.first == "?" {
                        return nil   // inline flags, atomic groups, comments
                    }
                    e.set = firstBytes(inner, ignoreCase: ignoreCase)
                    e.whole = false
                }
                i = close + 1
            case "[":
                guard let (set, end) = charClass(p, from: i, ignoreCase: ignoreCase) else { return nil }
                e.set = set
                i = end
            case "\\":
                guard i + 1 < p.count else { return nil }
                let d = p[i + 1]
                switch d {
                case "b", "B", "A", "z", "Z", "G": e.zeroWidth = true
                case "t": e.set = single(0x09)
                case "n": e.set = single(0x0A)
                case "r": e.set = single(0x0D)
                default:
                    if d.isASCII, !CharClass.isASCIILetter(d.value), !CharClass.isDigit(d.value) {
                        e.set = single(UInt8(d.value))   // an escaped mark: itself
                    } else if CharClass.isDigit(d.value) || "QEuUxNpPkc".unicodeScalars.contains(d) {
                        // A back reference, \p{…}, \x{…}, \u…, \U…: their own syntax runs on. Stop
                        // reading here, with what is known so far (nothing, if an alternation may follow).
                        if p[(i + 2)...].contains("|") { return nil }
                        return out + [Element(set: nil)]
                    } else {
                        e.set = nil   // \w, \d, \s, \h, \X …: not a set of ASCII bytes
                    }
                }
                i += 2
            case ".":
                e.set = nil; i += 1
            case "*", "+", "?", "{", ")":
                return nil   // a quantifier with nothing before it: not read
            default:
                e.set = literal(c, ignoreCase: ignoreCase)
                i += 1
            }
            if !e.zeroWidth { quantifier(p, &i, &e) } else if i < p.count, "*+?{".unicodeScalars.contains(p[i]) { return nil }
            out.append(e)
        }
        return out
    }

    private static func starts(_ body: [Unicode.Scalar], _ s: String) -> Bool {
        let prefix = Array(s.unicodeScalars)
        return body.count >= prefix.count && Array(body[0..<prefix.count]) == prefix
    }

    private static func single(_ b: UInt8) -> ByteSet {
        var s = ByteSet(); s.insert(b); return s
    }

    /// An ASCII character as itself; a letter only when case counts (ICU folds k to K and to the
    /// Kelvin sign), anything else unknown.
    private static func literal(_ c: Unicode.Scalar, ignoreCase: Bool) -> ByteSet? {
        guard c.isASCII, !(ignoreCase && CharClass.isASCIILetter(c.value)) else { return nil }
        return single(UInt8(c.value))
    }

    /// Reads `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (and a lazy or possessive mark after them).
    private static func quantifier(_ p: [Unicode.Scalar], _ i: inout Int, _ e: inout Element) {
        guard i < p.count else { return }
        switch p[i] {
        case "*": e.min = 0; i += 1
        case "+": i += 1
        case "?": e.min = 0; i += 1
        case "{":
            guard let end = p[i...].firstIndex(of: "}") else { e.set = nil; return }
            let inside = String(String.UnicodeScalarView(p[(i + 1)..<end]))
            let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
            guard let n = Int(parts.first ?? "") else { e.set = nil; i = end + 1; return }
            e.min = n
            i = end + 1
        default: return
        }
        if i < p.count, p[i] == "?" || p[i] == "+" { i += 1 }
    }

    /// The index of the `)` that closes the group opened at `open`, past escapes and classes.
    private static func closing(_ p: [Unicode.Scalar], from open: Int) -> Int? {
        var depth = 0, i = open
        while i < p.count {
            switch p[i] {
            case "\\": i += 1
            case "[":
                guard let (_, end) = charClass(p, from: i, ignoreCase: false) else { return nil }
                i = end - 1
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The bytes a class `[…]` at `open` matches and the index after it; nil when it is negated or
    /// holds what is not an ASCII character; nil for both when it holds a set of its own.
    private static func charClass(_ p: [Unicode.Scalar], from open: Int, ignoreCase: Bool) -> (ByteSet?, Int)? {
        var i = open + 1
        var set = ByteSet()
        var known = true
        if i < p.count, p[i] == "^" { known = false; i += 1 }
        // [:digit:] is a POSIX class: not read.
        if i < p.count, p[i] == ":" { return nil }
        var members: [UInt8] = []
        var first = true
        while i < p.count {
            let c = p[i]
            if c == "]" {
                if !first { break }
                known = false   // `[]…]`: read by engines in different ways
            }
            first = false
            // Nested sets, set operations (&&, --), POSIX names: not read, and their ends not sought.
            if c == "[" { return nil }
            if (c == "&" || c == "-"), i + 1 < p.count, p[i + 1] == c { known = false }
            var value: UInt8?
            if c == "\\", i + 1 < p.count {
                let d = p[i + 1]
                switch d {
                case "t": value = 0x09
                case "n": value = 0x0A
                case "r": value = 0x0D
                default:
                    if d.isASCII, !CharClass.isASCIILetter(d.value), !CharClass.isDigit(d.value) { value = UInt8(d.value) } else { known = false }
                }
                i += 2
            } else {
                if c.isASCII, !(ignoreCase && CharClass.isASCIILetter(c.value)) { value = UInt8(c.value) } else { known = false }
                i += 1
            }
            // A range a-z.
            if let lo = value, i + 1 < p.count, p[i] == "-", p[i + 1] != "]" {
                let h = p[i + 1]
                // A range ending on an escape or a set: where the class ends is not followed here.
                if h == "\\" || h == "[" { return nil }
                if h.isASCII, UInt8(h.value) >= lo {
                    let range = lo...UInt8(h.value)
                    // Without case, a range over letters takes in what ICU folds to them (K, ſ).
                    if ignoreCase, range.contains(where: { CharClass.isASCIILetter(UInt32($0)) }) { known = false }
                    for b in range { members.append(b) }
                } else { known = false }
                i += 2
                continue
            }
            if let v = value { members.append(v) }
        }
        guard i < p.count else { return nil }   // no closing ]
        for b in members { set.insert(b) }
        return (known ? set : nil, i + 1)
    }

    /// The first bytes of a group's body: the union of each alternative's first element, when every
    /// alternative starts with a required set this reading knows.
    private static func firstBytes(_ body: [Unicode.Scalar], ignoreCase: Bool) -> ByteSet? {
        var alternatives: [[Unicode.Scalar]] = [[]]
        var depth = 0, i = 0
        while i < body.count {
            let c = body[i]
            if c == "\\", i + 1 < body.count {
                alternatives[alternatives.count - 1] += [c, body[i + 1]]; i += 2; continue
            }
            if c == "[" {
                guard let (_, end) = charClass(body, from: i, ignoreCase: false) else { return nil }
                alternatives[alternatives.count - 1] += body[i..<end]; i = end; continue
            }
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if c == "|", depth == 0 { alternatives.append([]) } else { alternatives[alternatives.count - 1].append(c) }
            i += 1
        }
        var union = ByteSet()
        for alternative in alternatives {
            guard let elements = elements(alternative, ignoreCase: ignoreCase),
                  let head = elements.first(where: { !$0.zeroWidth }), head.min >= 1, let set = head.set, !set.isEmpty else { return nil }
            union.formUnion(set)
        }
        return union
    }
}
