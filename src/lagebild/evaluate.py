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


CONFLICT_SLOTS = ("date", "place", "duration_minutes", "measure.from", "measure.to", "measure.change",
                  "measure.quantity", "measure.term")


def evaluate_events(corpus_dir, db: Optional[str] = None) -> dict:
    """Clustering (B-cubed) and conflict detection on a multi-source corpus (docs/multisource-gold.md):
    every NAME.jsonl is ingested into a fresh knowledge base and compared with NAME.gold.json."""
    import hashlib
    import tempfile

    from .kb import KnowledgeBase

    d = Path(corpus_dir)
    parts = sorted(d.glob("*.jsonl"))
    if not parts:
        raise GoldError(f"{corpus_dir}: no *.jsonl reports; a multi-source corpus holds NAME.jsonl + NAME.gold.json")
    gold_events, ext_to_doc = [], {}
    for p in parts:
        g = p.with_name(p.stem + ".gold.json")
        if not g.exists():
            raise GoldError(f"{p}: no gold file {g.name} beside it")
        gold_events += json.loads(g.read_text(encoding="utf-8"))["events"]
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                text = obj["text"].replace("\r\n", "\n").replace("\r", "\n")
                ext_to_doc[obj["id"]] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(db or str(Path(tmp) / "events.db"))
        report = kb.ingest(parts)
        sys_events = kb.events()
        sheets = {e["id"]: kb.event(e["id"]) for e in sys_events}
        kb.close()
    doc_to_ext = {v: k for k, v in ext_to_doc.items()}
    sys_cluster = {doc_to_ext.get(s["document"], s["document"]): e["id"] for e in sys_events for s in e["documents"]}
    gold_cluster = {doc: ev["id"] for ev in gold_events for doc in ev["documents"]}
    items = [x for x in gold_cluster if x in sys_cluster]
    p_sum = r_sum = 0.0
    for x in items:
        same_sys = {y for y in items if sys_cluster[y] == sys_cluster[x]}
        same_gold = {y for y in items if gold_cluster[y] == gold_cluster[x]}
        p_sum += len(same_sys & same_gold) / len(same_sys)
        r_sum += len(same_sys & same_gold) / len(same_gold)
    bp, br = p_sum / len(items), r_sum / len(items)
    b3 = 2 * bp * br / (bp + br) if bp + br else 0.0

    # wire copies: every gold copy must be marked as a copy, so that it never counts as independent
    wire_sys = {doc_to_ext.get(s["document"]): doc_to_ext.get(s["wire_copy_of"])
                for e in sys_events for s in e["documents"] if s.get("wire_copy_of")}
    wire_gold = {k: v for ev in gold_events for k, v in (ev.get("wire_copies") or {}).items()}
    wire_missed = sorted(k for k in wire_gold if k not in wire_sys)
    wire_false = sorted(k for k in wire_sys if k not in wire_gold)

    # conflicts, on the system event that holds most of each gold event's reports
    def key(c: dict) -> tuple:
        m = c.get("measure") or {}
        return c["slot"], m.get("type"), m.get("actor"), m.get("target")

    found = gold_n = sys_n = matched_sys = 0
    misses, extra = [], []
    for ev in gold_events:
        votes: dict = {}
        for doc in ev["documents"]:
            if doc in sys_cluster:
                votes[sys_cluster[doc]] = votes.get(sys_cluster[doc], 0) + 1
        if not votes:
            continue
        sheet = sheets[max(votes, key=votes.get)]
        g = {key(c) for c in ev.get("conflicts") or []}
        s = {key(c) for c in sheet["conflicts"] if c["slot"] in CONFLICT_SLOTS}
        gold_n += len(g)
        sys_n += len(s)
        found += len(g & s)
        matched_sys += len(s & g)
        misses += [f"{ev['id']}: {k}" for k in sorted(g - s, key=str)]
        extra += [f"{ev['id']}: {k}" for k in sorted(s - g, key=str)]
    cp = matched_sys / sys_n if sys_n else 1.0
    cr = found / gold_n if gold_n else 1.0
    return {"reports": len(ext_to_doc), "ingested": report.added, "gold_events": len(gold_events),
            "system_events": len(sys_events), "bcubed_precision": bp, "bcubed_recall": br, "bcubed_f1": b3,
            "wire_copies": len(wire_gold), "wire_copies_missed": wire_missed, "wire_copies_false": wire_false,
            "conflicts_gold": gold_n, "conflicts_system": sys_n, "conflict_precision": cp, "conflict_recall": cr,
            "conflicts_missed": misses, "conflicts_extra": extra}


def format_events(r: dict) -> str:
    lines = [f"{r['reports']} reports, {r['gold_events']} gold events, {r['system_events']} system events",
             f"clustering B-cubed: precision {r['bcubed_precision']:.2f}  recall {r['bcubed_recall']:.2f}  F1 {r['bcubed_f1']:.2f}",
             f"wire copies: {r['wire_copies']} in gold, missed {len(r['wire_copies_missed'])}, "
             f"falsely marked {len(r['wire_copies_false'])}",
             f"conflicts: precision {r['conflict_precision']:.2f}  recall {r['conflict_recall']:.2f} "
             f"({r['conflicts_gold']} in gold, {r['conflicts_system']} found)"]
    lines += [f"  missed conflict {m}" for m in r["conflicts_missed"]]
    lines += [f"  extra conflict {m}" for m in r["conflicts_extra"]]
    lines += [f"  missed wire copy {m}" for m in r["wire_copies_missed"]]
    lines += [f"  false wire copy {m}" for m in r["wire_copies_false"]]
    return "\n".join(lines)
