import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// One run of a pack rule over one document: what every kind's check reads, and the matching helpers
/// they share.
struct PackScan {
    let spec: PackRuleSpec
    let matcher: PackMatcher
    let context: RuleContext
    /// Matches of the word list found by the engine's shared pass over every block, in order (ends
    /// never decrease); nil when the rule matches its list itself.
    let precomputed: [AhoCorasick.Match]?
    let comparesWordsInPlace: Bool

    var bytes: [UInt8] { context.bytes }
    var document: Document { context.document }

    /// The indices of the blocks in scope, read in place (a filtered copy of a large file's blocks
    /// costs tens of MB). A rule that accepts matches only next to Han skips blocks without any.
    var inScope: LazyFilterSequence<Range<Int>> {
        let blocks = document.blocks, facts = context.facts, scope = spec.scope, needsHan = spec.context.needsHan
        return blocks.indices.lazy.filter { scope.includes(blocks[$0].kind) && !(needsHan && facts.block($0).han == 0) }
    }

    /// The blocks in scope.
    var blocksInScope: LazyMapSequence<LazyFilterSequence<Range<Int>>, Block> {
        let blocks = document.blocks
        return inScope.map { blocks[$0] }
    }

    func text(_ r: SourceRange) -> String { String(decoding: bytes[r.start..<r.end], as: UTF8.self) }

    /// The findings of `body` for each block in scope that holds one of the precomputed matches
    /// (matches in block order, by end within a block): one walk over blocks and matches together.
    func withMatches(_ matches: [AhoCorasick.Match], _ body: (Block) -> [Finding]) -> [Finding] {
        var out: [Finding] = []
        var cursor = 0
        for block in document.blocks {
            guard cursor < matches.count else { break }
            let r = block.textRange
            // Matches of earlier blocks (out of scope ones included) are passed over.
            while cursor < matches.count, matches[cursor].end <= r.start { cursor += 1 }
            guard cursor < matches.count, matches[cursor].end <= r.end, spec.scope.includes(block.kind) else { continue }
            out += body(block)
        }
        return out
    }

    /// Literal matches that pass the word-boundary, context and exception tests.
    func literalMatches(_ block: Block) -> [(pattern: Int, range: SourceRange)] {
        guard matcher.hasLiterals else { return [] }
        let bytes = self.bytes
        let found = precomputed.map { AhoCorasick.leftmostLongest(Self.within(block.textRange, $0), from: block.textRange.start) }
            ?? matcher.literalMatches(in: bytes, range: block.textRange)
        guard !found.isEmpty else { return [] }
        let excepted = matcher.exceptionRanges(block, bytes)
        return found.compactMap { m in
            let r = SourceRange(m.start, m.end)
            guard !Self.isIndentation(r, bytes, within: block.textRange), matcher.accepts(r, bytes, within: block.textRange),
                  !excepted.contains(where: { $0.start <= r.start && r.end <= $0.end }) else { return nil }
            return (m.pattern, r)
        }
    }

    /// The match is spaces or tabs that open a line of the block (a wrapped box's indented lines): layout,
    /// not a word's spacing.
    static func isIndentation(_ r: SourceRange, _ bytes: [UInt8], within block: SourceRange) -> Bool {
        guard r.length > 0, bytes[r.start..<r.end].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return false }
        var k = r.start
        while k > block.start, bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09 { k -= 1 }
        return k > block.start && (bytes[k - 1] == 0x0A || bytes[k - 1] == 0x0D)
    }

    /// The matches inside `range`, from matches in order of their ends (a binary search, then a short walk).
    static func within(_ range: SourceRange, _ matches: [AhoCorasick.Match]) -> [AhoCorasick.Match] {
        var out: [AhoCorasick.Match] = []
        var k = matches.partitioningIndex { $0.end > range.start }
        while k < matches.count, matches[k].end <= range.end {
            if matches[k].start >= range.start { out.append(matches[k]) }
            k += 1
        }
        return out
    }

    func regexMatches(_ block: Block) -> [SourceRange] {
        regexMatchesWithReplacement(block).map(\.0)
    }

    /// Regex matches, each with the replacement template applied when the rule has one.
    func regexMatchesWithReplacement(_ block: Block) -> [(SourceRange, String?)] {
        guard !spec.patterns.isEmpty else { return [] }
        let bytes = self.bytes
        // The patterns whose needed bytes are in the block (most blocks hold none for any).
        let regexes = bytes.withUnsafeBufferPointer { b in
            matcher.regexes.filter { $0.prefilter?.mayMatch(b, block.textRange) ?? true }
        }
        guard !regexes.isEmpty else { return [] }
        let string = text(block.textRange)
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
        let excepted = matcher.exceptionRanges(block, bytes)
        var out: [(SourceRange, String?)] = []
        let budget = context.budget
        if budget.stoppedBecause != nil { return [] }
        for (regex, risky, _) in regexes {
            if budget.expired {
                budget.stop("the pattern /\(regex.pattern)/ took too long", at: block.textRange.start)
                return []
            }
            // A pattern that can backtrack badly, or a very long paragraph, is matched with ICU's
            // progress callbacks so that the budget can stop it mid-match (they cost ~7% of a run,
            // so ordinary patterns on ordinary paragraphs go without).
            let watch = risky || block.textRange.length > RegexRisk.longBlock
            regex.enumerateMatches(in: string, options: watch ? [.reportProgress] : [],
                                   range: NSRange(location: 0, length: ns.length)) { m, _, stop in
                guard let m else {
                    if budget.expired {
                        budget.stop("the pattern /\(regex.pattern)/ took too long on this paragraph", at: block.textRange.start)
                        stop.pointee = true
                    }
                    return
                }
                let r = SourceRange(map[m.range.location], map[m.range.location + m.range.length])
                guard matcher.accepts(r, bytes, within: block.textRange),
                      !excepted.contains(where: { $0.start <= r.start && r.end <= $0.end }) else { return }
                let replaced = spec.replacement.map { regex.replacementString(for: m, in: string, offset: 0, template: $0) }
                out.append((r, replaced))
            }
            if budget.stoppedBecause != nil { return [] }
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
