"""JSON Lines dumps: one article per line, streamed (``.gz`` too), each line on its own.

A line is an object with ``text`` or ``html`` and optionally ``url``, ``published``,
``outlet`` and ``title``. A line that is not JSON, or has no text, becomes a failure named
``dump.jsonl:17`` (1-based line number) and costs no other line.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.ingest.document import MAX_BYTES, RawDoc
from sitrep.ingest.failure import Failure


def read_jsonl(path: Path, *, source: str | None = None) -> Iterator[RawDoc | Failure]:
    """Every line of a JSONL file as a RawDoc, or a Failure naming the line."""
    name = source or str(path)
    try:
        with path.open("rb") as fh:
            gz = fh.read(2) == b"\x1f\x8b"
    except OSError as exc:
        yield Failure(name, "E105", f"cannot read the file ({exc.strerror})")
        return
    opener: io.BufferedIOBase
    opener = gzip.open(path, "rb") if gz else path.open("rb")  # noqa: SIM115 - closed below
    lineno = 0
    try:
        while True:
            lineno += 1
            try:
                line = opener.readline(MAX_BYTES + 1)
            except (OSError, EOFError, zlib.error) as exc:
                yield Failure(
                    f"{name}:{lineno}",
                    "E105",
                    f"truncated or corrupt gzip data from this line on ({exc}); "
                    "re-download or re-compress the file",
                )
                return
            if not line:
                return
            if not line.strip():
                continue
            yield parse_line(line, source=f"{name}:{lineno}")
            if len(line) > MAX_BYTES:  # skip the rest of an over-long line
                while line and not line.endswith(b"\n"):
                    line = opener.readline(MAX_BYTES)
    finally:
        opener.close()


def parse_line(line: bytes, *, source: str) -> RawDoc | Failure:
    """One JSONL line as a RawDoc, or a Failure saying what is wrong with it."""
    if len(line) > MAX_BYTES:
        return Failure(source, "E104", f"the line is longer than {MAX_BYTES:,} bytes")
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Failure(source, "E105", f"the line is not JSON ({exc})")
    if not isinstance(obj, dict):
        return Failure(source, "E105", "the line is not a JSON object with a text or html field")
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        content, is_html = text, False
    elif isinstance(html, str) and html.strip():
        content, is_html = html, True
    else:
        return Failure(source, "E101", "the line has no non-empty 'text' or 'html' field")
    published = obj.get("published")
    day = _date(published)
    if published not in (None, "") and day is None:
        return Failure(source, "E105", f"'published' is not a date ({published!r}); use YYYY-MM-DD")
    return RawDoc(
        content=content,
        source=source,
        url=_str(obj.get("url")),
        published=day,
        outlet=_str(obj.get("outlet")),
        title=_str(obj.get("title")),
        is_html=is_html,
    )


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _date(value: Any) -> dt.date | None:
    """ISO 8601 dates and datetimes, RFC 822 dates, and Unix timestamps (seconds)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
