"""What a cue is about: its season, show and clause, and whether hedged, negated or background."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from monitor.extract import patterns as p
from monitor.extract.dates import DateValue
from monitor.extract.document import LIST_GAP_RE, WORD_RE, Document, Scope, in_credit
from monitor.extract.sentences import STATEMENT_BREAK_RE, Clause, Sentence
from monitor.match.seasons import (
    SeasonMention,
    mention_seasons,
    number_value,
)
from monitor.models import Claim, ClaimField, Note, Watch
from monitor.text.normalize import words

_RELATIVE_RE = re.compile(r"[,\s]*(?:which|who)\b", re.I)
# A sentence that goes on about the show the one before it named.
_ANAPHOR_START_RE = re.compile(
    # "Premiering May 16 on JioHotstar, the high-energy series mixes ...": a release
    # participle before the subject leaves the sentence opening on the show.
    r"\s*(?:(?:premiering|debuting|arriving|launching|returning|dropping)\b[^.;]{0,60}?,\s*)?"
    r"(?:it|it's|its|the\s+(?:show|series|drama|comedy|sitcom|new\s+season|next\s+season|"
    r"new\s+episodes|"
    # ("the new series", "the high-energy series"; not "the first series", a season)
    r"(?!(?:first|second|third|fourth|fifth|final|last|original|previous|other)\b)"
    r"[\w-]+\s+(?:series|show|drama|comedy)))\b",
    re.I,
)

# A list entry's header line: "1. Chucky", "#3 - Chucky (Syfy)", "Chucky season 2".
_ENTRY_CLUTTER_RE = re.compile(r"#+|\(.*?\)|\d{1,2}[.)]|[-*\u2022\u00b7:|/]|\b(?:on|at)\b", re.I)
_MINOR_HEADER_WORDS = frozenset(("of", "the", "and", "a", "an", "in", "on", "at", "to", "for", "&"))
# A clock time ("8.30pm", "9:00", "6pm"), in TV listings and a listing's slot line.
CLOCK = r"\d{1,2}[.:]\d{2}\s*(?:am|pm)?\b|\d{1,2}\s*(?:am|pm)\b"
_CLOCK_RE = re.compile(rf"\b(?:{CLOCK})", re.I)
# Words of a section heading ("Release date", "Why This Feels Unusual", a review's
# "Introduction") or of page clutter
# ("Courtesy of Shudder", "Scroll To Top"), not of a title.
_SECTION_WORDS = frozenset(
    words(
        """release date dates cast plot trailer trailers teaser what when where why how who is are
    will there season seasons episode episodes story news update updates everything know
    premiere filming production details renewal renewed cancelled canceled status more
    related read also watch streaming stream summary conclusion verdict review reviews
    recap final thoughts faq questions latest released network genre creator creators starring
    rating runtime platform premiered debuted
    introduction overview synopsis background performances performance direction screenplay
    music cinematography editing pros cons analysis highlights takeaways tv series show shows
    courtesy photo photos image images credit credits source getty scroll top advertisement"""
    )
)
_ANOTHER_KIND_RE = re.compile(
    r"(?<!\bfor\s)(?<!\bwith\s)\banother\s+[\w-]+\s+(?:[\w-]+\s+)?"
    r"(?:show|series|drama|comedy|sitcom|thriller|anime)\b(?!\s+of\b)",
    re.I,
)
# "In June NBC officially canceled that show": a demonstrative points back to a show the
# text named last, not to the one the item is about ("the show", "it").
_THAT_SHOW_RE = re.compile(r"\bthat\s+(?:show|series|sitcom|drama|comedy)\b", re.I)

_NAMED_AFTER_RE = re.compile(r"\s*['\"]?")

# A link to another story: "MORE: BBC Three's Croatia 2017 starts tonight", "READ MORE:",
# "Related:", "See also:".
_LINK_LINE_RE = re.compile(
    r"\s*(?:read\s+more|more|related(?:\s+(?:stories|articles|news))?|see\s+also|also\s+read"
    r"|recommended|you\s+may\s+also\s+like)\s*[:|»>]",
    re.I,
)

_AFTER_MENTION_RE = re.compile(r"\b(?:after|following)\s+(?:the\s+|its\s+)?$", re.I)
# "finished its third season in June and will be returning for a truncated fourth and
# final season next year": the season after "for" is the verb's own (its object), however
# near another season stands.
_FOR_OBJECT_RE = re.compile(
    r"(?:[\w'-]+[^\S\n]+){0,3}?[\w'-]+(?:[^\S\n]+(?:back|up))?[^\S\n]+for[^\S\n]+"
    r"(?:(?:a|an|its|the|their|another)[^\S\n]+)?(?:[\w-]+[^\S\n]+){0,2}",
    re.I,
)

_BOUNDARY_RE = re.compile(r"[,;:(]|\s(?:and|or|plus|while|whereas)\s")
# "Cancelled: Static, Fathom.": a status label over a list of (capitalised) titles.
_LABEL_LIST_RE = re.compile(r"\s*:\s*['\"]?(?P<first>[A-Z0-9][\w'-]*)")

_ATTACHED_RE = re.compile(r"['\"]?(?:'s)?\s*[(\[]?\s*")
# A ";" that starts another labelled list section: "...; cancelled: B", "; on the bubble: C".
_SECTION_RE = re.compile(r";(?=\s*(?:[\w'-]+\s+){0,3}[\w'-]+\s*:\s)")
_NOT_A_TITLE = frozenset(("yes", "no", "none", "tba", "tbd", "tbc", "confirmed", "official"))


@dataclass(slots=True)
class Candidate:
    field: ClaimField
    value: str
    sentence: Sentence
    pos: int
    from_prefix: bool = False
    date_value: DateValue | None = None
    superseded: bool = False
    history: bool = False
    explicit_season: bool = False
    moved_to: bool = False  # "pushed back to July 10": the new date of a move
    named: bool = False  # the sentence names the show itself (not "it", not a bare list)
    airing: bool = False  # "ahead of the season 3 finale": on air, unless a later date says not


# An aside on the show before its verb: "X, which features Y's Z, is", "X, Y's revival, has".
_RELATIVE_ASIDE_RE = re.compile(
    r",\s+(?:which|who|the|a|an|[A-Z][\w-]*(?:'s|’s))\s[^,;.:!?()]{3,160},"
    r"(?=\s+(?:is|was|will|has|had|returns|premieres)\b)"
)

# "the green light for a second season, reportedly a 13-episode pick-up": a hedge of the detail.
_APPOSITIVE_HEDGE_RE = re.compile(
    r",\s(?:reportedly|allegedly|supposedly|apparently)\s+(?:a|an|with|for|\d)\b", re.I
)

# A sentence that opens on a condition ("If …", "But unless …", "Assuming …").
_CONDITION_OPENING_RE = re.compile(
    r"\s*(?:(?:but|and|so|still|now)\s*,?\s+)?(?:if|unless|assuming|provided(?:\s+that)?|"
    r"in\s+case|should\s+(?=\S+\s+(?:be|get|return|come)\b))\b(?!\s+you\b)",
    re.I,
)


# A question that opens on "why" or "how come" ("Why did they cancel it?").
_WHY_OPEN_RE = re.compile(r"""\s*["'“‘]?(?:why|how\s+come)\b""", re.I)
_WHY_SUBJECT_RE = re.compile(r"\b(?:it|the\s+(?:show|series|sitcom|drama|comedy))\b", re.I)

# ", the channel has finally put them to rest, confirming": a confirmation after a comma.
_CONFIRMED_AFTER_RE = re.compile(
    r",[^.;:!?]{0,80}?(?<!\bnot\s)(?<!n't\s)(?<!\byet\s)(?<!\bto\s)"
    r"\b(?:confirm(?:ed|s|ing)|made\s+it\s+official)\b",
    re.I,
)


def _corrected(text: str, speculation: re.Match[str], pos: int) -> bool:
    """ "A post claimed X was scrapped, but it was not; season 2 is shooting": the rest is fact.

    So is the main clause after "despite posts claiming X," and what a denial goes on to
    say: "Netflix denied reports of an August date, saying no date has been set".
    """
    if p.DENIAL_RE.fullmatch(speculation.group()):
        return p.DENIAL_GOES_ON_RE.search(text, speculation.end(), pos) is not None
    if p.REPORTED_RE.search(speculation.group()) is None:
        return False
    if p.CONCESSIVE_BEFORE_RE.search(text, max(0, speculation.start() - 80), speculation.start()):
        return "," in text[speculation.end() : pos]
    if _CONFIRMED_AFTER_RE.search(text, speculation.end(), pos):
        # "After months of rumours, Netflix has confirmed X has been cancelled": the
        # confirmation after the comma settles the rumour.
        return True
    return p.CORRECTION_RE.search(text, speculation.end(), pos) is not None


def first_in(matches: list[re.Match[str]], start: int, end: int) -> re.Match[str] | None:
    for m in matches:
        if start <= m.start() and m.end() <= end:
            return m
    return None


def season_distance(mention: SeasonMention, pos: int) -> int:
    if mention.start <= pos < mention.end:
        return 0
    return mention.start - pos if mention.start > pos else pos - mention.end + 1


def dash_asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Asides between spaced dashes in text[start:end] (the text is normalised: every en or
    em dash is a hyphen), each closed by its second dash before `end`."""
    if text.find(" - ", start, end) < 0:  # (most sentences have none: no slice, no scan)
        return []
    dashes = [m.start() for m in _SPACED_DASH_RE.finditer(text, start, end)]
    return [(dashes[i], dashes[i + 1] + 3) for i in range(0, len(dashes) - 1, 2)]


def _around(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """text[start:end] without the holes, as ranges."""
    ranges: list[tuple[int, int]] = []
    for lo, hi in holes:
        if lo > start:
            ranges.append((start, lo))
        start = hi
    if start < end:
        ranges.append((start, end))
    return ranges


_SPACED_DASH_RE = re.compile(r" - ")

# "'FBI' and its spinoffs", "X and their sequels": the show is one of the works named.
_AND_ITS_RE = re.compile(r"#['\"’]?\s+(?:and|&|plus)\s+(?:all\s+|both\s+)?(?:its|their)\b")


def seasons_text(seasons: set[int]) -> str:
    """The seasons a note names ("2 and 3"), or "another part"."""
    shown = sorted(s for s in seasons if s > 0)
    return " and ".join(str(s) for s in shown) if shown else "another part"


@dataclass(slots=True)
class ScopeReader:
    """The scope resolver every field's rules share: one item read for one watch."""

    doc: Document
    watch: Watch
    key: str
    final: int | None
    explain: bool = True  # collect notes on what was set aside (the CLI shows them)
    notes: list[Note] = field(default_factory=list)
    scopes: dict[int, Scope | None] = field(default_factory=dict)
    headline_seasons: set[int] = field(default_factory=set)  # every season the headline names
    item_season: set[int] | None = None
    # The latest season the item says was renewed or ordered (`_announced`), worked out when
    # first asked: only items that say "the new season" or leave a date open need it.
    announced: int | None = None
    announced_known: bool = False
    stated_final: int | None = None  # the last season, as the item states it
    # "Lupin Part 3": an item that numbers only parts, read for a watch without one, means
    # seasons by them (the show's own name for its seasons).
    parts_are_seasons: bool = False
    # Fields the item states, by number, for another season of the show ("Ghosts will be
    # back for its fourth season"): an unnumbered claim of that field in an item that never
    # names the watched season is that other season's news (see `_resolve`).
    elsewhere: set[str] = field(default_factory=set)
    # "'X' Not Canceled, But ...": the headline, written last, denies a cancellation the
    # body (an original story under an update) may still report.
    denied_cancel: bool = False
    own_words: frozenset[str] | None = None  # the words of the watch's names, when first asked

    def _scope(self, sentence: Sentence) -> Scope | None:
        doc = self.doc
        own, others = self._titles_in(sentence)
        for _, end in own:
            # "X, which features Modern Family's Ty Burrell, is set to ...": titles in a
            # relative clause on the show leave the main clause the show's.
            aside = _RELATIVE_ASIDE_RE.match(doc.text, end, sentence.end)
            if aside is not None:
                others = [o for o in others if not end <= o[0] < aside.end()]
        # "the drama created by Ron Leshem (Euphoria), for a second season": a credit
        # aside names no subject of the sentence.
        others = [o for o in others if not in_credit(doc.text, o[0], o[1])]
        if sentence.headline and not own:
            # A headline verb is news about the show only when the headline names it.
            return None
        if not own and _LINK_LINE_RE.match(doc.text, sentence.start, sentence.end):
            # "MORE: BBC Three's Croatia 2017 starts tonight": a link to another story
            return None
        if not own and sentence.end <= self._first_mention():
            # Before the item first names the show, "it" and "the series" are another one.
            return None
        if not own and _ANOTHER_KIND_RE.search(doc.text, sentence.start, sentence.end):
            # "Here's another BL series coming this September 26": a show of some kind other
            # than ours (not "back for another series", the UK's next season).
            return None
        if not own and _THAT_SHOW_RE.search(doc.text, sentence.start, sentence.end):
            # "that show" points back past the show unless the sentence before named it
            # ("Why a Casagrandes movie? That show was canceled after three seasons.").
            before = doc.sentence_before(sentence)
            if before is None or not self._names_show(before):
                return None
        if not others:
            return Scope([(sentence.start, sentence.end)])
        holes = dash_asides(doc.text, sentence.start, sentence.end)
        if holes and all(any(lo < o[0] < hi for lo, hi in holes) for o in others):
            # "will go out on Sky Atlantic - home to HBO's Big Love - on Tuesday": titles in
            # a dash aside leave the sentence around it the show's.
            if not own and not self._goes_on(sentence, holes[0][0]):
                return None
            return Scope(_around(sentence.start, sentence.end, holes))
        if not own:
            return self._continued(sentence, min(o[0] for o in others))
        first, last = sentence.start, sentence.end
        section = self._section(sentence, own)
        if section is not None:
            # "renewed: A and X (S2); cancelled: B": each ";" section is its own list, so
            # its label speaks only of the titles in it.
            first, last = section
            others = [o for o in others if first <= o[0] < last]
            if not others:
                return Scope([section])
        spans = sorted([(s, e, True) for s, e in own] + [(s, e, False) for s, e in others])
        ranges: list[tuple[int, int]] = []
        for index, (start, end, mine) in enumerate(spans):
            if not mine:
                continue
            lo = spans[index - 1][1] if index > 0 else first
            lo = self._last_boundary(lo, start, default=lo)
            if index + 1 < len(spans):
                nxt = spans[index + 1][0]
                hi = self._last_boundary(end, nxt, default=nxt)
            else:
                hi = last
            ranges.append((lo, hi))
        if ";" in doc.text[spans[0][0] : min(o[0] for o in own)]:
            # "...the return of Other Show; Ours is not part of it": not a shared predicate.
            return Scope(ranges)
        tail = self._list_tail(spans, last)
        if tail is not None:
            # "'Ours,' 'Other' Renewed at Freeform": the verb after a bare list of titles
            # is every title's.
            ranges.append(tail)
        return Scope(ranges, (first, spans[0][0]))

    def _list_tail(self, spans: list[tuple[int, int, bool]], last: int) -> tuple[int, int] | None:
        """The predicate after the run of titles, joined only by commas and "and", that holds
        our title, or None."""
        text = self.doc.text
        index = next(i for i, span in enumerate(spans) if span[2])
        lo = index
        while lo > 0 and LIST_GAP_RE.fullmatch(text, spans[lo - 1][1], spans[lo][0]):
            lo -= 1
        hi = index
        while hi + 1 < len(spans) and LIST_GAP_RE.fullmatch(text, spans[hi][1], spans[hi + 1][0]):
            hi += 1
        if lo == hi:
            return None
        end = spans[hi + 1][0] if hi + 1 < len(spans) else last
        return (spans[hi][1], self._last_boundary(spans[hi][1] + 1, end, default=end))

    def _continued(self, sentence: Sentence, other: int) -> Scope | None:
        """ "It will likely come back early in winter alongside shows like Other Show.":
        a sentence that opens on "it" or "the series" right after one about the show goes
        on about it up to the clause before the first other title."""
        if not self._goes_on(sentence, other):
            return None
        end = self._last_boundary(sentence.start, other, default=sentence.start)
        return Scope([(sentence.start, end)]) if end > sentence.start else None

    def _why_asked(self, sentence: Sentence, pos: int, end: int) -> bool:
        """ "Why Was Green Lantern Canceled After Just One Season?": a why-question about
        the show takes its verdict as given; only the reason is asked ("Why did X get axed
        from the show?" is about a person)."""
        text = self.doc.text
        opening = sentence.start
        for brk in STATEMENT_BREAK_RE.finditer(text, sentence.start, pos):
            opening = brk.end()
        return _WHY_OPEN_RE.match(text, opening, end) is not None and (
            "#" in text[opening:end] or _WHY_SUBJECT_RE.search(text, opening, pos) is not None
        )

    def _goes_on(self, sentence: Sentence, other: int) -> bool:
        """Whether a sentence opens on "it" or "the series" (before `other`) right after
        one about the show."""
        doc = self.doc
        if not _ANAPHOR_START_RE.match(doc.text, sentence.start, other):
            return False
        before = doc.sentence_before(sentence)
        return before is not None and self.scopes.get(before.start) is not None

    def _other_entries(self) -> list[tuple[int, int]]:
        """A list article's entries under other titles' header lines.

        "Chucky / The spinoff is set to ... / Sex/Life / This Netflix series has begun
        filming": where the show has a header line of its own, a sentence under another
        title's header line (up to the next header line) speaks of that title.
        """
        doc = self.doc
        if doc.text.find("\n", doc.headline_end + 1) < 0:
            return []  # a list needs lines
        headers: list[tuple[int, str]] = []  # (start, "ours" | "other" | "section")
        for sentence in doc.sentences:
            if sentence.headline:
                continue
            line = doc.text[sentence.start : sentence.end].strip()
            if (
                not line
                or line[-1] in ".!?:;,\"'"
                or not doc.raw.startswith(
                    "\n", sentence.start + len(doc.text[sentence.start : sentence.end].rstrip())
                )
            ):
                continue
            if doc.text[sentence.start - 1 : sentence.start] not in ("\n", ""):
                continue
            kind = self._header_kind(sentence, line)
            if kind is not None:
                headers.append((sentence.start, kind))
        if not any(kind == "ours" for _, kind in headers):
            return []
        out: list[tuple[int, int]] = []
        for index, (start, kind) in enumerate(headers):
            if kind != "other":
                continue
            end = headers[index + 1][0] if index + 1 < len(headers) else len(doc.text)
            out.append((start, end))
        return out

    def _header_kind(self, sentence: Sentence, line: str) -> str | None:
        """ "ours": the show's own entry header; "other": another title's; "section"."""
        words_ = line.split()
        if not 1 <= len(words_) <= 8:
            return None
        if _CLOCK_RE.search(line):
            return None  # "Sunday, 8.30pm, ABC": a listing's slot line, part of its entry
        if self._names_show(sentence):
            rest = list(self.doc.text[sentence.start : sentence.end])
            for s in self.doc.seasons:
                if sentence.start <= s.start < sentence.end:
                    rest[s.start - sentence.start : s.end - sentence.start] = " " * (
                        s.end - s.start
                    )
            left = _ENTRY_CLUTTER_RE.sub(" ", "".join(rest)).split()
            return "ours" if len(left) <= 1 else "section"
        if any(m.start <= sentence.start < m.end for m in self.doc.mentions) or any(
            sentence.start <= d.start < sentence.end for d in self.doc.dates
        ):
            return "section"  # "Released: February 2020": a status box line
        content = [w for w in words_ if w.lower() not in _MINOR_HEADER_WORDS]
        if (
            content
            and all(w[:1].isupper() or w[:1].isdigit() for w in content)
            and not any(w.lower().strip(":?!'\"") in _SECTION_WORDS for w in words_)
        ):
            return "other"
        return "section"

    def _first_mention(self) -> int:
        return min((m.start for m in self.doc.mentions if m.show == self.key), default=0)

    def _section(self, sentence: Sentence, own: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The ";"-separated part of a status-list sentence that holds all of the show's names.

        Only a sentence whose sections are labelled lists ("renewed: A; cancelled: B") is
        cut, so "the network renewed A; X is not part of it" keeps its shared predicate.
        """
        text = self.doc.text
        cuts = [m.start() for m in _SECTION_RE.finditer(text, sentence.start, sentence.end)]
        if not cuts:
            return None
        lo = max((c + 1 for c in cuts if c < own[0][0]), default=sentence.start)
        hi = min((c for c in cuts if c >= own[-1][1]), default=sentence.end)
        if any(lo <= c < own[-1][1] for c in cuts):
            return None
        return lo, hi

    def _last_boundary(self, lo: int, hi: int, default: int) -> int:
        last = default
        for m in _BOUNDARY_RE.finditer(self.doc.text, lo, hi):
            last = m.start()
        return last

    @property
    def headline_season(self) -> set[int] | None:
        """The one season the headline names, if it names exactly one."""
        return self.headline_seasons if len(self.headline_seasons) == 1 else None

    def _headline_seasons(self) -> set[int]:
        values: set[int] = set()
        for sentence in self.doc.sentences:
            if not sentence.headline:
                continue
            scope = self.scopes[sentence.start]
            for s in self._mentions_in(sentence, scope):
                if s.kind == "count" or s.elliptical:
                    continue
                if (
                    s.kind == "part"
                    and not self.parts_are_seasons
                    and (self.watch.part is None or s.numbers != (self.watch.part,))
                ):
                    continue  # "Delicate Part 2 Sets Premiere Date" is the watched part's
                values |= self._seasons_of(s)
        return values

    def _item_season(self) -> set[int] | None:
        """The one season every numbered mention in the item is about, if there is one.

        Only sentences that name the show count: "BMF debuted as the No. 1 premiere ... 'sure
        you'll get a season 2'" is another show's season (measured on every corpus item:
        English 0.7932 -> 0.7948, false alarms 142 -> 139)."""
        values: set[int] = set()
        for sentence in self.doc.sentences:
            if not self._names_show(sentence):
                continue
            for s in self._mentions_in(sentence, self.scopes[sentence.start]):
                if s.elliptical or not (
                    s.kind in ("number", "final") or (s.kind == "part" and self.parts_are_seasons)
                ):
                    continue
                values |= self._seasons_of(s)
                if len(values) > 1:
                    return None
        return values or None

    def _mentions_in(self, sentence: Sentence, scope: Scope | None) -> list[SeasonMention]:
        if scope is None:
            return []
        return [
            s
            for s in self.doc.seasons
            if sentence.start <= s.start < sentence.end and scope.allows(s.start)
        ]

    def _note(self, fld: ClaimField, sentence: Sentence, why: str) -> None:
        if not self.explain:
            return
        excerpt = self.doc.sentence_text(sentence)
        if len(excerpt) > 140:
            excerpt = excerpt[:137] + "..."
        self.notes.append(Note(fld, f'{why}: "{excerpt}"'))

    def _open(
        self,
        fld: ClaimField,
        pos: int,
        end: int,
        *,
        background_ok: bool = False,
        hedged_before_only: bool = False,
    ) -> tuple[Sentence, Clause, Scope] | None:
        """The sentence, clause and scope of a trigger, or None (with a note) to skip it."""
        sentence = self._sentence_at(pos)
        if sentence is None:
            return None
        scope = self.scopes.get(sentence.start)
        if scope is None:
            self._note(fld, sentence, "about another show")
            return None
        if not scope.allows(pos):
            self._note(fld, sentence, "said of another show in a list")
            return None
        trigger = self.doc.text[pos:end]
        if sentence.asks(end) and not (fld == "renewal" and self._why_asked(sentence, pos, end)):
            self._note(fld, sentence, f"a question ('{trigger}')")
            return None
        almost = p.OR_ALMOST_AFTER_RE.match(self.doc.text, end, sentence.end)
        if almost is not None:
            self._note(fld, sentence, f"hedged: '{trigger}{almost.group()}'")
            return None
        clause = sentence.clause_at(pos)
        # "No word yet on potential release timing": a denial's own object, or the guess
        # that follows it, does not hedge the denial; only a hedge before it does.
        hedge_end = pos if hedged_before_only else clause.end
        if _RELATIVE_RE.match(self.doc.text, clause.start, clause.end):
            # "the second season, which premiered last week, stars ... would be back": a
            # relative clause ends at its closing comma; the main clause's hedge is not its.
            close = self.doc.text.find(",", end, clause.end)
            if close != -1:
                hedge_end = min(hedge_end, close)
        hedge = self._hedge(clause.start, hedge_end)
        if hedge is None:
            # Speculation scopes forward: "Our guess: it arrives in 2027".
            hedge = first_in(self.doc.speculation, sentence.start, max(pos, hedge_end))
            if hedge is not None and _corrected(self.doc.text, hedge, pos):
                hedge = None
            if hedge is not None and hedge.start() < clause.start:
                # "While we wait to hear whether FX will order more, FX has announced that
                # X has been ordered to a third season": a subordinate clause's doubt ends
                # with it.
                own = sentence.clause_at(hedge.start())
                if own.subordinate and own.end <= clause.start:
                    hedge = None
        if (
            hedge is not None
            and hedge.start() > pos
            and _APPOSITIVE_HEDGE_RE.match(
                self.doc.text, hedge.start() - 2, min(clause.end, hedge.end() + 8)
            )
        ):
            # "given the green light for a second season, reportedly a 13-episode pick-up":
            # the hedge is the detail's, after the comma, not the news's.
            hedge = None
        if (
            hedge is not None
            and hedge.start() >= end
            and hedge.group().lower() == "whether"
            and not any(hedge.end() <= s.start < sentence.end for s in self.doc.seasons)
        ):
            # "as Season 2 readies for its June 12 premiere, the question is not whether X
            # works": a question asked after the news, naming no season, is about another
            # thing ("is waiting to find out whether it will get a second season" asks).
            hedge = None
        if hedge is None and sentence.start < pos:
            # "If X is renewed for season 5, its new season will likely be split, with the
            # first part premiering in January": a condition opening the sentence governs
            # every clause after it, not only its own.
            # (not past a colon or a dash: "If you want more, you're in luck: it was renewed")
            hedge = _CONDITION_OPENING_RE.match(self.doc.text, sentence.start, pos)
            if hedge is not None and STATEMENT_BREAK_RE.search(self.doc.text, hedge.end(), pos):
                hedge = None
        if hedge is not None:
            self._note(fld, sentence, f"hedged: '{hedge.group()}' ('{trigger}')")
            return None
        if fld == "date" and self._guess_after_no_date(sentence, pos):
            self._note(fld, sentence, f"a guess after 'no date yet' ('{trigger}')")
            return None
        if self._derivative(clause, pos, end):
            self._note(fld, sentence, f"about a spinoff or film, not the show ('{trigger}')")
            return None
        if clause.subordinate and not background_ok:
            self._note(fld, sentence, f"background, not news ('{trigger}')")
            return None
        return sentence, clause, scope

    def _guess_after_no_date(self, sentence: Sentence, pos: int) -> bool:
        """ "No release date yet, though it could arrive around Halloween": the rest is a guess."""
        text = self.doc.text
        for m in self.doc.unannounced:
            if not sentence.start <= m.start() < pos:
                continue
            contrast = p.CONTRAST_RE.search(text, m.end(), pos)
            if contrast is not None:
                return p.OFFICIAL_RE.search(text, contrast.end(), sentence.end) is None
        return False

    def _derivative(self, clause: Clause, pos: int, end: int) -> bool:
        """ "X spinoff in development", "greenlit a prequel": the claim is another work's."""
        doc = self.doc
        if not doc.derivative_words:
            return False
        season_of = p.SEASON_OF_DERIVATIVE_RE.match(doc.text, end, clause.end)
        if season_of is not None and not self._own_word(season_of.group()):
            return True
        obj = p.DERIVATIVE_OBJECT_RE.match(doc.text, end, min(clause.end, end + 40))
        if obj is not None:
            # "the second season of the spin-off X": X, named right after, is our show.
            after = _NAMED_AFTER_RE.match(doc.text, obj.end())
            return after is None or not any(
                m.show == self.key and m.start == after.end() for m in doc.mentions
            )
        sentence_start = self._sentence_start(clause.start)
        for lo, hi in doc.derivatives:
            if not (sentence_start <= lo and hi <= pos) or "#" in doc.text[hi:pos]:
                continue
            if self._own_word(doc.text[lo:hi]):
                continue  # "Season 3 of the reboot" when the watch is "X reboot": ours
            if any(hi <= s.start < end for s in doc.seasons):
                continue  # a season between, or in the trigger itself ("won't be a season 4")
            if _AND_ITS_RE.search(doc.text, max(sentence_start, lo - 30), hi):
                continue  # "'X' and its spinoffs will premiere": X is among them
            named = [m for m in doc.mentions if lo <= m.start < hi]
            if not named or any(m.show == self.key for m in named):
                return True  # "Y, the prequel to X," is about Y when X is ours
        return False

    def _own_word(self, text: str) -> bool:
        """Whether the last word of `text` is in one of the watch's own names ("DuckTales
        reboot", "X revival"): then it names our show, not another work."""
        found = WORD_RE.findall(text.lower())
        if not found:
            return False
        if self.own_words is None:
            names = " ".join((self.watch.show, *self.watch.aliases)).lower()
            self.own_words = frozenset(WORD_RE.findall(names))
        return found[-1] in self.own_words

    def _sentence_start(self, pos: int) -> int:
        sentence = self._sentence_at(pos)
        return sentence.start if sentence is not None else pos

    def _hedge(self, start: int, end: int) -> re.Match[str] | None:
        # A hedge may run into the clause: "It has not been confirmed if | there will be
        # a second series" breaks before "if", which the hedge ends with.
        for m in self.doc.hedges:
            if start < m.end() <= end:
                return m
        return None

    def _names_other_inside(self, start: int, end: int) -> bool:
        """Whether another title stands inside the cue ("also cancelled Other Show after two
        seasons": the count is that show's run, not ours)."""
        sentence = self._sentence_at(start)
        if sentence is None:
            return False
        return any(start <= lo < end for lo, _ in self._titles_in(sentence)[1])

    def _titles_in(self, sentence: Sentence) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The spans of the show's own titles in a sentence, and of every other title or
        title-case name there (not one inside our own title)."""
        doc = self.doc
        ours = [m for m in doc.mentions if sentence.start <= m.start < sentence.end]
        own = [(m.start, m.end) for m in ours if m.show == self.key]
        others = [(m.start, m.end) for m in ours if m.show != self.key]
        others += [n for n in doc.names(sentence) if not any(o[0] <= n[0] < o[1] for o in own)]
        return own, others

    def _sentence_at(self, pos: int) -> Sentence | None:
        for sentence in self.doc.sentences:
            if sentence.start <= pos < sentence.end:
                return sentence
        return None

    def _negated(self, clause: Clause, pos: int) -> re.Match[str] | None:
        window = self._window_before(clause, pos, words=5)
        return p.NEGATION_RE.search(window) or p.CLAUSE_NEGATION_RE.search(
            self.doc.text, clause.start, pos
        )

    def _window_before(self, clause: Clause, pos: int, words: int) -> str:
        text = self.doc.text[max(clause.start, pos - 60) : pos]
        if "," in text:
            text = text[text.rindex(",") + 1 :]
        tokens = WORD_RE.findall(text)
        return " ".join(tokens[-words:]) + " " if tokens else ""

    def _bind(
        self,
        pos: int,
        sentence: Sentence,
        clause: Clause,
        scope: Scope,
        *,
        counts: bool = False,
        past: bool = False,
        objects: bool = True,
    ) -> tuple[set[int], SeasonMention | None, str]:
        """The seasons a trigger speaks about, the mention that said so, and where from.

        A past-tense release ("debuted on Netflix on March 14") with no season in its own
        clause is the show's history (its first season), so it is bound to no season named
        elsewhere in the sentence, the headline or the item.
        """
        mentions = [
            s
            for s in self._mentions_in(sentence, scope)
            if (counts or s.kind != "count")
            and (s.kind != "part" or self.watch.part is not None or self.parts_are_seasons)
        ]
        if mentions:
            local = [s for s in mentions if clause.start <= s.start < clause.end]
            if _RELATIVE_RE.match(self.doc.text, clause.start, clause.end) and not any(
                s.start < pos for s in local
            ):
                # "X 2, which premieres tonight, ... than the first season": a relative
                # clause speaks of the noun before it, not of what it goes on to mention.
                antecedent = [s for s in mentions if s.end <= clause.start]
                if antecedent:
                    best = antecedent[-1]
                    return self._seasons_of(best), best, "clause"
            if past and not local:
                return {self.watch.season}, None, "default"
            # "Renewed: Drift (season 3), X (season 4).": with no season in the trigger's own
            # clause, the season written right after the show's title is the one it speaks of.
            if not local:
                # "Set to debut in December, the new run picks up after Season One's
                # finale": a season named as a time ("after season one") is not the subject.
                mentions = [
                    s
                    for s in mentions
                    if not _AFTER_MENTION_RE.search(self.doc.text, max(0, s.start - 20), s.start)
                ]
                if not mentions:
                    return self._bind_beyond(sentence)
            pool = local or self._attached(mentions) or mentions
            best = (self._object_of(pos, pool) if objects else None) or min(
                pool, key=lambda s: season_distance(s, pos)
            )
            seasons = self._seasons_of(best)
            announced = self._announced() if best.kind == "next" else None
            if announced is not None:
                # "renewed for a third season ... scripts for the new season": the new
                # season is the one just announced, whichever season is watched.
                seasons = {announced}
            elif best.kind == "next" and self.headline_season is not None:
                # "X season 2 tease ... Production on the new episodes kicked off": the new
                # episodes are the season the headline names.
                seasons = set(self.headline_season)
            if best.kind == "part" and not seasons:
                seasons = {-1}
            return seasons, best, "clause" if local else "sentence"
        if past:
            return {self.watch.season}, None, "default"
        return self._bind_beyond(sentence)

    def _object_of(self, pos: int, pool: list[SeasonMention]) -> SeasonMention | None:
        """The season the trigger at `pos` is "for" ("returning for a fourth season")."""
        text = self.doc.text
        if text.find(" for ", pos, pos + 70) == -1:  # most triggers have none: skip the rest
            return None
        after = [s for s in pool if pos < s.start <= pos + 70]
        return next((s for s in after if _FOR_OBJECT_RE.fullmatch(text, pos, s.start)), None)

    def _bind_beyond(self, sentence: Sentence) -> tuple[set[int], SeasonMention | None, str]:
        """With no season in its sentence, a trigger speaks of the headline's or the item's."""
        # "X renewed for season 7 ahead of season 6 return": the body's unnumbered news is
        # about the seasons the headline names (one, or several without the watched one).
        if (
            self.headline_seasons
            and not sentence.headline
            and (self.headline_season is not None or self.watch.season not in self.headline_seasons)
        ):
            return set(self.headline_seasons), None, "headline"
        if self.item_season is not None:
            # "X series 2 is filming. No transmission date has been confirmed."
            return set(self.item_season), None, "item"
        return {self.watch.season}, None, "default"

    def _seasons_of(self, mention: SeasonMention) -> set[int]:
        if self.parts_are_seasons and mention.kind == "part":
            return set(mention.numbers)
        return mention_seasons(mention, self.watch, self.final)

    def _attached(self, mentions: list[SeasonMention]) -> list[SeasonMention]:
        """The season mentions that follow one of the show's titles: "X (season 4)", "X S4"."""
        text = self.doc.text
        return [
            s
            for s in mentions
            if any(
                m.show == self.key and _ATTACHED_RE.fullmatch(text, m.end, s.start)
                for m in self.doc.mentions
            )
        ]

    def _names_show(self, sentence: Sentence) -> bool:
        return any(
            m.show == self.key and sentence.start <= m.start < sentence.end
            for m in self.doc.mentions
        )

    def _unlisted(self, sentence: Sentence, end: int) -> bool:
        """ "Cancelled: Static, Fathom." in a sentence that does not name the show.

        A status label with a colon speaks of the titles it lists, whatever words they are.
        """
        m = _LABEL_LIST_RE.match(self.doc.text, end, sentence.end)
        if m is None or self._names_show(sentence):
            return False
        first = m.group("first").lower()
        if first in _NOT_A_TITLE or first in p.NAME_STOPWORDS:
            return False
        return not any(m.start("first") <= d.start < m.end() for d in self.doc.dates)

    def _previous_season(self, sentence: Sentence) -> int | None:
        """The one season the sentence before, in the same paragraph, names (if one).

        "X returns for its third season this fall. The exact premiere date will be
        announced later.": the second sentence goes on about the first one's season.
        """
        doc = self.doc
        before = doc.sentence_before(sentence)
        if before is None or before.headline or "\n" in doc.text[before.end : sentence.start]:
            return None
        named: set[int] = set()
        for s in self._mentions_in(before, self.scopes.get(before.start)):
            if s.kind in ("number", "final") and not s.elliptical:
                named |= self._seasons_of(s)
        return next(iter(named)) if len(named) == 1 else None

    def _announced(self) -> int | None:
        """`_announced_season`, worked out once. While it is being worked out (its dry run
        binds renewals, which may ask again) the answer is None."""
        if not self.announced_known:
            self.announced_known = True
            self.announced = self._announced_season()
        return self.announced

    def _announced_season(self) -> int | None:
        """The highest season number a renewal or order in the item is bound to."""
        found: list[int] = []
        noted = len(self.notes)  # a dry run: the renewal pass notes what it sets aside
        for m in self.doc.renew:
            opened = self._open("renewal", m.start(), m.end())
            if opened is None:
                continue
            sentence, clause, scope = opened
            if self._negated(clause, m.start()) is not None:
                continue
            seasons, mention, source = self._bind(m.start(), sentence, clause, scope)
            if mention is not None and mention.kind == "number" and source == "clause":
                found += seasons
        del self.notes[noted:]
        return max(found) if found else None

    def _span(
        self, cue_end: int, sentence: Sentence, mention: SeasonMention | None
    ) -> set[int] | None:
        """A multi-season order: the seasons "renewed through season 18" reaches.

        The season after the renewal cue is the top of the order when "through", "into",
        "to (at least)" leads to it; "four more seasons" in the sentence says how far back
        the order goes, else it reaches every season up to the top.
        """
        text = self.doc.text
        if mention is None or mention.kind != "number" or not mention.numbers:
            return None
        if not cue_end <= mention.start < sentence.end:
            return None
        if p.SPAN_UPTO_RE.search(text, max(cue_end, mention.start - 30), mention.start) is None:
            return self._counted_span(cue_end, sentence, mention)
        top = max(mention.numbers)
        count = p.SPAN_COUNT_RE.search(text, sentence.start, sentence.end)
        low = 1
        if count is not None:
            n = number_value(count.group("n")) or 1
            low = max(1, top - n + 1)
        return set(range(low, top + 1))

    def _counted_span(
        self, cue_end: int, sentence: Sentence, mention: SeasonMention
    ) -> set[int] | None:
        """ "renewed for two seasons, with 10 episodes for season eight and 20 for season
        nine": an order of N seasons reaches the N consecutive seasons named after it."""
        count = p.SPAN_COUNT_RE.search(self.doc.text, cue_end, mention.start)
        n = number_value(count.group("n")) if count is not None else None
        if n is None or n < 2:
            return None
        named = sorted(
            {
                x
                for s in self.doc.seasons
                if cue_end <= s.start < sentence.end and s.kind == "number"
                for x in s.numbers
            }
        )
        if not named or named != list(range(named[0], named[0] + n)):
            return None
        return set(named)

    def _claim(self, candidate: Candidate) -> Claim:
        return Claim(candidate.field, candidate.value, self.doc.sentence_text(candidate.sentence))
