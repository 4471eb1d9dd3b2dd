#!/usr/bin/python3
"""jieba's part-of-speech tagger as an entity baseline, next to tag-entities.

Runs Debian's python3-jieba (jieba.posseg) over the segments of the sample pages that have
gold entities, reads nr as PER, ns as LOC and nt as ORG, runs tag-entities over the same
segments, and prints per-type precision, recall and F1 of both against ../shared/gold.

  bench/jieba-entities.py [BIN [GOLD]]   BIN = directory of the programs (default bin),
                                         GOLD = entities file (default ../shared/gold/entities.tsv;
                                         tests/gold/entities-dev.tsv scores pages 003 and 004)

Segments come from `segment` when it is built, else from the sentences file beside GOLD.
"""
import collections
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, "tests", "lib"))
import score_entities as sc  # noqa: E402

JIEBA_TYPES = {"nr": "PER", "ns": "LOC", "nt": "ORG"}


def segments(binary_dir, docs, sentences):
    """The stream of seg rows for the gold documents."""
    seg = os.path.join(binary_dir, "segment")
    if os.access(seg, os.X_OK):
        files = [d + ".txt" for d in docs]
        out = subprocess.run([seg] + files, cwd=os.path.join(TOP, "data", "sample"),
                             capture_output=True, check=True).stdout.decode()
        return out, "segment"
    rows = ["doc\tseg\tkind\ttype\tstart\tend\ttext\tvalue\tunit\tmod"]
    count = collections.Counter()
    with open(sentences, encoding="utf-8") as f:
        next(f)
        for line in f:
            doc, kind, text = line.rstrip("\n").split("\t", 2)
            count[doc] += 1
            rows.append(f"{doc}\t{count[doc]}\tseg\t{kind}\t0\t0\t{sc.escape(text)}\t\t\t")
    return "\n".join(rows) + "\n", "gold sentences"


def jieba_counts(stream):
    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(60)
    got = collections.Counter()
    lines = stream.splitlines()
    col = {n: i for i, n in enumerate(lines[0].split("\t"))}
    for line in lines[1:]:
        r = line.split("\t")
        if r[col["kind"]] != "seg":
            continue
        for word, flag in pseg.cut(sc.unescape(r[col["text"]])):
            if flag in JIEBA_TYPES:
                got[(sc.doc_id(r[col["doc"]]), JIEBA_TYPES[flag], sc.norm(word))] += 1
    return got


def ours_counts(binary_dir, stream):
    out = subprocess.run([os.path.join(binary_dir, "tag-entities"), "--only"], input=stream.encode(),
                         capture_output=True, check=True).stdout.decode()
    got = collections.Counter()
    lines = out.splitlines()
    col = {n: i for i, n in enumerate(lines[0].split("\t"))}
    for line in lines[1:]:
        r = line.split("\t")
        got[(sc.doc_id(r[col["doc"]]), r[col["type"]], sc.norm(sc.unescape(r[col["text"]])))] += 1
    return got


def table(name, got, want):
    both = got & want
    print(f"{name}:")
    for t in ("PER", "LOC", "ORG"):
        tp = sum(v for k, v in both.items() if k[1] == t)
        ng = sum(v for k, v in got.items() if k[1] == t)
        nw = sum(v for k, v in want.items() if k[1] == t)
        p, r, f = sc.prf(tp, ng, nw)
        print(f"  {t}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, got {ng}, gold {nw})")


def main():
    binary_dir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "bin"))
    gold = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(TOP, "..", "shared", "gold", "entities.tsv")
    sentences = os.path.join(os.path.dirname(gold), os.path.basename(gold).replace("entities", "sentences"))
    want = sc.read_gold(gold)
    want = collections.Counter({k: v for k, v in want.items() if k[1] in ("PER", "LOC", "ORG")})
    docs = sorted({k[0] for k in want})
    stream, source = segments(binary_dir, docs, sentences)
    print(f"segments from {source}; exact (doc, type, surface) against {os.path.relpath(gold, TOP)}")
    keep = lambda c: collections.Counter({k: v for k, v in c.items() if k[0] in docs and k[1] in ("PER", "LOC", "ORG")})
    table("jieba.posseg (nr -> PER, ns -> LOC, nt -> ORG)", keep(jieba_counts(stream)), want)
    table("tag-entities", keep(ours_counts(binary_dir, stream)), want)


if __name__ == "__main__":
    main()
