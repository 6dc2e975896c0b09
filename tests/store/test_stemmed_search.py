"""Stemmed search in the SQLite store: Indonesian word forms meet, every other query form still works."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from helpers import WIB, make_article

from pantau.models import Region
from pantau.store.base import PREFIX_TERMS_MAX, SearchRequest
from pantau.store.query import QuerySyntaxError, Term, parse_query
from pantau.store.sqlite import SQLiteStore
from pantau.store.stemming import stem

BABEL = Region("Kepulauan Bangka Belitung", "Kabupaten Belitung")

# one article per word form, so a search's URLs say which forms it reached
FORMS = {
    "https://x.id/imbauan": ("Imbauan Bupati", "Bupati menyampaikan imbauan kepada seluruh pegawai."),
    "https://x.id/mengimbau": ("Sekda bicara", 'Sekda mengimbau ASN menjaga sikap. "Jangan ikut kampanye," katanya.'),
    "https://x.id/imbau": ("Bawaslu imbau warga", "Bawaslu minta warga melapor."),
    "https://x.id/diimbau": ("Kades diimbau", "Para kepala desa diimbau tidak berpihak dalam kampanye."),
    "https://x.id/kenetralan": ("Soal kenetralan", "Kenetralan aparatur dipertanyakan warga."),
    "https://x.id/netral": ("ASN harus netral", "Pegawai diminta tetap netral selama pemilihan."),
    "https://x.id/netralitas": ("Netralitas diuji", "Netralitas pegawai diuji menjelang pilkada."),
    "https://x.id/lain": ("Harga cabai naik", "Harga cabai di pasar naik menjelang akhir tahun."),
}


def urls(store: SQLiteStore, query: str, **kw: object) -> set[str]:
    return {h.url.rsplit("/", 1)[1] for h in store.search(SearchRequest(query=query, limit=50, **kw))}


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = SQLiteStore(tmp_path / "pantau.db")
    for i, (url, (title, body)) in enumerate(FORMS.items()):
        s.upsert(make_article(url, body, title=title, outlet="a" if i % 2 else "b", regions=(BABEL,),
                              tags=("imbauan",) if "imbau" in url else (),
                              published=datetime(2024, 10, 1 + i, 9, tzinfo=WIB)))
    return s


def test_sastrawi_stems_the_forms_the_issue_names() -> None:
    assert {stem(w) for w in ("imbauan", "mengimbau", "imbau", "diimbau")} == {"imbau"}
    assert stem("kenetralan") == stem("netral") == "netral"
    assert stem("netralitas") == "netralitas"  # no -itas rule in Sastrawi: reached by netral* instead
    assert stem("2024") == "2024" and stem("pilkada2024") == "pilkada2024"


def test_a_root_and_its_affixed_forms_meet(store: SQLiteStore) -> None:
    imbau = {"imbauan", "mengimbau", "imbau", "diimbau"}
    for query in imbau:
        assert urls(store, query) == imbau, query
    assert urls(store, "kenetralan") == urls(store, "netral") == {"kenetralan", "netral"}
    assert urls(store, "netralitas") == {"netralitas"}
    assert urls(store, "IMBAUAN") == imbau  # case never mattered


def test_a_quoted_phrase_matches_as_written(store: SQLiteStore) -> None:
    assert urls(store, '"imbauan"') == {"imbauan"}
    assert urls(store, '"kepala desa diimbau"') == {"diimbau"}
    assert urls(store, '"kepala desa mengimbau"') == set()


def test_prefix_reaches_words_as_written_and_by_stem(store: SQLiteStore) -> None:
    assert urls(store, "netral*") == {"kenetralan", "netral", "netralitas"}
    assert urls(store, "imbau*") == {"imbauan", "mengimbau", "imbau", "diimbau"}


def test_or_and_every_word_and_filters(store: SQLiteStore) -> None:
    assert urls(store, "imbauan kampanye") == {"mengimbau", "diimbau"}
    assert urls(store, "kenetralan OR cabai") == {"kenetralan", "netral", "lain"}
    assert urls(store, "imbauan", tags=["imbauan"], outlet="a") == {"mengimbau", "diimbau"}
    assert urls(store, "imbauan", region="Belitung") == {"imbauan", "mengimbau", "imbau", "diimbau"}
    assert urls(store, "imbauan", since=datetime(2024, 10, 3).date()) == {"imbau", "diimbau"}


def test_excluded_words(store: SQLiteStore) -> None:
    imbau = {"imbauan", "mengimbau", "imbau", "diimbau"}
    assert urls(store, "imbauan -kampanye") == imbau - {"mengimbau", "diimbau"}
    assert urls(store, "imbauan NOT kampanye") == imbau - {"mengimbau", "diimbau"}
    assert urls(store, 'imbauan -"kepala desa"') == imbau - {"diimbau"}
    assert urls(store, "imbauan -kampanyenya") == imbau - {"mengimbau", "diimbau"}  # stemmed too
    # nothing to look for, only something to leave out: newest first without those
    hits = store.search(SearchRequest(query="-imbauan -netral", limit=50))
    assert [h.url.rsplit("/", 1)[1] for h in hits] == ["lain", "netralitas"]
    assert store.matches("https://x.id/lain", "-imbauan") and not store.matches("https://x.id/imbau", "-imbauan")
    assert store.matches("https://x.id/imbau", "imbauan") and not store.matches("https://x.id/lain", "imbauan")


def test_a_query_without_words_is_refused(store: SQLiteStore) -> None:
    for query in ("--", "*", "!!", '""', " - * "):
        with pytest.raises(QuerySyntaxError, match="has no word to search for"):
            store.search(SearchRequest(query=query))
    assert len(store.search(SearchRequest(query="   "))) == len(FORMS)  # no query at all: everything


def test_the_grammar() -> None:
    q = parse_query('"Kepala Desa" imbau* a OR b -x NOT "y z" -w* anak-anak OR')
    assert q.groups == ((Term("phrase", "Kepala Desa"),), (Term("prefix", "imbau"),),
                        (Term("word", "a"), Term("word", "b")), (Term("phrase", "anak anak"),))
    assert q.excluded == (Term("word", "x"), Term("phrase", "y z"), Term("prefix", "w"))


def test_highlight_shows_each_form_as_written_and_ranks_title_first(store: SQLiteStore) -> None:
    hits = store.search(SearchRequest(query="imbauan"))
    assert hits[0].url == "https://x.id/imbauan"  # in title and body
    snippets = {h.url.rsplit("/", 1)[1]: h.snippet for h in hits}
    assert "[mengimbau]" in snippets["mengimbau"] and "[diimbau]" in snippets["diimbau"]
    assert "[imbauan]" in snippets["imbauan"]
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_prefix_terms_are_capped_with_a_note(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "pantau.db")
    words = [f"ka{i:04d}x" for i in range(PREFIX_TERMS_MAX + 50)]
    for n in range(0, len(words), 50):
        store.upsert(make_article(f"https://x.id/{n}", " ".join(words[n:n + 50])))
    hits = store.search(SearchRequest(query="ka*"))
    assert [h.url for h in hits] == [f"https://x.id/{n}" for n in range(0, PREFIX_TERMS_MAX, 50)]
    assert store.notes == [f"ka* starts more than {PREFIX_TERMS_MAX} words; searched the first {PREFIX_TERMS_MAX} "
                           f"(ka0000x … ka{PREFIX_TERMS_MAX - 1:04d}x): type more letters"]
    assert len(store.search(SearchRequest(query="ka01*"))) == 2 and store.notes == []


def test_a_store_made_before_stemming_is_migrated_once_with_a_progress_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "pantau.db"
    store = SQLiteStore(path)
    for url, (title, body) in FORMS.items():
        store.upsert(make_article(url, body, title=title, tags=("imbauan",), regions=(BABEL,), speaker="Hendra"))
    store.close()
    conn = sqlite3.connect(path)  # back to the schema of the earlier version
    conn.executescript("DROP VIEW article_list; DROP TABLE word_forms; DROP TABLE article_facets; "
                       "PRAGMA user_version = 4;")  # the version before stemmed search
    conn.close()
    capsys.readouterr()
    store = SQLiteStore(path)
    err = capsys.readouterr().err
    assert "preparing stemmed search and browse facets for 8 stored articles (once)" in err and "done in" in err
    assert urls(store, "imbauan") == {"imbauan", "mengimbau", "imbau", "diimbau"}
    tags, provinces, speakers = store.conn.execute(
        "SELECT tags, provinces, speakers FROM article_list WHERE url = 'https://x.id/imbau'").fetchone()
    assert (json.loads(tags), json.loads(provinces), json.loads(speakers)) == (
        ["imbauan"], ["Kepulauan Bangka Belitung"], ["Hendra"])
    store.close()
    SQLiteStore(path).close()
    assert capsys.readouterr().err == ""  # once


def test_updates_and_failed_batches_keep_word_forms_and_facets_right(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "pantau.db")
    store.upsert(make_article("https://x.id/1", "Bupati mengimbau warga.", fingerprint="a"))
    store.upsert(make_article("https://x.id/1", "Bupati menetralkan suasana.", fingerprint="b"))
    assert urls(store, "imbauan") == set() and urls(store, "kenetralan") == {"1"}
    assert store.conn.execute("SELECT count(*) FROM article_facets").fetchone()[0] == 1

    def failing():
        yield make_article("https://x.id/2", "Warga diawasi petugas.")
        raise RuntimeError("the input broke")

    with pytest.raises(RuntimeError):
        store.bulk_upsert(failing())
    store.upsert(make_article("https://x.id/3", "Petugas mengawasi warga."))
    assert urls(store, "pengawasan") == {"3"}  # the rolled-back batch's words were indexed again
    assert ("diawasi",) not in store.conn.execute("SELECT word FROM word_forms").fetchall()
