"""Tests for sitrep.nlp: how text is cut into paragraphs before parsing."""

from __future__ import annotations

from itertools import pairwise

import pytest

from sitrep.nlp import paragraph_spans, parse


def _parts(text: str) -> list[str]:
    return [text[a:b] for a, b in paragraph_spans(text)]


def test_spans_cover_the_text_exactly() -> None:
    text = "Headline\nFirst sentence of a long paragraph that wraps\nonto the next line.\n\nEnd."
    spans = paragraph_spans(text)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b == c for (_, b), (c, _) in pairwise(spans))


def test_a_short_line_ends_its_paragraph() -> None:
    assert _parts("Don't Miss\nOfficials said 5 people were killed.") == [
        "Don't Miss\n",
        "Officials said 5 people were killed.",
    ]


def test_a_leading_date_stamp_is_parsed_apart() -> None:
    text = " date 2023-11-02 Officials in Gaza say 195 were killed.\nPublished: 2024-05-26T10:00Z The toll rose."
    assert _parts(text) == [
        " date 2023-11-02 ",
        "Officials in Gaza say 195 were killed.\n",
        "Published: 2024-05-26T10:00Z ",
        "The toll rose.",
    ]


def test_a_date_inside_a_sentence_stays() -> None:
    assert _parts("Reports from 2023-11-02 said 5 died.") == [
        "Reports from 2023-11-02 said 5 died."
    ]
    assert _parts("2023-11-02") == ["2023-11-02"]


def test_a_text_of_long_lines_is_one_paragraph_a_line() -> None:
    # a caption without a full stop before the lede: not hard-wrapped copy, so no run-on
    caption = "People in panic after strikes on the camp. Screengrab of video on social media"
    lede = (
        "Civil defence spokesman Mahmoud Bassal said two missiles struck several tents in the "
        "area, killing at least 16 people."
    )
    text = f"{caption}\n{lede}\n"
    spans = paragraph_spans(text)
    assert [text[a:b].strip() for a, b in spans] == [caption, lede]


def test_hard_wrapped_copy_stays_one_paragraph() -> None:
    text = (
        "GUERRILLAS ATTACKED A POLICE STATION IN THE TOWN OF SAN MIGUEL\n"
        "LAST NIGHT, KILLING FOUR POLICEMEN AND WOUNDING TWO CIVILIANS.\n"
    )
    assert len(paragraph_spans(text)) == 1


@pytest.mark.slow
def test_an_article_pass_sees_the_joined_paragraphs_when_its_component_is_loaded() -> None:
    from spacy.tokens import Doc

    from sitrep import nlp as nlp_mod

    seen: list[int] = []

    def article(doc: Doc) -> Doc:
        seen.append(len(list(doc.sents)))
        return doc

    saved = dict(nlp_mod._ARTICLE_PASSES)
    try:
        nlp_mod._ARTICLE_PASSES["sitrep_gazetteer"] = article
        nlp_mod.parse("First paragraph here.\n\nSecond paragraph here.")
        assert seen == [2]
        nlp_mod.parse("A bare pipeline.\n\nNo pass.", nlp=nlp_mod.load(gazetteer=False))
        assert seen == [2]
    finally:
        nlp_mod._ARTICLE_PASSES.clear()
        nlp_mod._ARTICLE_PASSES.update(saved)


def test_a_site_name_is_one_token_and_ends_no_sentence() -> None:
    doc = parse("This was announced by the mayor, Censor.NET reports. Nine people died.")
    assert "Censor.NET" in [t.text for t in doc]
    assert next(s.text for s in doc.sents).endswith("Censor.NET reports.")
    assert [t.text for t in parse("He left.Then he came.")][:3] == ["He", "left", "."]
