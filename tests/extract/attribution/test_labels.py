"""Tests for sitrep.extract.attribution.labels: speakers named by a label, not a cue verb."""

from __future__ import annotations

from sitrep.extract.attribution.labels import label_speaker


def _content(text: str, first_words: str) -> tuple[int, int]:
    start = text.index(first_words)
    return start, text.index('"', start)


def test_capitals_label_opening_a_transcript_quotation() -> None:
    text = 'Debate transcript:\n\n"MODERATOR: Welcome back to the town hall, everyone."'
    label = label_speaker(text, *_content(text, "MODERATOR"))
    assert label is not None and label.name == "MODERATOR"
    assert text[label.start : label.end] == "MODERATOR"


def test_quote_from_a_surname_grows_to_the_full_name() -> None:
    text = (
        "Source: Marta Kowal, head of the district, on Telegram\n\n"
        'Quote from Kowal: "Two bridges were damaged overnight."'
    )
    label = label_speaker(text, *_content(text, "Two bridges"))
    assert label is not None and label.name == "Marta Kowal"
    assert text[label.start : label.end] == "Kowal"


def test_bare_quote_label_takes_the_source_line() -> None:
    text = (
        "Source: Marta Kowal, head of the district, on Telegram\n\n"
        'Quote: "Two bridges were damaged overnight."'
    )
    label = label_speaker(text, *_content(text, "Two bridges"))
    assert label is not None and label.name == "Marta Kowal"


def test_no_label_no_speaker() -> None:
    text = 'The river rose again. "Two bridges were damaged overnight."'
    assert label_speaker(text, *_content(text, "Two bridges")) is None
