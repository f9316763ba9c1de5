#!/usr/bin/env python3
"""Accuracy of copylint on ../shared/corpus (and on the pages in bench/pages), as tables.

    bench/eval [SET ...]      SET: seed, dev, clean, layouts, published, pages, pages2 … pages16 (default: all)

pages2 to pages16 are further sets of hand-written pages, each written blind (by someone who neither
ran copylint nor read its source) after the set before it had been read to find misses.

Each labelled set is scored with the corpus's own scorer (score.py: a label is matched by a diagnostic
of the same rule and file on a line in [line-1, end_line+1]). Every set is also split in two halves by
a hash of each file's name: "tune" (the half rules may be tuned on) and "check" (the half they are
judged on). A rule whose check score falls well below its tune score is fitted to its files.

Unlabelled copy (clean originals, published copy) is measured in findings per 10,000 characters.
"""
import collections
import glob
import hashlib
import importlib.util
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.realpath(os.environ.get("CORPUS", os.path.join(ROOT, "..", "shared", "corpus")))
# COPYLINT_BIN=/path/to/copylint bench/eval … scores another build (an earlier one), unbuilt.
BIN = os.environ.get("COPYLINT_BIN") or os.path.join(ROOT, ".build", "release", "copylint")
FOUR = ("duplicate-paragraph", "truncated-sentence", "mixed-script", "misplaced-headline")

spec = importlib.util.spec_from_file_location("score", os.path.join(CORPUS, "score.py"))
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def half(path):
    """'tune' or 'check', from a hash of the file's name (stable across runs and machines)."""
    return "tune" if hashlib.sha1(os.path.basename(path).encode()).digest()[0] % 2 == 0 else "check"


def run(root, paths, extra=()):
    out = subprocess.run([BIN, "--format", "gcc", "-q", *extra, *paths], cwd=root, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit("copylint failed on %s: %s" % (root, out.stderr.strip()))
    return out.stdout


def parse(text, root):
    """Every diagnostic: (file relative to root, line, rule)."""
    found = []
    for line in text.splitlines():
        m = score.DIAG.match(line)
        if m:
            found.append((score.norm_path(m.group("path"), root), int(m.group("line")), m.group("rule")))
    return found


def chars_of(root, files):
    return sum(len(open(os.path.join(root, f), encoding="utf-8", errors="replace").read()) for f in files)


def scored(labels, diags):
    """TP, FP, FN per rule for the files of `labels` and `diags` (four rules only)."""
    d = [{"file": f, "line": n, "rule": r, "col": None} for f, n, r in diags if r in FOUR]
    res = score.match(labels, d)
    per = {}
    for rule in FOUR:
        t = [0, 0, 0]
        for (r, _), v in res.items():
            if r == rule:
                t = [a + b for a, b in zip(t, v)]
        per[rule] = t
    return per


def fmt(x):
    return "  n/a" if x is None else "%.3f" % x


def prf_row(name, t):
    p, r, _ = score.prf(*t)
    return "  %-28s %5d %5d %5d  P %s  R %s" % (name, t[0], t[1], t[2], fmt(p), fmt(r))


def table_labelled(title, root, labels_path, group_of=None):
    """Scores a labelled set: per rule, per group (language or layout), per half."""
    labels = score.load_labels(labels_path)
    files = sorted({os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "*", "*.txt"))}
                   | {os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "*.txt"))})
    diags = parse(run(root, files), root)
    group_of = group_of or (lambda f: f.split("/")[0] if "/" in f else ".")
    print("== %s (%d files, %d labels) ==" % (title, len(files), len(labels)))
    groups = sorted({group_of(f) for f in files})
    for part in ("all", "tune", "check"):
        keep = (lambda f: True) if part == "all" else (lambda f, p=part: half(f) == p)
        per = scored([l for l in labels if keep(l["file"])], [d for d in diags if keep(d[0])])
        total = [sum(per[r][k] for r in FOUR) for k in range(3)]
        print(prf_row("%s: four checks" % part, total))
        if part == "all":
            for rule in FOUR:
                print(prf_row("  " + rule, per[rule]))
    if len(groups) > 1:
        for g in groups:
            gl = [l for l in labels if group_of(l["file"]) == g]
            gd = [d for d in diags if group_of(d[0]) == g]
            per = scored(gl, gd)
            print(prf_row("%s" % g, [sum(per[r][k] for r in FOUR) for k in range(3)]))
            for rule in FOUR:
                if sum(per[rule]):
                    print(prf_row("  " + rule, per[rule]))
    print()
    return diags


def table_unlabelled(title, root, group_of=None, paths=None):
    """Findings per 10,000 characters on copy without defects: the four checks and every default rule."""
    files = paths or sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "*", "*.txt")))
    diags = parse(run(root, files), root)
    group_of = group_of or (lambda f: f.split("/")[0] if "/" in f else ".")
    print("== %s (%d files) ==  findings per 10,000 characters: four checks | all default rules" % (title, len(files)))
    by_group = collections.defaultdict(list)
    for f in files:
        by_group[group_of(f)].append(f)
    for g in sorted(by_group):
        for part in ("all", "tune", "check"):
            fs = [f for f in by_group[g] if part == "all" or half(f) == part]
            if not fs:
                continue
            n = chars_of(root, fs)
            fset = set(fs)
            mine = [d for d in diags if d[0] in fset]
            four = sum(1 for d in mine if d[2] in FOUR)
            print("  %-12s %-6s %8d chars  %4d | %4d   %.3f | %.3f" % (g, part, n, four, len(mine), four * 1e4 / n, len(mine) * 1e4 / n))
        rules = collections.Counter(d[2] for d in diags if d[0] in set(by_group[g]))
        print("      " + ", ".join("%s %d" % kv for kv in rules.most_common()))
    print()
    return diags


def main():
    which = set(sys.argv[1:]) or {"seed", "dev", "clean", "layouts", "published", "pages", "pages2", "pages3", "pages4", "pages5", "pages6", "pages7", "pages8", "pages9", "pages10", "pages11", "pages12", "pages13", "pages14", "pages15", "pages16"}
    if not os.environ.get("COPYLINT_BIN"):
        subprocess.run(["swift", "build", "-c", "release", "--product", "copylint"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    if "seed" in which:
        table_labelled("seed page", os.path.join(CORPUS, "seed"), os.path.join(CORPUS, "seed", "labels.jsonl"))
    if "dev" in which:
        table_labelled("dev/defective", os.path.join(CORPUS, "dev", "defective"),
                       os.path.join(CORPUS, "dev", "defective", "labels.jsonl"))
    if "clean" in which:
        table_unlabelled("dev/clean", os.path.join(CORPUS, "dev", "clean"))
    if "layouts" in which:
        manifest = {}
        for line in open(os.path.join(CORPUS, "layouts", "manifest.jsonl"), encoding="utf-8"):
            d = json.loads(line)
            manifest[d["file"]] = d["layout"]
        by_layout = lambda f: manifest.get(f, "?")
        table_labelled("layouts/defective", os.path.join(CORPUS, "layouts", "defective"),
                       os.path.join(CORPUS, "layouts", "defective", "labels.jsonl"), by_layout)
        table_unlabelled("layouts/clean", os.path.join(CORPUS, "layouts", "clean"), by_layout)
    if "published" in which:
        table_unlabelled("published", os.path.join(CORPUS, "published"))
    if "pages" in which and os.path.isdir(os.path.join(ROOT, "bench", "pages")):
        pages = os.path.join(ROOT, "bench", "pages")
        layout_of = lambda f: f.split("/")[0]
        table_labelled("bench/pages (hand-written)", pages, os.path.join(pages, "labels.jsonl"), layout_of)
    # Later sets, written blind after the changes they were first used to measure: each is a hold-out
    # until its misses are read (pages2's tuning half has been; its check half has not).
    for name in ("pages2", "pages3", "pages4", "pages5", "pages6", "pages7", "pages8", "pages9", "pages10", "pages11", "pages12", "pages13", "pages14", "pages15", "pages16"):
        pages = os.path.join(ROOT, "bench", name)
        if name in which and os.path.isfile(os.path.join(pages, "labels.jsonl")):
            table_labelled("bench/%s (hand-written; tune half read, check half blind)" % name, pages,
                           os.path.join(pages, "labels.jsonl"), lambda f: f.split("/")[0])


if __name__ == "__main__":
    main()
