"""The war gazetteer in resolution (issue 15): villages in the units a note brackets, camps
and divisions the model does not tag, and no guess among far-apart namesakes."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.extract.places import war_gazetteer as wg
from sitrep.extract.places import war_places
from sitrep.extract.places.resolve import places
from sitrep.model import Article, Place

pytestmark = pytest.mark.slow


def _places(nlp: Any, text: str) -> dict[str, Place]:
    from sitrep.nlp import parse

    found = places(parse(text, nlp=nlp), article=Article(id="t", text=text), demonyms=False)
    return {p.text: p for p in found}


def test_one_place_needs_the_candidates_to_agree() -> None:
    far = wg.lookup("Hryhorivka", "UA")
    assert len(far) > 2 and war_places._one_place(far) is None  # many, far apart
    assert war_places._one_place(far[:1]) is far[0]


def test_an_unknown_name_needs_the_article_to_be_about_its_country() -> None:
    assert war_places.unknown("Al-Shati camp", {"PS": 1.0})[0] is not None
    assert war_places.unknown("Al-Shati camp", {"US": 1.0})[0] is None


def test_a_bracketed_village_is_found_in_its_units(nlp: Any) -> None:
    text = "On 4 May 2023, Russian forces shelled Borova (Izium raion, Kharkiv), killing 2."
    found = _places(nlp, text)
    village = found["Borova"]
    assert village.country == "UA" and village.precision == "city"
    assert abs(village.lat - 49.38) < 0.1 and abs(village.lon - 37.62) < 0.1  # not Borovaya
    assert found["Kharkiv"].precision == "region"  # the oblast, not the city


def test_a_camp_the_model_misses_is_a_place(nlp: Any) -> None:
    found = _places(nlp, "Israeli strikes hit the Al-Shati refugee camp in Gaza on Tuesday.")
    camp = next(p for t, p in found.items() if "Shati" in t)
    assert camp.country == "PS" and camp.precision == "city"


def test_a_region_word_in_a_war_zone_is_the_unit_at_its_own_point(nlp: Any) -> None:
    found = _places(nlp, "Shelling hit the Kharkiv region on Monday.")
    region = found["Kharkiv region"]
    unit = wg.admin_unit("Kharkiv region", "UA")
    assert unit is not None and region.precision == "region"
    assert (region.lat, region.lon) == (round(unit.lat, 5), round(unit.lon, 5))


def test_fragments_of_longer_names_are_no_places(nlp: Any) -> None:
    text = "A strike hit tents in the Tal al-Hawa area of western Khan Younis on Sunday."
    assert "Tal" not in _places(nlp, text)


def test_a_name_going_on_through_an_arabic_link_is_a_fragment(nlp: Any) -> None:
    from sitrep.extract.places.qualifiers import _fragment
    from sitrep.nlp import parse

    doc = parse("Tents burned in Tal al-Hawa and in Gaza-Egypt border areas.", nlp=nlp)
    words = [t.text for t in doc]
    assert _fragment(doc, words.index("Tal") + 1)
    assert not _fragment(doc, words.index("Gaza") + 1)  # "Gaza-Egypt": two names


def test_an_organisation_label_in_a_place_slot_is_a_village_the_war_gazetteer_knows(
    nlp: Any,
) -> None:
    from spacy.tokens import Span

    from sitrep.nlp import parse

    text = "Gunmen killed dozens in an attack on Markoye in northern Burkina Faso. Dablo Inc. sued."
    doc = parse(text, nlp=nlp)
    village = next(t.i for t in doc if t.text == "Markoye")
    firm = next(t.i for t in doc if t.text == "Dablo")
    country = [e for e in doc.ents if e.text == "Burkina Faso"]
    doc.ents = [Span(doc, village, village + 1, "ORG"), Span(doc, firm, firm + 2, "ORG"), *country]
    got = [doc[s:e].text for s, e in war_places._located(doc)]
    assert got == ["Markoye"]  # "Dablo Inc." is the subject, in no place slot


def test_a_russian_border_village_below_cities500_is_a_village_in_russia(nlp: Any) -> None:
    text = (
        "Officials said shelling hit Glotovo (Graivoron district, Belgorod region), wounding one."
    )
    found = _places(nlp, text)
    village = found["Glotovo"]
    assert village.country == "RU" and village.precision == "city"
    assert abs(village.lat - 50.43) < 0.1 and abs(village.lon - 35.59) < 0.1
    assert found["Belgorod region"].precision == "region"


def test_a_name_spelt_otherwise_is_found_in_the_region_the_article_names() -> None:
    import sitrep

    rec = sitrep.extract(
        "Shelling killed four people in the village of Velyka Novoselka on Sunday. The "
        "Donetsk region has seen heavy fighting, officials in Ukraine said.",
        published="2024-01-01",
    )
    village = next(p for p in rec.places if p.text == "Velyka Novoselka")
    assert village.name == "Velyka Novosilka" and village.precision == "city"
    assert war_places.variant("Zzyxqvwa camp", war_places.units_of([], {})) is None


def test_a_town_and_the_division_named_after_it_are_the_town() -> None:
    cands = wg.lookup("Zaporizhia", "UA")
    assert any(c.is_admin for c in cands) and any(not c.is_admin for c in cands)
    best = war_places._one_place(cands)
    assert best is not None and not best.is_admin and best.population > 500_000


def test_a_big_war_zone_city_is_placed_by_its_name_alone() -> None:
    # the article names only Russia, yet the city of 700,000 is the Ukrainian one
    found, _, precision = war_places.unknown("Zaporizhia", {"RU": 1.0})
    assert found is not None and found.country == "UA" and precision == "city"


def test_a_village_of_a_redrawn_district_is_found_in_its_region() -> None:
    # the record keeps the district the village lay in before the 2020 reform
    found = wg.within("Hroza", "Kupiansk district", "UA")
    assert [round(p.lat, 1) for p in found] == [49.7]


def test_a_village_in_a_division_taken_for_one_name_is_split(nlp: Any) -> None:
    text = "Missiles struck a cafe in the village of Hroza in Kharkiv Oblast, killing 51."
    found = _places(nlp, text)
    assert "Hroza" in found and round(found["Hroza"].lat, 1) == 49.7
    assert found["Kharkiv Oblast"].precision == "region"
