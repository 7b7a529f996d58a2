"""The words casualty reporting is made of: cues, victims, causes, demonyms, and the phrases
that qualify a figure (negated, hypothetical, future, cumulative, background).

Every casualty word and per-phrase pattern of :mod:`~sitrep.extract.casualties.finding`,
:mod:`~sitrep.extract.casualties.claims` and :mod:`~sitrep.extract.casualties.victims` is here,
each table with the reason it exists; the code reads them. All entries are lower case word forms
(not lemmas) unless said otherwise.
"""

from __future__ import annotations

import re

from sitrep.model import CasualtyKind


def _set_of(text: str) -> set[str]:
    return set(text.split())


# Casualty cue word forms -> the kind of casualty they report (built from the table below).
CUES: dict[str, CasualtyKind] = {}
_KINDS: dict[CasualtyKind, str] = {
    "killed": "killed kill kills killing killings dead died die dies dying death deaths fatalities "
    "fatality assassination assassinations slaying slayings "
    "slain murdered murdering murder murders assassinated assassinate assassinating assassinates "
    "executed massacred slaughtered perished toll body bodies "
    "lifeless drowned beheaded lynched lives martyrs martyred corpses succumbed succumb succumbs "
    "demise",
    "injured": "injured injuring injures injure wounded wounding wounds wound hurt injuries "
    "maimed hospitalized hospitalised hospitalization hospitalisation",
    "missing": "missing unaccounted disappeared",
    # a hostage is a captive an armed party holds: "dozens taken hostage" are captured; so are
    # people kidnapped or abducted (the reporting's kinds have no "kidnapped" of its own)
    "captured": "captured capturing capture captive captives prisoner prisoners pows hostage "
    "hostages kidnapped kidnapping kidnaps kidnap abduct abducted abducting abduction",
    "arrested": "arrested arresting arrests arrest detained detaining detain apprehended jailed "
    "detention",
    "displaced": "displaced displacing displace homeless refugees fled uprooted",
    # "rescued" is no casualty: people saved from rubble or freed hostages are counted by the
    # figure of what befell them (injured, captured), never as evacuees
    "evacuated": "evacuated evacuating evacuate evacuees",
    "casualties": "casualties casualty",
}
for _kind, _forms in _KINDS.items():
    for _w in _forms.split():
        CUES[_w] = _kind

# Cues of two words, keyed by their first: "he passed away", "was gunned down". The pair is the
# cue (``found.cue_word`` reads it), in ``CUES`` as one key of two words.
PHRASE_CUES: dict[str, tuple[str, CasualtyKind]] = {
    "passed": ("away", "killed"),
    "passes": ("away", "killed"),
    "gunned": ("down", "killed"),
    "mowed": ("down", "killed"),
    "starved": ("to", "killed"),  # "300 have starved to death"
    "went": ("missing", "missing"),  # "another 6 people went missing"
    "gone": ("missing", "missing"),
}
for _first, (_second, _kind) in PHRASE_CUES.items():
    CUES[f"{_first} {_second}"] = _kind

# The kinds a figure of "dead and wounded" together stands for: one claim of each, flagged
# ``combined`` (neither kind may count it as its own number).
COMBINED_KINDS: tuple[CasualtyKind, ...] = ("killed", "injured")

# Cue nouns that are also victims: "5 hostages were killed" is about the killing.
DUAL_VICTIMS = _set_of(
    """
    hostages hostage prisoners prisoner pows captives refugees evacuees bodies corpses casualties
    """
)

# Verbs and nouns that free captives: "freed four hostages", "four prisoners were released",
# "the rescue of four captives" count no one captured (freed hostages are no claim).
RELEASE_VERBS = _set_of("free release rescue return swap exchange liberate")
RELEASE_NOUNS = _set_of("rescue release return exchange swap freeing liberation handover")

# Verb forms that take the count as object: "killing 12 people", "wounded three".
TRANSITIVE = _set_of(
    """
    killed kill kills killing wounded wounding injured injuring injures injure murdered
    murdering massacred executed slew maimed maiming assassinated assassinate assassinating
    assassinates slaughtered kidnapped kidnapping abducted abducting arrested
    arresting
    detained detaining captured capturing evacuated evacuating displaced displacing
    wound wounds kidnap abduct arrest detain capture evacuate displace
    """
) | {"gunned down", "mowed down"}
# Words allowed between a cue and a following count: "killed at least", "claimed the lives of".
CUE_FIRST_GAP = _set_of(
    """
    the lives of a total of another an additional further rose risen has have had to at climbed
    jumped increased reached stood stands now is was hit passed topped surpassed reportedly up
    revised been least from varies ranges
    """
)
# Quotation marks right around a quoted figure ('killed "up to 100" people', 'told reporters "under
# 100" Palestinians were killed'): no word between the figure and its cue or victims.
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
# Words before "the lives of N" that keep the lives: "fighting for the lives of 3", "saved the lives"
LIVES_KEPT = frozenset({"for", "save", "saved", "saves", "saving", "risk", "risked", "risking"})
# Words allowed between a count and its cue: "21 people were reportedly killed".
GAP_WORDS = _set_of(
    """
    were was have has had been are is be being reportedly also allegedly later subsequently all
    of them whom the who others other more reported confirmed believed feared said to left found
    lay lie lying lies so far already now who thought presumed listed declared still among those
    her his their its our possibly probably likely known taken
    seriously critically severely gravely lightly slightly moderately badly fatally mortally
    arriving arrived brought
    """
)  # the adverbs of degree: "19 seriously injured were taken to hospital"; how the counted
# reached a hospital: "180 arriving injured", "12 brought dead"
# Dashes that set off an aside between a count and its cue: "22 people in total -- 20 children
# and two teachers -- have been killed"; the walk skips it up to the closing dash.
ASIDE_DASHES = frozenset({"--", "\u2014", "\u2013"})
# Verbs whose victims bear the injury their object names: "one person suffered minor injuries",
# "two soldiers sustained shrapnel wounds", "nine people received injuries".
BEARING_VERBS = frozenset({"suffer", "sustain", "receive"})
# Words that may stand between a bearing verb and its injury noun ("serious shrapnel").
BEARING_GAP_POS = frozenset({"ADJ", "NOUN", "DET", "ADV", "CCONJ", "PUNCT"})

# Words that open an aside between a count and its cue: "21 people, including three children,
# have died"; the walk skips the aside up to its closing comma.
ASIDE_OPENERS = _set_of("including among mostly most many all both incl")
# Pronouns after "N of" that make a share of the figure before: "12 civilians, four of them
# women, were killed" (the aside is skipped on the way to the cue).
SHARE_PRONOUNS = _set_of("them whom")
# Determiners that count two victims without a number: "both soldiers died" is a figure of two.
PAIR_WORDS = _set_of("both")
# Words before a count that make it a part of the count before them ("25 dead, including two
# children, and 31 injured"): never tied to a later cue by the parse; parts.py gives its kind.
PART_OPENERS = _set_of("including incl")
# How many tokens such an aside may span.
ASIDE_MAX = 10
# Prepositions that give the figure a tally's verb of change reaches ("has risen to 53").
TALLY_REACH_PREPS = frozenset({"to"})
# Nouns of a count whose cue is a word of their own phrase ("the number of people killed").
TALLY_NOUNS = frozenset({"number", "count", "tally"})
# Verbs that say a figure updates an earlier one.
UPDATE_VERBS = _set_of(
    """
    rose risen climbed jumped increased raised revised lowered fell dropped cut reduced doubled
    rising climbing
    """
)

# Plural nouns that name people who can be casualties: "12 civilians were killed".
PLURAL_VICTIMS = _set_of(
    """
    people persons civilians children kids women men adults babies infants boys girls soldiers
    troops servicemen servicemembers marines sailors airmen officers policemen police
    policewomen guards fighters militants rebels insurgents guerrillas terrorists subversives
    extremists gunmen attackers assailants militiamen combatants members students teachers
    doctors nurses journalists reporters workers farmers peasants villagers residents passengers
    pilgrims worshippers protesters demonstrators migrants refugees detainees prisoners inmates
    hostages miners employees staff volunteers medics paramedics firefighters officials leaders
    commanders agents patients bystanders shoppers tourists foreigners nationals citizens locals
    policemen troopers conscripts recruits mercenaries jihadists islamists separatists loyalists
    supporters relatives families individuals victims others those priests nuns monks clergy
    judges lawyers politicians candidates councillors councilmen mayors peacekeepers contractors
    crew crewmen drivers pedestrians settlers palestinians israelis ukrainians russians syrians
    afghans iraqis americans soldier's newsmen cameramen fishermen firemen businessmen
    congressmen tribesmen guardsmen workmen
    """
)
# Singular nouns of one victim: "his bodyguard was killed" is a figure of one.
SINGULAR_VICTIMS = _set_of(
    """
    bodyguard escort chauffeur secretary assistant congressman councilman senator magistrate
    prosecutor engineer industrialist rancher landowner manager director owner professor rector
    archbishop bishop missionary seminarian youth companion relative nephew niece cousin
    grandson granddaughter uncle aunt newsman correspondent cameraman editor unionist citizen
    national employee guide watchman sentry inspector detective investigator policeman man woman
    child kid boy girl baby infant toddler teenager person civilian soldier serviceman marine officer
    policeman policewoman guard fighter militant rebel insurgent guerrilla terrorist subversive
    gunman attacker member student teacher doctor nurse journalist reporter photographer worker
    farmer peasant villager resident passenger driver pedestrian protester demonstrator migrant
    refugee prisoner hostage employee volunteer medic paramedic firefighter official leader
    commander agent patient bystander tourist priest nun judge lawyer politician candidate
    councillor mayor governor minister diplomat ambassador businessman trader shopkeeper
    merchant contractor pilot sergeant lieutenant captain colonel general major corporal private
    trooper conscript peacekeeper activist mother father son daughter wife husband brother
    sister
    """
)
# Plurals that adding "s" does not make, for naming one victim's group ("a child" -> children);
# other nouns in "-man" take "-men" by rule.
IRREGULAR_PLURALS = {
    "child": "children",
    "person": "people",
    "wife": "wives",
    "human": "humans",
}
# Groups written as an abbreviation, spelled out so one group has one name ("Ukrainian POWs"
# and "prisoners of war" are the same victims in a tally).
ABBREVIATED_VICTIMS = {
    "pow": "prisoners of war",
    "pows": "prisoners of war",
    "idp": "internally displaced people",
    "idps": "internally displaced people",
}
# Adjectives on a casualty noun that name its victims' group ("32 civilian lives", "the
# civilian death toll"); nationality adjectives are read from the parse (casualties/around.py).
GROUP_ADJECTIVES = {"civilian": "civilians", "military": "soldiers", "child": "children"}
# Cue nouns that count the dead by their remains ("403 bodies of civilians": civilians).
REMAINS_NOUNS = _set_of("bodies corpses")
# Victim nouns a tally counts under one group's name (the groups the record keeps apart:
# children, soldiers, people ...): "two boys", "a toddler" and "minors" are children.
GROUP_SYNONYMS = {
    **dict.fromkeys(
        ["boys", "girls", "kids", "toddlers", "babies", "infants", "minors", "schoolchildren"],
        "children",
    ),
    **dict.fromkeys(
        ["servicemen", "servicemembers", "servicepeople", "troops", "reservists"], "soldiers"
    ),
    **dict.fromkeys(["individuals", "persons"], "people"),
}
# Words of age that a group's name drops ("an 11-year-old boy": one of the children).
AGE_WORDS = re.compile(r"^(?:\d+|[a-z]+)-(?:year|month)s?-old$|^(?:young|little|small|teenage)$")
# Words that make a victim someone's own ("her mother", "their driver"): one person, no group.
POSSESSIVE_DETERMINERS = _set_of("my your his her its our their whose")
# Endings of nouns for people ("peacekeepers", "journalists"), for victims not listed above.
PERSON_SUFFIXES = ("ers", "ists", "ians", "ees", "ants", "ents", "men", "ites")
# Endings of singular nouns for one person ("a minor", "a baker", "the vendor"), for a single
# victim whose noun is not listed above.
SINGULAR_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ee", "ant", "ent", "man", "ite")
# Nouns with those endings that are not people: "for 12 hours", "three apartments".
NOT_PEOPLE = _set_of(
    """
    hours days weeks months years minutes seconds meters metres kilometres kilometers km kms
    bullet bullets gunshot shots miles feet tons tonnes dollars euros percent points homes
    houses buildings vehicles tanks cars trucks aircraft planes helicopters drones missiles
    rockets shells rounds bombs mines times incidents attacks events cases votes seats rooms
    floors apartments settlements documents comments statements moments segments payments
    agreements governments departments elements amendments shipments instruments apartments
    vehicle car truck bus tank plane helicopter drone missile rocket shell bomb mine house
    building home shop store office establishments embassy embassies headquarters ministry
    camps camp encampments encampment shelters shelter tents tent schools school hospitals
    hospital villages village towns town cities city neighbourhoods neighborhoods districts
    fragments fragment pieces
    """
)  # "6 more body fragments were found": parts of bodies are no count of the dead

# Nouns that close a victim noun after "of" as one name: "prisoners of war", "prisoners of
# conscience", "members of parliament".
VICTIM_OF_TAILS = _set_of("war conscience parliament")

# Causes of death, not victims or perpetrators: "the shelling killed 4".
CAUSES = _set_of(
    """
    shelling shell shells strike strikes airstrike airstrikes air-strike bombardment
    bombardments missile missiles rocket rockets drone drones mine mines landmine landmines
    gunfire shooting shootings bombing bombings bomb bombs explosion explosions blast blasts
    attack attacks artillery mortar mortars grenade grenades ambush ambushes clash clashes
    fighting fight battle battles raid raids crossfire barrage fire firefight massacre ied ieds
    explosive explosives shootout assault offensive earthquake flood floods flooding storm
    cyclone crash collision collapse stampede landslide fires wildfire
    """
)

# Adjectives of a side: "Russian soldiers" are the Russian side's losses.
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
    "traffickers paratroopers marines conscripts servicemen serviceman "
    # "two of our comrades were killed": a fighter's fellow fighters
    "comrades comrade"
)
# Ranks, and the words that make a generic victim noun military: "army officer", "a corporal".
RANKS = _words(
    "corporal corporals sergeant sergeants subsergeant subsergeants lieutenant lieutenants "
    "private privates"
)
# Words before a generic noun that make it military: "army officer", "patrol members".
MILITARY_MARKS = _words(
    "army military battalion brigade paramilitary navy naval air force defense patrol patrols guard "
    "noncommissioned enemy guerrilla rebel"
)
# Generic victim nouns, military only with one of the marks above.
GENERIC = _words(
    "officer officers member members personnel men man crew crewmen pilot pilots major majors "
    "captain captains colonel colonels commander commanders"
)
# A retired or former officer is no combatant.
FORMER = _words("retired former ex")
# Heads of civilian victims.
CIVILIAN_WORDS = _words(
    "civilian civilians peasant peasants villager villagers people persons person woman women "
    "child children man men boy boys girl girls student students"
)


# Phrases that make a figure a running total, not one incident: "since February", "so far".
CUMULATIVE = re.compile(
    r"\b(since|so far|in total|total|toll|overall|to date|in all|altogether|thus far|"
    r"cumulative|amount(?:s|ed)? to|history|offensive|campaign|wave of|"
    r"(?:in|over|after|during|throughout) (?:only |just )?(?:the )?(?:past |last |first )?"
    r"(?:nearly |almost |more than |over )?(?:a|one|two|three|four|five|six|several|\d+) "
    r"(?:weeks?|months?|years?|decades?)|(?:a|one|two|three) (?:weeks?|months?|years?) of|"
    r"decades? of|(?:every|per|each|a) (?:year|month|week)|(?:during|throughout) (?:19|20)\d\d|"
    r"(?:a|the|this|civil|\d+-year(?:-long)?|years of|decade-long) war(?! zone)|"
    r"\d+-(?:day|week|month|year)-long|\w+ alone|(?:a|the) (?:list|roll|register) of)\b"
)

# Background told as a reminder: "let us recall that...", "it should be recalled that..."
RECALL = re.compile(
    r"\b(?:let(?: us|'s) (?:recall|not forget|remember)|(?:i|we) (?:will )?remind you|(?:should|must|will) be (?:recalled|remembered)|it is recalled|"
    r"it bears recalling|it is worth recalling|anniversary of)\b"
)

# Verbs that set the story's event after an earlier one, and the subjects that make it the
# story's event: "The attack came a day after Israeli forces killed 64", "It follows a strike
# that killed 12": the earlier event's figures are background (claims._earlier_event).
AFTER_VERBS = _words("come follow")
EVENT_SUBJECTS = _words(
    """attack attacks strike strikes airstrike airstrikes bombing bombings blast blasts explosion
    explosions incident shelling raid assault massacre ambush violence it this"""
)

# Units of "N units ago" after a cue ("who died 10 years ago"), in days: a figure dated that far
# back is background (claims._ago_days).
AGO_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}

# Adverbs that make a wound a death: "fatally wounded", "mortally injured" count as killed.
FATAL = frozenset({"fatally", "mortally", "lethally"})

# The attack that opened the war, told as background in every later report of it: "the
# initial Hamas raid killed 1,200", "the attack that triggered the war", "the war began when".
WAR_ORIGIN = re.compile(
    r"\b(?:(?:initial|original|opening)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:raid|attack|assault|incursion|invasion|offensive|onslaught)"
    r"|(?:sparked|triggered|started|began|ignited|set off|touched off|precipitated)\s+the\s+"
    r"(?:current\s+|ongoing\s+|present\s+)?(?:war|conflict|fighting)"
    r"|the\s+(?:war|conflict)\s+(?:began|started|erupted|broke out)\s+(?:when|after|with))\b",
    re.I,
)

# A year, not a clock time ("at 1620", "1533 GMT", "[1745 hours]")
YEAR = re.compile(
    r"(?<!since )(?<!since early )(?<!at )(?<!about )(?<!approximately )(?<!\[)\b(1[5-9]\d\d|20\d\d)\b"
    r"(?! ?(?:gmt|hours|hrs|local|est|edt|utc)\b)(?! ?[(\[]\d{3,4} ?(?:gmt|utc)\b)"
)

# A day and month without a year ("on 23 January", "May 24", "last February"): dated before
# publication by its own year, or by the year before when it would fall after publication.
MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]

# Month names as a regex alternation, for the date patterns below.
MONTH_RE = "|".join(MONTH_NAMES)

DAY_MONTH = re.compile(
    rf"\b(?:(?:on|of|since) (\d{{1,2}}) ({MONTH_RE})|(?:on|of|since) ({MONTH_RE}) (\d{{1,2}})\b"
    rf"|(?:last|in|since) ({MONTH_RE}))\b(?!,? (?:1[5-9]|20)\d\d)"
)


# Negations in a figure's clause: "no one was killed" is flagged negated.
NEG = {"no", "not", "n't", "never", "none", "nobody", "without", "neither", "nor"}

# Modal and plan words: "could kill 100" is hypothetical.
MODAL = {"could", "would", "might", "may", "threaten", "threatened", "threatens", "threat",
          "risk", "risks", "if", "plot", "plotted", "plan", "planned", "plans", "vowed", "attempt",
          "attempted", "try", "tried", "trying", "feared", "fear", "potentially", "unless"}  # fmt: skip

# Nouns after a cue that make it not an event: "an assassination attempt", "a kill list".
NOT_DONE = {"attempt", "attempts", "plot", "plots", "threat", "threats", "squad", "squads", "list"}

# Verbs (lemmas) that demand a killing rather than report one: "calling for the assassination
# of X", "demanded the execution of two prisoners"; "call" only with "for".
DEMAND_VERBS = frozenset({"call", "demand", "urge", "advocate", "seek"})

# Plan words, hypothetical only when the cue is a verb ("a plot killed 3" happened).
PLANS = {"plot", "plotted", "plan", "planned", "plans"}

# Time nouns as a subject do not kill: "a week of shelling which killed" is the shelling's.
TIME_NOUNS = {"week", "day", "month", "year", "hour", "night", "weekend", "period", "time", "date"}

# What displaces or kills without being anyone: a state of affairs is no perpetrator
# ("displaced by the ongoing conflict", "the war has killed thousands").
NOT_ACTORS = {"conflict", "war", "violence", "fighting", "hostilities", "unrest", "crisis",
              "situation", "chaos", "insecurity"}  # fmt: skip

# Day words as possessives are not victims: "Monday's attack killed 5".
DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "yesterday", "tonight", "week", "month", "year"}  # fmt: skip

# Future markers before a base verb: "will kill" is flagged future.
FUTURE = {"will", "'ll", "shall", "going", "expected", "set", "due"}

# Cue nouns whose victims follow "of": "the deaths of three soldiers".
OF_NOUNS = {"death", "deaths", "murder", "murders", "killing", "killings", "assassination",
            "assassinations", "slaying", "slayings", "kidnapping", "abduction", "arrest",
            "execution", "wounding", "body"}  # fmt: skip

# Pronouns of one victim: "he was shot dead" is a figure of one.
SINGLE = {"he", "she", "him", "her"}

# Verbs that kill with "to death": "beaten to death" is a killing.
TO_DEATH = {"shoot", "stab", "beat", "hack", "burn", "club", "torture", "stone", "shot"}

# Words before "toll" that give its kind: "the injury toll", "the casualty toll".
TOLL_KINDS = frozenset({"injury", "casualty"})

# Singular cue nouns that take no number before them (only "deaths", "killings" count so).
EVENT_NOUNS = frozenset({"death", "killing", "murder", "slaying"})

# Cue nouns before "of" and the number: "the deaths of 12 people", "the abduction of three".
VICTIM_OF_NOUNS = frozenset(
    {
        "deaths",
        "death",
        "demise",
        "killing",
        "murder",
        "slaying",
        "kidnapping",
        "abduction",
        "injury",
        "arrest",  # "the arrest of two suspects", "the detention of 11 people"
        "detention",
        "capture",
        "hospitalisation",  # "announced the hospitalisation of 115 people"
        "hospitalization",
    }
)
# Cue nouns before "to" and the number: "caused injuries to 289 others".
VICTIM_TO_NOUNS = frozenset({"injuries", "injury"})
# The kinds of the nouns above that are no cue alone ("lost 7 players to injury" counts no
# one; "the injury of 21 others" counts the injured).
VICTIM_OF_KINDS: dict[str, CasualtyKind] = {"injury": "injured"}

# "Dead" after these verbs is the cue's verb: "shot dead a girl", "were found dead", "struck dead".
DEAD_AFTER_VERBS = frozenset({"shoot", "stab", "beat", "hack", "find", "leave", "strike"})

# Passive verbs of report whose subject is the victim of the state they report: "a child was
# reported wounded", "a woman is feared dead", "a soldier was confirmed killed".
REPORTED_STATE_VERBS = frozenset({"report", "confirm", "believe", "fear", "presume", "declare"})

# Verbs of violence whose object is the victim: "shot two men dead", "stabbed three".
WOUNDING_VERBS = frozenset({"shoot", "stab", "beat", "hack"})

# Forms of "die", whose subject is the victim: "three soldiers died".
# Object pronouns that stand for one victim named earlier ("wounding her", "killed him").
OBJECT_PRONOUNS = frozenset({"him", "her"})

DIE_FORMS = frozenset(
    {"died", "die", "dies", "succumbed", "succumb", "succumbs", "passed away", "passes away"}
)

# Prepositions before a cause or perpetrator: "killed by shelling", "died in a blast".
CAUSE_PREPOSITIONS = frozenset({"by", "in", "from", "during", "after", "amid", "when"})

# Words that make an update a revision down: "the toll was lowered to 12".
DOWNWARD_WORDS = frozenset({"down", "lowered", "fell", "dropped", "cut", "reduced"})
