"""Same-length text normalisation (quotes, dashes, spaces) and word tokens with offsets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# One character in, one character out: offsets in the normalised text are offsets in the
# original, so evidence can be quoted exactly as published.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00d7": "x",  # "재벌×형사", "Spy×Family": the title's X
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\t": " ",
        "\r": " ",
        "\u200b": " ",
        "\ufeff": " ",
    }
)

TOKEN_RE = re.compile(r"[^\W_]+|&")

# Korean particles glued to a noun ("효산고가", "효산고의"): stripped when the bare noun is a
# known title word.
HANGUL_PARTICLES = (
    "에서는",
    "에서",
    "으로",
    "이나",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "도",
    "와",
    "과",
    "에",
    "로",
    "만",
    "랑",
)


def normalize(text: str) -> str:
    """Map typographic quotes, dashes and odd spaces to ASCII, keeping every offset."""
    return text.translate(_TRANSLATE)


def is_hangul(token: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in token)


def _unmarked(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


# Latin letters without their accents: "México" is "Mexico", "Pokémon" "Pokemon" (writers
# and outlets drop them). Only the Latin blocks: Hangul and kana decompose into other letters.
_UNMARK = str.maketrans(
    {
        ch: base
        for ch in map(chr, (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)))
        if (base := _unmarked(ch)) and base != ch
    }
)


def fold_word(token: str) -> str:
    """A word token casefolded, its Latin accents dropped ("México" -> "mexico")."""
    folded = token.casefold()
    return folded if folded.isascii() else folded.translate(_UNMARK)


def fold(token: str) -> str:
    return "and" if token == "&" else fold_word(token)


def title_tokens(title: str) -> tuple[str, ...]:
    """The folded word tokens of a title or alias."""
    return tuple(fold(t) for t in TOKEN_RE.findall(normalize(title)))


def words(text: str) -> tuple[str, ...]:
    """A word list written as one string (long vocabularies read better that way)."""
    return tuple(text.split())


def mask(text: str, spans: Iterable[tuple[int, int]], fill: str = "#") -> str:
    """`text` with each span overwritten by `fill`, offsets kept (titles masked as "#")."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = fill * (b - a)
    return "".join(chars)
