"""The words a cue pattern's matches can start with, read from the pattern itself.

The keyed prefilter (monitor.text.scan) tries a pattern only at words its matches can
start with. Those words used to be a hand-kept list beside each pattern, which silently
dropped any new alternative whose first word was not added to it. Here they are derived
from the regex: its parse tree is walked from the left, through groups, alternatives,
optional parts and zero-width assertions, collecting the literal letters a match opens
with. A first word spelled out in full ("renewed", closed by \\b, a space or a hyphen)
is an exact start word; one cut short by a repeat or a class ("predict\\w*") is a prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from monitor.extract.lexicon import FILES, Cue, CueKind, Lexicon, alternation
from monitor.text.follow import char_class as _class
from monitor.text.scan import Keyed, keyed

_MAX_STARTS = 4096  # beyond this, the pattern opens too loosely to key (an error)
_ENUMERABLE = 12  # a class of at most this many letters is spelled out, letter by letter
_UNROLL = 2  # a run of one class up to this long is spelled out too
_WORD_CHAR_RE = re.compile(r"\w")


class UnkeyableError(ValueError):
    """A pattern whose matches can start at any word, or not at a word at all."""


@dataclass(frozen=True, slots=True)
class Starts:
    """Exact first words and first-word prefixes of every match of one pattern."""

    words: frozenset[str]
    prefixes: frozenset[str]

    def admits(self, word: str) -> bool:
        """Whether a match may start at a token spelled `word` (lowercase)."""
        return word in self.words or word.startswith(tuple(self.prefixes))

    def __or__(self, other: Starts) -> Starts:
        return Starts(self.words | other.words, self.prefixes | other.prefixes)


_CUT = ("cut", None)  # sentinel item: the first word may go on past this point


def derive(pattern: str, flags: int = re.I) -> Starts:
    """The start words of `pattern`; UnkeyableError when a match may start anywhere."""
    tree = sre_parse.parse(pattern, flags)
    found: set[tuple[str, bool]] = set()
    _walk(list(tree), "", found, pattern)
    words = frozenset(text for text, complete in found if complete)
    prefixes = frozenset(text for text, complete in found if not complete)
    if "" in prefixes:
        raise UnkeyableError(f"a match of {pattern[:60]!r} may start at any word")
    # A prefix already covers the words it opens.
    words = frozenset(w for w in words if not w.startswith(tuple(prefixes)))
    return Starts(words, prefixes)


def _walk(items: list[Any], prefix: str, found: set[tuple[str, bool]], pattern: str) -> None:
    """Add to `found` every (first word, spelled in full) a match of `items` can open with."""
    if len(found) > _MAX_STARTS:
        raise UnkeyableError(f"{pattern[:60]!r} opens with too many different words")
    for index, (op, av) in enumerate(items):
        rest = items[index + 1 :]
        if (op, av) == _CUT:
            found.add((prefix, False))
            return
        if op is sre.AT:
            if av in (sre.AT_BOUNDARY, sre.AT_END, sre.AT_END_STRING) and prefix:
                found.add((prefix, True))  # the word ends here
                return
            continue  # \b before the first letter, ^: zero-width
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # lookarounds are zero-width: the match starts after them
        if op is sre.LITERAL:
            char = chr(av)
            if _WORD_CHAR_RE.match(char):
                prefix += char.lower()
                continue
            _close(prefix, found, pattern)
            return
        if op is sre.IN:
            letters, other = _class(av)
            if other and not letters:
                _close(prefix, found, pattern)
                return
            if letters is None or other or len(letters) > _ENUMERABLE:
                found.add((prefix, False))  # the word goes on with some letter
                return
            for letter in sorted(letters):
                _walk(rest, prefix + letter, found, pattern)
            return
        if op is sre.BRANCH:
            for branch in av[1]:
                _walk(list(branch) + rest, prefix, found, pattern)
            return
        if op is sre.SUBPATTERN:
            _walk(list(av[-1]) + rest, prefix, found, pattern)
            return
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, high, sub = av
            if low == 0:
                _walk(rest, prefix, found, pattern)
            if high == 1:
                _walk(list(sub) + rest, prefix, found, pattern)
            elif high <= _UNROLL and len(sub) == 1 and sub[0][0] in (sre.IN, sre.LITERAL):
                # "\d{1,2}(?:st|nd|rd|th)": a short run of one character class, spelled
                # out, keeps the words after it ("3rd", "10th") instead of any number.
                optional = [(sre.MAX_REPEAT, (0, 1, list(sub)))] * (high - max(low, 1))
                _walk(list(sub) * max(low, 1) + optional + rest, prefix, found, pattern)
            else:
                _walk([*sub, _CUT], prefix, found, pattern)
            return
        # ANY, NOT_LITERAL, GROUPREF, ...: some character, maybe a letter.
        found.add((prefix, False))
        return
    if prefix:
        found.add((prefix, False))  # the pattern ends: the token may go on
    else:
        raise UnkeyableError(f"{pattern[:60]!r} can match an empty string")


def _close(prefix: str, found: set[tuple[str, bool]], pattern: str) -> None:
    """A non-word character: the first word is complete, or the match starts off a word."""
    if not prefix:
        raise UnkeyableError(f"a match of {pattern[:60]!r} may start with a non-word character")
    found.add((prefix, True))


def keyed_cues(lexicon: Lexicon, kind: CueKind, *forms: str, grouped: bool = False) -> Keyed:
    """The keyed scan of every `kind` cue of `lexicon` (of `forms`), its start words derived.

    Raises UnkeyableError naming the entry whose matches may start anywhere.
    """
    starts = Starts(frozenset(), frozenset())
    cues = [c for c in lexicon.of(kind) if not forms or c.form in forms]
    each: list[Starts] = []
    for cue in cues:
        try:
            each.append(derive(cue.pattern.pattern, cue.pattern.flags))
        except UnkeyableError as exc:
            raise UnkeyableError(
                f"{FILES[lexicon.language]}: {kind} cue {cue.pattern.pattern[:50]!r}: {exc}; "
                "start it with a word (or a lookbehind, then a word)"
            ) from exc
        starts |= each[-1]
    regex = lexicon.pattern_of(kind, *forms, grouped=grouped)
    return keyed(
        regex,
        " ".join(sorted(starts.words)),
        prefixes=" ".join(sorted(starts.prefixes)),
        narrow=_Narrower(cues, each, kind, grouped),
    )


class _Narrower:
    """word -> the cue alternation cut down to the cues whose matches may open with it.

    Built by `lexicon.alternation`, as `Lexicon.source_of` builds the whole one (file order,
    the same named groups), so at a token spelled `word` it matches exactly as the whole
    pattern does: a dropped cue cannot match there. Compiled lazily, once per set of cues.
    """

    def __init__(self, cues: list[Cue], starts: list[Starts], kind: CueKind, grouped: bool):
        self._cues = cues
        self._starts = starts
        self._kind = kind
        self._grouped = grouped
        self._by_set: dict[tuple[int, ...], re.Pattern[str]] = {}

    def __call__(self, word: str) -> re.Pattern[str]:
        # (asked once per word: `scan` keeps what it answers for every word it has seen)
        chosen = tuple(i for i, st in enumerate(self._starts) if st.admits(word))
        found = self._by_set.get(chosen)
        if found is None:
            source = (
                alternation(self._cues, self._kind, grouped=self._grouped, chosen=chosen)
                if chosen
                else "(?!)"
            )
            found = self._by_set[chosen] = re.compile(source, re.I)
        return found


def keyed_regex(regex: re.Pattern[str]) -> Keyed:
    """The keyed scan of a grammar regex, its start words derived the same way."""
    starts = derive(regex.pattern, regex.flags)
    return keyed(regex, " ".join(sorted(starts.words)), prefixes=" ".join(sorted(starts.prefixes)))
