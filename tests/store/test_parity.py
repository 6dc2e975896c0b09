"""Parity of the two stores, as a table: for each query, the articles the embedded store must return on
the corpus below, and the Elasticsearch request body that expresses the same query (golden JSON in
``golden/parity_<name>.json``; regenerate with ``PANTAU_REGEN_GOLDEN=1``). With
``PANTAU_TEST_ELASTICSEARCH_URL`` set, the corpus is also indexed into a fresh index on that server
and the server must return the same articles.

The two stores stem with different stemmers (Sastrawi here, Lucene's ``indonesian`` analyzer there),
so the table uses words both reduce alike (``imbauan``/``mengimbau``/``diimbau`` → ``imbau``,
``kenetralan`` → ``netral``, ``laporan``/``dilaporkan`` → ``lapor``) and no stopword of Lucene's
Indonesian list (``tidak``, ``yang``, ``dan`` …), which Elasticsearch drops from a stemmed query.
Where they differ (``menetralkan``: Sastrawi ``netral``, Lucene ``etral``) the README says so.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers import check_golden

from pantau.models import Analysis, Article, Official, Quote, Region
from pantau.store.base import SearchRequest
from pantau.store.elastic import ElasticStore, build_search_body
from pantau.store.sqlite import SQLiteStore

WIB = timezone(timedelta(hours=7))
BABEL = Region("Kepulauan Bangka Belitung", "Kabupaten Belitung")
BENGKULU = Region("Bengkulu", "Kota Bengkulu")

# key: (outlet, day of November 2024, title, body, tags, region, speaker)
CORPUS: dict[str, tuple[str, int, str, str, tuple[str, ...], Region, str | None]] = {
    "imbauan": ("antara-babel", 1, "Imbauan Sekda soal media sosial",
                "Sekda Belitung menyampaikan imbauan kepada pegawai agar bijak bermedia sosial.",
                ("netralitas-asn", "imbauan", "media-sosial"), BABEL, None),
    "mengimbau": ("antara-babel", 2, "Bupati bicara soal pilkada",
                  'Bupati mengimbau pegawai menjaga sikap. "Jangan ikut kampanye," kata Bupati Belitung.',
                  ("netralitas-asn", "imbauan", "kampanye"), BABEL, "Sahani Saleh"),
    "diimbau": ("bengkulu-ekspres", 3, "Kepala desa diimbau menjauhi kampanye",
                "Para kepala desa diimbau menjauhi kampanye pasangan calon.",
                ("netralitas-asn", "imbauan", "perangkat-desa"), BENGKULU, None),
    "kenetralan": ("bengkulu-ekspres", 4, "Kenetralan aparatur dipersoalkan",
                   "Kenetralan aparatur dipersoalkan warga setelah foto beredar.",
                   ("netralitas-asn",), BENGKULU, None),
    "netral": ("antara-babel", 5, "Pegawai harus netral",
               "Pegawai harus netral selama pemilihan kepala daerah, kata Sekda.",
               ("netralitas-asn",), BABEL, "Hendra Caya"),
    "netralitas": ("antara-babel", 6, "Netralitas diuji",
                   "Netralitas pegawai diuji menjelang pilkada serentak.", ("netralitas-asn",), BABEL, None),
    "laporan": ("bengkulu-ekspres", 7, "Laporan warga masuk Bawaslu",
                "Bawaslu menerima laporan warga tentang unggahan seorang camat.",
                ("netralitas-asn", "pelaporan"), BENGKULU, None),
    "dilaporkan": ("antara-babel", 8, "Camat dilaporkan",
                   "Seorang camat dilaporkan karena mengunggah foto bersama calon.",
                   ("netralitas-asn", "dugaan-pelanggaran"), BABEL, None),
    "cabai": ("bengkulu-ekspres", 9, "Harga cabai naik", "Harga cabai di pasar naik menjelang akhir tahun.",
              (), BENGKULU, None),
}

# name: (request, the corpus keys the embedded store returns, and the server must return)
PARITY: dict[str, tuple[SearchRequest, set[str]]] = {
    "word_forms": (SearchRequest(query="imbauan"), {"imbauan", "mengimbau", "diimbau"}),
    "word_forms_affixed": (SearchRequest(query="mengimbau"), {"imbauan", "mengimbau", "diimbau"}),
    "ke_an": (SearchRequest(query="kenetralan"), {"kenetralan", "netral"}),
    "suffix_and_prefix": (SearchRequest(query="laporan"), {"laporan", "dilaporkan"}),
    "every_word": (SearchRequest(query="imbauan kampanye"), {"mengimbau", "diimbau"}),
    "phrase_as_written": (SearchRequest(query='"kepala desa diimbau"'), {"diimbau"}),
    "phrase_not_stemmed": (SearchRequest(query='"imbauan"'), {"imbauan"}),
    "prefix": (SearchRequest(query="netral*"), {"kenetralan", "netral", "netralitas"}),
    "or": (SearchRequest(query="kenetralan OR cabai"), {"kenetralan", "netral", "cabai"}),
    "exclude": (SearchRequest(query="imbauan -kampanye"), {"imbauan"}),
    "exclude_not_phrase": (SearchRequest(query='imbauan NOT "kepala desa"'), {"imbauan", "mengimbau"}),
    "exclude_only": (SearchRequest(query="-pilkada", tags=["netralitas-asn"]),
                     {"imbauan", "diimbau", "kenetralan", "netral", "laporan", "dilaporkan"}),
    "tag": (SearchRequest(query="imbauan", tags=["kampanye"]), {"mengimbau"}),
    "region": (SearchRequest(query="imbauan", region="Belitung"), {"imbauan", "mengimbau"}),
    "province": (SearchRequest(query="laporan", region="Bengkulu"), {"laporan"}),
    "outlet": (SearchRequest(query="netral*", outlet="bengkulu-ekspres"), {"kenetralan"}),
    "speaker": (SearchRequest(speaker="Hendra"), {"netral"}),
    "dates": (SearchRequest(query="imbauan", since=date(2024, 11, 2), until=date(2024, 11, 3)),
              {"mengimbau", "diimbau"}),
}


def corpus() -> list[Article]:
    articles = []
    for key, (outlet, day, title, body, tags, region, speaker) in CORPUS.items():
        quotes, officials = [], []
        if speaker:
            start = body.index('"') + 1 if '"' in body else 0
            end = body.index('"', start) if '"' in body else len(body)
            quotes = [Quote(body[start:end], speaker, "Sekretaris Daerah", start, end)]
            officials = [Official(speaker, "Sekretaris Daerah")]
        articles.append(Article(
            url=f"https://{outlet}.test/berita/{key}", outlet=outlet, title=title,
            published=datetime(2024, 11, day, 10, tzinfo=WIB), fetched=datetime(2024, 11, day, 5, tzinfo=UTC),
            analysis=Analysis(language="id", body=body, tags=list(tags), regions=[region], officials=officials,
                              quotes=quotes),
            fingerprint=key))
    return articles


def keys(hits: list) -> set[str]:
    return {h.url.rsplit("/", 1)[1] for h in hits}


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    store = SQLiteStore(Path(tmp_path_factory.mktemp("parity")) / "pantau.db")
    store.bulk_upsert(corpus())
    yield store
    store.close()


@pytest.mark.parametrize("name", sorted(PARITY))
def test_embedded_store_returns_the_table(sqlite_store: SQLiteStore, name: str) -> None:
    request, expected = PARITY[name]
    assert keys(sqlite_store.search(request)) == expected


@pytest.mark.parametrize("name", sorted(PARITY))
def test_elasticsearch_body_of_the_table_golden(name: str) -> None:
    check_golden(f"parity_{name}", build_search_body(PARITY[name][0]))


def test_the_table_covers_every_query_form() -> None:
    queries = " ".join(r.query for r, _ in PARITY.values())
    for form in ('"', "*", " OR ", " -", "NOT "):
        assert form in queries
    requests = [r for r, _ in PARITY.values()]
    assert all(any(getattr(r, f) for r in requests) for f in ("tags", "region", "outlet", "speaker", "since"))


URL = os.environ.get("PANTAU_TEST_ELASTICSEARCH_URL", "")


@pytest.mark.elasticsearch
@pytest.mark.skipif(not URL, reason="PANTAU_TEST_ELASTICSEARCH_URL not set (needs a live Elasticsearch)")
def test_elasticsearch_returns_the_table() -> None:
    index = f"pantau-parity-{uuid.uuid4().hex[:10]}"
    store = ElasticStore(URL, index)
    try:
        store.ensure_index()
        store.bulk_upsert(corpus())
        store._client.indices.refresh(index=index)
        for name, (request, expected) in sorted(PARITY.items()):
            assert keys(store.search(request)) == expected, name
    finally:
        lenient = store._client.options(ignore_status=404)
        lenient.indices.delete(index=f"{index}-v1")
        lenient.indices.delete_index_template(name=f"{index}-v1")
        store.close()
