"""Tests for sitrep.extract.attribution.continued: one speaker for a quotation that runs on
across paragraphs (sentences written for these tests)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.attribution.continued import run_on_speakers
from sitrep.extract.attribution.marks import quote_spans
from sitrep.extract.attribution.quotes import quotes
from sitrep.model import Article, Quote
from sitrep.nlp import parse

pytestmark = pytest.mark.slow


def _quotes(nlp: Language, text: str) -> list[Quote]:
    doc = parse(text, nlp=nlp)
    return quotes(doc, article=Article(id="t", text=text), times=[])


def test_the_speaker_named_at_the_end_goes_back_to_the_open_paragraph() -> None:
    text = '"We will not give up.\n\n"We will remember them," the mayor said.'
    spans = quote_spans(text)
    at = text.index("the mayor")
    out = [
        Quote("We will not give up.", spans[0].start, spans[0].end),
        Quote("We will remember them,", spans[1].start, spans[1].end, "the mayor", at, at + 9),
    ]
    assert [q.speaker for q in run_on_speakers(text, spans, out)] == ["the mayor", "the mayor"]


def test_a_closed_quotation_keeps_its_own_speaker() -> None:
    text = '"We will not give up," she said.\n\n"We will remember them," the mayor said.'
    spans = quote_spans(text)
    out = [Quote("We will not give up,", spans[0].start, spans[0].end, "she", 24, 27)]
    at = text.index("the mayor")
    out.append(
        Quote("We will remember them,", spans[1].start, spans[1].end, "the mayor", at, at + 9)
    )
    assert [q.speaker for q in run_on_speakers(text, spans, out)] == ["she", "the mayor"]


@pytest.mark.parametrize(
    "second",
    [
        '"We will remember every one of the victims," the mayor, Ivan Petrov, said.',
        'We will remember every one of the victims," the mayor, Ivan Petrov, said.',
    ],
)
def test_a_quotation_that_runs_on_takes_the_speaker_named_where_it_ends(
    nlp: Language, second: str
) -> None:
    text = (
        "The council issued a statement on Friday.\n\n"
        '"We will not give up. The city will be rebuilt after the war.\n\n' + second
    )
    assert [q.speaker for q in _quotes(nlp, text)] == ["Ivan Petrov", "Ivan Petrov"]


def test_a_quotation_introduced_on_its_own_line_keeps_that_speaker(nlp: Language) -> None:
    text = (
        'The mayor, Oleh Bondar, said: "We will not give up. The city will be rebuilt.\n\n'
        '"We will remember every one of the victims," the governor, Ivan Petrov, said.'
    )
    assert [q.speaker for q in _quotes(nlp, text)] == ["Oleh Bondar", "Ivan Petrov"]


def test_a_labelled_quotation_gives_its_speaker_to_the_paragraphs_it_runs_on_into() -> None:
    from sitrep.pipeline import extract

    text = (
        "A missile struck the centre of the town on Monday evening, officials said.\n\n"
        "Source: Petro Ivanenko, head of the regional administration, on Telegram\n\n"
        'Quote from Ivanenko: "Three people were killed in the first strike.\n\n'
        "The second strike hit a school. Two teachers were injured.\n\n"
        'Rescuers are still clearing the rubble."\n\n'
        "The town has been shelled almost daily since the spring."
    )
    rec = extract(text)
    assert [q.speaker for q in rec.quotes] == ["Petro Ivanenko"] * 3
    teachers = next(c for c in rec.casualties if c.count == 2)
    assert teachers.kind == "injured" and teachers.source == "Petro Ivanenko"
    killed = next(c for c in rec.casualties if c.count == 3)  # the figure written as a word
    assert killed.source == "Petro Ivanenko"
