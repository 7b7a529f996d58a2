"""The whole reading of one article (``sitrep.pipeline.extract``): what only the parts together
decide."""

from __future__ import annotations

import pytest

from sitrep.pipeline import extract

pytestmark = pytest.mark.slow


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text).quotes]


def test_a_mention_inside_another_quotation_is_no_speaker() -> None:
    text = (
        "The Israeli military said it struck terrorists in the area. "
        '"This location served as a hideout from which attacks were directed," it added, '
        'insisting that "steps were taken in order to mitigate the risk of harming civilians".'
    )
    assert "This location" not in _speakers(text)


def test_a_speaker_just_before_a_quotation_is_kept_when_the_model_never_saw_it() -> None:
    text = (
        "Survivors described the night.\n\n"
        '"We had just finished evening prayers," recalled one survivor. "Our children were '
        'asleep when we heard a loud sound, and suddenly there was fire all around us."\n\n'
        "The Israeli army claimed that its aircraft had targeted a Hamas compound in Rafah."
    )
    assert _speakers(text) == ["one survivor", "one survivor"]
