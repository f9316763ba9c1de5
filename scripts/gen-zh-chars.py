#!/usr/bin/env python3
"""Generate Sources/CopyLintBase/Generated/ChineseCharData.swift from Debian's python3-jieba
word list (jieba/dict.txt: word, frequency, part of speech).

    apt-get install python3-jieba
    python3 scripts/gen-zh-chars.py [/usr/lib/python3/dist-packages/jieba/dict.txt]

Two facts about single Chinese characters, read off the word list rather than typed in:

  * word class -- the part of speech jieba gives the character used as a word on its own
    (低 a, 看 v, 座 q, 的 uj, 在 p, 呦 e), folded into a few classes: noun, verb, adjective,
    adverb, preposition, conjunction, particle, modal, numeral, measure word, pronoun,
    localizer, affix, sound word. copylint reads it to tell a reduplication (看看, 凉凉的,
    座座军营, 啾啾) from a slip (低低五度, 的的), and which characters cannot open or close a
    sentence.
  * surname -- the character opens at least SURNAME_MIN personal names (nr, nrfg, nrt) of two to
    four characters, and names are at least SURNAME_SHARE of the words it opens: 王, 刘, 颜, 屠
    (not 天 or 经, which open names too but mostly other words). A doubled character or a
    variant form right after one is part of a name (罗珊珊, 刘龑珑).
  * structural particle -- jieba tags the character, used alone, as the particle of an attribute
    (的 uj), an adverbial (地 uv), a complement (得 ud), an aspect (了 ul, 着 uz): a sentence
    never opens on one standing alone.
  * rarely opens a clause -- in the same HMM, the probability that a clause (a run of Chinese
    characters) starts with the character, over the probability of the character anywhere (the
    model's stationary distribution). Characters below OPEN_RATIO that the model sees at least
    OPEN_MIN of the time are the second halves of words (础 of 基础, 圾 of 垃圾, 萄 of 葡萄, 际 of
    国际): a paragraph that starts with one alone starts inside a word.
"""
import collections
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jieba_hmm import load_hmm  # noqa: E402

SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/python3/dist-packages/jieba/dict.txt"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                   "Sources", "CopyLintBase", "Generated", "ChineseCharData.swift")
POSSEG = os.path.join(os.path.dirname(SRC), "posseg")
SURNAME_MIN = 25
WORD_SHARE = 0.1
OPEN_RATIO = 0.05
OPEN_MIN = 2e-6
SURNAME_SHARE = 0.5
# jieba's tags of the structural and aspect particles (的 地 得 了 着).
STRUCTURAL = {"uj", "uv", "ud", "ul", "uz"}

# jieba's tags folded into classes; the letter is the class's name in the generated table.
CLASSES = [
    ("n", "noun", {"n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "s", "t", "tg", "j", "g"}),
    ("v", "verb", {"v", "vg", "vn", "vd", "vi", "vq"}),
    ("a", "adjective", {"a", "ad", "an", "ag", "b", "z"}),
    ("d", "adverb", {"d", "dg"}),
    ("p", "preposition", {"p"}),
    ("c", "conjunction", {"c"}),
    ("u", "particle", {"u", "uj", "ul", "uv", "ud", "uz", "ug"}),
    ("y", "modal", {"y"}),
    ("m", "numeral", {"m", "mq"}),
    ("q", "measure word", {"q"}),
    ("r", "pronoun", {"r", "rr", "rz"}),
    ("f", "localizer", {"f"}),
    ("k", "affix", {"k", "h"}),
    ("o", "sound word", {"o", "e"}),
]


def hmm_facts():
    """(class letter by character from the S state, characters that rarely open a clause)."""
    start, _, stationary, emit = load_hmm(POSSEG)
    tag_letter = {tag: letter for letter, _, tags in CLASSES for tag in tags}
    weight = collections.defaultdict(lambda: collections.defaultdict(float))
    alone = collections.defaultdict(float)
    at_start = collections.defaultdict(float)
    anywhere = collections.defaultdict(float)
    for state, row in emit.items():
        for c, lp in row.items():
            p = math.exp(lp)
            anywhere[c] += stationary.get(state, 0) * p
            at_start[c] += start.get(state, 0) * p
            if state[0] == "S":
                alone[c] += stationary.get(state, 0) * p
                if state[1] in tag_letter:
                    weight[c][tag_letter[state[1]]] += stationary.get(state, 0) * p
    classes = {c: max(w, key=w.get) for c, w in weight.items()
               if len(c) == 1 and 0x3400 <= ord(c) <= 0xFFFF and alone[c] >= WORD_SHARE * anywhere[c]}
    closing = sorted(c for c, p in anywhere.items()
                     if len(c) == 1 and 0x3400 <= ord(c) <= 0xFFFF and p >= OPEN_MIN and at_start[c] / p < OPEN_RATIO)
    return classes, closing


def main():
    hmm_classes, closing = hmm_facts()
    classes = {}
    names = collections.Counter()
    opens = collections.Counter()
    structural = set()
    with open(SRC, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 3:
                continue
            word, pos = parts[0], parts[2]
            if len(word) == 1 and 0x3400 <= ord(word) <= 0xFFFF:
                for letter, _, tags in CLASSES:
                    if pos in tags:
                        classes[word] = letter
                if pos in STRUCTURAL:
                    structural.add(word)
            if 2 <= len(word) <= 4:
                opens[word[0]] += 1
                if pos in ("nr", "nrfg", "nrt"):
                    names[word[0]] += 1
    classes.update(hmm_classes)
    surnames = sorted(c for c, n in names.items()
                      if n >= SURNAME_MIN and n >= SURNAME_SHARE * opens[c] and ord(c) <= 0xFFFF)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/gen-zh-chars.py from Debian's python3-jieba (dict.txt and the posseg HMM).\n")
        f.write("// Do not edit by hand: rerun the generator.\n\n")
        f.write("enum ChineseCharData {\n")
        f.write("    /// Word classes of characters used as words on their own: the class letter, then its characters.\n")
        f.write("    static let classes: [(Character, String)] = [\n")
        for letter, name, _ in CLASSES:
            chars = "".join(sorted(c for c, l in classes.items() if l == letter))
            f.write('        ("%s", "%s"),   // %s, %d\n' % (letter, chars, name, len(chars)))
        f.write("    ]\n\n")
        f.write("    /// Characters that open at least %d personal names in the word list, names being at least\n" % SURNAME_MIN)
        f.write("    /// %d%% of the words they open.\n" % int(SURNAME_SHARE * 100))
        f.write('    static let surnames = "%s"\n\n' % "".join(surnames))
        f.write("    /// Characters jieba tags, used alone, as structural or aspect particles (%s).\n" % ", ".join(sorted(STRUCTURAL)))
        f.write('    static let structuralParticles = "%s"\n\n' % "".join(sorted(structural)))
        f.write("    /// Characters that open a clause less than %g times as often as they occur anywhere\n" % OPEN_RATIO)
        f.write("    /// (jieba's part-of-speech HMM): second halves of words.\n")
        f.write('    static let rarelyOpening = "%s"\n' % "".join(closing))
        f.write("}\n")
    print("wrote %s: %d classed characters (%d from the HMM), %d surnames, %d rarely opening"
          % (OUT, len(classes), len(hmm_classes), len(surnames), len(closing)))


if __name__ == "__main__":
    main()
