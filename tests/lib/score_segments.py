#!/usr/bin/env python3
"""Score segment's stream against hand-checked sentences (tests/gold/sentences.tsv).

usage: score_segments.py STREAM.tsv GOLD.tsv [SOURCE_DIR] [--min-f1 X] [--min-type X] [--show N]

Texts are compared as multisets of (doc, text) after NFKC with all white space removed; doc
ids are file names without directory and .txt. Type agreement is counted over matched pairs.
With SOURCE_DIR, also checks that every gold segment that spans several source lines (a
paragraph the page layout broke) comes out whole. Prints one line per measure and exits 1
when a threshold is missed.
"""
import collections
import os
import sys

from tsvstream import doc_id, norm, unescape








def read_stream(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            fields = line.rstrip('\n').split('\t')
            if fields[col['kind']] != 'seg':
                continue
            rows.append((doc_id(unescape(fields[col['doc']])), fields[col['type']],
                         norm(unescape(fields[col['text']]))))
    return rows


def read_gold(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        f.readline()
        for line in f:
            doc, kind, text = line.rstrip('\n').split('\t', 2)
            rows.append((doc, kind, norm(text)))
    return rows


def match(gold, pred):
    """Pairs of (gold type, predicted type) for texts found in both, in document order."""
    waiting = collections.defaultdict(collections.deque)
    for doc, kind, text in pred:
        waiting[(doc, text)].append(kind)
    pairs = []
    for doc, kind, text in gold:
        q = waiting.get((doc, text))
        if q:
            pairs.append((kind, q.popleft()))
    return pairs


def broken_paragraphs(gold, source_dir):
    """Gold texts of the documents in source_dir that no single source line contains."""
    out = []
    lines_of = {}
    for doc, _, text in gold:
        path = os.path.join(source_dir, doc + '.txt')
        if not os.path.exists(path):
            continue
        if doc not in lines_of:
            with open(path, encoding='utf-8') as f:
                lines_of[doc] = [norm(l) for l in f.read().splitlines()]
        if not any(text in l for l in lines_of[doc]):
            out.append((doc, text))
    return out


def main(argv):
    args, opts = [], {'--min-f1': 0.0, '--min-type': 0.0, '--show': 0}
    i = 0
    while i < len(argv):
        if argv[i] in opts:
            opts[argv[i]] = float(argv[i + 1])
            i += 2
        else:
            args.append(argv[i])
            i += 1
    pred, gold = read_stream(args[0]), read_gold(args[1])
    docs = {d for d, _, _ in gold}
    pred = [r for r in pred if r[0] in docs]
    pairs = match(gold, pred)
    tp = len(pairs)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    agree = sum(1 for g, q in pairs if g == q) / tp if tp else 0.0
    print(f'segments: P={p:.4f} R={r:.4f} F1={f1:.4f} (matched {tp}, gold {len(gold)}, output {len(pred)})')
    print(f'types: {agree:.4f} of matched segments agree')
    ok = f1 >= opts['--min-f1'] and agree >= opts['--min-type']
    if len(args) > 2:
        broken = broken_paragraphs(gold, args[2])
        found = collections.Counter((d, t) for d, _, t in pred)
        missing = [(d, t) for d, t in broken if not found[(d, t)]]
        print(f'layout-broken paragraphs rejoined: {len(broken) - len(missing)} of {len(broken)}')
        ok = ok and not missing
        for d, t in missing[:int(opts['--show']) or 5]:
            print(f'  not rejoined: {d} {t[:40]}')
    show = int(opts['--show'])
    if show:
        gold_c = collections.Counter((d, t) for d, _, t in gold)
        pred_c = collections.Counter((d, t) for d, _, t in pred)
        for (d, t), n in list((gold_c - pred_c).items())[:show]:
            print(f'  missed: {d} {t[:60]}')
        for (d, t), n in list((pred_c - gold_c).items())[:show]:
            print(f'  extra: {d} {t[:60]}')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
