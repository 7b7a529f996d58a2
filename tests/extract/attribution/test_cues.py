"""Tests for sitrep.extract.attribution.cues: the source of a statement in its sentence."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.attribution.cues import attribute
from sitrep.nlp import parse

pytestmark = pytest.mark.slow


def test_according_to_gives_the_source(nlp: Language) -> None:
    doc = parse(
        "Eleven people were killed in Darvo, according to the regional health board.", nlp=nlp
    )
    sent = next(iter(doc.sents))
    found = attribute(sent, at=sent.start, text=doc.text)
    assert found is not None and found.source == "regional health board"


def test_one_line_keeps_a_headline_from_the_ledes_source(nlp: Language) -> None:
    text = (
        "Shelling of Darvo market kills 11\n"
        "Eleven people died when shells hit the market, according to the regional health board."
    )
    doc = parse(text, nlp=nlp)
    kills = next(t for t in doc if t.text == "11")
    sent = doc[:]  # as when the parser runs the headline into the lede
    assert attribute(sent, at=kills.i, text=text) is not None
    assert attribute(sent, at=kills.i, text=text, one_line=True) is None
    eleven = next(t for t in doc if t.text == "Eleven")
    found = attribute(sent, at=eleven.i, text=text, one_line=True)
    assert found is not None and found.source == "regional health board"


def test_one_line_ignores_hard_wraps_the_parse_joined(nlp: Language) -> None:
    wrapped = "ELEVEN PEOPLE WERE KILLED IN DARVO, ACCORDING\nTO THE REGIONAL HEALTH BOARD."
    doc = parse(wrapped.replace("\n", " ").lower(), nlp=nlp)
    sent = doc[:]
    eleven = next(t for t in doc if t.text == "eleven")
    found = attribute(sent, at=eleven.i, text=wrapped, one_line=True)
    assert found is not None and found.source == "REGIONAL HEALTH BOARD"


def test_a_hearsay_relative_clause_is_not_the_speech_verbs_content(nlp: Language) -> None:
    aside = (
        "The two armies blamed each other for shelling a depot, a strike that reportedly killed 9."
    )
    doc = parse(aside, nlp=nlp)
    nine = next(t for t in doc if t.text == "9")
    assert attribute(doc[:], at=nine.i, text=aside) is None
    inside = "Officials said rebels raided a village where 9 people were reportedly killed."
    doc = parse(inside, nlp=nlp)
    nine = next(t for t in doc if t.text == "9")
    found = attribute(doc[:], at=nine.i, text=inside)
    assert found is not None and found.source == "Officials"


def test_quotative_inversion_read_as_an_object_is_the_speaker(nlp: Language) -> None:
    text = "Four people were killed in the night, writes the head of the Darvo district council."
    doc = parse(text, nlp=nlp)
    sent = next(iter(doc.sents))
    found = attribute(sent, at=sent.start, text=text)
    assert found is not None and "Darvo district council" in found.source


def test_a_gerund_after_a_comma_is_no_inversion(nlp: Language) -> None:
    text = "Shells hit the Darvo market on Monday, claiming nine lives."
    doc = parse(text, nlp=nlp)
    sent = next(iter(doc.sents))
    found = attribute(sent, at=sent.start, text=text)
    assert found is None or "lives" not in found.source


def test_according_to_only_relays_a_speech_verb_with_its_own_subject(nlp: Language) -> None:
    doc = parse(
        "According to the regional outlet, the governor told reporters that 14 people had been "
        "killed in the strike.",
        nlp=nlp,
    )
    sent = next(iter(doc.sents))
    fourteen = next(t for t in doc if t.text == "14")
    found = attribute(sent, at=fourteen.i, text=doc.text)
    assert found is not None and found.source == "governor"


def test_a_hyphenated_word_does_not_cut_the_source(nlp: Language) -> None:
    doc = parse(
        "The toll is below the 500 deaths that health authorities in the rebel-held province "
        "first described.",
        nlp=nlp,
    )
    sent = next(iter(doc.sents))
    five = next(t for t in doc if t.text == "500")
    found = attribute(sent, at=five.i, text=doc.text)
    assert found is not None and found.source == "health authorities in the rebel-held province"


def test_a_scraped_date_stamp_is_no_part_of_the_source(nlp: Language) -> None:
    # the stamp is parsed apart (sitrep.nlp.paragraph_spans): the next sentence is the report
    text = " date 2024-06-10 Officials in Gaza say Israeli forces killed 274 people in the camp."
    doc = parse(text, nlp=nlp)
    sent = next(s for s in doc.sents if "Officials" in s.text)
    found = attribute(sent, at=sent.start, text=text)
    assert found is not None and found.source == "Officials in Gaza"
    text = "Two officials said 12 people were killed."
    doc = parse(text, nlp=nlp)
    sent = next(iter(doc.sents))
    found = attribute(sent, at=sent.start, text=text)
    assert found is not None and found.source == "Two officials"


def test_unstamped_drops_a_date_stamp_and_keeps_a_count() -> None:
    from sitrep.extract.attribution.cues import unstamped

    assert unstamped("11-01 Palestinian health officials") == "Palestinian health officials"
    assert unstamped("2024-06-10 Officials in Gaza") == "Officials in Gaza"
    assert unstamped("12 officials") == "12 officials"
    assert unstamped("Governor Oleh Syniehubov") == "Governor Oleh Syniehubov"


def test_a_scene_shown_on_video_attributes_nothing_before_it(nlp: Language) -> None:
    from sitrep.extract.attribution.cues import trailing_attribution

    doc = parse("Video showed the charred ruins of buildings in the town.", nlp=nlp)
    assert trailing_attribution(next(iter(doc.sents)), text=doc.text) is None
    doc = parse("Police said.", nlp=nlp)
    found = trailing_attribution(next(iter(doc.sents)), text=doc.text)
    assert found is not None and found.source == "Police"


def test_a_short_sentence_reporting_a_clause_of_its_own_attributes_nothing_before_it(
    nlp: Language,
) -> None:
    from sitrep.extract.attribution.cues import trailing_attribution

    doc = parse("The army said it targeted a commander.", nlp=nlp)
    assert trailing_attribution(next(iter(doc.sents)), text=doc.text) is None
    doc = parse("The figures were given by the ministry, officials said.", nlp=nlp)
    found = trailing_attribution(next(iter(doc.sents)), text=doc.text)
    assert found is not None and found.source == "officials"


def test_the_figure_itself_is_no_source(nlp: Language) -> None:
    doc = parse("Strike on Dnipro: One fatality confirmed, casualties may increase", nlp=nlp)
    sent = next(doc.sents)
    at = next(t.i for t in doc if t.text == "One")
    assert attribute(sent, at=at, figure=True) is None


def test_who_is_reported_in_a_state_is_no_source(nlp: Language) -> None:
    doc = parse("Another 40 people reported missing.", nlp=nlp)
    sent = next(iter(doc.sents))
    assert attribute(sent, at=sent.start, text=doc.text) is None


def test_a_report_verb_whose_clause_goes_on_keeps_its_subject(nlp: Language) -> None:
    doc = parse("Missile attacks that authorities say killed at least 19 people.", nlp=nlp)
    sent = next(iter(doc.sents))
    found = attribute(sent, at=sent.start, text=doc.text)
    assert found is not None and found.source == "authorities"


def _source_of(nlp: Language, text: str, word: str) -> str | None:
    doc = parse(text, nlp=nlp)
    sent = next(iter(doc.sents))
    at = next(t.i for t in sent if t.text == word)
    found = attribute(sent, at=at, text=text)
    return None if found is None else found.source


def test_a_cue_verb_shares_the_subject_of_the_verb_it_hangs_from(nlp: Language) -> None:
    text = (
        "Ukraine halted rescue operations in Lviv on Friday and said the death toll had "
        "risen to 10."
    )
    assert _source_of(nlp, text, "10") == "Ukraine"
    text = "Firefighters recovered one body and said six people might still be under the rubble."
    assert _source_of(nlp, text, "six") == "Firefighters"


def test_a_verb_without_a_reported_clause_lends_no_subject(nlp: Language) -> None:
    text = (
        "Israel has responded to a rampage by gunmen who killed 1,400 Israelis by vowing to "
        "destroy the group."
    )
    assert _source_of(nlp, text, "1,400") != "Israel"


def test_a_denial_or_silence_after_a_figure_is_not_its_source(nlp: Language) -> None:
    from sitrep.extract.attribution.cues import trailing_attribution

    for text in ("The army denied this.", "The mayor rejected it.", "The mayor said nothing."):
        doc = parse(text, nlp=nlp)
        assert trailing_attribution(next(iter(doc.sents)), text=doc.text) is None


def test_as_per_an_outlet_gives_way_to_according_to_before_the_figure() -> None:
    from sitrep.extract.attribution.cues import attribute
    from sitrep.nlp import parse

    doc = parse(
        "According to Valentyn Reznichenko, head of the regional military administration, 35 "
        "people might still be trapped under the rubble, as per CNN."
    )
    sent = next(iter(doc.sents))
    at = next(t.i for t in doc if t.text == "35")
    found = attribute(sent, at=at)
    assert found is not None and "Reznichenko" in found.source
    alone = parse("35 people might still be trapped under the rubble, as per CNN.")
    found = attribute(next(iter(alone.sents)), at=0)
    assert found is not None and found.source == "CNN"


@pytest.mark.parametrize(
    ("source", "outlet", "own"),
    [
        ("ARY News", "arynews.tv", True),
        ("DAILY POST", "www.dailypost.ng", True),
        ("AP", "apnews.com", False),  # too short to tell
        ("Ukrainska Pravda", "pravda.com.ua", False),
        ("the governor", "arynews.tv", False),
    ],
)
def test_an_outlet_naming_itself(source: str, outlet: str, own: bool) -> None:
    from sitrep.extract.attribution.cues import self_named

    assert self_named(source, outlet) is own


def test_a_figure_an_outlet_reports_of_itself_is_the_outlets() -> None:
    import sitrep

    text = (
        "QUETTA: At least 22 persons were killed in an explosion at the railway station, "
        "ARY News reported."
    )
    record = sitrep.extract(text, url="https://arynews.tv/quetta-blast/")
    assert [c.source for c in record.casualties] == [record.article.outlet]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Ukraine\u2019s energy ministry reported that 30 people were wounded.",
            "Ukraine\u2019s energy ministry",
        ),
        ("Russia's defence ministry said 30 people were wounded.", "Russia's defence ministry"),
        ("Its health ministry said 30 people were wounded.", "health ministry"),
    ],
)
def test_a_named_possessor_stays_in_the_source(nlp: Language, text: str, source: str) -> None:
    doc = parse(text, nlp=nlp)
    found = attribute(next(iter(doc.sents)), text=text)
    assert found is not None and found.source == source
