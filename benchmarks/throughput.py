"""Analysis throughput in words per second per core, next to a baseline run in the same process.

Corpus: every German text the project ships (gold corpus and examples), repeated until it holds at
least 200,000 words. Baseline: tokenisation and sentence splitting alone. Reported: words/s for both,
their ratio, and the peak resident memory of the process. Not a test: nothing here asserts a time.

    .venv/bin/python benchmarks/throughput.py [--words 200000] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(min_words: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/eval/gold/de").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/de").glob("*.txt"))
              if p.name != "legacy_latin1.txt"]
    out, words, i = [], 0, 0
    while words < min_words:
        t = texts[i % len(texts)]
        # vary each copy a little so no cache sees the same string twice
        t = f"{t}\nKopie {i}."
        out.append(t)
        words += len(t.split())
        i += 1
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from lagebild import analyze
    from lagebild.resources import load
    from lagebild.text import split_sentences, tokens

    docs = corpus(args.words)
    n_words = sum(len(t.split()) for t in docs)
    load("de")  # lexicons are loaded once per process; not part of the per-document cost
    analyze(docs[0], language="de")  # warm-up

    t0 = time.process_time()
    for t in docs:
        for s in split_sentences(t):
            tokens(s.text, s.start)
    base = time.process_time() - t0

    t0 = time.process_time()
    for t in docs:
        analyze(t, language="de")
    full = time.process_time() - t0

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res = {
        "documents": len(docs), "words": n_words,
        "baseline_words_per_s_per_core": round(n_words / base),
        "analyze_words_per_s_per_core": round(n_words / full),
        "analyze_to_baseline_ratio": round(base / full, 4),
        "peak_rss_mb": round(peak_mb, 1),
        "cpu": os.uname().machine, "python": sys.version.split()[0],
    }
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        print(f"corpus: {res['documents']} documents, {n_words} words (CPU time, one process = one core)")
        print(f"baseline (sentences + tokens): {res['baseline_words_per_s_per_core']:>9,} words/s/core")
        print(f"analyze (full pipeline):       {res['analyze_words_per_s_per_core']:>9,} words/s/core"
              f"   = {res['analyze_to_baseline_ratio']:.3f} x baseline")
        print(f"peak memory (RSS):             {res['peak_rss_mb']:>9} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
