"""Who says (or announces) what: the subject of a verb of saying, resolved to a person of the document.

Resolution order inside one sentence: the person right after a verb of saying ("…, sagte Trump");
a source named by an attribution phrase ("laut Trump", "nach Angaben des Staatsfernsehens");
the first person of the sentence that is not an object ("… bezeichnete Xi als …"); a role noun
standing for a person named earlier ("der US-Präsident", "der Kremlchef"); a pronoun ("er") for the
last person named or quoted; an anonymous source ("ein Sprecher des Außenministeriums").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..pipeline import Context, DocPerson
from ..text import Sentence

ROLE_GROUPS = [{"president", "head_of_state", "party_leader", "supreme_leader"},
               {"prime_minister", "head_of_government", "chancellor"}]


@dataclass
class Speaker:
    person: Optional[DocPerson]
    name: Optional[str]
    start: int = -1  # where the speaker is named in the text (-1: resolved from earlier text)

    @property
    def id(self) -> Optional[str]:
        return self.person.qid if self.person else None

    @property
    def label(self) -> Optional[str]:
        return self.person.name if self.person else self.name

    @property
    def key(self):
        return self.person.key if self.person else self.name


def person_of(ctx: Context, m) -> Optional[DocPerson]:
    key = m.id or m.name
    return ctx.persons.get(key)


def persons_in(ctx: Context, start: int, end: int, outside_quotes: bool = True) -> list:
    out = []
    for m in ctx.mentions:
        if m.kind == "person" and start <= m.start and m.end <= end and m.role != "author":
            if outside_quotes and ctx.in_quote(m.start, m.end):
                continue
            p = person_of(ctx, m)
            if p is not None:
                out.append((m, p))
    return sorted(out, key=lambda x: x[0].start)


def _roles_match(a: str, roles: set) -> bool:
    if a in roles:
        return True
    return any(a in g and roles & g for g in ROLE_GROUPS)


def _role_refs(ctx: Context, sent: Sentence, lo: int, hi: int, before: int, genitive: bool = False):
    """Yield (token start, DocPerson) for bare role nouns standing for a person named earlier:
    'der US-Präsident', 'der Kremlchef', 'die Kommissionspräsidentin'."""
    from .mentions import MentionFinder

    finder = MentionFinder(ctx)
    toks = ctx.tokens[sent.index]
    for idx, tok in enumerate(toks):
        if not (lo <= tok.start < hi) or ctx.in_quote(tok.start, tok.end):
            continue
        r = finder.role_of(tok.text, genitive)
        if not r:
            continue
        # a role noun directly followed by a name is not a bare reference
        if any(m.kind == "person" and 0 < m.start - tok.end <= 2 for m in ctx.mentions):
            continue
        actor = r[1]
        if actor is None and idx > 0:
            d = finder.demonym(toks[idx - 1].text, False)
            if d is not None:
                actor = d.actor
            else:
                e = ctx.lang.gazetteer.get((toks[idx - 1].text[:-1],)) if toks[idx - 1].text.endswith("s") else None
                if e is not None and e.kind == "actor":
                    actor = e.actor  # "Chinas Vizepremier"
        best = None
        for p in ctx.persons.values():
            earlier = [x for x in p.positions if x < before]
            if not earlier or not _roles_match(r[0], p.roles):
                continue
            if actor and p.actor and p.actor != actor:
                continue
            if best is None or max(earlier) > max(x for x in best.positions if x < before):
                best = p
        if best is not None:
            yield tok.start, best


def role_reference(ctx: Context, sent: Sentence, lo: int, hi: int, before: int, genitive: bool = False) -> Optional[Speaker]:
    for start, p in _role_refs(ctx, sent, lo, hi, before, genitive):
        return Speaker(p, p.name, start)
    return None


def role_references(ctx: Context, sent: Sentence) -> list:
    """Every person a bare role noun in the sentence stands for."""
    out = []
    for _, p in _role_refs(ctx, sent, sent.start, sent.end, sent.start):
        if p not in out:
            out.append(p)
    return out


def last_person(ctx: Context, before: int, last_speaker: Optional[Speaker], pronoun: str = "") -> Optional[Speaker]:
    """The person a pronoun refers to. A speaker quoted just before keeps the floor ("…,” he said");
    otherwise the last person named — always of the pronoun's gender ("sie"/"she" prefers a woman)."""
    g = ctx.lang.grammar["speakers"]
    want = g["pronouns"].get(pronoun) or g["object_pronouns"].get(pronoun) or g["pronouns"].get(pronoun.lower()) \
        or g["object_pronouns"].get(pronoun.lower()) or None

    def fits(p) -> bool:
        return not (want and p.gender and p.gender != want)

    best, best_pos = None, -1
    for p in ctx.persons.values():
        earlier = [x for x in p.positions if x < before]
        if fits(p) and earlier and max(earlier) > best_pos:
            best, best_pos = p, max(earlier)
    if last_speaker is not None and last_speaker.person is not None and fits(last_speaker.person) \
            and 0 <= before - last_speaker.start <= 600 and (best is None or best is last_speaker.person
                                                            or best_pos <= last_speaker.start + 1):
        return last_speaker  # nobody else was named since the speaker: "…,” he said
    if best is not None:
        return Speaker(best, best.name, best_pos)
    if want == "f":
        return last_person(ctx, before, last_speaker, "")  # "sie" may be plural
    return None


def attribution(ctx: Context, sent: Sentence) -> Optional[tuple]:
    """(Speaker, match start, match end) for 'laut X', 'X zufolge', 'nach Angaben des X'."""
    for rx in ctx.lang.speech["attributions"]:
        m = rx.search(sent.text)
        if not m:
            continue
        a, b = sent.start + m.start("src"), sent.start + m.end("src")
        if ctx.in_quote(a, b):
            continue
        ps = persons_in(ctx, a, b)
        if ps:
            return Speaker(ps[0][1], ps[0][1].name, ps[0][0].start), sent.start + m.start(), sent.start + m.end()
        ref = role_reference(ctx, sent, a, b, a, genitive=True)  # "nach Angaben des Kanzlers"
        if ref:
            return ref, sent.start + m.start(), sent.start + m.end()
        src = m.group("src").strip()
        first = src.split()[0].lower()
        if first in ctx.lang.grammar["speakers"]["object_pronouns"]:
            p = last_person(ctx, a, None, first)
            if p is None:
                continue
            return p, sent.start + m.start(), sent.start + m.end()
        named = [x for x in ctx.mentions_in(a, b, ("actor", "organization"))
                 if x.name and x.found_by.rule not in ("demonym_adjective", "role_prefix", "closed_compound")]
        if named and len(src.split()) <= 3:
            return Speaker(None, named[0].name, a), sent.start + m.start(), sent.start + m.end()  # "des Kremls" -> Kreml
        return Speaker(None, source_name(ctx, src), a), sent.start + m.start(), sent.start + m.end()
    return None


def inserted_speaker(ctx: Context, sent: Sentence, last: Optional[Speaker]) -> Optional[Speaker]:
    """"Xi, he said, would …", "…, Trump wrote, and …": the speaker of an attribution set off by commas.
    A pronoun there points to someone named before the sentence, not to a person the words are about."""
    rx = ctx.lang.speech.get("inserted")
    m = rx.search(ctx.blanked(sent)) if rx else None
    if not m:
        return None
    a, b = sent.start + m.start("src"), sent.start + m.end("src")
    ps = persons_in(ctx, a, b)
    if ps:
        return Speaker(ps[0][1], ps[0][1].name, ps[0][0].start)
    src = m.group("src")
    if src in ctx.lang.grammar["speakers"]["pronouns"]:
        return last_person(ctx, sent.start, last, src)
    ref = role_reference(ctx, sent, a, b, sent.start)
    return ref


def subject(ctx: Context, sent: Sentence, lo: int, hi: int, last: Optional[Speaker]) -> Optional[Speaker]:
    """The speaker of a sentence (or of the part [lo, hi) of it)."""
    text = ctx.doc.text
    if lo <= sent.start and hi >= sent.end:
        ins = inserted_speaker(ctx, sent, last)
        if ins is not None:
            return ins
    verbs = ctx.lang.speech["verbs"]
    g = ctx.lang.grammar["speakers"]
    object_words = g["object_words"]
    pronoun_rx = re.compile(r"\b(" + "|".join(map(re.escape, g["pronouns"])) + r")\b")
    people = persons_in(ctx, lo, hi)
    # "…“, sagte Trump" / "erklärte der chinesische Außenminister Wang Yi"
    for vm in verbs.finditer(text, lo, hi):
        if ctx.in_quote(vm.start(), vm.end()):
            continue
        if any(m.start < vm.start() for m, _ in people):
            break  # the subject stands before the verb; a person after it is an object
        for m, p in people:
            if 0 <= m.start - vm.end() <= 40 and not re.search(r"[,.;:]", text[vm.end():m.start]):
                between = text[vm.end():m.start].split()
                if not any(w in g["object_words_after_verb"] for w in between):
                    return Speaker(p, p.name, m.start)
    # "…“, hielt er Selenskyj vor": a pronoun before the first person named is the subject
    blanked_all = "".join(" " if ctx.in_quote(lo + i, lo + i + 1) else ch for i, ch in enumerate(text[lo:hi]))
    pm0 = pronoun_rx.search(blanked_all)
    # lower case, or capitalised as the sentence's first word ("He said …", "Er sagte …")
    pm0 = pm0 if pm0 and (pm0.group(1).islower() or not text[sent.start:lo + pm0.start()].strip()) else None
    if pm0 and (not people or lo + pm0.start() < people[0][0].start):
        found = last_person(ctx, lo, last, pm0.group(1))
        if found is not None:
            return found
    for m, p in people:
        prev = text[max(lo, m.start - 30):m.start].split()
        prev_word = prev[-1] if prev else ""
        if prev_word.lower() in object_words or prev_word.endswith("-"):
            continue
        return Speaker(p, p.name, m.start)
    ref = role_reference(ctx, sent, lo, hi, lo)
    if ref is not None:
        return ref
    for rx in ctx.lang.speech["anonymous"]:
        m = rx.search(text, lo, hi)
        if m and not ctx.in_quote(m.start(), m.end()):
            return Speaker(None, source_name(ctx, m.group("src")), m.start())
    # a personal pronoun outside quotations
    blanked = "".join(" " if ctx.in_quote(lo + i, lo + i + 1) else ch for i, ch in enumerate(text[lo:hi]))
    pm = pronoun_rx.search(blanked)
    if pm:
        return last_person(ctx, lo, last, pm.group(1))
    return None


def source_name(ctx: Context, src: str) -> str:
    """'das Finanzministerium in Peking' -> 'Finanzministerium'; 'der amtlichen Nachrichtenagentur Xinhua'
    -> 'amtlichen Nachrichtenagentur Xinhua'."""
    g = ctx.lang.grammar["speakers"]
    src = g["source_articles"].sub("", src.strip())
    src = g["source_end"].split(src)[0].strip().rstrip(".,;:")  # "laut Staatsmedien." -> "Staatsmedien"
    if g.get("source_trailing") is not None:
        src = g["source_trailing"].sub("", src)  # "ein Sprecher des Rates (stellte) klar" -> "Sprecher des Rates"
    words = src.split()
    for end, nominative, adjective in g.get("source_nominative", ()):
        if len(words) <= 2 and words and words[-1].lower().endswith(end):
            # "ukrainischen Delegationskreisen" -> "ukrainische Delegationskreise", "Weißen Hauses" -> "Weißes Haus"
            words[-1] = words[-1][: len(words[-1]) - len(end)] + nominative
            if len(words) == 2 and words[0].endswith("en"):
                words[0] = words[0][:-2] + adjective
            break
    return " ".join(words)
