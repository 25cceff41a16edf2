"""Run a big alternation regex only where a match can start: at words that begin one.

Python's `re` tries every alternative at every character of the text; an item of 500
characters and a 30-branch pattern cost about a millisecond. Each pattern here comes
with the words its alternatives start with, so it is tried at a handful of token
positions instead. `Tokens.scan` returns exactly what `finditer` would (tests check it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Literal

from monitor.text.follow import Follow, second_words
from monitor.text.normalize import words

_TOKEN_SPLIT_RE = re.compile(r"([^\W_]+)")
# Korean and Japanese run words together: no token boundaries to key on there.
_HANGUL_RE = re.compile(r"[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]")
_CODE_RE = re.compile(r"[sqh]\d", re.I)  # S2, Q1, H2
_CACHE_LIMIT = 100_000

# none: only the listed words; codes: also S2/Q1/H2; suffixed: also "3rd", "10th";
# any: also every token that starts with a digit.
Digits = Literal["none", "codes", "suffixed", "any"]


@dataclass(frozen=True, slots=True)
class Keyed:
    """A pattern, the lowercase words its matches can start with, and its bit."""

    regex: re.Pattern[str]
    starts: frozenset[str]
    prefixes: tuple[str, ...]
    digits: Digits
    bit: int
    # The pattern cut down to the alternatives a match at a token spelled `word` can take
    # (same groups, same order, so the same match): a 100-branch cue list tried at every
    # "in" or "on" cost a tenth of the English reader's time. None: the whole regex.
    narrow: Callable[[str], re.Pattern[str]] | None = field(default=None, compare=False)


def cut(
    branches: Sequence[str], kinds: Iterable[str] | None = None, *, flags: int = 0, before: str = ""
) -> re.Pattern[str]:
    """One regex of alternative branches, each named by its first group ("(?P<md>..."), or
    the same cut down to some kinds for a `narrow`: the others stay behind a `(?!)` that
    fails at once, so every group a caller may ask for still exists."""
    wanted = None if kinds is None else frozenset(kinds)
    kept = [b for b in branches if wanted is None or branch_kind(b) in wanted]
    kept += [f"(?!){b}" for b in branches if wanted is not None and branch_kind(b) not in wanted]
    return re.compile(before + "(?:" + "|".join(kept) + ")", flags)


def branch_kind(branch: str) -> str:
    """The name of a branch's first group: "md" for "(?P<md>(?:...)"."""
    m = _GROUP_NAME_RE.search(branch)
    if m is None:
        raise ValueError(f"a branch without a named group: {branch[:40]!r}")
    return m.group(1)


_GROUP_NAME_RE = re.compile(r"\(\?P<(\w+)>")
_REGISTRY: list[Keyed] = []
_Match = Callable[[str, int], "re.Match[str] | None"]  # a compiled pattern's `match`
# word -> (bit, match, gate) for each pattern a match can start at it, the pattern already
# narrowed to that word, and the tokens that may follow it in a match (None: any); most
# words: none. Resolved once per word, not per token.
_BITS: dict[str, tuple[tuple[int, _Match, Follow | None], ...]] = {}


def keyed(
    regex: re.Pattern[str],
    starts: str,
    *,
    prefixes: str = "",
    digits: Digits = "none",
    narrow: Callable[[str], re.Pattern[str]] | None = None,
) -> Keyed:
    """Register a pattern with the words its matches start with."""
    pattern = Keyed(
        regex, frozenset(words(starts)), words(prefixes), digits, 1 << len(_REGISTRY), narrow
    )
    _REGISTRY.append(pattern)
    _BITS.clear()
    return pattern


def _bits(word: str) -> tuple[tuple[int, _Match, Follow | None], ...]:
    first_digit = word[0].isdigit()
    code = not first_digit and _CODE_RE.match(word) is not None
    opened = [
        pattern
        for pattern in _REGISTRY
        if (
            word in pattern.starts
            or (pattern.prefixes and word.startswith(pattern.prefixes))
            or (pattern.digits == "any" and (first_digit or code))
            or (pattern.digits == "codes" and code)
            or (pattern.digits == "suffixed" and (code or (first_digit and not word.isdigit())))
        )
    ]
    # (narrowed only for the patterns the word opens: a narrower reads every cue's starts)
    regexes = [p.narrow(word) if p.narrow else p.regex for p in opened]
    found = tuple(
        (p.bit, regex.match, second_words(regex, word))
        for p, regex in zip(opened, regexes, strict=True)
    )
    if len(_BITS) >= _CACHE_LIMIT:
        _BITS.clear()
    _BITS[word] = found
    return found


class Tokens:
    """The word tokens of one text, computed once and shared by every pattern."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.hangul = _HANGUL_RE.search(text) is not None
        # pattern bit -> where a match of it can start, in order, and the (narrowed) `match`
        self.starts: dict[int, list[tuple[int, _Match]]] = {}
        if self.hangul:
            return  # `scan` runs each regex over the whole text there
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        get = _BITS.get
        starts = self.starts
        # Tokens and the separators between them in one C-level pass ([sep, token, sep, ...]);
        # a token's offset is the summed length of what precedes it.
        parts = _TOKEN_SPLIT_RE.split(lowered)
        ends: list[int] | None = None
        for index, word in enumerate(parts[1::2]):
            bits = get(word)
            if bits is None:
                bits = _bits(word)
            if not bits:
                continue
            if ends is None:
                ends = list(accumulate(map(len, parts)))
            pos = ends[2 * index]
            # the token after this one: most tries would fail there ("the" + "first")
            after = parts[2 * index + 3] if 2 * index + 3 < len(parts) else None
            for bit, match, gate in bits:
                if gate is not None and not gate.admits(after):
                    continue
                found = starts.get(bit)
                if found is None:
                    starts[bit] = [(pos, match)]
                else:
                    found.append((pos, match))

    def scan(self, pattern: Keyed) -> list[re.Match[str]]:
        """Every match of `pattern`, as `pattern.regex.finditer(text)` would give them."""
        if self.hangul:
            return list(pattern.regex.finditer(self.text))
        candidates = self.starts.get(pattern.bit)
        if candidates is None:
            return []
        out: list[re.Match[str]] = []
        text = self.text
        last_end = 0
        for pos, match in candidates:
            if pos >= last_end:
                m = match(text, pos)
                if m is not None and m.end() > m.start():
                    out.append(m)
                    last_end = m.end()
        return out
