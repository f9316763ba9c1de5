import Foundation
import CopyLintBase
import CopyLintDocument

/// The word lists of rules that share them (`WordListRule`), matched for all of them in one pass over
/// the copy: one automaton (per case mode) holds every rule's words, instead of one pass per rule.
///
/// Automata are built for the set of rules that apply to a document (its language decides which
/// rules do), once per set, and kept for the run.
final class WordListPass: @unchecked Sendable {
    /// Rules (indices into the linter's rules) that share their lists, with their lists.
    private let sharing: [(rule: Int, list: WordList)]
    private struct Automaton {
        let matcher: AhoCorasick
        /// Combined pattern -> (index into `sharing`, the rule's own pattern index).
        let owners: [(member: Int, pattern: Int)]
    }
    private var built: [[Int]: [Automaton]] = [:]
    private let lock = NSLock()

    /// Nil when fewer than two rules could share (one pass per rule is then the same thing).
    init?(rules: [ActiveRule]) {
        var sharing: [(rule: Int, list: WordList)] = []
        for (k, rule) in rules.enumerated() {
            guard let sharer = rule.checker as? any WordListRule, let list = sharer.wordList else { continue }
            sharing.append((k, list))
        }
        guard sharing.count >= 2 else { return nil }
        self.sharing = sharing
    }

    /// The facts the pass reads: the language (which rules apply) and each block's scripts (Han or not).
    static let neededFacts: FactSet = .scripts

    /// For each sharing rule that applies to `document`: its matches, block by block in order and by
    /// end within a block (so that ends never decrease).
    func run(_ document: Document, facts: DocumentFacts) -> [Int: [AhoCorasick.Match]] {
        let members = sharing.indices.filter { sharing[$0].list.applies(facts.language, facts.chineseVariant) }
        guard !members.isEmpty else { return [:] }
        let automata = automata(for: members)
        let blocks = document.blocks
        let bytes = document.bytes
        let count = sharing.count
        // A large file's blocks are matched in slices on all cores.
        let slices = min(blocks.count, ParallelMap.slices(forBytes: bytes.count))
        guard slices > 0 else { return [:] }
        // Rules that accept a match only next to a Han character find nothing in a block without one
        // (the parser's script summary says which): their matches there are not kept.
        let needsHan = sharing.map(\.list.needsHan)
        let matchers = automata.map(\.matcher), owners = automata.map(\.owners)
        
        let parts = ParallelMap.run(count: slices) { c -> [[AhoCorasick.Match]] in
            var found = [[AhoCorasick.Match]](repeating: [], count: count)
            var inBlock: [(member: Int, match: AhoCorasick.Match)] = []
            var raw: [AhoCorasick.Match] = []
            for b in (blocks.count * c / slices)..<(blocks.count * (c + 1) / slices) {
                let range = blocks[b].textRange
                let hanFree = facts.block(b).han == 0
                inBlock.removeAll(keepingCapacity: true)
                if range.length > TextWindows.giant {
                    // A giant block (a file without line breaks) is matched in windows on all cores.
                    inBlock = Self.matchGiant(range, bytes, matchers: matchers, owners: owners,
                                              keep: { !(hanFree && needsHan[$0]) })
                    for (member, m) in inBlock { found[member].append(m) }
                    continue
                }
                for a in matchers.indices {
                    raw.removeAll(keepingCapacity: true)
                    matchers[a].appendMatches(in: bytes, range: range, to: &raw)
                    for m in raw {
                        let owner = owners[a][m.pattern]
                        if hanFree, needsHan[owner.member] { continue }
                        inBlock.append((owner.member, AhoCorasick.Match(pattern: owner.pattern, start: m.start, end: m.end)))
                    }
                }
                // Two automata (case modes) each report by end: merge so that ends never decrease.
                if matchers.count > 1 { inBlock.sort { $0.match.end < $1.match.end } }
                for (member, m) in inBlock { found[member].append(m) }
            }
            return found
        }
        var all: [Int: [AhoCorasick.Match]] = [:]
        for member in members { all[sharing[member].rule] = parts.flatMap { $0[member] } }
        return all
    }

    /// The matches of a giant block, found window by window in parallel: each window is read on past
    /// its end by the longest pattern less a byte and keeps the matches that start in it, so a word
    /// across a cut is found once. Ordered by end, as one pass would give them.
    private static func matchGiant(_ range: SourceRange, _ bytes: [UInt8], matchers: [AhoCorasick],
                                   owners: [[(member: Int, pattern: Int)]], keep: @Sendable (Int) -> Bool)
        -> [(member: Int, match: AhoCorasick.Match)] {
        let windows = TextWindows.split(bytes, range)
        let reach = max(0, (matchers.map(\.maxLength).max() ?? 1) - 1)
        let parts = ParallelMap.run(count: windows.count) { w -> [(member: Int, match: AhoCorasick.Match)] in
            let window = windows[w]
            let scan = SourceRange(window.start, min(range.end, window.end + reach))
            var out: [(member: Int, match: AhoCorasick.Match)] = []
            var raw: [AhoCorasick.Match] = []
            for a in matchers.indices {
                raw.removeAll(keepingCapacity: true)
                matchers[a].appendMatches(in: bytes, range: scan, to: &raw)
                for m in raw where m.start < window.end {
                    let owner = owners[a][m.pattern]
                    guard keep(owner.member) else { continue }
                    out.append((owner.member, AhoCorasick.Match(pattern: owner.pattern, start: m.start, end: m.end)))
                }
            }
            return out
        }
        // Windows (and the two case modes) each report by end: merged so that ends never decrease,
        // equal ends kept in the order found.
        return parts.joined().enumerated()
            .sorted { ($0.element.match.end, $0.offset) < ($1.element.match.end, $1.offset) }
            .map(\.element)
    }

    private func automata(for members: [Int]) -> [Automaton] {
        lock.lock()
        defer { lock.unlock() }
        if let known = built[members] { return known }
        var made: [Automaton] = []
        for ignoreCase in [false, true] {
            var patterns: [[UInt8]] = []
            var owners: [(member: Int, pattern: Int)] = []
            for member in members where sharing[member].list.ignoreCase == ignoreCase {
                for (p, pattern) in sharing[member].list.patterns.enumerated() {
                    patterns.append(pattern)
                    owners.append((member, p))
                }
            }
            if !patterns.isEmpty { made.append(Automaton(matcher: AhoCorasick(patterns, ignoreASCIICase: ignoreCase), owners: owners)) }
        }
        built[members] = made
        return made
    }
}
