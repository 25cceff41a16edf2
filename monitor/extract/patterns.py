"""The claim vocabulary: trigger, hedge, negation and context patterns (bounded regexes)."""

from __future__ import annotations

import re

from monitor.text.normalize import words
from monitor.text.scan import keyed

_I = re.I

# A season phrase inside a pattern: "a third season", "season 3", "another season".
_SEASONISH = r"(?:(?:a|an|another|its|their|the)\s+)?(?:[\w-]+\s+){0,2}?season\b"

RENEW_RE = re.compile(
    r"(?P<verb>\brenew(?:ed|s|ing)?\b(?!\s+(?:status|date|odds|chances|hopes|decision)))"
    r"|(?P<noun>\brenewal\b(?=\s+(?:is\s+|was\s+|has\s+been\s+|now\s+)?(?:officially\s+)?"
    r"(?:confirmed|announced|official)\b)"
    r"|\b(?:confirmed|announced|got|gets|earned|earns|received|receives|secured|secures|landed|"
    r"lands|scored|scores)\s+(?:(?:a|the|its|their)\s+)?(?:(?:show|series|#+)'s\s+|#+\s+)?"
    r"(?:(?:season|series)[\s-]+\w+\s+|[\w-]+[\s-]season\s+)?renewal\b"
    # "it gave X its season 3 renewal", "handed the show a second-season renewal".
    r"|\b(?:gave|gives|give|given|handed|hands)\s+(?:#+|it|the\s+(?:show|series))\s+"
    r"(?:a|an|its|their)\s+(?:(?:season|series)[\s-]+\w+\s+|[\w-]+[\s-]season\s+)?renewal\b)"
    r"|(?P<green>\bgreen[\s-]?lit\b|\bgreen[\s-]?light(?:s|ed)?\b|\bgo-ahead\b)"
    r"|(?P<pick>(?:(?<=\bbeen\s)|(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bbe\s)|(?<=\bget\s)|(?<=\bgets\s)|"
    r"(?<=\bgot\s)|(?<=\bgetting\s))picked\s+up\b|"
    # Another network takes the show on: "revived at Peacock", "saved by Hulu", "finds a new
    # home at Max for season 3", "lands at Prime Video for season 2".
    # Said of the title itself, since a character is also "saved" or "rescued" in a recap.
    r"\brevived\s+(?:at|for)\b|(?:(?<=#\s)|(?<=#\shas\sbeen\s)|(?<=#\shave\sbeen\s)|(?<=#\swas\s)|"
    r"(?<=#\sis\s)|(?<=#\sgets\s))(?:revived|saved|rescued)\b|"
    r"\b(?:revives?|revived|reviving|saves|saved|rescues|rescued)\s+(?:#+|it\b|the\s+(?:show|"
    r"series|drama|comedy))|"
    r"\b(?:finds?|found|lands?|landed|gets?|got)\s+(?:a\s+)?new\s+home\b|"
    r"\b(?:lands?|landed|moves?|moved|moving|heads?|headed|heading)\s+(?:over\s+)?(?:to|at)\s+[\w+.-]+"
    r"(?:\s+[\w+.-]+)?\s+for\s+" + _SEASONISH + r"|"
    r"\bpick(?:s|ed|ing)?\s+up\s+(?:(?:(?:the|its|their)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:series|show|drama|comedy|thriller|anime|sitcom|docuseries|miniseries)(?:\s+#+)?"
    r"|#+|it)\s+for\b|"
    r"\bpicked\s+up\s+(?:for|by)\b|"
    # "the BBC picked up a third season": another network orders the season.
    r"\bpick(?:s|ed|ing)?\s+up\s+(?:(?:a|an|another)\s+[\w-]+\s+season|season\s+\w+)\b"
    r"(?!\s+(?:\w+\s+)?(?:trailer|teaser|release|premiere|date|poster|first|look|cast|preview|"
    r"recap|review|finale|update|of\b|where|from)))"
    r"|(?P<order>(?<!in\s)\border(?:s|ed)?\b(?!\s+(?:to|of\s+(?:events|the\s+day)))"
    r"|\bcommission(?:s|ed|ing)?\b(?!\s+(?:to|of|from|on|rate|fee)\b)"
    r"|\bhanded\s+(?:a|an)\s+[\w-]+\s+order\b)"
    r"|(?P<confirm>\bconfirmed\s+for\s+" + _SEASONISH + r"|\bconfirmed\s+(?:a|another)\s+"
    r"(?:[\w-]+\s+)?season\b"
    r"|(?<!for\s)(?<!of\s)(?<!date\s)(?:\bseason(?:[\s-]+\w+)?(?:\s+of\s+(?:the\s+)?#+)?|"
    r"\bS\d{1,2})\s+"
    r"(?:(?:has\s+been|have\s+been|is|was|are)\s+(?:officially\s+)?(?:confirmed|happening|"
    r"a\s+go|official)\b|(?:officially\s+)?confirmed(?=\s*(?:$|[.!:;,(]|-\s|by\b|at\b)))"
    r"|\bofficially\s+(?:coming\s+back|returning|happening|confirmed|renewed|in\s+the\s+works|"
    r"in\s+development)\b"
    # "Apple announced a second series for X": the season is ordered.
    r"|\bannounc(?:ed|es)\s+(?:a|another)\s+(?:(?:new|[\w-]+)\s+season|(?:second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+series)\s+(?:of|for)\b"
    # "confirmed production for the second and third seasons".
    r"|\bconfirm(?:ed|s)\s+production\s+(?:for|on)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+(?:and|&)\s+)?"
    r"(?:[\w-]+\s+)?(?:seasons?|series)\b"
    r"|(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bofficially\s))coming\s+back\s+for\b"
    r"|(?:(?<=\bwill\s)|(?<=\bofficially\s)|(?<=\bset\sto\s))(?:return|be\s+back|come\s+back)"
    # "will return to BBC Two for series eight and nine", "set to return for third and
    # fourth series", "will be back for new seasons".
    r"(?:\s+to\s+[\w+.-]+(?:\s+[\w+.-]+)?)?\s+for\s+"
    r"(?:(?:a|another|its|their)\s+)?(?:[\w-]+\s+(?:and|&)\s+)?(?:[\w-]+\s+)?"
    r"(?:seasons?|series\s+\w+|[\w-]+\s+series)\b"
    # "gets two more series", "lands another two seasons": a double order.
    r"|\b(?:gets?|getting|got|lands?|landed|earns?|earned|scores?|scored|secures?|secured)\s+"
    r"(?:another\s+)?(?:two|three|2|3)\s+(?:(?:more|further|new|additional)\s+)?"
    r"(?:seasons|series)\b"
    r"|\breturning\s+for\s+(?:a|another)\b"
    # "Gets 2nd Season", "is getting a second season", "lands a third season".
    r"|\b(?:gets?|getting|got|lands?|landed|scores?|scored|earns?|earned|nabs?|nabbed|"
    r"bags?|bagged|secures?|secured)\s+(?:(?:a|an|another)\s+)?(?:[\w-]+[\s-]+)?season\b"
    r"(?!\s+(?:\w+\s+)?(?:trailer|teaser|release|premiere|date|poster|first|look|cast|"
    r"preview|recap|review|finale|update|of\b))"
    r"|\bthere\s+(?:will|is\s+going\s+to)\s+be\s+(?:a|another)\s+(?:[\w-]+\s+)?season\b"
    r"|\bstatus\s*:\s*renewed\b"
    r"|\bconfirm(?:s|ed)\s+(?:that\s+)?(?:#+(?:'s)?\s+)?(?:season[\s-]+\w+|(?:a|another)\s+"
    r"(?:[\w-]+\s+)?season)\b(?!\s+(?:of\s+#+\s+)?(?:(?:release|premiere|launch|air|debut)\s+)?"
    r"(?:date|window|premiere|trailer|teaser|cast|details|plot|filming|production|is|will|"
    r"has|arrives|premieres|returns)\b))"
    r"|(?P<ko>제작\s*(?:을|를|이)?\s*(?:공식\s*)?확정|시즌\s*\d+\s*(?:제작\s*)?(?:을|를|이|가)?\s*"
    r"(?:공식\s*)?확정)",
    _I,
)

CANCEL_RE = re.compile(
    r"(?P<verb>\bcancel(?:s|ed|led|ling)?\b|\bcancell?ation\b(?=\s+(?:is\s+|was\s+|has\s+been\s+)?"
    r"(?:official|confirmed|announced)\b)|\b(?:announced|confirmed)\s+(?:the|its|their)\s+"
    r"cancell?ation\b|\bax(?:e|es|ed|ing)\b|(?:(?<=\bhas\s)|(?<=\bhave\s)|(?<=\bbeen\s)|(?<=\bwas\s)|(?<=#\s))canned\b|\bscrap(?:s|ped)\b|\bpull(?:s|ed)?\s+the\s+plug\b|"
    r"\bstatus\s*:\s*cancell?ed\b)"
    r"|(?P<neg>(?:(?<=\bnot\s)|(?<=n't\s)|(?<=\bnot\sbe\s)|(?<=n't\sbe\s)|(?<=\blonger\s)|"
    r"(?<=\blonger\sbe\s))(?:return(?:ing)?|coming\s+back|come\s+back|back)\b"
    r"(?!\s+(?:to|as|with)\b)"
    r"|(?:(?<=\bnot\s)|(?<=n't\s))(?:get(?:ting)?|receive|be\s+getting)\s+(?:a|another)\s+"
    r"(?:[\w-]+\s+)?season\b"
    r"|(?:(?<=\bwill\s)|(?<=n't\s))be\s+no\s+(?:more\s+)?(?:[\w-]+\s+)?seasons?\b"
    r"|(?<=n't\s)be\s+(?:a|another)\s+(?:[\w-]+\s+)?season\b"
    r"|(?<=\bnot\s)happening\b"
    r"|\b(?:opted|decided|chose|choosing|deciding|declined)\s+(?:not\s+to|against)\s+(?:move|moving|"
    r"renew|renewing|continue|continuing|proceed|proceeding|go|going)\b"
    r"|(?:(?<=\bwill\snot\s)|(?<=\bwon't\s)|(?<=\bwill\snot\sbe\s)|(?<=\bwon't\sbe\s))renew(?:ed)?\b|"
    r"(?<=\bnot\sto\s)renew\b|"
    r"\bdeclined\s+to\s+renew\b|\bpass(?:ed|es)?\s+on\s+(?:a|another)\s+(?:[\w-]+\s+)?season\b"
    # "Hulu Passes on 'X' Season 2": the network turns the season down.
    r"|\bpass(?:ed|es)?\s+on\s+['\"]?#+['\"]?(?:'s)?\s+season\s+\w+"
    r"|(?:(?<=\bnot\s)|(?<=\bnot\sbe\s)|(?<=n't\s)|(?<=n't\sbe\s))(?:move|moving|go|going)\s+"
    r"forward\s+with\s+(?:(?:a|another|the)\s+)?(?:[\w-]+\s+)?season\b"
    r"|(?:(?<=\bnot\s)|(?<=\bnot\sbe\s))(?:moving|going)\s+forward\b"
    r"|(?<=\bone\sand\s)done\b)"
    r"|(?P<end>\b(?:end|ends|ending|conclude|concludes|concluding|wrap\s+up|wraps\s+up)\s+"
    r"(?:with|after)\s+(?:its|the|a)?\s*(?:(?:upcoming|current|forthcoming)\s+)?"
    r"(?:season\s+\w+|[\w-]+\s+season)\b)"
    r"|(?P<ko>제작\s*(?:이\s*)?무산|시즌\s*\d+\s*(?:제작\s*)?(?:이\s*)?무산|제작\s*취소)",
    _I,
)

# "The cast returned to the set in March": back at work, not back on screen.
_BACK_TO_WORK = (
    r"(?!\s+to\s+(?:the\s+)?(?:set|sets|filming|shooting|production|work|studio|stage|"
    r"location|writers'?\s+room)\b)"
)
DATE_TRIGGER_RE = re.compile(
    r"\bpremier(?:e|es|ed|ing)\b|\brelease(?:s|d)?\b|\breleasing\b|\barriv(?:e|es|ed|ing|al)\b|"
    r"\breturn(?:s|ed|ing)?\b"
    + _BACK_TO_WORK
    # "checks back in for its second season this Friday", "is back for season 2 on Friday".
    + r"|\bcomes?\s+back\b"
    + _BACK_TO_WORK
    + r"|(?:(?<=\bwill\sbe\s)|(?<='ll\sbe\s)|(?<=\bto\sbe\s))back\b"
    r"(?=\s+(?:on|in|this|next|for|later|early|from)\b)"
    r"|\bcheck(?:s|ed|ing)?\s+back\s+in\b|\b(?:is|are)\s+back\b(?=\s+(?:for|this|next|"
    r"tonight|tomorrow)\b)" + r"|\bdrop(?:s|ped|ping)?\b|\blaunch(?:es|ed|ing)?\b|"
    r"\bdebut(?:s|ed|ing)?\b|\bland(?:s|ed|ing)?\b|\bhit(?:s|ting)?\s+(?:netflix|screens|"
    r"streaming|prime|hbo|disney|hulu|apple)\b|\bset\s+(?:for|to\s+(?:premiere|debut|arrive|return|"
    r"launch|drop|release|land|hit|stream|air|bow|be\s+released|come\s+out))\b|"
    # "Sets April 16 Date", "sets a March 5 premiere", "has set Thursday, April 16 for Part 1".
    r"\bset(?:s|ting)?\b(?=\s+(?:(?:a|an|the)\s+)?(?:(?-i:[A-Z0-9])[\w.]*,?\s+){1,4}"
    r"(?:date|premiere|return|release|debut|launch|bow|for)\b)|\bslated\b|"
    # "slates season 3 for Q4 2028": the verb, not a network's "fall slate".
    r"\bslat(?:e|es|ing)\b(?=\s+[^.;:]{0,80}?\bfor\s+(?:(?:a|an|the)\s+)?(?:q[1-4]|h[12]|early|"
    r"late|mid|spring|summer|fall|autumn|winter|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"\d))|"
    r"\bscheduled\b|\bdated\b|\bdue\b(?!\s+to\b)|\bcoming\b|\bcomes?\s+out\b|"
    r"\bcomes\s+to\s+(?:netflix|screens|streaming|prime|hbo|disney|hulu|apple|bbc|itv)\b|"
    r"\bout\s+(?:on|in|now|today|this|next)\b|\bbows?\b|\bbowing\b|"
    r"\bstream(?:s|ing)?\s+(?:from|on|starting|beginning)\b|\bavailable\s+(?:from|on|starting|"
    r"beginning|to\s+stream)\b|\bwindow\b|\bdelay(?:s|ed)?\b|\bpushed\b|\bmoved\b|\bpostponed\b|"
    r"\bshifted\b|\bbumped\b|\brescheduled\b|\bair(?:s|ed|ing)?\b|\bgets\s+a\s+date\b|"
    r"\bkicks?\s+off\b|\bstarts?\s+streaming\b|"
    # UK broadcast start: "will begin on BBC One on Sunday 13 July" (not "begin filming").
    r"\b(?:begin|begins|start|starts)\s+(?=on\b|airing\b|broadcasting\b)|공개|방송|放送|配信|公開",
    _I,
)
# Release verbs whose object is not the season ("released the first trailer").
_NOT_SEASON_OBJECT = (
    r"trailers?|teasers?|posters?|first[\s-]look|images?|photos?|stills?|clips?|featurettes?|"
    r"statements?|synopsis|key\s+art|soundtrack|footage|promos?|videos?|sneak\s+peeks?|tease|"
    r"titles?|logo|songs?|singles?|albums?|books?|novels?|podcasts?|games?|campaigns?|"
    r"petitions?|apps?|website|merch|collection|roles?|deals?|spots?|nominations?|awards?|"
    r"places?|ratings|numbers|details|look|glimpse|episode\s+titles|finales?"
)
OBJECT_AFTER_RE = re.compile(
    r"\s+(?:(?:the|a|an|its|their|her|his|new|first|second|third|official|full|latest|final|"
    r"brand-new|another|more|some|\d+|#+)\s+){0,3}"
    # "released new Season 3 images": a season's images are still images.
    r"(?:(?:season|series|part|volume)\s+\w+\s+|S\d{1,2}\s+)?(?:" + _NOT_SEASON_OBJECT + r")\b",
    _I,
)
# "Filming on season 2 has been delayed to January": a production date, not a release.
PRODUCTION_SUBJECT_RE = re.compile(
    r"\b(?:filming|production|shooting|photography|casting|writing)\b(?:\s+(?:on|of|for)\s+"
    r"[^,.;]{0,50}?)?\s+(?:(?:has|have|had|was|were|is|are|been|be|officially|now|reportedly)\s+)"
    r"{0,3}$",
    _I,
)
# "Episode 5 aired tonight": a later episode's date is not the season's.
LATER_EPISODE_BEFORE_RE = re.compile(
    r"\bepisode\s+(?:[2-9]|\d\d|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"(?:\s+(?:of\s+[^.;]{0,30}?|has|have|will|is|officially|finally)){0,3}\s*$",
    _I,
)
# "with the last four episodes to follow on Christmas Eve": a later batch's date is not the
# season's (a split season is dated by its first part).
LATER_BATCH_RE = re.compile(
    r"\b(?:(?:last|final|remaining|other|next|later|second)\s+(?:\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten|few|batch\s+of)?\s*(?:episodes|instal?lments|chapters)|"
    r"(?:second|next|final|last|remaining)\s+(?:batch|volume|instal?lment)|"
    r"rest\s+of\s+the\s+(?:season|series|episodes|run)|remainder\s+of\s+the\s+"
    r"(?:season|series|episodes|run)|back\s+half|second\s+half\s+of\s+the\s+(?:season|series))\b",
    _I,
)
# "The first part will debut on November 16": the date of part 1, not of a later part.
FIRST_BATCH_RE = re.compile(
    r"\b(?:first|initial|opening)\s+(?:\d+\s+|two\s+|three\s+|four\s+|five\s+|six\s+|"
    r"seven\s+|eight\s+|nine\s+)?(?:part|half|batch|volume|instal?lment|episodes)\b|"
    r"\b(?:part|volume|vol\.)\s+(?:1|one)\b",
    _I,
)
# Subjects whose release is not the season's ("the trailer dropped", "ratings dropped").
NOT_SEASON_SUBJECTS = frozenset(
    words(
        """trailer trailers teaser teasers poster posters look images image photos photo clip
        clips featurette featurettes promo promos video videos footage campaign campaigns
        petition petitions rating ratings viewership numbers views audience audiences stock
        stocks shares price prices subscribers interest finale finales"""
    )
)
PAST_TRIGGER_RE = re.compile(
    r"(?:premiered|released|arrived|returned|dropped|launched|debuted|landed|bowed|aired|"
    r"came\s+out)$",
    _I,
)
FUTURE_PASSIVE_RE = re.compile(
    r"(?:will|'ll|to|is\s+set\s+to|is\s+scheduled\s+to|is\s+due\s+to)\s+(?:be\s+|have\s+)?$",
    _I,
)
# Verbs whose dates are not release dates ("announced on Monday", "renewed in March").
OTHER_VERB_RE = re.compile(
    r"\b(?:announc(?:e|ed|es|ing)|confirm(?:ed|s|ing)?|reveal(?:ed|s|ing)?|said|says|told|"
    r"report(?:ed|s)?|post(?:ed|s)|shar(?:e|ed|es)|unveil(?:ed|s)?|teas(?:e|ed|es)|"
    r"filmed|shot|wrapped|began|started|joined|cast|hired|won|nominated|broke|topped|"
    r"ranked|debriefed|interviewed|spoke|wrote|tweeted|"
    # "with filming to begin later this year": a production start, not a release.
    r"begin|begins|start|starts|commences?|resumes?|filming|shooting|"
    # "scheduled to shoot through October", "will wrap in May": a production schedule.
    r"shoot|shoots|film|wrap|wraps|wrapping)\b",
    _I,
)
MOVE_RE = re.compile(
    r"\b(?:delay(?:s|ed|ing)?|push(?:es|ed|ing)?|mov(?:e|es|ed|ing)|postpon(?:e|es|ed|ing)|"
    r"shift(?:s|ed|ing)?|bump(?:s|ed|ing)?|reschedul(?:e|es|ed|ing)|chang(?:e|es|ed|ing))\b",
    _I,
)
SUPERSEDED_BEFORE_RE = re.compile(
    r"(?:\boriginally|\bpreviously|\binitially|\bhad\s+been|\bwas\s+(?:set|scheduled|"
    r"slated|due|supposed|planned|expected)|\bwere\s+(?:set|scheduled|slated|due)|\binstead\s+of|"
    r"\brather\s+than|\bformerly|\bearlier)\b[^.;,]{0,40}$",
    _I,
)
# "The October 2 premiere has been scrapped": a date that is no longer the date.
DROPPED_AFTER_RE = re.compile(
    r"\s*(?:(?:season\s+\w+\s+)?(?:premiere|release|launch|debut|return|air)\s+)?(?:date\s+)?"
    r"(?:(?:has|have)\s+been|was|were|is|are|got|gets)\s+(?:now\s+|officially\s+|since\s+)?"
    r"(?:scrapped|cancell?ed|pulled|dropped|called\s+off|scratched|abandoned|removed|axed|"
    r"off|no\s+longer\s+(?:happening|on|going\s+ahead))\b",
    _I,
)
# "The premiere has been scrapped": a date is cancelled, not the show.
CANCELLED_SUBJECT_RE = re.compile(
    r"\b(?:premiere|release|launch|debut|air|return|bow)\s+(?:date\s+)?(?:(?:has|have)\s+been|"
    r"was|were|is|are|got|gets)\s+(?:now\s+|officially\s+)?$",
    _I,
)
CANCELLED_OBJECT_RE = re.compile(
    r"\s+(?:the|its)\s+(?:(?:planned|scheduled|upcoming|original|season\s+\w+|"
    r"[a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)\s+){0,2}(?:premiere|release|launch|debut)\b",
    _I,
)
# "delayed it indefinitely in August": the month of the delay, not the new date.
MOVE_EVENT_BETWEEN_RE = re.compile(
    r"(?:(?!\b(?:to|until|till|into|for|from)\b)[^.;,])*\b(?:in|on|during|last|earlier\s+in)\s+"
    r"(?:the\s+)?$",
    _I,
)
NOT_RELEASE_BEFORE_RE = re.compile(
    r"\b(?:through|until|till|by|before|since|ahead\s+of|between|to\s+shoot|to\s+film)\s+(?:the\s+)?$",
    _I,
)

UNANNOUNCED_RE = re.compile(
    r"\bno\s+(?:official\s+|confirmed\s+|firm\s+|exact\s+|specific\s+|new\s+|"
    r"#+(?:'s)?\s+(?:season\s+\w+\s+)?)?(?:release\s+|premiere\s+|"
    r"launch\s+|air\s+|debut\s+|transmission\s+|broadcast\s+|streaming\s+)?date\b"
    r"(?!\s+(?:change|shift))"
    r"|\bno\s+word\s+(?:yet\s+)?on\s+(?:a|the|when)\b"
    # "delayed season 2 indefinitely": whatever date it had is gone, and none replaces it.
    r"|\b(?:delay(?:s|ed)?|postpon(?:es|ed)|push(?:es|ed)\s+back|shelv(?:es|ed)|"
    r"put\s+on\s+hold|paus(?:es|ed))\s+(?:[^.;,]{1,50}?\s+)?indefinitely\b"
    r"|\bindefinitely\s+(?:delayed|postponed|shelved|on\s+hold|paused)\b"
    r"|\b(?:release|premiere|launch|debut|air|transmission|broadcast)\s+date\s+(?:for\s+[^.;]{1,60}?\s+)?(?:has|have|is|was)"
    r"\s*(?:not|n't|yet\s+to)\s+(?:yet\s+)?(?:been\s+)?(?:set|announced|confirmed|revealed|given|"
    r"released|scheduled|determined|decided|shared|unveiled|made\s+public)\b"
    r"|\bdate\s+(?:has|have|is|was)\s*(?:not|n't|yet\s+to)\s+(?:yet\s+)?(?:be(?:en)?\s+)?"
    r"(?:set|announced|confirmed|revealed|given|released|scheduled|determined|shared|unveiled)\b"
    r"|(?:(?<=n't\s)|(?<=\bnot\s)|(?<=n't\syet\s)|(?<=\bnot\syet\s))(?:have|know)\s+"
    r"(?:a|the|any|an\s+exact|an\s+official)\s+(?:(?:official|confirmed|exact)\s+)?"
    r"(?:(?:release|premiere|launch)\s+)?date\b"
    # "a release date for series three (is) yet to be announced".
    r"|\b(?:release|premiere|launch|debut|air)\s+date\s+(?:for\s+[^.;]{1,60}?\s+)?"
    r"(?:(?:is|remains)\s+)?(?:still\s+)?yet\s+to\s+be\s+(?:announced|confirmed|revealed|set|"
    r"determined|given)\b"
    # "official word on when it will air has not yet been formally announced".
    r"|\bword\s+on\s+when\b[^.;]{0,80}?\b(?:has|have|is)\s*(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:formally\s+|officially\s+)?(?:announced|given|confirmed|revealed|shared)\b"
    r"|(?:(?<=n't\s)|(?<=\bnot\s)|(?<=\byet\s)|(?<=n't\sbeen\s)|(?<=\bnot\sbeen\s)|"
    r"(?<=\bnot\syet\sbeen\s)|(?<=n't\syet\sbeen\s))(?:announced|set|revealed|confirmed|given|shared|"
    r"scheduled)\s+(?:(?:#+|it|the\s+show|the\s+series)\s+(?:season\s+\w+\s+)?|season\s+\w+\s+)?"
    r"(?:a|the|an)\s+(?:(?:official|exact|specific)\s+)?(?:(?:release|premiere|launch)\s+)?"
    r"date\b"
    r"|(?:(?<=n't\s)|(?<=\bnot\s)|(?<=n't\syet\s))know\s+when\b|\bunclear\s+when\b"
    r"|\byet\s+to\s+(?:announce|set|reveal|confirm|give|share|receive|get)\s+(?:a|the|an)\s+"
    r"(?:(?:official|exact)\s+)?(?:(?:release|premiere|launch)\s+)?date\b"
    r"|\b(?:(?:release|premiere|launch)\s+)?date\s+(?:will|would|is\s+to)\s+be\s+(?:announced|"
    r"revealed|confirmed|shared)\s+(?:later|soon|at\s+a\s+later\s+date|in\s+due\s+course|"
    # "will be announced in the summer": that season is when the news comes, not the show.
    r"(?:in|during|over|by|this|next|at)\s+(?:the\s+)?(?:coming\s+)?[\w-]+)\b"
    r"|\b(?:announce|reveal|confirm|share)\s+(?:a|the)\s+(?:(?:release|premiere|launch)\s+)?date\s+"
    r"(?:later|soon|at\s+a\s+later\s+date|in\s+due\s+course)\b"
    r"|\b(?:(?:release|premiere)\s+)?date\s*(?::|is|remains)?\s*(?:TBA|TBD|TBC)\b"
    r"|(?:(?<=#\s)|(?<=\d\s)|(?<=\bis\s)|(?<=\bremains\s)|(?<=\bstill\s))(?:TBA|TBD|TBC)\b"
    r"|\bon\s+a\s+date\s+(?:yet\s+)?to\s+be\s+(?:announced|confirmed|determined|revealed)\b"
    r"|\b(?:release|premiere)\s+date\s+(?:is\s+|remains\s+)?(?:still\s+)?(?:a\s+mystery|"
    r"under\s+wraps)\b"
    r"|\b(?:release|premiere)\s+date\s*(?::|is|remains)?\s*(?:unknown|unconfirmed|"
    r"to\s+be\s+(?:announced|confirmed|determined))\b"
    r"|\bwithout\s+a\s+(?:(?:release|premiere)\s+)?date\b|\bundated\b|"
    r"\byet\s+to\s+(?:be\s+)?dated?\b(?!\s+\w)|"
    # "Nothing has been confirmed regarding the release schedule."
    r"\bnothing\s+(?:has\s+been\s+|is\s+|was\s+)?(?:yet\s+)?(?:confirmed|decided|set|"
    r"finali[sz]ed|announced)\s+(?:yet\s+)?(?:regarding|about|on|for|as\s+to)\s+(?:the\s+)?"
    r"(?:release|premiere|launch|air|broadcast)\s*(?:date|schedule|timing|plans?|window)?\b|"
    r"(?:(?<=\bnot\syet\s)|(?<=\bnot\syet\sbeen\s))dated\b"
    r"|공개\s*(?:일|날짜)\s*(?:은|는)?\s*(?:미정|아직)",
    _I,
)

# "The fate of X is still undecided": the item says no renewal decision has been made.
UNDECIDED_RE = re.compile(
    r"\b(?:fate|future)\b[^.;]{0,60}?\b(?:is|remains|was|stays)\s+(?:still\s+|currently\s+)?"
    r"(?:undecided|unknown|unclear|uncertain|undetermined|up\s+in\s+the\s+air|in\s+limbo|"
    r"pending|to\s+be\s+decided)\b"
    r"|\b(?:yet\s+to|not\s+yet)\s+(?:decide|decided|make\s+a\s+decision)\b"
    r"|\bhas\s+(?:not|n't)\s+(?:yet\s+)?(?:decided|made\s+a\s+decision)\b"
    r"|\bno\s+(?:final\s+)?decision\b(?!\s+(?:yet\s+)?to\s+(?:cancel|end|renew))",
    _I,
)

PHASE_RE = re.compile(
    r"(?P<development>(?:(?<=\bin\s)|(?<=\bin\searly\s)|(?<=\bin\sactive\s)|(?<=\bof\s))"
    r"development\b|(?<=\bbeing\s)developed\b)"
    r"|(?P<pre>\bpre-?production\b"
    r"|\bwriters?'?s?\s+room\s+(?:(?:for|on|of)\s+[^.;,]{0,60}?\s+)?(?:(?:has|have|is|are|was)\s+)?"
    r"(?:been\s+)?(?:(?:officially|already|now)\s+)?(?:open(?:ed)?|underway|begun|"
    r"started|convened|assembled|working)\b"
    r"|\bfirst\s+day\s+(?:of|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?writers?'?s?\s+room\b"
    r"|\b(?:kick(?:s|ed)?\s+off|open(?:s|ed)|start(?:s|ed)|launch(?:es|ed)|convene[sd]?)\s+"
    r"(?:(?:the|its|a)\s+)?(?:[\w-]+\s+){0,3}?writers?'?s?\s+room\b"
    # "already scripting the second series", "I've been writing it".
    r"|(?:(?<=\balready\s)|(?<=\bcurrently\s)|(?<=\bbusy\s)|(?<=\bbeen\s)|(?<=\bstill\s))"
    r"(?:scripting|writing)\s+(?:it\b|the\s+(?:new\s+|next\s+)?(?:[\w-]+\s+)?(?:season|series|"
    r"scripts?|episodes)\b)"
    r"|\bwriting\s+(?:has|is|was|had)\s+(?:officially\s+|now\s+)?(?:begun|started|underway|"
    r"under\s+way|wrapped|complete|finished|done)\b"
    r"|\b(?:started|began|begun|starts|begins|commenced)\s+(?:work\s+on\s+(?:the\s+)?"
    r"(?:scripts?|writing)|writing)\b"
    r"|\bwriters\s+have\s+(?:started|begun|been\s+(?:hired|working))\b"
    # Writers' room jargon: "writers are already breaking stories for the new season".
    r"|\bwriters?\b[^.;]{0,40}?\b(?:break(?:ing|s)?|broke)\s+(?:the\s+)?stor(?:y|ies)\b"
    # "Writers are already at work on the new scripts."
    r"|\b(?:working|hard\s+at\s+work|(?<=\bat\s)work)\s+on\s+(?:the\s+)?"
    r"(?:(?:new|next|season's|season\s+\w+|[\w-]+\s+season's)\s+)?scripts?\b"
    r"|\bscripts?\s+(?:(?:for|on|of)\s+[^.;,]{0,60}?\s+)?(?:are|is|have\s+been|has\s+been)\s+"
    r"(?:(?:already|now|currently|still)\s+)?(?:being\s+)?(?:written|complete|completed|"
    r"finished|done|ready)\b"
    r"|\bscript\s+reading\b|\btable\s+reads?\b"
    r"|\bcasting\s+(?:is\s+|has\s+)?(?:officially\s+)?(?:underway|under\s+way|begun|began|started|"
    r"opened|calls?\b)"
    r"|\blocation\s+scouting\b|\bprep\s+(?:is|has)\s+(?:underway|begun|started)\b"
    r"|대본\s*리딩|사전\s*제작)"
    r"|(?P<post>\bpost-?production\b|\bwrap(?:s|ped|ping)?\s+(?:up\s+)?(?:filming|production|"
    r"shooting|principal\s+photography)\b|\b(?:filming|production|shooting|principal\s+photography)\s+(?:(?:on|of|for)\s+"
    r"[^.;,]{0,60}?\s+)?(?:(?:has|have|had|officially|now|finally|is|was)\s+){0,3}(?:wrapped|ended|"
    r"finished|concluded|completed|wrapped\s+up|over|complete|done)\b|\b(?:finished|completed|"
    r"concluded|ended)\s+(?:filming|shooting|production|principal\s+photography)\b|"
    r"(?:(?<=\bit's\sa\s)|(?<=\bits\sa\s)|(?<=\bthat's\sa\s))wrap\b|"
    # "Season 2 wraps;" "X season 2 has wrapped.": intransitive, right after the season.
    r"(?:(?<=\d\s)|(?<=season\s)|(?<=\btwo\s)|(?<=three\s)|(?<=\bfour\s)|(?<=\bfive\s)|"
    r"(?<=\bhas\s)|(?<=\bhave\s)|(?<=\bofficially\s)|(?<=\bfinally\s))wrap(?:s|ped)\b"
    r"(?=[ ]?[;,.:!\n-]|\s*$)|(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bnow\s))in\s+post\b(?![\w-])|"
    r"\bcameras?\s+(?:have\s+|had\s+)?"
    r"(?:long\s+since\s+)?stopped\b|\bediting\s+(?:(?:is|has|now|officially|already|well)\s+){1,3}(?:been\s+)?(?:underway|"
    r"under\s+way|begun|started|in\s+progress)\b|"
    r"(?<=\bin\sthe\s)editing\s+(?:room|suite|bay)\b|"
    # "Season 2 is officially in the can": the footage is shot.
    r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bnow\s)|(?<=\bofficially\s)|(?<=\bfinally\s)|"
    r"(?<=\bsafely\s))in\s+the\s+can\b|(?<=\bbeing\s)edited\b|크랭크\s*업|촬영\s*(?:을|이)?\s*(?:종료|마쳤|마무리|끝))"
    r"|(?P<filming>\b(?:began|begun|begins|begin|start(?:s|ed)?|starting|kick(?:s|ed)?\s+off|"
    r"commenced?|commences|resumed?|resumes|got\s+underway)\s+(?:filming|shooting|production|"
    r"principal\s+photography)\b"
    r"|\b(?:filming|shooting|production|principal\s+photography)\s+(?:(?:on|of|for)\s+"
    r"[^.;,]{0,60}?\s+)?(?:(?:has|have|had|is|was|officially|now|finally|currently|already|"
    r"still)\s+){0,3}(?:began|begun|"
    r"begins|started|starts|kicked\s+off|kicks\s+off|commenced|commences|underway|under\s+way|"
    r"got\s+underway|resumed|ongoing|in\s+progress)\b"
    r"|\b(?:currently|still|now|actively)\s+(?:in\s+production|filming|shooting|being\s+filmed|"
    r"being\s+shot)\b|(?<=\bin\s)production\b"
    r"|(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bbeen\s))(?:filming|shooting|being\s+filmed|being\s+shot)\b"
    r"|\bcameras?\s+(?:(?:are|is|have|has|had|were|was|been|now|officially|finally|already|"
    r"currently|started|begun|began|set)\s+){0,3}rolling\b|"
    r"\bcameras\s+(?:roll|rolls|rolled)\b|"
    # "Cameras have officially started to roll on X".
    r"\bcameras?\s+(?:have\s+|has\s+)?(?:officially\s+|finally\s+|now\s+)?(?:started|begun|began)\s+"
    r"(?:to\s+roll|rolling)\b|\broll(?:s|ed|ing)?\s+cameras\b|"
    r"\b(?:went|goes|go|going|gone)\s+before\s+(?:the\s+)?cameras?\b|크랭크\s*인|촬영\s*(?:을|에)?\s*(?:시작|돌입|중|진행|들어갔|들어간))"
    r"|(?P<now>\bnow\s+(?:streaming|available|out|showing|on\s+netflix|playing)\b|\bout\s+now\b|"
    r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bfinally\s))out\b(?!\s+(?:on|in|of|to|for|this|next)\b)|"
    r"\b(?:premieres?|premiered|arrives?|arrived|drops?|dropped|debuts?|debuted|released|releases|"
    r"out|available|streaming|lands?|landed|launch(?:es|ed)?|hits?|returns?|returned|bows)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:today|tonight)\b|(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bnow\s))available\s+to\s+"
    r"(?:stream|watch)\b|(?:(?<=\bis\s)|(?<=\bare\s))streaming\b|\bstreaming\s+now\b|오늘\s*공개|"
    r"\bavailable\s+(?:(?:to\s+(?:stream|watch)\s+)?on\s+[\w+.-]+(?:\s+[\w+.-]+)?\s+)?now\b|"
    # "All eight episodes of season 2 are on Netflix now".
    r"(?:(?<=\bis\s)|(?<=\bare\s))on\s+[\w+.-]+(?:\s+[\w+.-]+)?\s+now\b)"
    r"|(?P<past>(?:(?<=\bhas\s)|(?<=\bhave\s)|(?<=\bofficially\s)|(?<=\bfinally\s))(?:premiered|"
    r"debuted|dropped|arrived|landed|launched|returned)\b|(?:(?<=\bhas\s)|(?<=\bhave\s))been\s+"
    r"released\b|(?:(?<=\bwas\s)|(?<=\bwere\s))released\b|"
    r"\b(?:premiered|debuted|dropped|released|arrived|launched|landed|returned)"
    + _BACK_TO_WORK
    + r"\s+(?:on\s+|last\s+|"
    r"this\s+(?:week|month|past)|in\s+|earlier\s+|to\s+|with\s+|yesterday|worldwide|globally|"
    # "returned for its third season on October 16th".
    r"for\s+(?:its|a|the|their)\s+[\w-]+\s+season\s+(?:on|in|last|this|earlier|yesterday)\b)|"
    r"공개됐|공개되었|"
    # "series 2, episode 1 review": an episode has aired, so the season is out.
    r"\bepisode\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight)\s*(?:review|recap)\b|"
    r"\b(?:premiere|finale)\s+recap\b)",
    _I,
)
# A season on air: its finale is coming or came, it continues weekly, it has been out
# since its debut ("ahead of the season three finale", "Season 3 continues Sundays").
AIRING_RE = re.compile(
    r"(?P<airing>\b(?:(?:season|series)[\s-]+\w+|S\d{1,2}|(?:first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))[\s-]season)(?:'s)?\s+finale\b"
    r"(?!\s+(?:date|details|title|episode\s+title|will\s+be\s+(?:released|available)))"
    r"|\b(?:season|series)\s+\w+\s+continues\s+(?:(?:on|every|each|tonight|next|this|with)\b|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days\b)"
    r"|\bsince\s+(?:its|the|their)\s+(?:(?:season|series)[\s-]+\w+|[\w-]+[\s-]season)\s+"
    r"(?:debut|premiere|launch|return|bow)\b"
    r"|\b(?:new\s+)?episodes\s+(?:are\s+)?(?:airing|arrive|arriving|air|drop|dropping|"
    r"releasing|streaming)\s+(?:weekly|every\s+week|each\s+week|one\s+at\s+a\s+time|"
    r"(?:every\s+|on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b"
    r"|(?:(?<=\bis\s)|(?<=\bare\s))currently\s+(?:streaming|airing|on\s+air)\b)",
    _I,
)
AIRING_HINTS = ("finale", "continues", "since", "episodes", "currently")
PHASE_FUTURE_BEFORE_RE = re.compile(
    r"\b(?:will|'ll|to|set\s+to|scheduled\s+to|slated\s+to|due\s+to|expected\s+to|going\s+to|"
    r"about\s+to|plans?\s+to|ahead\s+of|before|once|until|when|prepar\w+\s+(?:for|to))\s+"
    r"(?:(?:officially|finally|soon|be|get)\s+)?$",
    _I,
)
PHASE_FUTURE_AFTER_RE = re.compile(
    r"\s*(?:will|is\s+set\s+to|is\s+scheduled\s+to|is\s+expected\s+to|is\s+due\s+to|should|"
    r"could|would|may|might|is\s+slated\s+to|is\s+about\s+to|is\s+going\s+to)\s+(?:officially\s+)?"
    r"(?:begin|start|commence|kick|get|resume|wrap|end|finish)",
    _I,
)

HEDGE_RE = re.compile(
    r"\b(?:could|might|would|should|likely|unlikely|possibly|possible|perhaps|maybe|probably|"
    r"probable|potential(?:ly)?|expect(?:s|ed|ing)?|anticipat(?:e|es|ed|ing)|hop(?:e|es|ed|ing|"
    r"eful|efully)|plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|target(?:s|ed|ing)?|tipped|touted|"
    r"rumou?r(?:s|ed)?|reportedly|allegedly|supposedly|apparently|seemingly|seems?|"
    r"appears?\s+to|unconfirmed|speculat\w*|predict\w*|guess\w*|estimat\w*|wants?\s+to|"
    r"wish(?:es)?|if|unless|whether|(?<=\bin\s)talks|assum\w*|presumabl\w*|suggest\w*|"
    r"fingers\s+crossed|(?<=\bat\sthe\s)earliest|(?:(?<=\bwe\s)|(?<=\bi\s))(?:think|believe)|"
    r"we'd|odds|chances?|fear(?:s|ed)?|worr(?:y|ies|ied)|intend(?:s|ed)?|pencil(?:l?ed)?\s+in|"
    r"would\s+love|keen\s+to|eager\s+to|prepared\s+to|willing\s+to|all\s+but|"
    r"(?<=\bin\sthe\s)running|"
    # A habit is no news: "Normally a show that performs well gets a renewal".
    r"normally|usually|typically|generally|traditionally)\b|(?-i:\bmay\b)"
    # "either actively in development or in production": one of two, neither stated.
    r"|\beither\s+[^.;]{1,60}?\s+or\b"
    # Korean and Japanese: likelihood, outlook, expectation, "seems", rumour.
    r"|가능성|전망|예상|관측|추정|것으로\s*보|로\s*보인|로\s*보고|듯하|듯\s*하|루머|소문|할지|"
    r"可能性|見込み|予想|見通し|噂|かもしれ|とみられ|と見られ|模様|らしい",
    _I,
)
# Speculation that colours a whole sentence, not only its clause.
SPECULATION_RE = re.compile(
    r"(?<!despite\s)(?<!despite\sthe\s)(?<!denied\s)(?<!denied\sthe\s)(?<!dismissed\s)"
    r"\b(?:predict\w*|guess\w*|speculat\w*|rumou?r(?:s|ed)?|we\s+think|we\s+believe|"
    r"we\s+expect|we'd\s+expect|our\s+(?:bet|guess|prediction|estimate|theory)|unconfirmed|"
    r"reportedly|allegedly|insiders?|fan\s+theor\w*|wishlist|if\s+(?:renewed|greenlit|"
    r"netflix|it|the\s+show|the\s+series)|"
    # What follows a denial is what is denied; a claim or a leak is not an announcement.
    # A writer's bet is not the network's word: "we wouldn't be surprised to see it in May".
    r"(?:wouldn't|would\s+not|don't|do\s+not)\s+be\s+surprised|(?:we'd|i'd|we\s+would)\s+bet|"
    r"odds\s+are|chances\s+are|could\s+well|our\s+money(?:'s|\s+is)\s+on|"
    r"den(?:y|ies|ied)|dismiss(?:es|ed)?|refut(?:es|ed)|debunk(?:s|ed)?|"
    r"claim(?:s|ed|ing)?|leak(?:s|ed)?|unverified|fan\s+(?:wiki|site|forum|page|account)s?|"
    r"could\s+not\s+be\s+(?:independently\s+)?"
    r"(?:verified|confirmed))\b",
    _I,
)
# "Renewed, or almost", "Canceled, or nearly dead": a status box that mixes fact and guess.
OR_ALMOST_AFTER_RE = re.compile(
    r"\s*,?\s*(?:or|and)\s+(?:highly\s+|very\s+|most\s+)?(?:almost|nearly|close|likely|probably|"
    r"soon\s+to\s+be|about\s+to\s+be|on\s+(?:the|its)\s+way|(?:on\s+)?(?:the\s+)?bubble|"
    r"(?:on\s+)?death's\s+door)\b",
    _I,
)
# "Renewed for season 2 before being cancelled": the later status is the current one.
UNDONE_AFTER_RE = re.compile(
    r"[^.;]{0,80}?\b(?:before|only\s+to\s+be|but\s+(?:was|were|got)|and\s+(?:then|later)|then)\s+"
    r"(?:later\s+|then\s+|ultimately\s+|eventually\s+|subsequently\s+)?"
    r"(?:being\s+|getting\s+|it\s+was\s+|was\s+)?(?:cancell?ed|axed|scrapped|canned)\b",
    _I,
)
# Reported speech the writer then corrects: "a post claimed it was axed, but it has not been".
REPORTED_RE = re.compile(r"claim|leak|rumou?r|report|insider|alleged|unverified", _I)
CORRECTION_RE = re.compile(
    r"(?:,\s*but|;\s*but|\bhowever,?)\s+[^.;]{0,120}?(?:\b(?:not|never|no\s+longer)\b|n't\b)", _I
)
# "Despite posts claiming X, ...": the main clause after the comma is asserted against it.
CONCESSIVE_BEFORE_RE = re.compile(
    r"\b(?:despite|in\s+spite\s+of|contrary\s+to|notwithstanding)\b[^.;,]*$", _I
)
DENIAL_RE = re.compile(r"den(?:y|ies|ied)|dismiss(?:es|ed)?|refut(?:es|ed)|debunk(?:s|ed)?", _I)
# "denied reports of X, saying ...": what the denier goes on to say is its own word.
DENIAL_GOES_ON_RE = re.compile(
    r",\s*(?:saying|adding|stating|explaining|noting|clarifying|insisting)\b", _I
)
# "Netflix has not announced a date, though/but ...": what follows is the writer's own unless
# it cites the network.
CONTRAST_RE = re.compile(r"(?:[,;]|\s-)\s*(?:though|although|but)\b", _I)
OFFICIAL_RE = re.compile(
    r"\b(?:officially|announced|confirmed|said|says|told|according\s+to|revealed|stated)\b", _I
)
NEGATION_RE = re.compile(
    r"\b(?:not|never|no|without|nor|neither|yet\s+to|no\s+longer|failed\s+to|rather\s+than|"
    r"instead\s+of|denied|denies|deny|false)\b|n't\b",
    _I,
)
DECISIVE_NEGATION_RE = re.compile(
    r"(?:will\s+not|won't|not\s+to|against|declined\s+to|refused\s+to)\s+(?:be\s+)?$",
    _I,
)
# What "will not return" needs before it to be about the show (not an actor leaving).
SHOW_SUBJECT_RE = re.compile(
    r"(?:#{2,}|\b(?:show|series|drama|comedy|thriller|anime|docuseries|it|sitcom|k-drama)|"
    r"\bseason\s+\w+|\b[\w-]+\s+season)(?:'s)?\s*(?:,\s*[^,]{0,40},\s*)?"
    r"(?:(?:will|would|is|are|has|have|does|did|won't|isn't|wasn't|doesn't|didn't|not|no|"
    r"longer|be|been|yet|officially|definitely|ultimately|now|then|also)\s+){0,4}$",
    _I,
)
CANCEL_NOT_SHOW_RE = re.compile(
    r"\b(?:event|panel|screening|tour|concert|appearance|interview|party|red\s+carpet|fan\s+meeting|"
    r"fan\s+event|premiere\s+event|flight|plans|contract|subscription|order|meeting|show\s+at|"
    r"convention|press\s+junket|junket|live\s+show)s?\b",
    _I,
)

# Title-case names in body text: likely other shows (or people) in list articles.
NAME_RE = re.compile(
    r"[A-Z](?<![\w'#-][A-Z])[\w'-]*(?:\s+(?:(?:of|the|and|&|in|on|at|a|an|for|to|de|la|del|von|van)\s+)*"
    r"[A-Z0-9][\w'-]*)+"
)
# Connectors left dangling at the end of a name cut short by a date ("Midwife on").
NAME_TAIL_RE = re.compile(r"(?:\s+(?:of|the|and|&|in|on|at|a|an|for|to))+\s*$", _I)
NAME_STOPWORDS = frozenset(
    words("""netflix netflix's amazon prime video hbo max disney disney+ hulu apple tv tv+ peacock
    paramount paramount+ bbc itv sky channel deadline variety tvline tudum season seasons part
    volume official exclusive renewal renewed cancelled canceled status release date update
    updated uk us u.s korean spanish japanese british american german french indian mexican
    italian brazilian turkish danish swedish norwegian polish chinese thai australian canadian
    irish scottish english k-drama k-dramas the a an and of in on at to for new first second
    third final premiere finale episode episodes instagram twitter x youtube tiktok emmy emmys
    golden globe globes comic-con con january february march april may june july august
    september october november december monday tuesday wednesday thursday friday saturday
    sunday spring summer fall winter studios studio entertainment media originals original
    news report reports hollywood reporter cast crew q1 q2 q3 q4 h1 h2 fans mondays tuesdays
    wednesdays thursdays fridays saturdays sundays abc nbc cbs fox fx amc showtime starz cw
    freeform peacock's hulu's max's bbc's itv's channel's""")
)
# "Gallowmere season 2", "Gallowmere's second season", "Gallowmere (season 2, May 1)":
# the word names another show.
NAME_BEFORE_SEASON_RE = re.compile(r"(?<![\w'#-])(?P<name>[A-Z][\w-]*)(?:'s)?(?:\s+|\s*\(\s*)$")
# Capitalised words that open a sentence or clause before a season mention.
NOT_A_NAME_BEFORE_SEASON = frozenset(
    words("""when why how what where whether if once after before but and so meanwhile while
    though although until as its it it's this that these those his her their our your my is
    will did does has have was were are which who then also now yes no plus even still another
    next last upcoming latest entire whole full both each every all any more most only upon
    since during through with without from into about like than per via hopefully sadly
    unfortunately finally however instead besides there here we they he she you i could would
    should can might must do had ahead expect watch stream catch binge see meet read""")
)
PERSON_BEFORE_RE = re.compile(
    r"\b(?:star|stars|starring|starred|actors?|actress(?:es)?|creators?|co-creators?|directors?|"
    r"showrunners?|producers?|writers?|host|ceo|chief|executive|president|head|boss|by|with|member|newcomer|"
    r"alum|alumnus|author|composer|novelist|cinematographer|editor|says|said|told|"
    r"according\s+to|co-star|costar)\s*$",
    _I,
)
# "shoot in the Flinders Ranges", "underway in South Australia": a place, not a show.
PLACE_BEFORE_RE = re.compile(
    r"\b(?:in|at|near|across|around|throughout|outside)\s+(?:the\s+)?$", _I
)
PLACE_NOT_AFTER_RE = re.compile(r"^(?:'s)?\s*(?:season|series|s\d|part|volume|episode)", _I)
# "the Jeremy Allen White show", "the Billy Bob Thornton series": a star names the show.
DESCRIBED_SHOW_RE = re.compile(
    r"\s+(?:show|series|drama|comedy|sitcom|thriller|dramedy|vehicle)\b", _I
)
PERSON_AFTER_RE = re.compile(
    r"^(?:'s)?\s*(?:said|says|told|confirmed|revealed|announced|wrote|posted|shared|explained|"
    r"added|noted|teased|hinted|stars|plays|played|who|,\s*who|,\s*the\s+(?:star|actor|actress|"
    r"creator|director|showrunner))\b",
    _I,
)
# A spinoff, prequel or film of the show is another work: "'X' Spinoff in Development".
_DERIVATIVE = (
    r"spin-?offs?|prequels?|sequels?|movies?|films?|feature\s+films?|reboots?|remakes?|"
    r"musicals?|video\s+games?|stage\s+(?:play|show|adaptation)s?|anime\s+film"
)
DERIVATIVE_TITLE_RE = re.compile(
    r"(?<!#)#+['\"]?(?:'s)?\s+(?:(?:[\w-]+\s+){0,2}?)(?:" + _DERIVATIVE + r")\b", _I
)
DERIVATIVE_RE = re.compile(
    r"\b(?:" + _DERIVATIVE + r")\s+(?:series\s+)?(?:of|to|based\s+on|from)\s+(?:the\s+)?"
    r"(?:hit\s+)?(?:series\s+|show\s+)?['\"]?#+"
    # A bare "the spinoff" is another work; "X, the prequel to Y," describes X itself.
    r"|\b(?:spin-?offs?|prequels?|sequels?|movies?|reboots?|remakes?)\b"
    r"(?!\s+(?:to|of|from|based)\b|,)",
    _I,
)
DERIVATIVE_OBJECT_RE = re.compile(
    r"\s+(?:(?:a|an|the|its|their|new|live-action|animated|#+|[\w-]+)\s+){0,2}?(?:"
    + _DERIVATIVE
    + r")\b",
    _I,
)
OLD_DATE_DAYS = 300  # a production phase stated with a date this old is history
_DERIVATIVE_STARTS = (
    "spin spinoff spinoffs prequel prequels sequel sequels movie movies film films feature "
    "reboot reboots remake remakes musical musicals video stage anime"
)
DERIVATIVE = keyed(DERIVATIVE_RE, _DERIVATIVE_STARTS)
DERIVATIVE_WORD = keyed(re.compile(r"\b(?:" + _DERIVATIVE + r")\b", _I), _DERIVATIVE_STARTS)

# The words each pattern's matches can start with (see monitor.text.scan).
RENEW = keyed(
    RENEW_RE,
    "renew renewed renews renewing renewal confirmed announced got gets earned earns received "
    "receives secured secures landed lands scored scores green greenlit greenlight greenlights "
    "greenlighted go pick picks picked picking revive revived revives reviving saved rescued "
    "saves rescues find finds found move moves moved moving head heads headed heading order "
    "orders ordered handed season officially coming commission commissions commissioned "
    "commissioning "
    "return be returning there status confirms get gets getting got lands landed scored scores "
    "earns earned nab nabs nabbed bag bags bagged secure secures secured gave gives give given "
    "hands announces",
    digits="codes",
)
CANCEL = keyed(
    CANCEL_RE,
    "cancel cancels canceled cancelled cancelling canceling cancellation cancelation announced "
    "confirmed ax axe axes axed axing canned scrap scraps scrapped pull pulls pulled status return "
    "returning coming come back get getting receive be happening renew renewed opted decided "
    "chose choosing deciding declined pass passed passes move moving go going done end ends ending "
    "conclude concludes concluding wrap wraps",
)
DATE_TRIGGER = keyed(
    DATE_TRIGGER_RE,
    "premiere premieres premiered premiering release releases released releasing arrive "
    "arrives arrived arriving arrival return returns returned returning drop drops dropped "
    "dropping launch launches launched launching debut debuts debuted debuting land lands "
    "landed landing hit hits hitting set sets setting slate slates slating slated scheduled "
    "dated due coming come comes out bow "
    "bows bowing stream streams streaming available window delay delays delayed pushed moved "
    "postponed shifted bumped rescheduled air airs aired airing gets kick kicks start starts "
    "begin begins check checks checked checking is are back",
)
UNANNOUNCED = keyed(
    UNANNOUNCED_RE,
    "no release premiere launch debut air date have know announced set revealed confirmed given "
    "shared scheduled yet without undated dated unclear announce reveal confirm share nothing "
    "transmission broadcast tba tbd tbc on delay delays delayed postpones postponed push pushes "
    "pushed shelves shelved put pauses paused indefinitely word",
)
UNDECIDED = keyed(UNDECIDED_RE, "fate future yet not has no")
PHASE = keyed(
    PHASE_RE,
    "development developed works pre preproduction writers writer writing started began begun "
    "starts begins commenced working hard scripts script table casting location prep post "
    "postproduction wrap wraps wrapped filming production shooting principal finished "
    "completed concluded ended cameras camera editing edited begin start starting kick kicks "
    "kicked commence commences resumed resume resumes got currently work still now actively being "
    "roll rolls rolled rolling went goes go going gone in "
    "wrapping first kick kicked open opens opened launches launched convene convenes convened "
    "scripting "
    "out premieres premiere premiered arrives arrive arrived drops drop dropped debuts debut "
    "debuted released releases available streaming lands land landed launch launches launched "
    "hits hit returns return returned bows been episode finale on",
)
AIRING = keyed(
    AIRING_RE,
    "season series since new episodes currently first second third fourth fifth sixth seventh "
    "eighth ninth tenth",
    digits="suffixed",
)
OTHER_VERB = keyed(
    OTHER_VERB_RE,
    "announce announced announces announcing confirm confirmed confirms confirming reveal "
    "revealed reveals revealing said says told report reported reports posted posts share "
    "shared shares unveil unveiled unveils tease teased teases teasing filmed shot wrapped "
    "began started joined cast hired won nominated broke topped ranked debriefed interviewed "
    "spoke wrote tweeted begin begins start starts commence commences resume resumes filming "
    "shooting shoot shoots film wrap wraps wrapping",
)
HEDGE = keyed(
    HEDGE_RE,
    "could might would should likely unlikely possibly possible perhaps maybe probably probable "
    "potential potentially expect expects expected expecting anticipate anticipates "
    "anticipated anticipating hope hopes hoped hoping hopeful hopefully plan plans planned "
    "planning aim aims aimed aiming target targets targeted targeting tipped touted rumor "
    "rumors rumored rumour rumours rumoured reportedly allegedly supposedly apparently "
    "seemingly seem seems appear appears unconfirmed want wants wish wishes if unless whether "
    "talks fingers earliest we think believe odds chance chances fear fears feared worry "
    "worries worried intend intends intended pencil pencilled penciled keen eager prepared "
    "willing may all running normally usually typically generally traditionally either",
    prefixes="speculat predict guess estimat assum presumabl suggest",
)
SPECULATION = keyed(
    SPECULATION_RE,
    "rumor rumors rumored rumour rumours rumoured we our unconfirmed reportedly allegedly "
    "insider insiders fan wishlist if deny denies denied dismiss dismisses dismissed refutes "
    "refuted debunk debunks debunked claim claims claimed claiming leak leaks leaked unverified "
    "could wouldn would don do i odds chances",
    prefixes="predict guess speculat",
)
