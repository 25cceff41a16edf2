"""The TOML config: pydantic models, defaults in one place, errors that name the key path."""

from __future__ import annotations

import difflib
import ipaddress
import os
import re
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from monitor.errors import ConfigError
from monitor.models import TRUST_NAMES, EventKind, Trust, Watch

ENV_NOTIFY_URLS = "RELEASE_MONITOR_NOTIFY_URLS"
DEFAULT_CONFIG_NAME = "config.toml"

# Defaults in one place: every model below reads them from here.
DEFAULTS: dict[str, Any] = {
    "database": "sqlite:///release-monitor.db",
    "interval": "2h",
    "notify_baseline": True,
    "user_agent": "release-monitor/0.1 (+https://github.com/release-monitor/release-monitor)",
    "max_body_bytes": 10 * 1024 * 1024,
    "fetch_timeout": "30s",  # total deadline of one fetch, connect + read + body
    "workers": 4,
    # Scale-out (several daemons on one PostgreSQL database): how long a claim on a due source
    # lasts unrenewed (a dead daemon's sources wait this long), and the connection limits.
    "lease": "60s",
    "pool_size": 5,
    "max_overflow": 10,
    "statement_timeout": "60s",
    "per_host": 1,
    "notify_timeout": "30s",  # total deadline of one send to one target
    "google_news_base_url": "https://news.google.com/rss/search",
    "tvmaze_base_url": "https://api.tvmaze.com",
    "netflix_base_url": "https://about.netflix.com/api/data/upcoming",
}

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)")
_UNIT_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(value: object) -> timedelta:
    """ "30s", "30m", "2h", "1d", "1h30m" or a number of seconds -> timedelta."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, bool):
        raise ValueError(f'must be a duration like "30m", "2h" or "1d", got {value!r}')
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        text = value.strip().lower().replace(" ", "")
        parts = _DURATION.findall(text)
        if not parts or "".join(n + u for n, u in parts) != text:
            raise ValueError(f'must be a duration like "30m", "2h" or "1d", got "{value}"')
        seconds = sum(float(n) * _UNIT_SECONDS[u] for n, u in parts)
    else:
        raise ValueError(f'must be a duration like "30m", "2h" or "1d", got {value!r}')
    if seconds <= 0:
        raise ValueError(f"must be a positive duration, got {value!r}")
    return timedelta(seconds=seconds)


def format_duration(delta: timedelta) -> str:
    total = delta.total_seconds()
    if total != int(total):
        return f"{total:g}s"
    seconds = int(total)
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _within(low: timedelta, high: timedelta, shown_low: timedelta | None = None) -> Any:
    def check(value: timedelta) -> timedelta:
        if not low <= value <= high:
            raise ValueError(
                f"must be between {format_duration(shown_low or low)} and "
                f'{format_duration(high)}, got "{format_duration(value)}"'
            )
        return value

    return AfterValidator(check)


def _has_word(value: str) -> str:
    # " " or "@@" cannot be matched in any article, and "@everyone" alone would be a ping.
    if not any(ch.isalnum() for ch in value):
        raise ValueError(f'must contain a letter or a digit, got "{value}"')
    return value


# Every number has a range: an absurd value is refused by `check`, never met by a poll.
# Intervals run from 1 s to 30 d; below 1 s only for feeds on this machine (test servers),
# which the Config check below enforces with the key path.
MIN_INTERVAL = timedelta(seconds=1)
Duration = Annotated[
    timedelta,
    BeforeValidator(parse_duration),
    _within(timedelta(milliseconds=10), timedelta(days=30), MIN_INTERVAL),
]
Timeout = Annotated[
    timedelta,
    BeforeValidator(parse_duration),
    _within(timedelta(seconds=1), timedelta(minutes=10)),
]
# TOML values are typed: "2" for a season is a mistake to report, not to coerce.
SInt = Annotated[int, Strict()]
SBool = Annotated[bool, Strict()]
SStr = Annotated[str, Strict()]
TrustName = Literal["official", "trade", "structured", "press", "blog"]
# The event kinds a target may filter on: the one list, in models.
EventName = EventKind


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MonitorSection(_Strict):
    database: SStr = DEFAULTS["database"]
    interval: Duration = parse_duration(DEFAULTS["interval"])
    notify_baseline: SBool = DEFAULTS["notify_baseline"]
    user_agent: SStr = DEFAULTS["user_agent"]
    max_body_bytes: SInt = Field(default=DEFAULTS["max_body_bytes"], ge=64 * 1024, le=1024**3)
    fetch_timeout: Timeout = parse_duration(DEFAULTS["fetch_timeout"])
    workers: SInt = Field(default=DEFAULTS["workers"], ge=1, le=64)
    lease: Duration = parse_duration(DEFAULTS["lease"])
    pool_size: SInt = Field(default=DEFAULTS["pool_size"], ge=1, le=200)
    max_overflow: SInt = Field(default=DEFAULTS["max_overflow"], ge=0, le=200)
    statement_timeout: Duration = parse_duration(DEFAULTS["statement_timeout"])

    @field_validator("lease")
    @classmethod
    def _lease(cls, value: timedelta) -> timedelta:
        if value < timedelta(seconds=3):
            raise ValueError("must be at least 3s (it is renewed every third of it)")
        return value

    # Parallel fetches per host: 1 keeps public sites from ever being hit in parallel; a
    # self-hosted RSS bridge with hundreds of routes can take more.
    per_host: SInt = Field(default=DEFAULTS["per_host"], ge=1, le=64)
    # A redirect from a public address into this machine or the LAN is refused unless set.
    allow_private_redirects: SBool = False

    @field_validator("database")
    @classmethod
    def _database_url(cls, value: str) -> str:
        if "://" not in value:
            raise ValueError(
                'must be a database URL like "sqlite:///release-monitor.db" or '
                '"postgresql://user@host/db"'
            )
        return value


class Target(_Strict):
    """One notification target: an Apprise URL with optional filters."""

    url: SStr
    events: tuple[EventName, ...] | None = None  # None: every event
    tags: tuple[SStr, ...] = ()  # a watch with `notify = [...]` goes to targets sharing a tag
    name: SStr | None = None
    # Opt-in: also hear, clearly labelled, when one lesser outlet reports a value that is not
    # confirmed yet (Korean-press-only news, say); the confirmed alert still follows.
    reported: SBool = False


def _coerce_targets(value: object) -> object:
    # `urls = ["..."]` is shorthand for targets without filters.
    if isinstance(value, list):
        return [{"url": v} if isinstance(v, str) else v for v in value]
    return value


class NotifySection(_Strict):
    urls: Annotated[tuple[Target, ...], BeforeValidator(_coerce_targets)] = ()
    remind_days: tuple[Annotated[SInt, Field(ge=0, le=365)], ...] = ()
    timeout: Timeout = parse_duration(DEFAULTS["notify_timeout"])


class SourceSection(_Strict):
    enabled: SBool = True
    base_url: SStr
    interval: Duration | None = None  # None: [monitor] interval

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not re.match(r"https?://[^/\s]+", value):
            raise ValueError(f'must be an http:// or https:// URL, got "{value}"')
        return value.rstrip("/") if not value.endswith("/search") else value


class GoogleNewsSection(SourceSection):
    base_url: SStr = DEFAULTS["google_news_base_url"]
    hl: SStr = "en-US"
    gl: SStr = "US"
    ceid: SStr = "US:en"
    # A watch with a Korean or Japanese alias also searches that language's edition.
    local_editions: SBool = True


class TvmazeSection(SourceSection):
    base_url: SStr = DEFAULTS["tvmaze_base_url"]


class NetflixSection(SourceSection):
    base_url: SStr = DEFAULTS["netflix_base_url"]
    enabled: SBool = False  # undocumented endpoint: opt in


class SourcesSection(_Strict):
    google_news: GoogleNewsSection = GoogleNewsSection()
    tvmaze: TvmazeSection = TvmazeSection()
    netflix: NetflixSection = NetflixSection()


class Feed(_Strict):
    name: SStr = Field(min_length=1)
    url: SStr
    trust: TrustName | None = None  # None: from the publisher domain table
    interval: Duration | None = None
    enabled: SBool = True

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not re.match(r"https?://[^/\s]+", value):
            raise ValueError(f'must be an http:// or https:// URL, got "{value}"')
        return value


Title = Annotated[SStr, AfterValidator(_has_word)]


class WatchEntry(_Strict):
    show: Title = Field(min_length=1)
    season: SInt = Field(ge=1, le=999)
    aliases: tuple[Title, ...] = ()
    part: SInt | None = Field(default=None, ge=1, le=99)
    final: SBool = False
    tvmaze_id: SInt | None = Field(default=None, ge=0, le=2**31 - 1)
    notify: tuple[SStr, ...] = ()

    def to_watch(self) -> Watch:
        return Watch(
            show=self.show.strip(),
            season=self.season,
            aliases=tuple(a.strip() for a in self.aliases if a.strip()),
            part=self.part,
            final=self.final,
            tvmaze_id=self.tvmaze_id or None,
            notify=self.notify,
        )


class CalendarSection(_Strict):
    path: SStr | None = None


WEB_TOKEN_MIN = 16  # characters; a short token on a public address is guessed in hours


def parse_listen(value: str) -> tuple[str, int]:
    """ "127.0.0.1:8686", "[::1]:8686", "localhost:8686", ":8686" (all) -> host, port."""
    match = re.fullmatch(r"(?:\[([0-9A-Fa-f:.]+)\]|([^\s:\[\]]*)):(\d{1,5})", value.strip())
    if not match:
        raise ValueError(
            f'must be "HOST:PORT" like "127.0.0.1:8686" or "[::1]:8686", got "{value}"'
        )
    host = match.group(1) or match.group(2) or "0.0.0.0"
    port = int(match.group(3))
    if not 1 <= port <= 65535:
        raise ValueError(f"port must be between 1 and 65535, got {port}")
    return host, port


def is_loopback(host: str) -> bool:
    """Only this machine can connect (a name other than localhost may resolve anywhere)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class WebSection(_Strict):
    """The read-only web part (`/`, `/calendar.ics`, ...); off unless `listen` is set."""

    listen: SStr | None = None
    # Checked after `listen` (fields validate in order), so the error can name this key.
    token: SStr | None = Field(default=None, validate_default=True)

    @field_validator("listen")
    @classmethod
    def _listen(cls, value: str | None) -> str | None:
        if value is not None:
            parse_listen(value)
        return value

    @field_validator("token")
    @classmethod
    def _token(cls, value: str | None, info: ValidationInfo) -> str | None:
        listen = info.data.get("listen")
        if value is not None and len(value.strip()) < WEB_TOKEN_MIN:
            raise ValueError(
                f"must be at least {WEB_TOKEN_MIN} characters (make one with: "
                "python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
            )
        if value is None and listen is not None and not is_loopback(parse_listen(listen)[0]):
            raise ValueError(
                f'required when web.listen ("{listen}") is not a loopback address: anyone who '
                "can reach it would read your watchlist (make one with: "
                "python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
            )
        return None if value is None else value.strip()


class Config(_Strict):
    monitor: MonitorSection = MonitorSection()
    notify: NotifySection = NotifySection()
    sources: SourcesSection = SourcesSection()
    feeds: tuple[Feed, ...] = ()
    watch: tuple[WatchEntry, ...] = ()
    calendar: CalendarSection = CalendarSection()
    web: WebSection = WebSection()
    # Where the file was read from; relative SQLite paths resolve against its folder.
    base_dir: SStr = Field(default=".", exclude=True)

    @model_validator(mode="after")
    def _sub_second_only_local(self) -> Config:
        sections = self.sources
        checks: list[tuple[str, timedelta | None, str]] = [
            (f"sources.{name}.interval", section.interval, section.base_url)
            for name, section in (
                ("google_news", sections.google_news),
                ("tvmaze", sections.tvmaze),
                ("netflix", sections.netflix),
            )
            if section.enabled and self.watch  # without watches they poll nothing
        ]
        checks += [(f"feeds[{n}].interval", f.interval, f.url) for n, f in enumerate(self.feeds)]
        for path, own, url in checks:
            interval = own or self.monitor.interval
            if interval < MIN_INTERVAL and not is_loopback_url(url):
                where = path if own else "monitor.interval"
                raise ValueError(
                    f"{where}: must be between 1s and 30d, got "
                    f'"{format_duration(interval)}" (below 1s only for feeds on this machine)'
                )
        return self

    @model_validator(mode="after")
    def _unique(self) -> Config:
        seen: set[tuple[str, int]] = set()
        for entry in self.watch:
            key = (entry.show.strip().casefold(), entry.season)
            if key in seen:
                raise ValueError(f'watch: "{entry.show}" season {entry.season} is listed twice')
            seen.add(key)
        names = [f.name for f in self.feeds]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"feed names must be unique, repeated: {', '.join(dupes)}")
        return self

    @property
    def watches(self) -> tuple[Watch, ...]:
        return tuple(w.to_watch() for w in self.watch)

    @property
    def database_url(self) -> str:
        return resolve_database_url(self.monitor.database, Path(self.base_dir))

    def feed_trust(self, feed: Feed) -> Trust | None:
        return Trust.parse(feed.trust) if feed.trust else None


def is_loopback_url(url: str) -> bool:
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    return host in {"localhost", "::1"} or host.startswith("127.")


def resolve_database_url(url: str, base_dir: Path) -> str:
    """Make a relative SQLite path absolute against the config file's folder."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith("sqlite:////"):
        rest = url[len(prefix) :]
        if rest and rest != ":memory:" and not Path(rest).is_absolute():
            return prefix + str((base_dir / rest).resolve())
    return url


# --- loading ---------------------------------------------------------------------------------


def default_config_path() -> Path:
    """./config.toml if present, else $XDG_CONFIG_HOME/release-monitor/config.toml."""
    local = Path(DEFAULT_CONFIG_NAME)
    if local.exists():
        return local
    xdg = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    candidate = Path(xdg) / "release-monitor" / DEFAULT_CONFIG_NAME
    return candidate if candidate.exists() else local


def load_config(path: Path, environ: dict[str, str] | None = None) -> Config:
    """Read, parse and validate one config file; raise ConfigError naming every problem."""
    env = os.environ if environ is None else environ
    shown = str(path)
    try:
        raw_bytes = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            shown, ["file not found (create one with `release-monitor init`)"]
        ) from None
    except OSError as exc:
        raise ConfigError(shown, [f"cannot read: {exc.strerror or exc}"]) from None
    try:
        data = tomllib.loads(raw_bytes.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(shown, [f"not UTF-8 text (byte {exc.start})"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(shown, [f"TOML syntax error: {exc}"]) from None
    return config_from_dict(data, shown, base_dir=path.resolve().parent, environ=env)


def config_from_dict(
    data: dict[str, Any],
    shown: str = "config",
    base_dir: Path | None = None,
    environ: os._Environ[str] | dict[str, str] | None = None,
) -> Config:
    env = {} if environ is None else environ
    data = dict(data)
    env_urls = env.get(ENV_NOTIFY_URLS, "").split()
    if env_urls:
        notify = dict(data.get("notify") or {})
        notify["urls"] = list(notify.get("urls") or []) + env_urls
        data["notify"] = notify
    if base_dir is not None:
        data["base_dir"] = str(base_dir)
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(shown, [_describe(err) for err in exc.errors()]) from None


def _key_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _got(value: object) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _known_keys(loc: tuple[int | str, ...]) -> list[str]:
    model: Any = Config
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if hasattr(model, "model_fields") else None
        if field is None:
            return []
        annotation = field.annotation
        args = getattr(annotation, "__args__", ())
        model = next((a for a in (annotation, *args) if hasattr(a, "model_fields")), None)
        if model is None:
            return []
    return [k for k in model.model_fields if k != "base_dir"]


def _field_of(loc: tuple[int | str, ...]) -> Any:
    model: Any = Config
    info: Any = None
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(model, "model_fields", {}).get(part)
        if info is None:
            return None
        args = getattr(info.annotation, "__args__", ())
        model = next((a for a in (info.annotation, *args) if hasattr(a, "model_fields")), None)
    return info


def _bound(loc: tuple[int | str, ...]) -> str:
    info = _field_of(loc)
    low = high = None
    for meta in getattr(info, "metadata", ()):
        low = getattr(meta, "ge", None) if low is None else low
        high = getattr(meta, "le", None) if high is None else high
    if low is not None and high is not None:
        return f" from {low} to {high}"
    return f" >= {low}" if low is not None else ""


def _describe(err: Any) -> str:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p and "(" in p))
    path = _key_path(loc)
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    if kind == "extra_forbidden":
        known = _known_keys(loc)
        hint = difflib.get_close_matches(str(loc[-1]), known, n=1)
        extra = f' (did you mean "{hint[0]}"?)' if hint else ""
        if known and not hint:
            extra = f" (known keys: {', '.join(known)})"
        return f"{path}: unknown key{extra}"
    if kind == "missing":
        return f"{path}: required key is missing"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"{path}: must be a whole number{_bound(loc)}, got {_got(value)}"
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        op = {
            "greater_than_equal": ">=",
            "greater_than": ">",
            "less_than_equal": "<=",
            "less_than": "<",
        }[kind]
        limit = next(iter(ctx.values()), "?")
        noun = "whole number" if isinstance(value, int) else "number"
        bound = _bound(loc)
        if bound.startswith(" from"):
            return f"{path}: must be a {noun}{bound}, got {_got(value)}"
        return f"{path}: must be a {noun} {op} {limit}, got {_got(value)}"
    if kind in {"bool_type", "bool_parsing"}:
        return f"{path}: must be true or false, got {_got(value)}"
    if kind in {"string_type"}:
        return f"{path}: must be a string in quotes, got {_got(value)}"
    if kind in {"string_too_short"}:
        return f"{path}: must not be empty"
    if kind in {"tuple_type", "list_type"}:
        if isinstance(value, dict):
            return f"{path}: must be a list of tables (write [[{path}]]), got a single table"
        return f'{path}: must be a list like ["a", "b"], got {_got(value)}'
    if kind in {"model_type", "model_attributes_type", "dataclass_type"}:
        return f"{path}: must be a table, got {_got(value)}"
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        return f"{path}: must be one of {expected}, got {_got(value)}"
    if kind == "value_error":
        message = str(ctx.get("error", err["msg"]))
        return f"{path}: {message}" if loc else message
    return f"{path}: {err['msg']}, got {_got(value)}"


# Services whose "host" part is itself a token or id (discord://webhook_id/token).
_HOST_IS_SECRET = frozenset(
    {"discord", "tgram", "slack", "pbul", "join", "msteams", "pover", "ifttt", "gotify", "ntfy"}
)
# Schemes whose user name is an e-mail login, not a token.
_USER_IS_LOGIN = frozenset({"mailto", "mailtos", "smtp", "smtps", "imap", "imaps"})
_SECRET_KEY = re.compile(
    r"(?:token|key|apikey|api_key|secret|password|pass|pwd|auth|access_token|sig|signature)$",
    re.IGNORECASE,
)
# A path segment that looks generated (webhook tokens, API keys) rather than named.
_TOKEN_SEGMENT = re.compile(r"(?=[^/]*\d)(?=[^/]*[A-Za-z])[A-Za-z0-9_\-]{16,}")
MASK = "****"


def _mask_query(query: str) -> str:
    parts = []
    for pair in query.split("&"):
        key, sep, value = pair.partition("=")
        parts.append(f"{key}={MASK}" if sep and value and _SECRET_KEY.search(key) else pair)
    return "&".join(parts)


_URL_IN_TEXT = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>]+")


def mask_urls(text: str) -> str:
    """Every URL in a text with its credentials and path masked."""
    return _URL_IN_TEXT.sub(lambda m: mask_secret_url(m.group(0)), text)


def mask_secret_url(url: str) -> str:
    """An Apprise or feed URL with its credentials hidden and everything else kept.

    Passwords, token-like path segments and secret query values become `****`; for
    services whose address is itself the token (discord://id/token) all of it does.
    """
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\?([^#]*))?", url.strip())
    if not match:
        return MASK
    scheme, authority, path, query = match.groups()
    if scheme.lower() in _HOST_IS_SECRET:
        return f"{scheme}://{MASK}"
    userinfo, at, host = authority.rpartition("@")
    if at:
        user, colon, _password = userinfo.partition(":")
        if colon:
            userinfo = f"{user}:{MASK}"
        elif scheme.lower() not in _USER_IS_LOGIN:
            userinfo = MASK
    path = _TOKEN_SEGMENT.sub(MASK, path)
    shown = f"{scheme}://{userinfo}{at}{host}{path}"
    return f"{shown}?{_mask_query(query)}" if query else shown


def mask_database_url(url: str) -> str:
    """A database URL with its password hidden."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as nothing rather than leaked
        return "****"


def trust_names() -> tuple[str, ...]:
    return TRUST_NAMES
