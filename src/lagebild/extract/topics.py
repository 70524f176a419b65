"""Topics discussed and topics explicitly not discussed.

A topic cue in the same clause as a not-discussed cue ("nicht zur Sprache kam: Taiwan", "sei nicht
Teil des Gesprächs gewesen", "ausgeklammert") makes the topic `not_discussed`. A topic is
`discussed` when it stands in a sentence that says something was discussed or agreed, in a sentence
or paragraph that reports a measure or the meeting, or recurs in a report about a meeting or measures. A topic
the text says was not discussed is not also reported as discussed unless a sentence says it was.
"""
from __future__ import annotations

from ..model import Evidence, FoundBy, Topic
from ..pipeline import Context, register
from ..text import clauses


def _any(patterns, text: str) -> bool:
    return any(rx.search(text) for rx in patterns)


@register("topics", requires=("mentions", "measures", "meetings"), assigns=("topics",))
def topics(ctx: Context) -> None:
    text = ctx.doc.text
    st = ctx.lang.topic_status
    spans = [(e.start, e.end) for m in ctx.measures + ctx.meetings for e in m.evidence]
    fact_sents = {s.index for s in ctx.sentences if any(a < s.end and s.start < b for a, b in spans)}
    fact_paragraphs = {s.paragraph for s in ctx.sentences if s.index in fact_sents}
    # what someone said in a report about a meeting or measures is on the table too
    spoken = {s.index for s in ctx.sentences for st in ctx.statements if st.start < s.end and s.start < st.end}
    eventful = bool(ctx.measures or ctx.meetings)
    hits: dict = {}  # topic -> list of (sentence, match start, match end)
    for sent in ctx.sentences:
        if sent.index in ctx.skip:
            continue
        low = sent.text
        for tid, rx in ctx.lang.topics:
            m = rx.search(low)
            if m:
                hits.setdefault(tid, []).append((sent, sent.start + m.start(), sent.start + m.end()))
    if eventful:
        # a sentence of commitment reports what was on the table, whether or not it made a measure
        # ("verständigten sich auf einen Rahmen …" is no measure yet; its paragraph is still the talks');
        # only paragraphs that name a topic are read for it
        committed = ctx.lang.measures["commitment"]["any"]
        open_pars = {h[0].paragraph for hs in hits.values() for h in hs} - fact_paragraphs
        fact_paragraphs |= {s.paragraph for s in ctx.sentences if s.paragraph in open_pars and _any(committed, s.text)}
    for tid, hs in hits.items():
        nd, explicit, contextual = [], [], []
        for sent, a, b in hs:
            cl = next(((x, y) for x, y in clauses(sent) if x <= a < y), (sent.start, sent.end))
            clause = text[cl[0]:cl[1]]
            if _any(st["not_discussed"], clause):
                nd.append(Evidence.of(text, cl[0], cl[1]))
                continue
            if _any(st["discussed"], sent.text):
                explicit.append(Evidence.of(text, sent.start, sent.end))
            elif sent.index in fact_sents or (sent.paragraph in fact_paragraphs and not sent.heading) or \
                    (eventful and sent.index in spoken):
                contextual.append(Evidence.of(text, sent.start, sent.end))
        label = ctx.lang.topic_labels.get(tid, tid)
        if nd:
            ctx.topics.append(Topic(tid, label, "not_discussed", _dedupe(nd), FoundBy("topics", "not_discussed_cue")))
            if explicit:
                ctx.topics.append(Topic(tid, label, "discussed", _dedupe(explicit), FoundBy("topics", "discussed_cue")))
            continue
        if explicit or contextual:
            rule = "discussed_cue" if explicit else "measure_or_meeting_sentence"
            ctx.topics.append(Topic(tid, label, "discussed", _dedupe(explicit + contextual), FoundBy("topics", rule)))
        elif eventful and len({h[0].index for h in hs}) >= 2:
            ev = [Evidence.of(text, s.start, s.end) for s, _, _ in hs]
            ctx.topics.append(Topic(tid, label, "discussed", _dedupe(ev), FoundBy("topics", "recurring")))


def _dedupe(evs: list) -> list:
    out = []
    for e in evs:
        if e not in out:
            out.append(e)
    return out
