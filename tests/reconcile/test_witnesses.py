"""Issue 14: a machine-spun rewrite shares no sentence with its original but quotes the same
private people; two outlets quoting the same two residents carry one reporter's story."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.ingest.document import article_id
from sitrep.model import Article, Quote, Record
from sitrep.reconcile.dedup import dedup_articles
from sitrep.reconcile.sentences import SentenceIndex, sentence_sets
from sitrep.reconcile.witnesses import (
    WITNESS_METHOD,
    is_private,
    name_key,
    shared_witnesses,
    speakers_of,
)
from sitrep.store import Store

ORIGINAL = (
    "The missile that struck today turned an outdoor market into a fiery ruin where weeping "
    "civilians looked for loved ones among the bodies scattered across the ground.\n"
    '"There was no military target here. This is a peaceful neighbourhood," Ivan Petrenko, '
    "who lives in the town, said in a trembling voice.\n"
    '"They are shooting at peaceful civilians. Are we soldiers here?" said resident Olena '
    "Marchuk.\n"
    "The blast killed 17 people and wounded at least 32, officials said."
)
SPUN = (
    "A projectile impacted an open-air bazaar on Wednesday, transforming it into a "
    "smoldering wasteland as grieving people sifted through the remains.\n"
    '"This area had no military installations at all," said Ivan Petrenko, a resident of the '
    "town, his voice quivering.\n"
    'Olena Marchuk, a local resident, lamented: "They are targeting non-combatants. Do we '
    'look like soldiers?"\n'
    "Authorities confirmed 17 fatalities and at least 32 injuries."
)


def _quotes(*who: tuple[str, str | None]) -> tuple[Quote, ...]:
    return tuple(Quote(text="...", start=0, end=3, speaker=s, speaker_role=r) for s, r in who)


def test_a_named_private_speaker_is_a_witness_an_official_is_not() -> None:
    assert name_key("Ivan Petrenko") == "ivan petrenko"
    assert name_key("the witness") is None and name_key("Zelensky") is None
    assert is_private("resident of the town, his voice quivering")
    assert is_private("local resident") and is_private("survivor")
    assert not is_private("regional governor") and not is_private(None)
    assert not is_private("spokesman for the residents")  # an office speaks for them


def test_two_shared_private_people_make_a_copy_one_does_not() -> None:
    named = speakers_of(
        [
            ("a", "Ivan Petrenko", None),
            ("a", "Olena Marchuk", "resident"),
            ("a", "Oleh Kiper", "regional governor"),
            ("b", "Ivan Petrenko", "resident of the town"),
            ("b", "Olena Marchuk", None),
            ("b", "Oleh Kiper", None),
            ("c", "Oleh Kiper", "governor"),
            ("c", "Ivan Petrenko", "resident"),
        ]
    )
    assert named["a"] == {"ivan petrenko": False, "olena marchuk": True, "oleh kiper": False}
    assert shared_witnesses(named["a"], named["b"]) == 2  # private by either text's role
    assert shared_witnesses(named["a"], named["c"]) == 1  # the governor is no witness
    spun, original = sentence_sets(SPUN), sentence_sets(ORIGINAL)
    idx = SentenceIndex()
    idx.add("a", original, outlet="Wire", speakers=named["a"])
    idx.add("c", original, outlet="Daily", speakers=named["c"])
    hits = idx.matches(spun, "Content farm", speakers=named["b"])
    assert [(m.article_id, m.method) for m in hits] == [("a", WITNESS_METHOD)]
    assert idx.matches(spun, "Wire", speakers=named["b"]) == []  # one outlet: no such copy


def test_the_store_finds_a_spun_rewrite_by_its_witnesses(tmp_path: Path) -> None:
    def rec(text: str, day: int, outlet: str, *who: tuple[str, str | None]) -> Record:
        art = Article(
            id=article_id(text), text=text, outlet=outlet, published=dt.date(2023, 9, day)
        )
        return Record(article=art, quotes=_quotes(*who))

    with Store(tmp_path / "d.duckdb") as st:
        st.write([rec(ORIGINAL, 6, "Wire", ("Ivan Petrenko", None), ("Olena Marchuk", "resident"))])
        dedup_articles(st)
        st.write(
            [rec(SPUN, 7, "Content farm", ("Ivan Petrenko", "resident"), ("Olena Marchuk", None))]
        )
        (dup,) = dedup_articles(st)
    assert dup.method == WITNESS_METHOD and dup.canonical_id == article_id(ORIGINAL)
