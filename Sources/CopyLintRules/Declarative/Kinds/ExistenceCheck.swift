import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// `existence`: a word of the list, or a match of a pattern, is reported wherever it stands;
/// a `replacement` makes it a fix.
struct ExistenceCheck: PackKindCheck {
    func findings(_ scan: PackScan) -> [Finding] {
        if let precomputed = scan.precomputed, scan.spec.patterns.isEmpty {
            // Only word-list matches can be found, and they are known: visit only the blocks that hold one.
            return scan.withMatches(precomputed) { block($0, scan) }
        }
        return scan.blocksInScope.flatMap { block($0, scan) }
    }

    private func block(_ block: Block, _ scan: PackScan) -> [Finding] {
        let spec = scan.spec
        var findings = scan.literalMatches(block).map { m -> Finding in
            let found = scan.text(m.range)
            let fix = spec.replacement.map { r in
                Fix(title: r.isEmpty ? "delete '\(found)'" : "replace '\(found)' with '\(r)'",
                    edits: [TextEdit(range: m.range, replacement: r)], applicability: spec.fixSafety)
            }
            return Finding(range: m.range, message: scan.matcher.message(["match": found]), fix: fix)
        }
        for (r, fixed) in scan.regexMatchesWithReplacement(block) {
            let found = scan.text(r)
            let fix = fixed.map { new in
                Fix(title: new.isEmpty ? "delete '\(found)'" : "replace '\(found)' with '\(new)'",
                    edits: [TextEdit(range: r, replacement: new)], applicability: spec.fixSafety)
            }
            findings.append(Finding(range: r, message: scan.matcher.message(["match": found]), fix: fix))
        }
        // Two patterns may find the same stretch: report it once.
        var last: SourceRange?
        return findings.sorted { $0.range < $1.range }.filter { f in
            defer { last = f.range }
            return f.range != last
        }
    }
}
