"""Single victims a cue governs (sentences written for these tests)."""

from __future__ import annotations

from sitrep import nlp
from sitrep.extract.casualties.singles import arguments, singulars


def _singles(text: str) -> list[str]:
    doc = nlp.parse(text)
    return [
        doc[f.victim[0] : f.victim[1]].text
        for s in doc.sents
        for f in singulars(doc, s, set())
        if f.victim is not None
    ]


def test_a_passive_subject_and_a_relative_clause_are_the_victims() -> None:
    doc = nlp.parse("The judge, who was murdered on Friday, was 50.")
    murdered = next(t for t in doc if t.text == "murdered")
    assert [t.text for t in arguments(murdered)] == ["judge"]


def test_one_person_named_is_one_victim() -> None:
    assert _singles("Gunmen killed Juan Perez in the village.") == ["Juan Perez"]


def test_a_place_named_by_its_apposition_is_no_victim() -> None:
    assert _singles("The militia stormed the town after capturing Al Fasher, a key city.") == []


def test_whom_a_passive_report_is_about_is_the_victim() -> None:
    assert _singles("Another child was reported wounded in the shelling.") == ["child"]
    assert _singles("A fisherman is feared dead after the attack.") == ["fisherman"]
    assert _singles("The attack was reported in the morning.") == []


def test_a_victim_hurt_in_a_relative_clause_who_then_died_counts_once_by_the_main_verb() -> None:
    doc = nlp.parse("A woman who was injured in the attack has died in hospital.")
    found = [
        (f.cue.lower_ if f.cue is not None else None)
        for s in doc.sents
        for f in singulars(doc, s, set())
    ]
    assert found == ["died"]
