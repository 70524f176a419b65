"""Web load: requests/s and latency (p50/p95) of an event page and its JSON twin, served by
`lagebild serve` from a knowledge base of N generated reports, with the load coming from a second
process on loopback. Bounded in count and in time; not a test.

    .venv/bin/python benchmarks/web_load.py [--docs 10000] [--db existing.db] [--requests 400] [--seconds 60]
"""
from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LOADER = r'''
import json, random, statistics, sys, time, httpx
from concurrent.futures import ThreadPoolExecutor
base, ids, n, seconds, workers = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
out = {}
for suffix in ("", ".json"):
    rng = random.Random(3)
    urls = [f"{base}/events/{rng.choice(ids)}{suffix}" for _ in range(n)]
    lat, errors = [], 0
    deadline = time.perf_counter() + seconds
    def one(u):
        if time.perf_counter() > deadline:
            return None
        t = time.perf_counter()
        r = client.get(u)
        return (time.perf_counter() - t) * 1000, r.status_code
    with httpx.Client(timeout=30) as client, ThreadPoolExecutor(workers) as pool:
        t0 = time.perf_counter()
        for res in pool.map(one, urls):
            if res is None:
                continue
            lat.append(res[0]); errors += res[1] != 200
        wall = time.perf_counter() - t0
    lat.sort()
    out["page" if not suffix else "json"] = {"requests": len(lat), "errors": errors, "requests_per_s": round(len(lat) / wall, 1),
        "p50_ms": round(statistics.median(lat), 1), "p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 1)}
print(json.dumps(out))
'''


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--db", default=None, help="An existing knowledge base to serve (skips generating one).")
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=4)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from kb_ingest import generate

    from lagebild.kb import KnowledgeBase

    tmp = tempfile.mkdtemp()
    db = args.db
    if db is None:
        db = str(Path(tmp) / "web.db")
        reports = Path(tmp) / "reports.jsonl"
        reports.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in generate(args.docs)), encoding="utf-8")
        KnowledgeBase(db).ingest([reports])
    kb = KnowledgeBase(db)
    ids = [e["id"] for e in kb.events()]
    docs = kb.store.counts()["documents"]
    kb.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "lagebild.cli", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(200):
            try:
                if httpx.get(base + "/events.json", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        load = subprocess.run([sys.executable, "-c", LOADER, base, json.dumps(ids), str(args.requests), str(args.seconds),
                               str(args.workers)], capture_output=True, text=True, timeout=args.seconds * 3 + 60)
        if load.returncode != 0:
            print(load.stderr[-2000:], file=sys.stderr)
            return 1
        res = json.loads(load.stdout)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"{docs} documents, {len(ids)} events; load from a second process, {args.workers} connections")
    for k, r in res.items():
        print(f"event {k:4}: {r['requests_per_s']} requests/s, p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms "
              f"({r['requests']} requests, {r['errors']} errors)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
