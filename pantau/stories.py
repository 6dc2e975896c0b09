"""Which page of a syndicated story is its original, decided as the page is stored.

A story republished by other outlets is one story: the page published first is its
original, every other page a copy (``duplicate_of``: the original's URL), and users read
"syndicated copy of X" as "X is the source". So the copy is the later-published page,
whatever order a crawl happens to store them in: outlets are fetched concurrently, and a
republication often arrives before its source. A page without a publication time counts by
its fetch time; on equal times the page stored earlier stays the original.

When a page turns out to be the original of a story whose copy is already stored, it is
stored as the original and the stored one is marked as its copy, with every copy that
pointed at it (:meth:`~pantau.store.base.ArticleStore.mark_story`), so one story has one
original.

Deciding and marking must be one step across processes: two crawls storing the two pages
of one story at the same moment would otherwise each find the other missing and both store
an original, or one would mark a page the other then overwrites. Both stores cannot share a
transaction (Elasticsearch has none; the embedded store is another connection to the same
file, which a transaction held open by the crawl state would lock out), so a page is placed
and stored under one lock per data dir (``locks/stories.lock``): find the stored original it
resembles, compare, write the article, re-mark the copies, then record all of it in the crawl
state in one transaction. A crawl that dies before that last step has recorded nothing, so
the page is fetched again and placed again, the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from pantau.models import Article
from pantau.state import CrawlState, Placement
from pantau.store.base import ArticleStore, UpsertOutcome
from pantau.wib import WIB

log = logging.getLogger(__name__)


def story_time(published: datetime | None, fetched: datetime) -> datetime:
    """When a page came out: its publication time, else (none found) its fetch time; a time without a
    zone is WIB, as pantau reads dates without one."""
    when = published or fetched
    return when if when.tzinfo else when.replace(tzinfo=WIB)


def doc_time(doc: dict[str, Any]) -> datetime:
    """:func:`story_time` of a stored document."""
    published = doc.get("published")
    return story_time(datetime.fromisoformat(published) if published else None, datetime.fromisoformat(doc["fetched"]))


def came_first(page: datetime, stored: datetime) -> bool:
    """Whether a page that came out at ``page`` is the original of a stored page of ``stored`` (ties: not)."""
    return page < stored


def place(article: Article, resembled: dict[str, Any] | None) -> Placement:
    """Where ``article`` stands beside ``resembled``, the stored original its body resembles (None: none)."""
    if resembled is None:
        return Placement(article.url)
    if came_first(story_time(article.published, article.fetched), doc_time(resembled)):
        return Placement(article.url, (resembled["url"],))
    return Placement(resembled["url"], (article.url,))


@dataclass(frozen=True)
class Stored:
    """What storing a page did: the article as stored (its ``duplicate_of`` decided) and the store's outcome."""

    article: Article
    outcome: UpsertOutcome
    demoted: str | None = None  # the stored original this page replaced as its story's original


def store_in_story(store: ArticleStore, state: CrawlState, article: Article, sketch: list[int],
                   aliases: tuple[str, ...] = (), *, alerts: bool = False) -> Stored:
    """Place the page in its story, store it, re-mark the story's pages if it changed hands, record it
    (with ``alerts``, a new story's original is recorded as waiting for its alert rules)."""
    with state.story_lock():
        candidate = state.find_copy_of(article.url, sketch)
        resembled = store.get(candidate) if candidate else None  # None: the store lost it (a switched store)
        placed = place(article, resembled)
        article = replace(article, duplicate_of=placed.duplicate_of(article.url))
        was_original = state.is_indexed_original(article.url)
        outcome = store.upsert(article)
        if _marks_change(store, article, placed, outcome, was_original=was_original):
            store.mark_story(placed.original, placed.copies)
        state.record_stored(article.url, article.outlet, article.fetched, article.fingerprint, aliases, sketch,
                            placed, alert_pending=alerts and outcome is UpsertOutcome.NEW
                            and article.duplicate_of is None)
    demoted = next((c for c in placed.copies if c != article.url), None)
    if demoted:
        log.info("%s came out before %s: it is the story's original, the other its copy", article.url, demoted)
    return Stored(article, outcome, demoted)


def _marks_change(store: ArticleStore, article: Article, placed: Placement, outcome: UpsertOutcome, *,
                  was_original: bool) -> bool:
    """Whether marks other than the page's own (which the upsert wrote) must change.

    They do when a stored original becomes a copy (this page's rival, or this page itself when it was
    an original: the copies it had follow it). An unchanged page is not written by the upsert, so its
    own mark is corrected here when it is stale (a page stored before the original was known).
    """
    if any(c != article.url for c in placed.copies) or (placed.copies and was_original):
        return True
    if outcome is UpsertOutcome.UNCHANGED:
        stored = store.get(article.url)
        return stored is not None and stored.get("duplicate_of") != article.duplicate_of
    return False
