"""Tests for sitrep.extract.attribution.marks: quotation marks paired into spans."""

from __future__ import annotations

from sitrep.extract.attribution.marks import quote_spans, words


def test_unbalanced_curly_marks_start_a_new_quotation() -> None:
    text = "“First one never closed “Second one closes here.” done"
    spans = [text[q.start : q.end] for q in quote_spans(text)]
    assert spans == ["First one never closed", "Second one closes here."]


def test_words_counts_contractions_once() -> None:
    assert words("we’re not done yet") == 4


def test_a_stray_space_before_the_closing_mark_still_closes() -> None:
    text = 'The ferry stayed in port. "Nobody was hurt. The crew is safe, " the captain wrote.'
    spans = [text[q.start : q.end] for q in quote_spans(text)]
    assert spans == ["Nobody was hurt. The crew is safe,"]


def test_a_quotation_left_open_closes_on_the_next_line_without_an_opening_mark() -> None:
    text = (
        'The council issued a statement.\n\n"We will not give up. The city will be rebuilt.\n\n'
        'We will remember every one of them," the mayor said.'
    )
    spans = [text[q.start : q.end] for q in quote_spans(text)]
    assert spans == [
        "We will not give up. The city will be rebuilt.",
        "We will remember every one of them,",
    ]


def test_a_line_that_opens_its_own_quotation_continues_none() -> None:
    text = '"We will not give up.\n\nHe said “we are here” today.'
    spans = [text[q.start : q.end] for q in quote_spans(text)]
    assert spans == ["We will not give up.", "we are here"]


def test_a_quotation_runs_through_paragraphs_without_marks_to_the_one_that_closes_it() -> None:
    text = (
        'Quote from the governor: "Three people were killed in the first strike.\n\n'
        "The second strike hit a school. Two teachers were injured.\n\n"
        'Rescuers are still clearing the rubble."\n\n'
        "The governor spoke on television."
    )
    spans = [text[q.start : q.end] for q in quote_spans(text)]
    assert spans == [
        "Three people were killed in the first strike.",
        "The second strike hit a school. Two teachers were injured.",
        "Rescuers are still clearing the rubble.",
    ]


def test_paragraphs_after_a_quotation_never_closed_stay_outside_it() -> None:
    text = (
        'The mayor said: "Three people were killed in the first strike.\n\n'
        "The second strike hit a school, the police said.\n\n"
        '"We need help," a teacher told reporters.'
    )
    spans = [text[q.start : q.end] for q in quote_spans(text)]
    assert spans == ["Three people were killed in the first strike.", "We need help,"]
