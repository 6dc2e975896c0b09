"""What the fixture site is made of: articles, served pages, links, and the small helpers every part uses.

Absolute URLs are written as ``__BASE__`` (this outlet) or ``__BASE:<outlet-id>__`` (another
outlet): the server substitutes ``http://127.0.0.1:<port>`` when it serves them, because ports are
ephemeral (:func:`base`).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")

BODY_END = "<!-- end article body -->"  # replace_article() inserts before this marker
FAULT_LINKS = "<!-- fault-links -->"  # FixtureSite(faults=True) inserts fault links here
FAULT_ITEMS = "<!-- fault-items -->"  # … and fault feed items here

HTML_TYPE = "text/html; charset=utf-8"
XML_TYPE = "application/xml; charset=utf-8"
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"

ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def base(outlet: str | None = None) -> str:
    """The URL-origin placeholder the server replaces at serve time."""
    return "__BASE__" if outlet is None else f"__BASE:{outlet}__"


def wib(y: int, mo: int, d: int, h: int, mi: int) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=WIB)


def id_date(dt: datetime, *, clock: bool = True) -> str:
    """'Kamis, 30 November 2023 14:25 WIB' — how Indonesian sites print dates."""
    s = f"{ID_DAYS[dt.weekday()]}, {dt.day} {ID_MONTHS[dt.month - 1]} {dt.year}"
    return f"{s} {dt:%H:%M} WIB" if clock else s


def hash_path(path: str) -> int:
    """A stable small number per path (Python's hash() is salted per process)."""
    return sum((i + 1) * ord(c) for i, c in enumerate(path))


class Raw(str):
    """A body block that is already HTML (an insert such as "BACA JUGA:"), not a paragraph to escape."""


@dataclass
class Article:
    outlet: str
    path: str  # canonical path
    title: str
    published: datetime
    body: list[str]  # paragraphs (escaped on output) and Raw inserts
    author: str = "Redaksi"
    editor: str = ""
    section: str = "Berita"
    tags: tuple[str, ...] = ()
    lang: str = "id"
    seed: str | None = None
    summary: str = ""
    modified: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)  # per-seed junk the theme places

    @property
    def url(self) -> str:
        return base() + self.path

    @property
    def lead(self) -> str:
        return self.summary or next(p for p in self.body if not isinstance(p, Raw))[:180]


@dataclass
class Page:
    """Any served file: path, content, content type, and when it last changed (Last-Modified)."""

    path: str
    content: str
    ctype: str
    modified: datetime
    kind: str  # article | amp | listing | feed | sitemap | robots | page | redirect (content: Location)


@dataclass
class Link:
    href: str
    text: str


def body_html(blocks: Iterable[str]) -> str:
    return "\n".join(b if isinstance(b, Raw) else f"<p>{esc(b)}</p>" for b in blocks)
