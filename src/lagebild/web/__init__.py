"""The web UI and JSON API (`lagebild serve`)."""
from .app import create_app

__all__ = ["create_app"]
