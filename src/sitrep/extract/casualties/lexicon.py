"""The words casualty reporting is made of: cues, victims, causes, demonyms.

Plain lexicons used by :mod:`sitrep.extract.casualties.claims`, kept apart so the rules stay short.
All entries are lower case word forms (not lemmas) unless said otherwise.
"""

from __future__ import annotations

from sitrep.model import CasualtyKind

CUES: dict[str, CasualtyKind] = {}
_KINDS: dict[CasualtyKind, str] = {
    "killed": "killed kill kills killing killings dead died die dies dying death deaths fatalities "
    "fatality assassination assassinations "
    "slain murdered murdering murder assassinated executed massacred perished toll body bodies "
    "lifeless drowned beheaded lynched lives",
    "injured": "injured injuring injures injure wounded wounding wounds wound hurt injuries "
    "maimed hospitalized hospitalised",
    "missing": "missing unaccounted disappeared",
    "captured": "captured capturing capture prisoner prisoners pows",
    "arrested": "arrested arresting arrests arrest detained detaining detain apprehended jailed",
    "kidnapped": "kidnapped kidnapping kidnaps kidnap abduct abducted abducting abduction hostage hostages",
    "displaced": "displaced displacing displace homeless refugees fled uprooted",
    "evacuated": "evacuated evacuating evacuate evacuees rescued rescue",
    "casualties": "casualties casualty",
}
for _kind, _forms in _KINDS.items():
    for _w in _forms.split():
        CUES[_w] = _kind

# Cue nouns that are also victims: "5 hostages were killed" is about the killing.
DUAL_VICTIMS = set(
    ["hostages", "hostage", "prisoners", "prisoner", "refugees", "evacuees", "bodies", "casualties"]
)

# Verb forms that take the count as object: "killing 12 people", "wounded three".
TRANSITIVE = set(
    [
        "killed",
        "kill",
        "kills",
        "killing",
        "wounded",
        "wounding",
        "injured",
        "injuring",
        "injures",
        "injure",
        "murdered",
        "murdering",
        "massacred",
        "executed",
        "slew",
        "kidnapped",
        "kidnapping",
        "abducted",
        "abducting",
        "arrested",
        "arresting",
        "detained",
        "detaining",
        "captured",
        "capturing",
        "evacuated",
        "evacuating",
        "displaced",
        "displacing",
        "rescued",
        "wound",
        "kidnap",
        "abduct",
        "arrest",
        "detain",
        "capture",
        "evacuate",
        "displace",
        "rescue",
    ]
)
# Words allowed between a cue and a following count: "killed at least", "claimed the lives of".
CUE_FIRST_GAP = set(
    [
        "the",
        "lives",
        "of",
        "a",
        "total",
        "of",
        "another",
        "an",
        "additional",
        "further",
        "rose",
        "risen",
        "has",
        "have",
        "had",
        "to",
        "at",
        "climbed",
        "jumped",
        "increased",
        "reached",
        "stood",
        "stands",
        "now",
        "is",
        "was",
        "hit",
        "passed",
        "topped",
        "surpassed",
        "reportedly",
        "up",
        "revised",
        "been",
        "least",
        "from",
    ]
)
# Words allowed between a count and its cue: "21 people were reportedly killed".
GAP_WORDS = set(
    [
        "were",
        "was",
        "have",
        "has",
        "had",
        "been",
        "are",
        "is",
        "be",
        "being",
        "reportedly",
        "also",
        "allegedly",
        "later",
        "subsequently",
        "all",
        "of",
        "them",
        "whom",
        "the",
        "who",
        "others",
        "other",
        "more",
        "reported",
        "confirmed",
        "believed",
        "feared",
        "said",
        "to",
        "left",
        "found",
        "lay",
        "lie",
        "lying",
        "lies",
        "so",
        "far",
        "already",
        "now",
        "who",
        "thought",
        "presumed",
        "listed",
        "declared",
        "still",
        "among",
        "those",
        "her",
        "his",
        "their",
        "its",
        "our",
    ]
)
# Verbs that say a figure updates an earlier one.
UPDATE_VERBS = set(
    [
        "rose",
        "risen",
        "climbed",
        "jumped",
        "increased",
        "raised",
        "revised",
        "lowered",
        "fell",
        "dropped",
        "cut",
        "reduced",
        "doubled",
        "rising",
        "climbing",
    ]
)

PLURAL_VICTIMS = set(
    [
        "people",
        "persons",
        "civilians",
        "children",
        "kids",
        "women",
        "men",
        "adults",
        "babies",
        "infants",
        "boys",
        "girls",
        "soldiers",
        "troops",
        "servicemen",
        "servicemembers",
        "marines",
        "sailors",
        "airmen",
        "officers",
        "policemen",
        "police",
        "policewomen",
        "guards",
        "fighters",
        "militants",
        "rebels",
        "insurgents",
        "guerrillas",
        "terrorists",
        "subversives",
        "extremists",
        "gunmen",
        "attackers",
        "assailants",
        "militiamen",
        "combatants",
        "members",
        "students",
        "teachers",
        "doctors",
        "nurses",
        "journalists",
        "reporters",
        "workers",
        "farmers",
        "peasants",
        "villagers",
        "residents",
        "passengers",
        "pilgrims",
        "worshippers",
        "protesters",
        "demonstrators",
        "migrants",
        "refugees",
        "detainees",
        "prisoners",
        "inmates",
        "hostages",
        "miners",
        "employees",
        "staff",
        "volunteers",
        "medics",
        "paramedics",
        "firefighters",
        "officials",
        "leaders",
        "commanders",
        "agents",
        "patients",
        "bystanders",
        "shoppers",
        "tourists",
        "foreigners",
        "nationals",
        "citizens",
        "locals",
        "policemen",
        "troopers",
        "conscripts",
        "recruits",
        "mercenaries",
        "jihadists",
        "islamists",
        "separatists",
        "loyalists",
        "supporters",
        "relatives",
        "families",
        "individuals",
        "victims",
        "others",
        "those",
        "priests",
        "nuns",
        "monks",
        "clergy",
        "judges",
        "lawyers",
        "politicians",
        "candidates",
        "councillors",
        "councilmen",
        "mayors",
        "peacekeepers",
        "contractors",
        "crew",
        "crewmen",
        "drivers",
        "pedestrians",
        "settlers",
        "palestinians",
        "israelis",
        "ukrainians",
        "russians",
        "syrians",
        "afghans",
        "iraqis",
        "americans",
        "soldier's",
    ]
)
SINGULAR_VICTIMS = set(
    [
        "bodyguard",
        "escort",
        "chauffeur",
        "secretary",
        "assistant",
        "congressman",
        "councilman",
        "senator",
        "magistrate",
        "prosecutor",
        "engineer",
        "industrialist",
        "rancher",
        "landowner",
        "manager",
        "director",
        "owner",
        "professor",
        "rector",
        "archbishop",
        "bishop",
        "missionary",
        "seminarian",
        "youth",
        "companion",
        "relative",
        "nephew",
        "niece",
        "cousin",
        "grandson",
        "granddaughter",
        "uncle",
        "aunt",
        "newsman",
        "correspondent",
        "cameraman",
        "editor",
        "unionist",
        "citizen",
        "national",
        "employee",
        "guide",
        "watchman",
        "sentry",
        "inspector",
        "detective",
        "investigator",
        "policeman",
        "man",
        "woman",
        "child",
        "boy",
        "girl",
        "baby",
        "infant",
        "teenager",
        "person",
        "civilian",
        "soldier",
        "serviceman",
        "marine",
        "officer",
        "policeman",
        "policewoman",
        "guard",
        "fighter",
        "militant",
        "rebel",
        "insurgent",
        "guerrilla",
        "terrorist",
        "subversive",
        "gunman",
        "attacker",
        "member",
        "student",
        "teacher",
        "doctor",
        "nurse",
        "journalist",
        "reporter",
        "photographer",
        "worker",
        "farmer",
        "peasant",
        "villager",
        "resident",
        "passenger",
        "driver",
        "pedestrian",
        "protester",
        "demonstrator",
        "migrant",
        "refugee",
        "prisoner",
        "hostage",
        "employee",
        "volunteer",
        "medic",
        "paramedic",
        "firefighter",
        "official",
        "leader",
        "commander",
        "agent",
        "patient",
        "bystander",
        "tourist",
        "priest",
        "nun",
        "judge",
        "lawyer",
        "politician",
        "candidate",
        "councillor",
        "mayor",
        "governor",
        "minister",
        "diplomat",
        "ambassador",
        "businessman",
        "trader",
        "shopkeeper",
        "merchant",
        "contractor",
        "pilot",
        "sergeant",
        "lieutenant",
        "captain",
        "colonel",
        "general",
        "major",
        "corporal",
        "private",
        "trooper",
        "conscript",
        "peacekeeper",
        "activist",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
    ]
)
_PERSON_SUFFIXES = ("ers", "ists", "ians", "ees", "ants", "ents", "men", "ites")
_NOT_PEOPLE = set(
    [
        "hours",
        "days",
        "weeks",
        "months",
        "years",
        "minutes",
        "seconds",
        "meters",
        "metres",
        "kilometres",
        "kilometers",
        "km",
        "kms",
        "bullet",
        "bullets",
        "gunshot",
        "shots",
        "miles",
        "feet",
        "tons",
        "tonnes",
        "dollars",
        "euros",
        "percent",
        "points",
        "homes",
        "houses",
        "buildings",
        "vehicles",
        "tanks",
        "cars",
        "trucks",
        "aircraft",
        "planes",
        "helicopters",
        "drones",
        "missiles",
        "rockets",
        "shells",
        "rounds",
        "bombs",
        "mines",
        "times",
        "incidents",
        "attacks",
        "events",
        "cases",
        "votes",
        "seats",
        "rooms",
        "floors",
        "apartments",
        "settlements",
        "documents",
        "comments",
        "statements",
        "moments",
        "segments",
        "payments",
        "agreements",
        "governments",
        "departments",
        "elements",
        "amendments",
        "shipments",
        "instruments",
        "apartments",
    ]
)

CAUSES = set(
    [
        "shelling",
        "shell",
        "shells",
        "strike",
        "strikes",
        "airstrike",
        "airstrikes",
        "air-strike",
        "bombardment",
        "bombardments",
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "drone",
        "drones",
        "mine",
        "mines",
        "landmine",
        "landmines",
        "gunfire",
        "shooting",
        "shootings",
        "bombing",
        "bombings",
        "bomb",
        "bombs",
        "explosion",
        "explosions",
        "blast",
        "blasts",
        "attack",
        "attacks",
        "artillery",
        "mortar",
        "mortars",
        "grenade",
        "grenades",
        "ambush",
        "ambushes",
        "clash",
        "clashes",
        "fighting",
        "fight",
        "battle",
        "battles",
        "raid",
        "raids",
        "crossfire",
        "barrage",
        "fire",
        "firefight",
        "massacre",
        "ied",
        "ieds",
        "explosive",
        "explosives",
        "shootout",
        "assault",
        "offensive",
        "earthquake",
        "flood",
        "floods",
        "flooding",
        "storm",
        "cyclone",
        "crash",
        "collision",
        "collapse",
        "stampede",
        "landslide",
        "fires",
        "wildfire",
    ]
)

DEMONYMS: dict[str, str] = {
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "syrian": "Syria",
    "iraqi": "Iraq",
    "iranian": "Iran",
    "afghan": "Afghanistan",
    "american": "United States",
    "u.s.": "United States",
    "us": "United States",
    "british": "United Kingdom",
    "french": "France",
    "turkish": "Turkey",
    "saudi": "Saudi Arabia",
    "yemeni": "Yemen",
    "sudanese": "Sudan",
    "ethiopian": "Ethiopia",
    "malian": "Mali",
    "nigerian": "Nigeria",
    "somali": "Somalia",
    "burmese": "Myanmar",
    "myanmar": "Myanmar",
    "mexican": "Mexico",
    "colombian": "Colombia",
    "salvadoran": "El Salvador",
    "peruvian": "Peru",
    "guatemalan": "Guatemala",
    "honduran": "Honduras",
    "nicaraguan": "Nicaragua",
    "lebanese": "Lebanon",
    "pakistani": "Pakistan",
    "indian": "India",
    "chinese": "China",
    "belarusian": "Belarus",
    "georgian": "Georgia",
    "armenian": "Armenia",
    "azerbaijani": "Azerbaijan",
    "libyan": "Libya",
    "egyptian": "Egypt",
    "congolese": "DR Congo",
    "burkinabe": "Burkina Faso",
    "nigerien": "Niger",
    "chadian": "Chad",
    "cameroonian": "Cameroon",
    "kenyan": "Kenya",
    "german": "Germany",
    "polish": "Poland",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Victims who are members of an armed force or group: casualties among them are combat losses.
COMBATANTS = _words(
    "soldier soldiers troops trooper troopers guerrilla guerrillas subversive subversives "
    "terrorist terrorists rebel rebels extremist extremists militiamen militiaman insurgent "
    "insurgents combatant combatants enemy fighters fighter militants militant kidnappers "
    "traffickers paratroopers marines conscripts servicemen serviceman"
)
# Ranks, and the words that make a generic victim noun military: "army officer", "a corporal".
_RANKS = _words(
    "corporal corporals sergeant sergeants subsergeant subsergeants lieutenant lieutenants "
    "private privates"
)
_MILITARY_MARKS = _words(
    "army military battalion brigade paramilitary navy naval air force defense patrol patrols guard "
    "noncommissioned enemy guerrilla rebel"
)
_GENERIC = _words(
    "officer officers member members personnel men man crew crewmen pilot pilots major captain "
    "colonel commander"
)
_FORMER = _words("retired former ex")
_CIVILIAN_WORDS = _words(
    "civilian civilians peasant peasants villager villagers people persons person woman women "
    "child children man men boy boys girl girls student students"
)


def victim_class(victims: str | None) -> str | None:
    """Whether victims are "combatant" (soldiers, guerrillas...) or "civilian", from their head.

    Args:
        victims: the victims as written ("three soldiers", "union members"), any case.

    Returns:
        "combatant", "civilian" or None when the words do not say (a name, "union members");
        "army members" and "a corporal" are combatants; a named officer ("colonel X", a
        targeted killing) and a "retired colonel" are not.
    """
    if not victims:
        return None
    words = [w for w in victims.lower().replace("-", " ").split() if w.isalpha()]
    if not words:
        return None
    if set(words) & _FORMER:
        return None  # a retired general is not a combatant
    head = words[-1]
    if head in COMBATANTS or head in _RANKS:
        return "combatant"
    if head in _GENERIC and set(words[:-1]) & (_MILITARY_MARKS | _RANKS):
        return "combatant"
    if words in (["officer"], ["officers"]):
        return "combatant"  # an unnamed, unqualified officer is a military one
    if words[-1] in _CIVILIAN_WORDS:
        return "civilian"
    return None


def is_victim_noun(word: str, lemma: str = "") -> bool:
    """Whether a noun (lower case) names people who can be casualties.

    Args:
        word: the noun as written, lower-cased.
        lemma: its lemma, if known.

    Returns:
        True for "civilians", "soldier", "peacekeepers", "others"; False for "hours", "homes".
    """
    if word in _NOT_PEOPLE or lemma in _NOT_PEOPLE:
        return False
    if word in PLURAL_VICTIMS or word in SINGULAR_VICTIMS or lemma in SINGULAR_VICTIMS:
        return True
    return word.endswith(_PERSON_SUFFIXES) and len(word) > 5


def might_be_people(word: str, lemma: str = "") -> bool:
    """Whether a noun that sits next to a casualty cue may name people (not "hours", "homes")."""
    return word not in _NOT_PEOPLE and lemma not in _NOT_PEOPLE and word not in CAUSES
