import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// What counts as running text, and where a sentence breaks off.
extension TruncatedSentenceRule {
    /// The block ends with sentence-final punctuation (what `Ending` calls complete, barring the
    /// bracketed-credit case, which the full check handles).
    static func endsWithStop(_ facts: DocumentFacts, _ i: Int) -> Bool {
        guard let c = facts.lastSignificantScalar(of: i) else { return true }
        return Ending.isFinal(c)
    }

    /// A full sentence inside the text: a paragraph cut after it, not a one-sentence lead.
    static func hasInnerStop(_ t: ScalarText) -> Bool {
        t.scalars.dropLast().contains { $0 == 0x3002 || $0 == 0xFF01 || $0 == 0xFF1F }
    }

    /// List items and line-ups are not sentences: "- Read more …",
    /// "Substitutes: Lee for Grant (60), Moss for Hale (75), …".
    /// The line opens on an item's number: one or two digits and a point, 、 or a closing bracket
    /// (1.首套…, 2、…, 3）…, 4) …).
    static func opensWithItemNumber(_ t: ScalarText) -> Bool {
        let s = t.scalars
        var k = 0
        while k < min(s.count, 2), CharClass.isDigit(s[k]) { k += 1 }
        guard k > 0, k < s.count, k + 1 < s.count else { return false }
        return [0x2E, 0x3001, 0xFF0E, 0xFF09, 0x29].contains(s[k]) && !CharClass.isDigit(s[k + 1])
    }

    static func isListLike(_ t: ScalarText) -> Bool {
        let s = t.scalars
        guard let first = s.first else { return false }
        if [0x2D, 0x2A, 0x2022, 0xB7, 0x25CF, 0x25A0].contains(first), s.count > 1, s[1] == 0x20 { return true }
        // (A bullet of Chinese copy is set close: ■各级党组织…, ●…, ◆….)
        if [0x25CF, 0x25A0, 0x25C6].contains(first), s.count > 1, CharClass.isHan(s[1]) { return true }
        let separators = s.filter { $0 == 0x2C || $0 == 0x3B }.count
        // (Not an interview's answer: A: Fix the taps, take shorter showers, and …)
        if let colon = s.prefix(24).firstIndex(of: 0x3A), colon > 0, separators >= 3,
           TextTraits.interviewTurn(s) == nil { return true }
        // A short run of names with 、 between them (铃、铙、铎): a heading that enumerates.
        if s.count <= 20, s.contains(0x3001) {
            let items = s.split(separator: 0x3001)
            if items.count >= 2, items.allSatisfy({ $0.count <= 4 && $0.allSatisfy(CharClass.isHan) }) { return true }
        }
        // Mostly capitalised words separated by commas: a team sheet or a list of names.
        var words = 0, capitalised = 0, inWord = false
        for (k, c) in s.enumerated() {
            let letter = CharClass.isASCIILetter(c)
            if letter, !inWord {
                words += 1
                if CharClass.isASCIIUpper(c) || (k > 0 && s[k - 1] == 0x28) { capitalised += 1 }
            }
            inWord = letter || c == 0x27
        }
        return words >= 6 && separators * 3 >= words && capitalised * 2 >= words
    }

    static let styleLimit = 2
    /// Paragraphs ending on ? or ! that mark informal copy.
    static let informalLimit = 3

    /// Enough running text to expect it to end with a stop: 15 Chinese characters or 10 words.
    static func isLongProse(_ t: ScalarText) -> Bool {
        var han = 0, words = 0, inWord = false
        for c in t.scalars {
            if CharClass.isHan(c) { han += 1 }
            let letter = CharClass.isASCIILetter(c)
            if letter, !inWord { words += 1 }
            inWord = letter
        }
        return han >= 15 || (han == 0 && words >= 10)
    }

    func isSentenceCandidate(_ block: Block, document: Document) -> Bool {
        switch block.kind {
        // An unmarked subhead may be a fragment; it needs strong evidence (see `check`).
        case .paragraph: return true
        case .subhead: return block.headingLevel == 0
        default: return false
        }
    }

    static func isBody(_ block: Block) -> Bool { block.kind == .paragraph || block.kind == .caption || block.kind == .label }

    /// Where the sentence breaks off: the last word of English, the last character of Chinese.
    func breakRange(_ t: ScalarText) -> SourceRange {
        var k = t.count - 1
        while k > 0, CharClass.isSpace(t.scalars[k]) { k -= 1 }
        var start = k
        while start > 0, CharClass.isASCIILetter(t.scalars[start]), CharClass.isASCIILetter(t.scalars[start - 1]) { start -= 1 }
        return t.range(start, k + 1)
    }

    static let anaphora: [String] = ["他们", "她们", "它们", "他", "她", "它", "这些", "那些", "这", "那", "其", "此",
                                     "They ", "He ", "She ", "It ", "This ", "These ", "Those ", "That "]

    /// The paragraph opens with a pronoun whose referent is not there.
    func opensWithAnaphora(_ t: ScalarText) -> Bool {
        let head = t.string(0, min(t.count, 8))
        return Self.anaphora.contains { head.hasPrefix($0) }
    }

    /// The text after the last paragraph start inside `t` (two ideographic spaces after a stop), where
    /// a page ran its paragraphs together on one line.
    static func lastInlineParagraph(_ t: ScalarText) -> [Unicode.Scalar]? {
        let c = t.scalars
        guard c.count > 3 else { return nil }
        var k = c.count - 2
        while k > 0 {
            if c[k] == 0x3000, c[k + 1] == 0x3000, k + 2 < c.count, c[k + 2] != 0x3000,
               c[k - 1] == 0x3002 || c[k - 1] == 0xFF01 || c[k - 1] == 0xFF1F || c[k - 1] == 0x201D {
                return c[(k + 2)...].map { Unicode.Scalar($0) ?? "\u{FFFD}" }
            }
            k -= 1
        }
        return nil
    }

    /// The text ends on a list closed by its conjunction (`512MB of memory, a DVD writer, a mouse and
    /// Windows XP`): three items or more, the last after "and" or "or". The list is complete.
    static func endsOnClosedList(_ t: ScalarText) -> Bool {
        let c = t.scalars
        guard let lastComma = c.lastIndex(of: 0x2C) else { return false }
        var sentenceStart = lastComma
        while sentenceStart > 0, c[sentenceStart - 1] != 0x2E { sentenceStart -= 1 }
        guard c[sentenceStart..<lastComma].contains(0x2C) else { return false }
        let tail = " " + t.string(lastComma + 1, c.count) + " "
        let words = tail.split(separator: " ").count
        return words <= 6 && (tail.contains(" and ") || tail.contains(" or "))
    }

    /// Words no item of a list ends on, however tersely it is set: articles, possessives, prepositions
    /// and conjunctions (an item may end on "more" or "up": £3 or more, Doors open at 7, bar up).
    static let neverEndsAnItem: Set<String> = ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
                                               "and", "or", "but", "nor", "than", "their", "its", "his", "her", "our", "your", "my"]

    /// Words no headline ends on: articles, possessive determiners, subject pronouns, conjunctions,
    /// 'of' and 'than' (a headline may end on a preposition that is a verb's particle: prices go up).
    static let neverEndsAHeadline: Set<String> = ["a", "an", "the", "of", "than", "and", "or", "but", "nor", "if", "because",
                                                  "although", "though", "whereas", "unless", "whether", "whose", "their",
                                                  "its", "his", "our", "your", "my", "he", "she", "we", "they"]

    /// The last word of `t` in lower case when it is all lower-case ASCII letters and nothing follows it.
    static func lastEnglishWord(_ t: ScalarText) -> String? {
        let s = t.scalars
        var end = s.count
        while end > 0, CharClass.isSpace(s[end - 1]) { end -= 1 }
        var start = end
        while start > 0, CharClass.isASCIILower(s[start - 1]) { start -= 1 }
        guard start < end, start == 0 || s[start - 1] == 0x20 else { return nil }
        return t.string(start, end)
    }

    /// A line of one to three English words, the first capitalised, that ends on a comma and has no
    /// other mark: a letter's salutation or close (Dear Sir, / Hi desk, / Yours faithfully,), which
    /// ends so. A sentence cut after a comma has run longer.
    static func isLetterFormula(_ t: ScalarText) -> Bool {
        let s = t.scalars
        var end = s.count
        while end > 0, CharClass.isSpace(s[end - 1]) { end -= 1 }
        guard end >= 3, s[end - 1] == 0x2C, let first = s.first, CharClass.isASCIIUpper(first) else { return false }
        let body = s[..<(end - 1)]
        guard body.allSatisfy({ CharClass.isASCIILetter($0) || $0 == 0x20 || $0 == 0x27 }) else { return false }
        return TextTraits.wordCount(body.compactMap(Unicode.Scalar.init)) <= 3
    }

    /// The last word is a code of capitals and digits (a postcode's WR3 7PL, a form's ref. B12), or an
    /// e-mail or web address (邮箱：desk@paper.example, www.paper.example): the line is an address or
    /// a reference, which sets no stop, not a sentence cut short.
    static func endsOnCode(_ t: ScalarText) -> Bool {
        let s = t.scalars
        var end = s.count
        while end > 0, CharClass.isSpace(s[end - 1]) { end -= 1 }
        // (An address runs back to a space or to a character outside ASCII: 邮箱：desk@….)
        var from = end
        while from > 0, s[from - 1] > 0x20, s[from - 1] < 0x7F { from -= 1 }
        let address = s[from..<end]
        if let at = address.firstIndex(of: 0x40), address[at...].contains(0x2E) { return true }
        if address.starts(with: "http".unicodeScalars.map(\.value)) || address.starts(with: "www.".unicodeScalars.map(\.value)) { return true }
        // A telephone number: the line ends on figures, seven or more in the last few groups
        // (… or call 01632 960571, 电话：0571-8888 6666), not on a count (29 years, 1,412).
        if Self.endsOnTelephoneNumber(s[..<end]) { return true }
        var start = end
        while start > 0, !CharClass.isSpace(s[start - 1]) { start -= 1 }
        let word = s[start..<end]
        guard word.count >= 2, word.allSatisfy({ CharClass.isASCIIUpper($0) || CharClass.isDigit($0) }) else { return false }
        return word.contains(where: CharClass.isDigit) && word.contains(where: CharClass.isASCIIUpper)
    }

    /// The text ends on a telephone number: its last group of figures (with - or ( ) inside it), or its
    /// last two or three groups set apart by spaces, hold seven figures or more, and no comma or point
    /// splits them as in a count.
    static func endsOnTelephoneNumber(_ s: ArraySlice<UInt32>) -> Bool {
        var k = s.endIndex, digits = 0, groups = 0
        while k > s.startIndex, groups < 3 {
            var g = 0
            while k > s.startIndex, CharClass.isDigit(s[k - 1]) || s[k - 1] == 0x2D || s[k - 1] == 0x28 || s[k - 1] == 0x29 || s[k - 1] == 0x2B {
                if CharClass.isDigit(s[k - 1]) { g += 1 }
                k -= 1
            }
            guard g > 0 else { break }
            digits += g
            groups += 1
            guard k > s.startIndex, s[k - 1] == 0x20 else { break }
            k -= 1
            guard k > s.startIndex, CharClass.isDigit(s[k - 1]) || s[k - 1] == 0x29 else { break }
        }
        return digits >= 7
    }

    /// Three spaces or more between two words, twice: the cells of a form or a table run into a line.
    static func hasCellGaps(_ t: ScalarText) -> Bool {
        var run = 0, gaps = 0, seenText = false
        for c in t.scalars {
            if c == 0x20 { run += 1; continue }
            if run >= 3, seenText { gaps += 1 }
            run = 0
            seenText = true
        }
        return gaps >= 2
    }

    /// An English line in the grammar of headlines: one sentence of at most 12 words with no comma,
    /// no article, no "is" or "was", not opening on a subordinating word (After…, When…), and shaped
    /// like a headline (`Wildfire smoke prompts air alerts in three western counties`).
    static func isHeadlinese(_ t: ScalarText) -> Bool {
        t.scalars.count <= 110 && isHeadlinese(t.scalars.compactMap(Unicode.Scalar.init))
    }

    static func isHeadlinese(_ text: [Unicode.Scalar]) -> Bool {
        let s = text.map(\.value)
        // (A comma or a point inside a figure, £3,400 or 2.5m, is none: headlines carry figures.)
        func inFigure(_ k: Int) -> Bool { k > 0 && k + 1 < s.count && CharClass.isDigit(s[k - 1]) && CharClass.isDigit(s[k + 1]) }
        guard s.count <= 110, let first = s.first, CharClass.isASCIIUpper(first),
              !s.indices.contains(where: { s[$0] == 0x2C && !inFigure($0) }),
              !s.indices.dropLast().contains(where: { (s[$0] == 0x2E && !inFigure($0)) || s[$0] == 0x3F || s[$0] == 0x21 || s[$0] == 0x3B }) else { return false }
        let words = String(String.UnicodeScalarView(text)).split(separator: " ").map { $0.lowercased() }
        guard words.count >= 3, words.count <= 12, !subordinators.contains(words[0]) else { return false }
        return TextTraits.articleCount(text) == 0 && !TextTraits.hasFiniteBe(text) && TextTraits.looksLikeHeadline(text, maxChinese: 40, maxWords: 12)
    }

    static let subordinators: Set<String> = ["after", "before", "when", "while", "although", "though", "if", "as", "because",
                                             "since", "until", "unless", "once", "whether", "where", "despite"]

    /// Letters, all of them capitals (a label, a heading set in caps): not a sentence.
    static func isCapitals(_ t: ScalarText) -> Bool {
        var upper = 0
        for c in t.scalars where CharClass.isAlphabetic(c) {
            if CharClass.isASCIILower(c) || (c >= 0x80 && Unicode.Scalar(c)?.properties.isLowercase == true) { return false }
            upper += 1
        }
        return upper >= 2
    }

    /// Six words or more, most of them in lower case: an English sentence (a heading or a label is
    /// short, or in title case).
    static func isSentenceCase(_ t: ScalarText) -> Bool {
        var words = 0, lower = 0, inWord = false
        for c in t.scalars {
            let letter = CharClass.isASCIILetter(c)
            if letter, !inWord {
                words += 1
                if CharClass.isASCIILower(c) { lower += 1 }
            }
            inWord = letter || c == 0x27
        }
        return words >= 6 && lower * 2 >= words
    }
}
