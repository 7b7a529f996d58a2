"""The phrases of sub-counts and of figures told without a cue word, read by
:mod:`~sitrep.extract.casualties.parts`: the part of :mod:`~sitrep.extract.casualties.lexicon`
that holds whole-phrase patterns (kept apart so that each file stays under 600 lines). Each
pattern has its reason beside it; the code reads them.
"""

from __future__ import annotations

import re

from sitrep.extract.casualties.lexicon import COMBATANTS, PLURAL_VICTIMS

# Sub-counts of a total and tolls far from their number (parts.py): the phrases that mark
# them, each pattern with the reason beside it.
PART_VICTIM = (
    r"(?:children|child|minors|minor|kids|women|woman|men|man|babies|baby|infants?|toddlers?|"
    r"teenagers?|teens?|adolescents?|adults?|elderly|boys?|girls?|females?|males?|soldiers?|"
    r"servicemen|troops|"
    r"civilians?|foreigners?|foreign nationals|medics?|doctors?|nurses?|paramedics?|rescuers?|"
    r"firefighters?|journalists?|reporters?|police(?:men| officers)?|officers?|students?|"
    r"pupils?|staff(?: members)?|(?:aid |humanitarian )?workers?|employees?|volunteers?|"
    r"refugees?|prisoners?|pensioners?|residents?|relatives|family members|people|persons?|"
    r"individuals|visitors?|guests?|customers?|shoppers?|passengers?|patients?|personnel|"
    # and every plural victim noun of the table above ("villagers", "miners", "pilgrims"), but
    # "others" and "those", which name no victims of their own
    + "|".join(
        sorted(
            (w for w in PLURAL_VICTIMS - {"others", "those"} if w.isalpha()), key=len, reverse=True
        )
    )
    + ")"
)
# One victim named without a number ("a child", "one paramedic"), for the ONE_* patterns below
ONE_VICTIM = (
    r"(?P<vic>child|toddler|baby|infant|boy|girl|teenager|woman|man|minor|journalist|medic|"
    r"paramedic|doctor|nurse|rescuer|firefighter|soldier|police officer|policeman|foreigner)"
)
# Groups of the harmed a sub-count is said to be among or in: "among the dead", "the injured"
PART_GROUP = r"(?P<grp>dead|deceased|killed|victims|fatalities|injured|wounded)"
# "in a critical condition", "in the most critical state", "in a stable condition": a state
# of the injured, by the words for it (the grave ones make a part of the injured)
_IN_CONDITION = r"in (?:a |the )?(?:most |very |extremely )?(?:{}) (?:condition|state)"
_GRAVE_CONDITION = _IN_CONDITION.format("critical|serious|grave|severe")
_ANY_CONDITION = _IN_CONDITION.format("critical|serious|grave|severe|moderate|stable|satisfactory")
PART_STATE = (
    rf"(?P<state>{_GRAVE_CONDITION}|critically (?:injured|"
    r"wounded|ill)|seriously (?:injured|wounded|hurt)|hospitali[sz]ed|in hospital|in (?:the )?"
    r"intensive care)"
)
BEFORE_PART = re.compile(
    r"(?:\b(?:including|includ(?:es|ed)|among them|among whom|of whom|of them|amongst them|"
    r"among those|of these|of those|of the \d[\d,]*)"
    r"|\(|:)[^.;:()]{0,60}?(?:,|\band\b)?\s*$",
    re.I,
)
# The victim noun after a sub-count's number, over up to two words, or four that name them more
# closely ("including 4 international World Central Kitchen aid workers"), but then never over
# another number or a word that starts another phrase ("including 4 in Kharkiv and 3 children")
AFTER_VICTIM = re.compile(
    r"^\s+(?:(?:[\w-]+\s+){0,2}?|(?:(?!(?:and|or|in|at|on|from|to|with|by)\b)[^\W\d][\w-]*\s+)"
    rf"{{3,4}}?)(?P<vic>{PART_VICTIM})\b",
    re.I,
)
OF_THEM = re.compile(
    r"^\s+of (?:them|whom|those|the victims|the dead|the injured|the wounded|the casualties)"
    r"(?:\s*,)?\s+(?:are|were|was|is|have been|has been|had been|remain|remained)?\s*"
    rf"(?:(?P<vic>{PART_VICTIM})\b|{PART_STATE}|(?P<kill>killed|dead|died)|(?P<hurt>injured|wounded)|"
    r"(?P<bad>seriously|critically|severely|gravely)\b)",
    re.I,
)
AMONG = re.compile(
    rf"^\s+(?:[\w-]+\s+){{0,2}}?(?P<vic>{PART_VICTIM})\s+(?:(?:from|of|in)\s+(?:[\w-]+\s+){{1,3}}?)?"
    r"(?:(?:were|are|was|is)\s+(?:also\s+)?among\s+"
    # a headline drops the copula and the article ("Two children among 7 killed")
    r"(?:the\s+|those\s+)?|among\s+)(?:(?:at least |more than )?[\d,]+\s+|\w+\s+(?=people|killed|dead))?"
    r"(?:people\s+)?(?P<grp>dead|killed|victims|fatalities|injured|wounded)",
    re.I,
)
IN_STATE = re.compile(
    rf"^\s+(?:(?P<vic>{PART_VICTIM})\s+)?(?:are|were|remain|remained|have been|has been|had been)\s+"
    rf"(?:still\s+)?{PART_STATE}",
    re.I,
)
FAR_TOLL = re.compile(
    r"\b(?:(?P<toll>death|casualty|fatality) (?:toll|count)|(?:the|an?|earlier|new|latest|"
    r"official|overall) toll|(?-i:[A-Z][\w-]+)(?:'s|’s)? toll|number of (?:[\w-]+ ){0,2}?(?:(?:who|"
    r"that) (?:(?:have|has|had) )?(?:been )?)?(?P<what>killed|dead|died|deaths|victims|fatalities|"
    r"martyrs|injured|wounded|casualties))\b"
    r"(?:[^.;:!?]{0,140}?\b(?:rose|risen|rises|rising|increased|increases|climbed|climbs|jumped|"
    r"grew|grown|reached|reaches|reach|hit|hits|stands|stood|now|is|was|has|had|mounted|mounts|"
    r"raised|revised|updated|topped|tops|top|surpassed|surpasses|passed|exceeded|exceeds)\b"
    r"(?:\s+(?:now|already|further|sharply|again|been))*"
    r"(?:\s+(?:up\s+)?(?:to|at|from)(?:\s+(?:at least|more than|over|nearly|about|around|(?:an?\s+)?"
    r"(?:initially|earlier|previously|originally)\s+(?:reported|announced|stated)))?)?"
    r"|[^.;:!?]{0,140}?\b(?:to|at|be)|\s+of|[^.;:!?]{0,100}?\bto\s+\d[\d,]*,?\s+and\s+to)\s*$",
    re.I,
)
# A figure of the injured stated by its condition or by the care it sought, with no cue word:
# "5 people are in critical condition", "91 people have sought medical treatment"
HURT_STATE = re.compile(
    rf"^\s+(?:(?:more\s+)?(?:others?|other people|{PART_VICTIM})"
    # "12 adults and two children are in intensive care": the first of two counts
    rf"(?:\s+and\s+(?:\d[\d,]*|[a-z]+)\s+{PART_VICTIM})?\s+|more\s+"
    r"|of (?:the|these|those) (?:(?:rescued|injured|wounded|hospitali[sz]ed)\s+"
    rf"(?:{PART_VICTIM}\s+)?|{PART_VICTIM}\s+))?(?:are|were|remain|"
    r"remained|have been|"
    rf"has been|had been|have|has|had)?\s*(?:still\s+)?(?:{_ANY_CONDITION}"
    r"|in (?:(?:the|local|city|[\w-]+) )?"
    r"hospitals?(?! (?:were |was |are |is )?(?:killed|died|dead))|hospitali[sz]ed|in (?:the )?intensive care|(?:receiving|undergoing) (?:inpatient"
    r" |medical )?treatment|(?:sought|needed|required) (?:medical )?(?:help|treatment|care|assistance)|applied for "
    r"(?:medical )?(?:help|treatment|care)|appealed for (?:medical )?help|being treated|received (?:medical |first )?"
    r"(?:help|treatment|care|assistance|aid))\b",
    re.I,
)
# "forced 400,000 people to flee", "400,000 have fled"
FLED_AFTER = re.compile(
    rf"^\s+(?:(?:{PART_VICTIM}|others)\s+)?(?:(?:have|has|had)\s+)?(?:fled|been displaced|"
    r"were displaced|displaced)\b",
    re.I,
)
# "280 people have already been buried in mass graves", "buried 280 people": the dead
BURIED_AFTER = re.compile(
    r"^\s+(?:(?:people|civilians|bodies|corpses|victims|residents)\b\s*)?(?:,[^,.;]{1,40},\s*)?"
    r"(?:have |had |were |are )?"
    r"(?:already |now )?(?:been )?buried\b",
    re.I,
)
BURIED_BEFORE = re.compile(r"\b(?:buried|burying|exhumed)(?:\s+(?:already|so far))?\s*$", re.I)
# "who lost four relatives": a figure of the dead told as a family's loss; only kin, so that
# "lost 20 jobs" or "lost three matches" never count.
LOST_BEFORE = re.compile(
    r"\b(?:lost|loses|losing|lose)\s+(?:at least\s+|more than\s+|over\s+|another\s+)?$", re.I
)
# "lost 13 relatives", "having lost 18 residents", "we have lost 86 persons": people lost are dead
LOST_KIN = re.compile(
    r"^\s+(?P<vic>(?:(?:close |immediate )?(?:relatives|family members|loved ones|sons|daughters|"
    r"children|brothers|sisters|grandchildren|members of (?:my|our|his|her|their|the) "
    r"(?:immediate |extended )?family|people|persons|residents|civilians|soldiers|servicemen|"
    r"colleagues|comrades)))\b",
    re.I,
)
# "At least 39 people remain unaccounted for", "17 are currently missing", "five civilians are
# considered missing", "two more people may be under the rubble" (buried, not yet found)
MISSING_AFTER = re.compile(
    rf"^\s+(?:(?:more|other|others|[a-z-]+(?=\s+{PART_VICTIM}\b)|{PART_VICTIM})\s+){{0,2}}"
    r"(?:(?:(?:may|might|could|would)"
    r"(?: still)? )?(?:remain|remained|are|were|is|was|have been|has been|had been|be)\s+)?(?:(?:still|"
    r"currently|now|officially|reportedly|also)\s+)?(?:(?:considered|listed as|reported|declared|"
    r"registered as|believed|presumed|trapped|stuck|buried|believed to (?:still )?be(?: trapped)?)"
    r"\s+)?(?:(?:still\s+)?(?:trapped\s+)?)?(?:unaccounted for|missing|under (?:the )?(?:rubble|"
    r"debris|ruins)|trapped)\b",
    re.I,
)
# "the fate of six people remains unknown": the missing
FATE_BEFORE = re.compile(
    r"\bfate of(?:\s+(?:another|the|some|at least|more than|about|around|nearly))?\s*$", re.I
)
FATE_UNKNOWN = re.compile(
    rf"^\s+(?:(?:more|other|{PART_VICTIM})\s+){{0,2}}(?:(?:of|in|from) (?:the |this |that )?"
    r"[\w-]+\s+)?(?:is|are|remains?|remained)\s+(?:still\s+)?unknown",
    re.I,
)
# "doctors are fighting for the lives of 3 people": the injured in a critical state
LIVES_FOUGHT_FOR = re.compile(r"\bfight(?:ing|s)? for (?:the |their )?lives of\s*$", re.I)
# Adverbs between a count and "lost their lives" ("two people also lost their lives"), as
# regular-expression alternatives.
LIVES_LOST_ADVERBS = "reportedly|also|tragically|later|subsequently|since|already|allegedly"
# "seven people lost their lives", "one soldier lost his life": the dead (not "life savings"),
# an aside on who they were between ("26 people, including 16 police officers, lost their lives")
LIVES_LOST = re.compile(
    rf"^\s+(?:(?:more|other|{PART_VICTIM})(?:\s+|(?=,))){{0,2}}"
    r"(?:,\s*(?:including|among them|among whom)\s[^,;.]{1,80},\s+)?(?:(?:have|has|had)\s+)?"
    rf"(?:(?:{LIVES_LOST_ADVERBS})\s+)?lost\s+(?:their|his|her)\s+"
    r"(?:lives|life(?!\s+savings))\b",
    re.I,
)
# "12 children lost to a rocket strike", "three soldiers were lost in the shelling": people lost
# to a cause of death are dead (a headline's verbless form included)
LOST_TO = re.compile(
    rf"^\s+(?:[\w'’-]+\s+){{0,2}}?(?P<vic>{PART_VICTIM})\s+(?:(?:were|was|have been|had been)\s+)?"
    r"lost\s+(?:to|in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:strikes?|airstrikes?|attacks?|"
    r"bombings?|bombardments?|shelling|rockets?|missiles?|drones?|war|fighting|violence|explosions?|"
    r"blasts?|raids?|gunfire|massacres?)\b",
    re.I,
)
# "Five of the dead were recovered", "two of the dead in Uman were children"
OF_THE_DEAD = re.compile(
    r"^\s+of (?:the|those) (?P<grp>dead|killed|victims|injured|wounded)\b"
    # "64 of the dead were children": who they were
    rf"(?:\s+(?:in\s+[\w-]+\s+)?(?:were|are)\s+(?:also\s+)?(?P<vic>{PART_VICTIM})\b)?",
    re.I,
)
# "... and 57 were women": who the next share of the group was
SHARE_WAS = re.compile(rf"^\s+(?:were|are)\s+(?:also\s+)?(?P<vic>{PART_VICTIM})\b", re.I)
TO_FLEE = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?to flee\b", re.I)
# "Of the injured, 34 are in serious condition": the group a figure belongs to, before it
OF_GROUP = re.compile(
    r"\bof (?:the|those) (?P<grp>injured|wounded|dead|killed|victims|casualties)\s*,?"
    r"(?:[^.;]{0,80}?\band\s+(?:another\s+)?)?\s*$",
    re.I,
)
# "including a toddler", "among them a child": one victim, written without a number; also a
# sentence that opens on one of the victims before it: "Among them is a child", "One of them was
# a doctor", "The youngest victim was a 6-year-old boy"
ONE_PART = re.compile(
    r"(?:\b(?:including|among them|among whom)\s+(?:(?:is|was)\s+)?|^\W*(?:one of (?:them|"
    r"those|the (?:dead|victims|killed|injured|wounded))|the (?:youngest|oldest) (?:victim|one|"
    r"of (?:them|the (?:dead|victims))))\s+(?:is|was)\s+)(?:also\s+)?(?:an?|one)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{ONE_VICTIM}\b",
    re.I,
)
# The opening of a sentence whose one victim belongs to the figure of the sentence before
ONE_OPENER = re.compile(
    r"^\W*(?:(?:among|amongst) (?:them|these|those)|one of (?:them|those|the)|the (?:youngest|"
    r"oldest) (?:victim|one|of))\b",
    re.I,
)
# "a child was among the dead", "a child is among at least 16 people killed", "a girl and her
# mother are among the dead" (the girl)
ONE_AMONG = re.compile(
    rf"(?:\b(?:an?|one)\s+(?:[\w-]+\s+){{0,2}}?|^\W*){ONE_VICTIM}\s+(?:and (?:his|her|their) \w+\s+)?"
    r"(?:(?:was|is|are|were)\s+)?(?:also\s+)?among\s+(?:the\s+|those\s+)?(?:(?:at least |more than "
    rf"|over |nearly )?[\d,]+\s+)?(?:people\s+)?{PART_GROUP}\b",
    re.I,
)
# "The dead included an 11-year-old boy", "among the dead is a child": the same single victim,
# named after the group
ONE_INCLUDED = re.compile(
    rf"\b(?:the\s+{PART_GROUP}\s+(?:also\s+)?include[sd]?|among\s+(?:the|those)\s+"
    rf"{PART_GROUP.replace('grp', 'grp2')}\s*,?\s*(?:there\s+)?(?:is|was|are|were)(?:\s+also)?)\s+"
    r"(?:an?|one)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{ONE_VICTIM}\b",
    re.I,
)
# A number whose group is named before it: "Among the injured were 4 children", "among the 64
# wounded were 14 children" ("among the wounded there are two children"), "the number of dead
# includes three children", "those killed include three British nationals" (a part of that
# group); "among at least 14 victims" (the group)
GROUP_BEFORE = re.compile(
    rf"\bamong(?:st)?\s+(?:the|those)\s+(?:\d[\d,]*\s+)?(?:people\s+)?{PART_GROUP}\s*,?\s*(?:(?:there\s+)?(?:is|"
    rf"are|was|were)\s+)?(?:also\s+)?$|\b(?:number of|the|those)\s+(?:the\s+)?"
    rf"{PART_GROUP.replace('grp', 'inc')}\s+(?:also\s+)?include[sd]?\s+$",
    re.I,
)
AMONG_NUMBER = re.compile(r"\bamong(?:st)?\s*$", re.I)
GROUP_AFTER = re.compile(rf"^\s+(?:people\s+)?{PART_GROUP}\b", re.I)
# "Among them are 12 employees": a part of the figure of the sentence before
THEM_OPENER = re.compile(
    r"^\W*(?:(?:(?:\d[\d,]*|[a-z]+) )?(?:among|amongst|of) (?:them|these|those)|"
    r"(?:all |the |all the )?(?:victims|dead)\b)",
    re.I,
)  # "Among them are 12 employees", "All victims were under 16, including three girls": the
# figures of the sentence are parts of the total just before it
# The injured told by the hospital they were taken to or the injuries they carry: "38 people were
# taken to hospital", "38 other individuals with injuries", "37 people in hospitals"
HOSPITAL_AFTER = re.compile(
    rf"^\s+(?:(?:more|others?|other|further|{PART_VICTIM})\b\s*){{0,2}}(?:with\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:injuries|wounds)\b|(?:,[^,.;]{1,80},\s*)?(?:(?:were|was|have been|has been|had been|are|"
    r"is)\s+)?(?:(?:also|later|then)\s+)?(?:taken|brought|rushed|admitted|sent|transported|"
    r"delivered|transferred)\s+to\s+(?:(?:an?|the|local|nearby|city|[\w-]+)\s+)?"
    r"(?:hospitals?|medical facilit(?:y|ies))\b"
    # "nine people received injuries of varying severity", "four sustained shrapnel wounds"
    r"|(?:who\s+|that\s+)?(?:(?:have|has|had|were|was)\s+)?(?:(?:also|reportedly)\s+)?"
    r"(?:received|suffered|sustained)\s+(?!no\b|any\b)"
    r"(?:[\w-]+\s+){0,3}?(?:injuries|injury|wounds|wound|burns)\b)",
    re.I,
)
# The same told with the taker as subject: "we took 76 to the hospital", "rescuers transferred
# 55 people to the hospital" (not medical staff: "sent 3 doctors to the hospital").
HOSPITAL_TAKER_BEFORE = re.compile(
    r"\b(?:took|take|takes|taking|rushed|rushing|brought|bringing|transferred|transferring|"
    r"transported|transporting|admitted|admitting)\s+(?:(?:at\s+least|more\s+than|over|about|"
    r"nearly|almost|some|another|the\s+first|a\s+further)\s+)?$",
    re.I,
)
HOSPITAL_TAKEN_AFTER = re.compile(
    rf"^\s+(?:(?:other|more|injured|wounded)\s+)?(?:(?P<vic>{PART_VICTIM})\s+)?"
    r"to\s+(?:(?:an?|the|local|nearby|city|regional|[\w-]+)\s+){0,2}hospitals?\b",
    re.I,
)
MEDICAL_STAFF = frozenset({"doctors", "medics", "nurses", "paramedics", "surgeons", "staff"})
# "identified the bodies of 16 victims", "thirty-five coffins": the dead told by their remains
BODIES_BEFORE = re.compile(r"\b(?:bodies|remains|corpses) of\s*$", re.I)
BODIES_AFTER = re.compile(r"^\s+(?:coffins|caskets|body bags)\b", re.I)
# "16 died in a house, four — at the centre", "37 of them — in the house": a part whose verb is
# left out, a dash standing for it before the place
ELLIPTIC_PART = re.compile(
    rf"^\s+(?:more\s+)?(?:{PART_VICTIM}\s+)?(?:of them\s*)?(?:more\s+)?[—–-]+\s*(?:in|at|on|"
    r"inside|near|from)\b",
    re.I,
)
# "the 18th person killed", "the 100th victim": a toll told by the rank of its last victim
ORDINAL_VICTIM = re.compile(
    r"\b(?:the )?(?P<n>\d+)(?:st|nd|rd|th) (?:victim|fatality|(?:person|body|civilian) (?:killed|to die))\b",
    re.I,
)
# "40 guests were taken to the border as hostages": captives told by the verb "take"
TAKEN_CAPTIVE = re.compile(
    r"^\s+(?:[\w-]+\s+){0,6}?(?:were|was|have been|had been|are)\s+(?:also\s+)?taken\s+(?:(?:to|"
    r"into)\s+(?:[\w-]+\s+){1,3}?)?(?:as\s+)?(?:hostages?|captives?|prisoners?)\b",
    re.I,
)
# Military reports of enemy dead: "wiped out 60 troops", "200 reservists were destroyed"; only
# of combatants ("destroyed 60 tanks" is no figure of people)
ELIMINATED_BEFORE = re.compile(
    r"\b(?:wipe[sd]? out|wiping out|eliminat(?:e|es|ed|ing)|destroy(?:s|ed|ing)?|"
    r"neutrali[sz](?:e|es|ed|ing))\s*$",
    re.I,
)
ELIMINATED_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}(?P<vic>"
    + "|".join(
        sorted(COMBATANTS | {"reservists", "mercenaries", "personnel"}, key=len, reverse=True)
    )
    + r")\b(?P<passive>\s+\W?(?:were|was|have been|had been)\s+\W?(?:destroyed|eliminated|wiped "
    r"out|neutrali[sz]ed))?",
    re.I,
)
# "Victims: nearly 300 people", "Injured: 12": a figure under a label
LABEL_BEFORE = re.compile(
    r"(?:^|[\n.;!?,])\s*(?P<grp>victims|dead|killed|deaths|fatalities|injured|wounded)\s*:\s*$",
    re.I,
)
HURT_WORDS = {"injured", "wounded"}
# Sentences worth scanning: a word of harm, toll, care, flight or of a part of a figure. The
# three gates are lower-case patterns read off the lower-cased sentence (faster than re.I).
PART_SENTENCE_GATE = re.compile(
    r"toll|death count|kill|dead|\bdied|death|martyr|injur|wound|hospital|condition|treatment|"
    r"(?:critical|serious|severe|grave) state|"
    r"\bhelp\b|\bfle[de]\b|displac|victim|casualt|buri|bury|exhum|unaccounted|missing|\blos[ti]|"
    r"rubble|debris|ruins|bodies|remains|coffin|among (?:them|these|those|the)|\d+(?:st|nd|rd|th) "
    r"|hostage|captive|wipe|wiping|eliminat|destroy|neutrali|assistance|\bfate\b|trapped|\blives\b"
    r"|medical|\bcare\b|treat",
)
# Words of a part of a figure, worth a look only beside a claim of the same sentence
PART_GATE = re.compile(r"includ|among|of them|of whom|\(")
PART_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|dozens?|scores|"
    r"several)\b",
)
# "12 women and seven children killed": a figure listed before another claim's figure
PART_LISTED = re.compile(
    rf"^\s+(?:[\w-]+\s+){{0,2}}?(?P<vic>{PART_VICTIM})\s*(?:,\s*(?:and\s+|as well as\s+)?|"
    r"\s+and\s+|\s+as well as\s+)"
    r"(?:at least |more than |some |about |another )?$",
    re.I,
)

# The injured still in hospital days later are a part of the injured, not their number:
# "20 wounded people remained in hospitals", "12 of the injured are still hospitalised".
STILL_IN_HOSPITAL = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:remain|remains|remained|are\s+still|were\s+still|still)\s+"
    r"(?:in\s+(?:the\s+|a\s+)?(?:hospitals?|intensive\s+care)|hospitali[sz]ed)\b",
    re.I,
)

# A toll named in one sentence and given in the next by a pronoun or "the total": "the death
# toll ... has increased. As of now, it stands at 20." / "Together with Samar, the total is 22."
TOLL_PRONOUN = re.compile(
    r"(?:^|[,:]\s*|\b(?:now|today|so far|as of [\w ]{1,20}),?\s+)"
    r"(?:it|this figure|the figure|that figure|the total|in total,? it)\s+"
    r"(?:(?:now|already|currently)\s+)?"
    r"(?:stands|stood|is|was|has\s+(?:risen|reached|grown|climbed|increased)|rose|reached|"
    r"climbed|increased|grew)(?:\s+(?:now|already))?(?:\s+(?:to|at))?\s*"
    r"(?:at least |more than |over |nearly |about |around )?$",
    re.I,
)
# The toll a pronoun refers to, in the sentence before: its kind from the noun.
TOLL_NAMED = re.compile(
    r"\b(?:(?:death|casualty|fatality)\s+(?:toll|count)|toll|number\s+of\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<what>killed|dead|deaths|victims|fatalities|injured|wounded|casualties))\b",
    re.I,
)
# The gate of a sentence that may give a toll by a pronoun (lower case, fast).
TOLL_PRONOUN_GATE = re.compile(
    r"\b(?:it|figure|total)\s+(?:(?:now|already|currently)\s+)?(?:stands|stood|is|was|has|rose|"
    r"reached|climbed|increased|grew)\b"
)
# What may follow such a figure: the clause's end or the people it counts.
TOLL_PRONOUN_END = re.compile(
    r"\s*(?:$|[.,;:!?)\u2013\u2014-]|(?:people|persons|victims|dead|killed|injured|wounded|and|"
    r"as|after|according|in|on)\b)",
    re.I,
)
# Care given to the figure's people: the injured ("medical care has been provided to 18
# children", "assistance was given to 12 people", "doctors treated 40 people").
CARE_GIVEN_BEFORE = re.compile(
    r"(?:\b(?:(?:medical|first)\s+(?:care|aid|help|assistance)|(?:medical\s+)?treatment)\s+(?:(?:was|were|has|have|"
    r"had|is|are)\s+)?(?:already\s+)?(?:been\s+)?(?:provided|given|rendered|offered)\s+to"
    r"|\b(?:doctors|medics|paramedics|hospitals?|surgeons)\s+(?:have\s+|had\s+|are\s+|were\s+)?"
    r"(?:treated|treating|treat|operated\s+on))\s+(?:at\s+least\s+|more\s+than\s+|another\s+|over\s+)?$",
    re.I,
)
