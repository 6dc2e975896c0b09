"""The Elasticsearch article store: the server deployment's store, read by Kibana.

Layout: a versioned index (``pantau-articles-v1``) created from a versioned
index template (``es_mappings/index_template_v1.json``) and reached only
through the alias ``pantau-articles``. Readers and writers use the alias, so a
mapping change is "create v2, reindex, move the alias" (:meth:`ElasticStore.migrate`)
and never a delete-and-recreate that loses data.

The request bodies are built by pure functions (:func:`build_search_body`,
:func:`bulk_actions`, :func:`load_index_template`, …) so they are golden-tested
without a server, and so the SQLite store's behaviour can be compared with them.

Failure policy: every client exception is turned into a one-line
:class:`~pantau.errors.PantauError` naming the server; nothing is swallowed.
A store that cannot reach its server stops the command instead of quietly
"storing" nowhere.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers
from elasticsearch.helpers import ScanError

from pantau.analysis.region_names import names_matching
from pantau.errors import PantauError, UsageError, one_line
from pantau.models import Article
from pantau.store.base import (
    HIGHLIGHT_POST,
    HIGHLIGHT_PRE,
    PREFIX_TERMS_MAX,
    BulkItemError,
    BulkReport,
    BulkUpsertError,
    SearchHit,
    SearchRequest,
    UpsertOutcome,
)
from pantau.store.query import Term, parse_query
from pantau.urls import article_id
from pantau.wib import local_day

log = logging.getLogger(__name__)

DEFAULT_INDEX = "pantau-articles"
MAPPINGS_DIR = Path(__file__).with_name("es_mappings")
CURRENT_MAPPING_VERSION = 1

SNIPPET_CHARS = 160
# Title matches weigh double; the ``.exact`` sub-fields (standard analyzer, no
# stemming) lift documents that contain the words as typed above stem-only matches.
SEARCH_FIELDS = ("title^2", "title.exact^2", "body", "body.exact")
EXACT_FIELDS = ("title.exact^2", "body.exact")  # "a phrase" matches as written
HIT_SOURCE_FIELDS = ("id", "url", "title", "outlet", "published", "tags", "regions", "duplicate_of", "quotes")
# Fields the ES document carries beyond ``Article.to_doc()`` (see :func:`es_document`).
# They are stripped again on read so ``get``/``export`` return exactly what SQLite returns.
DERIVED_FIELDS = ("speakers", "day")

BULK_CHUNK_SIZE = 500
BULK_MAX_RETRIES = 4
BULK_INITIAL_BACKOFF = 1.0  # seconds, doubled per retry
BULK_MAX_BACKOFF = 30.0
BULK_RETRY_STATUS = (429, 502, 503, 504)
EXPORT_PAGE_SIZE = 500

def make_client(url: str) -> Elasticsearch:
    """A client for ``url``; a malformed URL is a usage error.

    The client major (8, pinned in pyproject.toml) is the server's: it asks for REST API
    version 8, which the 8.x server of docker-compose.yml speaks.
    """
    try:
        return Elasticsearch(url)
    except ValueError as exc:  # no scheme/host/port: a configuration mistake
        raise UsageError(f"invalid Elasticsearch URL {_redact(url)!r}: {exc}") from None


# --------------------------------------------------------------------------- request bodies


def load_index_template(index: str, version: int) -> dict[str, Any]:
    """The composable index template body for ``<index>-v<version>``, from its versioned JSON file.

    The pattern matches that one versioned index only, so templates of two
    mapping versions never overlap and both can exist during a migration.
    """
    path = MAPPINGS_DIR / f"index_template_v{version}.json"
    if not path.is_file():
        raise PantauError(f"no Elasticsearch mapping version {version} ({path.name} not found)")
    body: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {"index_patterns": [versioned_index(index, version)], **body}


def versioned_index(index: str, version: int) -> str:
    return f"{index}-v{version}"


def es_document(article: Article) -> dict[str, Any]:
    """``Article.to_doc()`` plus the derived fields of :data:`DERIVED_FIELDS`.

    ``speakers``: distinct quote speakers as a flat keyword list (Kibana Lens
    cannot aggregate nested fields). ``day``: the Jakarta date of publication,
    else of fetching, which date filters and "newest first" use in both stores,
    so articles without a publication date are still found by date.
    """
    doc = article.to_doc()
    doc["speakers"] = list(dict.fromkeys(q["speaker"] for q in doc["quotes"] if q.get("speaker")))
    doc["day"] = local_day(article.published or article.fetched)
    return doc


def _stored(source: dict[str, Any]) -> dict[str, Any]:
    """A stored ES ``_source`` as the backend-independent document."""
    return {k: v for k, v in source.items() if k not in DERIVED_FIELDS}


def bulk_actions(articles: Iterable[Article], index: str) -> Iterator[dict[str, Any]]:
    """Bulk-helper actions indexing each article under its deterministic id through the write alias."""
    for article in articles:
        yield {"_op_type": "index", "_index": index, "_id": article.id, "_source": es_document(article)}


def _term_clause(term: Term) -> dict[str, Any]:
    """One term of :mod:`pantau.store.query` as a ``multi_match``.

    A word matches its stem (``indonesian`` analyzer) or its form as written (``.exact``); a
    phrase only as written, on the ``.exact`` sub-fields, like the SQLite store; a prefix over
    both, at most ``PREFIX_TERMS_MAX`` words (the SQLite store's cap).
    """
    if term.kind == "phrase":
        return {"multi_match": {"query": term.text, "type": "phrase", "fields": list(EXACT_FIELDS)}}
    if term.kind == "prefix":
        return {"multi_match": {"query": term.text, "type": "phrase_prefix", "fields": list(SEARCH_FIELDS),
                                "max_expansions": PREFIX_TERMS_MAX}}
    return {"multi_match": {"query": term.text, "type": "cross_fields", "fields": list(SEARCH_FIELDS),
                            "operator": "and"}}


def _full_text(query: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """(what must match, what must not) for a user query: the full-text part of search and alert matching.

    Plain words go into one ``cross_fields`` multi_match with ``and``: every word must occur, in
    the title or the body, as in the SQLite FTS5 store (rather than all words in one field).
    Phrases, prefixes and OR-groups add one clause each; excluded terms one ``must_not`` each.
    """
    parsed = parse_query(query)
    words = [g[0].text for g in parsed.groups if len(g) == 1 and g[0].kind == "word"]
    clauses = [_term_clause(Term("word", " ".join(words)))] if words else []
    for group in parsed.groups:
        if len(group) == 1 and group[0].kind == "word":
            continue
        alternatives = [_term_clause(term) for term in group]
        clauses.append(alternatives[0] if len(alternatives) == 1
                       else {"bool": {"should": alternatives, "minimum_should_match": 1}})
    must = None if not clauses else clauses[0] if len(clauses) == 1 else {"bool": {"must": clauses}}
    return must, [_term_clause(term) for term in parsed.excluded]


def _speaker_filter(name: str) -> dict[str, Any]:
    """Articles quoting ``name`` or naming them as an official; all words of the name must match."""
    return {
        "bool": {
            "should": [
                {
                    "nested": {
                        "path": "quotes",
                        "query": {"match": {"quotes.speaker.text": {"query": name, "operator": "and"}}},
                    }
                },
                {
                    "nested": {
                        "path": "officials",
                        "query": {"match": {"officials.name.text": {"query": name, "operator": "and"}}},
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }


def _day_range(since: date | None, until: date | None) -> dict[str, Any]:
    """Whole Jakarta calendar days, both ends inclusive, on the derived ``day`` field."""
    bounds: dict[str, str] = {}
    if since is not None:
        bounds["gte"] = since.isoformat()
    if until is not None:
        bounds["lte"] = until.isoformat()
    return {"range": {"day": bounds}}


def _filters(req: SearchRequest) -> list[dict[str, Any]]:
    filters: list[dict[str, Any]] = [{"term": {"tags": tag}} for tag in req.tags]
    if req.region:
        # "Bangka" also finds the regency "Kabupaten Bangka" (and "Kota …"), as in the SQLite store.
        regencies = list(names_matching(req.region))
        filters.append({
            "bool": {
                "should": [
                    {"term": {"regions.province": req.region}},
                    {"terms": {"regions.regency": regencies}},
                ],
                "minimum_should_match": 1,
            }
        })
    if req.outlet:
        filters.append({"term": {"outlet": req.outlet}})
    if req.speaker and req.speaker.strip():
        filters.append(_speaker_filter(req.speaker.strip()))
    if req.since is not None or req.until is not None:
        filters.append(_day_range(req.since, req.until))
    return filters


def _bool_query(query: str, filters: list[dict[str, Any]]) -> tuple[dict[str, Any], bool]:
    """The ``bool`` query of a user query and filters, and whether it has words to rank by."""
    text, excluded = _full_text(query)
    clauses: dict[str, Any] = {"must": [text or {"match_all": {}}], "filter": filters}
    if excluded:
        clauses["must_not"] = excluded
    return {"bool": clauses}, text is not None


def build_search_body(req: SearchRequest) -> dict[str, Any]:
    """The ``_search`` body for a :class:`SearchRequest` (pure; golden-tested).

    A query ranks by relevance; an empty query lists newest first (by the
    Jakarta day of publication, else of fetching, like the SQLite store). The
    body highlight is one ~160-character fragment with the terms in
    ``HIGHLIGHT_PRE``/``HIGHLIGHT_POST``; ``no_match_size`` gives hits without
    a body match (title-only hits, empty query) a lead snippet too.
    """
    query, ranked = _bool_query(req.query, _filters(req))
    body: dict[str, Any] = {
        "size": req.limit,
        "query": query,
        "_source": list(HIT_SOURCE_FIELDS),
        "highlight": {
            "pre_tags": [HIGHLIGHT_PRE],
            "post_tags": [HIGHLIGHT_POST],
            "fields": {
                "body": {
                    "fragment_size": SNIPPET_CHARS, "number_of_fragments": 1, "no_match_size": SNIPPET_CHARS,
                },
            },
        },
    }
    if not ranked:  # nothing to rank by (no words, or only words to leave out): newest first
        body["sort"] = [
            {"day": {"order": "desc"}},
            {"published": {"order": "desc", "missing": "_last"}},
            {"fetched": {"order": "desc"}},
        ]
    return body


def build_matches_body(url: str, query: str) -> dict[str, Any]:
    """The ``_count`` body telling whether the article at ``url`` matches a user query."""
    return {"query": _bool_query(query, [{"ids": {"values": [article_id(url)]}}])[0]}


def build_export_body(since: date | None) -> dict[str, Any]:
    """The scan body for ``export``: oldest fetched first, optionally from a Jakarta day on."""
    query: dict[str, Any] = {"match_all": {}}
    if since is not None:
        day = local_day(since) if isinstance(since, datetime) else since.isoformat()
        query = {"range": {"day": {"gte": day}}}
    return {"query": query, "sort": [{"fetched": {"order": "asc"}}, {"url": {"order": "asc"}}]}


def _hit(raw: dict[str, Any]) -> SearchHit:
    src = raw["_source"]
    fragments = raw.get("highlight", {}).get("body") or []
    snippet = " ".join(fragments[0].split()) if fragments else ""
    return SearchHit.from_doc({**src, "id": raw["_id"]}, round(float(raw.get("_score") or 0.0), 4), snippet)


def _redact(url: str) -> str:
    """The server URL without credentials, for messages."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _reason(exc: ApiError) -> str:
    """``type: reason`` of an Elasticsearch error response, else its text in one line (a proxy's HTML
    error page by its title), else the HTTP status phrase (a HEAD request has no body)."""
    body = exc.body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        err = body["error"]
        return one_line(f"{err.get('type', 'error')}: {err.get('reason', '')}".strip())
    if isinstance(body, str) and body.strip():
        return one_line(body)
    status = exc.meta.status
    return HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "no reason given"


def _item_error(info: dict[str, Any]) -> str:
    err = info.get("error")
    if isinstance(err, dict):
        reason = f"{err.get('type', 'error')}: {err.get('reason', '')}"
        cause = err.get("caused_by")
        if isinstance(cause, dict) and cause.get("reason"):
            reason += f" ({cause['reason']})"
        return reason
    return str(err or info.get("exception") or "unknown error")


# --------------------------------------------------------------------------- the store


class ElasticStore:
    """:class:`~pantau.store.base.ArticleStore` on Elasticsearch 8.x, behind a write alias."""

    def __init__(self, url: str, index: str = DEFAULT_INDEX, *, client: Elasticsearch | None = None) -> None:
        if not url and client is None:
            raise PantauError("no Elasticsearch URL configured ([store] elasticsearch_url)")
        self.url = _redact(url)
        self.index = index
        self._client = client if client is not None else make_client(url)

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Turn client exceptions into one-line PantauErrors that name the server and the action."""
        try:
            yield
        except TransportError as exc:
            raise PantauError(f"cannot reach Elasticsearch at {self.url}: {one_line(str(exc.message))}") from exc
        except ApiError as exc:
            raise PantauError(
                f"Elasticsearch at {self.url} refused to {action}: HTTP {exc.meta.status} {_reason(exc)}"
            ) from exc

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
            raise PantauError(f"alias {self.index} points at {concrete}, not a pantau versioned index")
        return int(concrete[len(prefix):])

    def current_index(self) -> str:
        """The versioned index the alias points at."""
        with self._errors("read its aliases"):
            targets = self._alias_targets()
        if len(targets) != 1:
            raise PantauError(
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
                raise PantauError(f"alias {self.index} points at several indices: {targets}")
            if targets:
                deployed = self._version_of(targets[0])
                if deployed < version:
                    log.warning("index %s has mapping v%d, v%d is available: run ElasticStore.migrate(%d)",
                                self.index, deployed, version, version)
                return
            if self._client.indices.exists(index=self.index):
                raise PantauError(
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
                if _reason(exc).startswith("resource_already_exists_exception"):
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
                raise PantauError(f"reindex {old} -> {new} failed: {result['failures'][0]}")
            old_count = self._client.count(index=old)["count"]
            new_count = self._client.count(index=new)["count"]
            if old_count != new_count:
                raise PantauError(
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
                        error=_item_error(info),
                    ))

    # -- reads

    def get(self, url: str) -> dict[str, Any] | None:
        with self._errors(f"read {url}"):
            try:
                resp = self._client.get(index=self.index, id=article_id(url))
            except NotFoundError:
                return None
        return _stored(resp["_source"])

    def get_many(self, urls: list[str]) -> list[dict[str, Any]]:
        if not urls:
            return []
        with self._errors(f"read {len(urls)} articles"):
            resp = self._client.mget(index=self.index, ids=[article_id(u) for u in urls])
        return [_stored(d["_source"]) for d in resp["docs"] if d.get("found")]

    def search(self, request: SearchRequest) -> list[SearchHit]:
        with self._errors("search"):
            resp = self._client.search(index=self.index, body=build_search_body(request))
        return [_hit(h) for h in resp["hits"]["hits"]]

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
                    yield _stored(hit["_source"])
            except ScanError as exc:  # some shards failed: a partial export must not look complete
                raise PantauError(f"export from Elasticsearch at {self.url} incomplete: {exc}") from exc

    def count(self) -> int:
        with self._errors("count articles"):
            return int(self._client.count(index=self.index)["count"])

    def close(self) -> None:
        self._client.close()

