"""Numbers, quantities and durations, driven by the language's numbers.toml.

``find_quantities`` returns quantity mentions with a normalised value: percent, percentage points,
money in ISO 4217 with scale words applied, tonnes, people, durations in minutes and as ISO 8601.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..resources import Lang

MINUTES_OF = {"TM": 1, "TH": 60, "D": 1440, "W": 10080}


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    unit: Optional[str]  # normalised unit, or None for a bare number
    approximate: bool = False
    minutes: Optional[float] = None  # for durations
    iso: Optional[str] = None  # ISO 8601 duration for durations and terms
    number_start: int = 0
    approx_word: Optional[str] = None

    def as_value(self) -> dict:
        v = self.value
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return {"value": v, "unit": self.unit}


class NumberParser:
    def __init__(self, lang: Lang):
        n = lang.numbers
        self.units = {k: int(v) for k, v in n["units_words"].items()}
        self.tens = {k: int(v) for k, v in n["tens_words"].items()}
        self.fractions = {k: float(v) for k, v in n["fraction_words"].items()}
        self.scales = {k: int(v) for k, v in n["scales"].items()}
        self.unit_words = dict(n["units"])
        self.durations = {k: (int(v[0]), v[1]) for k, v in n["durations"].items()}
        self.term_suffixes = dict(n["term_suffixes"])
        approx = sorted(n["approximators"]["words"], key=lambda s: -len(s.split()))
        self.approximators = [tuple(a.split()) for a in approx]
        g = lang.grammar["numbers"]
        self.conjunction = g.get("conjunction", "und")
        self.compound_joiner = g.get("compound_joiner", "und")
        self.prefix_units = dict(n.get("prefix_units", {}))
        self.inner_scales = [tuple(x) for x in g.get("inner_scales", [])]  # "dreihundert": scale inside a word
        th, dec = re.escape(g["thousands_separator"]), re.escape(g["decimal_separator"])
        self.thousands, self.decimal = g["thousands_separator"], g["decimal_separator"]
        self.digits_re = re.compile(rf"^(?:\d{{1,3}}(?:{th}\d{{3}})+|\d+)(?:{dec}\d+)?$")
        self.adj_term_re = g["adjectival_term"]
        self.count_gap = int(g["count_gap"])
        self.count_gap_word = re.compile(g["count_gap_word"])
        self.count_units = frozenset(g["count_units"])
        # counted nouns read at the end of compounds (German): longest first
        cmin = g.get("compound_unit_min")
        self.compound_units = sorted(((w.lower(), u) for w, u in self.unit_words.items()
                                      if cmin and u in self.count_units and len(w) >= cmin), key=lambda x: -len(x[0]))
        self.year_like = re.compile(r"^(?:1[89]|20)\d\d$")

    @lru_cache(maxsize=4096)
    def unit_of(self, tok: str) -> Optional[str]:
        """The unit a word names: "Tonnen" -> t; in German also the end of a compound ("Frachtschiffe" -> vessels)."""
        u = self.unit_words.get(tok)
        if u is not None or not tok[:1].isupper():
            return u
        low = tok.lower()
        for w, unit in self.compound_units:
            if low.endswith(w) and len(low) - len(w) >= 3:
                return unit
        return None

    @lru_cache(maxsize=4096)
    def word(self, w: str) -> Optional[float]:
        """Value of one German number word ("zwölf", "fünfundzwanzig", "dreihundert", "eineinhalb")."""
        lw = w.lower()
        if lw in self.fractions:
            return self.fractions[lw]
        if lw in self.units:
            return self.units[lw]
        if lw in self.tens:
            return self.tens[lw]
        for scale, mult in self.inner_scales:
            if scale in lw:
                head, _, tail = lw.partition(scale)
                h = 1 if head in ("", "ein") else self._small(head)
                t = 0 if tail == "" else (self.word(tail) if self.word(tail) is not None else None)
                if h is not None and t is not None:
                    return h * mult + t
                return None
        return self._small(lw)

    def _small(self, lw: str) -> Optional[int]:
        if lw in self.units:
            return self.units[lw]
        if lw in self.tens:
            return self.tens[lw]
        j = self.compound_joiner
        if j == "-" and "-" in lw:  # "twenty-five"
            t, _, u = lw.partition("-")
            if t in self.tens and u in self.units:
                return self.tens[t] + self.units[u]
        elif j and j in lw:  # "fünfundzwanzig"
            u, _, t = lw.partition(j)
            if u in self.units and t in self.tens:
                return self.units[u] + self.tens[t]
        return None

    def number(self, tok: str) -> Optional[float]:
        if self.digits_re.match(tok):
            return float(tok.replace(self.thousands, "").replace(self.decimal, "."))
        if tok[:1].isupper() and tok.lower() not in self.fractions:
            return None  # "Eine" at sentence start is handled by the caller
        return self.word(tok)


def find_quantities(tokens: list, parser: NumberParser) -> list[Quantity]:
    """Quantities in a token list (tokens of one sentence)."""
    out: list[Quantity] = []
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i].text
        val = parser.number(t)
        if val is None and t[:1].isupper() and i > 0:
            val = None
        elif val is None and t[:1].isupper():
            val = parser.word(t)  # sentence-initial "Zwölf"
        if val is None:
            m = parser.adj_term_re.match(t)
            if m:
                num = m.group("num")
                nv = parser.number(num) if parser.number(num) is not None else parser.word(num)
                if nv is not None:
                    des = parser.term_suffixes[m.group("suf").lower()]
                    minutes = nv * MINUTES_OF[des] if des in MINUTES_OF else None
                    q = Quantity(tokens[i].start, tokens[i].end, nv, "duration", iso=_iso(nv, des),
                                 minutes=minutes, number_start=tokens[i].start)
                    out.append(q)
            i += 1
            continue
        j = i + 1
        # article "eine" alone is only a number before a unit ("eine Stunde")
        scale = 1
        while j < n and tokens[j].text in parser.scales:
            scale *= parser.scales[tokens[j].text]
            j += 1
            if j < n and tokens[j].text == "." and tokens[j - 1].text + "." in parser.scales:
                j += 1  # "Mrd." is one word to the reader, two tokens to the tokenizer
        unit = None
        minutes = None
        iso = None
        if i > 0 and tokens[i - 1].text in parser.prefix_units and tokens[i - 1].end == tokens[i].start:
            unit = parser.prefix_units[tokens[i - 1].text]  # "$550 billion"
        elif j < n and parser.unit_of(tokens[j].text) is not None:
            unit = parser.unit_of(tokens[j].text)
            j += 1
        elif j < n and tokens[j].text in parser.durations:
            per, des = parser.durations[tokens[j].text]
            unit = "duration"
            minutes = val * scale * per
            iso = _iso(val * scale, des)
            j += 1
        elif j < n and "-" in tokens[j].text and tokens[j].text.split("-")[0] in parser.unit_words:
            unit = parser.unit_words[tokens[j].text.split("-")[0]]
            j += 1
        if unit is None and scale == 1 and (not parser.year_like.match(t)
                                            or (i > 0 and (tokens[i - 1].text.lower(),) in parser.approximators)):
            # "23 schwer verwundete ukrainische Soldaten": a few adjectives before the noun counted
            # (a year is counted only with an approximator: "rund 1900 palästinensische Häftlinge")
            k = j
            while k < n and k - j < parser.count_gap and parser.count_gap_word.match(tokens[k].text) \
                    and tokens[k].text not in parser.unit_words:
                k += 1
            if k > j and k < n and parser.unit_of(tokens[k].text) in parser.count_units:
                unit = parser.unit_of(tokens[k].text)
                j = k + 1
        word_number = not t[:1].isdigit()
        if unit is None and scale == 1 and word_number:
            i += 1  # a bare number word ("ein", "zwei") is no quantity on its own
            continue
        approx_word = None
        start = tokens[i - 1].start if unit and i > 0 and tokens[i - 1].text in parser.prefix_units else tokens[i].start
        for a in parser.approximators:
            k = len(a)
            back = i - 1 if i > 0 and tokens[i - 1].text in parser.prefix_units else i
            if back - k >= 0 and tuple(x.text.lower() for x in tokens[back - k:back]) == a:
                approx_word = " ".join(a)
                start = tokens[back - k].start
                break
        q = Quantity(start, tokens[j - 1].end, val * scale, unit, approximate=approx_word is not None,
                     minutes=minutes, iso=iso, number_start=tokens[i].start, approx_word=approx_word)
        # "eine Stunde und 40 Minuten"
        if out and unit == "duration" and out[-1].unit == "duration" and out[-1].minutes is not None \
                and minutes is not None and i >= 1 and tokens[i - 1].text == parser.conjunction \
                and out[-1].end == tokens[i - 2].end:
            prev = out.pop()
            q = Quantity(prev.start, q.end, prev.minutes + minutes, "duration", prev.approximate,
                         prev.minutes + minutes, "PT%dM" % round(prev.minutes + minutes), prev.number_start,
                         prev.approx_word)
        out.append(q)
        i = j
    return out


def _iso(value: float, designator: str) -> str:
    v = int(value) if float(value).is_integer() else value
    if designator.startswith("T"):
        return f"PT{v}{designator[1:]}"
    return f"P{v}{designator}"
