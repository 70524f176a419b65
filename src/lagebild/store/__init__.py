"""Storage of documents, facts and events (SQLite or PostgreSQL)."""
from .store import Store, StoreError, database_url

__all__ = ["Store", "StoreError", "database_url"]
