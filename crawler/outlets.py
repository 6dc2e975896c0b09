"""The outlet registry: outlets are data (``outlets.yaml``), the spider stays generic.

A user adds an outlet with a YAML file (``pantau crawl --outlets FILE``); the
format is the contract of docs/outlets.md. A file is validated as a whole and
refused as a whole: the message names the file, the outlet id and the field.

Outlets of one network (ANTARA's bureaus, Tribun, the Disway/bacakoran papers)
share a CMS and so one URL scheme. As fundus groups publishers, a file can
describe such a network once, under ``networks:``, as a ``template`` with
``{host}``/``{subdomain}`` placeholders plus its ``members``; the loader expands
each member into an ordinary :class:`Outlet`, so nothing downstream knows about
networks. Fixing a network's scheme is then one edit, not thirty.

Every entry can say where its URLs were seen (``evidence``) and carry an
``example_article`` its pattern must accept; an entry whose URLs are not
evidenced ships ``enabled: false``: listed, but neither crawled nor scheduled
unless named with ``--only``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import yaml
from cssselect import HTMLTranslator, SelectorError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pantau.config import AlertRule, validate_cron
from pantau.container import ContainerHint
from pantau.errors import ConfigError, did_you_mean, validation_problem
from pantau.models import Region
from pantau.urls import canonical_url

BUILTIN_REGISTRY = "outlets.yaml"
# Placeholders a network template may use, filled from each member's host.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# The keys a registry file may have at its top level, and a network entry (its members are outlets).
FILE_KEYS = frozenset({"outlets", "networks", "use_builtin"})
NETWORK_KEYS = frozenset({"id", "name", "evidence", "template", "members"})


class OutletRegion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    province: str
    regency: str | None = None


class CanonicalRewrite(BaseModel):
    """One variant of a story's URL mapped to the story's own URL, on the path and query.

    Per outlet (or network) because the variants are CMS conventions: on a
    Disway/bacakoran site ``/read/<id>/<slug>/15`` is page 15 of the story
    ``/read/<id>/<slug>``, while a trailing number elsewhere can be part of
    the address. Applied in order, each at most once.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    pattern: str
    replace: str

    @model_validator(mode="after")
    def _compiles(self) -> CanonicalRewrite:
        try:
            re.compile(self.pattern).sub(self.replace, "")
        except re.error as exc:
            raise ValueError(f"not a valid rewrite ({self.pattern!r} -> {self.replace!r}): {exc}") from None
        return self


class ExtractionHints(BaseModel):
    """Where a template puts the article, for the pages where finding it by scoring is not enough.

    Optional and rarely needed (the generic extractor finds the container on
    its own): ``container`` is a CSS selector of the block(s) holding the
    article text, ``drop`` CSS selectors of blocks inside it that are never
    article text. Read by the same generic code for every outlet
    (:func:`pantau.extract.extract_page`), so a network's template is one entry.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    container: str | None = None
    drop: tuple[str, ...] = ()

    @field_validator("container")
    @classmethod
    def _container_css(cls, css: str | None) -> str | None:
        if css is not None:
            css_to_xpath(css)
        return css

    @field_validator("drop")
    @classmethod
    def _drop_css(cls, selectors: tuple[str, ...]) -> tuple[str, ...]:
        for css in selectors:
            css_to_xpath(css)
        return selectors

    def compiled(self) -> ContainerHint:
        """The hint as the extractor takes it (XPath)."""
        return ContainerHint(container=css_to_xpath(self.container) if self.container else None,
                             drop=tuple(css_to_xpath(css) for css in self.drop))


def css_to_xpath(css: str) -> str:
    """A CSS selector as XPath; a selector cssselect cannot read is a ValueError naming it."""
    try:
        return str(HTMLTranslator().css_to_xpath(css))
    except SelectorError as exc:
        raise ValueError(f"not a CSS selector {css!r}: {exc}") from None


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
    enabled: bool = True
    evidence: tuple[str, ...] = ()  # where its URLs were seen: addresses or citations of public material
    example_article: str | None = None  # an article URL the pattern must accept (from the evidence)
    canonical_rewrites: tuple[CanonicalRewrite, ...] = ()
    network: str | None = None  # the network it was expanded from (informational)
    note: str | None = None  # why it is disabled, what to check
    extraction: ExtractionHints | None = None

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

    @model_validator(mode="after")
    def _pattern_fits(self) -> Outlet:
        """The pattern must take the example article and leave the home page and the sources alone.

        A pattern that matches a listing has the crawler store the listing as an article; one
        that misses the example misses the outlet's stories. Both are typos caught here.
        """
        if self.example_article is not None and not self.is_article(self.example_article):
            raise ValueError(f"article_pattern does not match example_article {self.example_article!r}")
        for url in (self.home, *self.feeds, *self.sitemaps, *self.listings):
            if self.is_article(url):
                raise ValueError(f"article_pattern matches a page that is not an article: {url}")
        return self

    @property
    def article_regex(self) -> re.Pattern[str]:
        return re.compile(self.article_pattern)

    def is_article(self, url: str) -> bool:
        """Whether a discovered URL, as found or as the story URL it stands for, is one of this outlet's."""
        regex = self.article_regex
        return bool(regex.match(url) or regex.match(self.canonical(url)))

    def story_url(self, url: str) -> str:
        """The story's own URL for a discovered one (page N, AMP twin …), by the outlet's rewrites."""
        if not self.canonical_rewrites:
            return url
        parts = urlsplit(url)
        tail = parts.path + (f"?{parts.query}" if parts.query else "")
        for rule in self.canonical_rewrites:
            tail = re.sub(rule.pattern, rule.replace, tail, count=1)
        path, _, query = tail.partition("?")
        return urlunsplit((parts.scheme, parts.netloc, path or "/", query, parts.fragment))

    def canonical(self, url: str) -> str:
        """The key one story is known by: the outlet's rewrites, then the generic canonical form."""
        return canonical_url(self.story_url(url))

    @property
    def fallback_region(self) -> Region | None:
        return Region(self.region.province, self.region.regency) if self.region else None

    @property
    def extraction_hint(self) -> ContainerHint | None:
        return self.extraction.compiled() if self.extraction else None

    @property
    def host(self) -> str:
        """The outlet's host without "www." (how an article URL is matched to its outlet)."""
        return site_host(self.home)


def site_host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def outlet_for(outlets: Sequence[Outlet], url: str) -> Outlet | None:
    """The outlet an article URL belongs to: by its article pattern, else by its host."""
    for outlet in outlets:
        if outlet.is_article(url):
            return outlet
    host = site_host(url)
    return next((o for o in outlets if o.host == host), None)


@dataclass
class RegistryFile:
    outlets: dict[str, Outlet]
    use_builtin: bool = True  # False: this file is the whole registry (the built-in one is not loaded)


def _render(value: Any, variables: dict[str, str], *, regex: bool = False) -> Any:
    """Fill ``{host}``-style placeholders in a template value (escaped inside regular expressions)."""
    if isinstance(value, str):
        def fill(m: re.Match[str]) -> str:
            if m[1] not in variables:
                raise ValueError(f"unknown placeholder {m[0]} (known: {', '.join(sorted(variables))})")
            return re.escape(variables[m[1]]) if regex else variables[m[1]]
        return PLACEHOLDER.sub(fill, value)
    if isinstance(value, list):
        return [_render(v, variables, regex=regex) for v in value]
    if isinstance(value, dict):
        return {k: _render(v, variables, regex=regex or k in ("article_pattern", "pattern")) for k, v in value.items()}
    return value


def _expand(network: Any, source: str, position: int) -> list[tuple[str, Any]]:
    """A network's members as plain outlet mappings: the template, then the member's own keys."""
    label = network.get("id", f"#{position}") if isinstance(network, dict) else f"#{position}"
    if not isinstance(network, dict) or not isinstance(network.get("template"), dict) or \
            not isinstance(network.get("members"), list) or not network["members"]:
        raise ConfigError(f"{source}: network {label}: needs a 'template' mapping and a non-empty 'members' list")
    unknown = set(network) - NETWORK_KEYS
    if unknown or not re.fullmatch(r"[a-z0-9-]+", str(network.get("id", ""))):
        field = ", ".join(sorted(unknown)) if unknown else "id"
        raise ConfigError(f"{source}: network {label}: {field}: not a network field or not a valid id")
    expanded = []
    for i, member in enumerate(network["members"]):
        ident = member.get("id", f"#{i + 1}") if isinstance(member, dict) else f"#{i + 1}"
        host = member.get("host") if isinstance(member, dict) else None
        if not isinstance(host, str) or not re.fullmatch(r"[a-z0-9.-]+(:\d+)?", host):
            raise ConfigError(f"{source}: outlet {ident} (network {label}): host: needs a host name like "
                              "'babel.antaranews.com'")
        variables = {"host": host, "subdomain": host.split(".")[0]}
        own = {k: v for k, v in member.items() if k != "host"}
        try:
            raw = {**_render(network["template"], variables), **_render(own, variables), "network": label}
        except ValueError as exc:
            raise ConfigError(f"{source}: outlet {ident} (network {label}): {exc}") from None
        expanded.append((f"{ident} (network {label})", raw))
    return expanded


def _parse(text: str, source: str) -> RegistryFile:
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict) or not any(isinstance(data.get(k), list) for k in ("outlets", "networks")):
        raise ConfigError(f"{source}: expected a mapping with an 'outlets' (or 'networks') list")
    unknown = set(data) - FILE_KEYS
    if unknown or not isinstance(data.get("use_builtin", True), bool):
        raise ConfigError(f"{source}: {', '.join(sorted(unknown)) or 'use_builtin'}: expected only 'outlets', "
                          "'networks' and 'use_builtin: true|false' at the top level")
    entries: list[tuple[str, Any]] = []
    for key, value in data.items():
        if key == "networks":
            for i, network in enumerate(value or []):
                entries += _expand(network, source, i + 1)
        elif key == "outlets":
            for i, raw in enumerate(value or []):
                entries.append((raw.get("id", f"#{i + 1}") if isinstance(raw, dict) else f"#{i + 1}", raw))
    outlets: dict[str, Outlet] = {}
    for ident, raw in entries:
        try:
            outlet = Outlet.model_validate(raw)
        except ValidationError as exc:
            raise ConfigError(f"{source}: outlet {ident}: {validation_problem(exc, '(outlet)')}") from None
        if outlet.id in outlets:
            raise ConfigError(f"{source}: outlet {outlet.id}: id: duplicate id")
        outlets[outlet.id] = outlet
    return RegistryFile(outlets, data.get("use_builtin", True))


def _read(path: Path) -> RegistryFile:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read outlet file: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save the outlet file as UTF-8") from None
    return _parse(text, str(path))


def load_outlets_file(path: Path) -> dict[str, Outlet]:
    return _read(path).outlets


def load_builtin() -> dict[str, Outlet]:
    """The registry shipped with pantau, ``crawler/outlets.yaml``."""
    text = resources.files("crawler").joinpath(BUILTIN_REGISTRY).read_text(encoding="utf-8")
    return _parse(text, f"crawler/{BUILTIN_REGISTRY}").outlets


def load_registry(extra_files: Sequence[Path] = ()) -> dict[str, Outlet]:
    """The built-in registry plus each extra file in order (same id: the later file wins).

    A file that says ``use_builtin: false`` is a whole registry of its own (a test
    site, a deployment that watches a few outlets only): the built-in one is left out.
    """
    files = [_read(Path(path)) for path in extra_files]
    outlets = load_builtin() if all(f.use_builtin for f in files) else {}
    for file in files:
        outlets.update(file.outlets)
    return outlets


def select(outlets: dict[str, Outlet], only: Sequence[str]) -> list[Outlet]:
    """The outlets to crawl: every enabled one, or the ids given, disabled or not (an unknown id is a usage error).

    Naming a disabled outlet crawls it: that is how a maintainer tries an entry before enabling it.
    """
    if not only:
        return [o for o in outlets.values() if o.enabled]
    unknown = [i for i in only if i not in outlets]
    if unknown:
        raise ConfigError(f"unknown outlet id(s): {', '.join(unknown)}{did_you_mean(unknown[0], outlets)} "
                          "(see `pantau outlets`)")
    return [outlets[i] for i in dict.fromkeys(only)]


def check_rule_outlets(rules: Sequence[AlertRule], outlet_ids: Collection[str]) -> None:
    """Refuse a rule naming an outlet the registry does not have: it would never match anything."""
    for rule in rules:
        for outlet in rule.outlets:
            if outlet not in outlet_ids:
                raise ConfigError(f"[[alert]] {rule.name}: outlets: unknown outlet {outlet!r}"
                                  f"{did_you_mean(outlet, outlet_ids)} (see `pantau outlets`)")
