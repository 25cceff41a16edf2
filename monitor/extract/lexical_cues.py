"""The lexicon's cues in each sentence, set aside or kept as hits (step 2 of lexical.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from typing import Final

from monitor.extract.dates import DateValue, anchor_year, backward_day, month_value
from monitor.extract.intl_dates import GRAMMARS, Found, european, japanese
from monitor.extract.lexical_scope import (
    CJK,
    SINCE_RE,
    UNIVERSAL_SEASON_RE,
    SeasonRef,
    Span,
    quoted_season,
)
from monitor.extract.lexicon import QUALIFIERS, Cue, Lexicon
from monitor.models import ClaimField, Note, Watch
from monitor.text.normalize import mask

# A phase cue told in the past: "クランクインした", "クランクインを迎えました", "촬영을 시작했다".
_PAST_AFTER_RE = re.compile(
    r"\s*(?:を迎え(?:た|ました)|(?:し|され)(?:た|ました)|(?:을|를)?\s*(?:했|됐|되었|마쳤))"
)

# A dateline or update stamp alone on its line: "2023年03月09日公開", "기사입력 2023.06.20".
STAMP_RE = re.compile(
    r"[^\w]*(?:기사입력|최종수정|입력|수정|更新日?|公開日?|投稿日?|配信日)?[\s:：]*"
    r"[\d年月日./:\s-]+(?:公開|更新|投稿|配信|追記)?[^\w]*"
)

_PHASE_DATE_REACH = 8  # characters between a date and the phase cue it dates ("10월 촬영")
_PHASE_AHEAD_DAYS = 300  # a year-less month read forward from June may be last May
# "of" in the European languages: a cue that goes on to name a title ("the shoot of").
_OF = r"(?:of|de|do|da|dos|das|di|del|della|du|des|von|vom|der)"
# "der finalen Staffel von „Sex Education“": a final season of the quoted title after it.
_OF_QUOTED_RE = re.compile(rf"\s+{_OF}\s+[„\"«“'「『]")
# A cue that modifies the quoted title after it: "配信中のNetflixシリーズ『X』",
# "放送された「X」" (see `_modified_title`).
_OF_TITLE_RE = re.compile(r"の[^。、.,]{0,15}?[「『<〈《]")
_PAST_OF_TITLE_RE = re.compile(r"(?:され|し)た[^。、.,]{0,10}?[「『<〈《]")
_TITLE_NEXT_RE = re.compile(r"[^。、.,]{0,10}?[「『<〈《]")
_CLOSE_QUOTE_RE = re.compile(r"[」』>〉》]")
# "2023年1月13日公開の映画「X」": the release of the film the cue goes on to name.
# ("12月31日に放送された特番「…」で…アニメ化決定が発表": the special aired, not the season)
_FILM_AFTER_RE = re.compile(
    r"の\s*(?:実写)?(?:映画|劇場版)|[^。、「」『』]{0,8}?(?:特番|特別番組|スペシャル番組)"
    # "2026年2月13日に全国公開される『新劇場版 X』"
    r"|(?:される|された|する|した)?\s*[『「]?新?劇場版"
)
# A trailer, poster or still as the subject of "公開"/"공개", its day between them: "第2弾PVが
# 6月27日、YouTubeで公開された", "티저 영상이 오는 20일 공개된다" (the show is not out).
_TRAILER_SUBJECT_RE = re.compile(
    r"(?:(?:PV|予告編?|特報|映像|ビジュアル|CM|ティザー)(?:第\d+弾)?が[^。がはも]{0,25}"
    # (or a role, a look, a scene: "두 사람이 맡은 역할도 공개됐다")
    r"|(?:티저|예고편|예고|포스터|영상|스틸|사진|역할|모습|캐릭터|관계도|라인업|장면|비하인드|현장)"
    r"(?:이|가|도|은|는)\s[^.,!?\n]{0,20})$"
)
# ... or named after it, past the title it belongs to: "24일 공개된 '구여친클럽' 티저 영상".
_TRAILER_AFTER_RE = re.compile(
    r"(?:된|한|された|した|の)?\s*['‘\"“「『<〈][^'’\"”」』>〉\n]{1,30}['’\"”」』>〉]\s*(?:의\s*|の\s*)?"
    r"(?:티저|예고편|예고|포스터|스틸|영상|사진|PV|予告|特報|ビジュアル|場面写真)"
)
# "10月15日23時59分までアーカイブ視聴", "15일까지": a date something lasts until, not a start.
_UNTIL_AFTER_RE = re.compile(
    r"\s*(?:[(（][月火水木金土日][)）]\s*)?(?:\d{1,2}\s*(?:時|시)(?:\s*\d{1,2}\s*(?:分|분))?\s*)?(?:まで(?!に)|까지)"
)

# A cue that goes on to name the title after it: "the shoot of ", "durante la grabación de ".
_OF_PASSING_RE = re.compile(rf"[^.;!?]{{0,40}}?\b(?:{_OF}|for|para|pour|per)\s*[\"“„«]\s?")
_SPINOFF_RE = re.compile(r"스핀오프|スピンオフ|spin-?off", re.I)
# Our title (masked as "#") right after a word: "스핀오프 <####>", "spin-off \"####\"".
_NAMES_OURS_RE = re.compile(r"\s*[<〈《'‘\"“「『]?\s*#")
# The topic particle after a sentence's first noun: "OVAは", "극장판은".
_SUBJECT_KINDS = frozenset(("renewed", "cancelled", "release", "phase"))
_TOPIC_RE = re.compile(r"\s*(?:は|が|も|는|은|가|이|도)(?![\w])")
# A clause ends at a comma: a rerun's own ("再放送が始まり、"), a date's after a cue.
_COMMA_RE = re.compile(r"[、,，]")
# A coordinate clause ends ("확정했으며,", "決定し、", "決まったが、"); a reason ("だったので、")
# stays under the main clause's hedge.
_CLAUSE_BREAK_RE = re.compile(r"(?:으며|며|고|지만|는데|し|して|が|けど|ものの)\s*[,、，]")
# Our title (masked as "#") and the work that follows it as the subject: "'X' 다음 작품은",
# "'X' 후속작은", "「X」の後番組は".
_SUCCESSOR_RE = re.compile(
    r"#[\'’\"」』>〉》]?\s*(?:의\s*)?(?:다음\s*작품|후속\s*작품|후속작|후속\s*드라마|の後番組|の後枠)\s*(?:은|는|으로는|は)"
)
# A Korean clause that ends "after" something ("스페셜 방송 후,", "방송 이후,").
_AFTER_CLAUSE_RE = re.compile(r"(?:후|뒤|이후|다음)\s*[,，]")
# "放送中の": on air now (its run began already).
_ON_AIR_RE = re.compile(r"中の")
# ... anywhere in the sentence ("…「X」が、TOKYOMXほかで放映中です"), not "放送中止".
_ON_AIR_ANY_RE = re.compile(r"(?:放送|放映|配信)中(?!止|断)")
# The finale as what a release cue airs: "最終回を放送する", "最終回(3月30日放送)", "最終話
# (6月16日)の放送後", "最終回は12月19日26時5分からテレビ東京ほかで放送される" (its day and
# channel between), "最終回「悪いうさぎ」が放送される" (its title between; not "最終話の最後で…
# 2期が放送", a season named after it).
_FINALE_OBJECT_RE = re.compile(
    r"最終(?:回|話)\s*(?:[「『][^」』]{1,30}[」』]\s*)?"
    r"(?:[(（][^)）]{0,20}(?:[)）]の?)?|(?:を|が|は)、?[^。、「『期]{0,30})?$"
)
# A run of months ("2021年8月~12月", "2023年1月~3月"): a broadcast period, not a start to come.
_RUN_RANGE_RE = re.compile(
    r"\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*[~〜～\-－–]\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月"
    r"(?!\s*(?:予定|から|より|に))"
)
# A hedge that is the verb of a relative clause past a comma ("…, se finira sur une note
# positive qui devrait"): that clause's own.
_LATER_CLAUSE_RE = re.compile(r"[,;]\s[^,;]*\b(?:qui|che|which|who)\s+$", re.I)
# A sentence about the TV series itself: "テレビアニメは", "TVアニメ版が".
_TV_TOPIC_RE = re.compile(
    r"(?:テレビ|TV)\s*(?:アニメ|ドラマ)(?:版|シリーズ|化)?(?:は|が|も)"
    # "작품은 '데릴남편 오작두' 후속으로 5월 방송될 예정이다", "本作は": the work, back as
    # the topic after a credit's film
    r"|(?:이\s*)?(?:작품|드라마)(?:은|는)\s|(?:本|同)(?:作|ドラマ|アニメ)は"
)
# A sentence about the source work ("原作は2014年に連載がスタートし、2020年12月に完結",
# "원작은 2019년 연재를 시작해"): its dates are the book's, up to where the sentence turns
# to the adaptation ("…漫画で、テレビアニメは2013年に第1期が放送され").
_SOURCE_SUBJECT_RE = re.compile(
    r"\s*(?:原作(?:漫画|マンガ|小説|コミック)?\s*は|원작(?:\s*(?:웹툰|소설|만화))?(?:은|는))"
)
_ADAPTATION_RE = re.compile(r"アニメ|ドラマ|第\s*\d+\s*(?:期|シーズン)|시즌|드라마|애니")
# A TV adaptation cue ("テレビアニメ化されることが…") and what may stand between it and a
# film listed before it ("実写映画化、", "映画化&").
_TV_ADAPTATION_RE = re.compile(r"(?:テレビ|TV)(?:アニメ|ドラマ)化")
_SIBLING_GAP_RE = re.compile(r"\s*(?:化し?)?\s*[、,&＆・と]\s*")
# Between a verb and the season it modifies: "베일을 벗은 '가짜사나이2'", "放送された『X 2』".
_MODIFIES_RE = re.compile(
    r"(?:된|은|는|인|한|탄|던|した|された|する|される|た|る)?\s*['‘\"“「『<〈《]?"
)
# A date that was the plan before a change: "26일로 예정됐던 첫 방송을 연기",
# "1月に放送予定だった".
_WAS_PLANNED_RE = re.compile(
    r"(?:\s*\(?[월화수목금토일](?:요일)?\)?)?\s*(?:(?:로|으로)\s*)?예정(?:(?:됐|되었|이었)던|이었(?:으나|지만|는데))"
    # "1月末から配信を予定していた", "6月6日スタート予定だった"
    r"|(?:末|上旬|中旬|下旬|頃|ごろ)?\s*(?:に|から)?\s*(?:(?:放送|配信|公開)(?:開始)?|スタート)?\s*(?:を|が)?\s*予定(?:だった|でした|していた|しておりました)"
    # "26일 첫 방송을 계획했던": the day it had planned (and then put off)
    r"|\s*(?:첫\s*)?(?:방송|공개|방영)(?:을|를)?\s*계획(?:했|하)던"
)
# A first adaptation: "アニメ化", "新作アニメ", "アニメになり", "드라마화" (see `_season_for`);
# not a sequel's ("続編", "후속").
_NEW_ADAPTATION_RE = re.compile(
    r"(?:アニメ|ドラマ|実写)化|(?:完全)?新作アニメ|アニメになり|(?:애니메이션|애니|드라마)(?:로\s*)?(?:화|제작)"
)
_SEQUEL_RE = re.compile(r"続編|続き|新シリーズ|二代目|第\s*\d+\s*期|シーズン|후속|속편|시즌")

# "Insânia, nova série brasileira do Star+, estreia …", "una nuova serie di Rai1": a show
# called new is its first season (Spanish, Italian, French, German, Portuguese).
_NEW_SHOW_RE = re.compile(
    # (an appositive or an indefinite "a new series": "la nuova serie" is often the new
    # season in Italian, where "serie" is also a season)
    r"(?:,\s*|\b(?:uma|una|une|eine)\s+)(?:(?:nova|nuova|nueva|nouvelle)\s+"
    r"(?:série|serie|fiction|minissérie|miniserie|novela)|neue\s+(?:Serie|Krimiserie|Dramaserie))\b",
    re.I,
)
# A cue in a clause that modifies a title ("방영 예정인 <주술회전 3기>", "放送予定の『…』").
_ADNOMINAL_RE = re.compile(
    r".{0,8}?(?:(?:예정인|예정된|확정된|결정된|予定の|決定した|決まった)\s*[<〈《'「『]"
    # "2023年1月からスタートする第2期にも期待が集まる": the start modifies the season
    r"|(?:する|される|となる)\s*(?:第\s*\d+\s*期|\d+期|シーズン\s*\d+))"
)
# An episode count or a source chapter, not an episode that aired: "총 28화", "全12話",
# "남은 방송은 2회뿐", "原作コミックス7巻収録の第61話", "웹툰 61화".
_COUNT_BEFORE_RE = re.compile(r"총|전체|남은|원작|웹툰|全|原作|漫画|マンガ|コミックス|巻")
_COUNT_AFTER_RE = re.compile(r"\s*(?:[을를]\s*)?(?:뿐|만에|남|が残|を残)")  # "4회를 남긴"

_RENEWAL_KINDS: Final = ("renewed", "cancelled")

# How far a date may stand from its release cue: Japanese writes them side by side
# ("2026年1月スタート"); Korean may put the place between ("오는 12일 넷플릭스에서 전 세계
# 190여 개국에 공개된다"); the others put a few words between.
_DATE_REACH: Final = {"ko": 25, "ja": 15}
_DATE_REACH_DEFAULT: Final = 60
# "오는 3월 첫 방송을 앞둔 새 금토드라마 '유별나! 문셰프'의 후속": a release in a clause
# that describes the quoted title after it is that title's (ours is masked as "#").
_KO_DESCRIBES_OTHER_RE = re.compile(
    r"\s*(?:을|를)?\s*(?:앞둔|앞두고\s+있는|예정인|예정된|하는|할|한|된|될|되는)\s+"
    r"(?:[가-힣A-Za-z]+\s+){0,3}['‘\"“][^'’\"”#\n]{1,40}['’\"”]"
)
# How far before a European release verb its subject may stand (see `_other_subject`).
_SUBJECT_REACH: Final = 60
# The determiner between a verb and its object: "débute son tournage", "inicia el rodaje",
# "avviano le riprese", "startet den Dreh", "começa as gravações".
_OBJECT_RE = re.compile(
    r"\s+(?:(?:son|sa|ses|le|la|les|l['’]|su|sus|el|los|las|il|lo|i|gli|den|die|das|"
    r"ihren?|seinen?|o|a|os|as|seu|sua|seus|suas)\s*)?(?:(?:nouveau|nuevo|nuovo|neuen?|"
    r"novo|premier|primer|primo|ersten?|primeiro)\s+)?",
    re.I,
)

# A day just before a release cue: "1月9日から始まった", "지난 3일 공개된".
_DAY_BEFORE_RE = re.compile(r"\d{1,2}\s*[日일]")

_SLOT_RE = re.compile(
    r"(?:[A-Z][A-Za-z0-9+&-]*[・/]?)+(?:系列|系)?|全国|[\u30a0-\u30ff]{2,10}系列?"
    r"|「[^」]{1,20}」枠|\"[^\"]{1,20}\"枠?|毎週[月火水木金土日]曜日?(?:\d{1,2}時(?:\d{1,2}分)?)?"
    r"|ほか|各局"
    # "6月26日よりMBSドラマフィル枠(MBS:毎週木曜25時29分〜、テレビ神奈川:毎週木曜25時〜ほか)で
    # 放送": a slot's name and its schedule in brackets
    r"|[\u30a0-\u30ff]{2,10}枠|[(（][^)）]{0,60}毎週[^)）]{0,60}[)）]"
    # "지난 3일 오후 5시 넷플릭스, 웨이브, 티빙 등 주요 OTT에서 첫 회가 공개된": the hour
    # and the platforms of a Korean release
    r"|(?:오전|오후|밤|저녁|낮|새벽)?\s*\d{1,2}\s*시(?:\s*\d{1,2}\s*분)?"
    r"|넷플릭스|웨이브|티빙|쿠팡\s*플레이|디즈니\s*\+|왓챠|카카오\s*TV|유튜브|(?:등\s*)?주요"
    # "18일 오후 8시 50분 올리브TV와 tvN에서 함께 방송된다": Korean channels, joined
    r"|[가-힣]{1,6}TV|(?<=[A-Za-z0-9V])\s*(?:와|과|및|에서|,)\s*|함께|동시"
    # "10月6日(土)夕方5時30分(※一部地域を除く)に放送": a Japanese hour and a footnote
    r"|(?:夕方|午後|午前|深夜|夜|朝|昼)?\s*\d{1,2}時(?:\s*\d{1,2}分|半)?|[(（]※[^)）]{1,30}[)）]"
    # "JTBC '로스쿨'(연출 김석윤, 극본 서인, 제작 JTBC 스튜디오)이 베일을 벗는다": the credits
    r"|[(（](?:연출|극본|감독|脚本|監督|原作)[^()（）]{1,80}[)）]"
    # "19일 자사 OTT '바바요'(babayo)를 통해 '다이다이' 1회를 공개": the platform, quoted
    r"|(?:자사\s*)?OTT\s*'[^'\n]{1,12}'(?:\([^)\n]{1,20}\))?(?:를|을)?\s*통해"
    # "からAmazon Prime Videoでプライム会員向けに見放題独占配信": who may watch, and how
    r"|(?:プライム)?会員向けに|見放題|独占"
    # "9月29日から、郄石あかり(22)が主演を務める連続テレビ小説『ばけばけ』が": the star
    r"|[^、。「『\n]{1,16}?(?:[(（]\d{1,2}[)）])?が主演を務める(?:連続テレビ小説|連続ドラマ|ドラマ|アニメ)?"
    # "4月21日、テレビ朝日系で吉瀬美智子主演のドラマ「X season2」が放送される": the star and
    # the quoted title itself
    r"|[\u3040-\u30ff\u4e00-\u9fff]{2,8}主演の(?:ドラマ|アニメ|連続ドラマ)?|(?:連続ドラマ|ドラマ|アニメ)?[「『][^」』]{1,30}[」』](?:[(（][^)）]{0,40}[)）])?(?:の(?:第\s*1\s*話|初回))?が$"
    # "19年7月からTOKYO MX、BS11、群馬テレビ、とちぎテレビ、MBSで放送": a list of stations
    r"|[\u3040-\u30ff\u4e00-\u9fff]{1,6}テレビ|(?<=[A-Za-z0-9ビ])\s*[、,]\s*|(?<=[A-Za-z0-9ビ])で$"
    # "10月29日にシーズン1「エピソード オブ ハーツラビュル」の配信が始まった": the season and
    # its quoted subtitle
    r"|(?:シーズン|[Ss]eason\s*|第)\s*\d{1,2}\s*(?:期|シーズン)?\s*[「『][^」』]{1,40}[」』]の?"
)
# "シーズン1で(打ち切り)", "시즌2를 끝으로 (폐지)": the season a run ended at.
_LAST_AT_RE = re.compile(r"\s*(?:で|を最後に|(?:을|를)\s*끝으로|(?:을|를)\s*마지막으로|만에)")
# A first episode still ahead: "첫 방송을 앞두고", "17일 첫 방송된다", "첫 공개 예정"
_KO_FIRST_AHEAD_RE = re.compile(
    r"첫\s*(?:방송|방|공개|선|회)(?:을|이|은|를)?\s*(?:앞두|앞둔|된다|한다|예정|보인다|\s*확정)"
)
# An aim, "방송을 목표로": it hedges its object, the words before it.
_AIM_RE = re.compile(r"목표로")
# "y confirma", "et annonce", "e conferma", "und bestätigt": a second verb of telling joined
# on by a conjunction (a verb stem right after it, not an article).
_VERB_JOIN_RE = re.compile(
    r"\s(?:e|y|et|und)\s+(?:(?:también|aussi|anche|auch|ya|déjà|già)\s+)?"
    r"(?!(?:la|le|les|el|los|las|il|lo|gli|der|die|das|den|un|une|una|uno|ein|eine)\b)"
    r"(?:confirm|annon[cç]|anunci|annunci|revel|révèl|rivel|desvel|dévoil|bestätig|verrät|fij|fix)\w*",
    re.I,
)
# Where a Latin-script clause ends and another begins: ", ", "; ", " e ", " y ", " et ".
_CLAUSE_JOIN_RE = re.compile(r"[,;]|\s(?:e|y|et|und|and|mas|ma|mais|aber|pero)\s", re.I)
# A year a Japanese date names itself: "2025年10月29日", "25年10月".
_YEAR_IN_DATE_RE = re.compile(r"\d{4}|\d{2}\s*年")
# A season's premiere (first episode): a few days after it, the season is out.
_PREMIERE_RE = re.compile(
    r"첫\s*방송|첫방|첫\s*공개|첫\s*회|첫선|처음\s*(?:공개|방송|전파)|베일을\s*벗"
    r"|初回|放送開始|配信開始|estren|premi[eè]re|premier",
    re.I,
)
# "방송된 SBS '꽃놀이패' 마지막 회에서는", "공개된 '아받대2'에서는": what an episode showed
_EPISODE_AT_RE = re.compile(r"(?:된|되는|탄|타는|는|한|하는)?\s[^.]{0,60}?(?:에서는|에선)")
_PREMIERE_DAYS: Final = 7
_OLD_END_DAYS: Final = 180  # a run that ended this long before the item is its history
# "cancelada após 1ª temporada", "annullata dopo la prima stagione", "cancela X na 1ª
# temporada", "annulée au terme de sa première saison": ended after (or in) that season.
_ENDED_AFTER_RE = re.compile(
    r"\b(?:após|apos|depois\s+d[ae]|tras|después\s+de|dopo|après|nach|after|na|no|en|nella|alla"
    r"|au\s+(?:terme|bout)\s+de|al\s+(?:termine|final)\s+de(?:lla|l)?|ao\s+fim\s+d[ae]"
    r"|am\s+Ende)\s+(?:(?:a|la|le|il|der|the|its|sua|su|sa|seiner|ihrer)\s+)?$",
    re.I,
)
# A list section's heading ("■更新決定", "【打ち切り】", "Cancelled:") and its entries.
_SECTION_HEADER_RE = re.compile(r"(?:[■◆▼●【]\s*\S.{0,20}|[^\s:：]{2,20}\s*[:：])$")
_LIST_ENTRY_RE = re.compile(r"[・•\-–*◦▶]\s*\S")
# How far after a cue a season mention may stand and still be the cue's (Latin scripts).
_AFTER_REACH: Final = 40
# How far after a renewal cue the seasons it orders may be listed.
_ORDER_REACH: Final = 80


@dataclass(frozen=True, slots=True)
class Hit:
    field: ClaimField
    value: str
    span: Span
    pos: int
    delayed: bool = False
    when: DateValue | None = None  # a date hit's resolved date
    premiere: bool = False  # a past release of the named season: it is out


def _report_date(text: str, found: Found, reports: tuple[Cue, ...]) -> bool:
    """Whether a date is the day a report came out (its language's `report_date` cues)."""
    return any(
        cue.pattern.match(text, found.end)
        if cue.form == "after"
        else cue.pattern.search(text, max(0, found.start - 40), found.start)
        for cue in reports
    )


# "지난 4일 ... 방송된 '저스티스'는 5.8%. 같은 날 밤 9시 방송된 'X'는 3.7%": the same day is
# the last day the text named before it. (Japanese "同日" is left out: in the corpus it dates
# photos and press events, "場面写真が同日公開された", never an airing.)
_SAME_DAY_RE = re.compile(r"같은\s*날")


def _same_day(sentence: str, offset: int, dates: list[Found], whole: list[Found]) -> list[Found]:
    out = list(dates)
    for m in _SAME_DAY_RE.finditer(sentence):
        if any(f.start <= m.start() < f.end for f in dates):
            continue
        before = [f for f in whole if f.end <= offset + m.start() and f.value.precision == "day"]
        if before:
            out.append(Found(m.start(), m.end(), before[-1].value))
    return sorted(out, key=lambda f: f.start)


def _time_points(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Where a past season is only a point in time ("시즌1 종영 후", "第2期最終話の直後")."""
    out: list[tuple[int, int]] = []
    for pattern in (*lex.seasons, UNIVERSAL_SEASON_RE):
        for m in pattern.finditer(text):
            since = SINCE_RE.match(text, m.end())
            if since is not None:
                out.append((m.start(), since.end()))
    return out


def _on_air(m: re.Match[str]) -> bool:
    """Whether a Japanese release cue speaks of a run on air now: "放送中の7月クール", "平成24年
    10月期のTVアニメ「X」が…放映中です" (a cour label in a sentence that says so)."""
    return _ON_AIR_RE.match(m.string, m.end()) is not None or (
        m.group() in ("期", "クール") and _ON_AIR_ANY_RE.search(m.string) is not None
    )


def _past_clause(sentence: str, pos: int, pasts: tuple[Cue, ...]) -> bool:
    """Whether the clause from a date at `pos` on tells a release gone by ("2023年1月期には
    地上波でも放送された")."""
    end = min((i for i in (sentence.find(c, pos) for c in "、。,") if i != -1), default=None)
    if end is not None and sentence[end] == "、" and sentence.endswith(("され", "し"), 0, end):
        # "…配信され、2023年1月期には地上波でも放送された": a continuative clause takes the
        # tense of the sentence's last verb
        end = None
    stop = len(sentence) if end is None else end
    return any(p.pattern.search(sentence, pos, stop) for p in pasts)


def _said_of_the_show(m: re.Match[str], span: Span, cjk: bool) -> bool:
    """Whether a Korean/Japanese release or on-air cue modifies a quoted title that names no
    season ("配信中の『X』", "2018年に放送された「X」の第2期"): it is said of the show as it
    stands, not of a season the sentence goes on to name."""
    if not cjk:
        return False
    titled = _modified_title(m.string, m.end())
    return titled is not None and not _titles_season(m.string, titled.end(), span)


def _modified_title(sentence: str, end: int) -> re.Match[str] | None:
    """The quoted title a cue ending at `end` modifies, if it does: "配信中の『X』",
    "放送された「X」", "2018年に放送した『X』"."""
    if sentence[end - 1 : end] in ("た", "る"):
        return _TITLE_NEXT_RE.match(sentence, end)
    return _OF_TITLE_RE.match(sentence, end) or _PAST_OF_TITLE_RE.match(sentence, end)


def _titles_season(sentence: str, pos: int, span: Span) -> bool:
    """Whether the title quoted just before `pos` names a season itself: "『X 死滅回游 前編』",
    "『X』2期" (not "「X」の第2期", the second season of a show the words before describe)."""
    close = _title_end(sentence, pos)
    for r in span.seasons:
        at = r.start - span.start
        if at < close or (at <= close + 2 and sentence[close : close + 1] != "の"):
            return True
    return False


def _title_end(sentence: str, pos: int) -> int:
    """Where the quoted title opened just before `pos` closes (the sentence's end if never)."""
    close = _CLOSE_QUOTE_RE.search(sentence, pos)
    return close.end() if close is not None else len(sentence)


def _matches(ref: SeasonRef, watch: Watch) -> bool:
    if ref.number is None:
        return ref.upto is None or ref.upto <= watch.season <= ref.upto + 1
    if ref.part:
        return ref.number == watch.part
    return watch.season in (ref.number, ref.also)


def _names_watched(span: Span, watch: Watch) -> bool:
    """Whether the sentence names the watched season by its number."""
    return any(r.number is not None and _matches(r, watch) for r in span.seasons)


def _season_for(
    span: Span, pos: int, watch: Watch, cjk: bool, cue: re.Match[str] | None = None
) -> tuple[bool, str]:
    """Whether a cue at `pos` (`cue`, matched in the span's sentence) is about the watched
    season, and if not, why."""
    before = [r for r in span.seasons if r.start <= pos]
    after = [r for r in span.seasons if r.start > pos]
    if (
        cjk
        and cue is not None
        and after
        and _MODIFIES_RE.fullmatch(cue.string, cue.end(), after[0].start - span.start)
    ):
        # "7월 공개된 1기에 이어 10월 1일 베일을 벗은 '가짜사나이2'는": a verb that
        # modifies the season named right after it is that season's, whatever came before.
        before = []
    if not cjk:
        # "la renovación ... en la serie desde la primera edición": a season named far after
        # the cue is another topic; the cue keeps the sentence's carried-on season.
        after = [r for r in after if r.start - pos <= _AFTER_REACH]
    if before or after:
        # Korean and Japanese put the topic first ("시즌2 ... 확정"); the others may not.
        if cjk:
            ref = before[-1] if before else after[0]
        else:
            ref = min((*before, *after), key=lambda r: abs(r.start - pos))
        if _matches(ref, watch):
            return True, ""
        return False, f"about season {ref.number}, not {watch.season}"
    if span.inherited is not None and not _matches(span.inherited, watch):
        return False, f"about season {span.inherited.number}, not {watch.season}"
    if (
        watch.season > 1
        and cue is not None
        and (_NEW_ADAPTATION_RE if cjk else _NEW_SHOW_RE).search(cue.string)
        and not (cjk and _SEQUEL_RE.search(cue.string))
    ):
        # "ゲームがアニメになり、2027年に公開される", "新作アニメ『X』", "X, nova série
        # brasileira": a new show or adaptation with no season named is its first season.
        return False, f"a new show (its first season), not season {watch.season}"
    return True, ""


@dataclass(slots=True)
class CueContext:
    """What `cues` reads once per item and watch, before its sentences."""

    text: str
    spans: list[Span]
    lex: Lexicon
    watch: Watch
    published: date | None
    language: str
    ours: list[tuple[int, int]]
    untitled: str
    cjk: bool
    grammar: Callable[[str, date | None], list[Found]]
    points: list[tuple[int, int]]
    reach: int
    numbered_others: bool
    first_only: bool
    season_named: bool
    episode_item: bool
    masked: str
    subjects: list[int]
    hedges: tuple[Cue, ...]
    neg_after: tuple[Cue, ...]
    neg_before: tuple[Cue, ...]
    delays: tuple[Cue, ...]
    futures: tuple[Cue, ...]
    clause_negations: tuple[Cue, ...]
    derivatives: tuple[Cue, ...]
    pasts: tuple[Cue, ...]
    releases: tuple[Cue, ...]
    anniversaries: tuple[Cue, ...]
    not_season: tuple[Cue, ...]
    whole: list[Found] | None = None  # the whole text's dates, read for "같은 날" only
    hits: list[Hit] = field(default_factory=list)  # what the sentences give, in order
    notes: list[Note] = field(default_factory=list)


@dataclass(slots=True)
class _Sentence:
    """One sentence of our show, as every cue in it is read."""

    span: Span
    sentence: str
    plain: str  # our title masked
    unquoted: str  # every title masked
    quote: str  # for notes
    carried: bool  # a film or spin-off the sentences before made the topic
    subject_derivative: bool
    source: re.Match[str] | None
    hedged: re.Match[str] | None
    delayed: bool
    dates: list[Found]
    first: int | None  # the first episode the sentence numbers
    premiere_said: bool
    taken: list[tuple[int, int]]  # phase cues kept: a cue inside one is not read again
    phases: list[tuple[int, int]] | None = None  # every phase cue's span, read when needed


def cue_context(
    text: str,
    spans: list[Span],
    lex: Lexicon,
    watch: Watch,
    published: date | None,
    language: str,
    ours: list[tuple[int, int]],
    titles: list[re.Match[str]],
    untitled: str,
    subtitles: tuple[str, ...],
) -> CueContext:
    cjk = language in ("ko", "ja")
    grammar = GRAMMARS[language]
    if published is None and grammar in (european, japanese):
        # Each sentence is read alone: the year that pins an undated weekday is the item's.
        anchor = anchor_year(text)
        grammar = partial(grammar, anchor=anchor)
    # A first season is the show itself unless the item names other seasons.
    numbered_others = any(
        r.number not in (None, watch.season) for span in spans for r in span.seasons
    )
    # The watched season is named somewhere: by number, by the subtitle of an alias
    # ("ゴールデンカムイ 最終章" -> "最終章"), or needs no name (a first season).
    folded = text.casefold()
    season_named = (
        watch.season == 1
        or any(_names_watched(span, watch) for span in spans)
        or any(
            sub in folded
            for sub in (a.split()[-1] for a in subtitles if " " in a)
            # "ドラゴン桜 続編": a word for any next season is no name of this one
            if not any(p.search(sub) for p in (*lex.seasons, UNIVERSAL_SEASON_RE))
        )
    )
    # A headline about a later episode ("'주술회전' 3기 49화 리뷰"): the item is the episode's.
    episode_item = any(
        span.headline
        and span.ours
        and (_first_episode(_episodes(text[span.start : span.end], lex)) or 0) >= 2
        for span in spans
    )
    # Other quoted titles that are the subject of what follows ("'삼촌이 생겼어요'는 …
    # 폐지된다", "「X」は…決定"): where they end.
    subjects = (
        [
            m.end()
            for m in titles
            if not any(a < m.end() and m.start() < b for a, b in ours)
            and not quoted_season(m, lex)
            and _TOPIC_RE.match(text, m.end())
        ]
        if cjk
        else []
    )
    return CueContext(
        text=text,
        spans=spans,
        lex=lex,
        watch=watch,
        published=published,
        language=language,
        ours=ours,
        untitled=untitled,
        cjk=cjk,
        grammar=grammar,
        # "第2期最終話(2025年9月18日放送)の直後": a past season as a point in time, dates
        # and all.
        points=_time_points(text, lex),
        reach=_DATE_REACH.get(language, _DATE_REACH_DEFAULT),
        numbered_others=numbered_others,
        # (not for a later part: "「X」が配信されている" is out, its second part need not be)
        first_only=watch.season == 1 and not numbered_others and (watch.part or 1) == 1,
        season_named=season_named,
        episode_item=episode_item,
        # Our title masked: "피의 게임" is a show, not a game ("ゲーム" is a derivative cue).
        masked=mask(text, ours),
        subjects=subjects,
        hedges=lex.of("hedge"),
        neg_after=lex.of("negation_after"),
        neg_before=lex.of("negation_before"),
        delays=lex.of("delay"),
        futures=lex.of("future"),
        clause_negations=lex.of("negation_clause"),
        derivatives=lex.of("derivative"),
        pasts=lex.of("past"),
        releases=lex.of("release"),
        anniversaries=lex.of("anniversary"),
        not_season=lex.of("not_season"),
    )


def cues(item: CueContext) -> tuple[list[Hit], list[Note]]:
    """Every sentence's cues for one watch, kept as hits or set aside with a note."""
    text, spans, lex, watch = item.text, item.spans, item.lex, item.watch
    hits, notes = item.hits, item.notes
    # "Netflix hat ein Prequel angekündigt ... sondern ein Film. Dafür laufen die
    # Dreharbeiten bereits.": a film or spin-off stays the topic of the sentences after it
    # until one names the show or a season again.
    derivative_topic = False
    verdicts = [c for c in lex.cues if c.kind in _RENEWAL_KINDS]
    section: str | None = None  # the verdict of the list section we are in ("■打ち切り決定")
    previous_end = 0
    for span in spans:
        sentence = text[span.start : span.end]
        plain = item.masked[span.start : span.end]
        carried = (
            derivative_topic
            # (a new paragraph goes back to the article's topic: "…nel film Buongiorno
            # notte, uscito nel 2003.\n\nData di uscita\n\nIl debutto è fissato per …")
            and "\n\n" not in text[previous_end : span.start]
            and not span.names_ours
            and not span.seasons
            # "実写映画は…2025年に公開。テレビアニメは…2025年に放送される": the TV anime
            # is the show itself, back as the topic.
            and not _TV_TOPIC_RE.match(sentence.lstrip())
        )
        derivative_topic = carried or (
            any(d.pattern.search(plain) for d in item.derivatives if d.form != "rerun")
            and not span.seasons
        )
        previous_end = span.end
        line = sentence.strip()
        if _SECTION_HEADER_RE.match(line) and not span.names_ours:
            section = next((c.kind for c in verdicts if c.pattern.search(line)), None)
            continue
        if section is not None and _LIST_ENTRY_RE.match(line) and span.names_ours:
            hit = _section_entry_hit(section, span, sentence, verdicts, watch)
            if hit is not None:
                hits.append(hit)
                quote = " ".join(sentence.split())
                notes.append(Note("renewal", f'an entry under a "{section}" heading: "{quote}"'))
                continue
        if not span.ours or STAMP_RE.fullmatch(sentence.strip()):
            continue
        s = _sentence(item, span, carried)
        for cue in lex.cues:
            if cue.kind in QUALIFIERS or cue.kind == "final":  # final: its own pass
                continue
            for m in cue.pattern.finditer(sentence):
                if any(a < m.end() and m.start() < b for a, b in s.taken) and cue.kind == "phase":
                    continue  # "촬영을 마쳤다" is post-production, not also filming
                _read_cue(item, s, cue, m)
    return hits, notes


def _sentence(item: CueContext, span: Span, carried: bool) -> _Sentence:
    """Read what every cue of one sentence shares: its hedge, dates and episodes (the
    final-season and episode passes run here, once per sentence)."""
    text, lex, watch, cjk = item.text, item.lex, item.watch, item.cjk
    hits, notes = item.hits, item.notes
    sentence = text[span.start : span.end]
    plain = item.masked[span.start : span.end]
    quote = " ".join(sentence.split())
    # "OVAは、…「X」4期…製作決定となった": a film or an OVA is what the sentence is about.
    head = plain.lstrip()
    subject_derivative = cjk and any(
        (d_m := d.pattern.match(head)) is not None and _TOPIC_RE.match(head, d_m.end())
        for d in item.derivatives
    )
    unquoted = item.untitled[span.start : span.end]
    hedged = next(filter(None, (h.pattern.search(unquoted) for h in item.hedges)), None)
    if hedged is None and not span.question:
        hits += _final_season_hits(sentence, span, lex, watch)
        hits += _episode_hits(
            sentence, span, lex, watch, cjk, item.numbered_others, item.season_named
        )
    dates = [
        f
        for f in item.grammar(sentence, item.published)
        if not any(a <= span.start + f.start < b for a, b in item.points)
    ]
    if item.language == "ko" and _SAME_DAY_RE.search(sentence):
        if item.whole is None:
            item.whole = item.grammar(text, item.published)
        dates = _same_day(sentence, span.start, dates, item.whole)
    episodes = _episodes(sentence, lex)
    first = _first_episode(episodes)
    if dates and (item.episode_item or (first is not None and first >= 2)):
        # "오늘(24일) 방송되는 2화", a review of "3기 49화": the date is an episode's. Past
        # a comma it is not: "13회를 끝으로 시즌1을 마무리하고, 2020년 상반기 시즌2로
        # 돌아온다" dates the next season.
        later = [pos for pos, lo, _ in episodes if lo >= 2]
        kept = (
            []
            if item.episode_item
            else [f for f in dates if not any(_same_clause(sentence, e, f.start) for e in later)]
        )
        if len(kept) < len(dates):
            notes.append(Note("date", f"an episode's date, not the season's: \"{quote[:120]}\""))
        dates = kept
    return _Sentence(
        span=span,
        sentence=sentence,
        plain=plain,
        unquoted=unquoted,
        quote=quote,
        carried=carried,
        subject_derivative=subject_derivative,
        source=_SOURCE_SUBJECT_RE.match(plain) if cjk else None,
        hedged=hedged,
        delayed=any(d.pattern.search(sentence) for d in item.delays),
        dates=dates,
        first=first,
        # The sentence speaks of a premiere ("첫 회에서는", "初回"), wherever its cue stands.
        premiere_said=_PREMIERE_RE.search(sentence) is not None,
        taken=[],
    )


def _read_cue(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> None:
    """One cue found in a sentence: set aside (with a note saying why) or kept as a hit."""
    hits, notes = item.hits, item.notes
    fld = _field(cue)
    reason = next(
        (r for check in _SET_ASIDE_CHECKS if (r := check(item, s, cue, m)) is not None), None
    )
    if reason is not None:
        notes.append(Note(fld, f'{reason}: "{s.quote[:120]}"'))
        return
    if cue.kind == "phase":
        s.taken.append(m.span())
    if cue.kind == "release":
        _read_release(item, s, cue, m)
        return
    published = item.published
    if (
        cue.kind == "cancelled"
        and item.cjk
        and published is not None
        and any((published - f.value.hi).days > _OLD_END_DAYS for f in s.dates)
    ):
        # "2021年9月、惜しまれつつ13年の歴史に幕を下ろした「X」" in an item of 2022
        # about its revival: an end told as history, not this season's news.
        notes.append(Note(fld, f'history: an end long gone by: "{s.quote[:120]}"'))
        return
    hits.append(Hit(fld, cue.value, s.span, s.span.start + m.start()))


# --- why a cue is set aside: each check gives a reason or None; the first reason wins -----


def _near_hedge(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> re.Match[str] | None:
    """The sentence's hedge, unless it belongs to another clause or object than the cue's."""
    hedged, sentence = s.hedged, s.sentence
    if hedged is None:
        return None
    if hedged.start() > m.end() and _ADNOMINAL_RE.match(sentence, m.end()):
        # "2026년 1월 방영 예정인 <주술회전 3기> 편을 앞두고 팬들이 궁금해하는": a
        # schedule that modifies the title is stated; the later hedge is the fans'.
        return None
    if (
        item.cjk
        and hedged.start() > m.end()
        and _CLAUSE_BREAK_RE.search(sentence, m.end(), hedged.start())
    ):
        # "시즌2 제작을 확정했으며, 편성 등은 내부에서 최종 논의 중이다": the
        # hedge is the next clause's (the slot), not the confirmed season's.
        return None
    if (
        not item.cjk
        and hedged.start() > m.end()
        and _LATER_CLAUSE_RE.search(s.unquoted, m.end(), hedged.start())
    ):
        # "qui sortira à l'hiver 2024 sur Club illico, se finira sur une note
        # positive qui devrait": a hedge in a clause after the cue's is that
        # clause's.
        return None
    if (
        cue.kind == "phase"
        and hedged.end() <= m.start()
        and _AIM_RE.match(sentence, hedged.start())
    ):
        # "하반기 방송을 목표로 촬영 중": the aim hedges the airing it names, not
        # the shoot or edit under way after it.
        return None
    return hedged


def _hedged_or_negated(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> str | None:
    # Negations are read with titles masked: "Padre no hay más que uno" names
    # a show, it negates nothing. A cue that is itself in quotes is a remark
    # ("フジ「放送中止は予定していない」"), its negation read with it.
    masked_cue = s.unquoted[m.start() : m.end()] != m.group()
    reason = _set_aside(
        cue,
        m,
        s.sentence if masked_cue else s.unquoted,
        s.span,
        _near_hedge(item, s, cue, m),
        item.neg_after,
        item.neg_before,
    )
    if (
        reason is None
        and cue.kind != "unannounced"
        and any(n.pattern.search(s.unquoted[m.end() :]) for n in item.clause_negations)
    ):
        reason = "negated"
    return reason


def _about_title_in_passing(
    item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]
) -> str | None:
    span = s.span
    if span.passing is not None and (
        span.start + m.start() >= span.passing
        or _OF_PASSING_RE.fullmatch(item.text, span.start + m.end(), span.passing)
    ):
        # 'Com estreia marcada para 25 de agosto, ... intervalo do "Mais Você"':
        # the cue before the other title is ours; one after it, or one that
        # names it ("the shoot of "Dona Vitória""), is not.
        return "about another title named in passing"
    return None


def _about_subject_title(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> str | None:
    if cue.kind not in _SUBJECT_KINDS:
        return None
    start, ours = s.span.start, item.ours
    pos = start + m.start()
    subject = max((e for e in item.subjects if start <= e <= pos), default=None)
    before = max((b for a, b in ours if start <= a and b <= (subject or 0)), default=None)
    if (
        subject is not None
        and before is not None
        and not any(subject <= a < pos for a, _ in ours)
        and _CLAUSE_BREAK_RE.search(item.text, before, subject)
    ):
        # "'야구단'이 확대 편성되며, '삼촌이 생겼어요'는 … 폐지된다": after our
        # show's own clause, the cue after another title and its topic
        # particle is that show's (not a title coordinated with ours, nor
        # an episode's: "'정글밥2'의 첫 번째 이야기 '페루밥'은").
        return "about another title, the subject before it"
    return None


def _about_derivative(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> str | None:
    plain = s.plain
    if (
        s.carried
        or s.subject_derivative
        or any(
            # (and inside the cue: "第4期に向けた新作OVA製作決定"); a spin-off
            # that is our show ("<하트시그널4>의 스핀오프 <애프터시그널>") is ours
            not (
                # (or a TV special, the "format" form: "スペシャルドラマ『X』")
                (_SPINOFF_RE.search(d_m.group()) or d.form == "format")
                and _NAMES_OURS_RE.match(plain, d_m.end())
            )
            # "実写映画化、テレビアニメ化されることが": the film is a sibling
            # adaptation listed before the TV one, not the cue's subject
            and not (
                _TV_ADAPTATION_RE.match(m.group())
                and _SIBLING_GAP_RE.fullmatch(plain, d_m.end(), m.start())
            )
            # "再放送が始まり、しかも来年には2期も決定": a rerun in a clause of its
            # own is not the subject of the next clause's cue
            and not (d.form == "rerun" and _COMMA_RE.search(plain, d_m.end(), m.start()))
            # the cue's own word ("再放送で泣きました": the rerun is the news)
            and d_m.span() != m.span()
            # "11월 1일 스페셜 방송 후, 11월 7일 첫 방송된다": a special before a
            # clause that ends after it ("후,") is not the next clause's subject
            and not _AFTER_CLAUSE_RE.search(plain, d_m.end(), m.start())
            for d in item.derivatives
            for d_m in d.pattern.finditer(plain, max(0, m.start() - 40), m.end())
        )
        # "2023年1月13日公開の映画「X」": the release is the noun's that follows
        or (item.cjk and _FILM_AFTER_RE.match(s.sentence, m.end()) is not None)
        or (
            s.source is not None and _ADAPTATION_RE.search(plain, s.source.end(), m.start()) is None
        )
    ):
        return "about a film, spin-off or game, not the season"
    return None


def _about_successor(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> str | None:
    if item.cjk and _SUCCESSOR_RE.search(s.plain, 0, m.start()) is not None:
        # "'더케이투' 다음 작품은 … '도깨비'이며, 오는 12월 2일 첫방송 예정": what
        # follows is the show after ours
        return "about the show that follows, not this one"
    return None


def _about_trailer(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> str | None:
    if (
        item.cjk
        and ("公開" in m.group() or "공개" in m.group())
        and (
            _TRAILER_SUBJECT_RE.search(s.plain, max(0, m.start() - 40), m.start())
            or _TRAILER_AFTER_RE.match(s.sentence, m.end())
        )
    ):
        return "a trailer or poster is out, not the season"
    return None


def _planned(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> str | None:
    """A phase cue still ahead ("촬영에 돌입할 예정", "10월 촬영 시작") has not begun."""
    if cue.kind != "phase" or cue.form == "finale":  # a finale ahead: the run is on air now
        return None
    published, dates, sentence = item.published, s.dates, s.sentence
    # "지난 2월부터 촬영에 돌입해 오는 30일 첫 방영": a shoot dated before the
    # item has begun, whatever is ahead after it
    if cue.value == "filming" and any(
        0 <= m.start() - f.end <= _PHASE_DATE_REACH
        and published is not None
        and f.value.hi < published
        for f in dates
    ):
        return None
    if any(f.pattern.search(_future_window(sentence, m.end(), item.cjk)) for f in item.futures) or (
        # "10월 촬영 시작", "来年1月クランクイン": a start dated after the item
        # (not one told in the past: "9月にクランクインした" of March is last
        # September's)
        any(
            0 <= m.start() - f.end <= _PHASE_DATE_REACH
            and published is not None
            and 0 < (f.value.lo - published).days < _PHASE_AHEAD_DAYS
            # ("8월 28일까지 지원자 모집 진행": a deadline, under way now)
            and not _UNTIL_AFTER_RE.match(sentence, f.end)
            for f in dates
        )
        and not _PAST_AFTER_RE.match(sentence, m.end())
    ):
        return "planned, not begun"
    return None


def _other_season(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> str | None:
    """The season the cue is about, when it is not the watched one."""
    span, watch = s.span, item.watch
    ok, why = _season_for(span, span.start + m.start(), watch, item.cjk, m)
    if not ok and cue.kind == "renewed" and not item.cjk:
        # "le renouvellement pour une saison 3… mais aussi pour une saison 4":
        # a multi-season order names each season after its cue.
        pos = span.start + m.end()
        ok = any(0 <= r.start - pos <= _ORDER_REACH and _matches(r, watch) for r in span.seasons)
    last = _last_named(item.text, span, m) if cue.kind == "cancelled" else None
    if last is not None:
        # The show ends after the season named: a later watched season is
        # cancelled, that one ("Aus für X nach Staffel 7") and earlier are not.
        ok = watch.season > max(last.number or 0, last.also or 0)
        why = f"ends after season {last.number}, not before season {watch.season}"
    return None if ok else why


def _slot_ahead(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> str | None:
    if cue.form != "slot":
        return None
    sentence = s.sentence
    ahead = (
        # "10월 15일부터 11월 12일까지 매주 금요일 방송된다", or an item with
        # "첫 방송을 앞두고": the slot's run is dated or still ahead
        (bool(s.dates) or _KO_FIRST_AHEAD_RE.search(item.text) is not None)
        if item.language == "ko"
        else (
            any(r.pattern.search(sentence) for r in item.releases)
            and not any(p.pattern.search(sentence) for p in item.pasts)
        )
    )
    # "7月に放送されることが決定した…毎週木曜22時": a slot announced, not on air
    return "a weekly slot announced, not yet on air" if ahead else None


def _released_of_the_show(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> str | None:
    if (
        cue.value == "released"
        # (in an item that names no season past the first, "放送中の『X』" is
        # season 1 on air; a past "放送された「X」" may be any run of it)
        and not (item.first_only and m.group().endswith("中"))
        and _said_of_the_show(m, s.span, item.cjk)
    ):
        # "独占配信中の『X』について、シーズン2の制作決定": out now is the show as
        # it stands; the season named later is the news.
        return "released, said of the show before the season is named"
    if (
        cue.value == "released"
        # "続編制作決定": the next season is never one that is out already
        and not _names_watched(s.span, item.watch)
        and not item.first_only
    ):
        # "2021年冬に放送された『ホリミヤ』": the show has aired, not this season.
        return "released, but the sentence does not name this season"
    return None


def _rerun(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> str | None:
    if cue.form == "rerun" and not item.first_only:
        # "再放送が始まり、しかも来年には2期も決定": a rerun repeats an earlier run
        return "a rerun of an earlier run, not this season"
    return None


_Check = Callable[[CueContext, _Sentence, Cue, re.Match[str]], str | None]
# The precedence of the reasons a cue is set aside: the first that applies is the note.
_SET_ASIDE_CHECKS: Final[tuple[_Check, ...]] = (
    _hedged_or_negated,  # asked, hedged, negated (its own clause's hedge only)
    _about_title_in_passing,  # a cue after another title named in passing, or naming it
    _about_subject_title,  # another title is the subject of the clause (ko/ja)
    _about_derivative,  # a film, spin-off, game, special or rerun is the subject
    _about_successor,  # the show that follows ours (ko/ja)
    _about_trailer,  # a trailer or poster is "revealed" (ko/ja)
    _planned,  # a phase still ahead
    _other_season,  # the cue is another season's
    _slot_ahead,  # a weekly slot announced, not on air yet
    _released_of_the_show,  # "out" said of the show, not the watched season
    _rerun,  # a rerun repeats an earlier run
)


def _read_release(item: CueContext, s: _Sentence, cue: Cue, m: re.Match[str]) -> None:
    """A release cue: its date (ahead, or today's premiere), or `released` when gone by."""
    hits, notes = item.hits, item.notes
    fld = _field(cue)
    sentence, span, quote, watch = s.sentence, s.span, s.quote, item.watch
    language, published, cjk, first_only = item.language, item.published, item.cjk, item.first_only
    if item.not_season and (
        _other_subject(sentence, m.start(), item.not_season)
        or _other_object(sentence, m.end(), item.not_season)
    ):
        notes.append(Note(fld, f'the shoot or a trailer, not the season: "{quote[:120]}"'))
        return
    if language == "ko" and _KO_DESCRIBES_OTHER_RE.match(item.masked, span.start + m.end()):
        notes.append(Note(fld, f'said of the other title it describes: "{quote[:120]}"'))
        return
    if any(a.pattern.match(sentence, m.end()) for a in item.anniversaries):
        notes.append(Note(fld, f'an anniversary, not a release: "{quote[:120]}"'))
        return
    window = sentence[max(0, m.start() - 12) : m.end() + 12]
    if (
        language == "ko"
        and s.first != 1
        and not s.premiere_said
        and _EPISODE_AT_RE.match(sentence, m.end())
    ):
        # "오늘(23일) 오후 4시 공개되는 '아받대2'에서는", "지난 31일 전파를 탄
        # '구경이'에서는": what one episode shows; the season is on air.
        notes.append(Note("date", f'an episode\'s day: "{quote[:120]}"'))
        if first_only or _names_watched(span, watch):
            hits.append(Hit("phase", "released", span, span.start + m.start()))
        return
    if cjk and _FINALE_OBJECT_RE.search(sentence, max(0, m.start() - 36), m.start()):
        # "6月30日に最終回を放送するドラマ": the finale's day; the season is on air
        notes.append(Note("date", f"the finale's day, not the season's: \"{quote[:120]}\""))
        if first_only or _names_watched(span, watch):
            hits.append(Hit("phase", "released", span, span.start + m.start()))
        return
    past = any(p.pattern.search(window) for p in item.pasts)
    hit = _date_hit(
        m,
        s.dates,
        span,
        published,
        item.reach,
        notes,
        quote,
        delayed=s.delayed,
        # "放送中の7月クールドラマ": a run on air now began on the last such
        # month, not the next one
        past=past or (language == "ja" and published is not None and _on_air(m)),
        # "21일 방송된 JTBC '캠핑클럽'": a recap of a first season's episode
        first_season=span.names_ours and first_only,
        reports=item.lex.of("report_date"),
        first_named=s.first == 1 or s.premiere_said,
        language=language,
        phases=_phase_spans(item, s) if s.dates and not cjk else [],
    )
    if (
        hit is not None
        and published is None
        and cjk
        and not (first_only or _names_watched(span, watch))
        and (
            past
            or _RUN_RANGE_RE.match(sentence, hit.pos - span.start)
            # "2023年4月から放送中の『X』": on air now, begun already
            or _ON_AIR_RE.match(sentence, m.end())
            or (not span.seasons and _past_clause(sentence, hit.pos - span.start, item.pasts))
        )
    ):
        # An undated item: "2023年1月期には地上波でも放送された", a box's
        # "アニメ放送期間 2021年8月~12月": a run told as gone by is the show's
        # history, unless the sentence names this season.
        notes.append(Note("date", f'history: a past run, not this season: "{quote[:120]}"'))
        return
    if hit is not None and hit.premiere and _said_of_the_show(m, span, cjk):
        # "2018年に放送された「X」の第2期制作が決定": the show aired, not season 2
        notes.append(Note("phase", f'the show aired, not this season: "{quote[:120]}"'))
        return
    if hit is not None and hit.premiere:
        # A release gone by, of the season the sentence names: it is out; an
        # old run's day is history, not an announcement (real_dev's rule: "the
        # past premiere is not a future announcement -> date null").
        hits.append(Hit("phase", "released", span, hit.pos))
        if _premiere_today(hit, window, s.first, published):
            # "30일 오전 처음 공개된 '음악의 신2'" (an item of the 30th): the
            # premiere is the day's news and its day stands; one a few days
            # back is history like any other (DESIGN §3: "a premiere date
            # before the published date is history, not an announcement").
            hits.append(hit)
    elif hit is not None:
        hits.append(hit)
    elif (
        past
        and (
            _names_watched(span, watch)
            # (a Korean past release of an unnumbered show is as often a
            # revealed still or a ratings line: 14 fields gained, 28 lost)
            or (language != "ko" and first_only and span.names_ours)
        )
        and not _said_of_the_show(m, span, cjk)
        and (
            _bare_past(m, language, s.dates, published)
            or (
                published is None
                and _DAY_BEFORE_RE.search(sentence, max(0, m.start() - 16), m.start())
            )
        )
    ):
        # A release of the named season gone by says it is out:
        # "『X』第2期の放送が始まりました"; "『X 2』が1月9日から始まった" in an
        # item with no date (whatever the year, a day gone by); a first
        # season's in an item that numbers no other: "a série 'X' estreou no
        # catálogo do Globoplay".
        hits.append(Hit("phase", "released", span, span.start + m.start()))
    else:
        # (said so: every cue set aside is explained)
        reason = "gone by, not said of this season" if past else "no date beside it"
        notes.append(Note("date", f'a release verb, {reason}: "{quote[:120]}"'))


def _future_window(sentence: str, end: int, cjk: bool) -> str:
    """The words after a phase cue that may put it ahead ("촬영에 돌입할 예정", "le riprese
    inizieranno"): 30 characters, and in the Latin-script languages only up to the next
    clause ("Le riprese sono in corso e la messa in onda è prevista": the airing is ahead,
    not the shoot)."""
    window = sentence[end : end + 30]
    if cjk:
        return window
    cut = _CLAUSE_JOIN_RE.search(window)
    return window if cut is None else window[: cut.start()]


def _bare_past(m: re.Match[str], language: str, dates: list[Found], published: date | None) -> bool:
    """Whether a release cue in the past with no date in its sentence says the season it
    names is out: Japanese "放送が始まりました", Spanish "estrenó su segunda temporada".
    Korean reports date a premiere gone by (read by the date path). "公開された" alone may
    be a poster. A sentence whose dates are all gone by counts as dateless: "2018年7月6日から、
    テレビアニメ『X』の放送が始まりました" (the day too far from the verb to be its date)."""
    if dates and (published is None or any(f.value.hi > published for f in dates)):
        return False
    # ("公開" also means "revealed")
    return (language == "ja" and "公開" not in m.group()) or language not in CJK


def _other_subject(sentence: str, pos: int, cues: tuple[Cue, ...]) -> bool:
    """Whether the release verb at `pos` has the shoot, a trailer or the ratings as its
    subject, named in its own clause before it ("le riprese di X 4 partiranno a gennaio",
    "die Dreharbeiten laufen bis Frühjahr 2026")."""
    start = max(0, pos - _SUBJECT_REACH)
    brk = max(sentence.rfind(c, start, pos) for c in ",;:")
    window = sentence[max(start, brk + 1) : pos]
    # "estrena su primer tráiler y confirma su fecha de estreno": a verb joined on after
    # the trailer's has a subject of its own.
    joins = [m.end() for m in _VERB_JOIN_RE.finditer(window)]
    if joins:
        window = window[joins[-1] :]
    return any(c.pattern.search(window) for c in cues)


def _other_object(sentence: str, end: int, cues: tuple[Cue, ...]) -> bool:
    """Whether the release verb ending at `end` has the shoot or a trailer as its object,
    right after it ("débute son tournage ce lundi", "inicia el rodaje", "startet den Dreh"):
    the day is the shoot's, not the season's."""
    m = _OBJECT_RE.match(sentence, end)
    return m is not None and any(c.pattern.match(sentence, m.end()) for c in cues)


def _premiere_today(hit: Hit, window: str, first: int | None, published: date | None) -> bool:
    """Whether a release gone by is a premiere on the item's own day: a first episode ("첫
    방송", "premiered", "시즌2 1~2화"), not a later episode's recap."""
    return (
        published is not None
        and hit.when is not None
        and hit.when.lo == published
        and (first == 1 or _PREMIERE_RE.search(window) is not None)
    )


def _section_entry_hit(
    section: str, span: Span, sentence: str, verdicts: list[Cue], watch: Watch
) -> Hit | None:
    """ "■打ち切り決定 / ・『X』(シーズン3)": an entry with no verdict of its own takes its
    heading's. Under a cancellation the season named is the last one (a later watched season
    is cancelled); under a renewal it is the season renewed."""
    if any(c.pattern.search(sentence) for c in verdicts):
        return None  # the entry says it itself ("シーズン5へ")
    numbers = [max(r.number, r.also or 0) for r in span.seasons if r.number is not None]
    if section == "cancelled" and (not numbers or watch.season > max(numbers)):
        return Hit("renewal", "cancelled", span, span.start)
    if section == "renewed" and numbers and watch.season in numbers:
        return Hit("renewal", "renewed", span, span.start)
    return None


def _last_named(text: str, span: Span, m: re.Match[str]) -> SeasonRef | None:
    """The season a cancellation cue names as the show's last: "シーズン1で打ち切り",
    "시즌2를 끝으로 폐지", "Aus für X nach Staffel 7" (the nearest before the cue, or the
    first inside or just after it)."""
    start, end = span.start + m.start(), span.start + m.end()
    numbered = [r for r in span.seasons if r.number is not None and not r.part]
    before = [r for r in numbered if r.end <= start]
    after = [r for r in numbered if start <= r.start <= end + 30]
    for ref in (*before[-1:], *after[:1]):
        if _LAST_AT_RE.match(text, ref.end) or _ENDED_AFTER_RE.search(
            text, max(span.start, ref.start - 24), ref.start
        ):
            return ref
    return None


def _final_season_hits(sentence: str, span: Span, lex: Lexicon, watch: Watch) -> list[Hit]:
    """ "Baby 3 sarà l'ultima stagione": season 3 is ordered and none follows it.

    The final season named is the nearest numbered season mention (in the sentence, else the
    topic carried on); the watched season is renewed when it is that one and cancelled when
    it would come after it.
    """
    hits: list[Hit] = []
    for cue in lex.of("final"):
        for m in cue.pattern.finditer(sentence):
            if _OF_QUOTED_RE.match(sentence, m.end()):
                continue  # "der finalen Staffel von „Sex Education“": another title's
            pos = span.start + m.start()
            numbered = [r for r in span.seasons if r.number is not None and not r.part]
            ref = min(numbered, key=lambda r: abs(r.start - pos), default=None)
            if (
                ref is None
                and span.inherited is not None
                and span.inherited.number is not None
                and not span.inherited.part  # "最終シーズン第2クール": a cour is no season
            ):
                ref = span.inherited
            if ref is None or ref.number is None:
                continue
            # "renovó para una segunda y tercera temporada. La última temporada...": the last
            # of the seasons named is the final one.
            last = max(ref.number, ref.also or 0)
            if watch.season == last:
                hits.append(Hit("renewal", "renewed", span, pos))
            elif watch.season > last:
                hits.append(Hit("renewal", "cancelled", span, pos))
    return hits


def _episodes(sentence: str, lex: Lexicon) -> list[tuple[int, int, int]]:
    """(position, first, last) of every episode the sentence numbers ("1~4회": 1, 4)."""
    out = []
    for cue in lex.of("episode"):
        for m in cue.pattern.finditer(sentence):
            groups = m.groupdict()
            if _COUNT_BEFORE_RE.search(sentence, max(0, m.start() - 12), m.start()) or (
                _COUNT_AFTER_RE.match(sentence, m.end())
            ):
                continue  # "총 28화", "남은 방송은 2회뿐", "原作7巻収録の第61話": no episode out
            if groups.get("n"):
                lo = int(groups["n"])
                out.append((m.start(), lo, int(groups.get("m") or lo)))
    return out


def _same_clause(sentence: str, a: int, b: int) -> bool:
    """No comma between two positions of a sentence (Japanese "、" often follows a topic,
    "第5話は、9月25日から": it ends no clause)."""
    return "," not in sentence[min(a, b) : max(a, b)]


def _first_episode(episodes: list[tuple[int, int, int]]) -> int | None:
    """The lowest episode number of `_episodes`' list."""
    return min((lo for _, lo, _ in episodes), default=None)


def _episode_hits(
    sentence: str,
    span: Span,
    lex: Lexicon,
    watch: Watch,
    cjk: bool,
    numbered_others: bool,
    season_named: bool,
) -> list[Hit]:
    """ "2화가 방송된다", "最終章の第5話", "1~4회를 공개했다": a later episode is out or
    coming, so the season has started: released, when the sentence names the watched season,
    or names none and carries none on ("시즌2 만들어 달라" then "'밤에 피는 꽃' 10회" is the
    aired season's episode, not season 2's), in an item that names no other season ("시즌1은
    끝났지만": an unnumbered "2회 2.1%" is season 1's)."""
    named = [r for r in span.seasons if r.number is not None]
    if not named and (span.inherited is not None or numbered_others or not season_named):
        # "'아이돌학교', 8회부터 ... 편성 이동" read for season 2 in an item that never names
        # season 2: the episode is the show's season of the day, not necessarily ours.
        return []
    for pos, _, last in _episodes(sentence, lex):
        # (a first episode only once it has aired: "第1話が10月5日に放送" may announce it)
        if last < 2 and not any(c.pattern.search(sentence) for c in lex.of("past")):
            continue
        if _season_for(span, span.start + pos, watch, cjk)[0]:
            return [Hit("phase", "released", span, span.start + pos)]
    return []


def _field(cue: Cue) -> ClaimField:
    if cue.kind in _RENEWAL_KINDS:
        return "renewal"
    if cue.kind in ("release", "unannounced"):
        return "date"
    return "phase"


def _set_aside(
    cue: Cue,
    m: re.Match[str],
    sentence: str,
    span: Span,
    hedged: re.Match[str] | None,
    neg_after: tuple[Cue, ...],
    neg_before: tuple[Cue, ...],
) -> str | None:
    """Why a cue is not a claim (hedged, negated, asked), or None when it stands."""
    if span.question and cue.kind != "unannounced":
        return "asked, not stated"
    if hedged is not None and cue.kind != "unannounced":
        return f"hedged: {hedged.group()!r}"
    if cue.kind == "unannounced":
        return None  # its own wording carries the negation
    tail = sentence[m.end() : m.end() + 12]
    if any(n.pattern.search(tail) for n in neg_after):
        return "negated"
    head = sentence[max(0, m.start() - 30) : m.start()]
    if any(n.pattern.search(head) for n in neg_before):
        return "negated"
    return None


def _date_hit(
    m: re.Match[str],
    dates: list[Found],
    span: Span,
    published: date | None,
    reach: int,
    notes: list[Note],
    quote: str,
    *,
    delayed: bool,
    past: bool,
    first_season: bool,
    reports: tuple[Cue, ...],
    first_named: bool,
    language: str,
    phases: list[tuple[int, int]],
) -> Hit | None:
    """The date a release cue announces: the nearest date beside it in its sentence.

    `delayed`: the sentence reports a delay; `past`: the cue is in the past tense;
    `first_season`: the watch is a first season in an item that numbers no other (so an
    episode gone by is this season's); `reports`: the language's cues for the day a report
    came out (a date they mark is none of the release's); `first_named`: the sentence names
    the first episode or a premiere ("第1話が4月15日に…放送され"), wherever the cue stands;
    `phases`: the spans of the sentence's production-phase cues, each taking the dates nearer to
    it than to the release cue ("el rodaje empezará a mediados de marzo, casi en simultáneo
    con el estreno": March is the shoot's).
    """

    def gap(f: Found) -> int:
        if f.end <= m.start():
            between = m.string[f.end : m.start()]
            if reach < _DATE_REACH_DEFAULT:
                # "2026年1月よりMBS・TBS系列「アニメイズム」枠で放送": channels and the slot's
                # name stand between a CJK date and its cue without adding distance.
                between = _SLOT_RE.sub("", between)
            return len(between)
        return max(0, f.start - m.end())

    near = [
        f
        for f in dates
        if gap(f) <= reach
        and not _UNTIL_AFTER_RE.match(m.string, f.end)
        and not _WAS_PLANNED_RE.match(m.string, f.end)
        and not _report_date(m.string, f, reports)
    ]
    if phases:
        shoots = [f for f in near if any(_apart(q, f) < gap(f) for q in phases)]
        for f in shoots:
            day = m.string[f.start : f.end]
            notes.append(
                Note("date", f"'{day}' dates the shoot, not the release: \"{quote[:120]}\"")
            )
        near = [f for f in near if f not in shoots]
    if any(f.end <= m.start() for f in near):
        # "7月16日(水)より独占配信がスタート、7月25日(金)より劇場版が公開": a date past a
        # comma after the cue opens the next clause when one stands before the cue.
        near = [
            f
            for f in near
            if f.end <= m.start() or not _COMMA_RE.search(m.string, m.end(), f.start)
        ]
    if not near:
        return None
    # "放送時期を2026年から2027年に変更", "2026年→2027年": beside a delay the latest date is
    # the one it moved to.
    nearest = max(near, key=lambda f: f.value.lo) if delayed else min(near, key=gap)
    if past and language == "ja" and published is not None and nearest.value.lo > published:
        # "10月29日に…配信が始まった" in an item of November 13th: a year-less day in the
        # past tense is the last such day, not the next. (Korean says "지난 29일" for that,
        # and its past cues take in a plan gone by: "4월 방송 예정이던".)
        nearest = _year_back(nearest, m.string, published) or nearest
    window = m.string[max(0, m.start() - 12) : m.end() + 12]
    # "22일 시즌4 첫방송을 시작했다" (an item of the 23rd): the named season premiered a few
    # days back, so it is out (the caller reads `released`, and the day only for a recent
    # first episode).
    # Also any release the sentence puts in the past for the season it names by number
    # ("지난 10일 베일을 벗은 시즌2", "10月15日にスタートした『相棒 season24』").
    # "21일 방송된 JTBC '캠핑클럽'": a show's first season needs no number.
    named = first_season or any(r.number is not None and not r.part for r in span.seasons)
    premiered = published is not None and (
        # "30일 오전 처음 공개된 '음악의 신2'" in an item of the 30th: out today, season
        # named or not (its day stands only as a first episode's, see `_premiere_today`)
        (past and nearest.value.lo == published)
        or (
            named
            and nearest.value.lo < published
            and (
                past
                or (
                    nearest.value.precision == "day"
                    and (published - nearest.value.lo).days <= _PREMIERE_DAYS
                    and (first_named or _PREMIERE_RE.search(window) is not None)
                )
            )
        )
    )
    if premiered:
        past = False
    elif published is not None and nearest.value.hi < published:
        notes.append(
            Note("date", f'history: {nearest.value.value} is before the item: "{quote[:120]}"')
        )
        return None
    if past and (published is None or nearest.value.lo != published):
        # "2021年冬に放送された", "estrenó el 4 de agosto": aired already; only a release on
        # the item's own day ("오늘 공개됐다") is news.
        notes.append(Note("date", f'history: released in the past: "{quote[:120]}"'))
        return None
    return Hit(
        "date",
        nearest.value.value,
        span,
        span.start + nearest.start,
        delayed=delayed,
        when=nearest.value,
        premiere=premiered,
    )


def _apart(span: tuple[int, int], found: Found) -> int:
    """Characters between a cue's span and a date (0 when they touch or overlap)."""
    return max(0, found.start - span[1], span[0] - found.end)


def _phase_spans(item: CueContext, s: _Sentence) -> list[tuple[int, int]]:
    """Where the sentence's production-phase cues stand ("rodaje", "Dreharbeiten"; read once
    per sentence, when a date needs it)."""
    if s.phases is None:
        s.phases = [
            m.span()
            for c in item.lex.cues
            if c.kind == "phase" and c.value != "released"  # a production phase's cue
            for m in c.pattern.finditer(s.sentence)
        ]
    return s.phases


def _year_back(found: Found, text: str, published: date) -> Found | None:
    """A year-less day or month read back from the published day (the last such one on or
    before it, as `dates.backward_day` reads English), or None when the text gives its year."""
    value = found.value
    if _YEAR_IN_DATE_RE.search(text, found.start, found.end):
        return None
    lo = value.lo
    if value.precision == "day":
        earlier = backward_day(lo.month, lo.day, published)
    elif value.precision == "month":
        earlier = month_value(published.year - (lo.month > published.month), lo.month)
    else:
        return None
    return None if earlier is None else replace(found, value=earlier)
