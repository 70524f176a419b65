"""The knowledge base API: ingest reports, then ask for events, fact sheets, measures over time,
full-text search and commitments with their due dates. Each CLI command is a thin wrapper over the
method of the same name.

    >>> kb = KnowledgeBase("lagebild.db")
    >>> kb.ingest(["examples/"])
    >>> kb.event(kb.events()[0]["id"])["duration_minutes"]["values"]
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from .errors import InputError, LagebildError
from .ingest.sources import Item, ItemError, iter_items, to_document
from .link import cluster, reconcile as rec, signals
from .pipeline import run
from .resources import lexicon_version, settings
from .store.store import Store, StoreError, dumps

__all__ = ["KnowledgeBase", "IngestReport", "StoreError", "NotFoundInStoreError"]


class NotFoundInStoreError(LagebildError):
    pass


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0  # already in the knowledge base (same text)
    wire_copies: int = 0
    failed: list = field(default_factory=list)  # (source, message)
    events: set = field(default_factory=set)

    def to_dict(self) -> dict:
        return {"added": self.added, "skipped": self.skipped, "wire_copies": self.wire_copies,
                "failed": [{"source": s, "error": m} for s, m in self.failed], "events": sorted(self.events)}


class KnowledgeBase:
    def __init__(self, db: Optional[str] = None):
        self.store = Store(db)
        self._lsh = None
        self._known: Optional[set] = None
        self.last_document: Optional[str] = None

    def close(self) -> None:
        self.store.close()

    # --- ingest ----------------------------------------------------------------------------------
    def _index(self):
        if self._lsh is None:
            from datasketch import MinHashLSH

            cfg = settings()["linking"]
            self._lsh = MinHashLSH(threshold=cfg["wire_copy_threshold"], num_perm=cfg["minhash_permutations"])
            for doc_id, mh in self.store.signatures():
                if mh:
                    self._lsh.insert(doc_id, signals.minhash_from_bytes(mh))
            self._known = self.store.known_ids()
        return self._lsh

    def ingest(self, paths, progress: Optional[Callable[[int, str], None]] = None,
               language: Optional[str] = None, max_bytes: Optional[int] = None) -> IngestReport:
        """Analyse and store every report under the paths; returns what happened to each."""
        report = IngestReport()
        lsh = self._index()
        limit = max_bytes if max_bytes is not None else settings()["input"]["max_bytes"]
        for n, item in enumerate(iter_items(paths), 1):
            if progress:
                progress(n, item.source)
            if isinstance(item, ItemError):
                report.failed.append((item.source, item.message))
                continue
            try:
                doc = to_document(item, max_bytes=limit, language=language)
            except InputError as exc:
                report.failed.append((item.source, str(exc)))
                continue
            doc.id = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
            if doc.id in self._known:
                report.skipped += 1
                continue
            event_id, wire = self._add(doc, item, lsh)
            report.added += 1
            report.wire_copies += wire is not None
            report.events.add(event_id)
        return report

    def _add(self, doc, item: Item, lsh) -> tuple:
        analysis = run(doc).to_dict()
        mh = signals.minhash(doc.text)
        wire_of = None
        cands = [c for c in lsh.query(mh) if c != doc.id]
        if cands:
            status = self.store.wire_status(cands)  # an original, not another copy, is what a copy copies
            wire_of = min(cands, key=lambda c: (status.get(c) is not None, c))
            wire_of = status.get(wire_of) or wire_of
        emb = signals.embed([signals.lead(doc.title, doc.text)])[0]
        published = dt.date.fromisoformat(doc.published[:10]) if doc.published else None
        sig = cluster.signature(analysis, published)
        row = {
            "id": doc.id, "source": doc.source, "url": item.meta.get("url"), "title": doc.title,
            "outlet": item.meta.get("outlet"), "author": doc.author, "published": published,
            "language": doc.language, "genre": doc.genre, "text": doc.text, "analysis": dumps(analysis),
            "lexicon_version": lexicon_version(), "minhash": signals.minhash_bytes(mh),
            "embedding": emb.astype("float32").tobytes(), "event_date": sig["date"],
            "ingested_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
        }
        facts = _fact_rows(analysis)
        chosen = {}

        def link(conn):
            chosen["r"] = cluster.choose_event(conn, self.store, sig, emb, wire_of)
            return chosen["r"]

        event_id = self.store.write(row, facts, link)
        lsh.insert(doc.id, mh)
        self._known.add(doc.id)
        self.last_document = doc.id
        return event_id, chosen["r"][1]

    def find_document(self, text: str) -> Optional[dict]:
        """The stored document with exactly this text, and its event."""
        doc_id = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()
        status = self.store.event_of(doc_id)
        return {"document": doc_id, "event": status} if status is not None else None

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document, its facts and its membership; an event left without documents goes too."""
        ok = self.store.delete_document(doc_id)
        if ok and self._known is not None:
            self._known.discard(doc_id)
            if self._lsh is not None and doc_id in self._lsh:
                self._lsh.remove(doc_id)
        return ok

    # --- queries ---------------------------------------------------------------------------------
    def events(self, actor: Optional[str] = None, since: Optional[dt.date] = None) -> list:
        rows = self.store.all_events(actor=actor, since=since)
        docs = self.store.event_documents([r["id"] for r in rows], with_analysis=False) if rows else []
        by_event: dict = {}
        for d in docs:
            by_event.setdefault(d["event_id"], []).append(rec._source(d))
        return [{"id": r["id"], "title": r["title"], "date": r["date"].isoformat() if r["date"] else None,
                 "actors": r["actors"].split(), "participants": json.loads(r["participants"]),
                 "documents": by_event.get(r["id"], [])} for r in rows]

    def event(self, event_id: int) -> dict:
        row = self.store.event_row(int(event_id))
        if row is None:
            raise NotFoundInStoreError(f"no event {event_id}; list them with: lagebild events")
        return rec.reconcile(dict(row), self.store.event_documents([row["id"]]))

    def measures(self, actor: Optional[str] = None, target: Optional[str] = None, type: Optional[str] = None) -> list:
        """The time series of a measure: per event (by date), the reconciled values."""
        out = []
        rows = self.store.all_events(actor=actor)
        for ev in sorted(rows, key=lambda r: (r["date"] or dt.date.min, r["id"])):
            sheet = rec.reconcile(dict(ev), self.store.event_documents([ev["id"]]))
            for m in sheet["measures"]:
                if (actor and m["actor"] != actor) or (target and m["target"] != target) or (type and m["type"] != type):
                    continue
                out.append({"event": ev["id"], "date": sheet["date"], "event_title": sheet["title"],
                            "type": m["type"], "actor": m["actor"], "target": m["target"], "topics": m["topics"],
                            "object": m["object"],
                            **{k: (m[k]["consensus"] if m[k] else None) for k in rec.MEASURE_SLOTS},
                            "conflicts": [k for k in rec.MEASURE_SLOTS if m[k] and m[k]["conflict"]],
                            "sources": len(m["sources"])})
        return out

    def search(self, query: str, limit: int = 20) -> list:
        if not query.strip():
            raise InputError("the search query is empty; give a word or phrase")
        return self.store.search(query, limit)

    def commitments(self, due_within_days: Optional[int] = None, today: Optional[dt.date] = None) -> list:
        """Agreements with a term: when they fall due or come up for renewal."""
        today = today or dt.date.today()
        out = []
        for ev in self.store.all_events():
            sheet = rec.reconcile(dict(ev), self.store.event_documents([ev["id"]]))
            start = dt.date.fromisoformat(str(sheet["date"])[:10]) if sheet["date"] else None
            for m in sheet["measures"]:
                if not m["term"]:
                    continue
                term = m["term"]["consensus"]
                due = add_duration(start, term) if start else None
                if due_within_days is not None and (due is None or not (today <= due <= today + dt.timedelta(days=due_within_days))):
                    continue
                out.append({"event": ev["id"], "event_title": sheet["title"], "date": sheet["date"], "type": m["type"],
                            "actor": m["actor"], "target": m["target"], "object": m["object"], "term": term,
                            "renewal": m["renewal"]["consensus"] if m["renewal"] else None,
                            "due": due.isoformat() if due else None,
                            "status": m["status"]["consensus"] if m["status"] else None})
        out.sort(key=lambda c: c["due"] or "9999")
        return out


def add_duration(start: dt.date, iso: str) -> Optional[dt.date]:
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)([DWMY])", iso or "")
    if not m:
        return None
    n, unit = float(m.group(1)), m.group(2)
    if unit == "D":
        return start + dt.timedelta(days=n)
    if unit == "W":
        return start + dt.timedelta(weeks=n)
    months = int(round(n * (12 if unit == "Y" else 1)))
    y, mo = divmod(start.month - 1 + months, 12)
    day = min(start.day, [31, 29 if (start.year + y) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo])
    return dt.date(start.year + y, mo + 1, day)


def _fact_rows(a: dict) -> list:
    rows = []
    for kind, key in (("meeting", "meetings"), ("measure", "measures"), ("topic", "topics"), ("statement", "statements"),
                      ("assessment", "assessments"), ("event", "events")):
        for i, f in enumerate(a.get(key) or []):
            ev = (f.get("evidence") or [{}])[0] if "evidence" in f else {"start": f.get("start"), "end": f.get("end")}
            typ = f.get("type") or f.get("topic") or (f.get("plover") or {}).get("type")
            actor = f.get("actor") or (f.get("plover") or {}).get("actor")
            target = f.get("target") or (f.get("plover") or {}).get("recipient")
            rows.append({"kind": kind, "idx": i, "type": typ, "actor": actor, "target": target,
                         "start": ev.get("start"), "end": ev.get("end"), "data": dumps(f)})
    return rows
