"""Issue 14: articles into incidents by what happened, where (at its precision), when (the
event day, not the publication day), with text similarity as evidence, not as the key; and
the merged clusters keep their reasons and can be split."""

from __future__ import annotations

import datetime as dt

from sitrep.reconcile.cluster import Clusterer
from sitrep.reconcile.incidents import cluster_items
from sitrep.reconcile.items import Item, Spot
from sitrep.reconcile.linking import LinkRules, Profile, judge, link_articles, profile, vectorize

D = dt.date
TOWN = ("Townsville", "XX", 48.0, 30.0, 101, "city")
SUBURB = ("Suburbia", "XX", 48.1, 30.1, 102, "city")  # about 13 km away
FAR = ("Farcity", "XX", 46.0, 36.0, 103, "city")  # about 500 km away
REGION = ("Some Oblast", "XX", 48.2, 30.3, 104, "region")
COUNTRY = ("Xland", "XX", 49.0, 31.0, 105, "country")

STRIKE = (
    "A missile strike on an apartment block in Townsville killed 21 people, the regional "
    "governor said. Rescuers searched the rubble of the nine-storey building overnight."
)
FOLLOW = (
    "The death toll from the missile strike on the Townsville apartment block rose to 40, "
    "rescuers said, as the search of the rubble of the building ended."
)
OTHER = (
    "Parliament approved the budget for next year after a long debate on pensions and "
    "teachers' pay; the opposition walked out of the chamber before the vote."
)


def _p(
    aid: str,
    published: dt.date,
    text: str,
    places: list[tuple[object, ...]],
    days: tuple[dt.date, ...] = (),
    kinds: tuple[str, ...] = ("ASSAULT", "casualty"),
    canon: str | None = None,
) -> Profile:
    return profile(aid, canon or aid, published, text, places, days, kinds)


BACKGROUND = [
    "Floods closed roads in the north after a week of heavy rain, the weather service said.",
    "The central bank left interest rates unchanged and said inflation would ease this year.",
    "Farmers protested outside the ministry against cheaper grain imports from abroad.",
    "The football team won the cup final after extra time in front of a full stadium.",
]


def _profiles(*ps: Profile) -> list[Profile]:
    """The profiles, their TF-IDF taken over a small corpus of other news as well."""
    rest = [_p(f"bg{i}", D(2023, 6, 1), t, [], kinds=()) for i, t in enumerate(BACKGROUND)]
    vectorize([*ps, *rest])
    return list(ps)


def test_same_place_and_day_with_similar_text_link_with_reasons() -> None:
    a, b = _profiles(
        _p("a", D(2024, 1, 1), STRIKE, [TOWN, TOWN, COUNTRY]),
        _p("b", D(2024, 1, 2), FOLLOW, [SUBURB, TOWN]),
    )
    link = judge(a, b, rules=LinkRules())
    assert link is not None and link.rule == "place-date-text"
    assert link.day_gap == 1 and link.distance_km is not None and link.similarity
    groups, links = link_articles([a, b])
    assert groups["a"] == groups["b"] and len(links) == 1


def test_far_apart_places_or_days_or_no_violence_do_not_link() -> None:
    a, far, late, calm = _profiles(
        _p("a", D(2024, 1, 1), STRIKE, [TOWN]),
        _p("far", D(2024, 1, 1), STRIKE, [FAR]),
        _p("late", D(2024, 1, 20), FOLLOW, [TOWN]),
        _p("calm", D(2024, 1, 1), STRIKE, [TOWN], kinds=("CONSULT",)),
    )
    rules = LinkRules()
    assert judge(a, far, rules=rules) is None
    assert judge(a, late, rules=rules) is None  # three weeks later, naming no day of it
    assert judge(a, calm, rules=rules) is None


def test_a_follow_up_naming_the_day_of_the_attack_links() -> None:
    a, later = _profiles(
        _p("a", D(2024, 1, 1), STRIKE, [TOWN]),
        _p("later", D(2024, 3, 1), FOLLOW, [TOWN], days=(D(2024, 1, 1),)),
    )
    link = judge(a, later, rules=LinkRules())
    assert link is not None and link.day_gap == 0


def test_a_long_past_day_both_name_in_passing_does_not_link() -> None:
    # two strikes months apart in one city; both name the war's first day once, in passing
    war_began = D(2023, 10, 7)
    first, second = _profiles(
        _p("first", D(2023, 10, 31), STRIKE, [TOWN], days=(war_began, D(2023, 10, 31))),
        _p("second", D(2024, 2, 29), FOLLOW, [TOWN], days=(war_began, D(2024, 2, 29))),
    )
    assert judge(first, second, rules=LinkRules()) is None
    # a piece about the past day (named more than any recent one) still links to the reports
    # of that day, and to another such piece
    attack = _p("attack", D(2023, 10, 8), STRIKE, [TOWN], days=(war_began,))
    later = _p("later", D(2023, 11, 10), FOLLOW, [TOWN], days=(war_began, war_began))
    later2 = _p("later2", D(2025, 4, 3), FOLLOW, [TOWN], days=(war_began, war_began, D(2025, 4, 2)))
    attack, later, later2 = _profiles(attack, later, later2)
    assert war_began in later.fresh and war_began not in first.fresh
    assert judge(attack, later, rules=LinkRules()) is not None
    assert judge(later, later2, rules=LinkRules()) is not None
    # two later reports that name the long-past day once each (and no day of their own) are
    # not about it: it links neither to the other nor to a report of another strike that
    # names it in passing
    once_a = _p("once_a", D(2024, 6, 9), FOLLOW, [TOWN], days=(war_began,))
    once_b = _p("once_b", D(2023, 10, 31), STRIKE, [TOWN], days=(war_began, D(2023, 10, 31)))
    once_a, once_b = _profiles(once_a, once_b)
    assert war_began not in once_a.fresh
    assert judge(once_a, once_b, rules=LinkRules()) is None


def test_a_country_alone_never_links_but_similar_text_can() -> None:
    a, b, c = _profiles(
        _p("a", D(2024, 1, 1), STRIKE, [COUNTRY]),
        _p("b", D(2024, 1, 1), OTHER + " Police said 21 people were killed.", [COUNTRY]),
        _p("c", D(2024, 1, 1), STRIKE + " " + FOLLOW, [COUNTRY]),
    )
    rules = LinkRules()
    assert judge(a, b, rules=rules) is None  # the same country and day: not enough
    link = judge(a, c, rules=rules)
    assert link is not None and link.rule == "date-text" and link.place is None


def test_region_is_weak_evidence() -> None:
    a, b = _profiles(
        _p("a", D(2024, 1, 1), STRIKE, [REGION]),
        _p("b", D(2024, 1, 1), OTHER, [REGION]),
    )
    assert judge(a, b, rules=LinkRules()) is None


def _item(iid: str, art: str, spot: Spot, day: dt.date) -> Item:
    return Item(iid, "casualty", art, art, None, day, day, spot)


def test_incident_merge_keeps_reasons_and_respects_splits() -> None:
    country = Spot("Xland", "XX", 49.0, 31.0, 105, "country")
    town = Spot(*TOWN)  # type: ignore[arg-type]
    items = [
        _item("ka", "a", town, D(2024, 1, 1)),
        _item("kb", "b", country, D(2024, 1, 2)),  # pinned to the country only
        _item("kc", "b", Spot(*FAR), D(2024, 1, 2)),  # type: ignore[arg-type]  # elsewhere
    ]
    profiles = _profiles(
        _p("a", D(2024, 1, 1), STRIKE, [TOWN, TOWN]),
        _p("b", D(2024, 1, 2), FOLLOW, [TOWN]),
    )
    cl = cluster_items([], items, profiles=profiles)
    assert cl.cluster_of["ka"] is cl.cluster_of["kb"]
    assert cl.cluster_of["kc"] is not cl.cluster_of["ka"]  # 500 km away: another incident
    merge = next(m for m in cl.merges if m.item_id == "kb")
    assert merge.rule == "incident:place-date-text" and merge.similarity
    split: Clusterer = cluster_items([], items, profiles=profiles, splits=["kb"])
    assert split.cluster_of["kb"] is not split.cluster_of["ka"]
    assert next(m for m in split.merges if m.item_id == "kb").rule == "split"


def test_a_place_most_reports_name_is_the_incident_s_but_one_report_s_aside_is_not() -> None:
    """A dateline or capital most of the incident's reports name (far from the incident's
    main place) is theirs; a far place one report names in passing is another incident."""
    capital = ("Capital", "XX", 50.4, 30.5, 106, "city")  # about 270 km from the town
    town, cap, far = Spot(*TOWN), Spot(*capital), Spot(*FAR)  # type: ignore[arg-type]
    items = [
        _item("ka", "a", town, D(2024, 1, 1)),
        _item("kb", "b", cap, D(2024, 1, 1)),
        _item("kc", "c", far, D(2024, 1, 1)),
    ]
    profiles = _profiles(
        _p("a", D(2024, 1, 1), STRIKE, [TOWN, TOWN, capital]),
        _p("b", D(2024, 1, 1), STRIKE + " " + FOLLOW, [capital, TOWN]),
        _p("c", D(2024, 1, 1), FOLLOW, [TOWN, TOWN, TOWN, FAR]),
    )
    cl = cluster_items([], items, profiles=profiles)
    assert cl.cluster_of["kb"] is cl.cluster_of["ka"]
    assert cl.cluster_of["kc"] is not cl.cluster_of["ka"]
