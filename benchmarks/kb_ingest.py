"""Knowledge-base throughput: ingest N generated reports into SQLite and PostgreSQL, then read
event fact sheets back. Reports documents/s per core for ingest and p50/p95 latency of `event(id)`.

Reports are generated from the team's German and English gold texts: each one takes a base text,
keeps most of its sentences in a shuffled order, adds two sentences of another text and moves the
publication date by whole years, so that events, near-duplicates and distinct events all occur.
Not a test: nothing here asserts a time.

    .venv/bin/python benchmarks/kb_ingest.py [--docs 10000] [--backend sqlite|postgresql|both] [--json]
"""
from __future__ import annotations

import os

# One core per worker: numerical libraries limited to one thread, as a deployment with one ingest
# worker per core would run (a second BLAS thread only spins on the encoder's small matrices).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN = os.environ.get("LAGEBILD_BENCH_PG", "host=127.0.0.1 port=5432 user=postgres dbname=postgres")


def generate(n: int, seed: int = 7) -> list[dict]:
    from lagebild.text import split_sentences

    rng = random.Random(seed)
    bases = []
    for lang in ("de", "en"):
        for p in sorted((ROOT / "tests/eval/gold" / lang).glob("*.txt")):
            g = json.loads(p.with_name(p.stem + ".gold.json").read_text(encoding="utf-8"))
            sents = [s.text for s in split_sentences(p.read_text(encoding="utf-8")) if not s.heading]
            pub = (g.get("document") or {}).get("published") or "2024-06-01"
            bases.append((lang, sents, pub))
    out = []
    for i in range(n):
        lang, sents, pub = bases[i % len(bases)]
        other = [b for b in bases if b[0] == lang]
        extra = rng.choice(other)[1]
        body = [sents[0]] + rng.sample(sents[1:], k=max(1, int(len(sents[1:]) * 0.8))) + rng.sample(extra, k=min(2, len(extra)))
        shift = rng.randint(-6, 0)
        y = int(pub[:4]) + shift
        out.append({"text": " ".join(body) + f"\n({i})", "published": f"{y:04d}{pub[4:10]}",
                    "outlet": f"Outlet {i % 37}", "url": f"https://bench.example/{i}"})
    return out


def run(backend: str, docs: list[dict], reads: int) -> dict:
    from lagebild.kb import KnowledgeBase

    tmp = tempfile.mkdtemp()
    path = Path(tmp) / "reports.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    admin = None
    if backend == "sqlite":
        db = str(Path(tmp) / "bench.db")
    else:
        import psycopg

        name = f"lagebild_bench_{os.getpid()}"
        admin = psycopg.connect(PG_ADMIN, autocommit=True)
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
        db = f"postgresql://postgres@127.0.0.1:5432/{name}"
    try:
        kb = KnowledgeBase(db)
        kb.ingest([ROOT / "examples"])  # warm-up: models and lexicons load once per process
        t0, c0 = time.perf_counter(), time.process_time()
        report = kb.ingest([path])
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        ids = [e["id"] for e in kb.events()]
        rng = random.Random(1)
        sample = [rng.choice(ids) for _ in range(reads)]
        lat = []
        for i in sample:
            t = time.perf_counter()
            kb.event(i)
            lat.append((time.perf_counter() - t) * 1000)
        lat.sort()
        counts = kb.store.counts()
        kb.close()
    finally:
        if admin is not None:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()
    return {"backend": backend, "documents": report.added, "wire_copies": report.wire_copies, "events": counts["events"],
            "ingest_wall_s": round(wall, 1), "ingest_cpu_s": round(cpu, 1),
            "documents_per_s_per_core": round(report.added / cpu, 1), "documents_per_s_wall": round(report.added / wall, 1),
            "readout_p50_ms": round(statistics.median(lat), 1), "readout_p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 1),
            "readouts": len(lat)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--reads", type=int, default=300)
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    docs = generate(args.docs)
    results = [run(b, docs, args.reads) for b in (["sqlite", "postgresql"] if args.backend == "both" else [args.backend])]
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        for r in results:
            print(f"[{r['backend']}] {r['documents']} documents ({r['wire_copies']} wire copies) into {r['events']} events: "
                  f"{r['documents_per_s_per_core']} documents/s/core (CPU), {r['documents_per_s_wall']} documents/s (wall); "
                  f"event read-out p50 {r['readout_p50_ms']} ms, p95 {r['readout_p95_ms']} ms over {r['readouts']} reads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
