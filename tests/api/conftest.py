"""Fixtures for API tests: a hand-made database and clients over it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

records = sys.modules["sitrep_test_records"]  # loaded by tests/conftest.py


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
