"""The data model: a document, the spans on its text, and the facts found in it.

Every span is half-open ``[start, end)`` on ``Document.text`` and ``text[start:end] == span.text``.
Every fact records the component and the rule that made it (``found_by``), so a wrong fact can be
traced to its rule. ``Analysis.to_dict()`` is the JSON output contract of DESIGN.md.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Evidence":
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class FoundBy:
    component: str
    rule: str


@dataclass
class Document:
    text: str
    id: str = ""
    language: str = "de"
    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None  # ISO date
    genre: str = "unknown"
    source: Optional[str] = None
    boilerplate: list = field(default_factory=list)  # Evidence of lines that are page furniture

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "language": self.language,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "genre": self.genre,
            "source": self.source,
            "boilerplate": [asdict(b) for b in self.boilerplate],
            "text": self.text,
        }


@dataclass
class Mention:
    kind: str  # person | actor | place | organization | date | quantity
    text: str
    start: int
    end: int
    id: Optional[str] = None
    name: Optional[str] = None  # canonical name
    actor: Optional[str] = None  # for people and places: the state they belong to
    role: Optional[str] = None  # for people: the role noun in front of them
    value: Any = None  # for dates (ISO string) and quantities ({"value", "unit", ...})
    found_by: Optional[FoundBy] = None

    def to_dict(self) -> dict:
        d = {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end, "id": self.id}
        for key in ("name", "actor", "role", "value"):
            if getattr(self, key) is not None:
                d[key] = getattr(self, key)
        _provenance(d, self.found_by)
        return d


@dataclass
class Participant:
    name: str
    id: Optional[str]
    actor: Optional[str]

    def to_dict(self) -> dict:
        return {"name": self.name, "id": self.id, "actor": self.actor}


@dataclass
class Meeting:
    participants: list
    place: Optional[str] = None
    country: Optional[str] = None
    occasion: Optional[str] = None
    date: Optional[str] = None
    duration_minutes: Optional[int] = None
    approximate: Optional[bool] = None
    in_person: Optional[bool] = None
    first_since: Optional[int] = None
    evidence: list = field(default_factory=list)
    found_by: Optional[FoundBy] = None

    def to_dict(self) -> dict:
        d = {
            "participants": [p.to_dict() for p in self.participants],
            "place": self.place,
            "country": self.country,
            "occasion": self.occasion,
            "date": self.date,
            "duration_minutes": self.duration_minutes,
            "approximate": self.approximate,
            "in_person": self.in_person,
            "first_since": self.first_since,
            "evidence": [asdict(e) for e in self.evidence],
        }
        _provenance(d, self.found_by)
        return d


@dataclass
class Measure:
    type: str
    actor: Optional[str] = None
    target: Optional[str] = None
    object: Optional[str] = None
    from_: Optional[dict] = None
    to: Optional[dict] = None
    change: Optional[dict] = None
    quantity: Any = None
    term: Optional[str] = None
    renewal: Optional[str] = None
    status: str = "announced"
    attributed_to: Optional[str] = None
    evidence: list = field(default_factory=list)
    found_by: Optional[FoundBy] = None

    def to_dict(self) -> dict:
        d = {
            "type": self.type,
            "actor": self.actor,
            "target": self.target,
            "object": self.object,
            "from": self.from_,
            "to": self.to,
            "change": self.change,
            "quantity": self.quantity,
            "term": self.term,
            "renewal": self.renewal,
            "status": self.status,
            "attributed_to": self.attributed_to,
            "evidence": [asdict(e) for e in self.evidence],
        }
        _provenance(d, self.found_by)
        return d


@dataclass
class Topic:
    topic: str
    label: str
    status: str  # discussed | not_discussed
    evidence: list = field(default_factory=list)
    found_by: Optional[FoundBy] = None

    def to_dict(self) -> dict:
        d = {"topic": self.topic, "label": self.label, "status": self.status,
             "evidence": [asdict(e) for e in self.evidence]}
        _provenance(d, self.found_by)
        return d


@dataclass
class Statement:
    speaker: Optional[str]
    speaker_name: Optional[str]
    text: str
    direct: bool
    start: int
    end: int
    found_by: Optional[FoundBy] = None

    def to_dict(self) -> dict:
        d = {"speaker": self.speaker, "speaker_name": self.speaker_name, "text": self.text,
             "direct": self.direct, "start": self.start, "end": self.end}
        _provenance(d, self.found_by)
        return d


@dataclass
class Assessment:
    text: str
    hedged: bool
    cue: Optional[str]
    start: int
    end: int
    found_by: Optional[FoundBy] = None

    def to_dict(self) -> dict:
        d = {"text": self.text, "hedged": self.hedged, "cue": self.cue, "start": self.start, "end": self.end}
        _provenance(d, self.found_by)
        return d


@dataclass
class Event:
    """One coded event in PLOVER terms, pointing to the facts it codes."""
    type: str
    actor: Optional[str] = None
    recipient: Optional[str] = None
    mode: Optional[str] = None
    context: list = field(default_factory=list)
    evidence: list = field(default_factory=list)
    facts: list = field(default_factory=list)  # [{"fact": "meetings", "index": 0}, ...]
    found_by: Optional[FoundBy] = None

    def to_dict(self) -> dict:
        d = {"plover": {"type": self.type, "mode": self.mode, "context": list(self.context),
                        "actor": self.actor, "recipient": self.recipient},
             "evidence": [asdict(e) for e in self.evidence], "facts": list(self.facts)}
        _provenance(d, self.found_by)
        return d


FACT_TYPES = ("mentions", "meetings", "measures", "topics", "statements", "assessments", "events")


@dataclass
class Analysis:
    document: Document
    mentions: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    statements: list = field(default_factory=list)
    assessments: list = field(default_factory=list)
    events: list = field(default_factory=list)
    lexicon_version: str = ""

    def to_dict(self) -> dict:
        d = {"document": self.document.to_dict()}
        for key in FACT_TYPES:
            d[key] = [f.to_dict() for f in getattr(self, key)]
        d["lexicon_version"] = self.lexicon_version
        return d


def _provenance(d: dict, found_by: Optional[FoundBy]) -> None:
    if found_by is not None:
        d["component"] = found_by.component
        d["rule"] = found_by.rule
