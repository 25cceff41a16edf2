"""Feed bytes to plain-text items: feedparser made safe, item identity, UTC dates (pure)."""

from __future__ import annotations

import calendar
import hashlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from monitor.errors import FetchError
from monitor.models import Item
from monitor.parse.sandbox import (
    SandboxFailure,
    SandboxTimeout,
    SandboxUnavailable,
    shared_sandbox,
)
from monitor.parse.text import html_to_text, one_line

DEFAULT_PARSE_TIMEOUT = 15.0  # seconds; a 10 MiB feed parses in a few
# Declared entities kept for feedparser: short values only, and never more expansion in
# total than this, so a small document cannot become a huge one.
ENTITY_VALUE_MAX = 64
ENTITY_EXPANSION_BUDGET = 1024 * 1024
# Fields that feedparser runs regexes over (author e-mail, dates) are short in any real
# feed; a longer run of text is cut to this many bytes before parsing.
SHORT_FIELD_MAX = 512
TITLE_MAX = 1000
TEXT_MAX = 100_000


class FeedParseError(FetchError):
    """The document could not be parsed at all (deadline, out of memory, not a feed)."""


@dataclass(frozen=True)
class ParsedFeed:
    """What a feed says, reduced to plain text."""

    title: str | None
    link: str | None  # the site the feed belongs to
    ttl: timedelta | None  # RSS <ttl>: do not poll more often than this
    items: tuple[Item, ...]
    warnings: tuple[str, ...] = ()
    version: str = ""  # feedparser's format name, e.g. "rss20", "atom10"


# --- pre-parse safety ------------------------------------------------------------------------

_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY_DECL = re.compile(rb"<!ENTITY\s+(%\s+)?([\w.-]+)\s+(?:\"([^\"]*)\"|'([^']*)')?[^>]*>", re.S)
_SAFE_VALUE = re.compile(rb"&#\w+;|[^&<%\"]*")
_SHORT_FIELD_TAGS = (
    rb"author|creator|contributor|publisher|managingEditor|webMaster|name|email|owner|"
    rb"pubDate|published|updated|date|issued|modified|created|lastBuildDate|expirationDate"
)
_LONG_SHORT_FIELD = re.compile(
    rb"(<(?:[A-Za-z_][\w.-]*:)?(?:" + _SHORT_FIELD_TAGS + rb")(?=[\s/>])[^<>]*>"
    rb"\s*(?:<!\[CDATA\[)?)([^<\]]{" + str(SHORT_FIELD_MAX + 1).encode() + rb",})",
    re.IGNORECASE,
)
# Quoted strings are skipped whole: a ">" or "]" inside an entity value ends nothing.
_DOCTYPE_TOKEN = re.compile(rb"\"[^\"]*\"|'[^']*'|[\[\]>]")
_PARTIAL_ENTITY = re.compile(rb"&[#\w]{0,12}$")


def _strip_doctype(body: bytes, warnings: list[str]) -> bytes:
    """Replace the DOCTYPE's internal subset by the few entity declarations that are safe.

    feedparser keeps any plain-text <!ENTITY> and lets expat expand it: a 112 KB document
    declaring one large entity and using it thousands of times becomes gigabytes.
    """
    first = _FIRST_ELEMENT.search(body)
    start_match = _DOCTYPE.search(body, 0, first.start() if first else len(body))
    if start_match is None:
        return body
    start = start_match.start()
    subset_start, subset_end, end = _doctype_extent(body, start_match.end())
    if subset_start is not None:
        declaration = body[start:subset_start].rstrip()
        subset = body[subset_start + 1 : subset_end]
    else:
        declaration = body[start : end - 1 if body[end - 1 : end] == b">" else end].rstrip()
        subset = b""
    # The root element starts after the DOCTYPE (an entity value may contain "<b>").
    first = _FIRST_ELEMENT.search(body, end)
    head_end = first.start() if first else len(body)
    before, after, rest = body[:start], body[end:head_end], body[head_end:]
    # Entity declarations may also sit (invalidly) outside the DOCTYPE.
    decls = [m for part in (before, subset, after) for m in _ENTITY_DECL.finditer(part)]
    before, after = _ENTITY_DECL.sub(b"", before), _ENTITY_DECL.sub(b"", after)
    kept: list[tuple[bytes, bytes]] = []
    dropped = 0
    for decl in decls:
        parameter, name, value = decl.group(1), decl.group(2), decl.group(3) or decl.group(4)
        if (
            parameter is None
            and value is not None
            and len(value) <= ENTITY_VALUE_MAX
            and _SAFE_VALUE.fullmatch(value)
        ):
            kept.append((name, value))
        else:
            dropped += 1
    expansion = sum(rest.count(b"&" + name + b";") * len(value) for name, value in kept)
    if expansion > ENTITY_EXPANSION_BUDGET:
        dropped += len(kept)
        kept = []
    if dropped:
        warnings.append(
            f"removed {dropped} entity declaration(s) from the DOCTYPE "
            "(too large or unsafe to expand)"
        )
    if kept:
        lines = b"".join(b'\n<!ENTITY %s "%s">' % (name, value) for name, value in kept)
        declaration += b" [" + lines + b"\n]>"
    else:
        declaration += b">"
    return before + declaration + after + rest


def _doctype_extent(body: bytes, pos: int) -> tuple[int | None, int, int]:
    """(internal subset "[" index or None, its "]" index, index after the closing ">")."""
    subset_start: int | None = None
    subset_end = len(body)
    depth = 0
    for token in _DOCTYPE_TOKEN.finditer(body, pos):
        char = token.group()
        if char == b"[":
            if depth == 0 and subset_start is None:
                subset_start = token.start()
            depth += 1
        elif char == b"]":
            depth = max(0, depth - 1)
            if depth == 0:
                subset_end = token.start()
        elif char == b">" and depth == 0:
            return subset_start, subset_end, token.end()
    return subset_start, subset_end, len(body)


def _truncate_long_fields(body: bytes, warnings: list[str]) -> bytes:
    """Cut absurdly long author/e-mail/date fields: feedparser's author regex is quadratic."""
    count = 0

    def cut(match: re.Match[bytes]) -> bytes:
        nonlocal count
        count += 1
        run = match.group(2)[:SHORT_FIELD_MAX]
        run = _PARTIAL_ENTITY.sub(b"", run)
        # Back off to an ASCII byte so no multi-byte character is split.
        for back in range(min(4, len(run))):
            if run[-1 - back] < 0x80:
                run = run[: len(run) - back]
                break
        return match.group(1) + run

    out = _LONG_SHORT_FIELD.sub(cut, body)
    if count:
        warnings.append(
            f"cut {count} overlong author/date field(s) to {SHORT_FIELD_MAX} bytes before parsing"
        )
    return out


def make_safe(body: bytes) -> tuple[bytes, list[str]]:
    """The document with its entity bomb and regex traps defused, plus what was changed."""
    warnings: list[str] = []
    body = _truncate_long_fields(_strip_doctype(body, warnings), warnings)
    return body, warnings


# --- feedparser -> items ---------------------------------------------------------------------


def _utc(parsed: Any) -> datetime | None:
    # feedparser returns a UTC struct_time; timegm keeps it in UTC.
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _first(entry: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        value = entry.get(key)
        if value:
            return value
    return None


def _entry_text(entry: Mapping[str, Any]) -> str:
    candidates: list[str] = []
    for content in entry.get("content") or ():
        value = content.get("value") if isinstance(content, Mapping) else None
        if isinstance(value, str):
            candidates.append(value)
    summary = entry.get("summary")
    if isinstance(summary, str):
        candidates.append(summary)
    # content:encoded is the full article; a summary is often its first paragraph.
    best = max(candidates, key=len, default="")
    return html_to_text(best)[:TEXT_MAX]


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _item(entry: Mapping[str, Any]) -> Item:
    title = one_line(entry.get("title") if isinstance(entry.get("title"), str) else "")
    title = title[:TITLE_MAX]
    text = _entry_text(entry)
    content_hash = sha256_hex(title + "\n" + text)
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    guid = entry.get("id") if isinstance(entry.get("id"), str) else None
    uid = (guid or "").strip() or (link or "").strip() or content_hash
    published = _utc(_first(entry, "published_parsed", "updated_parsed", "created_parsed"))
    raw_source = entry.get("source")
    source: Mapping[str, Any] = raw_source if isinstance(raw_source, Mapping) else {}
    publisher = one_line(source.get("title")) if isinstance(source.get("title"), str) else ""
    publisher_url = source.get("href") if isinstance(source.get("href"), str) else None
    return Item(
        uid=uid[:2000],
        content_hash=content_hash,
        title=title,
        text=text,
        link=link.strip() or None if link else None,
        published=published,
        publisher=publisher or None,
        publisher_url=publisher_url or None,
    )


def _ttl(feed: Mapping[str, Any]) -> timedelta | None:
    raw = feed.get("ttl")
    try:
        minutes = int(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return timedelta(minutes=minutes) if 0 < minutes < 1_000_000 else None


def _describe_bozo(exc: object, items: int) -> str:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    if name == "CharacterEncodingOverride":
        return f"encoding: {detail[:200]}"
    return f"malformed feed ({name}: {detail[:200]}); read {items} item(s) leniently"


def parse_unguarded(
    body: bytes,
    headers: Mapping[str, str] | None = None,
    base_url: str | None = None,
    *,
    safe: bool = True,
) -> ParsedFeed:
    """feedparser over `body` in this process, with no time limit.

    safe=False skips make_safe: only for benchmarks that measure what it costs and saves.
    """
    if safe:
        body, warnings = make_safe(body)
    else:
        warnings = []
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    if base_url and "content-location" not in response_headers:
        response_headers["content-location"] = base_url
    # Imported here: the parse runs in a worker process, and feedparser's 7 MiB need not be
    # in the daemon or `poll` themselves.
    import feedparser

    # Bytes in a BytesIO: feedparser never treats them as a URL or a file name. Its HTML
    # sanitiser and the rewriting of links inside content are skipped: the markup is turned
    # into plain text (html_to_text drops script and style) before anything keeps or shows
    # it, so both were a fifth of the parse for nothing. Item links are resolved regardless.
    result = feedparser.parse(
        io.BytesIO(body),
        response_headers=response_headers,
        resolve_relative_uris=False,
        sanitize_html=False,
    )
    entries = result.get("entries") or []
    items: list[Item] = []
    for entry in entries:
        try:
            item = _item(entry)
        except Exception as exc:  # one odd entry must not cost the others
            warnings.append(f"skipped an unreadable entry ({type(exc).__name__})")
            continue
        if item.title or item.text or item.link:  # a cut-off entry can leave nothing
            items.append(item)
    if result.get("bozo"):
        warnings.append(_describe_bozo(result.get("bozo_exception"), len(items)))
    feed = result.get("feed") or {}
    version = str(result.get("version") or "")
    # Nothing feed-like at all (an HTML login page, an error page): say so, loudly.
    if not items and not version and not feed.get("title"):
        kind = response_headers.get("content-type", "").split(";")[0].strip() or "unknown type"
        raise FeedParseError(f"not an RSS or Atom feed (got {kind}); check the URL")
    title = feed.get("title")
    link = feed.get("link")
    return ParsedFeed(
        title=one_line(title)[:TITLE_MAX] or None if isinstance(title, str) else None,
        link=link if isinstance(link, str) and link else None,
        ttl=_ttl(feed),
        items=tuple(items),
        warnings=tuple(warnings),
        version=version,
    )


def parse_feed(
    body: bytes,
    headers: Mapping[str, str] | None = None,
    *,
    base_url: str | None = None,
    timeout: float | None = DEFAULT_PARSE_TIMEOUT,
) -> ParsedFeed:
    """Parse feed bytes into items, under a hard deadline (`timeout` seconds, None: none).

    A malformed feed gives what can be read plus a warning. Raises FeedParseError only
    when nothing can be read: the deadline passed, memory ran out, or it is not a feed.
    """
    if timeout is None:
        return parse_unguarded(body, headers, base_url)
    try:
        result = shared_sandbox().run(
            parse_unguarded, body, dict(headers or {}), base_url, timeout=timeout
        )
    except SandboxTimeout:
        raise FeedParseError(
            f"parsing took longer than {timeout:g} s and was stopped; the feed is skipped"
        ) from None
    except SandboxFailure as exc:
        raise FeedParseError(f"parsing failed: {exc}") from None
    except SandboxUnavailable as exc:
        # Better a parse without a hard deadline (make_safe still applies) than no news.
        parsed = parse_unguarded(body, headers, base_url)
        return replace(parsed, warnings=(*parsed.warnings, f"parsed without a deadline: {exc}"))
    assert isinstance(result, ParsedFeed)
    return result
