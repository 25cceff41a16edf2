"""The `extract` command: explain one article's claims, or run JSON lines in batch."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO, Any

from monitor.extract.claims import Analysis, analyse
from monitor.match.titles import TitleMatcher
from monitor.models import CLAIM_FIELDS, Watch

_MATCHER_CACHE_SIZE = 512


class InputError(ValueError):
    """A bad value in the input (named in the message)."""


def parse_published(value: object) -> date | None:
    """`null`, "YYYY-MM-DD" or a full ISO datetime ("2025-06-10T08:00:00Z")."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"published must be a string or null, not {type(value).__name__}")
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(f"published {value!r} is not YYYY-MM-DD or an ISO datetime") from None


def watch_from_record(record: dict[str, Any]) -> Watch:
    show = record.get("show")
    if not isinstance(show, str) or not show.strip():
        raise InputError("show must be a non-empty string")
    season = record.get("season")
    if isinstance(season, str) and season.strip().isdigit():
        season = int(season)
    if isinstance(season, bool) or not isinstance(season, int) or season < 1:
        raise InputError(f"season must be a positive integer, not {season!r}")
    aliases = record.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = (aliases,)
    if not isinstance(aliases, list | tuple) or not all(isinstance(a, str) for a in aliases):
        raise InputError("aliases must be a list of strings")
    part = record.get("part")
    if part is not None and (isinstance(part, bool) or not isinstance(part, int) or part < 1):
        raise InputError(f"part must be a positive integer or null, not {part!r}")
    final = record.get("final") is True
    return Watch(
        show=show.strip(),
        season=season,
        aliases=tuple(a.strip() for a in aliases if a.strip()),
        part=part,
        final=final,
    )


def _text_field(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"{name} must be a string")
    return value


class _Matchers:
    """One compiled matcher per (show, aliases), reused across lines."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, tuple[str, ...]], TitleMatcher] = {}

    def get(self, watch: Watch) -> TitleMatcher:
        key = (watch.show, watch.aliases)
        matcher = self._cache.get(key)
        if matcher is None:
            if len(self._cache) >= _MATCHER_CACHE_SIZE:
                self._cache.clear()
            matcher = self._cache[key] = TitleMatcher([watch])
        return matcher


def run_jsonl(lines: Iterable[str], warn: IO[str]) -> Iterator[str]:
    """One output line {"id","renewal","date","phase"} per input line, in order."""
    matchers = _Matchers()
    for number, line in enumerate(lines, start=1):
        out: dict[str, Any] = {"id": None, **dict.fromkeys(CLAIM_FIELDS)}
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError("not a JSON object")
            out["id"] = record.get("id")
            watch = watch_from_record(record)
            published = parse_published(record.get("published"))
            title = _text_field(record, "title")
            text = _text_field(record, "text")
        except (ValueError, InputError) as exc:
            reason = "invalid JSON" if isinstance(exc, json.JSONDecodeError) else str(exc)
            if not line.strip():
                reason = "empty line"
            warn.write(f"release-monitor extract: line {number}: {reason}; writing nulls\n")
            yield json.dumps(out, ensure_ascii=False)
            continue
        analysis = analyse(title, text, watch, published, matcher=matchers.get(watch))
        for claim in analysis.claims:
            out[claim.field] = claim.value
        yield json.dumps(out, ensure_ascii=False)


def split_headline(text: str) -> tuple[str, str]:
    """Without --title, the first non-empty line of the article is its headline."""
    lines = text.lstrip("\ufeff").splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return "", ""
    return lines[0].strip(), "\n".join(lines[1:]).strip()


def explain(analysis: Analysis, published: date | None) -> list[str]:
    """Human lines: each claim with its evidence, and why the other fields are empty."""
    watch = analysis.watch
    when = published.isoformat() if published else "unknown (year-less dates are skipped)"
    out = [f"{watch.label} (published {when})"]
    if not analysis.mentioned:
        names = ", ".join((watch.show, *watch.aliases))
        out.append(f"  no claims: the article never mentions the show ({names})")
        return out
    found = {c.field: c for c in analysis.claims}
    for fld in CLAIM_FIELDS:
        claim = found.get(fld)
        if claim is not None:
            out.append(f"  {fld}: {claim.value}")
            out.append(f'    evidence: "{claim.evidence}"')
            continue
        out.append(f"  {fld}: none")
        reasons = list(dict.fromkeys(n.message for n in analysis.notes if n.field == fld))
        if not reasons:
            out.append("    nothing in the article states it")
        for reason in reasons[:6]:
            out.append(f"    - {reason}")
    return out
