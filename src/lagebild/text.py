"""Tokens, sentences and clauses with character offsets.

A rule tokenizer (one regular expression) and a sentence splitter that knows German and English
abbreviations, ordinal numbers ("30. Oktober") and quotation marks. Fast and offset-exact.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-'’.]\w+)*\+?|[^\w\s]")

# Tokens ending in "." that do not end a sentence.
ABBREVIATIONS = frozenset("""
z.B bzw ca Dr Prof Nr St Mio Mrd Bio Jan Feb Apr Aug Sept Sep Okt Nov Dez usw etc vgl u.a d.h
o.ä z.T i.d.R Mr Mrs Ms Jr Sen Gen Rep Gov Inc Co Corp vs No U.S U.N e.g i.e S
""".split())

_BOUNDARY = re.compile(r"[.!?]+[“”\"»«’)\]]*(?=\s)|\n")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    index: int
    paragraph: int  # blocks separated by an empty line
    heading: bool  # a line without final punctuation (a title or subheading)


def tokens(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN_RE.finditer(text)]


def split_sentences(text: str, months: frozenset = frozenset(), ordinal_dot: bool = True) -> list[Sentence]:
    """Sentences of a text. ordinal_dot: a dot after a one- or two-digit number is an ordinal, not a
    sentence end (German "30. Oktober"); English has no such dot ("on August 1. It was …")."""
    out: list[Sentence] = []
    pos = 0
    cuts = []
    for m in _BOUNDARY.finditer(text):
        if m.group() == "\n":
            cuts.append((m.start(), m.end(), True))
            continue
        end = m.end()
        before = text[max(0, m.start() - 12):m.start()]
        word = re.search(r"([\w.]+)$", before)
        w = word.group(1) if word else ""
        after = text[end:end + 20].lstrip()
        if m.group().startswith(".") and len(m.group()) == 1:
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                continue
            if ordinal_dot and w.isdigit() and len(w) <= 2:
                continue  # "30. Oktober", "3. Runde"
            nxt = re.match(r"\w+", after)
            if nxt and nxt.group() in months and w.isdigit():
                continue
        if after and not (after[0].isupper() or after[0].isdigit() or after[0] in "„\"»«“‚'(–-"):
            continue
        cuts.append((m.start(), end, False))
    blank_lines = [m.start() for m in re.finditer(r"\n[ \t\r]*\n", text)]
    for cut_start, cut_end, is_newline in cuts:
        seg_end = cut_start if is_newline else cut_end
        _emit(text, pos, seg_end, out, bisect.bisect_left(blank_lines, pos))
        pos = cut_end
    _emit(text, pos, len(text), out, bisect.bisect_left(blank_lines, pos))
    return out


def _emit(text: str, start: int, end: int, out: list, para: int) -> None:
    seg = text[start:end]
    lstrip = len(seg) - len(seg.lstrip())
    rstrip = len(seg) - len(seg.rstrip())
    s, e = start + lstrip, end - rstrip
    if e <= s:
        return
    body = text[s:e]
    heading = not re.search(r"[.!?:“”\"»«)]\s*$", body) and len(body) < 160
    out.append(Sentence(s, e, body, len(out), para, heading))


_CLAUSE_CUT = re.compile(r"\s*(?:[,;]|\s[–—-]\s|\(|\))\s*")


def clauses(sentence: Sentence) -> list[tuple[int, int]]:
    """Clause spans of a sentence (absolute offsets). A colon does not cut: what follows it
    belongs to the clause before ("nicht zur Sprache kam: Taiwan")."""
    out = []
    pos = 0
    t = sentence.text
    for m in _CLAUSE_CUT.finditer(t):
        if m.start() > pos:
            out.append((sentence.start + pos, sentence.start + m.start()))
        pos = m.end()
    if pos < len(t):
        out.append((sentence.start + pos, sentence.end))
    return out
