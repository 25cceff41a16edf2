"""English cues as data: every entry has examples, and the generated prefilter finds them."""

from __future__ import annotations

import re
from typing import Any

import pytest

from monitor.extract import patterns as p
from monitor.extract.lexicon import Cue, CueKind, Lexicon, load
from monitor.extract.lexicon.starts import UnkeyableError, derive, keyed_cues
from monitor.text.scan import Keyed, Tokens

EN = load("en")

# The keyed scan claims.py runs for each kind of cue (qualifiers are read at a trigger).
SCANS: dict[tuple[CueKind, str | None], Keyed] = {
    ("renewed", None): p.RENEW,
    ("cancelled", None): p.CANCEL,
    ("release", None): p.DATE_TRIGGER,
    ("unannounced", None): p.UNANNOUNCED,
    ("undecided", None): p.UNDECIDED,
    ("phase", None): p.PHASE,
    ("airing", None): p.AIRING,
    ("other_verb", None): p.OTHER_VERB,
    ("hedge", ""): p.HEDGE,
    ("speculation", None): p.SPECULATION,
}


def _scan_of(cue: Cue) -> Keyed | None:
    return SCANS.get((cue.kind, None)) or SCANS.get((cue.kind, cue.form))


def _scanned_examples() -> list[Any]:
    out = []
    for index, cue in enumerate(EN.cues):
        if _scan_of(cue) is None:
            continue
        for example in cue.examples:
            out.append(pytest.param(cue, example, id=f"{cue.kind}-{index}"))
    return out


@pytest.mark.parametrize("index", range(len(EN.cues)))
def test_every_english_cue_has_an_example(index: int) -> None:
    cue = EN.cues[index]
    assert cue.examples, f"en.toml cue {index} ({cue.kind}) has no example"


@pytest.mark.parametrize(("cue", "example"), _scanned_examples())
def test_the_generated_prefilter_finds_every_example(cue: Cue, example: str) -> None:
    keyed = _scan_of(cue)
    assert keyed is not None
    own = cue.pattern.search(example)
    assert own is not None
    found = Tokens(example).scan(keyed)
    # The prefilter loses nothing: it finds what a full scan finds, this entry's match too.
    assert [m.span() for m in found] == [
        m.span() for m in keyed.regex.finditer(example) if m.end() > m.start()
    ]
    assert any(m.start() <= own.start() < m.end() or m.start() == own.start() for m in found)


def _lexicon(*patterns: str) -> Lexicon:
    cues = tuple(
        Cue("renewed", "renewed", re.compile(pattern, re.I), ("",), (), "verb")
        for pattern in patterns
    )
    return Lexicon("en", cues, (), {})


def test_an_entry_with_a_new_first_word_is_found() -> None:
    # No hand-kept list knows "bagsied": its start word comes from the pattern itself.
    lexicon = _lexicon(r"\brenew(?:ed|s)?\b", r"\bbagsied\s+(?:a|another)\s+renewal\b")
    keyed = keyed_cues(lexicon, "renewed", grouped=True)
    assert "bagsied" in keyed.starts
    found = Tokens("Glass Harbor bagsied another renewal on Monday.").scan(keyed)
    assert [m.group() for m in found] == ["bagsied another renewal"]


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(r"#+\s+renewed", id="starts-with-a-symbol"),
        pytest.param(r"[\w-]+\s+season\s+renewed", id="starts-with-any-word"),
        pytest.param(r"(?:season\s+)?", id="matches-nothing"),
        pytest.param(r"\s+renewed", id="starts-with-space"),
    ],
)
def test_an_entry_that_may_start_anywhere_is_refused(pattern: str) -> None:
    with pytest.raises(UnkeyableError, match=r"en\.toml"):
        keyed_cues(_lexicon(pattern), "renewed")


@pytest.mark.parametrize(
    ("pattern", "words", "prefixes"),
    [
        pytest.param(r"\brenew(?:ed|s)?\b", {"renew", "renewed", "renews"}, set(), id="suffixes"),
        pytest.param(r"\bgreen[\s-]?lit\b", {"green", "greenlit"}, set(), id="optional-gap"),
        pytest.param(r"(?<=#\s)canned\b", {"canned"}, set(), id="lookbehind-skipped"),
        pytest.param(r"\bpredict\w*", set(), {"predict"}, id="open-ended-prefix"),
        pytest.param(
            r"\bS\d{1,2}\b",
            {f"s{d}" for d in range(10)} | {f"s{d:02}" for d in range(100)},
            set(),
            id="code-spelled-out",
        ),
        pytest.param(r"\bS\d{1,3}\b", set(), {f"s{d}" for d in range(10)}, id="longer-run-cut"),
        pytest.param(r"finali[sz]ed", set(), {"finalised", "finalized"}, id="small-class"),
        pytest.param(r"\b(?:a|an)\s+order\b", {"a", "an"}, set(), id="branch"),
        pytest.param(r"(?-i:\bmay\b)", {"may"}, set(), id="case-scoped"),
        pytest.param(r"go-ahead", {"go"}, set(), id="hyphen-ends-the-token"),
    ],
)
def test_start_words_derived_from_a_pattern(
    pattern: str, words: set[str], prefixes: set[str]
) -> None:
    starts = derive(pattern)
    assert (set(starts.words), set(starts.prefixes)) == (words, prefixes)


@pytest.mark.parametrize(
    "example", [e for c in EN.of("airing") for e in c.examples], ids=lambda e: e[:30]
)
def test_every_airing_example_has_a_hint_word(example: str) -> None:
    # claims.py scans the airing cues only in items that carry one of these words.
    assert any(hint in example.lower() for hint in p.AIRING_HINTS)


def test_entries_of_one_form_are_contiguous() -> None:
    # A kind's forms are named groups of one alternation: written apart, they would be
    # reordered, and at one position the earlier entry wins.
    for kind in ("renewed", "cancelled", "phase"):
        forms = [c.form for c in EN.of(kind)]
        runs = [f for i, f in enumerate(forms) if i == 0 or forms[i - 1] != f]
        assert len(runs) == len(set(runs)), f"{kind}: {runs}"
