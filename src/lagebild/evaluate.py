"""Scoring the engine against gold documents: precision, recall and F1 per fact type.

A gold document is a pair ``NAME.txt`` + ``NAME.gold.json`` (format: docs/gold-guidelines.md).
Matching follows the project's referee (shared/tools/score.py): a system fact matches a gold fact
when its evidence overlaps the gold evidence (meetings: when two participants agree), and its
attributes are then compared one by one. Meetings, measures, topics and statements are exhaustive
in our gold, so precision is computed for them; mentions and assessments are samples (recall only).

Stricter rows: ``measures_exact`` counts a measure as right only with its type and every number
(from, to, change, quantity) exactly as in the gold; ``statements_speaker`` only with the right speaker.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Optional

from .errors import GoldError

EXHAUSTIVE = ("meetings", "measures", "measures_exact", "topics", "statements", "statements_speaker")
ROWS = ("mentions", "meetings", "measures", "measures_exact", "topics", "statements", "statements_speaker", "assessments")


def norm(s) -> str:
    s = unicodedata.normalize("NFKC", str(s or "")).casefold()
    return re.sub(r"[^\w]+", " ", s).strip()


def _locate(text: str, evidence, where: str) -> list:
    out = []
    for ev in [evidence] if isinstance(evidence, str) else (evidence or []):
        i = text.find(ev)
        if i < 0:
            raise GoldError(f"{where}: gold evidence not in document: {ev[:60]!r}; copy it exactly from the .txt")
        out.append((i, i + len(ev)))
    return out


def _spans(fact: dict) -> list:
    out = []
    if fact.get("start") is not None and fact.get("end") is not None:
        out.append((fact["start"], fact["end"]))
    for ev in fact.get("evidence") or []:
        if isinstance(ev, dict) and ev.get("start") is not None:
            out.append((ev["start"], ev["end"]))
    return out


def _overlap(a, b) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


def _same_person(gid, gname, sid, sname) -> bool:
    if gid and sid and gid == sid:
        return True
    g, s = norm(gname), norm(sname)
    return bool(g and s) and (g == s or g.split()[-1] == s.split()[-1])


def _qv(q) -> tuple:
    if not isinstance(q, dict):
        return (None, "")
    try:
        v = float(q.get("value"))
    except (TypeError, ValueError):
        v = None
    return (v, norm(q.get("unit")))


class Row:
    def __init__(self):
        self.gold = self.found = self.system = self.matched = self.attr_ok = self.attr_all = 0
        self.misses: list = []

    def attr(self, ok: bool, label: str) -> None:
        self.attr_all += 1
        self.attr_ok += ok
        if not ok:
            self.misses.append(label)

    def add(self, other: "Row", prefix: str) -> None:
        for k in ("gold", "found", "system", "matched", "attr_ok", "attr_all"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.misses.extend(f"{prefix}: {m}" for m in other.misses)

    def result(self, exhaustive: bool) -> dict:
        r = self.found / self.gold if self.gold else None
        p = (self.matched / self.system if self.system else (1.0 if self.gold == 0 else None)) if exhaustive else None
        f = (2 * p * r / (p + r) if p and r else 0.0) if (p is not None and r is not None) else None
        return {"gold": self.gold, "found": self.found, "system": self.system, "recall": r, "precision": p, "f1": f,
                "attributes": self.attr_ok / self.attr_all if self.attr_all else None, "misses": self.misses}


def score_document(gold: dict, out: dict, text: str, where: str = "") -> dict:
    rows = {k: Row() for k in ROWS}

    t = rows["mentions"]
    for g in gold.get("mentions", []):
        t.gold += 1
        rng = _locate(text, g["evidence"], where)
        name = g.get("text") or g["name"]
        i = text.find(name, rng[0][0])
        target = [(i, i + len(name))] if 0 <= i < rng[0][1] else rng
        hit = [m for m in out.get("mentions", []) if _overlap(_spans(m), target)]
        if hit:
            t.found += 1
            if g.get("id"):
                t.attr(any(m.get("id") == g["id"] for m in hit), f"mention id {name} -> {g['id']}")
        else:
            t.misses.append(f"missed mention {name}")

    t = rows["meetings"]
    sysm = out.get("meetings", [])
    t.system = len(sysm)
    used: set = set()
    for g in gold.get("meetings", []):
        t.gold += 1
        pick = None
        for k, m in enumerate(sysm):
            if k in used:
                continue
            n = sum(any(_same_person(gp.get("id"), gp.get("name"), p.get("id"), p.get("name")) for p in m.get("participants", []))
                    for gp in g["participants"])
            if n >= min(2, len(g["participants"])):
                pick = k
                break
        if pick is None:
            t.misses.append("missed meeting " + " / ".join(str(p.get("name")) for p in g["participants"]))
            continue
        used.add(pick)
        t.found += 1
        m = sysm[pick]
        for key in ("place", "country", "duration_minutes", "first_since", "date", "in_person", "approximate"):
            if key in g and (g[key] is not None or key == "date"):
                gv, sv = g[key], m.get(key)
                ok = norm(gv) == norm(sv) if key == "place" else (gv == sv or (key == "duration_minutes" and sv is not None and gv is not None and float(sv) == float(gv)))
                t.attr(ok, f"meeting {key} {sv!r} != {gv!r}")
        if g.get("occasion"):
            so, go = norm(m.get("occasion")), norm(g["occasion"])
            t.attr(bool(so) and (go in so or so in go or go.split()[0] in so), f"meeting occasion {m.get('occasion')!r} !~ {g['occasion']!r}")
    t.matched = len(used)

    t, te = rows["measures"], rows["measures_exact"]
    sysx = out.get("measures", [])
    t.system = te.system = len(sysx)
    used = set()
    for g in gold.get("measures", []):
        t.gold += 1
        te.gold += 1
        rng = _locate(text, g["evidence"], where)
        cand = [k for k, m in enumerate(sysx) if k not in used and _overlap(_spans(m), rng)]
        typed = [k for k in cand if sysx[k].get("type") == g["type"]]
        pick = (typed or cand or [None])[0]
        if pick is None:
            t.misses.append(f"missed measure {g['type']}: {str(g.get('object'))[:50]}")
            continue
        used.add(pick)
        t.found += 1
        m = sysx[pick]
        exact = m.get("type") == g["type"]
        t.attr(m.get("type") == g["type"], f"measure type {m.get('type')!r} != {g['type']!r}")
        for key in ("from", "to", "change", "quantity"):
            if isinstance(g.get(key), dict) and g[key].get("value") is not None:
                ok = _qv(m.get(key)) == _qv(g[key])
                exact = exact and ok
                t.attr(ok, f"measure {key} {m.get(key)!r} != {g[key]!r}")
        for key in ("term", "renewal", "actor", "target", "status"):
            if g.get(key):
                t.attr(m.get(key) == g[key], f"measure {key} {m.get(key)!r} != {g[key]!r}")
        if exact:
            te.found += 1
            te.matched += 1
    t.matched = len(used)

    t = rows["topics"]
    syst = out.get("topics", [])
    t.system = len(syst)
    used = set()
    for g in gold.get("topics", []):
        t.gold += 1
        rng = _locate(text, g["evidence"], where)
        keys = {norm(g["topic"].replace("_", " ")), norm(g.get("label", ""))} | {norm(a) for a in g.get("aliases", [])}
        keys.discard("")
        pick = None
        for k, s in enumerate(syst):
            if k in used or s.get("status") != g["status"]:
                continue
            if s.get("topic") == g["topic"] or norm(s.get("topic", "").replace("_", " ")) in keys or _overlap(_spans(s), rng):
                pick = k
                break
        if pick is None:
            t.misses.append(f"missed topic {g['topic']} ({g['status']})")
            continue
        used.add(pick)
        t.found += 1
    t.matched = len(used)

    t, ts = rows["statements"], rows["statements_speaker"]
    syss = out.get("statements", [])
    t.system = ts.system = len(syss)
    used = set()
    for g in gold.get("statements", []):
        t.gold += 1
        ts.gold += 1
        rng = _locate(text, g["evidence"], where)
        pick = next((k for k, s in enumerate(syss) if k not in used and _overlap(_spans(s), rng)), None)
        if pick is None:
            t.misses.append(f"missed statement {g['text'][:50]!r}")
            continue
        used.add(pick)
        t.found += 1
        s = syss[pick]
        ok = _same_person(g.get("speaker"), g.get("speaker_name", ""), s.get("speaker"), s.get("speaker_name"))
        t.attr(ok, f"speaker {s.get('speaker_name')!r} != {g.get('speaker_name') or g.get('speaker')!r} for {g['text'][:30]!r}")
        t.attr(bool(s.get("direct")) == bool(g["direct"]), f"direct {s.get('direct')!r} for {g['text'][:30]!r}")
        if ok:
            ts.found += 1
            ts.matched += 1
    t.matched = len(used)

    t = rows["assessments"]
    sysa = out.get("assessments", [])
    t.system = len(sysa)
    for g in gold.get("assessments", []):
        t.gold += 1
        rng = _locate(text, g["evidence"], where)
        hit = [s for s in sysa if _overlap(_spans(s), rng)]
        if not hit:
            t.misses.append(f"missed assessment {g['evidence'][:50]!r}")
            continue
        t.found += 1
        t.attr(any(bool(s.get("hedged")) == bool(g["hedged"]) for s in hit), f"hedged for {g['evidence'][:30]!r}")
    return rows


def gold_pairs(gold_dir) -> list[tuple[Path, Path]]:
    d = Path(gold_dir)
    pairs = []
    for g in sorted(d.glob("*.gold.json")):
        txt = g.with_name(g.name[: -len(".gold.json")] + ".txt")
        if not txt.exists():
            raise GoldError(f"{g}: no document {txt.name} beside it")
        pairs.append((txt, g))
    if not pairs:
        raise GoldError(f"{gold_dir}: no *.gold.json files; a gold folder holds NAME.txt + NAME.gold.json pairs")
    return pairs


def evaluate(gold_dir, analyze_fn=None) -> dict:
    from .api import analyze

    fn = analyze_fn or (lambda text, gold: analyze(text, language=gold.get("document", {}).get("language"),
                                                   published=gold.get("document", {}).get("published")).to_dict())
    total = {k: Row() for k in ROWS}
    per_doc = []
    provenance_bad = 0
    for txt, gpath in gold_pairs(gold_dir):
        text = txt.read_text(encoding="utf-8")
        try:
            gold = json.loads(gpath.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise GoldError(f"{gpath}: not valid JSON: {exc}") from None
        out = fn(text, gold)
        provenance_bad += _provenance_errors(out, text)
        rows = score_document(gold, out, text, gpath.name)
        for k, r in rows.items():
            total[k].add(r, txt.stem)
        per_doc.append({"document": txt.stem, **{k: rows[k].result(k in EXHAUSTIVE) for k in ROWS}})
    report = {"gold_dir": str(gold_dir), "documents": len(per_doc),
              "totals": {k: total[k].result(k in EXHAUSTIVE) for k in ROWS},
              "provenance_errors": provenance_bad, "per_document": per_doc}
    return report


def _provenance_errors(out: dict, text: str) -> int:
    bad = 0
    for sec in ("mentions", "statements", "assessments"):
        for f in out.get(sec, []):
            if f.get("start") is not None and text[f["start"]:f["end"]] != f.get("text"):
                bad += 1
    for sec in ("meetings", "measures", "topics"):
        for f in out.get(sec, []):
            for ev in f.get("evidence") or []:
                if text[ev["start"]:ev["end"]] != ev["text"]:
                    bad += 1
    return bad


def format_report(report: dict, misses: bool = False) -> str:
    fmt = lambda x: "   - " if x is None else f"{x:5.2f}"  # noqa: E731
    lines = [f"{report['documents']} gold documents in {report['gold_dir']}",
             f"{'type':19} {'gold':>5} {'found':>5} {'sys':>5} {'prec':>6} {'recall':>6} {'F1':>6} {'attrs':>6}"]
    for k, r in report["totals"].items():
        lines.append(f"{k:19} {r['gold']:5} {r['found']:5} {r['system']:5} {fmt(r['precision']):>6} "
                     f"{fmt(r['recall']):>6} {fmt(r['f1']):>6} {fmt(r['attributes']):>6}")
    lines.append(f"provenance errors: {report['provenance_errors']}")
    if misses:
        for k, r in report["totals"].items():
            for m in r["misses"]:
                lines.append(f"  [{k}] {m}")
    return "\n".join(lines)


def metric(report: dict, name: str) -> Optional[float]:
    """'meetings.f1' -> the value in the report's totals."""
    row, _, field = name.partition(".")
    if row == "provenance_errors":
        return report["provenance_errors"]
    return report["totals"].get(row, {}).get(field)


def check_gate(report: dict, floors_path) -> list[str]:
    """Failures (one line each) of the metrics below their floors in FLOORS (a JSON file)."""
    floors = json.loads(Path(floors_path).read_text(encoding="utf-8"))["floors"]
    failures = []
    for name, floor in floors.items():
        v = metric(report, name)
        if name == "provenance_errors":
            if v is None or v > floor:
                failures.append(f"{name} = {v} is above its ceiling {floor}")
        elif v is None or v + 1e-9 < floor:
            failures.append(f"{name} = {v if v is None else round(v, 3)} is below its floor {floor}")
    return failures


def evaluate_plover(records_path) -> dict:
    """Event-type accuracy on PLOVER gold standard records: a record is right when the coder produces
    an entry of the record's type (older names mapped to current ones) for its sentence."""
    from .api import analyze
    from .resources import plover

    pv = plover()
    legacy = pv["legacy_names"]
    try:
        records = json.loads(Path(records_path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{records_path}: cannot read the PLOVER records: {exc}") from None
    per_type: dict = {}
    emitted = []
    for r in records:
        if not r.get("text") or r.get("event") not in set(pv["types"]) | set(legacy):
            continue
        gold = legacy[r["event"]][0] if r["event"] in legacy else r["event"]
        out = analyze(r["text"], language=r.get("language") or "en")
        got = {e.type for e in out.events}
        emitted.append(len(got))
        row = per_type.setdefault(gold, {"records": 0, "right": 0, "missed": []})
        row["records"] += 1
        if gold in got:
            row["right"] += 1
        else:
            row["missed"].append(r.get("id"))
    for row in per_type.values():
        row["accuracy"] = row["right"] / row["records"]
    core = [t for t in pv["core"] if t in per_type]

    def pooled(types):
        n = sum(per_type[t]["records"] for t in types)
        return sum(per_type[t]["right"] for t in types) / n if n else None

    return {"records": sum(r["records"] for r in per_type.values()), "per_type": per_type,
            "core_accuracy": pooled(core), "all_accuracy": pooled(list(per_type)),
            # how many distinct types the coder gives one sentence: accuracy means little if this is large
            "types_per_record": sum(emitted) / len(emitted) if emitted else None}


def format_plover(report: dict) -> str:
    lines = [f"{'type':10} {'records':>7} {'right':>5} {'accuracy':>8}"]
    for t, r in sorted(report["per_type"].items()):
        lines.append(f"{t:10} {r['records']:7} {r['right']:5} {r['accuracy']:8.2f}")
    lines.append(f"diplomatic core accuracy: {report['core_accuracy']:.2f}")
    lines.append(f"all types accuracy:       {report['all_accuracy']:.2f} over {report['records']} records")
    lines.append(f"event types per sentence: {report['types_per_record']:.2f} on average")
    return "\n".join(lines)
