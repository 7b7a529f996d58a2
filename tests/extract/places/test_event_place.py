"""The place of a claim is where it happened: not an actor, a speaker's office or a dateline."""

from __future__ import annotations

import pytest

import sitrep

pytestmark = pytest.mark.slow


def _places(text: str, published: str = "2023-05-02") -> list[str | None]:
    record = sitrep.extract(text, published=published)
    return [c.place.name if c.place else None for c in record.casualties]


def test_a_town_named_once_beats_a_country_named_often() -> None:
    text = (
        "Missile strike on railway station kills dozens\n"
        "Russian missiles hit a crowded railway station in Kramatorsk on Friday.\n"
        "Ukraine's railway company said 52 people were killed. Ukraine has asked its allies "
        "for more air defence, and Ukraine's president condemned the attack."
    )
    assert set(_places(text)) == {"Kramatorsk"}


def test_a_possessor_is_an_actor_not_the_place() -> None:
    text = "Russia's missile strike on Dnipro killed 17 people, officials said."
    assert _places(text) == ["Dnipro"]


def test_a_speakers_region_is_not_the_place() -> None:
    text = (
        "Rescuers searched the rubble in Bucha on Tuesday.\n"
        "The Kyiv region's governor said three people were killed and eight wounded."
    )
    assert set(_places(text)) == {"Bucha"}


def test_a_dateline_is_not_the_place() -> None:
    text = (
        "KYIV, May 2 (Reuters) - At least 12 people were killed when a missile hit an "
        "apartment block overnight, officials said.\n"
        "The strike destroyed two floors of a building in the centre of Odesa."
    )
    assert _places(text) == ["Odesa"]


def test_a_dateline_is_the_place_when_the_article_names_no_other() -> None:
    text = (
        "KHARKIV, May 2 (Reuters) - At least 12 people were killed when a missile hit an "
        "apartment block overnight, officials said.\n"
        "Rescuers were still searching the rubble on Tuesday evening."
    )
    assert _places(text) == ["Kharkiv"]


def test_a_war_wide_total_keeps_its_country() -> None:
    text = (
        "A drone hit a school in Kharkiv on Monday.\n"
        "Russia has killed more than 9,000 civilians in Ukraine since the invasion began, "
        "the United Nations said."
    )
    assert _places(text) == ["Ukraine"]


def test_a_dateline_after_a_scrapers_date_stamp_is_not_the_place() -> None:
    text = (
        " date 2023-05-02 LVIV: At least 12 people were killed when a missile hit an "
        "apartment block overnight, officials said.\n"
        "The strike destroyed two floors of a building in the centre of Odesa."
    )
    assert _places(text) == ["Odesa"]


def test_a_claim_in_a_village_of_a_named_region_is_placed_in_that_region() -> None:
    text = (
        "Shelling kills two in frontline village\n"
        "Two civilians were killed in Novozorianivka, a village in Ukraine's Kherson region, "
        "officials said on Tuesday."
    )
    record = sitrep.extract(text, published="2023-05-02")
    place = record.casualties[0].place
    assert place is not None and place.country == "UA" and place.precision == "region"


def test_a_place_naming_an_incident_is_where_it_happened() -> None:
    text = (
        "Officials mourn the dead\n"
        "Officials said 30 people died in the Kurakhove attack, the deadliest this month. "
        "Moscow denied it. Kyiv said it would respond."
    )
    assert _places(text) == ["Kurakhove"]


def test_a_town_naming_a_site_is_where_it_happened() -> None:
    # "the Pavlohrad market": the town locates the site, it does not act (a ministry would).
    text = (
        "Shelling hits market\n"
        "A shell struck the Pavlohrad market in the Dnipropetrovsk region on Monday, "
        "killing seven people, regional officials said."
    )
    assert _places(text) == ["Pavlohrad"]


def test_a_site_named_by_a_town_is_a_location_not_an_actor() -> None:
    from sitrep.extract.places import places
    from sitrep.extract.places.event_place import use_of
    from sitrep.model import Article
    from sitrep.nlp import parse

    text = "Rockets hit the Sumy railway station, and the Sumy council said four people died."
    doc = parse(text)
    uses = [use_of(doc, p) for p in places(doc, article=Article(id="t", text=text))]
    station, council = [u for u in uses if u.place.text == "Sumy"]
    assert not station.actor and station.locative is False  # "hit" takes no preposition
    assert council.actor


def test_each_figure_takes_the_place_attached_nearest_in_the_parse() -> None:
    text = (
        "At least 12 people were confirmed dead in Lutsk, in the northwestern Volyn Oblast, "
        "and three others, including a child and two teenagers, in western Rivne, according to "
        "officials."
    )
    assert _places(text)[:2] == ["Lutsk", "Rivne"]  # "three" is nearer Lutsk in characters


def test_the_city_points_back_to_a_city_named_earlier_in_its_sentence() -> None:
    text = "The Irpin mayor said 30 bodies of civilians had been found in the city."
    assert _places(text) == ["Irpin"]


def test_the_country_holding_the_incident_place_gives_way_to_it() -> None:
    text = (
        "Missiles hit Lozova station\n"
        "Russian missiles hit the railway station in Lozova on Monday.\n"
        "Ukraine's railway company said the strike killed nine people in the east of the country."
    )
    assert _places(text) == ["Lozova"]


def test_a_town_near_a_city_is_placed_at_the_town_the_article_names() -> None:
    text = (
        "Missile strike on town near Kharkiv kills nine\n"
        "Nine people were killed when a missile hit a school in a town near Kharkiv on Monday. "
        "Rescuers in Chuhuiv searched the ruins of the school overnight, officials said."
    )
    assert set(_places(text)) == {"Chuhuyiv"}  # the gazetteer's spelling
    # with no other place named, the city the town lies near is the best there is
    alone = "Nine people were killed when a missile hit a school in a town near Kharkiv on Monday."
    assert _places(alone) == ["Kharkiv"]


def test_a_dateline_town_near_the_reference_point_is_the_scene() -> None:
    text = (
        "Missile strikes near Odesa kill 21\n"
        "SERHIIVKA, Ukraine -Russian missiles hit an apartment building near the port of Odesa, "
        "killing 21 people, officials said."
    )
    assert set(_places(text)) == {"Serhiyivka"}  # the gazetteer's spelling


def test_a_town_in_a_describing_clause_is_not_the_place() -> None:
    text = (
        "Artillery hit a field hospital in Kupiansk on Sunday.\n"
        "The shelling killed 14 soldiers, many of whom had trained in Izium.\n"
        "It also killed six medics who were evacuated from Kharkiv last year."
    )
    assert set(_places(text)) == {"Kupyansk"}


def test_a_town_named_in_passing_gives_way_to_the_incident_place() -> None:
    text = (
        "A missile hit a market in Kupiansk on Sunday.\n"
        "Officials said 14 people, most of them refugees from the fall of Izium, were killed."
    )
    assert set(_places(text)) == {"Kupyansk"}


def test_hundreds_killed_in_a_town_is_the_towns_claim() -> None:
    text = "Hundreds killed in Kupiansk market blast\nOfficials in Kyiv said more were missing."
    assert _places(text)[0] == "Kupyansk"


def test_an_apposition_takes_the_use_of_its_anchor() -> None:
    text = (
        "A missile hit a market in Kupiansk on Sunday, killing 14 people.\n"
        "A day later the capital of the region, Kharkiv, was hit, and 3 people were killed."
    )
    assert _places(text) == ["Kupyansk", "Kharkiv"]


def test_a_place_in_a_comparison_is_another_events() -> None:
    text = (
        "A missile hit the bus station in Kupiansk on Monday, killing 12 people. It was the "
        "deadliest strike since the attack on a market in Izium that killed 40 in May."
    )
    assert _places(text) == ["Kupyansk", "Izyum"]


def test_a_town_naming_an_earlier_incident_in_a_comparison_is_not_the_place() -> None:
    text = (
        "In the deadliest strike in Donetsk Oblast since the 2022 Kramatorsk attack, 28 people "
        "were killed when a missile hit a market near Kostiantynivka on Tuesday afternoon."
    )
    assert _places(text) == ["Kostyantynivka"]


def test_a_town_right_after_in_is_where_whatever_noun_the_parse_hangs_it_on() -> None:
    text = (
        "A Russian strike on a dormitory in Kharkiv housing displaced families has resulted in "
        "the deaths of 12 people, according to the regional governor."
    )
    assert _places(text) == ["Kharkiv"]


def test_where_the_speakers_sit_is_not_the_place() -> None:
    text = (
        "A missile hit the bus station in Kupiansk on Monday.\n"
        "Officials in Kyiv said 12 people were killed."
    )
    assert set(_places(text)) == {"Kupyansk"}


def test_a_local_office_speaks_for_its_own_town() -> None:
    text = (
        "A missile hit the bus station in Kupiansk on Monday, killing 12 people.\n"
        "The city council in Izium said two more were killed there overnight."
    )
    assert _places(text) == ["Kupyansk", "Izyum"]


def test_the_city_points_back_to_where_things_happened_not_a_reference_point() -> None:
    text = (
        "Missiles damaged homes in Izium, which lies 120 km south-east of the regional "
        "capital, Kharkiv.\nThree people were killed in the city, officials said."
    )
    assert _places(text) == ["Izyum"]


def test_that_strike_is_the_strike_the_previous_sentence_placed() -> None:
    text = (
        "Drones hit several towns overnight. In Izium, one drone struck a block of flats.\n"
        "At least nine people were killed in that strike alone, officials said.\n"
        "Later in the day a strike on Kupiansk killed three people, and a strike on Kupiansk "
        "wounded five more."
    )
    assert _places(text)[0] == "Izyum"


def test_the_officials_place_in_an_according_to_phrase_is_not_the_place() -> None:
    text = (
        "Strike on village cafe kills 51\n"
        "A Russian rocket hit a village cafe on Thursday, killing at least 51 civilians, "
        "according to the president and other top officials in Kyiv.\n"
        "Rescuers searched for survivors in the remains of the only cafe in the village of "
        "Hroza in the Kharkiv region."
    )
    assert _places(text)[0] == "Hroza"


@pytest.mark.parametrize(
    "second",
    [
        "The bodies of the 27 dead were transferred to Nasser Hospital in nearby Khan Younis.",
        "The 27 dead were taken to a hospital in Khan Younis.",
    ],
)
def test_where_the_harmed_were_taken_is_not_the_place(second: str) -> None:
    text = f"Israeli forces opened fire near an aid site in Rafah, killing 27 people.\n{second}\n"
    assert set(_places(text)) == {"Rafaḩ"}


def test_the_village_points_back_to_no_big_city() -> None:
    text = (
        "A missile hit a cafe in the village of Hroza in Kharkiv Oblast on Thursday.\n"
        "The soldier had first been buried in Dnipro, his family said.\n"
        "His son was among the 51 people killed in the attack that wiped out half of the "
        "village's population."
    )
    assert _places(text) == ["Hroza"]


def test_a_district_then_its_town_weigh_as_the_town() -> None:
    text = (
        "At least one person was killed in shelling of a Russian region bordering Ukraine, the "
        "governor said on Tuesday.\n"
        "The shelling struck a shelter for evacuees from the region's Shebekino district.\n"
        "The governor said he visited the town of Shebekino after the attack.\n"
        "Russia's capital Moscow was also targeted by drones on Tuesday.\n"
        "The Defence Ministry said it downed eight drones over Moscow."
    )
    assert _places(text, "2023-05-30") == ["Shebekino"]


def test_a_town_of_a_country_never_named_is_no_incident_place() -> None:
    text = (
        "A strike on a school in Myanmar killed 22 people, witnesses said.\n"
        "The UN chief's spokesman told reporters in New York he was alarmed.\n"
        "The school lies in Myanmar's Sagaing region, where the military fights rebels."
    )
    assert "New York City" not in _places(text, "2025-05-12")


def test_a_photo_captions_place_is_not_the_incidents() -> None:
    text = (
        "RSF attack in Sudan kills at least 25\n"
        "Security forces patrol a district in Gedaref city on April 3. / Photo: AFP\n"
        "Paramilitary forces killed at least 25 people in an attack on a village south of "
        "Khartoum, activists said."
    )
    assert "Al Qadarif" not in _places(text, "2024-04-07")


def test_a_town_across_a_disputed_line_is_not_abroad() -> None:
    text = (
        "A rocket from Lebanon killed 12 children on a football pitch in Majdal Shams.\n"
        "Israel blamed Hezbollah in Lebanon. Israel's army said it would respond."
    )
    assert _places(text, "2024-07-28") == ["Majdal Shams"]


def test_a_country_before_a_strike_names_who_struck() -> None:
    # "a US air strike ... in north-western Yemen": the strike happened in Yemen
    text = (
        "At least 68 migrants were killed in a US air strike on a detention centre in "
        "north-western Yemen, the group said."
    )
    assert _places(text) == ["Yemen"]


def test_local_officials_place_their_town_but_a_capitals_do_not() -> None:
    text = (
        "At least 28 people have died in an occupied city after shelling hit a bakery.\n"
        "Officials in Lysychansk said that one child is among those who died.\n"
        "Officials in Kyiv did not comment. Both Moscow and Kyiv rely on long-range attacks."
    )
    assert _places(text)[0] == "Lysychansk"


def test_a_gulf_named_after_a_town_is_no_attack_on_it() -> None:
    text = (
        "Houthi attacks on ships in the Gulf of Aden have gone on for months.\n"
        "A strike on a market in Saada killed 12 people, officials said."
    )
    assert _places(text) == ["Sa'dah"]


def test_a_region_lends_no_weight_to_its_namesake_city() -> None:
    # the oblast and its capital share a name; the town the article is about lies 100 km away
    text = (
        "The death toll from a strike on a bakery in the eastern city of Lysychansk has climbed "
        "to 28 people, officials said Sunday.\n"
        "Lysychansk is in the occupied Lugansk region.\n"
        '"Search operations continue on the site of the collapsed bakery. 28 people have died," '
        "the emergency ministry posted.\n"
        "The city of Lugansk has been under separatist control since 2014."
    )
    assert set(_places(text, "2024-02-04")) == {"Lysychansk"}


def test_a_towns_own_site_in_the_possessive_is_where_it_happened() -> None:
    text = "A drone attack on Kharkiv's main maternity hospital has killed 12 patients."
    assert _places(text) == ["Kharkiv"]


def test_a_town_described_by_be_is_no_actor() -> None:
    text = (
        "Missiles hit a military college in central Ukraine on Tuesday, killing 40 people.\n"
        "Poltava is about 300 kilometres east of Kyiv, on the road to Kharkiv."
    )
    assert _places(text) == ["Poltava"]


def test_a_town_named_only_by_its_own_office_places_the_article() -> None:
    text = (
        "Shelling hit the building of the Sumy Regional State Administration on Monday.\n"
        "Rescuers recovered the bodies of five people, emergency workers said."
    )
    assert _places(text) == ["Sumy"]


def test_an_office_gives_way_to_any_place_named_as_a_location() -> None:
    text = (
        "A drone hit a market in Kherson region on Sunday, killing six people.\n"
        "Odesa Governor Oleh Kiper said the drones were launched overnight."
    )
    assert _places(text) != ["Odesa"]


def test_a_reference_point_gives_way_only_to_a_smaller_town_near_it() -> None:
    text = (
        "Gunmen killed 20 tourists at a meadow near Pahalgam on Tuesday.\n"
        "Security forces were deployed across Srinagar after the attack."
    )
    assert _places(text) == ["Pahalgam"]
