"""Morphology on demand: HanTa (Hannover Tagger, ships its German and English models) answers
whether a word form is a finite verb in Konjunktiv I ("verhindere", "sinke"), which no word list can
cover. Only lower-case words ending in -e are asked, and answers are cached per word form."""
from __future__ import annotations

from functools import lru_cache

_MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}


@lru_cache(maxsize=2)
def _tagger(lang: str):
    from HanTa import HanoverTagger as ht

    return ht.HanoverTagger(_MODELS[lang])


@lru_cache(maxsize=50_000)
def is_konjunktiv1_singular(word: str) -> bool:
    """True for a 3rd-person-singular Konjunktiv I form such as 'verhindere', 'gebe', 'sinke'.

    HanTa analyses these as a finite verb stem plus the finite suffix -e; in the third person of a
    news report (no 'ich') that suffix only occurs in Konjunktiv I."""
    if len(word) < 4 or not word.endswith("e") or not word.islower():
        return False
    lemma, morphemes, tag = _tagger("de").analyze(word, taglevel=3)
    if not (tag.endswith("(FIN)") and len(morphemes) >= 2 and morphemes[-1] == ("e", "SUF_FIN")):
        return False
    # a variant stem plus -e is a past tense ("hatte", "brachte") or Konjunktiv II ("trüge"), not Konjunktiv I
    return not morphemes[-2][1].endswith("_VAR")
