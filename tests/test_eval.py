"""The eval command, gold validation and the quality gate."""
import json
import shutil
import subprocess

import pytest

from conftest import GOLD_DE, ROOT, SHARED, run_cli
from lagebild import GoldError
from lagebild.evaluate import check_gate, evaluate

EVAL = ROOT / "tests" / "eval"
CORPORA = [(EVAL / "gold" / "de", EVAL / "floors.json"), (EVAL / "gold" / "en", EVAL / "floors_en.json"),
           (EVAL / "heldout" / "de", EVAL / "floors_heldout_de.json"), (EVAL / "heldout" / "en", EVAL / "floors_heldout_en.json")]


def _tiny(tmp_path, text, gold):
    (tmp_path / "001_x.txt").write_text(text, encoding="utf-8")
    (tmp_path / "001_x.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_eval_scores_a_tiny_corpus(tmp_path):
    text = "Olaf Scholz und Emmanuel Macron trafen sich in Berlin. Das Treffen dauerte rund zwei Stunden."
    gold = {"document": {"language": "de", "published": None},
            "meetings": [{"participants": [{"name": "Olaf Scholz", "id": "Q61053", "actor": "DEU"},
                                           {"name": "Emmanuel Macron", "id": "Q3052772", "actor": "FRA"}],
                          "place": "Berlin", "country": "DEU", "duration_minutes": 120, "approximate": True,
                          "evidence": ["trafen sich in Berlin"]}],
            "measures": [], "topics": [], "statements": []}
    report = evaluate(_tiny(tmp_path, text, gold))
    t = report["totals"]["meetings"]
    assert (t["gold"], t["found"], t["system"], t["precision"], t["recall"], t["attributes"]) == (1, 1, 1, 1.0, 1.0, 1.0)
    p = run_cli("eval", tmp_path)
    assert p.returncode == 0 and b"meetings" in p.stdout


def test_gold_evidence_must_be_in_the_document(tmp_path):
    gold = {"document": {"language": "de"}, "statements": [
        {"speaker": None, "text": "x", "direct": True, "evidence": "nicht im Text"}]}
    d = _tiny(tmp_path, "Olaf Scholz sagte etwas in Berlin über die Lage.", gold)
    with pytest.raises(GoldError, match="not in document"):
        evaluate(d)
    p = run_cli("eval", d)
    assert p.returncode == 1 and "not in document" in p.stderr.decode()


def test_gate_reports_metrics_below_floors(tmp_path):
    report = {"totals": {"meetings": {"f1": 0.5}}, "provenance_errors": 0}
    floors = tmp_path / "f.json"
    floors.write_text(json.dumps({"floors": {"meetings.f1": 0.85, "provenance_errors": 0}}))
    assert check_gate(report, floors) == ["meetings.f1 = 0.5 is below its floor 0.85"]
    report["totals"]["meetings"]["f1"] = 0.9
    assert check_gate(report, floors) == []


VALID_KINDS = {"person", "actor", "place", "organization"}
MEASURE_TYPES = {"tariff_change", "purchase_commitment", "investment_commitment", "supply_agreement", "export_control",
                 "sanction", "ceasefire", "market_access", "enforcement_commitment", "other"}
STATUSES = {"announced", "agreed", "confirmed", "proposed", "denied"}


@pytest.mark.parametrize("corpus,lang,minimum", [(EVAL / "gold" / "de", "de", 40), (EVAL / "gold" / "en", "en", 30),
                                                 (EVAL / "heldout" / "de", "de", 10), (EVAL / "heldout" / "en", "en", 8)])
def test_gold_corpus_is_well_formed(corpus, lang, minimum):
    import re
    import tomllib

    topics = set(tomllib.loads((ROOT / "src/lagebild/data/topics.toml").read_text(encoding="utf-8")))
    pairs = sorted(corpus.glob("*.gold.json"))
    assert len(pairs) >= minimum
    for g in pairs:
        gold = json.loads(g.read_text(encoding="utf-8"))
        text = g.with_name(g.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        assert gold["document"]["language"] == lang, g.name
        for sec in ("meetings", "measures", "topics", "statements", "mentions", "assessments"):
            for f in gold.get(sec, []):
                evs = f["evidence"] if isinstance(f["evidence"], list) else [f["evidence"]]
                for ev in evs:
                    assert ev in text, (g.name, sec, ev)
        for m in gold.get("mentions", []):
            assert m["kind"] in VALID_KINDS, (g.name, m)
            if m["kind"] in ("actor", "place") and m.get("id"):
                assert re.fullmatch(r"[A-Z]{3}|[A-Z0-9_]{2,12}", m["id"]), (g.name, m)
            if m["kind"] == "person" and m.get("id"):
                assert re.fullmatch(r"Q\d+", m["id"]), (g.name, m)
        for m in gold.get("measures", []):
            assert m["type"] in MEASURE_TYPES and m["status"] in STATUSES, (g.name, m)
        for t in gold.get("topics", []):
            assert t["topic"] in topics and t["status"] in ("discussed", "not_discussed"), (g.name, t)


@pytest.mark.parametrize("corpus,floors", CORPORA, ids=["gold-de", "gold-en", "heldout-de", "heldout-en"])
def test_quality_gate(corpus, floors):
    report = evaluate(corpus)
    failures = check_gate(report, floors)
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("floors", [f for _, f in CORPORA], ids=["gold-de", "gold-en", "heldout-de", "heldout-en"])
def test_floors_are_never_lowered_silently(floors):
    """Every commit that changed a floors file either raised floors or says why it lowered one
    (a line 'lower-floor: METRIC: reason' in its message)."""
    git = shutil.which("git")
    assert git, "git is needed to check the history of the floors file"
    FLOORS = floors
    rel = FLOORS.relative_to(ROOT).as_posix()
    log = subprocess.run([git, "log", "--format=%H%x1f%B%x1e", "--", rel], cwd=ROOT, capture_output=True, text=True)
    assert log.returncode == 0, log.stderr
    commits = [c.strip().split("\x1f") for c in log.stdout.split("\x1e") if c.strip()]
    versions = []
    for sha, msg in reversed(commits):
        shown = subprocess.run([git, "show", f"{sha}:{rel}"], cwd=ROOT, capture_output=True, text=True)
        if shown.returncode == 0:
            versions.append((sha, msg, json.loads(shown.stdout)["floors"]))
    # the working copy counts as the newest version
    versions.append(("working tree", "", json.loads(FLOORS.read_text())["floors"]))
    for (_, _, old), (sha, msg, new) in zip(versions, versions[1:]):
        for name, floor in old.items():
            if name == "provenance_errors":
                continue
            lowered = name not in new or new[name] < floor
            assert not lowered or f"lower-floor: {name}" in msg, f"{sha} lowers {name} without saying why"


def test_seed_meets_its_acceptance_bar():
    """The referee's own scorer on the seed (shared/tools/score.py), as the issue states it."""
    score = SHARED / "tools" / "score.py"
    seed = SHARED / "seed"
    assert score.exists(), f"{score} is missing: the shared folder must sit beside the checkout"
    exe = shutil.which("lagebild") or str(ROOT / ".venv" / "bin" / "lagebild")
    p = subprocess.run(["python3", str(score), "--json", "--run", f"{exe} analyze {{doc}} --format json",
                        str(seed / "000_d040036a963fee4a.gold.json"), str(seed / "000_d040036a963fee4a.txt")],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    r = json.loads(p.stdout)
    for k in ("meetings", "measures", "topics"):
        assert r[k]["recall"] == 1.0, k
    for k in ("statements", "assessments"):
        assert r[k]["recall"] >= 0.8, k
    assert r["mentions"]["recall"] >= 0.9
    for k in ("meetings", "measures", "statements"):
        assert r[k]["precision"] >= 0.8, k
    ok = sum(r[k]["attr_ok"] for k in r if "attr_ok" in r[k])
    total = sum(r[k]["attr_all"] for k in r if "attr_all" in r[k])
    assert ok / total >= 0.9
    assert r["provenance"]["wrong"] == 0
