"""Analysis throughput in words per second per core, next to a baseline run in the same process.

Corpus per language: every text of that language the project ships (gold corpus, held-out set and
examples), repeated until it holds at least 200,000 words. Baseline: tokenisation and sentence
splitting alone. Reported per language: words/s for both and their ratio; then English throughput
as a share of German, and the peak resident memory of the process. Not a test: nothing here
asserts a time.

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


def corpus(lang: str, min_words: int) -> list[str]:
    folders = [ROOT / "tests/eval/gold" / lang, ROOT / "tests/eval/heldout" / lang, ROOT / "examples" / lang]
    texts = [p.read_text(encoding="utf-8") for f in folders if f.is_dir() for p in sorted(f.glob("*.txt"))
             if p.name != "05_legacy_latin1.txt"]
    out, words, i = [], 0, 0
    while words < min_words:
        t = texts[i % len(texts)]
        # vary each copy a little so no cache sees the same string twice
        t = f"{t}\n({i})"
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

    res = {"cpu": os.uname().machine, "python": sys.version.split()[0], "languages": {}}
    for lang in ("de", "en"):
        docs = corpus(lang, args.words)
        n_words = sum(len(t.split()) for t in docs)
        load(lang)  # lexicons are loaded once per process; not part of the per-document cost
        analyze(docs[0], language=lang)  # warm-up (HanTa, caches)

        t0 = time.process_time()
        for t in docs:
            for s in split_sentences(t):
                tokens(s.text, s.start)
        base = time.process_time() - t0

        t0 = time.process_time()
        for t in docs:
            analyze(t, language=lang)
        full = time.process_time() - t0
        res["languages"][lang] = {
            "documents": len(docs), "words": n_words,
            "baseline_words_per_s_per_core": round(n_words / base),
            "analyze_words_per_s_per_core": round(n_words / full),
            "analyze_to_baseline_ratio": round(base / full, 4)}
    de, en = res["languages"]["de"], res["languages"]["en"]
    res["english_to_german_ratio"] = round(en["analyze_words_per_s_per_core"] / de["analyze_words_per_s_per_core"], 3)
    res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    print("CPU time in one process (= one core)")
    for lang, r in res["languages"].items():
        print(f"[{lang}] corpus: {r['documents']} documents, {r['words']} words")
        print(f"[{lang}] baseline (sentences + tokens): {r['baseline_words_per_s_per_core']:>9,} words/s/core")
        print(f"[{lang}] analyze (full pipeline):       {r['analyze_words_per_s_per_core']:>9,} words/s/core"
              f"   = {r['analyze_to_baseline_ratio']:.3f} x baseline")
    print(f"English throughput / German throughput: {res['english_to_german_ratio']:.2f}")
    print(f"peak memory (RSS): {res['peak_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
