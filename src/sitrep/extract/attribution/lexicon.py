"""Every cue verb, stance word and source word of attribution, claims and quotes, in one file.

:mod:`~sitrep.extract.attribution.cues`, :mod:`~sitrep.extract.attribution.claims` and
:mod:`~sitrep.extract.attribution.quotes` read these tables and hold no word lists of their own.
Each table says in a comment why it is there.
"""

from __future__ import annotations

import re

from sitrep.model import Stance

# Lemma of a speech or report verb -> the stance it conveys.
CUE_STANCE: dict[str, Stance] = {
    "say": "reports",
    "tell": "reports",
    "report": "reports",
    "state": "reports",
    "announce": "reports",
    "add": "reports",
    "write": "reports",
    "post": "reports",
    "tweet": "reports",
    "estimate": "reports",
    "count": "reports",
    "record": "reports",
    "put": "reports",
    "inform": "reports",
    "indicate": "reports",
    "show": "reports",
    "note": "reports",
    "explain": "reports",
    "clarify": "reports",  # "he later clarified that eight had died": an update told
    "specify": "reports",
    "warn": "reports",  # "he warned that 98 are still in hospital"
    "stress": "reports",
    "mention": "reports",
    "emphasize": "reports",
    "emphasise": "reports",
    "quote": "reports",
    "cite": "reports",
    "claim": "claims",
    "allege": "claims",
    "insist": "claims",
    "assert": "claims",
    "accuse": "claims",
    "blame": "claims",
    "maintain": "claims",
    "confirm": "confirms",
    "verify": "confirms",
    "acknowledge": "confirms",
    "admit": "confirms",
    "deny": "denies",
    "reject": "disputes",
    "dispute": "disputes",
    "contest": "disputes",
    "question": "disputes",
    "dismiss": "disputes",
}

# Heads of an unnamed source: "officials said" is an anonymous attribution.
ANONYMOUS = {"source", "sources", "official", "officials", "witness", "witnesses", "resident"}

# Hearsay adverbs: a relative clause they mark ("an attack that reportedly killed 53") is
# the writer's aside from unnamed reports, not the content of the sentence's speech verb.
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "reputedly"})

# A source that is only a pronoun refers back to someone named earlier.
# Object forms come after a preposition: "according to him", "as told by them" (not "us",
# which is also "the US").
REFERRING_PRONOUNS = {
    *("he", "she", "they", "it", "we", "i", "who", "which", "this", "that"),
    *("him", "her", "them", "me"),  # not "us": "the US"
}

# Claim verbs: the cue verbs above and the verbs that only take a stance on a claim.
STANCES: dict[str, Stance] = {
    **CUE_STANCE,
    "refute": "denies",
    "rebut": "denies",
    "boast": "claims",
    "contend": "claims",
    "corroborate": "confirms",
    "doubt": "disputes",
    "challenge": "disputes",
    "contradict": "disputes",
}

# Verbs in CUE_STANCE that need a clause or a quoted object to be a claim, not an action.
NEEDS_CLAUSE = frozenset({"count", "record", "put", "show", "quote", "cite", "post", "blame"})

# Objects that make a verb's object the claim itself: "denied the allegation".
ACCUSATION = frozenset({"accusation", "allegation", "charge", "claim", "suggestion", "report"})

# Objects of "claimed"/"reported" that make it no statement: "claimed the lives of".
NOT_CLAIM_OBJECTS = frozenset({"life", "victim", "toll", "seat", "title", "prize", "land"})
# ... nor of a figure, though a stance: "IS claimed responsibility for the attack that killed
# 40" claims the deed, not the 40 (governs.py)
DEED_OBJECTS = frozenset({"responsibility", "credit"})

# Relative pronouns: the source of "officials, who said" is the officials.
RELATIVE = frozenset({"who", "which", "that"})

# Words before an outlet's own name: "Syria's state news agency SANA" is SANA.
OUTLET_TAILS = (("news", "agency"), ("newspaper",), ("news", "outlet"), ("broadcaster",))

# Stems of harm: a claim about them can contradict a casualty figure.
HARM_WORDS = frozenset(
    [
        "target",
        "kill",
        "attack",
        "shell",
        "bomb",
        "strike",
        "hit",
        "murder",
        "execute",
        "injure",
        "wound",
        "shoot",
        "massacre",
        "death",
        "dead",
        "casualty",
        "fire",
        "harm",
    ]
)

# Forms of harm the stemming above misses.
IRREGULAR_HARM = frozenset({"struck", "shot", "killings", "attacks"})

# Names that stand for a country's government beyond its name and capital.
METONYMS: dict[str, str] = {
    "kremlin": "RU",
    "white house": "US",
    "pentagon": "US",
    "washington": "US",
    "downing street": "GB",
    "whitehall": "GB",
    "kiev": "UA",
    "elysee": "FR",
}

# Lemmas of verbs that introduce reported speech.
CUE_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "warn",
        "lament",
        "write",
        "tweet",
        "post",
        "explain",
        "insist",
        "stress",
        "declare",
        "announce",
        "note",
        "ask",
        "reply",
        "respond",
        "continue",
        "argue",
        "claim",
        "urge",
        "recall",
        "remark",
        "observe",
        "acknowledge",
        "admit",
        "concede",
        "complain",
        "joke",
        "quip",
        "shout",
        "cry",
        "scream",
        "yell",
        "whisper",
        "plead",
        "vow",
        "promise",
        "predict",
        "suggest",
        "conclude",
        "confirm",
        "deny",
        "boast",
        "report",
        "state",
        "comment",
        "emphasise",
        "emphasize",
        "reiterate",
        "caution",
        "allege",
        "charge",
        "counter",
        "fume",
        "sigh",
        "muse",
        "describe",
        "estimate",
        "inform",
        "testify",
        "assert",
        "maintain",
        "contend",
        "proclaim",
        "lament",
        "mutter",
        "exclaim",
        "demand",
        "affirm",
        "chant",
        # statements that set a figure right: "he later clarified that there were eight deaths"
        "clarify",
        "specify",
        "update",
        # manner of speaking: '"We're covered in blood," wailed a mother' reports speech
        "wail",
        "whine",
        "sob",
        "moan",
        "groan",
        "gasp",
        "murmur",
        "stammer",
    ]
)

# Verbs of relaying another's words: in "AP quoted X as saying" the object X is the speaker.
QUOTING_VERBS = frozenset({"quote", "cite"})

# Finite forms the small tagger sometimes mislabels; they are always cues in news copy.
CUE_FORMS = frozenset({"said", "says", "told", "tells", "added", "adds", "wrote", "tweeted"})

# Pronouns: a pronoun subject of a speech verb names no new speaker ("she said" refers back).
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})

# Pronouns that stand for a person: "he said" after a quote is the last person named.
PERSON_PRONOUNS = frozenset({"he", "she"})

# Titles and roles before a name: "Defence Minister Oleksii Reznikov" is not all name.
TITLE_WORDS = frozenset(
    [
        "president",
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "mayor",
        "governor",
        "general",
        "commander",
        "chief",
        "head",
        "leader",
        "ambassador",
        "chancellor",
        "premier",
        "prime",
        "deputy",
        "senator",
        "governor",
        "colonel",
        "major",
        "lieutenant",
        "captain",
        "sergeant",
        "admiral",
        "marshal",
        "envoy",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "king",
        "queen",
        "prince",
        "pope",
        "patriarch",
        "speaker",
        "lawmaker",
        "mp",
        "adviser",
        "advisor",
        "official",
        "representative",
        "prosecutor",
        "judge",
        "justice",
        "dr",
        "mr",
        "mrs",
        "ms",
        # abbreviated ranks and offices ("Lt. Gen.", "Col.", "Sen."), tokenised with or without
        # their full stop
        "lt",
        "lt.",
        "gen",
        "gen.",
        "col",
        "col.",
        "maj",
        "maj.",
        "capt",
        "capt.",
        "sgt",
        "sgt.",
        "brig",
        "brig.",
        "adm",
        "adm.",
        "cmdr",
        "cmdr.",
        "sen",
        "sen.",
        "rep",
        "rep.",
        "gov",
        "gov.",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
    ]
)

# Prepositions that end a speaker's noun phrase: "the head of ..." goes no further.
STOP_PREPS = frozenset({"of", "for", "at", "with"})

# Words that attribute like "according to": "citing officials", "per the ministry".
ACCORDING_TO_WORDS = frozenset({"citing", "per"})
# Cues that name where the writer read a figure ("..., as per CNN"): after the figure, they give
# way to an "according to X" before it, X being whom that outlet reported.
RELAY_CUES = frozenset({"per"})

# Participles before "by" that attribute: "as reported by Reuters", "stated by the army".
REPORTED_BY_VERBS = frozenset({"report", "say", "announce", "state", "confirm"})

# Verbs whose object may be the claim itself: "rejected the allegation" denies it.
REJECTION_VERBS = frozenset({"reject", "dismiss"})


def word_set(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list, as a set (for word tables)."""
    return frozenset(text.split())


# Heads of phrases that name an institution ("the ministry", "Gaza's Health Ministry").
ORGANISATION_WORDS = word_set(
    """ministry ministries service agency government police army military office council
    administration authority committee commission organisation organization department court
    command forces force guard guards militia group movement party un mission project
    institute centre center unit network union federation bureau directorate prosecutor
    prosecutors hospital hospitals coalition alliance observatory monitor monitors newspaper
    channel broadcaster outlet television radio station red cross crescent kremlin pentagon
    headquarters staff team cabinet parliament assembly presidency embassy"""
)
# Heads of phrases that name unnamed people collectively ("officials", "witnesses").
GROUP_WORDS = word_set(
    """officials authorities sources source witnesses witness residents resident medics doctors
    rescuers volunteers activists spokesman spokeswoman spokesperson official observers
    analysts experts investigators"""
)
# Heads that count victims: never a source ("All civilians," X wrote).
VICTIM_HEADS = word_set(
    """civilians civilian victims victim dead wounded injured casualties bodies body killed
    children child women men babies infants toddlers fatalities deaths"""
)
# What a count of victims opens with ("a number of others", "dozens of POWs") and the heads
# it counts beyond ``VICTIM_HEADS``: such a phrase is a figure, never a source.
NUMBER_WORDS = word_set("one two three four five six seven eight nine ten eleven twelve dozens")
COUNT_OPENERS = frozenset(
    {"a number", "number of", "dozens of", "hundreds of", "scores of", "thousands of", "at least"}
)
COUNTED_HEADS = word_set("others fatality pows prisoners hostages")
# States a report verb may put its subject in ("40 people reported missing", "three were
# reported dead"): the subject is who was reported, not who reports.
REPORTED_STATES = word_set("missing dead killed injured wounded hurt alive safe captured")
# Words that may stand before the number of a count ("Another 40 people", "some 30 civilians").
COUNT_QUANTIFIERS = word_set("another some about around nearly almost over roughly approximately")
# Pronouns a source phrase may be (resolved later by coref): "he said", "who said".
SPEAKER_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "who", "him", "her", "them", "me"}
)
# Singular heads of one unnamed person who speaks ("an administration spokesman", "the
# ministry's emergency service chief"): a person, whatever body the words before name, and
# whom a later "he said" may mean.
PERSON_HEADS = word_set(
    """spokesman spokeswoman spokesperson governor mayor chief commander official officer
    witness resident doctor medic nurse survivor paramedic rescuer volunteer activist
    director minister prosecutor"""
)
# People who speak for themselves, not for an office ("Stefan Slovak, a resident of
# Kostiantynivka", "survivor Danjuma Salisu"): a reporter's own interviews, which no other
# outlet has unless it copied that reporter's story (reconcile/witnesses.py).
PRIVATE_ROLES = word_set(
    """resident residents witness eyewitness survivor neighbour neighbor villager relative
    mother father son daughter wife husband brother sister grandmother grandfather uncle aunt
    cousin shopkeeper vendor trader farmer student driver refugee mourner passer-by"""
)
# Titles and roles before a name or in an apposition ("Mayor Anatoly Fedoruk", "Lt. Gen.").
ROLE_WORDS = word_set(
    """president minister governor mayor spokesman spokeswoman spokesperson head chief director
    commander general colonel major captain lieutenant secretary prime deputy ambassador envoy
    chairman chairwoman chair official officer adviser advisor prosecutor judge king queen
    prince sheikh emir senator representative rep. sen. gen. col. lt. dr. mr. mrs. ms.
    leader premier chancellor coordinator aide"""
)
# Prepositions by which a role noun names whom it serves ("an adviser to the president", "the
# envoy to the UN"): a speaker phrase grows over them only after a role noun.
ROLE_PREPS = frozenset({"to"})
# Prepositions of a relation to a titled person ("an adviser to President X", "a spokesman for
# Minister Y", "the wife of President Z"): the phrase names the adviser, not X.
RELATION_PREPS = frozenset({"to", "for", "of"})
# Lemmas of cue verbs whose subject is a source (union of the claim and quote cues).
SOURCE_CUES = word_set(
    """say tell report state announce add write post tweet estimate count record confirm
    claim allege insist assert deny reject dispute explain note warn declare stress
    acknowledge admit reveal update publish cite quote clarify specify share"""
)
# Openings of a sentence that goes on with the figure before it ("Of these, 16 died in the
# house", "Among the dead ...", "As noted, 38 were hospitalized"): its source carries over a
# paragraph break.
CONTINUING = re.compile(
    r"^\W*(?:of (?:these|those|them|whom)|among(?:st)? (?:them|these|those|the (?:dead|killed|"
    r"injured|wounded|victims))|as (?:noted|mentioned|reported))\b",
    re.I,
)
# Heads that cause or hold a figure, never say it ("the conflict has claimed 20,000 lives").
NOT_AGENTS = word_set(
    """toll conflict attack attacks strike strikes war fighting bombing blast explosion
    excerpt excerpts massacre violence shelling fire assault raid bodies death deaths
    rocket rockets missile missiles drone drones shell shells bomb bombs airstrike airstrikes"""
)
# What is known rather than who knows it: "according to preliminary data, ..., said the
# governor" is the governor's; alone, the data stay the source, as written.
DATA_NOUNS = word_set("data information figures estimates statistics findings")
# Verbs that put someone's words in a short quotation inside the reporter's sentence ("X called
# the statement \"offensive\"", "described the field as \"all very good\"").
WORDING_VERBS = (
    word_set(
        """call describe label brand term dub refer characterize characterise deride praise
        pledge vow promise accuse say tell warn urge demand insist declare add write tweet post
        ask yell shout decry bemoan argue denounce answer reply slam blast condemn criticize
        criticise hail mock dismiss reject deny admit acknowledge suggest question predict
        complain lament joke quip"""
    )
    | CUE_LEMMAS
)

# Verbs by which a body issues a toll, document or finding ("a statement issued by X", "a toll
# announced by Y"): X is who says it; "an assessment provided to AFP by a source" or "a report
# seen by Reuters" names who passed it on or read it, not its author.
ISSUING_VERBS = word_set(
    """issue release publish announce post sign write compile prepare make give put draw
    produce conduct"""
)
# Coreference (coref.py). Nouns that stand for what the last source issued ("the statement
# said"), not for a new source.
ISSUED_DOCUMENTS = frozenset(
    {"statement", "report", "post", "message", "update", "release", "communique", "quote"}
    | {"document", "letter", "memo", "bulletin", "assessment"}  # issued papers, said to "say"
)
# Descriptions that fit any organisation, named with that word or not ("the group said").
GENERIC_BODIES = frozenset(
    {"group", "organisation", "organization", "movement", "militia", "collective", "body"}
)
# Descriptions that fit any person holding an office, named with that word or not ("the
# official said" after "the head of the regional administration, Oleksandr Starukh").
GENERIC_OFFICIALS = frozenset({"official"})
# Verbs that name what they speak of with a quoted word or two: 'described the scene as "hell on
# earth"', 'called the strike "barbaric"' (a quoted fragment the speaker's own words).
NAMING_VERBS = word_set("describe call label brand term characterise characterize denounce decry")
# What a cue verb reports when it points back at the sentence before ("This was reported by X").
ANAPHORIC_CONTENT = frozenset({"this", "that", "it"})
# Nouns that, with "the", "this" or "these", point back the same way ("X shared the update on
# Telegram", "The information was confirmed by X", "X gave these figures").
ANAPHORIC_NOUNS = word_set("update information news data figure number toll")
ANAPHORIC_DETERMINERS = frozenset({"the", "this", "these", "that", "those"})
# Platforms a statement is posted on ("the fire service on Facebook"): never part of a source's name.
CHANNELS = frozenset(
    {"facebook", "telegram", "twitter", "x", "instagram", "youtube", "viber", "whatsapp", "tiktok"}
)

# Claim sources (governs.py). Verbs of finding that report what their subject established,
# but only with a clause ("found that ...", "found evidence that ...", "suggests X left 600",
# "he revealed that nine were killed"; not "a glance at X reveals a pedigree").
FINDING_VERBS = word_set("find conclude establish determine suggest reveal")
# Verbs of seeing that make an on-the-spot observer the source of what was seen.
PERCEPTION_VERBS = word_set("see witness count")
# Observers whose perception is a report ("AFP correspondents saw dozens of bodies").
OBSERVERS = word_set(
    """correspondent correspondents reporter reporters journalist journalists witness
    witnesses eyewitness eyewitnesses photographer photographers"""
)
# Heads that are a finding, not a finder: a source only with the one who found it named
# ("AP evidence", "estimates from the UN"); bare ("evidence shows") they are no source.
EVIDENCE_NOUNS = word_set(
    """evidence estimate estimates investigation analysis data figures findings footage
    images photos"""
)
# Verbs that only relay what evidence or an observer showed: a speech verb above them is the
# source ("X reported that rescuers found 7 dead", "X says its investigation shows 600 died").
EVIDENTIAL_VERBS = FINDING_VERBS | PERCEPTION_VERBS | word_set("show indicate")
# Verbs of saying outside CUE_STANCE that state a claim source's figure (claim sources only, so
# quotes and stance claims keep their cues): "X specified that ...", "with officials stressing
# ...". Not "condemn": condemning a killing is a verdict on it, not a count of it.
STATEMENT_VERBS = word_set("specify stress describe")
# Light verbs that state with a report noun and its clause ("X gave initial reports that 23
# were killed", "issued a statement saying ...", "provided an update that ...").
LIGHT_VERBS = word_set("give issue make provide release publish")
REPORT_NOUNS = word_set("report statement update account estimate figure briefing")
# Verbs whose passive with a dummy "it" reports without a reporter ("It was reported that 260
# were killed", "it is feared that ..."): such a figure takes no source from its neighbours.
IMPERSONAL_CUES = word_set("report say state claim allege believe understand fear estimate think")
# Prepositions of the document that states "this" ("This is stated in the report of X").
STATED_IN = frozenset({"in"})

# Words that open a place or time adjunct, not a source, after a dash: "four — at the camp" is a
# part of a figure with its verb left out ("16 died in the house, four — at the camp").
ADJUNCT_OPENERS = word_set("at in on near inside outside from into within during after before")

# What a page tags its headline with after a dash ("... 12 killed – photos", "- video, live
# updates"): the kind of page, never a source.
MEDIA_TAGS = word_set(
    """photo photos video videos live update updates map maps infographic gallery watch
    explainer analysis opinion pictures footage and latest explained what we know timeline
    recap report reports"""
)
# Words of a byline or desk credit ("By The Newsroom", "NYM Desk", "Reuters Staff"): the
# writer of the page, never the source of its figures.
BYLINE_WORDS = word_set(
    """by desk newsroom staff correspondent correspondents reporter reporters editor editors
    editorial writer contributor agencies wires"""
)
# Openers of a sentence that adds to the report before it ("In addition, 300 were injured, X
# reports."): a source named at its end states the sentence before as well.
ADDITIVE_OPENERS = re.compile(
    r"^\s*(?:in addition|additionally|also|besides|moreover|furthermore|as well)\b,?", re.I
)
