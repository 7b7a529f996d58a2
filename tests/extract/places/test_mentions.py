"""Place mentions beyond the model's entities: towns it calls people, buildings it calls
organisations, roads, county lists, demonyms and names the gazetteer does not know."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.extract.places.resolve import DEMONYM_EXTRACTOR, EMBEDDED_EXTRACTOR, places
from sitrep.model import Article, Place

pytestmark = pytest.mark.slow


def _places(nlp: Any, text: str, **kw: Any) -> list[Place]:
    from sitrep.nlp import parse

    return places(parse(text, nlp=nlp), article=Article(id="t", text=text), **kw)


def _by_text(found: list[Place]) -> dict[str, Place]:
    return {p.text: p for p in found}


def test_demonyms_are_actor_places_by_default(nlp: Any) -> None:
    text = "Ukrainian officials said Russian artillery had shelled the village."
    assert _places(nlp, text, demonyms=False) == []
    found = _by_text(_places(nlp, text))
    assert found["Russian"].country == "RU"
    assert found["Russian"].role == "actor"
    assert found["Russian"].extractor == DEMONYM_EXTRACTOR
    assert found["Ukrainian"].precision == "country"


DEMONYMS = [
    ("Canadian troops crossed the river at dawn.", "Canadian", "CA"),
    ("Two Syrians were among the passengers pulled from the sea.", "Syrians", "SY"),
    ("The French government recalled its ambassador.", "French", "FR"),
    ("European ministers met again on Tuesday.", "European", ""),
    ("Kenyan police said the convoy was ambushed.", "Kenyan", "KE"),
    # adjectives the small model tags as a person or not at all
    ("The store was designed by the prominent Slovak architect Ivan Matusik.", "Slovak", "SK"),
    ("Salvadoran migrant Alexis Cea, 25, posed for a picture.", "Salvadoran", "SV"),
    ("Cervical cancer kills many Jamaican women every year.", "Jamaican", "JM"),
    ("South Korean officials met their counterparts on Friday.", "South Korean", "KR"),
    # people of regions and states
    ("South Ossetian fighters continued to attack overnight.", "South Ossetian", "GE"),
    ("Ohioans will vote on the levy in May.", "Ohioans", "US"),
    ("Many Czechs crossed the border to shop.", "Czechs", "CZ"),
]


@pytest.mark.parametrize(("sentence", "mention", "country"), DEMONYMS)
def test_demonyms_imply_a_country(nlp: Any, sentence: str, mention: str, country: str) -> None:
    place = _by_text(_places(nlp, sentence))[mention]
    assert place.resolved and place.role == "actor"
    assert (place.country or "") == country
    assert place.precision in ("country", "continent", "region")


def test_names_inside_organisations_are_actors(nlp: Any) -> None:
    text = "The Kentucky Department of Education cut the budget of its schools on Monday."
    found = [p for p in _places(nlp, text) if p.text == "Kentucky"]
    assert found and found[0].role == "actor" and found[0].extractor == EMBEDDED_EXTRACTOR
    assert not [p for p in _places(nlp, text, embedded=False) if p.text == "Kentucky"]


# One sense per article, civic words, datelines and names inside other names:
# (text, mention, its occurrence (0 = first), expected country, expected role)
RECALL = [
    # a name the article uses as a place counts wherever else it stands alone
    (
        "A fire destroyed a house in Torrington on Monday. Torrington firefighters called "
        "in crews from Litchfield and Winsted, and Torrington businesses collected clothes.",
        "Torrington",
        2,
        "US",
        "location",
    ),
    # a local-news headline: "[town] man charged"
    (
        "Gainesville man charged with stealing a car. A Gainesville man was arrested on Tuesday.",
        "Gainesville",
        1,
        "US",
        "location",
    ),
    # a civic word after a name the small model calls a person
    (
        "Alexandria Police went to Memphis Street after the call, and detectives "
        "interviewed two neighbours.",
        "Alexandria",
        0,
        "",
        "location",
    ),
    # a wire dateline after a headline
    (
        "Mansfield council to vote on financing package. MANSFIELD — The Law Enforcement "
        "Center will be refinanced, the mayor said.",
        "MANSFIELD",
        0,
        "",
        "location",
    ),
    ("BEIRUT — Two rockets hit the southern suburbs overnight.", "BEIRUT", 0, "LB", "location"),
    # a town inside an organisation's name, with a civic word after it
    (
        "The Torrington Fire Department responded to the call on Tuesday night.",
        "Torrington",
        0,
        "",
        "actor",
    ),
    # adjectives and the EU inside names
    (
        "The Russian Ministry of Defence will work closely with the navy.",
        "Russian",
        0,
        "RU",
        "actor",
    ),
    # a town the small model reads as a date, a town in a list of towns
    (
        "The soldier had been embedded with US Special Forces in Manbij near the border.",
        "Manbij",
        0,
        "SY",
        "location",
    ),
    (
        "The chain sold its stores in Zilina, Nitra, Presov and Kosice last year.",
        "Nitra",
        0,
        "SK",
        "location",
    ),
    # a big city inside a team name of the article
    (
        "She worked with Seattle Fire and Police at every Seattle Seahawks home game.",
        "Seattle",
        0,
        "US",
        "actor",
    ),
    # a state abbreviation after a politician's party
    (
        "House Majority Whip James Clyburn, D-S.C., inserted the language into the bill.",
        "S.C.",
        0,
        "US",
        "location",
    ),
    (
        "Airline chiefs said EU airlines have maintained leading safety records.",
        "EU",
        0,
        "",
        "actor",
    ),
]


@pytest.mark.parametrize(("text", "mention", "nth", "country", "role"), RECALL)
def test_places_beyond_the_entity_pass(
    nlp: Any, text: str, mention: str, nth: int, country: str, role: str
) -> None:
    found = [p for p in _places(nlp, text) if p.text == mention]
    assert len(found) > nth, [p.text for p in _places(nlp, text)]
    place = found[nth]
    assert place.resolved and place.role == role
    if country:
        assert place.country == country


def test_person_names_do_not_spread_as_places(nlp: Any) -> None:
    text = (
        "Abraham Lincoln was born in Kentucky. Lincoln later moved to Illinois, where "
        "Lincoln practised law."
    )
    assert not [p for p in _places(nlp, text) if p.text == "Lincoln"]


def test_buildings_named_as_organisations_are_places(nlp: Any) -> None:
    text = (
        "A bomb exploded outside Altnagelvin Hospital in Derry on Monday. Derry police "
        "said nobody was hurt."
    )
    found = _by_text(_places(nlp, text))
    hospital = next(p for t, p in found.items() if "Altnagelvin Hospital" in t)
    assert hospital.role == "location"
    assert hospital.resolved and hospital.country == "GB"  # placed at the article's city


def test_streets_read_as_organisations_or_people_are_places(nlp: Any) -> None:
    text = (
        "Police in Toronto closed Dubonet Drive after the crash. Toronto officials said "
        "the Royal Street crossing would reopen on Monday."
    )
    found = _by_text(_places(nlp, text))
    for name in ("Dubonet Drive", "Royal Street"):
        place = next(p for t, p in found.items() if name in t)
        assert place.role == "location" and place.name == "Toronto"


def test_a_town_near_a_named_town_is_a_place_whatever_the_model_says(nlp: Any) -> None:
    text = (
        "The couple met at a dance in Dewsbury in 1960. They moved to Horbury, before "
        "switching to Middlestown, and then finally to a bungalow in Ossett."
    )
    found = _by_text(_places(nlp, text))
    for name in ("Horbury", "Middlestown"):
        assert found[name].country == "GB"


# A town the model took for a person or an organisation, or a name the gazetteer does not
# know, standing where a place does.
LOCATIVE = [
    (
        "No one knows that better than Mindy Miller of Ravenel, whose son has a rare "
        "syndrome, said the Charleston clinic.",
        "Ravenel",
        "US",
    ),
    (
        "Instead of driving to Castlegar, people in British Columbia can now visit the office.",
        "Castlegar",
        "CA",
    ),
    # Names the gazetteer does not know, after a direction or a place noun.
    (
        "Syria's army says it has regained most of the towns in eastern Ghouta, near "
        "Damascus, and Douma's fall is near.",
        "Ghouta",
        "SY",
    ),
    (
        "On a manicured field in Cairo's gated suburb of Madinaty, boys train in red "
        "jerseys, Egyptian coaches said.",
        "Madinaty",
        "EG",
    ),
]


@pytest.mark.parametrize(("text", "mention", "country"), LOCATIVE)
def test_a_town_after_a_word_of_place_is_a_place(
    nlp: Any, text: str, mention: str, country: str
) -> None:
    assert _by_text(_places(nlp, text))[mention].country == country


def test_months_feasts_and_institutions_after_in_are_not_towns(nlp: Any) -> None:
    text = "Lawmakers in Congress met in March and again at Christmas in Washington."
    assert set(_by_text(_places(nlp, text))) == {"Washington"}


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        (
            "Burton Albion have been handed a boost before the trip to Derby in the "
            "English Midlands.",
            "Burton",
            "GB",
        ),
        (
            "Smith was charged in Virginia last week, but Alexandria Police Spokeswoman Ashley "
            "Hildebrandt said the case is open.",
            "Alexandria",
            "US",
        ),
        (
            "A memorandum would be signed between Abuja Chamber of Commerce and Industry and "
            "the Nigerian partners.",
            "Abuja",
            "NG",
        ),
    ],
)
def test_a_place_a_team_or_office_is_named_after(
    nlp: Any, text: str, mention: str, country: str
) -> None:
    assert _by_text(_places(nlp, text))[mention].country == country


def test_a_name_mostly_called_a_person_is_no_place_far_from_the_story(nlp: Any) -> None:
    from spacy.tokens import Span

    from sitrep.extract.places.mentions import mostly_persons

    doc = nlp.make_doc(
        "Noma opened a case in Cape Town . Noma said no . Noma says so . Noma wept . "
        "Cirencester lies near Cheltenham . Cirencester said no . Cirencester voted ."
    )
    noma = [i for i, t in enumerate(doc) if t.text == "Noma"]
    labels = ["GPE", "PERSON", "PERSON", "PERSON"]
    ents = [Span(doc, i, i + 1, label=lab) for i, lab in zip(noma, labels, strict=True)]
    ents.append(Span(doc, 5, 7, label="GPE"))  # Cape Town
    town = [i for i, t in enumerate(doc) if t.text == "Cirencester"]
    ents += [Span(doc, town[0], town[0] + 1, label="GPE")]
    ents += [Span(doc, i, i + 1, label="PERSON") for i in town[1:]]
    ents.append(Span(doc, town[0] + 3, town[0] + 4, label="GPE"))  # Cheltenham
    doc.ents = sorted(ents, key=lambda e: e.start)
    # Noma, Washington DC, is far from a story in South Africa and England: a woman; the
    # English town of Cirencester, called a person twice, stays a place.
    assert mostly_persons(doc) == {"Noma"}


def test_an_employer_after_at_is_not_placed_by_the_towns_in_its_name(nlp: Any) -> None:
    text = "She has worked at American Electric Power in Columbus, Ohio, since 2009."
    assert "American Electric Power" not in _by_text(_places(nlp, text))


def test_british_road_numbers_are_places_where_the_article_is(nlp: Any) -> None:
    text = (
        "The A417 southbound will close from 8pm near Cirencester. A diversion will be in "
        "place via the A436, A40 and A429, Cirencester councillors said. A B52 bomber and "
        "a sheet of A4 paper are not roads."
    )
    found = _by_text(_places(nlp, text))
    for road in ("A417", "A436", "A40", "A429"):
        assert found[road].name == "Cirencester" and found[road].confidence <= 0.2
    assert "B52" not in found and "A4" not in found


def test_a_name_the_model_mostly_calls_a_firm_does_not_spread(nlp: Any) -> None:
    from sitrep.extract.places.mentions import unknown_names

    doc = nlp("Analysts at Wedbush said so. Wedbush raised its target, Wedbush said.")
    assert unknown_names(doc, [e for e in doc.ents if e.label_ in ("GPE", "LOC")]) == ([], [])


def test_untagged_buildings_after_at(nlp: Any) -> None:
    from sitrep.extract.places.mentions import unlabelled_buildings

    doc = nlp.make_doc(
        "Dinner was served at Eva's Village in Paterson, then at Windsor Castle, and later "
        "at Smith and Jones."
    )
    assert [s.text for s in unlabelled_buildings(doc)] == ["Eva's Village", "Windsor Castle"]


def test_a_firm_after_at_is_no_venue(nlp: Any) -> None:
    text = "Analysts at Moody's in New York said the outlook was stable."
    assert "Moody's" not in _by_text(_places(nlp, text))


def test_the_names_of_a_list_of_counties_are_counties(nlp: Any) -> None:
    text = (
        "The jobless rate for Northeast Georgia, which includes Barrow, Walton and Jackson "
        "counties, inched closer to the state average."
    )
    found = _by_text(_places(nlp, text))
    for name in ("Barrow", "Walton", "Jackson"):
        assert found[name].name == f"{name} County" and found[name].country == "US"
        assert found[name].precision == "region"


def test_a_demonym_the_model_called_a_person_is_a_demonym(nlp: Any) -> None:
    text = "The party said it would campaign against Sri Lankan interference in the north."
    place = _by_text(_places(nlp, text))["Sri Lankan"]
    assert place.country == "LK" and place.role == "actor"


def test_an_arabic_name_after_a_place_noun_is_one_mention(nlp: Any) -> None:
    text = "Gunmen killed 12 people in the village of Wad al-Musrah in Sudan's Gezira state."
    found = _by_text(_places(nlp, text))
    assert "Wad al-Musrah" in found and found["Wad al-Musrah"].country == "SD"


def test_a_model_name_across_a_bracket_is_no_cued_name(nlp: Any) -> None:
    from spacy.tokens import Span

    from sitrep.extract.places.mentions import cued_names
    from sitrep.nlp import parse

    doc = parse("Gunmen raided the outskirts of Kaya (Centre-Nord) at dawn.", nlp=nlp)
    start = next(t.i for t in doc if t.text == "Kaya")
    doc.ents = [Span(doc, start, start + 5, label="ORG")]  # "Kaya (Centre-Nord"
    assert all("(" not in sp.text for sp in cued_names(doc))


def test_a_name_before_a_place_apposition_is_a_place(nlp: Any) -> None:
    from spacy.tokens import Span

    from sitrep.extract.places.mentions import cued_names
    from sitrep.nlp import parse

    doc = parse("Gunmen raided Qaryat Zubeiri, a small village in the east, at dawn.", nlp=nlp)
    start = next(t.i for t in doc if t.text == "Qaryat")
    doc.ents = [Span(doc, start, start + 2, label="PERSON")]  # the model's reading
    assert [sp.text for sp in cued_names(doc)] == ["Qaryat Zubeiri"]


def test_a_town_the_model_read_as_an_organisation_in_the_possessive_is_a_place(
    nlp: Any,
) -> None:
    found = _by_text(_places(nlp, "Shells hit El Fasher's last hospital on Friday."))
    assert found["El Fasher"].role == "location" and found["El Fasher"].country == "SD"


def test_a_spaced_dash_ends_a_place_name(nlp: Any) -> None:
    text = "Some 12 people die as a result of shelling of a hospital in Kherson - Kim\n\nThe toll"
    # the mention is the town alone, not "Kherson - Kim" (read whole, it can be an Indian Kim)
    assert [(p.text, p.name, p.country) for p in _places(nlp, text)] == [
        ("Kherson", "Kherson", "UA")
    ]


def test_a_division_named_x_and_y_is_one_place(nlp: Any) -> None:
    found = _places(nlp, "Gunmen attacked tourists near Pahalgam in Jammu and Kashmir on Tuesday.")
    by_text = _by_text(found)
    assert by_text["Jammu and Kashmir"].precision == "region"
    assert by_text["Pahalgam"].name == "Pahalgam"


def test_a_division_and_its_town_read_as_one_organisation_are_both_places(nlp: Any) -> None:
    # the model reads "Balochistan's Mastung" as one organisation: the province owns the
    # district named right after it
    text = "A blast near a school in Balochistan\u2019s Mastung district killed seven people."
    names = {p.name for p in _places(nlp, text) if p.resolved}
    assert "Balochistan" in names
    assert any(n and n.startswith("Mastung") for n in names)
