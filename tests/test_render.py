"""Message rendering, table-driven: title, body in words, authority, link, safety."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.models import Event
from monitor.notify.render import MAX_CHARS, ZWSP, render

AT = datetime(2026, 6, 1, tzinfo=UTC)
TRADE = ("Deadline (trade)", "Variety (trade)", "Fan Blog (blog)")


def ev(
    kind: str, old: str | None, new: str | None, detail: str | None = None, **kw: object
) -> Event:
    return Event(
        kind=kind,  # type: ignore[arg-type]
        show="Glass Harbor",
        season=2,
        old=old,
        new=new,
        detail=detail,
        sources=kw.pop("sources", TRADE),  # type: ignore[arg-type]
        link=kw.pop("link", "https://deadline.example/glass-harbor-s2"),  # type: ignore[arg-type]
        at=AT,
        extra=kw.pop("extra", {}),  # type: ignore[arg-type]
    )


CASES = {
    "date announced": (
        ev("date_announced", None, "2027-01-29"),
        "Glass Harbor S2: release date announced",
        [
            "Release date: Friday 29 January 2027 (was: not announced).",
            "Source: Deadline (trade) + 2 more.",
            "https://deadline.example/glass-harbor-s2",
        ],
    ),
    "delay": (
        ev("date_changed", "2027-03-05", "2027-06-11", "delay"),
        "Glass Harbor S2: release date delayed",
        ["Release date: Friday 11 June 2027 (was: Friday 5 March 2027)."],
    ),
    "moved earlier to a month": (
        ev("date_changed", "2027-06-11", "2027-02", "earlier"),
        "Glass Harbor S2: release date moved earlier",
        ["Release date: February 2027 (was: Friday 11 June 2027)."],
    ),
    "refined to an exact day": (
        ev("date_changed", "2027-spring", "2027-04-02", "refinement"),
        "Glass Harbor S2: exact release date",
        ["Release date: Friday 2 April 2027 (was: spring 2027)."],
    ),
    "narrowed to a quarter": (
        ev("date_changed", "2027", "2027-Q3", "refinement"),
        "Glass Harbor S2: release date narrowed",
        ["Release date: the third quarter of 2027 (Q3) (was: 2027)."],
    ),
    "pulled": (
        ev("date_changed", "2027-03-05", "unannounced", "pulled"),
        "Glass Harbor S2: release date withdrawn",
        ["Release date: no date announced (was: Friday 5 March 2027)."],
    ),
    "renewed": (
        ev("renewed", None, "renewed", sources=("Netflix (official)",)),
        "Glass Harbor S2: renewed",
        ["Renewed: season 2 is coming.", "Source: Netflix (official)."],
    ),
    "cancelled after renewal": (
        ev("cancelled", "renewed", "cancelled"),
        "Glass Harbor S2: cancelled",
        ["Cancelled: season 2 will not be made (was: renewed)."],
    ),
    "phase forward": (
        ev("phase_changed", "pre-production", "filming"),
        "Glass Harbor S2: now filming",
        ["Production: filming (was: in pre-production)."],
    ),
    "phase backward": (
        ev("phase_changed", "post-production", "filming", "backward"),
        "Glass Harbor S2: back filming",
        ["Production: filming (was: in post-production)."],
    ),
    "released": (
        ev("released", "post-production", "released", extra={"release_date": "2027-03-05"}),
        "Glass Harbor S2: out now",
        ["Season 2 is out on Friday 5 March 2027 (was: in post-production)."],
    ),
    "tracking": (
        ev(
            "tracking",
            None,
            "renewal=renewed",
            extra={"renewal": "renewed", "renewal_by": "Deadline (trade)", "renewal_more": "1"},
        ),
        "Glass Harbor S2: now tracking",
        [
            "Now watching Glass Harbor season 2. Known so far:",
            "Renewal: renewed — Deadline (trade) + 1 more",
            "Release date: not announced",
            "Production: unknown",
        ],
    ),
}


@pytest.mark.parametrize(("event", "title", "lines"), CASES.values(), ids=CASES.keys())
def test_render(event: Event, title: str, lines: list[str]) -> None:
    message = render(event)
    assert message.title == title
    body_lines = message.body.splitlines()
    assert all(line in body_lines for line in lines), message.body


HOSTILE = {
    "everyone ping": ("@everyone Breaking", "@" + ZWSP + "everyone"),
    "here ping": ("News @here", "@" + ZWSP + "here"),
    "user ping": ("<@123456789> Daily", "@123456789 Daily"),
    "masked link": ("[Netflix](https://evil.example)", "Netflix"),
    "newlines and markup": ("Evil\nSource: **Netflix (official)**", "Evil Source: Netflix"),
}


@pytest.mark.parametrize(("publisher", "shown"), HOSTILE.values(), ids=HOSTILE.keys())
def test_untrusted_publisher_text_cannot_ping_or_format(publisher: str, shown: str) -> None:
    message = render(ev("renewed", None, "renewed", sources=(f"{publisher} (press)",)))
    assert shown in message.body
    for bad in ("@everyone", "@here", "<@", "](", "**", "\nSource: **"):
        assert bad not in message.body


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "https://ok.example/a b", "https://x.example/" + "a" * 600],
    ids=["not http", "space cut", "too long"],
)
def test_links_are_http_tokens_only(link: str) -> None:
    body = render(ev("renewed", None, "renewed", link=link)).body
    assert "javascript" not in body and "a b" not in body and "a" * 600 not in body


def test_a_message_always_fits_discord() -> None:
    huge = tuple(f"{'Publisher ' * 40}{n} (press)" for n in range(300))
    message = render(ev("date_announced", None, "2027-01-29", sources=huge))
    assert len(message.title) + 1 + len(message.body) <= MAX_CHARS


def test_a_config_error_keeps_its_key_path_and_rule() -> None:
    """The project's own wording: brackets and '>=' say which watch and what is allowed."""
    text = 'config.toml: watch[3].season: must be a whole number >= 1, got "two" <@123>'
    event = Event(kind="config_error", show="", season=0, old=None, new=text, at=AT)
    body = render(event).body
    assert 'config.toml: watch[3].season: must be a whole number >= 1, got "two"' in body
    assert "<@123>" not in body  # still no ping
