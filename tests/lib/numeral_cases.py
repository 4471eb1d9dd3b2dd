#!/usr/bin/env python3
"""Value conformance of extract-numbers on the Chinese numeral cases of cn2an, duckling and
JioNLP (../shared/external/{cn2an,duckling,jionlp}/cases.tsv).

usage: numeral_cases.py BIN_DIR EXTERNAL_DIR [MIN_RATE]
Every case is one short input holding one quantity; it passes when the longest row that
`extract-numbers --lines --only --bare` writes for it has the expected value (within our 4
decimals). Cases outside what the program does are left out, by rule: number-to-text
conversion (an2cn), sentence rewriting (transform), inputs a converter must reject
(ERROR), dates and times, temperatures. Prints the rate per source and the failures."""
import decimal
import json
import os
import subprocess
import sys

D = decimal.Decimal
DUCKLING_DIMS = {"Numeral", "Ordinal", "Quantity", "AmountOfMoney", "Distance", "Volume", "Duration"}


def read(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().rstrip("\n").split("\n")
    head = lines[0].split("\t")
    return [dict(zip(head, l.split("\t"))) for l in lines[1:]]


def cases(ext):
    for r in read(os.path.join(ext, "cn2an", "cases.tsv")):
        if r["function"] == "cn2an" and not r["expected"].startswith("ERROR"):
            yield "cn2an", r["case_id"], r["input"], r["expected"]
    for r in read(os.path.join(ext, "duckling", "cases.tsv")):
        if r["dimension"] in DUCKLING_DIMS and r["value"]:
            yield "duckling", r["case_id"], r["input"], r["value"]
    for r in read(os.path.join(ext, "jionlp", "cases.tsv")):
        if r["suite"] == "parse_money":
            num = json.loads(r["expected_json"])["num"]
            yield "jionlp", r["case_id"], r["input"], num[0] if isinstance(num, list) else num


def run(bin_dir, inputs):
    cmd = [os.path.join(bin_dir, "extract-numbers"), "--lines", "--only", "--bare"]
    data = "".join(i.replace("\n", " ") + "\n" for i in inputs).encode()
    p = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit("extract-numbers failed: " + p.stderr.decode(errors="replace"))
    best = {}
    lines = p.stdout.decode().rstrip("\n").split("\n")
    head = lines[0].split("\t")
    for l in lines[1:]:
        r = dict(zip(head, l.split("\t")))
        seg, width = int(r["seg"]), int(r["end"]) - int(r["start"])
        if seg not in best or width > best[seg][0]:
            best[seg] = (width, r)
    return {k: v[1] for k, v in best.items()}


def same(got, want):
    try:
        g, w = D(got), D(want)
    except decimal.InvalidOperation:
        return False
    return abs(g - w) <= max(D("0.00005"), abs(w) * D("1e-9"))


def main():
    bin_dir, ext = sys.argv[1], sys.argv[2]
    need = float(sys.argv[3]) if len(sys.argv) > 3 else None
    todo = list(cases(ext))
    got = run(bin_dir, [c[2] for c in todo])
    stats = {}
    for n, (src, cid, text, want) in enumerate(todo, 1):
        row = got.get(n)
        ok = row is not None and same(row["value"], want)
        p, t = stats.get(src, (0, 0))
        stats[src] = (p + ok, t + 1)
        if not ok:
            print("# not passed %s: %s | expected %s | got %s" %
                  (cid, text, want, "%s=%s%s" % (row["text"], row["value"], row["unit"]) if row else "nothing"))
    passed = sum(p for p, _ in stats.values())
    total = sum(t for _, t in stats.values())
    rate = passed / total if total else 0.0
    print("# " + ", ".join("%s %d/%d" % (s, p, t) for s, (p, t) in sorted(stats.items())) +
          "; all %d/%d (%.1f%%)" % (passed, total, 100 * rate))
    sys.exit(0 if need is None or rate >= need else 1)


main()
