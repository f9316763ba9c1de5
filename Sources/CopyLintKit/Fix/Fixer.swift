import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// Applies fixes until none is left to apply: each pass lints, takes every allowed fix whose
/// edits do not overlap an earlier one, and applies them together. A fix is all or nothing.
public struct Fixer: Sendable {
    public let linter: Linter
    public let allowUnsafe: Bool
    public static let maxPasses = 10

    public init(linter: Linter, allowUnsafe: Bool) {
        self.linter = linter
        self.allowUnsafe = allowUnsafe
    }

    public struct Result: Sendable {
        /// The fixed text (without a byte order mark; `SourceText` strips it).
        public let bytes: [UInt8]
        public let applied: Int
        /// Findings left in the fixed text.
        public let remaining: [Diagnostic]
        public var changed: Bool { applied > 0 }
    }

    public func fix(_ source: SourceText) -> Result {
        var current = source
        var applied = 0
        var diagnostics = linter.lint(current)
        for _ in 0..<Self.maxPasses {
            let chosen = Self.select(diagnostics.compactMap(\.fix).filter { $0.applicability == .safe || allowUnsafe })
            guard !chosen.isEmpty else { break }
            let edits = chosen.flatMap(\.edits)
            let next = Fix.apply(edits, to: current.bytes)
            guard next != current.bytes else { break }
            applied += chosen.count
            current = SourceText(path: source.path, bytes: next)
            diagnostics = linter.lint(current)
        }
        return Result(bytes: current.bytes, applied: applied, remaining: diagnostics)
    }

    /// Fixes whose edits overlap no edit of a fix taken before them, in order of position.
    /// The ranges taken so far are kept sorted and disjoint, so each check is a binary search:
    /// a page with 100,000 fixes costs no more per fix than one with ten.
    static func select(_ fixes: [Fix]) -> [Fix] {
        let keyed = fixes.map { (start: $0.edits.map(\.range.start).min() ?? 0, fix: $0) }
        let ordered = keyed.enumerated().sorted { a, b in
            a.element.start != b.element.start ? a.element.start < b.element.start : a.offset < b.offset
        }.map(\.element.fix)
        var taken: [SourceRange] = []
        var out: [Fix] = []
        /// First index whose range starts after `offset`.
        func after(_ offset: Int) -> Int {
            taken.partitioningIndex { $0.start > offset }
        }
        func clashes(_ e: SourceRange) -> Bool {
            var j = after(e.end) - 1
            while j >= 0 {
                let t = taken[j]
                if t.end < e.start { break }     // disjoint and sorted: nothing earlier reaches e
                if e.start < t.end && t.start < e.end || (e.isEmpty && t.contains(e.start))
                    || (t.isEmpty && e.contains(t.start)) || e == t { return true }
                j -= 1
            }
            return false
        }
        for fix in ordered {
            guard !fix.edits.contains(where: { clashes($0.range) }) else { continue }
            // A fix whose own edits overlap is not applied whole: skip it rather than half-apply it.
            let own = fix.edits.map(\.range).sorted()
            if zip(own, own.dropFirst()).contains(where: { $0.end > $1.start }) { continue }
            for r in own { taken.insert(r, at: after(r.start)) }
            out.append(fix)
        }
        return out
    }
}
