from __future__ import annotations

from sitrep.reconcile.items import round_apart


def test_round_apart_is_a_tenth_of_the_higher_figure() -> None:
    assert round_apart(50, 53)  # "at least 50" beside 53
    assert round_apart(299, 300)  # "almost 300" beside "about 300"
    assert round_apart(90, 100) and not round_apart(89, 100)
    assert not round_apart(100, 150)  # a lower estimate, not the count's round figure
