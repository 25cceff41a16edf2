"""Find every watched show an item mentions, with all titles and aliases in one matcher."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from monitor.match.common_words import COMMON_WORDS
from monitor.models import Watch
from monitor.text.normalize import (
    HANGUL_PARTICLES,
    TOKEN_RE,
    fold,
    fold_word,
    is_hangul,
    normalize,
    words,
)

_TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")

# plain: any case; cased: must look like a title in the text ("All of Us Are Dead");
# strict: an everyday word or a number ("You", "Dark", "1923") that needs show context.
Strictness = Literal["plain", "cased", "strict"]

MINOR_WORDS = frozenset(words("a an and as at but by for from in nor of on or the to vs with"))

# Words before a common-word title that make it a preposition object, not a show.
_PREP_BEFORE = re.compile(
    r"(?:\b(?:on|last|this|next|by|until|till|since|from|every|each|through|during|early|late|"
    r"mid|before|after|that|all|of|in|a|an|per)\s*)$",
    re.I,
)
_SHOW_BEFORE = re.compile(
    r"(?:\b(?:netflix|hbo|amazon|apple|hulu|disney\+?|prime\s+video|peacock|paramount\+?)'s|"
    r"\b(?:series|show|drama|comedy|thriller|sitcom|docuseries|docu-series|anime|k-drama|"
    r"miniseries|hit|original|spinoff|spin-off|prequel|sequel)|"
    r"\bseasons?\s+[\w-]+\s+of(?:\s+the\s+hit)?|\bseasons?\s+of|"
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|new|next|"
    r"latest|upcoming|debut|sophomore|\d+(?:st|nd|rd|th))[\s-]+season\s+of|"
    r"\brenew(?:s|ed|ing)?|\bcancel(?:s|ed|led|ling)?|\bax(?:es|ed)|\border\s+(?:to|for)|"
    r"\bpicks?\s+up|\bpicked\s+up|\bgreen-?lit|\bgreenlights?|\bstars?\s+of|\bcast\s+of|"
    r"\bepisodes?\s+of|\breturn\s+of|\bpremiere\s+of|\bfinale\s+of|\bfans\s+of|"
    r"\bcreators?\s+of|\bshowrunners?\s+of|\bmakers\s+of|\bstar(?:s|red|ring)?\s+in)"
    r"\s*[\"']?\s*$",
    re.I,
)
_SHOW_AFTER = re.compile(
    r"(?:'s)?[\"']?\s*(?:\(\s*|:\s*)?"
    r"(?:(?:first|second|third|fourth|fifth|sixth|final|new|next|upcoming|latest|debut|"
    r"sophomore|\d+(?:st|nd|rd|th))[\s-]+)?"
    r"(?:seasons?\b|series\s+\d|s\d{1,2}\b|part\s+\w+|volume\s+\w+|cast\b|stars?\b|"
    r"creators?\b|co-creators?\b|showrunners?\b|finale\b|premiere\b|trailer\b|teaser\b|"
    r"renewal\b|renewed\b|cancell?ed\b|cancell?ation\b|episodes?\b|spin-?off\b|prequel\b|"
    r"sequel\b|writers?\b|director\b|fans\b|fandom\b|actors?\b|actress\b|characters?\b|"
    r"on\s+netflix\b|is\s+(?:renewed|cancell?ed|returning|coming\s+back|back\s+for)\b|"
    r"will\s+return\b|returns\s+for\b|시즌)|"
    r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}(?:series|show|drama|comedy|thriller|sitcom|"
    r"docuseries|anime|k-drama|miniseries)\b",
    re.I,
)
_QUOTES = "\"'"
_BRACKETS_OPEN = "「『【《〈“‘«„"
_BRACKETS_CLOSE = "」』】》〉”’»“"
# Capitalised words that may follow a common-word title and still leave it the show
# ("Dark Season 2", "Wednesday Netflix trailer"); any other capitalised word makes it part
# of a longer title ("Dark Matter", "The Bear Grylls Show").
_FOLLOWERS = frozenset(
    words(
        """season seasons series part volume vol netflix netflix's hbo max prime video amazon
        apple tv tv+ disney disney+ hulu peacock paramount paramount+ bbc itv sky channel star
        stars cast creator creators showrunner trailer teaser finale premiere premieres
        release review recap episode episodes renewed renewal cancelled canceled is has
        official exclusive update news fans s1 s2 s3 s4 s5 s6 s7 s8 s9 s10"""
    )
)
_FOLLOWER_RE = re.compile(r"s\d{1,2}(?:e\d{1,3})?|\d+|[ivx]+", re.I)
_HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")
_KANA = {code: code + 0x60 for code in range(0x3041, 0x3097)}  # hiragana -> katakana
_CJK_RE = re.compile(r"[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]")
# A capitalised word right before a title, mid-sentence ("the comedy Angel Dust").
_WORD_BEFORE_RE = re.compile(r"(?<=[\w,;] )(?P<word>[A-Z][\w'+-]*) $")


@dataclass(frozen=True, slots=True)
class TitleMention:
    """Where a watched show's title or alias occurs in a (normalised) text."""

    start: int
    end: int
    show: str  # the show key: casefolded show name


def show_key(show: str) -> str:
    return " ".join(fold(t) for t in TOKEN_RE.findall(normalize(show)))


def strictness(tokens: Sequence[str]) -> Strictness:
    """How much context a title needs before a mention of it counts."""
    if all(t.isdigit() for t in tokens):
        return "strict"
    if len(tokens) == 1:
        word = tokens[0]
        if word in COMMON_WORDS or len(word) <= 2:
            return "strict"
        return "cased"
    if all(t in COMMON_WORDS or t in MINOR_WORDS or t.isdigit() for t in tokens):
        return "cased"
    return "plain"


def _looks_cased(words: Sequence[str]) -> bool:
    for index, word in enumerate(words):
        if not word[:1].islower():
            continue
        if index > 0 and word.casefold() in MINOR_WORDS:
            continue
        # "Love is in the Air": a short word between capitalised first and last words.
        if 0 < index < len(words) - 1 and len(word) <= 3 and words[-1][:1].isupper():
            continue
        return False
    return True


def _quoted(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end : end + 3]
    if before in _BRACKETS_OPEN:
        # 『Love by chance』のシーズン2: CJK brackets and curly or angle quotes set a title off too
        return bool(after) and after[0] in _BRACKETS_CLOSE
    if before not in _QUOTES:
        return False
    return bool(after) and (after[0] in _QUOTES or after.startswith("'s" + before))


def _strict_ok(text: str, start: int, end: int, *, cased: bool = True) -> bool:
    if _quoted(text, start, end):
        return True
    if _shouted(text, start, end):
        return True
    if cased and text[start].islower():
        return False
    before = text[max(0, start - 48) : start]
    if _SHOW_BEFORE.search(before):
        return True
    if _PREP_BEFORE.search(before):
        return False
    return bool(_SHOW_AFTER.match(text, end, min(len(text), end + 64)))


def _shouted(text: str, start: int, end: int) -> bool:
    """ "la temporada 3 de HIT, la serie": a common word in capitals amid lower-case words
    is a title (not so in an all-capitals headline)."""
    name = text[start:end]
    if len(name) < 3 or not name.isupper():
        return False
    around = words(text[max(0, start - 40) : start]) + words(text[end : end + 40])
    cased = [w for w in around if w[:1].isalpha()]
    return bool(cased) and sum(w.isupper() for w in cased) * 2 < len(cased)


class TitleMatcher:
    """All watched titles and aliases compiled once into a dict of token n-grams.

    Cost per item is one pass over its tokens with one dict lookup per distinct title
    length, so it does not grow with the number of watches.
    """

    def __init__(self, watches: Iterable[Watch]) -> None:
        self.watches: tuple[Watch, ...] = tuple(watches)
        by_show: dict[str, list[Watch]] = {}
        phrases: dict[tuple[str, ...], list[tuple[str, Strictness]]] = {}
        for watch in self.watches:
            key = show_key(watch.show)
            by_show.setdefault(key, []).append(watch)
            for name in (watch.show, *watch.aliases):
                for tokens, strict in _variants(name):
                    entries = phrases.setdefault(tokens, [])
                    if all(show != key for show, _ in entries):
                        entries.append((key, strict))
        self._by_show = {k: tuple(sorted(v, key=lambda w: w.season)) for k, v in by_show.items()}
        self._phrases = {k: tuple(v) for k, v in phrases.items()}
        lengths: dict[str, set[int]] = {}
        for tokens in self._phrases:
            lengths.setdefault(tokens[0], set()).add(len(tokens))
        self._lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
        self._vocab = frozenset(t for tokens in self._phrases for t in tokens)
        # Japanese runs have no spaces and Korean glues particles and numbers to a title
        # ("경성크리처2는", "葬送のフリーレン第2期"): such aliases are also found as substrings,
        # indexed by their first two characters so the cost stays flat in watches.
        cjk: dict[str, list[tuple[str, str]]] = {}
        for watch in self.watches:
            show = show_key(watch.show)
            for name in (watch.show, *watch.aliases):
                # Spaces are not part of a CJK title: "닥터 차정숙" is also "닥터차정숙",
                # "재벌X형사" also "재벌 X 형사" (the scan skips spaces in the text).
                # Hiragana and katakana spell one title ("ぼっち・ざ・ろっく!" is also
                # "ボッチ・ザ・ロック"), and its closing "!" may be left off.
                folded = "".join(normalize(name).lower().split()).translate(_KANA)
                folded = folded.rstrip("!?！？‼") or folded
                for form in (folded, *_cjk_stems(folded)):
                    if len(form) >= 2 and _CJK_RE.search(form) is not None:
                        cjk_entries = cjk.setdefault(form[:2], [])
                        if (form, show) not in cjk_entries:
                            cjk_entries.append((form, show))
        self._cjk = {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in cjk.items()}

    def watches_for(self, show: str) -> tuple[Watch, ...]:
        """The watches of one show key, lowest season first."""
        return self._by_show.get(show, ())

    def mentions(self, text: str) -> list[TitleMention]:
        """Every accepted title mention in a normalised text, longest match first."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters change length when lowered
            lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        # Casefolded like the titles' tokens (`fold`): "große" is "grosse" on both sides, and
        # "México" is "mexico"
        # (lowered ASCII is folded already: most items skip the per-token pass).
        # Tokens and the separators between them, in one pass: [sep, token, sep, ..., sep].
        parts = _TOKEN_SPLIT_RE.split(lowered)
        tokens = parts[1::2]
        if not lowered.isascii():
            tokens = [fold_word(t) for t in tokens]
        if "&" in lowered:
            tokens = ["and" if t == "&" else t for t in tokens]
        if _HANGUL_RE.search(text) is not None:
            tokens = [self._strip_particle(t) for t in tokens]
        lengths = self._lengths
        starts = [i for i, t in enumerate(tokens) if t in lengths]
        if not starts:
            return self._cjk_mentions(lowered, [])
        # Character offsets of the tokens (token i spans ends[2i] to ends[2i+1]), summed in
        # one C-level pass only once a phrase is found (most texts name no watched title).
        ends: list[int] = []
        found: list[TitleMention] = []
        count, skip_to = len(tokens), 0
        for index in starts:
            if index < skip_to:
                continue
            for length in lengths[tokens[index]]:
                if index + length > count:
                    continue
                entries = self._phrases.get(tuple(tokens[index : index + length]))
                if entries is None:
                    continue
                if not ends:
                    ends = list(accumulate(map(len, parts)))
                start, end = ends[2 * index], ends[2 * (index + length) - 1]
                originals = [
                    text[ends[2 * i] : ends[2 * i + 1]] for i in range(index, index + length)
                ]
                nxt = 2 * (index + length)
                after = (ends[nxt], ends[nxt + 1]) if index + length < count else None
                accepted = [
                    show
                    for show, strict in entries
                    if (strict == "plain" or not _longer_title(text, start, end, after))
                    and _accept(text, start, end, originals, strict)
                ]
                if accepted:
                    found.extend(TitleMention(start, end, show) for show in accepted)
                    skip_to = index + length
                    break
        return self._cjk_mentions(lowered, found)

    def _cjk_mentions(self, lowered: str, found: list[TitleMention]) -> list[TitleMention]:
        """Add CJK aliases found as substrings where no token match already covers them."""
        if not self._cjk or _CJK_RE.search(lowered) is None:
            return found
        lowered = lowered.translate(_KANA)  # one character for one: offsets stay
        covered = [(m.start, m.end) for m in found]
        out = list(found)
        index = self._cjk
        pos, size = 0, len(lowered)
        while pos < size - 1:
            entries = index.get(lowered[pos : pos + 2])
            if entries is not None:
                for name, show in entries:
                    end = pos + len(name)
                    if not lowered.startswith(name, pos):
                        end = _spaced_end(lowered, pos, name)
                        if end < 0:
                            continue
                    if not any(a < end and pos < b for a, b in covered):
                        out.append(TitleMention(pos, end, show))
                        covered.append((pos, end))
                        pos = end - 1
                        break
            pos += 1
        return sorted(out, key=lambda m: m.start)

    def match(self, title: str, text: str) -> tuple[Watch, ...]:
        """The watches whose show the item mentions, in watchlist order."""
        shows = {m.show for m in self.mentions(normalize(f"{title}\n{text}"))}
        return tuple(w for w in self.watches if show_key(w.show) in shows)

    def _strip_particle(self, token: str) -> str:
        if token in self._vocab or not is_hangul(token):
            return token
        for particle in HANGUL_PARTICLES:
            if token.endswith(particle) and token[: -len(particle)] in self._vocab:
                return token[: -len(particle)]
        return token


def _spaced_end(text: str, pos: int, name: str) -> int:
    """Where `name` ends in `text` from `pos` if single spaces may sit between its
    characters ("재벌 X 형사" for "재벌x형사"), else -1."""
    i, size = pos, len(text)
    for ch in name:
        if i < size and text[i] == " " and ch != " " and i > pos:
            i += 1
        if i >= size or text[i] != ch:
            return -1
        i += 1
    return i


def _longer_title(text: str, start: int, end: int, after: tuple[int, int] | None) -> bool:
    """Whether a common-word title is part of a longer name ("Dark Matter", "Angel Dust")."""
    if _longer_before(text, start, end):
        return True
    before = text[start - 1] if start > 0 else ""
    if before in _QUOTES and not text.startswith(before, end):
        # 'Dark Matter': the quote closes after other words, so it names something else.
        close = text.find(before, end, end + 60)
        if close != -1 and "\n" not in text[end:close]:
            extra = TOKEN_RE.findall(text[end:close])
            if extra and not all(_is_follower(w) for w in extra):
                return True
    if after is None or text[end : after[0]] != " ":
        return False
    word = text[after[0] : after[1]]
    if not word[:1].isupper() or _is_follower(word):
        return False
    return not _title_case_line(text, start, end)


def _title_case_line(text: str, start: int, end: int) -> bool:
    """In a Title Case Headline every word is capitalised: that says nothing."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    long_words = [w for w in TOKEN_RE.findall(line) if len(w) > 3 and w[:1].isalpha()]
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return capitalised * 5 >= len(long_words) * 4


def _longer_before(text: str, start: int, end: int) -> bool:
    """Whether another capitalised word before the title belongs to the same name."""
    close = text[end : end + 1]
    if close in _QUOTES and not text[end + 1 : end + 2].isalnum():
        # 'Angel Dust': the quote opens before other words and closes right after ours.
        line_start = text.rfind("\n", 0, start) + 1
        open_at = text.rfind(close, max(line_start, start - 60), start)
        if open_at != -1 and (open_at == 0 or not text[open_at - 1].isalnum()):
            extra = TOKEN_RE.findall(text[open_at + 1 : start])
            if extra and not all(_is_follower(w) or w.casefold() in MINOR_WORDS for w in extra):
                return True
    m = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word = m.group("word")
    if word.endswith("'s") or _is_follower(word) or word.casefold() in MINOR_WORDS:
        return False  # "Stan's Dust", "Netflix Dust", "The Dust"
    return not _title_case_line(text, start, end)


def _is_follower(word: str) -> bool:
    return word.casefold() in _FOLLOWERS or _FOLLOWER_RE.fullmatch(word) is not None


def _accept(
    text: str,
    start: int,
    end: int,
    originals: Sequence[str],
    strict: Strictness,
) -> bool:
    if strict == "plain":
        return True
    if strict == "cased":
        return _looks_cased(originals) or _strict_ok(text, start, end, cased=False)
    return _strict_ok(text, start, end)


# "逆転裁判 Season2", "ドリフターズ 2期", "逆転裁判 ~その「真実」、異議あり!~": an alias that
# adds a season or a subtitle to the title also stands for the bare title, as the news
# writes it ("「逆転裁判」シーズン2が10月6日放送開始"). Folded forms (katakana, no spaces).
_CJK_SEASON_TAIL_RE = re.compile(
    r"(?:season|シーズン|시즌|part|パート|파트)\d+$|第?\d+(?:期|기|弾|シリーズ)$"
)
_CJK_SUBTITLE_RE = re.compile(r"[~～〜:：\-–—]")


def _cjk_stems(folded: str) -> list[str]:
    """Bare titles inside one folded CJK alias (at least three characters each)."""
    stems = []
    tail = _CJK_SEASON_TAIL_RE.search(folded)
    if tail is not None:
        stems.append(folded[: tail.start()])
    cut = _CJK_SUBTITLE_RE.search(folded, 3)
    if cut is not None and len(folded) - cut.end() >= 2:
        stems.append(folded[: cut.start()])
    return [s for s in stems if len(s) >= 3 and s != folded]


def _variants(name: str) -> list[tuple[tuple[str, ...], Strictness]]:
    """The token sequences a name is found by, each with the context it needs."""
    written = tuple("and" if t == "&" else t.casefold() for t in TOKEN_RE.findall(normalize(name)))
    if not written:
        return []
    # Matched without accents, but judged as written: "Face à face" is no run of common
    # English words ("face a face") that would need title case.
    tokens = tuple(fold(t) for t in written)
    out = [(tokens, strictness(written))]
    # "The Quiet Orchard" is often written "Quiet Orchard"; not when the rest is generic.
    if tokens[0] == "the" and len(tokens) > 1 and strictness(written[1:]) == "plain":
        out.append((tokens[1:], "plain"))
    return out
