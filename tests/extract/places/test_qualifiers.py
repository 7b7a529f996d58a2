"""Qualified names, divisions named by their largest town, and names that are no place
(issue 15). General rules, with names from no scored set."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.extract.places import gazetteer as gz
from sitrep.extract.places.qualifiers import _glued, camp_name
from sitrep.extract.places.resolve import places
from sitrep.model import Article, Place

pytestmark = pytest.mark.slow


def _places(nlp: Any, text: str) -> dict[str, Place]:
    from sitrep.nlp import parse

    found = places(parse(text, nlp=nlp), article=Article(id="t", text=text), demonyms=False)
    return {p.text: p for p in found}


def _km(p: Place, lat: float, lon: float) -> float:
    assert p.lat is not None and p.lon is not None
    return gz.distance_km(p.lat, p.lon, lat, lon)


def test_camp_name_drops_camp_words_and_article() -> None:
    assert camp_name("al nuseirat refugee camp") == "nuseirat"
    assert camp_name("el bureij camp") == "bureij"
    assert camp_name("camp") == "camp"


def test_glued_tokens_are_a_name_and_a_word() -> None:
    assert _glued("Syriahas")
    assert _glued("Ukrainebegan")
    assert not _glued("Kharkiv")
    assert not _glued("Londonderry")  # a town of its own
    assert not _glued("USA")


def test_a_region_word_names_the_division_at_its_own_point(nlp: Any) -> None:
    found = _places(nlp, "Shelling hit the Kharkiv region and Kherson Oblast on Monday.")
    city = gz.load().lookup("Kharkiv")[0]
    region = found["Kharkiv region"]
    assert region.precision == "region" and region.geonameid != city.geonameid
    assert _km(region, city.lat, city.lon) > 20  # the oblast's point, not the city's
    assert found["Kherson Oblast"].precision == "region"


def test_the_region_of_x_is_the_region(nlp: Any) -> None:
    found = _places(nlp, "Rescuers worked through the night in the region of Sumy.")
    assert found["Sumy"].precision == "region"


def test_a_village_in_a_region_lies_in_that_region(nlp: Any) -> None:
    # a village no gazetteer knows: placed in its region, approximately
    text = "Two people died in Novozorianivka, a village in Ukraine's Kherson region."
    found = _places(nlp, text)
    village, region = found["Novozorianivka"], found["Kherson region"]
    assert village.country == "UA" and village.precision == "region"
    assert (village.lat, village.lon) == (region.lat, region.lon)
    assert region.country == "UA" and region.precision == "region"


def test_a_qualifier_picks_the_namesake_inside_it(nlp: Any) -> None:
    found = _places(nlp, "Ukrainian forces shelled New York, a town in the Donetsk region.")
    town = found["New York"]
    assert town.country == "UA" and town.precision == "city"


def test_a_district_picks_its_namesake_over_the_regions_first_reading(nlp: Any) -> None:
    # several Serhiivkas lie in the Odesa region; the district named holds one of them, on
    # the coast, not the one the region alone would give
    found = _places(nlp, "Rescuers worked in Serhiivka, Bilgorod-Dnistrovsky district, all night.")
    village = found["Serhiivka"]
    assert village.country == "UA" and _km(village, 46.03, 30.38) < 5


def test_a_famous_name_is_not_a_village_known_by_it_elsewhere(nlp: Any) -> None:
    text = "Russian troops advanced in the Donetsk region. A protest was held in New York."
    assert _places(nlp, text)["New York"].country == "US"


def test_organisations_and_families_are_no_places(nlp: Any) -> None:
    text = "Hezbollah said the strike killed three. The Ahmed family fled to Beirut."
    found = _places(nlp, text)
    assert "Hezbollah" not in found and "Ahmed" not in found
    assert found["Beirut"].country == "LB"


def test_a_building_is_not_at_a_town_named_inside_its_name(nlp: Any) -> None:
    text = "Palestinian officials said a strike hit the Al-Awda al-Arabi Clinic in Jabalia."
    assert all(p.name != "Ārabī" for p in _places(nlp, text).values())


def test_palestinian_territories_and_congo(nlp: Any) -> None:
    found = _places(nlp, "Smoke rose over Gaza. Troops raided Jenin in the West Bank.")
    assert found["Gaza"].precision == "region" and found["Gaza"].country == "PS"
    assert _km(found["Gaza"], 31.5, 34.45) < 25  # the Strip, not the West Bank
    assert found["West Bank"].precision == "region"
    congo = _places(nlp, "Dozens were killed in eastern Congo on Friday.")["Congo"]
    assert congo.country == "CD" and congo.precision == "country"


def test_an_unknown_province_is_not_a_street_of_the_city(nlp: Any) -> None:
    text = (
        "Goma was shelled again. Residents of Goma fled. Aid reached Goma on Monday, "
        "and camps in Lomami Province filled."
    )
    found = _places(nlp, text)
    province = found.get("Lomami Province")
    assert province is None or province.name != "Goma"


def test_an_armed_unit_named_after_a_town_is_no_place(nlp: Any) -> None:
    found = _places(nlp, "Fighters of the Aidar Battalion held the line near Kharkiv.")
    assert all("Aidar" not in t for t in found) and found["Kharkiv"].country == "UA"


def test_a_village_spelt_otherwise_in_its_named_region() -> None:
    import sitrep

    rec = sitrep.extract(
        "A missile killed five people in the village of Velyka Novoselka in Ukraine's "
        "Donetsk region.",
        published="2024-01-01",
    )
    assert [c.place.name for c in rec.casualties if c.place] == ["Velyka Novosilka"]


def test_a_name_in_a_city_lies_in_that_city(nlp: Any) -> None:
    # the gazetteer's only "Lido Beach" is in New York; the text says which city holds it
    text = (
        "Mogadishu attack\n\nA tragic attack on Lido Beach in Mogadishu, Somalia, resulted in "
        "the deaths of over 30 people.\n"
    )
    beach = _places(nlp, text)["Lido Beach"]
    assert beach.country == "SO" and _km(beach, 2.04, 45.34) < 25


def test_in_a_city_needs_in_right_after_the_name(nlp: Any) -> None:
    # a town further on is no container: "Chebaa" of Lebanon stays where it is
    text = (
        "Lebanon and Israel\n\nRockets were fired from Chebaa towards the north of Israel "
        "and landed in Majdal Shams, officials in Lebanon said.\n"
    )
    found = _places(nlp, text)
    assert "Chebaa" not in found or found["Chebaa"].country != "SY"


def test_a_village_in_a_township_lies_near_the_town_the_township_is_named_after(
    nlp: Any,
) -> None:
    text = "At least 100 people were killed when jets bombed Pazigyi village in Kanbalu township."
    found = _places(nlp, text + " Myanmar's junta denied it.")
    village = found["Pazigyi village"]
    assert village.name == "Pazigyi" and village.lat is not None and village.lon is not None
    assert _km(village, 23.0044, 95.9209) < 5  # the village, not Kanbalu 47 km away


def test_a_region_of_no_one_country_holds_the_towns_near_it() -> None:
    from sitrep.extract.places import gazetteer as gz
    from sitrep.extract.places.qualifiers import inside

    g = gz.load()
    kashmir = next(e for e in g.lookup_key("kashmir") if e.kind == "region")
    assert inside(g.lookup_key("pahalgam")[0], kashmir)
    assert not inside(g.lookup_key("lahore")[0], kashmir)
