"""The public functions: analyse a text, a file, or bytes."""
from __future__ import annotations

import hashlib
from typing import Optional

from .errors import UnsupportedLanguageError
from .ingest.reader import detect_language, read_path
from .model import Analysis, Document
from .pipeline import run
from .resources import settings


def analyze(text: str, *, language: Optional[str] = None, published: Optional[str] = None,
            title: Optional[str] = None, author: Optional[str] = None, source: Optional[str] = None,
            doc_id: Optional[str] = None) -> Analysis:
    """Analyse one report. A pure function of the text, the metadata and the lexicon version."""
    lang = language or detect_language(text)
    if lang not in settings()["language"]["supported"]:
        raise UnsupportedLanguageError(lang)
    doc = Document(text=text, id=doc_id or hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], language=lang,
                   title=title, author=author, published=published, source=source)
    return run(doc)


def analyze_document(doc: Document) -> Analysis:
    return run(doc)


def read_document(path: str, **kw) -> Document:
    """Read a file (text in any encoding, or an HTML page) into a Document; see ``ingest.read_path``."""
    return read_path(path, **kw)


def analyze_path(path: str, **kw) -> Analysis:
    return run(read_path(path, **kw))
