"""Meetings: who met whom, where, when, on what occasion, for how long, in person or by phone.

A sentence with a meeting cue and two or more parties opens a meeting (or adds to the one with the
same parties); a sentence that refers back to it ("Die Begegnung dauerte rund 100 Minuten", "Der Ort:
Busan") lends it its place, date, occasion and duration. Sentences about an earlier meeting ("das
letzte Treffen 2019") or a planned one lend nothing.
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import Evidence, FoundBy, Meeting, Participant
from ..pipeline import Context, register
from ..resources import settings
from .speakers import persons_in

MAX_MEETING_MINUTES = 3 * 24 * 60
_OCC_GENITIVE = re.compile(r"(Gipfel|Gipfeltreffen|Treffen|Besuch|Forum|Gespräch|Dialog|Abendessen|Dinner)e?s$")
ANAPHOR = re.compile(r"\b(?:beiden|beide|Beide|Die\s+Begegnung|Das\s+Treffen|Das\s+Gespräch|Der\s+Gipfel|die\s+Begegnung|das\s+Treffen|das\s+Gespräch|dem\s+Treffen|der\s+Begegnung|dem\s+Gespräch|des\s+Treffens|des\s+Gesprächs)\b")


def _any(patterns, text: str):
    for rx in patterns:
        m = rx.search(text)
        if m:
            return m
    return None


class _Open:
    def __init__(self, meeting: Meeting, keys: set, sentence: int):
        self.m = meeting
        self.keys = keys
        self.last = sentence


@register("meetings", requires=("mentions", "quantities", "dates", "statements"), assigns=("meetings",))
def meetings(ctx: Context) -> None:
    cues = ctx.lang.meetings
    window = settings()["meetings"]["attach_window"]
    text = ctx.doc.text
    opened: list[_Open] = []
    pending: list = []  # sentences that refer to a meeting before one was opened

    for sent in ctx.sentences:
        stext = _blank_quotes(ctx, sent)
        trig = _any(cues["triggers"], stext)
        place_cue = _any(cues["place_cues"], stext)
        if not trig and not place_cue:
            continue
        if _any(cues["future"], stext):
            continue
        past = _any(cues["past_reference"], stext)
        people = _unique(persons_in(ctx, sent.start, sent.end))
        states = _states(ctx, sent)
        current = opened[-1] if opened and sent.index - opened[-1].last <= window else None

        parties = _parties(people, states, _any(cues["counterpart"], stext) is not None)
        if trig and len(parties) >= 2 and not past:
            keys = {p[0] for p in parties}
            target = next((o for o in reversed(opened) if len(o.keys & keys) >= min(2, len(keys)) or keys <= o.keys or o.keys <= keys), None)
            if target is None:
                m = Meeting([Participant(*p[1:]) for p in parties], found_by=FoundBy("meetings", "cue_with_parties"))
                target = _Open(m, keys, sent.index)
                opened.append(target)
                for ps in pending:
                    _attributes(ctx, target.m, ps, cues)
                pending = []
            target.last = sent.index
            _attributes(ctx, target.m, sent, cues)
            continue
        if past:
            continue
        anaphoric = trig and (ANAPHOR.search(stext) or len(people) <= 1)
        if current is not None and (anaphoric or place_cue):
            current.last = sent.index
            _attributes(ctx, current.m, sent, cues)
        elif not opened and trig and (ANAPHOR.search(stext) or _any(cues["duration_cues"], stext)):
            pending.append(sent)

    ctx.meetings = [o.m for o in opened]
    for m in ctx.meetings:
        if m.in_person is None:
            m.in_person = True


def _blank_quotes(ctx: Context, sent) -> str:
    t = list(sent.text)
    for q in ctx.quotes:
        if q[0] < sent.end and sent.start < q[1]:
            for i in range(max(q[0], sent.start), min(q[1], sent.end)):
                t[i - sent.start] = " "
    return "".join(t)


def _unique(people):
    seen = {}
    for m, p in people:
        seen.setdefault(p.key, p)
    return list(seen.values())


def _states(ctx: Context, sent) -> list:
    out = []
    for m in ctx.mentions_in(sent.start, sent.end, ("actor",)):
        if ctx.in_quote(m.start, m.end) or m.found_by.rule in ("role_prefix", "closed_compound"):
            continue
        if m.found_by.rule == "demonym_adjective" and not _any(ctx.lang.meetings["counterpart"], ctx.doc.text[m.end:m.end + 25]):
            continue  # "chinesische Importe" names no party; "chinesischen Amtskollegen" does
        out.append(m)
    return out


def _parties(people, states, counterpart: bool) -> list:
    """(key, name, id, actor) for each party: people, or states when no person is named.
    One named person is completed by a state only when the sentence names a counterpart
    ("traf Vertreter Chinas", "empfing die ukrainische Delegation")."""
    parties = [(p.key, p.name, p.qid, p.actor) for p in people]
    if len(parties) >= 2:
        return parties
    if len(parties) == 1 and not counterpart:
        return []
    covered = {p[3] for p in parties}
    for s in states:
        if s.actor and s.actor not in covered:
            covered.add(s.actor)
            parties.append((s.actor, s.text if not s.text.endswith("s") or s.text == "USA" else s.name, None, s.actor))
    return parties if len(parties) >= 2 else []


def _attributes(ctx: Context, m: Meeting, sent, cues) -> None:
    text = ctx.doc.text
    ev = Evidence.of(text, sent.start, sent.end)
    if ev not in m.evidence:
        m.evidence.append(ev)
    stext = _blank_quotes(ctx, sent)
    if m.place is None:
        places = [x for x in ctx.mentions_in(sent.start, sent.end, ("place",)) if not ctx.in_quote(x.start, x.end)]
        if places:
            p = places[0]
            gaz = ctx.lang.gazetteer
            genitive = p.text.endswith("s") and tuple(p.text.split()) not in gaz and tuple(p.text[:-1].split()) in gaz
            m.place = p.text[:-1] if genitive else p.text
            m.country = p.id
    if m.occasion is None:
        om = _any(cues["occasion"], stext)
        if om:
            occ = om.group("occ").strip()
            m.occasion = " ".join(_OCC_GENITIVE.sub(r"\1", w) for w in occ.split())
    if m.date is None:
        for d in ctx.dates[sent.index]:
            if d.precision == "day" and d.value:
                m.date = d.value
                break
    if m.duration_minutes is None:
        for q in ctx.quantities[sent.index]:
            if q.unit == "duration" and q.minutes and q.minutes <= MAX_MEETING_MINUTES and not ctx.in_quote(q.start, q.end):
                m.duration_minutes = int(round(q.minutes))
                m.approximate = q.approximate
                ev2 = Evidence.of(text, sent.start, sent.end)
                if ev2 not in m.evidence:
                    m.evidence.append(ev2)
                break
    if _any(cues["remote"], stext):
        m.in_person = False
    fs = _any(cues["first_since"], stext)
    if fs and m.first_since is None:
        m.first_since = int(fs.group("year"))
