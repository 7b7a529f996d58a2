"""Shared fixtures: paths to test data and the shared eval folder, the loaded pipeline."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLE = DATA / "gbnews-2022-03-02-kharkiv.txt"
RECORDS = "sitrep_test_records"


def _load_records() -> ModuleType:
    """tests/api/records.py, the hand-made records (loaded by path: tests are not a package)."""
    if RECORDS not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            RECORDS, Path(__file__).parent / "api" / "records.py"
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[RECORDS] = module
        spec.loader.exec_module(module)
    return sys.modules[RECORDS]


_load_records()


@pytest.fixture(scope="session")
def hand_records() -> ModuleType:
    """The hand-made records module: ``build_db(path)`` writes the test database."""
    return _load_records()


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
