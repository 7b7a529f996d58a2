from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sitrep.reconcile.contradict import differing_figures, superseded_by_others, updates
from sitrep.reconcile.items import Figure, Spot
from sitrep.reconcile.tally import incidents, sum_tallies, tally_group, time_slot

K = Spot("Kharkiv", "UA", 49.98, 36.25, 706483, "city")


def _f(
    fid: str,
    count: int | None,
    source: str | None,
    day: int,
    *,
    art: str | None = None,
    canon: str | None = None,
    low: int | None = None,
    high: int | None = None,
    flags: tuple[str, ...] = (),
    stance: str = "reports",
    scope: str = "incident",
    kind: str = "killed",
    start: int = 0,
    when: str | None = None,
    text: str = "",
    updates: str | None = None,
    victims: str | None = None,
) -> Figure:
    art = art or fid
    return Figure(
        id=fid,
        article_id=art,
        canonical_id=canon or art,
        outlet=f"outlet-{art}",
        kind=kind,
        count=count,
        low=count if low is None else low,
        high=high,
        source=source,
        stance=stance,
        scope=scope,
        flags=flags,
        report_date=dt.date(2022, 3, day),
        date=dt.date(2022, 3, 1),
        start=start,
        updates=updates,
        victims=victims,
        perpetrator=None,
        spot=K,
        confidence=0.8,
        when=when,
        text=text,
    )


FIGS = [
    _f("gov", 10, "Governor", 1),
    _f("ses1", 21, "State Emergency Service", 1),
    _f("ses2", 23, "State Emergency Service", 2),
    _f("copy", 10, "Governor", 1, art="gbnews", canon="gov"),
    _f("hist", 50, "Governor", 1, flags=("historical",)),
    _f("neg", 0, "Police", 1, flags=("negated",)),
    _f("deny", 0, "Ministry", 2, stance="denies"),
    _f("cum", 2000, "State Emergency Service", 2, scope="cumulative", low=2001),
]


@pytest.mark.parametrize("rule", ["conservative", "latest", "highest"])
def test_rules_and_lineage(rule: str) -> None:
    """The governor's 10 of day 1 is superseded by the emergency service's 23 of day 2 (a
    later, higher figure from a source as good): it stays in the lineage, out of the range."""
    t = tally_group(FIGS, key="c1", kind="killed", rule=rule)
    assert (t.low, t.best, t.high, t.best_claim_id) == (23, 23, 23, "ses2")
    assert t.claim_ids == ("ses2",)
    assert t.superseded_ids == ("gov", "ses1")
    assert t.superseded_sources == ("Governor",)
    assert t.copy_ids == ("copy",)
    assert {i for i, _ in t.excluded_ids} == {"hist", "neg", "deny"}
    assert t.n_sources == 2
    assert [p.figure for p in t.series["State Emergency Service"]] == [21, 23]


@pytest.mark.parametrize(
    ("rule", "best", "best_id"),
    [("conservative", 10, "gov"), ("latest", 10, "gov"), ("highest", 23, "ses2")],
)
def test_rules_over_disputed_figures(rule: str, best: int, best_id: str) -> None:
    """A lower figure reported later is a dispute, not superseded: the rules choose."""
    figs = [
        _f("ses2", 23, "State Emergency Service", 1),
        _f("gov", 10, "Governor", 2),
    ]
    t = tally_group(figs, key="c1", kind="killed", rule=rule)
    assert (t.low, t.best, t.high, t.best_claim_id) == (10, best, 23, best_id)
    assert t.claim_ids == ("gov", "ses2") and t.superseded_ids == ()


def test_cumulative_is_tallied_apart() -> None:
    t = tally_group(FIGS, key="UA", kind="killed", scope="cumulative")
    assert (t.low, t.best, t.high, t.claim_ids) == (2001, 2001, 2001, ("cum",))


def test_unattributed_claims_count_per_outlet_and_copies_once() -> None:
    figs = [
        _f("a", 5, None, 1, art="A"),
        _f("b", 5, None, 1, art="B", canon="A"),
        _f("c", 7, None, 1, art="C"),
    ]
    t = tally_group(figs, key="k", kind="killed", outlets={"A": "Reuters", "C": "BBC"})
    assert set(t.series) == {"Reuters (outlet)", "BBC (outlet)"}
    assert t.copy_ids == ("b",)


def test_a_copy_that_rewords_a_bound_is_the_same_claim_another_figure_is_not() -> None:
    # the rewrite's "more than 93" is the wire's "at least 93" (and its "93"): one claim
    wire = _f("w", 93, "Civil defence", 1, art="W")
    wire = dataclasses.replace(wire, hedge="at least")
    more = dataclasses.replace(
        _f("m", 93, "Civil defence", 1, art="M", canon="W", low=94), hedge="more than"
    )
    plain = _f("p", 93, "Civil defence", 1, art="P", canon="W")
    later = _f("l", 100, "Civil defence", 2, art="L", canon="W")
    t = tally_group([wire, more, plain, later], key="k", kind="killed")
    assert set(t.copy_ids) == {"m", "p"}
    assert "l" in t.claim_ids  # a copy's other figure is an update, never a copy
    nearly = dataclasses.replace(
        _f("n", 93, "Civil defence", 1, art="N", canon="W", high=92), hedge="nearly"
    )
    assert tally_group([wire, nearly], key="k", kind="killed").copy_ids == ()


def test_open_ended_and_vague_figures() -> None:
    """A vague count widens the range but is never the best figure when a number exists."""
    figs = [
        _f("more", 2000, "A", 1, low=2001, high=None),
        _f("dozens", None, "B", 1, low=24, high=99),
    ]
    t = tally_group(figs, key="k", kind="killed")
    assert (t.low, t.best, t.high) == (24, 2001, 2001)
    (only,) = [_f("dozens", None, "B", 1, low=24, high=99)]
    assert tally_group([only], key="k", kind="killed").best == 24


def test_sum_over_clusters() -> None:
    t1 = tally_group([_f("a", 3, "A", 1)], key="c1", kind="killed")
    t2 = tally_group([_f("b", 4, "B", 1, high=6)], key="c2", kind="killed")
    (s,) = sum_tallies([t1, t2])
    assert (s.low, s.best, s.high, s.cluster_ids) == (7, 7, 9, ("c1", "c2"))


def test_unknown_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown tally rule"):
        tally_group(FIGS, key="c", kind="killed", rule="average")


SAMPLE = (
    "Authorities said 21 people were killed by shelling and air strikes in the city in the "
    "past 24 hours, and four more on Wednesday morning."
)


def _updates(figs: list[Figure]) -> list[tuple[int | None, int | None]]:
    ts = [tally_group(figs, key="c", kind="killed", rule=r) for r in ("conservative",)]
    return [(u.figure_a, u.figure_b) for u in updates(ts, figs)]


def test_time_slots() -> None:
    d = dt.date
    assert time_slot("2022-03-01/2022-03-02") == (d(2022, 3, 1), d(2022, 3, 2))
    assert time_slot("2022-03-02") == (d(2022, 3, 2), d(2022, 3, 2))
    assert time_slot("P1W/2022-03-02") == (d(2022, 2, 23), d(2022, 3, 2))
    assert time_slot("2022-02") == (d(2022, 2, 1), d(2022, 2, 28))
    assert time_slot(None) is None and time_slot("PRESENT_REF") is None


def test_one_article_other_period_and_more_add_up() -> None:
    """The sample's "21 ... in the past 24 hours, and four more on Wednesday morning"."""
    figs = [
        _f("k21", 21, "Authorities", 2, art="gb", when="2022-03-01/2022-03-02", text=SAMPLE),
        _f("k4", 4, "Authorities", 2, art="gb", when="2022-03-02", text=SAMPLE),
    ]
    for rule in ("conservative", "latest", "highest"):
        t = tally_group(figs, key="c", kind="killed", rule=rule)
        assert (t.low, t.best, t.high) == (25, 25, 25)
        assert t.claim_ids == ("k21", "k4") and t.superseded_ids == ()
    assert _updates(figs) == []


def test_more_in_a_later_report_adds_up() -> None:
    figs = [
        _f("day1", 21, "Authorities", 2, art="a1", text="Authorities said 21 people were killed."),
        _f("day2", 4, "Authorities", 3, art="a2",
           text="Four more people were killed in the city, authorities said."),
    ]  # fmt: skip
    t = tally_group(figs, key="c", kind="killed")
    assert (t.best, t.claim_ids, t.superseded_ids) == (25, ("day1", "day2"), ())
    assert _updates(figs) == []
    other = [*figs, _f("gov", 30, "Governor", 2, art="a3")]
    t = tally_group(other, key="c", kind="killed")
    assert t.best == 25 and t.n_sources == 2  # the source's sum, not its last figure
    (diff,) = differing_figures([t])  # the source's sum against the other's figure
    assert (diff.figure_a, diff.figure_b) == (25, 30)
    t = tally_group([*figs, _f("gov", 25, "Governor", 3, art="a3")], key="c", kind="killed")
    assert not differing_figures([t])


def test_disjoint_periods_of_two_reports_add_up() -> None:
    figs = [
        _f("mon", 10, "Authorities", 1, art="a1", when="2022-02-28"),
        _f("tue", 12, "Authorities", 2, art="a2", when="2022-03-01"),
    ]
    assert tally_group(figs, key="c", kind="killed").best == 22


def test_a_later_report_of_the_same_incident_supersedes() -> None:
    stated = [
        _f("d1", 21, "SES", 2, art="a1", when="2022-03-01/2022-03-02", text=SAMPLE),
        _f("d2", 23, "SES", 3, art="a2", updates="earlier figure 21 revised up",
           text="The death toll rose to 23, the emergency service said."),
    ]  # fmt: skip
    unstated = [stated[0], _f("d2", 23, "SES", 3, art="a2", when="2022-03-02")]
    for figs in (stated, unstated):
        t = tally_group(figs, key="c", kind="killed")
        assert (t.best, t.claim_ids, t.superseded_ids) == (23, ("d2",), ("d1",))
        assert _updates(figs) == [(21, 23)]
        assert [p.incident for p in t.series["SES"]] == [0, 0]


def test_update_names_the_figure_it_revises() -> None:
    """ "revised down to 20 from 21" updates the 21, not the four added later."""
    figs = [
        _f("k21", 21, "Authorities", 2, art="gb", when="2022-03-01/2022-03-02", text=SAMPLE),
        _f("k4", 4, "Authorities", 2, art="gb", when="2022-03-02", text=SAMPLE),
        _f("rev", 20, "Authorities", 3, art="a2", updates="earlier figure 21 revised down"),
    ]
    t = tally_group(figs, key="c", kind="killed")
    assert (t.best, t.superseded_ids) == (24, ("k21",))
    assert _updates(figs) == [(21, 20)]


def test_same_article_restatement_counts_once() -> None:
    lead = "Shelling killed 21 people in Kharkiv."
    figs = [
        _f("lead", 21, "Authorities", 2, art="gb", start=0, text=lead),
        _f("body", 21, "Authorities", 2, art="gb", start=200, when="2022-03-01/2022-03-02"),
        _f("again", 21, "Authorities", 2, art="gb", start=400),
    ]
    t = tally_group(figs, key="c", kind="killed")
    assert (t.low, t.best, t.high) == (21, 21, 21)
    # a restatement is no copy: superseded by the first in the text, which stays
    assert t.copy_ids == () and "again" in t.superseded_ids and len(t.claim_ids) == 1
    assert _updates(figs) == []
    assert len(incidents(sorted(figs, key=lambda f: f.start))) == 1


def test_other_victims_in_one_article_are_tallied_apart() -> None:
    figs = [
        _f("civ", 21, "Army", 2, art="a", victims="civilians"),
        _f("sol", 4, "Army", 2, art="a", start=50, victims="soldiers"),
    ]
    assert tally_group(figs, key="c", kind="killed").best == 21
    assert tally_group(figs, key="c", kind="killed:soldiers").best == 4


def test_a_figure_below_its_stated_count_never_passes_its_upper_bound() -> None:
    """Regression (issue 16): "nearly 300" allows at most 299, so its point is 299, not 300."""
    from dataclasses import replace

    nearly = replace(_f("n", 300, "UN", 2, high=299), low=None)
    assert nearly.point == 299
    assert nearly.upper == 299


def test_a_sub_count_is_no_total() -> None:
    """Regression (issue 16): "including three children" (flag part) never makes a tally."""
    from sitrep.reconcile.tally import excluded_reason

    assert excluded_reason(_f("p", 3, "UN", 2, flags=("part",))) == "flagged part"


def test_dead_and_wounded_together_counts_as_neither_kind() -> None:
    """ "400 dead and wounded" (flag combined) is read as killed and as injured, and is the
    number of neither."""
    from sitrep.reconcile.tally import excluded_reason

    assert excluded_reason(_f("c", 400, "UN", 2, flags=("combined",))) == "flagged combined"


def test_a_vague_count_that_allows_the_best_figure_widens_nothing() -> None:
    """ "dozens" beside 36 agrees with it: the range stays the numbers' range; "hundreds"
    cannot be 36 and a stated range "30-40" is a figure: both still widen it."""
    from dataclasses import replace

    def tally(other: Figure) -> tuple[int | None, int | None, int | None]:
        figs = [_f("n34", 34, "Police", 1), _f("n36", 36, "Council", 2), other]
        t = tally_group(figs, key="k", kind="killed")
        return t.low, t.best, t.high

    dozens = replace(_f("d", None, "President", 1, low=24, high=99), hedge="Dozens")
    assert tally(dozens) == (36, 36, 36)
    hundreds = replace(_f("h", None, "President", 1, low=200, high=999), hedge="hundreds")
    assert tally(hundreds) == (36, 36, 999)
    assert tally(_f("r", None, "Agency", 1, low=30, high=40)) == (30, 36, 40)


def test_a_word_count_beside_a_number_widens_but_never_adds() -> None:
    """One source's '53 killed' and, for another time, 'dozens more': the figure stays 53 (a
    word count says at most how many), the upper bound takes the dozens in."""
    from sitrep.reconcile.tally import Point, source_figure

    d = dt.date(2022, 3, 1)
    pts = [
        Point(d, 53, 53, 53, "a", "art", incident=0),
        Point(d, 24, 24, 99, "b", "art", incident=1, vague=True),
    ]
    f = source_figure(pts)
    assert (f.low, f.figure, f.high) == (53, 53, 152)
    only_words = source_figure([Point(d, 24, 24, 99, "b", "art", vague=True)])
    assert (only_words.low, only_words.figure, only_words.high) == (24, 24, 99)


def test_open_lower_bound_met_by_an_exact_count_is_no_lower_estimate() -> None:
    exact = _f("officials", 53, "Regional officials", 1, high=53)
    bound = dataclasses.replace(_f("later", 50, None, 9), hedge="at least")
    t = tally_group([exact, bound], key="c", kind="killed", rule="conservative")
    assert (t.low, t.best, t.high) == (50, 53, 53)
    # a bound above the exact count is no agreement: the lower figure stays the best (the
    # same day: a day later, the outlet's higher figure would be the toll's update)
    above = dataclasses.replace(_f("later", 60, None, 1), hedge="at least")
    t = tally_group([exact, above], key="c", kind="killed", rule="conservative")
    assert t.best == 53
    # a hedged "about 500" is no exact count: "at least 471" stays the conservative best
    about = dataclasses.replace(_f("about", 500, "Health officials", 1), low=None, hedge="about")
    least = dataclasses.replace(_f("least", 471, "Gaza officials", 2), hedge="at least")
    t = tally_group([about, least], key="c", kind="killed", rule="conservative")
    assert t.best == 471
    # a bound far below the count is a lower estimate, not the count's round figure
    far = dataclasses.replace(_f("far", 100, "An activist group", 9), hedge="at least")
    count = _f("count", 150, "Witnesses", 1, high=150)
    t = tally_group([far, count], key="c", kind="killed", rule="conservative")
    assert t.best == 100


def test_another_sources_later_higher_figure_is_recorded_as_an_update_with_both_sentences() -> None:
    first = _f("hall", 300, "City hall", 1, text="City hall said about 300 people died.")
    later = _f("inv", 600, "News agency investigation", 9, text="An inquiry found 600 died.")
    figs = [first, later]
    t = tally_group(figs, key="c", kind="killed", rule="conservative")
    assert t.best == 600 and t.superseded_sources == ("City hall",)
    (u,) = superseded_by_others([t], figs)
    assert (u.kind, u.rule, u.figure_a, u.figure_b) == ("update", "other-source-later", 300, 600)
    assert (u.item_a, u.item_b) == ("hall", "inv")
    assert u.detail and "about 300" in u.detail and "found 600" in u.detail
    assert not differing_figures([t], figs)


def test_an_open_lower_bound_met_by_a_count_is_no_differing_figure() -> None:
    exact = _f("officials", 53, "Regional officials", 1, high=53, text="Officials said 53 died.")
    bound = dataclasses.replace(
        _f("later", 50, None, 9, text="It killed at least 50."), hedge="at least"
    )
    t = tally_group([exact, bound], key="c", kind="killed", rule="conservative")
    assert not differing_figures([t], [exact, bound])
    # one article's two sources with two counts are a dispute
    exact = dataclasses.replace(exact, article_id="a", canonical_id="a")
    other = _f("other", 40, "Defence ministry", 1, art="a", high=40, text="The ministry: 40.")
    t = tally_group([exact, other], key="c", kind="killed", rule="conservative")
    assert [c.kind for c in differing_figures([t], [exact, other])] == ["figures_differ"]


def test_two_round_figures_within_a_tenth_are_no_dispute() -> None:
    def one_article(fid: str, count: int, high: int, source: str, hedge: str | None) -> Figure:
        f = _f(fid, count, source, 1, art="a", high=high, text=f"{source}: {count} died.")
        return dataclasses.replace(f, hedge=hedge)

    almost = one_article("almost", 299, 299, "The mayor", "almost")
    about = one_article("about", 300, 300, "Local officials", "about")
    t = tally_group([almost, about], key="c", kind="killed", rule="conservative")
    assert not differing_figures([t], [almost, about])
    # exact counts that differ stay a dispute, however close
    a = one_article("a", 115, 115, "The newspaper", None)
    b = one_article("b", 117, 117, "The ministry", None)
    t = tally_group([a, b], key="c", kind="killed", rule="conservative")
    assert [c.figure_b for c in differing_figures([t], [a, b])] == [117]


def test_a_lower_figure_later_in_one_report_is_no_new_toll() -> None:
    """ "has risen to 19 ... officers identified the bodies of 16 victims": one outlet's
    report says 19; the lower figure after it is a part, not the outlet's latest toll."""
    figs = [
        _f("risen", 19, None, 4, art="o", start=0),
        _f("identified", 16, None, 4, art="o", start=300),
        _f("earlier", 18, "Governor", 3, art="g"),
    ]
    t = tally_group(figs, key="c", kind="killed")
    assert (t.low, t.best, t.high) == (19, 19, 19)
    assert "earlier" in t.superseded_ids and "identified" not in t.claim_ids


def test_a_war_total_beside_word_counts_of_one_strike_is_set_aside() -> None:
    """ "dozens injured" four times and "an additional 91,722 injured" (the war's): the
    tally of the strike is dozens, not 91,722."""
    from dataclasses import replace

    figs = [
        replace(_f(f"d{k}", None, f"S{k}", 2, low=24, high=99, kind="injured"), hedge="dozens")
        for k in range(3)
    ] + [_f("war", 91722, None, 2, art="w", kind="injured")]
    assert all(f.vague for f in figs[:3])
    t = tally_group(figs, key="c", kind="injured")
    assert t.high is not None and t.high < 1000
    assert "war" in str(t.excluded_ids)


def test_soldiers_without_a_side_join_the_only_side_named() -> None:
    from sitrep.reconcile.tally import tally_all

    named = _f("named", 200, "Ministry", 2, art="a", victims="reservists")
    named = type(named)(**{**{k: getattr(named, k) for k in named.__dataclass_fields__},
                           "side": "Ukrainian", "group": ""})  # fmt: skip
    bare = _f("bare", 200, "Ministry", 2, art="a", start=50, victims="reservists")
    assert (named.group, bare.group) == ("ukrainian soldiers", "soldiers")
    kinds = {t.kind for t in tally_all({"c": [named, bare]}, rules=("conservative",))}
    assert kinds == {"killed"}
