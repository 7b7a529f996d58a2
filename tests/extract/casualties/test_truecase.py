"""Guessed case for upper-case wire copy."""

from __future__ import annotations

import pytest

from sitrep.extract.casualties.truecase import is_common_word, truecase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "GUERRILLAS KILLED HECTOR OQUELI IN ZACAPA.",
            "Guerrillas killed Hector Oqueli in Zacapa.",
        ),
        ("THE MURDER OF MSGR ANSELMO RUIZ.", "The murder of Msgr Anselmo Ruiz."),
        ("TWO U.S. MORMON MISSIONARIES DIED.", "Two u.s. mormon missionaries died."),
        ("IT RAINED. NOT A SOUL CAME.", "It rained. Not a soul came."),
        ("THIRTYTWO PEOPLE DIED ON 3 MARCH.", "Thirtytwo people died on 3 March."),
    ],
)
def test_truecase(text: str, expected: str) -> None:
    out = truecase(text)
    assert out == expected
    assert len(out) == len(text)


@pytest.mark.parametrize(
    ("word", "common"),
    [("peasants", True), ("killed", True), ("died", True), ("oqueli", False), ("twenty", True)],
)
def test_is_common_word(word: str, common: bool) -> None:
    assert is_common_word(word) is common


def test_a_closing_quote_or_a_comma_after_a_title_starts_nothing() -> None:
    # a word after a closing quote continues the sentence; a title capitalizes only the word
    # right after it, and never a stop word
    out = truecase('A "STRIKE TEAM" KILLED THE JUDGE, A POLICE CHIEF AND THE MAYOR OF THE TOWN.')
    assert out == 'A "strike team" killed the judge, a police chief and the mayor of the town.'
    # an opening quote after a colon or a sentence's end still starts a sentence
    assert truecase('HE SAID: "TWO DIED." "NONE FLED," HE ADDED.') == (
        'He said: "Two died." "None fled," he added.'
    )
