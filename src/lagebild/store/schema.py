"""The knowledge base schema (SQLAlchemy Core). Migrations in store/migrations create it.

documents         one row per ingested report, keyed by the hash of its text (idempotent ingest)
facts             the analysis of each document, one row per fact, with its evidence offsets
events            real-world events; documents are linked to them in event_documents
event_documents   membership; `wire_copy_of` marks a near-duplicate that is no independent source
documents_fts     SQLite only: FTS5 index over title and text (PostgreSQL uses a tsvector column)
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # sha256 of the text
    sa.Column("source", sa.Text),  # path or URL it was ingested from
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("genre", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("analysis", sa.Text, nullable=False),  # the JSON output contract
    sa.Column("lexicon_version", sa.String(16), nullable=False),
    sa.Column("minhash", sa.LargeBinary),  # near-duplicate signature
    sa.Column("embedding", sa.LargeBinary),  # cross-lingual sentence embedding of the lead (float32)
    sa.Column("event_date", sa.Date),  # the date the document is about (meeting date or publication)
    sa.Column("ingested_at", sa.DateTime, nullable=False),
)

facts = sa.Table(
    "facts", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),  # meeting | measure | topic | statement | assessment | event
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("type", sa.String(32)),  # measure type, topic id, PLOVER type …
    sa.Column("actor", sa.String(16)),
    sa.Column("target", sa.String(16)),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
    sa.Column("data", sa.Text, nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("title", sa.Text),
    sa.Column("date", sa.Date, index=True),
    sa.Column("actors", sa.Text, nullable=False),  # space-separated ISO3 / org ids, sorted
    sa.Column("participants", sa.Text, nullable=False),  # JSON list
    sa.Column("centroid", sa.LargeBinary),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

event_documents = sa.Table(
    "event_documents", metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("wire_copy_of", sa.String(64)),
    sa.Column("similarity", sa.Float),
)

sa.Index("ix_event_documents_document", event_documents.c.document_id)
