"""The gazetteer alias index: transliterations, countries, demonyms, the disk cache."""

from __future__ import annotations

import pytest

from sitrep.extract.places import build
from sitrep.extract.places import gazetteer as gz


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Kyïv", "kyiv"),
        ("St. Petersburg", "st petersburg"),
        ("Saint Petersburg", "st petersburg"),
        ("Khar’kov", "khar'kov"),
        ("Zaporizhzhia-Oblast", "zaporizhzhia oblast"),
        ("  New   York ", "new york"),
        ("Washington, D.C.", "washington dc"),
    ],
)
def test_normalize(raw: str, key: str) -> None:
    assert gz.normalize(raw) == key


@pytest.mark.parametrize(
    ("alias", "name", "country"),
    [
        ("Kiev", "Kyiv", "UA"),
        ("Kyiv", "Kyiv", "UA"),
        ("Kharkov", "Kharkiv", "UA"),
        ("Kharkiv", "Kharkiv", "UA"),
        ("Odessa", "Odesa", "UA"),
        ("Mariupol", "Mariupol", "UA"),
        ("Moscow", "Moscow", "RU"),
        ("Zaporozhye", "Zaporizhzhya", "UA"),
        ("Zaporizhzhia", "Zaporizhzhya", "UA"),
        ("Mykolaiv", "Mykolayiv", "UA"),
    ],
)
def test_city_aliases_find_the_big_city_first(alias: str, name: str, country: str) -> None:
    top = gz.load().lookup(alias)[0]
    assert (top.name, top.country, top.kind) == (name, country, "city")


@pytest.mark.parametrize(
    ("alias", "iso"),
    [
        ("US", "US"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("America", "US"),
        ("Britain", "GB"),
        ("UK", "GB"),
        ("United Kingdom", "GB"),
        ("Ukraine", "UA"),
        ("Belarus", "BY"),
        ("Russia", "RU"),
        ("South Korea", "KR"),
        ("Ivory Coast", "CI"),
        ("Czech Republic", "CZ"),
        ("Burma", "MM"),
        ("Soviet Union", "RU"),
    ],
)
def test_countries_and_their_common_names(alias: str, iso: str) -> None:
    countries = [e for e in gz.load().lookup(alias) if e.kind == "country"]
    assert countries, alias
    assert countries[0].country == iso


def test_country_points_are_inside_the_country() -> None:
    gaz = gz.load()
    ukraine = gaz.country("UA")
    assert ukraine is not None
    assert 44 < ukraine.lat < 53 and 22 < ukraine.lon < 41
    assert ukraine.geonameid == 690791
    usa = gaz.country("US")
    assert usa is not None and 30 < usa.lat < 45 and -110 < usa.lon < -85


def test_continents_states_and_counties() -> None:
    gaz = gz.load()
    europe = gaz.lookup("Europe")[0]
    assert europe.kind == "continent"
    assert gaz.lookup("EU")[0].kind == "continent"
    texas = next(e for e in gaz.lookup("Texas") if e.kind == "region")
    assert (texas.country, texas.admin1) == ("US", "TX")
    assert 27 < texas.lat < 35 and -105 < texas.lon < -94
    georgia = {e.kind for e in gaz.lookup("Georgia")}
    assert {"country", "region"} <= georgia
    assert "IL" in {e.admin1 for e in gaz.lookup("Cook County")}


def test_capitals_are_marked() -> None:
    gaz = gz.load()
    assert gaz.lookup("Kyiv")[0].capital
    assert gaz.lookup("Moscow")[0].capital
    assert not gaz.lookup("Kharkiv")[0].capital


def test_macro_regions() -> None:
    gaz = gz.load()
    assert gaz.lookup("Donbas")[0].kind == "region"
    assert gaz.lookup("Middle East")[0].kind == "region"


@pytest.mark.parametrize(
    ("word", "iso"),
    [
        ("Ukrainian", "UA"),
        ("Ukrainians", "UA"),
        ("Russian", "RU"),
        ("Russians", "RU"),
        ("Belarusian", "BY"),
        ("Syrian", "SY"),
        ("Israeli", "IL"),
        ("Israelis", "IL"),
        ("British", "GB"),
        ("American", "US"),
        ("Sri Lankan", "LK"),
        ("French", "FR"),
        ("Emirati", "AE"),
    ],
)
def test_demonyms(word: str, iso: str) -> None:
    assert gz.demonym_country(word) == iso


def test_not_demonyms() -> None:
    assert gz.demonym_country("Christian") is None
    assert gz.demonym_country("Democrat") is None


def test_state_abbreviations_need_their_periods() -> None:
    assert gz.expand_abbreviation("Va.") == "Virginia"
    assert gz.expand_abbreviation("Calif.") == "California"
    assert gz.expand_abbreviation("Mass") is None
    assert "mass" not in gz.load()


def test_common_words_are_not_indexed_as_big_places() -> None:
    gaz = gz.load()
    assert gaz.salience("read")[0] < 100_000
    assert gaz.salience("nonexistentplacename") == (-1, None)


def test_distance() -> None:
    kyiv, kharkiv = gz.load().lookup("Kyiv")[0], gz.load().lookup("Kharkiv")[0]
    d = gz.distance_km(kyiv.lat, kyiv.lon, kharkiv.lat, kharkiv.lon)
    assert 400 < d < 430
    assert gz.distance_km(10, 10, 10, 10) == 0


def test_a_fresh_load_reads_the_cache_without_rebuilding_it() -> None:
    # How fast it loads is a benchmark (`sitrep bench`, docs/benchmarks.md), not a test.
    gz.load()  # built or loaded once
    cache = gz.cache_path()
    assert cache.exists()
    before = cache.stat().st_mtime_ns
    fresh = gz.load.__wrapped__()
    assert len(fresh) > 100_000
    assert cache.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("Tamil Nadu", "IN", "25"),
        ("Ontario", "CA", "08"),
        ("British Columbia", "CA", "02"),
        ("Kent", "GB", "ENG"),
        ("Lancashire", "GB", "ENG"),
        ("Dagestan", "RU", "17"),
        ("Western Cape", "ZA", "11"),
        # Wholes made of their sides ("Cheshire East", "Cheshire West and Chester").
        ("Cheshire", "GB", "ENG"),
        ("Yorkshire", "GB", "ENG"),
        ("Sussex", "GB", "ENG"),
    ],
)
def test_provinces_and_counties_are_indexed(name: str, country: str, admin1: str) -> None:
    top = max(gz.load().lookup(name), key=lambda e: e.population)
    assert (top.kind, top.country, top.admin1) == ("region", country, admin1)


@pytest.mark.parametrize("name", ["Kherson", "Donetsk", "Aleppo", "Lviv"])
def test_a_division_does_not_take_its_capitals_name(name: str) -> None:
    kinds = {e.kind for e in gz.load().lookup(name) if e.population >= 10_000}
    assert kinds == {"city"}


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Kirov Oblast", ["Kirov Oblast", "kirov"]),
        ("Borough of Bolton", ["Borough of Bolton", "bolton"]),
        ("Tamil Nadu", ["Tamil Nadu"]),
        ("North West", []),
        ("Benue State", ["Benue State", "benue"]),
        ("Free State", ["Free State"]),  # not "Free"
        ("Central Province", []),
    ],
)
def test_division_names(raw: str, names: list[str]) -> None:
    assert gz.division_names(raw) == names


def test_canada_is_placed_at_its_geonames_point() -> None:
    canada = gz.load().country("CA")
    assert canada is not None
    assert gz.distance_km(canada.lat, canada.lon, 60.11, -113.64) < 20


def test_a_province_point_is_the_centre_of_its_box_not_of_its_towns() -> None:
    # Towns crowd the southern edge; the province's point is its middle.
    south = [(43.0 + k * 0.01, -80.0 + k * 0.01) for k in range(50)]
    north = [(56.0, -88.0), (52.0, -94.0)]
    lat, lon = build._box_point(south + north)
    assert 49.0 <= lat <= 50.0 and -88.0 <= lon <= -86.0
    # across the date line it falls back to the robust centre of the towns
    assert build._box_point([(52.0, 179.5), (52.0, -179.5), (61.0, -150.0)])[1] < 0


@pytest.mark.parametrize(
    ("name", "whole"),
    [
        ("West Berkshire", "Berkshire"),
        ("Cheshire West and Chester", "Cheshire"),
        ("East Riding of Yorkshire", "Yorkshire"),
        ("East Java", "Java"),
        ("Mid and East Antrim", None),
        ("Western Cape", None),
        ("Tamil Nadu", None),
    ],
)
def test_the_whole_a_division_is_one_side_of(name: str, whole: str | None) -> None:
    assert build._whole_division(name) == whole


def test_one_oddly_named_division_makes_no_whole_of_a_common_word() -> None:
    assert not [e for e in gz.load().lookup("River") if e.kind == "region"]  # "Central River"


def test_distance_km_is_great_circle() -> None:
    # the one distance of places, the ACLED and the real-set scorers (acled had a copy)
    assert gz.distance_km(50.0, 36.0, 50.0, 36.0) == 0.0
    assert gz.distance_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.2, abs=0.2)
