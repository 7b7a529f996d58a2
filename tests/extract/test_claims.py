"""Tests for sitrep.extract.claims: sources, stances, contents and contradiction links."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.claims import claims, contradicted, side
from sitrep.model import Article, CasualtyClaim, Claim, Evidence
from sitrep.nlp import parse

pytestmark = pytest.mark.slow


def _claims(nlp: Language, text: str, casualties: list[CasualtyClaim] | None = None) -> list[Claim]:
    doc = parse(text, nlp=nlp)
    return claims(doc, article=Article(id="t", text=text), casualties=casualties or [])


# (sentence, source, stance, a phrase the content must hold)
CASES: list[tuple[str, str, str, str]] = [
    (
        "The Polish border guard said 30,000 people crossed from Ukraine on Sunday.",
        "Polish border guard",
        "reports",
        "30,000 people crossed",
    ),
    (
        "Troops have encircled the airport, Russia's Interfax news agency reported.",
        "Interfax",
        "reports",
        "encircled the airport",
    ),
    (
        "Kyiv claims to have destroyed dozens of tanks near the capital.",
        "Kyiv",
        "claims",
        "to have destroyed",
    ),
    (
        "The Pentagon confirmed that a second carrier group had entered the region.",
        "Pentagon",
        "confirms",
        "second carrier group",
    ),
    (
        "The Kremlin denied that its forces had shelled the power plant.",
        "Kremlin",
        "denies",
        "shelled the power plant",
    ),
    (
        "Ukrainian officials disputed the casualty figures published by Moscow.",
        "Ukrainian officials",
        "disputes",
        "casualty figures",
    ),
    (
        "Witnesses said the convoy stretched for more than 60 kilometres.",
        "Witnesses",
        "reports",
        "convoy stretched",
    ),
    (
        "Three hospitals were damaged overnight, according to the regional health department.",
        "regional health department",
        "reports",
        "hospitals were damaged",
    ),
    (
        "The army alleged that rebels had used the school as a weapons depot.",
        "army",
        "claims",
        "used the school",
    ),
    (
        "Israel denies targeting aid workers and says the strike hit a militant position.",
        "Israel",
        "denies",
        "targeting aid workers",
    ),
    (
        "Residents reported heavy gunfire in the northern suburbs late on Thursday.",
        "Residents",
        "reports",
        "heavy gunfire",
    ),
    (
        "Interior Minister Denys Monastyrskyi admitted that the evacuation had started late.",
        "Denys Monastyrskyi",
        "confirms",
        "evacuation had started late",
    ),
    (
        "Turkey's state-run Anadolu news agency reported that the ships left port at dawn.",
        "Anadolu",
        "reports",
        "ships left port",
    ),
    (
        "Washington rejected the accusations that it had supplied the rebels with missiles.",
        "Washington",
        "denies",
        "accusations",
    ),
    (
        "The separatists insisted that the village remained under their control.",
        "separatists",
        "claims",
        "village remained under their control",
    ),
]


@pytest.mark.parametrize(("text", "source", "stance", "content"), CASES)
def test_source_stance_content(
    nlp: Language, text: str, source: str, stance: str, content: str
) -> None:
    found = _claims(nlp, text)
    assert found, text
    first = found[0]
    assert first.source == source
    assert first.stance == stance
    assert content in first.content
    assert first.evidence.text == text[first.evidence.start : first.evidence.end]


NOT_CLAIMS = [
    "The fighting has claimed hundreds of lives since the spring.",
    "Engineers repaired the bridge within two days.",
    "It is said that the factory was closed years ago.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(nlp: Language, text: str) -> None:
    assert _claims(nlp, text) == []


def test_pronoun_source_resolves(nlp: Language) -> None:
    text = (
        "Prime Minister Denys Shmyhal said the grid was stable. "
        "He added that repairs would take a week."
    )
    found = _claims(nlp, text)
    assert [c.source for c in found] == ["Denys Shmyhal", "Denys Shmyhal"]


def _casualty(cid: str, victims: str, perpetrator: str | None, source: str | None) -> CasualtyClaim:
    return CasualtyClaim(
        id=cid,
        kind="killed",
        count=10,
        low=10,
        high=10,
        hedge=None,
        evidence=Evidence(0, 1, "x"),
        victims=victims,
        perpetrator=perpetrator,
        source=source,
    )


def test_denial_links_contradicted_casualty_claims(nlp: Language) -> None:
    cas = [
        _casualty("c1", "civilians", "Russia", "Ukrainian prosecutors"),
        _casualty("c2", "soldiers", "Ukraine", "Russian defence ministry"),
        _casualty("c3", "civilians", None, "the mayor"),
    ]
    text = "Moscow denies attacking civilians and calls the reports staged."
    (denial,) = [c for c in _claims(nlp, text, cas) if c.stance == "denies"]
    assert denial.contradicts == ("c1",)


@pytest.mark.parametrize(
    ("source", "content", "expected"),
    [
        ("Moscow", "targeting civilians", ("a",)),
        ("the Kremlin", "killing civilians in the city", ("a",)),
        ("Kyiv", "shelling the residential district", ()),
        ("Kyiv", "killing soldiers", ("b",)),
        ("Moscow", "any involvement in the blast", ()),
        ("the rebels", "targeting civilians", ()),
    ],
)
def test_contradicted_rule(source: str, content: str, expected: tuple[str, ...]) -> None:
    cas = [
        _casualty("a", "civilians", "Russian forces", "Ukrainian emergency service"),
        _casualty("b", "Russian soldiers", None, "Russian defence ministry"),
    ]
    assert contradicted(source, content, cas) == expected


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Moscow", "RU"),
        ("Kremlin", "RU"),
        ("Ukrainian emergency service", "UA"),
        ("Washington", "US"),
        ("Russian forces", "RU"),
        ("the rebels", None),
    ],
)
def test_side(name: str, code: str | None) -> None:
    assert side(name) == code
