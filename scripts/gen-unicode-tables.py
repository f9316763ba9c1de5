#!/usr/bin/env python3
"""Generate Sources/CopyLintBase/Generated/UnicodeTables.swift from Debian's unicode-data.

    apt-get install unicode-data
    python3 scripts/gen-unicode-tables.py [/usr/share/unicode]

The output is a compact table of string literals (fast to compile, parsed once
at run time):
  * scripts      -- ranges of the scripts copylint distinguishes (Scripts.txt)
  * wide         -- East Asian Wide/Fullwidth ranges (EastAsianWidth.txt)
  * ambiguous    -- East Asian Ambiguous ranges (two columns in a CJK terminal)
  * zero width   -- nonspacing/enclosing marks and format characters (UnicodeData.txt)
  * variants     -- traditional-only -> simplified and simplified-only ->
                    traditional characters (Unihan kSimplifiedVariant /
                    kTraditionalVariant), where "only" means: not in the
                    Table of General Standard Chinese Characters (kTGH) for a
                    traditional character, not in Big5 (kBigFive) for a
                    simplified one, and only where the counterpart is in the
                    BMP.  Characters valid in both (后/後, 干/乾,
                    范, 著, 里, 只 ...) are therefore never listed.
"""
import bz2
import os
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                   "Sources", "CopyLintBase", "Generated", "UnicodeTables.swift")

# Must match `Script` in Script.swift.
SCRIPT_CODES = {"Common": 1, "Inherited": 2, "Latin": 3, "Greek": 4, "Cyrillic": 5,
                "Han": 6, "Hiragana": 7, "Katakana": 8, "Hangul": 9, "Bopomofo": 10}
OTHER = 11


def ranges_file(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            cps, val = [x.strip() for x in line.split(";")[:2]]
            if ".." in cps:
                a, b = cps.split("..")
            else:
                a = b = cps
            yield int(a, 16), int(b, 16), val


def merge(ranges):
    ranges.sort()
    out = []
    for a, b, v in ranges:
        if out and out[-1][2] == v and out[-1][1] + 1 == a:
            out[-1][1] = b
        else:
            out.append([a, b, v])
    return out


def scripts():
    rs = [(a, b, SCRIPT_CODES.get(v, OTHER)) for a, b, v in ranges_file("Scripts.txt")]
    return merge(rs)


def wide():
    rs = [(a, b, 1) for a, b, v in ranges_file("EastAsianWidth.txt") if v in ("W", "F")]
    return merge(rs)


def ambiguous():
    rs = [(a, b, 1) for a, b, v in ranges_file("EastAsianWidth.txt") if v == "A"]
    return merge(rs)


def zero_width():
    rs = []
    with open(os.path.join(SRC, "UnicodeData.txt"), encoding="utf-8") as f:
        rows = [l.split(";") for l in f]
    for r in rows:
        cp, cat = int(r[0], 16), r[2]
        if cat in ("Mn", "Me", "Cf") and cp != 0x00AD:
            rs.append((cp, cp, 1))
    rs += [(0x1160, 0x11FF, 1), (0x200B, 0x200B, 1)]  # Hangul medial vowels/finals, ZWSP
    return merge(rs)


def unihan(name):
    with bz2.open(os.path.join(SRC, name), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, key, val = line.rstrip("\n").split("\t", 2)
            yield int(cp[2:], 16), key, val


def cps(val):
    return [int(x.split("<")[0][2:], 16) for x in val.split()]


def variants():
    simp, trad, tgh, big5 = {}, {}, set(), set()
    for cp, key, val in unihan("Unihan_Variants.txt.bz2"):
        if key == "kSimplifiedVariant":
            simp[cp] = cps(val)
        elif key == "kTraditionalVariant":
            trad[cp] = cps(val)
    for cp, key, val in unihan("Unihan_OtherMappings.txt.bz2"):
        if key == "kTGH":
            tgh.add(cp)
        elif key == "kBigFive":
            big5.add(cp)
    t2s, s2t = {}, {}
    for cp, vs in simp.items():
        # Only forms in the BMP: a simplified form outside it (輖 -> U+2B40F) is missing from
        # GBK-era fonts, so simplified copy keeps the traditional character.
        others = [v for v in vs if v != cp and v <= 0xFFFF]
        if others and cp not in tgh:
            t2s[cp] = others
    for cp, vs in trad.items():
        others = [v for v in vs if v != cp and v <= 0xFFFF]
        if others and cp not in big5:
            s2t[cp] = others
    return t2s, s2t


def enc_ranges(rs, with_value):
    parts = []
    for a, b, v in rs:
        s = "%x" % a if a == b else "%x-%x" % (a, b)
        parts.append(s + (":%d" % v if with_value else ""))
    return ",".join(parts)


def enc_map(m):
    # "T=S1S2 " pairs; characters written as themselves.
    return " ".join(chr(k) + "=" + "".join(chr(x) for x in m[k]) for k in sorted(m))


def chunk(s, n=2000):
    return "\n".join(s[i:i + n] for i in range(0, len(s), n))


def main():
    t2s, s2t = variants()
    version = open(os.path.join(SRC, "ReadMe.txt"), encoding="utf-8").read()
    ver = "unknown"
    for tok in version.split():
        if tok[:1].isdigit() and tok.count(".") == 2:
            ver = tok.strip(".,")
            break
    body = [
        "// Generated by scripts/gen-unicode-tables.py from Debian's unicode-data (Unicode %s)." % ver,
        "// Do not edit by hand: rerun the generator.",
        "// swiftlint:disable all",
        "",
        "enum UnicodeTables {",
        '    static let unicodeVersion = "%s"' % ver,
    ]
    for name, s in (("scripts", enc_ranges(scripts(), True)),
                    ("wide", enc_ranges(wide(), False)),
                    ("zeroWidth", enc_ranges(zero_width(), False)),
                    ("ambiguous", enc_ranges(ambiguous(), False)),
                    ("traditionalToSimplified", enc_map(t2s)),
                    ("simplifiedToTraditional", enc_map(s2t))):
        body.append('    static let %s = """' % name)
        body.append(chunk(s).replace("\\", "\\\\").replace('"""', '\\"""'))
        body.append('"""')
    body.append("}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(body) + "\n")
    print("wrote %s: %d trad-only, %d simp-only" % (OUT, len(t2s), len(s2t)))


if __name__ == "__main__":
    main()
