"""Which show and season each sentence of a non-English item is about (step 1 of lexical.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from monitor.extract.lexicon import Lexicon
from monitor.match.seasons import ORDINAL_WORDS
from monitor.models import Watch
from monitor.text.normalize import normalize

# "une saison 3… mais aussi une saison 4": an ellipsis before a lower-case word goes on.
# "¿" opens a question of its own: "llegará en 2020 y tendrá que responder: ¿Qué pasará…?";
# a German ordinal's dot ends none: "eine 2. Staffel", "am 25. Juli 2024"; nor a dot between
# digits ("4.13スタート", "2.5 millones"), nor one a lower-case word follows ("la 2da.
# temporada", "aprox. un año": an abbreviation's).
_DE_ORDINAL_NOUNS = (
    r"(?:Staffel|Folge|Teil|Episode|Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|"
    r"September|Oktober|November|Dezember)\b"
)

_SENTENCE_RE = re.compile(
    r"¿?(?:[^.!?。！？\n…¿]|…(?= ?[a-zà-öø-ÿ])|(?<=\w)\.(?= [a-zà-öø-ÿ])"
    r"|(?<=\d)\.(?=\d)|(?<=\d)\.(?= ?" + _DE_ORDINAL_NOUNS + r"))+"
    r"(?:[.!?。！？…]+|\n|$|(?=¿))"
)

# "Season2の", "アニメSeason 2": Latin letters glued to kana or hangul have no word boundary.
UNIVERSAL_SEASON_RE = re.compile(
    r"(?<![A-Za-z])season\s*(?P<n>\d{1,2})(?!\d)|\bS(?P<s>\d{1,2})\b"
    r"|(?<!\d)(?P<o>\d)(?:st|nd|rd|th)\s*season"
    # "THIRD SEASON" in Japanese press
    r"|(?<![A-Za-z])(?P<ow>second|third|fourth|fifth|sixth)\s+season",
    re.I,
)
# "Ahsoka 2", "「この素晴らしい世界に祝福を!3」": a number after the title (and its "!").
_NUMBER_AFTER_RE = re.compile(r"[!?！？]?\s?(?P<n>\d{1,2})(?![\d년월일年月日期話화회부])")

# A quoted event ("「結束バンド TOUR "We will B"」で", "「10周年記念生配信」"), not another show.
_EVENT_RE = re.compile(
    r"ツアー|TOUR|ライブ|LIVE|イベント|フェス|生配信|生放送|ステージ|記念|콘서트|팬미팅|쇼케이스|"
    r"시상식|페스티벌",
    re.I,
)
# A credit ("'청년경찰', '무도실무관'을 만든 김주환 감독", "'스토브리그'의 정동윤 감독",
# "「進撃の巨人」などを手掛けた"): someone's earlier work, not a change of topic.
# 「連続ドラマW」枠, 「オトナの土ドラ」枠: a broadcast slot's name, not another show; "'김비서가
# 왜 그럴까' 후속으로 8월 1일 첫 방송된다", "「X」の後番組として": the show the slot had before,
# named to place ours (the sentence stays ours).
_SLOT_AFTER_RE = re.compile(
    r"\s*(?:枠|ワク|(?:의\s*)?후속(?:작)?\s*(?:으로|으로서)|の後番組|の後枠)"
)
# More quoted titles after one, listed with commas or side by side ("'연애를 기대해' '트로트의
# 연인'의 이은진 PD"), each may be with its channel ("KBS2 '예쁜 남자', tvN '버디버디'", "KBS 2TV
# ‘학교 2013’").
_MORE_TITLES = (
    r"(?:\s*[,·、]?\s*(?:[A-Za-z0-9]{1,6}\s*){0,2}"
    r"(?:['‘][^'’\n]{1,30}['’]|[「『][^」』\n]{1,30}[」』]))*"
)
_MADE_BY = r"(?:만든|연출한|집필한|쓴|선보인|히트시킨|흥행시킨)"
_CREDIT_RE = re.compile(
    _MORE_TITLES
    + r"\s*(?:시리즈)?\s*(?:(?:의|을|를|등을|등의|로|으로)?\s*(?:"
    + _MADE_BY
    + r"|[가-힣]{1,4}\s*(?:작가|감독|PD|피디))"
    r"|(?:など|等)?(?:を手(?:掛|が)けた|の監督|の脚本|で知られる))"
)
# Our title as someone else's rival ("MBC '마의', KBS 2TV '학교 2013'과 맞붙는다"), as the show
# a new one follows in the slot ("'야왕' 후속작인 '장옥정'") or as someone's earlier work: the
# sentence is the other's.
_SUBORDINATE_AFTER_RE = re.compile(
    # (the title's own closing quote first, when the title's span stops before it)
    r"['’\"”」』>〉》]?"
    + _MORE_TITLES
    + r"\s*(?:(?:과|와|이랑|랑)\s*(?:맞붙|경쟁|대결|격돌|맞대결)"
    r"|(?:의\s*)?후속(?:작)?(?:인|은|는)\s"
    # someone's earlier work: "'마의', '동이'를 쓴 김이영 작가" (not "'X'의 이시은 작가", the
    # show's own writer)
    r"|(?:을|를|등을)\s*" + _MADE_BY + r"\s)"
)
# A word before a quote that says it names no show: a studio or company ("制作会社「Lerche」"),
# a magazine, a book or a song ("ファッション誌『mina』で", "주제가 '…'"), so the sentences after
# it stay the show's (not a manga: "漫画「Y」がアニメ化" may be another show's news).
_NOT_A_SHOW_BEFORE_RE = re.compile(
    r"(?:制作会社|制作スタジオ|アニメーション制作|스튜디오|제작사"
    r"|ファッション誌|情報誌|週刊誌|月刊誌|雑誌|誌|新聞|小説|絵本|書籍|楽曲|主題歌|挿入歌|"
    r"アルバム|シングル|잡지|소설|신곡|주제가|앨범"
    # "자사 OTT '바바요'", "配信サービス「Lemino」": a platform named by its kind
    r"|OTT|플랫폼|配信サービス|動画配信)\s*$"
)
# A streaming service in quotes (「Amazon プライム・ビデオ」で配信): where it airs, not a show.
_PLATFORM_RE = re.compile(
    r"[「『']\s*(?:Amazon\s*)?(?:プライム・?ビデオ|Prime\s*Video)|[「『']\s*(?:Netflix|ネットフリックス"
    r"|Hulu|U-NEXT|ABEMA|Disney\+|ディズニープラス|FOD|Paravi|TVer|Lemino|DMM\s*TV|WOWOW|넷플릭스"
    r"|티빙|TVING|웨이브|wavve|쿠팡플레이|왓챠)\s*[」』']",
    re.I,
)
SINCE_RE = re.compile(
    r"\s*(?:の|이|가)?\s*(?:完結|放送終了|終了|最終回|最終話|종영|공개|최종회|마지막\s*회)"
    r"\s*(?:\([^)\n]{0,24}\)|（[^）\n]{0,24}）)?\s*の?\s*(?:から|直後|後|以来|후|이후|직후|\s*뒤)"
)
# "시즌1과 차이점은", "第1期との違い": a season the item compares with is not its topic.
_COMPARED_RE = re.compile(
    r"\s*(?:과|와|보다)\s*(?:의\s*)?(?:차이|비교|달리|다른|다르게)"
    r"|\s*(?:と|より)\s*(?:の)?\s*(?:違い|比べ|比較|異な)"
)

# What follows a quoted remark: 「…」との思い / と話した / と語った, '…'라며 / 라고 말했다.
# "第2期「第九惑星戦役」", "시즌2 '블루 문'": a quoted title right after a season number is
# that season's subtitle, not another show.
_SEASON_BEFORE_RE = re.compile(
    r"(?:第\s*\d{1,2}\s*期|\d{1,2}\s*期|(?:シーズン|시즌|season)\s*\d{1,2})\s*$", re.I
)
# Korean and Japanese press quote remarks in double quotes (titles in single ones or 「」).
_SPEECH_QUOTE_RE = re.compile(r'"[^"\n]{4,}"|“[^”\n]{4,}”')
_SPEECH_AFTER_RE = re.compile(
    r"\s*(?:と(?:の|話|語|言|述|いう|コメント|思|明か|意気込|笑|呼びかけ)|(?:이)?라(?:고|며)|고\s*(?:말|밝|전|덧붙))"
    # "…은 '운명공유체'다.": a quoted word as the sentence's predicate is a term, not a show
    r"|(?:이)?다(?=[.\n]|$)"
)

# A sequel as the news ("続編の制作が中止", "후속작 제작 확정"): never the first season.
_SEQUEL_WORD_RE = re.compile(r"続編|후속작?|속편")
_SEQUEL_NEWS_RE = re.compile(
    r"\s*(?:の|が|は|も|이|가|은|는|의)?\s*(?:制作|製作|放送|企画|中止|決定|제작|방송|편성|확정|무산)"
)

_TRAILING_NUMBER_RE = re.compile(r"(?<![\d.])(?P<n>\d{1,2})$")
# The words a subtitle adds: letters beyond punctuation ("Call My Agent!" is no subtitle).
_SUBTITLE_RE = re.compile(r"[^\W\d_]{2,}")
# A reading in brackets after a name, and a tagline after it: "(フーヤオ)~伝説の皇后~".
_WITH_READING_RE = re.compile(
    r"\s*[(（][^)）]{1,30}[)）]\s*(?:[~〜～][^~〜～]+[~〜～]|-[^-]+-)?\s*"
)
_SEASON_WORD_END_RE = re.compile(
    r"(?:season|series|part|シーズン|시즌|staffel|saison|temporada|stagione|第)$", re.I
)
# An edition's year after the show's name, its number or year before it (`_edition_alias`).
_YEAR_EDITION_RE = re.compile(r"\s?(?:19|20)\d\d")
_NUMBER_EDITION_RE = re.compile(
    r"第\s?\d{1,3}\s?回\s?|\d{1,3}\s?(?:th|st|nd|rd)\s|(?:19|20)\d\d\s?"
)
_PART_TAIL_RE = re.compile(r"(?:part|parte|partie|teil|vol(?:ume)?|파트|パート)\s*\d{1,2}$", re.I)
_PART_ALIAS_RE = re.compile(r"\b(?:part|parte|partie|teil|vol(?:ume)?)\b", re.I)

CJK: Final = frozenset(("ko", "ja"))
_VERDICTS: Final = frozenset(("renewed", "cancelled", "unannounced"))


@dataclass(frozen=True, slots=True)
class SeasonRef:
    """A season mentioned in the text; number None means "the next/new season"."""

    start: int
    end: int
    number: int | None
    part: bool = False
    also: int | None = None  # "the third and fourth season": a second number
    # "새 시즌" in an item that names seasons 1-4: the new one is the highest named or the
    # one after it, never a later one.
    upto: int | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """One sentence and the topic it carries on from the sentences before it."""

    start: int
    end: int
    headline: bool
    ours: bool  # about the watched show
    seasons: tuple[SeasonRef, ...]  # mentioned in this sentence
    inherited: SeasonRef | None  # the topic season carried on from before
    question: bool
    names_ours: bool = False  # the sentence itself names the watched show
    # where another title named in passing ("intervalo do "Mais Você"") starts: the
    # sentence is ours only before it
    passing: int | None = None


def _sentences(
    text: str, ours: list[tuple[int, int]], quoted: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Sentence spans; a title's own "!", "?" or "." ("ぼっち・ざ・ろっく!の2期", "Dr. Psycho",
    another quoted title: "'유별나! 문셰프'의 후속") ends none."""
    out: list[tuple[int, int]] = []
    for m in _SENTENCE_RE.finditer(text):
        start, end = m.span()
        if out and _inside_title(out[-1][1], text, ours, quoted):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _inside_title(
    pos: int, text: str, ours: list[tuple[int, int]], quoted: list[tuple[int, int]]
) -> bool:
    if pos >= len(text):
        return False
    if any(a < pos < b for a, b in (*ours, *quoted)):
        return True  # 'Aus für "Dr. Psycho"': a mark inside a title ends nothing
    if text[pos - 1] not in "!?！？‼":
        return False
    if text[pos] in "」』":
        return True  # 「2期制作決定!」というフレーズ: the mark ends the quote, not the sentence
    # "ハイキュー!! VS ...": marks written right after the title are the title's own, space
    # or not after them (Japanese ends its sentences with "。").
    if any(a < b <= pos and not text[b:pos].strip("!?！？‼") for a, b in ours):
        return True
    return not text[pos].isspace() and any(a < pos <= b + 1 for a, b in ours)


def scope(
    text: str,
    headline_end: int,
    lex: Lexicon,
    watch: Watch,
    ours: list[tuple[int, int]],
    others: list[tuple[int, int]],
    titles: list[re.Match[str]],
    subtitled: list[tuple[int, int]],
    untitled: str,
) -> list[Span]:
    """Sentences with the show and season each one is about. `titles`: the quoted titles
    of `text`; `subtitled`: where it names the watched season by an alias's subtitle;
    `untitled`: `text` with our names and every title masked."""
    parts_are_seasons = watch.part is None and any(_PART_ALIAS_RE.search(a) for a in watch.aliases)
    refs = _season_refs(text, lex, ours, parts_are_seasons, watch, subtitled)
    # '\'루갈\' 최진혁 "시청률 9% 넘으면 시즌2 생각할 것"': a season in a remark quoted in
    # Korean or Japanese is what someone said; it does not become the item's topic.
    said = [m.span() for m in _SPEECH_QUOTE_RE.finditer(text)] if lex.language in CJK else []
    quoted = [
        (m.start(), m.end(), m.group("latin") is not None)
        for m in titles
        if (m.group("latin") is None or lex.language not in CJK)
        and not any(a < m.end() and m.start() < b for a, b in ours)
        and not _NOT_A_SHOW_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())
        and not _PLATFORM_RE.match(m.group())
        and not _EVENT_RE.search(m.group())
        and not _CREDIT_RE.match(text, m.end())
        and not _SLOT_AFTER_RE.match(text, m.end())
        and not _SEASON_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
        # 「…続くように」との思い, '…'라며: quoted speech, not a title
        and not _SPEECH_AFTER_RE.match(text, m.end())
        # 「未発表」, 「終わるわけない」: a quoted cue is emphasis, not another show's title,
        # also when the cue runs into the quote ("詳細が出ておらず「未発表」の状態")
        and not _quoted_cue(text, m.start(), m.end(), lex)
        # 「Season10」, 「第2期」: a season in quotes is a season, not another title
        and not quoted_season(m, lex)
    ]
    # A title in "…" in European press is often named in passing ("during the shoot of
    # "Dona Vitória""): it takes its own sentence from the show, not the ones after it.
    other_marks = [(a, b) for a, b, latin in quoted if not latin] + others
    passing = [(a, b) for a, b, latin in quoted if latin]
    spans: list[Span] = []
    current_ours = True
    current_season: SeasonRef | None = None
    headline_season: SeasonRef | None = None
    for start, end in _sentences(text, ours, [m.span() for m in titles]):
        if not text[start:end].strip():
            continue
        headline = start < headline_end
        named = [(a, b) for a, b in ours if start <= a < end]
        names_ours = bool(named)
        if (
            named
            and lex.language == "ko"
            and all(_SUBORDINATE_AFTER_RE.match(text, b) for _, b in named)
        ):
            # "'마의', '동이'를 쓴 김이영 작가", "'야왕' 후속작인 SBS 새 월화드라마 …": the
            # show is named only as someone's earlier work, a rival or the slot's last show;
            # the sentence (and the ones after it) is about another.
            names_ours = False
            current_ours = False
        # A title in parentheses ("(director of photography on "Gonzaga")") is an aside:
        # it does not change what the sentence is about.
        names_other = _names_outside_parentheses(text, start, end, other_marks)
        if names_ours:
            current_ours = True
        elif names_other:
            current_ours = False
        in_passing = not names_ours and _names_outside_parentheses(text, start, end, passing)
        # A season alias that runs across a sentence break ("In the SOOP BTS ver. Season 2")
        # names the season in the sentence it ends in too.
        seasons = tuple(r for r in refs if r.start < end and r.end > start)
        # A sentence that names the show but no season is about the headline's season, not
        # the one a remark before it compared ("시즌1에서 아쉬웠던 점도 보완했다" then
        # "'소년판타지'는 오늘 첫 방송된다").
        inherited: SeasonRef | None = (
            current_season if current_season is not None else headline_season
        )
        if names_ours and not any(start <= r.start < end for r in refs) and headline_season:
            inherited = headline_season
        # "'이게 맞아?!' 시즌2 1~2화는": a mark inside a title asks nothing.
        plain = untitled[start:end]
        question = any(c.pattern.search(plain) for c in lex.of("question"))
        spans.append(
            Span(
                start,
                end,
                headline,
                current_ours,
                seasons,
                inherited,
                question,
                names_ours,
                _first_outside_parentheses(text, start, end, passing) if in_passing else None,
            )
        )
        if (names_other or in_passing) and not names_ours:
            current_season = None  # another show's seasons are not our topic
        else:
            topical = [r for r in seasons if not any(a <= r.start < b for a, b in said)]
            if topical:
                current_season = topical[-1]
                if headline and headline_season is None:
                    headline_season = topical[0]
    return spans


def _ordinal(lex: Lexicon, words_: str) -> int | None:
    """An ordinal word's number; a compound one adds its parts ("décima tercera" = 13)."""
    values = [lex.ordinals.get(word) for word in words_.lower().split()]
    if not values or any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def quoted_season(m: re.Match[str], lex: Lexicon) -> bool:
    """Whether a quoted span is a season ("「第2期」", "'Season10'"), not a title."""
    inner = m.group()[1:-1].strip()
    return any(p.fullmatch(inner) for p in (*lex.seasons, UNIVERSAL_SEASON_RE))


def _first_outside_parentheses(
    text: str, start: int, end: int, marks: list[tuple[int, int]]
) -> int | None:
    """Where the first mark in text[start:end] outside a parenthesis starts."""
    for a, _ in sorted(marks):
        if start <= a < end:
            before = text[start:a]
            if before.count("(") <= before.count(")"):
                return a
    return None


def _names_outside_parentheses(
    text: str, start: int, end: int, marks: list[tuple[int, int]]
) -> bool:
    """Whether a mark starts in text[start:end] and not inside a parenthesis there."""
    for a, _ in marks:
        if start <= a < end:
            before = text[start:a]
            if before.count("(") <= before.count(")"):
                return True
    return False


def _quoted_cue(text: str, start: int, end: int, lex: Lexicon) -> bool:
    window_start = max(0, start - 30)
    window = text[window_start:end]
    return any(
        window_start + c_m.end() > start
        for c in lex.cues
        if c.kind in _VERDICTS
        for c_m in c.pattern.finditer(window)
    )


def _season_refs(
    text: str,
    lex: Lexicon,
    ours: list[tuple[int, int]],
    parts_are_seasons: bool,
    watch: Watch,
    subtitled: list[tuple[int, int]],
) -> list[SeasonRef]:
    refs: list[SeasonRef] = []
    for pattern in (*lex.seasons, UNIVERSAL_SEASON_RE):
        for m in pattern.finditer(text):
            groups = {k: v for k, v in m.groupdict().items() if v}
            if "n" in groups or "s" in groups or "o" in groups:
                number = groups.get("n") or groups.get("s") or groups["o"]
                refs.append(SeasonRef(m.start(), m.end(), int(number)))
            elif "ow" in groups:
                refs.append(SeasonRef(m.start(), m.end(), ORDINAL_WORDS[groups["ow"].lower()]))
            elif "w" in groups:
                number = _ordinal(lex, groups["w"])
                also = lex.ordinals.get(groups["w2"].lower()) if "w2" in groups else None
                refs.append(SeasonRef(m.start(), m.end(), number, also=also))
            elif "p" in groups or "pw" in groups:
                number = (
                    int(groups["p"]) if "p" in groups else lex.ordinals.get(groups["pw"].lower())
                )
                # Romance-language press calls seasons parts ("habrá tercera parte"); for a
                # watch on a whole season, a Latin-script part is read as a season.
                if parts_are_seasons or (watch.part is None and lex.language not in CJK):
                    refs.append(SeasonRef(m.start(), m.end(), number))
                elif watch.part is not None:
                    refs.append(SeasonRef(m.start(), m.end(), number, part=True))
            elif "next" in groups:
                # "続編の制作が中止" read for season 1: a sequel that is the news is never the
                # first season (but "正統続編『風都探偵』", "「花より男子」の続編" call the show
                # itself another's sequel)
                first_sequel = (
                    watch.season == 1
                    and _SEQUEL_WORD_RE.fullmatch(m.group("next"))
                    and _SEQUEL_NEWS_RE.match(text, m.end())
                )
                refs.append(SeasonRef(m.start(), m.end(), 2 if first_sequel else None))
    # A number glued to the title ("청춘시대2", "Ahsoka 2") or an alias that ends in one;
    # not a number that is the title's own ("District 31": no name of the show without it).
    own_numbers = names_of(watch).own_numbers
    for start, end in ours:
        glued = _TRAILING_NUMBER_RE.search(text, start, end)
        if glued is not None and _folded(text[start:end]) in own_numbers:
            glued = None
        after = _NUMBER_AFTER_RE.match(text, end)
        if glued is not None and _PART_TAIL_RE.search(text, start, end):
            # "아일랜드 파트2": the alias names a part of a split season, not a season
            n = int(glued.group("n"))
            if watch.part is not None:
                refs.append(SeasonRef(start, end, n, part=True))
            elif parts_are_seasons:
                refs.append(SeasonRef(start, end, n))
        elif glued is not None:  # the alias itself names the season: "굿파트너2"
            refs.append(SeasonRef(start, end, int(glued.group("n"))))
        elif after is not None:
            refs.append(SeasonRef(start, after.end(), int(after.group("n"))))
    # A season named by its subtitle ("크라임씬 리턴즈", "呪術廻戦 死滅回游 前編"): the alias
    # that extends another name of the show with words, not a number, is the watched season.
    refs += [SeasonRef(a, b, watch.season) for a, b in subtitled]
    # "第1期の完結から約3年を経て", "시즌1 종영 후": a past season as a point in time.
    refs = [r for r in refs if not SINCE_RE.match(text, r.end)]
    refs = [r for r in refs if not _COMPARED_RE.match(text, r.end)]
    refs.sort(key=lambda r: r.start)
    numbered = [
        (r.start, max(r.number, r.also or 0)) for r in refs if r.number is not None and not r.part
    ]
    if numbered:
        # "la saison 2 séduit la critique ... la nouvelle saison ... une saison 3?": the new
        # season is the highest one named so far (any named, when none came before it).
        overall = max(n for _, n in numbered)
        refs = [
            replace(r, upto=max((n for a, n in numbered if a < r.start), default=overall))
            if r.number is None and not r.part
            else r
            for r in refs
        ]
    deduped: list[SeasonRef] = []
    for r in refs:
        if deduped and r.start < deduped[-1].end:
            continue
        deduped.append(r)
    return deduped


@dataclass(frozen=True, slots=True)
class _WatchNames:
    """What the lexical reader derives from a watch's names, once per watch."""

    subtitles: tuple[str, ...]  # aliases that name the watched season (`_subtitle_aliases`)
    subtitle_res: tuple[re.Pattern[str], ...]  # each, spaces as written or not
    own_numbers: frozenset[str]  # names whose number is the title's (`_numbered_titles`)


@lru_cache(maxsize=16_384)
def names_of(watch: Watch) -> _WatchNames:
    """Per watch, not per item: the names are normalised and compiled once."""
    subtitles = tuple(_subtitle_aliases(watch))
    return _WatchNames(
        subtitles,
        # (spaces as written or not: "第41回 全国高等学校クイズ選手権")
        tuple(
            re.compile(re.escape(a).replace("\\ ", r"\s*").replace("回", r"回\s*"), re.I)
            for a in subtitles
        ),
        _numbered_titles(watch),
    )


def _folded(name: str) -> str:
    """A name casefolded with its spaces dropped ("아너 : 그녀들의 법정" = "아너:그녀들의법정")."""
    return "".join(normalize(name).casefold().split())


def _subtitle_aliases(watch: Watch) -> list[str]:
    """Aliases that add a subtitle, not a number, to another name of the show."""
    names = [normalize(n).casefold().strip() for n in (watch.show, *watch.aliases)]
    # The first alias is the show's own title in its language (the brief's and the example
    # config's order): "아너: 그녀들의 법정", "Concordia – Tödliche Utopie" name the show, not
    # a season, even where a short name of it is listed too.
    native = _folded(names[1]) if len(names) > 1 else None
    out: list[str] = []
    for alias in names:
        if any(c.isdigit() for c in alias):
            # "시즌2", "第4期": the season patterns read those; but an edition named by its
            # year or its number in front ("鳥人間コンテスト2021", "第41回全国高等学校クイズ
            # 選手権") is the watched season, as the watch's own alias says.
            if _edition_alias(alias, names):
                out.append(alias)
            continue
        if _folded(alias) == native:  # (spaces as written or not: "아너 : 그녀들의")
            continue
        for base in names:
            extra = alias[len(base) :]
            # "最強の王様、二度目の人生は何をする?" goes on with the short name's own title
            # after a comma: that is the whole title, not a season's subtitle.
            if (
                base
                and alias.startswith(base)
                and not extra.startswith(("、", ","))
                # "異世界魔王" + "と召喚少女の奴隷魔術": a short name that the full title runs
                # on from is an abbreviation; a subtitle stands apart ("呪術廻戦 死滅回游")
                and not extra[:1].isalnum()
                and _SUBTITLE_RE.search(extra)
                # "FARMAGIA(ファーマギア)", "扶揺(フーヤオ)~伝説の皇后~": a title given with its
                # reading in brackets (and its tagline) is the show's own, not a season's
                # ("黒執事 -緑の魔女編-", with no reading, is an arc's)
                and not _WITH_READING_RE.fullmatch(extra)
            ):
                # The subtitle alone is not enough: "「無限城編」の制作が発表" was a film.
                out.append(alias)
                break
    return out


def _numbered_titles(watch: Watch) -> frozenset[str]:
    """Names of a show whose own title ends in a number ("District 31", "Acacias 38",
    "Extreme84"), spaces dropped, that end in that number: it is the title's, not a season's
    ("유리항구2" for a show named without one still numbers the season)."""
    own = _TRAILING_NUMBER_RE.search(normalize(watch.show).strip())
    if own is None:
        return frozenset()
    names = {_folded(n) for n in (watch.show, *watch.aliases)}
    return frozenset(
        name
        for name in names
        if (number := _TRAILING_NUMBER_RE.search(name)) is not None
        and number.group() == own.group()
        and not _SEASON_WORD_END_RE.search(name[: number.start()])
    )


def _edition_alias(alias: str, names: list[str]) -> bool:
    """Whether `alias` is another name of the show plus a year after it or an edition
    number or year before it ("鳥人間コンテスト2021", "第43回鳥人間コンテスト",
    "2025 fns歌謡祭")."""
    for base in names:
        if not base or base == alias or any(c.isdigit() for c in base):
            continue
        if alias.startswith(base) and _YEAR_EDITION_RE.fullmatch(alias[len(base) :]):
            return True
        if alias.endswith(base) and _NUMBER_EDITION_RE.fullmatch(alias[: -len(base)]):
            return True
    return False
