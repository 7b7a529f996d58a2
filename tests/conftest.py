"""Shared fixtures: paths to test data and the shared eval folder, the loaded pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLE = DATA / "gbnews-2022-03-02-kharkiv.txt"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip("../shared/eval is not beside this checkout")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from sitrep.nlp import load

    return load()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")
