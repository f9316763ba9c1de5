import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Traditional characters in simplified copy, and the reverse.
extension MixedScriptRule {
    enum Variant { case simplified, traditional }

    func expectedVariant(_ document: Document, _ facts: DocumentFacts) -> Variant? {
        switch variant {
        case "simplified": return .simplified
        case "traditional": return .traditional
        default:
            switch facts.chineseVariant {
            case .simplified?: return .simplified
            case .traditional?: return .traditional
            case nil:
                // English copy with a few Chinese characters: judge them as simplified copy would.
                return document.blocks.isEmpty ? nil : .simplified
            }
        }
    }

    func checkVariant(_ t: ScalarText, expected: Variant, into findings: inout [Finding]) {
        let table = expected == .simplified ? CharacterData.traditionalToSimplified : CharacterData.simplifiedToTraditional
        // A bit test per character; the map is read only for the few that are flagged.
        let wrong = expected == .simplified ? CharacterData.isTraditionalOnly : CharacterData.isSimplifiedOnly
        let s = t.scalars
        var i = 0
        while i < s.count {
            guard s[i] >= 0x3400, wrong(s[i]) else { i += 1; continue }
            var j = i
            while j < s.count, s[j] >= 0x3400, wrong(s[j]) { j += 1 }
            var replacement = ""
            var unique = true
            for k in i..<j {
                let forms = table[s[k]]!
                if forms.count != 1 { unique = false }
                replacement.unicodeScalars.append(Unicode.Scalar(forms[0])!)
            }
            let found = t.string(i, j)
            let (wrong, right) = expected == .simplified ? ("traditional", "simplified") : ("simplified", "traditional")
            let plural = j - i > 1 ? "characters" : "character"
            var message = "\(wrong) \(plural) '\(found)' in \(right) copy"
            if unique { message += " (\(right): '\(replacement)')" } else {
                let options = (i..<j).map { k in table[s[k]]!.compactMap(Unicode.Scalar.init).map { String(Character($0)) }.joined(separator: "/") }
                message += " (\(right): \(options.joined(separator: " ")))"
            }
            // It changes a word, and some traditional forms are standard in simplified copy too (濛濛):
            // an editor's call, never applied by --fix alone.
            findings.append(Finding(range: t.range(i, j), message: message,
                                    fix: unique ? Fix(title: "replace with '\(replacement)'", edits: [TextEdit(range: t.range(i, j), replacement: replacement)],
                                                      applicability: .unsafe) : nil))
            i = j
        }
    }
}
