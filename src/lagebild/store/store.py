"""The knowledge base: SQLite (default, WAL, FTS5) or PostgreSQL (psycopg 3, tsvector), one API.

Each document is written in one transaction together with its facts and its place in an event, so a
process killed mid-run loses nothing that was committed, and a re-run adds only what is missing
(documents are keyed by the hash of their text).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Iterable, Optional

import sqlalchemy as sa

from ..errors import LagebildError
from . import schema as S

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(LagebildError):
    """The database cannot be opened or used."""


def database_url(db: Optional[str]) -> str:
    """'lagebild.db' -> sqlite URL; 'postgresql://…' -> the psycopg 3 dialect; other URLs as given."""
    db = db or "lagebild.db"
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return "sqlite:///" + str(Path(db).resolve())


class Store:
    def __init__(self, db: Optional[str] = None):
        self.url = database_url(db)
        try:
            self.engine = sa.create_engine(self.url, future=True, pool_pre_ping=True)
            if self.engine.dialect.name == "sqlite":
                sa.event.listen(self.engine, "connect", _sqlite_pragmas)
            with self.engine.begin() as conn:
                self._migrate(conn)
        except sa.exc.OperationalError as exc:
            raise StoreError(f"cannot open the database {db or 'lagebild.db'}: {str(exc.orig).strip().splitlines()[0]}; "
                             f"check --db (a file path or a postgresql:// URL)") from None
        except sa.exc.ArgumentError as exc:
            raise StoreError(f"--db {db!r} is not a file path or a database URL: {exc}") from None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _migrate(self, conn) -> None:
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    # --- writing ---------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as c:
            return c.execute(sa.select(S.documents.c.id).where(S.documents.c.id == doc_id)).first() is not None

    def known_ids(self) -> set:
        with self.engine.connect() as c:
            return {r[0] for r in c.execute(sa.select(S.documents.c.id))}

    def write(self, row: dict, fact_rows: list, link) -> int:
        """Insert a document, its facts and its event membership in one transaction.
        `link(conn)` chooses (or creates) the event inside the transaction and returns
        (event_id, wire_copy_of, similarity)."""
        with self.engine.begin() as conn:
            conn.execute(S.documents.insert().values(**row))
            if fact_rows:
                conn.execute(S.facts.insert(), [dict(f, document_id=row["id"]) for f in fact_rows])
            if self.dialect == "sqlite":
                conn.execute(sa.text("INSERT INTO documents_fts (doc_id, title, text) VALUES (:i, :t, :x)"),
                             {"i": row["id"], "t": row.get("title") or "", "x": row["text"]})
            else:
                config = "german" if row["language"] == "de" else "english"
                conn.execute(sa.text(f"UPDATE documents SET search = to_tsvector('{config}', coalesce(title, '') || ' ' || text) "
                                     "WHERE id = :i"), {"i": row["id"]})
            event_id, wire_of, sim = link(conn)
            conn.execute(S.event_documents.insert().values(event_id=event_id, document_id=row["id"],
                                                           wire_copy_of=wire_of, similarity=sim))
            return event_id

    # --- reading ---------------------------------------------------------------------------------
    def candidate_events(self, conn, date: Optional[dt.date], window_days: int) -> list:
        q = sa.select(S.events)
        if date is not None:
            lo, hi = date - dt.timedelta(days=window_days), date + dt.timedelta(days=window_days)
            q = q.where(sa.or_(S.events.c.date.is_(None), S.events.c.date.between(lo, hi)))
        return list(conn.execute(q).mappings())

    def all_events(self, actor: Optional[str] = None, since: Optional[dt.date] = None) -> list:
        q = sa.select(S.events).order_by(S.events.c.date.desc().nulls_last() if self.dialect == "postgresql"
                                         else S.events.c.date.desc(), S.events.c.id)
        if since is not None:
            q = q.where(S.events.c.date >= since)
        with self.engine.connect() as c:
            rows = list(c.execute(q).mappings())
        if actor:
            rows = [r for r in rows if actor in r["actors"].split()]
        return rows

    def event_row(self, event_id: int):
        with self.engine.connect() as c:
            return c.execute(sa.select(S.events).where(S.events.c.id == event_id)).mappings().first()

    def event_documents(self, event_ids: Iterable[int], with_analysis: bool = True) -> list:
        cols = [S.documents.c.id, S.documents.c.source, S.documents.c.url, S.documents.c.title, S.documents.c.outlet,
                S.documents.c.published, S.documents.c.language, S.event_documents.c.event_id,
                S.event_documents.c.wire_copy_of, S.event_documents.c.similarity]
        if with_analysis:
            cols.append(S.documents.c.analysis)
        q = (sa.select(*cols).join(S.event_documents, S.event_documents.c.document_id == S.documents.c.id)
             .where(S.event_documents.c.event_id.in_(list(event_ids))).order_by(S.documents.c.published, S.documents.c.id))
        with self.engine.connect() as c:
            return [dict(r) for r in c.execute(q).mappings()]

    def wire_status(self, ids) -> dict:
        """document id -> the original it copies (None for an original)."""
        with self.engine.connect() as c:
            return {r[0]: r[1] for r in c.execute(sa.select(S.event_documents.c.document_id, S.event_documents.c.wire_copy_of)
                                                  .where(S.event_documents.c.document_id.in_(list(ids))))}

    def event_of(self, doc_id: str) -> Optional[int]:
        with self.engine.connect() as c:
            r = c.execute(sa.select(S.event_documents.c.event_id).where(S.event_documents.c.document_id == doc_id)).first()
            return r[0] if r else None

    def delete_document(self, doc_id: str) -> bool:
        with self.engine.begin() as conn:
            ev = conn.execute(sa.select(S.event_documents.c.event_id).where(S.event_documents.c.document_id == doc_id)).first()
            conn.execute(S.event_documents.delete().where(S.event_documents.c.document_id == doc_id))
            conn.execute(S.facts.delete().where(S.facts.c.document_id == doc_id))
            if self.dialect == "sqlite":
                conn.execute(sa.text("DELETE FROM documents_fts WHERE doc_id = :i"), {"i": doc_id})
            n = conn.execute(S.documents.delete().where(S.documents.c.id == doc_id)).rowcount
            if ev is not None:
                left = conn.execute(sa.select(sa.func.count()).select_from(S.event_documents)
                                    .where(S.event_documents.c.event_id == ev[0])).scalar_one()
                if not left:
                    conn.execute(S.events.delete().where(S.events.c.id == ev[0]))
            return n > 0

    def document(self, doc_id: str):
        with self.engine.connect() as c:
            return c.execute(sa.select(S.documents).where(S.documents.c.id == doc_id)).mappings().first()

    def counts(self) -> dict:
        with self.engine.connect() as c:
            return {t.name: c.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for t in (S.documents, S.facts, S.events, S.event_documents)}

    def signatures(self) -> list:
        """(id, minhash, ingested_at) of every document, for the near-duplicate index."""
        with self.engine.connect() as c:
            return list(c.execute(sa.select(S.documents.c.id, S.documents.c.minhash).order_by(S.documents.c.ingested_at)))

    def search(self, query: str, limit: int = 20) -> list:
        with self.engine.connect() as c:
            if self.dialect == "sqlite":
                fts = _fts5_query(query)
                if not fts:
                    return []
                rows = c.execute(sa.text(
                    "SELECT doc_id, snippet(documents_fts, 2, '[', ']', '…', 12) AS snippet, bm25(documents_fts) AS rank "
                    "FROM documents_fts WHERE documents_fts MATCH :q ORDER BY rank LIMIT :n"), {"q": fts, "n": limit})
            else:
                rows = c.execute(sa.text(
                    "SELECT id AS doc_id, ts_headline((CASE WHEN language = 'de' THEN 'german' ELSE 'english' END)::regconfig, "
                    "text, qq.q, 'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snippet, ts_rank(search, qq.q) AS rank "
                    "FROM documents CROSS JOIN (SELECT websearch_to_tsquery('german', :q) || websearch_to_tsquery('english', :q) AS q) qq "
                    "WHERE search @@ qq.q ORDER BY rank DESC LIMIT :n"), {"q": query, "n": limit})
            hits = [dict(r._mapping) for r in rows]
            if not hits:
                return []
            meta = {r["id"]: dict(r) for r in c.execute(
                sa.select(S.documents.c.id, S.documents.c.title, S.documents.c.source, S.documents.c.outlet,
                          S.documents.c.published).where(S.documents.c.id.in_([h["doc_id"] for h in hits]))).mappings()}
            ev = {r["document_id"]: r["event_id"] for r in c.execute(
                sa.select(S.event_documents.c.document_id, S.event_documents.c.event_id)
                .where(S.event_documents.c.document_id.in_([h["doc_id"] for h in hits]))).mappings()}
        return [{"document": h["doc_id"], "event": ev.get(h["doc_id"]), "snippet": h["snippet"],
                 **{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in meta[h["doc_id"]].items() if k != "id"}}
                for h in hits]


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _fts5_query(q: str) -> str:
    """Words of the query as an FTS5 expression (each word quoted, so user input cannot break it)."""
    import re

    words = re.findall(r"\w+", q)
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)
