"""Tests for sitrep.extract.casualties.parts: sub-counts linked to their total, far-off tolls."""

from __future__ import annotations

import pytest

import sitrep

pytestmark = pytest.mark.slow


def _claims(text: str) -> set[tuple[str, int | None, str | None, bool]]:
    record = sitrep.extract(text, published="2022-07-15")
    return {(c.kind, c.count, c.victims, "part" in c.flags) for c in record.casualties}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Currently, 21 people, including three children, have died in a rocket attack.",
            ("killed", 3, "children", True),
        ),
        (
            "23 people were killed (three of them were minors); 66 people were hospitalized.",
            ("killed", 3, "minors", True),
        ),
        (
            "In Uman 20 people were killed, another 18 were wounded, 9 of them are in hospital.",
            ("injured", 9, "people", True),
        ),
        (
            "The minister said 21 people were killed and at least 91 wounded, 50 of them seriously.",
            ("injured", 50, "people", True),
        ),
        (
            "Three children were among the dead, the governor wrote.",
            ("killed", 3, "children", False),
        ),
        (
            "The strike killed 12 women and seven children in the market.",
            ("killed", 12, "women", False),
        ),
    ],
)
def test_sub_counts(text: str, expected: tuple[str, int, str, bool]) -> None:
    assert expected in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "The death toll in the town of about 3,500 residents rose to 25 after more bodies were found.",
        "The number of people killed in the missile strike on the city has increased to 25.",
        "Death toll in Russian strikes on Ukrainian city reaches 25",
    ],
)
def test_tolls_far_from_their_number(text: str) -> None:
    assert ("killed", 25) in {(k, n) for k, n, _, _ in _claims(text)}


def test_a_sub_count_is_never_larger_than_its_total_nor_an_age() -> None:
    found = _claims("A 3-year-old girl was among 2 people killed, including 40 children.")
    assert all(n != 3 for _, n, _, _ in found)
    assert all(n != 40 for _, n, _, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said the death toll in the city has reached 45.", ("killed", 45)),
        ("The death toll in Russian strikes on the city has mounted to 23.", ("killed", 23)),
        ("The death toll from the attack has been raised from 260 to 350.", ("killed", 260)),
        ("The death toll from the attack has been raised from 260 to 350.", ("killed", 350)),
        ("90 people sought help from medical institutions.", ("injured", 90)),
        ("Five people remain in critical condition.", ("injured", 5)),
        ("Of the injured, 34 are in serious condition, officials said.", ("injured", 34)),
        ("The offensive forced 400,000 people to flee, the UN said.", ("displaced", 400000)),
    ],
)
def test_figures_stated_by_toll_condition_or_flight(text: str, expected: tuple[str, int]) -> None:
    assert expected in {(k, n) for k, n, _, _ in _claims(text)}


def test_one_victim_without_a_number_is_a_sub_count() -> None:
    found = _claims("A missile hit a building in Uman, killing seven people, including a child.")
    assert ("killed", 1, "child", True) in found


def test_time_to_flee_is_no_displacement() -> None:
    assert not _claims("The army gave residents 3 hours to flee the town.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("280 people have already been buried in mass graves in the town.", ("killed", 280)),
        ("At least 39 people remain unaccounted for.", ("missing", 39)),
        ("Five of the dead were recovered from one of the railway cars.", ("killed", 5)),
        ("Another 35 people are in moderate condition.", ("injured", 35)),
        ("The governor said two 10-year-old children were among those killed.", ("killed", 2)),
        ("Officials said a 10-year-old child was among those killed in the attack.", ("killed", 1)),
        ("Medics said four women were among 30 killed in the raid.", ("killed", 4)),
        ("A farmer who lost three relatives in the raid spoke to us.", ("killed", 3)),
        ("The dead included a teenager from the next village.", ("killed", 1)),
        ("Volunteers spent the day burying 40 people near the road.", ("killed", 40)),
        ("Some 60 people, mostly men, were buried in one grave.", ("killed", 60)),
        ("A nurse said she found a teenager among the dead in the yard.", ("killed", 1)),
    ],
)
def test_burials_missing_and_shares_of_the_dead(text: str, expected: tuple[str, int]) -> None:
    assert expected in {(k, n) for k, n, _, _ in _claims(text)}


def test_a_loss_that_is_not_kin_is_no_figure() -> None:
    assert not _claims("The club lost three matches and two players in March.")


def test_a_part_after_including_takes_the_kind_of_the_total_before_it() -> None:
    found = _claims(
        "The shelling left 12 dead, including four women, and 30 wounded, including six men."
    )
    assert ("killed", 4, "women", True) in found
    assert ("injured", 6, "men", True) in found
    assert ("injured", 4, "women", True) not in found


def test_a_headline_toll_run_into_the_lede_takes_no_source_from_it() -> None:
    text = (
        "Death toll in the shelling of the northern market town rises to 31\n"
        "A rocket hit a busy market in an area of the town that was meant to be quiet\n"
        "Regional officials have announced that rescuers are still searching the ruins.\n"
    )
    record = sitrep.extract(text, published="2022-07-15")
    toll = next(c for c in record.casualties if c.count == 31)
    assert toll.source is None
