"""Real-style multi-outlet reporting, built by hand as the extractors would output it.

The story: a Russian missile strike on Kharkiv's Freedom Square on 1 March 2022. Reuters
reports it (10 dead, the governor), GB News runs the Reuters copy, the Kyiv Independent
quotes the State Emergency Service (21 dead, rising to 23 the next day), the BBC writes its
own report, Russia's defence ministry denies hitting civilians. Separately: fighting near
Kherson with both sides' figures, a strike on Kyiv the same day (400 km away), another strike
on Kharkiv a week later, and a historical figure that must never count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from sitrep.ingest.document import article_id
from sitrep.model import (
    Article,
    CasualtyClaim,
    Claim,
    Event,
    Evidence,
    Place,
    PlaceRef,
    Record,
    content_id,
)
from sitrep.store import Store

KHARKIV = PlaceRef("Kharkiv", "UA", 49.9808, 36.2527, 706483, "city")
KHARKIV_SQUARE = PlaceRef("Freedom Square", "UA", 50.0050, 36.2310, None, "point")
KHERSON = PlaceRef("Kherson", "UA", 46.6354, 32.6169, 706448, "city")
KYIV = PlaceRef("Kyiv", "UA", 50.4501, 30.5234, 703448, "city")
UKRAINE = PlaceRef("Ukraine", "UA", 49.0, 32.0, 690791, "country")
D = dt.date


@dataclass
class Story:
    """Builds one article's record; items get ids from the article id and a label."""

    text: str
    outlet: str
    published: dt.date
    casualties: list[CasualtyClaim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    @property
    def id(self) -> str:
        return article_id(self.text)

    def _ev(self, phrase: str) -> Evidence:
        start = self.text.find(phrase)
        assert start >= 0, phrase
        return Evidence(start, start + len(phrase), phrase)

    def killed(self, label: str, phrase: str, count: int, **kw: Any) -> str:
        cid = content_id(self.id, label)
        kw.setdefault("kind", "killed")
        self.casualties.append(
            CasualtyClaim(
                id=cid,
                count=count,
                low=kw.pop("low", count),
                high=kw.pop("high", count),
                hedge=None,
                evidence=self._ev(phrase),
                **kw,
            )
        )
        return cid

    def event(self, label: str, phrase: str, **kw: Any) -> str:
        eid = content_id(self.id, label)
        self.events.append(Event(id=eid, evidence=self._ev(phrase), **kw))
        return eid

    def claim(self, label: str, phrase: str, **kw: Any) -> str:
        cid = content_id(self.id, label)
        self.claims.append(Claim(id=cid, evidence=self._ev(phrase), **kw))
        return cid

    def record(self) -> Record:
        art = Article(id=self.id, text=self.text, outlet=self.outlet, published=self.published)
        return Record(
            article=art,
            casualties=self.casualties,
            events=self.events,
            claims=self.claims,
            places=self.places,
        )


REUTERS_TEXT = (
    "A Russian missile struck the regional administration building on Freedom Square in "
    "Kharkiv on Tuesday morning, killing at least 10 people and wounding dozens, regional "
    "governor Oleg Synehubov said. Video posted online showed the blast blowing out windows "
    "across the square as cars drove past. Kharkiv, Ukraine's second-largest city with a "
    "population of about 1.5 million, has been under bombardment since Russian forces "
    "crossed the border last week. In 2014, 50 people were killed in clashes in the region. "
    "Synehubov said rescuers were still searching the rubble for survivors and that the "
    "toll was likely to rise as the day went on."
)
AIR: dict[str, Any] = dict(
    plover="ASSAULT",
    event_type="Explosions/Remote violence",
    sub_event_type="Air/drone strike",
    actor1="Russia",
    actor1_kind="state",
)


def build_stories() -> dict[str, Story]:
    s: dict[str, Story] = {}
    reuters = Story(REUTERS_TEXT, "Reuters", D(2022, 3, 1))
    reuters.event(
        "strike",
        "A Russian missile struck",
        place=KHARKIV,
        date=D(2022, 3, 1),
        target="regional administration building",
        **AIR,
    )
    reuters.killed(
        "k",
        "killing at least 10 people",
        10,
        source="Oleg Synehubov",
        place=KHARKIV,
        date=D(2022, 3, 1),
    )
    reuters.killed(
        "hist",
        "50 people were killed",
        50,
        place=KHARKIV,
        date=D(2014, 5, 2),
        flags=("historical",),
    )
    s["reuters"] = reuters

    wire = (
        "KHARKIV, March 1 (Reuters) - "
        + REUTERS_TEXT.replace("Tuesday morning", "Tuesday")
        + " Reporting by Pavel Polityuk; Editing by Alex Richardson. Don't Miss: the latest"
        " updates from Ukraine on GB News."
    )
    gb = Story(wire, "GB News", D(2022, 3, 1))
    gb.event("strike", "A Russian missile struck", place=KHARKIV, date=D(2022, 3, 1), **AIR)
    gb.killed(
        "k",
        "killing at least 10 people",
        10,
        source="Oleg Synehubov",
        place=KHARKIV,
        date=D(2022, 3, 1),
    )
    s["gbnews"] = gb

    ki = Story(
        "Twenty-one people were killed when a Russian cruise missile hit the Kharkiv Oblast "
        "State Administration on Freedom Square, the State Emergency Service said on Tuesday "
        "evening. The service said 112 people had been injured. Emergency workers pulled "
        "bodies from the ruins of the Soviet-era building through the afternoon.",
        "Kyiv Independent",
        D(2022, 3, 1),
    )
    ki.event(
        "strike",
        "a Russian cruise missile hit",
        place=KHARKIV_SQUARE,
        date=D(2022, 3, 1),
        actor1="Russian forces",
        **{k: v for k, v in AIR.items() if k != "actor1"},
    )
    ki.killed(
        "k",
        "Twenty-one people were killed",
        21,
        source="State Emergency Service",
        place=KHARKIV_SQUARE,
        date=D(2022, 3, 1),
    )
    ki.killed(
        "inj",
        "112 people had been injured",
        112,
        kind="injured",
        source="State Emergency Service",
        place=KHARKIV_SQUARE,
        date=D(2022, 3, 1),
    )
    s["kyivindependent"] = ki

    upd = Story(
        "The death toll from Tuesday's missile strike on the regional administration in "
        "Kharkiv has risen to 23, the State Emergency Service said on Wednesday, up from 21 "
        "reported the day before. Search operations at the site have ended.",
        "Kyiv Independent",
        D(2022, 3, 2),
    )
    upd.killed(
        "k",
        "has risen to 23",
        23,
        source="State Emergency Service",
        place=KHARKIV,
        date=D(2022, 3, 1),
        updates="up from 21",
    )
    s["update"] = upd

    bbc = Story(
        "Ten people died when a missile hit the centre of Kharkiv, in what President "
        "Volodymyr Zelensky called a war crime. Footage showed a fireball engulfing the "
        "administration building. Moscow has denied targeting civilians.",
        "BBC",
        D(2022, 3, 1),
    )
    bbc.event(
        "strike",
        "a missile hit the centre of Kharkiv",
        place=KHARKIV,
        date=D(2022, 3, 1),
        **{k: v for k, v in AIR.items() if k != "actor1"},
    )
    bbc.killed("k", "Ten people died", 10, victims="people", place=KHARKIV, date=D(2022, 3, 1))
    s["bbc"] = bbc

    tass = Story(
        "The Russian Defence Ministry denied that its forces had struck civilian targets in "
        "Kharkiv, saying on Wednesday that its high-precision weapons hit only military "
        "infrastructure and that reports of dead civilians were staged.",
        "TASS",
        D(2022, 3, 2),
    )
    start = tass.text.index("Kharkiv")
    tass.places.append(Place("Kharkiv", start, start + 7, "Kharkiv", 706483, "UA", 49.98, 36.25,
                             "city", resolved=True, confidence=0.9))  # fmt: skip
    s["tass"] = tass

    kherson_ua = Story(
        "Ukrainian forces repelled an assault near Kherson on Wednesday, killing 100 Russian "
        "soldiers, the General Staff of Ukraine's armed forces said in its morning update.",
        "Ukrinform",
        D(2022, 3, 2),
    )
    kherson_ua.event(
        "fight",
        "repelled an assault near Kherson",
        plover="FIGHT",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Ukrainian forces",
        actor2="Russian forces",
        place=KHERSON,
        date=D(2022, 3, 2),
    )
    kherson_ua.killed(
        "k",
        "killing 100 Russian soldiers",
        100,
        victims="Russian soldiers",
        side="Russia",
        source="General Staff",
        place=KHERSON,
        date=D(2022, 3, 2),
    )
    s["kherson_ua"] = kherson_ua

    kherson_ru = Story(
        "Russian troops fought Ukrainian units on the approaches to Kherson on Wednesday; "
        "the defence ministry said 10 Russian servicemen were killed in the fighting.",
        "RIA Novosti",
        D(2022, 3, 2),
    )
    kherson_ru.event(
        "fight",
        "Russian troops fought Ukrainian units",
        plover="FIGHT",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Russia",
        actor2="Ukraine",
        place=KHERSON,
        date=D(2022, 3, 2),
    )
    kherson_ru.killed(
        "k",
        "10 Russian servicemen were killed",
        10,
        victims="Russian servicemen",
        side="Russia",
        source="Russian Defence Ministry",
        place=KHERSON,
        date=D(2022, 3, 2),
    )
    s["kherson_ru"] = kherson_ru

    kyiv = Story(
        "A missile struck a television tower in Kyiv on Tuesday, killing five people, "
        "Ukraine's interior ministry said.",
        "Reuters",
        D(2022, 3, 1),
    )
    kyiv.event(
        "strike", "A missile struck a television tower", place=KYIV, date=D(2022, 3, 1), **AIR
    )
    kyiv.killed(
        "k", "killing five people", 5, source="interior ministry", place=KYIV, date=D(2022, 3, 1)
    )
    s["kyiv"] = kyiv

    later = Story(
        "Shelling hit a residential district of Kharkiv on Tuesday, March 8, killing three "
        "people, the mayor said.",
        "Reuters",
        D(2022, 3, 8),
    )
    later.event(
        "strike", "Shelling hit a residential district", place=KHARKIV, date=D(2022, 3, 8), **AIR
    )
    later.killed("k", "killing three people", 3, source="mayor", place=KHARKIV, date=D(2022, 3, 8))
    s["later"] = later

    nationwide = Story(
        "More than 2,000 civilians have been killed in Ukraine since the invasion began, the "
        "State Emergency Service said on Wednesday.",
        "GB News",
        D(2022, 3, 2),
    )
    nationwide.killed(
        "cum",
        "More than 2,000 civilians have been killed",
        2000,
        low=2001,
        high=None,
        victims="civilians",
        place=UKRAINE,
        scope="cumulative",
        source="State Emergency Service",
        as_of=D(2022, 3, 2),
    )
    s["nationwide"] = nationwide
    return s


def add_denial(stories: dict[str, Story]) -> None:
    """TASS's denial, naming the Emergency Service's claim; BBC's line names none."""
    ki_claim = stories["kyivindependent"].casualties[0].id
    stories["tass"].claim(
        "deny",
        "denied that its forces had struck civilian targets",
        source="Russian Defence Ministry",
        stance="denies",
        content="its forces had struck civilian targets",
        contradicts=(ki_claim,),
    )
    stories["tass"].claim("staged", "reports of dead civilians were staged",
                          source="Russian Defence Ministry", stance="disputes",
                          content="reports of dead civilians were staged")  # fmt: skip
    stories["bbc"].claim(
        "deny",
        "Moscow has denied targeting civilians",
        source="Moscow",
        stance="denies",
        content="targeting civilians",
    )


@pytest.fixture
def stories() -> dict[str, Story]:
    s = build_stories()
    add_denial(s)
    return s


@pytest.fixture
def store(tmp_path: Path, stories: dict[str, Story]) -> Iterator[Store]:
    with Store(tmp_path / "r.duckdb") as st:
        st.write(s.record() for s in stories.values())
        yield st
