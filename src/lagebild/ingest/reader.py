"""Bytes → Document: size limit, binary check, encoding (given or detected), HTML main text, language.

Every failure raises a typed InputError whose message names the problem and the fix; nothing is
written anywhere, so a refused input loses nothing.
"""
from __future__ import annotations

import hashlib
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..errors import (BinaryInputError, EmptyInputError, EncodingError, IsADirectoryInputError, NoArticleTextError,
                      NotFoundError, TooLargeError, UnsupportedLanguageError)
from ..model import Document
from ..resources import settings

HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|meta)\b", re.I | re.S)


def read_path(path: str, *, encoding: Optional[str] = None, max_bytes: Optional[int] = None,
              language: Optional[str] = None, published: Optional[str] = None) -> Document:
    """Read a file (or ``-`` for standard input) into a Document."""
    limit = max_bytes if max_bytes is not None else settings()["input"]["max_bytes"]
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
        source = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise NotFoundError(f"{path}: no such file; check the path")
        if p.is_dir():
            raise IsADirectoryInputError(f"{path}: is a directory; give the files in it (e.g. {path}/*.txt)")
        size = p.stat().st_size
        if size > limit:
            raise TooLargeError(f"{path}: {size} bytes is over the limit of {limit}; raise it with --max-size")
        data = p.read_bytes()
        source = str(p)
    if len(data) > limit:
        raise TooLargeError(f"{source}: input is over the limit of {limit} bytes; raise it with --max-size")
    return read_bytes(data, source=source, encoding=encoding, language=language, published=published,
                      is_html=path.lower().endswith((".html", ".htm", ".xhtml")))


def read_bytes(data: bytes, *, source: Optional[str] = None, encoding: Optional[str] = None,
               language: Optional[str] = None, published: Optional[str] = None,
               is_html: Optional[bool] = None) -> Document:
    name = source or "<input>"
    if not data.strip():
        raise EmptyInputError(f"{name}: the input is empty; give a file with report text")
    if _looks_binary(data):
        raise BinaryInputError(f"{name}: this is a binary file, not text; give a text or HTML file")
    text = decode(data, encoding, name)
    html = is_html or (is_html is None and HTML_SNIFF.match(data[:2000]) is not None) or HTML_SNIFF.match(data[:2000]) is not None
    title = author = None
    if html:
        text, title, author, date = _from_html(text, name)
        published = published or date
    text = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    letters = sum(ch.isalpha() for ch in text)
    if letters < settings()["input"]["min_letters"]:
        raise EmptyInputError(f"{name}: too little text to analyse ({letters} letters); give a whole report")
    lang = language or detect_language(text)
    supported = settings()["language"]["supported"]
    if lang not in supported:
        raise UnsupportedLanguageError(lang)
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Document(text=text, id=doc_id, language=lang, title=title, author=author, published=published,
                    source=source)


def decode(data: bytes, encoding: Optional[str], name: str) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise EncodingError(f"{name}: unknown encoding {encoding!r}; give a name such as utf-8 or latin-1") from None
        except UnicodeDecodeError as exc:
            raise EncodingError(f"{name}: not valid {encoding} at byte {exc.start}; "
                                f"try another --encoding or leave it out to detect it") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise EncodingError(f"{name}: cannot tell the text encoding; give it with --encoding")
    text = str(best)
    if "\ufffd" in text:
        raise EncodingError(f"{name}: the text is not valid in any encoding tried; give it with --encoding")
    return text


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not (head[:2] in (b"\xff\xfe", b"\xfe\xff")):
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return ctrl / max(1, len(head)) > settings()["input"]["binary_control_ratio"]


def _from_html(html: str, name: str):
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True,
                                      favor_precision=True)
    body = (doc.text if doc is not None else None) or ""
    if sum(ch.isalpha() for ch in body) < settings()["input"]["min_letters"]:
        raise NoArticleTextError(f"{name}: no article text found in this HTML page; give the article page or its text")
    date = doc.date[:10] if getattr(doc, "date", None) else None
    return body, doc.title, doc.author, date


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [IsoCode639_1.from_str(c) for c in settings()["language"]["candidates"]]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str) -> str:
    sample = text[: settings()["language"]["sample_chars"]]
    lang = _detector().detect_language_of(sample)
    if lang is None:
        return "und"
    return lang.iso_code_639_1.name.lower()
