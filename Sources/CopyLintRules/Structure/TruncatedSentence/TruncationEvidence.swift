import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Evidence that a paragraph lost its end when nothing continues it.
extension TruncatedSentenceRule {
    /// Words an English sentence cannot stop on.
    static let danglingEnglish: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "upon", "about",
        "over", "under", "after", "before", "between", "through", "during", "against", "among", "than", "as", "and", "or",
        "but", "nor", "if", "because", "although", "though", "while", "whereas", "unless", "that", "which", "who",
        "whom", "whose", "when", "where", "whether", "is", "are", "was", "were", "be", "been", "being", "am", "has",
        "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "their", "its", "his", "her", "our", "your", "my", "they", "we", "he", "she", "i", "you", "this", "these",
        "those", "such", "not", "very", "more", "most", "also", "both", "either", "neither", "each", "every", "some",
        "any", "many", "much", "several", "own", "said", "told", "says", "saying", "including", "like", "per", "via",
        "towards", "toward", "without", "within", "across", "behind", "beyond", "since", "until", "up", "whose",
        // Prepositions that always govern what follows them (according to, despite the, amid the).
        "according", "despite", "amid", "amidst", "regarding", "unlike",
    ]

    func truncationEvidence(_ t: ScalarText, ending: Ending, weakAllowed: Bool = true) -> String? {
        let s = t.scalars
        guard ending.index >= 0 else { return nil }
        let last = ending.last
        if CharClass.isASCIILetter(last) || CharClass.isDigit(last) || last == 0x2C {
            // English: the last word (letters outside ASCII too: Peña ends on no article 'a').
            var k = ending.index
            while k >= 0, CharClass.isASCIILetter(s[k]) || s[k] == 0x27 || (s[k] >= 0xC0 && !CharClass.isHan(s[k]) && CharClass.isAlphabetic(s[k])) { k -= 1 }
            let word = t.string(k + 1, ending.index + 1).lowercased()
            // A heading-sized line in capitals is a heading or a label (SCHOOL BOND MEASURE A), not a
            // sentence ending on an article.
            if Self.isCapitalsLine(s) { return last == 0x2C ? "it ends on a comma" : nil }
            // (Only in lower case: a capital makes it a name, the month of May after a date.)
            // (Not a verb of saying after its speaker's name, "…, Brown says": the attribution closes
            // the sentence, as in a headline.)
            // (Nor the last part of a hyphenated word: a 'must-have', a stand-in.)
            if Self.danglingEnglish.contains(word), CharClass.isASCIILower(s[k + 1]), !(k >= 1 && s[k] == 0x2D && CharClass.isASCIILetter(s[k - 1])),
               !(["says", "said"].contains(word) && Self.previousWordIsCapitalised(s, before: k + 1)) { return "it ends on '\(word)'" }
            // "… K Adams (Falcons), T": a name cut after its initial.
            if ending.index - k == 1, CharClass.isASCIIUpper(last), last != 0x49, k >= 1, s[k] == 0x20,
               s[k - 1] == 0x2C || s[k - 1] == 0x29 {
                return "it ends on the initial '\(word.uppercased())'"
            }
            if last == 0x2C { return "it ends on a comma" }
            let words = TextTraits.wordCount(s.compactMap(Unicode.Scalar.init))
            // (Not a line of results, dense with figures: Eastcombe 236-8 (50 ov) beat Dunmere 193 by 43 runs.)
            if CharClass.isASCIILower(s[k + 1 < s.count ? k + 1 : ending.index]), words >= 8, weakAllowed,
               !(s.count <= 160 && Self.figureGroups(s) * 4 >= words) { return Self.noStopReason }
            return nil
        }
        guard CharClass.isHan(last) || last == 0xFF0C || last == 0x3001 else {
            return unclosedOpener(t) ? "a quote or bracket is left open" : nil
        }
        if last == 0xFF0C || last == 0x3001 { return "it ends on '\(t.string(ending.index, ending.index + 1))'" }
        if danglingChineseEnd(t, ending: ending) { return "it ends on '\(t.string(ending.index, ending.index + 1))'" }
        if unclosedOpener(t) { return "a quote or bracket is left open" }
        // Reported speech (王毅说，…) always ends with a stop.
        if Self.reportsSpeech(t) { return "reported speech without its end" }
        // The last clause is a scrap: 想当初，面对
        var k = ending.index
        while k >= 0, CharClass.isHan(s[k]) { k -= 1 }
        let clause = ending.index - k
        // (After 、 the last item of a list, as short as the item before it: 学习、工作、生活. One
        // shorter than that, 周密部署、积极, was cut.)
        if clause <= 2, k >= 0, s[k] == 0xFF0C || s[k] == 0x3001 || s[k] == 0x2C {
            var j = k - 1
            while j >= 0, CharClass.isHan(s[j]) { j -= 1 }
            let parallel = s[k] == 0x3001 && clause == 2 && k - 1 - j <= clause && j >= 0 && (s[j] == 0x3001 || s[j] == 0xFF0C)
            if !parallel { return "its last clause is cut short" }
        }
        // A character that rarely ends a word: the word was cut (基 of 基层). Not inside a closed
        // quote: “筑巢引凤” is a phrase complete in itself.
        let tail = hanTail(t, before: ending.index + 1)
        if tail.count >= 2, ending.index == t.count - 1 {
            let tokens = ChineseLexicon.segment(tail)
            if let lastToken = tokens.last, lastToken.length == 1,
               ChineseLexicon.closingShare(last) < 0.3 || ChineseLexicon.aloneShare(last) < 0.05 {
                return "it ends inside a word"
            }
        }
        // Three characters after a comma that end on a verb, a preposition or a localizer standing alone
        // (再次|上, 赶紧|往): what it governs is lost. Not an adjective (百姓富) or a particle (都笑了);
        // and not after 、 (a list's last item may be three: 有基础).
        if clause == 3, k >= 0, s[k] == 0xFF0C || s[k] == 0x2C,
           [.verb, .preposition, .localizer].contains(ChineseChars.wordClass(last)),
           let lastToken = ChineseLexicon.segment(Array(s[(k + 1)...ending.index])).last, lastToken.length == 1,
           !ChineseLexicon.mayCloseWord(Array(s[(k + 1)...ending.index])) {
            return Self.shortClauseReason
        }
        // In running text with a clause before it, a last character standing alone that opens words
        // far more often than it stands alone, where no word of the list closes on it: 平 of 平台 after
        // 依托各类网络和社会媒体. (A name or a compound the list lacks ends a label or a slogan so:
        // 脱贫农民杨万良, 阻击战.)
        if tail.count >= 2, ending.index == t.count - 1, s.contains(0xFF0C), Self.opensRatherThanStands(last),
           let lastToken = ChineseLexicon.segment(tail).last, lastToken.length == 1, !ChineseLexicon.mayCloseWord(tail) {
            return "it ends inside a word"
        }
        return nil
    }

    /// The word before position `start` (a space between) opens with a capital: a name.
    static func previousWordIsCapitalised(_ s: [UInt32], before start: Int) -> Bool {
        var k = start - 1
        guard k >= 0, s[k] == 0x20 else { return false }
        k -= 1
        var first = -1
        while k >= 0, CharClass.isASCIILetter(s[k]) || s[k] == 0x27 || s[k] == 0x2D { first = k; k -= 1 }
        return first >= 0 && CharClass.isASCIIUpper(s[first])
    }

    /// Of a character's uses that do not close a word, at least four in five open one (the rest it
    /// stands alone): left alone at a break, it is a word's first half.
    static func opensRatherThanStands(_ c: UInt32) -> Bool {
        let (alone, start, _) = ChineseLexicon.charStats(c)
        return start > 0 && start >= 0.8 * (alone + start)
    }

    /// How many figures the text holds (236-8 is two; 45.4 and 1,500 are one each).
    static func figureGroups(_ s: [UInt32]) -> Int {
        var n = 0, inFigure = false
        for (k, c) in s.enumerated() {
            let digit = CharClass.isDigit(c)
            let joined = k >= 2 && (s[k - 1] == 0x2E || s[k - 1] == 0x2C) && CharClass.isDigit(s[k - 2])
            if digit, !inFigure, !joined { n += 1 }
            inFigure = digit
        }
        return n
    }

    /// A heading-sized line of Latin letters, none of them lower case (at most eight words, no Han).
    static func isCapitalsLine(_ s: [UInt32]) -> Bool {
        var upper = 0, words = 0, inWord = false
        for c in s {
            if CharClass.isHan(c) || CharClass.isASCIILower(c) { return false }
            let letter = CharClass.isASCIIUpper(c)
            if letter {
                upper += 1
                if !inWord { words += 1 }
            }
            inWord = letter || (inWord && c != 0x20)
        }
        return upper >= 4 && words <= 8
    }

    /// The reason given for a clause of three characters ending on a verb, a preposition or a
    /// localizer standing alone (赶紧|往, 再次|上): what it governs is lost.
    static let shortClauseReason = "its last clause stops before what its last word governs"

    /// The text ends on a function character standing alone (的, 和, 在 — not 场地, 担当, 原因),
    /// and not on the 的 that closes a 是…的 sentence.
    func danglingChineseEnd(_ t: ScalarText, ending: Ending) -> Bool {
        guard TextTraits.danglingChinese.contains(ending.last) else { return false }
        // (Not a content character that more often ends a longer word than stands alone, 令 of 命令 and
        // 主席令: at a line's end it is likelier the end of a word the lexicon lacks. A preposition or a
        // conjunction, 于 of 会议于, 且, dangles however often it ends words.)
        let uses = ChineseLexicon.charStats(ending.last)
        if uses.end > uses.alone, ![.preposition, .conjunction].contains(ChineseChars.wordClass(ending.last)) { return false }
        let tail = hanTail(t, before: ending.index + 1)
        guard let token = ChineseLexicon.segment(tail).last, token.length == 1,
              !ChineseLexicon.mayCloseWord(tail) else { return false }
        // (是…的 closes its own clause: the 是 of an earlier one, 同样是…，…的, does not count.)
        if ending.last == 0x7684 {   // 的
            var k = ending.index
            while k >= 0, t.scalars[k] != 0xFF0C, t.scalars[k] != 0x2C, t.scalars[k] != 0x3002 { k -= 1 }
            if t.scalars[(k + 1)...ending.index].contains(0x662F) { return false }
        }
        return true
    }

    static let speechVerbs: [[UInt32]] = ["说", "表示", "指出", "认为", "强调", "介绍", "透露", "坦言", "告诉记者"].map { $0.unicodeScalars.map(\.value) }

    /// The last sentence opens with "X说，" / "X表示，": a quotation that must run to a stop. Not where
    /// 说 closes a discourse marker (对消费者来说，, 据说，, 也就是说，): those introduce no speaker.
    static func reportsSpeech(_ t: ScalarText) -> Bool {
        let s = t.scalars
        var start = 0
        for (k, c) in s.enumerated() where c == 0x3002 || c == 0xFF01 || c == 0xFF1F { start = k + 1 }
        guard let comma = s[start...].firstIndex(where: { $0 == 0xFF0C || $0 == 0x2C || $0 == 0xFF1A }), comma - start <= 16 else { return false }
        let said = speechVerbs.contains { verb in
            comma - start >= verb.count && Array(s[(comma - verb.count)..<comma]) == verb
        }
        return said && !discourseMarkers.contains { m in comma - start >= m.count && Array(s[(comma - m.count)..<comma]) == m }
    }

    /// Compounds of 说 that mark the speaker's own framing, not someone's speech: 对…来说, 据说, 听说,
    /// 比如说, 也就是说, 换句话说, 一般来说, 总的来说, 再说, 虽说, 或者说.
    static let discourseMarkers: [[UInt32]] = ["来说", "据说", "听说", "比如说", "就是说", "换句话说", "一般来说", "总的来说", "再说", "虽说", "或者说"]
        .map { $0.unicodeScalars.map(\.value) }

    /// An opening quote or bracket in the last sentence that is never closed.
    func unclosedOpener(_ t: ScalarText) -> Bool {
        var start = 0
        for (k, c) in t.scalars.enumerated() where c == 0x3002 || c == 0xFF01 || c == 0xFF1F { start = k + 1 }
        var open: [UInt32] = []
        for c in t.scalars[start...] {
            if Self.pairs.values.contains(c) { open.append(c) } else if let o = Self.pairs[c], let idx = open.lastIndex(of: o) { open.remove(at: idx) }
        }
        return open.contains { $0 != 0x201C && $0 != 0x2018 } || (open.contains(0x201C) && t.scalars.first != 0x201C)
    }
}
