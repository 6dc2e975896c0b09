"""The outlet registry: outlets are data (``outlets.yaml``), the spider stays generic.

A user adds an outlet with a YAML file (``pantau crawl --outlets FILE``); the
format is the contract of spec/interfaces.md. A file is validated as a whole and
refused as a whole: the message names the file, the outlet id and the field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pantau.config import validate_cron
from pantau.errors import ConfigError, did_you_mean
from pantau.models import Region

BUILTIN_REGISTRY = "outlets.yaml"


class OutletRegion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    province: str
    regency: str | None = None


class Outlet(BaseModel):
    """One news outlet and where to discover its articles."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str = Field(min_length=1)
    home: str = Field(pattern=r"^https?://")
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    article_pattern: str
    max_listing_pages: int = Field(default=3, ge=1, le=100)
    schedule: str | None = None
    region: OutletRegion | None = None

    @field_validator("feeds", "sitemaps", "listings")
    @classmethod
    def _absolute(cls, urls: tuple[str, ...]) -> tuple[str, ...]:
        for url in urls:
            if not re.match(r"^https?://", url):
                raise ValueError(f"not an absolute http(s) URL: {url!r}")
        return urls

    @field_validator("article_pattern")
    @classmethod
    def _regex(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from None
        return pattern

    @field_validator("schedule")
    @classmethod
    def _cron(cls, v: str | None) -> str | None:
        return None if v is None else validate_cron(v)

    @model_validator(mode="after")
    def _has_source(self) -> Outlet:
        if not (self.feeds or self.sitemaps or self.listings):
            raise ValueError("needs at least one of feeds, sitemaps, listings")
        return self

    @property
    def article_regex(self) -> re.Pattern[str]:
        return re.compile(self.article_pattern)

    @property
    def fallback_region(self) -> Region | None:
        return Region(self.region.province, self.region.regency) if self.region else None


def _parse(text: str, source: str) -> dict[str, Outlet]:
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise ConfigError(f"{source}: expected a mapping with an 'outlets' list")
    outlets: dict[str, Outlet] = {}
    for i, raw in enumerate(data["outlets"]):
        ident = raw.get("id", f"#{i + 1}") if isinstance(raw, dict) else f"#{i + 1}"
        try:
            outlet = Outlet.model_validate(raw)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or "(outlet)"
            raise ConfigError(f"{source}: outlet {ident}: {field}: {err['msg']}") from None
        if outlet.id in outlets:
            raise ConfigError(f"{source}: outlet {outlet.id}: id: duplicate id")
        outlets[outlet.id] = outlet
    return outlets


def load_outlets_file(path: Path) -> dict[str, Outlet]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read outlet file: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save the outlet file as UTF-8") from None
    return _parse(text, str(path))


def load_registry(extra_files: Sequence[Path] = ()) -> dict[str, Outlet]:
    """The built-in registry plus each extra file in order (same id: the later file wins)."""
    builtin = resources.files("crawler").joinpath(BUILTIN_REGISTRY).read_text(encoding="utf-8")
    outlets = _parse(builtin, f"crawler/{BUILTIN_REGISTRY}")
    for path in extra_files:
        outlets.update(load_outlets_file(Path(path)))
    return outlets


def select(outlets: dict[str, Outlet], only: Sequence[str]) -> list[Outlet]:
    """The outlets to crawl: all, or the ids given (an unknown id is a usage error)."""
    if not only:
        return list(outlets.values())
    unknown = [i for i in only if i not in outlets]
    if unknown:
        raise ConfigError(f"unknown outlet id(s): {', '.join(unknown)}{did_you_mean(unknown[0], outlets)} "
                          "(see `pantau outlets`)")
    return [outlets[i] for i in dict.fromkeys(only)]
