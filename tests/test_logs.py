"""Log lines: one per event, text or JSON, and no secret ever printed."""

from __future__ import annotations

import io
import json
import logging

import pytest

from monitor.logs import SecretMasker, setup_logging


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        pytest.param(
            "sending to mailto://bob:hunter22@mail.example.com now",
            "hunter22",
            "mail.example.com",
            id="mailto-password",
        ),
        pytest.param(
            "discord://123456/AbCdEfSecretToken failed",
            "AbCdEfSecretToken",
            "discord://",
            id="discord-token-host",
        ),
        pytest.param(
            "db postgresql://rm:pgpass99@db:5432/rm down",
            "pgpass99",
            "db:5432",
            id="database-password",
        ),
        pytest.param(
            "GET https://hooks.example.com/x?token=s3cr3tvalue",
            "s3cr3tvalue",
            "hooks.example.com",
            id="token-query",
        ),
        pytest.param(
            "json://user:pw123456@127.0.0.1:8080/hook", "pw123456", "127.0.0.1", id="json-userinfo"
        ),
    ],
)
def test_masker_hides_credentials(text: str, hidden: str, kept: str) -> None:
    out = SecretMasker().mask(text)
    assert hidden not in out
    assert kept in out


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("fetched https://deadline.com/v/tv/feed/ in 0.2s", id="plain-https"),
        pytest.param("no url here at all", id="no-url"),
        pytest.param("json://127.0.0.1:8080/hook answered 500", id="json-no-credentials"),
    ],
)
def test_masker_keeps_harmless_text(text: str) -> None:
    assert SecretMasker().mask(text) == text


def test_known_secret_masked_even_without_scheme() -> None:
    masker = SecretMasker()
    masker.add(["tgram://987654321:AAHsecretbot/12345"])
    out = masker.mask("apprise said: tgram://987654321:AAHsecretbot/12345 unreachable")
    assert "AAHsecretbot" not in out


def _logger_output(fmt: str | None, emit: object) -> list[str]:
    stream = io.StringIO()
    handler = setup_logging(fmt, stream=stream, secrets=["mailto://u:topsecretpw@x.org"])
    try:
        assert callable(emit)
        emit(logging.getLogger("monitor.test"))
    finally:
        logging.getLogger().removeHandler(handler)
    return stream.getvalue().splitlines()


def test_json_lines_are_parseable_and_masked() -> None:
    def emit(log: logging.Logger) -> None:
        log.info("target %s failed", "mailto://u:topsecretpw@x.org", extra={"source": "Deadline"})
        try:
            raise RuntimeError("boom\nsecond line")
        except RuntimeError:
            log.exception("crashed")

    lines = _logger_output("json", emit)
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["level"] == "info"
    assert first["source"] == "Deadline"
    assert "topsecretpw" not in first["msg"]
    assert first["msg"].startswith("target mailto://")
    assert "RuntimeError" in second["exc"]


def test_text_is_one_line_per_event_even_with_traceback() -> None:
    def emit(log: logging.Logger) -> None:
        log.warning("edit rejected:\nconfig.toml: watch[0].season: must be a whole number")
        try:
            raise ValueError("bad")
        except ValueError:
            log.exception("job failed")

    lines = _logger_output("text", emit)
    assert len(lines) == 2
    assert "WARNING" in lines[0]
    assert "watch[0].season" in lines[0]
    assert "ValueError: bad" in lines[1]


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="log format"):
        setup_logging("xml")
