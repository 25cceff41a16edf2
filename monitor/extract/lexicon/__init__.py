"""Cue lexicons per language, loaded from the TOML data files beside this module."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Final, Literal, get_args

# What a cue signals. Claim cues make a claim; the others qualify the claims near them.
CueKind = Literal[
    # claims
    "renewed",
    "cancelled",
    "release",  # a release verb: the date beside it is the season's
    "unannounced",
    "phase",
    "final",  # "the last season": that season is ordered, none follows
    # qualifiers
    "hedge",
    "negation_after",  # negation written after the cue (Korean, Japanese)
    "negation_before",  # negation written before it (the Latin-script languages)
    "negation_clause",  # "...に関する発表はありません": the rest of the clause denies it
    "question",
    "delay",
    "future",  # a planned phase, not begun
    "past",  # a release verb in the past tense: the date beside it is history
    "derivative",  # a film, game or spin-off, not the season
    "episode",  # "2화", "第5話": group n (and m, a range's end) number an episode
    # English only (appended; see en.toml)
    "undecided",  # "the fate of X is still undecided": no renewal decision yet
    "airing",  # a season on air: its finale is near, it continues weekly
    "speculation",  # colours a whole sentence: "our prediction", "insiders", "denied"
    "other_verb",  # a verb whose date is not a release date ("announced on Monday")
    "reported",  # reported speech a writer may then correct ("a post claimed")
    "superseded",  # "originally set for": the date before it is no longer the date
    "not_season",  # a release verb's object or subject that is not the season ("trailer")
    "not_show",  # a cancelled thing that is not the show ("the fan event")
    "official",  # the network's own word ("said", "according to")
    "batch",  # a part of a split season: the "first" or a "later" batch of episodes
    "span",  # a multi-season order: "through season 18" (upto), "four more seasons" (count)
    # Korean and Japanese (matched at the end of a release cue)
    "anniversary",  # "放送開始から1年", "첫 방송 10주년": an anniversary, no release
    # Korean, Japanese and European: the day a report came out, not a release's; form
    # "after" is matched right after a date ("…ことが8月31日にわかった"), "before" right
    # before it ("anunció el viernes 6 de marzo")
    "report_date",
]
CUE_KINDS: Final[tuple[CueKind, ...]] = get_args(CueKind)
QUALIFIERS: Final[frozenset[CueKind]] = frozenset(CUE_KINDS[CUE_KINDS.index("hedge") :]) - {
    "undecided",
    "airing",
}
PHASES: Final = frozenset(
    ("development", "pre-production", "filming", "post-production", "released")
)

# The lexicon files. English cues are read by the claim rules (claims.py and its field
# modules; their grammar stays in patterns.py); the other languages by lexical.py and its
# two steps, lexical_scope.py and lexical_cues.py.
FILES: Final[dict[str, str]] = {
    "en": "en.toml",
    "ko": "ko.toml",
    "ja": "ja.toml",
    "es": "es.toml",
    "it": "it.toml",
    "fr": "fr.toml",
    "de": "de.toml",
    "pt": "pt.toml",
}

_DIR = Path(__file__).parent


class LexiconError(ValueError):
    """A lexicon file that does not follow the format (a bug in the data, not user input)."""


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry: what it signals and the text it is recognised by."""

    kind: CueKind
    value: str  # the claim value ("renewed", "filming", ...) or the modifier's kind
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    counter: tuple[str, ...]
    # Which rule of the reader takes this cue (English: "verb", "order", "denial", ...);
    # entries of one kind and form are read as one alternation, in file order.
    form: str = ""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every cue of one language, plus its season forms and ordinal words."""

    language: str
    cues: tuple[Cue, ...]
    seasons: tuple[re.Pattern[str], ...]
    ordinals: dict[str, int]
    # kind -> its cues in file order, built once: `of` is asked per sentence and per watch
    _by_kind: dict[str, tuple[Cue, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_kind: dict[str, list[Cue]] = {}
        for cue in self.cues:
            by_kind.setdefault(cue.kind, []).append(cue)
        object.__setattr__(self, "_by_kind", {k: tuple(v) for k, v in by_kind.items()})

    def of(self, kind: CueKind) -> tuple[Cue, ...]:
        return self._by_kind.get(kind, ())

    def source_of(self, kind: CueKind, *forms: str, grouped: bool = False) -> str:
        """The entries of `kind` (of `forms`, if given) as one alternation, in file order.

        `grouped`: each form's entries inside a named group `(?P<form>...)`, so a match's
        `lastgroup` says which rule reads it.
        """
        cues = [c for c in self.of(kind) if not forms or c.form in forms]
        if not cues:
            raise LexiconError(f"{FILES[self.language]}: no cue of kind {kind!r} {forms or ''}")
        return alternation(cues, kind, grouped=grouped)

    def pattern_of(self, kind: CueKind, *forms: str, grouped: bool = False) -> re.Pattern[str]:
        """`source_of` compiled (case-insensitive) once per process."""
        return _compiled(self.source_of(kind, *forms, grouped=grouped))


def alternation(
    cues: Sequence[Cue], kind: CueKind, *, grouped: bool, chosen: Container[int] | None = None
) -> str:
    """`cues` as one alternation, in file order; with `chosen`, only those cues (by index).

    `grouped`: each form's cues inside a named group `(?P<form>...)`, the groups in the order
    of their first cue. A group with no chosen cue stays, never matching (`(?!)`), so every
    group name exists and a cut-down alternation matches as the whole one does where the
    cues left out cannot match.
    """
    keep = [chosen is None or i in chosen for i in range(len(cues))]
    if not grouped:
        return "|".join(f"(?:{c.pattern.pattern})" for c, k in zip(cues, keep, strict=True) if k)
    order: dict[str, list[str]] = {}
    for c, k in zip(cues, keep, strict=True):
        parts = order.setdefault(c.form or kind, [])
        if k:
            parts.append(f"(?:{c.pattern.pattern})")
    return "|".join(f"(?P<{form}>{'|'.join(parts) or '(?!)'})" for form, parts in order.items())


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source, re.I)


@cache
def load(language: str) -> Lexicon:
    """The lexicon of `language` (one of FILES), parsed and compiled once per process."""
    path = _DIR / FILES[language]
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    cues: list[Cue] = []
    for index, entry in enumerate(data.get("cue", [])):
        where = f"{path.name}: cue[{index}]"
        kind = entry.get("kind")
        if kind not in CUE_KINDS:
            raise LexiconError(f"{where}: unknown kind {kind!r}")
        value = entry.get("value", kind)
        if kind == "phase" and value not in PHASES:
            raise LexiconError(f"{where}: unknown phase {value!r}")
        try:
            pattern = re.compile(entry["pattern"], re.I)
        except (KeyError, re.error) as exc:
            raise LexiconError(f"{where}: bad pattern: {exc}") from exc
        cues.append(
            Cue(
                kind,
                value,
                pattern,
                tuple(entry.get("examples", ())),
                tuple(entry.get("counter", ())),
                str(entry.get("form", "")),
            )
        )
    seasons = tuple(re.compile(s, re.I) for s in data.get("seasons", {}).get("patterns", ()))
    ordinals = {str(k).lower(): int(v) for k, v in data.get("ordinals", {}).items()}
    return Lexicon(language, tuple(cues), seasons, ordinals)
