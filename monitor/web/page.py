"""The status page `/`: one server-rendered HTML document, pure (every value escaped here)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from monitor.models import Evidence, SeasonState
from monitor.notify.render import phase_words, render, safe_link, source_label
from monitor.sanitize import strip_controls
from monitor.state.repository import HistoryEntry
from monitor.state.source_health import SourceHealth
from monitor.state.windows import UNANNOUNCED, describe, window

# Failing sources first: they are what a glance at the page is for.
SOURCE_ORDER = {"failing": 0, "error": 1, "new": 2, "ok": 3}
PRECISION_WORDS = {
    "day": "exact day",
    "month": "month only",
    "quarter": "quarter only",
    "half": "half-year only",
    "season": "season only",
    "year": "year only",
}
FIELD_LABELS = {
    "renewal": "renewal",
    "date": "release date",
    "release_date": "release date",
    "phase": "phase",
}

CSS = """
:root{color-scheme:light dark;--bg:#f7f7f8;--card:#fff;--fg:#1b1b1f;--muted:#5f6068;
--line:#dedee3;--ok:#1a7f37;--bad:#c62828;--warn:#9a6700;--link:#0b57d0;--chip:#eef0f4}
@media (prefers-color-scheme:dark){:root{--bg:#121316;--card:#1c1d22;--fg:#e8e8ec;
--muted:#a3a4ad;--line:#30323a;--ok:#57c26a;--bad:#ff6b6b;--warn:#e0b341;--link:#8ab4f8;
--chip:#2a2c33}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
background:var(--bg);color:var(--fg);overflow-wrap:anywhere}
header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.4rem;margin:0 0 .25rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
h3{font-size:1.05rem;margin:0 0 .5rem}
a{color:var(--link)}
.muted,small{color:var(--muted);font-weight:400}
.health{display:inline-block;padding:.15rem .6rem;border-radius:1rem;font-weight:600;
background:var(--chip)}
.health.ok{color:var(--ok)}.health.bad{color:var(--bad)}
nav a{margin-right:1rem;white-space:nowrap}
.cards{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(19rem,1fr));
padding:0;margin:0;list-style:none}
.card{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:.9rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .75rem;margin:0}
dt{color:var(--muted)}dd{margin:0}
.state{font-weight:600}
.renewed,.released{color:var(--ok)}.cancelled{color:var(--bad)}.unknown{color:var(--muted)}
.reported{display:block;font-size:.85rem;color:var(--warn)}
.evidence{margin:.6rem 0 0;padding:.6rem 0 0;border-top:1px solid var(--line);
list-style:none;font-size:.9rem}
.evidence li+li{margin-top:.35rem}
q{color:var(--muted)}
.changes{padding:0;margin:0;list-style:none}
.changes li{background:var(--card);border:1px solid var(--line);border-radius:.5rem;
padding:.5rem .75rem;margin-bottom:.4rem}
.sources{width:100%;border-collapse:collapse;background:var(--card);font-size:.9rem}
.sources th,.sources td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);
vertical-align:top}
.status-failing,.status-error{color:var(--bad);font-weight:600}.status-ok{color:var(--ok)}
.sources th,.sources td:not(:last-child){white-space:nowrap;overflow-wrap:normal}
.table-wrap{overflow-x:auto}
@media (max-width:40rem){.sources .wide{display:none}}
footer{padding:1.5rem 1rem;font-size:.85rem}
""".strip()


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


# No script may run on this page, whatever a feed manages to put in it; the one inline style
# block is allowed by its hash.
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src '{_csp_hash(CSS)}'; img-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class PageData:
    """Everything the page shows, read by the caller from the store."""

    seasons: Sequence[SeasonState]
    changes: Sequence[HistoryEntry]
    sources: Sequence[SourceHealth]
    healthy: bool
    health_reason: str
    now: datetime
    link_suffix: str = ""  # "?token=..." when the page itself was opened with one


def h(value: object) -> str:
    """Text for the page, in text or in a quoted attribute value: the project's sanitiser
    first (control characters and bidi overrides out), then HTML escaping."""
    return escape(strip_controls(str(value), keep_newlines=False), quote=True)


def _ago(moment: datetime, now: datetime) -> str:
    seconds = int((now - moment).total_seconds())
    if seconds < 0:
        return "just now" if seconds > -60 else "in the future"
    if seconds < 120:
        return "just now" if seconds < 60 else "a minute ago"
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size * (2 if unit != "minute" else 1):
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return f"{seconds}s ago"


def _time(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return '<span class="unknown">never</span>'
    stamp = moment.isoformat(timespec="seconds")
    return (
        f'<time datetime="{h(stamp)}" title="{h(stamp)}">'
        f"{h(f'{moment:%Y-%m-%d %H:%M}')} UTC</time> <small>({h(_ago(moment, now))})</small>"
    )


def date_text(value: str | None) -> tuple[str, str]:
    """(words, precision note) for a date value: ("March 2027", "month only")."""
    if value is None:
        return "not announced", ""
    if value == UNANNOUNCED:
        return describe(value), "sources say no date yet"
    found = window(value)
    precision = PRECISION_WORDS.get(found.precision, "") if found else ""
    return describe(value), precision


def _reported(season: SeasonState, key: str, words: str) -> str:
    if key not in season.reported or season.reported[key] in ("", "unknown"):
        return ""
    return f'<span class="reported">reported, not confirmed: {h(words)}</span>'


def _renewal(season: SeasonState) -> str:
    value = season.renewal or "unknown"
    reported = season.reported.get("renewal", "")
    return (
        f'<dd class="state {h(value)}" data-field="renewal">{h(value)}'
        f"{_reported(season, 'renewal', reported)}</dd>"
    )


def _date(season: SeasonState) -> str:
    words, precision = date_text(season.release_date)
    note = f" <small>({h(precision)})</small>" if precision else ""
    css = "state" if season.release_date else "state unknown"
    reported = ""
    if "date" in season.reported:
        r_words, r_precision = date_text(season.reported["date"])
        extra = f" ({r_precision})" if r_precision else ""
        reported = _reported(season, "date", r_words + extra)
    return f'<dd class="{css}" data-field="release_date">{h(words)}{note}{reported}</dd>'


def _phase(season: SeasonState) -> str:
    css = "state released" if season.phase == "released" else "state"
    if season.phase is None:
        css = "state unknown"
    reported = _reported(season, "phase", phase_words(season.reported.get("phase")))
    return f'<dd class="{css}" data-field="phase">{h(phase_words(season.phase))}{reported}</dd>'


def _evidence_item(fields: Sequence[str], evidence: Evidence) -> str:
    publisher = h(source_label(f"{evidence.publisher} ({evidence.trust.label})"))
    link = safe_link(evidence.url)
    who = (
        f'<a href="{h(link)}" rel="noopener noreferrer nofollow">{publisher}</a>'
        if link
        else publisher
    )
    more = f" + {evidence.more} more" if evidence.more else ""
    quote = evidence.text.strip()
    if len(quote) > 240:
        quote = quote[:239].rstrip() + "…"
    said = f" <q>{h(quote)}</q>" if quote else ""
    labels = ", ".join(FIELD_LABELS.get(f, f) for f in fields)
    return f"<li><small>{h(labels.capitalize())}:</small> {who}{h(more)}{said}</li>"


def evidence_groups(season: SeasonState) -> list[tuple[list[str], Evidence]]:
    """The season's evidence, one entry per article: one report often gives two fields."""
    groups: dict[tuple[str, str | None, str], tuple[list[str], Evidence]] = {}
    for field in ("renewal", "date", "release_date", "phase"):
        evidence = season.evidence.get(field)
        if evidence is None:
            continue
        key = (evidence.publisher, evidence.url, evidence.text.strip())
        if key in groups:
            groups[key][0].append(field)
        else:
            groups[key] = ([field], evidence)
    return list(groups.values())


def season_card(season: SeasonState, now: datetime) -> str:
    evidence = "".join(_evidence_item(f, e) for f, e in evidence_groups(season))
    evidence_list = f'<ul class="evidence">{evidence}</ul>' if evidence else ""
    return (
        f'<li class="card season" data-show="{h(season.show)}" data-season="{season.season}">'
        f'<h3>{h(season.show)} <span class="muted">S{season.season}</span></h3>'
        "<dl>"
        f"<dt>Renewal</dt>{_renewal(season)}"
        f"<dt>Release date</dt>{_date(season)}"
        f"<dt>Phase</dt>{_phase(season)}"
        f"<dt>Updated</dt><dd>{_time(season.updated_at, now)}</dd>"
        "</dl>"
        f"{evidence_list}</li>"
    )


def change_item(entry: HistoryEntry, now: datetime) -> str:
    event = entry.event
    message = render(event)
    link = safe_link(event.link)
    title = h(message.title)
    if link:
        title = f'<a href="{h(link)}" rel="noopener noreferrer nofollow">{title}</a>'
    sources = ", ".join(source_label(s) for s in event.sources[:3])
    if len(event.sources) > 3:
        sources += f" + {len(event.sources) - 3} more"
    by = f"<br><small>on the word of {h(sources)}</small>" if sources else ""
    silent = " <small>(first poll: recorded, not announced)</small>" if entry.silent else ""
    return f'<li data-kind="{h(event.kind)}">{_time(event.at, now)}<br>{title}{silent}{by}</li>'


def ordered_sources(rows: Sequence[SourceHealth]) -> list[SourceHealth]:
    """Failing first, then retrying, never polled, healthy; by name within each."""
    return sorted(rows, key=lambda r: (SOURCE_ORDER.get(r.status, 9), r.name.casefold()))


def source_row(row: SourceHealth, now: datetime) -> str:
    error = h((row.last_error or "")[:200]) if row.failures else ""
    return (
        f'<tr data-source="{h(row.name)}" data-status="{h(row.status)}">'
        f"<td>{h(row.name)}<br><small>{h(row.kind)}</small></td>"
        f'<td class="status-{h(row.status)}">{h(row.status)}'
        f"{f' <small>({row.failures} failed)</small>' if row.failures else ''}</td>"
        f'<td class="wide">{_time(row.last_success, now)}</td>'
        f"<td>{error}</td></tr>"
    )


def render_page(data: PageData) -> str:
    """The whole document."""
    now = data.now
    seasons = "".join(season_card(s, now) for s in data.seasons) or (
        '<li class="card">No <code>[[watch]]</code> entries in the config.</li>'
    )
    changes = "".join(change_item(e, now) for e in data.changes) or (
        '<li class="muted">Nothing has changed yet.</li>'
    )
    sources = "".join(source_row(r, now) for r in ordered_sources(data.sources))
    failing = sum(1 for r in data.sources if r.status in ("failing", "error"))
    health_css = "ok" if data.healthy else "bad"
    health = "daemon ok" if data.healthy else f"daemon: {data.health_reason}"
    suffix = h(data.link_suffix)
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        '<meta name="referrer" content="no-referrer">'
        "<title>release-monitor</title>"
        f"<style>{CSS}</style></head><body>"
        "<header><h1>release-monitor</h1>"
        f'<p><span class="health {health_css}" id="health">{h(health)}</span> '
        f"<small>as of {h(f'{now:%Y-%m-%d %H:%M}')} UTC</small></p>"
        f'<nav><a href="calendar.ics{suffix}">Calendar (.ics)</a>'
        f'<a href="status.json{suffix}">status.json</a>'
        f'<a href="healthz{suffix}">healthz</a></nav></header>'
        "<main>"
        f'<section id="seasons"><h2>Watched seasons ({len(data.seasons)})</h2>'
        f'<ul class="cards">{seasons}</ul></section>'
        f'<section id="changes"><h2>Last changes</h2><ol class="changes">{changes}</ol></section>'
        f'<section id="sources"><h2>Sources ({len(data.sources)}, {failing} failing)</h2>'
        '<div class="table-wrap"><table class="sources"><thead><tr><th>Source</th>'
        '<th>Status</th><th class="wide">Last success</th><th>Last error</th></tr></thead>'
        f"<tbody>{sources}</tbody></table></div></section>"
        "</main>"
        '<footer class="muted">Confirmed values need one official, trade or structured '
        "source, or two lesser publishers; others are shown as reported. "
        "Read-only view of the release-monitor database.</footer>"
        "</body></html>\n"
    )
