import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// A pack rule's word list, patterns and exceptions, compiled once (each on first use, whichever
/// thread asks first) and shared by every run of the rule.
final class PackMatcher: @unchecked Sendable {
    let spec: PackRuleSpec
    /// The word list and, built on first use, its automaton: when the engine matches the list in its
    /// shared pass, never.
    let literalPatterns: [[UInt8]]
    private let literals: Lazy<AhoCorasick>?
    /// Compiled on first use: a rule that never meets copy in its language never pays for ICU. Each
    /// with the bytes a match needs, when the pattern says (`RegexPrefilter`).
    private let lazyRegexes: Lazy<[(regex: NSRegularExpression, risky: Bool, prefilter: RegexPrefilter?)]>
    var regexes: [(regex: NSRegularExpression, risky: Bool, prefilter: RegexPrefilter?)] { lazyRegexes.value }
    let exceptionSet: Set<String>
    private let exceptionMatcher: AhoCorasick?
    /// The only words a repetition rule checks, lower-cased (empty: every word).
    let onlyWords: Set<String>

    private let template: [TemplatePiece]
    /// `consistency`: the group and the variant of each literal of the word list, by its index.
    let owners: [(group: Int, variant: Int)]

    init(_ spec: PackRuleSpec) {
        self.spec = spec
        template = Self.pieces(spec.message)
        var words: [String] = []
        var owners: [(group: Int, variant: Int)] = []
        switch spec.kind {
        case .existence: words = spec.tokens
        case .substitution: words = spec.swap.map(\.0)
        case .occurrence: words = spec.tokens
        case .consistency:
            // Each spelling of each form, and which group and form it spells.
            for (g, group) in spec.groups.enumerated() {
                for (v, variant) in group.enumerated() {
                    for spelling in Self.alternatives(variant) {
                        words.append(spelling)
                        owners.append((g, v))
                    }
                }
            }
        case .repetition, .pair: words = []   // repetition's tokens restrict the words checked
        }
        self.owners = owners
        let patterns = words.map { Array($0.utf8) }
        literalPatterns = patterns
        literals = words.isEmpty ? nil : Lazy { AhoCorasick(patterns, ignoreASCIICase: spec.ignoreCase) }
        let options: NSRegularExpression.Options = spec.ignoreCase ? [.caseInsensitive] : []
        lazyRegexes = Lazy {
            spec.patterns.compactMap { p in
                (try? NSRegularExpression(pattern: p, options: options)).map {
                    ($0, RegexRisk.canBacktrackBadly(p), RegexPrefilter(p, ignoreCase: spec.ignoreCase))
                }
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

    var hasLiterals: Bool { literals != nil }

    /// The word list's leftmost-longest matches in `range`, found by the rule's own automaton.
    func literalMatches(in bytes: [UInt8], range: SourceRange) -> [AhoCorasick.Match] {
        literals?.value.nonOverlappingMatches(in: bytes, range: range) ?? []
    }

    func exceptionRanges(_ block: Block, _ bytes: [UInt8]) -> [SourceRange] {
        guard let exceptionMatcher else { return [] }
        return exceptionMatcher.matches(in: bytes, range: block.textRange).map { SourceRange($0.start, $0.end) }
    }

    /// Word boundaries for Latin tokens, and the Han context a literal asks for.
    func accepts(_ r: SourceRange, _ bytes: [UInt8], within block: SourceRange) -> Bool {
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

    /// The rule's message with `{name}` placeholders filled in.
    /// The message with each `{key}` of `values` filled in, in one pass over the template read when
    /// the rule was loaded (a page of 50,000 findings makes 50,000 messages: Foundation's search and
    /// replace cost more than the rule's own work).
    func message(_ values: [String: String]) -> String {
        var out = ""
        for piece in template {
            switch piece {
            case .text(let t): out += t
            case .slot(let key): out += values[key] ?? "{\(key)}"
            }
        }
        return out
    }

    enum TemplatePiece: Equatable { case text(String), slot(String) }

    /// `literal {key} literal`: the text and the keys between braces (a brace with no key closing it
    /// is text).
    static func pieces(_ message: String) -> [TemplatePiece] {
        var out: [TemplatePiece] = []
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}" else {
                out.append(.text(String(rest[...open])))
                rest = rest[after...]
                continue
            }
            if open > rest.startIndex { out.append(.text(String(rest[..<open]))) }
            out.append(.slot(String(rest[after..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }
}

/// A value made on first use, once, whichever thread asks first.
final class Lazy<Value>: @unchecked Sendable {
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
