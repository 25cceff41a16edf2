"""One item prepared once for the claim rules: titles masked, every pattern run once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from monitor.extract import patterns as p
from monitor.extract.dates import MONTH_NAME, find_dates
from monitor.extract.sentences import Sentence, split_sentences
from monitor.match.seasons import (
    ORDINAL_WORDS,
    find_seasons,
    title_number,
)
from monitor.match.titles import TitleMention, show_key
from monitor.text.normalize import mask, normalize, words
from monitor.text.scan import Tokens

WORD_RE = re.compile(r"[\w'#-]+")

# What a documentary is about ("the docuseries about the Dallas Cowboys cheerleaders"): its
# subject, not another title (a show "about Big Brother Naija Season 5 winner Laycon" names one).
_TOPIC_BEFORE_RE = re.compile(
    r"\b(?:docuseries|documentary|docudrama|biopic)\s+"
    r"(?:about|following|chronicling|documenting|profiling)\s+(?:the\s+)?$",
    re.I,
)

# Sporting events a schedule names beside a show's slot: never another show.
_EVENT_NAME_RE = re.compile(
    r"\b(?:olympic|olympics|paralympic|paralympics|super\s+bowl|world\s+cup|grand\s+prix)\b", re.I
)

# "Filmed in Co Down earlier this year, ...": a participle opening the sentence.
_OPENER_RE = re.compile(
    r"(?:[A-Z][a-z]+(?:ed|ing|ly)|Shot|Set|Written|Made|Born|Based|Seen|Shown|Known|Told)"
    r"\s+(?:in|on|at|of|for|to|by|with|from|across|around|near)\s+(?:the\s+)?(?=[A-Z0-9])"
)

# "in a press release Wednesday", "said in a release Monday": a statement, not the season's.
_PRESS_BEFORE_RE = re.compile(
    r"\bpress\s+$|\b(?:said|says|announced|stated|noted|confirmed)\s+in\s+a\s+$", re.I
)

# "it was announced that the animated series would be returning": "would" in reported
# speech is the announcement's future, not a guess.
_REPORTED_RE = re.compile(
    # (the subject may carry an appositive: "announced that his sketch series, X, would", or
    # follow a reason: "reported that because the show was so popular (...), X would")
    r"\b(?:announced|confirmed|revealed|reported|stated|declared)\s+that\s+"
    r"(?:(?:because|since|as|after|with)\b(?:[^.;:]|(?<=\d)\.(?=\d)){1,120}?,\s+)?(?:[\w'#-]+,?\s+){0,8}$",
    re.I,
)

# "delaying it from its planned fall 2025 release to spring 2026": the old date, not a guess.
_FROM_PLANNED_RE = re.compile(
    r"\bfrom\s+(?:the|its|their)\s+(?:original(?:ly)?\s+)?(?:planned|expected|intended|"
    r"targeted)$",
    re.I,
)

# The last word of a company's name ("High Noon Entertainment", "Sony Pictures Television").
_COMPANY_WORDS = frozenset(
    words(
        "entertainment productions studios pictures films media network networks group inc "
        "llc ltd company distribution animation"
    )
)

_ADVERBS = ("officially ", "formally ", "also ", "finally ", "publicly ")

_REPORTING = ("announced ", "confirmed ", "revealed ", "unveiled ", "said ", "shared ", "told ")

_AS_BEFORE_RE = re.compile(r"\bas\s+(?:[\w-]+\s+){0,3}$", re.I)

_COMMA_AFTER_RE = re.compile(r"\s*,")

# A news aggregator's " - Publisher" or " | Publisher" at the end of a headline.
_PUBLISHER_RE = re.compile(
    r"\s+[-|]\s+(?:[A-Z][\w'.&+]*|of|on|the|and)(?:\s+(?:[A-Z][\w'.&+]*|of|on|the|and)){0,4}\s*$"
)

_QUOTE_START_RE = re.compile(r"['\"][A-Z0-9]")  # a cheap first look for _QUOTED_TITLE_RE

_QUOTED_TITLE_RE = re.compile(
    r"(?<![\w'])['\"](?P<name>[A-Z0-9][\w&:.-]*(?:\s+[\w&:.-]+){0,4})['\"](?![\w'])"
)


@dataclass(slots=True)
class Scope:
    """The parts of a sentence that speak about the watched show."""

    ranges: list[tuple[int, int]]  # our segment(s)
    prefix: tuple[int, int] | None = None  # a shared predicate: "Renewed: A, B and C"

    def allows(self, pos: int) -> bool:
        return self.in_segment(pos) or self.in_prefix(pos)

    def in_segment(self, pos: int) -> bool:
        return any(lo <= pos < hi for lo, hi in self.ranges)

    def in_prefix(self, pos: int) -> bool:
        return self.prefix is not None and self.prefix[0] <= pos < self.prefix[1]


# What joins the titles of a bare list: "'A,' 'B' Renewed", "A, B and C", "A and the hit B".
LIST_GAP_RE = re.compile(r"""[\s'"‘’“”]*(?:,|and|&|,\s*and)(?:\s+the\s+[\w-]+)?[\s'"‘’“”]*""")

# "created by Ron Leshem (Euphoria) and Hagar Ben Asher": a credit in brackets between
# the names of a list of people.
_PEOPLE_GAP_RE = re.compile(r"(?:\s*\([^()]{1,40}\))?" + LIST_GAP_RE.pattern)

# "The True Blood star is also an executive producer", "Gavin & Stacey alum Larry Lamb": a
# show named for a person's credit, the person being the subject; "Law & Order and Chicago
# Fire fans can relax: the show premieres ...": its audience, addressed, is not the subject.
_CREDIT_AFTER_RE = re.compile(
    rf"(?:'s)?\s+(?:{p.ROLE_WORDS}|alum|alumna|alumnus|veteran|fan|viewer|devotee|diehard)"
    r"(?:e?s)?\b(?!'s)",
    re.I,
)

# "Bruce McCulloch of Kids in the Hall", "Jon Stewart of The Daily Show": a person's name
# and the show they are known for (two capitalised words, "of", the title; not the heads of
# titles such as "The Silence of the Lambs", "Rise of the Planet").
_PERSON_OF_RE = re.compile(
    r"(?!(?:The|A|An|Return|Rise|Fall|Secrets?|Lord|House|King|Queen)\s)[A-Z][a-z]+\s+(?:Mc|Mac|O')?[A-Z][a-z]+\s+of\s+(?:the\s+|The\s+)?[A-Z]"
)

# "created by Ron Leshem (Euphoria)", "Stephen Tompkinson (Trollied, Ballykissangel, Wild At
# Heart)": titles in brackets after a person's name are credits.
_CREDIT_OPEN_RE = re.compile(r"\b[A-Z][\w'-]+\s*\($")

_CREDIT_REACH = 60  # characters from a title to its brackets


@functools.lru_cache(maxsize=4096)
def _not_season_subject(word: str) -> bool:
    """ "trailer", "ratings", "posters": a word before a release verb that is not the season."""
    return p.NOT_SEASON_SUBJECT_RE.fullmatch(word.strip("'")) is not None


class Document:
    """One item prepared once: normalised, titles masked, every pattern run once."""

    def __init__(
        self,
        title: str,
        text: str,
        published: date | None,
        mentions: list[TitleMention],
        norm: str | None = None,
    ) -> None:
        self.raw = f"{title}\n{text}" if title else text
        self.headline_end = len(title) if title else 0
        self._releases: dict[tuple[int, int], bool] = {}  # verb span -> `is_release`
        self.published = published
        if norm is None:  # the caller may have normalised the text for the title matcher
            norm = normalize(self.raw)
        mentions = [_bare_title(norm, m) for m in mentions]
        self.mentions = mentions
        masked = mask(norm, [(m.start, m.end) for m in mentions])
        if "utin" in masked:
            # "with a third outing": an ordinal's outing is a season, and every season cue
            # reads it once it is spelt so (same length: offsets are kept).
            masked = _OUTING_RE.sub(_as_season, masked)
        suffix = _PUBLISHER_RE.search(norm, 0, self.headline_end)
        if suffix is not None:
            # "... sets early 2027 return - TV Tonight": the outlet's name says nothing.
            masked = mask(masked, [suffix.span()], " ")
        self.text = masked
        self.sentences = split_sentences(self.text, self.headline_end)
        tokens = Tokens(self.text)
        seasons = find_seasons(self.text, tokens)
        for m in mentions:
            extra = title_number(self.text, m.end)
            if extra is not None:
                seasons.append(extra)
        if all(s.elliptical for s in seasons):
            # "the first" is a season only in an item that talks about seasons.
            seasons = []
        self.seasons = sorted(seasons, key=lambda s: s.start)
        self.dates = find_dates(self.text, published, tokens)
        self.renew = tokens.scan(p.RENEW)
        self.cancel = tokens.scan(p.CANCEL)
        release_verbs = tokens.scan(p.DATE_TRIGGER)
        self.date_triggers = [m for m in release_verbs if self.is_release(m)]
        self.unannounced = tokens.scan(p.UNANNOUNCED)
        self.undecided = tokens.scan(p.UNDECIDED)
        self.phases = tokens.scan(p.PHASE)
        # Most items have none of the on-air words: skip the scan at every "season" then.
        lowered = self.text.lower()
        hinted = any(word in lowered for word in p.AIRING_HINTS)
        airing = tokens.scan(p.AIRING) if hinted else []
        if airing:
            self.phases = sorted([*self.phases, *airing], key=lambda m: m.start())
        self.hedges = [
            m
            for m in tokens.scan(p.HEDGE)
            if m.group()
            and not _FROM_PLANNED_RE.search(self.text, max(0, m.start() - 20), m.end())
            and not (
                m.group().lower() == "would"
                and _REPORTED_RE.search(self.text, max(0, m.start() - 220), m.start())
            )
            and not self._borne_out(m)
        ]
        self.speculation = [m for m in tokens.scan(p.SPECULATION) if not self._borne_out(m)]
        derivatives = [m.span() for m in tokens.scan(p.DERIVATIVE)]
        # Every derivative form needs one of the words ("spinoff", "film", ...).
        self.derivative_words = bool(tokens.scan(p.DERIVATIVE_WORD))
        if self.derivative_words:
            derivatives += [m.span() for m in p.DERIVATIVE_TITLE_RE.finditer(self.text)]
        self.derivatives = sorted(derivatives)
        # Every verb a date could belong to; None marks one that is not a release.
        releases = {m.start() for m in self.date_triggers}
        verbs: list[tuple[int, re.Match[str] | None]] = [
            (m.start(), m if m.start() in releases else None) for m in release_verbs
        ]
        # A verb at or inside a release trigger is the release ("Streaming on Hulu begins").
        spans = [m.span() for m in self.date_triggers]
        for verb in (*tokens.scan(p.OTHER_VERB), *self.renew, *self.cancel, *self.phases):
            if verb.lastgroup not in ("now", "past", "airing") and not any(
                a <= verb.start() < b for a, b in spans
            ):
                verbs.append((verb.start(), None))
        self.verbs = sorted(verbs, key=lambda v: v[0])
        self._names: dict[int, list[tuple[int, int]]] = {}
        self._short_names: frozenset[str] | None = None
        self._index: dict[int, int] | None = None  # sentence start -> its place in the list
        self.scopes: dict[str, dict[int, Scope | None]] = {}  # show key -> by sentence start

    def _season_follows(self, end: int) -> bool:
        """A season mention right after `end` ("Big Brother Naija Season 5"): the name before
        it is a show's."""
        return any(
            end <= s.start <= end + 3 and self.text[end : s.start].strip() in ("", "'s")
            for s in self.seasons
        )

    def short_names(self) -> frozenset[str]:
        """A show's first content words stand for it ("Abbott" for Abbott Elementary)."""
        if self._short_names is None:
            self._short_names = frozenset(
                w
                for m in self.mentions
                for w in m.show.split()[:2]
                if w not in p.NAME_STOPWORDS and len(w) > 2
            )
        return self._short_names

    def announced_at(self, end: int) -> bool:
        """ "Prime Video today announced": a reporting verb right after a date at `end`."""
        text = self.text
        if text[end : end + 1] != " ":
            return False
        pos = end + 1
        for adverb in _ADVERBS:
            if text.startswith(adverb, pos):
                pos += len(adverb)
                break
        return text.startswith(_REPORTING, pos)

    def is_release(self, m: re.Match[str]) -> bool:
        """Whether a release verb is about the season, not a trailer or a poster."""
        span = m.span()
        known = self._releases.get(span)
        if known is None:
            known = self._releases[span] = self._is_release(*span)
        return known

    def _is_release(self, start: int, end: int) -> bool:
        # Each `...$` pattern below is tried at every position of `before`: a substring
        # test it cannot match without goes first (same answers, a tenth of the time).
        text = self.text
        if _PRESS_BEFORE_RE.search(text, max(0, start - 20), start):
            return False  # "in a press release Wednesday"
        if p.OBJECT_AFTER_RE.match(text, end, min(len(text), end + 60)):
            return False
        before = text[max(0, start - 90) : start]
        if any(_not_season_subject(w) for w in WORD_RE.findall(before[-40:].lower())[-3:]):
            return False
        lowered = before.lower()
        if "episode" in lowered and p.LATER_EPISODE_BEFORE_RE.search(before):
            return False
        title = before.rfind("#")
        if (
            (title != -1 and p.SUBJECT_PP_TAIL_RE.fullmatch(before, title + 1))
            or any(noun in lowered for noun in p.SEVERAL_WORKS_NOUNS)
        ) and p.NOT_SEASON_SUBJECT_PP_RE.search(before):
            return False  # "the teaser for 'X season 2' premiered", "Trailers for both shows"
        return not (
            any(word in lowered for word in p.PRODUCTION_SUBJECT_WORDS)
            and p.PRODUCTION_SUBJECT_RE.search(before)
        )

    def _borne_out(self, m: re.Match[str]) -> bool:
        """ "As expected, X has been renewed", "Just as most people predicted, ...": the news
        bears the guess out; it is no guess itself."""
        return bool(
            _AS_BEFORE_RE.search(self.text, max(0, m.start() - 30), m.start())
            and _COMMA_AFTER_RE.match(self.text, m.end())
        )

    def sentence_before(self, sentence: Sentence) -> Sentence | None:
        if self._index is None:
            self._index = {s.start: i for i, s in enumerate(self.sentences)}
        index = self._index.get(sentence.start, 0)
        return self.sentences[index - 1] if index > 0 else None

    def sentence_text(self, sentence: Sentence) -> str:
        return " ".join(self.raw[sentence.start : sentence.end].split())

    def names(self, sentence: Sentence) -> list[tuple[int, int]]:
        """Title-case names in a body sentence that look like other shows."""
        cached = self._names.get(sentence.start)
        if cached is not None:
            return cached
        found: list[tuple[int, int]] = []
        if not sentence.headline:
            person_end = -1  # where the last name read as a person's ends
            for m in p.NAME_RE.finditer(self.text, sentence.start, sentence.end):
                start, end = m.start(), m.end()
                opener = _OPENER_RE.match(self.text, start, end)
                if opener is not None and not self.text[sentence.start : start].strip():
                    # "Filmed in Co Down earlier this year, ...": a sentence that opens on a
                    # participle; the name, if any, starts after its preposition.
                    start = opener.end()
                # "Call the Midwife on Christmas Day": the name stops where a date starts.
                if any(d.start <= start < d.end for d in self.dates):
                    continue
                for d in self.dates:
                    if start < d.start < end:
                        end = d.start
                trimmed = p.NAME_TAIL_RE.search(self.text, start, end)
                if trimmed is not None:
                    end = trimmed.start()
                words = self.text[start:end].split()
                content = [
                    w
                    for w in words
                    if w[:1].isupper() and w.lower().removesuffix("'s") not in p.NAME_STOPWORDS
                ]
                if len(content) < 2:
                    continue
                if in_credit(self.text, start, end):
                    continue  # "starring Stephen Moyer (True Blood, above)": the actor's credit
                if _PREDICATE_IN_NAME_RE.search(self.text, start, end):
                    continue  # "the New Series Will Premiere Later": a subheading's predicate
                if p.ROLE_WORD_RE.fullmatch(words[0]):
                    continue  # "Showrunner Eric Kripke": a person
                if words[-1].lower().rstrip(".,") in _COMPANY_WORDS:
                    continue  # "from High Noon Entertainment": the company that makes it
                if _EVENT_NAME_RE.search(self.text, start, end):
                    continue  # "after the Olympic Games Paris 2024": an event, not a show
                before = self.text[max(0, start - 30) : start]
                if (
                    _SOURCE_BEFORE_RE.search(before)
                    or _SOURCE_AFTER_RE.match(self.text, end)
                    or words[0].lower() in ("per", "via")
                    or (
                        self.text.endswith(("on ", "via "), max(0, start - 4), start)
                        and (
                            _OUTLET_BEFORE_RE.search(self.text, max(0, start - 60), start)
                            or _SLOT_BEFORE_RE.search(self.text, max(0, start - 40), start)
                        )
                    )
                ):
                    continue  # "Per TV Insider,", "Entertainment Weekly reports": an outlet
                owns_season = self.text.endswith("'s", start, end) and bool(
                    p.SHOW_POSSESSIVE_AFTER_RE.match(self.text, end, end + 40)
                )
                if (
                    p.PERSON_BEFORE_RE.search(before)
                    # "producers Stephen Merchant, John Krasinski and Allyson Seeger": the
                    # names listed after a person's are people too
                    or (person_end >= 0 and _PEOPLE_GAP_RE.fullmatch(self.text, person_end, start))
                ) and not owns_season:
                    person_end = end
                    continue
                if self.text.endswith("'s", start, end) and p.AUTHOR_WORK_AFTER_RE.match(
                    self.text, end, end + 40
                ):
                    continue  # "Robert Kirkman's comics": the author, not a show
                if p.PERSON_AFTER_RE.match(self.text[end : end + 40]):
                    continue
                if _TOPIC_BEFORE_RE.search(before) and not self._season_follows(end):
                    continue  # "the docuseries about the Dallas Cowboys cheerleaders": its subject
                if _CREDIT_AFTER_RE.match(self.text, end):
                    continue  # "The True Blood star is also a producer", "X fans": people
                if _PERSON_OF_RE.match(self.text, start, end):
                    continue  # "comes from Bruce McCulloch of Kids in the Hall": a person
                if (
                    (before.endswith(("the ", "The ")) or self.text.endswith("'s", start, end))
                    and p.DESCRIBED_SHOW_RE.match(self.text, end, end + 20)
                ) or (
                    p.DESCRIBED_BY_NAME_RE.match(self.text, end, end + 30)
                    # (people's names: "The Silence of the Lambs crime drama" is a source's)
                    and not _CONNECTOR_IN_NAME_RE.search(self.text, start, end)
                ):
                    continue  # "the Jeremy Allen White show", "Brian Alvarez's comedy"
                if p.PLACE_AFTER_RE.match(self.text, end) or _DESCRIBES_TITLE_RE.match(
                    self.text, end
                ):
                    continue  # "the Charters Towers region", "her Women's Institute comedy X"
                if p.PLACE_BEFORE_RE.search(before) and not p.PLACE_NOT_AFTER_RE.match(
                    self.text[end : end + 20]
                ):
                    continue
                found.append((start, end))
            found += self._one_word_names(sentence, found)
            status = _STATUS_LINE_RE.match(self.text, sentence.start, sentence.end)
            if (
                status is not None
                and "#" not in status.group("name")
                and status.span("name") not in found
            ):
                # a status list's "In the Dark (Renewed)": the line's title is another show,
                # however few capitals it has
                found = [*found, status.span("name")]
        quoted = None
        if _QUOTE_START_RE.search(self.text, sentence.start, sentence.end) is not None:
            quoted = _QUOTED_TITLE_RE.search(self.text, sentence.start, sentence.end)
        if quoted is not None and (
            sentence.headline or any(sentence.start <= s.start < sentence.end for s in self.seasons)
        ):
            # "'Ghosts' renewed for season 4, 'X' picked up for season 3", "handing "Ghosts" a
            # fourth season": a short quoted title beside seasons that is not the show is
            # another show.
            for m in _QUOTED_TITLE_RE.finditer(self.text, quoted.start(), sentence.end):
                start = m.start("name")
                if (
                    "#" not in m.group("name")
                    and not _SEASON_WORDISH_RE.fullmatch(m.group("name"))
                    # '"New episodes arrive October 16."': a quoted sentence, not a title
                    and not (m.group("name").endswith(".") and m.group("name").count(" ") >= 2)
                    and not any(lo <= start < hi for lo, hi in found)
                ):
                    found.append(m.span("name"))
            found.sort()
        self._names[sentence.start] = found
        return found

    def _one_word_names(
        self, sentence: Sentence, found: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """One capitalised word right before a season mention ("Gallowmere season 2") or as
        the subject of a passive verdict ("(Sirens was renewed for Season 2, ...)").

        A single word is too weak to be a name elsewhere, but written straight before
        "season 2" or "'s second season", or before "was renewed", it is the title that
        season or verdict belongs to.
        """
        candidates: list[tuple[int, int, str]] = []
        for s in self.seasons:
            if not sentence.start <= s.start < sentence.end:
                continue
            m = p.NAME_BEFORE_SEASON_RE.search(
                self.text, max(sentence.start, s.start - 40), s.start
            )
            if m is not None:
                candidates.append((*m.span("name"), m.group("name")))
        verdicts = any(
            sentence.start <= v.start() < sentence.end for v in (*self.renew, *self.cancel)
        )
        for m in (
            p.NAME_BEFORE_VERDICT_RE.finditer(self.text, sentence.start, sentence.end)
            if verdicts  # (only where a renewal or cancellation cue is: the scan costs)
            else ()
        ):
            if _CAPITALISED_BEFORE_RE.search(self.text, max(0, m.start() - 30), m.start()):
                continue  # "starring Charlie Cox has been renewed": the end of a longer name
            candidates.append((*m.span("name"), m.group("name")))
        out: list[tuple[int, int]] = []
        for start, end, name in candidates:
            word = name.lower()
            if (
                word in p.NAME_STOPWORDS
                or word in p.NOT_A_NAME_BEFORE_SEASON
                or word.endswith("ly")  # "Officially season 2 ...": an adverb
            ):
                continue
            if any(lo <= start < hi for lo, hi in (*found, *out)):
                continue
            if word in self.short_names():
                continue  # "Abbott season four": the show's own first word, not another show
            if p.PERSON_BEFORE_RE.search(self.text[max(0, start - 30) : start]):
                continue
            out.append((start, end))
        return out


_CAPITALISED_BEFORE_RE = re.compile(r"[A-Z][\w'-]*\s+$")

_SEASON_WORDISH_RE = re.compile(
    r"\d|season|series|part|vol|\b(?:one|two|three|four|five|six|(?-i:II|III|IV))\b", re.I
)

_TRAILING_NUMBER_RE = re.compile(r"\s+(?:\d{1,2}|II|III|IV)$")


def _bare_title(text: str, mention: TitleMention) -> TitleMention:
    """The mention without the season words its alias ends with (see `_title_cut`)."""
    span = text[mention.start : mention.end]
    key = (span, mention.show)
    cut = _CUTS.get(key, -1)
    if cut == -1:
        if len(_CUTS) >= 4096:
            _CUTS.clear()
        cut = _CUTS[key] = _title_cut(span, mention.show)
    if cut is None:
        return mention
    return TitleMention(mention.start, mention.start + cut, mention.show)


_CUTS: dict[tuple[str, str], int | None] = {}


def _title_cut(span: str, show: str) -> int | None:
    """An alias that names the season ("Loki Season 2", "The Boys 4") leaves it readable.

    Masking the whole alias would hide the season it names, so the mention stops where
    its trailing season words (or a number after the bare title) begin.
    """
    if _SEASON_WORDISH_RE.search(span) is None:
        return None
    found = find_seasons(span)
    if found and found[0].start == 0 and found[0].end == len(span.rstrip()):
        # An alias that is only a season ("31st series"): the season stays readable, and
        # the mention marks where the show is spoken of.
        return 0
    seasons = [s for s in found if s.start > 0]
    if seasons:
        rest = list(span)
        for s in seasons:
            rest[s.start : s.end] = " " * (s.end - s.start)
        head = span[: seasons[0].start].rstrip(" ,:-(")
        if head and "".join(rest[seasons[0].start :]).strip(" ,:-()") == "":
            return len(head)
    number = _TRAILING_NUMBER_RE.search(span)
    if number is not None and show_key(span[: number.start()]) == show:
        return number.start()
    return None


# A status list's line: "In the Dark (Renewed)", "Council of Dads (Canceled)".
_STATUS_LINE_RE = re.compile(
    r"\s*(?P<name>[^\n()#.!?]{1,60}?)\s*\(\s*(?:renewed|cancell?ed|ending|ended|pending|"
    r"undecided|on\s+the\s+bubble)\s*\)\s*$",
    re.I,
)


def in_credit(text: str, start: int, end: int) -> bool:
    """Whether the name at start:end stands in brackets that open right after a name."""
    opened = text.rfind("(", max(0, start - _CREDIT_REACH), start)
    if opened == -1 or ")" in text[opened:start]:
        return False
    closed = text.find(")", end, end + _CREDIT_REACH)
    if closed == -1 or "(" in text[end:closed]:
        return False
    return _CREDIT_OPEN_RE.search(text, max(0, opened - 40), opened + 1) is not None


_OUTING_RE = re.compile(
    r"\b((?:" + "|".join(ORDINAL_WORDS) + r"|\d{1,2}(?:st|nd|rd|th))[\s-]+)(outing)\b", re.I
)


def _as_season(m: re.Match[str]) -> str:
    return m.group(1) + ("Season" if m.group(2)[0] == "O" else "season")


_CONNECTOR_IN_NAME_RE = re.compile(r"\s(?:of|the|in|on|at|for|to)\s", re.I)

# "her BBC1 Women's Institute comedy Jam and Jerusalem": a name that describes the title.
_DESCRIBES_TITLE_RE = re.compile(rf"\s+(?:{p.GENRE_NOUNS}|procedural|soap|documentary)\s+['\"]?#")

# "the New Series Will Premiere Later This Year": a subheading's predicate, not a title.
_PREDICATE_IN_NAME_RE = re.compile(
    r"\s(?:Will\s+[A-Z]|(?:Is|Are|Has|Have)\s+(?:Be|Been|Set|Back|[A-Z]\w+(?:ing|ed))\b)"
)

# An outlet credited for the news is no show: "Per TV Insider, the network has renewed...".
_SOURCE_BEFORE_RE = re.compile(
    r"\b(?:per|according\s+to|via|told|reported\s+by|confirmed\s+(?:to|by)|first\s+reported\s+by|"
    r"(?:sister|news)\s+(?:site|outlet|publication|title|magazine))"
    r"\s+$",
    re.I,
)

_SOURCE_AFTER_RE = re.compile(
    r"\s+(?:reports|reported|has\s+learned|has\s+confirmed|first\s+reported|broke\s+the\s+news|"
    # "TV Blackbox understands the next season ...", "Now To Love can confirm"
    r"understands|is\s+hearing|hears|has\s+been\s+told|can\s+(?:exclusively\s+)?(?:confirm|reveal))\b"
)

# A time slot's channel is no show: "this Thursday night at midnight on Adult Swim".
_SLOT_BEFORE_RE = re.compile(
    r"\b(?:at\s+(?:\d{1,2}(?:[.:]\d\d)?\s*(?i:[ap]\.?m\.?)|midnight|noon)|(?i:mon|tues|wednes|"
    r"thurs|fri|satur|sun)days?\s+(?:nights?|evenings?|mornings?))(?:\s+(?:ET|PT|BST|GMT))?\s+on\s+$"
)

# The channel a season airs on is no show: "premieres on Animal Planet on February 20",
# "streaming exclusively on Nat Geo".
_OUTLET_BEFORE_RE = re.compile(
    r"\b(?:premieres?|premiered|premiering|airs?|aired|airing|streams?|streamed|streaming|"
    r"launch(?:es|ed|ing)?|debuts?|debuted|debuting|returns?|returned|returning|arrives?|"
    r"arrived|arriving|lands?|landed|available|broadcasts?|broadcast|shown|screens?)"
    # ("premiered on Monday at 9 pm on Sony Entertainment Television")
    r"(?:\s+(?:exclusively|only|first|again|globally|locally|in\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?|"
    r"on\s+(?i:mon|tues|wednes|thurs|fri|satur|sun)day|at\s+\d{1,2}(?:[.:]\d\d)?\s*(?i:[ap]\.?m\.?)?|"
    # ("will premiere on June 20th exclusively on WOW Presents Plus")
    rf"(?:on\s+)?{MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?,?))*"
    r"\s+(?:on|via)\s+$"
)
