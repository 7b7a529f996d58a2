from __future__ import annotations

import pytest

from sitrep.clean import clean_text


def test_navigation_lines_removed_and_listed() -> None:
    text = "Troops crossed the river at dawn, officials said.\nDon't Miss\nMost Read\nTrending on Daily Courier\nThe bridge was destroyed.\n"
    out = clean_text(text)
    assert "Don't Miss" not in out.text
    assert "Most Read" not in out.text
    assert [r.text for r in out.removed] == ["Don't Miss", "Most Read", "Trending on Daily Courier"]
    assert all(r.reason == "navigation" for r in out.removed)
    assert out.outlet_hint == "Daily Courier"
    assert "The bridge was destroyed." in out.text


def test_lead_repeating_body_is_removed() -> None:
    lead = "Flooding in the delta has displaced 40,000 people, according to the regional governor"
    body = (
        "Heavy rain continued on Monday.\n"
        "The regional governor said, according to the regional governor's office, flooding in the delta "
        "has displaced 40,000 people and cut off roads.\n"
    )
    out = clean_text(lead + "\n" + body)
    assert lead not in out.text
    assert out.removed[0].reason == "repeated lead"


def test_long_lead_sharing_one_phrase_with_a_later_line_is_kept() -> None:
    lead = (
        "The regional governor said on Monday that flooding in the delta has displaced 40,000 "
        "people. Roads to the coast were cut and two bridges collapsed overnight. Aid agencies "
        "said food stocks in the shelters would last a week, and the army sent boats to the "
        "villages cut off by the water. Schools in three districts were closed."
    )
    body = "BREAKING: flooding in the delta has displaced 40,000 people, officials say\n"
    out = clean_text(lead + "\n\n" + body)
    assert lead in out.text and not out.removed


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Advertisement",
        "Read more: Why the talks failed",
        "Sign up to our newsletter",
    ],
)
def test_more_residue(line: str) -> None:
    out = clean_text(f"Rebels seized the town of Kidal on Sunday.\n{line}\nThe army withdrew.\n")
    assert line not in out.text
    assert out.removed and out.removed[0].text == line


def test_ordinary_text_untouched() -> None:
    text = "Most residents fled before the attack.\nLive ammunition was used, witnesses said.\n"
    out = clean_text(text)
    assert out.removed == ()
    assert out.text == text


def test_a_headline_after_a_read_also_label_is_a_teaser() -> None:
    text = (
        "Two people died in the region.\nRead also:\nDeath toll in drone attack rises to 12\n"
        "Two people were killed, the governor said.\n"
    )
    c = clean_text(text)
    assert "rises to 12" not in c.text
    assert "the governor said" in c.text
    assert [r.reason for r in c.removed] == ["navigation", "teaser"]


def test_a_sentence_after_a_read_more_label_stays() -> None:
    c = clean_text("Read more\nThe mayor said twelve people were injured.\n")
    assert "twelve people were injured" in c.text


def test_a_lead_sharing_only_a_long_title_with_the_body_is_kept() -> None:
    # the body names "the Head of the Darvo Regional Military Administration, Ivan Petrenko"
    # again: a title repeated is no repeated lead, and the lead's figures must stay
    headline = "Death toll in strike on Darvo rises to 18"
    lead = (
        "The number of people killed in the strike on Darvo has risen to 18. In addition, "
        "around 300 civilians were injured, the Head of the Darvo Regional Military "
        "Administration, Ivan Petrenko, reports."
    )
    body = (
        "According to the Head of the Darvo Regional Military Administration, Ivan Petrenko, "
        "17 people were confirmed dead on Tuesday evening."
    )
    out = clean_text(f"{headline}\n\n{lead}\n{body}\n")
    assert lead in out.text and not out.removed


def test_a_headline_giving_its_own_figure_stays_before_a_lede_that_shares_its_opening() -> None:
    # the lede repeats "death toll in the missile attack on" but words its figure apart: the
    # headline's "rises to 31" is reporting of its own; a copy of it is still residue
    headline = "Death toll in the missile attack on a convoy near Darvo rises to 31"
    lede = (
        "The death toll in the missile attack on a convoy of civilian cars leaving Darvo "
        "increased to 31, as another woman died in hospital."
    )
    out = clean_text(f"{headline}\n{headline}\n{lede}\n")
    assert out.text.count(headline) == 1
    assert [r.reason for r in out.removed] == ["repeated lead"]


def test_a_lead_whose_figure_the_body_repeats_in_the_same_words_goes() -> None:
    lead = "Shelling of the Darvo market killed more than 20 civilians on Tuesday, officials said"
    body = (
        "Officials in the region said shelling of the Darvo market killed more than 20 "
        "civilians on Tuesday, as the offensive went on."
    )
    out = clean_text(f"{lead}\n{body}\n")
    assert lead not in out.text and out.removed[0].reason == "repeated lead"


def test_a_source_line_naming_officials_the_body_names_again_is_kept() -> None:
    # the attribution under a lead names the officials that the body quotes with the same
    # titles; it repeats nobody's reporting
    text = (
        "Two people were killed in a drone strike on the port on Monday.\n\n"
        "Source: Oleh Marchenko, Head of the Regional Military Administration, on Telegram\n\n"
        "Details: Oleh Marchenko, Head of the Regional Military Administration, said a warehouse"
        " and two cars were destroyed."
    )
    out = clean_text(text)
    assert "Source: Oleh Marchenko" in out.text and not out.removed
