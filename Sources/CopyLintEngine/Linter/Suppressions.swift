import CopyLintBase
import CopyLintDocument

/// Inline directives, parsed once per document into a mask that rules never see.
///
///     <!-- copylint-disable RULE … -->        off from here (all rules when none is named)
///     <!-- copylint-enable RULE … -->         on again (all when none is named)
///     <!-- copylint-disable-next-line RULE … -->   off for the next line of copy only
///
/// Plain copy that cannot carry HTML comments uses the same words on a line of its own
/// after `%%`: `%% copylint-disable-next-line duplicate-paragraph`. Rule ids may be separated
/// by spaces or commas.
public struct Suppressions: Sendable {
    public struct Directive: Sendable {
        public enum Kind: Sendable { case disable, enable, disableNextLine }
        public let kind: Kind
        /// Empty: every rule.
        public let rules: [String]
        public let range: SourceRange
        /// Byte range the directive switches off (to the matching enable, the end, or the next line).
        public var scope: SourceRange
        public var used = false
    }

    public private(set) var directives: [Directive] = []
    /// Directives that name rules copylint does not know: (directive range, unknown id).
    public private(set) var unknown: [(SourceRange, String)] = []

    public init(_ document: Document, knownRules: Set<String>) {
        let lines = document.source.lines
        var open: [Int] = []   // indices of disable directives not yet closed
        for comment in document.comments {
            let words = comment.text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
            guard let head = words.first else { continue }
            let kind: Directive.Kind
            switch head {
            case "copylint-disable": kind = .disable
            case "copylint-enable": kind = .enable
            case "copylint-disable-next-line": kind = .disableNextLine
            default: continue
            }
            let rules = Array(words.dropFirst())
            for rule in rules where !knownRules.contains(rule) { unknown.append((comment.range, rule)) }
            let known = rules.filter { knownRules.contains($0) }
            if !rules.isEmpty && known.isEmpty { continue }
            switch kind {
            case .disable:
                directives.append(Directive(kind: .disable, rules: known, range: comment.range,
                                            scope: SourceRange(comment.range.end, document.bytes.count)))
                open.append(directives.count - 1)
            case .enable:
                // Close the disables this enable matches (all, or those naming its rules).
                for k in open.reversed() {
                    let d = directives[k]
                    if known.isEmpty || d.rules.isEmpty || !Set(d.rules).isDisjoint(with: known) {
                        directives[k].scope = SourceRange(d.scope.start, comment.range.start)
                        open.removeAll { $0 == k }
                    }
                }
            case .disableNextLine:
                // The next line that carries copy.
                var line = comment.line + 1
                while line < lines.count {
                    let r = lines.lineRange(line)
                    let blank = document.bytes[r.start..<r.end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
                    let isComment = document.comments.contains { $0.line == line }
                    if !blank && !isComment { break }
                    line += 1
                }
                let scope = line < lines.count ? lines.lineRange(line) : SourceRange(document.bytes.count, document.bytes.count)
                directives.append(Directive(kind: .disableNextLine, rules: known, range: comment.range, scope: scope))
            }
        }
    }

    /// Whether a finding of `rule` starting at `offset` is switched off; marks the directive used.
    public mutating func suppresses(rule: String, offset: Int) -> Bool {
        for k in directives.indices {
            let d = directives[k]
            guard d.rules.isEmpty || d.rules.contains(rule) else { continue }
            let inside = d.kind == .disableNextLine ? (offset >= d.scope.start && offset <= d.scope.end) : d.scope.contains(offset)
            if inside {
                directives[k].used = true
                return true
            }
        }
        return false
    }
}
