"""Assessments: the author's evaluative sentences, hedged (with the cue) or not.

A sentence outside quotations and reported speech with a hedge cue ("dürfte", "mag", "könnte",
"wohl", "vermutlich", "offenbar", "scheint"; "kann … gewertet werden") is a hedged assessment; one
with a word of evaluation and no verb of saying is an unhedged assessment.
"""
from __future__ import annotations

import re

from ..model import Assessment, FoundBy
from ..pipeline import Context, register

WORD = re.compile(r"\w+")


@register("assessments", requires=("statements",), assigns=("assessments",))
def assessments(ctx: Context) -> None:
    text = ctx.doc.text
    h = ctx.lang.hedges
    always = {w for w in h["always"] if " " not in w}
    phrases = [w for w in h["always"] if " " in w]
    for sent in ctx.sentences:
        if sent.index in ctx.skip or sent.heading:
            continue
        covered = sum(min(s.end, sent.end) - max(s.start, sent.start) for s in ctx.statements
                      if s.start < sent.end and sent.start < s.end and not s.direct)
        if covered > 0.5 * (sent.end - sent.start):
            continue  # reported speech is someone else's view
        blanked = _outside_quotes(ctx, sent)
        words = WORD.findall(blanked)
        lower = [w.lower() for w in words]
        # a cue counts in its own case, or capitalised at the start ("Vielleicht", "Perhaps"; not the month "May")
        cue = next((w for k, (w, lw) in enumerate(zip(words, lower)) if w in always or (k == 0 and lw in always)), None)
        if cue is None:
            cue = next((p for p in phrases if p in blanked.lower()), None)
        if cue is None and set(lower) & h["passive"] and set(lower) & h["passive_verbs"] \
                and ctx.lang.grammar["assessments"]["passive_auxiliary"] in lower:
            cue = next(w for w, lw in zip(words, lower) if lw in h["passive"])
        if cue is not None:
            ctx.assessments.append(Assessment(sent.text, True, cue.lower(), sent.start, sent.end,
                                              FoundBy("assessments", "hedge_cue")))
            continue
        if h["evaluative"].search(blanked) and not ctx.lang.speech["verbs"].search(blanked):
            ctx.assessments.append(Assessment(sent.text, False, None, sent.start, sent.end,
                                              FoundBy("assessments", "evaluative_word")))


def _outside_quotes(ctx: Context, sent) -> str:
    return ctx.blanked(sent)
