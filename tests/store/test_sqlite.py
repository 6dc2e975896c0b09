import sqlite3
from datetime import date, datetime

import pytest
from helpers import WIB, make_article

from pantau.models import Region
from pantau.store.base import SearchRequest, StoreError, UpsertOutcome
from pantau.store.query import parse_query
from pantau.store.sqlite import SQLiteStore, open_sqlite

BABEL = Region("Kepulauan Bangka Belitung", "Kabupaten Belitung")
BENGKULU = Region("Bengkulu", None)


def seeded(tmp_path):
    store = SQLiteStore(tmp_path / "pantau.db")
    body = 'Sekda mengimbau ASN menjaga netralitas. "Jangan unggah foto," katanya.'
    store.upsert(make_article("https://a.id/1", body,
                              outlet="a", title="Sekda imbau ASN netral", tags=("netralitas-asn", "imbauan"),
                              regions=(BABEL,), speaker="MZ Hendra Caya",
                              published=datetime(2024, 10, 1, 9, tzinfo=WIB)))
    store.upsert(make_article("https://b.id/2", "KPU menerima kotak suara untuk pilkada di Bengkulu.",
                              outlet="b", title="Logistik pilkada tiba", regions=(BENGKULU,),
                              published=datetime(2024, 11, 5, 9, tzinfo=WIB)))
    return store


def test_upsert_is_idempotent_by_canonical_url_and_fingerprint(tmp_path):
    store = SQLiteStore(tmp_path / "pantau.db")
    first = make_article("https://a.id/1", "isi pertama", fingerprint="f1")
    assert store.upsert(first) is UpsertOutcome.NEW
    assert store.upsert(first) is UpsertOutcome.UNCHANGED
    changed = make_article("https://a.id/1", "isi kedua yang berubah", fingerprint="f2")
    assert store.upsert(changed) is UpsertOutcome.UPDATED
    assert store.count() == 1
    assert store.get("https://a.id/1")["body"] == "isi kedua yang berubah"
    assert store.search(SearchRequest(query="pertama")) == []
    assert [h.url for h in store.search(SearchRequest(query="berubah"))] == ["https://a.id/1"]


def test_search_finds_body_word_with_highlight(tmp_path):
    hits = seeded(tmp_path).search(SearchRequest(query="netralitas"))
    assert [h.url for h in hits] == ["https://a.id/1"]
    assert "[netralitas]" in hits[0].snippet


def test_each_filter_narrows(tmp_path):
    store = seeded(tmp_path)

    def urls(**kw):
        return [h.url for h in store.search(SearchRequest(**kw))]

    assert urls() == ["https://b.id/2", "https://a.id/1"]  # empty query: newest first
    assert urls(tags=["imbauan"]) == ["https://a.id/1"]
    assert urls(tags=["imbauan", "sanksi"]) == []
    assert urls(region="Bengkulu") == ["https://b.id/2"]
    assert urls(region="Belitung") == ["https://a.id/1"]  # regency without "Kabupaten"
    assert urls(region="kepulauan bangka belitung") == ["https://a.id/1"]
    assert urls(outlet="b") == ["https://b.id/2"]
    assert urls(speaker="Hendra") == ["https://a.id/1"]
    assert urls(speaker="Hendra Caya", query="foto") == ["https://a.id/1"]
    assert urls(speaker="Budi") == []
    assert urls(since=date(2024, 11, 1)) == ["https://b.id/2"]
    assert urls(until=date(2024, 10, 1)) == ["https://a.id/1"]
    assert urls(limit=1) == ["https://b.id/2"]


def test_user_query_syntax_never_breaks_fts(tmp_path):
    store = seeded(tmp_path)
    for query in ['"netralitas', "AND OR NOT", "col:umn", "(x", "ASN OR", "NEAR(a b)", "a-", '"" ASN']:
        store.search(SearchRequest(query=query))
    # a prefix reaches the words whose stem starts with it too (mengimbau)
    assert store._expression(parse_query("imbau* OR sanksi")) == ('(("imbau"* OR "mengimbau") OR "sanksi")', "")
    assert [h.url for h in store.search(SearchRequest(query="imbau*"))] == ["https://a.id/1"]


def test_matches_and_export(tmp_path):
    store = seeded(tmp_path)
    assert store.matches("https://a.id/1", "netralitas ASN")
    assert not store.matches("https://b.id/2", "netralitas")
    assert [d["url"] for d in store.export()] == ["https://a.id/1", "https://b.id/2"]
    assert [d["url"] for d in store.export(date(2024, 11, 1))] == ["https://b.id/2"]


def test_store_survives_reopen(tmp_path):
    seeded(tmp_path).close()
    assert SQLiteStore(tmp_path / "pantau.db").count() == 2


def test_filters_are_exact_and_user_words_never_match_filter_tokens(tmp_path):
    store = seeded(tmp_path)

    def urls(**kw):
        return [h.url for h in store.search(SearchRequest(**kw))]

    assert urls(query="ASN", tags=["netralitas-asn"], outlet="a", region="Belitung") == ["https://a.id/1"]
    assert urls(query="ASN", tags=["netralitas"]) == []  # a tag is matched whole
    assert urls(query="ASN", outlet="b") == []
    assert urls(query="ASN", region="Kepulauan Bangka") == []  # a place is matched whole
    assert urls(query="KPU", region="BENGKULU") == ["https://b.id/2"]
    assert urls(query="ASN", speaker="hendra") == ["https://a.id/1"]  # a speaker's word, any case
    assert urls(query="ASN", speaker="Hend") == []
    tag_hex = b"netralitas-asn".hex()
    for query in (tag_hex, f"t{tag_hex}", f"t{tag_hex[:6]}*", "o61"):
        assert urls(query=query) == []
        assert not store.matches("https://a.id/1", query)


def test_prefix_search_with_filters_highlights(tmp_path):
    store = seeded(tmp_path)
    hits = store.search(SearchRequest(query="netral*", tags=["imbauan"], region="Belitung"))
    assert [h.url for h in hits] == ["https://a.id/1"] and "[netralitas]" in hits[0].snippet
    hits = store.search(SearchRequest(query="netral* OR kotak", since=date(2024, 10, 1)))
    assert {h.url for h in hits} == {"https://a.id/1", "https://b.id/2"} and all("[" in h.snippet for h in hits)


def test_update_reindexes_text_and_filters(tmp_path):
    store = seeded(tmp_path)
    changed = make_article("https://a.id/1", "Bupati meminta warga menjaga kebersihan pasar.", outlet="a",
                           title="Pasar bersih", tags=("pelayanan",), regions=(BENGKULU,),
                           published=datetime(2024, 10, 1, 9, tzinfo=WIB))
    assert store.upsert(changed) is UpsertOutcome.UPDATED
    store.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert store.search(SearchRequest(query="netralitas")) == []
    assert store.search(SearchRequest(query="pasar", tags=["netralitas-asn"])) == []
    assert [h.url for h in store.search(SearchRequest(query="pasar", tags=["pelayanan"], region="Bengkulu"))] \
        == ["https://a.id/1"]
    assert store.search(SearchRequest(speaker="Hendra")) == []


def test_side_tables_are_indexed_by_article_and_speaker_search_never_scans_them(tmp_path):
    store = seeded(tmp_path)
    indexes = {name for (name,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"article_tags_article", "article_places_article", "article_people_article"} <= indexes
    plan = store.conn.execute("EXPLAIN QUERY PLAN DELETE FROM article_people WHERE article = 1").fetchall()
    assert any("article_people_article" in row[3] for row in plan)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    for request in (SearchRequest(speaker="Hendra Caya"), SearchRequest(query="foto", speaker="Hendra")):
        assert [h.url for h in store.search(request)] == ["https://a.id/1"]
    store.conn.set_trace_callback(None)
    people = [sql for sql in statements if "article_people" in sql]
    assert len(people) == 2
    for sql in people:
        details = [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql)]
        scans = [d for d in details if d.startswith("SCAN") and not d.startswith(("SCAN names", "SCAN articles_fts"))]
        assert scans == []


OLD_FTS = ("CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, quotes, "
           "tokenize = 'unicode61 remove_diacritics 2')")


def test_a_store_of_the_earlier_version_is_migrated_on_open(tmp_path):
    seeded(tmp_path).close()
    conn = sqlite3.connect(tmp_path / "pantau.db")  # turn it into a store of the earlier version
    with conn:
        rows = conn.execute("SELECT rowid, title, body, quotes FROM articles_fts").fetchall()
        conn.execute("DROP TABLE articles_fts")
        conn.execute(OLD_FTS)
        conn.executemany("INSERT INTO articles_fts (rowid, title, body, quotes) VALUES (?, ?, ?, ?)", rows)
        conn.execute("PRAGMA user_version = 0")  # made before the migrations were numbered
    conn.close()
    store = SQLiteStore(tmp_path / "pantau.db")
    store.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert "filters" in store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    hits = store.search(SearchRequest(query="netralitas", tags=["imbauan"], region="Belitung", outlet="a"))
    assert [h.url for h in hits] == ["https://a.id/1"] and "[netralitas]" in hits[0].snippet
    store.close()
    assert SQLiteStore(tmp_path / "pantau.db").search(SearchRequest(query="KPU", region="Bengkulu"))


def test_bulk_upsert_reports_each_url_and_commits_per_batch(tmp_path, monkeypatch):
    monkeypatch.setattr("pantau.store.sqlite.BULK_BATCH", 2)  # five articles: three transactions
    store = SQLiteStore(tmp_path / "pantau.db")
    store.upsert(make_article("https://a.id/0", "sudah tersimpan", fingerprint="f0"))
    store.upsert(make_article("https://a.id/1", "versi lama", fingerprint="old"))
    articles = [make_article(f"https://a.id/{i}", f"isi artikel nomor {i}", fingerprint=f"f{i}") for i in range(4)]
    articles.append(make_article("https://a.id/3", "isi artikel nomor 3", fingerprint="f3"))  # again, in the last batch
    report = store.bulk_upsert(iter(articles))
    assert {url: o.value for url, o in report.outcomes.items()} == {
        "https://a.id/0": "unchanged", "https://a.id/1": "updated", "https://a.id/2": "new", "https://a.id/3": "new",
    }
    assert report.errors == [] and store.count() == 4
    assert [h.url for h in store.search(SearchRequest(query="lama"))] == []
    assert len(store.search(SearchRequest(query="nomor"))) == 3
    again = store.bulk_upsert(articles)
    assert {o.value for o in again.outcomes.values()} == {"unchanged"}


def test_bulk_upsert_keeps_the_batches_before_a_failure(tmp_path, monkeypatch):
    monkeypatch.setattr("pantau.store.sqlite.BULK_BATCH", 2)
    store = SQLiteStore(tmp_path / "pantau.db")

    def articles():
        for i in range(3):
            yield make_article(f"https://a.id/{i}", f"isi {i}", fingerprint=f"f{i}")
        store.conn.execute("DROP TABLE article_tags")  # the store breaks while the third is in its batch
        yield make_article("https://a.id/3", "isi 3", tags=("imbauan",))

    with pytest.raises(StoreError, match="no such table"):
        store.bulk_upsert(articles())
    assert [d["url"] for d in store.export()] == ["https://a.id/0", "https://a.id/1"]


def test_a_locked_store_is_a_one_line_store_error_and_the_next_write_succeeds(tmp_path):
    """Another process holds the write lock longer than the store waits: the store raises the StoreError the
    Elasticsearch store raises when its server fails, naming the file, so callers catch one thing."""
    path = tmp_path / "pantau.db"
    store = SQLiteStore(path)
    store.upsert(make_article("https://a.id/0", "sudah tersimpan", fingerprint="f0"))
    store.conn.execute("PRAGMA busy_timeout = 50")  # give up after 50 ms instead of 30 s
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        for write in (lambda: store.upsert(make_article("https://a.id/1", "isi baru", fingerprint="f1")),
                      lambda: store.bulk_upsert([make_article("https://a.id/2", "isi lain", fingerprint="f2")])):
            with pytest.raises(StoreError) as info:
                write()
            assert str(info.value) == f"cannot write to the SQLite store {path}: database is locked"
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.upsert(make_article("https://a.id/1", "isi baru", fingerprint="f1")) is UpsertOutcome.NEW
    assert [h.url for h in store.search(SearchRequest(query="baru"))] == ["https://a.id/1"]


def test_a_file_that_is_no_database_is_a_store_error_on_open(tmp_path):
    path = tmp_path / "pantau.db"
    path.write_bytes(b"not a database at all, " * 100)
    with pytest.raises(StoreError, match=f"^cannot open the store {path}: file is not a database$"):
        open_sqlite(path)
