"""The one settings module: ``pantau.toml``, command-line overrides and environment.

Environment variables are read here and nowhere else (``PANTAU_CONFIG``,
``PANTAU_DATA_DIR``, ``PANTAU_ELASTICSEARCH_URL`` and the SMTP password
variable the config names). The file is validated once, at start-up, so a bad
value is a one-line error before any crawl starts, not a traceback mid-run.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Literal

from apscheduler.triggers.cron import CronTrigger
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pantau.errors import ConfigError, dotted, validation_problem
from pantau.wib import TIMEZONE

DEFAULT_CONFIG_FILE = "pantau.toml"
DEFAULT_DATA_DIR = "data"
DEFAULT_SCHEDULE = "*/30 * * * *"
# One plain address, user@domain: no display name, no second address, no whitespace (a newline in a
# recipient would let a config value add mail headers).
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*")


def validate_cron(expr: str) -> str:
    """Refuse a cron string APScheduler cannot parse (five fields, standard crontab)."""
    try:
        CronTrigger.from_crontab(expr, timezone=TIMEZONE)
    except ValueError as exc:
        raise ValueError(f"invalid cron expression {expr!r}: {exc}") from None
    return expr


def validate_address(addr: str) -> str:
    if not _ADDRESS.fullmatch(addr):
        raise ValueError(f"not one plain email address (user@domain, no spaces, names or lists): {addr!r}")
    return addr


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([dhm])\s*$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_duration(text: str) -> timedelta:
    """``"3d"``, ``"36h"``, ``"90m"``: a positive span of days, hours or minutes."""
    m = _DURATION.match(text)
    if not m or float(m[1]) <= 0:
        raise ValueError(f"not a duration like '3d', '36h' or '90m': {text!r}")
    return timedelta(**{_UNITS[m[2]]: float(m[1])})


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StoreConfig(_Section):
    elasticsearch_url: str = ""
    index: str = "pantau-articles"


class SmtpConfig(_Section):
    host: str = ""
    port: int = Field(default=25, ge=1, le=65535)
    security: Literal["none", "starttls", "ssl"] = "none"
    username: str = ""
    password_env: str = "PANTAU_SMTP_PASSWORD"
    sender: str = "pantau@localhost"
    timeout: float = Field(default=30.0, gt=0)

    @field_validator("sender")
    @classmethod
    def _sender(cls, v: str) -> str:
        return validate_address(v)


class AlertRule(_Section):
    name: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    tags_any: list[str] = []
    tags_all: list[str] = []
    regions: list[str] = []
    outlets: list[str] = []
    query: str = ""
    recipients: list[str] = Field(min_length=1)
    mode: Literal["immediate", "digest"] = "immediate"
    digest_schedule: str = "0 7 * * *"

    @field_validator("digest_schedule")
    @classmethod
    def _cron(cls, v: str) -> str:
        return validate_cron(v)

    @field_validator("recipients")
    @classmethod
    def _addresses(cls, v: list[str]) -> list[str]:
        return [validate_address(addr) for addr in v]

    @field_validator("regions")
    @classmethod
    def _known_regions(cls, v: list[str]) -> list[str]:
        """Official names, so a rule matches what the analysis tags ("Babel" -> Kepulauan Bangka Belitung)."""
        from pantau.analysis.region_names import resolve_region

        return list(dict.fromkeys(resolve_region(name) for name in v))

    @field_validator("query")
    @classmethod
    def _searchable(cls, v: str) -> str:
        from pantau.store.query import QuerySyntaxError, parse_query

        try:
            parse_query(v)
        except QuerySyntaxError as exc:
            raise ValueError(str(exc)) from None
        return v

    @field_validator("tags_any", "tags_all")
    @classmethod
    def _known_tags(cls, v: list[str]) -> list[str]:
        from pantau.analysis.taxonomy import TAG_IDS

        unknown = [t for t in v if t not in TAG_IDS]
        if unknown:
            raise ValueError(f"unknown tag(s) {unknown}; known: {sorted(TAG_IDS)}")
        return v


class CrawlConfig(_Section):
    default_schedule: str = DEFAULT_SCHEDULE
    download_timeout: float = Field(default=30.0, gt=0)
    retry_times: int = Field(default=2, ge=0)
    concurrent_requests_per_domain: int = Field(default=4, ge=1)
    autothrottle: bool = True
    obey_robots: bool = True
    user_agent: str = "pantau/0.1 (+https://github.com/pantau-id/pantau; election-neutrality news monitor)"
    job_time_limit: float = Field(default=1800.0, gt=0, description="seconds one scheduled crawl may run")
    workers: int = Field(default=2, ge=0, le=64, description="processes that extract and analyse pages; 0 = inline")
    jitter: float = Field(default=120.0, ge=0, description="seconds a scheduled crawl may start after its cron time")
    alert_send_budget: float = Field(default=30.0, ge=0, description="seconds a crawl spends sending alerts at "
                                     "its end; what is left is sent by the scheduler's retry or alerts flush")

    @field_validator("default_schedule")
    @classmethod
    def _cron(cls, v: str) -> str:
        return validate_cron(v)


class HealthConfig(_Section):
    """When an outlet counts as broken, and who hears about it (once per breakage, once on recovery)."""

    silent_after: str = Field(default="3d", description="no new article for this long: the outlet is silent")
    failures: int = Field(default=3, ge=1, description="this many failed runs in a row: the outlet is failing")
    recipients: list[str] = []

    @field_validator("silent_after")
    @classmethod
    def _duration(cls, v: str) -> str:
        parse_duration(v)
        return v

    @field_validator("recipients")
    @classmethod
    def _addresses(cls, v: list[str]) -> list[str]:
        return [validate_address(addr) for addr in v]

    @property
    def silent_span(self) -> timedelta:
        return parse_duration(self.silent_after)


class Config(_Section):
    store: StoreConfig = StoreConfig()
    smtp: SmtpConfig = SmtpConfig()
    crawl: CrawlConfig = CrawlConfig()
    health: HealthConfig = HealthConfig()
    alert: list[AlertRule] = []
    data_dir: Path = Path(DEFAULT_DATA_DIR)
    config_file: Path | None = None

    @model_validator(mode="after")
    def _unique_rules(self) -> Config:
        names = [r.name for r in self.alert]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"alert rule names must be unique: {dupes}")
        return self

    @property
    def db_path(self) -> Path:
        return self.data_dir / "pantau.db"

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    def smtp_password(self) -> str:
        """The SMTP password, from the environment variable the config names (never from the file)."""
        return secret_from_env(self.smtp.password_env)


def secret_from_env(variable: str) -> str:
    """A password from the environment: secrets never live in pantau.toml or on the command line."""
    return os.environ.get(variable, "")


def _config_field(loc: Sequence[int | str]) -> str:
    """A field path as the file reads: ``[[alert]] #2.regions`` for ``alert.1.regions``."""
    if loc[0] == "alert" and len(loc) > 1:
        return f"[[alert]] #{int(loc[1]) + 1}" + ("." + dotted(loc[2:]) if len(loc) > 2 else "")
    return dotted(loc)


def _check_data_dir(path: Path) -> None:
    """Refuse a data dir that is, or lies under, a file: nothing could be created there."""
    for place in (path, *path.parents):
        if place.exists():
            if not place.is_dir():
                raise ConfigError(f"data dir {path}: {place} is a file, not a directory (see --data-dir)")
            return


def load_config(
    config_file: str | Path | None = None,
    data_dir: str | Path | None = None,
    elasticsearch_url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Config:
    """Build the configuration: command line beats environment beats file beats defaults."""
    env = os.environ if environ is None else environ
    path: Path | None = None
    explicit = config_file or env.get("PANTAU_CONFIG")
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"config file not found: {path}")
    elif Path(DEFAULT_CONFIG_FILE).is_file():
        path = Path(DEFAULT_CONFIG_FILE)
    raw: dict[str, object] = {}
    if path is not None:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    raw["data_dir"] = data_dir or env.get("PANTAU_DATA_DIR") or raw.get("data_dir") or DEFAULT_DATA_DIR
    if isinstance(raw["data_dir"], str):
        _check_data_dir(Path(raw["data_dir"]))
    raw["config_file"] = path
    es_url = elasticsearch_url or env.get("PANTAU_ELASTICSEARCH_URL")
    if es_url and isinstance(raw.get("store", {}), dict):  # not a table: refused by the validation below
        store = dict(raw.get("store") or {})  # type: ignore[call-overload]
        store["elasticsearch_url"] = es_url
        raw["store"] = store
    try:
        return Config.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{path or 'configuration'}: {validation_problem(exc, '(top level)', _config_field)}") \
            from None
