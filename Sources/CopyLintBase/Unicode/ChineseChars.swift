/// What Debian's python3-jieba word list says of single Chinese characters (scripts/gen-zh-chars.py):
/// the class of the character used as a word on its own, whether it opens personal names, and
/// whether it opens clauses at all.
public enum ChineseChars {
    /// The part of speech of a character standing alone as a word, folded into a few classes.
    public enum WordClass: UInt8, Sendable {
        case none, noun, verb, adjective, adverb, preposition, conjunction, particle, modal, numeral,
             measure, pronoun, localizer, affix, sound
    }

    private static let classOf: [UInt32: WordClass] = {
        let letters: [Character: WordClass] = ["n": .noun, "v": .verb, "a": .adjective, "d": .adverb, "p": .preposition,
                                               "c": .conjunction, "u": .particle, "y": .modal, "m": .numeral, "q": .measure,
                                               "r": .pronoun, "f": .localizer, "k": .affix, "o": .sound]
        var out: [UInt32: WordClass] = [:]
        for (letter, chars) in ChineseCharData.classes {
            guard let c = letters[letter] else { continue }
            for s in chars.unicodeScalars { out[s.value] = c }
        }
        return out
    }()

    private static let surnames = Set(ChineseCharData.surnames.unicodeScalars.map(\.value))

    /// The word class of `c` on its own (`.none`: the list has no such one-character word).
    public static func wordClass(_ c: UInt32) -> WordClass { classOf[c] ?? .none }

    /// `c` opens many personal names in the word list (王, 刘, 颜, 屠).
    public static func isSurname(_ c: UInt32) -> Bool { surnames.contains(c) }

    private static let rarelyOpening = Set(ChineseCharData.rarelyOpening.unicodeScalars.map(\.value))

    /// `c` is the second half of words and almost never opens a clause (础 of 基础, 圾 of 垃圾): jieba's
    /// part-of-speech HMM starts a clause with it less than a twentieth as often as it uses it anywhere.
    public static func rarelyOpensClause(_ c: UInt32) -> Bool { rarelyOpening.contains(c) }

    /// The structural and aspect particles (的 地 得 了 着, by jieba's tags): no sentence opens on one
    /// standing alone.
    public static let structuralParticles = ChineseCharData.structuralParticles.unicodeScalars.map(\.value)
}
