"""Renewal, date and phase claims of one item about each watched season it mentions.

Per sentence: find the claim's trigger ("renewed", "premieres", "began filming"), drop it
when hedged, negated, a question, background ("after filming began") or about another
show, attribute it to a season (the nearest season mention in its clause, then sentence,
then the headline's season, then the watched season), then keep at most one value per
field. Pure: the published date is the reference "now".

Where each step lives: `document.py` prepares the item once (sentences, titles masked, the
patterns every field reads); `scope.py` says what a cue is about (its season, show and
clause; hedge, negation, question and background); `renewal_rules.py`, `date_rules.py` and
`phase_rules.py` hold each field's cues and gates; this module runs them per watch and
keeps one value per field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from monitor.extract.date_rules import DateRules
from monitor.extract.document import Document
from monitor.extract.language import READ, detect
from monitor.extract.phase_rules import PhaseRules
from monitor.extract.renewal_rules import RenewalRules, season_number
from monitor.extract.scope import (
    Candidate,
)
from monitor.match.seasons import (
    mention_seasons,
)
from monitor.match.titles import TitleMatcher, TitleMention, show_key
from monitor.models import Claim, Item, Note, Watch, WatchClaims
from monitor.text.normalize import normalize

PHASE_ORDER = ("development", "pre-production", "filming", "post-production", "released")


_IMPLIES_RENEWAL = frozenset(("pre-production", "filming", "post-production"))


# A status the item puts before its news: "despite the show previously getting the green
# light on a season 14", "had originally been renewed", "not to proceed with the
# already-greenlit season".
# (a pluperfect too: "even though the network had already handed it a series order")
_PRIOR_STATUS_RE = re.compile(
    r"\b(?:previously|originally|initially|already-$|"
    r"had\s+(?:already\s+)?(?:been|[a-z]+ed|given|gotten|got|won)\b)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the extractor concluded about one watch in one item."""

    watch: Watch
    mentioned: bool
    claims: tuple[Claim, ...]
    notes: tuple[Note, ...] = ()


def extract_item(item: Item, matcher: TitleMatcher) -> tuple[WatchClaims, ...]:
    """One WatchClaims per watched season the item speaks about (claims may be empty)."""
    published = _as_date(item.published)
    raw = f"{item.title}\n{item.text}" if item.title else item.text
    norm = normalize(raw)
    mentions = matcher.mentions(norm)
    if not mentions:
        return ()
    language = detect(raw)
    if language != "en":
        return _extract_other(item, matcher, mentions, published, language)
    doc = Document(item.title, item.text, published, mentions, norm)
    out: list[WatchClaims] = []
    for key in dict.fromkeys(m.show for m in mentions):
        watches = matcher.watches_for(key)
        final = _final_season(watches)
        for watch in watches:
            # With notes: `why` shows what an item that names the watch set aside, and why.
            analysis = _Evaluator(doc, watch, key, final).run()
            if analysis.claims or _season_mentioned(doc, watch, final):
                out.append(WatchClaims(watch, analysis.claims, analysis.notes))
    return tuple(out)


def _extract_other(
    item: Item,
    matcher: TitleMatcher,
    mentions: list[TitleMention],
    published: date | None,
    language: str,
) -> tuple[WatchClaims, ...]:
    """An item not in English: read through its language's lexicon, or not at all."""
    from monitor.extract.lexical import analyse_lexical  # the lexical reader builds on this one

    out: list[WatchClaims] = []
    for key in dict.fromkeys(m.show for m in mentions):
        for watch in matcher.watches_for(key):
            if language in READ:
                analysis = analyse_lexical(
                    item.title, item.text, watch, published, language, mentions, key
                )
                out.append(WatchClaims(watch, analysis.claims, analysis.notes))
            else:
                out.append(WatchClaims(watch, (), (_unread(language),)))
    return tuple(out)


def extract_for_watch(
    title: str,
    text: str,
    watch: Watch,
    published: date | None,
    *,
    siblings: Sequence[Watch] = (),
) -> tuple[Claim, ...]:
    """At most one claim per field about `watch`, each with its evidence sentence.

    `siblings` are other watched seasons of the same show: an unnumbered "final season"
    is the highest of them unless one is marked final.
    """
    return analyse(title, text, watch, published, siblings=siblings).claims


def analyse(
    title: str,
    text: str,
    watch: Watch,
    published: date | None,
    *,
    siblings: Sequence[Watch] = (),
    matcher: TitleMatcher | None = None,
) -> Analysis:
    """Claims about `watch` plus notes on every trigger that was set aside, and why."""
    matcher = matcher or TitleMatcher([watch])
    key = show_key(watch.show)
    raw = f"{title}\n{text}" if title else text
    norm = normalize(raw)
    mentions = matcher.mentions(norm)
    if not any(m.show == key for m in mentions):
        return Analysis(watch, False, (), (Note("renewal", f"no mention of {watch.show}"),))
    language = detect(raw)
    if language != "en":
        if language not in READ:
            return Analysis(watch, True, (), (_unread(language),))
        from monitor.extract.lexical import analyse_lexical

        return analyse_lexical(title, text, watch, published, language, mentions, key)
    doc = Document(title, text, published, mentions, norm)
    final = _final_season((watch, *siblings))
    return _Evaluator(doc, watch, key, final).run()


def _unread(language: str) -> Note:
    return Note("renewal", f"written in a language that is not read ({language})")


def _as_date(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def _final_season(watches: Iterable[Watch]) -> int | None:
    """Which watched season an unnumbered "final season" means."""
    seasons = list(watches)
    if not seasons:
        return None
    marked = [w.season for w in seasons if w.final]
    if marked:
        return max(marked)
    return max(w.season for w in seasons)


def _season_mentioned(doc: Document, watch: Watch, final: int | None) -> bool:
    numbered = [s for s in doc.seasons if s.kind in ("number", "final", "next")]
    if not numbered:
        return True
    return any(watch.season in mention_seasons(s, watch, final) for s in numbered)


class _Evaluator(RenewalRules, DateRules, PhaseRules):
    """Every field's rules over one item for one watch, and the pick of one value per field."""

    __slots__ = ()

    def run(self) -> Analysis:
        doc = self.doc
        self.parts_are_seasons = (
            self.watch.part is None
            and any(s.kind == "part" for s in doc.seasons)
            and not any(s.kind in ("number", "final") for s in doc.seasons)
        )
        # Scopes depend on the show, not the season: a show's other watches share them.
        scopes = doc.scopes.get(self.key)
        if scopes is None:
            scopes = doc.scopes[self.key] = self.scopes  # `_continued` reads it as it fills
            others = self._other_entries()
            for sentence in doc.sentences:
                if others and any(lo <= sentence.start < hi for lo, hi in others):
                    scopes[sentence.start] = None
                    continue
                scopes[sentence.start] = self._scope(sentence)
        self.scopes = scopes
        # "the fourth and final season", "will end with season 4": every unnumbered "final
        # season" in the item is season 4.
        stated = [(s.start, max(s.numbers)) for s in doc.seasons if s.final and s.numbers]
        for m in doc.cancel:
            last = season_number(m.group()) if m.lastgroup == "end" else None
            if last is not None and not self._names_other_inside(m.start(), m.end()):
                stated.append((m.start(), last))
        if stated:
            self.final = self.stated_final = min(stated)[1]
        self.headline_seasons = self._headline_seasons()
        self.item_season = self._item_season()
        candidates: list[Candidate] = []
        candidates += self._renewals()
        candidates += self._cancellations()
        candidates += self._dates()
        candidates += self._listings()
        candidates += self._unannounced()
        candidates += self._undecided()
        candidates += self._phases()
        claims = self._resolve(_drop_prefix_duplicates(candidates))
        return Analysis(self.watch, True, claims, tuple(self.notes))

    def _resolve(self, candidates: list[Candidate]) -> tuple[Claim, ...]:
        if self.elsewhere and not self._watch_named():
            # "returns with eight more episodes in March ... the final half of the fifth
            # season arrives March 15", watched season 6: the unnumbered claim is season 5's.
            # (An unnumbered cancellation when every season the item names is below ours:
            # "ordered a second season last year ... has canceled Impastor" ends it before 3.)
            highest = max((n for s in self.doc.seasons for n in s.numbers), default=None)
            kept = [
                c
                for c in candidates
                if c.explicit_season
                or c.field not in self.elsewhere
                or (c.value == "cancelled" and highest is not None and highest < self.watch.season)
            ]
            for c in candidates:
                if c not in kept:
                    self._note(c.field, c.sentence, "another season's news: no season named")
            candidates = kept
        undecided = [c.pos for c in candidates if c.value == "undecided"]
        if undecided:
            candidates = self._undecided_kept(candidates, max(undecided))
        renewals = [c for c in candidates if c.field == "renewal" and c.value != "undecided"]
        renewal = self._pick_renewal(renewals)
        dated = self._pick_date([c for c in candidates if c.field == "date"])
        phases = [c for c in candidates if c.field == "phase"]
        if dated is not None and dated.date_value is not None and not dated.history:
            # "premieres June 5 ... the finale airs August 7": not on air before its premiere.
            phases = [c for c in phases if not c.airing]
            published = self.doc.published
            if published is not None and dated.date_value.lo > published:
                # "'X' Season 2 Episode 1 review ... which premieres Friday, October 7th": a
                # screener reviewed before the premiere; the season is not out yet.
                phases = [c for c in phases if c.value != "released"]
        phase = max(phases, key=lambda c: (PHASE_ORDER.index(c.value), -c.pos)) if phases else None
        dated_real = dated is not None and dated.date_value is not None
        if renewal is None:
            # A season with a release date or in production has been ordered.
            implied = dated if dated_real else None
            if implied is None and phase is not None and phase.value in _IMPLIES_RENEWAL:
                implied = phase
            if implied is not None:
                renewal = Candidate("renewal", "renewed", implied.sentence, implied.pos)
        elif (
            renewal.value == "cancelled"
            and renewal.explicit_season
            and (dated_real or phase is not None)
            and not any(c is not None and c.explicit_season for c in (dated, phase))
        ):
            # "Cancelled at NBC — No Season 5 ... the series finale airs July 22": the
            # cancellation names the season; the unnumbered date and phase are the last one's.
            for dropped in (dated, phase):
                if dropped is not None:
                    self._note(
                        dropped.field, dropped.sentence, "the named season is cancelled: another's"
                    )
            dated = phase = None
        elif renewal.value == "cancelled" and self.denied_cancel:
            self._note("renewal", renewal.sentence, "the headline says it is not cancelled")
            renewal = None
        elif (
            renewal.value == "cancelled"
            and not dated_real
            and phase is not None
            and phase.value == "released"
            and renewal.explicit_season
        ):
            # "Cancels X After 1 Season ... which premiered in July 2020": what is out is the
            # last season made; the season named as cancelled is not.
            self._note("phase", phase.sentence, "the season is cancelled: the release is another's")
            phase = None
        elif (
            renewal.value == "cancelled"
            and (dated_real or phase is not None)
            and all(
                c is None or _PRIOR_STATUS_RE.search(self.doc.text, c.sentence.start, c.pos)
                for c in (dated if dated_real else None, phase)
            )
        ):
            # "had been renewed for a third season to air in 2020" before the news that it
            # will not go ahead: the plan the cancellation ended.
            for dropped in (dated if dated_real else None, phase):
                if dropped is not None:
                    self._note(dropped.field, dropped.sentence, "a plan the cancellation ended")
            if dated_real:
                dated = None
            phase = None
        elif renewal.value == "cancelled" and (dated_real or phase is not None):
            self._note("renewal", renewal.sentence, "cancelled, yet the item dates the season")
            renewal = None  # contradictory: trust neither side of the renewal field
        return tuple(self._claim(c) for c in (renewal, dated, phase) if c is not None)

    def _pick_renewal(self, candidates: list[Candidate]) -> Candidate | None:
        if not candidates:
            return None
        if len({c.value for c in candidates}) == 1:
            return candidates[0]
        headline = [c for c in candidates if c.sentence.headline]
        if headline and len({c.value for c in headline}) == 1:
            return headline[0]
        # "despite the show previously getting the green light on a season 14": a renewal
        # the item puts before the news is the status the cancellation ended.
        current = [
            c
            for c in candidates
            if not (
                c.value == "renewed"
                and _PRIOR_STATUS_RE.search(self.doc.text, c.sentence.start, c.pos) is not None
            )
        ]
        if any(c.value == "cancelled" for c in current):
            candidates = current
        if any(c.value == "renewed" and c.named and c.explicit_season for c in candidates):
            # A renewal that names the show and the season is not undone by a cancellation
            # that names neither ("Renewed: X (season 2). Cancelled: two others.").
            candidates = [
                c for c in candidates if c.value == "renewed" or c.named or c.explicit_season
            ]
        return max(candidates, key=lambda c: c.pos)

    def _pick_date(self, candidates: list[Candidate]) -> Candidate | None:
        real = [c for c in candidates if c.date_value is not None]
        kept: list[Candidate] = []
        for c in real:
            if c.history:
                self._note("date", c.sentence, f"history: {c.value} is before the published date")
                continue
            kept.append(c)
        unannounced = [c for c in candidates if c.value == "unannounced"]
        current = [c for c in kept if not c.superseded]
        if not current and unannounced:
            # "delayed X, which was set for 6 March ... no new date": the old date is gone.
            return unannounced[0]
        current = current or kept
        moved = [c for c in current if c.moved_to]
        if moved:
            # "The premiere was pushed to March. X premieres on Thursday, March 5": a finer
            # date inside the new one states it; any other date is the one moved from.
            current = moved + [c for c in current if not c.moved_to and _refines(c, moved)]
        if current:
            return max(current, key=lambda c: (_rank(c), -c.pos))
        return unannounced[0] if unannounced else None


def _refines(candidate: Candidate, others: list[Candidate]) -> bool:
    """Whether a candidate's date is a finer one inside one of `others`' dates."""
    value = candidate.date_value
    return value is not None and any(
        o.date_value is not None
        and o.date_value.lo <= value.lo
        and value.hi <= o.date_value.hi
        and value.rank > o.date_value.rank
        for o in others
    )


def _rank(candidate: Candidate) -> int:
    return candidate.date_value.rank if candidate.date_value is not None else 0


def _drop_prefix_duplicates(candidates: list[Candidate]) -> list[Candidate]:
    """A shared list predicate applies only where the show's own segment says nothing."""
    own = {(c.sentence.start, c.field) for c in candidates if not c.from_prefix}
    return [c for c in candidates if not c.from_prefix or (c.sentence.start, c.field) not in own]
