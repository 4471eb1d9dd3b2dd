#!/usr/bin/env python3
"""Turn gold segments (tests/gold/sentences*.tsv: doc, kind, text) into the stream of
docs/FORMAT.md, one seg row per segment, so a stage can be scored when segment is not built.
usage: gold_stream.py SENTENCES.tsv [REPEAT] > stream.tsv
REPEAT (default 1) writes the whole set that many times, doc ids suffixed, for benchmarks."""
import sys

from tsvstream import escape

COLS = "doc seg kind type start end text value unit mod".split()




def main():
    path = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f][1:]
    out = sys.stdout
    out.write("\t".join(COLS) + "\n")
    for r in range(repeat):
        segno = {}
        for doc, kind, text in rows:
            d = doc if repeat == 1 else "%s.%d" % (doc, r)
            segno[d] = segno.get(d, 0) + 1
            out.write("\t".join([d, str(segno[d]), "seg", kind, "0", str(len(text.encode("utf-8"))), escape(text), "", "", ""]) + "\n")


main()
