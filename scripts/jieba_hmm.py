"""jieba's part-of-speech HMM (Debian's python3-jieba, jieba/posseg), read for the generators
gen-zh-chars.py and gen-zh-clause-model.py."""
import collections
import math
import sys


def load_hmm(posseg):
    """The start, transition and emission probabilities of the HMM in `posseg` (state: (B|M|E|S, tag)),
    and its stationary distribution, found by iterating the transition matrix."""
    sys.path.insert(0, posseg)
    import prob_emit
    import prob_start
    import prob_trans
    start = {s: math.exp(v) for s, v in prob_start.P.items()}
    trans = {s: {t: math.exp(v) for t, v in row.items()} for s, row in prob_trans.P.items()}
    stationary = dict(start)
    for _ in range(500):
        nxt = collections.defaultdict(float)
        for s, p in stationary.items():
            for t, q in trans.get(s, {}).items():
                nxt[t] += p * q
        z = sum(nxt.values())
        stationary = {s: v / z for s, v in nxt.items()}
    return start, trans, stationary, prob_emit.P
