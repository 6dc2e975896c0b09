"""The Elasticsearch article store: the server deployment's store, read by Kibana.

Layout: a versioned index (``pantau-articles-v1``) created from a versioned
index template (``es_mappings/index_template_v1.json``) and reached only
through the alias ``pantau-articles``. Readers and writers use the alias, so a
mapping change is "create v2, reindex, move the alias" (:meth:`ElasticStore.migrate`)
and never a delete-and-recreate that loses data.

The request bodies come from :mod:`pantau.store.elastic.bodies` (pure, golden-tested); the
client and the one-line messages of its errors from :mod:`pantau.store.elastic.client`. This
class only sequences requests. Failure policy: every failure is a one-line
:class:`~pantau.store.base.StoreError` naming the server; nothing is swallowed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers
from elasticsearch.helpers import ScanError

from pantau.errors import PantauError
from pantau.models import Article
from pantau.store.base import (
    BulkItemError,
    BulkReport,
    BulkUpsertError,
    SearchHit,
    SearchRequest,
    StoreError,
    UpsertOutcome,
)
from pantau.store.elastic.bodies import (
    CURRENT_MAPPING_VERSION,
    build_export_body,
    build_mark_story_body,
    build_matches_body,
    build_search_body,
    bulk_actions,
    es_document,
    load_index_template,
    search_hit,
    stored_document,
    versioned_index,
)
from pantau.store.elastic.client import api_errors, error_reason, item_error, make_client, redact_url
from pantau.store.query import parse_query
from pantau.urls import article_id

log = logging.getLogger(__name__)

DEFAULT_INDEX = "pantau-articles"

BULK_CHUNK_SIZE = 500
BULK_MAX_RETRIES = 4
BULK_INITIAL_BACKOFF = 1.0  # seconds, doubled per retry
BULK_MAX_BACKOFF = 30.0
BULK_RETRY_STATUS = (429, 502, 503, 504)
EXPORT_PAGE_SIZE = 500


class ElasticStore:
    """:class:`~pantau.store.base.ArticleStore` on Elasticsearch 8.x, behind a write alias."""

    def __init__(self, url: str, index: str = DEFAULT_INDEX, *, client: Elasticsearch | None = None) -> None:
        if not url and client is None:
            raise PantauError("no Elasticsearch URL configured ([store] elasticsearch_url)")
        self.url = redact_url(url)
        self.index = index
        self._client = client if client is not None else make_client(url)

    def _errors(self, action: str) -> AbstractContextManager[None]:
        """The client's errors as one-line StoreErrors naming this server and ``action``."""
        return api_errors(self.url, action)

    # -- index lifecycle

    def _alias_targets(self) -> list[str]:
        """Indices behind the alias (empty when the alias does not exist yet)."""
        try:
            return sorted(self._client.indices.get_alias(name=self.index).body)
        except NotFoundError:
            return []

    def _version_of(self, concrete: str) -> int:
        prefix = f"{self.index}-v"
        if not concrete.startswith(prefix) or not concrete[len(prefix):].isdigit():
            raise StoreError(f"alias {self.index} points at {concrete}, not a pantau versioned index")
        return int(concrete[len(prefix):])

    def current_index(self) -> str:
        """The versioned index the alias points at."""
        with self._errors("read its aliases"):
            targets = self._alias_targets()
        if len(targets) != 1:
            raise StoreError(
                f"alias {self.index} must point at exactly one index, found {targets or 'none'}"
                " (run ensure_index)"
            )
        return targets[0]

    def _put_template(self, version: int) -> None:
        body = load_index_template(self.index, version)
        self._client.indices.put_index_template(name=versioned_index(self.index, version), body=body)

    def ensure_index(self) -> None:
        """Create template, versioned index and write alias unless present (idempotent, safe to race).

        Refuses to proceed when the alias name is a plain index (e.g. created by an
        early write without the template): its mapping is unknown, so pantau
        would silently index into dynamic fields.
        """
        version = CURRENT_MAPPING_VERSION
        with self._errors(f"set up index {self.index}"):
            # Template files are immutable per version, so an existing one is left alone: every
            # command opens the store, and a read-only user must be able to search.
            if not self._client.indices.exists_index_template(name=versioned_index(self.index, version)):
                self._put_template(version)
            targets = self._alias_targets()
            if len(targets) > 1:
                raise StoreError(f"alias {self.index} points at several indices: {targets}")
            if targets:
                deployed = self._version_of(targets[0])
                if deployed < version:
                    log.warning("index %s has mapping v%d, v%d is available: run ElasticStore.migrate(%d)",
                                self.index, deployed, version, version)
                return
            if self._client.indices.exists(index=self.index):
                raise StoreError(
                    f"{self.index} is an index, not an alias; reindex it into"
                    f" {versioned_index(self.index, version)} and replace it by an alias"
                )
            concrete = versioned_index(self.index, version)
            if self._client.indices.exists(index=concrete):
                self._client.indices.put_alias(index=concrete, name=self.index, is_write_index=True)
                return
            try:
                self._client.indices.create(
                    index=concrete, aliases={self.index: {"is_write_index": True}}, wait_for_active_shards="1"
                )
            except ApiError as exc:
                if error_reason(exc).startswith("resource_already_exists_exception"):
                    return  # another process created it between our check and create
                raise

    def migrate(self, to_version: int) -> str:
        """Move the data to mapping ``to_version``: new index, reindex, atomic alias swap, drop old.

        The old index is deleted only after the new one holds the same number
        of documents, because the Kibana data view ``pantau-articles*`` would
        otherwise count every article twice. Stop crawling while it runs:
        writes made during the reindex land in the old index.
        Returns the new index name (the current one when already there).
        """
        with self._errors(f"migrate {self.index} to mapping v{to_version}"):
            old = self.current_index()
            if self._version_of(old) == to_version:
                return old
            new = versioned_index(self.index, to_version)
            self._put_template(to_version)
            if not self._client.indices.exists(index=new):
                self._client.indices.create(index=new, wait_for_active_shards="1")
            self._client.indices.refresh(index=old)  # reindex copies what search sees
            result = self._client.reindex(
                source={"index": old}, dest={"index": new, "op_type": "index"},
                wait_for_completion=True, refresh=True,
            ).body
            if result.get("failures"):
                raise StoreError(f"reindex {old} -> {new} failed: {result['failures'][0]}")
            old_count = self._client.count(index=old)["count"]
            new_count = self._client.count(index=new)["count"]
            if old_count != new_count:
                raise StoreError(
                    f"reindex {old} -> {new} copied {new_count} of {old_count} documents; alias not moved"
                )
            self._client.indices.update_aliases(actions=[
                {"remove": {"index": old, "alias": self.index}},
                {"add": {"index": new, "alias": self.index, "is_write_index": True}},
            ])
            self._client.indices.delete(index=old)
            return new

    # -- writes

    def _stored_fingerprints(self, ids: list[str]) -> dict[str, str]:
        resp = self._client.mget(index=self.index, ids=ids, source_includes=["fingerprint"])
        return {d["_id"]: d["_source"].get("fingerprint", "") for d in resp["docs"] if d.get("found")}

    def upsert(self, article: Article) -> UpsertOutcome:
        """Index the article under its deterministic id; UNCHANGED (no write) if the fingerprint is equal."""
        with self._errors(f"store {article.url}"):
            stored = self._stored_fingerprints([article.id]).get(article.id)
            if stored is not None and stored == article.fingerprint:
                return UpsertOutcome.UNCHANGED
            self._client.index(index=self.index, id=article.id, document=es_document(article))
        return UpsertOutcome.NEW if stored is None else UpsertOutcome.UPDATED

    def bulk_upsert(self, articles: Iterable[Article]) -> BulkReport:
        """Upsert many articles in bounded batches; raise :class:`BulkUpsertError` if any was refused.

        Unchanged articles are skipped like in :meth:`upsert`. Rejections with
        429/502/503/504 are retried with exponential backoff by the client's
        bulk helper; whatever still fails is collected (never dropped) and
        raised after every batch was tried, with the full report attached.
        """
        report = BulkReport()
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) == BULK_CHUNK_SIZE:
                self._bulk_batch(batch, report)
                batch = []
        if batch:
            self._bulk_batch(batch, report)
        if report.errors:
            raise BulkUpsertError(report)
        return report

    def _bulk_batch(self, batch: list[Article], report: BulkReport) -> None:
        latest = {a.id: a for a in batch}  # the same URL twice in a batch: the last copy wins
        with self._errors(f"store {len(latest)} articles"):
            stored = self._stored_fingerprints(list(latest))
            todo = [a for a in latest.values() if a.id not in stored or stored[a.id] != a.fingerprint]
            for a in latest.values():
                if a.id in stored and stored[a.id] == a.fingerprint:
                    report.outcomes[a.url] = UpsertOutcome.UNCHANGED
            results = helpers.streaming_bulk(
                self._client, bulk_actions(todo, self.index),
                chunk_size=BULK_CHUNK_SIZE, max_retries=BULK_MAX_RETRIES,
                initial_backoff=BULK_INITIAL_BACKOFF, max_backoff=BULK_MAX_BACKOFF,
                retry_on_status=BULK_RETRY_STATUS, raise_on_error=False, yield_ok=True,
            )
            for ok, item in results:
                info = next(iter(item.values()))
                article = latest[info["_id"]]
                if ok:
                    report.outcomes[article.url] = (
                        UpsertOutcome.NEW if article.id not in stored else UpsertOutcome.UPDATED
                    )
                else:
                    report.errors.append(BulkItemError(
                        id=article.id, url=article.url, status=int(info.get("status", 0)),
                        error=item_error(info),
                    ))

    def mark_story(self, original: str, copies: Sequence[str]) -> None:
        """One ``_update_by_query``. The index is refreshed first, because the query only finds what search
        sees and a copy may have been written a moment ago, and after, so the next search shows the
        marks. A document another writer changes meanwhile is a version conflict: the request fails (a
        StoreError), the page is not recorded as stored, and the next crawl places it again."""
        with self._errors(f"mark the copies of {original}"):
            self._client.indices.refresh(index=self.index)
            result = self._client.update_by_query(index=self.index, body=build_mark_story_body(original, copies),
                                                  refresh=True).body
        if result.get("failures"):
            raise StoreError(f"Elasticsearch at {self.url} did not mark the copies of {original}: "
                             f"{result['failures'][0]}")

    # -- reads

    def get(self, url: str) -> dict[str, Any] | None:
        with self._errors(f"read {url}"):
            try:
                resp = self._client.get(index=self.index, id=article_id(url))
            except NotFoundError:
                return None
        return stored_document(resp["_source"])

    def get_many(self, urls: list[str]) -> list[dict[str, Any]]:
        if not urls:
            return []
        with self._errors(f"read {len(urls)} articles"):
            resp = self._client.mget(index=self.index, ids=[article_id(u) for u in urls])
        return [stored_document(d["_source"]) for d in resp["docs"] if d.get("found")]

    def search(self, request: SearchRequest) -> list[SearchHit]:
        with self._errors("search"):
            resp = self._client.search(index=self.index, body=build_search_body(request))
        return [search_hit(h) for h in resp["hits"]["hits"]]

    def matches(self, url: str, query: str) -> bool:
        """Whether the stored article matches ``query``.

        Alerts ask this right after the article was written, before the
        periodic refresh made it searchable, so the index is refreshed first
        (cheap when nothing changed since the last refresh).
        """
        if parse_query(query).empty:
            return True  # nothing to match on: no restriction, as in the SQLite store
        body = build_matches_body(url, query)
        with self._errors(f"match {url}"):
            self._client.indices.refresh(index=self.index)
            resp = self._client.count(index=self.index, body=body)
        return int(resp["count"]) > 0

    def export(self, since: date | None = None) -> Iterator[dict[str, Any]]:
        """Every document, oldest fetched first; ``since`` is a Jakarta day (a datetime is converted)."""
        with self._errors("export"):
            try:
                for hit in helpers.scan(
                    self._client, query=build_export_body(since), index=self.index,
                    preserve_order=True, size=EXPORT_PAGE_SIZE,
                ):
                    yield stored_document(hit["_source"])
            except ScanError as exc:  # some shards failed: a partial export must not look complete
                raise StoreError(f"export from Elasticsearch at {self.url} incomplete: {exc}") from exc

    def count(self) -> int:
        with self._errors("count articles"):
            return int(self._client.count(index=self.index)["count"])

    def close(self) -> None:
        self._client.close()

