"""Mentions of people, states (also capitals used as metonyms and demonyms), organisations and places.

One pass over the tokens of each sentence with the language's gazetteer (longest match first, with
German genitive "-s"), then rules for what the gazetteer cannot list: demonym adjectives in all their
endings ("chinesischen"), hyphen and closed compounds ("APEC-Gipfels", "Ukrainekrieg"), and people
missing from the lexicon, found after a role noun ("US-Finanzminister Scott Bessent") or by a known
given name ("Markus Weber"). A second pass finds the surnames of people found that way.
"""
from __future__ import annotations

from typing import Optional

from ..model import FoundBy, Mention
from ..pipeline import Context, DocPerson, register
from ..resources import Entry, settings, tokenize_name



def _is_cap(t: str) -> bool:
    return t[:1].isupper() and t[:1].isalpha()


class MentionFinder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.lang = ctx.lang
        self.gaz = ctx.lang.gazetteer
        self.max_len = ctx.lang.max_len
        self.cfg = settings()["places"]
        g = ctx.lang.grammar["mentions"]
        self.particles = g["particles"]
        self.location_preps = g["location_prepositions"]
        self.adj_endings = tuple(g["adjective_endings"])
        self.genitive_endings = tuple(g["genitive_endings"])
        self.seen_people: set = set()
        self.local_surnames: dict = {}  # surname -> DocPerson (people not in the lexicon)

    # --- lookups -------------------------------------------------------------------------------
    def lookup(self, toks, i) -> tuple[Optional[Entry], int]:
        n = len(toks)
        longest = min(self.max_len, n - i) if toks[i].text in self.lang.first_tokens else 1
        for k in range(longest, 0, -1):
            key = tuple(t.text for t in toks[i:i + k])
            e = self.gaz.get(key)
            if e is not None:
                return e, k
            last = key[-1]
            for suf in self.genitive_endings:
                if last.endswith(suf) and len(last) > len(suf) + 2:
                    e = self.gaz.get(key[:-1] + (last[: -len(suf)],))
                    if e is not None:
                        return e, k
        return None, 0

    def demonym(self, tok: str, sentence_initial: bool) -> Optional[Entry]:
        e = self.gaz.get((tok,))
        if e is not None and e.sub == "adjective":
            return e  # a fixed-form demonym ("Chinese")
        if not (tok[:1].islower() or sentence_initial):
            return None
        tl = tok.lower()
        stems = self.lang.demonym_stems
        for e in self.adj_endings:
            if tl.endswith(e):
                stem = tl[: len(tl) - len(e)] if e else tl
                if stem in stems:
                    return stems[stem]
        if "-" in tl:
            return self.demonym(tok.rsplit("-", 1)[1], True) if tok.rsplit("-", 1)[1] else None
        return None

    def role_of(self, tok: str, genitive: bool = False) -> Optional[tuple]:
        """(role, implied actor, prefix length, prefix entry) for a role noun, or None; with genitive,
        also its genitive form ("nach Angaben des Kanzlers")."""
        roles = self.lang.roles
        if tok in roles:
            role, actor = roles[tok]
            return role, actor, 0, None
        for suf in self.genitive_endings if genitive else ():
            if tok.endswith(suf) and tok[:-len(suf)] in roles:
                role, actor = roles[tok[:-len(suf)]]
                return role, actor, 0, None
        if "-" in tok:
            head, rest = tok.split("-", 1)
            if rest in roles:
                role, actor = roles[rest]
                pe = self.gaz.get((head,))
                if pe is not None and pe.kind in ("actor", "organization"):
                    return role, pe.actor or actor, len(head), pe
                return role, actor, 0, None
        return None

    # --- the pass ------------------------------------------------------------------------------
    def run(self) -> None:
        ctx = self.ctx
        taken = [(m.start, m.end) for m in ctx.mentions]
        for si, toks in enumerate(ctx.tokens):
            i = 0
            n = len(toks)
            while i < n:
                t = toks[i]
                if any(a <= t.start < b for a, b in taken):
                    i += 1
                    continue
                multi = self._multi_role(toks, i)
                if multi:
                    k, r = multi
                    used = self._role_person(si, toks, i + k - 1, (r[0], r[1], 0, None))
                    i += k + used
                    continue
                role = self.role_of(t.text)
                if role:
                    used = self._role_person(si, toks, i, role)
                    if role[3] is not None:  # "US-" of "US-Finanzminister"
                        self._add("actor", t.start, t.start + role[2], role[3], "role_prefix")
                    if used:
                        i += 1 + used
                        continue
                e, k = self.lookup(toks, i)
                if e is not None and self._take(si, toks, i, k, e):
                    i += k
                    continue
                if e is None and self._single(si, toks, i):
                    i += 1
                    continue
                used = self._given_name_person(si, toks, i)
                i += max(1, used)
        self._surnames()

    def _add(self, kind, start, end, e: Optional[Entry], rule, **kw) -> Mention:
        text = self.ctx.doc.text
        m = Mention(kind, text[start:end], start, end, e.id if e else kw.pop("id", None),
                    name=e.name if e else kw.pop("name", None), actor=e.actor if e else kw.pop("actor", None),
                    found_by=FoundBy("mentions", rule), **kw)
        self.ctx.mentions.append(m)
        return m

    def _take(self, si, toks, i, k, e: Entry) -> bool:
        start, end = toks[i].start, toks[i + k - 1].end
        prev = toks[i - 1].text if i > 0 else ""
        if e.kind == "person":
            if e.sub == "weak" and (e.id or e.name) not in self.seen_people:
                e = next((o for o in e.others if (o.id or o.name) in self.seen_people), None)
                if e is None:
                    return False
            self.seen_people.add(e.id or e.name)
            role = self._role_before(toks, i)
            m = self._add("person", start, end, e, "lexicon_person", role=role)
            self._register_person(e.id or e.name, e.name, e.id, e.actor, m, e.person.roles if e.person else (),
                                  e.person.gender if e.person else None)
            return True
        if e.kind == "place":
            nxt = toks[i + k].text if i + k < len(toks) else ""
            nxt2 = toks[i + k + 1].text if i + k + 1 < len(toks) else ""
            country_after = nxt in (",", "(") and self.gaz.get((nxt2,)) is not None and self.gaz[(nxt2,)].kind == "actor"
            adj_before = i > 0 and self.demonym(prev, False) is not None
            if not (e.population >= self.cfg["free_population"] or prev in self.location_preps or country_after
                    or adj_before or prev in (":",)):
                return False
            self._add("place", start, end, e, "city_index")
            return True
        if e.kind == "actor" and e.sub == "capital" and prev in self.location_preps:
            self._add("place", start, end, e, "capital_as_place")
            return True
        rule = {"capital": "capital_metonym", "institution": "institution_metonym", "noun": "demonym_noun",
                "adjective": "demonym_adjective"}.get(e.sub, "state_name")
        self._add("organization" if e.kind == "organization" else "actor", start, end, e,
                  "organization" if e.kind == "organization" else rule)
        return True

    def _single(self, si, toks, i) -> bool:
        t = toks[i]
        d = self.demonym(t.text, i == 0)
        if d is not None:
            self._add("actor", t.start, t.end, d, "demonym_adjective")
            return True
        if "-" in t.text:
            head = t.text.split("-", 1)[0]
            e = self.gaz.get((head,))
            if e is None and head.endswith("s"):
                e = self.gaz.get((head[:-1],))
            if e is not None and e.kind in ("actor", "organization", "person") and e.sub != "weak":
                kind = {"actor": "actor", "organization": "organization", "person": "person"}[e.kind]
                m = self._add(kind, t.start, t.start + len(head), e, "hyphen_compound")
                if kind == "person":
                    self._register_person(e.id or e.name, e.name, e.id, e.actor, m, e.person.roles if e.person else ())
                return True
        if self.lang.grammar["mentions"].get("closed_compounds") and _is_cap(t.text) and t.text[1:].islower():
            for head, e in self._heads_for(t.text):
                rest = t.text[len(head):]
                if len(rest) >= 4 and rest.islower():
                    self._add("actor", t.start, t.start + len(head), e, "closed_compound")
                    return True
        return False

    def _heads_for(self, word: str):
        heads = self.lang.compound_heads
        for k in range(len(word) - 4, 3, -1):
            e = heads.get(word[:k])
            if e is not None:
                yield word[:k], e

    def _multi_role(self, toks, i):
        mr = self.lang.multi_roles
        if not mr:
            return None
        for k in (4, 3, 2):
            key = tuple(t.text for t in toks[i:i + k])
            if len(key) == k and key in mr:
                return k, mr[key]
        return None

    def _role_before(self, toks, i) -> Optional[str]:
        for j in (i - 1, i - 2):
            if j >= 0:
                r = self.role_of(toks[j].text)
                if r:
                    return toks[j].text
        return None

    def _actor_near_role(self, toks, i, role) -> Optional[str]:
        if role[1]:
            return role[1]
        for j in (i - 1, i - 2):
            if j >= 0:
                d = self.demonym(toks[j].text, False)
                if d is not None:
                    return d.actor
                e = self.gaz.get((toks[j].text,)) or (self.gaz.get((toks[j].text[:-1],)) if toks[j].text.endswith("s") else None)
                if e is not None and e.kind == "actor" and toks[j].text.endswith("s"):
                    return e.actor  # "Chinas Staatschef"
        return None

    def _name_after(self, toks, j) -> list:
        names = []
        n = len(toks)
        while j < n and len(names) < 4:
            t = toks[j].text
            if t in self.particles and names and j + 1 < n and _is_cap(toks[j + 1].text):
                names.append(toks[j])
                j += 1
                continue
            if not _is_cap(t) or not t.replace("-", "").replace(".", "").replace("'", "").isalpha():
                break
            e = self.gaz.get((t,))
            if e is not None and e.kind != "person" and not (names and e.kind == "place"):
                break
            if self.role_of(t) or t in self.lang.dates["months"] or t in self.lang.dates["weekdays"]:
                break
            names.append(toks[j])
            j += 1
        return names

    def _role_person(self, si, toks, i, role) -> int:
        """A role noun followed by a name not in the lexicon; returns the tokens used after the role."""
        j = i + 1
        # an apposition set off by commas: "Japan's chief negotiator, Ryosei Akazawa, said"
        apposition = j < len(toks) and toks[j].text == ","
        if apposition:
            j += 1
        e, k = self.lookup(toks, j) if j < len(toks) else (None, 0)
        if e is not None and e.kind == "person":
            return 0  # the lexicon handles it; the role is found again by _role_before
        names = self._name_after(toks, j)
        if len(names) < 2:
            return 0
        after = toks[j + len(names)].text if j + len(names) < len(toks) else "."
        if apposition and after not in (",", ")"):
            return 0  # only a name closed by a second comma is the role's
        if not (names[0].text in self.lang.given_names or not _is_cap(after) or after in ",.;:)("):
            return 0
        start, end = names[0].start, names[-1].end
        actor = self._actor_near_role(toks, i, role)
        name = self.ctx.doc.text[start:end]
        m = self._add("person", start, end, None, "role_name", name=name, actor=actor, role=toks[i].text)
        self._register_person(name, name, None, actor, m, (role[0],))
        self._remember_surname(names, name)
        return len(names) + int(apposition)

    def _remember_surname(self, names, name) -> None:
        """The word a later mention uses for the person: the last name, or the first when the last is a
        given name that follows the family name (grammar.toml mentions.given_name_last: "Lee Jae-myung" -> "Lee")."""
        last = names[-1].text
        family_first = len(names) == 2 and self.lang.grammar["mentions"]["given_name_last"].match(last)
        self.local_surnames[names[0].text if family_first else last] = name

    def _role_apposition(self, toks, i) -> bool:
        """Whether the name starting at toks[i] is followed by a role set off by a comma: "Mykhailo
        Podolyak, an adviser to President Zelensky" (grammar.toml: mentions.apposition_articles)."""
        if not _is_cap(toks[i].text) or i + 2 >= len(toks):
            return False  # the common case, decided without scanning a name
        if i > 0 and toks[i - 1].text not in (",", ".", ";", ":", "(", "–", "—", "-") and _is_cap(toks[i - 1].text):
            return False  # inside a longer capitalised run
        names = self._name_after(toks, i)
        j = i + len(names)
        if not 2 <= len(names) <= 3 or j >= len(toks) or toks[j].text != ",":
            return False
        arts = self.lang.grammar["mentions"].get("apposition_articles", [])
        k = j + 1
        if k < len(toks) and toks[k].text in arts:
            k += 1
        # the role noun, after at most one adjective ("ein enger Berater", "a senior adviser")
        return any(k + d < len(toks) and self.role_of(toks[k + d].text) for d in (0, 1))

    def _given_name_person(self, si, toks, i) -> int:
        t = toks[i].text
        if t not in self.lang.given_names and not self._role_apposition(toks, i):
            return 0
        names = self._name_after(toks, i)
        if len(names) < 2:
            return 0
        after = toks[i + len(names)].text if i + len(names) < len(toks) else "."
        if _is_cap(after) and after not in ",.;:)(":
            return 0
        start, end = names[0].start, names[-1].end
        name = self.ctx.doc.text[start:end]
        m = self._add("person", start, end, None, "given_name", name=name)
        self._register_person(name, name, None, None, m, ())
        self._remember_surname(names, name)
        return len(names)

    def _register_person(self, key, name, qid, actor, m: Mention, roles, gender=None) -> None:
        p = self.ctx.persons.get(key)
        if p is None:
            p = self.ctx.persons[key] = DocPerson(key, name, qid, actor, set(roles), gender=gender)
        if len(m.text.split()) >= 2 and not getattr(p, "named_as_written", False):
            # the full name as this document writes it ("Vladimir Medinsky" in English, "Wladimir Medinski" in German)
            name = m.text
            if tokenize_name(name) not in self.gaz:
                for suf in self.genitive_endings:
                    # "Donald Trumps" -> "Donald Trump": the lexicon knows the name without the genitive
                    if suf and name.endswith(suf) and tokenize_name(name[: -len(suf)]) in self.gaz:
                        name = name[: -len(suf)]
                        break
            p.name = name
            p.named_as_written = True
        if m.role:
            r = self.role_of(m.role)
            if r:
                p.roles.add(r[0])
                if p.gender is None:
                    suffix = self.lang.grammar["mentions"].get("female_role_suffix")
                    p.gender = "f" if suffix and m.role.endswith(suffix) else "m"  # "Ministerin"

        if p.actor is None and m.actor:
            p.actor = m.actor
        p.positions.append(m.start)

    def _surnames(self) -> None:
        if not self.local_surnames:
            return
        taken = [(m.start, m.end) for m in self.ctx.mentions]
        for toks in self.ctx.tokens:
            for t in toks:
                w = t.text[:-1] if t.text.endswith("s") and t.text[:-1] in self.local_surnames else t.text
                if w in self.local_surnames and not any(a <= t.start < b for a, b in taken):
                    p = self.ctx.persons[self.local_surnames[w]]
                    m = self._add("person", t.start, t.end, None, "surname", name=p.name, actor=p.actor)
                    p.positions.append(m.start)


@register("mentions", requires=("sentences",), assigns=("mentions", "persons"))
def mentions(ctx: Context) -> None:
    MentionFinder(ctx).run()
