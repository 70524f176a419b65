"""Reconciliation: one fact sheet per event, every value with the reports that state it.

For each slot (date, place, duration, occasion, each measure's from/to/change/quantity/term/status,
each topic's status) the values of the event's reports are grouped into compatible values:
durations agree within a tolerance (settings: duration_tolerance — "rund 100 Minuten" and "eine
Stunde und 40 Minuten" agree, 100 and 120 minutes do not); dates, places and figures agree when
equal. A group's weight is the number of independent sources in it: a wire copy counts with its
original, never on its own. The group with most independent sources is the consensus; when two
groups each have a report that is not a copy, the slot is a conflict and both sides are shown with
their sources.

Measures of one type between the same actors stay apart when they concern different specific
topics (the fentanyl tariff and the overall tariff rate are two measures).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Callable, Optional

from ..resources import settings

MEASURE_SLOTS = ("from", "to", "change", "quantity", "term", "renewal", "status")


def _source(doc: dict) -> dict:
    pub = doc.get("published")
    return {"document": doc["id"], "outlet": doc.get("outlet"), "source": doc.get("source") or doc.get("url"),
            "url": doc.get("url"), "title": doc.get("title"),
            "published": pub.isoformat() if isinstance(pub, dt.date) else pub,
            "wire_copy_of": doc.get("wire_copy_of")}


def _same_duration(a: dict, b: dict) -> bool:
    tol = settings()["reconcile"]["duration_tolerance"]
    x, y = float(a["value"]), float(b["value"])
    return abs(x - y) <= tol * max(x, y)


def _same_place(a: dict, b: dict) -> bool:
    """Places agree in the same country ("Peking" and "Beijing" are one city in two languages)."""
    if a.get("country") and b.get("country"):
        return a["country"] == b["country"]
    return _norm(a["value"]) == _norm(b["value"])


def _same_occasion(a: dict, b: dict) -> bool:
    wa = {w for w in re.findall(r"\w{3,}", str(a["value"]).casefold())}
    wb = {w for w in re.findall(r"\w{3,}", str(b["value"]).casefold())}
    return bool(wa & wb)


def _same_value(a: dict, b: dict) -> bool:
    """Figures agree when equal; a vague amount ("große Mengen") agrees with any figure."""
    if isinstance(a["value"], str) != isinstance(b["value"], str):
        return True
    return _norm(a["value"]) == _norm(b["value"])


def _same_date(a: dict, b: dict) -> bool:
    tol = settings()["reconcile"]["date_tolerance_days"]
    try:
        x, y = dt.date.fromisoformat(str(a["value"])[:10]), dt.date.fromisoformat(str(b["value"])[:10])
    except ValueError:
        return _norm(a["value"]) == _norm(b["value"])
    return abs((x - y).days) <= tol


def _equal(a: dict, b: dict) -> bool:
    return a["value"] == b["value"]


def _norm(v):
    if isinstance(v, str):
        return re.sub(r"\s+", " ", v.strip().casefold())
    if isinstance(v, dict):
        return json.dumps(v, sort_keys=True)
    return v


def slot(observations: list, same: Callable = _equal, chain: bool = False) -> Optional[dict]:
    """observations: [{"value", "doc", "evidence", ...}] -> {consensus, values, conflict}.
    chain: a value joins a group that it agrees with at any member (days of a talk that ran over
    several days), instead of with every member."""
    if not observations:
        return None
    groups: list = []
    for ob in observations:
        # a value joins a group only if it agrees with every value in it: 165 minutes agrees with both
        # 150 and 180, but 150 and 180 do not agree, so they must not end up in one group through it
        for g in groups:
            if (any if chain else all)(same(m, ob) for m in g["members"]):
                g["members"].append(ob)
                break
        else:
            groups.append({"members": [ob]})
    out = []
    for g in groups:
        docs = {}
        for ob in g["members"]:
            docs.setdefault(ob["doc"]["id"], ob)
        origins = {ob["doc"].get("wire_copy_of") or d for d, ob in docs.items()}
        independent = {d for d, ob in docs.items() if not ob["doc"].get("wire_copy_of")}
        first = g["members"][0]
        value = first["value"]
        exact = [ob for ob in g["members"] if not ob.get("approximate")]
        if exact:
            value = exact[0]["value"]
        out.append({
            "value": value,
            "approximate": not exact,
            "sources": [dict(_source(ob["doc"]), evidence=ob.get("evidence")) for ob in docs.values()],
            "independent_sources": len(origins),
            "_independent_docs": len(independent),
            "_first": min(ob["doc"].get("published") or dt.date.max for ob in g["members"]) if g["members"] else None,
        })
    out.sort(key=lambda g: (-g["independent_sources"], g["approximate"], str(g["_first"])))
    conflict = sum(1 for g in out if g["_independent_docs"] > 0) >= 2
    for g in out:
        g.pop("_independent_docs")
        g.pop("_first")
    return {"consensus": out[0]["value"], "consensus_sources": out[0]["independent_sources"], "values": out,
            "conflict": conflict}


def _meeting_of(analysis: dict, actors: set) -> Optional[dict]:
    best, score = None, -1
    for m in analysis.get("meetings") or []:
        s = len({p.get("actor") for p in m["participants"]} & actors)
        if s > score:
            best, score = m, s
    return best


def _ev(x: dict) -> Optional[dict]:
    evs = x.get("evidence") or []
    return {"start": evs[0]["start"], "end": evs[0]["end"], "text": evs[0]["text"]} if evs else None


def measure_key(ms: dict, analysis: dict) -> tuple:
    """(type, actor, target, specific topics): the topics named in the measure's own words — its object
    and its evidence, which is its own part of the sentence when the sentence reports several."""
    from ..resources import load

    generic = set(settings()["reconcile"]["generic_topics"])
    lang = load((analysis.get("document") or {}).get("language") or "de")
    own = " ".join([ms.get("object") or ""] + [e["text"] for e in ms.get("evidence") or []])
    topics = {tid for tid, rx in lang.topics if tid not in generic and rx.search(own)}
    return ms["type"], ms.get("actor"), ms.get("target"), tuple(sorted(topics))


def reconcile(event: dict, docs: list) -> dict:
    """The fact sheet of one event from its documents (each with 'analysis' JSON and 'wire_copy_of')."""
    actors = set((event.get("actors") or "").split())
    parsed = []
    for d in docs:
        a = d["analysis"] if isinstance(d["analysis"], dict) else json.loads(d["analysis"])
        parsed.append((d, a))

    obs: dict = {k: [] for k in ("date", "place", "country", "occasion", "duration_minutes", "in_person", "first_since")}
    participants: dict = {}
    for d, a in parsed:
        m = _meeting_of(a, actors)
        if not m:
            continue
        ev = _ev(m)
        for k in obs:
            v = m.get(k)
            if v is not None:
                obs[k].append({"value": v, "doc": d, "evidence": ev, "country": m.get("country"),
                               "approximate": bool(m.get("approximate")) if k == "duration_minutes" else False})
        for p in m["participants"]:
            participants.setdefault(p.get("id") or p["name"], p)

    sheet: dict = {
        "id": event["id"], "title": event.get("title"),
        "date": event["date"].isoformat() if isinstance(event.get("date"), dt.date) else event.get("date"),
        "actors": sorted(actors), "participants": list(participants.values()),
    }
    same = {"duration_minutes": _same_duration, "place": _same_place, "occasion": _same_occasion, "date": _same_date}
    slots = {k: slot(sorted(obs[k], key=lambda o: str(o["value"])) if k == "date" else obs[k],
                     same.get(k, lambda x, y: _norm(x["value"]) == _norm(y["value"])), chain=k == "date")
             for k in obs}
    if slots["occasion"]:
        slots["occasion"]["conflict"] = False  # names of occasions differ by language and outlet, not by fact
    if slots["country"]:
        slots["country"]["conflict"] = False  # the place slot decides
    sheet["slots"] = slots
    if slots["date"] and not sheet["date"]:
        sheet["date"] = slots["date"]["consensus"]

    # measures, grouped by identity
    groups: dict = {}
    for d, a in parsed:
        for ms in a.get("measures") or []:
            k = measure_key(ms, a)
            # a report that did not name the actor or the target still reports the same measure
            match = next((g for g in groups if g[0] == k[0] and g[3] == k[3]
                          and all(x is None or y is None or x == y for x, y in ((g[1], k[1]), (g[2], k[2])))), None)
            if match is None:
                groups[k] = [(d, ms)]
            elif match[1:3] != k[1:3] and None in match[1:3] and None not in k[1:3]:
                groups[k] = groups.pop(match) + [(d, ms)]  # the fuller key names the group
            else:
                groups[match].append((d, ms))
    measures = []
    for (mtype, actor, target, topics), items in groups.items():
        entry = {"type": mtype, "actor": actor, "target": target, "topics": list(topics),
                 "object": next((ms.get("object") for _, ms in items if ms.get("object")), None)}
        for k in MEASURE_SLOTS:
            o = [{"value": ms[k], "doc": d, "evidence": _ev(ms)} for d, ms in items if ms.get(k) not in (None, "", {})]
            entry[k] = slot(o, _same_value)
        entry["sources"] = _unique_sources(d for d, _ in items)
        measures.append(entry)
    measures.sort(key=lambda m: (-len(m["sources"]), m["type"]))
    sheet["measures"] = measures

    # topics
    tgroups: dict = {}
    for d, a in parsed:
        for t in a.get("topics") or []:
            tgroups.setdefault(t["topic"], []).append((d, t))
    topics = []
    for tid, items in tgroups.items():
        o = [{"value": t["status"], "doc": d, "evidence": _ev(t)} for d, t in items]
        topics.append({"topic": tid, "label": items[0][1].get("label"), "status": slot(o)})
    topics.sort(key=lambda t: (-t["status"]["consensus_sources"], t["topic"]))
    sheet["topics"] = topics

    # statements by speaker
    by_speaker: dict = {}
    for d, a in parsed:
        for s in a.get("statements") or []:
            key = s.get("speaker") or s.get("speaker_name") or "?"
            entry = by_speaker.setdefault(key, {"speaker": s.get("speaker"), "speaker_name": s.get("speaker_name"),
                                                "statements": []})
            entry["statements"].append({"text": s["text"], "direct": s["direct"], "start": s["start"], "end": s["end"],
                                        **_source(d)})
    sheet["statements"] = sorted(by_speaker.values(), key=lambda e: -len(e["statements"]))

    conflicts = []
    for k, sl in slots.items():
        if sl and sl["conflict"]:
            conflicts.append({"slot": k, "values": [v["value"] for v in sl["values"]]})
    for m in measures:
        if m["status"]:
            m["status"]["conflict"] = False  # who calls it announced or agreed is wording, shown but not flagged
        if m["change"] and any(m[k] and m[k]["conflict"] for k in ("from", "to")):
            m["change"]["conflict"] = False  # a change told by its ends disagrees because they do: one conflict, not two
        for k in MEASURE_SLOTS:
            if m[k] and m[k]["conflict"]:
                conflicts.append({"slot": f"measure.{k}", "measure": {"type": m["type"], "actor": m["actor"],
                                                                      "target": m["target"], "topics": m["topics"]},
                                  "values": [v["value"] for v in m[k]["values"]]})
    for t in topics:
        if t["status"]["conflict"]:
            conflicts.append({"slot": "topic.status", "topic": t["topic"], "values": [v["value"] for v in t["status"]["values"]]})
    sheet["conflicts"] = conflicts
    sheet["documents"] = [_source(d) for d, _ in parsed]
    return sheet


def _unique_sources(docs) -> list:
    seen, out = set(), []
    for d in docs:
        if d["id"] not in seen:
            seen.add(d["id"])
            out.append(_source(d))
    return out
