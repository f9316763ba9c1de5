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
    static func select(_ fixes: [Fix]) -> [Fix] {
        let ordered = fixes.sorted { ($0.edits.map(\.range.start).min() ?? 0) < ($1.edits.map(\.range.start).min() ?? 0) }
        var taken: [SourceRange] = []
        var out: [Fix] = []
        for fix in ordered {
            let clashes = fix.edits.contains { e in
                taken.contains { t in
                    e.range.start < t.end && t.start < e.range.end
                        || (e.range.isEmpty && t.contains(e.range.start))
                        || (t.isEmpty && e.range.contains(t.start))
                        || (e.range == t)
                }
            }
            guard !clashes else { continue }
            taken.append(contentsOf: fix.edits.map(\.range))
            out.append(fix)
        }
        return out
    }
}
