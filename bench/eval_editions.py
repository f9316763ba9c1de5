#!/usr/bin/env python3
"""Accuracy of the edition checks (broken-jump, duplicate-story) on bench/editions, hand-written blind.

Each folder of bench/editions is linted as one edition (`copylint --edition DIR --format json`). A label
(labels.jsonl: edition, file, line, rule) is found when a finding of its rule stands in the same file
within a line of it; every other finding of the two rules is a false alarm. Also counted: findings of
either rule in the clean editions (folders named *-clean*), and truncated-sentence findings within two
lines of a jump line that resolves (jumps.jsonl). Editions are split into a tune and a check half by a
hash of their name, and each half is reported apart.

    bench/eval-editions            (builds copylint in release mode first if needed)
"""
import hashlib, json, os, subprocess, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SET = os.path.join(ROOT, "bench", "editions")
BIN = os.path.join(ROOT, ".build", "release", "copylint")
RULES = ("broken-jump", "duplicate-story")


def half(name):
    return "tune" if hashlib.md5(name.encode()).digest()[0] % 2 == 0 else "check"


def load(name):
    with open(os.path.join(SET, name), encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def findings(edition):
    out = subprocess.run([BIN, "-q", "--format", "json", "--edition", edition], cwd=SET,
                         capture_output=True, text=True)
    if out.returncode == 2:
        sys.exit(f"copylint failed on {edition}: {out.stderr.strip()}")
    got = []
    for d in json.loads(out.stdout)["diagnostics"]:
        got.append((os.path.basename(d["path"]), d["range"]["start"]["line"], d["ruleId"], d["message"]))
    return got


def main():
    if not os.path.exists(BIN):
        subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True)
    labels, jumps = load("labels.jsonl"), load("jumps.jsonl")
    editions = sorted(d for d in os.listdir(SET) if os.path.isdir(os.path.join(SET, d)))
    stats = defaultdict(lambda: defaultdict(int))   # (half, rule) -> tp/fp/fn
    clean_hits, jump_hits, misses, alarms = [], [], [], []
    for ed in editions:
        got = findings(ed)
        h = half(ed)
        used = set()
        for lab in (l for l in labels if l["edition"] == ed):
            match = next((i for i, (f, line, rule, _) in enumerate(got)
                          if i not in used and rule == lab["rule"] and f == lab["file"] and abs(line - lab["line"]) <= 1), None)
            for key in ((h, lab["rule"]), ("all", lab["rule"])):
                stats[key]["tp" if match is not None else "fn"] += 1
            if match is None:
                misses.append(f"{ed}/{lab['file']}:{lab['line']} {lab['rule']} ({lab['kind']}): {lab.get('note', '')}")
            else:
                used.add(match)
        for i, (f, line, rule, message) in enumerate(got):
            if rule in RULES and i not in used:
                for key in ((h, rule), ("all", rule)):
                    stats[key]["fp"] += 1
                alarms.append(f"{ed}/{f}:{line} {rule}: {message}")
            if rule in RULES and "-clean" in ed:
                clean_hits.append(f"{ed}/{f}:{line} {rule}")
            if rule == "truncated-sentence" and any(j["edition"] == ed and j["file"] == f and abs(j["line"] - line) <= 2 for j in jumps):
                jump_hits.append(f"{ed}/{f}:{line}: {message}")
    print(f"{'half':6} {'rule':16} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6}")
    for h in ("tune", "check", "all"):
        for rule in RULES:
            s = stats[(h, rule)]
            p = s["tp"] / max(1, s["tp"] + s["fp"])
            r = s["tp"] / max(1, s["tp"] + s["fn"])
            print(f"{h:6} {rule:16} {s['tp']:4} {s['fp']:4} {s['fn']:4} {p:6.3f} {r:6.3f}")
    print(f"\nclean editions: {len(clean_hits)} finding(s) of the edition rules")
    for x in clean_hits: print("  " + x)
    print(f"truncated-sentence at a resolved jump: {len(jump_hits)}")
    for x in jump_hits: print("  " + x)
    print(f"\nmissed ({len(misses)}):")
    for x in misses: print("  " + x)
    print(f"false alarms ({len(alarms)}):")
    for x in alarms: print("  " + x)


if __name__ == "__main__":
    main()
