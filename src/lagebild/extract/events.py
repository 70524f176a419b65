"""PLOVER event coding: one entry per coded event, pointing to the facts it codes.

Meetings become CONSULT (mode phone, visit, third-party or multilateral); measures become AGREE,
SANCTION, CONCEDE or REJECT after data/plover.toml; and a sentence whose words report an event of
another kind (an accusation, a threat, a demand, a rejection, an attack) yields an entry of that type
from the language's cue list (data/<lang>/plover.toml), with actor and recipient from the states and
organisations named before and after the cue.
"""
from __future__ import annotations

from ..model import Evidence, Event, FoundBy
from ..pipeline import Context, register
from ..resources import plover


def _sentence_of(ctx: Context, pos: int):
    return ctx.sentence_at(pos)


def _actor_of(m) -> str | None:
    return m.actor if m.kind in ("actor", "organization", "person", "place") else None


@register("events", requires=("meetings", "measures", "statements"), assigns=("events",))
def events(ctx: Context) -> None:
    text = ctx.doc.text
    mapping = plover()["from_measures"]
    covered: set = set()  # (type, sentence start)

    def contexts_for(s: str, base=()) -> list:
        out = list(base)
        for name, pats in ctx.lang.plover["contexts"].items():
            if name not in out and any(rx.search(s) for rx in pats):
                out.append(name)
        return out

    for i, m in enumerate(ctx.meetings):
        actors = []
        for p in m.participants:
            if p.actor and p.actor not in actors:
                actors.append(p.actor)
        if m.in_person is False:
            mode = "phone"
        elif len(actors) > 2:
            mode = "multilateral"
        elif m.country and m.country in actors:
            mode = "visit"
        elif m.country:
            mode = "third-party"
        else:
            mode = None
        ev = m.evidence[:1]
        ctx.events.append(Event("CONSULT", actors[0] if actors else None, actors[1] if len(actors) > 1 else None,
                                mode, ["diplomatic"], list(ev), [{"fact": "meetings", "index": i}],
                                FoundBy("events", "meeting")))
        for e in m.evidence:
            covered.add(("CONSULT", e.start))

    for i, ms in enumerate(ctx.measures):
        direction = None
        if ms.from_ and ms.to and isinstance(ms.from_.get("value"), (int, float)) and isinstance(ms.to.get("value"), (int, float)):
            direction = "down" if ms.to["value"] < ms.from_["value"] else "up"
        elif ms.change and isinstance(ms.change.get("value"), (int, float)):
            direction = "down" if ms.change["value"] < 0 else "up"
        rule = next((k for k in (f"{ms.type}:{ms.status}", f"{ms.type}:{direction}", ms.type) if k in mapping), None)
        if rule is None:
            continue
        etype, context = mapping[rule]
        ev = ms.evidence[:1]
        ctx.events.append(Event(etype, ms.actor, ms.target, None, contexts_for(ev[0].text if ev else "", [context]),
                                list(ev), [{"fact": "measures", "index": i}], FoundBy("events", f"measure:{rule}")))
        for e in ms.evidence:
            covered.add((etype, e.start))

    for sent in ctx.sentences:
        if sent.index in ctx.skip or sent.heading:
            continue
        blanked = ctx.blanked(sent)
        found = {}
        for etype, mode, rx in ctx.lang.plover["cues"]:
            m = rx.search(blanked)
            if m and (etype not in found or m.start() < found[etype][0]):
                found[etype] = (m.start(), m.end(), mode)
        if not found:
            continue
        actors = [m for m in ctx.mentions_in(sent.start, sent.end, ("actor", "organization", "person"))
                  if _actor_of(m) and not ctx.in_quote(m.start, m.end)]
        stmts = [k for k, s in enumerate(ctx.statements) if s.start < sent.end and sent.start < s.end]
        for etype, (a, b, mode) in sorted(found.items(), key=lambda kv: kv[1][0]):
            if (etype, sent.start) in covered:
                continue
            cue_at = sent.start + a
            before = [m.actor for m in actors if m.start < cue_at]
            actor = before[0] if before else None
            after = [m.actor for m in actors if m.start >= cue_at and m.actor != actor]
            ctx.events.append(Event(etype, actor, after[0] if after else None, mode, contexts_for(sent.text),
                                    [Evidence.of(text, sent.start, sent.end)],
                                    [{"fact": "statements", "index": k} for k in stmts],
                                    FoundBy("events", f"cue:{etype}")))
