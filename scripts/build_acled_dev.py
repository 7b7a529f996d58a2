"""Write tests/data/acled_war_dev.csv: ACLED-style notes on real events, placed by the gazetteer.

Each event in scripts/acled_war_dev_events.csv is written by hand after public reporting of a real event (the place, date
and toll as widely reported); the note is phrased the way ACLED's coders phrase theirs. No
coordinate is typed in: latitude and longitude, admin1 and admin2 come from the war gazetteer
(``sitrep.extract.places.war_gazetteer``), by the location's name inside its admin1 unit (and, where
an oblast has several places of that name, the one nearest the town given as ``near``). A
geo_precision of 3 codes the event at the admin1 unit's own point, as ACLED does for a report
that names only a region. An event whose place the gazetteer lacks is reported and left
out (at the last build: Wad an Nura, Ardamata, Zamzam, Abu Shouk and Al Sireha in Sudan,
Laiza, Moura, Tudun Biri, Mugunga), never placed by hand.

Usage: python scripts/build_acled_dev.py [--out tests/data/acled_war_dev.csv]
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path

from sitrep.extract.places import war_gazetteer as wg

COUNTRY_NAMES = {
    "UA": "Ukraine",
    "PS": "Palestine",
    "IL": "Israel",
    "LB": "Lebanon",
    "SY": "Syria",
    "SD": "Sudan",
    "SS": "South Sudan",
    "YE": "Yemen",
    "IQ": "Iraq",
    "AF": "Afghanistan",
    "MM": "Myanmar",
    "CD": "Democratic Republic of Congo",
    "SO": "Somalia",
    "ML": "Mali",
    "BF": "Burkina Faso",
    "NG": "Nigeria",
    "ET": "Ethiopia",
}
EVENTS_FILE = Path(__file__).with_name("acled_war_dev_events.csv")
# event_date, event_type, sub_event_type, actor1, actor2, iso, location, admin1, near,
# geo_precision, source, notes, fatalities
Event = tuple[str, str, str, str, str, str, str, str, str, int, str, str, int]


def read_events(path: Path = EVENTS_FILE) -> list[Event]:
    """The hand-written events (one CSV row each, columns as in ``Event``)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    return [(*r[:9], int(r[9]), r[10], r[11], int(r[12])) for r in rows]  # type: ignore[misc]


def _nearest(cands: list[wg.WarPlace], near: wg.WarPlace) -> wg.WarPlace:
    return min(cands, key=lambda p: math.hypot(p.lat - near.lat, p.lon - near.lon))


def place_for(event: Event) -> tuple[wg.WarPlace, wg.WarPlace | None]:
    """The gazetteer place of an event's location (or its admin1 unit for precision 3)."""
    iso, location, admin1, near, precision = event[5], event[6], event[7], event[8], event[9]
    unit = wg.admin_unit(admin1, iso)
    if precision == 3:
        if unit is None:
            raise LookupError(f"no admin1 {admin1!r} in {iso}")
        return unit, unit
    # inside the admin1 unit only: a namesake elsewhere in the country is not the place
    cands = wg.within(location, admin1, iso) if unit is not None else wg.lookup(location, iso)
    cands = [c for c in cands if not c.is_admin] or cands
    if not cands:
        raise LookupError(f"no place {location!r} in {admin1!r} ({iso})")
    if near:
        anchor = (wg.lookup(near, iso) or [None])[0]
        if anchor is None:
            raise LookupError(f"no anchor {near!r} in {iso}")
        return _nearest(cands, anchor), unit
    return cands[0], unit


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=Path("tests/data/acled_war_dev.csv"))
    args = ap.parse_args(argv)
    gaz = wg.load()
    cols = [
        *("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2"),
        *("country", "admin1", "admin2", "admin3", "location", "latitude", "longitude"),
        *("geo_precision", "source", "notes", "fatalities"),
    ]
    counters: dict[str, int] = {}
    failed = 0
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(cols)
        for ev in read_events():
            try:
                place, unit = place_for(ev)
            except LookupError as err:
                print(err, file=sys.stderr)
                failed += 1
                continue
            iso = ev[5]
            counters[iso] = counters.get(iso, 0) + 1
            region = gaz.region_of(place)
            district = gaz.district_of(place)
            out.writerow(
                [
                    f"DEV{iso}{counters[iso]:03d}",
                    ev[0],
                    ev[1],
                    ev[2],
                    ev[3],
                    ev[4],
                    COUNTRY_NAMES[iso],
                    region.name if region else (unit.name if unit else ""),
                    district.name if district and ev[9] != 3 else "",
                    "",
                    place.name if ev[9] != 3 else (unit.name if unit else ""),
                    f"{place.lat:.4f}",
                    f"{place.lon:.4f}",
                    ev[9],
                    ev[10],
                    ev[11],
                    ev[12],
                ]
            )
    print(f"{sum(counters.values())} rows, {failed} not placed -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
