"""Release-date claims: dated cues, listings, schedules and "no date yet"."""

from __future__ import annotations

import re

from monitor.extract import patterns as p
from monitor.extract.dates import DateMention
from monitor.extract.document import Scope
from monitor.extract.scope import (
    CLOCK,
    Candidate,
    ScopeReader,
    dash_asides,
    first_in,
    seasons_text,
)
from monitor.extract.sentences import Clause, Sentence

_MOVED_TO_RE = re.compile(r"\b(?:to|until|till)\s+(?:the\s+)?$", re.I)
_RETURN_RE = re.compile(r"\breturn|\bback\b|\bcom(?:ing|es?)\s+back\b", re.I)
# "(October 9)", "(Apple TV+, October 9)", "(Part 1, February 27)": the bracket's date,
# after at most a short label (a network or a part) and a comma.
_SCHEDULE_RE = re.compile(r"(?P<paren>\()\s*(?:[\w+.&'-]+(?:\s+[\w+.&'-]+){0,2}\s*,\s*)?$")

_LEAD_RE = re.compile(r"[\s*•·-]*")
_ENTRY_RE = re.compile(r"\s*(?::|-)\s+")

# "will not be returning ... until October 16": the day it returns after all.
_UNTIL_BEFORE_RE = re.compile(r"\b(?:until|till|before)\s+(?:on\s+|at\s+least\s+)?$", re.I)

_RELEASE_NOUN_AFTER_RE = re.compile(
    r"\s*(?:(?:season|series)\s+\w+\s+)?(?P<noun>premiere|release|return|launch|debut|bow|"
    r"arrival)\b(?!\s+(?:of|for)\s+(?:the|a|its)\b)"
    # "its 2024 release schedule": a network's list of releases, not this one.
    r"(?!\s+(?:schedules?|slates?|calendars?|line-?ups?)\b)",
    re.I,
)
# "aired back in 2019", "Back in 2013, ...": a date told as long past (not "be back in June",
# "comes back on Jan. 8": a return)
_BACK_IN_RE = re.compile(
    r"(?:\b(?:aired|premiered|debuted|ended|launched|released|started|began|wrapped|filmed|"
    r"announced|renewed|cancell?ed|axed|was|were)\s+|^\s*|[,.;:]\s*)"
    r"(?:way\s+|all\s+the\s+way\s+)?back\s+(?:in|on)\s+(?:the\s+)?$",
    re.I,
)

_FROM_BEFORE_RE = re.compile(
    r"\bfrom\s+(?:(?:the|its|their)\s+)?(?:(?:original(?:ly)?|planned|expected|intended|"
    r"targeted|scheduled|initial)\s+)?$",
    re.I,
)
# "Season 2 premiere date: An August 2024 update": the date of the report, not the release.
_REPORT_AFTER_RE = re.compile(
    r"\s*(?:update|progress\s+report|status\s+report|edition|round-?up|check-?in)\b", re.I
)

# "The July 11 premiere drew 4.4 million viewers": a premiere with a result is behind us.
_RESULT_AFTER_RE = re.compile(
    r"(?:\s+of\s+[^.;,]{1,40}?)?\s+(?:" + p.EN.source_of("past", "result") + ")", re.I
)
_SINCE_RE = re.compile(r"\bsince\b", re.I)
# "X was one of the early TV releases of 2022": a year's releases looked back on.
_WAS_AMONG_RE = re.compile(
    r"\b(?:was|were)\s+(?:one\s+of|among)\s+(?:the\s+|its\s+)?(?:[\w'-]+\s+){0,3}$", re.I
)

# "after its New Year's Day release", "following the March 3 debut": the release is behind.
_AFTER_ITS_RE = re.compile(
    r"\b(?:after|following)\s+(?:(?:its|the|their|a)\s+)?(?:[\w'-]+\s+){0,2}$", re.I
)

_EPISODE_ONE_AFTER_RE = re.compile(
    r"\s*(?:--?|\u2013|\u2014|:)\s*(?:the\s+)?(?:series\s+|season\s+)?"
    r"(?:premiere\b|episodes?\s+(?:1|one)\b(?!\s*[.,]\d))",
    re.I,
)
# A press dateline: "CULVER CITY, CA - December 15, 2025 - ...", "May 28 (UPI) -- ...".
_DATELINE_AFTER_RE = re.compile(r"\s*(?:\([A-Z][\w .]{0,20}\)\s*)?(?:--?|\u2014|\u2013)\s")
_DATELINE_BEFORE_RE = re.compile(r"[^a-z.;!?]{0,40}")

_CONFIRM_VERB_RE = re.compile(r"confirm|announc|set\b|sets\b|date|slate|schedul", re.I)
_UNTIL_RE = re.compile(r"\b(?:until|till)\b", re.I)
_UNTIL_START_RE = re.compile(r"\s*(?:until|till)\b", re.I)
_FOR_BEFORE_RE = re.compile(r"\bfor\s+(?:the\s+)?(?=\S*$)", re.I)

# TV listings: "9.00pm X (BBC One)" starts an entry; "New series", "begins its second
# series" say the listed day is the season's start.
_LISTING_TIME_RE = re.compile(rf"\s*(?:{CLOCK})", re.I)
_LISTING_START_RE = re.compile(
    r"\b(?:new\s+(?:series|season)|(?:begins|starts|launches|opens)\s+(?:its|the|a)\s+"
    r"[\w-]+\s+(?:series|season)|returns\s+for\s+(?:its|a|the)\s+[\w-]+\s+(?:series|season)|"
    r"(?:series|season)\s+premiere)\b",
    re.I,
)
_ENTRY_DATE_RE = re.compile(r"\s*(?:on|from|,)\s*", re.I)
# A list of releases: "Everything new on Netflix", "coming in March", "Highlights include".
_RELEASE_LIST_RE = re.compile(
    r"\bnew\s+(?:on|to|this|in|releases?)\b|\bcoming\s+(?:to|soon|up|this|next|in)\b|"
    r"\barriving\b|\bpremieres?\b|\bpremiering\b|\brelease\s+(?:schedule|calendar|dates)\b|"
    r"\bwhat'?s\s+on\b|\bwhat\s+to\s+watch\b|\bline-?up\b|\bslate\b|\bschedule\b|"
    r"\bcalendar\b|\bhighlights\b|\breturns?\b|\breturning\b",
    re.I,
)

# "Disney decided to release ... on Aug. 18", a day this far ahead: the day gone by.
_DECIDED_TO_RE = re.compile(r"\b(?:decided|chose|opted|elected)\s+to\s+$", re.I)
_DECIDED_AHEAD_DAYS = 150

# "unclear when | we can expect Season Two": the words of a "when" question before the season
# it asks about.
_WHEN_OBJECT_RE = re.compile(
    r"\s*(?:we|you|fans|viewers)\s+(?:can|could|will|might)\s+(?:expect|see|get)\s+", re.I
)

# ("will first premiere via Paramount+" is the coming first airing, and "originally set
# for July 2" an old plan: neither is history)
_FIRST_BEFORE_RE = re.compile(r"(?<!\bwill\s)(?<!\bto\s)\bfirst\s+$", re.I)

_WITH_THE_REST_RE = re.compile(
    r"\s*,?\s*with\s+the\s+(?:rest|remainder|remaining\s+episodes|back\s+half)\b", re.I
)


class DateRules(ScopeReader):
    """Release dates of one item: the cue, its date and the season both belong to."""

    __slots__ = ()

    def _dates(self) -> list[Candidate]:
        out: list[Candidate] = []
        doc = self.doc
        for dm in doc.dates:
            if dm.stamp:
                continue
            sentence = self._sentence_at(dm.start)
            if sentence is None:
                continue
            scope = self.scopes.get(sentence.start)
            if scope is None or not scope.in_segment(dm.start):
                continue
            first = _EPISODE_ONE_AFTER_RE.match(doc.text, dm.end, sentence.end)
            if first is not None and dm.forward is not None:
                # "• March 18, 2026 - Episodes 1-3": a schedule's first line is the premiere.
                candidate = self._date_candidate(dm, first, sentence)
                if candidate is not None:
                    out.append(candidate)
                continue
            if _REPORT_AFTER_RE.match(doc.text, dm.end) or (
                "-" in doc.text[dm.end : dm.end + 16]
                and _DATELINE_AFTER_RE.match(doc.text, dm.end)
                and _DATELINE_BEFORE_RE.fullmatch(doc.text, sentence.start, dm.start)
            ):
                self._note("date", sentence, f"'{dm.text}' dates the report, not the release")
                continue
            trigger = self._date_trigger(dm, sentence, scope)
            if trigger is None:
                continue
            candidate = self._date_candidate(dm, trigger, sentence)
            if candidate is not None:
                out.append(candidate)
        return out

    def _listings(self) -> list[Candidate]:
        """A listing's day line ("Sunday 27 September.") dates an entry that starts a season."""
        doc = self.doc
        out: list[Candidate] = []
        sentences = doc.sentences
        for index, sentence in enumerate(sentences):
            dm = self._date_line(sentence)
            if dm is None or dm.forward is None or dm.forward.precision != "day":
                continue
            entry: list[Sentence] = []
            for later in sentences[index + 1 :]:
                if self._date_line(later) is not None:
                    break
                starts_entry = _LISTING_TIME_RE.match(doc.text, later.start, later.end)
                if entry and (starts_entry or self._names_other(later)):
                    break
                if entry or (starts_entry and self._names_show(later)):
                    entry.append(later)
            if not entry:
                continue
            lo, hi = entry[0].start, entry[-1].end
            start = _LISTING_START_RE.search(doc.text, lo, hi)
            if start is None or first_in(doc.hedges, lo, hi) is not None:
                continue
            seasons: set[int] = set()
            for s in doc.seasons:
                if lo <= s.start < hi and (s.kind == "number" or s.final):
                    seasons |= self._seasons_of(s)
            if seasons != {self.watch.season}:
                continue
            evidence = self._sentence_at(start.start()) or entry[0]
            out.append(
                Candidate(
                    "date",
                    dm.forward.value,
                    evidence,
                    dm.start,
                    date_value=dm.forward,
                    history=doc.published is not None and dm.forward.hi < doc.published,
                    explicit_season=True,
                )
            )
        return out

    def _date_line(self, sentence: Sentence) -> DateMention | None:
        """The date of a sentence that is nothing but a date ("Sunday 27 September.")."""
        doc = self.doc
        if sentence.headline:
            return None
        for dm in doc.dates:
            if sentence.start <= dm.start < sentence.end:
                lead = doc.text[sentence.start : dm.start].strip(" *•·-\n")
                tail = doc.text[dm.end : sentence.end].strip(" .:\n")
                return dm if not lead and not tail else None
        return None

    def _names_other(self, sentence: Sentence) -> bool:
        return any(
            m.show != self.key and sentence.start <= m.start < sentence.end
            for m in self.doc.mentions
        )

    def _date_trigger(
        self, dm: DateMention, sentence: Sentence, scope: Scope
    ) -> re.Match[str] | None:
        """The release verb a date belongs to, if any.

        A date belongs to the closest verb before it in its clause ("renewed the show in
        March" is not a release date); with no verb before it, to the nearest release verb.
        """
        clause = sentence.clause_at(dm.start)
        doc = self.doc
        noun = _RELEASE_NOUN_AFTER_RE.match(doc.text, dm.end, min(sentence.end, dm.end + 30))
        if noun is not None and not dm.weekday_only:  # "a Monday premiere" is no date
            # "confirming a January 2027 premiere": the date says when the premiere is.
            for t in doc.date_triggers:
                if t.start() == noun.start("noun") and scope.allows(t.start()):
                    return t
        if doc.announced_at(dm.end):
            # "Prime Video today announced ...": the date is the announcement's.
            self._note("date", sentence, f"'{dm.text}' is the date of something else")
            return None
        verbs = [
            v
            for v in doc.verbs
            if clause.start <= v[0] < dm.start and not (dm.start <= v[0] < dm.end)
        ]
        holes = dash_asides(doc.text, sentence.start, dm.start)
        if (
            holes
            and holes[-1][0] < clause.start
            and not any(holes[-1][1] <= v[0] < dm.start for v in doc.verbs)
        ):
            # "will go out on Sky Atlantic - home to Big Love, in which she starred - on
            # Tuesday": the date goes with the clause the dash aside interrupts.
            outer = sentence.clause_at(max(sentence.start, holes[-1][0] - 1))
            verbs = [v for v in doc.verbs if outer.start <= v[0] < holes[-1][0]]
        if verbs:
            closest = max(verbs, key=lambda v: v[0])
            trigger = closest[1]
            if trigger is None:
                dated = self._dated_for(closest[0], dm)
                if dated is not None and scope.allows(dated.start()):
                    return dated
            if trigger is None or not scope.allows(trigger.start()):
                self._note("date", sentence, f"'{dm.text}' is the date of something else")
                return None
            if p.MOVE_RE.fullmatch(trigger.group()) and p.MOVE_EVENT_BETWEEN_RE.fullmatch(
                doc.text, trigger.end(), dm.start
            ):
                self._note("date", sentence, f"'{dm.text}' is when it was moved, not the new date")
                return None
            return trigger
        if dm.weekday_only:
            return None  # a bare "Friday" needs its verb right before it
        listed = (
            self._schedule_entry(dm)
            or self._list_entry(dm, sentence)
            or self._release_list_entry(dm, sentence)
        )
        if listed is not None:
            return listed
        pool = [
            t
            for t in doc.date_triggers
            if sentence.start <= t.start() < sentence.end
            and scope.allows(t.start())
            and not (dm.start <= t.start() < dm.end)
            # "will tape later this year while a premiere date will be announced": the
            # premiere of a no-date statement dates nothing
            and not any(u.start() <= t.start() < u.end() for u in doc.unannounced)
        ]
        # A verb with a date of its own after it in its clause is that date's ("Off the
        # schedule for November sweeps, X will return with new episodes in December").
        pool = [t for t in pool if not self._dated_in_clause(t, sentence, dm)]
        local = [t for t in pool if clause.start <= t.start() < clause.end]
        bare_year = (
            dm.forward is not None and dm.forward.precision == "year" and dm.text[:1].isdigit()
        )
        if not local and (not bare_year or _UNTIL_START_RE.match(doc.text, clause.start)):
            # Across a clause break, but never across a semicolon (a bare year only from the
            # verb its "until" clause follows: "won't return until 2022").
            local = [
                t
                for t in pool
                if abs(t.start() - dm.start) <= 120
                and ";" not in doc.text[min(t.start(), dm.start) : max(t.end(), dm.end)]
                and not (bare_year and t.end() > clause.start)
            ]
        if not local:
            return None
        return min(local, key=lambda t: abs(t.start() - dm.start))

    def _dated_in_clause(self, t: re.Match[str], sentence: Sentence, dm: DateMention) -> bool:
        """Whether another date follows release verb `t` in its own clause (or right after
        a colon: "announced when season 9B premieres: Thursday, July 23rd")."""
        clause = sentence.clause_at(t.start())
        text = self.doc.text
        return any(
            other is not dm
            and t.end() <= other.start
            and (other.start < clause.end or text[t.end() : other.start].strip() == ":")
            for other in self.doc.dates
        )

    def _dated_for(self, verb: int, dm: DateMention) -> re.Match[str] | None:
        """ "Netflix confirms X season 2 for summer 2026": the season is set for that date."""
        doc = self.doc
        if not _CONFIRM_VERB_RE.match(doc.text, verb):
            return None
        m = _FOR_BEFORE_RE.search(doc.text, max(verb, dm.start - 12), dm.start)
        if m is None:
            return None
        between = doc.text[verb : m.start()]
        if "#" not in between and not any(verb <= s.start < m.start() for s in doc.seasons):
            return None
        if p.OBJECT_AFTER_RE.search(between):
            return None  # "confirmed the trailer for October 3"
        return m

    def _schedule_entry(self, dm: DateMention) -> re.Match[str] | None:
        """ "Glass Harbor season 2 (October 9)": a date in brackets right after a season."""
        m = _SCHEDULE_RE.search(self.doc.text, max(0, dm.start - 40), dm.start)
        if m is None:
            return None
        paren = m.start("paren")
        if any(
            s.end <= paren and paren - s.end <= 2 and s.kind != "count" for s in self.doc.seasons
        ):
            return m
        return None

    def _release_list_entry(self, dm: DateMention, sentence: Sentence) -> re.Match[str] | None:
        """ "Everything new on Netflix: ..., and X season 2 on May 1.": a release list's entry.

        Only where the headline or the sentence's lead-in says the list is of releases.
        """
        doc = self.doc
        attached = self._attached([s for s in doc.seasons if s.end <= dm.start])
        if not attached:
            return None
        m = _ENTRY_DATE_RE.fullmatch(doc.text, attached[-1].end, dm.start)
        if m is None:
            return None
        own = [x.start for x in doc.mentions if x.show == self.key and x.start >= sentence.start]
        lead_in = doc.text[sentence.start : min(own)] if own else ""
        if _RELEASE_LIST_RE.search(lead_in) is None and not any(
            _RELEASE_LIST_RE.search(doc.text, h.start, h.end) for h in doc.sentences if h.headline
        ):
            return None
        return m

    def _list_entry(self, dm: DateMention, sentence: Sentence) -> re.Match[str] | None:
        """ "April 17: Glass Harbor (season 2).": a list line's leading date is its entry's."""
        doc = self.doc
        if not _LEAD_RE.fullmatch(doc.text, sentence.start, dm.start):
            return None
        m = _ENTRY_RE.match(doc.text, dm.end, sentence.end)
        if m is None:
            return None
        if not any(x.show == self.key and m.end() <= x.start <= m.end() + 4 for x in doc.mentions):
            return None
        rest = doc.text[m.end() : sentence.end]
        if len(rest.split()) > 12 or any(m.end() <= v[0] < sentence.end for v in doc.verbs):
            return None  # a sentence with its own verb says more than "date: title"
        return m

    def _date_candidate(
        self, dm: DateMention, trigger: re.Match[str], sentence: Sentence
    ) -> Candidate | None:
        doc = self.doc
        opened = self._open("date", trigger.start(), trigger.end(), background_ok=True)
        if opened is None:
            return None
        _, clause, scope = opened
        date_clause = sentence.clause_at(dm.start)
        if _BACK_IN_RE.search(doc.text, max(0, dm.start - 40), dm.start):
            # "The last new episode aired back in 2019": told as long past, never news
            self._note("date", sentence, f"history: '{dm.text}' is told as long past")
            return None
        said_by = first_in(doc.speculation, trigger.end(), dm.start)
        if said_by is not None:
            # "has not been set, despite a fan wiki claiming October 31": the date is theirs.
            self._note("date", sentence, f"'{dm.text}' is said by '{said_by.group()}'")
            return None
        later = p.LATER_BATCH_RE.search(doc.text, date_clause.start, dm.start) or (
            # "return on March 27, 2006 with the rest of the season's new episodes"
            _WITH_THE_REST_RE.match(doc.text, dm.end, date_clause.end)
        )
        if later:
            if self.watch.part is None or self.watch.part < 2:
                self._note("date", sentence, f"'{dm.text}' dates a later batch of episodes")
                return None
            # A watch on the second part of a split season is dated by its later batch.
        elif (
            self.watch.part is not None
            and self.watch.part >= 2
            and p.FIRST_BATCH_RE.search(doc.text, date_clause.start, dm.start)
        ):
            self._note("date", sentence, f"'{dm.text}' dates the first part, not part 2")
            return None
        if date_clause != clause:
            hedge = self._hedge(date_clause.start, date_clause.end)
            if hedge is not None:
                self._note("date", sentence, f"hedged: '{hedge.group()}' ('{dm.text}')")
                return None
        negation = self._negated(clause, trigger.start())
        if negation is not None and not _UNTIL_BEFORE_RE.search(
            doc.text, max(trigger.end(), dm.start - 12), dm.start
        ):
            # "will not be returning ... until October 16" still names the day it returns.
            self._note("date", sentence, f"negated: '{negation.group()} {trigger.group()}'")
            return None
        not_release = p.NOT_RELEASE_BEFORE_RE.search(
            doc.text[max(sentence.start, dm.start - 20) : dm.start]
        )
        if not_release is not None and not (
            # "pushed back until later in 2027": a delay's "until" names the new date, as
            # "won't return until 2022" names the day it returns.
            (
                p.MOVE_RE.fullmatch(trigger.group())
                or (negation is not None and trigger.end() <= dm.start)
            )
            and _UNTIL_RE.match(not_release.group())
        ):
            self._note("date", sentence, f"not a release date ('{dm.text}')")
            return None
        if p.DROPPED_AFTER_RE.match(doc.text, dm.end, min(date_clause.end, dm.end + 60)):
            self._note("date", sentence, f"'{dm.text}' has been called off")
            return None
        if p.LATER_EPISODE_DAY_BEFORE_RE.search(
            doc.text, max(sentence.start, trigger.start() - 60), trigger.start()
        ):
            # "a third episode of "X" airs on Tuesday": a later episode's day, not the
            # season's (that episode being out still says the season is: see `_phases`).
            self._note("date", sentence, f"'{dm.text}' is a later episode's date")
            return None
        before = doc.text[max(sentence.start, trigger.start() - 20) : trigger.start()]
        # "is set to be released": the future may sit inside the trigger, before its verb.
        past_verb = p.PAST_TRIGGER_RE.search(trigger.group())
        past = past_verb is not None and not p.FUTURE_PASSIVE_RE.search(
            doc.text, max(sentence.start, trigger.start() - 20), trigger.start() + past_verb.start()
        )
        if not past and _FIRST_BEFORE_RE.search(before):
            past = True  # "a reality series on Fox, first premiering on June 13, 2018": history
        if (
            not past
            and _DECIDED_TO_RE.search(before)
            and dm.forward is not None
            and dm.backward is not None
            and doc.published is not None
            and (dm.forward.lo - doc.published).days > _DECIDED_AHEAD_DAYS
        ):
            # "Disney decided to release all of season 2 on Aug. 18" (an item of December):
            # a decision told in the past about a day months away is the day gone by.
            past = True
        if _WAS_AMONG_RE.search(doc.text, max(clause.start, trigger.start() - 50), trigger.start()):
            past = True
        first = min(trigger.start(), dm.start)
        if _SINCE_RE.search(doc.text, max(sentence.start, first - 30), first + 1):
            past = True  # "since dropping on January 5", "since its Jan. 1 debut": history
        noun = _RELEASE_NOUN_AFTER_RE.match(doc.text, dm.end, min(sentence.end, dm.end + 30))
        if noun is not None and (
            # "after its New Year's Day release", "the July 11 premiere drew 4.4 million
            # viewers": the release is behind.
            _AFTER_ITS_RE.search(doc.text, max(sentence.start, dm.start - 40), dm.start)
            or _RESULT_AFTER_RE.match(doc.text, noun.end())
        ):
            past = True
        # (a date before its verb is not the verb's: "finished in June and will be returning
        # for a fourth season next year" leaves June where it was)
        seasons, _, source = self._bind(
            trigger.start(), sentence, clause, scope, past=past, objects=dm.start > trigger.start()
        )
        if self.watch.season not in seasons:
            if source in ("clause", "sentence") and not past:
                self.elsewhere.add("date")
            self._note(
                "date", sentence, f"date '{dm.text}' is about season {seasons_text(seasons)}"
            )
            return None
        if (
            source == "default"
            and self.watch.season > 1
            and not _RETURN_RE.search(doc.text, trigger.start(), trigger.end() + 6)
            # "the back half of X, set to premiere April 3": the later batch names part 2.
            and not (later and self.watch.part is not None and self.watch.part >= 2)
        ):
            # No season named anywhere: only "returns" says it is the next one.
            self._note("date", sentence, f"'{dm.text}': no season named")
            return None
        if not self._part_ok(dm, sentence):
            self._note("date", sentence, f"date '{dm.text}' is for another part")
            return None
        value = dm.backward if past else dm.forward
        if value is None:
            return None
        published = doc.published
        if published is not None and value.lo.year > published.year + 6:
            return None
        # "premiered on September 17" in an item of September 17 reports, not announces
        # (real_dev rd-059, rd-078: a premiere on the published day is no announcement).
        # An undated item can only tell by the tense: "aired in 2019" is history there too
        # (but "premiered on August 9, 2024" may be the news of the day it was written).
        history = (
            past and value.precision != "day"
            if published is None
            else (value.hi < published or (past and value.hi <= published))
        )
        superseded = self._superseded(dm, sentence, clause)
        if superseded and self._hedge(sentence.start, sentence.end) is not None:
            # "had originally been slated to premiere in 2021, but it's unclear whether the
            # pandemic will push its debut": an old plan the item itself doubts is no date.
            self._note("date", sentence, f"'{dm.text}' is an old plan the item doubts")
            return None
        moved_to = bool(
            _MOVED_TO_RE.search(doc.text, max(clause.start, dm.start - 12), dm.start)
            and p.MOVE_RE.search(doc.text, sentence.start, sentence.end)
        )
        return Candidate(
            "date",
            value.value,
            sentence,
            dm.start,
            scope.in_prefix(trigger.start()),
            value,
            superseded,
            history,
            source in ("clause", "sentence"),
            moved_to,
        )

    def _superseded(self, dm: DateMention, sentence: Sentence, clause: Clause) -> bool:
        text = self.doc.text
        lo = max(clause.start, dm.start - 60)
        before = text[lo : dm.start]
        if _FROM_BEFORE_RE.search(before):
            return bool(p.MOVE_RE.search(text, sentence.start, sentence.end))
        return bool(p.SUPERSEDED_BEFORE_RE.search(before))

    def _part_ok(self, dm: DateMention, sentence: Sentence) -> bool:
        if self.parts_are_seasons:
            return True
        parts = [
            s for s in self.doc.seasons if s.kind == "part" and sentence.start <= s.start < dm.start
        ]
        clause = sentence.clause_at(dm.start)
        local = [s for s in parts if s.start >= clause.start]
        near = local[-1] if local else (parts[-1] if parts else None)
        if near is None:
            return True
        number = near.numbers[0]
        if self.watch.part is None:
            return number == 1
        return number == self.watch.part

    def _unannounced(self) -> list[Candidate]:
        out: list[Candidate] = []
        for m in self.doc.unannounced:
            opened = self._open(
                "date", m.start(), m.end(), background_ok=True, hedged_before_only=True
            )
            if opened is None:
                continue
            sentence, clause, scope = opened
            if (
                self.watch.part is None
                and not self.parts_are_seasons
                and any(
                    s.kind == "part" and clause.start <= s.start < clause.end
                    for s in self.doc.seasons
                )
            ):
                # "does not yet have a premiere date for Part Two": one part's date is open,
                # which says nothing of a whole season (nor of a later one).
                self._note("date", sentence, f"'{m.group()}' is about one part of a season")
                continue
            seasons, mention, source = self._bind(m.start(), sentence, clause, scope)
            if (
                source == "sentence"
                and mention is not None
                and mention.kind == "number"
                and mention.start >= clause.end
            ):
                # "A premiere date has yet to be set, but filming had wrapped by the time
                # Season 2 was released": no date yet is the item's season's, not the one a
                # later clause recalls.
                seasons, mention, source = self._bind_beyond(sentence)
            asked = _WHEN_OBJECT_RE.match(self.doc.text, m.end(), sentence.end)
            if asked is not None:
                # "With its first season airing its finale on December 13th, it's unclear
                # when we can expect Season Two": the season the "when" asks about is it.
                named = [
                    s for s in self.doc.seasons if s.kind == "number" and s.start == asked.end()
                ]
                if named:
                    mention, source = named[0], "clause"
                    seasons = self._seasons_of(mention)
            if self.watch.season not in seasons:
                self._note(
                    "date", sentence, f"'{m.group()}' is about season {seasons_text(seasons)}"
                )
                continue
            if source == "default" and self.watch.season > 1:
                # "Netflix renewed X for season 3 ... no news of a release date": with no
                # season in reach, the open date is the renewed season's.
                renewed = self._previous_season(sentence) or self._announced()
                if renewed != self.watch.season:
                    why = "no season named" if renewed is None else f"about season {renewed}"
                    self._note("date", sentence, f"'{m.group()}': {why}")
                    continue
            out.append(
                Candidate("date", "unannounced", sentence, m.start(), scope.in_prefix(m.start()))
            )
        return out
