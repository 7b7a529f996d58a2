"""A restated old figure is no news; a toll said to have risen to a figure supersedes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from sitrep.reconcile.items import Figure, Spot
from sitrep.reconcile.revisions import first_stated, risen_to, stale, stated_on, told_as_earlier
from sitrep.reconcile.tally import tally_group

P = Spot("Town", "XX", 10.0, 20.0, 1, "city")
RULES = ("conservative", "latest", "highest")


def _f(
    fid: str, count: int, source: str | None, day: int, *, text: str = "", art: str = ""
) -> Figure:
    art = art or fid
    return Figure(
        id=fid,
        article_id=art,
        canonical_id=art,
        outlet=f"outlet-{art}",
        kind="killed",
        count=count,
        low=count,
        high=count,
        source=source,
        stance="reports",
        scope="incident",
        flags=(),
        report_date=dt.date(2024, 5, day),
        date=dt.date(2024, 5, 1),
        start=0,
        updates=None,
        victims="people",
        perpetrator=None,
        spot=P,
        confidence=0.8,
        text=text,
    )


def test_first_stated_and_stale() -> None:
    figs = [_f("a", 500, "Ministry", 1), _f("b", 480, "Officials", 3), _f("c", 500, "Ministry", 8)]
    first = first_stated(figs)
    assert first == {500: dt.date(2024, 5, 1), 480: dt.date(2024, 5, 3)}
    assert stated_on(500, dt.date(2024, 5, 8), first) == dt.date(2024, 5, 1)
    # 500 restated on day 8, first stated before the 480 of day 3: stale
    assert stale(500, dt.date(2024, 5, 8), dt.date(2024, 5, 3), first)
    # restated on the day of the other figure: no order within one day, not stale
    assert not stale(500, dt.date(2024, 5, 3), dt.date(2024, 5, 3), first)


@pytest.mark.parametrize("rule", ["conservative", "latest"])
def test_a_later_article_restating_an_old_figure_does_not_override_a_revision(rule: str) -> None:
    figs = [
        _f("first", 500, "Health Ministry", 1),
        _f("revised", 480, "Health officials", 3),
        _f("repeat", 500, "Health Ministry", 8, text="The ministry had reported 500 dead."),
    ]
    t = tally_group(figs, key="c", kind="killed", rule=rule)
    assert (t.best, t.best_claim_id) == (480, "revised")
    assert "revised" in t.claim_ids


@pytest.mark.parametrize("rule", RULES)
def test_an_old_figure_restated_beside_a_new_one_is_superseded(rule: str) -> None:
    figs = [
        _f("council", 300, "City council", 1),
        _f("old", 300, "Local officials", 20, art="inv"),
        _f("new", 650, "The investigation", 20, art="inv"),
    ]
    t = tally_group(figs, key="c", kind="killed", rule=rule)
    assert (t.low, t.best, t.high) == (650, 650, 650)
    assert set(t.superseded_ids) == {"council", "old"}


def test_the_same_figure_restated_by_several_sources_stays() -> None:
    """Equal figures never supersede each other away: one of them always counts."""
    figs = [
        _f("s1", 61, "Officials", 1),
        _f("s2", 61, "Authorities", 2),
        _f("o", 60, None, 2, text="More than 60 died."),
        _f("s3", 61, "Officials of the region", 4),
    ]
    t = tally_group(figs, key="c", kind="killed")
    assert t.best == 61 and t.claim_ids


def test_a_toll_said_to_have_risen_supersedes_a_better_source() -> None:
    risen = "The death toll from the strike on the market has risen to 35."
    plain = "The strike on the market killed 35 people."
    assert risen_to(_f("r", 35, None, 2, text=risen))
    assert not risen_to(_f("p", 35, None, 2, text=plain))
    assert not risen_to(_f("x", 12, None, 2, text=risen))  # another figure of the sentence
    police = _f("police", 34, "Regional police", 2)
    t = tally_group([police, _f("r", 35, None, 2, text=risen)], key="c", kind="killed")
    assert (t.best, t.superseded_ids) == (35, ("police",))
    # without words of a rise, the outlet's own figure does not outrank a named source
    t = tally_group([police, _f("p", 35, None, 2, text=plain)], key="c", kind="killed")
    assert (t.best, t.superseded_ids) == (34, ())


def test_an_outlet_s_higher_figure_a_day_later_supersedes_a_better_source() -> None:
    police = _f("police", 15, "Regional police", 2)
    later = _f("later", 18, None, 3, text="As of this morning, 18 people have died.")
    t = tally_group([police, later], key="c", kind="killed")
    assert (t.best, t.superseded_ids) == (18, ("police",))
    # the same day, it is the outlet's figure against the police's: no update
    same_day = _f("same", 18, None, 2, text="Eighteen people died.")
    t = tally_group([police, same_day], key="c", kind="killed")
    assert (t.best, t.superseded_ids) == (15, ())


@pytest.mark.parametrize("rule", RULES)
def test_a_figure_told_as_an_earlier_one_gives_way_in_its_own_article(rule: str) -> None:
    prev = "The previous death toll of the raid was 120, according to a news agency count."
    assert told_as_earlier(_f("p", 120, "News agency", 5, text=prev))
    assert not told_as_earlier(_f("n", 126, "The army", 5, text="The army said 126 died."))
    for said in (
        "The civil defence, first responders in the territory, had earlier said 40 were killed.",
        "Earlier on Tuesday, the media office had reported that at least 40 people were killed.",
    ):
        assert told_as_earlier(_f("e", 40, "Civil defence", 5, text=said))
    assert not told_as_earlier(_f("x", 40, "Officials", 5, text="Officials said 40 died earlier."))
    figs = [
        _f("now", 126, "The army", 5, art="x", text="The army said 126 died in the raid."),
        _f("prev", 120, "News agency", 5, art="x", text=prev),
    ]
    t = tally_group(figs, key="c", kind="killed", rule=rule)
    assert (t.low, t.best, t.high, t.superseded_ids) == (126, 126, 126, ("prev",))


def test_one_number_with_another_hedge_is_no_update() -> None:
    """ "more than 100" months later after "up to 100": one number told twice, no rise."""
    upto = replace(_f("upto", 100, "Resistance committee", 1), high=100, low=None, hedge="up to")
    later = replace(_f("later", 100, "Volunteers", 20), low=101, high=None, hedge="more than")
    t = tally_group([upto, later], key="c", kind="killed")
    assert "upto" not in t.superseded_ids
    assert t.low is not None and t.best is not None and t.low <= t.best
    # a higher number a later day still supersedes
    higher = _f("higher", 120, "Volunteers", 20)
    t = tally_group([upto, higher], key="c", kind="killed")
    assert t.superseded_ids == ("upto",)
