"""Measures: tariff changes, purchase and investment commitments, supply agreements, export controls,
sanctions, ceasefires, market access, enforcement commitments — with their numbers.

A sentence names a measure when it has a type cue and an action cue (data/<lang>/measures.toml).
Each type cue owns the part of the sentence up to the next type cue; its numbers are read there:
"von 20 auf 10 Prozent" (from/to), "um zehn Prozentpunkte" (signed change), "auf 47 Prozent" (to),
quantities with scale words and units, terms ("einjährige", "für 90 Tage") and renewal. Actor and
target come from phrases that name the parties' roles ("auf chinesische Importe", "aus China",
"durch China", "Zugang der USA") and from who announces it; status from the strongest cue.
A measure said twice in one document is one measure with two pieces of evidence.
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import Evidence, FoundBy, Measure
from ..pipeline import Context, register
from .numbers import NumberParser
from .speakers import attribution, persons_in, subject
from .structure import parsers
from ..resources import first_match, settings

MONEY_UNITS = frozenset({"USD", "EUR", "CNY", "RUB", "GBP", "JPY"})
QUANTITY_UNITS = MONEY_UNITS | {"t", "barrel", "vehicles", "people", "m3", "l", "vessels", "aircraft", "trucks", "banks", "companies", "km"}
QUOTA_UNITS = frozenset({"t", "l", "m3", "barrel", "vehicles"})  # amounts of goods a duty-free quota is counted in
INNER_DOT = re.compile(r"\.(?=\s+\S)")
ACTION_FREE = ("ceasefire", "other", "market_access")  # their cues already say that something was done


def _number(parser: NumberParser, s: str) -> Optional[float]:
    v = parser.number(s)
    if v is None:
        v = parser.word(s)
    return v


def _val(v: float, unit: str) -> dict:
    return {"value": int(v) if float(v).is_integer() else v, "unit": unit}


def _unit_of(G: dict, u: Optional[str]) -> Optional[str]:
    if not u:
        return None
    return "percentage_points" if G["points_unit"].match(u.lower()) else "percent"


@register("measures", requires=("mentions", "quantities", "statements", "meetings"), assigns=("measures",))
def measures(ctx: Context) -> None:
    cues = ctx.lang.measures
    parser, _ = parsers(ctx)
    text = ctx.doc.text
    hedges = ctx.lang.hedges["always"]
    prev_type = None
    waiting = []  # commitments read before the report showed it is about a meeting or a measure
    for sent in ctx.sentences:
        if sent.index in ctx.skip or sent.heading:
            continue  # a headline repeats what the report says below
        # cues read across the dot of an ordinal or an abbreviation ("vom 1. August an genehmigungspflichtig"):
        # same length, so offsets hold; the dots of numbers ("100.000") and the sentence's end stay
        stext = INNER_DOT.sub(" ", sent.text)
        if first_match(cues["not_a_measure"]["any"], stext) and not first_match(cues["status"]["agreed_joint"], stext):
            # "setzt sich aus … zusammen" splits a sum; the filter takes it for a group sitting down together
            if not (first_match(cues["breakdown"]["composition"], stext) and _breakdown(ctx, sent)):
                prev_type = None
            continue
        if _breakdown(ctx, sent):
            prev_type = None
            continue
        if prev_type != "tariff_change" and not cues["_any_type"].search(stext) \
                and not first_match(cues["commitment"]["any"], stext):
            prev_type = None  # no cue of any kind: nothing to read (and the costly parts are skipped)
            continue
        for pa, pb in _parts(stext, cues, ctx.lang.grammar["measures"].get("elliptic_amount")):
            prev_type = _measures_in_part(ctx, sent, stext, pa, pb, parser, hedges, prev_type, waiting)
    if waiting and (ctx.meetings or ctx.measures):
        for sent, stext, pa, pb in waiting:
            _measures_in_part(ctx, sent, stext, pa, pb, parser, hedges, None)
    for m in ctx.measures:
        if m.from_ and m.to and m.change and m.from_["unit"] == m.to["unit"] and m.to["value"] != m.from_["value"]:
            # a change read apart from its ends ("um zehn Prozentpunkte" with no verb of lowering) takes their direction
            down = m.to["value"] < m.from_["value"]
            m.change = dict(m.change, value=-abs(m.change["value"]) if down else abs(m.change["value"]))


def _breakdown(ctx: Context, sent) -> bool:
    """A sentence that splits the sum of the commitment just reported into parts gives each amount
    as a measure of its own, with the commitment's type and parties. Returns whether it did."""
    bd = ctx.lang.measures["breakdown"]
    if not ctx.measures or not first_match(bd["any"], sent.text):
        return False
    reach = settings()["measures"]["breakdown_reach"]
    # the latest commitment with a sum of money (aid and loans are 'other' commitments)
    last = next((m for m in reversed(ctx.measures)
                 if m.type in ("purchase_commitment", "investment_commitment", "other")
                 and isinstance(m.quantity, dict) and m.quantity.get("unit") in MONEY_UNITS), None)
    if last is None or not any(e.start < sent.start and sent.start - e.end <= reach for e in last.evidence):
        return False
    here = [q for q in ctx.quantities[sent.index] if sent.start <= q.start < sent.end]
    money = next((q.unit for q in here if q.unit in MONEY_UNITS), None)
    # "52 Milliarden Dollar …, 32 Milliarden auf …": a bare large amount is in the currency named before it
    amounts = [q for q in here if q.unit in MONEY_UNITS or (money and q.unit is None and q.value >= 1e6)]
    if money is None or len(amounts) < 2:
        return False
    text = ctx.doc.text

    def begin(q):
        return min(q.start, q.number_start or q.start)  # an approximator ("rund") is inside q.start already

    for k, q in enumerate(amounts):
        a = begin(q)
        b = begin(amounts[k + 1]) if k + 1 < len(amounts) else sent.end
        piece = text[a:b]
        cut = bd["piece_end"][0].search(piece)
        if cut:
            b = a + cut.start()
        a, b = _trim_span(text, a, b)
        if b <= a:
            continue
        ctx.measures.append(Measure(
            type=last.type, actor=last.actor, target=last.target,
            object=bd["object_lead"][0].sub("", text[q.end:b].strip(" ,")) or None,
            quantity={"value": q.as_value()["value"], "unit": q.unit or money}, term=last.term, status=last.status, attributed_to=last.attributed_to,
            evidence=[Evidence.of(text, a, b)], found_by=FoundBy("measures", f"{last.type}:breakdown")))
    return True


def _parts(stext: str, cues, keep=None) -> list:
    """Parts of a sentence that each report a measure of their own ("ein zollfreies Kontingent von
    13.000 Tonnen, zudem dürfen 1,4 Milliarden Liter Ethanol zollfrei eingeführt werden")."""
    bounds = [0]
    for m in cues["parts"]["cut"][0].finditer(stext):
        bounds.append(m.start())
    bounds.append(len(stext))
    parts = []
    any_type = cues["_any_type"]
    for a, b in zip(bounds, bounds[1:]):
        has_cue = any_type.search(stext, a, b) is not None or (keep is not None and keep.search(stext[a:b]) is not None)
        if parts and not has_cue:
            parts[-1] = (parts[-1][0], b)
        else:
            parts.append((a, b))
    if parts and len(parts) > 1 and not any_type.search(stext, parts[0][0], parts[0][1]):
        first = parts.pop(0)
        parts[0] = (first[0], parts[0][1])
    lead = cues["parts"]["lead"][0]
    parts = [(a + (lm.end() if (lm := lead.match(stext[a:b])) else 0), b) for a, b in parts]
    return parts or [(0, len(stext))]


def _measures_in_part(ctx, sent, stext, pa, pb, parser, hedges, prev_type, waiting=None):
    cues = ctx.lang.measures
    G = ctx.lang.grammar["measures"]
    ptext = stext[pa:pb]
    hits = []
    elliptic = False
    for mtype, pats in cues["types"].items():
        for rx in pats:
            # the first occurrence that is neither the reason for another measure ("als Strafe für Indiens
            # Käufe") nor history ("aus dem Jahr 1953, in dem der Waffenstillstand geschlossen wurde")
            m = next((x for x in rx.finditer(ptext)
                      if not G["reason_before"].search(ptext, max(0, x.start() - 60), x.start())
                      and not _historical(ctx, G, ptext[max(0, x.start() - 60):x.start()], ptext[x.end():x.end() + 80])), None)
            if m:
                # the same words cannot be cues of two types: the type listed first keeps them
                if not any(h[0] < pa + m.end() and pa + m.start() < h[3] for h in hits):
                    hits.append((pa + m.start(), mtype, m, pa + m.end()))
                break
    ban = min((h[0] for h in hits if h[1] in ("sanction", "export_control")), default=None)
    if ban is not None:
        # "ein Einfuhrverbot für Flüssiggas, das für langfristige Lieferverträge greift": the deliveries after a
        # ban or a control are what it stops, not a supply deal of their own
        hits = [h for h in hits if not (h[1] == "supply_agreement" and h[0] > ban)]
    if any(h[1] == "ceasefire" for h in hits) and _truce_of_trade(ctx, sent, ptext):
        hits = [h for h in hits if h[1] != "ceasefire"]
    if not hits and prev_type == "tariff_change" and G.get("prior_level") is not None \
            and (pm := G["prior_level"].search(ptext)) and _unit_of(G, pm.group("ua")) == "percent":
        # "… einen Zoll von 19 Prozent. Angedroht hatte Trump noch 32 Prozent.": the level before the one just told
        last = ctx.measures[-1] if ctx.measures else None
        a = _number(parser, pm.group("a"))
        if last is not None and last.type == "tariff_change" and last.to and last.from_ is None and a is not None \
                and last.to["unit"] == "percent" and a != last.to["value"]:
            last.from_ = _val(a, "percent")
            last.change = _val(round(last.to["value"] - a, 4), "percentage_points")
            ev_a, ev_b = _trim_span(ctx.doc.text, sent.start + pa, sent.start + pb)
            last.evidence.append(Evidence.of(ctx.doc.text, ev_a, ev_b))
            return "tariff_change"
    if not hits and prev_type == "tariff_change":
        # the sentence after a tariff goes on with its figures: "Auf Waren aus der EU werden nun 20 Prozent fällig."
        fm = G["from_to"].search(ptext) or G["level_verb"].search(ptext) or _further_step(ctx, G, parser, cues, ptext)
        if fm and _unit_of(G, fm.groupdict().get("ub") or fm.groupdict().get("ub2")):
            hits = [(pa + fm.start(), "tariff_change", fm, pa + fm.end())]
    if not hits and pa > 0 and prev_type in ("purchase_commitment", "investment_commitment") and G.get("elliptic_amount") \
            and G["elliptic_amount"].search(ptext):
        # ", dazu Agrarprodukte für 4,5 Milliarden Dollar": a part with only an amount goes on with the commitment before
        em = G["elliptic_amount"].search(ptext)
        hits = [(pa + em.start(), prev_type, em, pa + em.end())]
        elliptic = True  # its verb stands in the part before
    if not hits:
        m = first_match(cues["commitment"]["any"], ptext)
        if m and first_match(cues["commitment"]["vague"], ptext):
            m = None  # agreeing on "a framework", "progress", to resume talks: no measure yet
        if m and (ctx.meetings or ctx.measures):
            hits = [(pa + m.start(), "other", m, pa + m.end())]
        elif m and waiting is not None:
            waiting.append((sent, stext, pa, pb))
    if not hits:
        return None
    if G["negated"].search(ctx.blanked(sent)[pa:pb]):
        return None  # a denial in the report's words; one inside a quoted fragment ("not yet agreed upon") is not
    has_action = first_match(cues["action"]["any"], ptext) is not None
    words = set(re.findall(r"\w+", stext))
    speaker_sent = ctx.statements and any(s.start < sent.end and sent.start < s.end for s in ctx.statements)
    if words & hedges and not speaker_sent and not attribution(ctx, sent) \
            and not G["reported_despite_hedge"].search(stext):
        return None  # the author's speculation, not a reported measure
    hits.sort(key=lambda h: h[0])
    seen_types = set()
    last_type = None
    for k, (pos, mtype, m, _) in enumerate(hits):
        if mtype in seen_types or (not has_action and mtype not in ACTION_FREE and not elliptic):
            continue
        seen_types.add(mtype)
        lo = pa if k == 0 else pos
        hi = hits[k + 1][0] if k + 1 < len(hits) else pb
        # the numbers that follow a later cue in the same part belong to the first cue when it has none
        # (figures are looked for in the sentence as written: the dot of "1. Juli" marks a date)
        scope = stext[lo:hi] if k + 1 < len(hits) and _has_numbers(G, sent.text[lo:hi]) else stext[lo:pb]
        part = (pa, pb) if (pa, pb) != (0, len(stext)) else None
        for meas in _build(ctx, sent, mtype, pos, scope, lo, parser, part):
            if elliptic and ctx.measures and ctx.measures[-1].type == mtype:
                # ", dazu Agrarprodukte für 4,5 Milliarden Dollar": the parties of the commitment it goes on with
                prev = ctx.measures[-1]
                meas.actor, meas.target = meas.actor or prev.actor, meas.target or prev.target
            _merge(ctx, meas)
        last_type = mtype
    return last_type


def _same_way(direction: int, before: float, after: float) -> bool:
    """Whether a step from before to after goes the way its verb says (a fall for "sinkt", a rise for "steigt")."""
    return (direction < 0 and after < before) or (direction > 0 and after > before)


def _further_step(ctx: Context, G: dict, parser, cues, ptext: str):
    """"… sinkt er dann weiter auf 40 Prozent" after a tariff step: the match, when the step goes on the way
    the last one went (not "Die Inflation stieg weiter auf 3 Prozent" after a tariff cut to 25)."""
    fm = G["further"].search(ptext) if G.get("further") is not None else None
    last = next((m for m in reversed(ctx.measures) if m.type == "tariff_change"), None)
    if not fm or last is None or not last.to or not last.from_ or last.to["unit"] != "percent":
        return None
    b = _number(parser, fm.group("b"))
    direction = -1 if first_match(cues["direction"]["down"], ptext) else (1 if first_match(cues["direction"]["up"], ptext) else 0)
    was = -1 if last.to["value"] < last.from_["value"] else 1
    return fm if b is not None and direction == was and _same_way(direction, last.to["value"], b) else None


def _truce_of_trade(ctx: Context, sent, ptext: str) -> bool:
    """Whether a ceasefire word is a metaphor of a trade dispute: trade words in its own part of the
    sentence and no word of war (a trade word in the sentence before says nothing about this one)."""
    cues = ctx.lang.measures["truce_of_trade"]
    if first_match(cues["war"], ptext):
        return False
    return first_match(cues["trade"], ptext) is not None


def _historical(ctx: Context, G: dict, before: str, after: str) -> bool:
    """Whether a measure word is history: a year named shortly before it lies long before the report
    (settings: measures.historical_years) and the words after it say it was made then ("in dem der
    Waffenstillstand geschlossen wurde"). Without a publication date nothing is history."""
    if ctx.published is None or not G["founded_after"].search(after):
        return False
    years = [int(y) for y in G["year_before"].findall(before)]
    return bool(years) and min(years) < ctx.published.year - settings()["measures"]["historical_years"]


def _has_numbers(G: dict, s: str) -> bool:
    # the digits of a date ("1. Juni", "2018") are no figure
    return bool(G["from_to"].search(s) or G["to_only"].search(s) or G["change"].search(s)
                or re.search(r"\d", G["date_digits"].sub(" ", s)))


def _build(ctx: Context, sent, mtype: str, cue_at: int, scope: str, lo: int, parser, part=None) -> list[Measure]:
    text = ctx.doc.text
    cues = ctx.lang.measures
    G = ctx.lang.grammar["measures"]
    stext = sent.text
    out = []
    before = [s.text for s in ctx.sentences[max(0, sent.index - 2):sent.index] if s.paragraph >= sent.paragraph - 1]
    status = _status(cues, stext, tuple(reversed(before)))
    speaker = None
    attr = attribution(ctx, sent)
    if attr:
        speaker = attr[0]
    elif ctx.lang.speech["verbs"].search(stext) or first_match(cues["status"]["announced"], stext) or first_match(cues["status"]["confirmed"], stext) or first_match(cues["status"]["denied"], stext):
        speaker = subject(ctx, sent, sent.start, sent.end, None)
    if speaker is None:
        stm = next((s for s in ctx.statements if s.start <= sent.start + lo < s.end or (sent.start <= s.start < sent.end and not s.direct)), None)
        if stm and stm.speaker:
            speaker_id = stm.speaker
        else:
            speaker_id = stm.speaker_name if stm else None
    else:
        speaker_id = speaker.id or speaker.label
    speaker_actor = speaker.person.actor if speaker is not None and speaker.person is not None else None

    renewal = None
    for key in ("annual", "renewable"):
        if first_match(cues["renewal"][key], stext):
            renewal = key
            break
    term = _term(ctx, sent)
    obj = _object(G, stext, cue_at)
    direction = -1 if first_match(cues["direction"]["down"], scope) else (1 if first_match(cues["direction"]["up"], scope) else 0)

    pairs = []
    if mtype == "tariff_change" or mtype in ("sanction", "export_control", "other"):
        spans = []
        for fm in [*G["from_to"].finditer(scope), *G["to_from"].finditer(scope)]:
            if any(fm.start() < e and s0 < fm.end() for s0, e in spans):
                continue  # "von 20 auf 10 von …": one reading of the words is enough
            a, b = _number(parser, fm.group("a")), _number(parser, fm.group("b"))
            unit = _unit_of(G, fm.group("ub") or fm.group("ua"))
            if a is not None and b is not None and unit:
                spans.append((fm.start(), fm.end()))
                pairs.append((lo + fm.start(), _val(a, unit), _val(b, unit), None))
        pairs.sort(key=lambda p: p[0])
        head = scope[:pairs[0][0] - lo] if pairs else ""
        tm = G["to_only"].search(head)
        if len(pairs) == 1 and tm and _unit_of(G, tm.group("ub")) == "percent" and _number(parser, tm.group("b")) is not None:
            # "cut by 10 points, to 10 percent, which would lower the overall rate from 57 to 47 percent":
            # a level reached before the pair is a measure of its own, with the change said beside it
            cm = G["change"].search(head)
            ch = None
            if cm and _number(parser, cm.group("c")) is not None:
                c = _number(parser, cm.group("c"))
                ch = _val(-c if direction < 0 else c, _unit_of(G, cm.group("uc")))
            pairs.insert(0, (lo + (cm or tm).start(), None, _val(_number(parser, tm.group("b")), "percent"), ch))
        elif len(pairs) == 1:
            cm = G["change"].search(scope)
            if cm and _number(parser, cm.group("c")) is not None:
                c = _number(parser, cm.group("c"))
                down = pairs[0][2]["value"] < pairs[0][1]["value"]
                pairs[0] = pairs[0][:3] + (_val(-c if down else c, _unit_of(G, cm.group("uc"))),)
        if not pairs and mtype == "tariff_change":
            listed = [lm for lm in G["level_list"].finditer(scope) if _number(parser, lm.group("b")) is not None]
            if len({lm.group("obj") for lm in listed}) >= 2:
                pairs = [(lo + lm.start(), None, _val(_number(parser, lm.group("b")), "percent"), None) for lm in listed]
        if not pairs:
            tm = G["to_only"].search(scope)
            cm = G["change"].search(scope)
            lv = G["level"].search(scope) or G["level_adjective"].search(scope) or G["level_verb"].search(scope)
            rate = _number(parser, lv.group("b") or lv.groupdict().get("b2") or "") if lv else None
            frm = to = ch = None
            if tm and _number(parser, tm.group("b")) is not None and _unit_of(G, tm.group("ub")) == "percent":
                to = _val(_number(parser, tm.group("b")), "percent")
            elif rate is not None and mtype == "tariff_change":
                to = _val(rate, "percent")
                if first_match(cues["direction"]["abolish"], scope):
                    frm, to = to, _val(0, "percent")  # "Die Zölle von 25 Prozent sollen ganz wegfallen"
            elif mtype == "tariff_change" and (zm := G["zero_rate"].search(scope)):
                to, lv = _val(0, "percent"), zm  # "völlige Zollfreiheit", "zero tariffs"
            if cm and _number(parser, cm.group("c")) is not None:
                c = _number(parser, cm.group("c"))
                ch = _val(-c if direction < 0 else c, _unit_of(G, cm.group("uc")))
            if to and frm is None and to["unit"] == "percent" and G.get("further") and G["further"].search(scope) \
                    and (last := next((m for m in reversed(ctx.measures) if m.type == mtype), None)) is not None \
                    and last.to and last.to["unit"] == "percent" and _same_way(direction, last.to["value"], to["value"]):
                frm = dict(last.to)  # "sinkt er dann weiter auf 40 Prozent": from the level the last step reached
            if to and frm is None and to["unit"] == "percent":
                # "a tariff of 15 percent, down from 27.5 percent", "auf 15 Prozent, nach zuvor 27,5 Prozent"
                pm = G["from_after"].search(scope)
                if pm and _number(parser, pm.group("a")) is not None and _unit_of(G, pm.group("ua")) == "percent":
                    frm = _val(_number(parser, pm.group("a")), "percent")
            if to or ch:
                pairs.append((lo + (tm or cm or lv).start(), frm, to, ch))
    if not pairs:
        pairs = _prices(G, parser, scope, lo)
    amounts = False
    if not pairs:
        pairs = _amounts(G, parser, scope, lo)
        amounts = bool(pairs)
    for k, (pos, frm, to, ch) in enumerate(pairs):
        if frm and to and ch is None and frm["unit"] == to["unit"] and (frm["unit"] == "percent" or amounts):
            # the change a from/to pair implies, in percentage points
            unit = "percentage_points" if frm["unit"] == "percent" else frm["unit"]
            pairs[k] = (pos, frm, to, _val(round(to["value"] - frm["value"], 4), unit))
    if not pairs:
        pairs = [(lo, None, None, None)]

    quantity = second = None
    if mtype in ("purchase_commitment", "investment_commitment", "supply_agreement", "other", "market_access",
                 "tariff_change", "sanction"):
        end = sent.start + part[1] if part else sent.end  # a part's figures are its own
        # a count that ends inside the cue counts it ("200 Lastwagen mit Hilfsgütern")
        priced = any("/" in (p[2] or {}).get("unit", "") for p in pairs)  # "47,60 US-Dollar je Barrel" is the price
        found = [q for q in ctx.quantities[sent.index] if q.unit in QUANTITY_UNITS and sent.start + lo < q.end and q.start < end
                 and not (priced and q.unit in MONEY_UNITS)]
        # "für die drei Geiseln … 90 Häftlinge": a count after a definite article names what is known already
        if G.get("estimate_before") is not None:
            # "den Schaden beziffert Brüssel auf 10 Milliarden Euro": an estimate is not the measure's amount
            found = [q for q in found if not G["estimate_before"].search(text[max(sent.start, q.start - 60):q.start])]
        fresh = [q for q in found if not G["known_count"].search(text[max(sent.start, q.start - 20):q.start])]
        # a sum told after its parts ("zusammen also 384.000 Tonnen") is the measure's amount
        total = [q for q in fresh if q.unit == fresh[0].unit
                 and (G["total_before"].search(text[max(sent.start, (q.number_start or q.start) - 30):q.number_start or q.start])
                      or G["total_after"].match(text[q.end:q.end + 20]))]
        if (total or fresh or found) and not amounts:  # amounts read as before/after are no quantity besides
            quantity = (total or fresh or found)[0].as_value()
        if not total and len(fresh) >= 2 and mtype in ("purchase_commitment", "investment_commitment"):
            # "zwölf Millionen Tonnen … kaufen und in den folgenden drei Jahren jeweils 25 Millionen Tonnen":
            # a second amount of the same unit joined by 'und' is a commitment of its own
            q1, q2 = fresh[0], fresh[1]
            b2 = min(q2.start, q2.number_start or q2.start)
            between = text[q1.end:b2]
            jm = G["amount_and"].search(between)
            # ... unless the words between name another kind of measure ("and invest $600 billion", "und den
            # Kauf von Flüssiggas … im Wert von 100 Milliarden Dollar") or a limit ("gedeckelt auf höchstens")
            other_kind = any(rx.search(between) for t, pats in cues["types"].items() if t != mtype for rx in pats)
            ranged = G["amount_range_before"].search(text[max(sent.start, q1.start - 20):q1.start])
            if q1.unit == q2.unit and jm and not other_kind and not ranged and not G["amount_limit"].search(between[jm.end():]):
                second = q2
        if quantity is None:
            vm = G["vague_amount"].search(stext)
            if vm:
                quantity = vm.group()

    zero = (pairs[0][2] or {}).get("value") == 0 or (pairs[0][1:] == (None, None, None)
                                                      and first_match(cues["direction"]["abolish"], scope))
    if mtype == "tariff_change" and len(pairs) == 1 and zero \
            and isinstance(quantity, dict) and quantity.get("unit") in QUOTA_UNITS:
        # "scrap the tariff on 1.4 billion litres of ethanol": goods let in duty-free up to an amount are a
        # quota, which the guidelines count as market access (docs/gold-guidelines.md)
        mtype, pairs = "market_access", [(pairs[0][0], None, None, None)]
    for k, (pos, frm, to, ch) in enumerate(pairs):
        # the evidence of a measure is its own part of the sentence when the sentence holds several
        ev_a, ev_b = (sent.start + part[0], sent.start + part[1]) if part else (sent.start, sent.end)
        if len(pairs) > 1:
            cut = max(stext.rfind(",", 0, pos), stext.rfind(";", 0, pos)) if k > 0 else -1
            nxt = pairs[k + 1][0] if k + 1 < len(pairs) else len(stext)
            end = max(stext.rfind(",", pos, nxt), stext.rfind(";", pos, nxt))
            ev_a, ev_b = sent.start + cut + 1, sent.start + (end if end > pos else nxt)
            if k > 0:
                # "…, bringing the overall rate from 57 to 47 percent": the words before the numbers name it
                own = stext[cut + 1:pos].strip() if cut >= 0 else ""
                obj = own[-120:] or obj
        ev_a, ev_b = _trim_span(text, ev_a, ev_b)
        actor, target = _parties(ctx, sent, mtype, scope if len(pairs) == 1 else stext[max(0, pos - lo - 60):], speaker_actor,
                                 pos if len(pairs) > 1 else None, part)
        out.append(Measure(
            type=mtype, actor=actor, target=target, object=obj, from_=frm, to=to, change=ch,
            quantity=quantity, term=term if mtype != "tariff_change" or term else None, renewal=renewal,
            status=status, attributed_to=speaker_id,
            evidence=[Evidence.of(text, ev_a, ev_b)],
            found_by=FoundBy("measures", f"{mtype}:{'from_to' if frm else ('to' if to else ('change' if ch else 'cue'))}")))
    if second is not None and len(out) == 1:
        first = out[0]
        ev = first.evidence[0]
        cut = G["amount_and"].search(text, ev.start, min(second.start, second.number_start or second.start))
        if cut and ev.start < cut.start() < ev.end:
            a, b = _trim_span(text, ev.start, cut.start())
            first.evidence = [Evidence.of(text, a, b)]
            a, b = _trim_span(text, cut.end(), ev.end)
            while b > a and text[b - 1] in ".!":
                b -= 1
            out.append(Measure(
                type=mtype, actor=first.actor, target=first.target, object=first.object, quantity=second.as_value(),
                term=first.term, renewal=first.renewal, status=first.status, attributed_to=first.attributed_to,
                evidence=[Evidence.of(text, a, b)], found_by=FoundBy("measures", f"{mtype}:second_amount")))
    return out


def _amounts(G: dict, parser, scope: str, lo: int) -> list:
    """Amounts before and after in a quantity's unit ("von zehn auf zwölf Milliarden Kubikmeter",
    "44 statt 38 Milliarden Kubikmeter"); the scale after the second number holds for the first too."""
    for key in ("qty_from_to", "qty_instead"):
        rx = G.get(key)
        m = rx.search(scope) if rx is not None else None
        if not m:
            continue
        unit = parser.unit_of(m.group("ub")) or (parser.unit_of(m.group("ub2")) if m.groupdict().get("ub2") else None)
        a, b = _number(parser, m.group("a")), _number(parser, m.group("b"))
        if unit is None or unit not in QUANTITY_UNITS or a is None or b is None:
            continue
        sb = parser.scales.get(m.group("sb"), 1) if m.group("sb") else 1
        # the scale after the second number holds for the first only when the first is a small plain number
        # ("von zehn auf zwölf Milliarden"), not "von 800.000 auf 1,2 Millionen Tonnen"
        plain = a < 1000 and parser.thousands not in m.group("a")
        sa = parser.scales.get(m.groupdict().get("sa"), sb) if m.groupdict().get("sa") else (sb if plain else 1)
        return [(lo + m.start(), _val(a * sa, unit), _val(b * sb, unit), None)]
    return []


def _prices(G: dict, parser, scope: str, lo: int) -> list:
    """A price per unit, as a level or from/to ("von 60 auf 47,60 US-Dollar je Barrel" -> USD/barrel)."""
    for key in ("price_from_to", "price_level"):
        m = G[key].search(scope)
        if not m:
            continue
        cur = parser.prefix_units.get(m.group("cur")) or parser.unit_words.get(m.group("cur"))
        per = parser.unit_words.get(m.group("per"))
        b = _number(parser, m.group("b"))
        a = _number(parser, m.group("a")) if "a" in m.groupdict() else None
        if cur and per and b is not None:
            unit = f"{cur}/{per}"
            return [(lo + m.start(), _val(a, unit) if a is not None else None, _val(b, unit), None)]
    return []


def _trim_span(text: str, a: int, b: int) -> tuple:
    while a < b and text[a] in " ,;–-":
        a += 1
    while b > a and text[b - 1] in " ,;":
        b -= 1
    return a, b


def _status(cues, stext: str, context=()) -> str:
    """The strongest status cue of the sentence; without one, the status the sentences just before
    set ("Beide Seiten einigten sich in Genf. Die USA senken ihre Zölle …" is agreed)."""
    st = cues["status"]
    for text in (stext, *context):
        for key in ("denied", "proposed", "confirmed", "agreed_joint", "announced", "agreed"):
            if first_match(st[key], text):
                return "agreed" if key == "agreed_joint" else key
    return "announced"


def _term(ctx: Context, sent) -> Optional[str]:
    text = ctx.doc.text
    G = ctx.lang.grammar["measures"]
    endings = tuple(ctx.lang.grammar["numbers"]["adjectival_endings"])
    for q in ctx.quantities[sent.index]:
        if q.unit != "duration" or not q.iso:
            continue
        if q.iso.startswith("PT"):
            continue  # hours and minutes are a meeting's length, not a term
        if text[q.start:q.end].lower().endswith(endings):
            nxt = re.match(r"\s+(?:[\w-]+\s+)?([\w-]+)", text[q.end:q.end + 40])
            if nxt and any(rx.match(nxt.group(1)) for rx in ctx.lang.measures["term"]["not_before"]):
                continue  # "nach zweitägigen Verhandlungen"
            return q.iso  # "einjährige", "90-tägige"
        before = text[max(sent.start, q.start - 30):q.start]
        if G["term_before"].search(before) or G["term_after"].match(text[q.end:q.end + 12]):
            return q.iso
    return None


def _object(G: dict, stext: str, start: int) -> Optional[str]:
    # begin at the start of the word that holds the cue
    while start > 0 and (stext[start - 1].isalnum() or stext[start - 1] == "-"):
        start -= 1
    m = G["object_end"].search(stext, start + 1)
    end = m.start() if m else len(stext)
    obj = stext[start:end].strip()
    return obj[:160] or None


def _iso_of(ctx: Context, word: str) -> Optional[str]:
    gaz = ctx.lang.gazetteer
    e = gaz.get((word,)) or (gaz.get((word[:-1],)) if word.endswith("s") else None)
    if e is not None and e.kind in ("actor", "organization"):
        return e.actor
    from .mentions import MentionFinder

    d = MentionFinder(ctx).demonym(word, True)
    if d is not None:
        return d.actor
    if "-" in word:
        return _iso_of(ctx, word.split("-", 1)[0])
    return None


def _role(ctx: Context, patterns, scope: str) -> Optional[str]:
    for rx in patterns:
        for m in rx.finditer(scope):
            iso = _iso_of(ctx, m.group("x"))
            if iso:
                return iso
    return None


def _parties(ctx: Context, sent, mtype: str, scope: str, speaker_actor: Optional[str], pos, part=None) -> tuple:
    roles = ctx.lang.measures["roles"]
    text = ctx.doc.text
    lo, hi = (sent.start + part[0], sent.start + part[1]) if part else (sent.start, sent.end)
    states = [m for m in ctx.mentions_in(lo, hi, ("actor", "organization"))
              if m.found_by.rule != "closed_compound" and not ctx.in_quote(m.start, m.end)]
    if pos is not None:
        # several measures in one sentence: the first state of the clause that holds the pair acts
        stext = sent.text
        cut = max(stext.rfind(",", 0, pos), stext.rfind(";", 0, pos))
        clause_start = sent.start + (cut + 1 if cut >= 0 else 0)
        near = [m for m in states if clause_start <= m.start < sent.start + pos
                and m.found_by.rule not in ("demonym_adjective", "hyphen_compound")]
        near_actor = near[0].actor if near else None
    else:
        near_actor = None
    actor = target = None
    if mtype in ("tariff_change", "sanction", "export_control"):
        target = _role(ctx, roles["target"], scope)
        # "Donald Trump setzt die Gegenzölle … aus": the person who takes the measure speaks for a state
        with_before = ctx.lang.grammar["measures"].get("with_before")
        doer = next((p.actor for m, p in persons_in(ctx, lo, hi) if p.actor and p.actor != target
                     and not (with_before is not None and with_before.search(text[max(lo, m.start - 60):m.start]))), None)
        actor = near_actor or speaker_actor or doer
        if mtype == "export_control" and actor is None:
            actor = _role(ctx, roles["supplier"], scope)
    elif mtype == "purchase_commitment":
        actor = _role(ctx, roles["buyer"], scope)
        target = _role(ctx, roles["supplier"], scope)
        if target is None:
            adj = [m for m in states if m.found_by.rule == "demonym_adjective" and m.actor != actor]
            target = adj[0].actor if adj else None
    elif mtype == "supply_agreement":
        actor = _role(ctx, roles["supplier"], scope)
        target = _role(ctx, roles["receiver"], scope)
        if target == actor:
            target = None
    elif mtype == "investment_commitment":
        target = _role(ctx, roles["receiver"], scope)
    elif mtype == "ceasefire":
        # the warring sides: states named after the cue first, then the rest of the sentence
        plain = [m for m in states if m.found_by.rule in ("state_name", "capital_metonym", "demonym_noun", "organization")]
        cue_at = sent.start + (len(sent.text) - len(scope))
        bel = []
        for m in sorted(plain, key=lambda m: (m.start < cue_at, m.start)):
            if m.actor and m.actor not in bel:
                bel.append(m.actor)
        if len(bel) >= 2:
            actor, target = bel[0], bel[1]
    if actor is None:
        subj = [m for m in states if m.found_by.rule != "demonym_adjective" and m.actor != target]
        if subj and mtype not in ("supply_agreement", "ceasefire"):
            actor = subj[0].actor  # the state the clause names buys ("Trump sagte, die Europäer würden … kaufen")
        elif speaker_actor and speaker_actor != target and mtype not in ("ceasefire",):
            actor = speaker_actor
    parties = _main_parties(ctx)
    if len(parties) == 2 and mtype != "ceasefire":
        if actor in parties and target is None:
            target = parties[1 - parties.index(actor)]
        elif target in parties and actor is None:
            actor = parties[1 - parties.index(target)]
    if actor == target:
        target = None
    return actor, target


def _main_parties(ctx: Context) -> list:
    if not ctx.meetings:
        return []
    acts = []
    for p in ctx.meetings[0].participants:
        if p.actor and p.actor not in acts:
            acts.append(p.actor)
    return acts if len(acts) == 2 else []


def _same_sentence(ctx: Context, a, b) -> bool:
    sa_, sb_ = ctx.sentence_at(a.start), ctx.sentence_at(b.start)
    return sa_ is not None and sa_ is sb_


def _same_thing(a: Measure, b: Measure, stop=frozenset()) -> bool:
    """Whether two measures' own words share a content word (five letters or more, not a function
    word of the language: "wieder öffnen" and "wieder aufnehmen" share no thing)."""
    def words(m):
        return {w.casefold() for w in re.findall(r"\w{5,}", m.object or "")} - stop

    def one_stem(x, y):
        # "Sanktionen" and "Sanktionspaket": the shorter word less an ending of two letters begins the longer
        short, long_ = sorted((x, y), key=len)
        return len(short) >= 8 and long_.startswith(short[:-2])
    wa, wb = words(a), words(b)
    # a sanction or control named by its type noun alone ("Die Sanktionen treten in Kraft") restates one;
    # an 'other' commitment's few words ("are to pull back") tell nothing about it
    bare_restates = a.type in ("sanction", "export_control")
    # long words of one stem ("Sanktionspaket", "Sanktionen") name one thing when no figure tells the two apart
    # (a package and the 40 ships it lists are not one measure)
    stemmed = a.quantity == b.quantity and any(one_stem(x, y) for x in wa for y in wb)
    return bool(wa & wb) or stemmed or (bare_restates and (not wa or not wb))


def _near(ctx: Context, old: Measure, here) -> bool:
    """Whether the new measure's sentence (here) follows one of the old measure's within the merge window."""
    if here is None:
        return False
    window = settings()["measures"]["merge_window"]
    for e in old.evidence:
        there = ctx.sentence_at(e.start)
        if there is not None and abs(here.index - there.index) <= window:
            return True
    return False


def _merge(ctx: Context, new: Measure) -> None:
    here = ctx.sentence_at(new.evidence[0].start)
    answer = here is not None and ctx.lang.grammar["measures"]["in_return"].search(here.text) is not None
    # "verzichtet Brüssel ebenfalls", "gelte auch für Autos": one more measure, not the last one again
    more = here is not None and ctx.lang.grammar["measures"]["additive"].search(here.text) is not None
    for old in ctx.measures:
        if answer and (old.actor is None or old.actor != new.actor):
            continue  # "Im Gegenzug setzt die EU …": the other side's measure, not the one before
        if old.type != new.type or any(_same_sentence(ctx, e, new.evidence[0]) for e in old.evidence):
            continue  # two measures of one type in one sentence were told apart on purpose
        if new.type in ("other", "sanction", "export_control") and not _same_thing(old, new, ctx.lang.measures["same_thing"]["stop"]):
            continue  # unlike commitments: embassies reopened are not prisoners exchanged, tankers listed not banks cut off
        same_numbers = (old.from_, old.to, old.change) == (new.from_, new.to, new.change)
        if more and not (same_numbers and (new.from_ or new.to or new.change)) \
                and (new.from_ or new.to or new.change or new.quantity or new.actor):
            continue  # a bare restatement with no party of its own ("Die Zölle gelten jedoch erst ab August") joins
        new_bare = new.from_ is None and new.to is None and new.change is None
        old_bare = old.from_ is None and old.to is None and old.change is None
        same_parties = all(a is None or b is None or a == b for a, b in ((old.actor, new.actor), (old.target, new.target)))
        if (new_bare or old_bare) and not same_numbers and not _near(ctx, old, here):
            continue  # a bare mention far from a figured one may well be another measure of the type
        if same_parties and (same_numbers or new_bare or old_bare) and (
                new.quantity is None or old.quantity is None or new.quantity == old.quantity):
            for ev in new.evidence:
                if ev not in old.evidence:
                    old.evidence.append(ev)
            for f in ("from_", "to", "change", "quantity", "term", "renewal", "attributed_to", "actor", "target"):
                if getattr(old, f) is None and getattr(new, f) is not None:
                    setattr(old, f, getattr(new, f))
            return
    ctx.measures.append(new)
