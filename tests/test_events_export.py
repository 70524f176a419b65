"""PLOVER coding, export, and the PLOVER sample score."""
import csv
import io
import json

import pyarrow.parquet as pq

from conftest import EXAMPLES, SHARED, run_cli
from lagebild import analyze

RECORDS = SHARED / "external" / "plover" / "records.json"


def test_events_code_meetings_measures_and_cue_sentences():
    a = analyze("Emmanuel Macron and Olaf Scholz met in Berlin on Monday. Germany agreed to cut its tariffs on "
                "French cheese from 10 to 5 percent. Russia accused Ukraine of shelling the plant.", language="en")
    got = [(e.type, e.actor, e.recipient, e.facts[:1]) for e in a.events]
    assert ("CONSULT", "FRA", "DEU", [{"fact": "meetings", "index": 0}]) in got
    assert any(t == "AGREE" and f == [{"fact": "measures", "index": 0}] for t, _, _, f in got)
    assert ("ACCUSE", "RUS", "UKR", []) in got
    for e in a.events:
        d = e.to_dict()
        assert set(d["plover"]) == {"type", "mode", "context", "actor", "recipient"}
        assert d["evidence"] and d["component"] == "events"


def test_phone_call_is_a_consult_by_phone():
    a = analyze("Olaf Scholz hat mit Wladimir Putin telefoniert. Das Gespräch dauerte eine Stunde.", language="de")
    (e,) = [e for e in a.events if e.type == "CONSULT"]
    assert e.mode == "phone" and (e.actor, e.recipient) == ("DEU", "RUS")


def test_export_jsonl_csv_and_parquet(tmp_path):
    src = EXAMPLES / "01_trump_xi_busan_2025.txt"
    p = run_cli("export", src)
    assert p.returncode == 0, p.stderr
    lines = [json.loads(l) for l in p.stdout.decode().splitlines()]
    assert lines and all(l["plover"]["type"] for l in lines)
    p = run_cli("export", src, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(p.stdout.decode())))
    assert len(rows) == len(lines)
    assert all(r["evidence_text"] for r in rows)
    out = tmp_path / "ev.parquet"
    assert run_cli("export", src, "--format", "parquet", "-o", out).returncode == 0
    table = pq.read_table(out)
    assert table.num_rows == len(lines) and "recipient" in table.column_names


def test_parquet_needs_a_file_and_a_failed_export_leaves_nothing(tmp_path):
    src = EXAMPLES / "01_trump_xi_busan_2025.txt"
    p = run_cli("export", src, "--format", "parquet")
    assert p.returncode == 1 and b"--output" in p.stderr and p.stdout == b""
    p = run_cli("export", src, tmp_path / "missing.txt", "--format", "csv", "-o", tmp_path / "out.csv")
    assert p.returncode == 1
    assert list(tmp_path.iterdir()) == []


def test_plover_sample_meets_the_bar():
    p = run_cli("eval-plover", RECORDS, "--format", "json")
    assert p.returncode == 0, p.stderr
    r = json.loads(p.stdout)
    assert r["records"] >= 150
    assert r["core_accuracy"] >= 0.8
    assert r["all_accuracy"] >= 0.6
    assert r["types_per_record"] < 2.0  # accuracy bought with a flood of types would be worthless
