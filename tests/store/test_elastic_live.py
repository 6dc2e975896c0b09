"""The Elasticsearch store against a real server (8.x or 9.x).

Runs only when ``PANTAU_TEST_ELASTICSEARCH_URL`` is set, e.g.::

    docker compose up -d elasticsearch
    PANTAU_TEST_ELASTICSEARCH_URL=http://localhost:9200 pytest -m elasticsearch

Every test works in its own uniquely named index family and deletes it afterwards.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from pantau.errors import PantauError
from pantau.models import Article, Official, Quote
from pantau.store.base import HIGHLIGHT_POST, HIGHLIGHT_PRE, BulkUpsertError, SearchRequest, StoreError, UpsertOutcome
from pantau.store.elastic import ElasticStore, bodies, make_client

URL = os.environ.get("PANTAU_TEST_ELASTICSEARCH_URL", "")
if not URL:
    pytest.skip("PANTAU_TEST_ELASTICSEARCH_URL not set (needs a live Elasticsearch)", allow_module_level=True)

pytestmark = pytest.mark.elasticsearch

from helpers import golden_articles  # noqa: E402  (the same two articles as the goldens)


@pytest.fixture()
def client() -> Iterator[Elasticsearch]:
    es = make_client(URL)
    yield es
    es.close()


@pytest.fixture()
def store(client: Elasticsearch) -> Iterator[ElasticStore]:
    index = f"pantau-test-{uuid.uuid4().hex[:10]}"
    s = ElasticStore(URL, index, client=client)
    s.ensure_index()
    yield s
    cleanup(client, index)


def cleanup(client: Elasticsearch, index: str) -> None:
    """Delete by exact names: wildcard deletes are refused by default (action.destructive_requires_name)."""
    lenient = client.options(ignore_status=404)
    for version in (1, 2):
        lenient.indices.delete(index=f"{index}-v{version}")
        lenient.indices.delete_index_template(name=f"{index}-v{version}")


def three_articles() -> list[Article]:
    first, second = golden_articles()
    third = replace(
        second,
        url="https://babel.antaranews.com/berita/3/kades-diperiksa",
        outlet="antara-babel",
        title="Kades diperiksa Bawaslu",
        fetched=datetime(2024, 11, 2, 10, 0, tzinfo=UTC),  # Jakarta day 2024-11-02
        fingerprint="f3",
        analysis=replace(
            second.analysis,
            body="Kepala desa diperiksa Bawaslu. \u201cKami proses,\u201d kata Ketua Bawaslu Bangka.",
            tags=["netralitas-asn", "sanksi", "perangkat-desa"],
            officials=[Official("Sekda Bangka", None)],
            # A speaker and a role that never occur in the same quote (checks nested semantics).
            quotes=[Quote("Kami proses,", "Budi Santoso", "Ketua Bawaslu Bangka", 31, 43),
                    Quote("Sudah dilaporkan.", "Andi", "Sekda Bangka", 60, 77)],
        ),
    )
    return [first, second, third]


def refresh(store: ElasticStore, client: Elasticsearch) -> None:
    client.indices.refresh(index=store.index)


def urls(hits: list[Any]) -> set[str]:
    return {h.url for h in hits}


def test_template_index_and_alias(store: ElasticStore, client: Elasticsearch) -> None:
    store.ensure_index()  # idempotent
    assert client.indices.exists_index_template(name=f"{store.index}-v1")
    aliases = client.indices.get_alias(name=store.index).body
    assert list(aliases) == [f"{store.index}-v1"]
    assert aliases[f"{store.index}-v1"]["aliases"][store.index]["is_write_index"] is True
    mapping = client.indices.get_mapping(index=f"{store.index}-v1").body[f"{store.index}-v1"]["mappings"]
    assert mapping["properties"]["quotes"]["type"] == "nested"
    assert mapping["properties"]["title"]["analyzer"] == "indonesian"


def test_upsert_outcomes_and_reads(store: ElasticStore, client: Elasticsearch) -> None:
    articles = three_articles()
    report = store.bulk_upsert(articles)
    assert set(report.outcomes.values()) == {UpsertOutcome.NEW} and not report.errors
    report = store.bulk_upsert(articles)
    assert set(report.outcomes.values()) == {UpsertOutcome.UNCHANGED}
    assert store.upsert(articles[0]) is UpsertOutcome.UNCHANGED
    assert store.upsert(replace(articles[0], fingerprint="changed")) is UpsertOutcome.UPDATED
    refresh(store, client)
    assert store.count() == 3
    assert store.get(articles[1].url) == articles[1].to_doc()
    assert store.get("https://nowhere.example/x") is None
    got = store.get_many([articles[2].url, "https://nowhere.example/x", articles[1].url])
    assert [d["url"] for d in got] == [articles[2].url, articles[1].url]
    first, second, third = articles
    exported = list(store.export())
    assert [d["url"] for d in exported] == [first.url, third.url, second.url]  # oldest fetched first
    assert all("speakers" not in d and "day" not in d for d in exported)
    assert [d["url"] for d in store.export(date(2024, 11, 2))] == [third.url, second.url]


def test_search_with_each_filter(store: ElasticStore, client: Elasticsearch) -> None:
    first, second, third = three_articles()
    store.bulk_upsert([first, second, third])
    refresh(store, client)

    hits = store.search(SearchRequest(query="netralitas"))
    assert [h.url for h in hits][:1] == [first.url]
    assert HIGHLIGHT_PRE in hits[0].snippet and HIGHLIGHT_POST in hits[0].snippet
    assert urls(store.search(SearchRequest(query="mengimbau"))) == {first.url}  # stemmed/exact both find it
    assert urls(store.search(SearchRequest(query='"kepala desa"'))) == {third.url}
    assert urls(store.search(SearchRequest(query="imbau* OR diperiksa"))) >= {third.url}
    assert store.search(SearchRequest(query="netralitas Bawaslu")) == []  # all words required

    newest = store.search(SearchRequest())
    assert [h.url for h in newest] == [second.url, third.url, first.url]  # by Jakarta day, newest first
    assert urls(store.search(SearchRequest(tags=["imbauan"]))) == {first.url}
    assert urls(store.search(SearchRequest(tags=["netralitas-asn", "sanksi"]))) == {third.url}
    assert urls(store.search(SearchRequest(region="Kepulauan Bangka Belitung"))) == {first.url}
    assert urls(store.search(SearchRequest(region="Bangka"))) == {first.url}  # regency "Kabupaten Bangka"
    assert urls(store.search(SearchRequest(outlet="antara-babel"))) == {first.url, third.url}
    assert urls(store.search(SearchRequest(speaker="thamrin"))) == {first.url}
    assert urls(store.search(SearchRequest(speaker="Budi Santoso"))) == {third.url}
    assert urls(store.search(SearchRequest(speaker="Sekda Bangka"))) == {third.url}  # an official's name
    assert urls(store.search(SearchRequest(since=date(2024, 11, 2)))) == {second.url, third.url}
    assert urls(store.search(SearchRequest(until=date(2024, 11, 1)))) == {first.url}
    combined = SearchRequest(query="ASN", outlet="antara-babel", tags=["imbauan"], limit=1)
    assert [h.url for h in store.search(combined)] == [first.url]

    assert store.matches(first.url, "netralitas ASN") is True
    assert store.matches(second.url, "netralitas ASN") is False


def test_nested_quote_query_keeps_speaker_and_role_together(
    store: ElasticStore, client: Elasticsearch
) -> None:
    third = three_articles()[2]
    store.bulk_upsert([third])
    refresh(store, client)

    def nested(speaker: str, role: str) -> int:
        query = {"nested": {"path": "quotes", "query": {"bool": {"must": [
            {"term": {"quotes.speaker": speaker}}, {"match": {"quotes.role": role}}]}}}}
        return int(client.count(index=store.index, query=query)["count"])

    assert nested("Budi Santoso", "Ketua Bawaslu") == 1
    assert nested("Budi Santoso", "Sekda") == 0  # different quotes: nested, not flattened


def test_migrate_reindexes_and_moves_the_alias(
    store: ElasticStore, client: Elasticsearch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.bulk_upsert(three_articles())
    v1 = json.loads((bodies.MAPPINGS_DIR / "index_template_v1.json").read_text(encoding="utf-8"))
    v2 = json.loads(json.dumps(v1))
    v2["version"] = 2
    v2["template"]["mappings"]["properties"]["section"] = {"type": "keyword"}
    (tmp_path / "index_template_v1.json").write_text(json.dumps(v1), encoding="utf-8")
    (tmp_path / "index_template_v2.json").write_text(json.dumps(v2), encoding="utf-8")
    monkeypatch.setattr(bodies, "MAPPINGS_DIR", tmp_path)

    assert store.migrate(2) == f"{store.index}-v2"
    assert list(client.indices.get_alias(name=store.index).body) == [f"{store.index}-v2"]
    assert not client.indices.exists(index=f"{store.index}-v1")
    assert store.count() == 3
    mapping = client.indices.get_mapping(index=f"{store.index}-v2").body[f"{store.index}-v2"]["mappings"]
    assert "section" in mapping["properties"]
    assert store.upsert(replace(three_articles()[0], fingerprint="new")) is UpsertOutcome.UPDATED
    assert store.migrate(2) == f"{store.index}-v2"  # already there: no-op
    with pytest.raises(PantauError, match="no Elasticsearch mapping version 3"):
        store.migrate(3)


class MalformedDateArticle(Article):
    """An article whose document carries an unparsable date, as a corrupted record would."""

    def to_doc(self) -> dict[str, Any]:
        doc = super().to_doc()
        doc["published"] = "kemarin sore"
        return doc


def test_bulk_error_is_reported_not_dropped(store: ElasticStore, client: Elasticsearch) -> None:
    good, other, _ = three_articles()
    bad = MalformedDateArticle(**{f: getattr(other, f) for f in other.__dataclass_fields__})
    with pytest.raises(BulkUpsertError) as info:
        store.bulk_upsert([good, bad])
    report = info.value.report
    assert [e.url for e in report.errors] == [bad.url]
    assert report.errors[0].status == 400 and "published" in report.errors[0].error
    assert report.outcomes == {good.url: UpsertOutcome.NEW}
    refresh(store, client)
    assert store.count() == 1


def test_alias_name_taken_by_a_plain_index_is_refused(client: Elasticsearch) -> None:
    index = f"pantau-test-{uuid.uuid4().hex[:10]}"
    client.indices.create(index=index)
    try:
        with pytest.raises(StoreError, match="is an index, not an alias"):
            ElasticStore(URL, index, client=client).ensure_index()
    finally:
        client.indices.delete(index=index)
        cleanup(client, index)


def test_import_moves_an_embedded_store_into_elasticsearch(tmp_path: Path, client: Elasticsearch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from pantau.cli import main
    from pantau.store.sqlite import SQLiteStore

    local = SQLiteStore(tmp_path / "data" / "pantau.db")
    for article in three_articles():
        local.upsert(article)
    local.close()
    assert main(["--data-dir", str(tmp_path / "data"), "export"]) == 0
    exported = tmp_path / "articles.jsonl"
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    index = f"pantau-test-{uuid.uuid4().hex[:10]}"
    config = tmp_path / "pantau.toml"
    config.write_text(f'[store]\nelasticsearch_url = "{URL}"\nindex = "{index}"\n', encoding="utf-8")
    try:
        argv = ["--config", str(config), "--data-dir", str(tmp_path / "data")]
        assert main([*argv, "import", str(exported)]) == 0
        assert "3 new" in capsys.readouterr().out
        assert main([*argv, "import", str(exported)]) == 0
        assert "3 unchanged" in capsys.readouterr().out
        client.indices.refresh(index=index)
        assert main([*argv, "export"]) == 0
        lines = sorted(capsys.readouterr().out.splitlines())  # the order of equal fetch times may differ
        assert lines == sorted(exported.read_text(encoding="utf-8").splitlines())
    finally:
        cleanup(client, index)


def test_the_original_stored_after_its_copies_takes_their_place(store: ElasticStore, client: Elasticsearch,
                                                                tmp_path: Path) -> None:
    """The crawl's store stage (pantau.stories) on Elasticsearch: the copies, written a moment before (not
    yet refreshed), are found and re-marked; the search and the export show the marks at once."""
    from pantau.state import CrawlState, body_sketch
    from pantau.stories import store_in_story

    body = " ".join(f"Kalimat {i} tentang sekda Belitung yang mengingatkan ASN soal foto bersama caleg."
                    for i in range(12))
    first, _ = golden_articles()
    original = replace(first, url="https://antara.example.id/1", published=datetime(2023, 11, 30, 3, tzinfo=UTC),
                       analysis=replace(first.analysis, body=body), fingerprint="o")
    copy = replace(original, url="https://kabar.example.id/1", published=datetime(2023, 12, 1, 1, tzinfo=UTC),
                   fingerprint="c")
    later = replace(copy, url="https://lain.example.id/1", published=datetime(2023, 12, 2, 1, tzinfo=UTC),
                    fingerprint="l")
    state = CrawlState(tmp_path / "pantau.db")
    for article in (copy, later, original):
        store_in_story(store, state, article, body_sketch(body))
    state.close()
    expected = {original.url: None, copy.url: original.url, later.url: original.url}
    assert {d["url"]: d["duplicate_of"] for d in store.export()} == expected
    assert {h.url: h.duplicate_of for h in store.search(SearchRequest(query="caleg"))} == expected
