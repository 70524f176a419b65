"""Sources for the knowledge base: files, folders, HTML pages, RSS/Atom feed files and JSONL.

`iter_items(paths)` yields one `Item` per report, or an `ItemError` for a report that cannot be
read (the caller reports it and goes on: one bad line does not lose the rest).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional, Union

from ..errors import InputError, NotFoundError

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass
class Item:
    source: str  # path, path#line or the entry's link
    data: Optional[bytes] = None  # raw bytes of a file (text or HTML)
    text: Optional[str] = None  # already text (JSONL, feed entries)
    html: bool = False
    meta: dict = field(default_factory=dict)  # url, title, published, outlet, author, language


@dataclass
class ItemError:
    source: str
    message: str


def iter_items(paths) -> Iterator[Union[Item, ItemError]]:
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            yield ItemError(str(raw), f"{raw}: no such file or folder; check the path")
            continue
        files = sorted(x for x in p.rglob("*") if x.is_file() and not x.name.startswith(".")) if p.is_dir() else [p]
        for f in files:
            suffix = f.suffix.lower()
            if p.is_dir() and suffix not in TEXT_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES + JSONL_SUFFIXES:
                continue  # a folder may hold other files; a file named on the command line is always tried
            try:
                if suffix in JSONL_SUFFIXES:
                    yield from _jsonl(f)
                elif suffix in FEED_SUFFIXES or _looks_like_feed(f):
                    yield from _feed(f)
                else:
                    yield Item(str(f), data=f.read_bytes(), html=suffix in HTML_SUFFIXES)
            except OSError as exc:
                yield ItemError(str(f), f"{f}: cannot read it: {exc.strerror}")


def _looks_like_feed(f: Path) -> bool:
    try:
        head = f.open("rb").read(512).lstrip().lower()
    except OSError:
        return False
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head) or head.startswith((b"<rss", b"<feed"))


def _date(v) -> Optional[str]:
    if not v:
        return None
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v[:10]).isoformat()
        except ValueError:
            return None
    return None


def _jsonl(f: Path) -> Iterator[Union[Item, ItemError]]:
    with f.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            src = f"{f}#{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ItemError(src, f"{src}: not valid JSON ({exc.msg}); each line must be one JSON object")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
                yield ItemError(src, f"{src}: no \"text\" field; each line needs text (url, title, published, outlet are optional)")
                continue
            yield Item(obj.get("url") or src, text=obj["text"], meta={
                "url": obj.get("url"), "title": obj.get("title"), "published": _date(obj.get("published")),
                "outlet": obj.get("outlet"), "author": obj.get("author"), "language": obj.get("language"),
                "external_id": obj.get("id")})


def _feed(f: Path) -> Iterator[Union[Item, ItemError]]:
    import feedparser

    parsed = feedparser.parse(f.read_bytes())
    if parsed.bozo and not parsed.entries:
        yield ItemError(str(f), f"{f}: not a readable RSS or Atom feed ({parsed.bozo_exception}); check the file")
        return
    outlet = parsed.feed.get("title")
    for n, e in enumerate(parsed.entries, 1):
        content = ""
        if e.get("content"):
            content = e["content"][0].get("value", "")
        content = content or e.get("summary", "")
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if e.get(key):
                published = dt.date(*e[key][:3]).isoformat()
                break
        src = e.get("link") or f"{f}#{n}"
        html = "<" in content and ">" in content
        yield Item(src, text=content if not html else None, data=content.encode("utf-8") if html else None, html=html,
                   meta={"url": e.get("link"), "title": e.get("title"), "published": published, "outlet": outlet,
                         "author": e.get("author")})


def to_document(item: Item, max_bytes: Optional[int] = None, language: Optional[str] = None):
    """The Document of an item (decoding, HTML extraction, language), or an InputError."""
    from .reader import read_bytes

    meta = item.meta
    if item.data is not None:
        if max_bytes is not None and len(item.data) > max_bytes:
            raise InputError(f"{item.source}: over the size limit of {max_bytes} bytes")
        doc = read_bytes(item.data, source=item.source, is_html=item.html or None,
                         language=language or meta.get("language"), published=meta.get("published"))
    else:
        doc = read_bytes(item.text.encode("utf-8"), source=item.source, is_html=False,
                         language=language or meta.get("language"), published=meta.get("published"))
    doc.title = meta.get("title") or doc.title
    doc.author = meta.get("author") or doc.author
    doc.source = item.source
    return doc


__all__ = ["Item", "ItemError", "iter_items", "to_document", "NotFoundError"]
