"""Meetings: who met whom, where, when, on what occasion, for how long, in person or by phone.

A sentence with a meeting cue and two or more parties opens a meeting (or adds to the one with the
same parties). Parties are people named in the sentence, people it refers to by role ("der
US-Präsident") or pronoun ("wo ihn Moon empfing"), and — when no person is named — states with a
counterpart word ("Delegationen", "zwischen"). A cue without parties borrows them from the sentence
next to it. A sentence that refers back to a meeting ("Die Begegnung dauerte rund 100 Minuten",
"Der Ort: Busan") lends it place, date, occasion and duration. Sentences about an earlier meeting
("das letzte Treffen 2019") or a planned one lend nothing. Where the text names no place, the
report's dateline does.
"""
from __future__ import annotations

import re

from ..model import Evidence, FoundBy, Meeting, Participant
from ..pipeline import Context, register
from ..resources import first_match, settings
from .speakers import last_person, persons_in, role_reference, role_references

MAX_MEETING_MINUTES = 12 * 60  # longer spans are visits or talks over days, not one meeting's length


class _Open:
    def __init__(self, meeting: Meeting, keys: set, sentence: int, sequel: bool = False):
        self.m = meeting
        self.keys = keys
        self.last = sentence
        self.sequel = sequel  # opened on purpose as the next meeting ("Afterwards …", a visit's next talk)


@register("meetings", requires=("mentions", "quantities", "dates", "statements"), assigns=("meetings",))
def meetings(ctx: Context) -> None:
    cues = ctx.lang.meetings
    G = ctx.lang.grammar["meetings"]
    window = settings()["meetings"]["attach_window"]
    sequel_window = settings()["meetings"]["sequel_window"]
    opened: list[_Open] = []
    pending: list = []  # sentences that refer to a meeting before one was opened
    absent: list = []  # sentences that say someone did not take part
    sents = []
    subject_of = {}  # segment position -> the first person of its sentence (the one who meets)
    for s in ctx.sentences:
        segs = _segments(ctx, s, cues)
        first = []
        if len(segs) > 1:
            # the first person of the sentence, named or by a role noun ("Die US-Finanzministerin traf …")
            named = persons_in(ctx, s.start, s.end)[:1]
            ref = role_reference(ctx, s, s.start, s.end, s.start)
            cands = [(m.start, p) for m, p in named] + ([(ref.start, ref.person)] if ref is not None else [])
            first = [min(cands, key=lambda x: x[0])[1]] if cands else []
        for seg in segs:
            if len(segs) > 1 and first:
                subject_of[len(sents)] = first[0]
            sents.append(seg)
    texts = [_blank_quotes(ctx, s) for s in sents]
    parties_of = [None] * len(sents)

    def parties(i):
        if parties_of[i] is None:
            s = sents[i]
            aside = _aside(ctx, s)  # "since Donald Trump returned to the White House"
            named = [(m, p) for m, p in persons_in(ctx, s.start, s.end) if not any(a <= m.start < b for a, b in aside)]
            people = _unique(named + [(None, p) for p in role_references(ctx, s)])
            if len(people) == 1 and i in subject_of and subject_of[i].key != people[0].key:
                people.insert(0, subject_of[i])  # "…, am Samstag folgte ein Gespräch mit He Lifeng" 
            if len(people) == 1 and G["object_pronoun"].search(texts[i]):
                # "traf sich mit ihm": the pronoun is the other party
                other = last_person(ctx, s.start, None, G["object_pronoun"].search(texts[i]).group(1))
                if other is not None and other.person is not None and other.person.key != people[0].key:
                    people.append(other.person)
            elif len(people) == 1 and named and G.get("subject_pronoun") is not None:
                other = _pronoun_party(ctx, s, texts[i], named[0][0], G, cues)
                if other is not None and other.key != people[0].key:
                    people.append(other)
            states = [m for m in _states(ctx, s) if not any(a <= m.start < b for a, b in aside)]
            parties_of[i] = _parties(people, states, first_match(cues["counterpart"], texts[i]) is not None,
                                     ctx.lang.state_names)
        return parties_of[i]

    for i, sent in enumerate(sents):
        if sent.index in ctx.skip:
            continue
        stext = texts[i]
        gone = first_match(cues["absent"], stext)
        if gone:
            absent.append((sent, sent.start + gone.start()))
        trig = first_match(cues["triggers"], stext)
        place_cue = first_match(cues["place_cues"], stext)
        if not trig and not place_cue:
            continue
        if first_match(cues["future"], stext):
            continue
        past = first_match(cues["past_reference"], stext)
        current = opened[-1] if opened and sent.index - opened[-1].last <= window else None
        ps = parties(i) if trig and not (opened and _reference_only(cues, G, stext)) else []
        borrowed = None
        if trig and not ps and not past and not opened and not sent.heading:
            # "Das wichtigste Treffen begann. Am Abend setzten sich Trump und Xi an eine Tafel."
            for j in (i + 1, i - 1):
                if 0 <= j < len(sents) and sents[j].paragraph == sent.paragraph and not first_match(cues["future"], texts[j]) \
                        and not first_match(cues["past_reference"], texts[j]) and parties(j) \
                        and all(p[2] is not None or p[0] != p[3] for p in parties(j)):  # people, not states
                    ps, borrowed = parties(j), sents[j]
                    break
        # the author's speculation in the clause of the meeting word keeps it from opening a meeting
        trig_clause = _clause_at(stext, trig.start()) if trig else stext
        hedged = bool(set(re.findall(r"\w+", trig_clause.lower())) & ctx.lang.hedges["always"])
        states_only = bool(ps) and all(p[0] == p[3] for p in ps)
        in_speech = any(s.start <= sent.start + (trig.start() if trig else 0) < s.end and not s.direct for s in ctx.statements)
        if states_only and in_speech:
            ps = []  # "peace talks between Russia and Ukraine" in someone's words is no reported meeting
        if trig and len(ps) >= 2 and not past and not hedged and not (sent.heading and not opened):
            keys = {p[0] for p in ps}
            actors = {p[3] for p in ps}
            anaphor = G["anaphor"].search(stext) is not None
            # the same parties, or more of them, are the same meeting; a strict subset is a meeting of its
            # own ("Am Rande zogen sich Putin und Selenskyj zu einem Vieraugengespräch zurück") unless the
            # sentence refers back ("die beiden")
            sequel_here = first_match(cues["sequel_opening"], sent.text.lstrip()) is not None and sent.start == ctx.sentences[sent.index].start
            target = None if sequel_here else next((o for o in reversed(opened)
                           if keys == o.keys or (o.keys < keys and len(o.keys) >= 2) or (keys < o.keys and anaphor)
                           or (states_only and actors <= {x.actor for x in o.m.participants})), None)
            if target is None:
                m = Meeting([Participant(*p[1:]) for p in ps],
                            found_by=FoundBy("meetings", "cue_with_parties" if borrowed is None else "cue_next_to_parties"))
                target = _Open(m, keys, sent.index, sequel=sequel_here)
                opened.append(target)
                for pend in pending:
                    _attributes(ctx, target.m, pend, cues)
                pending = []
            target.last = sent.index
            _attributes(ctx, target.m, sent, cues)
            if borrowed is not None:
                _attributes(ctx, target.m, borrowed, cues)
            continue
        if past:
            continue
        sequel = opened[-1] if opened and sent.index - opened[-1].last <= sequel_window else None
        if trig and not past and not hedged and sequel is not None and not G["anaphor"].search(stext):
            # "Am Montag folgten drei Stunden mit Wang Yi": one new person meets the report's protagonist
            people_here = _unique(persons_in(ctx, sent.start, sent.end))
            host = _protagonist(ctx, sequel.m)
            if len(people_here) == 1 and host is not None and people_here[0].key not in sequel.keys \
                    and people_here[0].key != host.key and people_here[0].actor != host.actor:
                p = people_here[0]
                m = Meeting([Participant(host.name, host.qid, host.actor), Participant(p.name, p.qid, p.actor)],
                            found_by=FoundBy("meetings", "protagonist_meets"))
                o = _Open(m, {host.key, p.key}, sent.index, sequel=True)
                opened.append(o)
                _attributes(ctx, m, sent, cues)
                if m.in_person is not False and sequel.m.in_person is not False and m.place is None:
                    # the next talk of the same visit took place where the visit did
                    m.place, m.country = sequel.m.place, sequel.m.country
                    m.occasion = m.occasion or sequel.m.occasion
                continue
        anaphoric = trig and (G["anaphor"].search(stext) or len(ps) <= 1)
        if current is not None and (anaphoric or place_cue):
            current.last = sent.index
            _attributes(ctx, current.m, sent, cues)
        elif not opened and trig and (G["anaphor"].search(stext) or first_match(cues["duration_cues"], stext)):
            pending.append(sent)

    for sent, cue_at in absent:
        _drop_absent(ctx, opened, sent, cue_at)
    opened = _merge_repeats(opened)
    ctx.meetings = [o.m for o in opened]
    dateline = _dateline(ctx, cues)
    for m in ctx.meetings:
        if m.in_person is None:
            m.in_person = True
        if dateline is not None and m.in_person and m.place != dateline[0]:
            named = any(dateline[0] in ev.text for ev in m.evidence)
            if m.place is None or named:
                m.place, m.country = dateline  # the dateline, where the meeting's sentences name it too
        if m.date is None:
            m.date = _lead_date(ctx, m, cues)
        if m.occasion is None and m.in_person is False:
            m.occasion = cues["remote_occasion"]
        if m.occasion is None:
            for ev in m.evidence:
                om = first_match(cues["occasion_nouns"], ev.text)
                if om:
                    m.occasion = G["occasion_genitive"].sub(r"\1", om.group("occ"))
                    break


def _drop_absent(ctx: Context, opened: list, sent, cue_at: int) -> None:
    """"Moon, who accompanied Trump to the border, did not take part in the talks": the person the
    sentence is about leaves the parties of the last meeting that has them, as long as two remain."""
    text = ctx.doc.text
    # "Biden said Yoon did not take part": the person after the verb of saying, else the sentence's first
    said = ctx.lang.speech["verbs"].search(text, sent.start, cue_at)
    start = said.end() if said else sent.start
    named = persons_in(ctx, start, cue_at)[:1] or persons_in(ctx, sent.start, sent.end)[:1]
    if not named:
        return
    person = named[0][1]
    o = next((o for o in reversed(opened) if person.key in o.keys and len(o.m.participants) >= 3), None)
    if o is None:
        return
    o.keys = o.keys - {person.key}
    o.m.participants = [p for p in o.m.participants
                        if not ((person.qid and p.id == person.qid) or p.name == person.name)]


def _aside(ctx: Context, sent) -> list:
    """Spans of the sentence in a clause of time ("since Trump returned to the White House"): who is
    named there is no party of the meeting."""
    rx = ctx.lang.grammar["meetings"]["aside_clause"]
    return [(sent.start + m.start(), sent.start + m.end()) for m in rx.finditer(sent.text)]


def _reference_only(cues, G, stext: str) -> bool:
    """Whether every meeting word of the sentence names a meeting already told ("told reporters after
    the dinner", "nach dem Treffen"): such a sentence opens no meeting of its own."""
    hits = [m for rx in cues["triggers"] for m in rx.finditer(stext)]
    return bool(hits) and all(G["reference_before"].search(stext, 0, m.start()) for m in hits)


def _merge_repeats(opened: list) -> list:
    """A later meeting of exactly the same parties with no day, length or place of its own ("It was the
    third time Trump and Kim had met") is the earlier meeting told again: its sentences join it."""
    out: list = []
    for o in opened:
        m = o.m
        same = next((x for x in out if x.keys == o.keys), None)
        if same is not None and not o.sequel and m.date is None and m.duration_minutes is None and m.place is None:
            for ev in m.evidence:
                if ev not in same.m.evidence:
                    same.m.evidence.append(ev)
            continue
        out.append(o)
    return out


def _segments(ctx: Context, sent, cues) -> list:
    """A sentence that reports one meeting after another ("traf am Freitag X, am Samstag folgte ein
    Gespräch mit Y"; "zunächst X und danach Y") is cut into one part per meeting."""
    from ..text import Sentence

    cuts = [m.start() for m in cues["sequence"][0].finditer(sent.text)] if cues["sequence"] else []
    if not cuts:
        return [sent]
    bounds = [0] + cuts + [len(sent.text)]
    parts = []
    for a, b in zip(bounds, bounds[1:]):
        seg = sent.text[a:b]
        if not first_match(cues["triggers"], seg) and parts:
            # a part without a meeting word belongs to the one before
            p = parts.pop()
            parts.append((p[0], b))
        else:
            parts.append((a, b))
    if len(parts) == 1:
        return [sent]
    out = []
    for a, b in parts:
        a += len(sent.text[a:b]) - len(sent.text[a:b].lstrip(" ;,"))  # a part's evidence starts at its first word
        out.append(Sentence(sent.start + a, sent.start + b, sent.text[a:b], sent.index, sent.paragraph, sent.heading))
    return out


def _clause_at(text: str, pos: int) -> str:
    a = max(text.rfind(",", 0, pos), text.rfind(";", 0, pos)) + 1
    ends = [i for i in (text.find(",", pos), text.find(";", pos)) if i >= 0]
    return text[a:min(ends) if ends else len(text)]


def _protagonist(ctx: Context, m: Meeting):
    """The participant of a meeting whom the report names most: the visitor of a visit, usually."""
    best = None
    for p in m.participants:
        dp = next((x for x in ctx.persons.values() if (x.qid and x.qid == p.id) or x.name == p.name), None)
        if dp is not None and (best is None or len(dp.positions) > len(best.positions)):
            best = dp
    return best


def _blank_quotes(ctx: Context, sent) -> str:
    return ctx.blanked(sent)


def _unique(people):
    seen = {}
    for m, p in people:
        seen.setdefault(p.key, p)
    return list(seen.values())


def _states(ctx: Context, sent) -> list:
    G = ctx.lang.grammar["meetings"]
    out = []
    for m in ctx.mentions_in(sent.start, sent.end, ("actor",)):
        if ctx.in_quote(m.start, m.end) or m.found_by.rule in ("role_prefix", "closed_compound"):
            continue
        if m.found_by.rule == "demonym_adjective" and not first_match(ctx.lang.meetings["counterpart"], ctx.doc.text[m.end:m.end + 25]):
            continue  # "chinesische Importe" names no party; "chinesischen Amtskollegen" does
        if G["in_place"].search(ctx.doc.text, max(sent.start, m.start - 20), m.start):
            continue  # "met in Oman": where they met, not who
        out.append(m)
    return out


def _pronoun_party(ctx: Context, sent, text: str, named_mention, G: dict, cues):
    """"Den Durchbruch hatte Trump verkündet. Nach einem Telefonat mit Prabowo schrieb er …": a subject
    pronoun is the other party when it comes before the one person named ("traf er Prabowo") or that person
    stands in a phrase of company ("mit Prabowo"), in the sentence that names the meeting, and the pronoun
    does not open a reported clause (", er sei …").
    It stands for the first person of the sentence before (the subject there), not the last one named."""
    pm = G["subject_pronoun"].search(text)
    if not pm or not first_match(cues["triggers"], text):
        return None
    full = ctx.doc.text
    before_named = sent.start + pm.start() < named_mention.start  # "Am Montag traf er Prabowo"
    if not before_named and not G["with_before"].search(full[max(sent.start, named_mention.start - 60):named_mention.start]):
        return None
    if re.search(r",\s*$", text[:pm.start()]):
        return None
    for s in reversed(ctx.sentences):
        if s.end <= sent.start:
            people = persons_in(ctx, s.start, s.end)
            if people:
                return people[0][1]
    return None


def _parties(people, states, counterpart: bool, state_names=None) -> list:
    """(key, name, id, actor) for each party: people, or states when no person is named.
    States join only when the sentence names a counterpart ("traf Vertreter Chinas",
    "Gespräche zwischen den USA und China", "empfing die ukrainische Delegation")."""
    parties = [(p.key, p.name, p.qid, p.actor) for p in people]
    if len(parties) >= 2:
        return parties
    if not counterpart:
        return []
    covered = {p[3] for p in parties}
    for s in states:
        if s.actor and s.actor not in covered:
            covered.add(s.actor)
            # a state named by an adjective ("Turkish officials") is a party under the state's name
            adjective = s.found_by.rule == "demonym_adjective"
            parties.append((s.actor, (state_names or {}).get(s.actor, s.name) if adjective else s.text, None, s.actor))
    return parties if len(parties) >= 2 else []


def _place_from(ctx: Context, sent, cues):
    text = ctx.doc.text
    G = ctx.lang.grammar["meetings"]
    places = [x for x in ctx.mentions_in(sent.start, sent.end, ("place",)) if not ctx.in_quote(x.start, x.end)]
    good = []
    for p in places:
        before = text[max(sent.start, p.start - 25):p.start]
        if G["past_place"].search(before) or G["origin_place"].search(before):
            continue
        good.append(p)
    if not good:
        # "im Weißen Haus" -> Washington; "in Singapur" (a city state)
        for x in ctx.mentions_in(sent.start, sent.end, ("actor",)):
            before = text[max(sent.start, x.start - 12):x.start]
            if not G["in_place"].search(before):
                continue
            if x.found_by.rule == "institution_metonym" and x.actor in ctx.lang.capital_of:
                return ctx.lang.capital_of[x.actor], x.actor
            if x.text in cues["city_states"]:
                return x.text, x.actor
    if good:
        inside = [p for p in good if G["in_place"].search(text[max(sent.start, p.start - 12):p.start])]
        p = (inside or good)[0]
        gaz = ctx.lang.gazetteer
        genitive = p.text.endswith("s") and tuple(p.text.split()) not in gaz and tuple(p.text[:-1].split()) in gaz
        return (p.text[:-1] if genitive else p.text), p.id
    cm = first_match(cues["capital_phrase"], sent.text)
    if cm:
        from .mentions import MentionFinder

        d = MentionFinder(ctx).demonym(cm.group("adj"), False)
        if d is not None and d.actor in ctx.lang.capital_of:
            return ctx.lang.capital_of[d.actor], d.actor
    return None


def _lead_date(ctx: Context, m: Meeting, cues):
    """A day named just before the meeting's first sentence ("Kim hat am Freitag … betreten. … empfing ihn")."""
    first = next((s for s in ctx.sentences if m.evidence and s.start == m.evidence[0].start), None)
    if first is None:
        return None
    for s in reversed(ctx.sentences[max(0, first.index - 3):first.index]):
        if first_match(cues["past_reference"], s.text) or first_match(cues["future"], s.text):
            continue
        for d in ctx.dates[s.index]:
            if d.precision == "day" and d.value:
                return d.value
    return None


def _dateline(ctx: Context, cues):
    for sent in ctx.sentences[:6]:
        m = first_match(cues["dateline"], sent.text)
        if not m:
            continue
        name = " ".join(w.capitalize() if w.isupper() else w for w in m.group("city").split())
        name = "-".join(x[:1].upper() + x[1:] for x in name.split("-"))
        e = ctx.lang.gazetteer.get(tuple(name.split()))
        if e is not None and (e.kind == "place" or e.sub == "capital" or name in cues["city_states"]):
            return name, e.actor
    return None


def _attributes(ctx: Context, m: Meeting, sent, cues) -> None:
    text = ctx.doc.text
    ev = Evidence.of(text, sent.start, sent.end)
    if ev not in m.evidence:
        m.evidence.append(ev)
    stext = _blank_quotes(ctx, sent)
    if set(re.findall(r"\w+", stext.lower())) & ctx.lang.hedges["always"]:
        return  # the author's speculation lends the meeting nothing
    if m.place is None:
        place = _place_from(ctx, sent, cues)
        if place:
            m.place, m.country = place
    if m.occasion is None:
        om = first_match(cues["occasion"], stext)
        if om:
            gen = ctx.lang.grammar["meetings"]["occasion_genitive"]
            m.occasion = " ".join(gen.sub(r"\1", w) for w in om.group("occ").strip().split())
    if m.date is None:
        for d in ctx.dates[sent.index]:
            if d.precision == "day" and d.value and sent.start <= d.start < sent.end:
                m.date = d.value
                break
    if m.duration_minutes is None:
        for q in ctx.quantities[sent.index]:
            if q.unit == "duration" and q.minutes and q.minutes <= MAX_MEETING_MINUTES and not ctx.in_quote(q.start, q.end) \
                    and sent.start <= q.start < sent.end:
                m.duration_minutes = int(round(q.minutes))
                m.approximate = q.approximate
                break
    full = ctx.sentences[sent.index]
    if first_match(cues["remote"], stext):
        m.in_person = False
    elif full.start < sent.start and not m.evidence[:-1] and first_match(cues["remote"], ctx.blanked(full)[:sent.start - full.start]):
        m.in_person = False  # "telefonierte er mit X und anschließend mit Y": the second call is a call too
    fs = first_match(cues["first_since"], stext)
    if fs and m.first_since is None:
        m.first_since = int(fs.group("year"))
