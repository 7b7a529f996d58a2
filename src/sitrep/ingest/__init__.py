"""Inputs: files, directories and globs of text and HTML, one RawDoc (or one failure) each."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest.document import RawDoc, read_file

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".md", "")


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read, with the reason (recorded in the failures table)."""

    source: str
    code: str
    reason: str


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named by paths, directories (recursively, sorted) and glob patterns."""
    for p in paths:
        s = str(p)
        if any(c in s for c in "*?[") and not Path(s).exists():
            for m in sorted(glob.glob(s, recursive=True)):
                mp = Path(m)
                if mp.is_dir():
                    yield from _walk(mp)
                else:
                    yield mp
            continue
        path = Path(s)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(root: Path) -> Iterator[Path]:
    for f in sorted(root.rglob("*")):
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(root).parts):
            yield f


def iter_raw(paths: Iterable[str | Path]) -> Iterator[RawDoc | Failure]:
    """Read every input; a bad one yields a Failure and the others go on."""
    for path in expand(paths):
        if not path.exists():
            yield Failure(str(path), "E100", "no such file or directory")
            continue
        try:
            yield read_file(path)
        except InputError as exc:
            yield Failure(str(path), exc.code, exc.message)


__all__ = ["Failure", "RawDoc", "expand", "iter_raw"]
