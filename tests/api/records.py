"""Hand-made records for API, report and export tests: written with Store.write, no spaCy.

Two outlets report on Kharkiv (2022-03-01/02) with figures that cannot both hold; a third
article about Goma (2023-01-02) carries markup in its text to check escaping.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.model import (
    Article,
    CasualtyClaim,
    Claim,
    Entity,
    Event,
    Evidence,
    Place,
    PlaceRef,
    Quote,
    Record,
    TimeRef,
    content_id,
)
from sitrep.store import Store

KHARKIV = PlaceRef(name="Kharkiv", country="UA", lat=49.98, lon=36.25, precision="city")
GOMA = PlaceRef(name="Goma", country="CD", lat=-1.68, lon=29.22, precision="city")

TEXT_A = (
    "Shelling killed 21 people in Kharkiv on Tuesday, regional authorities said. "
    '"We are under fire," the mayor said. Moscow denies targeting civilians.'
)
TEXT_B = (
    "At least 40 people were killed in Kharkiv on Tuesday, Ukrainian officials said, "
    "after missile strikes on the city centre."
)
TEXT_C = (
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> '
    "Three people were killed near Goma, the army said."
)


def _span(text: str, needle: str) -> Evidence:
    start = text.index(needle)
    return Evidence(start, start + len(needle), needle)


def _article_a() -> Record:
    aid = content_id(TEXT_A)
    art = Article(id=aid, text=TEXT_A, outlet="Kyiv Wire", title="Kharkiv shelled",
                  url="https://example.org/a", published=dt.date(2022, 3, 2))  # fmt: skip
    sent = _span(TEXT_A, TEXT_A.split(". ")[0] + ".")
    ev = _span(TEXT_A, "21 people in Kharkiv")
    claim = CasualtyClaim(
        id=content_id(aid, "c1"), kind="killed", count=21, low=21, high=21, hedge=None,
        evidence=sent, victims="people", place=KHARKIV, date=dt.date(2022, 3, 1),
        source="regional authorities", cause="shelling", mentions=(ev,),
    )  # fmt: skip
    denial = Claim(
        id=content_id(aid, "s1"), source="Moscow", stance="denies",
        content="targeting civilians", evidence=_span(TEXT_A, "Moscow denies targeting civilians."),
        contradicts=(content_id(aid, "s2"),),
    )  # fmt: skip
    report = Claim(
        id=content_id(aid, "s2"), source="regional authorities", stance="reports",
        content="Shelling killed 21 people in Kharkiv", evidence=sent,
    )  # fmt: skip
    event = Event(
        id=content_id(aid, "e1"), event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", plover="ASSAULT", evidence=sent,
        actor1="Russia", actor1_kind="state forces", place=KHARKIV, date=dt.date(2022, 3, 1),
        fatalities=21, casualty_ids=(claim.id,),
    )  # fmt: skip
    q = _span(TEXT_A, "We are under fire,")
    kh = TEXT_A.index("Kharkiv")
    return Record(
        article=art,
        entities=[Entity("GPE", "Kharkiv", kh, kh + 7)],
        places=[Place("Kharkiv", kh, kh + 7, name="Kharkiv", country="UA",
                      lat=49.98, lon=36.25, precision="city", resolved=True, confidence=0.9)],
        times=[TimeRef("Tuesday", TEXT_A.index("Tuesday"), TEXT_A.index("Tuesday") + 7,
                       value="2022-03-01")],
        casualties=[claim],
        quotes=[Quote(q.text, q.start, q.end, speaker="the mayor", cue="said")],
        claims=[denial, report],
        events=[event],
    )  # fmt: skip


def _article_b() -> Record:
    aid = content_id(TEXT_B)
    art = Article(id=aid, text=TEXT_B, outlet="Lviv Daily", title="Missiles hit Kharkiv",
                  published=dt.date(2022, 3, 2))  # fmt: skip
    sent = _span(TEXT_B, TEXT_B.split(", after")[0])
    claim = CasualtyClaim(
        id=content_id(aid, "c1"), kind="killed", count=40, low=40, high=None, hedge="at least",
        evidence=sent, victims="people", place=KHARKIV, date=dt.date(2022, 3, 1),
        source="Ukrainian officials",
    )  # fmt: skip
    event = Event(
        id=content_id(aid, "e1"), event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", plover="ASSAULT", mode="missile",
        evidence=_span(TEXT_B, "missile strikes on the city centre"), place=KHARKIV,
        date=dt.date(2022, 3, 2), fatalities=40, casualty_ids=(claim.id,),
    )  # fmt: skip
    return Record(article=art, casualties=[claim], events=[event])


def _article_c() -> Record:
    aid = content_id(TEXT_C)
    art = Article(id=aid, text=TEXT_C, outlet="<b>Goma</b> Post", title="<script>alert(1)</script>",
                  published=dt.date(2023, 1, 2))  # fmt: skip
    sent = _span(TEXT_C, "Three people were killed near Goma, the army said.")
    claim = CasualtyClaim(
        id=content_id(aid, "c1"), kind="killed", count=3, low=3, high=3, hedge=None,
        evidence=sent, victims="<i>people</i>", place=GOMA, source="the army",
    )  # fmt: skip
    injured = CasualtyClaim(
        id=content_id(aid, "c2"), kind="injured", count=7, low=7, high=7, hedge=None,
        evidence=sent, place=GOMA, source="the army",
    )  # fmt: skip
    event = Event(
        id=content_id(aid, "e1"), event_type="Battles", sub_event_type="Armed clash",
        plover="FIGHT", evidence=_span(TEXT_C, "<script>window.__pwned = 1</script>"),
        actor1="M23", actor1_kind="rebels", actor2="FARDC", actor2_kind="state forces",
        place=GOMA, fatalities=3, casualty_ids=(claim.id,),
    )  # fmt: skip
    return Record(article=art, casualties=[claim, injured], events=[event])


TEXT_D = (
    "Rescue teams worked through the night in Kharkiv after Tuesday's missile strikes. "
    "Since the invasion began, 870 civilians have been killed in the region, the regional "
    "prosecutor said."
)


def running_total() -> Record:
    """A follow-up on the Kharkiv strikes whose only figure is a running total."""
    aid = content_id(TEXT_D)
    art = Article(id=aid, text=TEXT_D, outlet="Kharkiv Herald", title="Rescue in Kharkiv",
                  published=dt.date(2022, 3, 2))  # fmt: skip
    claim = CasualtyClaim(
        id=content_id(aid, "c1"), kind="killed", count=870, low=870, high=870, hedge=None,
        evidence=_span(TEXT_D, "870 civilians have been killed in the region"),
        victims="civilians", place=KHARKIV, period="2022-02-24/2022-03-02", scope="cumulative",
        source="the regional prosecutor",
    )  # fmt: skip
    event = Event(
        id=content_id(aid, "e1"), event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", plover="ASSAULT", mode="missile",
        evidence=_span(TEXT_D, "Tuesday's missile strikes"), place=KHARKIV,
        date=dt.date(2022, 3, 1),
    )  # fmt: skip
    return Record(article=art, casualties=[claim], events=[event])


RECORDS = (_article_a, _article_b, _article_c)
ARTICLE_A, ARTICLE_B, ARTICLE_C = (content_id(t) for t in (TEXT_A, TEXT_B, TEXT_C))


def build_db(path: Path, *, running: bool = False) -> Path:
    """Write the three articles (and with ``running``, the running total's follow-up) into
    a new database at ``path``."""
    with Store(path) as store:
        store.write([make() for make in (*RECORDS, *([running_total] if running else []))])
    return path
