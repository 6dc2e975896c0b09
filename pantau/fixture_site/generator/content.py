"""The articles written for the fixture site, read from ``content/<outlet-id>.yaml``.

Ordinary local news, a few neutrality stories, one in English, two stories split over pages and
the articles of the fault pages: prose, so it is data beside the code that renders it. (The five
real seed articles are read from the seeds directory by :mod:`~pantau.fixture_site.generator.seeds`.)

A file holds one outlet's ``articles``; a file with ``group: onboarding`` is an onboarding outlet's.
An article has ``path``, ``title``, ``published`` (``YYYY-MM-DD HH:MM``, Jakarta time) and ``body``
(its paragraphs, escaped when rendered), and where it differs from the defaults of
:class:`~pantau.fixture_site.generator.model.Article`: ``author``, ``editor``, ``section``, ``tags``,
``lang``. ``paging`` (``style``: wordpress | show-all, ``sizes``: paragraphs per page) splits the
story over pages. trawang-news.yaml also holds ``faults``: the fault pages' articles by fault kind.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from pantau.fixture_site.generator.model import WIB, Article

CONTENT = Path(__file__).with_name("content")
FIELDS = {"path", "title", "published", "body", "author", "editor", "section", "tags", "lang", "paging"}


@cache
def _files() -> dict[str, dict[str, Any]]:
    """Each outlet's content file, by outlet id."""
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(CONTENT.glob("*.yaml"))}


def _article(outlet: str, entry: dict[str, Any]) -> Article:
    unknown = set(entry) - FIELDS
    if unknown:
        raise ValueError(f"content/{outlet}.yaml: {entry.get('path')}: unknown fields {sorted(unknown)}")
    published = datetime.strptime(entry["published"], "%Y-%m-%d %H:%M").replace(tzinfo=WIB)
    optional = {k: entry[k] for k in ("author", "editor", "section", "lang") if k in entry}
    extra = {"paging": json.dumps(entry["paging"])} if "paging" in entry else {}
    return Article(outlet, entry["path"], entry["title"], published, list(entry["body"]),
                   tags=tuple(entry.get("tags", ())), extra=extra, **optional)


def _articles(*, onboarding: bool) -> list[Article]:
    return [_article(outlet, entry) for outlet, data in _files().items()
            if (data.get("group") == "onboarding") == onboarding for entry in data["articles"]]


def composed() -> list[Article]:
    """The articles of the six default outlets that are on one page each."""
    return [a for a in _articles(onboarding=False) if "paging" not in a.extra]


def paged_articles() -> list[Article]:
    """Two stories whose text only a crawl that follows the article's pages reads whole."""
    return [a for a in _articles(onboarding=False) if "paging" in a.extra]


def onboarding_articles() -> list[Article]:
    return _articles(onboarding=True)


def fault_articles() -> dict[str, tuple[str, str, list[str]]]:
    """(path, title, paragraphs) of each fault page's article (trawang-news), by fault kind."""
    faults: dict[str, dict[str, Any]] = _files()["trawang-news"]["faults"]
    return {kind: (f["path"], f["title"], list(f["body"])) for kind, f in faults.items()}
