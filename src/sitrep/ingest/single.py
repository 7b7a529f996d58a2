"""One article from one input, for ``sitrep extract``: every error names the input.

``sitrep extract`` reads one article (text or HTML). A JSONL dump, an RSS/Atom feed or a WARC
archive holds many documents: it is refused with a message that points to ``sitrep ingest``
rather than read as prose.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import replace
from pathlib import Path

from sitrep.errors import BrokenInput, ExtractError, InputError, SitrepError
from sitrep.ingest.document import RawDoc, decode_bytes, read_file, to_article
from sitrep.model import Record

_MANY = {
    "jsonl": "a JSONL dump",
    "feed": "an RSS/Atom feed",
    "warc": "a WARC archive",
}


def _named(exc: SitrepError, source: str) -> SitrepError:
    """The same error, its message prefixed with the input's name if it does not show it
    (some readers set ``source`` after the message was made)."""
    name = exc.source or source
    if str(exc).startswith(f"{name}: "):
        return exc
    return type(exc)(exc.message, source=name)


def _looks_like_jsonl(content: str) -> bool:
    for line in content.splitlines()[:3]:
        line = line.strip()
        if not line:
            continue
        if not line.startswith("{"):
            return False
        try:
            obj = json.loads(line)
        except ValueError:
            return False
        return isinstance(obj, dict) and bool({"text", "html"} & set(obj))
    return False


def read_one(file: str) -> RawDoc:
    """The raw document in ``file`` (``-`` for stdin); refuses inputs of many documents."""
    from sitrep.ingest import input_format

    if file == "-":
        raw = RawDoc(content=decode_bytes(sys.stdin.buffer.read(), source="<stdin>"),
                     source="<stdin>")  # fmt: skip
    else:
        path = Path(file)
        kind = input_format(path)
        if kind in _MANY:
            raise InputError(
                f"this is {_MANY[kind]}, which holds many documents; `sitrep extract` reads one "
                f"article: use `sitrep ingest {file}` (then `sitrep export`)",
                source=file,
            )
        raw = read_file(path)
    if _looks_like_jsonl(raw.content):
        raise InputError(
            "this is JSON lines (one document per line); `sitrep extract` reads one article: "
            "use `sitrep ingest` on it, or pass one record's text",
            source=raw.source,
        )
    return raw


def extract_file(
    file: str,
    *,
    published: dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Record:
    """Extract every fact from the one article in ``file``.

    Raises:
        SitrepError: its message names ``file`` (unreadable input, not English, too long, or
            an extractor failure).
    """
    from sitrep.pipeline import run

    source = "<stdin>" if file == "-" else file
    try:
        raw = read_one(file)
        raw = replace(
            raw, published=published or raw.published, outlet=outlet or raw.outlet,
            url=url or raw.url,
        )  # fmt: skip
        article = to_article(raw)
    except SitrepError as exc:
        raise _named(exc, source) from exc
    except (OSError, ValueError) as exc:
        raise BrokenInput(f"cannot read the input ({exc})", source=source) from exc
    try:
        return run(article)
    except SitrepError as exc:
        raise _named(exc, source) from exc
    except Exception as exc:  # an extractor bug: name the input, keep the cause for -v runs
        raise ExtractError(
            f"extraction failed ({type(exc).__name__}: {exc}); please report this input",
            source=source,
        ) from exc


__all__ = ["extract_file", "read_one"]
