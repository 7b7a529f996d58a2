"""The event taxonomy: trigger words, their PLOVER and ACLED types, and the actor kinds.

PLOVER names follow the PLOVER gold-standard records (AGREE, CONSULT, SUPPORT, COOPERATE, AID,
CONCEDE, RETREAT, INVESTIGATE, DEMAND, DISAPPROVE, REJECT, THREATEN, PROTEST, SANCTION,
MOBILIZE, COERCE, ASSAULT, FIGHT); the older names ACCUSE and REQUEST are read as DISAPPROVE and
DEMAND. Violence follows the 2021 CAMEO-to-PLOVER table and ACLED's split: a two-sided armed
clash is FIGHT (ACLED Battles); one-sided violence, remote or at close range, is ASSAULT (ACLED
Explosions/Remote violence or Violence against civilians), with the weapon as the mode.
"""

from __future__ import annotations

from dataclasses import dataclass

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
    "ASSAULT", "FIGHT",
)  # fmt: skip

PLOVER_ALIASES: dict[str, str] = {"ACCUSE": "DISAPPROVE", "REQUEST": "DEMAND"}

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"


@dataclass(frozen=True, slots=True)
class EventType:
    """One trigger's type in both schemes."""

    plover: str
    event_type: str
    sub_event_type: str | None
    mode: str | None = None
    context: str | None = None
    rank: int = 1  # higher wins when two triggers of one clause compete


def _t(
    plover: str,
    event_type: str = STRATEGIC,
    sub: str | None = "Other",
    mode: str | None = None,
    context: str | None = None,
    rank: int = 1,
) -> EventType:
    return EventType(plover, event_type, sub, mode, context, rank)


_CLASH = _t("FIGHT", BATTLES, "Armed clash", None, "military", 3)
_AIR = _t("ASSAULT", REMOTE, "Air/drone strike", "aerial", "military", 4)
_SHELL = _t("ASSAULT", REMOTE, "Shelling/artillery/missile attack", "heavy-weapons", "military", 4)
_IED = _t("ASSAULT", REMOTE, "Remote explosive/landmine/IED", "explosives", "military", 4)
_SUICIDE = _t("ASSAULT", REMOTE, "Suicide bomb", "suicide-attack", "terrorism", 5)
_ATTACK = _t("ASSAULT", VAC, "Attack", None, None, 2)
_ABDUCT = _t("ASSAULT", VAC, "Abduction/forced disappearance", "abduct", None, 3)
_TALKS = _t("CONSULT", context="diplomatic")
_ARREST = _t("COERCE", STRATEGIC, "Arrests", "arrest", "legal", 2)
_DESTROY = _t("COERCE", STRATEGIC, "Looting/property destruction", "destroy", None, 2)
_SEIZE = _t("FIGHT", BATTLES, "Non-state actor overtakes territory", None, "military", 3)
_WITHDRAW = _t("RETREAT", STRATEGIC, "Non-violent transfer of territory", "withdraw", "military")
_EXIT = _t("SANCTION", STRATEGIC, "Change to group/activity", "withdraw", "economic", 2)
_DEMO = _t("PROTEST", PROTESTS, "Peaceful protest", "demo", None, 2)
_RIOT = _t("PROTEST", RIOTS, "Violent demonstration", "riot", None, 3)

# Verb lemmas that name an event.
VERB_TRIGGERS: dict[str, EventType] = {
    # violence
    "fight": _CLASH, "clash": _CLASH, "battle": _CLASH, "skirmish": _CLASH, "repel": _CLASH,
    "counterattack": _CLASH, "ambush": _t("ASSAULT", VAC, "Attack", "firearms", None, 3),
    "invade": _t("FIGHT", BATTLES, "Armed clash", "heavy-weapons", "military", 3),
    "capture": _SEIZE, "seize": _SEIZE, "retake": _SEIZE, "recapture": _SEIZE, "overrun": _SEIZE,
    "occupy": _SEIZE, "liberate": _SEIZE,
    "shell": _SHELL, "bombard": _SHELL, "pound": _SHELL, "strike": _t("ASSAULT", REMOTE, "Shelling/artillery/missile attack", None, "military", 2),
    "bomb": _AIR, "airstrike": _AIR,
    "attack": _ATTACK, "target": _ATTACK, "assault": _ATTACK, "raid": _ATTACK, "storm": _ATTACK,
    "kill": _t("ASSAULT", VAC, "Attack", None, None, 1), "massacre": _t("ASSAULT", VAC, "Attack", "massacre", None, 3),
    "shoot": _t("ASSAULT", VAC, "Attack", "firearms", None, 2), "execute": _t("ASSAULT", VAC, "Attack", "firearms", None, 2),
    "assassinate": _t("ASSAULT", VAC, "Attack", "assassinate", None, 3),
    "torture": _t("ASSAULT", VAC, "Attack", "torture", None, 3), "beat": _t("ASSAULT", VAC, "Attack", "beat", None, 2),
    "rape": _t("ASSAULT", VAC, "Sexual violence", "sexual", None, 3),
    "abduct": _ABDUCT, "kidnap": _ABDUCT, "hijack": _ABDUCT,
    "destroy": _DESTROY, "demolish": _DESTROY, "loot": _DESTROY, "burn": _DESTROY, "torch": _DESTROY,
    "raze": _DESTROY, "bulldoze": _DESTROY,
    # coercion
    "arrest": _ARREST, "detain": _ARREST, "jail": _ARREST, "imprison": _ARREST, "round": _ARREST,
    "deport": _t("COERCE", STRATEGIC, "Other", "deport", "legal", 2), "expel": _t("SANCTION", mode="expel", context="diplomatic"),
    "ban": _t("COERCE", mode="ban", context="legal"), "outlaw": _t("COERCE", mode="ban", context="legal"),
    "censor": _t("COERCE", mode="censor"), "confiscate": _t("COERCE", mode="confiscate"),
    "blockade": _t("COERCE", mode="restrict", context="military"), "besiege": _t("COERCE", mode="restrict", context="military"),
    "impose": _t("COERCE", mode="restrict"), "prevent": _t("COERCE", mode="restrict"),
    # protest
    "protest": _DEMO, "demonstrate": _DEMO, "rally": _DEMO, "march": _DEMO, "picket": _DEMO,
    "riot": _RIOT, "boycott": _t("PROTEST", PROTESTS, "Peaceful protest", "boycott"),
    # force posture
    "mobilize": _t("MOBILIZE", mode="troops", context="military"), "mobilise": _t("MOBILIZE", mode="troops", context="military"),
    "deploy": _t("MOBILIZE", mode="troops", context="military"), "mass": _t("MOBILIZE", mode="troops", context="military"),
    "reinforce": _t("MOBILIZE", mode="troops", context="military"),
    "withdraw": _WITHDRAW, "retreat": _WITHDRAW, "surrender": _WITHDRAW, "evacuate": _WITHDRAW,
    "release": _t("RETREAT", mode="release", context="legal"), "free": _t("RETREAT", mode="release", context="legal"),
    "lift": _t("RETREAT", mode="ease"), "ease": _t("RETREAT", mode="ease"),
    # economic and diplomatic pressure
    "sanction": _t("SANCTION", context="economic"), "suspend": _t("SANCTION", mode="withdraw"),
    "sever": _t("SANCTION", mode="withdraw", context="diplomatic"), "halt": _t("SANCTION", mode="withdraw"),
    "exit": _EXIT, "quit": _EXIT, "leave": _EXIT, "abandon": _EXIT, "cut": _t("SANCTION", mode="discontinue"),
    "recall": _t("SANCTION", mode="withdraw", context="diplomatic"), "freeze": _t("SANCTION", context="economic"),
    "threaten": _t("THREATEN", rank=2), "warn": _t("THREATEN"),
    # verbal conflict
    "demand": _t("DEMAND"), "urge": _t("DEMAND"), "ask": _t("DEMAND"), "appeal": _t("DEMAND"),
    "request": _t("DEMAND"), "press": _t("DEMAND"),
    "accuse": _t("DISAPPROVE", mode="allege"), "condemn": _t("DISAPPROVE"), "criticize": _t("DISAPPROVE"),
    "criticise": _t("DISAPPROVE"), "denounce": _t("DISAPPROVE"), "blame": _t("DISAPPROVE", mode="allege"),
    "charge": _t("DISAPPROVE", mode="allege"), "complain": _t("DISAPPROVE"), "sue": _t("DISAPPROVE", context="legal"),
    "reject": _t("REJECT"), "refuse": _t("REJECT"), "deny": _t("REJECT"), "veto": _t("REJECT"), "dismiss": _t("REJECT"),
    "defy": _t("REJECT"), "rebuff": _t("REJECT"), "decline": _t("REJECT"), "snub": _t("REJECT"),
    # cooperation
    "meet": _TALKS, "negotiate": _TALKS, "discuss": _TALKS, "visit": _t("CONSULT", mode="visit", context="diplomatic"),
    "host": _t("CONSULT", mode="visit", context="diplomatic"), "mediate": _TALKS, "consult": _TALKS, "talk": _TALKS,
    "agree": _t("AGREE", STRATEGIC, "Agreement"), "pledge": _t("AGREE"), "promise": _t("AGREE"), "vow": _t("AGREE"),
    "offer": _t("AGREE"), "propose": _t("AGREE"),
    "sign": _t("SUPPORT", STRATEGIC, "Agreement", context="diplomatic"), "praise": _t("SUPPORT"), "endorse": _t("SUPPORT"),
    "support": _t("SUPPORT"), "back": _t("SUPPORT"), "welcome": _t("SUPPORT"), "recognize": _t("SUPPORT"),
    "recognise": _t("SUPPORT"), "apologize": _t("SUPPORT"), "apologise": _t("SUPPORT"), "defend": _t("SUPPORT"),
    "cooperate": _t("COOPERATE"), "collaborate": _t("COOPERATE"), "share": _t("COOPERATE"),
    "aid": _t("AID"), "send": _t("AID"), "donate": _t("AID"), "supply": _t("AID"), "deliver": _t("AID"),
    "provide": _t("AID"), "grant": _t("AID"),
    "concede": _t("CONCEDE"), "yield": _t("CONCEDE"), "accept": _t("CONCEDE"), "resign": _t("CONCEDE"),
    "investigate": _t("INVESTIGATE"), "probe": _t("INVESTIGATE"), "inspect": _t("INVESTIGATE"),
    "examine": _t("INVESTIGATE"),
}  # fmt: skip

# Noun lemmas that name an event.
NOUN_TRIGGERS: dict[str, EventType] = {
    "fighting": _CLASH, "battle": _CLASH, "clash": _CLASH, "gunbattle": _CLASH, "firefight": _CLASH,
    "skirmish": _CLASH, "offensive": _CLASH, "counteroffensive": _CLASH, "combat": _CLASH,
    "invasion": _t("FIGHT", BATTLES, "Armed clash", "heavy-weapons", "military", 3),
    "strike": _t("ASSAULT", REMOTE, "Shelling/artillery/missile attack", None, "military", 2),
    "airstrike": _AIR, "bombing": _AIR, "bombardment": _SHELL, "shelling": _SHELL,
    "artillery": _SHELL, "rocket": _SHELL, "missile": _SHELL, "mortar": _SHELL, "barrage": _SHELL,
    "landmine": _IED, "mine": _IED, "ied": _IED, "explosion": _IED, "blast": _IED,
    "attack": _ATTACK, "assault": _ATTACK, "raid": _ATTACK, "ambush": _ATTACK, "massacre": _ATTACK,
    "killing": _t("ASSAULT", VAC, "Attack", None, None, 1), "assassination": _t("ASSAULT", VAC, "Attack", "assassinate", None, 3),
    "kidnapping": _ABDUCT, "abduction": _ABDUCT,
    "arrest": _ARREST, "detention": _ARREST, "crackdown": _t("COERCE", STRATEGIC, "Arrests", "arrest", None, 1),
    "curfew": _t("COERCE", mode="curfew"), "blockade": _t("COERCE", mode="restrict", context="military"),
    "siege": _t("COERCE", mode="restrict", context="military"),
    "protest": _DEMO, "demonstration": _DEMO, "rally": _DEMO, "march": _DEMO, "riot": _RIOT,
    "talk": _TALKS, "negotiation": _TALKS, "meeting": _TALKS, "summit": _TALKS, "visit": _t("CONSULT", mode="visit"),
    "ceasefire": _t("RETREAT", STRATEGIC, "Agreement", "ceasefire", "military", 2),
    "truce": _t("RETREAT", STRATEGIC, "Agreement", "ceasefire", "military", 2),
    "withdrawal": _WITHDRAW, "retreat": _WITHDRAW, "evacuation": _WITHDRAW,
    "sanction": _t("SANCTION", context="economic", rank=2), "embargo": _t("SANCTION", context="economic", rank=2),
    "exodus": _EXIT, "exit": _EXIT, "pullout": _EXIT, "boycott": _t("PROTEST", PROTESTS, "Peaceful protest", "boycott"),
    "agreement": _t("AGREE", STRATEGIC, "Agreement"), "deal": _t("AGREE", STRATEGIC, "Agreement"),
    "accord": _t("AGREE", STRATEGIC, "Agreement"), "treaty": _t("AGREE", STRATEGIC, "Agreement"),
    "ultimatum": _t("THREATEN", rank=2), "threat": _t("THREATEN"),
    "mobilization": _t("MOBILIZE", mode="troops"), "mobilisation": _t("MOBILIZE", mode="troops"),
    "deployment": _t("MOBILIZE", mode="troops"), "buildup": _t("MOBILIZE", mode="troops"),
    "investigation": _t("INVESTIGATE"), "inquiry": _t("INVESTIGATE"), "probe": _t("INVESTIGATE"),
    "aid": _t("AID"), "assistance": _t("AID"), "asylum": _t("AID", context="asylum"),
}  # fmt: skip

# A noun trigger's compound modifier that makes it more specific ("car bomb", "air strike").
COMPOUND_TRIGGERS: dict[tuple[str, str], EventType] = {
    ("air", "strike"): _AIR, ("air", "raid"): _AIR, ("drone", "strike"): _AIR,
    ("drone", "attack"): _AIR, ("air", "attack"): _AIR, ("missile", "strike"): _SHELL,
    ("missile", "attack"): _SHELL, ("rocket", "attack"): _SHELL, ("artillery", "fire"): _SHELL,
    ("car", "bomb"): _IED, ("car", "bombing"): _IED, ("roadside", "bomb"): _IED,
    ("suicide", "bombing"): _SUICIDE, ("suicide", "bomber"): _SUICIDE, ("suicide", "attack"): _SUICIDE,
    ("hunger", "strike"): _t("PROTEST", PROTESTS, "Peaceful protest", "strike-hun", rank=2),
    ("general", "strike"): _t("PROTEST", PROTESTS, "Peaceful protest", "strike-gen", rank=2),
    ("peace", "talk"): _TALKS, ("martial", "law"): _t("COERCE", mode="martial-law"),
    ("gunshot", "wound"): _t("ASSAULT", VAC, "Attack", "firearms", None, 2),
    ("bullet", "wound"): _t("ASSAULT", VAC, "Attack", "firearms", None, 2),
    ("stab", "wound"): _t("ASSAULT", VAC, "Attack", None, None, 2),
    ("state", "emergency"): _t("COERCE", mode="martial-law"),
}  # fmt: skip

# Verb + particle or preposition phrases ("pull out", "call for", "crack down").
PHRASAL_TRIGGERS: dict[tuple[str, str], EventType] = {
    ("pull", "out"): _EXIT, ("pull", "back"): _WITHDRAW, ("crack", "down"): _ARREST,
    ("call", "for"): _t("DEMAND"), ("call", "on"): _t("DEMAND"), ("open", "fire"): _t("ASSAULT", VAC, "Attack", "firearms", None, 3),
    ("blow", "up"): _DESTROY, ("set", "fire"): _DESTROY, ("break", "off"): _t("SANCTION", mode="withdraw"),
    ("turn", "down"): _t("REJECT"), ("round", "up"): _ARREST, ("hold", "talk"): _TALKS,
    ("speak", "with"): _TALKS, ("walk", "out"): _t("SANCTION", mode="withdraw"),
    ("exchange", "fire"): _CLASH, ("trade", "fire"): _CLASH,
}  # fmt: skip

# Verbs too common in other senses to be events without an actor-like subject or object.
SOFT_VERBS = frozenset(
    [
        "meet",
        "back",
        "support",
        "free",
        "send",
        "provide",
        "share",
        "mass",
        "press",
        "strike",
        "target",
        "beat",
        "cut",
        "charge",
        "leave",
        "exit",
        "quit",
        "abandon",
        "host",
        "ease",
        "lift",
        "deliver",
        "grant",
        "accept",
        "yield",
        "offer",
        "propose",
        "promise",
        "round",
        "ask",
        "welcome",
        "defend",
        "examine",
        "inspect",
        "sign",
        "release",
        "burn",
        "freeze",
        "halt",
        "suspend",
        "warn",
        "pound",
        "storm",
        "visit",
        "capture",
        "execute",
        "shoot",
        "recognize",
        "recognise",
        "impose",
        "prevent",
        "march",
        "rally",
        "aid",
        "supply",
        "call",
        "reject",
        "refuse",
        "decline",
        "dismiss",
        "deny",
    ]
)

# Triggers of a company or market exit: an event only when a firm or a market is named.
EXIT_CUES = frozenset(
    [
        "company",
        "companies",
        "firm",
        "firms",
        "business",
        "businesses",
        "brand",
        "brands",
        "market",
        "markets",
        "investor",
        "investors",
        "operations",
        "operation",
        "bank",
        "banks",
        "retailer",
        "retailers",
        "carmaker",
        "carmakers",
    ]
)

# Lemmas that report speech: never events themselves.
REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "add",
        "state",
        "announce",
        "claim",
        "told",
        "according",
        "note",
        "insist",
        "confirm",
        "write",
    ]
)

# Words that mark who an actor is.
_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "state forces": (
        "army", "troops", "troop", "soldier", "forces", "force", "military", "police",
        "policeman", "officer", "navy", "air force", "government", "ministry", "minister",
        "president", "prime minister", "delegation", "authorities", "official", "regime",
        "kremlin", "pentagon", "marines", "guard", "commander", "counterpart", "diplomat",
    ),
    "rebels": (
        "rebel", "insurgent", "guerrilla", "guerilla", "separatist", "militant", "jihadist",
        "fighters", "taliban", "al-qaeda", "islamic state", "isis", "hamas", "hezbollah",
    ),
    "militia": ("militia", "militiaman", "militiamen", "paramilitary", "mercenar", "wagner"),
    "protesters": ("protester", "protestor", "demonstrator", "activist", "students", "strikers"),
    "rioters": ("rioter", "mob", "crowd", "looter", "vigilante"),
    "civilians": (
        "civilian", "resident", "villager", "refugee", "people", "children", "women",
        "family", "families", "worker", "journalist", "patient", "passenger",
    ),
    "external": (
        "united nations", "un ", "nato", "european union", "eu ", "red cross", "icrc",
        "unicef", "who ", "imf", "world bank", "osce", "african union", "iaea", "unhcr",
    ),
    "companies": (
        "company", "companies", "firm", "corporation", "inc", "ltd", "group", "bank",
        "airline", "carmaker", "retailer", "brand",
    ),
}  # fmt: skip


def actor_kind(text: str, *, label: str | None = None) -> str | None:
    """The kind of actor a phrase names: state forces, rebels, rioters, civilians, external, ...

    Args:
        text: the actor's phrase ("Russian troops", "Hamas militants").
        label: its spaCy entity label, when it is an entity (GPE, NORP, ORG, PERSON).

    Returns:
        A kind, or None when neither the words nor the label tell.
    """
    low = f" {text.lower()} "
    kinds = ("external", "rebels", "militia", "protesters", "rioters", "state forces", "civilians")
    for kind in kinds:
        if any(w in low for w in _KIND_WORDS[kind]):
            return kind
    if any(f" {w}" in low for w in _KIND_WORDS["companies"]):
        return "companies"
    if label in ("GPE", "NORP"):
        return "state forces"
    if label == "ORG":
        return "organization"
    if label == "PERSON":
        return "person"
    return None


def normalize_plover(name: str) -> str:
    """A PLOVER name in the current spelling (ACCUSE -> DISAPPROVE, REQUEST -> DEMAND)."""
    up = name.strip().upper()
    return PLOVER_ALIASES.get(up, up)


# The ACLED (event type, sub-event type) a PLOVER type falls under when nothing more is known.
PLOVER_TO_ACLED: dict[str, tuple[str, str]] = {
    "FIGHT": (BATTLES, "Armed clash"),
    "ASSAULT": (VAC, "Attack"),
    "PROTEST": (PROTESTS, "Peaceful protest"),
    "COERCE": (STRATEGIC, "Arrests"),
    "AGREE": (STRATEGIC, "Agreement"),
    "RETREAT": (STRATEGIC, "Non-violent transfer of territory"),
    "MOBILIZE": (STRATEGIC, "Change to group/activity"),
    "SANCTION": (STRATEGIC, "Change to group/activity"),
}

# The PLOVER type of each ACLED sub-event type.
ACLED_TO_PLOVER: dict[str, str] = {
    "Armed clash": "FIGHT",
    "Government regains territory": "FIGHT",
    "Non-state actor overtakes territory": "FIGHT",
    "Air/drone strike": "ASSAULT",
    "Shelling/artillery/missile attack": "ASSAULT",
    "Remote explosive/landmine/IED": "ASSAULT",
    "Suicide bomb": "ASSAULT",
    "Grenade": "ASSAULT",
    "Chemical weapon": "ASSAULT",
    "Attack": "ASSAULT",
    "Sexual violence": "ASSAULT",
    "Abduction/forced disappearance": "ASSAULT",
    "Peaceful protest": "PROTEST",
    "Protest with intervention": "PROTEST",
    "Excessive force against protesters": "ASSAULT",
    "Violent demonstration": "PROTEST",
    "Mob violence": "ASSAULT",
    "Agreement": "AGREE",
    "Arrests": "COERCE",
    "Change to group/activity": "MOBILIZE",
    "Headquarters or base established": "MOBILIZE",
    "Looting/property destruction": "COERCE",
    "Non-violent transfer of territory": "RETREAT",
    "Disrupted weapons use": "COERCE",
}


def acled_for(plover: str) -> tuple[str, str | None]:
    """The ACLED (event type, sub-event type) a bare PLOVER type maps to."""
    et, sub = PLOVER_TO_ACLED.get(normalize_plover(plover), (STRATEGIC, "Other"))
    return et, sub
