"""Production-phase claims, from development to released."""

from __future__ import annotations

import re
from collections.abc import Iterator

from monitor.extract import patterns as p
from monitor.extract.dates import DateMention
from monitor.extract.document import Scope
from monitor.extract.scope import (
    Candidate,
    ScopeReader,
    season_distance,
    seasons_text,
)
from monitor.extract.sentences import Clause, Sentence
from monitor.match.seasons import (
    SeasonMention,
)

_PHASE_GROUPS = {
    "development": "development",
    "pre": "pre-production",
    "filming": "filming",
    "post": "post-production",
    "now": "released",
    "airing": "released",
    "past": "released",
}

_PRESENT_START_RE = re.compile(
    r"\b(?:begins?|starts?|kicks?\s+off|commences?|resumes?|wraps|gets\s+underway)\b", re.I
)
_SOON_RE = p.EN.pattern_of("future", "soon")

_OLD_START_DAYS = 90  # a shoot that began this long ago may be over
_PAST_START_RE = re.compile(
    r"\b(?:began|begun|started|kicked\s+off|commenced|resumed|got\s+underway)\b", re.I
)

_ON_AIR_DAYS = 21  # a finale this close (or past) means the season is on air

_CATCH_UP_RE = re.compile(
    r"\bcatch\s+up\b|\bbefore\s+(?:the\s+)?(?:new|next|upcoming)\s+(?:season|episodes)\b", re.I
)

# "Production on the series was halted by the strike" (read from the cue on: the cue may
# run over the verb), "the strike halted production": a phase stopped, not under way.
_HALTED = r"(?:halted|shut\s+down|suspended|paused|stopped|put\s+on\s+(?:hold|pause))"
_HALTED_FROM_RE = re.compile(
    r"[^.;,]{0,80}?\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are|remains?|got)\s+"
    rf"(?:\w+\s+)?{_HALTED}\b",
    re.I,
)
_HALTED_BEFORE_RE = re.compile(rf"\b(?:{_HALTED}|halts|suspends|pauses)\s+(?:the\s+)?$", re.I)

# Any year in a sentence: one long before the item dates a launch as the show's history.
_ANY_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

_AIRED_DAYS_RE = re.compile(r"(?:last\s+night|yesterday|\w+day)'s\s", re.I)
_AFTER_DONE_RE = re.compile(r"\bafter\s+(?:(?:wrapping|finishing|completing)\s+)?$", re.I)


class PhaseRules(ScopeReader):
    """Production phases of one item (a later phase wins; `released` from gone-by dates)."""

    __slots__ = ()

    def _phases(self) -> list[Candidate]:
        out: list[Candidate] = []
        doc = self.doc
        for m in doc.phases:
            group = m.lastgroup or ""
            phase = _PHASE_GROUPS[group]
            opened = self._open(
                "phase", m.start(), m.end(), background_ok=self._fact_in_background(m, group)
            )
            if opened is None:
                continue
            if group in ("now", "past") and not doc.is_release(m):
                continue  # "the teaser dropped on Monday"
            sentence, clause, scope = opened
            if (
                group in ("now", "past", "airing")
                and self.watch.part is not None
                and self.watch.part >= 2
                and p.FIRST_BATCH_RE.search(doc.text, clause.start, m.start())
            ):
                self._note("phase", sentence, f"'{m.group()}' is the first part's, not part 2's")
                continue
            if group == "past" and p.FUTURE_PASSIVE_RE.search(
                doc.text, max(clause.start, m.start() - 20), m.start()
            ):
                self._note("phase", sentence, f"future: '{m.group()}'")
                continue  # "will be released on 6 March" is a date, not a release
            negation = self._negated(clause, m.start())
            if negation is not None and group != "now":
                self._note("phase", sentence, f"negated: '{negation.group()} {m.group()}'")
                continue
            if group not in ("now", "past", "airing") and (
                _HALTED_FROM_RE.match(doc.text, m.start(), clause.end)
                or _HALTED_BEFORE_RE.search(doc.text, max(clause.start, m.start() - 30), m.start())
            ):
                # "Production on the series was halted by the writers strike": stopped, so
                # not under way (whether it resumes is the next item's news).
                self._note("phase", sentence, f"halted: '{m.group()}'")
                continue
            if group not in ("now", "past", "airing") and p.UNDONE_AFTER_RE.match(
                doc.text, m.end(), sentence.end
            ):
                # "had been in development but was scrapped": no phase any more
                self._note("phase", sentence, f"undone: '{m.group()}' then scrapped")
                continue
            if group not in ("now", "past", "airing"):
                before = self._window_before(clause, m.start(), words=4)
                after = doc.text[m.end() : min(clause.end, m.end() + 50)]
                if p.PHASE_FUTURE_BEFORE_RE.search(before) or p.PHASE_FUTURE_AFTER_RE.match(after):
                    self._note("phase", sentence, f"future: '{m.group()}'")
                    out += self._planned(m, sentence, clause, scope)
                    continue
                if _PRESENT_START_RE.search(m.group()) and self._future_in(clause):
                    self._note("phase", sentence, f"future: '{m.group()}'")
                    continue
                if self._old_dates(sentence):
                    self._note("phase", sentence, f"history: '{m.group()}'")
                    continue
                if (
                    group == "filming"
                    and _PAST_START_RE.search(m.group())
                    and self._old_start(clause)
                ):
                    # "Season 2 production started in early April" (in September): a shoot
                    # that began months ago may be over, so it states no current phase.
                    self._note("phase", sentence, f"history: '{m.group()}' months ago")
                    continue
            inside = (
                [
                    s
                    for s in self._mentions_in(sentence, scope)
                    if m.start() <= s.start < m.end() and s.kind in ("number", "final")
                ]
                # (most cues span no season: the scan of the sentence's mentions costs)
                if any(m.start() <= s.start < m.end() for s in doc.seasons)
                else []
            )
            mention: SeasonMention | None
            if inside:
                # "Season Review: X Season Two": a cue that spans its season is about it.
                mention, source = inside[0], "clause"
                seasons = self._seasons_of(inside[0])
            else:
                seasons, mention, source = self._bind(
                    m.start(), sentence, clause, scope, past=group == "past"
                )
            if group == "airing" and mention is not None and mention.kind == "next":
                # "Season four is in progress, with new episodes airing Wednesdays": the
                # episodes are the named season's, not a next one.
                numbered = [
                    s for s in self._mentions_in(sentence, scope) if s.kind in ("number", "final")
                ]
                if numbered:
                    mention = min(numbered, key=lambda s: season_distance(s, m.start()))
                    seasons = self._seasons_of(mention)
                    source = "sentence"
            if self.watch.season not in seasons:
                if source in ("clause", "sentence"):
                    self.elsewhere.add("phase")
                self._note(
                    "phase", sentence, f"'{m.group()}' is about season {seasons_text(seasons)}"
                )
                continue
            if group == "airing" and self._finale_far(m, sentence):
                self._note("phase", sentence, f"'{m.group()}' is weeks away: not on air yet")
                continue
            if (
                group in ("now", "airing", "past")
                and mention is not None
                and mention.kind == "next"
            ):
                # "the series is back for another season, and the first episode is streaming"
                # in an item about season 2: the season on air is the highest one it names.
                named = self._highest_named()
                if named is not None and named != self.watch.season:
                    self._note("phase", sentence, f"'{m.group()}' is about season {named}")
                    continue
            # A first season is the show itself when the item names no season at all
            # ("'X' has launched to a solid audience on HBO").
            show_is_season = (
                self.watch.season == 1
                and source == "default"
                # (an item naming only season 1, "X season 1 episodes 4-6", is the same)
                and all(s.numbers == (1,) for s in doc.seasons)
                and self._recent_or_undated(sentence)
            )
            if group == "past" and (
                (source not in ("clause", "sentence") and not show_is_season)
                or self._future_dates(sentence)
            ):
                self._note("phase", sentence, f"'{m.group()}' does not say which season is out")
                continue
            if group in ("now", "airing") and source == "default" and self.watch.season != 1:
                # "X is now streaming" with no season named is about what is already out.
                continue
            if group in ("now", "airing") and _CATCH_UP_RE.search(
                doc.text, sentence.start, m.start()
            ):
                # "To catch up before the new season arrives, X is streaming": the old ones.
                self._note("phase", sentence, f"'{m.group()}': what to catch up on, not the season")
                continue
            if group in ("now", "airing") and source in ("headline", "item") and self._asked():
                # "Will X be renewed for Season 2? ... X, now streaming": the season the
                # headline asks about is not the one on air.
                self._note("phase", sentence, f"'{m.group()}': the headline asks about the season")
                continue
            candidate = Candidate("phase", phase, sentence, m.start(), scope.in_prefix(m.start()))
            candidate.airing = group == "airing"
            candidate.explicit_season = source in ("clause", "sentence")
            out.append(candidate)
        return out

    def _fact_in_background(self, m: re.Match[str], group: str) -> bool:
        """Whether a phase cue states a fact even in a subordinate clause: on air now, "After
        wrapping filming last month, ..." (the shoot is over), "so after watching last night's
        opener to series three" (an aired premiere)."""
        if group in ("now", "airing"):
            return True
        if group == "post":
            text = self.doc.text
            return _AFTER_DONE_RE.search(text, max(0, m.start() - 30), m.start()) is not None
        return group == "past" and _AIRED_DAYS_RE.match(m.group()) is not None

    def _planned(
        self, m: re.Match[str], sentence: Sentence, clause: Clause, scope: Scope
    ) -> list[Candidate]:
        """ "will now move on to start production on season four": a season whose
        production is planned, named by its number in the same clause, is ordered."""
        seasons, mention, source = self._bind(m.start(), sentence, clause, scope)
        if (
            source != "clause"
            or mention is None
            or mention.kind != "number"
            or seasons != {self.watch.season}
        ):
            return []
        candidate = Candidate("renewal", "renewed", sentence, m.start(), scope.in_prefix(m.start()))
        candidate.explicit_season = True
        return [candidate]

    def _watch_named(self) -> bool:
        """The item names the watched season by its number somewhere, but not in a sentence
        only about another show ("a third season of Other Show" does not name ours)."""
        return any(
            s.kind == "number"
            and self.watch.season in s.numbers
            and self.scopes.get(self._sentence_start(s.start)) is not None
            for s in self.doc.seasons
        )

    def _asked(self) -> bool:
        """The headline is a question ("Will X be renewed?", "When will X return?")."""
        return any(
            s.headline
            and s.question
            and p.FATE_QUESTION_RE.search(self.doc.text, s.start, s.end) is not None
            for s in self.doc.sentences
        )

    def _finale_far(self, m: re.Match[str], sentence: Sentence) -> bool:
        """ "The season 2 finale airs on November 20" in October: the run may not have begun.

        A finale at most three weeks off (or past) means the season is on air now.
        """
        published = self.doc.published
        if published is None or "finale" not in m.group().lower():
            return False
        return any(
            dm.forward is not None and (dm.forward.lo - published).days > _ON_AIR_DAYS
            for dm in self._dates_in(m.start(), sentence.end)
        )

    def _highest_named(self) -> int | None:
        numbers = [
            n
            for sentence in self.doc.sentences
            if not sentence.question
            for s in self._mentions_in(sentence, self.scopes[sentence.start])
            if s.kind == "number"
            and not s.elliptical
            # "no word on whether it will get a Season 3": a hoped-for season is not named.
            and self._hedge(sentence.clause_at(s.start).start, sentence.clause_at(s.start).end)
            is None
            for n in s.numbers
        ]
        return max(numbers) if numbers else None

    def _future_in(self, clause: Clause) -> bool:
        """ "Begins filming next month": a present-tense start with a future time."""
        if _SOON_RE.search(self.doc.text, clause.start, clause.end):
            return True
        published = self.doc.published
        return published is not None and any(
            dm.forward is not None and dm.forward.lo > published
            for dm in self._dates_in(clause.start, clause.end)
        )

    def _dates_in(self, start: int, end: int) -> Iterator[DateMention]:
        """The item's dates that start between `start` and `end`."""
        return (dm for dm in self.doc.dates if start <= dm.start < end)

    def _old_start(self, clause: Clause) -> bool:
        published = self.doc.published
        if published is None:
            return False
        return any(
            dm.backward is not None and (published - dm.backward.hi).days > _OLD_START_DAYS
            for dm in self._dates_in(clause.start, clause.end)
        )

    def _old_dates(self, sentence: Sentence) -> bool:
        published = self.doc.published
        if published is None:
            return False
        # A year-less "April" may be next April: only a date that is old either way counts.
        return any(
            dm.backward is not None
            and (published - dm.backward.hi).days > p.OLD_DATE_DAYS
            and (dm.forward is None or dm.forward.hi < published)
            for dm in self._dates_in(sentence.start, sentence.end)
        )

    def _recent_or_undated(self, sentence: Sentence) -> bool:
        """No date in the sentence, or only dates of the last two months ("in 1993" is not).

        An undated item cannot tell how long ago; a full date with its year ("debuted on
        Wednesday, January 3, 2007 on ABC") is a broadcast's, unlike a year alone ("debuted in
        1970 in the first picture book"), so it counts as recent enough."""
        published = self.doc.published
        if published is None:
            found = list(self._dates_in(sentence.start, sentence.end))
            if found and all(
                dm.forward is not None and dm.forward.precision == "day" for dm in found
            ):
                return True
        if any(
            published is None or int(y) < published.year - 1
            for y in _ANY_YEAR_RE.findall(self.doc.text, sentence.start, sentence.end)
        ):
            return False  # "debuted in 1970 in the first picture book": the source, long ago
        return all(
            published is not None
            and dm.backward is not None
            and (published - dm.backward.hi).days <= 60
            for dm in self._dates_in(sentence.start, sentence.end)
        )

    def _future_dates(self, sentence: Sentence) -> bool:
        published = self.doc.published
        if published is None:
            return False
        return any(
            dm.forward is not None and dm.backward == dm.forward and dm.forward.lo > published
            for dm in self._dates_in(sentence.start, sentence.end)
        )
