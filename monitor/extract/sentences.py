"""Sentence and clause boundaries by character offsets (no tokeniser library)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from monitor.text.normalize import words

_END_RE = re.compile(r"[.!?\n]+(?:(?<=\n)|[\"')\]]*(?=\s|$))")
_ABBREVIATIONS = frozenset(
    words(
        "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st vs no vol pt jr sr inc "
        "co ltd approx est ep eps fig u.s u.k e.g i.e etc mt ft"
    )
)
_LAST_WORD_RE = re.compile(r"([\w.]+)[.]+$")
# "premiering at 10 p.m. Thursday": an hour's "p.m." ends no sentence before the weekday
# it goes on with. (A time zone after it may: "Returning on Tuesday at 10 p.m. ET, the 13
# episodes of X deliver..." reads best cut there.)
_HOUR_GOES_ON_RE = re.compile(r"(?<=[ap]\.m\.)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# A question mark or a Korean/Japanese question ending ("볼 수 있을까", "配信されるのか").
_QUESTION_END_RE = re.compile(r"(?:[?？]|까요?|나요|는가|のか|でしょうか|ですか|ますか)$")
_QUESTION_END_LONGEST = len("でしょうか")
# A break between two statements (or a statement and a question after it): ": ", "; ",
# " - ", " | ".
STATEMENT_BREAK_RE = re.compile(r"[:;]\s|\s[-–—|]\s")
# A clause that opens (after a fronted phrase and its comma) on an auxiliary asks.
_INVERTED_RE = re.compile(
    r"(?:[^,.?]{0,60},\s*)?(?:will|would|could|can|does|do|did|is|are|was|were|has|have|"
    r"should|might)\s+\S",
    re.I,
)

# Clause breaks: punctuation, and the conjunctions that start a new statement. (Every
# branch opens on a character, not a lookbehind, so `re` skips ahead to where one can start.)
_CLAUSE_RE = re.compile(
    r";|:(?!\d)| - |\(|\)|,\s*(?=(?:with|but|though|although|while|whereas|and|so|adding|as|"
    r"which|who|after|before|since|when|once|until|despite|because|if|unless|following|"
    r"according|yet|or|plus)\b)| (?<!\ball )(?=(?:but|though|although|whereas|after|before|"
    r"since|when|once|until|unless|if|because|following)\b)"
    # "Season 7 is expected later this year and season 8 will arrive in 2024": a new subject.
    r"| (?=and\s+(?:the\s+)?(?:season|series|part)\s+\w+\s+(?:will|is|are|has|was|won't|"
    r"premieres?|arrives?|returns?|drops?|debuts?|launches|lands)\b)",
    re.I,
)
# Clauses that set a scene in the past or future rather than state the news.
_SUBORDINATE_RE = re.compile(
    r"\s*(?:,\s*)?(?:(?:days|weeks|months|years|shortly|long|soon|just|a\s+year|"
    r"more\s+than\s+a\s+year|two\s+years)\s+)?(?:after|since|when|before|until|once|following|"
    r"ever\s+since|prior\s+to|as\s+soon\s+as)\b",
    re.I,
)

# A sentence that opens on "While we wait to hear whether ...," sets a scene up to its comma
# (mid-sentence, ", while season 3 premieres in May" is news of its own).
_FRONTED_RE = re.compile(r"\s*(?:while|whilst|although|though|whereas)\b", re.I)


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    subordinate: bool  # "after filming began", "when it premiered last year"


class Sentence:
    """A sentence by offsets; its clauses are worked out only when asked for."""

    __slots__ = ("_clauses", "_text", "end", "headline", "question", "start")

    def __init__(self, text: str, start: int, end: int, headline: bool, question: bool) -> None:
        self._text = text
        self.start = start
        self.end = end
        self.headline = headline
        self.question = question
        self._clauses: tuple[Clause, ...] | None = None

    def __repr__(self) -> str:
        return f"Sentence({self.start}, {self.end}, headline={self.headline})"

    @property
    def clauses(self) -> tuple[Clause, ...]:
        if self._clauses is None:
            self._clauses = _clauses(self._text, self.start, self.end)
        return self._clauses

    def asks(self, pos: int) -> bool:
        """Whether the question the sentence ends in covers `pos`: a statement before a
        colon or dash stands when only the part after it asks ("NBC Cancels X: Have Viewers
        Broken Up with Anthologies?")."""
        if not self.question:
            return False
        brk = STATEMENT_BREAK_RE.search(self._text, pos, self.end)
        if brk is None or "?" in self._text[pos : brk.start()]:
            return True
        # "After tonight's finale, will X get a season 2 renewal — or is this the end of the
        # road?": the part before the break asks too when it opens on an auxiliary.
        opening = self.start
        for before in STATEMENT_BREAK_RE.finditer(self._text, self.start, pos):
            opening = before.end()
        return _INVERTED_RE.match(self._text, opening, pos) is not None

    def clause_at(self, pos: int) -> Clause:
        clauses = self.clauses
        for clause in clauses:
            if clause.start <= pos < clause.end:
                return clause
        return clauses[-1]


def split_sentences(text: str, headline_end: int) -> list[Sentence]:
    """Sentences of `text`; those starting before `headline_end` belong to the headline."""
    out: list[Sentence] = []
    start = 0
    for m in _END_RE.finditer(text):
        hard = "\n" in m.group()
        if not hard and m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        if not hard and _HOUR_GOES_ON_RE.match(text, m.end()):
            continue
        if not hard and not _next_starts_sentence(text, m.end()):
            continue
        _add(text, start, m.end(), headline_end, out)
        start = m.end()
    _add(text, start, len(text), headline_end, out)
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _LAST_WORD_RE.search(text, max(0, dot - 12), dot + 1)
    if m is None:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _next_starts_sentence(text: str, pos: int) -> bool:
    rest = text[pos : pos + 4].lstrip()
    if not rest:
        return True
    ch = rest[0]
    return not ch.islower() and ch not in ",;:)"


def _add(text: str, start: int, end: int, headline_end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop <= start:
        return
    body = text[start:stop].rstrip("\"')] ")
    # (only the last few characters can hold the ending: a search from the start of a long
    # sentence tried every position)
    question = _QUESTION_END_RE.search(body, len(body) - _QUESTION_END_LONGEST) is not None
    out.append(Sentence(text, start, stop, start < headline_end, question))


def _clauses(text: str, start: int, end: int) -> tuple[Clause, ...]:
    bounds = [start]
    for m in _CLAUSE_RE.finditer(text, start, end):
        if m.start() > bounds[-1]:
            bounds.append(m.start())
    bounds.append(end)
    clauses: list[Clause] = []
    for lo, hi in pairwise(bounds):
        sub = _SUBORDINATE_RE.match(text, lo, hi)
        # An opening "While ...," is its own clause but not background: "While X was
        # renewed, Y was cancelled" is news.
        opener = sub or (_FRONTED_RE.match(text, lo, hi) if lo == start else None)
        if opener is None:
            clauses.append(Clause(lo, hi, False))
            continue
        # A fronted subordinate clause ends at its comma: "After X, the main clause".
        comma = text.find(",", opener.end(), hi)
        if comma == -1:
            clauses.append(Clause(lo, hi, sub is not None))
        else:
            clauses.append(Clause(lo, comma, sub is not None))
            clauses.append(Clause(comma, hi, False))
    return tuple(clauses)
