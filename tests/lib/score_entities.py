#!/usr/bin/env python3
"""Score tag-entities output against gold entities, or check DATE values.

  score_entities.py datetime CASES.tsv BIN   check DATE values against Recognizers-Text cases
  score_entities.py score STREAM.tsv GOLD.tsv [--min F1] [--show N]
      compares multisets of (doc, type, surface) after NFKC and removing white space;
      prints micro and per-type precision/recall/F1; exits 1 below --min.
"""
import collections
import re
import subprocess
import sys

from tsvstream import doc_id, norm, unescape












def read_stream(path):
    got = collections.Counter()
    with open(path, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            r = line.rstrip("\n").split("\t")
            if r[col["kind"]] != "ent":
                continue
            got[(doc_id(r[col["doc"]]), r[col["type"]], norm(unescape(r[col["text"]])))] += 1
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


# Gregorian dates written with numbers: the part of the Recognizers-Text cases in scope
# (no lunar calendar, era names, weekdays, relative days or bare day numbers).
CN = "0-9０-９〇零一二三四五六七八九十"
IN_SCOPE = re.compile("^(?:[%s]{2,4}年)?[%s]{1,3}月[%s]{1,3}[日号]$|^[%s]{4}年[%s]{1,3}月$|"
                      "^[0-9]{4}([-/.])[0-9]{1,2}\\1[0-9]{1,2}$|^[0-9]{2}-[0-9]{2}-[0-9]{2}$"
                      % (CN, CN, CN, CN, CN))


def datetime_cases(path, binary):
    cases = []
    with open(path, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            r = line.rstrip("\n").split("\t")
            text, value = r[col["expected_text"]], r[col["expected_value"]]
            if not IN_SCOPE.match(text) or "\n" in r[col["input"]]:
                continue
            if value.startswith("XXXX-"):
                value = "--" + value[5:]
            cases.append((r[col["case_id"]], r[col["input"]], text, value))
    inp = "".join(c[1] + "\n" for c in cases)
    out = subprocess.run([binary, "--lines", "--only"], input=inp.encode(), capture_output=True,
                         check=False).stdout.decode()
    found = collections.defaultdict(set)
    for line in out.splitlines()[1:]:
        r = line.split("\t")
        if r[3] == "DATE":
            found[int(r[1])].add((r[6], r[7]))
    good = 0
    for i, (cid, inp_text, text, value) in enumerate(cases, 1):
        if (text, value) in found[i] or (not value and text in {t for t, _ in found[i]}):
            good += 1
        else:
            print(f"# {cid}: {inp_text!r}: want DATE {text} = {value}, got {sorted(found[i])}")
    print(f"# {good} of {len(cases)} in-scope cases agree")
    return good, len(cases)


def main(argv):
    if len(argv) >= 3 and argv[0] == "datetime":
        good, total = datetime_cases(argv[1], argv[2])
        return 0 if total and good * 10 >= total * 9 else 1
    if len(argv) >= 3 and argv[0] == "score":
        minimum = float(argv[argv.index("--min") + 1]) if "--min" in argv else 0.0
        show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
        return 0 if score(argv[1], argv[2], minimum, show) else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
