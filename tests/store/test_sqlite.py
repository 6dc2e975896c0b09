from datetime import date, datetime

from conftest import WIB, make_article

from pantau.models import Region
from pantau.store.base import SearchRequest, UpsertOutcome
from pantau.store.sqlite import SQLiteStore, fts_query

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
    for query in ['"netralitas', "AND OR NOT", "col:umn", "(", "*", "ASN OR", "NEAR(a b)"]:
        store.search(SearchRequest(query=query))
    assert fts_query("imbau* OR sanksi") == '"imbau"* OR "sanksi"'
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
