"""Unresolved mentions keep the readings they had (issue 15): namesakes far apart, best first."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.extract.places import candidates
from sitrep.extract.places.gazetteer import GeoEntry
from sitrep.extract.places.resolve import places
from sitrep.model import Article, PlaceCandidate

pytestmark = pytest.mark.slow


def _cand(lat: float, lon: float, score: float) -> PlaceCandidate:
    return PlaceCandidate("Dubrava", None, "UA", None, lat, lon, "city", None, score)


def test_coin_flip_needs_a_far_namesake_nearly_as_likely() -> None:
    town = GeoEntry(1, "Dubrava", "UA", 48.0, 37.0, 800, "city", "05")
    far = (_cand(48.0, 37.0, 0.4), _cand(50.0, 30.0, 0.38))
    near = (_cand(48.0, 37.0, 0.4), _cand(48.05, 37.05, 0.4))
    assert candidates.coin_flip(town, 0.51, far)
    assert not candidates.coin_flip(town, 0.51, near)  # the same place for a claim
    assert not candidates.coin_flip(town, 0.9, far)  # the resolver had a clear margin
    city = GeoEntry(2, "Dubrava", "UA", 48.0, 37.0, 300_000, "city", "05")
    assert not candidates.coin_flip(city, 0.51, far)  # a big town is what its name means


def test_far_apart_village_namesakes_stay_unresolved_with_candidates(nlp: Any) -> None:
    from sitrep.nlp import parse

    text = "Ukrainian officials said Russian shelling hit Sadove on Tuesday. Ukraine sent help."
    found = places(parse(text, nlp=nlp), article=Article(id="t", text=text), demonyms=False)
    (village,) = [p for p in found if p.text == "Sadove"]
    assert not village.resolved and village.lat is None
    assert 2 <= len(village.candidates) <= candidates.MAX_CANDIDATES
    assert all(c.country == "UA" and c.name == "Sadove" for c in village.candidates)
    scores = [c.score for c in village.candidates]
    assert scores == sorted(scores, reverse=True) and 0 < sum(scores) <= 1.0
    assert len({c.admin1 for c in village.candidates}) > 1  # in different regions


def test_resolved_places_have_no_candidates(nlp: Any) -> None:
    from sitrep.nlp import parse

    text = "Ukrainian officials said Russian shelling hit Kharkiv on Tuesday."
    found = places(parse(text, nlp=nlp), article=Article(id="t", text=text), demonyms=False)
    (city,) = [p for p in found if p.text == "Kharkiv"]
    assert city.resolved and city.candidates == ()


def test_extract_json_carries_candidates() -> None:
    import sitrep

    rec = sitrep.extract("Ukrainian officials said Russian shelling hit Sadove. Ukraine sent help.")
    got = [p for p in rec.to_dict()["places"] if p["text"] == "Sadove"]
    assert got and got[0]["candidates"][0]["name"] == "Sadove"
    assert set(got[0]["candidates"][0]) >= {"geonameid", "country", "admin1", "lat", "lon", "score"}
