"""Tests for sitrep.extract.quotes: quotation pairing, speakers, roles, cues and dates."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from sitrep.extract.quotes import quote_spans, quotes
from sitrep.model import Article, Quote, TimeRef
from sitrep.nlp import parse

pytestmark = pytest.mark.slow


def _quotes(nlp: Language, text: str, times: list[TimeRef] | None = None) -> list[Quote]:
    doc = parse(text, nlp=nlp)
    return quotes(doc, article=Article(id="t", text=text), times=times or [])


# (sentence, expected quote text, speaker, role, cue)
CASES: list[tuple[str, str, str | None, str | None, str | None]] = [
    (
        '"We will not give up a single village," the regional governor said on Friday.',
        "We will not give up a single village,",
        "the regional governor",
        None,
        "said",
    ),
    (
        "\u201cThe shelling did not stop all night,\u201d one resident told reporters.",
        "The shelling did not stop all night,",
        "one resident",
        None,
        "told",
    ),
    (
        '"Nobody here expected the convoy to come back," said Olena Petrenko, a nurse.',
        "Nobody here expected the convoy to come back,",
        "Olena Petrenko",
        "nurse",
        "said",
    ),
    (
        'Defence Minister Oleksii Reznikov said: "Our forces are holding every line."',
        "Our forces are holding every line.",
        "Oleksii Reznikov",
        "Defence Minister",
        "said",
    ),
    (
        '"The ceasefire is being broken every hour," French President Emmanuel Macron warned.',
        "The ceasefire is being broken every hour,",
        "Emmanuel Macron",
        "French President",
        "warned",
    ),
    (
        "\u201cWe buried four neighbours yesterday. The ground was frozen,\u201d a local priest"
        " said quietly.",
        "We buried four neighbours yesterday. The ground was frozen,",
        "a local priest",
        None,
        "said",
    ),
    (
        "The mayor told the BBC on Monday: \u201cThere is no water, no power and no heating"
        " in the eastern districts.\u201d",
        "There is no water, no power and no heating in the eastern districts.",
        "The mayor",
        None,
        "told",
    ),
    (
        '"They took our phones and our passports," one refugee lamented at the border.',
        "They took our phones and our passports,",
        "one refugee",
        None,
        "lamented",
    ),
    (
        "'The bridge is gone and the road is mined,' a police spokesman said.",
        "The bridge is gone and the road is mined,",
        "a police spokesman",
        None,
        "said",
    ),
    (
        '"Aid trucks are waiting at the crossing for a second day," the UN agency said in a'
        " statement.",
        "Aid trucks are waiting at the crossing for a second day,",
        "the UN agency",
        None,
        "said",
    ),
    (
        "\"The 'humanitarian corridor' was shelled within minutes,\" said a Red Cross official.",
        "The 'humanitarian corridor' was shelled within minutes,",
        "a Red Cross official",
        None,
        "said",
    ),
    (
        "\u201cNo,\u201d the commander replied when asked whether troops would withdraw.",
        "No,",
        "the commander",
        None,
        "replied",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker", "role", "cue"), CASES)
def test_quote_and_speaker(
    nlp: Language, text: str, content: str, speaker: str | None, role: str | None, cue: str | None
) -> None:
    found = _quotes(nlp, text)
    assert [q.text for q in found] == [content]
    q = found[0]
    assert q.speaker == speaker
    if role is not None:
        assert q.speaker_role is not None and role in q.speaker_role
    assert q.cue == cue
    assert text[q.start : q.end] == content
    assert q.speaker_start is not None and q.speaker_end is not None
    assert text[q.speaker_start : q.speaker_end].endswith(speaker.split()[-1] if speaker else "")


SCARE = [
    "The Kremlin calls the war a \u201cspecial military operation\u201d and says it is going"
    " to plan.",
    'Officials described the strike as "regrettable" but gave no details.',
    'State television showed what it called "liberated" villages near the river.',
    "The ministry said its so-called 'filtration' camps were closed last week.",
]


@pytest.mark.parametrize("text", SCARE)
def test_scare_quotes_are_not_quotes(nlp: Language, text: str) -> None:
    assert _quotes(nlp, text) == []


def test_pronoun_resolves_to_last_named_person(nlp: Language) -> None:
    text = (
        '"The city will hold," Mayor Vitali Klitschko said.\n\n'
        'The mayor spoke from a shelter. "We have food for two weeks," he added.'
    )
    found = _quotes(nlp, text)
    assert [q.speaker for q in found] == ["Vitali Klitschko", "Vitali Klitschko"]
    second = found[1]
    assert second.cue == "added"
    assert second.speaker_start is not None
    assert text[second.speaker_start : second.speaker_end] == "he"


def test_split_quote_continues_speaker(nlp: Language) -> None:
    text = (
        '"We heard the jets first," said Ivan Kovalenko, a farmer. '
        '"Then the whole street was on fire."'
    )
    found = _quotes(nlp, text)
    assert [q.text for q in found] == [
        "We heard the jets first,",
        "Then the whole street was on fire.",
    ]
    assert found[1].speaker == "Ivan Kovalenko"


def test_date_from_cue_clause() -> None:
    import spacy

    nlp = spacy.blank("en")
    text = '"Talks will resume," the envoy said on Tuesday.'
    i = text.index("Tuesday")
    day = dt.date(2022, 3, 1)
    times = [TimeRef("Tuesday", i, i + 7, "2022-03-01", begin=day, end_date=day)]
    assert quote_spans(text)[0].start == 1
    doc = nlp(text)
    assert quotes(doc, article=Article(id="t", text=text), times=times)[0].text == (
        "Talks will resume,"
    )


def test_date_attached_with_parse(nlp: Language) -> None:
    text = '"Talks will resume next week," the Turkish envoy said on Tuesday in Ankara.'
    i = text.index("Tuesday")
    day = dt.date(2022, 3, 1)
    times = [TimeRef("Tuesday", i, i + 7, "2022-03-01", begin=day, end_date=day)]
    (q,) = _quotes(nlp, text, times)
    assert q.date == day
    (q,) = _quotes(nlp, text)
    assert q.date is None


def test_quote_spans_pairs_straight_and_curly_marks() -> None:
    text = 'He said "one two three four" and \u201cfive six\u201d.\n"Unclosed run on'
    spans = [text[q.start : q.end] for q in quote_spans(text)]
    assert spans == ["one two three four", "five six", "Unclosed run on"]


def test_single_quotes_not_apostrophes() -> None:
    text = "Belarus' Belta agency and the soldiers' families waited for news."
    assert quote_spans(text) == []
