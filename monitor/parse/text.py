"""HTML to plain text (pure): no markup, entities unescaped, one line per block of text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Content of these elements is never text a reader sees.
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "math"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "col"})
# Elements that start a new block: their text must not run into the neighbour's sentence.
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
# A block that already ends like this needs no added full stop.
_TERMINAL = tuple(".!?:;…\"'”’)]»")
_WS = re.compile(r"\s+")
_TAG_LIKE = re.compile(r"<[A-Za-z/!]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP and tag not in _VOID:
            self._skip_depth += 1
        elif tag in _BLOCK:
            self.flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._current.append(data)

    def flush(self) -> None:
        text = _WS.sub(" ", "".join(self._current)).strip()
        self._current = []
        if text:
            self.blocks.append(text)


def _join_blocks(blocks: list[str]) -> str:
    # A heading or list item without a full stop would otherwise merge with the next
    # sentence, and a claim could borrow a season number from its neighbour.
    out = [
        b if i == len(blocks) - 1 or b.endswith(_TERMINAL) else b + "."
        for i, b in enumerate(blocks)
    ]
    return "\n".join(out)


def html_to_text(markup: str | None) -> str:
    """Plain text of an HTML fragment (or of plain text with entities).

    Script/style content is dropped, entities are unescaped, whitespace is collapsed, and
    each block element (paragraph, heading, list item, line break...) becomes its own line,
    ending in sentence punctuation so that sentence splitters see the boundary.
    """
    if not markup:
        return ""
    if not _TAG_LIKE.search(markup):
        # Plain text: blank lines are its only paragraph marks.
        parts = (_WS.sub(" ", html.unescape(p)).strip() for p in _PARAGRAPH_BREAK.split(markup))
        return _join_blocks([p for p in parts if p])
    collector = _TextCollector()
    try:
        collector.feed(markup)
        collector.close()
    except (AssertionError, ValueError):  # very broken markup: keep what was read
        pass
    collector.flush()
    return _join_blocks(collector.blocks)


def one_line(markup: str | None) -> str:
    """Plain text on a single line (titles, names): blocks joined by a space."""
    return _WS.sub(" ", html_to_text(markup)).strip()
