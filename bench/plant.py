#!/usr/bin/env python3
"""Planted defects in real copy copylint was never tuned on: recall and precision per kind of defect.

    bench/plant-eval [--seed N] [--out DIR] [--misses]
    COPYLINT_BIN=/path/to/copylint bench/plant-eval     (another build, e.g. an earlier one, unbuilt)

The articles of ../shared/corpus/published (People's Daily, January 2020, and BBC News, 2004–05: the
same kinds of copy as dev/, other articles) are set in dev/'s two layouts (Markdown-style or plain
headline lines, Chinese with or without the 　　 indent), and each gets one to three defects of the
kinds dev/defective carries, put in as layout and editing put them in:

  duplicate-paragraph  immediate, burst (2–4 copies), later, runaway (5–30 copies), near (a mark
                       changed or dropped), near-later
  truncated-sentence   split (a paragraph broken mid-sentence, the rest after an empty paragraph),
                       split-hyphen (English, broken inside a word with a hyphen), lost (cut, the rest
                       gone), end (the story's last paragraph cut), orphan (a paragraph whose first
                       part is gone)
  mixed-script         en-tight / en-spaced (a Chinese word replaced by its English gloss, with or
                       without spaces), trad-char / trad-word (a traditional form in simplified copy),
                       cyrillic / greek / fullwidth / cjk (one letter of an English word)
  misplaced-headline   to-end (the headline group after the body), foreign (another story's headline
                       in the body), empty-section (a subhead whose section is gone)

Every file is then linted, and the diagnostics are matched to the planted defects as the corpus's
scorer matches labels (same rule and file, a line in [line-1, end_line+1]). Recall is given per kind;
precision counts every finding of the four checks that matches no planted defect (a few may be real
defects of the source: published/ has a handful). Files split into a tuning and a checking half by a
hash of their name, as in bench/eval; both are printed.

This is a proxy for copy never seen: the articles are other articles, the defects are made by this
script, not by the generator of dev/, so their exact cut points and words differ.
"""
import argparse
import collections
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys

# The paths, the binary, the rules scored, the corpus's scorer and the tune/check split are bench/eval's.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval import BIN, CORPUS, FOUR, ROOT, half, score  # noqa: E402

# Common words of Chinese news copy and the English a careless paste or a translation memory leaves.
GLOSS = {"发展": "development", "社会": "society", "环境": "environment", "政策": "policy", "工作": "work",
         "城市": "city", "群众": "people", "改革": "reform", "经济": "economy", "企业": "enterprise",
         "服务": "service", "技术": "technology", "市场": "market", "建设": "construction", "文化": "culture",
         "教育": "education", "国家": "country", "问题": "problem", "时间": "time", "项目": "project",
         "管理": "management", "安全": "safety", "健康": "health", "生活": "life", "历史": "history"}
# Simplified characters and words with a distinct traditional form.
TRAD_CHAR = {"说": "說", "们": "們", "经": "經", "队": "隊", "这": "這", "来": "來", "时": "時", "国": "國",
             "会": "會", "发": "發", "对": "對", "业": "業", "长": "長", "为": "為", "过": "過", "动": "動",
             "学": "學", "实": "實", "现": "現", "进": "進", "还": "還", "关": "關", "开": "開", "区": "區"}
TRAD_WORD = {"时间": "時間", "发展": "發展", "关系": "關係", "经济": "經濟", "国家": "國家", "问题": "問題",
             "会议": "會議", "进行": "進行", "实现": "實現", "开展": "開展", "动员": "動員", "学习": "學習"}
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "s": "ѕ"}
GREEK = {"a": "α", "i": "ι", "o": "ο", "v": "ν", "u": "υ", "k": "κ"}
CJK_FILLERS = "的了和有一是在不人中"

VARIANTS = [  # (rule, variant, weight): about as often as dev/defective has them
    ("duplicate-paragraph", "immediate", 10), ("duplicate-paragraph", "burst", 5),
    ("duplicate-paragraph", "later", 6), ("duplicate-paragraph", "runaway", 2),
    ("duplicate-paragraph", "near", 3), ("duplicate-paragraph", "near-later", 2),
    ("truncated-sentence", "split", 14), ("truncated-sentence", "split-hyphen", 3),
    ("truncated-sentence", "lost", 9), ("truncated-sentence", "end", 6), ("truncated-sentence", "orphan", 6),
    ("mixed-script", "en-tight", 4), ("mixed-script", "en-spaced", 4), ("mixed-script", "trad-char", 5),
    ("mixed-script", "trad-word", 2), ("mixed-script", "cyrillic", 6), ("mixed-script", "greek", 5),
    ("mixed-script", "fullwidth", 2), ("mixed-script", "cjk", 3),
    ("misplaced-headline", "to-end", 12), ("misplaced-headline", "foreign", 10),
    ("misplaced-headline", "empty-section", 3),
]
ZH_ONLY = {"en-tight", "en-spaced", "trad-char", "trad-word"}
EN_ONLY = {"cyrillic", "greek", "fullwidth", "cjk", "split-hyphen"}
STOPS = set("。！？.!?”\"’')）…")


class Block:
    def __init__(self, kind, text):
        self.kind, self.text, self.labels = kind, text, []   # labels: (rule, variant, to_block or None, col)
        self.touched = False
        self.group = False     # a line of the article's headline group
        self.continued = False # the rest of a split paragraph: set without the indent, as dev/ sets it   # made or changed by a planted defect: no second defect is put in it


def read_article(path, lang):
    """Head blocks (kicker, headline, subtitle) and body blocks (paragraph or subhead)."""
    text = open(path, encoding="utf-8").read().replace("\r\n", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    head, body = [], []
    if lang == "zh":
        for kind, line in zip(("kicker", "headline", "subtitle"), lines[:3]):
            if line.strip():
                head.append(Block(kind, line.strip()))
                head[-1].group = True
        for line in lines[3:]:
            t = line.strip().strip("\u3000")
            if not t:
                continue
            sub = len(t) <= 30 and t[-1] not in "。！？：”…）)" and not re.search(r"[。！？]", t)
            body.append(Block("subhead" if sub else "paragraph", t))
        # A subhead stands between paragraphs; runs of short lines (a table of contents, a signature,
        # a two-line heading) stay lines of the body as the paper set them.
        for i, b in enumerate(body):
            if b.kind == "subhead" and not (0 < i < len(body) - 1 and body[i - 1].kind != "subhead"
                                            and body[i + 1].kind != "subhead"):
                b.kind = "line"
        for b in body:
            if b.kind == "line":
                b.kind = "paragraph"
    else:
        head.append(Block("headline", lines[0].strip()))
        para = []
        for line in lines[1:]:
            if line.strip():
                para.append(line.strip())
            elif para:
                body.append(Block("paragraph", " ".join(para)))
                para = []
        if para:
            body.append(Block("paragraph", " ".join(para)))
    return head, body


def render(blocks, lang, md, indent):
    """The file's text, and the first line of each block (1-based)."""
    out, first = [], []
    mark = {"kicker": "### ", "headline": "# ", "subtitle": "## ", "subhead": "### "}
    for k, b in enumerate(blocks):
        if b.kind == "empty":   # the gap a column break leaves: one more empty line
            first.append(len(out))
            out.append("")
            continue
        t = b.text
        if md and b.kind in mark:
            t = mark[b.kind] + t
        elif lang == "zh" and indent and b.kind == "paragraph" and not b.text.startswith("\u3000") and not b.continued:
            t = "\u3000\u3000" + t
        first.append(len(out) + 1)
        out.append(t)
        # In the plain layout the headline group is set as consecutive lines, as dev/ sets it.
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if not (not md and b.group and nxt is not None and nxt.group):
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n", first


def cut_points(text, lang, rng, lo_frac=0.3, hi_frac=0.85):
    """A place inside a sentence: not next to punctuation (and, in English, between words or inside a word)."""
    n = len(text)
    cands = []
    for i in range(int(n * lo_frac), int(n * hi_frac)):
        a, b = text[i - 1], text[i]
        if lang == "zh":
            if "\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff":
                cands.append(i)
        else:
            if a == " " and b.isalpha() and text[i - 2] not in ".!?:;\"":
                cands.append(i)
    return rng.choice(cands) if cands else None


def plant(rng, rule, variant, head, body, lang, others):
    """Puts one defect in; returns False when the article has no place for it."""
    paras = [i for i, b in enumerate(body) if b.kind == "paragraph" and not b.touched
             and not (i > 0 and body[i - 1].touched) and not (i + 1 < len(body) and body[i + 1].touched)]
    long_paras = [i for i in paras if len(body[i].text) >= (40 if lang == "zh" else 80)]
    if rule == "duplicate-paragraph":
        if not long_paras:
            return False
        i = rng.choice(long_paras)
        src = body[i].text
        copies = {"immediate": 1, "burst": rng.randint(2, 4), "later": 1, "runaway": rng.randint(5, 30),
                  "near": 1, "near-later": 1}[variant]
        text = src
        if variant.startswith("near"):
            marks = [k for k, ch in enumerate(src) if ch in "，,、；;"]
            if not marks:
                return False
            k = rng.choice(marks)
            text = src[:k] + ({"，": "、", ",": "", "、": "，", "；": "，", ";": ","}[src[k]]) + src[k + 1:]
        at = i + 1
        if variant in ("later", "near-later"):
            later = [j for j in range(i + 3, len(body) + 1)]
            if not later:
                return False
            at = rng.choice(later)
        body[i].touched = True   # (a later defect in the first copy would make the repeat no repeat)
        for _ in range(copies):
            b = Block("paragraph", text)
            b.labels.append((rule, variant, None, None))
            body.insert(at, b)
        return True
    if rule == "truncated-sentence":
        if variant == "end" and body and body[-1].touched:
            return False
        if variant == "end":
            # The story's last paragraph of copy (not a credit or a source line under it).
            if not body or len(body) - 1 not in long_paras:
                return False
            i = len(body) - 1
        else:
            cands = [i for i in long_paras if i + 1 < len(body)] if variant != "orphan" else [i for i in long_paras if i > 0]
            if not cands:
                return False
            i = rng.choice(cands)
        src = body[i].text
        if variant == "split-hyphen":
            words = [m for m in re.finditer(r"(?<= )[a-z]{7,}(?= )", src[int(len(src) * 0.3):int(len(src) * 0.85)])]
            if not words:
                return False
            m = rng.choice(words)
            start = int(len(src) * 0.3) + m.start()
            k = start + rng.randint(3, len(m.group()) - 3)
            first, rest = src[:k] + "-", src[k:]
        else:
            k = cut_points(src, lang, rng)
            if k is None:
                return False
            first, rest = src[:k].rstrip(), src[k:]
        if variant in ("split", "split-hyphen"):
            body[i].text = first
            body[i].labels.append((rule, variant, None, None))
            gap = rng.random() < 0.5
            if gap:
                body.insert(i + 1, Block("empty", ""))
            body.insert(i + 1 + gap, Block("paragraph", rest))
            body[i + 1 + gap].touched = True
            body[i + 1 + gap].continued = True
        elif variant in ("lost", "end"):
            body[i].text = first
            body[i].labels.append((rule, variant, None, None))
        else:  # orphan
            body[i].text = rest
            body[i].labels.append((rule, variant, None, None))
        return True
    if rule == "mixed-script":
        rng.shuffle(paras)
        for i in paras:
            t = body[i].text
            if variant in ("en-tight", "en-spaced"):
                hits = [(m.start(), w) for w in GLOSS for m in re.finditer(w, t)]
                if not hits:
                    continue
                k, w = rng.choice(hits)
                rep = GLOSS[w] if variant == "en-tight" else " " + GLOSS[w] + " "
                body[i].text = t[:k] + rep + t[k + len(w):]
                body[i].labels.append((rule, variant, None, k + (1 if variant == "en-spaced" else 0)))
                return True
            if variant in ("trad-char", "trad-word"):
                table = TRAD_CHAR if variant == "trad-char" else TRAD_WORD
                hits = [(m.start(), w) for w in table for m in re.finditer(w, t)]
                if not hits:
                    continue
                k, w = rng.choice(hits)
                body[i].text = t[:k] + table[w] + t[k + len(w):]
                body[i].labels.append((rule, variant, None, k))
                return True
            words = [m for m in re.finditer(r"\b[A-Za-z]{4,}\b", t)]
            rng.shuffle(words)
            for m in words:
                w = m.group()
                if variant in ("cyrillic", "greek"):
                    table = CYRILLIC if variant == "cyrillic" else GREEK
                    spots = [j for j, ch in enumerate(w) if ch in table]
                    if not spots:
                        continue
                    j = rng.choice(spots)
                    new = w[:j] + table[w[j]] + w[j + 1:]
                elif variant == "fullwidth":
                    j = rng.randrange(1, len(w))
                    new = w[:j] + chr(ord(w[j]) + 0xFEE0) + w[j + 1:]
                else:  # cjk
                    j = rng.randrange(1, len(w) - 1)
                    new = w[:j] + rng.choice(CJK_FILLERS) + w[j:]
                body[i].text = t[:m.start()] + new + t[m.end():]
                body[i].labels.append((rule, variant, None, m.start() + j))
                return True
        return False
    if rule == "misplaced-headline":
        if variant == "to-end":
            hl = [b for b in head if b.kind == "headline"]
            if not hl or not body:
                return False
            hl[0].labels.append((rule, variant, None, None))
            body.extend(head)
            head.clear()
            return True
        if variant == "foreign":
            if len(paras) < 3 or not others:
                return False
            i = rng.choice([p for p in paras if 0 < p < len(body)])
            b = Block("headline", rng.choice(others))
            b.labels.append((rule, variant, None, None))
            body.insert(i, b)
            return True
        # empty-section: a subhead whose paragraphs are gone, the next subhead right under it
        subs = [i for i, b in enumerate(body) if b.kind == "subhead"]
        pairs = [(a, b) for a, b in zip(subs, subs[1:]) if b - a >= 2 and not any(x.labels for x in body[a + 1:b])]
        if not pairs:
            return False
        a, b = rng.choice(pairs)
        del body[a + 1:b]
        body[a].labels.append((rule, variant, body[a + 1], None))
        return True
    return False


def touch(head, body):
    for b in head + body:
        if b.labels:
            b.touched = True


def build(out, seed):
    rng = random.Random(seed)
    labels, injections = [], []
    pub = os.path.join(CORPUS, "published")
    for lang in ("zh", "en"):
        files = sorted(glob.glob(os.path.join(pub, lang, "*.txt")))
        heads = []
        for f in files:
            h, _ = read_article(f, lang)
            heads += [b.text for b in h if b.kind == "headline"]
        os.makedirs(os.path.join(out, lang), exist_ok=True)
        for f in files:
            name = os.path.basename(f)
            head, body = read_article(f, lang)
            if not body or not any(b.kind == "headline" for b in head):
                continue
            own = {b.text for b in head}
            others = [h for h in rng.sample(heads, 20) if h not in own]
            md = rng.random() < 0.5
            indent = lang == "zh" and rng.random() < 0.4
            want = rng.choice((1, 1, 2, 2, 3))
            pool = [v for v in VARIANTS if not (lang == "en" and v[1] in ZH_ONLY) and not (lang == "zh" and v[1] in EN_ONLY)]
            done, tries = 0, 0
            while done < want and tries < 20:
                tries += 1
                rule, variant, _ = rng.choices(pool, weights=[w for *_, w in pool])[0]
                if plant(rng, rule, variant, head, body, lang, others):
                    done += 1
                    touch(head, body)
            blocks = head + body
            text, first = render(blocks, lang, md, indent)
            rel = "%s/%s" % (lang, name)
            open(os.path.join(out, rel), "w", encoding="utf-8").write(text)
            for k, b in enumerate(blocks):
                for rule, variant, to, col in b.labels:
                    end = first[blocks.index(to)] if to is not None else first[k]
                    lab = {"file": rel, "rule": rule, "line": first[k], "col": None if col is None else col + 1 + (2 if indent and b.kind == "paragraph" else 0),
                           "end_line": end}
                    labels.append(lab)
                    injections.append(dict(lab, variant=variant))
    with open(os.path.join(out, "labels.jsonl"), "w") as fh:
        for l in labels:
            fh.write(json.dumps(l, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "injections.jsonl"), "w") as fh:
        for l in injections:
            fh.write(json.dumps(l, ensure_ascii=False) + "\n")
    return injections


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="/tmp/copylint-planted")
    ap.add_argument("--misses", action="store_true", help="print each missed defect and each unmatched finding")
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    inj = build(args.out, args.seed)
    if not os.environ.get("COPYLINT_BIN"):
        subprocess.run(["swift", "build", "-c", "release", "--product", "copylint"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    files = sorted({os.path.relpath(p, args.out) for p in glob.glob(os.path.join(args.out, "*", "*.txt"))})
    res = subprocess.run([BIN, "--format", "gcc", "-q", *files], cwd=args.out, capture_output=True, text=True)
    diags = []
    for line in res.stdout.splitlines():
        m = score.DIAG.match(line)
        if m and m.group("rule") in FOUR:
            diags.append({"file": score.norm_path(m.group("path"), args.out), "line": int(m.group("line")),
                          "rule": m.group("rule"), "col": None, "text": line})
    # Match as score.py does, remembering which label each diagnostic took.
    hit, used = set(), set()
    for key in {(l["rule"], l["file"]) for l in inj}:
        ls = sorted([(k, l) for k, l in enumerate(inj) if (l["rule"], l["file"]) == key], key=lambda kl: (kl[1]["end_line"] + 1, kl[1]["line"] - 1))
        ds = sorted([(k, d) for k, d in enumerate(diags) if (d["rule"], d["file"]) == key], key=lambda kd: kd[1]["line"])
        for k, l in ls:
            for j, d in ds:
                if j not in used and l["line"] - 1 <= d["line"] <= l["end_line"] + 1:
                    used.add(j)
                    hit.add(k)
                    break
    print("== planted defects in published/ (seed %d, %d files, %d defects) ==" % (args.seed, len(files), len(inj)))
    for part in ("all", "tune", "check"):
        keep = lambda f: part == "all" or half(f) == part
        print("-- %s --" % part)
        for lang in ("zh", "en", "all"):
            kl = lambda f: (lang == "all" or f.startswith(lang + "/")) and keep(f)
            for rule in FOUR + ("four checks",):
                rl = lambda r: rule == "four checks" or r == rule
                tp = sum(1 for k, l in enumerate(inj) if k in hit and kl(l["file"]) and rl(l["rule"]))
                fn = sum(1 for k, l in enumerate(inj) if k not in hit and kl(l["file"]) and rl(l["rule"]))
                fp = sum(1 for j, d in enumerate(diags) if j not in used and kl(d["file"]) and rl(d["rule"]))
                p, r, _ = score.prf(tp, fp, fn)
                if rule == "four checks" or part == "all":
                    print("  %-4s %-22s %5d %5d %5d  P %s  R %s" % (lang, rule, tp, fp, fn, "n/a" if p is None else "%.3f" % p,
                                                                    "n/a" if r is None else "%.3f" % r))
    print("-- recall by kind (all | tune | check) --")
    kinds = collections.OrderedDict()
    for k, l in enumerate(inj):
        lang = l["file"].split("/")[0]
        kinds.setdefault((l["rule"], l["variant"], lang), []).append(k)
    for (rule, variant, lang), ks in sorted(kinds.items()):
        row = []
        for part in ("all", "tune", "check"):
            sel = [k for k in ks if part == "all" or half(inj[k]["file"]) == part]
            row.append("%3d/%-3d" % (sum(1 for k in sel if k in hit), len(sel)))
        print("  %-20s %-14s %-3s %s" % (rule, variant, lang, " | ".join(row)))
    if args.misses:
        for k, l in enumerate(inj):
            if k not in hit:
                lines = open(os.path.join(args.out, l["file"]), encoding="utf-8").read().split("\n")
                print("FN %s %s %s:%d\n   | %s" % (l["rule"], l["variant"], l["file"], l["line"], lines[l["line"] - 1][:150]))
        for j, d in enumerate(diags):
            if j not in used:
                print("FP %s" % d["text"][:220])


if __name__ == "__main__":
    main()
