"""Which language an item is written in: script counts, then function-word votes."""

from __future__ import annotations

import re
from typing import Final, Literal, cast

from monitor.text.normalize import words

Language = Literal["en", "ko", "ja", "es", "it", "fr", "de", "pt", "other"]

# Languages whose cues the extractor reads; anything else yields no claim.
READ: Final = frozenset(("en", "ko", "ja", "es", "it", "fr", "de", "pt"))

_HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_SCRIPT_RE = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0e00-\u0e7f]")
_WORD_RE = re.compile(r"[a-zà-öø-ÿ]+")
_VOTE_SAMPLE = 1200

# Short, frequent words that tell the Latin-script languages apart.
_FUNCTION_WORDS: Final[dict[str, frozenset[str]]] = {
    "en": frozenset(
        words(
            "the and of to is was will for with that this has have been its are season it be "
            "from by on an"
        )
    ),
    "es": frozenset(
        words(
            "el los las del y que una por con para es está temporada se sus al lo como más "
            "pero fue será hasta"
        )
    ),
    "it": frozenset(
        words(
            "il gli di della delle degli che è una per con sono stagione nel nella alla anche non "
            "dei sarà ancora questa"
        )
    ),
    "fr": frozenset(
        words(
            "le les des du et est une pour avec sur dans au aux saison qui sera cette pas "
            "mais été ses"
        )
    ),
    "de": frozenset(
        words(
            "der die das und ist ein eine mit für den dem nicht auch wird staffel auf von "
            "sich noch zu im"
        )
    ),
    "pt": frozenset(
        words(
            "o os as da do das dos e que uma com para é está temporada não na no ao será mais "
            "foi sua"
        )
    ),
}


# One lookup per word: the languages a function word belongs to ("temporada": es and pt).
_WORD_LANGUAGES: Final[dict[str, tuple[str, ...]]] = {}
for _lang, _vocab in _FUNCTION_WORDS.items():
    for _word in _vocab:
        _WORD_LANGUAGES[_word] = (*_WORD_LANGUAGES.get(_word, ()), _lang)


def detect(text: str) -> Language:
    """The language of `text` (title and body), or "other" when none of ours is clear."""
    sample = text[:4000]
    if not sample.isascii():  # plain ASCII (most English feeds) has no other script
        hangul = len(_HANGUL_RE.findall(sample))
        kana = len(_KANA_RE.findall(sample))
        han = len(_HAN_RE.findall(sample))
        if hangul >= 10 and hangul >= kana:
            return "ko"
        if kana >= 10 or (kana >= 2 and kana + han >= 10):
            return "ja"
        if han >= 20 or len(_OTHER_SCRIPT_RE.findall(sample)) > len(_LATIN_RE.findall(sample)):
            return "other"  # Chinese, Greek, Cyrillic, ...: not read
    counts = dict.fromkeys(_FUNCTION_WORDS, 0.0)
    lookup = _WORD_LANGUAGES.get
    # A thousand characters hold dozens of function words: enough to vote, and cheap.
    for word in _WORD_RE.findall(sample[:_VOTE_SAMPLE].lower()):
        langs = lookup(word)
        if langs is not None:
            for lang in langs:  # a word shared by two languages is half a vote for each
                counts[lang] += 1 / len(langs)
    best = max(counts, key=lambda lang: counts[lang])
    if counts[best] == 0:
        return "en"  # a bare headline with no function word: English is the default feed
    ranked = sorted(counts.values(), reverse=True)
    if best != "en" and ranked[0] < ranked[1] * 1.3 + 1:
        return "en" if counts["en"] == ranked[1] else cast(Language, best)
    return cast(Language, best)
