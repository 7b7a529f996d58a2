"""Tests for sitrep.extract.attribution.settle: sources and speakers settled article-wide."""

from __future__ import annotations

import pytest
from spacy.language import Language

import sitrep
from sitrep.extract.attribution.antecedents import antecedents
from sitrep.extract.attribution.quotes import quotes
from sitrep.extract.attribution.settle import attribute_claims, attribute_quotes
from sitrep.extract.casualties.claims import casualties
from sitrep.model import Article, CasualtyClaim, Quote
from sitrep.nlp import parse

pytestmark = pytest.mark.slow


def _run(
    nlp: Language, text: str, outlet: str | None = None
) -> tuple[list[CasualtyClaim], list[Quote]]:
    doc = parse(text, nlp=nlp)
    art = Article(id="t", text=text, outlet=outlet)
    ants = antecedents(doc)
    qs = attribute_quotes(doc, quotes(doc, article=art, times=[]), ants=ants)
    cs = casualties(doc, article=art, places=[], times=[])
    return attribute_claims(doc, cs, qs, outlet=outlet, ants=ants), qs


def _source(claims: list[CasualtyClaim], count: int) -> str | None:
    return next(c.source for c in claims if c.count == count)


def test_he_said_resolves_to_the_last_named_person(nlp: Language) -> None:
    text = (
        "Defence ministry spokesman Igor Konashenkov described the strike as a provocation. "
        "He said eight prison guards were injured in the shelling."
    )
    claims, _ = _run(nlp, text)
    assert _source(claims, 8) == "Igor Konashenkov"


def test_a_description_resolves_to_the_named_source(nlp: Language) -> None:
    text = (
        "Mayor Anatoly Fedoruk visited the town on Saturday. "
        "The mayor also confirmed that he had seen at least 22 bodies on the streets."
    )
    claims, _ = _run(nlp, text)
    assert _source(claims, 22) == "Anatoly Fedoruk"


def test_a_figure_inside_a_quotation_is_the_speakers(nlp: Language) -> None:
    text = (
        "Ukraine's interior minister Denys Monastyrskiy spoke to reporters at the scene.\n\n"
        '"We have information about 43 people missing," Monastyrskiy said.'
    )
    claims, qs = _run(nlp, text)
    assert qs and qs[0].speaker is not None and "Monastyrskiy" in qs[0].speaker
    assert "Monastyrskiy" in (_source(claims, 43) or "")


def test_a_possessive_source_stays_whole(nlp: Language) -> None:
    claims, _ = _run(nlp, "Israel's military said two senior militants were killed in Rafah.")
    assert _source(claims, 2) == "Israel's military"


def test_a_cause_is_no_source(nlp: Language) -> None:
    claims, _ = _run(nlp, "The conflict has claimed over 20,000 lives.", outlet="Daily")
    assert all(c.source == "Daily" for c in claims)


def test_a_headline_ending_in_its_source(nlp: Language) -> None:
    text = "Three people were injured in the shelling - regional governor\n\nMore text follows."
    claims, _ = _run(nlp, text)
    assert _source(claims, 3) == "regional governor"


def test_lines_of_a_list_take_the_source_that_introduces_it(nlp: Language) -> None:
    text = (
        "The State Emergency Service of Ukraine said on Telegram:\n"
        "23 people were killed;\n"
        "66 people were hospitalized.\n"
    )
    claims, _ = _run(nlp, text)
    assert _source(claims, 23) == "State Emergency Service of Ukraine"


def test_a_paragraph_after_a_list_is_no_item_of_it(nlp: Language) -> None:
    text = (
        "The fire service said on Telegram:\n"
        "12 people were killed;\n"
        "30 people were hospitalized.\n\n"
        "Later the regional police reported 14 people killed in the town. "
        "Six people were wounded. More than 20 were reported missing.\n"
    )
    claims, _ = _run(nlp, text)
    assert _source(claims, 12) == "fire service"
    assert _source(claims, 6) == "regional police"
    assert _source(claims, 20) == "regional police"


def test_a_resolved_description_is_what_a_later_it_refers_to(nlp: Language) -> None:
    text = (
        "The Northern Relief Committee said the army had ignored calls for help.\n\n"
        "Last month the UN warned that thousands were at risk of hunger.\n\n"
        "The committee said the village had been shelled twice.\n\n"
        '"Nobody came to help the families in the village," it said in a statement.'
    )
    _, qs = _run(nlp, text)
    quote = next(q for q in qs if q.text.startswith("Nobody"))
    assert quote.speaker == "Northern Relief Committee"


def test_an_impersonal_report_takes_no_source_from_the_sentence_before(nlp: Language) -> None:
    text = (
        "The army said 40 soldiers were killed on Monday.\n"
        "It was later reported that at least 60 soldiers were killed in the town.\n"
    )
    claims, _ = _run(nlp, text)
    assert _source(claims, 40) == "army"
    assert _source(claims, 60) is None


def test_a_figure_inside_a_labelled_quotation_is_its_speakers(nlp: Language) -> None:
    text = (
        "Source: Regional Governor Anna Koval on Telegram\n\n"
        'Quote: "As a result of the strike on a school in the town, 14 people died."\n'
    )
    claims, _ = _run(nlp, text)
    assert "Anna Koval" in (_source(claims, 14) or "")


def test_a_headline_quote_takes_the_speaker_the_body_gives_it(nlp: Language) -> None:
    text = (
        'Dozens killed in shelling of the market, evidence shows: "We buried them with our hands"\n'
        "Rescuers searched the ruins for days.\n"
        '"We buried them with our hands," said Olena Marchuk, a nurse who lives nearby.\n'
    )
    _, qs = _run(nlp, text)
    assert qs[0].start < 80
    assert all(q.speaker == "Olena Marchuk" for q in qs)


def test_the_statement_reads(nlp: Language) -> None:
    text = (
        "The Madani Resistance Committee issued a statement on Thursday.\n\n"
        '"The village witnessed a massacre after two attacks by the militia," the statement reads.'
    )
    _, qs = _run(nlp, text)
    assert qs and qs[-1].speaker == "Madani Resistance Committee"


def test_quote_label(nlp: Language) -> None:
    text = (
        "Ihor Taburets, head of the regional administration, wrote on Telegram about the strike.\n"
        "Quote:\n"
        '"Rescuers are still working at the site of the destroyed building in the city."'
    )
    _, qs = _run(nlp, text)
    assert qs and qs[-1].speaker == "Ihor Taburets"


def test_a_colon_introduced_quotation_is_the_subjects(nlp: Language) -> None:
    text = 'Senator Ted Cruz continued:\n"You look at the questions asked in this debate tonight."'
    _, qs = _run(nlp, text)
    assert qs and qs[-1].speaker is not None and "Cruz" in qs[-1].speaker


def test_a_quotation_inside_a_clause_is_the_subjects(nlp: Language) -> None:
    text = 'Network president Dave Gorab called the show "the conservative news show of record."'
    _, qs = _run(nlp, text)
    assert qs and qs[-1].speaker is not None and "Gorab" in qs[-1].speaker


def test_a_short_quotation_a_named_speaker_words_is_theirs(nlp: Language) -> None:
    text = 'Sen. Marco Rubio called the statement "offensive and outlandish."'
    _, qs = _run(nlp, text)
    assert qs and qs[-1].text.startswith("offensive")
    assert qs[-1].speaker is not None and "Rubio" in qs[-1].speaker


def test_a_short_quotation_in_a_reported_clause_is_the_speakers(nlp: Language) -> None:
    text = 'Governor Ruth Alder says the valley has "no more time" before the snow.'
    _, qs = _run(nlp, text)
    assert qs and qs[-1].text == "no more time"
    assert qs[-1].speaker is not None and "Alder" in qs[-1].speaker


def test_a_short_quotation_of_he_resolves_to_the_named_speaker(nlp: Language) -> None:
    text = (
        "Mayor Piet Janssen spoke to reporters at the dam.\n\n"
        'He said the repairs were "nearly done" and praised the crews.'
    )
    _, qs = _run(nlp, text)
    assert qs and qs[-1].text == "nearly done"
    assert qs[-1].speaker == "Piet Janssen"


def test_a_scare_quote_without_a_speaker_stays_out(nlp: Language) -> None:
    _, qs = _run(nlp, 'The town is known as the "Crossroads of America" to travellers.')
    assert qs == []


def test_a_dateline_is_no_source(nlp: Language) -> None:
    text = "JERUSALEM – The Israeli military said on April 3 that militants killed 378 people."
    claims, _ = _run(nlp, text)
    assert _source(claims, 378) == "Israeli military"


def test_two_sources_named_together_stay_together(nlp: Language) -> None:
    text = "Officials from Russia and the separatist authorities said the attack killed 53 inmates."
    claims, _ = _run(nlp, text)
    assert _source(claims, 53) == "Officials from Russia and the separatist authorities"


def test_a_headline_opening_with_its_source(nlp: Language) -> None:
    claims, _ = _run(nlp, "UN reports 400,000 fled the camp, 300 killed in attack\n\nMore text.")
    assert _source(claims, 400000) == "UN"


def test_a_bulleted_headline_opening_with_its_source(nlp: Language) -> None:
    text = "Shelling hits Darvo market\n  \u2022 Red Cross reports 14 killed in Darvo market\n"
    claims, _ = _run(nlp, text)
    assert _source(claims, 14) == "Red Cross"


def test_a_headline_ending_in_says_beats_the_parse(nlp: Language) -> None:
    text = " date 2024-03-01 Over 30 killed in strike on Darvo market, says regional governor\n"
    claims, _ = _run(nlp, text)
    assert _source(claims, 30) == "regional governor"


def test_the_statement_is_the_source_not_the_outlet_citing_it(nlp: Language) -> None:
    text = (
        "This was reported by the Darvo Fire Service on Facebook, as cited by Northwire.\n\n"
        '"Nine people have been injured, two of them are children," the statement reads.'
    )
    claims, _ = _run(nlp, text)
    assert _source(claims, 9) == "Darvo Fire Service"


def test_a_role_with_the_persons_name_in_apposition_gives_the_name(nlp: Language) -> None:
    text = (
        "At least seven people were killed in strikes on the city of Darvo, according to "
        "the city\u2019s Russian-backed mayor, Petro Kuzmenko."
    )
    claims, _ = _run(nlp, text)
    assert _source(claims, 7) == "Petro Kuzmenko"


def test_a_name_inside_a_quotation_is_no_antecedent(nlp: Language) -> None:
    text = (
        "Governor Petro Kuzmenko spoke on Monday. "
        '"Darvo is our pain today. As of now, there are 17 dead," he said in a video address.'
    )
    doc = parse(text, nlp=nlp)
    names = [a.name for a in antecedents(doc).between(0, len(text))]
    assert "Petro Kuzmenko" in names and "Darvo" not in names


def test_a_person_named_as_a_passive_subject_is_an_antecedent(nlp: Language) -> None:
    text = (
        "Singer Olena Marchuk was scheduled to perform in the hall that evening. "
        "She said that two of her crew members were killed in the strike."
    )
    claims, _ = _run(nlp, text)
    assert "Olena Marchuk" in (_source(claims, 2) or "")


def test_a_label_before_the_source_is_skipped(nlp: Language) -> None:
    text = (
        "UPDATE: As of 5.16 p.m State Emergency Service of Kelvania reported about 14 people "
        "killed and 9 people wounded in the latest missile attack on Darvo.\n"
    )
    claims, _ = _run(nlp, text)
    # (the time before the name still sticks to it: "5.16 p.m State Emergency ...")
    assert (_source(claims, 14) or "").endswith("State Emergency Service of Kelvania")


def test_a_figure_after_a_quotation_is_not_the_speakers(nlp: Language) -> None:
    text = (
        '"We heard the blast from our tents, then the screaming," farmer Idris Wol told '
        "reporters after the shelling of the camp that killed at least 31 people."
    )
    claims, _ = _run(nlp, text)
    assert "Idris Wol" not in (_source(claims, 31) or "")


def test_quoted_as_saying_gives_the_object_not_the_outlet(nlp: Language) -> None:
    text = (
        '"The bridge was hit twice in one night," Reuters quoted Lena Marsh, a teacher, as saying.'
    )
    _, qs = _run(nlp, text)
    assert [q.speaker for q in qs] == ["Lena Marsh"]


def test_the_subject_of_the_quoted_words_is_not_the_pronouns_referent(nlp: Language) -> None:
    # 'Northway "ignored ...," she said': Northway is what the quotation is about
    text = (
        "Marta Lind, a union lawyer, spoke outside the court on Monday. "
        'Northway "ignored every warning about the roof," she said.'
    )
    _, qs = _run(nlp, text)
    assert [q.speaker for q in qs] == ["Marta Lind"]


def test_a_description_named_by_its_agent_keeps_the_agent(nlp: Language) -> None:
    text = (
        'In a video on Sunday, the militia led by the warlord Omar Dade said it held "every '
        'road into the valley and both bridges," without further details.'
    )
    _, qs = _run(nlp, text)
    assert [q.speaker for q in qs] == ["the militia led by the warlord Omar Dade"]


def test_he_refers_to_a_person_introduced_with_a_role(nlp: Language) -> None:
    # the parse gives the name no verb ("shared" read as a modifier): the role still makes
    # the person someone a later "he said" may mean
    text = (
        "Ivan Petrenko, a regional government adviser, shared images of a strike in the city "
        "of Darvo that he said had killed four people."
    )
    claims, _ = _run(nlp, text)
    assert _source(claims, 4) == "Ivan Petrenko"


def test_a_speech_verb_with_its_content_after_it_is_no_tail_source() -> None:
    import sitrep

    text = (
        "Strike on camp\n\n"
        "One resident of the camp, Omar Haddad, said the airstrikes killed 15 members of his "
        "family.\n"
    )
    (claim,) = sitrep.extract(text, published="2023-11-02").casualties
    assert claim.source in {"Omar Haddad", "One resident of the camp"}


def test_we_in_a_quotation_is_its_speaker() -> None:
    import sitrep

    text = (
        "Strike on school\n\n"
        "Omar Haddad, spokesperson for the civil defence, told a news conference: "
        '"Thus far, we have confirmed more than 93 deaths, including 11 children."\n'
    )
    sources = {c.source for c in sitrep.extract(text, published="2024-08-10").casualties}
    assert sources == {"Omar Haddad"}


def test_a_source_at_the_end_of_a_sentence_on_a_longer_line(nlp: Language) -> None:
    # scraped text often runs a whole article on one line: the sentence's own end still counts
    text = (
        "At least 50 people were killed in the strike, director of the Indonesian Hospital "
        "Atef al-Kahlout confirmed. The army said it targeted a commander. Rescue work went on."
    )
    claims, _ = _run(nlp, text)
    source = _source(claims, 50)
    assert source is not None and source.endswith("Atef al-Kahlout")


def test_a_count_of_victims_is_never_a_source(nlp: Language) -> None:
    # a parse that makes "a number of others injured" the subject of "said"
    text = (
        "At least one person has been killed and a number of others injured after a shelling "
        "attack on a Russian region bordering Ukraine, the region's governor said Tuesday.\n"
    )
    claims, _ = _run(nlp, text)
    assert _source(claims, 1) == "the region's governor"


def test_he_said_resolves_to_an_unnamed_spokesman(nlp: Language) -> None:
    text = (
        "A jet bombed the village, killing 10 villagers, according to a township "
        "administration spokesman.\n\n"
        '"Three women and seven men were killed by the airstrike," he said.'
    )
    claims, qs = _run(nlp, text)
    assert _source(claims, 7) == "township administration spokesman"
    assert qs[0].speaker == "township administration spokesman"


def test_confirmed_by_names_the_source(nlp: Language) -> None:
    text = "The raid also led to the death of a commander, as confirmed by a police statement."
    claims, _ = _run(nlp, text)
    assert _source(claims, 1) == "police statement"


def test_the_statement_is_the_issuers_named_in_this_is_stated_in() -> None:
    import sitrep

    text = (
        "Six more bodies were found under the rubble. This is stated in the message of the "
        "State Emergency Service.\n\n"
        '"As of 9:00 a.m., six bodies were additionally found at the site," the statement says.'
    )
    quotes = sitrep.extract(text, published="2022-07-01").quotes
    assert [q.speaker for q in quotes] == ["State Emergency Service"]


def test_a_post_signed_after_a_dash_gives_its_paragraph_to_its_author(nlp: Language) -> None:
    # a post quoted without quotation marks, "- he wrote on Telegram" at its paragraph's end
    text = (
        "Governor Ivan Petrenko said rescuers were still at work in Darvo.\n\n"
        "Again tragic news from Darvo. The death toll has risen to 17. 279 were injured. "
        "Sincere condolences to all relatives - he wrote on Telegram."
    )
    got = {c.count: c.source for c in _run(nlp, text)[0]}
    assert got[17] == "Ivan Petrenko" and got[279] == "Ivan Petrenko"


def test_a_headline_parsed_as_two_sentences_keeps_its_source_after_the_colon(
    nlp: Language,
) -> None:
    text = (
        "US airstrike kills 68 African migrants in Yemen: Houthis\n\n"
        "The site was reportedly housing 115 migrants at the time of the strike.\n"
    )
    claims, _ = _run(nlp, text)
    assert _source(claims, 68) == "Houthis"


def test_a_pronoun_governing_a_cueless_quotation_resolves(nlp: Language) -> None:
    # 'He called the strike a "...,"': no speech verb before the words, the subject of the verb
    # that governs them speaks, and "he" is the governor named in the sentence before
    text = (
        "Governor Oleh Marchenko says he holds the invaders responsible for the deaths in Darvo. "
        'He called the strike a "deliberate act of terror against a sleeping city," insisting '
        'that "every such attack must be answered by the courts."'
    )
    _, qs = _run(nlp, text)
    assert [q.speaker for q in qs] == ["Oleh Marchenko", "Oleh Marchenko"]


def test_according_to_him_is_the_person_named_before(nlp: Language) -> None:
    text = (
        "The head of the emergency service, Sergei Kruk, confirmed the death of a rescuer. "
        "According to him, another 5 rescuers were injured."
    )
    claims, _ = _run(nlp, text)
    assert _source(claims, 5) == "Sergei Kruk"


def test_a_dateline_is_no_source_its_apposition_is(nlp: Language) -> None:
    text = (
        "Deir el-Balah, Gaza - A food aid organization said an Israeli strike killed seven "
        "of its workers on Monday."
    )
    claims, _ = _run(nlp, text)
    assert _source(claims, 7) == "food aid organization"
    text = "Kharkiv, Ukraine - Oleh Syniehubov said 12 people were killed."
    assert _source(_run(nlp, text)[0], 12) == "Oleh Syniehubov"


def test_data_a_speaker_gives_are_the_speakers(nlp: Language) -> None:
    text = (
        "According to the preliminary data, at least two children were killed, said the "
        "governor of the Belgorod region Vyacheslav Gladkov."
    )
    assert _source(_run(nlp, text)[0], 2) == "Vyacheslav Gladkov"
    alone = "According to preliminary data, 12 people were killed."
    assert _source(_run(nlp, alone)[0], 12) == "preliminary data"


def test_a_weapon_is_no_source(nlp: Language) -> None:
    text = "44 lives were claimed by a Russian rocket that hit a high-rise building."
    assert _source(_run(nlp, text)[0], 44) is None


def test_a_word_cut_off_at_the_texts_end_is_no_speaker() -> None:
    import sitrep

    text = (
        "Prime Minister Ali Khan denounced the bombing in a statement, saying those who planned "
        'the attack "will pay a very heavy price for it," adding t'
    )
    (quote,) = sitrep.extract(text).quotes
    assert quote.speaker in (None, "Ali Khan")


def test_the_countrys_president_is_the_president_the_story_names_later(nlp: Language) -> None:
    text = (
        "Russian missiles struck a city in central Ukraine on Thursday, killing at least 20 "
        "people. The country's president called the attack \"an open act of terrorism against "
        'civilians." Ukrainian President Volodymyr Zelenskyy said the strike was deliberate.'
    )
    _, qs = _run(nlp, text)
    assert [q.speaker for q in qs] == ["Volodymyr Zelenskyy"]


def test_a_thing_that_cannot_speak_is_no_speaker(nlp: Language) -> None:
    text = (
        "A rocket had left a pit in the ground close to two lines of cars.\n\n"
        "\u201cUp until this point, 23 dead and 28 injured. All civilians,\u201d the regional "
        "head composed on the messaging app."
    )
    _, qs = _run(nlp, text)
    assert qs and all(q.speaker is None or "rocket" not in q.speaker.lower() for q in qs)


def test_a_number_is_no_source(nlp: Language) -> None:
    text = "22 people still missing in the city after a missile strike, 26 already confirmed dead"
    claims, _ = _run(nlp, text, outlet="News")
    assert {c.count: c.source for c in claims}.get(22) == "News"


def test_a_day_is_no_source() -> None:
    text = (
        "The death toll from Tuesday's attack on the main administrative building of the city "
        "amounted to 16, as confirmed by the Thursday, the State Emergency Service, which "
        "indicated that search work continued."
    )
    record = sitrep.extract(text, published="2022-03-31")
    assert [c.source for c in record.casualties if c.count == 16] != ["Thursday"]
    assert any(c.count == 16 for c in record.casualties)
