from __future__ import annotations

import pytest

from sitrep.extract.entities import entities
from sitrep.nlp import parse

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "label", "text"),
    [
        ("The figures were released by the Ukrainian emergency service on Monday.", "ORG", "Ukrainian emergency service"),
        ("A spokesman for the Russian defence ministry declined to comment.", "ORG", "Russian defence ministry"),
        ("President Emmanuel Macron spoke to reporters in Paris.", "PERSON", "Emmanuel Macron"),
        ("Syrian refugees crossed into Turkey overnight.", "NORP", "Syrian"),
    ],
)
def test_entity_found(nlp: object, sentence: str, label: str, text: str) -> None:
    found = {(e.label, e.text) for e in entities(parse(sentence))}
    assert (label, text) in found


def test_spans_point_into_text(nlp: object) -> None:
    s = "Officials in Kenya said the Somali army had withdrawn."
    for e in entities(parse(s)):
        assert s[e.start : e.end] == e.text


def test_no_institution_without_head(nlp: object) -> None:
    found = {(e.label, e.text) for e in entities(parse("Ukrainian troops advanced slowly."))}
    assert not any(label == "ORG" for label, _ in found)
