import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// `consistency`: one spelling of each group per file; the form used most is the file's choice,
/// and every other form is reported.
struct ConsistencyCheck: PackKindCheck {
    func findings(_ scan: PackScan) -> [Finding] {
        let spec = scan.spec
        // Which group and variant each literal belongs to (made once, with the rule's word list).
        let owner = scan.matcher.owners
        var seen: [[(range: SourceRange, variant: Int)]] = Array(repeating: [], count: spec.groups.count)
        for block in scan.blocksInScope {
            for m in scan.literalMatches(block) {
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
            let expectedForms = PackMatcher.alternatives(spec.groups[g][norm])
            let expected = expectedForms.joined(separator: " ")
            for u in uses where u.variant != norm {
                let found = scan.text(u.range)
                // A one-spelling form can replace the other; paired forms (“ ”) need an editor.
                let fix = expectedForms.count == 1
                    ? Fix(title: "use '\(expected)'", edits: [TextEdit(range: u.range, replacement: expected)], applicability: spec.fixSafety)
                    : nil
                out.append(Finding(range: u.range, message: scan.matcher.message(["match": found, "expected": expected]), fix: fix))
            }
        }
        return out
    }
}
