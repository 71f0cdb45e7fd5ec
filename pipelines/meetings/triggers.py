"""Event verbs for the meetings extractor: which words of a sentence make it a meeting, visit, talks, call or
signing (`find_trigger`), which do not (reported speech, future and hypothetical phrasing, a law or an executive
order signed, a meeting of one side), and the clause a verb governs (`clause_span`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex

from ..needles import gated

_REPORTED = re.compile(r"\b(?:said|says|say|noted|notes|stressed|hoped|hopes|believed?|believes|pointed out|added|"
                       r"according to|expressed|recalled|looked forward|look forward|welcomes?|thanked)\b")
_NOT_NOW = re.compile(r"\b(?:will|would|to be|plans? to|planned to|upcoming|had|has|have|once|expected to|"
                      r"invited to|looking forward to|going to|scheduled to|set to|due to|about to|agreed to|"
                      r"ready to|hopes? to|wants? to|wish(?:es)? to|like to|is to|are to|can|could|may|might|"
                      r"shall|should|must|cannot)\s+(?:\w+\s+)?$")
# "is coordinating with Iran, China, ... to hold a Joint Commission meeting", "decided to hold": not held yet
_TO_DO = re.compile(r"\bto\s+$")
# "If State Councilor Wang Yi meets with ...", "whether the two leaders will meet": not an event
_HYPOTHETICAL = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but)\s+)(?:[Ii]f|[Uu]nless|[Ww]hether|[Ss]hould|[Ii]n\s+case)\b[^,;]*$|"
                           r"\b(?:[Ee]ver\s+)?since\s+(?!then\b)[^,;]*$")     # "the first meeting since A and B met in Wuhan"
# "signed an executive order", "signed into law", "signed a decree": a signature, not a signing between two sides
_NOT_SIGNING = re.compile(r"signed\s+(?:into\s+law|(?:an?\s+|the\s+|two\s+|several\s+|new\s+)?"
                          r"(?:executive\s+orders?|bills?|laws?|decrees?|acts?\b|legislation|petitions?|"
                          r"open\s+letters?|orders?))", re.IGNORECASE)
# "in Manila " between a verb and its object: one or two capitalised words
_IN_PLACE = r"(?:in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+)?"
_MEETING_NOUNS = r"(?:[Mm]eeting|[Ss]ummit|[Cc]onference|[Ss]ession|[Cc]ommission|[Cc]ommittee|[Cc]ouncil)"
_TALKS_NOUNS = r"(?:[Cc]onsultations?|[Tt]alks|[Dd]ialogue|[Nn]egotiations?)"
# A leader's arrival ("arrived in Wellington", "arrived here", "arrived on Sept. 5 in Phoenix") and the titles that
# name the one arriving just before his name
# (not one "for the 17th meeting of the Council of Heads of Government ..." only: that meeting is the occasion)
_ARRIVED = (r"arrived\s+(?:(?:in|at)\s+(?=[A-Z])|here\b|on\s+[A-Z][a-z]+\.?\s+\d{1,2}\s+in\s+(?=[A-Z])|"
            # "arrived Tehran Sunday on a four-day official visit": the city with no "in", then the day
            r"(?=[A-Z][a-z]+\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))"
            r"(?![^.;]*\bfor\s+the\s+(?:[\w-]+\s+){0,3}(?:[Mm]eeting|[Ss]ummit|[Cc]onference|[Ss]ession|[Ff]orum)\b"
            r"(?![^.;]*\bvisit))")
_ARRIVING_TITLES = (r"Minister|Premier|President|[Aa]dvis[oe]r|[Ll]egislator|Councilor|Councillor|Chairman|Chairwoman|"
                    r"Secretary|Governor|Mayor|Speaker|Envoy|Ambassador|Chancellor")
SUBHEAD = re.compile(r"^(?P<noun>Meeting|Talks)\s+with\s+(?=[A-Z])[^.;:!?\"]{3,120}$")
# A verb's negative lookbehinds ("were met", "had visited") come after the word, where they read the same text: put
# first, they ran at every position of the sentence before the word itself was tried.
_TRIGGERS = [
    ("call", True, re.compile(r"\b(?:held|had|made|holds|hold)\s+(?:a\s+|an\s+|the\s+)?(?:[\w'-]+\s+){0,4}?"
                              r"(?:phone|telephone|video|virtual|online)\s+"
                              r"(?:call|conversation|talks|meeting|conference|summit)s?\b|"
                              r"\b(?:spoke|speaks|talked|talks)\s+(?:on|over)\s+the\s+(?:phone|telephone)\b|"
                              # "talked with US Secretary of State Condoleezza Rice over phone Saturday evening"
                              r"\b(?:spoke|talked)\s+(?:with|to)\b.{0,80}?\b(?:on|over)\s+(?:the\s+)?(?:phone|telephone)\b")),
    ("call", False, re.compile(r"\b(?:phone|telephone)\s+(?:call|conversation|talks)\b|"
                               r"\bvideo\s+(?:call|link|meeting|conference|talks)\b|"
                               r"\b(?:online|virtual|cloud)\s+(?:meeting|talks|conference|signing)\b|"
                               r"\bspoke\s+(?:with|to)\b.{0,80}\bby\s+(?:phone|telephone)\b")),
    ("signing", True, re.compile(r"\b(?:attended|witnessed|held|hosted)\s+(?:the\s+|a\s+)?signing\s+ceremony\b|"
                                 r"\bwitnessed\s+the\s+signing\b|\bsigned\s+between\b|\bsigned(?<!were signed)(?<!was signed)(?<!been signed)(?<!be signed)\s+(?:a|an|the|new|two|three|four|"
                                 r"five|several|\d+|cooperation|friendly|friendship|sister|memorand|agreements?|"
                                 r"letters?|MoUs?|contracts?)\b|\bsigned\s+on\s+behalf\b")),
    # "held foreign policy planning consultation with": up to three words before the noun
    ("talks", True, re.compile(r"\b(?:held|hold|holds|had)\s+(?:(?!(?:in|on|with|to|been|engaged|not)\s)[\w-]+\s+){0,3}?"
                               r"(?:talks|consultations?)\b|"
                               # "Foreign Minister Wang Yi started talks with visiting United States Secretary of
                               # State John Kerry this morning"
                               r"\b(?:started|began|opened)\s+(?:(?:formal|official|their|his|her)\s+)?talks\s+with\b|"
                               # "also had one-hour talk with Dutch Prime Minister Vim Kok Tuesday afternoon"
                               r"\b(?:had|held)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}talk\s+with\b|"
                               # "During his discussion with Luxembourg Prime Minister Jean- Claude Juncker, Zhu said"
                               r"^During\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}discussions?\s+with\b|"
                               # "extended the invitation during his talks in Hanoi with Gates"
                               r"\b[Dd]uring\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}talks\s+"
                               r"(?:in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+)?with\b|"
                               # a news photo's welcome of a visiting leader is the talks it opens: "holds a welcoming
                               # ceremony for U.S. Vice President Joe Biden in Beijing", "welcomes French Prime Minister
                               # Jean-Marc Ayrault inside the Great Hall of the People in Beijing December 6, 2013"
                               r"\b(?:holds?|held|hosts?|hosted)\s+(?:a|an)\s+(?:official\s+|grand\s+|red-carpet\s+)?"
                               r"welcom(?:e|ing)\s+ceremony\s+for\b|"
                               r"^(?:[A-Z][\w'-]*\s+){1,5}(?:\([A-Z0-9 ,]+\)\s+)?welcomes\s+(?:visiting\s+)?(?:[A-Z][\w'-]*\s+){0,3}?"
                               r"(?:President|Prime\s+Minister|Premier|Chancellor|King|Queen|Emperor)\b|"
                               # a news photo's "shakes hands with visiting ... at the welcoming ceremony before their
                               # talks in Beijing, capital of China, Feb. 2, 2012": the talks of that day
                               r"\b(?:shakes|shook)\s+hands?\s+with\b[^.;]*?\b(?:before|prior\s+to|during)\s+their\s+talks\b|"
                               r"\b(?:held|hold|holds|had)\s+(?:the|their)\s+(?:[\w'-]+\s+){0,3}round\s+of\s+(?:[\w'-]+\s+){0,5}?"
                               r"(?:talks|consultations?|negotiations|[Dd]ialogue)\b|"
                               # co-chaired: the type of the first occasion noun after it ("co-chaired the inaugural
                               # meeting of the ... Dialogue Mechanism" is a meeting)
                               r"\bco-chaired\b(?:(?!\b" + _MEETING_NOUNS + r"\b).){0,80}?"
                               r"\b(?:[Cc]onsultations?|[Tt]alks|[Dd]ialogue|[Nn]egotiations?)\b")),
    # "attended the Formal Meeting of the BRICS Ministers of Foreign Affairs", "attended the 22nd China-ASEAN
    # (10+1) Summit": a named multilateral occasion (the words before its noun; "attended the meeting" is none)
    # "attended in Manila the China-ASEAN Foreign Ministers’ Meeting": a place may come before the occasion, and an
    # apostrophe may be typographic
    ("meeting", True, re.compile(r"\battended\s+" + _IN_PLACE + r"(?:the|a|an)\s+"
                                 r"(?:(?!(?:as|meeting|summit|conference)\s)[\w'’()+.-]+\s+){0,6}?"
                                 r"(?:[A-Z(][\w'’()+.-]*\s+|\d{1,3}(?:st|nd|rd|th)\s+)"     # "the 22nd Meeting of"
                                 r"(?:Meeting|Summit|Session|Conference|Dialogue)\b|"
                                 r"\battended\s+" + _IN_PLACE + r"(?:the|a|an)\s+(?:[\w'’()+.-]+\s+){0,3}?(?:ministers['’]|leaders['’]|"
                                 r"ministerial|heads\s+of\s+state|high-level)\s+(?:meeting|summit|conference|dialogue)\b")),
    ("meeting", True, re.compile(r"\bco-chaired\b(?:(?!\b" + _TALKS_NOUNS + r"\b).){0,80}?\b" + _MEETING_NOUNS
                                 + r"\b|"
                                 r"\b(?:held|hosted|gave|had)\s+(?:a\s+)?(?:(?:joint|grand|warm|official)\s+)?(?:working\s+|welcome\s+|state\s+)?"
                                 r"(?:lunch|dinner|breakfast|luncheon|banquet|reception)\s+(?:with|for|in\s+honou?r\s+of|"
                                 r"(?:at|in)\s+[^.;,]{0,60},\s+welcoming)\b")),     # "a banquet at ..., welcoming"
    ("meeting", True, re.compile(r"\bmet\b(?<!were met)(?<!was met)(?<!been met)(?<!be met)(?!\s+(?:the\s+)?(?:needs|demands|requirements|targets?|standards?|goals?|expectations))|"
                                 r"\breceived\s+(?:a\s+|the\s+)?(?:visiting\s+|foreign\s+)?"
                                 r"(?:delegation|ambassador|consul|envoy|guests|diplomat|[A-Z][a-z])|"
                                 r"\bmeets\s+with\b|\bpaid\s+a\s+courtesy\s+call\b|"
                                 # a news photo of the meeting: "shakes hand with US Vice-President Joe Biden before
                                 # their meeting at the Great Hall of the People in Beijing August 19, 2011", "shakes
                                 # hands with ... during their meeting at the Eco-Forum Global in Guiyang", "poses for a
                                 # photo with ... before their meeting at the Government Office in Hanoi"
                                 r"\b(?:shakes|shook)\s+hands?\s+with\b[^.;]*?\b(?:before|prior\s+to|during)\s+their\s+"
                                 r"meeting\b|\bposes?\s+for\s+(?:a\s+)?photos?\s+with\b[^.;]*?\b(?:before|prior\s+to)\s+"
                                 r"their\s+meeting\b|"
                                 # "held a group meeting with diplomatic envoys from over 50 African countries",
                                 # "had a collective meeting with the leaders of ...": the noun with its counterpart
                                 r"\b(?:held|had|holds|has)\s+a\s+(?:group|collective)\s+meeting\s+with\b|"
                                 r"\breceived\s+a\s+(?:courtesy\s+)?(?:visit|call)\s+from\b|"
                                 # a head of state receiving ambassadors' credentials, an ambassador presenting his
                                 r"\baccepted\s+(?:the\s+)?credentials\b|"
                                 r"\bpresented\s+(?i:(?:(?:his|her|their|the)\s+)?(?:cop(?:y|ies)\s+of\s+(?:(?:his|her|their|the)\s+)?)?"
                                 r"credentials)\s+to\b|"
                                 # "called on Ivan Lewis, British Minister of State ...", not "called on China and
                                 # Kazakhstan to further dovetail ..." (an appeal: "to" and a verb in its clause)
                                 r"\bcalled\s+on\s+(?=(?:(?:Mr|Ms|Mrs|Dr|H\.\s?E)\.\s+)?(?:the\s+)?[A-Z])(?![^,;.]*?\bto\s+[a-z]+)|"
                                 # "had a brief and friendly conversation with Governor Rick Snyder"
                                 r"\b(?:had|held)\s+(?:a|an)\s+(?:[\w-]+\s+(?:and\s+)?){0,3}?conversation\s+with\b")),
    ("meeting", False, re.compile(r"\b(?:held|hold|holds)\s+(?:a|an|the|their)\s+(?:[\w'-]+\s+){0,4}?"
                                  r"(?:meeting|conference|dialogue|consultations?|exchange\s+meeting)\b|"
                                  r"\b(?:meeting|conference|dialogue)\s+(?:was|were)\s+held\b|"
                                  r"\b(?:Conference|Meeting|Summit|summit)\s+was\s+(?:successfully\s+)?held\b|"
                                  # "the 4th U.S.-China Sister Cities Mayors' Summit, co-hosted by the CPAFFC and the
                                  # Sister Cities International (SCI), was held in Houston"
                                  r"\b(?:Conference|Meeting|Summit),\s+(?:co-)?(?:hosted|organi[sz]ed|sponsored)\s+by\s+"
                                  r"[^;]{0,160}?,\s+was\s+(?:successfully\s+)?held\b")),
    # a readout's subhead, a line of its own with no verb and no full stop: "Meeting with Kazakh President
    # Nazarbayev on Sept 1", "Talks with ..." (its Chinese side is the next sentence's subject: extract.py)
    ("meeting", True, re.compile(SUBHEAD.pattern.replace("(?P<noun>", "(?P<noun>(?=Meeting)"))),
    ("talks", True, re.compile(SUBHEAD.pattern.replace("(?P<noun>", "(?P<noun>(?=Talks)"))),
    ("meeting", True, re.compile(r"^During\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}(?:meeting|talks)\s+with\b|"
                                 # "He made the remarks during a meeting with Kazakh Prime Minister ..."
                                 r"\b(?:remarks|speech)\s+(?:(?:during|at|in)\s+(?:a|his|her|their)\s+|(?:while|when)\s+)"
                                 r"meeting\s+with\b|"
                                 r"^(?:When|While)\s+meeting\s+(?:with\s+)?(?=[A-Z])|"
                                 # "Zhu Rongji and Hans Eichel ... agreed during a meeting in Beijing January 24 morning"
                                 r"\b(?:agreed|pledged|vowed)\s+(?:during|at|in)\s+(?:a|their)\s+(?:[\w-]+\s+){0,2}?"
                                 r"meeting\b(?!\s+(?:of|on)\b)|"
                                 # "travelled to Chongqing Municipality for a meeting between ... and the study group
                                 # of diplomatic envoys": the journey's purpose is the occasion
                                 r"\b(?:travell?ed|went|came|flew)\s+to\s+(?:[A-Z][\w'-]*\s+){1,4}for\s+(?:a|the)\s+"
                                 r"(?:[\w-]+\s+){0,2}meeting\s+(?:between|with)\b")),
    ("visit", True, re.compile(r"^During\s+(?:his|her|their|its|the|a)\s+(?:[\w-]+\s+){0,2}(?:visit|tour|trip)\s+to\b|"
                               r"^During\s+(?:his|her|their|its|the|a)\s+(?:[\w-]+\s+){0,2}(?:stopover|stay)\s+in\b|"
                               r"\b(?:had|made)\s+a\s+(?:brief\s+)?stopover\s+in\b|"
                               r"\b[Tt]our\s+(?:was\s+)?(?:launched|kicked\s+off|began|started)\b|"
                               # "visited a German business there together with Foreign Minister Baerbock": a company
                               # visited is no occasion of two sides (as a company's signing is none)
                               r"\bvisited\b(?<!had visited)(?<!have visited)(?<!has visited)(?!\s+(?:a|an|the)\s+"
                               r"(?:[\w-]+\s+){0,3}(?:business|company|companies|enterprises?|factory|factories|firm)\b)|"
                               r"\btoured\b|"
                               r"\b(?:is|are)\s+(?:now\s+)?visiting\s+(?=[A-Z])|"
                               r"\b(?:paid|paying|pays|made|making|makes)\s+(?:a|an)\s+(?:\w+\s+){0,2}?visit\b|\bon(?<!who is on)(?<!who was on)(?<!who are on)\s+an?\s+(?:\w+\s+){0,2}visit\s+(?:to|in)\b|"
                               r"\bled\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}delegation\b.{0,60}?\bto\b|"
                               # "sent Ambassador Gao Yusheng as head of a delegation to visit Kyrgyzstan on June 16"
                               r"\b(?:organized|organised|invited|accompan(?:y|ied|ying)|sent|dispatched)\b.{0,120}?\bto\s+visit\b|"
                               # "kicked off his official visit to Russia yesterday"
                               r"\b(?:kicked\s+off|began|started)\s+(?:his|her|their|an?|the)\s+(?:[\w-]+\s+){0,2}"
                               r"(?:visit|tour|trip)\s+to\b|"
                               r"\bvisits\s+(?=[A-Z])|\bwere\s+on\s+a\s+(?:\w+\s+)?tour\b|"
                               # "the diplomatic delegation to China on Zhejiang Tour came to Taizhou"
                               r"\b(?:diplomatic\s+delegation|envoys|diplomats|consuls\s+general)\b[^.;]{0,60}?\bcame\s+to\s+(?=[A-Z])")),
    # leaving for a visit is no visit of its own ("Foreign Minister Tang Jiaxuan left here Saturday for an official visit
    # to Australia and New Zealand", "left Beijing Sunday morning for a week-long visit to United States")
    ("visit", True, regex.compile(r"(?<!\b(?:left|leaves|leaving|departed|departs|departing)\b[^.;]{0,80})"
                                  r"\bfor\s+an?\s+(?:[\w-]+\s+){0,3}(?:visit|tour|trip)\s+to\b")),
    ("visit", True, re.compile(
                               # a leader's dated arrival is a visit that day: "Jia Qinglin arrived in Wellington, capital
                               # of New Zealand, on Monday afternoon", "arrived here Friday for an official visit",
                               # "arrived on Sept. 5 in Phoenix, Arizona"
                               # (a person arriving, named right before the verb, after a title or as the sentence's
                               # first words, or between commas after his title: not a team, a plane or supplies)
                               r"(?:^|\b(?:" + _ARRIVING_TITLES + r")\s+)(?:[A-Z][\w'-]+\s+){1,3}" + _ARRIVED + r"|"
                               r"\b[A-Z][a-z]+\s+[A-Z][a-z]+,\s+[^;]{3,160}?,\s+" + _ARRIVED + r"|"
                               # "Abe arrived in Beijing on Sunday for a summit with Chinese leaders"
                               r"\barrived\s+in\b.{0,80}?\b(?:visit|tour)\b|\barrived\s+in\s+[A-Z][^.;]{0,60}?\bfor\s+(?:a|the)\s+"
                               r"(?:[\w-]+\s+){0,2}(?:summit|talks)\b|"
                               # "Kerry's two-day visit to China began Tuesday"
                               r"'s\s+(?:[\w-]+\s+){0,3}visit\s+to\s+[A-Z][\w-]*\s+(?:began|started|kicked\s+off)\b|"
                               # "arrived in Dushanbe on Oct 11 for the 17th meeting of the Council of Heads of
                               # Government ... of the SCO and an official visit to Tajikistan"
                               r"\barrived\s+in\b[^;]{0,60}?\bfor\s+(?:the|a|an)\b[^;]{0,160}?\b(?:visit|tour)\b")),
    # "Foreign Minister Retno Marsudi of Indonesia is in China for an official visit from May 3 to 5": the verb is
    # "for ... visit", so "in China" stays the place (a look-behind of any length: the regex module)
    ("visit", True, regex.compile(r"(?<=\b(?:is|are|was|were)\s+(?:now\s+)?in\s+(?:[A-Z][\w'-]*\s+){1,3})"
                                  r"for\s+an?\s+(?:[\w-]+\s+){0,2}(?:visit|tour|trip)\b")),
    # a delegation's or a province's event abroad is a visit there (checked: the place must be abroad)
    ("visit", False, re.compile(r"\btravell?ed\s+to\s+(?=[A-Z])|"      # "travelled to Leeds upon invitation to meet"
                                # "the delegation of Changchun City arrived in Krasnoyarsk early morning on April 11"
                                r"\bdelegation\b[^.;]{0,60}?\barrived\s+in\s+(?=[A-Z])|"
                                r"\bdelegation\s+(?:held|hosted|attended|took\s+part)\b|"
                                r"\b(?:held|hosted|staged|organized|organised)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,5}?"
                                r"(?:event|conference|forum|fair|exhibition|week|seminar|roadshow|symposium|promotion)s?\b")),
]
# each pattern is run only on a sentence with one of the words its matches need (needles.py): most have none
_TRIGGERS = [(type_, strong, gated(pattern)) for type_, strong, pattern in _TRIGGERS]
# In an answer, a named occasion told as held ("The 30th Pacific Islands Forum (PIF) Leaders Session with Forum
# Dialogue Partners was held on September 4 in Nauru", "the Extraordinary Meeting of BRICS Foreign Ministers on
# COVID-19 was held via video link"): a meeting whose Chinese side the next sentence may give (extract.py)
HELD_OCCASION = re.compile(r"\b(?:Conference|Meeting|Summit|Session|Dialogue|Consultations?)\b[^.;,]{0,80}?"
                            r"\b(?:was|were)\s+(?:successfully\s+)?(?:held|opened|convened)\b")
_DAYS = re.compile(r"\b(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)-day\s+(?:[\w-]+\s+){0,2}"
                   r"(?:visit|tour|trip|stay|mission)\b")
_VAGUE_TIME = re.compile(r"\b(?:[Ll]ast|[Pp]ast|[Pp]revious|[Ee]arlier|[Nn]ext|[Cc]oming)\s+(?:year|month|week|years|months|"
                         r"decades?)\b|\b(?:first|second|third|fourth)\s+(?:quarter|half)\b|\bthis\s+year\b|\b[Ii]n\s+(?:19|20)\d\d\b|\bago\b|\b[Ss]ince\b|\b[Oo]nce\b|\b[Ee]very\b")
# A meeting noun ("held a meeting") is an event only between two parties: "A and B held ...", "the A-B ...".
_TWO_PARTIES = re.compile(r"\band\b.{1,80}?\b(?:held|hold|holds)\b|\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b")
_NOT_MEETING = re.compile(r"\b(?:chaired|chairs|presided over|presides over|organizing committee|"
                          r"organising committee|working meeting|work meeting|executive meeting|"
                          r"standing committee meeting|press conference)\b", re.IGNORECASE)


@dataclass
class Trigger:
    type: str
    strong: bool
    start: int
    end: int
    # clause_span's answers for this verb ((sentence, who_ends) -> span): many steps of a text ask for its clause
    clauses: dict[tuple[str, bool], tuple[int, int]] = field(default_factory=dict, init=False, compare=False, repr=False)


_ANY_VERB = re.compile(r"\b(?:met|meets|received|visit\w*|toured|tour|talks|signed|phone|telephone|video|online|called|conversation|travell?ed|"
                       r"virtual|cloud|spoke|meeting|conference|Conference|Meeting|Summit|summit|dialogue|Dialogue|Session|consultations?|delegation|"
                       r"courtesy|arrived|During|lunch|dinner|breakfast|luncheon|banquet|reception|[Tt]our|signing|co-chaired|events?|forums?|fairs?|exhibitions?|week|seminars?|roadshows?|symposiums?|"
                       r"promotions?|trip|credentials|Credentials|welcoming|welcomes|discussions?)\b")


# "pointed out in a phone call with ...", "during yesterday's telephone call": the call itself, not what was said
_IN_THE_CALL = re.compile(r"\b(?:in|during|at)\s+(?:a|an|the|their|his|her|yesterday's|today's|last\s+night's)\s+$")


# The spokesperson's own account is no reported speech: "you may have noted that", "as I said", "according to my
# information", "as far as I know".
_OWN_WORDS = re.compile(r"\b(?:you\s+(?:may\s+|might\s+)?(?:have\s+|'ve\s+)?(?:already\s+)?(?:noted|noticed|seen|learned|heard)|"
                        r"(?<=you)'ve\s+(?:already\s+)?(?:noted|noticed|seen)|I\s+believe|"
                        r"(?:[Aa]s\s+|[Ll]ike\s+)?I\s+(?:just\s+|already\s+)?(?:said|noted|mentioned)|"
                        r"[Aa]s\s+you\s+(?:just\s+)?(?:said|mentioned|noted|know)|"
                        r"[Aa]ccording\s+to\s+(?:my|our|the)\s+information|[Aa]s\s+far\s+as\s+I\s+know|"
                        r"I\s+can\s+(?:tell|confirm)\s+(?:you\s+)?)(?:\s+that)?\b")


_FUTURE = re.compile(r"\b(?:will|would|shall|is\s+going\s+to|are\s+going\s+to|is\s+scheduled\s+to|"
                     r"are\s+scheduled\s+to|is\s+expected\s+to|are\s+expected\s+to|is\s+set\s+to)\b")
_FUTURE = gated(_FUTURE)     # (only where one of its words is: needles.py)


def _future(sentence: str, trig: Trigger) -> bool:
    """A verb in the scope of a future earlier in its clause ("Wang Yi will meet with X, hold talks with Y"), or a
    fronted occasion whose clause is in the future ("During his visit to Russia, Han Zheng will hold ...")."""
    a, b = clause_span(sentence, trig)
    if _FUTURE.search(sentence, a, trig.start):
        return True
    fronted = re.match(r"(?:During|At|On|In)\b", sentence[a:trig.start].strip() or sentence[trig.start:]) or \
        not trig.strong
    return bool(fronted and _FUTURE.search(sentence, trig.end, b))


def find_trigger(sentence: str, *, nouns: bool = False) -> Trigger | None:
    """The sentence's first event verb outside reported speech and future, past-perfect or hypothetical phrasing.
    With `nouns` (a press conference answer), a dated call told as a noun ("the phone call between A and B
    yesterday", "in a phone call with President Putin on May 8") is one too."""
    if not _ANY_VERB.search(sentence):
        return None
    found = []
    for type_, strong, pattern in _TRIGGERS:
        for m in pattern.finditer(sentence):
            before = sentence[:m.start()]
            told_in = nouns and type_ == "call" and _IN_THE_CALL.search(before)
            before = _OWN_WORDS.sub(" ", before)
            if (_REPORTED.search(before) and not told_in) or _NOT_NOW.search(before) or _HYPOTHETICAL.search(before):
                continue
            if _TO_DO.search(before) and not re.match(r"(?:accompan|organi[sz]|invit|led)", m.group()):
                continue
            trig = Trigger(type_, strong, m.start(), m.end())   # (its clause, read by _future, is kept with it)
            if _future(sentence, trig):
                continue
            if type_ == "signing" and _NOT_SIGNING.match(sentence, m.start()):
                continue
            if nouns and type_ == "visit" and not strong:
                continue    # an answer's seminar, commemorative event or forum abroad is no visit
            if type_ == "meeting" and not strong and (_NOT_MEETING.search(sentence)
                                                      or not _TWO_PARTIES.search(sentence)):
                continue
            found.append(trig)
            break
    if nouns and not any(t.type == "meeting" for t in found):
        m = HELD_OCCASION.search(sentence)
        if m and not (_REPORTED.search(sentence[:m.start()]) or _HYPOTHETICAL.search(sentence[:m.start()])
                      or _NOT_MEETING.search(sentence)):
            found.append(Trigger("meeting", False, m.start(), m.end()))
    if not found:
        return None
    # The first verb wins ("held talks ..., and the two sides signed agreements" is talks); at the same place a
    # call wins ("held video talks"); "via video link" only says how the verb's occasion was held.
    order = {"call": 0, "signing": 1, "talks": 2, "meeting": 3, "visit": 4}
    found.sort(key=lambda t: (t.start, order[t.type]))
    # "President Emmanuel Macron of France, who is on a state visit to China, met with President Xi Jinping": the
    # verb of a relative clause closed before the main verb is not the sentence's
    main = [t for t in found if not _in_relative(sentence, t)]
    found = main or found
    strongs = [t for t in found if t.strong]
    first = found[0]
    if first.type == "call" and not first.strong:
        return strongs[0] if strongs else (first if nouns else None)
    if first.type in ("meeting", "talks"):
        near = [t for t in found if t.type == "call" and 0 <= t.start - first.end < 40]
        if near:
            return Trigger("call", True, first.start, near[0].end)
    return first


def _in_relative(sentence: str, t: Trigger) -> bool:
    """The trigger lies in a ", who ..." or ", which ..." clause that a comma closes."""
    opens = [m.end() for m in re.finditer(r",\s+(?:who|which)\s", sentence) if m.end() <= t.start]
    return bool(opens) and "," not in sentence[opens[-1]:t.start] and "," in sentence[t.end:]


# Where the clause a verb governs ends: a relative or subordinate clause, a new main clause, a semicolon.
# "had a virtual summit with ... and reiterated that we need to jointly support the peace talks between Russia and
# Ukraine": what the Chinese side said is the occasion's content, not its parties
_SPEECH_AND = (r",?\s+and\s+(?:(?:also|further)\s+)?(?:reiterated|stressed|noted|said|pointed\s+out|emphasi[sz]ed|"
               r"underlined|expressed|called\s+for|urged)\b")
_CLAUSE_END = re.compile(r";|,?\s+(?:where|which|while|whereas|during\s+which|after\s+which|when)\b|"
                         r",\s+(?:confirming|announcing|agreeing|stressing|noting|saying|reaffirming|deciding)\b|"
                         r",\s+(?:who|and\s+(?:he|she|they|the)\b)|\s+-\s+|"
                         r",\s+(?:the\s+two\s+sides|both\s+sides|they|the\s+two\s+(?:leaders|ministers|presidents|heads))\s+"
                         r"(?:agreed|reached|exchanged|discussed|expressed|had|held|signed|spoke|said|stressed)\b|"
                         r"\s+and\s+(?=(?:[A-Z][\w'-]*\s+){1,6}(?:held|met|had|visited|signed|spoke|received)\b)|"
                         + _SPEECH_AND)
_NEW_SUBJECT = r"\s+and\s+(?=(?:[A-Z][\w'-]*\s+){1,6}(?:held|met|had|visited|signed|spoke|received)\b)"
_CLAUSE_START = re.compile(r";|,\s+(?:where|which|who|while|whereas|during\s+which|after\s+which)\b|"
                           # not "stressed in a telephone conversation with ...": the occasion is the speaker's own
                           r"\b(?:said|noted|added|stressed)\s+(?:that\s+)?(?!(?:in|during|at)\s)|"
                           r"\b(?:point(?:ed)?\s+out|stress|emphasi[sz]e[sd]?|note|say|add|remind\s+you)\s+that\s+")
# A fronted phrase of time or comparison ends at its comma: "After the telephone conversation between the two heads
# of state on November 1, the exchanges between China and the US have resumed": the noun's parties are inside it.
_FRONTED = re.compile(r"^(?:(?:Just\s+)?(?:[Aa]fter|[Ff]ollowing|[Ss]ince|[Bb]efore|[Aa]s|[Ll]ike|[Uu]ntil))\b")
# An occasion's noun in a fronted "In/During ..." phrase: its parties are inside the phrase or the subject of the
# main clause, not what that subject speaks of ("In their phone call on March 23, President Macron ... hailed the
# courage of the Chinese government": France's side only; "During last night's telephone conversation, President
# Xi and President Moon exchanged views": both)
_IN_THE_NOUN = re.compile(r"^(?:In|During)\b")
_MAIN_VERB = re.compile(r"\b(?:[a-z]+ed|said|says|told|spoke|held|made|gave|took|sent|met|is|are|was|were|has|have)\b")


def second_trigger(sentence: str, first: Trigger) -> tuple[Trigger, int] | None:
    """A second event verb with a subject of its own after the first's clause, and where that subject starts:
    "Wang Yi met with him and Vice Foreign Minister Kong Xuanyou held talks with him"."""
    m = re.compile(_NEW_SUBJECT).search(sentence, first.end)
    if m is None:
        return None
    t = find_trigger(sentence[m.end():])
    if t is None or not t.strong:
        return None
    return Trigger(t.type, True, m.end() + t.start, m.end() + t.end), m.end()


_RELATIVE = re.compile(r",\s+(?:who|which)\b(?!\s+(?:is|was|are|were)\s+(?:now\s+|currently\s+)?(?:in|at)\s)[^,;]*,")


def closed_relatives(sentence: str, trigger: Trigger) -> list[tuple[int, int]]:
    """The relative clauses of the subject closed before the verb ("Zhu, who came to The Hague Tuesday after a
    visit to Luxembourg, also had one-hour talk with ..."): what they tell is not where nor with whom; but "X, who is
    in Paris for ..., met with" tells where, and is kept."""
    return [m.span() for m in _RELATIVE.finditer(sentence, 0, trigger.start)]


def clause_span(sentence: str, trigger: Trigger, *, who_ends: bool = True) -> tuple[int, int]:
    """(start, end) of the clause of a trigger: from the last clause boundary before its verb to the first one
    after it ("Yesterday, President Mattarella paid a visit to a school in Rome | where many Chinese students ...").
    Without `who_ends`, a ", who ..." clause about the counterpart does not end it (where the meeting was:
    "met with Vietnamese Prime Minister Pham Minh Chinh, who was in Kunming for the Expo"). Read once for each
    trigger, sentence and `who_ends`."""
    key = (sentence, who_ends)
    span = trigger.clauses.get(key)
    if span is None:
        span = trigger.clauses[key] = _clause_span(sentence, trigger, who_ends)
    return span


def _clause_span(sentence: str, trigger: Trigger, who_ends: bool) -> tuple[int, int]:
    start = 0
    for m in _CLAUSE_START.finditer(sentence, 0, trigger.start):
        if re.match(r",\s+(?:who|which)\b", m.group()) and "," in sentence[m.end():trigger.start]:
            continue        # a relative clause closed before the verb: "X, who is on a visit to China, met ..."
        start = m.end()
    if not trigger.strong and _FRONTED.match(sentence[start:]):
        comma = sentence.find(", ", trigger.end)
        if comma != -1:
            return start, comma
    if not trigger.strong and _IN_THE_NOUN.match(sentence[start:]) and ", " not in sentence[start:trigger.start]:
        comma = sentence.find(", ", trigger.end)
        verb = _MAIN_VERB.search(sentence, comma + 2) if comma != -1 else None
        if verb is not None:
            return start, verb.start()
    skip = 0
    for m in _CLAUSE_END.finditer(sentence, trigger.end):
        if m.start() < skip or (not who_ends and re.match(r",\s+who\b", m.group())):
            continue
        if not trigger.strong and m.start() - trigger.end < 3 and re.match(r",\s+which\b", m.group()):
            # "The video conference, which lasted two hours yesterday, was attended by ...": the noun's verb
            # comes after its relative clause
            close = sentence.find(",", m.end())
            skip = close if close != -1 else len(sentence)
            continue
        if not trigger.strong and re.match(r"\s+and\s", m.group()) and not re.match(_SPEECH_AND, m.group()):
            continue    # "During last night's telephone conversation, President Xi and President Moon held ..."
        return start, m.start()
    return start, len(sentence)
