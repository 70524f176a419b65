"""Statements: direct quotations and reported speech, each with its speaker.

Direct: a quotation in a sentence with a verb of saying, an attribution, a colon before it, or a
whole quoted sentence; scare quotes (a few words, no verb of saying) are not statements.
Indirect: "X sagte, (dass) …" with the clause in Konjunktiv or a dass-clause; "…, sagte X";
"laut X …", "X zufolge …"; and sentences in Konjunktiv I that continue the last speaker's words.
"""
from __future__ import annotations

import re

from ..model import FoundBy, Statement
from ..pipeline import Context, register
from ..resources import settings
from .morph import is_konjunktiv1_singular
from .speakers import Speaker, attribution, inserted_speaker, source_name, subject

WORD = re.compile(r"\w+")


def _has_konjunktiv(ctx, words) -> bool:
    """Konjunktiv I (or the Konjunktiv II that stands in for it) among the words; English has no
    such mood, and its data lists none."""
    konj = ctx.lang.speech["konjunktiv"]
    if not konj:
        return False
    kii = ctx.lang.grammar["statements"]["subjunctive_ii_only"]
    return any(w in konj and w not in kii or is_konjunktiv1_singular(w) for w in words)


def _speaker(ctx, sent, lo, hi, last, attr):
    """A person who speaks in the sentence outranks the channel it came through
    ("Xi sagte nach Angaben von Xinhua, …" is Xi's statement)."""
    ins = inserted_speaker(ctx, sent, last)
    if ins is not None:
        return ins  # "Xi, he said, would …": the words set off by commas name the speaker
    s = subject(ctx, sent, lo, hi, last)
    if s is not None and s.person is not None:
        return s
    if attr:
        return attr[0]
    return s


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " ,;:–-\n":
        a += 1
    while b > a and text[b - 1] in " .,;:!?\n":
        b -= 1
    return a, b


@register("statements", requires=("mentions", "quotes"), assigns=("statements",))
def statements(ctx: Context) -> None:
    text = ctx.doc.text
    cfg = settings()["statements"]
    sp = ctx.lang.speech
    konj = sp["konjunktiv"]
    last: Speaker | None = None
    last_sentence = -10
    quote_done: set = set()

    def emit(speaker: Speaker | None, a: int, b: int, direct: bool, rule: str) -> None:
        a, b = _trim(text, a, b)
        if b - a < 2:
            return
        ctx.statements.append(Statement(speaker.id if speaker else None, speaker.label if speaker else None,
                                        text[a:b], direct, a, b, FoundBy("statements", rule)))

    for sent in ctx.sentences:
        if sent.index in ctx.skip:
            continue
        s_quotes = [q for q in ctx.quotes if sent.start <= q[0] < sent.end and q not in quote_done]
        stext = sent.text
        has_verb = bool(sp["verbs"].search(_outside(ctx, sent)))
        attr = attribution(ctx, sent)
        # --- direct quotations --------------------------------------------------------------
        words_all = WORD.findall(_outside(ctx, sent))
        continuing = last is not None and sent.index - last_sentence <= cfg["continuation_window"] \
            and _has_konjunktiv(ctx, words_all)
        if s_quotes:
            speaker = None
            found_any = False
            for q in s_quotes:
                quote_done.add(q)
                inner = text[q[2]:q[3]]
                words = len(WORD.findall(inner))
                colon = text[max(sent.start, q[0] - 3):q[0]].strip().endswith(":")
                full = inner.rstrip()[-1:] in ".!?" or (words >= cfg["min_words_without_verb"] and q[0] == sent.start)
                person_before = any(m.kind == "person" and sent.start <= m.start < q[0] and not ctx.in_quote(m.start, m.end)
                                    for m in ctx.mentions)
                if not (has_verb or attr or colon or full or continuing or person_before):
                    continue  # scare quotes
                if speaker is None:
                    speaker = _speaker(ctx, sent, sent.start, sent.end, last, attr)
                    if speaker is None and (full or colon or continuing) and last is not None \
                            and sent.index - last_sentence <= 2:
                        speaker = last
                if speaker is None and not has_verb:
                    continue
                emit(speaker, q[2], q[3], True, "quotation")
                found_any = True
            if found_any and speaker is not None:
                last, last_sentence = speaker, sent.index
            if continuing and speaker is not None:
                # "Die Ukraine habe um ein Treffen gebeten; diese Bitte habe Moskau „zur Kenntnis genommen“."
                for a, b in _parts(sent):
                    if not any(a < q[1] and q[0] < b for q in ctx.quotes) and _has_konjunktiv(ctx, WORD.findall(text[a:b])):
                        emit(speaker, a, b, False, "konjunktiv_continuation")
            quoted = found_any
        else:
            quoted = False
        # --- reported speech ----------------------------------------------------------------
        words = WORD.findall(stext)
        has_konj = _has_konjunktiv(ctx, words)
        rep = sp["reporting"]
        done = False
        # "X sagte/erklärte (adverbs), (dass) CLAUSE" / "X said (that) CLAUSE"
        gs = ctx.lang.grammar["statements"]
        after_verb = gs.get("clause_start", "comma") == "after_verb"
        for m in rep.finditer(stext):
            if after_verb:
                cut = m.end()
                rest = stext[cut:]
                that = re.search(r"\b(?:" + "|".join(map(re.escape, gs["that_words"])) + r")\b\s*", rest[:80])
                if that:
                    clause_a = sent.start + cut + that.end()  # "said on Thursday that …"
                else:
                    skip = re.match(r"\s*,?\s*", rest)
                    clause_a = sent.start + cut + skip.end()
                    first = (WORD.findall(text[clause_a:sent.end]) or [""])[0]
                    if first.lower() in gs.get("not_clause_start", ()):
                        continue  # "told reporters at a news conference"
                comma = m.start()
                if len(WORD.findall(text[clause_a:sent.end])) < 3:
                    continue
            else:
                comma = stext.find(",", m.end())
                if comma < 0 or comma - m.end() > 80:
                    continue
                clause_a = sent.start + comma + 1
            clause = text[clause_a:sent.end]
            first_word = (WORD.findall(clause) or [""])[0]
            if (gs["infinitive_clause"].search(clause) and not _has_konjunktiv(ctx, WORD.findall(clause))
                    and first_word not in gs["that_words"]) or not any(w.islower() for w in WORD.findall(clause)):
                continue  # "kündigte an, die Zölle zu senken" reports an action, not speech
            if any(clause_a <= q[0] < sent.end for q in ctx.quotes):
                continue
            speaker = _speaker(ctx, sent, sent.start, sent.start + comma if not after_verb else sent.start + m.start(), last, attr)
            unnamed = speaker is None and not attr
            if unnamed:
                speaker = _unnamed_subject(ctx, sent, m, comma, after_verb)
            if speaker is None:
                continue
            emit(speaker, clause_a, sent.end, False, "reporting_verb_unnamed" if unnamed else "reporting_verb_clause")
            last, last_sentence, done = speaker, sent.index, True
            break
        if done or quoted:
            continue
        # "Qin bezeichnete die Taiwan-Frage als Kern der Kerninteressen." — the sentence is the statement
        vm = sp["characterising"].search(stext)
        if vm and not any(q[0] < sent.end and sent.start < q[1] for q in ctx.quotes):
            speaker = _speaker(ctx, sent, sent.start, sent.end, last, attr)
            if speaker is not None and speaker.person is not None and speaker.start <= sent.start + vm.start():
                emit(speaker, sent.start, sent.end, False, "characterising_verb")
                last, last_sentence = speaker, sent.index
                continue
        # "CLAUSE, sagte X."
        m = sp["reporting_after_clause"].search(stext)
        if m and m.start() > 10:
            speaker = subject(ctx, sent, sent.start + m.start(), sent.end, last)
            if speaker is None:
                # "…, German officials said." — the words before the verb name the source
                vm = rep.search(stext, m.start())
                who = stext[m.start():vm.start()].strip(" ,") if vm else ""
                if who and len(who.split()) <= 5 and who[:1].isupper():
                    speaker = Speaker(None, source_name(ctx, who), sent.start + m.start())
            if speaker is not None:
                emit(speaker, sent.start, sent.start + m.start(), False, "clause_then_verb")
                last, last_sentence = speaker, sent.index
                continue
        # "laut X …", "X zufolge …"
        if attr:
            speaker, a, b = attr
            subj = subject(ctx, sent, sent.start, sent.end, last)
            if subj is not None and subj.person is not None and not (a <= subj.start < b):
                speaker = subj  # "Xi sagte nach Angaben von Xinhua …" is Xi's
            if b < sent.end - 3 and a - sent.start < 3:
                emit(speaker, b, sent.end, False, "attribution")  # "Laut Trump sinken die Zölle …"
            elif a - sent.start > 10 and len(WORD.findall(text[b:sent.end])) <= 2:
                emit(speaker, sent.start, a, False, "attribution")  # "… was not discussed, according to officials."
            else:
                emit(speaker, sent.start, sent.end, False, "attribution")
            last, last_sentence = speaker, sent.index
            continue
        # Konjunktiv I continuing the last speaker
        adjacent = last is not None and sent.index - last_sentence == 1 and \
            any(w in ctx.lang.grammar["statements"].get("subjunctive_ii_adjacent", ()) for w in words)
        if last is not None and sent.index - last_sentence <= cfg["continuation_window"] and (has_konj or adjacent):
            emit(last, sent.start, sent.end, False, "konjunktiv_continuation")
            last_sentence = sent.index
            continue


def _unnamed_subject(ctx: Context, sent, m, comma: int, after_verb: bool):
    """A speaker no lexicon knows, named by the words that stand as the subject of the reporting verb
    ("Indische Regierungskreise erklären, …", "Nach dem Treffen sagte ein Sprecher des Ministeriums, …").
    Only a phrase that names someone who can speak: a source noun (grammar.toml speakers.source_nouns) or
    a state, organisation or person the mentions found; not "Kurz darauf", "Die Zahlen", "The data"."""
    g = ctx.lang.grammar["speakers"]
    stext = sent.text
    if g["impersonal_verb"].match(m.group()):
        return None  # "hieß es", "heißt es": no subject before the verb
    before = stext[:m.start()]
    lead = len(before) - len(before.lstrip(" ,"))
    before = before.strip(" ,")
    at, who = sent.start + lead, before if g["unnamed_subject"].match(before) else None
    if who is None and not after_verb and comma > m.end():
        wm = g["unnamed_subject_after_verb"].match(stext[m.end():comma].strip())
        if wm:
            rest = stext[m.end():comma]
            at, who = sent.start + m.end() + rest.index(wm.group("who")), wm.group("who")
    if not who or ctx.in_quote(at, at + len(who)):
        return None
    head = g["source_trailing"].sub("", who).split()[-1]
    if head in ctx.lang.roles and not any(x.kind == "person" for x in ctx.mentions_in(at, at + len(who))):
        return None  # "Der Präsident sagte, …": a role stands for someone named; the reader follows who spoke last
    named = any(x.kind in ("actor", "organization", "person") for x in ctx.mentions_in(at, at + len(who)))
    if not named and not any(g["source_nouns"].search(w) for w in who.split()):
        return None
    return Speaker(None, source_name(ctx, who), at)


def _clause_outside_quotes(ctx: Context, sent) -> bool:
    """A reporting verb whose comma clause holds no quotation ("nannte sie „…“ und fügte hinzu, …")."""
    rep = ctx.lang.speech["reporting"]
    for m in rep.finditer(sent.text):
        comma = sent.text.find(",", m.end())
        if 0 <= comma - m.end() <= 30 and not ctx.in_quote(sent.start + m.start(), sent.start + m.end()):
            a = sent.start + comma
            if not any(q[0] < sent.end and a < q[1] for q in ctx.quotes):
                return True
    return False


def _parts(sent) -> list:
    """The parts of a sentence between semicolons (absolute offsets)."""
    out, pos = [], 0
    for m in re.finditer(r";", sent.text):
        out.append((sent.start + pos, sent.start + m.start()))
        pos = m.end()
    out.append((sent.start + pos, sent.end))
    return out


def _outside(ctx: Context, sent) -> str:
    """The sentence with its quotations blanked out."""
    return ctx.blanked(sent)
