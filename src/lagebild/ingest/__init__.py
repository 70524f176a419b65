"""Reading sources into Documents: plain text in any encoding, HTML pages."""
from .reader import read_bytes, read_path, detect_language

__all__ = ["read_bytes", "read_path", "detect_language"]
