"""Golden tests of every request body the Elasticsearch store sends (no server needed).

The bodies are built by pure functions, so these pin exactly what goes over
the wire. Regenerate after an intended change with ``PANTAU_REGEN_GOLDEN=1``
and review the diff of ``tests/store/golden/``.
"""

from __future__ import annotations

import json
import socket
from datetime import UTC, date, datetime, timedelta, timezone
from fnmatch import fnmatch
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from elasticsearch.helpers import expand_action
from helpers import check_golden, golden_articles, http_server, reply_as_elasticsearch

from pantau.errors import PantauError, UsageError
from pantau.store.base import (
    HIGHLIGHT_POST,
    HIGHLIGHT_PRE,
    BulkItemError,
    BulkReport,
    BulkUpsertError,
    SearchRequest,
    StoreError,
    UpsertOutcome,
)
from pantau.store.elastic import (
    CURRENT_MAPPING_VERSION,
    ElasticStore,
    build_export_body,
    build_mark_story_body,
    build_matches_body,
    build_search_body,
    bulk_actions,
    es_document,
    load_index_template,
)
from pantau.store.elastic.bodies import DERIVED_FIELDS, search_hit, stored_document
from pantau.store.query import QuerySyntaxError

WIB = timezone(timedelta(hours=7))


def test_index_template_matches_its_own_version_only() -> None:
    """Two versions' templates never overlap, so both can exist during a migration; a version without a
    mapping file is refused by name. (The mapping itself is checked against the documents below.)"""
    for version in (1, CURRENT_MAPPING_VERSION):
        patterns = load_index_template("pantau-articles", version)["index_patterns"]
        assert patterns == [f"pantau-articles-v{version}"]
        assert not any(fnmatch(f"pantau-articles-v{version + 1}", p) or fnmatch("pantau-articles", p) for p in patterns)
    with pytest.raises(PantauError, match=f"no Elasticsearch mapping version {CURRENT_MAPPING_VERSION + 1}"):
        load_index_template("pantau-articles", CURRENT_MAPPING_VERSION + 1)


def test_mapping_is_strict_and_covers_every_document_field() -> None:
    """A field to_doc() adds without a mapping version bump would be refused per document."""
    mapping = load_index_template("pantau-articles", 1)["template"]["mappings"]
    assert mapping["dynamic"] == "strict"
    props = mapping["properties"]
    for article in golden_articles():
        assert set(es_document(article)) <= set(props)
    assert props["quotes"]["type"] == props["officials"]["type"] == props["tag_evidence"]["type"] == "nested"
    for field in ("title", "body"):
        assert props[field]["analyzer"] == "indonesian"
        assert props[field]["fields"]["exact"]["analyzer"] == "standard"
    assert props["quotes"]["properties"]["text"]["analyzer"] == "indonesian"
    assert props["published"]["type"] == props["fetched"]["type"] == "date"


def test_bulk_action_lines_golden() -> None:
    lines = []
    for action in bulk_actions(golden_articles(), "pantau-articles"):
        header, source = expand_action(action)
        lines += [header, source]
    check_golden("bulk_two_articles", lines)


def test_document_ids_are_deterministic_and_derived_fields_stripped_on_read() -> None:
    first, second = golden_articles()
    doc = es_document(first)
    assert doc["id"] == first.id and len(first.id) == 40
    assert doc["speakers"] == ["Thamrin Hasan"]
    assert doc["day"] == "2024-11-01"
    assert es_document(second)["day"] == "2024-11-03"  # 20:00 UTC is the next day in Jakarta
    assert stored_document(doc) == first.to_doc()
    assert set(DERIVED_FIELDS) == set(doc) - set(first.to_doc())


SEARCHES: dict[str, SearchRequest] = {
    "query": SearchRequest(query="netralitas ASN"),
    "empty_query": SearchRequest(),
    "syntax": SearchRequest(query='"kepala desa" imbau* pemilu OR pilkada ASN'),
    "excluded": SearchRequest(query='imbauan -kampanye NOT "kepala desa"'),
    "excluded_only": SearchRequest(query="-pilkada", tags=["imbauan"]),
    "tags": SearchRequest(query="netralitas", tags=["imbauan", "pilkada-2024"]),
    "region": SearchRequest(region="Bangka"),
    "outlet": SearchRequest(outlet="antara-babel"),
    "speaker": SearchRequest(speaker="  Thamrin Hasan "),
    "since": SearchRequest(since=date(2024, 11, 1)),
    "until": SearchRequest(until=date(2024, 11, 30)),
    "combined": SearchRequest(
        query="netralitas", tags=["sanksi"], region="Kepulauan Bangka Belitung", outlet="antara-babel",
        speaker="Thamrin", since=date(2024, 11, 1), until=date(2024, 11, 30), limit=5,
    ),
}


@pytest.mark.parametrize("name", sorted(SEARCHES))
def test_search_body_golden(name: str) -> None:
    check_golden(f"search_{name}", build_search_body(SEARCHES[name]))


def test_a_query_without_words_is_refused_before_any_request() -> None:
    for query in (" -- ! ", "*", '""'):
        with pytest.raises(QuerySyntaxError, match="has no word to search for"):
            build_search_body(SearchRequest(query=query))


def test_highlight_uses_the_shared_markers() -> None:
    highlight = build_search_body(SearchRequest(query="ASN"))["highlight"]
    assert highlight["pre_tags"] == [HIGHLIGHT_PRE] and highlight["post_tags"] == [HIGHLIGHT_POST]
    assert highlight["fields"]["body"]["fragment_size"] == 160


def test_matches_and_export_bodies_golden() -> None:
    url = golden_articles()[0].url
    check_golden("matches", build_matches_body(url, "netral ASN"))
    check_golden("export_all", build_export_body(None))
    check_golden("export_since", build_export_body(date(2024, 11, 1)))
    assert build_export_body(datetime(2024, 10, 31, 18, 0, tzinfo=UTC)) == build_export_body(
        date(2024, 11, 1)
    )


def test_hit_from_a_search_response() -> None:
    raw = {
        "_id": "abc", "_score": 3.14159,
        "_source": {"id": "abc", "url": "https://x.id/a", "title": "T", "outlet": "x", "published": None,
                    "tags": ["imbauan"], "regions": [{"province": "Bali", "regency": None}]},
        "highlight": {"body": ["ASN [harus]\n  [netral]"]},
    }
    hit = search_hit(raw)
    assert (hit.score, hit.snippet) == (3.1416, "ASN [harus] [netral]")
    assert hit.regions == [{"province": "Bali", "regency": None}]


def test_bulk_error_message_names_the_documents() -> None:
    report = BulkReport(
        outcomes={"https://a.id/1": UpsertOutcome.NEW},
        errors=[BulkItemError("i1", "https://a.id/2", 400, "mapper_parsing_exception: bad date"),
                BulkItemError("i2", "https://a.id/3", 429, "es_rejected_execution_exception")],
    )
    exc = BulkUpsertError(report)
    assert str(exc) == ("Elasticsearch refused 2 document(s): https://a.id/2: HTTP 400: "
                        "mapper_parsing_exception: bad date (and 1 more)")
    assert exc.report is report and isinstance(exc, StoreError)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_server_is_one_line_store_error() -> None:
    """A real client against a closed port: the user sees one line, never a traceback or silence, and callers
    catch it as the StoreError the SQLite store raises too."""
    url = f"http://elastic:secret@127.0.0.1:{_closed_port()}"
    store = ElasticStore(url, "pantau-articles")
    for call in (store.ensure_index, store.count, lambda: store.upsert(golden_articles()[0]),
                 lambda: store.search(SearchRequest(query="ASN")), lambda: list(store.export())):
        with pytest.raises(StoreError) as info:
            call()
        message = str(info.value)
        assert message.startswith(f"cannot reach Elasticsearch at http://127.0.0.1:{url.rsplit(':', 1)[1]}: ")
        assert "\n" not in message and "secret" not in message
    store.close()


def test_malformed_url_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="invalid Elasticsearch URL 'localhost:9200'"):
        ElasticStore("localhost:9200")


def test_mark_story_body_golden() -> None:
    first, second = golden_articles()
    check_golden("mark_story", build_mark_story_body(first.url, [second.url]))
    check_golden("mark_story_original_only", build_mark_story_body(first.url, []))


class StoryMarkingServer(BaseHTTPRequestHandler):
    """Answers like an 8.x server and records each request: method, path with query, JSON body."""

    seen: list[tuple[str, str, Any]] = []
    update_answer: dict[str, Any] = {}

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        StoryMarkingServer.seen.append(("POST", self.path, body))
        reply_as_elasticsearch(self, self.update_answer if "_update_by_query" in self.path
                               else {"_shards": {"total": 1, "failed": 0}})

    def log_message(self, *args: Any) -> None:
        pass


def test_mark_story_refreshes_then_updates_by_query_and_a_failure_is_one_line() -> None:
    """The index is refreshed first (the query sees only what search sees, and a copy may be a moment old),
    then one _update_by_query with the golden body, refreshed so the next search shows the marks."""
    first, second = golden_articles()
    StoryMarkingServer.seen = []
    StoryMarkingServer.update_answer = {"updated": 1, "noops": 1, "failures": []}
    with http_server(StoryMarkingServer) as url:
        store = ElasticStore(url, "pantau-articles")
        store.mark_story(first.url, [second.url])
        assert StoryMarkingServer.seen == [
            ("POST", "/pantau-articles/_refresh", None),
            ("POST", "/pantau-articles/_update_by_query?refresh=true", build_mark_story_body(first.url, [second.url])),
        ]
        StoryMarkingServer.update_answer = {"updated": 0, "failures": [{"id": "x", "cause": {"type": "boom"}}]}
        with pytest.raises(StoreError, match=f"^Elasticsearch at {url} did not mark the copies of {first.url}: "):
            store.mark_story(first.url, [second.url])
        store.close()
