"""The Python API: ``sitrep.extract`` stays callable whatever extractor modules are imported."""

from __future__ import annotations

import pytest

import sitrep
import sitrep.extract.casualties.claims  # the subpackage that shares the API function's name

pytestmark = pytest.mark.slow


def test_extract_is_callable_and_returns_a_record() -> None:
    rec = sitrep.extract(
        "Two soldiers were wounded near the border on Sunday, the army said.",
        published="2023-06-12",
    )
    d = rec.to_dict()
    assert set(d) >= {
        "article",
        "entities",
        "places",
        "times",
        "casualties",
        "quotes",
        "claims",
        "events",
    }
    assert d["article"]["published"] == "2023-06-12"
    assert [(c["kind"], c["count"]) for c in d["casualties"]] == [("injured", 2)]
