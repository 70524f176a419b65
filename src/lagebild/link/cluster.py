"""Which event a report belongs to.

A report joins an existing event when the dates are close (settings: date_window_days), they share
actors (states and organisations by id, so German and English reports meet), and the lead of the
report is similar in meaning to the event's reports (cross-lingual sentence embeddings). A near-copy
of an earlier report (MinHash of word shingles) joins its original's event and is marked as a wire
copy, so it never counts as an independent source. Otherwise the report opens a new event: two
Trump–Xi meetings years apart stay apart because their dates do.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Optional

import numpy as np
import sqlalchemy as sa

from ..resources import settings
from ..store import schema as S


def signature(analysis: dict, published: Optional[dt.date]) -> dict:
    """Actors, people, date and a title for a report, from its analysis."""
    actors: set = set()
    participants = []
    date = None
    place = None
    meetings = analysis.get("meetings") or []
    if meetings:
        m = meetings[0]
        for p in m["participants"]:
            if p.get("actor"):
                actors.add(p["actor"])
            participants.append({"name": p["name"], "id": p.get("id"), "actor": p.get("actor")})
        if m.get("date"):
            try:
                date = dt.date.fromisoformat(m["date"][:10])
            except ValueError:
                date = None
        place = m.get("place")
    for ms in analysis.get("measures") or []:
        for k in ("actor", "target"):
            if ms.get(k):
                actors.add(ms[k])
    if len(actors) < 2:
        # the states named most, counting a person as the state they act for
        counts = Counter((x.get("actor") if x["kind"] == "person" else x["id"]) for x in analysis.get("mentions") or []
                         if (x["kind"] in ("actor", "organization") and x.get("id")) or (x["kind"] == "person" and x.get("actor")))
        for a, n in counts.most_common(3):
            if n >= 2:
                actors.add(a)
    if date is None:
        date = published
    names = " – ".join(p["name"] for p in participants[:3]) if participants else " – ".join(sorted(actors)[:3])
    title = ", ".join(x for x in (names, place) if x) or (analysis.get("document") or {}).get("title") or "event"
    return {"actors": sorted(actors), "participants": participants, "date": date, "title": title}


def choose_event(conn, store, sig: dict, embedding: np.ndarray, wire_of: Optional[str]) -> tuple:
    """(event_id, wire_copy_of, similarity) for a report, creating the event if none fits."""
    cfg = settings()["linking"]
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    if wire_of:
        row = conn.execute(sa.select(S.event_documents.c.event_id).where(S.event_documents.c.document_id == wire_of)).first()
        if row is not None:
            return row[0], wire_of, 1.0
    best, best_score, best_sim = None, -1.0, None
    for ev in store.candidate_events(conn, sig["date"], cfg["date_window_days"]):
        ev_actors = set(ev["actors"].split())
        shared = len(ev_actors & set(sig["actors"]))
        need = min(cfg["min_shared_actors"], len(ev_actors), len(sig["actors"]))
        if shared < max(1, need):
            continue
        centroid = np.frombuffer(ev["centroid"], dtype=np.float32) if ev["centroid"] else None
        sim = float(centroid @ embedding) if centroid is not None else 0.0
        dated = sig["date"] is not None and ev["date"] is not None
        if sim < (cfg["min_similarity"] if dated else cfg["min_similarity_undated"]):
            continue
        score = sim + 0.05 * shared
        if score > best_score:
            best, best_score, best_sim = ev, score, sim
    if best is None:
        res = conn.execute(S.events.insert().values(
            title=sig["title"], date=sig["date"], actors=" ".join(sig["actors"]),
            participants=json.dumps(sig["participants"], ensure_ascii=False),
            centroid=embedding.astype(np.float32).tobytes(), created_at=now))
        return res.inserted_primary_key[0], None, None
    # fold the report into the event: centroid, actors, date and participants if still unknown
    n = conn.execute(sa.select(sa.func.count()).select_from(S.event_documents)
                     .where(S.event_documents.c.event_id == best["id"], S.event_documents.c.wire_copy_of.is_(None))).scalar_one()
    old = np.frombuffer(best["centroid"], dtype=np.float32) if best["centroid"] else embedding
    centroid = old * n + embedding
    centroid = centroid / (np.linalg.norm(centroid) or 1.0)
    values = {"centroid": centroid.astype(np.float32).tobytes(),
              "actors": " ".join(sorted(set(best["actors"].split()) | set(sig["actors"])))}
    if best["date"] is None and sig["date"] is not None:
        values["date"] = sig["date"]
    if best["participants"] in ("[]", "") and sig["participants"]:
        values["participants"] = json.dumps(sig["participants"], ensure_ascii=False)
        values["title"] = sig["title"]
    conn.execute(S.events.update().where(S.events.c.id == best["id"]).values(**values))
    return best["id"], None, best_sim
