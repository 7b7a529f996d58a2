from __future__ import annotations

from sitrep.extract.attribution.headlines import line_of, tail_source


def test_a_headline_names_its_source_at_its_end_or_start() -> None:
    assert tail_source("Nine killed in strike on Darvo market - regional governor") == (
        "regional governor"
    )
    assert tail_source("Twelve dead after shelling, says acting mayor") == "acting mayor"
    assert tail_source("UN reports 40,000 fled Darvo in a week") == "UN"
    assert tail_source("Nine killed in strike on Darvo market") is None


def test_a_count_is_never_a_source() -> None:
    assert tail_source("Shelling goes on - 12 dead") is None


def test_line_of_gives_the_whole_line() -> None:
    text = "Headline - governor\nFirst line of the body.\nSecond."
    start = text.index("body")
    assert line_of(text, start, start + 4) == "First line of the body."


def test_a_line_ending_with_its_source_and_verb_names_it() -> None:
    assert tail_source("40 bodies found in a field near Darvo, village elder reports.") == (
        "village elder"
    )
    assert tail_source("Forty people died in the fire, he said.") is None


def test_a_place_after_a_dash_is_no_source() -> None:
    # "four — at the depot": a part of a figure with its verb left out, not "— governor"
    assert tail_source("Nine people died at the school, four — at the depot.") is None
    assert tail_source("Nine killed at the school - regional police") == "regional police"


def test_a_tail_source_between_commas_or_with_its_title() -> None:
    line = "Two more people may be under the rubble, the head of the region, Ivan Petrenko, said."
    assert tail_source(line) == "Ivan Petrenko"
    line = "At least 50 people were killed, director of the city hospital Omar Haddad confirmed."
    assert tail_source(line) == "director of the city hospital Omar Haddad"
    assert tail_source("The strike killed 9, which the army confirmed.") is None


def test_a_long_source_before_confirmed_at_the_end_names_it() -> None:
    line = "At least 30 people died, head of the Darvo hospital Ana Ruiz confirmed."
    assert tail_source(line) == "head of the Darvo hospital Ana Ruiz"
    assert tail_source("Thirty people died in the fire, which the ministry confirmed.") is None


def test_an_auxiliary_before_the_tail_verb_is_no_part_of_the_source() -> None:
    line = "Seven people were killed in Chernihiv, President Volodymyr Zelenskiy has said."
    assert tail_source(line) == "President Volodymyr Zelenskiy"
    assert tail_source("Five died, the governor later said.") == "the governor"


def test_a_tail_source_before_a_day() -> None:
    assert tail_source("Five died in the shelling, the governor said Tuesday.") == "the governor"


def test_a_tail_source_may_end_with_a_date_a_platform_or_a_statement() -> None:
    line = "One person was killed in the city, Governor Pavlo Kyrylenko reported on April 14."
    assert tail_source(line) == "Governor Pavlo Kyrylenko"
    assert tail_source("Two died in the strike, the governor wrote on Telegram.") == "the governor"
    assert tail_source("Two died in the strike, the army said in a statement.") == "the army"


def test_a_tail_source_may_be_followed_by_what_it_went_on_doing() -> None:
    line = (
        "At least 38 people were killed in the city, local activists reported, revising the toll."
    )
    assert tail_source(line) == "local activists"


def test_a_page_tag_after_a_dash_is_no_source() -> None:
    # "... 12 killed – photos": the kind of page, not who counted
    assert tail_source("Rescue work at the Darvo block ends: 12 killed \u2013 photos") is None
    assert tail_source("Nine killed in Darvo - video and live updates") is None
    assert tail_source("Nine killed in Darvo - regional governor") == "regional governor"


def test_a_headline_ending_in_its_source_after_a_colon() -> None:
    assert tail_source("US airstrike kills 68 migrants in Darvo: Houthis") == "Houthis"
    assert tail_source("Strike on Darvo kills 12: officials") == "officials"
    # a page tag, a figure or a sentence after the colon is no source
    assert tail_source("Twelve killed in strike on Darvo: What We Know") is None
    assert tail_source("At least 30 killed in attack on Darvo centre: Report") is None
    assert tail_source("Darvo attack: 12 killed") is None
    assert tail_source("The toll is clear: Darvo lost 12.") is None


def test_victims_after_a_dash_are_no_source() -> None:
    assert tail_source("In Darvo: 3 people - killed, 12 - injured.") is None


def test_a_headline_source_after_a_colon_may_be_an_office_or_a_body() -> None:
    line = (
        "Dozens killed in Russian missile strike on civilian convoy in Ukraine: regional governor"
    )
    assert tail_source(line) == "regional governor"
    assert tail_source("Gaza strikes kill 40: health ministry") == "health ministry"
    # a page section or a topic after the colon is no source
    assert tail_source("Analysis: the battle for Bakhmut") is None
    assert tail_source("War in Ukraine: what we know") is None


def test_reports_said_names_the_reports_not_the_words_after_the_verb() -> None:
    line = "A drone hit the clinic, killing 12, reports said on Monday."
    assert tail_source(line) in (None, "reports")  # never "said on Monday"
