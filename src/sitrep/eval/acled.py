"""``sitrep eval acled``: ACLED-style event notes against their coded columns.

The input is a CSV with ACLED's public columns (event_date, event_type, sub_event_type, actor1,
actor2, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, notes,
fatalities, source), as ACLED exports it: event_date in ISO form ("2020-08-14") or the
export's day-first form with a time ("14/08/2020 00:00:00"). The text is the note with its
bracketed coding remarks removed ("[size=no report]"); a row whose remark spreads fatalities
over several events ("[4 fatalities split across 22 events]") is left out of the fatality
scores, as its figure cannot be read off the note.

Scores: fatalities exact match and mean absolute error (sitrep's figure is the sum of its
incident ``killed`` claims with a count and no blocking flag, 0 when none; the regex peer sums
the distinct killed figures it finds); event type and sub-event type accuracy of the main
event; location within 5 km and 25 km (the best resolved location place against
latitude/longitude), the 25 km rate by ACLED's geo_precision (1 the town itself, 2 near it or
part of a region, 3 a larger region's point), and whether the predicted point lies in the
coded admin1 and admin2 (the units of the nearest war-gazetteer place, for the countries that
gazetteer covers); event date exact. The date must come from the note itself: event_date is
used only as the anchor for relative expressions ("on Tuesday"), never as an answer, so a
note without a date scores a miss. A metric with nothing to score is None (``n/a``), never 0.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sitrep import nlp as nlp_mod
from sitrep.eval.base import Progress, Report, require_gold
from sitrep.eval.casualties import regex_peer
from sitrep.extract.casualties.claims import BLOCKING_FLAGS
from sitrep.extract.casualties.claims import casualties as extract_casualties
from sitrep.extract.places.gazetteer import distance_km
from sitrep.model import Article, CasualtyClaim, Event, Place

REFERENCE = (
    "ACLED codebook (Raleigh et al. 2010; acleddata.com): fatalities are the coders' most "
    "conservative reported figure; no published extraction benchmark on notes"
)
_REMARK = re.compile(r"\s*\[[^\]]*\]")
_SPLIT = re.compile(
    r"\[[^\]]*fatalit[^\]]*(?:split|across|spread|divided|distributed)[^\]]*\]", re.I
)


@dataclass(frozen=True, slots=True)
class Row:
    """One coded event."""

    id: str
    text: str
    event_date: dt.date | None
    event_type: str
    sub_event_type: str
    lat: float | None
    lon: float | None
    fatalities: int | None
    split: bool
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    geo_precision: int | None = None


def clean_note(note: str) -> str:
    """The note without its bracketed coding remarks."""
    return re.sub(r"\s{2,}", " ", _REMARK.sub("", note)).strip()


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%d %B %Y",
    "%d-%B-%Y",
    "%d %b %Y",
    "%d-%b-%Y",
)
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")


def _date(value: str | None) -> dt.date | None:
    """An event_date as ACLED writes it: ISO, "14/08/2020 00:00:00" (day first, as in its
    exports; month first only when the day cannot be a month), or "14 August 2020"."""
    if not value:
        return None
    text = value.strip()
    m = _SLASHED.fullmatch(text)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (b, a) if b > 12 else (a, b)
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _int(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isdigit() else None


def read_rows(path: Path) -> list[Row]:
    """The rows of an ACLED-style CSV (unknown columns ignored, unreadable values None)."""
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for k, rec in enumerate(csv.DictReader(fh)):
            note = rec.get("notes") or ""
            fat = rec.get("fatalities") or ""
            rows.append(
                Row(
                    id=rec.get("event_id_cnty") or f"row{k + 1}",
                    text=clean_note(note),
                    event_date=_date(rec.get("event_date")),
                    event_type=(rec.get("event_type") or "").strip(),
                    sub_event_type=(rec.get("sub_event_type") or "").strip(),
                    lat=_float(rec.get("latitude")),
                    lon=_float(rec.get("longitude")),
                    fatalities=int(fat) if fat.strip().isdigit() else None,
                    split=bool(_SPLIT.search(note)),
                    country=(rec.get("country") or "").strip(),
                    admin1=(rec.get("admin1") or "").strip(),
                    admin2=(rec.get("admin2") or "").strip(),
                    location=(rec.get("location") or "").strip(),
                    geo_precision=_int(rec.get("geo_precision")),
                )
            )
    return rows


# ACLED's coding convention for vague reports: "several"/"many" 10, "dozens" 12, "hundreds" 100.
_VAGUE_CODED = {"dozens": 12, "scores": 12, "hundreds": 100, "thousands": 1000, "several": 10}


def fatalities_of(claims: list[CasualtyClaim]) -> int:
    """A note's fatality figure: the sum of its counted incident killed claims (0 if none).

    A vague figure takes ACLED's coding convention ("dozens" 12, "several" 10), else its
    lower bound.
    """
    total = 0
    for c in claims:
        if c.kind != "killed" or c.scope != "incident" or set(c.flags) & BLOCKING_FLAGS:
            continue
        value = c.count
        if value is None:
            vague = (c.hedge or "").split()[-1] if c.hedge else ""
            value = _VAGUE_CODED.get(vague, c.low)
        total += value or 0
    return total


def best_place(places: list[Place]) -> Place | None:
    """The most precise resolved location place, earliest first."""
    rank = {"point": 0, "city": 1, "region": 2, "country": 3, "continent": 4}
    cands = [p for p in places if p.role == "location" and p.lat is not None and p.lon is not None]
    if not cands:
        return None
    return min(cands, key=lambda p: (rank.get(p.precision or "country", 5), p.start))


def fatality_scores(pairs: list[tuple[int, int]]) -> dict[str, float | None]:
    """Exact-match rate and mean absolute error over (gold, predicted) fatality pairs (None,
    n/a, when there are none)."""
    if not pairs:
        return {"fatalities_exact": None, "fatalities_mae": None}
    exact = sum(g == p for g, p in pairs) / len(pairs)
    mae = sum(abs(g - p) for g, p in pairs) / len(pairs)
    return {"fatalities_exact": round(exact, 4), "fatalities_mae": round(mae, 4)}


def rate(hits: int, total: int) -> float | None:
    """hits / total rounded, or None (n/a) when there is nothing to score."""
    return round(hits / total, 4) if total else None


# ACLED's country names of the countries the war gazetteer covers.
COUNTRY_CODES = {
    "ukraine": "UA",
    "russia": "RU",
    "israel": "IL",
    "palestine": "PS",
    "syria": "SY",
    "lebanon": "LB",
    "sudan": "SD",
    "south sudan": "SS",
    "yemen": "YE",
    "iraq": "IQ",
    "afghanistan": "AF",
    "myanmar": "MM",
    "democratic republic of congo": "CD",
    "somalia": "SO",
    "mali": "ML",
    "burkina faso": "BF",
    "nigeria": "NG",
    "ethiopia": "ET",
}


@dataclass(slots=True)
class LocationTally:
    """Counts behind the location scores."""

    located: int = 0
    near5: int = 0
    near25: int = 0
    by_precision: dict[int, list[int]] | None = None  # geo_precision -> [hits, total]
    admin1: list[int] | None = None  # [hits, total]
    admin2: list[int] | None = None

    def add(self, row: Row, place: Place | None) -> None:
        """Score one row's predicted place against its coded point and units."""
        if row.lat is None or row.lon is None:
            return
        if self.by_precision is None:
            self.by_precision, self.admin1, self.admin2 = {}, [0, 0], [0, 0]
        assert self.admin1 is not None and self.admin2 is not None
        self.located += 1
        d = (
            distance_km(place.lat, place.lon, row.lat, row.lon)
            if place is not None and place.lat is not None and place.lon is not None
            else None
        )
        self.near5 += d is not None and d <= 5.0
        self.near25 += d is not None and d <= 25.0
        if row.geo_precision is not None:
            cell = self.by_precision.setdefault(row.geo_precision, [0, 0])
            cell[0] += d is not None and d <= 25.0
            cell[1] += 1
        code = COUNTRY_CODES.get(row.country.lower())
        if code is None:
            return
        from sitrep.extract.places import war_gazetteer as wg

        got = None
        if place is not None and place.lat is not None and place.lon is not None:
            got = wg.load().nearest(place.lat, place.lon, max_km=30.0, country=code)
        gaz = wg.load()
        for gold, code_name, cell in (
            (row.admin1, "ADM1", self.admin1),
            (row.admin2, "ADM2", self.admin2),
        ):
            units = [
                u
                for u in gaz.admins_by_key(wg.normalize(gold))
                if gold
                if u.country == code and u.feature_code == code_name
            ]
            if not units:  # a unit the gazetteer does not know is not scored
                continue
            cell[1] += 1
            cell[0] += got is not None and any(
                (got.admin1 if code_name == "ADM1" else got.admin2)
                == (u.admin1 if code_name == "ADM1" else u.admin2)
                for u in units
            )

    def scores(self) -> dict[str, float | None]:
        """The location metrics (n/a where nothing was scored)."""
        out: dict[str, float | None] = {
            "location_acc_5km": rate(self.near5, self.located),
            "location_acc_25km": rate(self.near25, self.located),
        }
        by_precision = self.by_precision or {}
        for level in (1, 2, 3):
            hits, total = by_precision.get(level, [0, 0])
            out[f"location_acc_25km_geo{level}"] = rate(hits, total)
        a1 = self.admin1 or [0, 0]
        a2 = self.admin2 or [0, 0]
        out["admin1_accuracy"] = rate(a1[0], a1[1])
        out["admin2_accuracy"] = rate(a2[0], a2[1])
        return out


# The keyword peer's event typing: the first list whose word occurs in the note wins, in this
# order, with ACLED's own terms (codebook 2023 names of types and sub-event types).
KEYWORD_TYPES: tuple[tuple[str, str, str], ...] = (
    (
        r"air ?strikes?|drone|bombard|aircraft|helicopter",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    (
        r"shell(?:ed|ing)|artillery|mortar|rocket|missile",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        r"\bied\b|landmine|\bmine\b|roadside bomb|explosive device",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    (r"suicide", "Explosions/Remote violence", "Suicide bomb"),
    (r"clash|fought|fighting|battle|exchange of fire|ambush", "Battles", "Armed clash"),
    (r"abduct|kidnap", "Violence against civilians", "Abduction/forced disappearance"),
    (r"riot|mob\b|looted", "Riots", "Violent demonstration"),
    (r"protest|demonstrat|rally|march(?:ed)?\b|sit-in", "Protests", "Peaceful protest"),
    (r"arrest|detain", "Strategic developments", "Arrests"),
    (r"agree|ceasefire|truce|deal\b", "Strategic developments", "Agreement"),
    (r"kill|shot|attack|murder", "Violence against civilians", "Attack"),
)


def keyword_event_type(text: str) -> tuple[str, str] | None:
    """The keyword peer's (event_type, sub_event_type) for a note, or None."""
    low = text.lower()
    for pattern, etype, sub in KEYWORD_TYPES:
        if re.search(pattern, low):
            return etype, sub
    return None


def _main_event(found: list[Event]) -> Event | None:
    unflagged = [e for e in found if not e.flags] or found
    return max(unflagged, key=lambda e: e.confidence) if unflagged else None


def run(data: Path, *, limit: int | None = None, progress: Progress) -> Report:
    """Score sitrep and the regex peer on an ACLED-style CSV.

    Args:
        data: the CSV file (or a folder holding one or more ``*.csv``).
        limit: score only the first ``limit`` rows.
        progress: progress reporting.

    Returns:
        The report; ``n`` is the number of rows scored.
    """
    from sitrep.extract.events.detect import events as extract_events
    from sitrep.extract.events.detect import main_event
    from sitrep.extract.places.resolve import places as extract_places
    from sitrep.extract.times.timexes import times as extract_times

    files = sorted(data.glob("*.csv")) if data.is_dir() else [data]
    rows = [r for f in files for r in read_rows(f)]
    if limit is not None:
        rows = rows[:limit]
    require_gold(len(rows), task="acled", data=data, what="ACLED rows")
    docs = nlp_mod.parse_many([r.text for r in rows], batch_size=64)
    sit_fat: list[tuple[int, int]] = []
    peer_fat: list[tuple[int, int]] = []
    types = subtypes = typed = 0
    peer_types = peer_subtypes = 0
    loc = LocationTally()
    dates = dated = 0
    for row, doc in progress.track(zip(rows, docs, strict=True), len(rows), "acled"):
        art = Article(id=row.id, text=row.text, published=row.event_date)
        times = extract_times(doc, anchor=row.event_date)
        places = extract_places(doc, article=art)
        claims = extract_casualties(doc, article=art, places=places, times=times)
        if row.fatalities is not None and not row.split:
            sit_fat.append((row.fatalities, fatalities_of(claims)))
            peer_fat.append(
                (row.fatalities, sum(n for k, n in regex_peer(row.text) if k == "killed"))
            )
        found = extract_events(doc, article=art, places=places, times=times, casualties=claims)
        ev = main_event(found, doc) or _main_event(found)
        if row.event_type:
            typed += 1
            types += ev is not None and ev.event_type.lower() == row.event_type.lower()
            subtypes += (
                ev is not None and (ev.sub_event_type or "").lower() == row.sub_event_type.lower()
            )
            kw = keyword_event_type(row.text)
            peer_types += kw is not None and kw[0].lower() == row.event_type.lower()
            peer_subtypes += kw is not None and kw[1].lower() == row.sub_event_type.lower()
        loc.add(row, best_place(places))
        if row.event_date is not None:
            dated += 1
            days = [t for t in times if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value)]
            dates += bool(days) and days[0].value == row.event_date.isoformat()
    report = Report(task="acled", n=len(rows), reference=REFERENCE)
    report.systems["sitrep"] = {
        **fatality_scores(sit_fat),
        "event_type_accuracy": rate(types, typed),
        "sub_event_type_accuracy": rate(subtypes, typed),
        **loc.scores(),
        "event_date_exact": rate(dates, dated),
    }
    report.systems["regex"] = {
        **fatality_scores(peer_fat),
        "event_type_accuracy": rate(peer_types, typed),
        "sub_event_type_accuracy": rate(peer_subtypes, typed),
    }
    report.notes.append(
        f"{len(sit_fat)} rows in the fatality scores ({sum(r.split for r in rows)} with split "
        "fatalities left out)"
    )
    report.notes.append(
        "regex peer: fatalities from a number near a death word; event types from the first "
        "matching ACLED keyword list (KEYWORD_TYPES)"
    )
    report.notes.append(
        f"location: {loc.located} rows with coordinates; geo1/geo2/geo3 split them by ACLED's "
        "geo_precision; admin1/admin2: the coded unit holds the war-gazetteer place nearest "
        "the prediction (countries that gazetteer covers)"
    )
    report.notes.append(
        "event date: from the note's own first day expression; event_date is only the anchor "
        "for relative expressions"
    )
    return report
