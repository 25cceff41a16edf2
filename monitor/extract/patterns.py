"""English grammar around the cue lexicon: scope, names, windows (bounded regexes)."""

from __future__ import annotations

import re

from monitor.extract.lexicon import load
from monitor.extract.lexicon.starts import keyed_cues, keyed_regex
from monitor.text.normalize import words

_I = re.I
EN = load("en")  # the cue vocabulary (lexicon/en.toml); this module keeps the grammar


# Release verbs whose object is not the season ("released the first trailer").
_NOT_SEASON_OBJECT = EN.source_of("not_season", "object")
# (within the line: "... is Now Streaming" then a byline "Award-winning writer" has no object)
OBJECT_AFTER_RE = re.compile(
    r"[^\S\n]+(?:(?:the|a|an|its|their|her|his|new|first|second|third|official|full|latest|final|"
    r"brand-new|another|more|some|\d+|#+|"
    # "released the much-awaited trailer of X Season 2": praise before the object
    r"\w+-(?:awaited|anticipated)|awaited|anticipated|exclusive|exciting|thrilling|gripping|"
    r"intense|explosive|action-packed|first-look)[^\S\n]+){0,3}"
    # "released new Season 3 images": a season's images are still images.
    r"(?:(?:season|series|part|volume)[^\S\n]+\w+[^\S\n]+|S\d{1,2}[^\S\n]+)?(?:"
    + _NOT_SEASON_OBJECT
    + r")\b",
    _I,
)
# "Filming on season 2 has been delayed to January": a production date, not a release.
PRODUCTION_SUBJECT_WORDS = (
    "filming",
    "production",
    "shooting",
    "photography",
    "casting",
    "writing",
)
PRODUCTION_SUBJECT_RE = re.compile(
    # ("production work will begin in 2021", "Filming to Begin in January 2026")
    r"\b(?:" + "|".join(PRODUCTION_SUBJECT_WORDS) + r")\b(?:\s+work)?(?:\s+(?:on|of|for)\s+"
    r"[^,.;]{0,50}?)?\s+(?:(?:has|have|had|was|were|is|are|been|be|officially|now|reportedly|"
    r"will|would|should)\s+)"
    # "filming is scheduled to begin on September 9th": the shoot's date, not a release.
    r"{0,3}(?:(?:scheduled|set|slated|due|expected|poised|going)\s+to\s+|to\s+)?$",
    _I,
)
# "Episode 5 aired tonight": a later episode's date is not the season's.
LATER_EPISODE_BEFORE_RE = re.compile(
    r"\bepisode\s+(?:[2-9]|\d\d|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"(?:\s+(?:of\s+[^.;]{0,30}?|has|have|will|is|officially|finally)){0,3}\s*$",
    _I,
)
# "a third episode of "X" airs on Tuesday", "with the final episode going out in December":
# a later episode's day, not the season's (read for dates only: that episode being out still
# says the season is).
LATER_EPISODE_DAY_BEFORE_RE = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|final|last|closing)"
    r"\s+episode\b"
    r"(?:\s+of\s+[^.;]{0,30}?)?(?:\s+(?:going|goes|went|will|be|is|was|has|had|been)){0,2}\s*$",
    _I,
)
# "with the last four episodes to follow on Christmas Eve": a later batch's date is not the
# season's (a split season is dated by its first part).
LATER_BATCH_RE = EN.pattern_of("batch", "later")
# "The first part will debut on November 16": the date of part 1, not of a later part.
FIRST_BATCH_RE = EN.pattern_of("batch", "first")
# Subjects whose release is not the season's ("the trailer dropped", "ratings dropped").
NOT_SEASON_SUBJECT_RE = re.compile("(?:" + EN.source_of("not_season", "subject") + ")", _I)
# "The teaser trailer for 'X season 2' premiered", "Trailers for both shows are out": the
# subject before its "for/of" phrase, of the title or of several works.
# ("Auditions for the final season of X will start on Sunday": an auxiliary may follow)
_SUBJECT_PP_TAIL = (
    r"['\"]?(?:\s+(?:season|series|part|volume)\s+\w+|\s+S\d{1,2})?['\"]?\s+"
    r"(?:(?:will|are|is|have|has)\s+(?:(?:be|been|set\s+to|due\s+to)\s+)?)?"
)
SEVERAL_WORKS_NOUNS = ("shows", "series", "seasons")
SEVERAL_WORKS = (
    r"(?:both|all|these|those|the\s+two|the\s+three)\s+(?:" + "|".join(SEVERAL_WORKS_NOUNS) + ")"
)
NOT_SEASON_SUBJECT_PP_RE = re.compile(
    r"\b(?:"
    + EN.source_of("not_season", "subject")
    + r")\s+(?:for|of|from)\s+(?:(?:the\s+(?:[\w-]+\s+){0,2}?(?:season|series)\s+of\s+)?['\"]?#+"
    + _SUBJECT_PP_TAIL
    + "|"
    + SEVERAL_WORKS
    + r"(?:\s+(?:are|were|have\s+been|will\s+be))?\s+)$",
    _I,
)
# What must follow the title's last "#", or be in the text, for the pattern above to match
# (cheap tests first: it is tried at every position).
SUBJECT_PP_TAIL_RE = re.compile(_SUBJECT_PP_TAIL, _I)
PAST_TRIGGER_RE = re.compile("(?:" + EN.source_of("past", "") + ")$", _I)
FUTURE_PASSIVE_RE = re.compile(
    "(?:" + EN.source_of("future", "passive") + r")\s+(?:be\s+|have\s+)?$", _I
)
MOVE_RE = EN.pattern_of("delay")
SUPERSEDED_BEFORE_RE = re.compile("(?:" + EN.source_of("superseded") + r")[^.;,]{0,40}$", _I)
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

PHASE_FUTURE_BEFORE_RE = re.compile(
    # ("the time needed to film and finish post-production": the phase still ahead)
    "(?:"
    + EN.source_of("future", "before")
    + r")\s+(?:(?:film\s+and\s+)?(?:officially|finally|soon|be|get|"
    r"finish|complete)\s+)?$",
    _I,
)
PHASE_FUTURE_AFTER_RE = re.compile(r"\s*(?:" + EN.source_of("future", "after") + ")", _I)
# "Renewed, or almost", "Canceled, or nearly dead": a status box that mixes fact and guess.
OR_ALMOST_AFTER_RE = re.compile(r"\s*,?\s*(?:" + EN.source_of("hedge", "or_almost") + ")", _I)
# "Renewed for season 2 before being cancelled": the later status is the current one.
UNDONE_AFTER_RE = re.compile(
    r"[^.;]{0,80}?\b(?:before|only\s+to\s+be|but\s+(?:was|were|got)|and\s+(?:then|later)|then)\s+"
    r"(?:later\s+|then\s+|ultimately\s+|eventually\s+|subsequently\s+)?"
    r"(?:being\s+|getting\s+|it\s+was\s+|was\s+)?(?:cancell?ed|axed|scrapped|canned)\b",
    _I,
)
# Reported speech the writer then corrects: "a post claimed it was axed, but it has not been".
REPORTED_RE = EN.pattern_of("reported")
CORRECTION_RE = re.compile(
    r"(?:,\s*but|;\s*but|\bhowever,?)\s+[^.;]{0,120}?(?:\b(?:not|never|no\s+longer)\b|n't\b)", _I
)
# "Despite posts claiming X, ...": the main clause after the comma is asserted against it.
CONCESSIVE_BEFORE_RE = re.compile(
    r"\b(?:despite|in\s+spite\s+of|contrary\s+to|notwithstanding)\b[^.;,]*$", _I
)
DENIAL_RE = EN.pattern_of("speculation", "denial")
# "denied reports of X, saying ...": what the denier goes on to say is its own word.
DENIAL_GOES_ON_RE = re.compile(
    r",\s*(?:saying|adding|stating|explaining|noting|clarifying|insisting)\b", _I
)
# "Netflix has not announced a date, though/but ...": what follows is the writer's own unless
# it cites the network.
CONTRAST_RE = re.compile(r"(?:[,;]|\s-)\s*(?:though|although|but)\b", _I)
OFFICIAL_RE = EN.pattern_of("official")
NEGATION_RE = EN.pattern_of("negation_before", "", "clause")
# ... and the ones that reach the whole clause before the verb ("will no longer begin with …")
CLAUSE_NEGATION_RE = EN.pattern_of("negation_before", "clause")
DECISIVE_NEGATION_RE = re.compile(
    "(?:" + EN.source_of("negation_before", "decisive") + r")\s+(?:be\s+)?$", _I
)
# What "will not return" needs before it to be about the show (not an actor leaving).
SHOW_SUBJECT_RE = re.compile(
    r"(?:#{2,}['\"’”]?|\b(?:show|series|drama|comedy|thriller|anime|docuseries|it|sitcom|k-drama)|"
    r"\bseason\s+\w+|\b[\w-]+\s+season)(?:'s)?\s*[\"“]?\s*(?:,\s*[^,]{0,90},\s*)?"
    r"(?:(?:will|would|is|are|was|were|has|have|does|did|won't|isn't|wasn't|doesn't|didn't|not|no|to|"
    r"longer|be|been|yet|officially|definitely|ultimately|now|then|also)\s+){0,4}$",
    _I,
)
CANCEL_NOT_SHOW_RE = EN.pattern_of("not_show", "")
# "cancelled shows after a single season": shows in general, right after the verb.
CANCEL_PLURAL_OBJECT_RE = re.compile(r"\s+(?:" + EN.source_of("not_show", "plural") + ")", _I)
# "as several other big Channel 4 shows have been axed": shows in general as the subject,
# right before the verb.
CANCEL_PLURAL_SUBJECT_RE = re.compile(
    r"(?:" + EN.source_of("not_show", "plural_subject") + r")\s+$", _I
)

# "All American is the only show renewed so far": a renewal said of a show the sentence
# singles out by a generic noun is another show's (the watched one would be named).
GENERIC_SUBJECT_RE = re.compile(
    r"\b(?:(?:the\s+)?(?:only|other|first|last|latest)|another)\s+(?:(?:[\w-]+\s+){0,2}(?:show|"
    r"series|drama|comedy|sitcom|title))s?\s+(?:(?:to\s+(?:be|get|have\s+been)|being|that\s+"
    r"(?:was|were|(?:has|have)\s+(?:already\s+)?been|got))\s+)?(?:officially\s+)?$",
    _I,
)

# A new show's order ("an official series order", "ordered 10 episodes of the series",
# "the green light to a series version of X", "Sky has ordered 'X'"): with no season named,
# it is the first one.
NEW_SERIES_RE = re.compile(
    r"\b(?:series|straight[\s-]to[\s-]series)\s+(?:orders?|pick-?ups?)\b"
    r"|\b(?:late|surprise)\s+pick-?up\s+to\b|\b(?:go|goes|going|went|gone)\s+to\s+series\b"
    r"|\bordered\s+(?:\d+|six|eight|ten|twelve)\s+episodes\b|\b(?:was|been)\s+ordered\s+(?:by|at)\b"
    # "HBO has ordered the new limited series X", "Hulu has picked up X", "Apple has picked up
    # the project X", "The BBC has commissioned X", "has ordered a new series, X"
    # (and a headline's present tense: "Netflix Orders 'X'", "FXX orders animated comedy 'X'")
    r"|\b(?:(?:has|have|had)\s+(?:ordered|commissioned|picked\s+up|greenlit|green-?lit)"
    r"|orders|commissions|greenlights|green-lights)\s+(?:(?:the|a|an)\s+)?(?:new\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}?(?:series|project|drama|comedy|show|sitcom|docuseries|thriller),?\s+)?"
    r"[\"'“‘]?#"
    # "the streamer has ordered the new crime drama starring X" (not UK "a new series of X")
    r"|\b(?:has|have|had)\s+ordered\s+(?:the|a)\s+new\s+(?:[\w-]+\s+){0,2}?"
    r"(?:series|drama|comedy|show|thriller|sitcom)\b(?!\s+of\b)"
    # "Cartoon Network greenlit the series in March 2017" (not "greenlit the series for a
    # second season")
    r"|\b(?:greenlit|green-?lit|green-?lighted)\s+the\s+(?:series|show)\b"
    r"(?!\s+(?:for|with)\s+(?:a|an|its|another)\b)"
    r"|\bis\s+a\s+go\s+(?:at|for|on)\b|\bgo[\s-]ahead\s+to\s+(?:do|make|produce|film)\s+\d+\s+episodes\b"
    r"|\b(?:green[\s-]?light(?:ed)?|greenlit|ordered)\s+(?:to\s+)?(?:a|an)\s+(?:new\s+)?"
    # "ordered a six episode limited series adaptation of X"
    r"(?:(?:\d{1,2}|four|six|eight|ten|twelve)[\s-](?:episode|part)\s+)?"
    r"(?:(?:live-action|scripted|limited|tv|television|drama|comedy)\s+)?"
    r"(?:series|show|drama)\s+(?:version|adaptation|based)\b",
    _I,
)

# Title-case names in body text: likely other shows (or people) in list articles.
NAME_RE = re.compile(
    r"[A-Z](?<![\w'#-][A-Z])[\w'-]*(?:\s+(?:(?:of|the|and|&|in|on|at|a|an|for|to|de|la|del|von|van|"
    r"vs\.?|versus)\s+)*"
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
    freeform peacock's hulu's max's bbc's itv's channel's itvx rte rté sbs cbc ctv tvnz stan
    binge foxtel britbox acorn syfy tnt tbs fxx bravo hgtv tlc pbs crunchyroll viki tving wavve
    discovery discovery+ plus espn mtv vh1 bet nickelodeon cinemax epix mgm+ a&e oxygen usa
    one two three four now atlantic freevee alibi u&alibi iplayer tubi roku pluto e4 more4 dave
    jtbc tvn mbc kbs ocn ena nhk northern southern ireland scotland wales england britain
    america canada australia zealand korea japan france germany italy spain brazil mexico
    india month week weekend day eve holiday
    holidays christmas thanksgiving halloween easter pride festival upfront upfronts facebook
    showmax mzansi quibi snapchat""")
)
# "Gallowmere season 2", "Gallowmere's second season", "Gallowmere (season 2, May 1)":
# the word names another show.
NAME_BEFORE_SEASON_RE = re.compile(r"(?<![\w'#-])(?P<name>[A-Z][\w-]*)(?:'s)?(?:\s+|\s*\(\s*)$")
# "(Sirens was renewed for Season 2, ...)": one capitalised word as the subject of a passive
# verdict is the title the verdict belongs to.
NAME_BEFORE_VERDICT_RE = re.compile(
    r"(?<![\w'#-])(?P<name>[A-Z][\w-]*)\s+(?:was|were|has\s+been|have\s+been|had\s+been|got)"
    r"\s+(?:(?:also|already|officially|quietly|just)\s+)?(?:renewed|cancell?ed|canceled|axed|"
    r"picked\s+up|scrapped)\b"
)
# Capitalised words that open a sentence or clause before a season mention.
NOT_A_NAME_BEFORE_SEASON = frozenset(
    words("""when why how what where whether if once after before but and so meanwhile while
    though although until as its it it's this that these those his her their our your my is
    will did does has have was were are which who then also now yes no plus even still another
    next last upcoming latest entire whole full both each every all any more most only upon
    since during through with without from into about like than per via hopefully sadly
    unfortunately finally however instead besides there here we they he she you i could would
    should can might must do had ahead expect watch stream catch binge see meet read
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen twenty several some many few""")
)
# Words for what a person does ("Showrunner Eric Kripke", "broadcaster Benjamin Law").
ROLE_WORDS = (
    "star|actor|actress|creator|co-creator|director|showrunner|producer|executive|writer|"
    "host|author|composer|novelist|ceo|president|boss|chief|broadcaster|journalist|presenter|"
    "comedian|olympian|footballer|chef|contestant|castaway"
)
PERSON_BEFORE_RE = re.compile(
    rf"\b(?:(?:{ROLE_WORDS})(?:e?s)?|starring|starred|head|by|with|member|newcomer|alum|"
    r"alumnus|cinematographer|editor|says|said|told|according\s+to|co-star|costar|features|"
    r"featuring|voices\s+of|voice\s+of|alongside|husband|wife|son|daughter|father|mother|"
    r"brother|sister|fianc[eé]e?|partner|singer|rapper|musician|athlete|influencer|narrator|"
    r"nominee|megastar)\s*"
    # "written by the multi-award-winning Peter Bowker"
    r"(?:(?<=by\s)the\s+(?:[\w-]+\s+){0,2})?"
    # "with Terri, Bindi and Robert Irwin": the last of a cast list of first names
    r"(?:(?-i:[A-Z])[\w'-]+,\s+){0,4}(?:(?-i:[A-Z])[\w'-]+,?\s+(?:and|&)\s+)?$",
    _I,
)
# "with Cobra Kai's final outing", "Andor's new season": a name owning a season is a show.
SHOW_POSSESSIVE_AFTER_RE = re.compile(
    r"\s+(?:(?:final|last|new|next|latest|upcoming|first|second|third|fourth|fifth|sixth)\s+)?"
    r"(?:season|series|outing|instal?lment|chapter|run|finale|premiere)\b",
    _I,
)
# "based on Robert Kirkman's comics": a name owning source material is its author.
AUTHOR_WORK_AFTER_RE = re.compile(
    r"\s+(?:(?:best-?selling|hit|classic|original|popular)\s+)?(?:comics?|comic\s+books?|"
    r"novels?|books?|graphic\s+novels?|manga|memoirs?|stories|short\s+stories|podcast)\b",
    _I,
)
# "Showrunner Eric Kripke has hinted": a name led by a role word is a person.
ROLE_WORD_RE = re.compile(rf"(?:{ROLE_WORDS})s?", _I)
# "shoot in the Flinders Ranges", "underway in South Australia": a place, not a show.
PLACE_BEFORE_RE = re.compile(
    r"\b(?:in|at|near|across|around|throughout|outside|(?:village|town|city|island|county|"
    r"region|state|province)\s+of)\s+(?:the\s+)?$",
    _I,
)
# "head east to the Charters Towers region", "its dramatic Sydney Harbour setting": a name a
# place word follows is a place.
PLACE_AFTER_RE = re.compile(
    r"\s+(?:region|area|district|county|coast|valley|outback|hinterland|peninsula|setting|"
    r"backdrop|location|waterfront|skyline)\b",
    _I,
)
PLACE_NOT_AFTER_RE = re.compile(r"^(?:'s)?\s*(?:season|series|s\d|part|volume|episode)", _I)
# What a show is called by its kind ("the X show", "X's comedy", "her ... comedy Y").
GENRE_NOUNS = "show|series|drama|comedy|sitcom|thriller|dramedy|vehicle"
# "the Jeremy Allen White show", "the Billy Bob Thornton series": a star names the show.
DESCRIBED_SHOW_RE = re.compile(rf"\s+(?:{GENRE_NOUNS})\b", _I)
# "the David Duchovny period drama", "David Simon and George Pellecanos' drama",
# "Network cancels Matthew Perry sitcom": a name before a (described) genre noun names the
# show's people, not another show.
DESCRIBED_BY_NAME_RE = re.compile(
    r"(?:'|'s)?\s+(?:(?:period|legal|medical|crime|spy|cop|police|family|teen|workplace|"
    r"political|historical|fantasy|horror|comedy|sci-fi|action)\s+)?"
    rf"(?!series\b)(?:{GENRE_NOUNS})\b",
    _I,
)
PERSON_AFTER_RE = re.compile(
    r"^(?:'s)?\s*(?:said|says|told|confirmed|revealed|announced|wrote|posted|shared|explained|"
    r"added|noted|teased|hinted|stars|plays|played|who|,\s*who|,\s*the\s+(?:star|actor|actress|"
    r"creator|director|showrunner)"
    # "Chris McCarthy, Paramount Global co-CEO, said": a name with its job after it
    r"|,\s*(?:[\w-]+\s+){0,3}(?:co-?ceo|ceo|chief|president|chair(?:man|woman)?|head|"
    r"executive|boss|founder|co-?founder|executive\s+producer|showrunner|creator|co-?creator))\b",
    _I,
)
# A spinoff, prequel or film of the show is another work: "'X' Spinoff in Development".
_DERIVATIVE = EN.source_of("derivative")
DERIVATIVE_TITLE_RE = re.compile(
    r"(?<!#)#+['\"]?(?:'s)?\s+(?:(?:[\w-]+\s+){0,2}?)(?:" + _DERIVATIVE + r")\b", _I
)
DERIVATIVE_RE = re.compile(
    r"\b(?:" + _DERIVATIVE + r")\s+(?:series\s+)?(?:of|to|based\s+on|from)\s+(?:the\s+)?"
    r"(?:hit\s+)?(?:series\s+|show\s+)?['\"]?#+"
    # A bare "the spinoff" is another work; "X, the prequel to Y," describes X itself.
    r"|\b(?:" + EN.source_of("derivative", "bare") + r")\b"
    r"(?!\s+(?:to|of|from|based)\b|,)",
    _I,
)
DERIVATIVE_OBJECT_RE = re.compile(
    r"\s+(?:(?:a|an|the|its|their|new|live-action|animated|#+|[\w-]+)\s+){0,2}?(?:"
    + _DERIVATIVE
    + r")\b",
    _I,
)
# "...not to go ahead with a second season of prequel X": the season is the prequel's.
SEASON_OF_DERIVATIVE_RE = re.compile(
    r"[^.;,]{0,40}?\b(?:season|series)\s+of\s+(?:the\s+)?(?:" + _DERIVATIVE + r")\b", _I
)
OLD_DATE_DAYS = 300  # a production phase stated with a date this old is history
DERIVATIVE = keyed_regex(DERIVATIVE_RE)
DERIVATIVE_WORD = keyed_regex(re.compile(r"\b(?:" + _DERIVATIVE + r")\b", _I))

# The cue scans, their start words generated from the patterns (lexicon/starts.py).
RENEW = keyed_cues(EN, "renewed", grouped=True)
CANCEL = keyed_cues(EN, "cancelled", grouped=True)
DATE_TRIGGER = keyed_cues(EN, "release")
UNANNOUNCED = keyed_cues(EN, "unannounced")
UNDECIDED = keyed_cues(EN, "undecided")
PHASE = keyed_cues(EN, "phase", grouped=True)
AIRING = keyed_cues(EN, "airing", grouped=True)
AIRING_HINTS = (
    "finale",
    "continues",
    "since",
    "episodes",
    "currently",
    "still",
    "ongoing",
    "progress",
    "halfway",
    "mid",
    "airing",
    "swing",
    "wrap",
)  # words every airing cue has
OTHER_VERB = keyed_cues(EN, "other_verb")
HEDGE = keyed_cues(EN, "hedge", "")
SPECULATION = keyed_cues(EN, "speculation")

# A multi-season order (lexicon kind "span"): "renewed through season 18" reaches every
# season up to 18, "four more seasons ... into an 18th season" the four up to it.
SPAN_UPTO_RE = re.compile("(?:" + EN.source_of("span", "upto") + ")", _I)
SPAN_COUNT_RE = EN.pattern_of("span", "count")
# A headline asking about the season's fate: "Will X be renewed?", "Is there a season 4?".
FATE_QUESTION_RE = EN.pattern_of("question", "fate")
