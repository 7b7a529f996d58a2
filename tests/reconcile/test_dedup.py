from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.ingest.document import article_id
from sitrep.model import Article, Record
from sitrep.reconcile.dedup import DedupIndex, dedup_articles, load_index, shingles, signature
from sitrep.store import Store

STORY = (
    "Russian forces shelled the city of Kharkiv on Tuesday, killing at least 21 people and "
    "wounding 112, regional governor Oleg Synehubov said. The strike hit the central square "
    "and a residential block, emergency services said, as rescuers searched the rubble for "
    "survivors. The city, Ukraine's second largest, has been under heavy bombardment since "
    "Russian troops crossed the border last week, and its residents have sheltered in the "
    "metro stations through the nights."
)
OTHER = (
    "Talks between the Russian and Ukrainian delegations will resume in Belarus on Thursday, "
    "officials in Minsk said, after a first round ended without agreement on a ceasefire or "
    "on humanitarian corridors for the civilians trapped in the besieged southern cities."
)
WIRE = "KHARKIV, March 1 (Reuters) - " + STORY + " Reporting by Jane Doe; Editing by John Roe."
TRIMMED = STORY.rsplit(" The city", 1)[0]  # an outlet that cut the last paragraph


def _rec(text: str) -> Record:
    return Record(article=Article(id=article_id(text), text=text, outlet="x"))


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("The strike, on TUESDAY, hit") == shingles("the strike on tuesday hit!")
    assert len(shingles("one two three")) == 1
    assert shingles("") == set()


def test_index_finds_wire_copy_and_trimmed_copy_not_other_story() -> None:
    idx = DedupIndex()
    assert idx.add("story", STORY) is None
    assert idx.add("other", OTHER) is None
    wire = idx.add("wire", WIRE)
    assert wire is not None and wire.canonical_id == "story" and wire.similarity >= 0.5
    trimmed = idx.add("trimmed", TRIMMED)
    assert trimmed is not None and trimmed.canonical_id == "story"


def test_copy_of_a_copy_points_at_the_canonical_article() -> None:
    idx = DedupIndex()
    mh, n = signature(WIRE)
    idx.insert("wire", mh, n, canonical="story")  # "story" itself left the index
    again = idx.add("rewire", WIRE.replace("Reporting by Jane Doe", "Reporting by Staff"))
    assert again is not None
    assert again.matched_id == "wire" and again.canonical_id == "story"


def test_store_dedup_is_incremental_and_signatures_persist(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    with Store(db) as st:
        st.write([_rec(STORY), _rec(OTHER)])
        assert dedup_articles(st) == []
        assert dedup_articles(st) == []  # nothing new: nothing checked twice
    with Store(db) as st:  # a new process: the LSH index is rebuilt from the stored signatures
        assert len(load_index(st)) == 2
        st.write([_rec(WIRE)])
        found = dedup_articles(st)
        assert [(d.article_id, d.canonical_id) for d in found] == [
            (article_id(WIRE), article_id(STORY))
        ]
        rows = st.query("SELECT article_id, canonical_id, similarity FROM duplicates")
    assert len(rows) == 1 and rows[0]["similarity"] >= 0.5


def test_exact_copy_is_the_same_article(tmp_path: Path) -> None:
    with Store(tmp_path / "d.duckdb") as st:
        st.write([_rec(STORY)])
        assert st.write([_rec("  " + STORY.upper() + "\n")]) == 0


def test_every_article_checked_across_batches(tmp_path: Path) -> None:
    # regression: a result set left open across the batch writes lost the later batches
    texts = [STORY, OTHER, WIRE, TRIMMED, OTHER + " Officials declined to comment further."]
    with Store(tmp_path / "d.duckdb") as st:
        st.write([_rec(t) for t in texts])
        found = dedup_articles(st, batch_size=2)
        n = st.query("SELECT count(*) AS n FROM article_minhash")[0]["n"]
        assert dedup_articles(st, batch_size=2) == []
    assert n == len(texts)
    assert len(found) == 3


def test_a_page_stamped_updated_is_a_copy_of_the_same_day_version_without_a_stamp(
    tmp_path: Path,
) -> None:
    day = dt.date(2022, 3, 1)
    revised = "Updated March 1, 2022 at 4:10 PM ET\n" + STORY
    first = "Shelling kills 21 in Kharkiv\n" + STORY
    with Store(tmp_path / "d.duckdb") as st:
        for text in (revised, first):  # the revised page is stored first, the same day
            st.write([Record(article=Article(id=article_id(text), text=text, published=day))])
        found = dedup_articles(st)
    assert [(d.article_id, d.canonical_id) for d in found] == [
        (article_id(revised), article_id(first))
    ]


def test_same_day_copies_in_one_batch_take_the_same_canonical_in_any_order(
    tmp_path: Path,
) -> None:
    """Nothing else tells two reposts of one day apart: the URL does, whatever the input order."""
    day = dt.date(2022, 3, 1)
    a = Article(id=article_id(WIRE), text=WIRE, published=day, url="https://a.example/story")
    b = Article(id=article_id(STORY), text=STORY, published=day, url="https://b.example/story")
    for n, order in enumerate(([a, b], [b, a])):
        with Store(tmp_path / f"d{n}.duckdb") as st:
            st.write([Record(article=x) for x in order])
            found = dedup_articles(st)
        assert [(d.article_id, d.canonical_id) for d in found] == [(b.id, a.id)]
