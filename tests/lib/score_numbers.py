#!/usr/bin/env python3
"""Score the num rows of a stream against gold numbers (doc, surface, value, unit, label, mod).

usage: score_numbers.py STREAM.tsv GOLD.tsv [MIN_F1]
Prints one line per measure: F1 on (doc, value, unit) and on (doc, surface), compared as
multisets after NFKC with white space removed; with MIN_F1 exits 1 when either is lower,
and lists what was missed and what was extra (at most 20 of each)."""
import collections
import decimal
import sys

from tsvstream import doc_id, unescape
from tsvstream import norm as clean






def value(v):
    try:
        d = decimal.Decimal(v.strip())
    except decimal.InvalidOperation:
        return v.strip()
    return format(d.quantize(decimal.Decimal("0.0001")).normalize(), "f")




def rows(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    while lines and lines[0].startswith("#"):   # a gold file may open with a note on where it came from
        lines.pop(0)
    head = lines[0].split("\t")
    for line in lines[1:]:
        if line:
            yield dict(zip(head, [unescape(x) for x in line.split("\t")]))


def f1(pred, gold):
    tp = sum((pred & gold).values())
    p = tp / max(1, sum(pred.values()))
    r = tp / max(1, sum(gold.values()))
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def main():
    stream, gold_path = sys.argv[1], sys.argv[2]
    need = float(sys.argv[3]) if len(sys.argv) > 3 else None
    gold_docs = set()
    gv, gs = collections.Counter(), collections.Counter()
    for g in rows(gold_path):
        gold_docs.add(g["doc"])
        gv[(g["doc"], value(g["value"]), clean(g["unit"]))] += 1
        gs[(g["doc"], clean(g["surface"]))] += 1
    pv, ps = collections.Counter(), collections.Counter()
    for r in rows(stream):
        d = doc_id(r["doc"])
        if r["kind"] != "num" or d not in gold_docs:
            continue
        pv[(d, value(r["value"]), clean(r["unit"]))] += 1
        ps[(d, clean(r["text"]))] += 1
    bad = False
    for name, p, g in (("value,unit", pv, gv), ("surface", ps, gs)):
        f, prec, rec = f1(p, g)
        print("# F1(%s) = %.3f  P = %.3f  R = %.3f" % (name, f, prec, rec))
        if need is not None and f < need:
            bad = True
            for k in list((g - p).elements())[:20]:
                print("#   missed %s" % (k,))
            for k in list((p - g).elements())[:20]:
                print("#   extra  %s" % (k,))
    sys.exit(1 if bad else 0)


main()
