"""What a casualty figure counts, so that one tally never mixes two things.

Two figures belong in one tally only when they count the same thing: the same kind of
casualty (killed, injured, ...), the same **extent** and the same **victim group**.

- Extent (:func:`extent`): ``incident`` (one attack, strike or massacre), ``daily`` (a
  region's toll over the past day or night), ``cumulative`` (a place over weeks or months)
  or ``war-wide`` (a whole war or a year or more). The extractor tells incident from
  cumulative; reconciliation refines it from the stated period and the words of the
  sentence, so a half-year UN total or "since the invasion began" is never an incident.
- Victim group (:func:`victim_group`): ``people`` (people, civilians, residents,
  unspecified: the headline toll), or a sub-group that is tallied apart: ``children``,
  ``women``, ``prisoners``, ``soldiers`` and ``militants`` (with the side when the text names
  it: "Ukrainian soldiers" and "Russian soldiers" are two groups), ``officials``, ``staff``
  (medics, aid workers, journalists, rescuers, police). "including seven children" is a
  sub-count of the people killed, never added to them nor merged with a militant count.
"""

from __future__ import annotations

import datetime as dt
import re

from sitrep.extract.events.types import NOUN_TRIGGERS

EXTENTS = ("incident", "daily", "cumulative", "war-wide")

_WAR_WIDE = re.compile(
    r"\b(?:since the (?:start|beginning|outbreak) of (?:the|this) (?:full[- ]scale )?"
    r"(?:war|invasion|conflict|fighting|offensive)"
    r"|since (?:the )?(?:war|invasion|conflict|fighting) (?:began|started|broke out|erupted)"
    r"|since (?:russia|moscow|israel|hamas)\S* (?:launched|began|started|invaded)"
    r"|(?:over|during|throughout|in) (?:the (?:course of the )?)?(?:entire |whole )?(?:war|conflict)"
    r"|since (?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december) (?:\d{1,2}, )?\d{4}"
    r"|so far this year|since the start of (?:the|this) year|in (?:the )?(?:first|past) "
    r"(?:half|six months|year)|war-wide|total (?:death )?toll (?:of|in) the war)\b",
    re.I,
)
_DAILY = re.compile(
    r"\b(?:(?:in|over|during) the (?:past|last) (?:24|twenty-four) hours|overnight"
    r"|(?:in|over) the past day|a day earlier|per day|every day|each day|daily)\b",
    re.I,
)

# The toll of one attack: "the death toll from the missile strike on the station rose to 25".
# The attack nouns are the event triggers of an assault, in the singular (plural "strikes"
# over weeks are a campaign, and stay cumulative).
# Mass nouns of fire that goes on for days ("the toll of the shelling") are left out.
_ONGOING = frozenset({"shelling", "bombardment", "artillery", "killing", "kidnapping", "abduction"})
_ATTACK_NOUNS = sorted(
    k for k, t in NOUN_TRIGGERS.items() if t.plover == "ASSAULT" and k not in _ONGOING
)
# A count named by its people rather than "toll" says the same: "the number of victims of the
# attack on the market has risen to 19", "the number of those killed in the strike".
_TOLL_WORDS = (
    r"(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|fatalities|casualties|killed"
    r"|injured|wounded|(?:people|those)\s+(?:killed|injured|wounded|who\s+died)))"
)
_INCIDENT_TOLL = re.compile(
    r"\b" + _TOLL_WORDS + r"\s+(?:from|of|in|as\s+an?\s+result\s+of|as\s+result\s+of)\s+"
    r"(?:[\w'’-]+\s+){0,8}?(?:" + "|".join(_ATTACK_NOUNS) + r")\b(?!-)",
    re.I,
)

_GENERAL = frozenset(
    {
        "people",
        "person",
        "persons",
        "civilian",
        "civilians",
        "resident",
        "residents",
        "inhabitant",
        "inhabitants",
        "victim",
        "victims",
        "body",
        "bodies",
        "individual",
        "individuals",
        "others",
        "other",
        "villager",
        "villagers",
        "passenger",
        "passengers",
        "worshipper",
        "worshippers",
        "patient",
        "patients",
        "festivalgoer",
        "festivalgoers",
        "household",
        "households",
        "family",
        "families",
        "man",
        "men",
        "shopper",
        "shoppers",
    }
)
_GROUP_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "children",
        frozenset(
            {
                "child",
                "children",
                "kid",
                "kids",
                "boy",
                "boys",
                "girl",
                "girls",
                "minor",
                "minors",
                "infant",
                "infants",
                "baby",
                "babies",
                "teen",
                "teens",
                "teenager",
                "teenagers",
                "youth",
                "toddler",
                "toddlers",
                "schoolchildren",
                "student",
                "students",
                "pupil",
                "pupils",
            }
        ),
    ),
    ("women", frozenset({"woman", "women", "mother", "mothers", "girl's"})),
    (
        "prisoners",
        frozenset(
            {
                "prisoner",
                "prisoners",
                "pow",
                "pows",
                "inmate",
                "inmates",
                "detainee",
                "detainees",
                "captive",
                "captives",
                "hostage",
                "hostages",
            }
        ),
    ),
    (
        "militants",
        frozenset(
            {
                "militant",
                "militants",
                "terrorist",
                "terrorists",
                "insurgent",
                "insurgents",
                "jihadist",
                "jihadists",
                "gunman",
                "gunmen",
                "fighter",
                "fighters",
                "operative",
                "operatives",
                "combatant",
                "combatants",
                "rebel",
                "rebels",
                "commander",
                "commanders",
                "leader",
                "leaders",
                "attacker",
                "attackers",
                "assailant",
                "assailants",
            }
        ),
    ),
    (
        "soldiers",
        frozenset(
            {
                "soldier",
                "soldiers",
                "troop",
                "troops",
                "serviceman",
                "servicemen",
                "servicemember",
                "servicemembers",
                "servicepeople",
                "military",
                "officer",
                "officers",
                "reservist",
                "reservists",
                "conscript",
                "conscripts",
                "marine",
                "marines",
                "paratrooper",
                "paratroopers",
                "personnel",
                "mercenary",
                "mercenaries",
                "sailor",
                "sailors",
                "crew",
                "guard",
                "guards",
            }
        ),
    ),
    (
        "staff",
        frozenset(
            {
                "medic",
                "medics",
                "doctor",
                "doctors",
                "nurse",
                "nurses",
                "paramedic",
                "paramedics",
                "rescuer",
                "rescuers",
                "firefighter",
                "firefighters",
                "journalist",
                "journalists",
                "reporter",
                "reporters",
                "police",
                "policeman",
                "policemen",
                "staff",
                "worker",
                "workers",
                "volunteer",
                "volunteers",
                "employee",
                "employees",
            }
        ),
    ),
    (
        "officials",
        frozenset({"official", "officials", "minister", "ministers", "mayor", "governor"}),
    ),
)
_WORD = re.compile(r"[a-z][a-z']*")
_DURATION = re.compile(r"P(\d+)([DWMY])")
_UNIT_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365}


def _date(text: str) -> dt.date | None:
    try:
        if len(text) >= 10:
            return dt.date.fromisoformat(text[:10])
        if len(text) == 7:
            return dt.date.fromisoformat(text + "-01")
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 1, 1)
    except ValueError:
        return None
    return None


def period_days(period: str | None) -> int | None:
    """How many days a stated period covers ("P6M/2022-08-24" -> 180), ``None`` if unknown."""
    if not period or "/" not in period:
        return None
    first, _, second = period.partition("/")
    m = _DURATION.fullmatch(first)
    if m:
        return int(m.group(1)) * _UNIT_DAYS[m.group(2)]
    a, b = _date(first), _date(second)
    if a is None or b is None:
        return None
    return (b - a).days + 1


def victim_group(victims: str | None, side: str | None = None) -> str:
    """The group a figure counts: ``people`` or a sub-group (see the module docstring).

    The head word (the last word that names a group) decides: "prison guards" are soldiers,
    "children's hospital patients" people.
    """
    words = _WORD.findall((victims or "").lower())
    group = "people"
    for w in reversed(words):
        if w in _GENERAL:
            group = "people"
            break
        hit = next((g for g, ws in _GROUP_WORDS if w in ws), None)
        if hit is not None:
            group = hit
            break
    if group in ("soldiers", "militants") and side:
        return f"{side.strip().lower()} {group}"
    return group


def extent(scope: str | None, period: str | None, text: str = "") -> str:
    """The extent of a figure: incident, daily, cumulative or war-wide (module docstring)."""
    days = period_days(period)
    if _WAR_WIDE.search(text or "") or (days is not None and days >= 180):
        return "war-wide"
    if days is not None and days > 31:
        return "cumulative"
    if scope == "cumulative":
        if days is None and _INCIDENT_TOLL.search(text or ""):
            return "incident"  # the toll of one attack, however it rose
        if _DAILY.search(text or "") or (days is not None and days <= 1):
            return "daily"
        return "cumulative"
    if scope not in (None, "", "incident"):
        return scope if scope in EXTENTS else "cumulative"
    if days is not None and days > 7:
        return "cumulative"
    return "incident"


__all__ = ["EXTENTS", "extent", "period_days", "victim_group"]
