"""Renewal, date and phase claims of one item about each watched season it mentions.

Per sentence: find the claim's trigger ("renewed", "premieres", "began filming"), drop it
when hedged, negated, a question, background ("after filming began") or about another
show, attribute it to a season (the nearest season mention in its clause, then sentence,
then the headline's season, then the watched season), then keep at most one value per
field. Pure: the published date is the reference "now".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import takewhile

from monitor.extract import patterns as p
from monitor.extract.dates import DateMention, DateValue
from monitor.extract.document import LIST_GAP_RE, WORD_RE, Document, Scope, in_credit
from monitor.extract.language import READ, detect
from monitor.extract.sentences import STATEMENT_BREAK_RE, Clause, Sentence
from monitor.match.seasons import (
    NUMBER_WORDS,
    SeasonMention,
    find_seasons,
    mention_seasons,
    number_value,
)
from monitor.match.titles import TitleMatcher, TitleMention, show_key
from monitor.models import Claim, ClaimField, Item, Note, Watch, WatchClaims
from monitor.text.normalize import normalize, words

PHASE_ORDER = ("development", "pre-production", "filming", "post-production", "released")
_IMPLIES_RENEWAL = frozenset(("pre-production", "filming", "post-production"))
_PHASE_GROUPS = {
    "development": "development",
    "pre": "pre-production",
    "filming": "filming",
    "post": "post-production",
    "now": "released",
    "airing": "released",
    "past": "released",
}
_DATE_WORD_RE = re.compile(r"\bdates?\b", re.I)
_MOVED_TO_RE = re.compile(r"\b(?:to|until|till)\s+(?:the\s+)?$", re.I)
_RETURN_RE = re.compile(r"\breturn|\bback\b|\bcom(?:ing|es?)\s+back\b", re.I)
# "(October 9)", "(Apple TV+, October 9)", "(Part 1, February 27)": the bracket's date,
# after at most a short label (a network or a part) and a comma.
_SCHEDULE_RE = re.compile(r"(?P<paren>\()\s*(?:[\w+.&'-]+(?:\s+[\w+.&'-]+){0,2}\s*,\s*)?$")
_PRESENT_START_RE = re.compile(
    r"\b(?:begins?|starts?|kicks?\s+off|commences?|resumes?|wraps|gets\s+underway)\b", re.I
)
_SOON_RE = p.EN.pattern_of("future", "soon")
_LEAD_RE = re.compile(r"[\s*•·-]*")
_ENTRY_RE = re.compile(r"\s*(?::|-)\s+")
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
# "will not be returning ... until October 16": the day it returns after all.
_UNTIL_BEFORE_RE = re.compile(r"\b(?:until|till|before)\s+(?:on\s+|at\s+least\s+)?$", re.I)
# '"No decision," Bloys had said earlier': a stance from before the news.
_EARLIER_SAID_RE = re.compile(
    r"\bhad\s+(?:\w+\s+)?(?:said|told|stated|noted|explained|insisted)\b|"
    r"\b(?:said|told)\s+(?:\w+\s+)?(?:earlier|previously)\b",
    re.I,
)
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
# A status the item puts before its news: "despite the show previously getting the green
# light on a season 14", "had originally been renewed", "not to proceed with the
# already-greenlit season".
# (a pluperfect too: "even though the network had already handed it a series order")
_PRIOR_STATUS_RE = re.compile(
    r"\b(?:previously|originally|initially|already-$|"
    r"had\s+(?:already\s+)?(?:been|[a-z]+ed|given|gotten|got|won)\b)",
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
# A list entry's header line: "1. Chucky", "#3 - Chucky (Syfy)", "Chucky season 2".
_ENTRY_CLUTTER_RE = re.compile(r"#+|\(.*?\)|\d{1,2}[.)]|[-*\u2022\u00b7:|/]|\b(?:on|at)\b", re.I)
_MINOR_HEADER_WORDS = frozenset(("of", "the", "and", "a", "an", "in", "on", "at", "to", "for", "&"))
# A clock time ("8.30pm", "9:00", "6pm"), in TV listings and a listing's slot line.
_CLOCK = r"\d{1,2}[.:]\d{2}\s*(?:am|pm)?\b|\d{1,2}\s*(?:am|pm)\b"
_CLOCK_RE = re.compile(rf"\b(?:{_CLOCK})", re.I)
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
_OLD_START_DAYS = 90  # a shoot that began this long ago may be over
_PAST_START_RE = re.compile(
    r"\b(?:began|begun|started|kicked\s+off|commenced|resumed|got\s+underway)\b", re.I
)
_NAMED_AFTER_RE = re.compile(r"\s*['\"]?")
_ON_AIR_DAYS = 21  # a finale this close (or past) means the season is on air
# "The July 11 premiere drew 4.4 million viewers": a premiere with a result is behind us.
_RESULT_AFTER_RE = re.compile(
    r"(?:\s+of\s+[^.;,]{1,40}?)?\s+(?:" + p.EN.source_of("past", "result") + ")", re.I
)
_SINCE_RE = re.compile(r"\bsince\b", re.I)
# "X was one of the early TV releases of 2022": a year's releases looked back on.
_WAS_AMONG_RE = re.compile(
    r"\b(?:was|were)\s+(?:one\s+of|among)\s+(?:the\s+|its\s+)?(?:[\w'-]+\s+){0,3}$", re.I
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
# "after its New Year's Day release", "following the March 3 debut": the release is behind.
_AFTER_ITS_RE = re.compile(
    r"\b(?:after|following)\s+(?:(?:its|the|their|a)\s+)?(?:[\w'-]+\s+){0,2}$", re.I
)
# A subordinate clause that states no fact: "before it gets a third season", "if renewed".
_NOT_FACTUAL_RE = re.compile(r"[\s,(]*(?:before|until|till|unless|if|once|whether)\b", re.I)
_EPISODE_ONE_AFTER_RE = re.compile(
    r"\s*(?:--?|\u2013|\u2014|:)\s*(?:the\s+)?(?:series\s+|season\s+)?"
    r"(?:premiere\b|episodes?\s+(?:1|one)\b(?!\s*[.,]\d))",
    re.I,
)
# A press dateline: "CULVER CITY, CA - December 15, 2025 - ...", "May 28 (UPI) -- ...".
_DATELINE_AFTER_RE = re.compile(r"\s*(?:\([A-Z][\w .]{0,20}\)\s*)?(?:--?|\u2014|\u2013)\s")
_DATELINE_BEFORE_RE = re.compile(r"[^a-z.;!?]{0,40}")
_UPCOMING_RE = re.compile(r"\b(?:upcoming|forthcoming|next|coming)\b", re.I)
_NEXT_RE = re.compile(r"\b(?:next|forthcoming|upcoming|coming)\s+(?:season|series|run)\b", re.I)
_CONFIRM_VERB_RE = re.compile(r"confirm|announc|set\b|sets\b|date|slate|schedul", re.I)
_UNTIL_RE = re.compile(r"\b(?:until|till)\b", re.I)
_UNTIL_START_RE = re.compile(r"\s*(?:until|till)\b", re.I)
_FOR_BEFORE_RE = re.compile(r"\bfor\s+(?:the\s+)?(?=\S*$)", re.I)
_BOUNDARY_RE = re.compile(r"[,;:(]|\s(?:and|or|plus|while|whereas)\s")
# "Cancelled: Static, Fathom.": a status label over a list of (capitalised) titles.
_LABEL_LIST_RE = re.compile(r"\s*:\s*['\"]?(?P<first>[A-Z0-9][\w'-]*)")
# TV listings: "9.00pm X (BBC One)" starts an entry; "New series", "begins its second
# series" say the listed day is the season's start.
_LISTING_TIME_RE = re.compile(rf"\s*(?:{_CLOCK})", re.I)
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
_ATTACHED_RE = re.compile(r"['\"]?(?:'s)?\s*[(\[]?\s*")
# A ";" that starts another labelled list section: "...; cancelled: B", "; on the bubble: C".
_SECTION_RE = re.compile(r";(?=\s*(?:[\w'-]+\s+){0,3}[\w'-]+\s*:\s)")
_NOT_A_TITLE = frozenset(("yes", "no", "none", "tba", "tbd", "tbc", "confirmed", "official"))


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the extractor concluded about one watch in one item."""

    watch: Watch
    mentioned: bool
    claims: tuple[Claim, ...]
    notes: tuple[Note, ...] = ()


@dataclass(slots=True)
class _Candidate:
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


# "Disney decided to release ... on Aug. 18", a day this far ahead: the day gone by.
_DECIDED_TO_RE = re.compile(r"\b(?:decided|chose|opted|elected)\s+to\s+$", re.I)
_DECIDED_AHEAD_DAYS = 150
# "the network renewed Blindspot for a final season": a renewal whose object is named, and
# is not the watched show (masked as '#'), is that other show's.
_OTHER_OBJECT_RE = re.compile(
    r"\s+(?!(?:The|It|Its|This|That|Their|Season|Series|Show|Part|For|Both|All)\b)"
    r"[A-Z][\w'-]*(?:\s+[A-Z0-9][\w'-]*){0,3}\s+(?:for|through|thru|into|until)\b"
)
_CATCH_UP_RE = re.compile(
    r"\bcatch\s+up\b|\bbefore\s+(?:the\s+)?(?:new|next|upcoming)\s+(?:season|episodes)\b", re.I
)
# An aside on the show before its verb: "X, which features Y's Z, is", "X, Y's revival, has".
_RELATIVE_ASIDE_RE = re.compile(
    r",\s+(?:which|who|the|a|an|[A-Z][\w-]*(?:'s|’s))\s[^,;.:!?()]{3,160},"
    r"(?=\s+(?:is|was|will|has|had|returns|premieres)\b)"
)

# "the green light for a second season, reportedly a 13-episode pick-up": a hedge of the detail.
_APPOSITIVE_HEDGE_RE = re.compile(
    r",\s(?:reportedly|allegedly|supposedly|apparently)\s+(?:a|an|with|for|\d)\b", re.I
)
# "unclear when | we can expect Season Two": the words of a "when" question before the season
# it asks about.
_WHEN_OBJECT_RE = re.compile(
    r"\s*(?:we|you|fans|viewers)\s+(?:can|could|will|might)\s+(?:expect|see|get)\s+", re.I
)

# ("will first premiere via Paramount+" is the coming first airing, and "originally set
# for July 2" an old plan: neither is history)
_FIRST_BEFORE_RE = re.compile(r"(?<!\bwill\s)(?<!\bto\s)\bfirst\s+$", re.I)
# "Production on the series was halted by the strike" (read from the cue on: the cue may
# run over the verb), "the strike halted production": a phase stopped, not under way.
_HALTED = r"(?:halted|shut\s+down|suspended|paused|stopped|put\s+on\s+(?:hold|pause))"
_HALTED_FROM_RE = re.compile(
    r"[^.;,]{0,80}?\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are|remains?|got)\s+"
    rf"(?:\w+\s+)?{_HALTED}\b",
    re.I,
)
_HALTED_BEFORE_RE = re.compile(rf"\b(?:{_HALTED}|halts|suspends|pauses)\s+(?:the\s+)?$", re.I)
_YET_RE = re.compile(r"\byet\b", re.I)
_UPDATE_LINE_RE = re.compile(r"\s*\(?(?:update|updated|editor's\s+note)\b", re.I)
# A headline's "Release Date" label ("X Season 2 - Premiere Date 2023").
_DATE_LABEL_RE = re.compile(r"\b(?:premiere|release|air)\s+date\b", re.I)
# "In 2019, BET renewed X" / "back in 2019": a renewal the sentence dates to a past year.
_IN_YEAR_RE = re.compile(r"\b(?:back\s+)?in\s+((?:19|20)\d\d)\b", re.I)
# Any year in a sentence: one long before the item dates a launch as the show's history.
_ANY_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


# A sentence that opens on a condition ("If …", "But unless …", "Assuming …").
_CONDITION_OPENING_RE = re.compile(
    r"\s*(?:(?:but|and|so|still|now)\s*,?\s+)?(?:if|unless|assuming|provided(?:\s+that)?|"
    r"in\s+case|should\s+(?=\S+\s+(?:be|get|return|come)\b))\b(?!\s+you\b)",
    re.I,
)


# A question that opens on "why" or "how come" ("Why did they cancel it?").
_WHY_OPEN_RE = re.compile(r"""\s*["'“‘]?(?:why|how\s+come)\b""", re.I)
_WHY_SUBJECT_RE = re.compile(r"\b(?:it|the\s+(?:show|series|sitcom|drama|comedy))\b", re.I)


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


@dataclass(slots=True)
class _Evaluator:
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
            last = _season_number(m.group()) if m.lastgroup == "end" else None
            if last is not None and not self._names_other_inside(m.start(), m.end()):
                stated.append((m.start(), last))
        if stated:
            self.final = self.stated_final = min(stated)[1]
        self.headline_seasons = self._headline_seasons()
        self.item_season = self._item_season()
        candidates: list[_Candidate] = []
        candidates += self._renewals()
        candidates += self._cancellations()
        candidates += self._dates()
        candidates += self._listings()
        candidates += self._unannounced()
        candidates += self._undecided()
        candidates += self._phases()
        claims = self._resolve(_drop_prefix_duplicates(candidates))
        return Analysis(self.watch, True, claims, tuple(self.notes))

    # ----- where in each sentence the show is spoken about

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
        if not own and sentence.end <= self._first_mention():
            # Before the item first names the show, "it" and "the series" are another one.
            return None
        if not own and _ANOTHER_KIND_RE.search(doc.text, sentence.start, sentence.end):
            # "Here's another BL series coming this September 26": a show of some kind other
            # than ours (not "back for another series", the UK's next season).
            return None
        if not others:
            return Scope([(sentence.start, sentence.end)])
        holes = _dash_asides(doc.text, sentence.start, sentence.end)
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
        """The one season every numbered mention in the item is about, if there is one."""
        values: set[int] = set()
        for sentence in self.doc.sentences:
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

    # ----- gates shared by every field

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
            hedge = _first_in(self.doc.speculation, sentence.start, max(pos, hedge_end))
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
                pool, key=lambda s: _distance(s, pos)
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

    # ----- renewal

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

    def _renewals(self) -> list[_Candidate]:
        out: list[_Candidate] = []
        for m in self.doc.renew:
            opened = self._open("renewal", m.start(), m.end(), background_ok=True)
            if opened is None:
                continue
            sentence, clause, scope = opened
            if self._unlisted(sentence, m.end()):
                self._note("renewal", sentence, "a list of other titles")
                continue
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
                            out.append(_Candidate("renewal", "undecided", sentence, m.start()))
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
                    "renewal", sentence, f"about season {_fmt(seasons)}, not {self.watch.season}"
                )
                continue
            candidate = _Candidate(
                "renewal", value, sentence, m.start(), scope.in_prefix(m.start())
            )
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

    def _cancellations(self) -> list[_Candidate]:
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
            opened = self._open("renewal", m.start(), m.end(), background_ok=m.lastgroup == "end")
            if opened is None:
                continue
            sentence, clause, scope = opened
            if self._unlisted(sentence, m.end()):
                self._note("renewal", sentence, "a list of other titles")
                continue
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
                last = _season_number(m.group())
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
                        _Candidate("renewal", "renewed", sentence, m.start(), explicit_season=True)
                    )
                    continue
                if last is None or self.watch.season <= last:
                    continue
                out.append(
                    _Candidate("renewal", "cancelled", sentence, m.start(), explicit_season=True)
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
                    "renewal", sentence, f"about season {_fmt(seasons)}, not {self.watch.season}"
                )
                continue
            if self.stated_final is not None and self.watch.season <= self.stated_final:
                # "Canceled, Season 3 to Be Its Last": the run ends after season 3.
                self._note("renewal", sentence, f"season {self.stated_final} is the last one")
                continue
            candidate = _Candidate(
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
        counts = {_season_number(c.group()) for c in _AFTER_COUNT_RE.finditer(self.doc.text)}
        counts.discard(None)
        return counts.pop() if len(counts) == 1 else None

    def _date_cancelled(self, clause: Clause, m: re.Match[str]) -> bool:
        """ "The October 2 premiere has been scrapped": a date is off, not the show."""
        text = self.doc.text
        if p.CANCELLED_SUBJECT_RE.search(text, max(clause.start, m.start() - 40), m.start()):
            return True
        return p.CANCELLED_OBJECT_RE.match(text, m.end(), min(clause.end, m.end() + 50)) is not None

    def _undecided_kept(self, candidates: list[_Candidate], last: int) -> list[_Candidate]:
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

    def _renewed_years_ago(self, c: _Candidate) -> bool:
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

    def _undecided(self) -> list[_Candidate]:
        out: list[_Candidate] = []
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
                out.append(_Candidate("renewal", "undecided", sentence, m.start()))
        return out

    def _last_season_below(self) -> list[_Candidate]:
        """ "Its fourth and final season premieres...": there is no season 5."""
        out: list[_Candidate] = []
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
            out.append(_Candidate("renewal", "cancelled", sentence, s.start, explicit_season=True))
        return out

    # ----- dates

    def _dates(self) -> list[_Candidate]:
        out: list[_Candidate] = []
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

    def _listings(self) -> list[_Candidate]:
        """A listing's day line ("Sunday 27 September.") dates an entry that starts a season."""
        doc = self.doc
        out: list[_Candidate] = []
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
            if start is None or _first_in(doc.hedges, lo, hi) is not None:
                continue
            seasons: set[int] = set()
            for s in doc.seasons:
                if lo <= s.start < hi and (s.kind == "number" or s.final):
                    seasons |= self._seasons_of(s)
            if seasons != {self.watch.season}:
                continue
            evidence = self._sentence_at(start.start()) or entry[0]
            out.append(
                _Candidate(
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
        holes = _dash_asides(doc.text, sentence.start, dm.start)
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
    ) -> _Candidate | None:
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
        said_by = _first_in(doc.speculation, trigger.end(), dm.start)
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
            self._note("date", sentence, f"date '{dm.text}' is about season {_fmt(seasons)}")
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
        return _Candidate(
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

    def _unannounced(self) -> list[_Candidate]:
        out: list[_Candidate] = []
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
                self._note("date", sentence, f"'{m.group()}' is about season {_fmt(seasons)}")
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
                _Candidate("date", "unannounced", sentence, m.start(), scope.in_prefix(m.start()))
            )
        return out

    # ----- phases

    def _phases(self) -> list[_Candidate]:
        out: list[_Candidate] = []
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
                    mention = min(numbered, key=lambda s: _distance(s, m.start()))
                    seasons = self._seasons_of(mention)
                    source = "sentence"
            if self.watch.season not in seasons:
                if source in ("clause", "sentence"):
                    self.elsewhere.add("phase")
                self._note("phase", sentence, f"'{m.group()}' is about season {_fmt(seasons)}")
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
            candidate = _Candidate("phase", phase, sentence, m.start(), scope.in_prefix(m.start()))
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
    ) -> list[_Candidate]:
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
        candidate = _Candidate(
            "renewal", "renewed", sentence, m.start(), scope.in_prefix(m.start())
        )
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

    # ----- one value per field

    def _resolve(self, candidates: list[_Candidate]) -> tuple[Claim, ...]:
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
                renewal = _Candidate("renewal", "renewed", implied.sentence, implied.pos)
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

    def _claim(self, candidate: _Candidate) -> Claim:
        return Claim(candidate.field, candidate.value, self.doc.sentence_text(candidate.sentence))

    def _pick_renewal(self, candidates: list[_Candidate]) -> _Candidate | None:
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

    def _pick_date(self, candidates: list[_Candidate]) -> _Candidate | None:
        real = [c for c in candidates if c.date_value is not None]
        kept: list[_Candidate] = []
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


def _first_in(matches: list[re.Match[str]], start: int, end: int) -> re.Match[str] | None:
    for m in matches:
        if start <= m.start() and m.end() <= end:
            return m
    return None


def _refines(candidate: _Candidate, others: list[_Candidate]) -> bool:
    """Whether a candidate's date is a finer one inside one of `others`' dates."""
    value = candidate.date_value
    return value is not None and any(
        o.date_value is not None
        and o.date_value.lo <= value.lo
        and value.hi <= o.date_value.hi
        and value.rank > o.date_value.rank
        for o in others
    )


def _rank(candidate: _Candidate) -> int:
    return candidate.date_value.rank if candidate.date_value is not None else 0


def _drop_prefix_duplicates(candidates: list[_Candidate]) -> list[_Candidate]:
    """A shared list predicate applies only where the show's own segment says nothing."""
    own = {(c.sentence.start, c.field) for c in candidates if not c.from_prefix}
    return [c for c in candidates if not c.from_prefix or (c.sentence.start, c.field) not in own]


def _distance(mention: SeasonMention, pos: int) -> int:
    if mention.start <= pos < mention.end:
        return 0
    return mention.start - pos if mention.start > pos else pos - mention.end + 1


def _dash_asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
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


def _season_number(text: str) -> int | None:
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


_WITH_THE_REST_RE = re.compile(
    r"\s*,?\s*with\s+the\s+(?:rest|remainder|remaining\s+episodes|back\s+half)\b", re.I
)
_GENERIC_YOU_RE = re.compile(r"\W*(?:you|one)\s+(?:can|could|may|might|will|'ll)\b", re.I)
_AIRED_DAYS_RE = re.compile(r"(?:last\s+night|yesterday|\w+day)'s\s", re.I)
_AFTER_DONE_RE = re.compile(r"\bafter\s+(?:(?:wrapping|finishing|completing)\s+)?$", re.I)


# "'FBI' and its spinoffs", "X and their sequels": the show is one of the works named.
_AND_ITS_RE = re.compile(r"#['\"’]?\s+(?:and|&|plus)\s+(?:all\s+|both\s+)?(?:its|their)\b")
_AFTER_COUNT_RE = re.compile(
    # (or a run's length: "lasting only two seasons", "spanned across 7 seasons")
    r"\b(?:after\s+|(?:lasted|lasting|spanned|spanning)\s+(?:for\s+|across\s+)?)"
    r"(?:just\s+|only\s+)?(?:a\s+(?=single\b))?(?P<n>\w+)\s+"
    r"(?:(?!more\b|additional\b|further\b)[\w-]+\s+){0,2}?"
    r"(?:seasons?|series)\b",
    re.I,
)


def _fmt(seasons: set[int]) -> str:
    shown = sorted(s for s in seasons if s > 0)
    return " and ".join(str(s) for s in shown) if shown else "another part"
