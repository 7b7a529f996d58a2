"""Short real-style articles through the real extractors, then reconciliation.

The extractors are young: this asserts what must hold whatever they find (copies found,
nothing merged across cities, copies counted once) and that a shared incident is clustered
when the extractors pin both reports to it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.reconcile import reconcile
from sitrep.store import Store

REUTERS = (
    "Russian shelling killed 10 people in Kharkiv on Tuesday, regional governor Oleg Synehubov "
    "said. The strike hit the regional administration building on Freedom Square, blowing out "
    "windows across the square. Rescuers were searching the rubble for survivors, and the "
    "governor said the toll was likely to rise."
)
ARTICLES = [
    ("Reuters", "2022-03-01", REUTERS),
    ("GB News", "2022-03-01", "KHARKIV, March 1 (Reuters) - " + REUTERS
     + " Reporting by Pavel Polityuk; editing by Alex Richardson."),
    ("Kyiv Independent", "2022-03-01",
     "A Russian missile struck the regional administration in Kharkiv on Tuesday morning, "
     "killing at least 10 civilians, the State Emergency Service said."),
    ("BBC", "2022-03-01",
     "A Russian missile strike hit a television tower in Kyiv on Tuesday, killing five people, "
     "Ukraine's interior ministry said."),
]  # fmt: skip


@pytest.mark.slow
def test_pipeline_reports_reconcile(tmp_path: Path) -> None:
    from sitrep.pipeline import extract

    records = [extract(text, published=day, outlet=outlet) for outlet, day, text in ARTICLES]
    with Store(tmp_path / "e2e.duckdb") as st:
        assert st.write(records) == 4
        reconcile(st)
        dups = st.query("SELECT article_id, canonical_id FROM duplicates")
        assert dups == [{"article_id": records[1].article.id,
                         "canonical_id": records[0].article.id}]  # fmt: skip
        spread = st.query(
            """SELECT c.id, list(DISTINCT coalesce(e.place_name, k.place_name)) AS places
               FROM merges m JOIN clusters c ON c.id = m.cluster_id
               LEFT JOIN events e ON e.id = m.item_id
               LEFT JOIN casualties k ON k.id = m.item_id
               GROUP BY c.id"""
        )
        for row in spread:
            names = {p for p in row["places"] if p}
            assert not {"Kharkiv", "Kyiv"} <= names, row
        # a Kharkiv item of Reuters and of its copy are one event, counted as one source
        both = st.query(
            """SELECT c.n_reports, c.n_independent FROM clusters c
               WHERE list_contains(c.article_ids, ?) AND list_contains(c.article_ids, ?)""",
            [records[0].article.id, records[1].article.id],
        )
        if any(e.place and e.place.name == "Kharkiv" for e in records[0].events):
            assert both, "the Reuters report and its copy should share an event"
        for row in both:
            assert row["n_independent"] < row["n_reports"]
        for t in st.query("SELECT * FROM tallies WHERE kind = 'killed'"):
            copies = {c for c in t["copy_ids"]}
            assert not copies & set(t["claim_ids"])


@pytest.mark.slow
def test_sample_tally_adds_the_four_more(tmp_path: Path, sample_text: str) -> None:
    """The seed article: "21 people were killed ... in the past 24 hours, and four more on
    Wednesday morning" is 25 in Kharkiv, both claims in the lineage, and no update."""
    from sitrep.pipeline import extract

    rec = extract(sample_text, published="2022-03-02")
    with Store(tmp_path / "s.duckdb") as st:
        st.write([rec])
        reconcile(st)
        rows = st.query(
            """SELECT t.*, c.place_name FROM tallies t JOIN clusters c ON c.id = t.cluster_id
               WHERE t.kind = 'killed' AND t.rule = 'conservative'"""
        )
        (row,) = [r for r in rows if r["scope"] == "incident"]
        # the week's national toll the article gives alongside is a running total, apart
        assert all(r["best"] > 1000 for r in rows if r["scope"] != "incident")
        assert (row["place_name"], row["best"]) == ("Kharkiv", 25)
        counts = {c.id: c.count for c in rec.casualties}
        assert sorted(counts[i] for i in row["claim_ids"]) == [4, 21]
        assert row["superseded_ids"] == []
        assert not st.query("SELECT * FROM contradictions WHERE kind = 'update'")
        clusters = st.query("SELECT place_name FROM clusters")
        assert "Moscow" not in {c["place_name"] for c in clusters}
