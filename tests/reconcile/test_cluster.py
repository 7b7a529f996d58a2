from __future__ import annotations

import datetime as dt

from sitrep.reconcile.cluster import Rules, actor_similarity, place_match
from sitrep.reconcile.incidents import cluster_items
from sitrep.reconcile.items import Item, Spot

KHARKIV = Spot("Kharkiv", "UA", 49.98, 36.25, 706483, "city")
CHUHUIV = Spot("Chuhuiv", "UA", 49.84, 36.69, 710403, "city")  # ~35 km from Kharkiv
KYIV = Spot("Kyiv", "UA", 50.45, 30.52, 703448, "city")
UKRAINE = Spot("Ukraine", "UA", 49.0, 32.0, 690791, "country")


def _ev(
    iid: str,
    spot: Spot,
    day: int,
    *,
    plover: str = "ASSAULT",
    actor: str | None = "Russia",
    art: str | None = None,
) -> Item:
    return Item(
        id=iid,
        kind="event",
        article_id=art or iid,
        canonical_id=art or iid,
        outlet="x",
        published=None,
        date=dt.date(2022, 3, day),
        spot=spot,
        plover=plover,
        event_type="Explosions/Remote violence",
        actor1=actor,
    )


def test_place_match_rules() -> None:
    assert place_match(KHARKIV, KHARKIV, max_km=50) == ("same-place", 0.0)
    rule, d = place_match(KHARKIV, CHUHUIV, max_km=50) or ("", None)
    assert rule == "geo" and d is not None and 25 < d < 45
    assert place_match(KHARKIV, CHUHUIV, max_km=25) is None
    assert place_match(KHARKIV, KYIV, max_km=50) is None
    assert place_match(UKRAINE, UKRAINE, max_km=50) is None  # too vague to merge on
    assert place_match(Spot("Bucha"), Spot("bucha"), max_km=50) == ("same-place", None)
    assert place_match(Spot("Bucha", "UA"), Spot("Bucha", "PL"), max_km=50) is None


def test_actor_similarity_folds_forces_and_demonyms() -> None:
    assert actor_similarity("Russian forces", "Russia") == 100.0
    assert actor_similarity("the Ukrainian army", "Ukraine") == 100.0
    assert (actor_similarity("Russia", "Ukraine") or 0) < 85
    assert actor_similarity(None, "Russia") is None


def test_same_incident_merges_with_reason() -> None:
    cl = cluster_items([_ev("a", KHARKIV, 1), _ev("b", CHUHUIV, 2, actor="Russian forces")], [])
    assert len(cl.clusters) == 1
    m = {x.item_id: x for x in cl.merges}
    assert m["a"].rule == "seed" and m["b"].rule == "geo" and m["b"].joined_item == "a"
    assert m["b"].day_gap == 1 and m["b"].similarity == 1.0


def test_distance_date_type_and_actor_keep_incidents_apart() -> None:
    events = [
        _ev("a", KHARKIV, 1),
        _ev("far", KYIV, 1),
        _ev("later", KHARKIV, 8),
        _ev("fight", KHARKIV, 1, plover="FIGHT"),
        _ev("other-side", KHARKIV, 1, actor="Ukraine"),
        _ev("vague", UKRAINE, 1),
    ]
    cl = cluster_items(events, [])
    assert len(cl.clusters) == len(events)


def test_no_chaining_beyond_the_first_report() -> None:
    # each step is < 50 km from the previous, but the third is > 50 km from the first
    steps = [Spot(f"p{i}", "UA", 50.0, 36.0 + 0.6 * i, None, "city") for i in range(3)]
    cl = cluster_items(
        [_ev(f"e{i}", s, 1) for i, s in enumerate(steps)], [], rules=Rules(max_km=50)
    )
    assert len(cl.clusters) == 2


def test_split_item_stays_alone() -> None:
    events = [_ev("a", KHARKIV, 1), _ev("b", KHARKIV, 1), _ev("c", KHARKIV, 1)]
    cl = cluster_items(events, [], splits={"b"})
    assert len(cl.clusters) == 2
    assert cl.cluster_of["a"] is cl.cluster_of["c"]
    assert [m.rule for m in cl.merges if m.item_id == "b"] == ["split"]


def test_daily_shelling_of_one_city_is_not_one_event() -> None:
    # a report every day for two weeks: each within 2 days of the previous one, but an
    # event spans at most its first report's date +- max_days
    cl = cluster_items([_ev(f"d{d}", KHARKIV, d) for d in range(1, 15)], [])
    assert len(cl.clusters) >= 3
    for c in cl.clusters:
        assert c.first is not None and c.last is not None
        assert (c.last - c.first).days <= 2 * Rules().max_days


def test_casualty_claims_join_by_event_link_then_by_place() -> None:
    ev = _ev("strike", KHARKIV, 1)
    ev = Item(**{**{f: getattr(ev, f) for f in ev.__slots__}, "casualty_ids": ("k1",)})
    k1 = Item(id="k1", kind="casualty", article_id="strike", canonical_id="strike", outlet="x",
              published=None, date=dt.date(2022, 3, 1), spot=Spot("Freedom Square"))  # fmt: skip
    k2 = Item(id="k2", kind="casualty", article_id="b", canonical_id="b", outlet="y",
              published=None, date=dt.date(2022, 3, 2), spot=CHUHUIV)  # fmt: skip
    k3 = Item(id="k3", kind="casualty", article_id="c", canonical_id="c", outlet="y",
              published=None, date=dt.date(2022, 3, 1), spot=KYIV)  # fmt: skip
    cl = cluster_items([ev], [k1, k2, k3])
    rules = {m.item_id: m.rule for m in cl.merges}
    assert rules == {"strike": "seed", "k1": "event-link", "k2": "geo", "k3": "seed"}
    assert cl.cluster_of["k2"] is cl.cluster_of["strike"]


def test_an_incident_is_named_by_the_place_most_of_its_reports_give() -> None:
    """The seed says Chuhuiv; two later reports of the same strike say Kharkiv: Kharkiv."""
    items = [
        _ev("a", CHUHUIV, 1),
        _ev("b", KHARKIV, 1, actor="Russian forces"),
        _ev("c", KHARKIV, 2, actor="Russian forces"),
    ]
    cl = cluster_items(items, [])
    assert len(cl.clusters) == 1
    assert cl.clusters[0].spot.name == "Kharkiv"
