"""Moved to monitor.text.normalize (the text layer); kept so older imports still work."""

from monitor.text.normalize import (
    HANGUL_PARTICLES,
    TOKEN_RE,
    fold,
    is_hangul,
    normalize,
    title_tokens,
    words,
)

__all__ = [
    "HANGUL_PARTICLES",
    "TOKEN_RE",
    "fold",
    "is_hangul",
    "normalize",
    "title_tokens",
    "words",
]
