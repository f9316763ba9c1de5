import Foundation

/// Runs one declarative rule. Literal word lists compile to one Aho–Corasick automaton;
/// patterns to regular expressions compiled once.
public struct PackChecker: RuleChecker, @unchecked Sendable {
    public let spec: PackRuleSpec
    /// A value made on first use, once, whichever thread asks first.
    private final class Lazy<Value>: @unchecked Sendable {
        private let make: () -> Value
        private let lock = NSLock()
        private var made: Value?
        init(_ make: @escaping () -> Value) { self.make = make }
        var value: Value {
            lock.lock(); defer { lock.unlock() }
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
    /// The word list and, built on first use, its automaton: when the engine matches the list in its
    /// shared pass, never.
    private let literalPatterns: [[UInt8]]
    private let literals: Lazy<AhoCorasick>?
    /// Compiled on first use: a rule that never meets copy in its language never pays for ICU.
    private let lazyRegexes: Lazy<[(regex: NSRegularExpression, risky: Bool)]>
    private var regexes: [(regex: NSRegularExpression, risky: Bool)] { lazyRegexes.value }
    private let exceptionSet: Set<String>
    private let exceptionMatcher: AhoCorasick?
    /// The only words a repetition rule checks, lower-cased (empty: every word).
    private let onlyWords: Set<String>
    /// The run's time budget (regular expressions are the one cost a pack author controls).
    private var budget: TimeBudget?
    /// Matches of `literals` found by the engine's shared pass over every block, in order (ends never decrease).
    private var precomputed: [AhoCorasick.Match]?
    /// Word repetition compares two ASCII words in place, making strings only of a pair that is the
    /// same word (off only to test that it changes nothing).
    var comparesWordsInPlace = true

    /// The word list, when the engine may match it together with other rules' lists in one pass
    /// over the copy (rules that match whole blocks).
    public var sharedLiterals: (patterns: [[UInt8]], ignoreCase: Bool)? {
        guard literals != nil, [.existence, .substitution, .consistency].contains(spec.kind) else { return nil }
        return (literalPatterns, spec.ignoreCase)
    }

    /// Doubled characters and paired marks read every character of the copy; word lists share one pass.
    public var relativeCost: Int {
        switch spec.kind {
        case .repetition: return 3
        case .pair: return 2
        default: return 1
        }
    }

    /// The check, with the matches of `sharedLiterals` in every block already found, in order.
    public func check(_ document: Document, budget: TimeBudget, literalMatches: [AhoCorasick.Match]) -> [Finding] {
        var given = self
        given.precomputed = literalMatches
        return given.check(document, budget: budget)
    }

    public init(_ spec: PackRuleSpec) {
        self.spec = spec
        var words: [String] = []
        switch spec.kind {
        case .existence: words = spec.tokens
        case .substitution: words = spec.swap.map(\.0)
        case .occurrence: words = spec.tokens
        case .consistency: words = spec.groups.flatMap { $0.flatMap(Self.alternatives) }
        case .repetition, .pair: words = []   // repetition's tokens restrict the words checked
        }
        let patterns = words.map { Array($0.utf8) }
        literalPatterns = patterns
        literals = words.isEmpty ? nil : Lazy { AhoCorasick(patterns, ignoreASCIICase: spec.ignoreCase) }
        let options: NSRegularExpression.Options = spec.ignoreCase ? [.caseInsensitive] : []
        lazyRegexes = Lazy {
            spec.patterns.compactMap { p in
                (try? NSRegularExpression(pattern: p, options: options)).map { ($0, RegexRisk.canBacktrackBadly(p)) }
            }
        }
        exceptionSet = Set(spec.exceptions.map { spec.ignoreCase ? $0.lowercased() : $0 })
        onlyWords = spec.kind == .repetition ? Set(spec.tokens.map { $0.lowercased() }) : []
        exceptionMatcher = spec.exceptions.isEmpty || spec.kind == .repetition ? nil
            : AhoCorasick(spec.exceptions.map { Array($0.utf8) }, ignoreASCIICase: spec.ignoreCase)
    }

    /// "“|”": the spellings that count as one form.
    static func alternatives(_ variant: String) -> [String] {
        variant.split(separator: "|").map(String.init)
    }

    public func check(_ document: Document, budget: TimeBudget) -> [Finding] {
        var bounded = self
        bounded.budget = budget
        return bounded.check(document)
    }

    public func check(_ document: Document) -> [Finding] {
        guard spec.language.applies(to: document) else { return [] }
        let bytes = document.bytes
        // The blocks in scope, read in place (a filtered copy of a large file's blocks costs tens of MB).
        // A rule that accepts matches only next to Han skips blocks the parser found without any.
        let needsHan = spec.context.needsHan
        let inScope = document.blocks.indices.lazy
            .filter { spec.scope.includes(document.blocks[$0].kind) && !(needsHan && document.scripts(of: $0)?.han == 0) }
        let blocks = inScope.map { document.blocks[$0] }
        if let precomputed, spec.patterns.isEmpty, spec.kind == .existence || spec.kind == .substitution {
            // Only word-list matches can be found, and they are known: visit only the blocks that hold one.
            return withMatches(document.blocks, precomputed) { block in
                spec.kind == .existence ? existence(block, bytes) : substitution(block, bytes)
            }
        }
        switch spec.kind {
        case .existence: return blocks.flatMap { existence($0, bytes) }
        case .substitution: return blocks.flatMap { substitution($0, bytes) }
        case .repetition:
            // A giant block is read in windows ending at sentence stops (a doubling never spans one).
            // A doubled character needs two Han characters: blocks the parser found with fewer are skipped.
            var found: [Finding] = []
            for k in inScope {
                if spec.unit == "char", let scripts = document.scripts(of: k), scripts.han < 2 { continue }
                let block = document.blocks[k]
                if block.textRange.length <= TextWindows.giant {
                    found += repetition(block, block.textRange, bytes)
                } else {
                    for window in TextWindows.split(bytes, block.textRange) { found += repetition(block, window, bytes) }
                }
            }
            return found
        case .occurrence: return blocks.flatMap { occurrence($0, bytes) }
        case .consistency: return consistency(blocks, bytes)
        case .pair: return pair(document, bytes)
        }
    }

    /// The findings of `body` for each block in scope that holds one of `matches` (matches in block
    /// order, by end within a block): one walk over blocks and matches together.
    private func withMatches(_ blocks: [Block], _ matches: [AhoCorasick.Match], _ body: (Block) -> [Finding]) -> [Finding] {
        var out: [Finding] = []
        var cursor = 0
        for block in blocks {
            guard cursor < matches.count else { break }
            let r = block.textRange
            // Matches of earlier blocks (out of scope ones included) are passed over.
            while cursor < matches.count, matches[cursor].end <= r.start { cursor += 1 }
            guard cursor < matches.count, matches[cursor].end <= r.end, spec.scope.includes(block.kind) else { continue }
            out += body(block)
        }
        return out
    }

    // MARK: - messages

    private func message(_ values: [String: String]) -> String {
        var out = spec.message
        for (k, v) in values { out = out.replacingOccurrences(of: "{\(k)}", with: v) }
        return out
    }

    private func text(_ bytes: [UInt8], _ r: SourceRange) -> String { String(decoding: bytes[r.start..<r.end], as: UTF8.self) }

    // MARK: - matching helpers

    /// Literal matches that pass the word-boundary, context and exception tests.
    private func literalMatches(_ block: Block, _ bytes: [UInt8]) -> [(pattern: Int, range: SourceRange)] {
        guard let literals else { return [] }
        let found = precomputed.map { AhoCorasick.leftmostLongest(Self.within(block.textRange, $0), from: block.textRange.start) }
            ?? literals.value.nonOverlappingMatches(in: bytes, range: block.textRange)
        guard !found.isEmpty else { return [] }
        let excepted = exceptionRanges(block, bytes)
        return found.compactMap { m in
            let r = SourceRange(m.start, m.end)
            guard accepts(r, bytes, within: block.textRange), !excepted.contains(where: { $0.start <= r.start && r.end <= $0.end }) else { return nil }
            return (m.pattern, r)
        }
    }

    /// The matches inside `range`, from matches in order of their ends (a binary search, then a short walk).
    static func within(_ range: SourceRange, _ matches: [AhoCorasick.Match]) -> [AhoCorasick.Match] {
        var lo = 0, hi = matches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if matches[mid].end <= range.start { lo = mid + 1 } else { hi = mid }
        }
        var out: [AhoCorasick.Match] = []
        var k = lo
        while k < matches.count, matches[k].end <= range.end {
            if matches[k].start >= range.start { out.append(matches[k]) }
            k += 1
        }
        return out
    }

    private func regexMatches(_ block: Block, _ bytes: [UInt8]) -> [SourceRange] {
        regexMatchesWithReplacement(block, bytes).map(\.0)
    }

    /// Regex matches, each with the replacement template applied when the rule has one.
    private func regexMatchesWithReplacement(_ block: Block, _ bytes: [UInt8]) -> [(SourceRange, String?)] {
        guard !spec.patterns.isEmpty else { return [] }
        let string = text(bytes, block.textRange)
        let ns = string as NSString
        // UTF-16 offset -> byte offset, built once for the block.
        var map = [Int](repeating: 0, count: ns.length + 1)
        var u16 = 0, b = block.textRange.start
        for scalar in string.unicodeScalars {
            let width = scalar.value > 0xFFFF ? 2 : 1
            for k in 0..<width { map[u16 + k] = b }
            u16 += width
            b += UTF8.width(scalar)
        }
        map[u16] = b
        let excepted = exceptionRanges(block, bytes)
        var out: [(SourceRange, String?)] = []
        let budget = self.budget
        if budget?.stoppedBecause != nil { return [] }
        for (regex, risky) in regexes {
            if let budget, budget.expired {
                budget.stop("the pattern /\(regex.pattern)/ took too long", at: block.textRange.start)
                return []
            }
            // A pattern that can backtrack badly, or a very long paragraph, is matched with ICU's
            // progress callbacks so that the budget can stop it mid-match (they cost ~7% of a run,
            // so ordinary patterns on ordinary paragraphs go without).
            let watch = budget != nil && (risky || block.textRange.length > RegexRisk.longBlock)
            regex.enumerateMatches(in: string, options: watch ? [.reportProgress] : [],
                                   range: NSRange(location: 0, length: ns.length)) { m, _, stop in
                guard let m else {
                    if let budget, budget.expired {
                        budget.stop("the pattern /\(regex.pattern)/ took too long on this paragraph", at: block.textRange.start)
                        stop.pointee = true
                    }
                    return
                }
                let r = SourceRange(map[m.range.location], map[m.range.location + m.range.length])
                guard accepts(r, bytes, within: block.textRange), !excepted.contains(where: { $0.start <= r.start && r.end <= $0.end }) else { return }
                let replaced = spec.replacement.map { regex.replacementString(for: m, in: string, offset: 0, template: $0) }
                out.append((r, replaced))
            }
            if budget?.stoppedBecause != nil { return [] }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    private func exceptionRanges(_ block: Block, _ bytes: [UInt8]) -> [SourceRange] {
        guard let exceptionMatcher else { return [] }
        return exceptionMatcher.matches(in: bytes, range: block.textRange).map { SourceRange($0.start, $0.end) }
    }

    /// Word boundaries for Latin tokens, and the Han context a literal asks for.
    private func accepts(_ r: SourceRange, _ bytes: [UInt8], within block: SourceRange) -> Bool {
        let before: UInt32? = r.start > block.start ? UTF8Scalar.decode(bytes, at: UTF8Scalar.previous(bytes, before: r.start)).scalar : nil
        let after: UInt32? = r.end < block.end ? UTF8Scalar.decode(bytes, at: r.end).scalar : nil
        if spec.wordBoundary {
            if let c = before, CharClass.isAlphabetic(c) || CharClass.isDigit(c) { return false }
            if let c = after, CharClass.isAlphabetic(c) || CharClass.isDigit(c) { return false }
        }
        let hanBefore = before.map(CharClass.isHan) ?? false
        let hanAfter = after.map(CharClass.isHan) ?? false
        switch spec.context {
        case .none: return true
        case .hanBefore: return hanBefore
        case .hanAfter: return hanAfter
        case .hanEither: return hanBefore || hanAfter
        case .hanBoth: return hanBefore && hanAfter
        }
    }

    // MARK: - kinds

    private func existence(_ block: Block, _ bytes: [UInt8]) -> [Finding] {
        var findings = literalMatches(block, bytes).map { m -> Finding in
            let found = text(bytes, m.range)
            let fix = spec.replacement.map { r in
                Fix(title: r.isEmpty ? "delete '\(found)'" : "replace '\(found)' with '\(r)'",
                    edits: [TextEdit(range: m.range, replacement: r)], applicability: spec.fixSafety)
            }
            return Finding(range: m.range, message: message(["match": found]), fix: fix)
        }
        for (r, fixed) in regexMatchesWithReplacement(block, bytes) {
            let found = text(bytes, r)
            let fix = fixed.map { new in
                Fix(title: new.isEmpty ? "delete '\(found)'" : "replace '\(found)' with '\(new)'",
                    edits: [TextEdit(range: r, replacement: new)], applicability: spec.fixSafety)
            }
            findings.append(Finding(range: r, message: message(["match": found]), fix: fix))
        }
        // Two patterns may find the same stretch: report it once.
        var last: SourceRange?
        return findings.sorted { $0.range < $1.range }.filter { f in
            defer { last = f.range }
            return f.range != last
        }
    }

    private func substitution(_ block: Block, _ bytes: [UInt8]) -> [Finding] {
        literalMatches(block, bytes).map { m in
            let found = text(bytes, m.range)
            let right = spec.swap[m.pattern].1
            return Finding(range: m.range, message: message(["match": found, "replacement": right]),
                           fix: Fix(title: "replace '\(found)' with '\(right)'", edits: [TextEdit(range: m.range, replacement: right)],
                                    applicability: spec.fixSafety))
        }
    }

    private func repetition(_ block: Block, _ window: SourceRange, _ bytes: [UInt8]) -> [Finding] {
        if spec.unit == "char" {
            // Only the places where the bytes show a doubled Han character are decoded, each with a few
            // characters either side (what the checks look at), not the whole block.
            return Self.doubledHanCharacters(bytes, window).compactMap { at in
                var lo = at, before = 0
                while lo > window.start, before < Self.doublingContext {
                    lo -= 1
                    while lo > window.start, bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
                    before += 1
                }
                var hi = at + 2 * (bytes[at] >= 0xF0 ? 4 : 3), after = 0
                while hi < window.end, after < Self.doublingContext {
                    hi += UTF8Scalar.decode(bytes, at: hi).length
                    after += 1
                }
                return doubledCharacter(ScalarText(bytes, SourceRange(lo, min(hi, window.end))), at: before + 1)
            }
        }
        let t = ScalarText(bytes, window)
        let s = t.scalars
        var out: [Finding] = []
        // Words: letters and apostrophes, compared without case.
        var words: [(start: Int, end: Int, ascii: Bool)] = []
        var k = 0
        while k < s.count {
            guard CharClass.isAlphabetic(s[k]) else { k += 1; continue }
            var e = k
            var ascii = true
            while e < s.count, CharClass.isAlphabetic(s[e]) || s[e] == 0x27 || s[e] == 0x2019 {
                if s[e] >= 0x80 { ascii = false }
                e += 1
            }
            words.append((k, e, ascii))
            k = e
        }
        for w in 1..<max(1, words.count) {
            let a = words[w - 1], b = words[w]
            // Two ASCII words (letters and ') are the same word when their letters are, but for case;
            // a word with any other letter is compared as Unicode compares strings (K, the Kelvin sign,
            // lower-cases to k).
            if comparesWordsInPlace, a.ascii, b.ascii {
                guard a.end - a.start == b.end - b.start,
                      (0..<(a.end - a.start)).allSatisfy({ s[a.start + $0] | 0x20 == s[b.start + $0] | 0x20 }) else { continue }
            }
            let text = t.string(a.start, a.end).lowercased()
            guard text == t.string(b.start, b.end).lowercased(), !exceptionSet.contains(text), onlyWords.isEmpty || onlyWords.contains(text) else { continue }
            // Only white space between them: "the the", not "that, that".
            guard (a.end..<b.start).allSatisfy({ CharClass.isSpace(s[$0]) }) else { continue }
            out.append(Finding(range: t.range(a.start, b.end), message: message(["match": t.string(b.start, b.end)]),
                               fix: Fix(title: "delete the second '\(t.string(b.start, b.end))'",
                                        edits: [TextEdit(range: t.range(a.end, b.end), replacement: "")], applicability: spec.fixSafety)))
        }
        return out
    }

    /// Characters read either side of a doubled one: the checks below look at most five away.
    static let doublingContext = 6

    /// The doubled character whose second half is scalar `i` of `t` (the same character as `i - 1`,
    /// and Han), unless the doubling is a natural one.
    private func doubledCharacter(_ t: ScalarText, at i: Int) -> Finding? {
        let s = t.scalars
        // AABB (干干净净, 三三两两) and ABB (绿油油) forms are reduplication, not a slip.
        let pairBefore = i >= 3 && s[i - 2] == s[i - 3] && CharClass.isHan(s[i - 2])
        let pairAfter = i + 2 < s.count && s[i + 1] == s[i + 2] && CharClass.isHan(s[i + 1])
        if pairBefore || pairAfter { return nil }
        if i + 1 < s.count, s[i + 1] == s[i] { return nil }   // three in a row: quoted sounds, 哈哈哈
        let doubled = t.string(i - 1, i + 1)
        if exceptionSet.contains(doubled) { return nil }
        if spec.allowLexiconWords, knownDoubling(s, at: i) { return nil }
        return Finding(range: t.range(i - 1, i + 1), message: message(["match": doubled]),
                       fix: Fix(title: "delete the second '\(t.string(i, i + 1))'",
                                edits: [TextEdit(range: t.range(i, i + 1), replacement: "")], applicability: spec.fixSafety))
    }

    /// The byte offsets of every doubled Han character in `r` (two identical characters in a row), in
    /// order. Six starting places are tested at once for three-byte characters (all of common Chinese):
    /// a byte equal to the one three places on is a zero byte of the XOR, and a doubling needs three
    /// such bytes in a row (the test may say yes wrongly, never no wrongly; a yes is settled byte by
    /// byte). A lead byte is never a continuation byte, so a match at any offset starts a character.
    /// Four-byte characters (𠮷) are looked for only where the same words show one.
    static func doubledHanCharacters(_ bytes: [UInt8], _ r: SourceRange) -> [Int] {
        var found: [Int] = []
        var fourByte = false
        bytes.withUnsafeBufferPointer { b in
            @inline(__always) func check(_ k: Int) {
                let lead = b[k]
                if lead >= 0xE0 && lead < 0xF0, b[k + 3] == lead, b[k + 4] == b[k + 1], b[k + 5] == b[k + 2],
                   CharClass.isHan(UTF8Scalar.decode3(b, at: k)) {
                    found.append(k)
                }
            }
            var i = r.start
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let nibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
            while i + 11 <= r.end {
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let x = w ^ UnsafeRawPointer(b.baseAddress! + i + 3).loadUnaligned(as: UInt64.self)
                let zero = (x &- ones) & ~x & highs
                if zero & (zero >> 8) & (zero >> 16) != 0 {
                    for k in i..<(i + 6) { check(k) }
                }
                // A byte F0–FF (a four-byte lead) is a zero byte of (w & F0…) ^ F0….
                let f = (w & nibbles) ^ nibbles
                if (f &- ones) & ~f & highs != 0 { fourByte = true }
                i += 6
            }
            while i + 6 <= r.end {
                check(i)
                i += 1
            }
            guard fourByte || (max(r.start, r.end - 11)..<r.end).contains(where: { b[$0] >= 0xF0 }) else { return }
            var k = r.start
            var astral: [Int] = []
            while k + 8 <= r.end {
                if b[k] >= 0xF0, b[k + 4] == b[k], b[k + 5] == b[k + 1], b[k + 6] == b[k + 2], b[k + 7] == b[k + 3],
                   CharClass.isHan(UTF8Scalar.decode(b, at: k).scalar) {
                    astral.append(k)
                }
                k += 1
            }
            if !astral.isEmpty { found = (found + astral).sorted() }
        }
        return found
    }

    /// The doubling reads naturally: 常常 and 仅仅是 are words in the list, in 共和国国徽 or
    /// 工作作出 the pair straddles two words, and 一棵棵 doubles a measure word. A slip leaves
    /// both halves as stray single characters (低低五度 reads 低|低|五度).
    private func knownDoubling(_ s: [UInt32], at i: Int) -> Bool {
        let lo = max(0, i - 5), hi = min(s.count, i + 5)
        var window: [UInt32] = []
        var k = lo
        // Only the run of Chinese characters around the pair.
        var start = i - 1
        while start > lo, CharClass.isHan(s[start - 1]) { start -= 1 }
        var end = i + 1
        while end < hi, CharClass.isHan(s[end]) { end += 1 }
        k = start
        while k < end { window.append(s[k]); k += 1 }
        let first = i - 1 - start
        var endsBefore = false, startsAfter = false
        for token in ChineseLexicon.segment(window) {
            let tokenEnd = token.start + token.length
            // The pair inside one word: 常常, 仅仅是.
            if token.start <= first, first + 2 <= tokenEnd, token.length >= 2 { return true }
            // The pair straddles two words: 共和国|国徽, 体育局|局长, 学习|习惯.
            if tokenEnd == first + 1, token.length >= 2 { endsBefore = true }
            if token.start == first + 1, token.length >= 2 { startsAfter = true }
        }
        // 一棵棵, 一趟趟: a numeral and a doubled measure word.
        let numeral = first > 0 && window[first - 1] == 0x4E00
        return endsBefore || startsAfter || numeral
    }

    private func occurrence(_ block: Block, _ bytes: [UInt8]) -> [Finding] {
        let units: [SourceRange] = spec.scope == .sentence ? Self.sentences(block, bytes) : [block.textRange]
        var out: [Finding] = []
        for unit in units {
            let count: Int
            if spec.count == "characters" {
                count = ScalarText(bytes, unit).scalars.filter { !CharClass.isSpace($0) }.count
            } else {
                let inUnit = Block(kind: block.kind, range: unit, textRange: unit, firstLine: block.firstLine, lastLine: block.lastLine,
                                   headingLevel: block.headingLevel, blankLinesBefore: 0)
                count = literalMatches(inUnit, bytes).count + regexMatches(inUnit, bytes).count
            }
            if count > spec.max {
                out.append(Finding(range: unit, message: message(["count": String(count), "max": String(spec.max)])))
            }
        }
        return out
    }

    /// Sentences of running text: up to and including 。！？!? (and . followed by a space).
    static func sentences(_ block: Block, _ bytes: [UInt8]) -> [SourceRange] {
        let t = ScalarText(bytes, block.textRange)
        var out: [SourceRange] = []
        var start = 0
        var k = 0
        while k < t.count {
            let c = t.scalars[k]
            let ends = c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x21 || c == 0x3F
                || (c == 0x2E && (k + 1 == t.count || t.scalars[k + 1] == 0x20))
            k += 1
            if ends {
                // Closing quotes stay with their sentence.
                while k < t.count, t.scalars[k] == 0x201D || t.scalars[k] == 0x300D || t.scalars[k] == 0x22 { k += 1 }
                out.append(t.range(start, k))
                while k < t.count, CharClass.isSpace(t.scalars[k]) { k += 1 }
                start = k
            }
        }
        if start < t.count { out.append(t.range(start, t.count)) }
        return out
    }

    private func consistency(_ blocks: some Sequence<Block>, _ bytes: [UInt8]) -> [Finding] {
        // Which group and variant each literal belongs to.
        var owner: [(group: Int, variant: Int)] = []
        for (g, group) in spec.groups.enumerated() {
            for (v, variant) in group.enumerated() { for _ in Self.alternatives(variant) { owner.append((g, v)) } }
        }
        var seen: [[(range: SourceRange, variant: Int)]] = Array(repeating: [], count: spec.groups.count)
        for block in blocks {
            for m in literalMatches(block, bytes) {
                let o = owner[m.pattern]
                seen[o.group].append((m.range, o.variant))
            }
        }
        var out: [Finding] = []
        for (g, uses) in seen.enumerated() {
            var counts: [Int: Int] = [:]
            for u in uses { counts[u.variant, default: 0] += 1 }
            guard counts.count > 1 else { continue }
            // The form used most (first used, on a tie) is the document's choice.
            let firstUse = Dictionary(uses.enumerated().map { ($0.element.variant, $0.offset) }, uniquingKeysWith: { a, _ in a })
            let norm = counts.keys.max { a, b in counts[a]! != counts[b]! ? counts[a]! < counts[b]! : firstUse[a]! > firstUse[b]! }!
            let expectedForms = Self.alternatives(spec.groups[g][norm])
            let expected = expectedForms.joined(separator: " ")
            for u in uses where u.variant != norm {
                let found = text(bytes, u.range)
                // A one-spelling form can replace the other; paired forms (“ ”) need an editor.
                let fix = expectedForms.count == 1
                    ? Fix(title: "use '\(expected)'", edits: [TextEdit(range: u.range, replacement: expected)], applicability: spec.fixSafety)
                    : nil
                out.append(Finding(range: u.range, message: message(["match": found, "expected": expected]), fix: fix))
            }
        }
        return out
    }

    private func pair(_ document: Document, _ bytes: [UInt8]) -> [Finding] {
        // Marks are single characters (“ ” 《 》 「 」): compare scalars, no allocation per character.
        let opens = spec.pairs.map { $0.0.unicodeScalars.first!.value }
        let closes = spec.pairs.map { $0.1.unicodeScalars.first!.value }
        let marks = opens + closes
        // A bloom of the marks' low bits: one AND rejects nearly every character.
        let bloom = marks.reduce(UInt64(0)) { $0 | 1 << UInt64($1 & 63) }
        // The first UTF-8 byte of each mark, and for a multi-byte mark its first two bytes (a bitmap over
        // the 65,536 two-byte prefixes): a character led otherwise is skipped undecoded.
        var leads = [Bool](repeating: false, count: 256)
        var prefixes = [UInt64](repeating: 0, count: 1024)
        for m in marks {
            var encoded: [UInt8] = []
            UTF8Scalar.encode(m, into: &encoded)
            guard let first = encoded.first else { continue }
            leads[Int(first)] = true
            if encoded.count > 1 {
                let p = Int(first) << 8 | Int(encoded[1])
                prefixes[p >> 6] |= 1 << UInt64(p & 63)
            }
        }
        // A lead byte is never part of another character (ASCII never is; a multi-byte lead is never a
        // continuation byte), so the scan looks for the lead bytes at any offset, eight bytes at a
        // time while there are at most four of them (SWAR: a byte equal to a lead is a zero byte of
        // the XOR).
        let leadBytes = (0..<256).filter { leads[$0] }.map(UInt64.init)
        let swar = !leadBytes.isEmpty && leadBytes.count <= 4
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let patterns = swar ? (0..<4).map { leadBytes[min($0, leadBytes.count - 1)] &* ones } : [0, 0, 0, 0]
        let (l0, l1, l2, l3) = (patterns[0], patterns[1], patterns[2], patterns[3])
        var out: [Finding] = []
        for (index, block) in document.blocks.enumerated() where spec.scope.includes(block.kind) {
            var stack: [(pair: Int, at: Int, length: Int)] = []
            var marksAt: [(c: UInt32, at: Int, length: Int)] = []
            bytes.withUnsafeBufferPointer { buf in
                var i = block.textRange.start
                let end = block.textRange.end
                let base = UnsafeRawPointer(buf.baseAddress!)
                leads.withUnsafeBufferPointer { leads in
                    prefixes.withUnsafeBufferPointer { prefixes in
                        while i < end {
                            if swar, i + 8 <= end {
                                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                                let x0 = w ^ l0, x1 = w ^ l1, x2 = w ^ l2, x3 = w ^ l3
                                let hit = ((x0 &- ones) & ~x0 | (x1 &- ones) & ~x1 | (x2 &- ones) & ~x2 | (x3 &- ones) & ~x3) & highs
                                if hit == 0 { i += 8; continue }
                                // The lowest flagged byte is a true match (a borrow only flags bytes above one).
                                i += hit.trailingZeroBitCount >> 3
                            }
                            let b = buf[i]
                            guard leads[Int(b)] else { i += 1; continue }
                            if b >= 0xC0, i + 1 < end {
                                let p = Int(b) << 8 | Int(buf[i + 1])
                                if prefixes[p >> 6] & (1 << UInt64(p & 63)) == 0 { i += 1; continue }
                            }
                            let (c, len) = UTF8Scalar.decode(buf, at: i)
                            if c >= 0x22, bloom & (1 << UInt64(c & 63)) != 0, marks.contains(c) { marksAt.append((c, i, len)) }
                            i += len
                        }
                    }
                }
            }
            for (c, i, len) in marksAt {
                for p in opens.indices {
                    if opens[p] == closes[p], c == opens[p] {
                        // Straight quotes: the same mark opens and closes.
                        if let top = stack.last, top.pair == p { stack.removeLast() } else { stack.append((p, i, len)) }
                        break
                    }
                    if c == opens[p] { stack.append((p, i, len)); break }
                    if c == closes[p] {
                        if let idx = stack.lastIndex(where: { $0.pair == p }) {
                            stack.removeSubrange(idx...)
                        } else {
                            out.append(Finding(range: SourceRange(i, i + len),
                                               message: message(["match": spec.pairs[p].1, "open": spec.pairs[p].0, "close": spec.pairs[p].1])))
                        }
                        break
                    }
                }
            }
            for open in stack {
                // A quotation running over several paragraphs opens each one and closes only at its end.
                if spec.openAcrossParagraphs, index + 1 < document.blocks.count {
                    let next = document.blocks[index + 1].textRange
                    if next.length > 0, UTF8Scalar.decode(bytes, at: next.start).scalar == opens[open.pair] { continue }
                }
                out.append(Finding(range: SourceRange(open.at, open.at + open.length),
                                   message: message(["match": spec.pairs[open.pair].0, "open": spec.pairs[open.pair].0, "close": spec.pairs[open.pair].1])))
            }
        }
        return out.sorted { $0.range < $1.range }
    }
}

extension PackRuleSpec {
    /// The rule as the engine sees it: description for docs and tests, a checker for runs.
    public var entry: RuleEntry {
        var rationale = self.rationale.isEmpty ? summary + "." : self.rationale
        if let link { rationale += " See \(link)." }
        let description = RuleDescription(
            id: id, summary: summary, rationale: rationale, defaultSeverity: severity, enabledByDefault: enabledByDefault,
            options: [], triggering: triggering, nonTriggering: nonTriggering,
            fixSafety: kind == .substitution || kind == .consistency || kind == .repetition
                ? "Fixes are \(fixSafety.rawValue)." : nil)
        let spec = self
        return RuleEntry(description: description) { _ in PackChecker(spec) }
    }
}

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
