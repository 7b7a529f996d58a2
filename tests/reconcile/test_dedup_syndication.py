"""Issue 6: syndicated copies that are a small part of the original are found (containment on
the lead), and different stories that share boilerplate or a quotation are not merged."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from sitrep.ingest.document import article_id
from sitrep.model import Article, Record
from sitrep.reconcile.dedup import (
    CONTAINED_METHOD,
    NUM_PERM,
    DedupIndex,
    dedup_articles,
    fingerprint,
    load_index,
    overlap,
)
from sitrep.reconcile.dedup_bench import EDITS, edit_copy
from sitrep.store import Store

DATA = Path(__file__).parents[1] / "data"
GBNEWS = (DATA / "gbnews-2022-03-02-kharkiv.txt").read_text(encoding="utf-8")
LINES = GBNEWS.strip().split("\n")
# a partner site's excerpt: the standfirst and the first three paragraphs of the story
EXCERPT = "\n".join([LINES[0], *LINES[4:7], "Read the full story at GB News."])

BOILERPLATE = (
    "Reuters could not independently verify the battlefield reports. Russia calls its actions "
    "in Ukraine a special military operation that it says is not designed to occupy territory "
    "but to destroy its southern neighbour's military capabilities."
)
GRAIN = (
    "Ukraine's grain exports fell by a third in March as Russian warships blocked the Black "
    "Sea ports of Odesa and Mykolaiv, the agriculture ministry said on Friday.\n"
    "Traders said rail shipments through Poland and Romania could not make up the shortfall, "
    "and that several hundred thousand tonnes of wheat and maize were stuck in silos near "
    "the coast. Prices for wheat in Paris rose to a record for a third consecutive session."
)
EVACUATION = (
    "A humanitarian corridor out of Mariupol failed to open for a second day on Sunday, city "
    "officials said, leaving tens of thousands of residents without water, heating or power.\n"
    "Buses sent from Zaporizhzhia turned back after coming under fire near the city's edge, the "
    "deputy mayor told reporters, and the Red Cross said talks on a ceasefire had stalled."
)
BIDEN = LINES[-1]  # a quoted statement from the State of the Union address
ADDRESS = (
    "Biden opens State of the Union with a warning to Moscow\n"
    + BIDEN
    + "\nThe president announced that US airspace would be closed to Russian aircraft and that "
    "the Justice Department would form a task force to pursue the yachts, jets and apartments "
    "of Russian oligarchs. Republicans applauded the sanctions but criticised his record on "
    "inflation, which reached its highest level in four decades in January."
)
REACTION = (
    "Kyiv welcomes Biden speech as shelling goes on\n"
    + BIDEN
    + "\nUkraine's foreign minister thanked the United States for the words and asked for more "
    "air defence systems, saying that the missiles which hit Kharkiv's central square on "
    "Tuesday came from launchers across the border in Belgorod. The mayor of Kharkiv said "
    "that water and heating had been restored in two districts overnight."
)


def _rec(text: str) -> Record:
    return Record(article=Article(id=article_id(text), text=text, outlet="x"))


def test_different_wire_stories_sharing_a_boilerplate_paragraph_are_not_copies() -> None:
    grain, evacuation = GRAIN + "\n" + BOILERPLATE, EVACUATION + "\n" + BOILERPLATE
    o = overlap(fingerprint(grain), fingerprint(evacuation))
    assert 0.3 < o.containment < 0.5  # the paragraph is found, the stories are not
    idx = DedupIndex()
    assert not idx.verdict(o)
    assert idx.add("grain", grain) is None
    assert idx.add("evacuation", evacuation) is None


def test_stories_quoting_one_statement_are_not_copies() -> None:
    idx = DedupIndex()
    assert idx.add("gbnews", GBNEWS) is None
    assert idx.add("address", ADDRESS) is None
    reaction = fingerprint(REACTION)
    assert "address" in idx.candidates(reaction)  # both open with the quotation ...
    o = overlap(reaction, fingerprint(ADDRESS))
    assert o.lead > 0.6 and o.containment < 0.6  # ... then each tells its own story
    assert idx.add_fingerprint("reaction", reaction) is None


def test_copy_cut_to_its_first_paragraphs_is_found() -> None:
    o = overlap(fingerprint(EXCERPT), fingerprint(GBNEWS))
    assert o.jaccard < 0.35  # too small a part of the story for any Jaccard threshold
    idx = DedupIndex()
    assert idx.add("gbnews", GBNEWS) is None
    assert idx.add("grain", GRAIN) is None
    dup = idx.add("excerpt", EXCERPT)
    assert dup is not None and dup.canonical_id == "gbnews"
    assert dup.method == CONTAINED_METHOD and dup.similarity >= 0.9


def test_excerpt_published_first_is_the_canonical_article() -> None:
    idx = DedupIndex()
    assert idx.add("excerpt", EXCERPT) is None
    dup = idx.add("gbnews", GBNEWS)
    assert dup is not None and dup.canonical_id == "excerpt"


def test_new_headline_dateline_and_copy_edited_paragraph_is_a_copy() -> None:
    body = LINES[4:]
    body[2] = (
        body[2]
        .replace("After nearly a week,", "Almost a week into the invasion,")
        .replace("has, according to", "has - according to")
    )
    copy = "\n".join(
        [
            "Russian delegation heads to Belarus for new round of talks",
            "KYIV, March 2 (Reuters) - " + body[0],
            *body[1:],
        ]
    )
    idx = DedupIndex()
    assert idx.add("gbnews", GBNEWS) is None
    dup = idx.add("copy", copy)
    assert dup is not None and dup.canonical_id == "gbnews"


def test_bench_lead_edit_keeps_the_headline_and_about_a_third() -> None:
    assert "lead" in EDITS
    story = "Headline of the story\n\n" + "\n\n".join(
        " ".join(f"Sentence {p}{s} has several more words in it." for s in range(3))
        for p in "abcdef"
    )
    copy = edit_copy(story, "lead", random.Random(1))
    kept, link = copy.rsplit("\n\n", 1)
    assert link.startswith("Read the full story at")
    assert story.startswith(kept)
    assert 0.3 < len(kept.split()) / len(story.split()) < 0.45


def test_store_finds_excerpt_of_an_article_signed_before_leads(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    with Store(db) as st:
        st.write([_rec(GBNEWS), _rec(GRAIN)])
        assert dedup_articles(st) == []
        # as stored before the lead index: the whole-text signature only
        blob = np.asarray(fingerprint(GBNEWS).minhash.hashvalues, dtype="<u8").tobytes()
        st.con.execute(
            "UPDATE article_minhash SET signature = ? WHERE article_id = ?",
            [blob, article_id(GBNEWS)],
        )
    with Store(db) as st:  # a later run: signatures upgraded, candidates' texts read back
        st.write([_rec(EXCERPT)])
        found = dedup_articles(st)
        assert [(d.article_id, d.canonical_id, d.method) for d in found] == [
            (article_id(EXCERPT), article_id(GBNEWS), CONTAINED_METHOD)
        ]
        sizes = st.query("SELECT octet_length(signature) AS n FROM article_minhash")
        assert {r["n"] for r in sizes} == {16 * NUM_PERM}
        index = load_index(st)
    lead_matches = set(index.lead_lsh.query(fingerprint(EXCERPT).lead))
    assert {article_id(GBNEWS), article_id(EXCERPT)} <= lead_matches
