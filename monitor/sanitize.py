"""One text sanitiser for everything shown to a person: messages, tables, history, calendar."""

from __future__ import annotations

import re

ZWSP = "\u200b"
# C0 controls except tab and newline, DEL, C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional overrides, embeddings and isolates (a U+202E turns "gpj.exe" into "exe.jpg"),
# plus the invisible marks and separators that hide or break text.
_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")
_MENTION = re.compile(r"@(everyone|here)|<@", re.IGNORECASE)


def strip_controls(text: str, *, keep_newlines: bool = True) -> str:
    """Text without C0/C1 control characters or bidi overrides; tabs become spaces.

    Newlines survive unless `keep_newlines` is false (one-line cells, titles), where they
    become spaces too.
    """
    out = _BIDI.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    out = _CONTROLS.sub(" ", out).replace("\t", " ")
    if not keep_newlines:
        out = out.replace("\n", " ")
    return out


def neutralise(text: str) -> str:
    """Break chat mentions (@everyone, @here, <@id>) with a zero-width space."""
    return _MENTION.sub(lambda m: m.group(0)[0] + ZWSP + m.group(0)[1:], text)


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """What every output path applies to untrusted text: controls out, mentions broken."""
    return neutralise(strip_controls(text, keep_newlines=keep_newlines))
