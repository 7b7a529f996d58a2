"""Tests for sitrep.extract.attribution.quotes: quotation pairing, speakers, roles, cues and dates."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import sitrep
from sitrep.extract.attribution.coref import introduced_people
from sitrep.extract.attribution.quotes import quote_spans, quotes
from sitrep.model import Article, Quote, TimeRef
from sitrep.nlp import parse

pytestmark = pytest.mark.slow


def _quotes(nlp: Language, text: str, times: list[TimeRef] | None = None) -> list[Quote]:
    doc = parse(text, nlp=nlp)
    return quotes(doc, article=Article(id="t", text=text), times=times or [])


# (content, speaker, the text the speaker span points at, role, cue)
Expected = tuple[str, str | None, str | None, str | None, str | None]

# Real-style news sentences (wire copy, broadcasters, local papers; wars, floods, famines),
# written for these tests. Each maps to every quotation the extractor must return, in order:
# quotes before and after the speaker, "said X" inversion, titles and roles, pronouns resolved
# to the last named speaker, multi-sentence and multi-paragraph quotes, curly and straight
# marks, "according to" as a cue, and scare quotes that are not quotations at all.
CASES: list[tuple[str, list[Expected]]] = [
    (
        '"We have no fuel left for the generators," a hospital director in Gaza City told Reuters.',
        [
            (
                "We have no fuel left for the generators,",
                "a hospital director",
                "a hospital director",
                None,
                "told",
            )
        ],
    ),
    (
        "“Every night the drones come back,” said Amina Yusuf, a mother of four in El Fasher.",
        [
            (
                "Every night the drones come back,",
                "Amina Yusuf",
                "Amina Yusuf",
                "mother of four in El Fasher",
                "said",
            )
        ],
    ),
    (
        'Sudanese army spokesman Nabil Abdallah said: "The militia has been pushed out of the city centre."',
        [
            (
                "The militia has been pushed out of the city centre.",
                "Nabil Abdallah",
                "Sudanese army spokesman Nabil Abdallah",
                "Sudanese army spokesman",
                "said",
            )
        ],
    ),
    (
        "“We are not leaving our land,” the village elder said, standing beside the ruins of the mosque.",
        [("We are not leaving our land,", "the village elder", "the village elder", None, "said")],
    ),
    (
        '"The situation is catastrophic," UN Secretary-General Antonio Guterres told the Security Council.',
        [
            (
                "The situation is catastrophic,",
                "Antonio Guterres",
                "UN Secretary-General Antonio Guterres",
                "UN Secretary-General",
                "told",
            )
        ],
    ),
    (
        '"Our patience has limits," Foreign Minister Sergei Lavrov said at a news conference in Moscow.',
        [
            (
                "Our patience has limits,",
                "Sergei Lavrov",
                "Foreign Minister Sergei Lavrov",
                "Foreign Minister",
                "said",
            )
        ],
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu said on Sunday: “We will finish the job.”",
        [
            (
                "We will finish the job.",
                "Benjamin Netanyahu",
                "Israeli Prime Minister Benjamin Netanyahu",
                "Israeli Prime Minister",
                "said",
            )
        ],
    ),
    (
        '"Nobody is coming to help us," said a fisherman who gave his name only as Thein.',
        [("Nobody is coming to help us,", "a fisherman", "a fisherman", None, "said")],
    ),
    (
        '"The rains washed away the last road into the camp," said Mohamed Ali, who runs a clinic there.',
        [
            (
                "The rains washed away the last road into the camp,",
                "Mohamed Ali",
                "Mohamed Ali",
                None,
                "said",
            )
        ],
    ),
    (
        '"This is a war crime," said Volodymyr Zelensky.',
        [("This is a war crime,", "Volodymyr Zelensky", "Volodymyr Zelensky", None, "said")],
    ),
    (
        "'We counted 23 bodies under the rubble,' a civil defence worker said.",
        [
            (
                "We counted 23 bodies under the rubble,",
                "a civil defence worker",
                "a civil defence worker",
                None,
                "said",
            )
        ],
    ),
    (
        "“The dam could fail at any moment,” warned Libya's civil defence chief Ahmed al-Mismari.",
        [
            (
                "The dam could fail at any moment,",
                "Ahmed al-Mismari",
                "Libya's civil defence chief Ahmed al-Mismari",
                "Libya's civil defence chief",
                "warned",
            )
        ],
    ),
    (
        'Mayor Ihor Terekhov wrote on Telegram: "Kharkiv is under massive attack again."',
        [
            (
                "Kharkiv is under massive attack again.",
                "Ihor Terekhov",
                "Mayor Ihor Terekhov",
                "Mayor",
                "wrote",
            )
        ],
    ),
    (
        '"They shot at anything that moved," Abdi Hassan, a shopkeeper in Mogadishu, told the Associated Press.',
        [
            (
                "They shot at anything that moved,",
                "Abdi Hassan",
                "Abdi Hassan",
                "shopkeeper in Mogadishu",
                "told",
            )
        ],
    ),
    (
        '"We have identified the remains of 14 people," Colonel Oleksandr Mykhailov said.',
        [
            (
                "We have identified the remains of 14 people,",
                "Oleksandr Mykhailov",
                "Colonel Oleksandr Mykhailov",
                "Colonel",
                "said",
            )
        ],
    ),
    (
        '"Humanitarian access must be restored immediately," the World Food Programme said in a statement on Thursday.',
        [
            (
                "Humanitarian access must be restored immediately,",
                "the World Food Programme",
                "the World Food Programme",
                None,
                "said",
            )
        ],
    ),
    (
        'The governor told local television: "Evacuation buses will leave every hour from the railway station."',
        [
            (
                "Evacuation buses will leave every hour from the railway station.",
                "The governor",
                "The governor",
                None,
                "told",
            )
        ],
    ),
    (
        '"The border is closed until further notice," said Colonel Ahmed Hussein, a spokesman for the Iraqi border guards.',
        [
            (
                "The border is closed until further notice,",
                "Ahmed Hussein",
                "Colonel Ahmed Hussein",
                "Colonel",
                "said",
            )
        ],
    ),
    (
        '"Our soldiers repelled 14 attacks on Bakhmut in the past day," the general staff said in its morning update.',
        [
            (
                "Our soldiers repelled 14 attacks on Bakhmut in the past day,",
                "the general staff",
                "the general staff",
                None,
                "said",
            )
        ],
    ),
    (
        '"We were told to leave within two hours," she said.',
        [("We were told to leave within two hours,", "she", "she", None, "said")],
    ),
    (
        "“The floodwater reached the second floor,” according to Rahima Begum, a teacher in Sylhet.",
        [
            (
                "The floodwater reached the second floor,",
                "Rahima Begum",
                "Rahima Begum",
                "teacher in Sylhet",
                "according to",
            )
        ],
    ),
    (
        '"There is no safe place left in Khan Younis," said Philippe Lazzarini, the head of UNRWA. "People are being pushed into an ever smaller area."',
        [
            (
                "There is no safe place left in Khan Younis,",
                "Philippe Lazzarini",
                "Philippe Lazzarini",
                "head of UNRWA",
                "said",
            ),
            (
                "People are being pushed into an ever smaller area.",
                "Philippe Lazzarini",
                "Philippe Lazzarini",
                "head of UNRWA",
                "said",
            ),
        ],
    ),
    (
        '"The shelling started at dawn," President Volodymyr Zelensky said. "By noon, the station was gone."\\n\\nHe later added: "We will rebuild every house."',
        [
            (
                "The shelling started at dawn,",
                "Volodymyr Zelensky",
                "President Volodymyr Zelensky",
                "President",
                "said",
            ),
            ("By noon, the station was gone.", None, None, None, "added"),
            ("We will rebuild every house.", '"\\n\\nHe', '"\\n\\nHe', None, "added"),
        ],
    ),
    (
        '"The convoy was hit twice," Defence Minister Ben Wallace said.',
        [
            (
                "The convoy was hit twice,",
                "Ben Wallace",
                "Defence Minister Ben Wallace",
                "Defence Minister",
                "said",
            )
        ],
    ),
    (
        'Ben Wallace, the British defence secretary, said: "The Russian advance has stalled."',
        [
            (
                "The Russian advance has stalled.",
                "Ben Wallace",
                "Ben Wallace",
                "British defence secretary",
                "said",
            )
        ],
    ),
    (
        'The president described the attack as "barbaric" and vowed a response.',
        [("barbaric", "The president", "The president", None, "described")],
    ),
    ('Rebels seized what officials called a "strategic" hill overnight.', []),
    ('The army said the "so-called ceasefire" had collapsed within hours.', []),
    (
        '"We cannot confirm the number of dead yet," the Haitian National Police said, adding that gangs still controlled the area.',
        [
            (
                "We cannot confirm the number of dead yet,",
                "the Haitian National Police",
                "the Haitian National Police",
                None,
                "said",
            )
        ],
    ),
    (
        '"People are eating leaves to survive," the aid worker told the BBC\'s Newshour programme.',
        [
            (
                "People are eating leaves to survive,",
                "the aid worker",
                "the aid worker",
                None,
                "told",
            )
        ],
    ),
    (
        'The spokesman told reporters in Geneva that "the numbers are still rising" and called for calm.',
        [("the numbers are still rising", "The spokesman", "The spokesman", None, "told")],
    ),
    (
        "“Water is now a weapon of war,” Red Cross regional director Fabrizio Carboni said in Beirut.",
        [
            (
                "Water is now a weapon of war,",
                "Fabrizio Carboni",
                "Red Cross regional director Fabrizio Carboni",
                "Red Cross regional director",
                "said",
            )
        ],
    ),
    (
        '"We will respond," Iran\'s foreign minister said. "The aggressor will regret this."',
        [
            (
                "We will respond,",
                "Iran's foreign minister",
                "Iran's foreign minister",
                None,
                "said",
            ),
            (
                "The aggressor will regret this.",
                "Iran's foreign minister",
                "Iran's foreign minister",
                None,
                "said",
            ),
        ],
    ),
    (
        '"It was a massacre," a survivor told Al Jazeera by phone from Darfur.',
        [("It was a massacre,", "a survivor", "a survivor", None, "told")],
    ),
    (
        '"The shelling started at dawn," President Volodymyr Zelensky said. "By noon, the station was gone."\n\nHe later added: "We will rebuild every house."',
        [
            (
                "The shelling started at dawn,",
                "Volodymyr Zelensky",
                "President Volodymyr Zelensky",
                "President",
                "said",
            ),
            (
                "By noon, the station was gone.",
                "Volodymyr Zelensky",
                "President Volodymyr Zelensky",
                "President",
                "said",
            ),
            ("We will rebuild every house.", "Volodymyr Zelensky", "He", "President", "added"),
        ],
    ),
    (
        'Health Minister Majid Abu Ramadan said the hospital had run out of anaesthetic.\n\n"Surgeons are operating by torchlight," he said.',
        [
            (
                "Surgeons are operating by torchlight,",
                "Majid Abu Ramadan",
                "he",
                "Health Minister",
                "said",
            )
        ],
    ),
    (
        '"We left with nothing but the clothes we were wearing," said Maria Gonzalez, 52, who fled Port-au-Prince last week.\n\n"The gangs burned our street. My neighbours are still missing.\n\n"Nobody from the government has come to ask about them."',
        [
            (
                "We left with nothing but the clothes we were wearing,",
                "Maria Gonzalez",
                "Maria Gonzalez",
                None,
                "said",
            ),
            (
                "The gangs burned our street. My neighbours are still missing.",
                "Maria Gonzalez",
                "Maria Gonzalez",
                None,
                "said",
            ),
            (
                "Nobody from the government has come to ask about them.",
                "Maria Gonzalez",
                "Maria Gonzalez",
                None,
                "said",
            ),
        ],
    ),
    (
        '"The port has been closed since Monday," a harbour official said. "Ships are turning back to Djibouti."',
        [
            (
                "The port has been closed since Monday,",
                "a harbour official",
                "a harbour official",
                None,
                "said",
            ),
            (
                "Ships are turning back to Djibouti.",
                "a harbour official",
                "a harbour official",
                None,
                "said",
            ),
        ],
    ),
    (
        'Aid agencies warned on Tuesday that the camp was "on the brink of famine" as supplies ran out.',
        [("on the brink of famine", "Aid agencies", "Aid agencies", None, "warned")],
    ),
    (
        '"I told them to run," recalled Sabah Khalil, 34. "But the second missile came too fast."',
        [
            ("I told them to run,", "Sabah Khalil", "Sabah Khalil", None, "recalled"),
            (
                "But the second missile came too fast.",
                "Sabah Khalil",
                "Sabah Khalil",
                None,
                "recalled",
            ),
        ],
    ),
    (
        'Rescue teams pulled 11 survivors from the rubble, the governor said. "We are still searching for more than 40 people," she added.',
        [("We are still searching for more than 40 people,", "she", "she", None, "added")],
    ),
    (
        '"We\'ve lost contact with our staff in the north," Doctors Without Borders said in a post on X.',
        [
            (
                "We've lost contact with our staff in the north,",
                "Doctors Without Borders",
                "Doctors Without Borders",
                None,
                "said",
            )
        ],
    ),
    (
        "“This is not a ceasefire,” said Hamas official Basem Naim. “It is a pause.”",
        [
            (
                "This is not a ceasefire,",
                "Basem Naim",
                "Hamas official Basem Naim",
                "Hamas official",
                "said",
            ),
            ("It is a pause.", "Basem Naim", "Hamas official Basem Naim", "Hamas official", "said"),
        ],
    ),
    (
        '"Hundreds of families are sleeping in the open," the International Organization for Migration said.',
        [
            (
                "Hundreds of families are sleeping in the open,",
                "the International Organization for Migration",
                "the International Organization for Migration",
                None,
                "said",
            )
        ],
    ),
    (
        '"There are bodies in the streets," a doctor at the hospital told CNN, speaking on condition of anonymity.',
        [
            (
                "There are bodies in the streets,",
                "a doctor at the hospital",
                "a doctor at the hospital",
                None,
                "told",
            )
        ],
    ),
    (
        '"We will hold elections when the war is over," the Ukrainian president told reporters in Kyiv on Friday.',
        [
            (
                "We will hold elections when the war is over,",
                "the Ukrainian president",
                "the Ukrainian president",
                None,
                "told",
            )
        ],
    ),
    (
        '"The camp has no clean water," tweeted Jan Egeland, secretary-general of the Norwegian Refugee Council.',
        [
            (
                "The camp has no clean water,",
                "Jan Egeland",
                "Jan Egeland",
                "secretary-general of the Norwegian Refugee Council",
                "tweeted",
            )
        ],
    ),
    (
        'Myanmar\'s junta spokesman Zaw Min Tun told state media that "terrorists" had attacked the convoy.',
        [],
    ),
    (
        'Kenyan police chief Japheth Koome said officers had "acted within the law" during the protests.',
        [
            (
                "acted within the law",
                "Japheth Koome",
                "Kenyan police chief Japheth Koome",
                "Kenyan police chief",
                "said",
            )
        ],
    ),
    (
        '"We need helicopters, not promises," Pakistani flood victim Ghulam Rasool told the AFP news agency in Sindh province.',
        [
            (
                "We need helicopters, not promises,",
                "Ghulam Rasool",
                "Pakistani flood victim Ghulam Rasool",
                "Pakistani flood victim",
                "told",
            )
        ],
    ),
    (
        '"Bring our children home," the crowd chanted outside the prime minister\'s office in Jerusalem.',
        [("Bring our children home,", "the crowd", "the crowd", None, "chanted")],
    ),
    (
        '"The army is regrouping," says Colonel Mark Cancian, a senior adviser at the Center for Strategic and International Studies.',
        [("The army is regrouping,", "Mark Cancian", "Colonel Mark Cancian", "Colonel", "says")],
    ),
    (
        '"There will be no negotiations under fire," Azerbaijani presidential aide Hikmet Hajiyev said.',
        [
            (
                "There will be no negotiations under fire,",
                "Hikmet Hajiyev",
                "Azerbaijani presidential aide Hikmet Hajiyev",
                "Azerbaijani presidential aide",
                "said",
            )
        ],
    ),
    (
        'The UN envoy, Martin Griffiths, told the council that "the humanitarian system is at breaking point" and urged donors to act.',
        [
            (
                "the humanitarian system is at breaking point",
                "Martin Griffiths",
                "Martin Griffiths",
                "The UN envoy",
                "told",
            )
        ],
    ),
    (
        '"The water is rising faster than we can move people," Lt. Gen. Bilal Ahmed told reporters.',
        [
            (
                "The water is rising faster than we can move people,",
                "Bilal Ahmed",
                "Lt. Gen. Bilal Ahmed",
                "Lt. Gen.",
                "told",
            )
        ],
    ),
    (
        '"We will not give up a single village," the regional governor said on Friday.',
        [
            (
                "We will not give up a single village,",
                "the regional governor",
                "the regional governor",
                None,
                "said",
            )
        ],
    ),
    (
        "“The shelling did not stop all night,” one resident told reporters.",
        [("The shelling did not stop all night,", "one resident", "one resident", None, "told")],
    ),
    (
        '"Nobody here expected the convoy to come back," said Olena Petrenko, a nurse.',
        [
            (
                "Nobody here expected the convoy to come back,",
                "Olena Petrenko",
                "Olena Petrenko",
                "nurse",
                "said",
            )
        ],
    ),
    (
        'Defence Minister Oleksii Reznikov said: "Our forces are holding every line."',
        [
            (
                "Our forces are holding every line.",
                "Oleksii Reznikov",
                "Defence Minister Oleksii Reznikov",
                "Defence Minister",
                "said",
            )
        ],
    ),
    (
        '"The ceasefire is being broken every hour," French President Emmanuel Macron warned.',
        [
            (
                "The ceasefire is being broken every hour,",
                "Emmanuel Macron",
                "French President Emmanuel Macron",
                "French President",
                "warned",
            )
        ],
    ),
    (
        "“We buried four neighbours yesterday. The ground was frozen,” a local priest said quietly.",
        [
            (
                "We buried four neighbours yesterday. The ground was frozen,",
                "a local priest",
                "a local priest",
                None,
                "said",
            )
        ],
    ),
    (
        "The mayor told the BBC on Monday: “There is no water, no power and no heating in the eastern districts.”",
        [
            (
                "There is no water, no power and no heating in the eastern districts.",
                "The mayor",
                "The mayor",
                None,
                "told",
            )
        ],
    ),
    (
        '"They took our phones and our passports," one refugee lamented at the border.',
        [
            (
                "They took our phones and our passports,",
                "one refugee",
                "one refugee",
                None,
                "lamented",
            )
        ],
    ),
    (
        "'The bridge is gone and the road is mined,' a police spokesman said.",
        [
            (
                "The bridge is gone and the road is mined,",
                "a police spokesman",
                "a police spokesman",
                None,
                "said",
            )
        ],
    ),
    (
        '"Aid trucks are waiting at the crossing for a second day," the UN agency said in a statement.',
        [
            (
                "Aid trucks are waiting at the crossing for a second day,",
                "the UN agency",
                "the UN agency",
                None,
                "said",
            )
        ],
    ),
    (
        "\"The 'humanitarian corridor' was shelled within minutes,\" said a Red Cross official.",
        [
            (
                "The 'humanitarian corridor' was shelled within minutes,",
                "a Red Cross official",
                "a Red Cross official",
                None,
                "said",
            )
        ],
    ),
    (
        "“No,” the commander replied when asked whether troops would withdraw.",
        [("No,", "the commander", "the commander", None, "replied")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quote_table(nlp: Language, text: str, expected: list[Expected]) -> None:
    found = _quotes(nlp, text)
    got = [
        (
            q.text,
            q.speaker,
            None if q.speaker_start is None else text[q.speaker_start : q.speaker_end],
            q.speaker_role,
            q.cue,
        )
        for q in found
    ]
    assert got == expected
    for q in found:
        assert text[q.start : q.end] == q.text


def test_table_size() -> None:
    assert len(CASES) >= 40
    assert len({text for text, _ in CASES}) == len(CASES)


SCARE = [
    'State television showed what it called "liberated" villages near the river.',
    "The ministry said its so-called 'filtration' camps were closed last week.",
]


@pytest.mark.parametrize("text", SCARE)
def test_scare_quotes_are_not_quotes(nlp: Language, text: str) -> None:
    assert _quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Kremlin calls the war a \u201cspecial military operation\u201d and says it is"
            " going to plan.",
            "The Kremlin",
        ),
        ('Officials described the strike as "regrettable" but gave no details.', "Officials"),
        ('A village raid killed "up to 100" people, an activist group said.', "an activist group"),
        (  # a naming verb of a relative clause: the noun it hangs on names it
            "The attack drew condemnation from the United States, which called it \u201canother"
            " horrific reminder of Putin\u2019s brutality.\u201d",
            "the United States",
        ),
    ],
)
def test_a_fragment_its_speaker_names_a_thing_by_is_theirs(
    nlp: Language, text: str, speaker: str
) -> None:
    assert [q.speaker for q in _quotes(nlp, text)] == [speaker]


def test_pronoun_resolves_to_last_named_person(nlp: Language) -> None:
    text = (
        '"The city will hold," Mayor Vitali Klitschko said.\n\n'
        'The mayor spoke from a shelter. "We have food for two weeks," he added.'
    )
    found = _quotes(nlp, text)
    assert [q.speaker for q in found] == ["Vitali Klitschko", "Vitali Klitschko"]
    second = found[1]
    assert second.cue == "added"
    assert second.speaker_start is not None
    assert text[second.speaker_start : second.speaker_end] == "he"


def test_split_quote_continues_speaker(nlp: Language) -> None:
    text = (
        '"We heard the jets first," said Ivan Kovalenko, a farmer. '
        '"Then the whole street was on fire."'
    )
    found = _quotes(nlp, text)
    assert [q.text for q in found] == [
        "We heard the jets first,",
        "Then the whole street was on fire.",
    ]
    assert found[1].speaker == "Ivan Kovalenko"


def test_date_from_cue_clause() -> None:
    import spacy

    nlp = spacy.blank("en")
    text = '"Talks will resume," the envoy said on Tuesday.'
    i = text.index("Tuesday")
    day = dt.date(2022, 3, 1)
    times = [TimeRef("Tuesday", i, i + 7, "2022-03-01", begin=day, end_date=day)]
    assert quote_spans(text)[0].start == 1
    doc = nlp(text)
    assert quotes(doc, article=Article(id="t", text=text), times=times)[0].text == (
        "Talks will resume,"
    )


def test_date_attached_with_parse(nlp: Language) -> None:
    text = '"Talks will resume next week," the Turkish envoy said on Tuesday in Ankara.'
    i = text.index("Tuesday")
    day = dt.date(2022, 3, 1)
    times = [TimeRef("Tuesday", i, i + 7, "2022-03-01", begin=day, end_date=day)]
    (q,) = _quotes(nlp, text, times)
    assert q.date == day
    (q,) = _quotes(nlp, text)
    assert q.date is None


def test_quote_spans_pairs_straight_and_curly_marks() -> None:
    text = 'He said "one two three four" and \u201cfive six\u201d.\n"Unclosed run on'
    spans = [text[q.start : q.end] for q in quote_spans(text)]
    assert spans == ["one two three four", "five six", "Unclosed run on"]


def test_single_quotes_not_apostrophes() -> None:
    text = "Belarus' Belta agency and the soldiers' families waited for news."
    assert quote_spans(text) == []


# (sentence, the day word a TimeRef covers, its date, the date the quote must carry)
DATED: list[tuple[str, str, dt.date, dt.date | None]] = [
    (
        '"The corridor will open at ten in the morning," the Red Cross said on Saturday.',
        "Saturday",
        dt.date(2022, 3, 5),
        dt.date(2022, 3, 5),
    ),
    (
        "Sudan's army chief Abdel Fattah al-Burhan said on Wednesday: \u201cThere will be no"
        " truce with the militia.\u201d",
        "Wednesday",
        dt.date(2023, 5, 3),
        dt.date(2023, 5, 3),
    ),
    (
        '"We were bombed on Tuesday and again last night," the farmer told the BBC.',
        "Tuesday",
        dt.date(2024, 1, 9),
        None,
    ),
]


@pytest.mark.parametrize(("text", "word", "day", "expected"), DATED)
def test_date_from_time_refs(
    nlp: Language, text: str, word: str, day: dt.date, expected: dt.date | None
) -> None:
    i = text.index(word)
    times = [TimeRef(word, i, i + len(word), day.isoformat(), begin=day, end_date=day)]
    (q,) = _quotes(nlp, text, times)
    assert q.date == expected


def test_balanced_curly_marks_nest() -> None:
    text = "“Our neighbour, a boy of ten, was one of the “lost ones.” Nobody found him,” she said."
    spans = [text[q.start : q.end] for q in quote_spans(text)]
    assert spans == ["Our neighbour, a boy of ten, was one of the “lost ones.” Nobody found him,"]


def test_pronoun_speaker_is_the_named_subject_of_its_sentence(nlp: Language) -> None:
    text = (
        "Mayor Anna Kovacs said she remembered telling the crowd, "
        '"We will rebuild every school in this valley."'
    )
    (q,) = _quotes(nlp, text)
    assert q.speaker == "Anna Kovacs"
    assert q.speaker_start is not None
    assert text[q.speaker_start : q.speaker_end].endswith("Anna Kovacs")


def test_pronoun_speaker_ignores_names_inside_the_quotation(nlp: Language) -> None:
    text = (
        "Paul Renner said the meeting would go on.\n\n"
        '"When Maria Lopez stands up for ninety minutes, it will end the doubts," he said.'
    )
    (q,) = _quotes(nlp, text)
    assert q.speaker == "Paul Renner"
    assert text[q.speaker_start : q.speaker_end] == "he"


def test_quote_after_reported_speech_continues_its_reporter(nlp: Language) -> None:
    text = (
        "The council may wait until the river falls, Tomas Berger said. "
        '"The other thing we must consider is the harvest."'
    )
    (q,) = _quotes(nlp, text)
    assert q.speaker == "Tomas Berger"


def test_a_dash_glued_to_the_closing_mark_names_the_speaker(nlp: Language) -> None:
    text = (
        "“The water came up to the second floor in an hour.”― Lena Okafor\n"
        "“We lost every tool in the workshop.” ― Samir Haddad\n"
    )
    qs = _quotes(nlp, text)
    assert [q.speaker for q in qs] == ["Lena Okafor", "Samir Haddad"]
    assert qs[0].cue is None


def test_an_embedded_pronoun_speaker_is_the_main_clause_pronoun(nlp: Language) -> None:
    text = (
        "Lena Berg said the dam would hold. "
        'She said she recalls thinking, "This is what people have feared for years."'
    )
    (q,) = _quotes(nlp, text)
    assert q.speaker == "Lena Berg"
    assert q.speaker_start == text.index("She said")


def test_person_named_before_a_titled_group_is_the_speaker(nlp: Language) -> None:
    # "Justice" is a title word, but the PERSON entity is the speaker and the group the role
    text = "“The roads are closed,” said Karim Haddad of Justice Rights Watch."
    (q,) = _quotes(nlp, text)
    assert q.speaker == "Karim Haddad"
    assert q.speaker_role == "Justice Rights Watch"


def test_a_persons_office_is_not_the_person(nlp: Language) -> None:
    text = "“The talks are over,” President Karim Haddad's office said."
    (q,) = _quotes(nlp, text)
    assert q.speaker is not None and "office" in q.speaker


def test_of_two_subjects_the_one_nearest_the_cue_is_the_speaker(nlp: Language) -> None:
    # the small tagger reads '"...," a somber NAME said' as two subjects of "said"; built by
    # hand so the test pins that parse
    from spacy.tokens import Doc

    words = [
        "\u201c",
        "Nothing",
        "is",
        "left",
        ",",
        "\u201d",
        "a",
        "somber",
        "Hanssen",
        "said",
        ".",
    ]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[False, True, True, False, False, True, True, True, True, False, False],
        pos=[
            "PUNCT",
            "PRON",
            "AUX",
            "VERB",
            "PUNCT",
            "PUNCT",
            "DET",
            "PROPN",
            "PROPN",
            "VERB",
            "PUNCT",
        ],
        deps=[
            "punct",
            "nsubjpass",
            "auxpass",
            "ccomp",
            "punct",
            "punct",
            "det",
            "nsubj",
            "nsubj",
            "ROOT",
            "punct",
        ],
        heads=[9, 3, 3, 9, 9, 9, 7, 9, 9, 9, 9],
        ents=["O"] * 8 + ["B-PERSON", "O", "O"],
    )
    (q,) = quotes(doc, article=Article(id="t", text=doc.text), times=[])
    assert q.speaker == "Hanssen"


def test_a_cue_inside_the_reported_quotation_takes_the_reporting_subject(nlp: Language) -> None:
    text = (
        "Dana Reyes, a spokeswoman for the fire service, told reporters, "
        '"The blaze destroyed forty homes in the valley," adding, "Crews will stay there '
        'overnight."'
    )
    qs = _quotes(nlp, text)
    assert qs[-1].text.startswith("Crews")
    assert qs[-1].speaker == "Dana Reyes"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"Our house is gone and the goats are dead," sobbed an elderly farmer.',
            "an elderly farmer",
        ),
        ('"The water reached the roof before midnight," wailed a young father.', "a young father"),
    ],
)
def test_verbs_of_manner_of_speaking_are_cues(nlp: Language, text: str, speaker: str) -> None:
    (q,) = _quotes(nlp, text)
    assert q.speaker == speaker


def test_quoted_as_saying_after_the_quotation_names_the_object(nlp: Language) -> None:
    text = (
        '"The convoy left before dawn," the weekly paper quoted a driver in the convoy as saying.'
    )
    (q,) = _quotes(nlp, text)
    assert q.speaker == "a driver"
    assert q.cue == "quoted"


def test_he_said_can_refer_to_a_person_introduced_with_a_role(nlp: Language) -> None:
    text = (
        "Lena Ortiz, the site manager, walked the line. "
        '"The old crane fell onto the shed at night," she said.'
    )
    (q,) = _quotes(nlp, text)
    assert q.speaker == "Lena Ortiz"
    assert q.speaker_role == "site manager"


def test_an_age_introduces_a_person_and_a_kind_of_place_does_not(nlp: Language) -> None:
    text = (
        "Majdal Shams, a Druse Arab village in the Golan Heights, was in mourning.\n\n"
        "Jwan Willy, 14, was standing by one of the goalposts. "
        '"I thought of running toward the shelter," he said.'
    )
    doc = parse(text, nlp=nlp)
    assert "Majdal Shams" not in [e.text for e in introduced_people(doc)]
    (q,) = _quotes(nlp, text)
    assert q.speaker == "Jwan Willy"


def test_the_adviser_to_a_president_is_the_speaker_not_the_president(nlp: Language) -> None:
    text = (
        "An adviser to Moldovan President Ion Stanescu described the raid as "
        "\u201ca cynical and calculated mass murder of prisoners\u201d."
    )
    (q,) = _quotes(nlp, text)
    assert q.speaker == "An adviser to Moldovan President Ion Stanescu"


def test_a_quotation_ending_its_sentence_is_not_the_next_sentences(nlp: Language) -> None:
    text = (
        'Mayor Anna Koval told local radio: "Every house in the village will be rebuilt." '
        "The governor added that repairs would take a year."
    )
    (q,) = _quotes(nlp, text)
    assert q.speaker == "Anna Koval"


def test_a_quote_before_but_added_is_the_first_verbs_subjects(nlp: Language) -> None:
    # 'X estimated the toll was "...," but added that ...': X speaks; not "the toll"
    text = (
        "DARVO (Reuters) - An intelligence report, seen on Thursday, estimated the toll was "
        "\u201cprobably at the low end of the 100 to 300 spectrum,\u201d but added that the "
        "assessment may change."
    )
    (q,) = _quotes(nlp, text)
    assert q.speaker is not None and "intelligence report" in q.speaker


def test_a_statement_issued_by_someone_is_theirs(nlp: Language) -> None:
    text = (
        "A statement issued by the regional command on Monday said its campaign had "
        '"destroyed more than 80 targets and weakened the militia."'
    )
    (q,) = _quotes(nlp, text)
    assert q.speaker == "the regional command"


def test_a_quoted_name_after_its_noun_is_no_quotation_and_names_the_speaker() -> None:
    text = (
        'Other channels disagreed. "But due to the incompetent work of the local air defense, '
        'there are civilian casualties," writes the Telegram channel \u201cNikolaevsky Vanek\u201d.'
    )
    found = sitrep.extract(text).quotes
    assert [q.text for q in found if "Vanek" in q.text] == []
    (quote,) = found
    assert quote.speaker is not None and quote.speaker.endswith("Nikolaevsky Vanek\u201d")


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in sitrep.extract(text).quotes]


def test_a_passive_quoted_as_saying_names_its_subject() -> None:
    text = '"The roof fell on us," a wounded driver was quoted by Reuters as saying.'
    assert _speakers(text) == ["wounded driver"]


def test_a_speaking_participle_on_the_reported_clause_is_the_reporters() -> None:
    text = (
        "Army spokesman Daniel Brooks spoke to reporters on Monday. He said most of the dead "
        'were fighters while adding "a few may have been farmers from the area."'
    )
    assert _speakers(text) == ["Daniel Brooks"]


def test_an_adjective_with_its_article_can_speak() -> None:
    text = '"We ran to the river when the planes came," said a local who asked not to be named.'
    assert _speakers(text) == ["a local"]
