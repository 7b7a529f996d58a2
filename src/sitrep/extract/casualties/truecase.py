"""Upper-case wire copy made readable for the parser: guessed case, same length.

spaCy reads "HECTOR OQUELI WAS KILLED" as a string of nouns and a lower-cased copy loses the
names altogether ("hector oqueli was killed"), so victims, places and perpetrators vanish.
:func:`truecase` lower-cases the text and capitalizes the words that are not common English
(absent from the lemmatizer's WordNet index and from the stop words), the first word of each
sentence and the word after a title ("msgr", "dr", "gen."). The result has exactly the length of
the input, so character offsets carry over.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep import nlp as nlp_mod
from sitrep.extract.casualties.numbers import words_to_int


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# A sentence starts at the text's start, after a sentence's end or a blank line (each perhaps
# with an opening quote), and at a quotation opened after a colon or comma ('SAID: "THE ...');
# not after a closing quote ('a "foreign commando" killed him') nor at a quoted word mid-sentence.
_SENT_START = re.compile(
    r"(?:^\"?\s*|[.!?]\"?\s+\"?\s*|\n\s*\n\s*\"?\s*|:\s*\"\s*|,\s+\"\s*)([a-z])"
)
# Abbreviations whose period does not end a sentence ("u.s. mormon", "gen. pinochet").
_ABBREVIATIONS = _words(
    "u.s u.n u.k gen dr mr mrs ms msgr col lt capt sgt st no maj rev prof jr sr gov sen rep "
    "dept corp inc ltd mt ft"
)
_TITLES = _words(
    "mr mrs ms msgr dr gen general col colonel maj major capt captain lt lieutenant sgt "
    "sergeant father mother sister brother bishop archbishop cardinal president minister "
    "senator deputy mayor judge attorney governor commander engineer professor prof rev "
    "comrade don dona"
)
_ALWAYS = _words(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)
# Lexicon words that are far more often names in this kind of copy than common nouns.
_NAMEY = _words("carlos hector rosa maria luis mario jose juan")
_SUFFIXES = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("ers", ""),
    ("er", ""),
    ("est", ""),
    ("'s", ""),
    ("ied", "y"),
)


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    """Common English word forms: the lemmatizer's WordNet index, its exceptions, stop words."""
    words: set[str] = set(STOP_WORDS)
    try:
        lookups = nlp_mod.load().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        index = lookups.get_table("lemma_index")
        for pos in ("noun", "verb", "adj", "adv"):
            words.update(w for w in index.get(pos, []) if w.isalpha())
        exc = lookups.get_table("lemma_exc")
        for pos in ("noun", "verb", "adj", "adv"):
            for form, lemmas in exc.get(pos, {}).items():
                words.add(form)
                words.update(lemmas)
    except (KeyError, ValueError):  # pragma: no cover - a model without lookups
        pass
    return frozenset(words - _NAMEY)


@lru_cache(maxsize=1)
def _non_nouns() -> frozenset[str]:
    """Word forms the lexicon knows as verbs, adjectives or adverbs."""
    words: set[str] = set()
    try:
        lookups = nlp_mod.load().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        index = lookups.get_table("lemma_index")
        for pos in ("verb", "adj", "adv"):
            words.update(index.get(pos, []))
    except (KeyError, ValueError):  # pragma: no cover
        pass
    return frozenset(words)


def _noun_only(word: str) -> bool:
    return word not in _non_nouns() and not word.endswith(("ed", "ing"))


def is_common_word(word: str) -> bool:
    """Whether a lower-case word (possibly inflected) is common English, not a name."""
    lex = _lexicon()
    if word in lex or len(word) <= 2 or words_to_int([word]) is not None:
        return True
    return any(
        word.endswith(suf) and len(word) > len(suf) + 1 and word[: -len(suf)] + rep in lex
        for suf, rep in _SUFFIXES
    )


def truecase(text: str) -> str:
    """``text`` lower-cased, with likely names and sentence starts capitalized (same length).

    Args:
        text: upper-case (or any) text.

    Returns:
        The guessed-case text; ``len(result) == len(text)``.

    Example:
        >>> truecase("GUERRILLAS KILLED HECTOR OQUELI IN ZACAPA.")
        'Guerrillas killed hector Oqueli in Zacapa.'
    """
    out = list(text.lower())
    prev = ""
    prev_end = 0
    prev_name_end = -2
    for m in _WORD.finditer(text):
        w = m.group().lower()
        # "luis carlos galan": a noun right after a name is part of it
        after_name = prev_name_end == m.start() - 1 and text[prev_name_end] == " "
        # a title capitalizes the next word only when that word follows it directly and is no
        # stop word: "msgr romero", not "the judge, a police commander" or "the mayor of"
        titled = prev in _TITLES and w not in STOP_WORDS and text[prev_end : m.start()].isspace()
        if (
            w in _ALWAYS
            or titled
            or not is_common_word(w)
            or (after_name and w not in STOP_WORDS and _noun_only(w))
        ):
            out[m.start()] = out[m.start()].upper()
            prev_name_end = m.end() if w not in _ALWAYS else -2
        prev, prev_end = w, m.end()
    low = text.lower()
    for m in _SENT_START.finditer(low):
        dot = low.rfind(".", 0, m.start(1))
        before = low[: dot if dot >= 0 else 0].rsplit(None, 1)
        if dot >= m.start() and before and before[-1].strip('[("') in _ABBREVIATIONS:
            continue
        out[m.start(1)] = out[m.start(1)].upper()
    return "".join(out)
