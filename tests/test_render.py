"""Terminal tables of records: unresolved places show the readings they had."""

from __future__ import annotations

from rich.console import Console

from sitrep.model import Article, Place, PlaceCandidate, Record
from sitrep.render import print_record


def test_unresolved_place_lists_its_candidates() -> None:
    cand = PlaceCandidate("Dubrava", 5, "UA", "Kherson Oblast", 46.6, 32.6, "city", "PPL", 0.41)
    text = "Shelling hit Dubrava."
    rec = Record(
        article=Article(id="r1", text=text),
        places=[Place("Dubrava", 13, 20, candidates=(cand,)), Place("Elsewhere", 0, 1)],
    )
    console = Console(record=True, width=200)
    print_record(rec, console)
    out = console.export_text()
    assert "unresolved: Dubrava (Kherson Oblast) 41%" in out
    assert "unresolved" in out.split("Elsewhere")[1]
