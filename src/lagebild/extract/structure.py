"""Document structure: boilerplate lines, sentences, tokens, quotations, quantities, dates, genre."""
from __future__ import annotations

import re

from ..model import Evidence, FoundBy, Mention
from ..pipeline import Context, register
from ..text import split_sentences, tokens
from .dates import DateFinder
from .numbers import NumberParser, find_quantities

_parsers: dict = {}


def parsers(ctx: Context):
    key = ctx.lang.code
    if key not in _parsers:
        _parsers[key] = (NumberParser(ctx.lang), DateFinder(ctx.lang))
    return _parsers[key]


@register("boilerplate", assigns=("boilerplate",))
def boilerplate(ctx: Context) -> None:
    text = ctx.doc.text
    bp = ctx.lang.boilerplate
    pos = 0
    lines = text.split("\n")
    content_lines = 0
    for line in lines:
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        s = start + (len(line) - len(line.lstrip()))
        e = s + len(stripped)
        author = None
        for rx in bp["author"]:
            m = rx.match(stripped)
            if m and (content_lines < 3 or stripped.lower().startswith(("autor", "text"))):
                author = m
                break
        if author:
            ctx.doc.boilerplate.append(Evidence.of(text, s, e))
            name_start = s + author.start("name")
            name = author.group("name")
            if ctx.doc.author is None:
                ctx.doc.author = name
            ctx.mentions.append(Mention("person", name, name_start, name_start + len(name), None, name=name,
                                        role="author", found_by=FoundBy("boilerplate", "author_line")))
            continue
        if any(rx.search(stripped) for rx in bp["lines"]):
            ctx.doc.boilerplate.append(Evidence.of(text, s, e))
            continue
        content_lines += 1


@register("sentences", requires=("boilerplate",), assigns=("sentences", "tokens"))
def sentences(ctx: Context) -> None:
    months = frozenset(ctx.lang.dates["months"])
    skip = [(b.start, b.end) for b in ctx.doc.boilerplate]
    ordinal = ctx.lang.grammar["numbers"].get("ordinal_dot", True)
    for s in split_sentences(ctx.doc.text, months, ordinal):
        if any(a <= s.start and s.end <= b for a, b in skip):
            continue
        ctx.sentences.append(s)
    # re-index after dropping boilerplate
    from ..text import Sentence
    ctx.sentences = [Sentence(s.start, s.end, s.text, i, s.paragraph, s.heading) for i, s in enumerate(ctx.sentences)]
    ctx.tokens = [tokens(s.text, s.start) for s in ctx.sentences]


@register("quotes", requires=("sentences",), assigns=("quotes",))
def quotes(ctx: Context) -> None:
    text = ctx.doc.text
    pairs = ctx.lang.speech["quotes"]
    taken: list = []
    for s in ctx.sentences:
        pass
    for open_q, close_q in pairs:
        i = 0
        while True:
            a = text.find(open_q, i)
            if a < 0:
                break
            b = text.find(close_q, a + 1)
            if b < 0:
                break
            if open_q == close_q == '"':
                # straight quotes pair up in order; skip inch marks inside numbers
                pass
            inner = text[a + 1:b]
            if "\n\n" in inner or len(inner) > 1500 or not inner.strip():
                i = a + 1
                continue
            if any(x < b + 1 and a < y for x, y, _, _ in taken):
                i = b + 1
                continue
            taken.append((a, b + 1, a + 1, b))
            i = b + 1
    ctx.quotes = sorted(taken)


@register("quantities", requires=("sentences",), assigns=("quantities",))
def quantities(ctx: Context) -> None:
    parser, _ = parsers(ctx)
    for toks in ctx.tokens:
        qs = find_quantities(toks, parser)
        ctx.quantities.append(qs)
        for q in qs:
            if q.unit is None:
                continue
            val = {"value": q.as_value()["value"], "unit": q.unit}
            if q.minutes is not None:
                val["minutes"] = q.minutes
            if q.iso:
                val["iso"] = q.iso
            if q.approximate:
                val["approximate"] = True
            ctx.mentions.append(Mention("quantity", ctx.doc.text[q.start:q.end], q.start, q.end, None, value=val,
                                        found_by=FoundBy("quantities", q.unit)))


@register("dates", requires=("sentences",), assigns=("dates",))
def dates(ctx: Context) -> None:
    _, finder = parsers(ctx)
    for s in ctx.sentences:
        ds = finder.find(s.text, s.start, ctx.published)
        ctx.dates.append(ds)
        for d in ds:
            ctx.mentions.append(Mention("date", ctx.doc.text[d.start:d.end], d.start, d.end, None, value=d.value,
                                        found_by=FoundBy("dates", d.precision)))


@register("genre", requires=("assessments", "statements"), assigns=("genre",))
def genre(ctx: Context) -> None:
    text = ctx.doc.text
    n = max(1, len(ctx.sentences))
    g = ctx.lang.grammar["genre"]
    qa = sum(1 for s in ctx.sentences if g["interview_lines"].match(s.text))
    speaker_lines = sum(1 for s in ctx.sentences if g["speaker_lines"].match(s.text))
    hedged = sum(1 for a in ctx.assessments if a.hedged)
    if qa >= 2 or speaker_lines >= 4:
        ctx.doc.genre = "interview"
    elif g["commentary_markers"].search(text[:300]) or hedged / n >= 0.08 \
            or len(ctx.assessments) / n >= 0.35:
        ctx.doc.genre = "commentary"
    else:
        ctx.doc.genre = "report"
