import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// `substitution`: a wrong form from the `swap` map, with its right form as the fix.
struct SubstitutionCheck: PackKindCheck {
    func findings(_ scan: PackScan) -> [Finding] {
        let found = wrongForms(scan)
        guard scan.spec.learnsConvention != .none, !found.isEmpty else { return found }
        return conventional(found, scan)
    }

    private func wrongForms(_ scan: PackScan) -> [Finding] {
        if let precomputed = scan.precomputed, scan.spec.patterns.isEmpty {
            // Only word-list matches can be found, and they are known: visit only the blocks that hold one.
            return scan.withMatches(precomputed) { block($0, scan) }
        }
        return scan.blocksInScope.flatMap { block($0, scan) }
    }

    /// The file's own convention, learnt separately for its headings and for the rest, and for each
    /// family of marks (brackets, figures, letters, each other mark): where a class writes a family's
    /// wrong forms more often than its right ones, the wrong forms are its house style (a paper that
    /// sets headlines' column tags in ( ) and their commas full-width, or digits full-width
    /// throughout); its right forms are then the outliers.
    private func conventional(_ found: [Finding], _ scan: PackScan) -> [Finding] {
        let blocks = scan.document.blocks
        let bytes = scan.bytes
        let back = Dictionary(scan.spec.swap.map { ($0.1, $0.0) }, uniquingKeysWith: { a, _ in a })
        // Block index and family of each finding (both in order).
        var owner: [Int] = [], familyOf: [String] = []
        var b = 0
        for f in found {
            while b < blocks.count, blocks[b].textRange.end < f.range.end { b += 1 }
            owner.append(b)
            familyOf.append(Self.family(String(decoding: bytes[f.range.start..<f.range.end], as: UTF8.self)))
        }
        var out: [Finding] = []
        for headings in [true, false] {
            guard headings || scan.spec.learnsConvention == .everywhere else {
                out += found.indices.filter { owner[$0] >= blocks.count || !blocks[owner[$0]].kind.isHeading }.map { found[$0] }
                continue
            }
            let inClass = scan.inScope.filter { blocks[$0].kind.isHeading == headings }
            let ranges: [SourceRange] = inClass.map { blocks[$0].textRange }
            let mine = found.indices.filter { owner[$0] < blocks.count && blocks[owner[$0]].kind.isHeading == headings }
            let families = Set(mine.map { familyOf[$0] }).sorted()
            let rightsOf = { (family: String) -> [[UInt8]] in
                Set(scan.spec.swap.filter { Self.family($0.0) == family }.map(\.1)).map { Array($0.utf8) }.filter { !$0.isEmpty }
            }
            // A style, not a slip: two wrong forms at least in the headings (a pair of brackets), three
            // in the rest, and the right ones all but absent (at most one in ten). The right forms are
            // counted only up to that tenth (ordinary copy, full of half-width digits, stops at once),
            // and gathered only for a house that has the style.
            let styled = Set(families.filter { family in
                let count = mine.count { familyOf[$0] == family }
                return count >= (headings ? 2 : 3) && Self.rightForms(rightsOf(family), in: ranges, bytes, upTo: count / 10 + 1).count <= count / 10
            })
            for family in families {
                let ofFamily = mine.filter { familyOf[$0] == family }
                let rights = rightsOf(family)
                if styled.contains(family) {
                    // The house writes the wrong forms: its right forms are the outliers.
                    for (range, right) in Self.rightForms(rights, in: ranges, bytes, upTo: .max) {
                        guard let wrong = back[right] else { continue }
                        out.append(Finding(range: range, message: "'\(right)' where this file writes '\(wrong)' (its house style)",
                                           fix: Fix(title: "replace '\(right)' with '\(wrong)'", edits: [TextEdit(range: range, replacement: wrong)],
                                                    applicability: .unsafe)))
                    }
                } else {
                    out += ofFamily.map { found[$0] }
                }
            }
        }
        return out.sorted { $0.range.start < $1.range.start }
    }

    /// The family a wrong form's convention is learnt with: opening and closing brackets together,
    /// figures together, letters together, any other mark on its own.
    static func family(_ form: String) -> String {
        guard let c = form.unicodeScalars.first else { return form }
        switch c.properties.generalCategory {
        case .openPunctuation, .closePunctuation: return "brackets"
        case .decimalNumber: return "figures"
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter: return c.properties.isIdeographic ? form : "letters"
        default: return form
        }
    }

    /// The right forms in `ranges`, in order, at most `limit` of them: one pass over the bytes, each
    /// byte looked up among the forms that start with it.
    static func rightForms(_ rights: [[UInt8]], in ranges: [SourceRange], _ bytes: [UInt8], upTo limit: Int) -> [(SourceRange, String)] {
        var byFirst = [[Int]](repeating: [], count: 256)
        for (k, needle) in rights.enumerated() { byFirst[Int(needle[0])].append(k) }
        var out: [(SourceRange, String)] = []
        guard limit > 0 else { return out }
        bytes.withUnsafeBufferPointer { buf in
            for r in ranges {
                var k = r.start
                scan: while k < r.end {
                    for n in byFirst[Int(buf[k])] {
                        let needle = rights[n]
                        guard k + needle.count <= r.end, buf[k..<(k + needle.count)].elementsEqual(needle) else { continue }
                        out.append((SourceRange(k, k + needle.count), String(decoding: needle, as: UTF8.self)))
                        if out.count >= limit { return }
                        k += needle.count
                        continue scan
                    }
                    k += 1
                }
            }
        }
        return out
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
