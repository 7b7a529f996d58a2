"""Events from hand-written news sentences: types, actors, flags, and what they link to."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.language import Language

from sitrep.extract.events.detect import dominant_place, events, main_event
from sitrep.extract.events.types import acled_for, actor_kind, normalize_plover
from sitrep.model import Article, CasualtyClaim, Event, Evidence, Place, PlaceRef, TimeRef
from sitrep.nlp import parse

PUBLISHED = dt.date(2022, 6, 1)

# sentence, PLOVER type of the main event, ACLED sub-event type, mode, actor1, actor1 kind
# (None: not checked)
TYPED = [
    ("Rebels clashed with government troops near the northern town for a second day on Monday.", "FIGHT", "Armed clash", None, "Rebels", "rebels"),
    ("Israeli warplanes struck a refugee camp in Gaza overnight.", "ASSAULT", "Air/drone strike", "aerial", "Israel", "state forces"),
    ("Artillery shelling hit residential districts of the city, local officials said.", "ASSAULT", "Shelling/artillery/missile attack", "heavy-weapons", None, None),
    ("A roadside bomb exploded next to an army convoy outside Kandahar.", "ASSAULT", "Remote explosive/landmine/IED", "explosives", None, None),
    ("A suicide bomber blew himself up at a crowded market in Baghdad.", "ASSAULT", "Suicide bomb", "suicide-attack", None, None),
    ("Gunmen abducted 40 schoolchildren from a village in Zamfara state.", "ASSAULT", "Abduction/forced disappearance", "abduct", "Gunmen", None),
    ("Militiamen attacked a camp for displaced people, witnesses said.", "ASSAULT", "Attack", None, "Militiamen", "militia"),
    ("Police arrested dozens of opposition activists in the capital.", "COERCE", "Arrests", "arrest", "Police", "state forces"),
    ("Thousands of demonstrators marched through the capital to protest against the war.", "PROTEST", "Peaceful protest", "demo", "demonstrators", "protesters"),
    # ACLED: destruction by a mob is a riot, not a strategic development
    ("Rioters torched cars and looted shops in the southern city.", "PROTEST", "Mob violence", "riot", "Rioters", "rioters"),
    ("A crowd set fire to vehicles after the arrest of a local leader.", "PROTEST", "Mob violence", "riot", "crowd", "rioters"),
    # ACLED: an attack on armed men is a battle; an exchange of fire is a clash
    ("Rebel fighters ambushed a military convoy near the border.", "FIGHT", "Armed clash", None, "Rebel fighters", "rebels"),
    ("Soldiers and gunmen exchanged fire in the town.", "FIGHT", "Armed clash", None, None, None),
    ("The bodies of two men with gunshot wounds were found in a yard.", "ASSAULT", "Attack", "firearms", None, None),
    ("The two delegations held talks in Istanbul on Tuesday.", "CONSULT", None, None, "two delegations", "state forces"),
    ("The warring parties agreed to a ceasefire after weeks of mediation.", "AGREE", "Agreement", None, "warring parties", None),
    ("The European Union imposed fresh sanctions on Moscow over the annexation.", "SANCTION", None, None, "European Union", "external"),
    ("Several Western banks announced they would pull out of Russia.", "SANCTION", "Change to group/activity", "withdraw", "Several Western banks", "companies"),
    ("Russian troops withdrew from the area around the capital.", "RETREAT", "Non-violent transfer of territory", "withdraw", "Russia", "state forces"),
    ("The army mobilized reservists along the border.", "MOBILIZE", None, "troops", "army", "state forces"),
    ("The government condemned the killing of the journalist.", "DISAPPROVE", None, None, "government", "state forces"),
    ("The United Nations demanded an immediate halt to the fighting.", "DEMAND", None, None, "United Nations", "external"),
    ("Kyiv rejected the proposal as unacceptable.", "REJECT", None, None, "Kyiv", "state forces"),
    ("Pyongyang threatened to strike American bases in the region.", "THREATEN", None, None, "Pyongyang", "state forces"),
    ("The rebels released 12 hostages on Sunday.", "RETREAT", None, "release", "rebels", "rebels"),
    ("Authorities imposed a curfew on the town after the unrest.", "COERCE", None, "curfew", "Authorities", "state forces"),
    ("Washington pledged $500 million in military aid to Kyiv.", "AGREE", None, None, "Washington", "state forces"),
    ("Prosecutors opened an investigation into the massacre.", "INVESTIGATE", None, None, "Prosecutors", None),
    ("Russian forces have captured the city of Izium, the defence ministry said.", "FIGHT", None, None, "Russia", "state forces"),
    ("Hundreds of workers went on a hunger strike outside the parliament.", "PROTEST", None, "strike-hun", None, None),
]  # fmt: skip

# sentence, PLOVER type that must be found, flag it must carry
FLAGGED = [
    ("No air strikes were reported in the region overnight.", "ASSAULT", "negated"),
    ("The army did not attack the town.", "ASSAULT", "negated"),
    ("Moscow denied bombing the hospital.", "ASSAULT", "denied"),
    ("Russia could launch a new offensive in the spring.", "FIGHT", "hypothetical"),
    ("Pyongyang threatened to strike American bases in the region.", "ASSAULT", "hypothetical"),
    ("The two sides will hold talks next week in Geneva.", "CONSULT", "future"),
    ("Food prices have soared since the army seized the port.", "FIGHT", "historical"),
]

# sentences with no event at all
QUIET = [
    "The minister said the economy grew by two percent last year.",
    "He met a wall of indifference when he asked for directions.",
    "Thousands of refugees joined the exodus from the border towns.",
]


def _run(nlp: Language, text: str, **kw: Any) -> tuple[list[Event], Any]:
    doc = parse(text, nlp=nlp)
    art = Article(id="test", text=text, published=kw.pop("published", PUBLISHED))
    args: dict[str, Any] = {"places": [], "times": [], "casualties": []}
    args.update(kw)
    return events(doc, article=art, **args), doc


@pytest.mark.slow
@pytest.mark.parametrize(("text", "plover", "sub", "mode", "actor", "kind"), TYPED)
def test_main_event_type_and_actor(
    nlp: Language,
    text: str,
    plover: str,
    sub: str | None,
    mode: str | None,
    actor: str | None,
    kind: str | None,
) -> None:
    found, doc = _run(nlp, text)
    top = main_event(found, doc)
    assert top is not None, text
    assert top.plover == plover
    if sub is not None:
        assert top.sub_event_type == sub
    if mode is not None:
        assert top.mode == mode
    if actor is not None:
        assert top.actor1 == actor
    if kind is not None:
        assert top.actor1_kind == kind
    assert top.evidence.text == text
    assert 0.0 < top.confidence <= 1.0


@pytest.mark.slow
@pytest.mark.parametrize(("text", "plover", "flag"), FLAGGED)
def test_flags(nlp: Language, text: str, plover: str, flag: str) -> None:
    found, _ = _run(nlp, text)
    ev = next(e for e in found if e.plover == plover)
    assert flag in ev.flags
    if flag != "historical":  # a past event is as certain as a present one
        assert ev.confidence < 0.75


@pytest.mark.slow
def test_plain_event_has_no_flags(nlp: Language) -> None:
    found, _ = _run(nlp, "Rebels clashed with government troops near the town.")
    assert found[0].flags == ()


@pytest.mark.slow
@pytest.mark.parametrize("text", QUIET)
def test_no_event(nlp: Language, text: str) -> None:
    found, _ = _run(nlp, text)
    assert found == []


@pytest.mark.slow
def test_links_place_date_and_fatalities(nlp: Language) -> None:
    text = (
        "Peace talks resumed in Vienna.\n\n"
        "Missile strikes on Odesa killed 14 people on Tuesday, officials said."
    )
    vienna = text.index("Vienna")
    odesa = text.index("Odesa")
    tuesday = text.index("Tuesday")
    fourteen = text.index("14 people")
    places = [
        Place("Vienna", vienna, vienna + 6, name="Vienna", country="AT", resolved=True),
        Place("Odesa", odesa, odesa + 5, name="Odesa", country="UA", resolved=True),
        Place("Odesa", odesa, odesa + 5, name="Odesa", country="UA", resolved=True),
    ]
    times = [TimeRef("Tuesday", tuesday, tuesday + 7, "2022-05-31", begin=dt.date(2022, 5, 31))]
    claim = CasualtyClaim(
        id="c1", kind="killed", count=14, low=14, high=14, hedge=None,
        evidence=Evidence(fourteen, fourteen + 9, "14 people"),
    )  # fmt: skip
    found, _ = _run(nlp, text, places=places, times=times, casualties=[claim])
    talks = next(e for e in found if e.plover == "CONSULT")
    strike = next(e for e in found if e.plover == "ASSAULT")
    assert talks.place is not None and talks.place.name == "Vienna"
    assert strike.place is not None and strike.place.name == "Odesa"
    assert strike.sub_event_type == "Shelling/artillery/missile attack"
    assert strike.date == dt.date(2022, 5, 31)
    assert strike.fatalities == 14 and strike.casualty_ids == ("c1",)
    assert talks.fatalities is None and talks.date is None


@pytest.mark.slow
def test_dominant_place_is_the_fallback(nlp: Language) -> None:
    text = "Kharkiv was quiet. Kharkiv residents fled. Shelling resumed overnight."
    places = [
        Place("Kharkiv", i, i + 7, name="Kharkiv", country="UA", resolved=True)
        for i in (0, text.index("Kharkiv", 5))
    ]
    found, _ = _run(nlp, text, places=places)
    shelling = next(e for e in found if e.plover == "ASSAULT")
    assert shelling.place is not None and shelling.place.name == "Kharkiv"


@pytest.mark.slow
def test_historical_year(nlp: Language) -> None:
    text = "Russia invaded Crimea in 2014."
    at = text.index("2014")
    year = TimeRef("2014", at, at + 4, "2014", grain="year", begin=dt.date(2014, 1, 1))
    found, _ = _run(nlp, text, times=[year])
    assert found[0].plover == "FIGHT"
    assert "historical" in found[0].flags
    assert found[0].period == "2014" and found[0].date is None


@pytest.mark.slow
def test_event_ids_are_stable_and_distinct(nlp: Language) -> None:
    text = "Troops shelled the village. Police arrested two men."
    first, _ = _run(nlp, text)
    second, _ = _run(nlp, text)
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == len(first) == 2


def test_taxonomy_helpers() -> None:
    assert normalize_plover("accuse") == "DISAPPROVE"
    assert normalize_plover("REQUEST") == "DEMAND"
    assert acled_for("FIGHT") == ("Battles", "Armed clash")
    assert acled_for("CONSULT") == ("Strategic developments", "Other")
    assert actor_kind("Hamas militants") == "rebels"
    assert actor_kind("NATO") == "external"
    assert actor_kind("Kremlin", label="ORG") == "state forces"
    assert actor_kind("Acme Corp", label="ORG") == "organization"


def test_dominant_place_prefers_the_most_mentioned() -> None:
    a = Place("Lviv", 0, 4, name="Lviv", resolved=True)
    b = Place("Kyiv", 10, 14, name="Kyiv", resolved=True)
    c = Place("Kyiv", 20, 24, name="Kyiv", resolved=True)
    actor = Place("Moscow", 30, 36, name="Moscow", resolved=True, role="actor")
    top = dominant_place([a, b, c, actor, actor, actor])
    assert top is not None and top.name == "Kyiv"
    assert dominant_place([]) is None


def _places(text: str, *names: tuple[str, str, str, str]) -> list[Place]:
    """Places at each occurrence of (text, name, country, precision[, role])."""
    out = []
    for spec in names:
        word, country, precision = spec[0], spec[1], spec[2]
        role = spec[3] if len(spec) > 3 else "location"
        at = 0
        while (at := text.find(word, at)) >= 0:
            out.append(
                Place(
                    word,
                    at,
                    at + len(word),
                    name=word,
                    country=country,
                    precision=precision,
                    resolved=True,
                    role=role,
                )
            )  # type: ignore[arg-type]
            at += len(word)
    return sorted(out, key=lambda p: p.start)


@pytest.mark.slow
def test_possessive_actor_and_metonymic_object_are_no_location(nlp: Language) -> None:
    text = (
        "Kharkiv was shelled again.\n\n"
        "Air strikes hit cities that Moscow's forces have failed to capture, "
        "and sanctions have left Moscow isolated."
    )
    places = _places(text, ("Kharkiv", "UA", "city"), ("Moscow", "RU", "city"))
    found, _ = _run(nlp, text, places=places)
    assert all(e.place is None or e.place.name != "Moscow" for e in found), found


@pytest.mark.slow
def test_the_city_is_the_city_last_named(nlp: Language) -> None:
    text = (
        "The roof of a police building in central Kharkiv collapsed. Officials said 21 "
        "people were killed by shelling in the city, in Ukraine's east."
    )
    places = _places(text, ("Kharkiv", "UA", "city"), ("Ukraine", "UA", "country"))
    found, _ = _run(nlp, text, places=places)
    shelling = next(e for e in found if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling.place is not None and shelling.place.name == "Kharkiv"


@pytest.mark.slow
def test_city_over_its_country_and_claims_place(nlp: Language) -> None:
    text = "Russian missiles struck Ukraine's second city, Kharkiv, on Tuesday."
    places = _places(text, ("Ukraine", "UA", "country"), ("Kharkiv", "UA", "city"))
    found, _ = _run(nlp, text, places=places)
    assert found[0].place is not None and found[0].place.name == "Kharkiv"
    text = "Shelling killed 21 people in the past day, Ukrainian officials said."
    at = text.index("21")
    claim = CasualtyClaim(
        id="c1", kind="killed", count=21, low=21, high=21, hedge=None,
        evidence=Evidence(at, at + 9, "21 people"),
        place=PlaceRef("Kharkiv", "UA", 49.98, 36.25, 706483, "city"),
    )  # fmt: skip
    fallback = [Place("Ukraine", 500, 507, name="Ukraine", country="UA", precision="country",
                      resolved=True)]  # fmt: skip
    found, _ = _run(nlp, text, casualties=[claim], places=fallback)
    assert found[0].place is not None and found[0].place.name == "Kharkiv"


@pytest.mark.slow
def test_another_events_clause_keeps_its_date_and_place(nlp: Language) -> None:
    text = (
        "Apple and Boeing joined an exodus of companies from Russian markets that has left "
        "Moscow isolated since President Vladimir Putin ordered the Feb. 24 invasion."
    )
    at = text.index("Feb. 24")
    feb = TimeRef("Feb. 24", at, at + 7, "2022-02-24", begin=dt.date(2022, 2, 24))
    found, _ = _run(nlp, text, times=[feb], published=dt.date(2022, 3, 2),
                    places=_places(text, ("Moscow", "RU", "city")))  # fmt: skip
    exodus = next(e for e in found if e.plover == "SANCTION")
    invasion = next(e for e in found if e.plover == "FIGHT")
    assert exodus.date is None and exodus.place is None
    assert invasion.date == dt.date(2022, 2, 24) and "historical" in invasion.flags


@pytest.mark.slow
def test_toll_and_generic_strikes_are_flagged(nlp: Language) -> None:
    text = "Russian air strikes caused devastation in cities."
    found, _ = _run(nlp, text)
    assert found[0].plover == "ASSAULT" and "generic" in found[0].flags
    text = "Russia has killed more than 2,000 civilians since the invasion."
    at = text.index("more than")
    claim = CasualtyClaim(
        id="c1", kind="killed", count=2000, low=2001, high=None, hedge="more than",
        evidence=Evidence(at, at + 25, "more than 2,000 civilians"), scope="cumulative",
    )  # fmt: skip
    found, _ = _run(nlp, text, casualties=[claim])
    assert "summary" in found[0].flags


@pytest.mark.slow
def test_outcome_restatement_and_actor_carry_over(nlp: Language) -> None:
    text = (
        "Russian air strikes hit the outskirts of Kharkiv on Monday. Bombing of Kharkiv has "
        "left its centre a wasteland. After an air strike on Tuesday, a police building "
        "collapsed. Two people were killed."
    )
    places = _places(text, ("Kharkiv", "UA", "city"))
    mon, tue = text.index("Monday"), text.index("Tuesday")
    times = [
        TimeRef("Monday", mon, mon + 6, "2022-05-30", begin=dt.date(2022, 5, 30)),
        TimeRef("Tuesday", tue, tue + 7, "2022-05-31", begin=dt.date(2022, 5, 31)),
    ]
    two = text.index("Two people")
    claim = CasualtyClaim(
        id="c2", kind="killed", count=2, low=2, high=2, hedge=None,
        evidence=Evidence(two, two + 10, "Two people"),
    )  # fmt: skip
    found, _ = _run(nlp, text, places=places, times=times, casualties=[claim])
    assert [e.date for e in found] == [dt.date(2022, 5, 30), dt.date(2022, 5, 31)]
    assert all(e.actor1 == "Russia" for e in found)
    assert found[1].casualty_ids == ("c2",) and found[1].fatalities == 2
