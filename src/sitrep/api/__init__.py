"""The HTTP API (FastAPI). ``create_app`` needs the ``server`` extra; the queries do not."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from sitrep.api.app import Settings


def create_app(settings: Settings) -> FastAPI:
    """The FastAPI app over ``settings.db`` (see :mod:`sitrep.api.app`)."""
    from sitrep.api.app import create_app as _create

    return _create(settings)


def __getattr__(name: str) -> Any:
    if name == "Settings":
        from sitrep.api.app import Settings

        return Settings
    raise AttributeError(name)


__all__ = ["Settings", "create_app"]
