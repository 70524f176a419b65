"""The analysis pipeline: a list of registered components run over a shared context.

Each component declares what it ``requires`` and what it ``assigns`` (as in spaCy); the pipeline
checks the order once when it is built. A component is a function ``(ctx) -> None`` that reads the
context and sets its own fields. Users may register their own (for example a statistical NER model)
with :func:`register` and pass a custom component list to :func:`build`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Optional

from .errors import LagebildError
from .model import Analysis, Document
from .resources import Lang, lexicon_version, load, settings
from .text import Sentence, Token


@dataclass
class DocPerson:
    """A person named in the document, with every place it is mentioned."""
    key: str
    name: str
    qid: Optional[str]
    actor: Optional[str]
    roles: set = field(default_factory=set)
    positions: list = field(default_factory=list)  # mention starts
    gender: Optional[str] = None  # f | m, from the lexicon or the role noun ("Ministerin")
    named_as_written: bool = False  # name taken from the document's own full mention


@dataclass
class Context:
    doc: Document
    lang: Lang
    published: Optional[dt.date]
    sentences: list = field(default_factory=list)  # Sentence, content only (no boilerplate)
    tokens: list = field(default_factory=list)  # per sentence: list[Token]
    mentions: list = field(default_factory=list)
    persons: dict = field(default_factory=dict)  # key -> DocPerson
    quantities: list = field(default_factory=list)  # per sentence: list[Quantity]
    dates: list = field(default_factory=list)  # per sentence: list[DateFound]
    quotes: list = field(default_factory=list)  # (open_start, close_end, inner_start, inner_end)
    statements: list = field(default_factory=list)
    statement_of_sentence: dict = field(default_factory=dict)  # sentence index -> speaker DocPerson|str
    meetings: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    assessments: list = field(default_factory=list)
    events: list = field(default_factory=list)
    skip: set = field(default_factory=set)  # sentence indices that are not report text

    def sentence_at(self, pos: int) -> Optional[Sentence]:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None

    def mentions_in(self, start: int, end: int, kinds=None) -> list:
        return [m for m in self.mentions if start <= m.start and m.end <= end and (kinds is None or m.kind in kinds)]

    def in_quote(self, start: int, end: int) -> bool:
        return any(q[0] <= start and end <= q[1] for q in self.quotes)

    def blanked(self, sent) -> str:
        """The sentence (or part of one) with its quotations blanked out: same length, same offsets."""
        key = (sent.start, sent.end)
        cache = self.__dict__.setdefault("_blanked", {})
        if key not in cache:
            t = list(sent.text)
            for q in self.quotes:
                if q[0] < sent.end and sent.start < q[1]:
                    for i in range(max(q[0], sent.start), min(q[1], sent.end)):
                        t[i - sent.start] = " "
            cache[key] = "".join(t)
        return cache[key]


@dataclass(frozen=True)
class Component:
    name: str
    func: Callable[[Context], None]
    requires: tuple = ()
    assigns: tuple = ()


REGISTRY: dict[str, Component] = {}


def register(name: str, requires: tuple = (), assigns: tuple = ()):
    """Decorator: register ``func(ctx)`` as a pipeline component."""
    def deco(func):
        REGISTRY[name] = Component(name, func, tuple(requires), tuple(assigns))
        return func
    return deco


DEFAULT_PIPELINE = ("boilerplate", "sentences", "quotes", "mentions", "quantities", "dates",
                    "statements", "meetings", "measures", "topics", "assessments", "events", "genre")


class PipelineError(LagebildError):
    pass


def build(names=DEFAULT_PIPELINE) -> list[Component]:
    from . import extract  # noqa: F401  (registers the built-in components)

    have: set = set()
    comps = []
    for n in names:
        if n not in REGISTRY:
            raise PipelineError(f"unknown pipeline component {n!r}; known: {', '.join(sorted(REGISTRY))}")
        c = REGISTRY[n]
        missing = [r for r in c.requires if r not in have]
        if missing:
            raise PipelineError(f"component {n!r} requires {missing} before it")
        have.update(c.assigns)
        comps.append(c)
    return comps


def run(doc: Document, components: Optional[list] = None) -> Analysis:
    lang = load(doc.language)
    published = None
    if doc.published:
        try:
            published = dt.date.fromisoformat(doc.published[:10])
        except ValueError:
            published = None
    ctx = Context(doc=doc, lang=lang, published=published)
    for c in components or build():
        c.func(ctx)
    return Analysis(
        document=doc,
        mentions=sorted(ctx.mentions, key=lambda m: (m.start, m.end)),
        meetings=ctx.meetings,
        measures=ctx.measures,
        topics=ctx.topics,
        statements=sorted(ctx.statements, key=lambda s: s.start),
        assessments=ctx.assessments,
        events=ctx.events,
        lexicon_version=lexicon_version(),
    )


__all__ = ["Context", "Component", "DocPerson", "register", "build", "run", "DEFAULT_PIPELINE", "settings"]
