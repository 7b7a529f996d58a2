"""Event context: dates of time references, place precision and the dominant place."""

from __future__ import annotations

import datetime as dt

from sitrep.extract.events.context import date_of, dominant_place, precision_rank
from sitrep.model import PlaceRef, TimeRef


def test_date_of_a_day_and_of_a_period() -> None:
    day = TimeRef("March 1", 0, 7, "2022-03-01")
    assert date_of(day) == (dt.date(2022, 3, 1), None)
    week = TimeRef("the past week", 0, 13, "2022-02-23/2022-03-02", type="INTERVAL")
    assert date_of(week) == (None, "2022-02-23/2022-03-02")


def test_precision_rank_orders_city_before_country() -> None:
    city = PlaceRef(name="Kharkiv", country="UA", precision="city")
    country = PlaceRef(name="Ukraine", country="UA", precision="country")
    assert precision_rank(city) < precision_rank(country)


def test_dominant_place_is_none_without_locations() -> None:
    assert dominant_place([]) is None
