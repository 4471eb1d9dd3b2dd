#!/usr/bin/env python3
"""Score tag-entities output against gold entities, or build a stream from gold sentences.

  score_entities.py stream SENTENCES.tsv          print a stream of seg rows (until segment exists)
  score_entities.py score STREAM.tsv GOLD.tsv [--min F1] [--show N]
      compares multisets of (doc, type, surface) after NFKC and removing white space;
      prints micro and per-type precision/recall/F1; exits 1 below --min.
"""
import collections
import sys
import unicodedata


def norm(s):
    return "".join(unicodedata.normalize("NFKC", s).split())


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(s[i + 1], s[i:i + 2]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def stream(path):
    print("doc\tseg\tkind\ttype\tstart\tend\ttext\tvalue\tunit\tmod")
    seg = collections.Counter()
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            doc, kind, text = line.rstrip("\n").split("\t", 2)
            seg[doc] += 1
            n = len(text.encode("utf-8"))
            print(f"{doc}\t{seg[doc]}\tseg\t{kind}\t0\t{n}\t{escape(text)}\t\t\t")


def read_stream(path):
    got = collections.Counter()
    with open(path, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            r = line.rstrip("\n").split("\t")
            if r[col["kind"]] != "ent":
                continue
            got[(r[col["doc"]], r[col["type"]], norm(unescape(r[col["text"]])))] += 1
    return got


def read_gold(path):
    want = collections.Counter()
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            doc, typ, surface = line.rstrip("\n").split("\t")
            want[(doc, typ, norm(surface))] += 1
    return want


def prf(tp, ng, nw):
    p = tp / ng if ng else 0.0
    r = tp / nw if nw else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(stream_path, gold_path, minimum, show):
    got, want = read_stream(stream_path), read_gold(gold_path)
    docs = {k[0] for k in want}
    got = collections.Counter({k: v for k, v in got.items() if k[0] in docs})
    both = got & want
    types = sorted({k[1] for k in want} | {k[1] for k in got})
    for t in types:
        tp = sum(v for k, v in both.items() if k[1] == t)
        ng = sum(v for k, v in got.items() if k[1] == t)
        nw = sum(v for k, v in want.items() if k[1] == t)
        p, r, f = prf(tp, ng, nw)
        print(f"{t:6} P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {tp}, got {ng}, gold {nw})")
    p, r, f = prf(sum(both.values()), sum(got.values()), sum(want.values()))
    print(f"micro  P {p:.3f} R {r:.3f} F1 {f:.3f}")
    if show:
        for k, v in list((want - got).items())[:show]:
            print("missed", *k, v)
        for k, v in list((got - want).items())[:show]:
            print("spurious", *k, v)
    return f >= minimum


def main(argv):
    if len(argv) >= 2 and argv[0] == "stream":
        stream(argv[1])
        return 0
    if len(argv) >= 3 and argv[0] == "score":
        minimum = float(argv[argv.index("--min") + 1]) if "--min" in argv else 0.0
        show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
        return 0 if score(argv[1], argv[2], minimum, show) else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
