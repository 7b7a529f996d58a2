"""Issue 14: syndicated copies with another first line, a bureau/metadata line or light
rewording share whole sentences, not long runs of text; they are found by the sentence pass,
and copies count once in tallies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.ingest.document import article_id
from sitrep.model import Article, Record
from sitrep.reconcile.dedup import dedup_articles
from sitrep.reconcile.sentences import (
    ALIGN_MIN,
    ALIGNED_METHOD,
    PASSAGE_METHOD,
    PASSAGE_NARRATIVE,
    PASSAGE_WORDS,
    RUN_METHOD,
    RUN_SHARE,
    SENT_SHARE,
    SENTENCE_METHOD,
    SentenceIndex,
    aligned,
    longest_passage,
    passages,
    run_share,
    sentence_overlap,
    sentence_sets,
    shared_sentences,
    word_runs,
)
from sitrep.store import Store

WIRE = (
    "Russian missiles hit a railway station in a small eastern town on Wednesday, killing at "
    "least 22 people and setting a passenger train on fire, the president said.\n"
    "In a video address to the security council, the president said the rockets hit a train "
    "in the town about 145 km west of the occupied regional capital.\n"
    "Four carriages were burning at the station as rescuers pulled people out of the "
    "wreckage, the deputy head of the presidential office told reporters.\n"
    "The strike came as the country marked its independence day under heavy shelling and "
    "public celebrations in the capital were cancelled because of the threat of attacks.\n"
    "The defence ministry in Moscow did not immediately comment on the attack, and there was "
    "no way to verify the figures independently.\n"
    "Officials said an 11-year-old boy was among those killed when a rocket hit his home "
    "near the station earlier in the day."
)
# another outlet's repost: a new first line, a bureau line, a few words changed, a cut end
REPOST = (
    "Train station strike: 'Our pain today'\n"
    "Reuters | Kyiv | Updated: 25 Aug 2022, 06:10 IST\n"
    "Russian rockets struck a railway station in a small eastern town on Wednesday, killing "
    "at least 22 people and setting a passenger train ablaze, the president said.\n"
    "In a video address to the security council, the president said the rockets hit a train "
    "in the town some 145 km west of the occupied regional capital.\n"
    "Four carriages were burning at the station as rescuers pulled people from the wreckage, "
    "the deputy head of the presidential office told journalists.\n"
    "The attack came as the country marked its independence day under heavy shelling and "
    "public celebrations in the capital were cancelled over the threat of attacks."
)
OTHER = (
    "Grain exports fell by a third in March as warships blocked the ports, the agriculture "
    "ministry said on Friday, and traders warned of shortages across the region.\n"
    "Rail shipments could not make up the shortfall, and several hundred thousand tonnes of "
    "wheat and maize were stuck in silos near the coast for weeks.\n"
    "The defence ministry in Moscow did not immediately comment on the attack, and there was "
    "no way to verify the figures independently.\n"
    "Prices for wheat rose to a record for a third consecutive session on the exchange."
)


def test_repost_shares_most_sentences_other_story_one() -> None:
    wire, repost, other = sentence_sets(WIRE), sentence_sets(REPOST), sentence_sets(OTHER)
    assert all(len(s) >= 8 for s in repost)  # the bureau line is too short to count
    shared, share = shared_sentences(repost, wire)
    assert shared >= 4 and share >= 0.6
    shared, _ = shared_sentences(other, wire)
    assert shared == 1  # one boilerplate sentence: another story
    idx = SentenceIndex()
    idx.add("wire", wire)
    idx.add("other", other)
    hit = idx.match(repost)
    assert hit is not None and hit[0] == "wire"


def _rec(text: str, day: int, outlet: str) -> Record:
    return Record(
        article=Article(
            id=article_id(text), text=text, outlet=outlet, published=dt.date(2022, 8, day)
        )
    )


def test_store_finds_the_repost_by_its_sentences(tmp_path: Path) -> None:
    with Store(tmp_path / "d.duckdb") as st:
        st.write([_rec(WIRE, 24, "Wire"), _rec(OTHER, 24, "Grain News")])
        dedup_articles(st)
        st.write([_rec(REPOST, 25, "Aggregator")])
        (dup,) = dedup_articles(st)
        assert dup.method == SENTENCE_METHOD
        assert dup.canonical_id == article_id(WIRE) and dup.article_id == article_id(REPOST)


LONG = [
    "Rescue teams worked through the night at the collapsed apartment block on the edge of "
    "the river port, pulling survivors and bodies from the concrete slabs by hand.",
    "The regional governor said the missile struck shortly before dawn while most residents "
    "were asleep, and that the upper floors of the building folded onto the lower ones.",
    "Hospitals in the city asked for blood donors after admitting dozens of wounded people, "
    "several of them children, a health official told a local television channel.",
    "The military said air defences had shot down most of the missiles launched overnight "
    "but that two had hit residential areas in the south of the country.",
]


def test_a_repost_that_keeps_the_long_paragraphs_is_a_copy_by_its_words() -> None:
    # three short lines each (a caption, a byline, a "developing story" line) differ: fewer
    # than 0.65 of the sentences are shared, but the shared ones hold most of the words
    a = [
        *LONG,
        "Photo shows smoke rising over the port district today.",
        "Reporting by our correspondent with additional desk reporting.",
        "This is a developing story and will be updated.",
    ]
    b = [
        *LONG,
        "Image caption: firefighters at the scene on Friday morning.",
        "Follow our live coverage of the war for more.",
        "Sign up to the morning newsletter for the latest headlines.",
    ]
    o = sentence_overlap(sentence_sets("\n".join(a)), sentence_sets("\n".join(b)))
    assert o.shared == 4 and o.share < SENT_SHARE and o.copies(4)
    idx = SentenceIndex()
    idx.add("a", sentence_sets("\n".join(a)))
    assert [m.article_id for m in idx.matches(sentence_sets("\n".join(b)))] == ["a"]


def _reword(sentence: str) -> str:
    # a light rewording of every fifth word: no five-word run survives, most words do
    words = sentence.split()
    return " ".join(w + "ly" if i % 5 == 4 else w for i, w in enumerate(words))


NEW = [
    "Officials in the capital said the attack was the deadliest on the city since the spring "
    "and called on allies to send more air defence systems quickly.",
    "Neighbours gathered at a makeshift memorial of flowers and candles beside the ruins on "
    "Saturday as cranes lifted the last of the broken slabs.",
    "The prosecutor general's office opened a war crimes investigation into the strike and "
    "said its investigators were collecting fragments of the missile.",
    "Power and water were cut to several districts near the port while engineers checked "
    "the damaged pipes and lines for further leaks.",
]


def test_an_article_that_copies_two_groups_joins_them(tmp_path: Path) -> None:
    # the second story shares too few sentences with the first to be its copy (and no long
    # verbatim passage: one of the two is reworded); a third that runs both (reworded) joins
    # them into one group whose canonical article is the first
    first = "\n".join([*LONG, "Residents said they heard two loud explosions before dawn nearby."])
    second = "\n".join([_reword(LONG[2]), LONG[3], *NEW])
    third = "\n".join(_reword(s) for s in LONG + NEW)
    with Store(tmp_path / "d.duckdb") as st:
        st.write([_rec(first, 24, "Wire"), _rec(second, 25, "Daily")])
        assert dedup_articles(st) == []
        st.write([_rec(third, 26, "Aggregator")])
        found = dedup_articles(st)
        assert {d.method for d in found} == {SENTENCE_METHOD}
        canon = dict(st.con.execute("SELECT article_id, canonical_id FROM duplicates").fetchall())
    assert canon == {article_id(second): article_id(first), article_id(third): article_id(first)}


# A story and a machine-spun rewrite of it: the same sentences in the same order, most of each
# sentence's content words kept, the wording around them changed (two paragraphs lightly)
STORY = [
    "A missile struck an open market in the eastern town on Wednesday afternoon, killing "
    "seventeen people and wounding at least thirty, regional officials said.",
    "Stalls selling vegetables and clothes were burning when rescuers reached the square, and "
    "several cars parked beside the market were destroyed by the blast.",
    "A local resident said there was no military target anywhere near the market, which was "
    "crowded with shoppers and pensioners at that time of day.",
    "Emergency workers carried the wounded on stretchers to ambulances waiting at the edge of "
    "the square while firefighters put out the burning stalls.",
    "The president said the strike was deliberate and called on allies to send more air "
    "defence systems to protect towns near the front line.",
    "The defence ministry in the capital of the attacking country did not comment on the "
    "strike in the market, and the toll could not be verified independently.",
    "The town had a population of about sixty thousand before the war and lies some twenty "
    "kilometres from the front line in the east.",
    "Prosecutors opened a war crimes investigation into the strike on the market and said "
    "fragments of the missile had been collected at the scene.",
]
SPUN = [
    "A missile struck an open market in the eastern town on Wednesday afternoon, killing "
    "seventeen people and wounding at least thirty, regional officials said.",
    "Stalls offering vegetables and garments were ablaze when rescuers arrived at the square, "
    "and several cars parked near the market were wrecked by the explosion.",
    "According to one resident, no military target existed anywhere close to that market, "
    "packed as usual with shoppers plus pensioners during those hours.",
    "Emergency crews moved everyone wounded onto stretchers toward ambulances waiting by its "
    "edge, whereas firefighters extinguished those burning stalls.",
    "Calling it deliberate, their president urged allies to ship additional air defence "
    "systems so towns close by the front line are protected.",
    "The defence ministry in the capital of the attacking country did not comment on the "
    "strike in the market, and the toll could not be verified independently.",
    "Before this war, roughly sixty thousand residents lived there; it sits about twenty "
    "kilometres away from the eastern front line.",
    "Prosecutors launched a war crimes inquiry into this market strike, reporting that missile "
    "fragments were gathered on the scene.",
]


def test_a_reworded_rewrite_in_the_same_order_is_a_copy_by_alignment() -> None:
    story, spun = sentence_sets("\n".join(STORY)), sentence_sets("\n".join(SPUN))
    o = sentence_overlap(spun, story)
    assert not o.copies(4)  # too few sentences survive the rewording for the share rule
    assert (
        aligned(spun, story, frozenset({"the", "a", "and", "at", "to", "in", "of"})).score
        >= ALIGN_MIN
    )
    idx = SentenceIndex()
    idx.add("story", story)
    (hit,) = idx.matches(spun)
    assert hit.article_id == "story" and hit.method == ALIGNED_METHOD and 0 < hit.share <= 1


def test_the_same_rewording_in_another_order_is_no_copy() -> None:
    # another outlet telling the same event in its own order: the sentences match one by one
    # but no long run of them keeps the order
    story = sentence_sets("\n".join(STORY))
    order = [5, 2, 7, 0, 4, 1, 6, 3]
    shuffled = sentence_sets("\n".join(SPUN[i] for i in order))
    assert aligned(shuffled, story, frozenset()).score < ALIGN_MIN
    idx = SentenceIndex()
    idx.add("story", story)
    assert idx.matches(shuffled) == []


def test_a_follow_up_keeping_a_few_background_paragraphs_is_no_copy() -> None:
    # a new top of four sentences on three of the earlier story's paragraphs
    follow = sentence_sets("\n".join([*NEW, *SPUN[5:]]))
    story = sentence_sets("\n".join(STORY))
    assert aligned(follow, story, frozenset()).score < ALIGN_MIN
    idx = SentenceIndex()
    idx.add("story", story)
    assert idx.matches(follow) == []


def test_the_store_records_an_aligned_copy_with_its_method(tmp_path: Path) -> None:
    with Store(tmp_path / "d.duckdb") as st:
        st.write([_rec("\n".join(STORY), 24, "Wire")])
        dedup_articles(st)
        st.write([_rec("\n".join(SPUN), 25, "Content farm")])
        (dup,) = dedup_articles(st)
    assert dup.method == ALIGNED_METHOD and dup.canonical_id == article_id("\n".join(STORY))


def test_a_new_top_on_the_story_is_another_outlets_copy_but_not_the_same_outlets() -> None:
    # the story's sentences reworded in order under four new ones: another outlet that runs
    # it has copied it; the outlet itself has written a follow-up on its earlier paragraphs
    story = sentence_sets("\n".join(STORY))
    topped = sentence_sets("\n".join([*NEW, *SPUN]))
    run = aligned(topped, story, STOP_WORDS)
    assert run.score >= ALIGN_MIN and not run.at_top()
    idx = SentenceIndex()
    idx.add("story", story, outlet="Daily")
    assert idx.matches(topped, outlet="Daily") == []
    assert idx.matches(topped) == []  # an unknown outlet counts as the same
    assert [m.method for m in idx.matches(topped, outlet="Aggregator")] == [ALIGNED_METHOD]


# one wire story as two outlets cut it: the same three long paragraphs, each outlet's own
# short lines around them (too few shared sentences for the sentence rule, too short a run
# for the alignment)
_WIRE_PARAS = WIRE.split("\n")[:3]
CUT_A = "\n".join(
    [
        "Live updates from the region are on our home page every hour.",
        *_WIRE_PARAS,
        "Our correspondent could not reach the town late on Wednesday night.",
        "Read more of our reporting from the front line in the east.",
        "Our weekly podcast looks at how the war has changed the grain trade this year.",
        "Readers can send us their photographs and videos through the secure form below.",
        "The editors thank the volunteers who translated the local officials' statements.",
    ]
)
CUT_B = "\n".join(
    [
        *_WIRE_PARAS,
        "Sign up for the morning newsletter to get the headlines first.",
        "This story was updated with the death toll from officials.",
        "Comments are closed on this article for legal reasons today.",
    ]
)
STATEMENT = (
    '"We will rebuild every house that was destroyed, and we will find every person who gave '
    'the order to fire on a peaceful town full of families and children," the president said.'
)


def test_two_outlets_cutting_one_wire_story_share_its_verbatim_narrative() -> None:
    share, words = run_share(word_runs(CUT_B), word_runs(CUT_A))
    assert share >= RUN_SHARE and words >= 40
    a, b = sentence_sets(CUT_A), sentence_sets(CUT_B)
    assert not sentence_overlap(b, a).copies(4)  # the sentence rule misses it
    assert aligned(b, a, STOP_WORDS).score < ALIGN_MIN  # and so does the alignment
    idx = SentenceIndex()
    idx.add("a", a, outlet="Daily", runs=word_runs(CUT_A))
    assert [m.method for m in idx.matches(b, "Aggregator", word_runs(CUT_B))] == [RUN_METHOD]
    # one outlet's two versions of its own story, or an unknown outlet: no such copy
    assert idx.matches(b, "Daily", word_runs(CUT_B)) == []
    assert idx.matches(b, None, word_runs(CUT_B)) == []


def test_reports_sharing_a_quoted_statement_share_no_verbatim_narrative() -> None:
    one = STATEMENT + " " + OTHER
    two = "Rescuers searched the rubble of the station through the night. " + STATEMENT
    assert run_share(word_runs(two), word_runs(one)) == (0.0, 0)
    assert len(word_runs(STATEMENT)) == 3  # "the president said": the quote is out


def test_the_store_records_a_verbatim_cut_with_its_method(tmp_path: Path) -> None:
    with Store(tmp_path / "d.duckdb") as st:
        st.write([_rec(CUT_A, 24, "Daily"), _rec(OTHER, 24, "Grain News")])
        dedup_articles(st)
        st.write([_rec(CUT_B, 25, "Aggregator")])
        (dup,) = dedup_articles(st)
    assert dup.method == RUN_METHOD and dup.canonical_id == article_id(CUT_A)


# an agency story and an outlet's rewrite of it: every sentence reworded but one witness's
# paragraph, kept word for word with its attribution
_WITNESS_PARA = (
    '"Peaceful people, women, children and youths, were performing the dawn prayer as usual '
    'when suddenly a missile hit them," said Abu Salim, who lives nearby and came to survey '
    'the scene. "They were reduced to remains. Children were torn apart, and women were '
    'burned. What can we say or do?"'
)
AGENCY = "\n".join(
    [
        "White body bags littered the floor after a school housing displaced families was "
        "struck by missiles on Saturday morning.",
        "Dawn prayers were shattered by the triple air strike, which gutted the religious "
        "school and the mosque beside it.",
        "The civil defence agency said at least 93 people were killed in the strike.",
        _WITNESS_PARA,
        "The military said the school was used as a command centre by armed groups.",
    ]
)
REWRITE = "\n".join(
    [
        "An air strike on a school compound sheltering displaced families has killed around "
        "100 people, according to the emergency service.",
        "The attack came early on Saturday while the occupants were at prayer, the service "
        "said, and video showed debris and burnt mattresses.",
        _WITNESS_PARA,
        "The military claimed the facility served as a base and that the figures were "
        "exaggerated; several governments condemned the strike.",
    ]
)


def test_one_long_verbatim_passage_with_its_attribution_is_another_outlets_copy() -> None:
    length, narrative = longest_passage(passages(REWRITE), passages(AGENCY))
    assert length >= PASSAGE_WORDS and narrative >= PASSAGE_NARRATIVE
    a, b = sentence_sets(AGENCY), sentence_sets(REWRITE)
    assert not sentence_overlap(b, a).copies(4)
    assert run_share(word_runs(REWRITE), word_runs(AGENCY))[0] < RUN_SHARE
    idx = SentenceIndex()
    idx.add("a", a, "Agency", word_runs(AGENCY), passages=passages(AGENCY))
    hits = idx.matches(b, "Blog", word_runs(REWRITE), passages=passages(REWRITE))
    assert [m.method for m in hits] == [PASSAGE_METHOD]
    assert idx.matches(b, "Agency", word_runs(REWRITE), passages=passages(REWRITE)) == []


def test_a_long_statement_quoted_in_full_is_no_passage() -> None:
    # two reports quote one long statement word for word, each in its own words around it
    statement = (
        '"We will rebuild every house that was destroyed, and we will find every person who '
        "gave the order to fire on a peaceful town full of families and children. No one will "
        "escape responsibility for this crime, and the world must see what happened here "
        'today in this small town in the east," '
    )
    one = "The president spoke late on Tuesday. " + statement + "he wrote on Telegram."
    two = "In a video address, the leader vowed revenge. " + statement + "the president said."
    length, _ = longest_passage(passages(two), passages(one))
    assert length == 0  # the quotation alone: too little narrative around it
    assert longest_passage(passages(one), passages("Grain prices rose again.")) == (0, 0)
