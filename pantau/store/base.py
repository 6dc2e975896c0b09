"""The article store interface, implemented by the SQLite (FTS5) and Elasticsearch stores.

Both stores keep the same document (``Article.to_doc()``), answer the same
:class:`SearchRequest` and report the same :class:`UpsertOutcome`, so the CLI,
the pipelines and the alerts never know which one they talk to.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from pantau.errors import PantauError
from pantau.models import Article


class UpsertOutcome(enum.Enum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class SearchRequest:
    """A search, independent of the backend. Empty ``query`` means "all, newest first"."""

    query: str = ""
    tags: list[str] = field(default_factory=list)  # every tag must be present
    region: str | None = None  # province or regency name, exact
    outlet: str | None = None
    speaker: str | None = None  # a quoted speaker's name (words of it match)
    since: date | None = None  # published on or after
    until: date | None = None  # published on or before
    limit: int = 20


@dataclass
class SearchHit:
    id: str
    url: str
    title: str | None
    outlet: str
    published: str | None
    tags: list[str]
    regions: list[dict[str, str | None]]
    score: float
    snippet: str  # highlighted terms wrapped in [..] (plain text, terminal-friendly)
    duplicate_of: str | None = None  # a syndicated copy: the URL of the article it copies
    quotes: list[dict[str, Any]] = field(default_factory=list)  # text, speaker, role of each quote

    @classmethod
    def from_doc(cls, doc: dict[str, Any], score: float, snippet: str) -> SearchHit:
        """A hit from a stored document (or the part of it a search reads)."""
        return cls(
            id=doc["id"], url=doc["url"], title=doc.get("title"), outlet=doc["outlet"],
            published=doc.get("published"), tags=list(doc.get("tags") or []),
            regions=list(doc.get("regions") or []), score=score, snippet=snippet,
            duplicate_of=doc.get("duplicate_of"),
            quotes=[{k: q.get(k) for k in ("text", "speaker", "role")} for q in doc.get("quotes") or []],
        )

    @property
    def speakers(self) -> list[str]:
        """The distinct quoted speakers, in order of their first quote."""
        return list(dict.fromkeys(q["speaker"] for q in self.quotes if q.get("speaker")))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "url": self.url, "title": self.title, "outlet": self.outlet,
            "published": self.published, "tags": self.tags, "regions": self.regions,
            "score": self.score, "snippet": self.snippet, "duplicate_of": self.duplicate_of,
            "speakers": self.speakers, "quotes": self.quotes,
        }


@dataclass
class BulkItemError:
    """One document the store refused in a bulk upsert (Elasticsearch reports them per document)."""

    id: str
    url: str
    status: int
    error: str

    def __str__(self) -> str:
        return f"{self.url}: HTTP {self.status}: {self.error}"


@dataclass
class BulkReport:
    """What ``bulk_upsert`` did, per canonical URL."""

    outcomes: dict[str, UpsertOutcome] = field(default_factory=dict)
    errors: list[BulkItemError] = field(default_factory=list)


class StoreError(PantauError):
    """The store could not do its work: a full or read-only disk, a database locked too long, a
    damaged file, an Elasticsearch server that cannot be reached or refuses.

    Both stores raise it (and only it) for such failures, with a one-line message naming the store
    and what it was doing, so callers catch one thing whichever backend is configured.
    """


class BulkUpsertError(StoreError):
    """Some documents of a bulk upsert were refused; the others are stored (see ``report``)."""

    def __init__(self, report: BulkReport) -> None:
        first = report.errors[0]
        more = f" (and {len(report.errors) - 1} more)" if len(report.errors) > 1 else ""
        super().__init__(f"Elasticsearch refused {len(report.errors)} document(s): {first}{more}")
        self.report = report


HIGHLIGHT_PRE = "["
HIGHLIGHT_POST = "]"
# Indexed words one ``prefix*`` may stand for in either store (Elasticsearch: ``max_expansions``)
PREFIX_TERMS_MAX = 200


class ArticleStore(Protocol):
    """Where analysed articles live and are searched."""

    def upsert(self, article: Article) -> UpsertOutcome:
        """Insert or replace the article keyed by its canonical URL; UNCHANGED when the fingerprint is equal."""

    def bulk_upsert(self, articles: Iterable[Article]) -> BulkReport:
        """Upsert many articles, read lazily, in bounded batches (``pantau import``); per-URL outcomes."""

    def mark_story(self, original: str, copies: Sequence[str]) -> None:
        """Mark one syndicated story: ``original`` is no copy, and each of ``copies``, and every article
        marked as a copy of one of them, becomes a copy of ``original`` (``duplicate_of``).

        The crawl calls it when a story's original is stored after a copy of it (see :mod:`pantau.stories`),
        so one story has one original whatever order its pages were stored in. Only documents whose
        mark changes are written; nothing else of them changes.
        """

    def get(self, url: str) -> dict[str, Any] | None:
        """The stored document for a canonical URL."""

    def get_many(self, urls: list[str]) -> list[dict[str, Any]]:
        """Stored documents for several canonical URLs (missing ones are skipped)."""

    def search(self, request: SearchRequest) -> list[SearchHit]:
        """Best hits first, with highlighted snippets."""

    def matches(self, url: str, query: str) -> bool:
        """Whether the stored article at ``url`` matches a full-text query (alert rules use it)."""

    def export(self, since: date | None = None) -> Iterator[dict[str, Any]]:
        """Every stored document, oldest fetched first (``since``: published on or after, WIB date)."""

    def count(self) -> int: ...

    def close(self) -> None: ...
