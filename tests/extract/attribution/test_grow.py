from __future__ import annotations

from spacy.language import Language

from sitrep.extract.attribution.grow import described_by_agent, grow_speaker, token_at
from sitrep.model import Quote
from sitrep.nlp import parse


def _quote(text: str, speaker: str) -> Quote:
    open_at = text.index('"')
    s = text.index(speaker)
    return Quote(
        text=text[open_at + 1 : text.index('"', open_at + 1)],
        start=open_at,
        end=text.index('"', open_at + 1) + 1,
        speaker=speaker,
        speaker_start=s,
        speaker_end=s + len(speaker),
    )


def test_token_at_finds_the_token_under_a_character(nlp: Language) -> None:
    doc = parse("The convoy reached Darvo at noon.", nlp)
    tok = token_at(doc, doc.text.index("Darvo") + 2)
    assert tok is not None and tok.text == "Darvo"


def test_a_speaker_cut_inside_a_name_grows_to_the_whole_name(nlp: Language) -> None:
    text = 'Medical charity Doctors Without Borders said: "We cannot reach the town."'
    doc = parse(text, nlp)
    grown = grow_speaker(doc, _quote(text, "Medical charity Doctors"), text)
    assert grown.speaker is not None and grown.speaker.endswith("Doctors Without Borders")


def test_a_description_keeps_the_agent_that_names_it(nlp: Language) -> None:
    text = 'On Sunday the militia led by the warlord Omar Dade said it held "every road".'
    doc = parse(text, nlp)
    q = described_by_agent(doc, _quote(text, "the militia"), text)
    assert q.speaker == "the militia led by the warlord Omar Dade"
