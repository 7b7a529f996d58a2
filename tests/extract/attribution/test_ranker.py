"""Tests for sitrep.extract.attribution.ranker: candidate speakers, their features, reranking."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.attribution.coref import Antecedents
from sitrep.extract.attribution.ranker import (
    FEATURE_NAMES,
    Sentences,
    SpeakerModel,
    candidates,
    features,
    rerank,
)
from sitrep.model import Quote
from sitrep.nlp import parse

pytestmark = pytest.mark.slow

TEXT = (
    "The storm reached the coast on Monday.\n\n"
    '"We lost the whole harbour," fisherman Jonas Berg told reporters. '
    "The council met later."
)


def _model(**weights: float) -> SpeakerModel:
    n = len(FEATURE_NAMES)
    coef = tuple(weights.get(name, 0.0) for name in FEATURE_NAMES)
    return SpeakerModel(FEATURE_NAMES, (0.0,) * n, (1.0,) * n, coef, 0.0)


def _quote(text: str) -> Quote:
    start = text.index("We lost")
    return Quote(text[start : start + 25], start, start + 25, confidence=0.3)


def test_candidates_are_mentions_outside_the_quotation(nlp: Language) -> None:
    doc = parse(TEXT, nlp=nlp)
    q = _quote(TEXT)
    cands = candidates(Sentences(doc), q.start - 1, q.end + 1)
    spans = [TEXT[c.start : c.end] for c in cands]
    assert any("Jonas Berg" in s for s in spans)
    assert not any("harbour" in s for s in spans)
    rows = features(doc, Sentences(doc), cands, q.start - 1, q.end + 1, None)
    assert all(set(r) == set(FEATURE_NAMES) for r in rows)
    berg = next(r for c, r in zip(cands, rows, strict=True) if "Berg" in TEXT[c.start : c.end])
    assert berg["after"] == 1.0 and berg["cue_head"] == 1.0 and berg["same_sentence"] == 1.0


def test_rerank_gives_a_speakerless_quote_the_models_pick(nlp: Language) -> None:
    doc = parse(TEXT, nlp=nlp)
    (q,) = rerank(doc, [_quote(TEXT)], Antecedents(), _model(cue_head=2.0, same_sentence=1.0))
    assert q.speaker == "Jonas Berg"
    assert q.speaker_start is not None and TEXT[q.speaker_start : q.speaker_end].endswith("Berg")


def test_rerank_keeps_the_rules_pick_when_the_model_agrees(nlp: Language) -> None:
    doc = parse(TEXT, nlp=nlp)
    at = TEXT.index("fisherman")
    ruled = Quote(
        "We lost the whole harbour,",
        TEXT.index("We lost"),
        TEXT.index("We lost") + 25,
        "Jonas Berg",
        at,
        at + len("fisherman Jonas Berg"),
        confidence=0.8,
    )
    assert rerank(doc, [ruled], Antecedents(), _model(rule_pick=5.0)) == [ruled]


def test_rerank_leaves_a_labelled_speaker_alone(nlp: Language) -> None:
    doc = parse(TEXT, nlp=nlp)
    start = TEXT.index("We lost")
    labelled = Quote(
        "We lost the whole harbour,", start, start + 25, "Harbour Office", cue="Quote:"
    )
    assert rerank(doc, [labelled], Antecedents(), _model(cue_head=5.0)) == [labelled]


def test_rerank_keeps_a_cued_speaker_no_candidate_covers(nlp: Language) -> None:
    # '"...," recalled one shopkeeper': the parser makes the speaker an object, which is no
    # candidate; the model never saw it, so it may not replace it with another mention
    text = (
        'Rescuers dug through the night. "We had barely sat down to eat," recalled one shopkeeper.'
    )
    doc = parse(text, nlp=nlp)
    start, at = text.index("We had"), text.index("one shopkeeper")
    ruled = Quote(
        "We had barely sat down to eat,",
        start,
        start + len("We had barely sat down to eat,"),
        "one shopkeeper",
        at,
        at + len("one shopkeeper"),
        cue="recalled",
        confidence=0.8,
    )
    assert rerank(doc, [ruled], Antecedents(), _model(nsubj=5.0)) == [ruled]


def test_rerank_may_name_a_description_headed_by_an_adjective(nlp: Language) -> None:
    # '"...," the 36-year-old said': no candidate covers it either, but it is a description
    # the model may replace with the person it describes
    text = (
        "Former captain Marcel Dupuis joined the club in May. "
        '"We were much stronger this season," the 36-year-old said.'
    )
    doc = parse(text, nlp=nlp)
    start, at = text.index("We were"), text.index("the 36-year-old")
    ruled = Quote(
        "We were much stronger this season,",
        start,
        start + len("We were much stronger this season,"),
        "the 36-year-old",
        at,
        at + len("the 36-year-old"),
        cue="said",
        confidence=0.8,
    )
    (q,) = rerank(doc, [ruled], Antecedents(), _model(person=5.0))
    assert q.speaker == "Marcel Dupuis"


def test_rerank_never_picks_the_channel_the_words_went_out_on(nlp: Language) -> None:
    # a model that favours mentions after the quotation would pick "Telegram"
    text = (
        "A bakery collapsed in the town on Saturday.\n\n"
        '"Twelve people died in the strike," the regional head, Ivan Petrenko, wrote on '
        "Telegram."
    )
    doc = parse(text, nlp=nlp)
    start = text.index("Twelve")
    q = Quote("Twelve people died in the strike,", start, start + 33, confidence=0.3)
    (got,) = rerank(doc, [q], Antecedents(), _model(after=3.0, log_distance=2.0))
    assert got.speaker != "Telegram"
