"""Fixtures for API tests: a hand-made database and clients over it."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest


def load_records() -> ModuleType:
    """The hand-made records module (loaded by path: tests are not a package)."""
    name = "sitrep_test_records"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("records.py"))
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


records = load_records()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path: Path = records.build_db(tmp_path_factory.mktemp("api") / "t.duckdb")
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from sitrep.api import Settings, create_app

    app = create_app(Settings(db=str(db), token="s3cret"))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.backend.close()
