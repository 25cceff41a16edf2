"""The lexicon reader: every cue's examples, language detection, date grammars, unit cases."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from monitor.extract.claims import extract_for_watch
from monitor.extract.intl_dates import GRAMMARS
from monitor.extract.language import detect
from monitor.extract.lexicon import FILES, load
from monitor.models import Watch

CASES = tomllib.loads((Path(__file__).parent / "cases" / "extract_intl.toml").read_text("utf-8"))


def _cue_examples() -> list[Any]:
    out = []
    for language in FILES:
        for index, cue in enumerate(load(language).cues):
            for example in cue.examples:
                out.append(pytest.param(cue, example, True, id=f"{language}-{cue.kind}-{index}+"))
            for counter in cue.counter:
                out.append(pytest.param(cue, counter, False, id=f"{language}-{cue.kind}-{index}-"))
    return out


@pytest.mark.parametrize(("cue", "text", "matches"), _cue_examples())
def test_every_lexicon_example_and_counter_example(cue: Any, text: str, matches: bool) -> None:
    assert (cue.pattern.search(text) is not None) == matches


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("Netflix renews the show for a second season", "en", id="english"),
        pytest.param("'사냥개들' 시즌2, 4월 3일 공개 확정", "ko", id="korean"),
        pytest.param("『葬送のフリーレン』第2期、2026年1月より放送決定", "ja", id="japanese"),
        pytest.param("La segunda temporada de Élite llegará a Netflix", "es", id="spanish"),
        pytest.param("La seconda stagione della serie è stata rinnovata", "it", id="italian"),
        pytest.param("La saison 3 de Lupin arrive sur Netflix et les fans", "fr", id="french"),
        pytest.param("Die zweite Staffel von Kleo ist noch nicht bestätigt", "de", id="german"),
        pytest.param("A segunda temporada da série não tem data de estreia", "pt", id="portuguese"),
        pytest.param("Πότε επιστρέφει το Andor; Η δεύτερη σεζόν έρχεται", "other", id="greek"),
        pytest.param(
            "《鬼灭之刃》第二季将于明年在中国播出，官方已经确认了这个消息", "other", id="chinese"
        ),
        pytest.param("Andor", "en", id="bare-title"),
    ],
)
def test_language_detection(text: str, language: str) -> None:
    assert detect(text) == language


PUB = date(2025, 5, 10)


@pytest.mark.parametrize(
    ("language", "text", "values"),
    [
        pytest.param("ko", "2024년 10월 25일 공개", ["2024-10-25"], id="ko-full"),
        pytest.param("ko", "4월 3일 공개", ["2026-04-03"], id="ko-yearless-forward"),
        pytest.param("ko", "내년 상반기 공개", ["2026-H1"], id="ko-next-year-half"),
        pytest.param("ko", "2분기 공개", ["2025-Q2"], id="ko-quarter"),
        pytest.param("ko", "다음 달 16일 베일을 벗는다", ["2025-06-16"], id="ko-next-month-day"),
        pytest.param("ko", "지난해 6월 처음 공개된", ["2024-06"], id="ko-last-year-month"),
        pytest.param("ja", "2026年1月16日より放送", ["2026-01-16"], id="ja-full"),
        pytest.param("ja", "2026年1月スタート", ["2026-01"], id="ja-month"),
        pytest.param("ja", "2025年夏アニメ", ["2025-summer"], id="ja-season"),
        pytest.param("ja", "25年の7月から", ["2025-07"], id="ja-two-digit-year"),
        pytest.param("ja", "5月8日深夜に放送され", ["2025-05-08"], id="ja-recent-day-is-past"),
        pytest.param("it", "venerdì 11 giugno", ["2025-06-11"], id="it-weekday-day-month"),
        pytest.param("it", "a fine 2024", ["2024-H2"], id="it-late-year"),
        pytest.param("fr", "le 5 octobre 2023", ["2023-10-05"], id="fr-day-month-year"),
        pytest.param("fr", "début 2026", ["2026-H1"], id="fr-early-year"),
        pytest.param("de", "am 3. Oktober 2024", ["2024-10-03"], id="de-ordinal-day"),
        pytest.param("de", "im Herbst 2025", ["2025-fall"], id="de-season"),
        pytest.param("es", "verano de 2025", ["2025-summer"], id="es-season"),
        pytest.param("es", "15/03/2026", ["2026-03-15"], id="es-day-first-numeric"),
        pytest.param("pt", "15 de março de 2026", ["2026-03-15"], id="pt-full"),
        pytest.param("ja", "2021年1月〜3月", ["2021-01"], id="ja-range-end-dropped"),
        pytest.param("ko", "7월부터 9월까지 방송", ["2025-07"], id="ko-range-end-dropped"),
        pytest.param("es", "en algún momento de 2020", ["2020"], id="es-some-time-in-year"),
        pytest.param("ja", "2013年4~6月放送", ["2013-04"], id="ja-month-run-starts-at-first"),
        pytest.param("ko", "22일 시즌4 첫방송을 시작", ["2025-05-22"], id="ko-bare-day-premiere"),
        pytest.param("ko", "17·18일 첫 방송", ["2025-05-17"], id="ko-two-night-premiere"),
        pytest.param("ko", "오늘 밤 10시 첫 방송된다", ["2025-05-10"], id="ko-tonight-premiere"),
        pytest.param("ko", "오늘 공개된 티저", [], id="ko-today-teaser-is-no-date"),
        pytest.param("ko", "22일 공개된 사진", [], id="ko-bare-day-without-premiere"),
        pytest.param(
            "ko",
            "8일 디즈니+에서 공개된 오리지널",
            ["2025-05-08"],
            id="ko-bare-day-release-gone-by",
        ),
        pytest.param(
            "ko", "30일 오전 처음 공개된", ["2025-04-30"], id="ko-bare-day-gone-by-last-month"
        ),
        pytest.param(
            "ko", "20일 첫 선을 보인다", ["2025-05-20"], id="ko-bare-day-first-look-ahead"
        ),
        pytest.param("ja", "本日より放送スタート", ["2025-05-10"], id="ja-today-start"),
        pytest.param("ja", "今月3日から放送が始まった", ["2025-05-03"], id="ja-this-month-day"),
        pytest.param("ja", "来月8日より配信", ["2025-06-08"], id="ja-next-month-day"),
        pytest.param("ja", "来年3月に放送", ["2026-03"], id="ja-next-year-month"),
        pytest.param("ja", "2024年初夏に放送", ["2024-summer"], id="ja-early-summer"),
        pytest.param("ja", "20日、スタートする", ["2025-05-20"], id="ja-bare-day-comma-start"),
        pytest.param("ja", "アニメが17日、始まる", ["2025-05-17"], id="ja-bare-day-begins"),
        pytest.param(
            "es", "la serie que Netflix estrena hoy", ["2025-05-10"], id="es-premiere-today"
        ),
        pytest.param("de", "ab heute kostenlos streamen", ["2025-05-10"], id="de-from-today"),
        pytest.param("fr", "France 2 lance demain soir", ["2025-05-11"], id="fr-launch-tomorrow"),
        pytest.param("fr", "Disclaimer arrive aujourd'hui", ["2025-05-10"], id="fr-arrives-today"),
        pytest.param("de", "Am Morgen startet die Serie", [], id="de-morning-is-no-tomorrow"),
        pytest.param(
            "it",
            "oggi Prime Video ha comunicato il rinnovo",
            [],
            id="it-today-of-an-announcement-is-no-date",
        ),
        pytest.param("ja", "本日公開されたPV", [], id="ja-today-trailer-is-no-date"),
        pytest.param("ja", "20日(金)より放送開始", ["2025-05-20"], id="ja-bare-day-start"),
        pytest.param("ja", "6・7スタート", ["2025-06-07"], id="ja-month-nakaguro-day-start"),
    ],
)
def test_date_grammars(language: str, text: str, values: list[str]) -> None:
    assert [f.value.value for f in GRAMMARS[language](text, PUB)] == values


@pytest.mark.parametrize("case", CASES["case"], ids=[c["id"] for c in CASES["case"]])
def test_intl_cases(case: dict[str, Any]) -> None:
    show, season, *aliases = case["watch"]
    watch = Watch(show, season, aliases=tuple(aliases), part=case.get("part"))
    published = date.fromisoformat(case["published"]) if "published" in case else None
    claims = extract_for_watch(case["title"], case["text"], watch, published)
    assert {c.field: c.value for c in claims} == case["expected"], case["why"]
