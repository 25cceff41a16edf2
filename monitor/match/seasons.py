"""Season mentions in text: "season 2", "Season Two", "second season", "S02", "시즌2", "Part 2"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from monitor.models import Watch
from monitor.text.normalize import words
from monitor.text.scan import Tokens, cut, keyed

# number: explicit season numbers; final: "final season" with no number; next: "the new
# season", "new episodes"; count: "after two seasons" (the show ran that many); part:
# Netflix "Part 2"/"Volume 2" (a season only when the watch says so).
# previous: "the last one" (the season before the watched one).
SeasonKind = Literal["number", "final", "next", "count", "part", "previous"]

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
}
ORDINAL_WORDS = {
    w: i
    for i, w in enumerate(
        words(
            "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
            "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
            "twentieth"
        )
    )
}
ORDINAL_WORDS.update({"sophomore": 2, "debut": 1, "freshman": 1, "inaugural": 1})
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
KOREAN_ORDINALS = {"첫": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6}

_NUM = r"(?:\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")"
_UNITS = r"years?|months?|weeks?|days?|hours?|minutes?|times?|decades?|percent|%|million|billion"
_NOT_QUANTITY = rf"(?!\s*(?:{_UNITS}|episodes?)\b)"
# "Season 8 episodes resume airing": a season's episodes, not a count ("series 10 episodes");
# "season 2 episode 3" stays one episode's reference, but "season 19 episode 1" is the
# season's premiere and names it.
_NOT_QUANTITY_OF_SEASON = rf"(?!\s*(?:{_UNITS}|episode\s+(?!0*1\b)\d+)\b)"

# The words of an unnumbered next season ("the newest season", "a brand-new season"): one
# list for the branch, the narrowed pattern each opens and the keyed scan's start words.
_NEXT_WORDS = ("new", "newest", "upcoming", "next", "another", "forthcoming", "brand-new", "fresh")

# Each kind of mention is one branch (named by its first group); a token opens only some.
_SEASON_BRANCHES = (
    r"(?P<count>\bafter\s+(?:(?:a|its)\s+)?"
    rf"(?P<cn>{_NUM}|single)[\s-]+seasons?\b(?:\s+run)?)",
    rf"(?P<first>\b(?:the\s+)?first\s+(?P<fn>{_NUM})\s+seasons\b)",
    # ("season 9B", "Season 5A": a half of a split season, its part written as a letter)
    rf"(?P<sw>\b(?:seasons?|(?P<ser>series)(?={_NOT_QUANTITY}))\s*-?\s*(?P<n1>{_NUM})(?P<half>(?-i:[AB]))?\b"
    rf"(?(ser){_NOT_QUANTITY}|{_NOT_QUANTITY_OF_SEASON})"
    rf"(?P<more>(?:\s*(?:,|and|&|-|to|through|or)\s*(?:season\s*)?{_NUM}\b)*))",
    r"(?P<ko>시즌\s*(?P<kn>\d{1,2})(?!\d))",
    # Japanese: "第2期", "第2シーズン", "シーズン2".
    r"(?P<ja>第\s*(?P<jn>\d{1,2})\s*(?:期|シーズン|シリーズ)|シーズン\s*(?P<jn2>\d{1,2})(?!\d))",
    r"(?P<koord>(?P<kow>첫|두|세|네|다섯|여섯)\s*번째\s*시즌)",
    r"(?-i:\bS(?P<sx>\d{1,2})(?:\s*E\d{1,3})?\b)",
    rf"(?P<ord>\b(?P<ow>{_ORD})(?P<omore>(?:\s*(?:,|and|&|or)\s*{_ORD})*)"
    # ("its 10th and current season": the one on air now, not the last)
    r"(?:\s*(?:--|—|–|,)?\s+and\s+(?:(?P<fin1>final|last)|current)(?:\s*(?:--|—|–|,))?)?"
    # "a second successful season", "its third consecutive season", "its first six-episode
    # season"
    r"(?:\s+(?:successful|hit|acclaimed|full|whole|consecutive|straight|long-awaited|"
    r"(?:highly|much)[\s-]anticipated|anticipated|\w+-(?:episode|part)))?"
    r"[\s-]+(?:seasons?\b|instal+ments?\b|"
    # UK "the second series"; "a second series from the creator" is a new show ("the
    # third series of the sitcom" is still the show's).
    r"series\b(?!\s+(?:from|by|with|for|of\s+(?:the|his|her|their)\b"
    # ("a third series of her BBC1 Women's Institute comedy X" is still the show's)
    r"(?!\s+(?:[\w'-]+\s+){0,3}?(?:sitcom|show|drama|comedy|programme)\b))"
    r"\b)))",
    # ("the series' farewell season will air early next year": its last one)
    r"(?P<fin>\b(?:final|farewell)\s+season\b)",
    rf"(?P<nxt>\b(?:{'|'.join(_NEXT_WORDS)})\s+"
    # "the upcoming Season 3" is season 3, not an unnumbered next season.
    rf"(?:season\b(?!\s*-?\s*{_NUM}\b)|episodes\b|batch\s+of\s+episodes\b|installment\b|"
    r"chapter\b|"
    # UK "a new 6-part series of [its drama] X" (the title masked as #): the next season;
    # "a new series from the writer" is a new show.
    r"(?:(?:\d{1,2}|four|six|eight|ten)-part\s+)?series\b"
    r"(?=\s+of\s+(?:(?:its|the|their|his|her)\s+(?:[\w-]+\s+){0,3})?#)))",
    # Elliptical "the first [season]", "greenlit for a third", "and a second is in
    # development": only where seasons are the topic (see `elliptical`).
    r"(?P<ell>(?:\bthe\s+|(?<=\ba\s)(?=(?:second|third|fourth|fifth)\b))"
    r"(?P<ew>first|second|third|fourth|fifth|last|previous)(?:\s+one\b)?"
    r"(?=\s*[,;.)]|\s+(?:one|which|was|is|did|had|has|were)\b))",
    r"(?P<part>\b(?:part|volume|vol\.?)\s*(?P<pn>\d{1,2}|one|two|three|four|five|"
    r"(?-i:I{1,3}|IV|V))\b)",
)
SEASON_RE = cut(_SEASON_BRANCHES, flags=re.I)
# "Season 3 will be its last", "Season 3 to be its last", "the third season is the show's final
# one": season 3 is final.
_FINAL_AFTER_RE = re.compile(
    # "the second season of the spin-off X will be that show's swan song".
    # ("Season 7 of her long-running series X will be the last")
    r"(?:\s+of\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:spin-?off|series|show|drama|comedy|sitcom)\s+)?['\"]?#+(?:\s+#+)*['\"]?)?"
    r"\s+(?:will\s+be|would\s+be|to\s+be|is|is\s+set\s+to\s+be|is\s+going\s+to\s+be|becomes)"
    r"(?:\s+also|\s+officially)?\s+"
    r"(?:(?:its|the|their|that|this)\s+)?(?:(?:show|series|drama|#+)'s\s+)?"
    r"(?:swan\s+song\b|last|final)"
    # ("will be its last (per Collider)": an aside after it; a headline's line end)
    r"(?=\s+(?:season|series|chapter|instal+ment|outing|run|one)\b|\s*[,.;:!)…]|\s*$|[ \t]*\n|"
    r"\s+\((?:per|via|according|source)\b|"
    # ("will be the last for the offbeat comedy-drama")
    r"\s+(?:for|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:show|series|drama|comedy|comedy-drama|"
    r"sitcom|#))",
    re.I,
)
_NUM_IN_MORE = re.compile(_NUM, re.I)
_ORD_IN_MORE = re.compile(_ORD, re.I)
# The kinds a token can open (tried at every "the" and "season" in an item, the whole
# pattern cost a twentieth of the English reader's time).
_BY_THE = cut(_SEASON_BRANCHES, ("first", "ell"), flags=re.I)
_BY_SEASON = cut(_SEASON_BRANCHES, ("sw",), flags=re.I)  # "season 2", "series 3", "season2"
_BY_ORDINAL = cut(_SEASON_BRANCHES, ("first", "ord", "ell"), flags=re.I)  # "3rd", "second"
_BY_CODE = cut(_SEASON_BRANCHES, ("sx",), flags=re.I)  # "S2", "S02E03"
_BY_WORD = {
    "after": cut(_SEASON_BRANCHES, ("count",), flags=re.I),
    **dict.fromkeys(("final", "farewell"), cut(_SEASON_BRANCHES, ("fin",), flags=re.I)),
    **dict.fromkeys(
        (w.split("-")[0] for w in _NEXT_WORDS), cut(_SEASON_BRANCHES, ("nxt",), flags=re.I)
    ),
    **dict.fromkeys(words("part volume vol"), cut(_SEASON_BRANCHES, ("part",), flags=re.I)),
}


def _narrow(word: str) -> re.Pattern[str]:
    if word == "the":
        return _BY_THE
    if word.startswith(("season", "series")):
        return _BY_SEASON
    if word[0].isdigit() or word in ORDINAL_WORDS:
        return _BY_ORDINAL
    found = _BY_WORD.get(word)
    if found is not None:
        return found
    return _BY_CODE if word[1:2].isdigit() else SEASON_RE


SEASONS = keyed(
    SEASON_RE,
    # (every word `_narrow` knows: "the", "season...", ordinals and `_BY_WORD`'s words)
    " ".join(("the", "first", "season", "seasons", "series", *_BY_WORD, *ORDINAL_WORDS)),
    prefixes="season series",  # "season2" written as one word
    digits="suffixed",
    narrow=_narrow,
)


@dataclass(frozen=True, slots=True)
class SeasonMention:
    """One mention of a season (or of a season count) in the text, by character offsets."""

    start: int
    end: int
    kind: SeasonKind
    numbers: tuple[int, ...] = ()
    final: bool = False  # "third and final season"
    elliptical: bool = False  # "the first" with "season" left out


def number_value(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word in ROMAN:
        return ROMAN[word]
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None


def find_seasons(text: str, tokens: Tokens | None = None) -> list[SeasonMention]:
    """All season mentions in a text whose title mentions are already masked."""
    found: list[SeasonMention] = []
    for m in (tokens or Tokens(text)).scan(SEASONS):
        mention = _mention(m)
        if mention is not None:
            found.append(mention)
        if m.lastgroup == "sw" and m.group("half"):
            # "season 9B" is season 9 and its second part
            half = m.span("half")
            found.append(
                SeasonMention(half[0], half[1], "part", ("AB".index(m.group("half")) + 1,))
            )
    return found


def _mention(m: re.Match[str]) -> SeasonMention | None:
    start, end, kind = m.start(), m.end(), m.lastgroup
    if kind == "count":
        word = m.group("cn").lower()
        n = 1 if word == "single" else number_value(word)
        return SeasonMention(start, end, "count", (n,)) if n else None
    if kind == "first":
        n = number_value(m.group("fn")) or 0
        return SeasonMention(start, end, "number", tuple(range(1, n + 1))) if n else None
    if kind == "sw":
        numbers = _numbers(m.group("n1"), m.group("more") or "")
        final = _FINAL_AFTER_RE.match(m.string, end) is not None
        return SeasonMention(start, end, "number", numbers, final) if numbers else None
    if kind == "ko":
        return SeasonMention(start, end, "number", (int(m.group("kn")),))
    if kind == "ja":
        return SeasonMention(start, end, "number", (int(m.group("jn") or m.group("jn2")),))
    if kind == "koord":
        return SeasonMention(start, end, "number", (KOREAN_ORDINALS[m.group("kow")],))
    if kind == "sx":
        n = int(m.group("sx"))
        final = _FINAL_AFTER_RE.match(m.string, end) is not None
        return SeasonMention(start, end, "number", (n,), final) if 0 < n <= 40 else None
    if kind == "ord":
        words_ = [m.group("ow"), *_ORD_IN_MORE.findall(m.group("omore") or "")]
        numbers = tuple(dict.fromkeys(n for n in map(number_value, words_) if n))
        final = m.group("fin1") is not None or _FINAL_AFTER_RE.match(m.string, end) is not None
        return SeasonMention(start, end, "number", numbers, final) if numbers else None
    if kind == "ell":
        word = m.group("ew").lower()
        if word in ("last", "previous"):
            return SeasonMention(start, end, "previous", elliptical=True)
        return SeasonMention(start, end, "number", (ORDINAL_WORDS[word],), elliptical=True)
    if kind == "fin":
        return SeasonMention(start, end, "final")
    if kind == "nxt":
        return SeasonMention(start, end, "next")
    n = number_value(m.group("pn")) or 0
    return SeasonMention(start, end, "part", (n,)) if n else None


def _numbers(first: str, more: str) -> tuple[int, ...]:
    values = [number_value(first)]
    ranged = bool(re.match(r"\s*(?:-|to|through)", more, re.I))
    values += [number_value(w) for w in _NUM_IN_MORE.findall(more)]
    clean = [v for v in values if v is not None and 0 < v <= 40]
    if ranged and len(clean) == 2 and clean[0] < clean[1] <= clean[0] + 10:
        return tuple(range(clean[0], clean[1] + 1))
    return tuple(dict.fromkeys(clean))


_TITLE_NUMBER_RE = re.compile(
    # (a Roman numeral in capitals is no quantity: "Blue Planet II went out in 2017")
    r"\s+(?:(?P<r>(?-i:II|III|IV))\b(?!['’]?\w)|(?P<n>\d{1,2})(?=\s*$|\s*[:,.!?;)\-'\"]|\s+(?:is|will|has|was|gets?|got|sets?|"
    r"arrives?|premieres?|returns?|release[sd]?|trailer|teaser|cast|date|review|confirmed|"
    r"renewed|officially|begins?|starts?|started|wraps?|wrapped|filming|production|coming|"
    r"lands?|drops?|debuts?|finally|first|official|news|on|in|update|premiere|episodes?|"
    r"season|part|release)\b))",
    re.I,
)


def title_number(text: str, end: int) -> SeasonMention | None:
    """ "Stranger Things 5", "Blue Planet III": a small number right after a title mention
    names a season."""
    m = _TITLE_NUMBER_RE.match(text, end, min(len(text), end + 40))
    if m is None:
        return None
    group = "r" if m.group("r") else "n"
    n = number_value(m.group(group)) or 0
    if not 1 <= n <= 30:
        return None
    return SeasonMention(m.start(group), m.end(group), "number", (n,))


def mention_seasons(mention: SeasonMention, watch: Watch, final_season: int | None) -> set[int]:
    """Which season numbers a mention names, for this watch (empty: none, or not known).

    An unnumbered "final season" is `final_season`; "the new season" is the watched one;
    "Part 2" is the watched season only when the watch says `part = 2`.
    """
    if mention.kind == "number":
        return set(mention.numbers)
    if mention.kind == "final":
        return {final_season} if final_season is not None else set()
    if mention.kind == "next":
        return {watch.season}
    if mention.kind == "previous":
        return {watch.season - 1} if watch.season > 1 else set()
    if mention.kind == "part":
        if watch.part is not None and mention.numbers == (watch.part,):
            return {watch.season}
        return set()
    return set()
