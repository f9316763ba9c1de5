#!/usr/bin/env python3
"""Distinct copy for bench/run: a large file of newspaper copy in which no paragraph is repeated.

Repeating the dev articles to fill 100 MB gives a file in which every paragraph comes back hundreds of
times, and repeated text is not what a desk checks (it is cheaper or dearer than fresh copy, depending on
what the linter remembers). This file is built from real sentences recombined instead:

  * every article of CORPUS/dev/{clean,defective}/{en,zh} and CORPUS/published/{en,zh} is read line by
    line (a non-empty line is a paragraph in both layouts: blank-line separated and 　　-indented); lines
    starting with `#` (headlines) are skipped;
  * each paragraph is split into sentences: Chinese at 。！？ (a run of them) and any closing marks
    ”’」』）) after them; English at . ! ? (and closing " ' ) ]) followed by white space and then a capital,
    digit or opening mark, not after a common abbreviation (Mr., Dr., St., …) or an initial (J. K.).
    What is left after a paragraph's last terminator (a headline line, a byline, a sentence cut by a
    defect) is dropped, and so is an English sentence that starts in lower case (the orphaned rest of a
    cut one): only complete sentences are used. A short Chinese piece after a closing quotation
    (“……！”他说。) is joined to the quotation it attributes;
  * only sentences whose own “” ‘’ 「」 『』 （） () 《》 【】 pair up in order, and whose straight double
    quotes are even in number, are kept (the English apostrophe ' is not a quotation mark here), so
    every paragraph made of them is balanced as a page would have it; each distinct sentence is kept once;
  * articles are then made at random from a fixed seed: the language (Chinese or English, one each
    article, half and half), 8 to 15 paragraphs of 3 to 6 sentences drawn from that language's pool
    (Chinese sentences joined without a space, English with one), and above them a headline line `# ` +
    the opening of one of the story's own sentences, so that it shares words with its story as a
    headline does (Chinese: its first clause, 4 to 24 characters; English: its first 4 to 9 words, less
    trailing function words; no quotation marks or brackets); blocks are separated by a blank line, as
    in the Markdown layout of dev/;
  * a set of paragraph hashes (BLAKE2b, 16 bytes) guarantees that no paragraph, headline or body, is
    written twice: a repeat is drawn again.

The articles depend on the seed only, not on the size asked for: a smaller file is the start of a
larger one, up to its last article, which stops at the size. --prefix PATH:MB also writes the first MB megabytes (decimal) of the file to PATH, cut at the last
paragraph boundary at or before that size. Output files are written to a temporary name and renamed, and
a file that already exists is left alone (bench/run's cache), so nothing is printed then. When a file is
written, its statistics are counted again from the bytes written and printed: MB, articles (headlines),
body paragraphs, blocks (headlines + paragraphs), distinct blocks, unbalanced paragraphs.
"""
import argparse, glob, hashlib, os, random, re, sys

VERSION = 1  # bump when the output changes (bench/run keys its cache on it)
SEED = 20240601

CLOSERS_ZH = "”’」』）"
ZH_SENTENCE = re.compile(r"[^。！？]*[。！？]+[" + CLOSERS_ZH + r"]*")
EN_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[A-Z0-9]|\s*$)")
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "mt", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "lt", "col",
    "capt", "sgt", "rev", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "approx", "dept", "est", "u.s",
    "u.k", "e.g", "i.e", "a.m", "p.m",
}
PAIRS = {"”": "“", "’": "‘", "」": "「", "』": "『", "）": "（", ")": "(", "》": "《", "】": "【"}
OPENERS = set(PAIRS.values())
MARKS = re.compile("[“”‘’「」『』（）()《》【】\"]")
CJK = re.compile("[\u3400-\u9fff]")


def balanced(text):
    stack, straight = [], 0
    for c in MARKS.findall(text):
        if c == '"':
            straight += 1
        elif c in OPENERS:
            stack.append(c)
        elif not stack or stack.pop() != PAIRS[c]:
            return False
    return not stack and straight % 2 == 0


def split_zh(paragraph):
    out = []
    for m in ZH_SENTENCE.finditer(paragraph):
        s = m.group().strip()
        if not s:
            continue
        # “……！”他说。 is one sentence: a short piece after a closing quotation (有关负责人说。) says
        # who spoke, and alone it would open a paragraph on an attribution with no quotation.
        if out and out[-1][-1] in "”’」』" and len(s) <= 24 and "“" not in s:
            out[-1] += s
        else:
            out.append(s)
    return [s for s in out if len(CJK.findall(s)) >= 4]


def split_en(paragraph):
    out, start = [], 0
    for m in EN_END.finditer(paragraph):
        before = paragraph[start:m.start()].rsplit(None, 1)
        word = before[-1].lstrip("\"'([").lower() if before else ""
        if m.group()[0] == "." and (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    # A sentence that starts in lower case is the rest of one cut by a defect of dev/defective (an orphan).
    return [s for s in out if len(s.split()) >= 3 and any(c.isalpha() for c in s) and not s[0].islower()]


def sentences(corpus):
    """(pools by language, number of sentences dropped as unbalanced), sorted file order, first seen kept."""
    pools, seen, dropped = {"en": [], "zh": []}, set(), 0
    files = []
    for d in ("dev/clean", "dev/defective", "published"):
        for lang in ("en", "zh"):
            files += [(lang, f) for f in sorted(glob.glob(os.path.join(corpus, d, lang, "*.txt")))]
    for lang, path in files:
        split = split_zh if lang == "zh" else split_en
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            for s in split(line):
                if s in seen:
                    continue
                seen.add(s)
                if balanced(s):
                    pools[lang].append(s)
                else:
                    dropped += 1
    return pools, dropped


HEADLINE_STOP = {"a", "an", "the", "to", "of", "in", "on", "at", "for", "and", "or", "but", "with", "by",
                 "from", "as", "is", "was", "are", "were", "has", "have", "had", "be", "that", "which", "its",
                 "his", "her", "their", "will", "can", "could", "would", "said", "says", "mr", "mrs", "ms", "dr"}


def headline(sentence, lang):
    """`# ` + the opening of the sentence, or None when it would not make a headline."""
    if lang == "zh":
        h = re.split("[，、；：。！？]", sentence, maxsplit=1)[0]
        ok = 4 <= len(h) <= 24
    else:
        words = sentence.split()[:9]
        while words and words[-1].lower().strip(",;:.!?") in HEADLINE_STOP:
            words.pop()
        h = " ".join(words).rstrip(",;:.!?")
        h = h[:1].upper() + h[1:]
        ok = len(words) >= 4
    return "# " + h if ok and not MARKS.search(h) else None


def generate(corpus, size):
    """The text of at least `size` bytes (UTF-8), ending after a paragraph, and the counts of the pools."""
    pools, dropped = sentences(corpus)
    rng = random.Random(SEED)
    seen, chunks, n = set(), [], 0
    def new(block):
        key = hashlib.blake2b(block.encode(), digest_size=16).digest()
        if key in seen:
            return False
        seen.add(key)
        return True
    while n < size:
        lang = "zh" if rng.random() < 0.5 else "en"
        pool, joiner = pools[lang], ("" if lang == "zh" else " ")
        body, used, m = [], [], n
        for _ in range(rng.randint(8, 15)):
            while True:
                picked = [rng.choice(pool) for _ in range(rng.randint(3, 6))]
                paragraph = joiner.join(picked)
                if new(paragraph):
                    break
            body.append(paragraph)
            used += picked
            m += len(paragraph.encode()) + 2
            if m >= size:
                break
        # The headline is the opening of one of the story's own sentences (a headline shares words with its
        # story), the first that makes a headline not used before, else of any sentence.
        for s in used:
            h = headline(s, lang)
            if h and new(h):
                break
        else:
            while True:
                h = headline(rng.choice(pool), lang)
                if h and new(h):
                    break
        for block in [h] + body:
            chunks.append(block + "\n\n")
            n += len(block.encode()) + 2
    return "".join(chunks), {"zh": len(pools["zh"]), "en": len(pools["en"]), "unbalanced": dropped}


def stats(data):
    blocks = data.decode("utf-8").split("\n\n")
    if blocks and blocks[-1] == "":
        blocks.pop()
    heads = sum(1 for b in blocks if b.startswith("# "))
    distinct = len({hashlib.blake2b(b.encode(), digest_size=16).digest() for b in blocks})
    unbalanced = sum(1 for b in blocks if not balanced(b))
    return ("%.1f MB, %d articles, %d paragraphs + %d headlines = %d blocks, %d distinct, %d unbalanced"
            % (len(data) / 1e6, heads, len(blocks) - heads, heads, len(blocks), distinct, unbalanced))


def write(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as out:
        out.write(data)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    if sys.argv[1:] == ["--version"]:
        print(VERSION)
        return 0
    ap.add_argument("--corpus", required=True, help="the corpus folder (holding dev/ and published/)")
    ap.add_argument("--out", required=True, help="the file to write")
    ap.add_argument("--mb", type=float, required=True, help="its size in decimal megabytes (at least)")
    ap.add_argument("--prefix", action="append", default=[], metavar="PATH:MB")
    args = ap.parse_args()
    data = None
    if not os.path.exists(args.out):
        text, pools = generate(args.corpus, int(args.mb * 1e6))
        data = text.encode()
        write(args.out, data)
        print("generated %s: %s (sentences: %d Chinese, %d English; %d dropped, quotes or brackets unbalanced)"
              % (os.path.basename(args.out), stats(data), pools["zh"], pools["en"], pools["unbalanced"]))
    for spec in args.prefix:
        path, mb = spec.rsplit(":", 1)
        if os.path.exists(path):
            continue
        if data is None:
            data = open(args.out, "rb").read()
        limit = int(float(mb) * 1e6)
        cut = data.rfind(b"\n\n", 0, limit) + 2 if len(data) > limit else len(data)
        write(path, data[:cut])
        print("generated %s: %s" % (os.path.basename(path), stats(data[:cut])))


if __name__ == "__main__":
    sys.exit(main())
