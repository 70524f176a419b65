"""The first schema: documents, facts, events, event_documents and full-text search.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text), sa.Column("url", sa.Text), sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text), sa.Column("author", sa.Text), sa.Column("published", sa.Date),
        sa.Column("language", sa.String(8), nullable=False), sa.Column("genre", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False), sa.Column("analysis", sa.Text, nullable=False),
        sa.Column("lexicon_version", sa.String(16), nullable=False), sa.Column("minhash", sa.LargeBinary),
        sa.Column("embedding", sa.LargeBinary), sa.Column("event_date", sa.Date),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False), sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("type", sa.String(32)), sa.Column("actor", sa.String(16)), sa.Column("target", sa.String(16)),
        sa.Column("start", sa.Integer), sa.Column("end", sa.Integer), sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_facts_document_id", "facts", ["document_id"])
    op.create_index("ix_facts_kind_type", "facts", ["kind", "type", "actor", "target"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("title", sa.Text), sa.Column("date", sa.Date), sa.Column("actors", sa.Text, nullable=False),
        sa.Column("participants", sa.Text, nullable=False), sa.Column("centroid", sa.LargeBinary),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_events_date", "events", ["date"])
    op.create_table(
        "event_documents",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("wire_copy_of", sa.String(64)), sa.Column("similarity", sa.Float),
    )
    op.create_index("ix_event_documents_document", "event_documents", ["document_id"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, text, tokenize='unicode61')")
    else:
        op.add_column("documents", sa.Column("search", sa.dialects.postgresql.TSVECTOR))
        op.create_index("ix_documents_search", "documents", ["search"], postgresql_using="gin")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE documents_fts")
    op.drop_table("event_documents")
    op.drop_table("events")
    op.drop_table("facts")
    op.drop_table("documents")
