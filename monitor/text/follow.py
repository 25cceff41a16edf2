"""The words a regex match's second word can be, given its first: the keyed scan's gate.

The keyed scan (monitor.text.scan) tries a pattern at every token its matches can start
with; most tries fail at the next word ("the" opens "the first season", tried at every
"the"). `second_words(regex, word)` walks the regex's parse tree from the left, as
`monitor.extract.lexicon.starts` does for first words, and answers which tokens may follow
`word` in a match: the scan skips a start whose next token is not among them. Whenever the
walk cannot be sure (a word cut short by a repeat, a conditional group, any character, a
match that may end after the first word), the answer is None: no gate, every start tried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_WORD_CHAR_RE = re.compile(r"\w")
_ENUMERABLE = 12  # a class of at most this many letters is spelled out, letter by letter
_UNROLL = 2  # a run of one class up to this long is spelled out too
_MAX_FOUND = 20_000  # beyond this many (first, second) pairs the pattern is not gated
_MAX_STEPS = 200_000  # a walk this long (optional parts multiply paths): not gated
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))
_CUT = ("cut", None)  # sentinel item: a word goes on past this point, spelled unknown


class _Loose(Exception):
    """The walk cannot tell: no gate for this pattern."""


@dataclass(frozen=True, slots=True)
class Follow:
    """Second words (exact) and second-word prefixes a match may go on with."""

    words: frozenset[str]
    prefixes: tuple[str, ...]

    def admits(self, token: str | None) -> bool:
        """Whether a match may go on with the token `token` (None: the text ends)."""
        return token is not None and (token in self.words or token.startswith(self.prefixes))


# A walk's state: (first word, whether it is complete, the second word so far), the
# second word None until the separator after the first word has been passed.
_State = tuple[str, bool, str | None]
# (first word, first complete, second word, second complete); second None: any token
_Found = set[tuple[str, bool, str | None, bool]]


def second_words(regex: re.Pattern[str], word: str) -> Follow | None:
    """What may follow a first token spelled `word` (lowercase) in a match of `regex`."""
    index = _pairs(regex)
    if index is None:
        return None
    exact, cut_short = index
    words: set[str] = set()
    prefixes: set[str] = set()
    if any(word.startswith(first) for first in cut_short):
        return None  # the match's first word may go on past `word`
    for second, second_complete in exact.get(word, ()):
        if second is None:
            return None  # the match may end after `word`, or anything may follow it
        (words if second_complete else prefixes).add(second)
    if not words and not prefixes:
        return None  # no match opens with `word` here: left to the regex
    return Follow(frozenset(words), tuple(sorted(prefixes)))


# first word -> its (second word, complete) pairs; first words a match may cut short
_Index = tuple[dict[str, list[tuple[str | None, bool]]], tuple[str, ...]]
_CACHE: dict[tuple[str, int], _Index | None] = {}


def _pairs(regex: re.Pattern[str]) -> _Index | None:
    key = (regex.pattern, regex.flags)
    if key not in _CACHE:
        found: _Found = set()
        try:
            tree = list(sre_parse.parse(regex.pattern, regex.flags))
            _walk(tree, ("", False, None), found, [_MAX_STEPS])
        except (_Loose, RecursionError):
            _CACHE[key] = None
        else:
            exact: dict[str, list[tuple[str | None, bool]]] = {}
            for first, complete, second, second_complete in found:
                if complete:
                    exact.setdefault(first, []).append((second, second_complete))
            cut_short = tuple(sorted({f for f, complete, _, _ in found if not complete}))
            _CACHE[key] = (exact, cut_short)
    return _CACHE[key]


def _walk(items: list[Any], state: _State, found: _Found, budget: list[int]) -> None:
    """Add to `found` every (first word, second word) a match of `items` can open with."""
    budget[0] -= 1
    if len(found) > _MAX_FOUND or budget[0] < 0:
        raise _Loose
    first, first_done, second = state
    for index, (op, av) in enumerate(items):
        rest = items[index + 1 :]
        if (op, av) == _CUT:
            _cut(first, first_done, second, found)
            return
        if op is sre.AT:
            if av in (sre.AT_BOUNDARY, sre.AT_END, sre.AT_END_STRING):
                if not first_done and first:
                    first_done = True  # the first word ends here
                elif second:
                    found.add((first, True, second, True))
                    return
                if av is not sre.AT_BOUNDARY:
                    _end(first, first_done, second, found)
                    return
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            if op is sre.ASSERT_NOT and not av[1]:
                return  # "(?!)": a branch cut away, it matches nothing
            continue  # zero-width: the match goes on after it
        if op is sre.LITERAL:
            char = chr(av).lower()
            if _WORD_CHAR_RE.match(char):
                if char == "_":
                    raise _Loose  # the scan's tokens split at "_", the regex's words do not
                if not first_done:
                    first += char
                else:
                    second = (second or "") + char
                continue
            if not first_done:
                if not first:
                    raise _Loose  # a match opening off a word
                first_done = True
            elif second:
                found.add((first, True, second, True))
                return
            continue
        if op is sre.IN:
            letters, other = char_class(av)
            if other and letters is not None and not letters:  # only non-word: a separator
                if not first_done:
                    if not first:
                        raise _Loose
                    first_done = True
                elif second:
                    found.add((first, True, second, True))
                    return
                continue
            if letters is None or other or len(letters) > _ENUMERABLE or "_" in letters:
                _cut(first, first_done, second, found)
                return
            for letter in sorted(letters):
                if not first_done:
                    _walk(rest, (first + letter, False, None), found, budget)
                else:
                    _walk(rest, (first, True, (second or "") + letter), found, budget)
            return
        if op is sre.BRANCH:
            for branch in av[1]:
                _walk(list(branch) + rest, (first, first_done, second), found, budget)
            return
        if op is sre.SUBPATTERN:
            _walk(list(av[-1]) + rest, (first, first_done, second), found, budget)
            return
        if op in _REPEATS:
            low, high, sub = av
            here = (first, first_done, second)
            if low == 0:
                _walk(rest, here, found, budget)
            if high == 1 or (_separator(list(sub)) and (low > 0 or high > 0)):
                # once is enough: more of a separator only adds separators
                _walk(list(sub) + rest, here, found, budget)
            elif high <= _UNROLL and len(sub) == 1 and sub[0][0] in (sre.IN, sre.LITERAL):
                optional = [(sre.MAX_REPEAT, (0, 1, list(sub)))] * (high - max(low, 1))
                _walk(list(sub) * max(low, 1) + optional + rest, here, found, budget)
            elif low > 0 or high > 0:
                # some of `sub`, then letters the walk cannot spell: its first ones kept
                _walk([*sub, _CUT], here, found, budget)
            return
        # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, CATEGORY, ...: cannot tell.
        _cut(first, first_done, second, found)
        return
    _end(first, first_done, second, found)


def _end(first: str, first_done: bool, second: str | None, found: _Found) -> None:
    """The pattern (or the text) may end here: the token may go on, any token may follow."""
    if not first:
        raise _Loose
    if second:
        found.add((first, True, second, False))
    else:
        found.add((first, first_done, None, False))


def _cut(first: str, first_done: bool, second: str | None, found: _Found) -> None:
    """Something the walk cannot spell out comes next."""
    if not first:
        raise _Loose
    if second:
        found.add((first, True, second, False))  # the second word opens with `second`
    else:
        found.add((first, first_done, None, False))  # anything may follow


def _separator(items: list[Any]) -> bool:
    """Whether `items` only ever match non-word characters (or nothing)."""
    for op, av in items:
        if op is sre.LITERAL:
            if _WORD_CHAR_RE.match(chr(av)):
                return False
        elif op is sre.IN:
            letters, other = char_class(av)
            if letters is None or letters or not other:
                return False
        elif op is sre.SUBPATTERN:
            if not _separator(list(av[-1])):
                return False
        elif op is sre.BRANCH:
            if not all(_separator(list(b)) for b in av[1]):
                return False
        elif op in _REPEATS:
            if not _separator(list(av[2])):
                return False
        elif op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return False
    return True


def char_class(items: list[Any]) -> tuple[set[str] | None, bool]:
    """The letters a parsed character class admits (None: too many to list, or any) and
    whether it also admits non-word characters (shared with lexicon.starts)."""
    letters: set[str] | None = set()
    other = False
    for op, av in items:
        if op is sre.NEGATE:
            return None, True
        if op is sre.LITERAL:
            char = chr(av)
            if _WORD_CHAR_RE.match(char):
                if letters is not None:
                    letters.add(char.lower())
            else:
                other = True
        elif op is sre.RANGE:
            low, high = av
            chars = [chr(c) for c in range(low, high + 1)]
            if letters is not None:
                letters |= {c.lower() for c in chars if _WORD_CHAR_RE.match(c)}
            other = other or any(not _WORD_CHAR_RE.match(c) for c in chars)
        elif op is sre.CATEGORY:
            if av is sre.CATEGORY_DIGIT:
                if letters is not None:
                    letters |= set("0123456789")
            elif av is sre.CATEGORY_WORD:
                letters = None
            elif av in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD):
                other = True
            else:
                return None, True  # \D, \S: letters and non-letters
        else:
            return None, True
    return letters, other
