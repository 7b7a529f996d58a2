"""Which figure of a sentence each claim states, and whether a figure is claimed already."""

from __future__ import annotations

from sitrep.extract.casualties.numbers import find_quantities
from sitrep.extract.casualties.stated import claimed, positions
from sitrep.model import CasualtyClaim, Evidence

TEXT = "Four people were killed, including two children and two women."


def _claim(count: int, victims: str) -> CasualtyClaim:
    return CasualtyClaim(
        id=victims,
        kind="killed",
        count=count,
        low=count,
        high=count,
        hedge=None,
        evidence=Evidence(0, len(TEXT), TEXT),
        victims=victims,
    )


def test_of_two_equal_figures_a_claim_states_the_one_its_victims_follow() -> None:
    women = _claim(2, "women")
    qs = find_quantities(TEXT)
    ((pos, claim),) = positions(qs, [women], TEXT)
    assert claim is women and TEXT[pos:].startswith("two women")
    ((pos, _),) = positions(qs, [women])  # without the text: the first equal figure
    assert TEXT[pos:].startswith("two children")


def test_a_figure_is_claimed_again_only_for_other_victims() -> None:
    q = next(q for q in find_quantities(TEXT) if q.count == 2)
    have = [_claim(2, "women")]
    assert claimed(have, "killed", q, 0, len(TEXT))
    assert claimed(have, "killed", q, 0, len(TEXT), "women")
    assert not claimed(have, "killed", q, 0, len(TEXT), "children")
