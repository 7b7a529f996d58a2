"""Raw inputs to :class:`~sitrep.model.Article`: decoding, HTML or text, cleaning, dates.

Every problem with an input raises an :class:`~sitrep.errors.InputError` subclass whose message
names what is wrong and what to do; callers record it and go on with the next document.
"""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from sitrep.clean import clean_text
from sitrep.errors import (
    BinaryInput,
    BrokenInput,
    EmptyInput,
    EncodingInput,
    LanguageInput,
    TooLargeInput,
)
from sitrep.extract.times.timexes import dateline_date
from sitrep.ingest.html import extract_html, looks_like_html
from sitrep.model import Article, Removed, content_id

MAX_BYTES = 20 * 1024 * 1024
"""Inputs larger than this (after decompression) are refused: split them or raise the limit."""
MAX_CHARS = 1_000_000
"""Article texts longer than this (spaCy's ``max_length``) are refused, not parsed."""

_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "said",
        "by",
        "it",
        "as",
        "at",
        "from",
        "he",
        "his",
        "are",
        "be",
        "has",
        "have",
        "an",
        "were",
        "not",
        "but",
        "had",
        "they",
        "this",
        "which",
        "its",
        "after",
        "who",
        "been",
        "their",
        "will",
        "or",
        "more",
        "than",
        "also",
    ]
)
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input document before cleaning, with whatever metadata came with it."""

    content: str
    source: str
    url: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    title: str | None = None
    is_html: bool | None = None


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode an input file's bytes to text, refusing empty, binary and undecodable data."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise BrokenInput(
                f"truncated or corrupt gzip data ({exc}); re-download or re-compress the file",
                source=source,
            ) from exc
    if len(data) > MAX_BYTES:
        raise TooLargeInput(
            f"{len(data):,} bytes is more than the {MAX_BYTES:,}-byte limit for one article; "
            "split the file (JSONL, WARC and feeds are read record by record)",
            source=source,
        )
    if not data.strip():
        raise EmptyInput("the file is empty; nothing to read", source=source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    sample = data[:65536]
    if b"\x00" in sample or _control_share(sample) > 0.05:
        raise BinaryInput(
            "the file is binary (not text or HTML); give sitrep the article's text or page",
            source=source,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:  # the commonest legacy encoding of English news pages
        text = data.decode("cp1252")
        if sum(1 for ch in text if ord(ch) < 0x250 or ch in "‘’“”–—€") >= 0.98 * len(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise EncodingInput(
            "the text is not UTF-8 and its encoding cannot be recognised; "
            "convert it to UTF-8 (e.g. `iconv -f LATIN1 -t UTF-8`)",
            source=source,
        )
    return str(best)


def _control_share(sample: bytes) -> float:
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / max(1, len(sample))


_SCRIPT_NAMES = {
    "CYRILLIC": "Cyrillic",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "CJK": "Chinese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali",
    "THAI": "Thai",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
    "ETHIOPIC": "Ethiopic",
    "TAMIL": "Tamil",
    "PERSIAN": "Arabic",
}


ACCENTED = "accented Latin"
"""The key of :func:`_scripts` for Latin letters with diacritics (é, ő, ř, ș, ã, ...)."""
ACCENTED_SHARE = 0.015
"""Share of accented Latin letters above which a text is not English: under 0.3% in every
English article of the real sets and 0 in the BBC corpus; 1.7-6% in the French, Portuguese,
Norwegian, German, Hungarian and Estonian reports of the real sets."""
ACCENTED_MIN_LETTERS = 200
"""Letters a text needs before its share of accented ones is judged."""


def _scripts(text: str) -> tuple[int, dict[str, int]]:
    """How many letters the text has, and how many of them are in each non-Latin script (and,
    under :data:`ACCENTED`, how many are Latin letters with diacritics)."""
    letters = 0
    other: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        if ch.isascii():
            continue
        head = unicodedata.name(ch, "").split(" ", 1)[0]
        name = (
            ACCENTED
            if head == "LATIN"
            else _SCRIPT_NAMES.get(head, head.title() or "another script")
        )
        other[name] = other.get(name, 0) + 1
    return letters, other


def check_english(text: str, *, source: str) -> None:
    """Refuse text that is clearly not English (sitrep's extractors read English only).

    Text mostly in another script (Cyrillic, Arabic, Chinese, ...) is refused whatever its
    length; Latin-script text of 20 words or more needs a share of common English words, no
    rival language's function words outnumbering them, and few accented letters.
    """
    sample = text[:20000]
    letters, other = _scripts(sample)
    accented = other.pop(ACCENTED, 0)
    foreign = sum(other.values())
    if letters and foreign / letters > 0.3:
        script = max(other, key=lambda k: other[k])
        raise LanguageInput(
            f"the text is not English: {foreign / letters:.0%} of its letters are {script}; "
            "sitrep's extractors read English only: translate it first",
            source=source,
        )
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 20:
        return
    share = sum(1 for w in words if w in _ENGLISH) / len(words)
    if share < 0.08:
        raise LanguageInput(
            f"the text does not look like English ({share:.0%} common English words); "
            "sitrep's extractors read English only: translate it first",
            source=source,
        )
    rival = _rival_language(sample)
    if rival is not None:
        name, theirs, ours = rival
        raise LanguageInput(
            f"the text reads as {name} ({theirs:.0%} of its words are {name} function words, "
            f"{ours:.0%} English ones); sitrep's extractors read English only: translate it first",
            source=source,
        )
    if letters >= ACCENTED_MIN_LETTERS and accented / letters > ACCENTED_SHARE:
        raise LanguageInput(
            f"the text does not look like English: {accented / letters:.1%} of its letters are "
            "accented Latin letters (é, ő, ř, ã...), which English news almost never has; "
            "sitrep's extractors read English only: translate it first",
            source=source,
        )


# Latin-script languages told apart from English by their function words (spaCy's stop-word
# lists, offline): a text whose words are more theirs than English is theirs, even with English
# names and quotes in it (a machine-spun Portuguese repost of an English wire story).
RIVAL_LANGUAGES = {
    "fr": "French",
    "pt": "Portuguese",
    "es": "Spanish",
    "de": "German",
    "it": "Italian",
    "nl": "Dutch",
    "nb": "Norwegian",
    "da": "Danish",
    "sv": "Swedish",
    "pl": "Polish",
    "id": "Indonesian",
    "tr": "Turkish",
    "ca": "Catalan",
    "ro": "Romanian",
    "hu": "Hungarian",
    "cs": "Czech",
    "sk": "Slovak",
    "sl": "Slovenian",
    "hr": "Croatian",
    "fi": "Finnish",
    "et": "Estonian",
    "lv": "Latvian",
    "lt": "Lithuanian",
    "af": "Afrikaans",
    "sq": "Albanian",
    "ms": "Malay",
    "tl": "Tagalog",
    "az": "Azerbaijani",
    "vi": "Vietnamese",
}
RIVAL_MARGIN = 1.25  # their share must beat English's by this factor
_LETTERS = re.compile(r"[^\W\d_]+")


def _stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words of one language, read from its ``stop_words`` module alone: importing
    it as ``spacy.lang.<code>.stop_words`` first runs the language package's ``__init__`` (for
    French, tokenizer exceptions whose regular expressions take seconds to compile)."""
    lang = importlib.util.find_spec("spacy.lang")
    assert lang is not None and lang.submodule_search_locations
    path = Path(next(iter(lang.submodule_search_locations))) / code / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_sitrep_stop_words_{code}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


@lru_cache(maxsize=1)
def _function_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    english = _stop_words("en")
    rivals = {name: _stop_words(code) - english for code, name in RIVAL_LANGUAGES.items()}
    return english, rivals


def _rival_language(sample: str) -> tuple[str, float, float] | None:
    """The language whose function words outnumber English's in the text, with both shares."""
    words = [w.lower() for w in _LETTERS.findall(sample)]
    if len(words) < 20:
        return None
    english, rivals = _function_words()
    ours = sum(1 for w in words if w in english) / len(words)
    shares = {name: sum(1 for w in words if w in fw) / len(words) for name, fw in rivals.items()}
    name = max(shares, key=lambda k: shares[k])
    return (name, shares[name], ours) if shares[name] > RIVAL_MARGIN * ours else None


def article_id(text: str) -> str:
    """The article's content hash: whitespace- and case-insensitive."""
    return content_id(" ".join(text.split()).lower())


def url_outlet(url: str) -> str | None:
    """The outlet a page's address names: its host without ``www.`` (None for an address
    with no host, such as a file path)."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host or None


def to_article(raw: RawDoc) -> Article:
    """Turn one raw document into a cleaned Article (HTML through trafilatura)."""
    content = raw.content
    if not content.strip():
        raise EmptyInput("the document is empty; nothing to read", source=raw.source)
    is_html = raw.is_html if raw.is_html is not None else looks_like_html(content)
    url, outlet, title, author = raw.url, raw.outlet, raw.title, None
    outlet_source = "given" if outlet else None
    published, published_source = raw.published, ("given" if raw.published else None)
    removed: tuple[Removed, ...] = ()
    if is_html:
        try:
            page = extract_html(content, url=url)
        except (EmptyInput, BrokenInput) as exc:
            exc.source = raw.source
            raise
        text = page.text
        url = url or page.url
        title = title or page.title
        author = page.author
        if not outlet and page.outlet:
            outlet, outlet_source = page.outlet, "metadata"
        if not published and page.published:
            published, published_source = page.published, "metadata"
    else:
        cleaned = clean_text(content)
        text, removed = cleaned.text, cleaned.removed
        if not outlet and cleaned.outlet_hint:
            outlet, outlet_source = cleaned.outlet_hint, "residue"
    if not outlet and url and (host := url_outlet(url)):
        outlet, outlet_source = host, "url"
    if not text.strip():
        raise EmptyInput("nothing is left after removing page residue", source=raw.source)
    if len(text) > MAX_CHARS:
        raise TooLargeInput(
            f"the article is {len(text):,} characters, over the {MAX_CHARS:,} that the parser "
            "takes: split it into articles",
            source=raw.source,
        )
    check_english(text, source=raw.source)
    if not published:
        found = dateline_date(text)
        if found:
            published, published_source = found, "dateline"
    return Article(
        id=article_id(text),
        text=text,
        url=url,
        outlet=outlet,
        outlet_source=outlet_source,
        title=title,
        author=author,
        published=published,
        published_source=published_source,
        source_path=raw.source,
        removed=removed,
    )


def parse_date(value: dt.date | str | None) -> dt.date | None:
    """A date from a date or an ISO string (a datetime string keeps its day)."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from exc


def article_from_string(
    text_or_html: str,
    *,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str = "<string>",
) -> Article:
    """Build an Article from a string of text or HTML (see :func:`to_article`)."""
    raw = RawDoc(
        content=text_or_html,
        source=source,
        url=url,
        published=parse_date(published),
        outlet=outlet,
        title=title,
    )
    return to_article(raw)


def read_file(path: Path) -> RawDoc:
    """Read one text or HTML file (``.gz`` transparently) into a RawDoc."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BrokenInput(f"cannot read the file ({exc.strerror})", source=source) from exc
    content = decode_bytes(data, source=source)
    name = path.name.lower().removesuffix(".gz")
    is_html: bool | None = None
    if name.endswith((".html", ".htm", ".xhtml")):
        is_html = True
    return RawDoc(content=content, source=source, is_html=is_html)
