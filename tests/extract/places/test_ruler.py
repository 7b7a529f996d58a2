"""The gazetteer ruler: places the small model misses or mislabels, and the names it must leave."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.extract.places.ruler import COMPONENT, add_gazetteer_ruler, candidates

pytestmark = pytest.mark.slow


def _gpes(nlp: Any, text: str) -> set[str]:
    from sitrep.nlp import parse

    return {e.text for e in parse(text, nlp=nlp).ents if e.label_ in ("GPE", "LOC", "FAC")}


FOUND = [
    ("Shells landed in central Kharkiv overnight.", "Kharkiv"),
    ("Aid lorries queued at the Rafah crossing for a third day.", "Rafah"),
    ("Fighting intensified near Vuhledar as the thaw set in.", "Vuhledar"),
    ("The foreign minister visited Mekele on Thursday.", "Mekele"),
    ("Residents of Lysychansk queued for water.", "Lysychansk"),
    ("Troops pulled back from the southern port of Kherson.", "Kherson"),
    ("The convoy arrived in Mykolaiv before dawn.", "Mykolaiv"),
    ("Fires burned near Bakhmut for a second day.", "Bakhmut"),
    ("Floods hit villages in Karnataka on Sunday.", "Karnataka"),
    # the object of an attack verb, though the model reads it as a person
    ("A Russian ballistic missile struck Kryvyi Rih, killing 16 people.", "Kryvyi Rih"),
]


@pytest.mark.parametrize(("sentence", "name"), FOUND)
def test_finds_places_with_a_cue(nlp: Any, sentence: str, name: str) -> None:
    assert name in _gpes(nlp, sentence)


LEFT = [
    ("President Jordan spoke to reporters.", "Jordan"),
    ("He took a pass from Henry and scored.", "Henry"),
    ("U2 frontman Bono met the finance minister on Tuesday.", "Bono"),
    ("Most Read stories of the week.", "Most"),
]


@pytest.mark.parametrize(("sentence", "name"), LEFT)
def test_leaves_people_and_words(nlp: Any, sentence: str, name: str) -> None:
    assert name not in _gpes(nlp, sentence)


def test_candidates_take_the_longest_match(nlp: Any) -> None:
    doc = nlp.make_doc("They flew from Rio de Janeiro to New York City.")
    keys = [key for _, _, key in candidates(doc)]
    assert "rio de janeiro" in keys
    assert any(k.startswith("new york") for k in keys)


def test_added_once_after_ner(nlp: Any) -> None:
    before = list(nlp.pipe_names)
    add_gazetteer_ruler(nlp)
    assert nlp.pipe_names == before
    assert nlp.pipe_names.index(COMPONENT) > nlp.pipe_names.index("ner")


def test_a_county_after_a_town_and_a_comma_is_a_place(nlp: Any) -> None:
    from sitrep.extract.places.ruler import _county_after_town
    from sitrep.nlp import parse

    doc = parse("Races are at Donington Park, Leicestershire, in April.", nlp=nlp)
    i = next(t.i for t in doc if t.text == "Leicestershire")
    assert _county_after_town(doc, i, "region")
    assert not _county_after_town(doc, i, "city")
    assert not _county_after_town(doc, 0, "region")


def test_a_town_of_a_war_zone_the_article_names_may_open_a_sentence(nlp: Any) -> None:
    text = (
        "Rockets hit the station in eastern Ukraine on Friday.\n\n"
        "Kramatorsk was one of the main evacuation routes out of the east."
    )
    assert "Kramatorsk" in _gpes(nlp, text)


def test_a_name_placed_once_is_that_place_throughout(nlp: Any) -> None:
    text = "Kramatorsk: 50 people died.\n\nKramatorsk, Donetsk region\n\nRescuers are at work."
    from sitrep.nlp import parse

    doc = parse(text, nlp=nlp)
    assert [e.label_ for e in doc.ents if e.text == "Kramatorsk"] == ["GPE", "GPE"]


def test_the_longest_gazetteer_name_holds_the_models_place(nlp: Any) -> None:
    # the model tags "Aden" alone; the water body named after the port is the place
    text = (
        "The US has stepped up strikes against the Houthis following a surge in Houthi "
        "attacks on merchant ships in the Red Sea and Gulf of Aden."
    )
    found = _gpes(nlp, text)
    assert "Gulf of Aden" in found and "Aden" not in found
