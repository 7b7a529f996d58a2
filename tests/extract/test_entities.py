"""Tests for sitrep.extract.entities: kept labels, institutions headed by a nationality."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.entities import entities
from sitrep.nlp import parse

pytestmark = pytest.mark.slow

# Real-style news sentences written for these tests, each with every entity the extractor must
# return, in order, as (label, text): PERSON, ORG, GPE, LOC, NORP, FAC and EVENT, and
# institutions headed by a nationality or a country ("the Syrian health ministry" -> ORG
# "Syrian health ministry", "Ukraine's defence ministry"), which also keep their NORP/GPE.
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "The Syrian health ministry said 12 people were wounded in the strike on Idlib.",
        [("NORP", "Syrian"), ("ORG", "Syrian health ministry"), ("GPE", "Idlib")],
    ),
    (
        "Russian President Vladimir Putin met Chinese leader Xi Jinping in Beijing on Thursday.",
        [
            ("NORP", "Russian"),
            ("PERSON", "Vladimir Putin"),
            ("NORP", "Chinese"),
            ("PERSON", "Xi Jinping"),
            ("GPE", "Beijing"),
        ],
    ),
    (
        "The United Nations Security Council will meet on Friday to discuss the crisis in Sudan.",
        [("ORG", "United Nations Security Council"), ("GPE", "Sudan")],
    ),
    ("Fighting spread along the Dnipro River after the dam collapsed.", [("LOC", "Dnipro River")]),
    (
        "Thousands of Rohingya refugees have fled across the border into Bangladesh.",
        [("NORP", "Rohingya"), ("GPE", "Bangladesh")],
    ),
    (
        "Rescuers are searching the rubble of the Al-Shifa Hospital in Gaza City.",
        [("ORG", "Al-Shifa Hospital"), ("GPE", "Gaza City")],
    ),
    (
        "The Ukrainian armed forces said they had repelled an assault near Avdiivka.",
        [("NORP", "Ukrainian"), ("ORG", "Ukrainian armed forces"), ("GPE", "Avdiivka")],
    ),
    (
        "Delegates at the Munich Security Conference discussed the war in Ukraine.",
        [("ORG", "Munich Security Conference"), ("GPE", "Ukraine")],
    ),
    (
        "The Nigerian police said gunmen abducted 30 students in Kaduna state.",
        [("NORP", "Nigerian"), ("ORG", "Nigerian police"), ("GPE", "Kaduna")],
    ),
    (
        "Israeli jets struck targets in southern Lebanon overnight.",
        [("NORP", "Israeli"), ("GPE", "Lebanon")],
    ),
    (
        "Palestinian officials said the Rafah crossing would reopen on Monday.",
        [("NORP", "Palestinian"), ("GPE", "Rafah")],
    ),
    ("The Second World War ended nearly 80 years ago.", [("EVENT", "Second World War")]),
    (
        "NATO Secretary General Jens Stoltenberg said the alliance would not send troops.",
        [("ORG", "NATO"), ("PERSON", "Jens Stoltenberg")],
    ),
    (
        "The Iraqi interior ministry said the bomber struck a checkpoint near Baghdad.",
        [("NORP", "Iraqi"), ("ORG", "Iraqi interior ministry"), ("GPE", "Baghdad")],
    ),
    (
        "Haitian gangs led by Jimmy Cherizier attacked the national palace in Port-au-Prince.",
        [("NORP", "Haitian"), ("PERSON", "Jimmy Cherizier"), ("GPE", "Port-au-Prince")],
    ),
    (
        "The Pakistani foreign office summoned the Afghan envoy in Islamabad.",
        [
            ("NORP", "Pakistani"),
            ("ORG", "Pakistani foreign office"),
            ("NORP", "Afghan"),
            ("GPE", "Islamabad"),
        ],
    ),
    ("Smoke rose over the Gaza Strip on Sunday morning.", [("GPE", "Gaza Strip")]),
    (
        "The European Union announced new sanctions against Iran on Monday.",
        [("ORG", "European Union"), ("GPE", "Iran")],
    ),
    (
        "Hurricane Otis devastated Acapulco in October 2023.",
        [("EVENT", "Hurricane Otis"), ("GPE", "Acapulco")],
    ),
    (
        "The Ukrainian prosecutor general's office opened an investigation into the killings.",
        [("NORP", "Ukrainian"), ("ORG", "Ukrainian prosecutor general's office")],
    ),
    (
        "The Turkish coast guard rescued 40 migrants in the Aegean Sea.",
        [("NORP", "Turkish"), ("ORG", "Turkish coast guard"), ("LOC", "Aegean Sea")],
    ),
    (
        "Amnesty International called for an independent inquiry.",
        [("ORG", "Amnesty International")],
    ),
    (
        "Egyptian mediators travelled to Doha for the talks.",
        [("NORP", "Egyptian"), ("GPE", "Doha")],
    ),
    (
        "The Russian foreign ministry summoned the British ambassador.",
        [("NORP", "Russian"), ("ORG", "Russian foreign ministry"), ("NORP", "British")],
    ),
    (
        "The blast at the port of Beirut killed more than 200 people in August 2020.",
        [("GPE", "Beirut")],
    ),
    (
        "Russian forces shelled the police station in Kupiansk.",
        [("NORP", "Russian"), ("ORG", "Russian forces"), ("GPE", "Kupiansk")],
    ),
    (
        "The Israeli army convoy entered the camp at dawn.",
        [("NORP", "Israeli"), ("ORG", "Israeli army")],
    ),
    (
        "Flights were suspended at Ben Gurion Airport after the rocket fire.",
        [("FAC", "Ben Gurion Airport")],
    ),
    ("Protesters gathered outside the Kremlin on Saturday.", [("ORG", "Kremlin")]),
    (
        "Shells landed near Boryspil International Airport.",
        [("FAC", "Boryspil International Airport")],
    ),
    (
        "The Golan Heights have been held by Israel since 1967.",
        [("LOC", "Golan Heights"), ("GPE", "Israel")],
    ),
    (
        "The Syrian army and its Russian allies pushed into Aleppo.",
        [("NORP", "Syrian"), ("ORG", "Syrian army"), ("NORP", "Russian"), ("GPE", "Aleppo")],
    ),
    (
        "The Lebanese army deployed troops along the Litani River.",
        [("NORP", "Lebanese"), ("ORG", "Lebanese army"), ("LOC", "Litani River")],
    ),
    (
        "Protesters marched across Tahrir Square in Cairo.",
        [("FAC", "Tahrir Square"), ("GPE", "Cairo")],
    ),
    (
        "The Sudanese health ministry said the cholera outbreak had spread.",
        [("NORP", "Sudanese"), ("ORG", "Sudanese health ministry")],
    ),
    ("The Indian Ocean tsunami killed about 230,000 people in 2004.", [("LOC", "Indian Ocean")]),
    (
        "The Olympic Games in Paris went ahead under heavy security.",
        [("EVENT", "Olympic Games"), ("GPE", "Paris")],
    ),
    (
        "Ukraine's defence ministry said 40 drones were shot down.",
        [("GPE", "Ukraine"), ("ORG", "Ukraine's defence ministry")],
    ),
    (
        "Gaza's health ministry updated the toll.",
        [("GPE", "Gaza"), ("ORG", "Gaza's health ministry")],
    ),
    (
        "The figures were released by the Ukrainian emergency service on Monday.",
        [("NORP", "Ukrainian"), ("ORG", "Ukrainian emergency service")],
    ),
    (
        "A spokesman for the Russian defence ministry declined to comment.",
        [("ORG", "Russian defence ministry")],
    ),
    (
        "President Emmanuel Macron spoke to reporters in Paris.",
        [("PERSON", "Emmanuel Macron"), ("GPE", "Paris")],
    ),
    ("Syrian refugees crossed into Turkey overnight.", [("NORP", "Syrian"), ("GPE", "Turkey")]),
    (
        "The World Health Organization warned of a cholera outbreak in Yemen.",
        [("ORG", "World Health Organization"), ("GPE", "Yemen")],
    ),
    (
        "Prime Minister Abiy Ahmed visited Mekele in December.",
        [("PERSON", "Abiy Ahmed"), ("GPE", "Mekele")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_entity_table(nlp: Language, sentence: str, expected: list[tuple[str, str]]) -> None:
    found = entities(parse(sentence, nlp=nlp))
    assert [(e.label, e.text) for e in found] == expected
    for e in found:
        assert sentence[e.start : e.end] == e.text


def test_table_covers_every_label() -> None:
    assert len(CASES) >= 40
    assert len({s for s, _ in CASES}) == len(CASES)
    labels = {label for _, expected in CASES for label, _ in expected}
    assert {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"} <= labels


def test_spans_point_into_text(nlp: Language) -> None:
    s = "Officials in Kenya said the Somali army had withdrawn."
    for e in entities(parse(s, nlp=nlp)):
        assert s[e.start : e.end] == e.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukrainian troops advanced slowly.",
        "Russian forces shelled the police station, officials said.",
        "Israeli jets struck targets in southern Lebanon overnight.",
    ],
)
def test_institution_stops_at_the_noun_phrase(nlp: Language, sentence: str) -> None:
    orgs = [e.text for e in entities(parse(sentence, nlp=nlp)) if e.label == "ORG"]
    assert all("police" not in o and "targets" not in o for o in orgs)
    if sentence.startswith("Ukrainian"):
        assert orgs == []
