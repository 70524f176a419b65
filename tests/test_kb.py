"""The knowledge base on both backends: ingest, idempotency, sources, events, reconciliation, queries."""
import datetime as dt
import json
import subprocess
import sys
import time

import pytest

from conftest import EXAMPLES, run_cli
from lagebild.kb import KnowledgeBase, NotFoundInStoreError

# Reports written for these tests: one Trump–Xi meeting seen by four outlets (one a wire copy of
# another, one with a longer duration), and a Trump–Xi meeting six years earlier.
WIRE = ("BUSAN – US-Präsident Donald Trump und Chinas Staatschef Xi Jinping haben sich am Donnerstag in Busan "
        "getroffen. Das Gespräch am Rande des APEC-Gipfels dauerte rund 100 Minuten. Trump kündigte an, die Zölle "
        "auf chinesische Waren wegen der Fentanyl-Krise von 20 auf 10 Prozent zu senken. Die Zölle auf chinesische "
        "Einfuhren sinken damit insgesamt von 57 auf 47 Prozent. China setzt die Exportkontrollen für Seltene Erden "
        "für ein Jahr aus.")
COPY = WIRE.replace("BUSAN –", "BUSAN (Agenturen) –").replace("Staatschef", "Präsident")
LONGER = ("Donald Trump and Xi Jinping met in Busan on Thursday for nearly two hours on the sidelines of the APEC "
          "summit. Trump said he would cut the fentanyl-related tariffs on Chinese goods from 20 to 10 percent, "
          "bringing the overall rate from 57 to 47 percent. China agreed to pause its rare earth export controls "
          "for one year.")
THIRD = ("Trump und Xi kamen in Busan für eine Stunde und 40 Minuten zusammen. Es war ihr erstes persönliches "
         "Treffen seit 2019. Die Zölle auf chinesische Einfuhren sinken insgesamt von 57 auf 47 Prozent, "
         "kündigte Trump an.")
OSAKA = ("OSAKA – Donald Trump und Xi Jinping haben sich am Samstag am Rande des G20-Gipfels in Osaka getroffen. "
         "Das Treffen dauerte etwa 80 Minuten. Die USA verzichten vorerst auf neue Zölle auf chinesische Waren.")


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def reports(tmp_path):
    return write_jsonl(tmp_path / "reports.jsonl", [
        {"text": WIRE, "url": "https://wire.example/1", "outlet": "Wire", "published": "2025-10-30"},
        {"text": COPY, "url": "https://portal.example/2", "outlet": "Portal", "published": "2025-10-30"},
        {"text": LONGER, "url": "https://daily.example/3", "outlet": "Daily", "published": "2025-10-31"},
        {"text": THIRD, "url": "https://blatt.example/4", "outlet": "Blatt", "published": "2025-10-31"},
        {"text": OSAKA, "url": "https://wire.example/5", "outlet": "Wire", "published": "2019-06-29"},
    ])


def test_ingest_is_idempotent(db_url):
    kb = KnowledgeBase(db_url)
    first = kb.ingest([EXAMPLES])
    assert first.added == 5 and not first.failed
    counts = kb.store.counts()
    second = KnowledgeBase(db_url).ingest([EXAMPLES])
    assert (second.added, second.skipped) == (0, 5)
    assert kb.store.counts() == counts


def test_one_event_many_outlets_and_a_distinct_earlier_event(db_url, reports):
    kb = KnowledgeBase(db_url)
    r = kb.ingest([reports])
    assert r.added == 5 and r.wire_copies == 1
    events = kb.events(actor="CHN")
    assert len(events) == 2
    busan = next(e for e in events if e["date"] == "2025-10-30")
    assert len(busan["documents"]) == 4
    osaka = next(e for e in events if e["date"] == "2019-06-29")
    assert [d["url"] for d in osaka["documents"]] == ["https://wire.example/5"]

    sheet = kb.event(busan["id"])
    dur = sheet["slots"]["duration_minutes"]
    assert dur["conflict"] is True
    values = {v["value"]: v for v in dur["values"]}
    assert set(values) == {100, 120}
    # 100 minutes: the wire, its copy (not independent) and "eine Stunde und 40 Minuten"
    assert values[100]["independent_sources"] == 2
    assert {s["outlet"] for s in values[100]["sources"]} == {"Wire", "Portal", "Blatt"}
    assert dur["consensus"] == 100
    # the fentanyl tariff and the overall rate are two measures, and neither is in conflict
    tariffs = [m for m in sheet["measures"] if m["type"] == "tariff_change" and m["actor"] == "USA"]
    assert sorted((m["from"]["consensus"]["value"], m["to"]["consensus"]["value"]) for m in tariffs) == [(20, 10), (57, 47)]
    assert not any(c["slot"].startswith("measure.") and c["measure"]["type"] == "tariff_change" for c in sheet["conflicts"])
    assert {"slot": "duration_minutes", "values": [100, 120]} in sheet["conflicts"]


def test_queries(db_url, reports):
    kb = KnowledgeBase(db_url)
    kb.ingest([reports])
    series = kb.measures(actor="USA", target="CHN", type="tariff_change")
    assert [s["date"] for s in series] == sorted(s["date"] for s in series)
    assert any(s["to"] == {"value": 47, "unit": "percent"} for s in series)
    hits = kb.search("Exportkontrollen")
    assert hits and all("Exportkontrollen" in h["snippet"] for h in hits)
    assert kb.search("kommt-nirgends-vor") == []
    due = kb.commitments(due_within_days=400, today=dt.date(2025, 11, 1))
    assert [(c["type"], c["term"], c["due"]) for c in due if c["type"] == "export_control"] == [
        ("export_control", "P1Y", "2026-10-30")]
    assert kb.commitments(due_within_days=30, today=dt.date(2025, 11, 1)) == []
    with pytest.raises(NotFoundInStoreError):
        kb.event(99999)


def test_sources_feed_html_jsonl_and_bad_lines(db_url, tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Zeitung</title>
<item><title>Gipfel in Busan</title><link>https://feed.example/a</link><pubDate>Thu, 30 Oct 2025 10:00:00 GMT</pubDate>
<description>{WIRE}</description></item>
<item><title>Osaka</title><link>https://feed.example/b</link><pubDate>Sat, 29 Jun 2019 10:00:00 GMT</pubDate>
<description>{OSAKA}</description></item></channel></rss>""", encoding="utf-8")
    bad = write_jsonl(tmp_path / "more.jsonl", [{"text": LONGER, "outlet": "Daily"}])
    with bad.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
        fh.write(json.dumps({"title": "no text"}) + "\n")
    p = run_cli("ingest", feed, bad, EXAMPLES / "02_trump_xi_busan_2025.html", "--db", db_url, "-s", "--format", "json")
    assert p.returncode == 1  # some inputs failed, and say so …
    out = json.loads(p.stdout)
    assert out["added"] == 4  # … while everything readable was stored
    assert [f["source"].rsplit("#", 1)[-1] for f in out["failed"]] == ["2", "3"]
    errs = [l for l in p.stderr.decode().splitlines() if l.strip()]
    assert len(errs) == 2 and all(l.startswith("lagebild: skipped:") for l in errs)
    kb = KnowledgeBase(db_url)
    docs = [d for e in kb.events() for d in e["documents"]]
    assert {d["outlet"] for d in docs} >= {"Feed Zeitung", "Daily"}
    assert "https://feed.example/a" in {d["url"] for d in docs}


def test_cli_queries_and_errors(db_url, reports):
    assert run_cli("ingest", reports, "--db", db_url, "-s").returncode == 0
    p = run_cli("events", "--db", db_url, "--format", "json", "--actor", "USA", "--since", "2025-01-01")
    rows = json.loads(p.stdout)
    assert len(rows) == 1 and {"id", "title", "date", "participants", "documents"} <= set(rows[0])
    assert all(d["source"] for d in rows[0]["documents"])
    p = run_cli("event", rows[0]["id"], "--db", db_url)
    assert p.returncode == 0 and b"CONFLICT" in p.stdout and b"Wire" in p.stdout
    p = run_cli("event", "424242", "--db", db_url)
    assert p.returncode == 1 and p.stderr.decode().strip() == "lagebild: error: no event 424242; list them with: lagebild events"
    p = run_cli("commitments", "--db", db_url, "--due-within", "soon")
    assert p.returncode == 2 and b"90d" in p.stderr


def test_bad_database_url_is_one_line(tmp_path):
    p = run_cli("events", "--db", "postgresql://nobody@127.0.0.1:1/none")
    err = p.stderr.decode().strip().splitlines()
    assert p.returncode == 1 and len(err) == 1 and "cannot open the database" in err[0] and "--db" in err[0]


def test_kill_and_resume(db_url, tmp_path):
    """A real ingest process killed mid-run keeps what it committed; the re-run adds the rest, once."""
    from conftest import GOLD_DE
    from lagebild.store import Store

    folder = tmp_path / "reports"
    folder.mkdir()
    texts = sorted(GOLD_DE.glob("*.txt"))[:30]
    for t in texts:
        (folder / t.name).write_bytes(t.read_bytes())
    exe = [sys.executable, "-m", "lagebild.cli"]
    proc = subprocess.Popen(exe + ["ingest", str(folder), "--db", db_url, "-s"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    store = Store(db_url)
    deadline = time.time() + 120
    while time.time() < deadline and store.counts()["documents"] < 3 and proc.poll() is None:
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    mid = store.counts()
    assert 0 < mid["documents"] < len(texts), "the process should be killed mid-run"
    # every committed document came with its facts and its event
    assert mid["event_documents"] == mid["documents"]
    p = run_cli("ingest", folder, "--db", db_url, "-s", "--format", "json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["added"] + out["skipped"] == len(texts) and out["skipped"] == mid["documents"]
    end = store.counts()
    assert end["documents"] == end["event_documents"] == len(texts)


def test_multisource_corpus_meets_the_bar():
    """Clustering and conflicts on the team's multi-source corpus (docs/multisource-gold.md)."""
    from conftest import ROOT
    from lagebild.evaluate import evaluate_events

    r = evaluate_events(ROOT / "tests" / "eval" / "multisource")
    assert r["gold_events"] >= 6 and r["reports"] >= 30
    assert r["bcubed_f1"] >= 0.9
    assert r["conflict_precision"] >= 0.8 and r["conflict_recall"] >= 0.8
    assert r["wire_copies"] >= 4 and r["wire_copies_missed"] == []  # no wire copy counts as independent
