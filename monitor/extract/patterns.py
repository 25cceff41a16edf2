"""The claim vocabulary: trigger, hedge, negation and context patterns (bounded regexes)."""

from __future__ import annotations

import re

from monitor.match.normalize import words

_I = re.I

# A season phrase inside a pattern: "a third season", "season 3", "another season".
_SEASONISH = r"(?:(?:a|an|another|its|their|the)\s+)?(?:[\w-]+\s+){0,2}?season\b"

RENEW_RE = re.compile(
    r"(?P<verb>\brenew(?:ed|s|ing)?\b(?!\s+(?:status|date|odds|chances|hopes|decision)))"
    r"|(?P<noun>\brenewal\b(?=\s+(?:is\s+|was\s+|has\s+been\s+|now\s+)?(?:officially\s+)?"
    r"(?:confirmed|announced|official)\b)"
    r"|\b(?:confirmed|announced|got|gets|earned|earns|received|receives|secured|secures|landed|"
    r"lands|scored|scores)\s+(?:a|the|its|their)\s+(?:(?:season|series)[\s-]+\w+\s+|"
    r"[\w-]+[\s-]season\s+)?renewal\b)"
    r"|(?P<green>\bgreen[\s-]?lit\b|\bgreen[\s-]?light(?:s|ed)?\b|\bgo-ahead\b)"
    r"|(?P<pick>\b(?:been|was|were|be|get|gets|got|getting)\s+picked\s+up\b|"
    r"\bpick(?:s|ed)?\s+up\s+(?:the\s+(?:series|show|drama|comedy|thriller|anime)|#+|it)\s+for\b|"
    r"\bpicked\s+up\s+(?:for|by)\b)"
    r"|(?P<order>(?<!in\s)\border(?:s|ed)?\b(?!\s+(?:to|of\s+(?:events|the\s+day)))"
    r"|\bhanded\s+(?:a|an)\s+[\w-]+\s+order\b)"
    r"|(?P<confirm>\bconfirmed\s+for\s+" + _SEASONISH + r"|\bconfirmed\s+(?:a|another)\s+"
    r"(?:[\w-]+\s+)?season\b"
    r"|(?<!for\s)(?<!of\s)(?<!date\s)\b(?:season[\s-]+\w+|[\w-]+\s+season|S\d{1,2})\s+"
    r"(?:has\s+been|have\s+been|is|was|are)\s+(?:officially\s+)?(?:confirmed|happening|"
    r"a\s+go|official)\b"
    r"|\bofficially\s+(?:coming\s+back|returning|happening|confirmed|renewed)\b"
    r"|\b(?:is|are)\s+(?:officially\s+)?coming\s+back\s+for\b"
    r"|\bwill\s+(?:officially\s+)?(?:return|be\s+back)\s+for\s+(?:a|another|its)\b"
    r"|\breturning\s+for\s+(?:a|another)\b"
    r"|\bthere\s+(?:will|is\s+going\s+to)\s+be\s+(?:a|another)\s+(?:[\w-]+\s+)?season\b"
    r"|\bstatus\s*:\s*renewed\b)"
    r"|(?P<ko>제작\s*(?:을|를|이)?\s*(?:공식\s*)?확정|시즌\s*\d+\s*(?:제작\s*)?(?:을|를|이|가)?\s*"
    r"(?:공식\s*)?확정)",
    _I,
)

CANCEL_RE = re.compile(
    r"(?P<verb>\bcancel(?:s|ed|led|ling)?\b|\bcancell?ation\b(?=\s+(?:is\s+|was\s+|has\s+been\s+)?"
    r"(?:official|confirmed|announced)\b)|\b(?:announced|confirmed)\s+(?:the|its|their)\s+"
    r"cancell?ation\b|\bax(?:e|es|ed|ing)\b|\bscrap(?:s|ped)\b|\bpull(?:s|ed)?\s+the\s+plug\b|"
    r"\bstatus\s*:\s*cancell?ed\b)"
    r"|(?P<neg>\b(?:will\s+not|won't|will\s+no\s+longer|is\s+not|isn't|not)\s+(?:be\s+)?"
    r"(?:return(?:ing)?|coming\s+back|come\s+back|back)\b(?!\s+(?:to|as|with)\b)"
    r"|\b(?:will\s+not|won't|did\s+not|didn't|does\s+not|doesn't|is\s+not|isn't|not)\s+"
    r"(?:get(?:ting)?|receive|be\s+getting)\s+(?:a|another)\s+(?:[\w-]+\s+)?season\b"
    r"|\b(?:will|won't)\s+be\s+no\s+(?:more\s+)?(?:[\w-]+\s+)?seasons?\b"
    r"|\bwon't\s+be\s+(?:a|another)\s+(?:[\w-]+\s+)?season\b"
    r"|\bnot\s+happening\b"
    r"|\b(?:opted|decided|chose|choosing|deciding|declined)\s+(?:not\s+to|against)\s+(?:move|moving|"
    r"renew|renewing|continue|continuing|proceed|proceeding|go|going)\b"
    r"|\b(?:will\s+not|won't)\s+(?:be\s+)?renew(?:ed)?\b|\bnot\s+to\s+renew\b|"
    r"\bdeclined\s+to\s+renew\b|\bpass(?:ed|es)?\s+on\s+(?:a|another)\s+(?:[\w-]+\s+)?season\b"
    r"|\bnot\s+(?:be\s+)?(?:moving|going)\s+forward\b"
    r"|\bone\s+and\s+done\b)"
    r"|(?P<end>\b(?:end|ends|ending|conclude|concludes|concluding|wrap\s+up|wraps\s+up)\s+"
    r"(?:with|after)\s+(?:its|the|a)?\s*(?:(?:upcoming|current|forthcoming)\s+)?"
    r"(?:season\s+\w+|[\w-]+\s+season)\b)"
    r"|(?P<ko>제작\s*(?:이\s*)?무산|시즌\s*\d+\s*(?:제작\s*)?(?:이\s*)?무산|제작\s*취소)",
    _I,
)

DATE_TRIGGER_RE = re.compile(
    r"\bpremier(?:e|es|ed|ing)\b|\brelease(?:s|d)?\b|\breleasing\b|\barriv(?:e|es|ed|ing|al)\b|"
    r"\breturn(?:s|ed|ing)?\b|\bdrop(?:s|ped|ping)?\b|\blaunch(?:es|ed|ing)?\b|"
    r"\bdebut(?:s|ed|ing)?\b|\bland(?:s|ed|ing)?\b|\bhit(?:s|ting)?\s+(?:netflix|screens|"
    r"streaming|prime|hbo|disney|hulu|apple)\b|\bset\s+(?:for|to\s+(?:premiere|debut|arrive|return|"
    r"launch|drop|release|land|hit|stream|air|bow|be\s+released|come\s+out))\b|\bslated\b|"
    r"\bscheduled\b|\bdated\b|\bdue\b(?!\s+to\b)|\bcoming\b|\bcomes?\s+out\b|"
    r"\bout\s+(?:on|in|now|today|this|next)\b|\bbows?\b|\bbowing\b|"
    r"\bstream(?:s|ing)?\s+(?:from|on|starting|beginning)\b|\bavailable\s+(?:from|on|starting|"
    r"beginning|to\s+stream)\b|\bwindow\b|\bdelay(?:s|ed)?\b|\bpushed\b|\bmoved\b|\bpostponed\b|"
    r"\bshifted\b|\bbumped\b|\brescheduled\b|\bair(?:s|ed|ing)?\b|\bgets\s+a\s+date\b|"
    r"\bkicks?\s+off\b|\bstarts?\s+streaming\b|공개|방송",
    _I,
)
# Release verbs whose object is not the season ("released the first trailer").
_NOT_SEASON_OBJECT = (
    r"trailers?|teasers?|posters?|first[\s-]look|images?|photos?|stills?|clips?|featurettes?|"
    r"statements?|synopsis|key\s+art|soundtrack|footage|promos?|videos?|sneak\s+peeks?|tease|"
    r"titles?|logo|songs?|singles?|albums?|books?|novels?|podcasts?|games?|campaigns?|"
    r"petitions?|apps?|website|merch|collection|roles?|deals?|spots?|nominations?|awards?|"
    r"places?|ratings|numbers|details|look|glimpse|episode\s+titles"
)
OBJECT_AFTER_RE = re.compile(
    r"\s+(?:(?:the|a|an|its|their|her|his|new|first|second|third|official|full|latest|final|"
    r"brand-new|another|more|some|\d+|#+)\s+){0,3}(?:" + _NOT_SEASON_OBJECT + r")\b",
    _I,
)
OBJECT_BEFORE_RE = re.compile(
    r"(?:trailers?|teasers?|posters?|first[\s-]look|images?|photos?|clips?|featurettes?|promos?|"
    r"videos?|footage|campaigns?|petitions?|ratings?|viewership|viewing\s+numbers|numbers|views|"
    r"audiences?|stocks?|shares|prices?|subscribers|interest|episodes?\s+\d+)\s+(?:[\w-]+\s+){0,2}$",
    _I,
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
MOVE_RE = re.compile(
    r"\b(?:delay(?:s|ed)?|push(?:es|ed)?|mov(?:e|es|ed)|postpon(?:e|es|ed)|shift(?:s|ed)?|"
    r"bump(?:s|ed)?|reschedul(?:e|es|ed)|chang(?:e|es|ed))\b",
    _I,
)
SUPERSEDED_BEFORE_RE = re.compile(
    r"(?:\bfrom|\boriginally|\bpreviously|\binitially|\bhad\s+been|\bwas\s+(?:set|scheduled|"
    r"slated|due|supposed|planned|expected)|\bwere\s+(?:set|scheduled|slated|due)|\binstead\s+of|"
    r"\brather\s+than|\bformerly|\bearlier)\b[^.;]{0,40}$",
    _I,
)
NOT_RELEASE_BEFORE_RE = re.compile(
    r"\b(?:through|until|till|by|before|since|ahead\s+of|between|to\s+shoot|to\s+film)\s+(?:the\s+)?$",
    _I,
)

UNANNOUNCED_RE = re.compile(
    r"\bno\s+(?:official\s+|confirmed\s+|firm\s+|exact\s+|specific\s+)?(?:release\s+|premiere\s+|"
    r"launch\s+|air\s+|debut\s+)?date\b(?!\s+(?:change|shift))"
    r"|\bno\s+word\s+(?:yet\s+)?on\s+(?:a|the|when)\b"
    r"|\b(?:release|premiere|launch|debut|air)\s+date\s+(?:for\s+[^.;]{1,60}?\s+)?(?:has|have|is|was)"
    r"\s*(?:not|n't|yet\s+to)\s+(?:yet\s+)?(?:been\s+)?(?:set|announced|confirmed|revealed|given|"
    r"released|scheduled|determined|decided|shared|unveiled|made\s+public)\b"
    r"|\b(?:an?|the)\s+(?:(?:exact|specific|official|firm|precise|confirmed)\s+)?(?:(?:release|"
    r"premiere|launch)\s+)?date\s+(?:has|have|is|was)\s*(?:not|n't|yet\s+to)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:set|announced|confirmed|revealed|given|released|scheduled|determined|shared|unveiled)\b"
    r"|\b(?:don't|do\s+not|doesn't|does\s+not|didn't|did\s+not)\s+(?:yet\s+)?(?:have|know)\s+"
    r"(?:a|the|an\s+exact|an\s+official)\s+(?:(?:release|premiere|launch)\s+)?date\b"
    r"|\b(?:has|have|had)(?:n't|\s+not)\s+(?:yet\s+)?(?:announced|set|revealed|confirmed|given|shared|"
    r"scheduled)\s+(?:a|the|an)\s+(?:(?:official|exact|specific)\s+)?(?:release|premiere|launch)\s+"
    r"date\b"
    r"|\byet\s+to\s+(?:announce|set|reveal|confirm|give|share|receive|get)\s+(?:a|the|an)\s+"
    r"(?:(?:official|exact)\s+)?(?:(?:release|premiere|launch)\s+)?date\b"
    r"|\b(?:(?:release|premiere|launch)\s+)?date\s+(?:will|would|is\s+to)\s+be\s+(?:announced|"
    r"revealed|confirmed|shared)\s+(?:later|soon|at\s+a\s+later\s+date|in\s+due\s+course)\b"
    r"|\b(?:release|premiere)\s+date\s*(?::|is|remains)?\s*(?:TBA|TBD|TBC|unknown|unconfirmed|"
    r"to\s+be\s+(?:announced|confirmed|determined))\b"
    r"|\bwithout\s+a\s+(?:(?:release|premiere)\s+)?date\b|\bundated\b|\bnot\s+yet\s+(?:been\s+)?dated\b"
    r"|공개\s*(?:일|날짜)\s*(?:은|는)?\s*(?:미정|아직)",
    _I,
)

PHASE_RE = re.compile(
    r"(?P<development>\bin\s+(?:early\s+|active\s+)?development\b|\bbeing\s+developed\b|"
    r"\bin\s+the\s+works\b|\bearly\s+stages\s+of\s+development\b)"
    r"|(?P<pre>\bpre-?production\b"
    r"|\bwriters?'?\s+room\s+(?:has|have|is|are)\s+(?:officially\s+)?(?:open(?:ed)?|underway|begun|"
    r"started|convened|assembled|working)\b"
    r"|\bwriting\s+(?:has|is|was|had)\s+(?:officially\s+|now\s+)?(?:begun|started|underway|"
    r"under\s+way|wrapped|complete|finished|done)\b"
    r"|\b(?:started|began|begun|starts|begins|commenced)\s+(?:work\s+on\s+(?:the\s+)?"
    r"(?:scripts?|writing)|writing)\b"
    r"|\bwriters\s+have\s+(?:started|begun|been\s+(?:hired|working))\b"
    r"|\b(?:working|hard\s+at\s+work)\s+on\s+(?:the\s+)?scripts?\b"
    r"|\bscripts?\s+(?:are|is|have\s+been|has\s+been)\s+(?:being\s+)?(?:written|complete|completed|"
    r"finished|done|ready)\b"
    r"|\bscript\s+reading\b|\btable\s+reads?\b"
    r"|\bcasting\s+(?:is\s+|has\s+)?(?:officially\s+)?(?:underway|under\s+way|begun|began|started|"
    r"opened|calls?\b)"
    r"|\blocation\s+scouting\b|\bprep\s+(?:is|has)\s+(?:underway|begun|started)\b"
    r"|대본\s*리딩|사전\s*제작)"
    r"|(?P<post>\bpost-?production\b|\bwrap(?:s|ped)\s+(?:filming|production|shooting|principal\s+"
    r"photography)\b|\b(?:filming|production|shooting|principal\s+photography)\s+(?:(?:on|of|for)\s+"
    r"[^.;,]{0,60}?\s+)?(?:(?:has|have|had|officially|now|finally|is|was)\s+){0,3}(?:wrapped|ended|"
    r"finished|concluded|completed|wrapped\s+up|over|complete|done)\b|\b(?:finished|completed|"
    r"concluded|ended)\s+(?:filming|shooting|production|principal\s+photography)\b|"
    r"\b(?:it'?s|that'?s)\s+a\s+wrap\b|\bcameras?\s+(?:have\s+|had\s+)?(?:long\s+since\s+)?"
    r"stopped\b|\bediting\s+(?:is|has)\s+(?:underway|begun|started)\b|\bin\s+the\s+editing\s+"
    r"(?:room|suite|bay)\b|\bbeing\s+edited\b|크랭크\s*업|촬영\s*(?:을|이)?\s*(?:종료|마쳤|마무리|끝))"
    r"|(?P<filming>\b(?:began|begun|begins|begin|start(?:s|ed)?|starting|kick(?:s|ed)?\s+off|"
    r"commenced?|commences|resumed?|resumes|got\s+underway)\s+(?:filming|shooting|production|"
    r"principal\s+photography)\b"
    r"|\b(?:filming|shooting|production|principal\s+photography)\s+(?:(?:on|of|for)\s+"
    r"[^.;,]{0,60}?\s+)?(?:(?:has|have|had|is|was|officially|now|finally)\s+){0,3}(?:began|begun|"
    r"begins|started|starts|kicked\s+off|kicks\s+off|commenced|commences|underway|under\s+way|"
    r"got\s+underway|resumed|ongoing|in\s+progress)\b"
    r"|\b(?:currently|still|now|actively)\s+(?:in\s+production|filming|shooting|being\s+filmed|"
    r"being\s+shot)\b|\bin\s+production\b"
    r"|\b(?:is|are|has\s+been|have\s+been)\s+(?:currently\s+|now\s+)?(?:filming|shooting|being\s+"
    r"filmed|being\s+shot)\b"
    r"|\bcameras?\s+(?:are\s+|is\s+|have\s+|has\s+)?(?:started\s+|begun\s+|began\s+)?rolling\b|"
    r"\bcameras\s+roll\b|크랭크\s*인|촬영\s*(?:을|에)?\s*(?:시작|돌입|중|진행|들어갔|들어간))"
    r"|(?P<now>\bnow\s+(?:streaming|available|out|showing|on\s+netflix|playing)\b|\bout\s+now\b|"
    r"\b(?:is|are)\s+(?:finally\s+)?out\b(?!\s+(?:on|in|of|to|for|this|next)\b)|"
    r"\b(?:premieres?|premiered|arrives?|arrived|drops?|dropped|debuts?|debuted|released|releases|"
    r"out|available|streaming|lands?|landed|launch(?:es|ed)?|hits?|returns?|returned|bows)\s+"
    r"(?:[\w-]+\s+){0,3}?today\b|\b(?:is|are)\s+(?:now\s+)?available\s+to\s+(?:stream|watch)\b|"
    r"\b(?:is|are)\s+(?:now\s+)?streaming\b|\bstreaming\s+now\b|오늘\s*공개)"
    r"|(?P<past>\b(?:has|have)\s+(?:officially\s+|finally\s+)?(?:premiered|debuted|dropped|arrived|"
    r"landed|launched|been\s+released|returned)\b|\b(?:was|were)\s+released\b|"
    r"\b(?:premiered|debuted|dropped|released|arrived|launched|landed|returned)\s+(?:on\s+|last\s+|"
    r"this\s+(?:week|month|past)|in\s+|earlier\s+|to\s+|with\s+|yesterday|worldwide|globally)|"
    r"공개됐|공개되었)",
    _I,
)
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
    r"wish(?:es)?|if|unless|whether|in\s+talks|assum\w*|presumabl\w*|suggest\w*|"
    r"fingers\s+crossed|at\s+the\s+earliest|we\s+think|we\s+believe|i\s+think|i\s+believe|"
    r"we'd|odds|fear(?:s|ed)?|worr(?:y|ies|ied)|intend(?:s|ed)?|pencil(?:l?ed)?\s+in|"
    r"would\s+love|keen\s+to|eager\s+to|prepared\s+to|willing\s+to)\b|(?-i:\bmay\b)",
    _I,
)
# Speculation that colours a whole sentence, not only its clause.
SPECULATION_RE = re.compile(
    r"(?<!despite\s)(?<!despite\sthe\s)(?<!denied\s)(?<!denied\sthe\s)(?<!dismissed\s)"
    r"\b(?:predict\w*|guess\w*|speculat\w*|rumou?r(?:s|ed)?|we\s+think|we\s+believe|"
    r"we\s+expect|we'd\s+expect|our\s+(?:bet|guess|prediction|estimate|theory)|unconfirmed|"
    r"reportedly|allegedly|insiders?|fan\s+theor\w*|wishlist|if\s+(?:renewed|greenlit|"
    r"netflix|it|the\s+show|the\s+series))\b",
    _I,
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
    r"\bseason\s+\w+|\b[\w-]+\s+season)(?:'s)?\s*(?:,\s*[^,]{0,40},\s*)?$",
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
    r"(?<![\w'#-])[A-Z][\w'-]*(?:\s+(?:(?:of|the|and|&|in|on|at|a|an|for|to|de|la|del|von|van)\s+)*"
    r"[A-Z0-9][\w'-]*)+"
)
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
    news report reports hollywood reporter cast crew q1 q2 q3 q4 h1 h2 fans""")
)
PERSON_BEFORE_RE = re.compile(
    r"\b(?:star|stars|starring|starred|actor|actress|creator|co-creator|director|showrunner|"
    r"producer|writer|host|ceo|chief|executive|president|head|boss|by|with|member|newcomer|"
    r"alum|alumnus|author|composer|novelist|cinematographer|editor|says|said|told|"
    r"according\s+to|co-star|costar)\s*$",
    _I,
)
PERSON_AFTER_RE = re.compile(
    r"^(?:'s)?\s*(?:said|says|told|confirmed|revealed|announced|wrote|posted|shared|explained|"
    r"added|noted|teased|hinted|stars|plays|played|who|,\s*who|,\s*the\s+(?:star|actor|actress|"
    r"creator|director|showrunner))\b",
    _I,
)
OLD_DATE_DAYS = 300  # a production phase stated with a date this old is history
