import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// `substitution`: a wrong form from the `swap` map, with its right form as the fix.
struct SubstitutionCheck: PackKindCheck {
    func findings(_ scan: PackScan) -> [Finding] {
        if let precomputed = scan.precomputed, scan.spec.patterns.isEmpty {
            // Only word-list matches can be found, and they are known: visit only the blocks that hold one.
            return scan.withMatches(precomputed) { block($0, scan) }
        }
        return scan.blocksInScope.flatMap { block($0, scan) }
    }

    private func block(_ block: Block, _ scan: PackScan) -> [Finding] {
        scan.literalMatches(block).map { m in
            let found = scan.text(m.range)
            let right = scan.spec.swap[m.pattern].1
            return Finding(range: m.range, message: scan.matcher.message(["match": found, "replacement": right]),
                           fix: Fix(title: "replace '\(found)' with '\(right)'", edits: [TextEdit(range: m.range, replacement: right)],
                                    applicability: scan.spec.fixSafety))
        }
    }
}
