#!/usr/bin/env python3
"""How many doubled-character slips zh-hans-news/doubled-character finds, and what it says on the
same copy without them.

    bench/eval-doubled [N]     every Nth file of ../shared/corpus/published/zh (default 10)

Real copy has few labelled slips, so this makes them: in each body paragraph of the chosen files one
Chinese character, picked at random (fixed seed), is printed twice, as retyping or OCR does it. The
pages are written to a temporary folder (nothing is kept) and copylint runs the one rule over them.
Printed: recall (a slip counts as found when the rule reports the pair), the rule's findings on the
original files (every one a false alarm or a slip of the paper's own), and a sample of missed slips.
Files are split into the tune and check halves of bench/eval by the hash of their names.
"""
import glob
import hashlib
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.realpath(os.environ.get("CORPUS", os.path.join(ROOT, "..", "shared", "corpus")))
BIN = os.path.join(ROOT, ".build", "release", "copylint")
RULE = "zh-hans-news/doubled-character"
HAN = re.compile(r"[\u4e00-\u9fff]")


def half(name):
    return "tune" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "check"


def lint(folder):
    out = subprocess.run([BIN, "--format", "gcc", "-q", "--select", RULE, "."], cwd=folder,
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit("copylint failed: " + out.stderr.strip())
    found = set()
    for line in out.stdout.splitlines():
        m = re.match(r"(?:\./)?(.+?):(\d+):(\d+):", line)
        if m:
            found.add((m.group(1), int(m.group(2)), int(m.group(3))))
    return found


def main():
    step = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    files = sorted(glob.glob(os.path.join(CORPUS, "published", "zh", "*.txt")))[::step]
    rng = random.Random(7)
    slips = []
    with tempfile.TemporaryDirectory() as made, tempfile.TemporaryDirectory() as plain:
        for path in files:
            name = os.path.basename(path)
            text = open(path, encoding="utf-8-sig").read().replace("\r\n", "\n")
            open(os.path.join(plain, name), "w", encoding="utf-8").write(text)
            lines = text.split("\n")
            for n, line in enumerate(lines):
                # Body paragraphs: past the kicker/headline/subtitle lines, long, with a full stop.
                if n < 3 or len(line) <= 30 or "。" not in line:
                    continue
                spots = [i for i, c in enumerate(line) if HAN.match(c)]
                i = rng.choice(spots)
                lines[n] = line[:i + 1] + line[i] + line[i + 1:]
                slips.append((name, n + 1, i + 2, lines[n][max(0, i - 3):i + 5]))
            open(os.path.join(made, name), "w", encoding="utf-8").write("\n".join(lines))
        found = lint(made)
        alarms = lint(plain)
    print("%d files, %d slips made (one a body paragraph)" % (len(files), len(slips)))
    for part in ("all", "tune", "check"):
        chosen = [s for s in slips if part == "all" or half(s[0]) == part]
        hit = [s for s in chosen if any((s[0], s[1], c) in found for c in (s[2] - 1, s[2], s[2] + 1))]
        clean = [a for a in alarms if part == "all" or half(a[0]) == part]
        if chosen:
            print("  %-5s  recall %4d / %4d = %.3f    findings on the originals: %d"
                  % (part, len(hit), len(chosen), len(hit) / len(chosen), len(clean)))
    missed = [s for s in slips if not any((s[0], s[1], c) in found for c in (s[2] - 1, s[2], s[2] + 1))]
    print("  missed, a sample: " + "  ".join(s[3] for s in random.Random(1).sample(missed, min(15, len(missed)))))


if __name__ == "__main__":
    main()
