from __future__ import annotations

import datetime as dt
import gzip

import pytest

from sitrep.errors import (
    BinaryInput,
    BrokenInput,
    EmptyInput,
    EncodingInput,
    LanguageInput,
    TooLargeInput,
)
from sitrep.ingest import document
from sitrep.ingest.document import article_from_string, article_id, decode_bytes

BODY = (
    "Rebel fighters attacked an army post outside the town on Sunday, the defence ministry said. "
    "Three soldiers were wounded in the attack and the post was later retaken by the army.\n"
)


def test_decode_utf8_and_bom() -> None:
    assert decode_bytes("Kyiv – talks".encode(), source="a") == "Kyiv – talks"
    assert decode_bytes(b"\xef\xbb\xbfhello there", source="a") == "hello there"


def test_decode_latin1_fallback() -> None:
    text = "Les habitants de Saint-Étienne ont été évacués après l'explosion à la gare."
    assert decode_bytes(text.encode("latin-1"), source="a") == text


def test_decode_gzip() -> None:
    assert decode_bytes(gzip.compress(BODY.encode()), source="a") == BODY


@pytest.mark.parametrize(
    ("data", "exc"),
    [
        (b"", EmptyInput),
        (b"   \n\n", EmptyInput),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput),
        (gzip.compress(BODY.encode(), mtime=0)[:20], BrokenInput),
    ],
    ids=["empty", "blank", "png", "truncated-gzip"],
)
def test_bad_bytes(data: bytes, exc: type[Exception]) -> None:
    with pytest.raises(exc) as info:
        decode_bytes(data, source="bad.txt")
    assert "bad.txt" in str(info.value)


def test_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "MAX_BYTES", 100)
    with pytest.raises(TooLargeInput):
        decode_bytes(b"x " * 200, source="big.txt")


def test_undecodable(monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    class _Nothing:
        def best(self) -> None:
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: _Nothing())
    with pytest.raises(EncodingInput):
        decode_bytes(b"abc \x81\x8d\x8f\x90\x9d \xc3\x28 broken", source="enc.txt")


def test_non_english_refused() -> None:
    text = (
        "Las fuerzas del gobierno atacaron la ciudad durante la noche y los vecinos huyeron hacia "
        "el norte, según informaron las autoridades locales en un comunicado publicado el domingo."
    )
    with pytest.raises(LanguageInput):
        article_from_string(text)


def test_article_from_text_keeps_metadata() -> None:
    art = article_from_string(
        BODY, published="2023-05-07", outlet="Sahel Post", url="https://x.example/a"
    )
    assert art.published == dt.date(2023, 5, 7)
    assert art.outlet == "Sahel Post"
    assert art.published_source == "given"
    assert art.id == article_id(BODY)


def test_the_outlet_of_a_text_with_an_address_is_its_host() -> None:
    text = "Rescuers searched the rubble of the apartment block through the night, officials said."
    art = article_from_string(text, url="https://www.example-news.org/world/2024/strike")
    assert art.outlet == "example-news.org" and art.outlet_source == "url"
    given = article_from_string(text, url="https://www.example-news.org/a", outlet="Example News")
    assert given.outlet == "Example News" and given.outlet_source == "given"
    assert document.url_outlet("/data/articles/strike.txt") is None


def test_article_id_ignores_whitespace_and_case() -> None:
    assert article_id("A  b\nC") == article_id("a b c")
    assert article_id("a b c") != article_id("a b d")


def test_html_goes_through_trafilatura() -> None:
    html = (
        "<html><head><title>Strike hits depot</title>"
        '<meta property="og:site_name" content="Frontline Daily">'
        '<meta property="article:published_time" content="2023-04-02T08:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Strike hits depot</h1>"
        f"<p>{BODY}</p><p>Officials said repairs would take weeks and that the depot had been "
        "empty at the time of the strike, according to the regional governor.</p></article>"
        "<footer>Copyright Frontline Daily</footer></body></html>"
    )
    art = article_from_string(html)
    assert "Rebel fighters attacked" in art.text
    assert "Copyright" not in art.text
    assert art.title == "Strike hits depot"
    assert art.published == dt.date(2023, 4, 2)
    assert art.published_source == "metadata"


def test_function_words_are_spacys_without_running_the_language_packages() -> None:
    """The rival languages' stop words are read from spaCy's word lists alone: importing them
    as submodules would first run each language package (seconds of regex compiling for
    French), a cost every new process paid on its first article."""
    import importlib
    import subprocess
    import sys

    english, rivals = document._function_words()
    from spacy.lang.en.stop_words import STOP_WORDS

    assert english == frozenset(STOP_WORDS)
    fr = importlib.import_module("spacy.lang.fr.stop_words")
    assert rivals["French"] == frozenset(fr.STOP_WORDS) - english
    assert set(rivals) == set(document.RIVAL_LANGUAGES.values())
    code = (
        "import sys; from sitrep.ingest.document import _function_words; _function_words(); "
        "print(sorted(m for m in sys.modules if m.startswith('spacy.lang.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "spacy.lang.fr" not in out.stdout and "spacy.lang.de" not in out.stdout
