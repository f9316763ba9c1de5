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

    /// The form belongs to a proper name the file writes that way: a person's given name after a
    /// surname (刘龑珑, 李仕傑, 王濛) or a title in 《》 (《情深深雨濛濛》), and the file nowhere
    /// writes the other form of the character (a slip of the keyboard or the OCR leaves the usual
    /// form elsewhere in the copy).
    func isNameForm(_ s: [UInt32], _ i: Int, _ j: Int, _ table: [UInt32: [UInt32]], _ present: Lazy<CharactersPresent>) -> Bool {
        let afterSurname = (i >= 1 && ChineseChars.isSurname(s[i - 1]))
            || (j - i == 1 && i >= 2 && ChineseChars.isSurname(s[i - 2]) && CharClass.isHan(s[i - 1]))
        var inTitle = false
        var k = i - 1
        while k >= 0, i - k <= 20, s[k] != 0x300B {
            if s[k] == 0x300A { inTitle = s[j...].prefix(20).contains(0x300B); break }
            k -= 1
        }
        guard afterSurname || inTitle else { return false }
        // After a surname, a run whose usual form makes a word with the character after it (伊進行:
        // 进行; 和平發展: 发展) is that word, not a given name.
        if afterSurname, !inTitle, j < s.count, CharClass.isHan(s[j]) {
            let usual = (i..<j).compactMap { table[s[$0]]?.first }
            if usual.count == j - i, let tail = usual.last, let p = ChineseLexicon.logProbability([tail, s[j]]), p > -12 { return false }
        }
        for k in i..<j {
            for form in table[s[k]] ?? [] where present.value.contains(form) { return false }
        }
        return true
    }

    /// The form stands in a short quotation that also holds a character the word list does not know
    /// at all (“辝作長鼎”, an inscription's words): a transcription of an old text, whose
    /// forms are its own. A slip of the keyboard in a modern quotation leaves no such character.
    static func inOldTextQuote(_ s: [UInt32], _ i: Int, _ j: Int, wrong: (UInt32) -> Bool) -> Bool {
        let opens: Set<UInt32> = [0x201C, 0x300C, 0x300E], closes: Set<UInt32> = [0x201D, 0x300D, 0x300F]
        let longest = 16
        var a = i - 1
        while a >= 0, i - a <= longest, !opens.contains(s[a]) {
            if closes.contains(s[a]) || s[a] == 0x3002 { return false }
            a -= 1
        }
        guard a >= 0, i - a <= longest else { return false }
        var b = j
        while b < s.count, b - a <= longest + 1, !closes.contains(s[b]) {
            if opens.contains(s[b]) || s[b] == 0x3002 { return false }
            b += 1
        }
        guard b < s.count, closes.contains(s[b]) else { return false }
        return ((a + 1)..<b).contains { k in
            (k < i || k >= j) && CharClass.isHan(s[k]) && !wrong(s[k]) && ChineseLexicon.charStats(s[k]) == (0, 0, 0)
        }
    }

    /// Which characters a file holds: a bit for each code point, set by one pass over the file's
    /// bytes when a name form is first looked into (each look is then a bit test, not a search of
    /// the file: a page with many names costs one pass).
    struct CharactersPresent {
        private var bits = BitSet(capacity: 0x110000)

        init(_ bytes: [UInt8]) { bits.insertScalars(utf8: bytes) }

        func contains(_ c: UInt32) -> Bool { bits.contains(Int(c)) }
    }

    func checkVariant(_ t: ScalarText, expected: Variant, present: Lazy<CharactersPresent>, into findings: inout [Finding]) {
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
            if isNameForm(s, i, j, table, present) || Self.inOldTextQuote(s, i, j, wrong: wrong) { i = j; continue }
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
