"""Renewal and cancellation claims: the rules of the renewal field."""

from __future__ import annotations

import re
from itertools import takewhile

from monitor.extract import patterns as p
from monitor.extract.document import Scope
from monitor.extract.scope import (
    Candidate,
    ScopeReader,
    seasons_text,
)
from monitor.extract.sentences import Clause, Sentence
from monitor.match.seasons import (
    NUMBER_WORDS,
    find_seasons,
)

_DATE_WORD_RE = re.compile(r"\bdates?\b", re.I)

# '"No decision," Bloys had said earlier': a stance from before the news.
_EARLIER_SAID_RE = re.compile(
    r"\bhad\s+(?:\w+\s+)?(?:said|told|stated|noted|explained|insisted)\b|"
    r"\b(?:said|told)\s+(?:\w+\s+)?(?:earlier|previously)\b",
    re.I,
)

# A subordinate clause that states no fact: "before it gets a third season", "if renewed".
_NOT_FACTUAL_RE = re.compile(r"[\s,(]*(?:before|until|till|unless|if|once|whether)\b", re.I)

_UPCOMING_RE = re.compile(r"\b(?:upcoming|forthcoming|next|coming)\b", re.I)
_NEXT_RE = re.compile(r"\b(?:next|forthcoming|upcoming|coming)\s+(?:season|series|run)\b", re.I)

# "the network renewed Blindspot for a final season": a renewal whose object is named, and
# is not the watched show (masked as '#'), is that other show's.
_OTHER_OBJECT_RE = re.compile(
    r"\s+(?!(?:The|It|Its|This|That|Their|Season|Series|Show|Part|For|Both|All)\b)"
    r"[A-Z][\w'-]*(?:\s+[A-Z0-9][\w'-]*){0,3}\s+(?:for|through|thru|into|until)\b"
)

_YET_RE = re.compile(r"\byet\b", re.I)
_UPDATE_LINE_RE = re.compile(r"\s*\(?(?:update|updated|editor's\s+note)\b", re.I)
# A headline's "Release Date" label ("X Season 2 - Premiere Date 2023").
_DATE_LABEL_RE = re.compile(r"\b(?:premiere|release|air)\s+date\b", re.I)
# "In 2019, BET renewed X" / "back in 2019": a renewal the sentence dates to a past year.
_IN_YEAR_RE = re.compile(r"\b(?:back\s+)?in\s+((?:19|20)\d\d)\b", re.I)


def season_number(text: str) -> int | None:
    for s in find_seasons(text):
        if s.kind == "number" and s.numbers:
            return max(s.numbers)
    # "axed after nine series": the count of seasons made is the last one.
    count = _AFTER_COUNT_RE.search(text)
    if count is not None:
        n = count.group("n").lower()
        if n == "single":  # "after a single season"
            return 1
        return int(n) if n.isdigit() else NUMBER_WORDS.get(n)
    return None


_GENERIC_YOU_RE = re.compile(r"\W*(?:you|one)\s+(?:can|could|may|might|will|'ll)\b", re.I)

_AFTER_COUNT_RE = re.compile(
    # (or a run's length: "lasting only two seasons", "spanned across 7 seasons")
    r"\b(?:after\s+|(?:lasted|lasting|spanned|spanning)\s+(?:for\s+|across\s+)?)"
    r"(?:just\s+|only\s+)?(?:a\s+(?=single\b))?(?P<n>\w+)\s+"
    r"(?:(?!more\b|additional\b|further\b)[\w-]+\s+){0,2}?"
    r"(?:seasons?|series)\b",
    re.I,
)


class RenewalRules(ScopeReader):
    """Renewal and cancellation cues of one item, bound to their seasons."""

    __slots__ = ()

    def _open_cue(
        self, m: re.Match[str], *, background_ok: bool
    ) -> tuple[Sentence, Clause, Scope] | None:
        """`_open` for a renewal or cancellation cue, which also skips a cue whose sentence
        lists only other titles (with a note)."""
        opened = self._open("renewal", m.start(), m.end(), background_ok=background_ok)
        if opened is not None and self._unlisted(opened[0], m.end()):
            self._note("renewal", opened[0], "a list of other titles")
            return None
        return opened

    def _renewals(self) -> list[Candidate]:
        out: list[Candidate] = []
        for m in self.doc.renew:
            opened = self._open_cue(m, background_ok=True)
            if opened is None:
                continue
            sentence, clause, scope = opened
            if m.lastgroup == "confirm" and _DATE_WORD_RE.search(
                self.doc.text, clause.start, m.start()
            ):
                continue  # "the release date for season 2 has been confirmed"
            if p.GENERIC_SUBJECT_RE.search(self.doc.text, clause.start, m.start()) or (
                m.lastgroup == "verb"
                and (
                    self._other_object(m.end())
                    # "and renewed plenty of others (Resurrection, Revenge, ...)"
                    or p.CANCEL_PLURAL_OBJECT_RE.match(self.doc.text, m.end())
                )
            ):
                self._note("renewal", sentence, "renewal of another show")
                continue
            value = "renewed"
            negation = self._negated(clause, m.start())
            if negation is not None:
                window = self._window_before(clause, m.start(), words=4)
                if m.lastgroup == "verb" and p.DECISIVE_NEGATION_RE.search(window):
                    value = "cancelled"
                else:
                    self._note("renewal", sentence, f"negated: '{negation.group()} {m.group()}'")
                    if (
                        m.lastgroup == "verb"
                        and not clause.subordinate
                        and _YET_RE.search(self.doc.text, clause.start, clause.end)
                    ):
                        # "X has not been renewed for a second season yet": no decision on
                        # the season it names, as "the fate of X is undecided" says ("was
                        # not renewed" with no "yet" is an end, not an open question).
                        seasons, _, _ = self._bind(m.start(), sentence, clause, scope)
                        if self.watch.season in seasons:
                            out.append(Candidate("renewal", "undecided", sentence, m.start()))
                    continue
            if p.UNDONE_AFTER_RE.match(self.doc.text, m.end(), sentence.end):
                value = "cancelled"  # "renewed for season 2 before being cancelled"
            seasons, mention, source = self._bind(m.start(), sentence, clause, scope)
            if source not in ("clause", "sentence") and p.NEW_SERIES_RE.search(
                self.doc.text, max(clause.start, m.start() - 30), min(clause.end, m.end() + 60)
            ):
                # "Apple has ordered 10 episodes of the series": a new show's first season.
                seasons, source = {1}, "clause"
            if m.lastgroup == "order" and source != "clause":
                continue  # "order" means a season order only next to a season
            spanned = self._span(m.end(), sentence, mention)
            if spanned:
                seasons = spanned
            elif clause.subordinate and not (
                source == "clause"
                and value == "renewed"
                and m.group().lower().endswith(("ed", "lit"))
                and not _NOT_FACTUAL_RE.match(self.doc.text, clause.start, clause.end)
            ):
                # "When X was renewed for a third season in December, ...": a renewal that
                # names its season is the season's status even as background (README: a
                # past renewal still counts); an unnumbered one may be any season's.
                self._note("renewal", sentence, f"background, not news ('{m.group()}')")
                continue
            if mention is not None and mention.final and mention.numbers:
                last = mention.numbers[0]
                if self.watch.season > last and value == "renewed":
                    value = "cancelled"
                    seasons = {self.watch.season}
            if self.watch.season not in seasons:
                if source in ("clause", "sentence") and value == "renewed":
                    self.elsewhere.add("renewal")
                self._note(
                    "renewal",
                    sentence,
                    f"about season {seasons_text(seasons)}, not {self.watch.season}",
                )
                continue
            candidate = Candidate("renewal", value, sentence, m.start(), scope.in_prefix(m.start()))
            candidate.explicit_season = source in ("clause", "sentence")
            candidate.named = self._names_show(sentence)
            out.append(candidate)
        return out

    def _other_object(self, end: int) -> bool:
        """ "renewed Grimm for a sixth season": a title-case object that is not the show
        ("has renewed Bella for a second season": the show's own first word is the show)."""
        m = _OTHER_OBJECT_RE.match(self.doc.text, end)
        if m is None:
            return False
        first = m.group().split(None, 1)[0].lower().removesuffix("'s")
        return first not in self.doc.short_names()

    def _cancellations(self) -> list[Candidate]:
        out = self._last_season_below()
        for m in self.doc.cancel:
            headline = self._sentence_at(m.start())
            if (
                headline is not None
                and headline.headline
                and p.DENIAL_RE.search(self.doc.text, headline.start, m.start())
            ):
                # "Bradley Walsh denies The Larkins has been cancelled": the headline denies
                # what the body's "The Sun reported it was being axed" says.
                self.denied_cancel = True
            # "axed after nine series": the count after "after" is the item's point, not
            # background.
            opened = self._open_cue(m, background_ok=m.lastgroup == "end")
            if opened is None:
                continue
            sentence, clause, scope = opened
            kind = m.lastgroup
            if kind == "verb":
                negation = self._negated(clause, m.start())
                if negation is not None:
                    self.denied_cancel = self.denied_cancel or sentence.headline
                    self._note("renewal", sentence, f"negated: '{negation.group()} {m.group()}'")
                    continue
                around = self.doc.text[max(clause.start, m.start() - 30) : m.end() + 30]
                if (
                    p.CANCEL_NOT_SHOW_RE.search(around)
                    # "You can tick all the boxes and get axed": anyone, not the show
                    or _GENERIC_YOU_RE.match(self.doc.text, sentence.start, m.start())
                    or p.CANCEL_PLURAL_OBJECT_RE.match(self.doc.text, m.end())
                    or p.CANCEL_PLURAL_SUBJECT_RE.search(
                        self.doc.text, max(clause.start, m.start() - 80), m.start()
                    )
                    or self._date_cancelled(clause, m)
                ):
                    self._note("renewal", sentence, "cancellation of something else")
                    continue
            # (a verb any subject may take: "The cast won't be showing up after all")
            if kind == "neg" and re.search(
                r"return|back|get|receiv|show|air|premier", m.group(), re.I
            ):
                before = self.doc.text[max(sentence.start, m.start() - 120) : m.start()]
                if not p.SHOW_SUBJECT_RE.search(before):
                    self._note("renewal", sentence, f"not said of the show ('{m.group()}')")
                    continue
            if kind == "end":
                negation = self._negated(clause, m.start())
                if negation is not None:
                    self._note("renewal", sentence, f"negated: '{negation.group()} {m.group()}'")
                    continue
                last = season_number(m.group())
                if last is None and _NEXT_RE.search(m.group()) is not None:
                    last = self._next_is_last()
                if (
                    last is not None
                    and self.watch.season == last
                    and _UPCOMING_RE.search(m.group()) is not None
                ):
                    # "to end with upcoming season 3": season 3 is ordered, as the last one
                    # ("will end with its fourth season" may be the one on air).
                    out.append(
                        Candidate("renewal", "renewed", sentence, m.start(), explicit_season=True)
                    )
                    continue
                if last is None or self.watch.season <= last:
                    continue
                out.append(
                    Candidate("renewal", "cancelled", sentence, m.start(), explicit_season=True)
                )
                continue
            seasons, mention, source = self._bind(m.start(), sentence, clause, scope, counts=True)
            if mention is not None and mention.kind == "count":
                ok = self.watch.season > max(mention.numbers)
            elif source in ("clause", "sentence"):
                ok = self.watch.season in seasons or (
                    bool(seasons)
                    and max(seasons) < self.watch.season
                    and not (
                        mention is not None
                        and mention.start < m.start()  # the season is the subject
                        and self._came_back_after(max(seasons))
                    )
                )
            else:
                # "Starz has cancelled Heels" in an item whose latest season named is the
                # second: no third one follows a cancelled show either.
                ok = (
                    self.watch.season in seasons
                    or source == "default"
                    or (bool(seasons) and max(seasons) < self.watch.season)
                )
            if not ok:
                self._note(
                    "renewal",
                    sentence,
                    f"about season {seasons_text(seasons)}, not {self.watch.season}",
                )
                continue
            if self.stated_final is not None and self.watch.season <= self.stated_final:
                # "Canceled, Season 3 to Be Its Last": the run ends after season 3.
                self._note("renewal", sentence, f"season {self.stated_final} is the last one")
                continue
            candidate = Candidate(
                "renewal", "cancelled", sentence, m.start(), scope.in_prefix(m.start())
            )
            candidate.explicit_season = source in ("clause", "sentence")
            candidate.named = self._names_show(sentence)
            out.append(candidate)
        return out

    def _came_back_after(self, cancelled: int) -> bool:
        """ "The first season aired on ABC and was then cancelled" in an item about season 3
        that gives season 2's ratings: a season came after the cancelled one, so it is history.
        """
        return any(
            cancelled < n < self.watch.season
            for s in self.doc.seasons
            if s.kind == "number" and not s.elliptical
            for n in s.numbers
        )

    def _next_is_last(self) -> int | None:
        """ "To end after next series ... the plan to say goodbye after three series": 3.

        An unnumbered "next season" is the last one only when the item counts the run, once.
        """
        counts = {season_number(c.group()) for c in _AFTER_COUNT_RE.finditer(self.doc.text)}
        counts.discard(None)
        return counts.pop() if len(counts) == 1 else None

    def _date_cancelled(self, clause: Clause, m: re.Match[str]) -> bool:
        """ "The October 2 premiere has been scrapped": a date is off, not the show."""
        text = self.doc.text
        if p.CANCELLED_SUBJECT_RE.search(text, max(clause.start, m.start() - 40), m.start()):
            return True
        return p.CANCELLED_OBJECT_RE.match(text, m.end(), min(clause.end, m.end() + 50)) is not None

    def _undecided_kept(self, candidates: list[Candidate], last: int) -> list[Candidate]:
        """The candidates that stand beside a remark that the season is undecided (the last
        one at `last`)."""
        kept = []
        for c in candidates:
            if c.field == "renewal":
                # "...; the fate of X is still undecided": earlier renewal talk is not about
                # X. A headline's news stands over an undecided remark in the body, though,
                # and so does an editor's update line over the original story below it
                # ("UPDATE: ... will not return" above "Freeform has yet to announce").
                if c.pos > last and c.value != "undecided" and self._renewed_years_ago(c):
                    self._note(
                        "renewal",
                        c.sentence,
                        f"{c.value} in an earlier year; this season is undecided",
                    )
                elif (
                    c.value == "undecided"
                    or c.pos > last
                    or c.sentence.headline
                    or _UPDATE_LINE_RE.match(self.doc.text, c.sentence.start)
                ):
                    kept.append(c)
            elif not (c.explicit_season or c.value == "unannounced"):
                # "It's not confirmed whether Netflix will produce a season 6": a season with
                # no decision has no date or phase of its own; an unnumbered one is another's.
                continue
            elif c.field == "date" and self._date_label(c.sentence):
                # "X Season 2 - Premiere Date 2023" over a body that says season 2 is not
                # decided: the headline's "release date" label is a placeholder, not news.
                self._note("date", c.sentence, "a release-date label over an undecided season")
            else:
                kept.append(c)
        return kept

    def _renewed_years_ago(self, c: Candidate) -> bool:
        """ "In 2019, BET renewed X" after "X has not been renewed for season 3 yet": a renewal
        dated to a year before the item's, naming no season, is an earlier season's."""
        published = self.doc.published
        if c.explicit_season or published is None:
            return False
        return any(
            int(m.group(1)) < published.year
            for m in _IN_YEAR_RE.finditer(self.doc.text, c.sentence.start, c.sentence.end)
        )

    def _date_label(self, sentence: Sentence) -> bool:
        """Whether `sentence` is the headline (or its copy opening the body) and carries a
        "Release Date" label ("X Season 2 - Premiere Date 2023")."""
        doc = self.doc
        if not sentence.headline:
            text = doc.sentence_text(sentence)
            headline = takewhile(lambda h: h.headline, doc.sentences)
            if not any(doc.sentence_text(h) == text for h in headline):
                return False
        return _DATE_LABEL_RE.search(doc.text, sentence.start, sentence.end) is not None

    def _undecided(self) -> list[Candidate]:
        out: list[Candidate] = []
        for m in self.doc.undecided:
            sentence = self._sentence_at(m.start())
            scope = self.scopes.get(sentence.start) if sentence is not None else None
            if sentence is None or scope is None or not scope.allows(m.start()):
                continue
            if _EARLIER_SAID_RE.search(self.doc.text, sentence.start, sentence.end):
                # '"No decision," Bloys had said earlier about a third season': an old
                # stance the news has overtaken.
                self._note("renewal", sentence, f"'{m.group()}' was said before the news")
                continue
            clause = sentence.clause_at(m.start())
            seasons, _, _ = self._bind(m.start(), sentence, clause, scope)
            if self.watch.season in seasons:
                out.append(Candidate("renewal", "undecided", sentence, m.start()))
        return out

    def _last_season_below(self) -> list[Candidate]:
        """ "Its fourth and final season premieres...": there is no season 5."""
        out: list[Candidate] = []
        for s in self.doc.seasons:
            if not (s.final and s.numbers and max(s.numbers) < self.watch.season):
                continue
            opened = self._open("renewal", s.start, s.end, background_ok=True)
            if opened is None:
                continue
            sentence, clause, _ = opened
            negation = self._negated(clause, s.start)
            if negation is not None:
                self._note("renewal", sentence, f"negated: '{negation.group()}' final season")
                continue
            out.append(Candidate("renewal", "cancelled", sentence, s.start, explicit_season=True))
        return out
