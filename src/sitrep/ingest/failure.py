"""A document or record that could not be read, and why (a row of the failures table)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read, with the reason (recorded in the failures table).

    ``source`` names the file and, for multi-record inputs, the record: ``feed.xml#entry3``,
    ``dump.jsonl:17``, ``crawl.warc.gz@1234``. It is stable, so a re-run refreshes the same row.
    """

    source: str
    code: str
    reason: str
