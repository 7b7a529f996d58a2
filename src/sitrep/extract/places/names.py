"""The lookup key of a place name: one spelling for "Kyïv", "KYIV" and "Kyiv"."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DOTS = re.compile(r"[.\u00b7]")
_DASHES = re.compile(r"[-\u2010-\u2015_/,]+")
_SAINT = re.compile(r"\bsaint\b")
_SAINTE = re.compile(r"\bsainte\b")


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """The lookup key of a name: ASCII-folded, lower case, punctuation-light (memoized: the
    same names recur in every article).

    Args:
        text: a place name as written ("Kyïv", "St. Petersburg", "Khar’kov").

    Returns:
        The key ("kyiv", "st petersburg", "khar'kov").
    """
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").lower()
    s = _DOTS.sub("", s)
    s = _DASHES.sub(" ", s)
    s = _SAINT.sub("st", s)
    s = _SAINTE.sub("ste", s)
    return " ".join(s.split())
