"""`release-monitor extract`: single-article explanations and the --jsonl batch contract."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import run_cli


def _jsonl(*records: object) -> str:
    return "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
    )


def _explain(stdin: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """`extract` in single-article mode for Glass Harbor S2 (published 2026-10-01 by default)."""
    dated = extra if "--published" in extra else ("--published", "2026-10-01", *extra)
    return run_cli("extract", "--show", "Glass Harbor", "--season", "2", *dated, stdin=stdin)


def _record(**extra: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "a",
        "show": "Glass Harbor",
        "season": 2,
        "aliases": [],
        "published": "2026-10-01",
        "title": "Glass Harbor season 2 premieres March 14",
        "text": "Netflix confirmed the date on Tuesday.",
    }
    base.update(extra)
    return base


def test_jsonl_one_line_per_input_in_order() -> None:
    stdin = _jsonl(
        _record(id="first"),
        _record(id="second", title="Other news", text="Nothing about the show."),
        _record(id="third", title="Glass Harbor renewed for season 2", text=""),
    )
    result = run_cli("extract", "--jsonl", stdin=stdin)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [
        {"id": "first", "renewal": "renewed", "date": "2027-03-14", "phase": None},
        {"id": "second", "renewal": None, "date": None, "phase": None},
        {"id": "third", "renewal": "renewed", "date": None, "phase": None},
    ]


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("{not json", "invalid JSON"),
        ('["a list"]', "not a JSON object"),
        (json.dumps({"id": "x", "season": 2}), "show must be"),
        (json.dumps({"id": "x", "show": "Glass Harbor", "season": "two"}), "season must be"),
        (json.dumps({"id": "x", "show": "G", "season": 2, "published": "01/02/2026"}), "published"),
        (json.dumps({"id": "x", "show": "G", "season": 2, "text": 5}), "text must be"),
    ],
    ids=["bad_json", "not_object", "no_show", "season_word", "bad_published", "text_not_string"],
)
def test_jsonl_malformed_line_gives_nulls_and_a_warning(bad: str, reason: str) -> None:
    stdin = _jsonl(_record(id="before"), bad, _record(id="after"))
    result = run_cli("extract", "--jsonl", stdin=stdin)
    assert result.returncode == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines][::2] == ["before", "after"]
    assert lines[1]["renewal"] is None and lines[1]["date"] is None and lines[1]["phase"] is None
    assert "line 2" in result.stderr and reason in result.stderr


def test_jsonl_accepts_null_datetime_and_unknown_fields() -> None:
    stdin = _jsonl(
        _record(id="null", published=None),
        _record(id="iso", published="2026-10-01T08:30:00Z", extra={"ignored": True}),
        _record(id="string_season", season="2", aliases="GH"),
    )
    result = run_cli("extract", "--jsonl", stdin=stdin)
    assert result.returncode == 0, result.stderr
    dates = {
        json.loads(line)["id"]: json.loads(line)["date"] for line in result.stdout.splitlines()
    }
    # Without a published date the year-less "March 14" cannot be resolved; with one it can.
    assert dates == {"null": None, "iso": "2027-03-14", "string_season": "2027-03-14"}


def test_jsonl_reads_part_and_final_when_given() -> None:
    text = "Part 1 arrives May 1, 2027, and Part 2 arrives on June 5, 2027."
    stdin = _jsonl(
        _record(id="whole", title="Glass Harbor season 2 split in two", text=text),
        _record(id="part2", title="Glass Harbor season 2 split in two", text=text, part=2),
    )
    result = run_cli("extract", "--jsonl", stdin=stdin)
    dates = [json.loads(line)["date"] for line in result.stdout.splitlines()]
    assert dates == ["2027-05-01", "2027-06-05"]


def test_single_article_prints_claims_with_evidence() -> None:
    article = (
        "Glass Harbor renewed for season 2\n"
        "Netflix has renewed Glass Harbor for a second season. Filming began this week."
    )
    result = _explain(article)
    assert result.returncode == 0, result.stderr
    assert "renewal: renewed" in result.stdout
    assert 'evidence: "Glass Harbor renewed for season 2"' in result.stdout
    assert "phase: filming" in result.stdout
    assert "date: none" in result.stdout


def test_single_article_explains_hedging() -> None:
    result = _explain(
        "Glass Harbor season 2 could arrive in late 2027.",
        "--title",
        "Will Glass Harbor season 2 arrive in 2027?",
    )
    assert result.returncode == 0
    assert "hedged: 'could'" in result.stdout
    assert "a question" in result.stdout


def test_single_article_explains_wrong_season_and_missing_show() -> None:
    other = _explain(
        "Glass Harbor renewed for season 3\nNetflix renewed Glass Harbor for a third season."
    )
    assert "about season 3, not 2" in other.stdout
    missing = _explain("Midnight Ferry renewed\nNetflix renewed Midnight Ferry.", "--alias", "GH")
    assert "never mentions the show (Glass Harbor, GH)" in missing.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--season", "2"), "needs --show and --season"),
        (("--show", "X", "--season", "2", "--published", "soon"), "--published"),
    ],
    ids=["no_show", "bad_published"],
)
def test_single_article_bad_options_exit_2(args: tuple[str, ...], message: str) -> None:
    result = run_cli("extract", *args, stdin="text")
    assert result.returncode == 2
    assert message in result.stderr


def test_extract_does_not_import_heavy_modules() -> None:
    heavy = run_cli("extract", "--help", env={"PYTHONPROFILEIMPORTTIME": "1"})
    imported = {line.split("|")[-1].strip() for line in heavy.stderr.splitlines() if "|" in line}
    assert imported, heavy.stderr[-500:]
    for module in ("sqlmodel", "sqlalchemy", "apprise", "requests", "feedparser"):
        assert module not in imported


def test_jsonl_writes_utf8_whatever_the_locale() -> None:
    record = {
        "id": "효산고-1",
        "show": "All of Us Are Dead",
        "season": 2,
        "aliases": ["효산고"],
        "published": "2025-06-11",
        "title": "효산고 시즌2 확정",
        "text": "넷플릭스가 효산고 시즌2 제작을 공식 확정했다.",
    }
    result = run_cli(
        "extract", "--jsonl", stdin=_jsonl(record), env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "id": "효산고-1",
        "renewal": "renewed",
        "date": None,
        "phase": None,
    }
