"""Tests for sitrep.extract.attribution.claims: sources, stances, contents and contradiction links."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.attribution.claims import claims, contradicted, side
from sitrep.model import Article, CasualtyClaim, Claim, Evidence
from sitrep.nlp import parse

pytestmark = pytest.mark.slow


def _claims(nlp: Language, text: str, casualties: list[CasualtyClaim] | None = None) -> list[Claim]:
    doc = parse(text, nlp=nlp)
    return claims(doc, article=Article(id="t", text=text), casualties=casualties or [])


# (source, stance, cue, words the content must hold)
Expected = tuple[str, str, str, str]

# Real-style news sentences written for these tests (wire copy, broadcasters, local papers;
# wars and crises around the world). Each maps to every claim the extractor must return, in
# order: agency sources, "citing X", anonymous sources, "according to", the five stances,
# pronoun sources, and negated cues that make no claim at all.
CASES: list[tuple[str, list[Expected]]] = [
    (
        "The Sudanese Armed Forces said they had retaken the presidential palace in Khartoum.",
        [
            (
                "Sudanese Armed Forces",
                "reports",
                "said",
                "they had retaken the presidential palace in Khartoum",
            )
        ],
    ),
    (
        "Rebels have captured the town of Goma, the Reuters news agency reported, citing security sources.",
        [("Reuters", "reports", "reported", "Rebels have captured the town of Goma")],
    ),
    (
        "The Houthis claimed responsibility for the attack on the tanker in the Red Sea.",
        [
            (
                "Houthis",
                "claims",
                "claimed",
                "responsibility for the attack on the tanker in the Red Sea",
            )
        ],
    ),
    (
        "Hamas claimed that 50 hostages had been killed in Israeli air strikes.",
        [("Hamas", "claims", "claimed", "50 hostages had been killed in Israeli air strikes")],
    ),
    (
        "The Israeli military confirmed that two soldiers were killed in southern Gaza.",
        [
            (
                "Israeli military",
                "confirms",
                "confirmed",
                "two soldiers were killed in southern Gaza",
            )
        ],
    ),
    (
        "The Russian defence ministry denied that its aircraft had struck the market in Kostiantynivka.",
        [
            (
                "Russian defence ministry",
                "denies",
                "denied",
                "its aircraft had struck the market in Kostiantynivka",
            )
        ],
    ),
    (
        "Ethiopia's government disputed the death toll given by the Tigray regional authorities.",
        [
            (
                "Ethiopia's government",
                "disputes",
                "disputed",
                "the death toll given by the Tigray regional authorities",
            )
        ],
    ),
    (
        "More than 200 people were killed in the flooding, according to the Libyan Red Crescent.",
        [
            (
                "Libyan Red Crescent",
                "reports",
                "according to",
                "More than 200 people were killed in the flooding",
            )
        ],
    ),
    (
        "A senior US official said the strikes had destroyed three radar sites.",
        [("senior US official", "reports", "said", "the strikes had destroyed three radar sites")],
    ),
    (
        "Sources said the talks in Doha had broken down over the prisoner list.",
        [
            (
                "Sources",
                "reports",
                "said",
                "the talks in Doha had broken down over the prisoner list",
            )
        ],
    ),
    (
        "Myanmar's military junta accused the rebels of shelling the hospital.",
        [("Myanmar's military junta", "claims", "accused", "the rebels of shelling the hospital")],
    ),
    ("The army did not say how many soldiers had been wounded.", []),
    (
        "Gaza's health ministry says at least 34 people were killed overnight.",
        [("Gaza's health ministry", "reports", "says", "at least 34 people were killed overnight")],
    ),
    (
        "Local officials told the BBC that the death toll had risen to 27.",
        [("Local officials", "reports", "told", "the death toll had risen to 27")],
    ),
    (
        "Al Jazeera reported that Israeli tanks had reached the edge of Rafah.",
        [("Al Jazeera", "reports", "reported", "Israeli tanks had reached the edge of Rafah")],
    ),
    (
        "The Armenian foreign ministry rejected Baku's claim that its troops had opened fire first.",
        [
            (
                "Armenian foreign ministry",
                "denies",
                "rejected",
                "Baku's claim that its troops had opened fire first",
            )
        ],
    ),
    (
        "Witnesses told the Associated Press that soldiers fired on the crowd.",
        [("Witnesses", "reports", "told", "soldiers fired on the crowd")],
    ),
    (
        "Colombia's ombudsman's office estimated that 20,000 people had fled the Catatumbo region.",
        [
            (
                "Colombia's ombudsman's office",
                "reports",
                "estimated",
                "20,000 people had fled the Catatumbo region",
            )
        ],
    ),
    (
        "The Kremlin has repeatedly denied that it targets civilian infrastructure.",
        [("Kremlin", "denies", "denied", "it targets civilian infrastructure")],
    ),
    (
        "The UN human rights office said it had verified the deaths of 10,582 civilians since February 2022.",
        [
            (
                "UN human rights office",
                "reports",
                "said",
                "it had verified the deaths of 10,582 civilians since February 2022",
            ),
            ("UN human rights office", "confirms", "verified", "the deaths of 10,582 civilians"),
        ],
    ),
    (
        "Syria's state news agency SANA reported that Israeli missiles hit a military airport near Homs.",
        [("SANA", "reports", "reported", "Israeli missiles hit a military airport near Homs")],
    ),
    (
        "The rebels said in a statement that they had shot down a government helicopter.",
        [("rebels", "reports", "said", "they had shot down a government helicopter")],
    ),
    ("Kyiv has not confirmed the loss of the village.", []),
    (
        "The Ukrainian air force said it had shot down 30 of the 35 drones launched overnight.",
        [
            (
                "Ukrainian air force",
                "reports",
                "said",
                "it had shot down 30 of the 35 drones launched overnight",
            )
        ],
    ),
    (
        "Iran denied any involvement in the drone attack on the base in Jordan.",
        [("Iran", "denies", "denied", "any involvement in the drone attack on the base in Jordan")],
    ),
    (
        "The White House questioned the figures released by the Gaza health ministry.",
        [
            (
                "White House",
                "disputes",
                "questioned",
                "the figures released by the Gaza health ministry",
            )
        ],
    ),
    (
        "The ministry admitted that some of the shells had fallen short.",
        [("ministry", "confirms", "admitted", "some of the shells had fallen short")],
    ),
    (
        "According to police, the gunmen arrived on motorbikes shortly after midnight.",
        [
            (
                "police",
                "reports",
                "according to",
                "the gunmen arrived on motorbikes shortly after midnight",
            )
        ],
    ),
    (
        "The M23 rebels insist they are protecting Congolese Tutsis.",
        [("M23 rebels", "claims", "insist", "they are protecting Congolese Tutsis")],
    ),
    (
        "An official who spoke on condition of anonymity said the convoy had been ambushed near Gao.",
        [("official", "reports", "said", "the convoy had been ambushed near Gao")],
    ),
    (
        "Israel says the strike killed a senior Hezbollah commander.",
        [("Israel", "reports", "says", "the strike killed a senior Hezbollah commander")],
    ),
    (
        "The TASS news agency reported, citing the Russian defence ministry, that the frigate had returned to port.",
        [("TASS", "reports", "reported", "the frigate had returned to port")],
    ),
    (
        "Officials in Kherson said shelling had damaged the main water station.",
        [("Officials", "reports", "said", "shelling had damaged the main water station")],
    ),
    (
        "The Wagner group confirmed that its fighters had withdrawn from the city.",
        [("Wagner group", "confirms", "confirmed", "its fighters had withdrawn from the city")],
    ),
    (
        "The Niger junta rejected the ECOWAS ultimatum.",
        [("Niger junta", "disputes", "rejected", "the ECOWAS ultimatum")],
    ),
    (
        'Tehran dismissed the report as "baseless propaganda".',
        [("Tehran", "denies", "dismissed", "the report")],
    ),
    (
        "North Korea's state media said the missile test was a success.",
        [("North Korea's state media", "reports", "said", "the missile test was a success")],
    ),
    (
        "The Palestinian Red Crescent reported that an ambulance was hit in Jenin.",
        [("Palestinian Red Crescent", "reports", "reported", "an ambulance was hit in Jenin")],
    ),
    (
        "Human Rights Watch said the attacks on the school could amount to war crimes.",
        [
            (
                "Human Rights Watch",
                "reports",
                "said",
                "the attacks on the school could amount to war crimes",
            )
        ],
    ),
    (
        "Israel denied that its forces had fired on the crowd near the aid convoy.",
        [("Israel", "denies", "denied", "its forces had fired on the crowd near the aid convoy")],
    ),
    (
        "Moscow denied shelling the residential block in Kharkiv.",
        [("Moscow", "denies", "denied", "shelling the residential block in Kharkiv")],
    ),
    (
        "Reuters, citing two diplomatic sources, reported that the ceasefire would begin at noon.",
        [("Reuters", "reports", "reported", "the ceasefire would begin at noon")],
    ),
    (
        "A senior Pakistani security official said the militants had crossed from Afghanistan.",
        [
            (
                "senior Pakistani security official",
                "reports",
                "said",
                "the militants had crossed from Afghanistan",
            )
        ],
    ),
    (
        "The Sudanese army denied bombing the market in Omdurman, and blamed the RSF for the deaths.",
        [("Sudanese army", "denies", "denied", "bombing the market in Omdurman")],
    ),
    (
        "Foreign Minister Penny Wong said Australia was deeply concerned. She added that consular staff were on their way to Tel Aviv.",
        [
            ("Penny Wong", "reports", "said", "Australia was deeply concerned"),
            ("Penny Wong", "reports", "added", "consular staff were on their way to Tel Aviv"),
        ],
    ),
    (
        "Hezbollah said it fired rockets at an Israeli position in the Shebaa Farms.",
        [
            (
                "Hezbollah",
                "reports",
                "said",
                "it fired rockets at an Israeli position in the Shebaa Farms",
            )
        ],
    ),
    (
        "The Taliban denied that its fighters had killed the former soldiers.",
        [("Taliban", "denies", "denied", "its fighters had killed the former soldiers")],
    ),
    (
        "Local residents claimed that the soldiers had set fire to their homes.",
        [("Local residents", "claims", "claimed", "the soldiers had set fire to their homes")],
    ),
    (
        "The Ukrainian military disputed Moscow's claim that Soldedar had fallen.",
        [("Ukrainian military", "disputes", "disputed", "Moscow's claim that Soldedar had fallen")],
    ),
    (
        "Russia's RIA Novosti news agency reported that explosions were heard in Belgorod.",
        [("RIA Novosti", "reports", "reported", "explosions were heard in Belgorod")],
    ),
    (
        "Rwanda has long denied backing the M23 rebels.",
        [("Rwanda", "denies", "denied", "backing the M23 rebels")],
    ),
    (
        "Two sources familiar with the talks said Egypt had proposed a new truce.",
        [("Two sources", "reports", "said", "Egypt had proposed a new truce")],
    ),
    (
        "The Indian army said three soldiers were killed in a gunfight in Kashmir, according to a statement.",
        [
            (
                "Indian army",
                "reports",
                "said",
                "three soldiers were killed in a gunfight in Kashmir",
            ),
            (
                "statement",
                "reports",
                "according to",
                "three soldiers were killed in a gunfight in Kashmir",
            ),
        ],
    ),
    (
        "Israel has denied striking the hospital and blamed a misfired rocket.",
        [("Israel", "denies", "denied", "striking the hospital")],
    ),
    (
        "The Israeli military denied killing the aid workers in Deir al-Balah.",
        [("Israeli military", "denies", "denied", "killing the aid workers in Deir al-Balah")],
    ),
    (
        "Russian officials denied shelling the refugee convoy near Zaporizhzhia.",
        [
            (
                "Russian officials",
                "denies",
                "denied",
                "shelling the refugee convoy near Zaporizhzhia",
            )
        ],
    ),
    (
        "The ministry acknowledged that civilians had been killed in the raid.",
        [("ministry", "confirms", "acknowledged", "civilians had been killed in the raid")],
    ),
    (
        "The Polish border guard said 30,000 people crossed from Ukraine on Sunday.",
        [
            (
                "Polish border guard",
                "reports",
                "said",
                "30,000 people crossed from Ukraine on Sunday",
            )
        ],
    ),
    (
        "Troops have encircled the airport, Russia's Interfax news agency reported.",
        [("Interfax", "reports", "reported", "Troops have encircled the airport")],
    ),
    (
        "Kyiv claims to have destroyed dozens of tanks near the capital.",
        [("Kyiv", "claims", "claims", "to have destroyed dozens of tanks near the capital")],
    ),
    (
        "The Pentagon confirmed that a second carrier group had entered the region.",
        [("Pentagon", "confirms", "confirmed", "a second carrier group had entered the region")],
    ),
    (
        "The Kremlin denied that its forces had shelled the power plant.",
        [("Kremlin", "denies", "denied", "its forces had shelled the power plant")],
    ),
    (
        "Ukrainian officials disputed the casualty figures published by Moscow.",
        [
            (
                "Ukrainian officials",
                "disputes",
                "disputed",
                "the casualty figures published by Moscow",
            )
        ],
    ),
    (
        "Witnesses said the convoy stretched for more than 60 kilometres.",
        [("Witnesses", "reports", "said", "the convoy stretched for more than 60 kilometres")],
    ),
    (
        "Three hospitals were damaged overnight, according to the regional health department.",
        [
            (
                "regional health department",
                "reports",
                "according to",
                "Three hospitals were damaged overnight",
            )
        ],
    ),
    (
        "The army alleged that rebels had used the school as a weapons depot.",
        [("army", "claims", "alleged", "rebels had used the school as a weapons depot")],
    ),
    (
        "Israel denies targeting aid workers and says the strike hit a militant position.",
        [
            ("Israel", "denies", "denies", "targeting aid workers"),
            ("Israel", "reports", "says", "the strike hit a militant position"),
        ],
    ),
    (
        "Residents reported heavy gunfire in the northern suburbs late on Thursday.",
        [("Residents", "reports", "reported", "heavy gunfire")],
    ),
    (
        "Interior Minister Denys Monastyrskyi admitted that the evacuation had started late.",
        [("Denys Monastyrskyi", "confirms", "admitted", "the evacuation had started late")],
    ),
    (
        "Turkey's state-run Anadolu news agency reported that the ships left port at dawn.",
        [("Anadolu", "reports", "reported", "the ships left port at dawn")],
    ),
    (
        "Washington rejected the accusations that it had supplied the rebels with missiles.",
        [
            (
                "Washington",
                "denies",
                "rejected",
                "the accusations that it had supplied the rebels with missiles",
            )
        ],
    ),
    (
        "The separatists insisted that the village remained under their control.",
        [("separatists", "claims", "insisted", "the village remained under their control")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claim_table(nlp: Language, text: str, expected: list[Expected]) -> None:
    found = _claims(nlp, text)
    assert [(c.source, c.stance, c.cue) for c in found] == [e[:3] for e in expected]
    for claim, (_source, _stance, _cue, words) in zip(found, expected, strict=True):
        assert words in claim.content
        assert claim.evidence.text == text[claim.evidence.start : claim.evidence.end]
        assert claim.contradicts == ()


def test_table_size() -> None:
    assert len(CASES) >= 40
    assert len({text for text, _ in CASES}) == len(CASES)


NOT_CLAIMS = [
    "The fighting has claimed hundreds of lives since the spring.",
    "Engineers repaired the bridge within two days.",
    "It is said that the factory was closed years ago.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(nlp: Language, text: str) -> None:
    assert _claims(nlp, text) == []


def test_pronoun_source_resolves(nlp: Language) -> None:
    text = (
        "Prime Minister Denys Shmyhal said the grid was stable. "
        "He added that repairs would take a week."
    )
    found = _claims(nlp, text)
    assert [c.source for c in found] == ["Denys Shmyhal", "Denys Shmyhal"]


def _casualty(cid: str, victims: str, perpetrator: str | None, source: str | None) -> CasualtyClaim:
    return CasualtyClaim(
        id=cid,
        kind="killed",
        count=10,
        low=10,
        high=10,
        hedge=None,
        evidence=Evidence(0, 1, "x"),
        victims=victims,
        perpetrator=perpetrator,
        source=source,
    )


def test_denial_links_contradicted_casualty_claims(nlp: Language) -> None:
    cas = [
        _casualty("c1", "civilians", "Russia", "Ukrainian prosecutors"),
        _casualty("c2", "soldiers", "Ukraine", "Russian defence ministry"),
        _casualty("c3", "civilians", None, "the mayor"),
    ]
    text = "Moscow denies attacking civilians and calls the reports staged."
    (denial,) = [c for c in _claims(nlp, text, cas) if c.stance == "denies"]
    assert denial.contradicts == ("c1",)


@pytest.mark.parametrize(
    ("source", "content", "expected"),
    [
        ("Moscow", "targeting civilians", ("a",)),
        ("the Kremlin", "killing civilians in the city", ("a",)),
        ("Kyiv", "shelling the residential district", ()),
        ("Kyiv", "killing soldiers", ("b",)),
        ("Moscow", "any involvement in the blast", ()),
        ("the rebels", "targeting civilians", ()),
    ],
)
def test_contradicted_rule(source: str, content: str, expected: tuple[str, ...]) -> None:
    cas = [
        _casualty("a", "civilians", "Russian forces", "Ukrainian emergency service"),
        _casualty("b", "Russian soldiers", None, "Russian defence ministry"),
    ]
    assert contradicted(source, content, cas) == expected


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Moscow", "RU"),
        ("Kremlin", "RU"),
        ("Ukrainian emergency service", "UA"),
        ("Washington", "US"),
        ("Russian forces", "RU"),
        ("the rebels", None),
    ],
)
def test_side(name: str, code: str | None) -> None:
    assert side(name) == code


# (denial, hand-made casualty claims as (id, victims, perpetrator, source), contradicted ids)
DENIALS: list[tuple[str, list[tuple[str, str, str | None, str]], tuple[str, ...]]] = [
    (
        "The Israeli military denied killing the aid workers in Deir al-Balah.",
        [
            ("c1", "aid workers", "Israeli forces", "World Central Kitchen"),
            ("c2", "civilians", None, "Gaza health ministry"),
        ],
        ("c1",),
    ),
    (
        "Russian officials denied shelling the refugee convoy near Zaporizhzhia.",
        [
            ("c1", "refugees", "Russian troops", "Zaporizhzhia regional administration"),
            ("c2", "soldiers", "Ukrainian army", "Russian defence ministry"),
        ],
        ("c1",),
    ),
    (
        "The Sudanese army denied bombing the market in Omdurman, and blamed the RSF for the"
        " deaths.",
        [
            ("c1", "market traders", "Sudanese Armed Forces", "local activists"),
            ("c2", "market traders", "RSF", "Sudanese army"),
        ],
        ("c1",),
    ),
    (
        "Israel has denied striking the hospital and blamed a misfired rocket.",
        [
            ("c1", "hospital patients", None, "Gaza health ministry"),
            ("c2", "hospital patients", None, "Israeli military"),
        ],
        ("c1",),
    ),
    (
        "Ethiopia's government disputed reports that its troops had killed civilians in Axum.",
        [
            ("c1", "civilians", "Ethiopian troops", "Amnesty International"),
            ("c2", "civilians", "Eritrean troops", "witnesses"),
        ],
        ("c1",),
    ),
    (
        "Azerbaijan denied targeting civilians in Stepanakert.",
        [
            ("c1", "civilians", None, "Armenian officials"),
            ("c2", "civilians", None, "Azerbaijani officials"),
        ],
        ("c1",),
    ),
    (  # the denial names no victims of the figure
        "Moscow denied shelling the residential block in Kharkiv.",
        [("c1", "civilians", "Russian forces", "Kharkiv regional governor")],
        (),
    ),
    (  # no harm denied
        "Rwanda has long denied backing the M23 rebels.",
        [("c1", "civilians", "M23 rebels", "Congolese army")],
        (),
    ),
    (  # a non-state denier stands for no side
        "The Taliban denied that its fighters had killed the former soldiers.",
        [("c1", "former soldiers", "Taliban fighters", "UN mission in Afghanistan")],
        (),
    ),
]


@pytest.mark.parametrize(("text", "rows", "expected"), DENIALS)
def test_denial_contradicts(
    nlp: Language,
    text: str,
    rows: list[tuple[str, str, str | None, str]],
    expected: tuple[str, ...],
) -> None:
    cas = [_casualty(cid, victims, perp, source) for cid, victims, perp, source in rows]
    (denial,) = [c for c in _claims(nlp, text, cas) if c.stance in {"denies", "disputes"}]
    assert denial.contradicts == expected


def test_report_never_contradicts(nlp: Language) -> None:
    cas = [_casualty("c1", "soldiers", "Russian forces", "Ukrainian railways")]
    text = "The Russian defence ministry said its forces had struck the station, killing soldiers."
    (claim,) = _claims(nlp, text, cas)
    assert claim.stance == "reports"
    assert claim.contradicts == ()
