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


def test_a_figure_of_dead_and_wounded_together_is_no_number_of_deaths() -> None:
    from sitrep.extract.events.context import casualties_for
    from sitrep.model import CasualtyClaim, Evidence
    from sitrep.nlp import parse

    doc = parse("The shelling left 40 dead and wounded.")
    sent = next(iter(doc.sents))
    ev = Evidence(0, len(doc.text), doc.text)
    both = [
        CasualtyClaim(
            id=k, kind=k, count=40, low=40, high=40, hedge=None, evidence=ev, flags=("combined",)
        )
        for k in ("killed", "injured")
    ]
    fatal, ids = casualties_for(doc[1], sent, both)
    assert fatal is None and set(ids) == {"killed", "injured"}
