"""Which page of a syndicated story is its original: the publication-time rule, and storing by it in a real
SQLite data dir (store, crawl state and the views read from them)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers import make_article

from pantau.models import Article
from pantau.state import CrawlState, Placement, body_sketch
from pantau.store.base import SearchRequest, UpsertOutcome
from pantau.store.sqlite import SQLiteStore
from pantau.stories import came_first, place, store_in_story, story_time

WIB = timezone(timedelta(hours=7))
STORY = " ".join(f"Kalimat {i} tentang sekda yang mengingatkan ASN tidak mengunggah foto bersama caleg di Belitung."
                 for i in range(12))
NOV_30 = datetime(2023, 11, 30, 10, 0, tzinfo=WIB)
DEC_1 = datetime(2023, 12, 1, 8, 0, tzinfo=WIB)
DEC_2 = datetime(2023, 12, 2, 8, 0, tzinfo=WIB)
FETCHED = datetime(2024, 10, 2, 1, 0, tzinfo=UTC)  # make_article's fetch time: after every publication here


def republished(by: str) -> str:
    return f"BELITUNG, {by} - " + STORY + f" (Penulis: Redaksi {by})"


# -- the rule --------------------------------------------------------------------------------------------


def test_a_page_without_publication_time_counts_by_its_fetch_time() -> None:
    assert story_time(None, FETCHED) == FETCHED
    assert story_time(NOV_30, FETCHED) == NOV_30
    assert story_time(datetime(2023, 11, 30, 10, 0), FETCHED) == NOV_30  # no zone: WIB, as pantau reads dates


def test_the_earlier_publication_is_the_original_and_equal_times_keep_the_stored_one() -> None:
    assert came_first(NOV_30, DEC_1) and not came_first(DEC_1, NOV_30)
    assert not came_first(DEC_1, DEC_1)  # a tie: the page stored earlier stays the original
    assert not came_first(DEC_1, DEC_1.astimezone(UTC))  # the same instant in another zone is a tie too
    assert came_first(datetime(2023, 12, 1, 0, 30, tzinfo=UTC), DEC_1)  # 07:30 WIB: half an hour earlier


def test_placement_beside_the_stored_original_it_resembles() -> None:
    copy = make_article("https://kabar.id/1", republished("KABAR"), published=DEC_1)
    original = make_article("https://antara.id/1", STORY, published=NOV_30)
    assert place(original, None) == Placement("https://antara.id/1")
    assert place(original, copy.to_doc()) == Placement("https://antara.id/1", ("https://kabar.id/1",))
    assert place(copy, original.to_doc()) == Placement("https://antara.id/1", ("https://kabar.id/1",))
    same_time = make_article("https://lain.id/1", republished("LAIN"), published=DEC_1)
    assert place(same_time, copy.to_doc()) == Placement("https://kabar.id/1", ("https://lain.id/1",))
    undated = make_article("https://tanpa.id/1", republished("TANPA"))
    undated.published = None  # fetched 2024-10-02: later than the stored page's publication
    assert place(undated, copy.to_doc()).original == "https://kabar.id/1"
    stored_undated = undated.to_doc()  # the stored page has no date: its fetch time counts
    assert place(copy, stored_undated) == Placement("https://kabar.id/1", ("https://tanpa.id/1",))


# -- storing by it -------------------------------------------------------------------------------------


@pytest.fixture
def parts(tmp_path: Path):
    db = tmp_path / "pantau.db"
    store, state = SQLiteStore(db), CrawlState(db)
    yield store, state
    store.close()
    state.close()


def put(parts, article: Article) -> tuple[str | None, UpsertOutcome, str | None]:
    store, state = parts
    stored = store_in_story(store, state, article, body_sketch(article.analysis.body))
    return stored.article.duplicate_of, stored.outcome, stored.demoted


def marks(store: SQLiteStore) -> dict[str, str | None]:
    """Every article's mark, checked to be the same in its column (browse) and its document (export)."""
    column = dict(store.conn.execute("SELECT url, duplicate_of FROM articles"))
    assert column == {d["url"]: d["duplicate_of"] for d in store.export()}
    assert column == dict(store.conn.execute("SELECT url, duplicate_of FROM article_list"))
    return column


def test_the_original_stored_after_its_copies_takes_their_place(parts) -> None:
    store, state = parts
    first = make_article("https://kabar.id/1", republished("KABAR"), published=DEC_1, tags=("netralitas-asn",))
    second = make_article("https://lain.id/1", republished("LAIN"), published=DEC_2)
    original = make_article("https://antara.id/1", STORY, published=NOV_30)
    assert put(parts, first) == (None, UpsertOutcome.NEW, None)  # nothing to compare with yet
    assert put(parts, second) == ("https://kabar.id/1", UpsertOutcome.NEW, None)
    before = store.get("https://kabar.id/1")
    assert put(parts, original) == (None, UpsertOutcome.NEW, "https://kabar.id/1")
    assert marks(store) == {"https://antara.id/1": None, "https://kabar.id/1": "https://antara.id/1",
                            "https://lain.id/1": "https://antara.id/1"}  # one story, one original
    after = store.get("https://kabar.id/1")
    assert after == {**before, "duplicate_of": "https://antara.id/1"}  # nothing else of it changed
    assert {h.url: h.duplicate_of for h in store.search(SearchRequest(query="caleg"))} == marks(store)
    # the crawl state agrees: only the original is looked up as the source of a further copy
    assert {u for (u,) in state.conn.execute("SELECT url FROM body_sketches")} == {"https://antara.id/1"}
    assert dict(state.conn.execute("SELECT url, original FROM story_links")) == {
        "https://kabar.id/1": "https://antara.id/1", "https://lain.id/1": "https://antara.id/1"}
    late = make_article("https://akhir.id/1", republished("AKHIR"), published=DEC_2)
    assert put(parts, late) == ("https://antara.id/1", UpsertOutcome.NEW, None)


def test_a_copy_stored_after_its_original_leaves_the_original_alone(parts) -> None:
    store, _ = parts
    put(parts, make_article("https://antara.id/1", STORY, published=NOV_30))
    original = store.get("https://antara.id/1")
    assert put(parts, make_article("https://kabar.id/1", republished("KABAR"), published=DEC_1)) == (
        "https://antara.id/1", UpsertOutcome.NEW, None)
    assert store.get("https://antara.id/1") == original
    assert put(parts, make_article("https://sama.id/1", republished("SAMA"), published=NOV_30))[0] == \
        "https://antara.id/1"  # published at the same time: the one stored earlier stays the original


def test_a_page_stored_with_the_wrong_mark_is_put_right_when_stored_again_unchanged(parts) -> None:
    """An earlier pantau stored whichever page came first as the original: the original, stored as a copy of
    its republication, is put right when a crawl stores it again, even unchanged."""
    store, state = parts
    republication = make_article("https://kabar.id/1", republished("KABAR"), published=DEC_1)
    original = make_article("https://antara.id/1", STORY, published=NOV_30)
    put(parts, republication)
    store.upsert(make_article(original.url, STORY, published=NOV_30, duplicate_of=republication.url))
    state.record_page(original.url, "contoh", "stored", FETCHED)
    assert marks(store) == {"https://kabar.id/1": None, "https://antara.id/1": "https://kabar.id/1"}
    assert put(parts, original) == (None, UpsertOutcome.UNCHANGED, "https://kabar.id/1")
    assert marks(store) == {"https://antara.id/1": None, "https://kabar.id/1": "https://antara.id/1"}
    # a copy of a page no longer stored resembles no stored original: stored again unchanged, it is one
    orphan = make_article("https://yatim.id/1", STORY.replace("caleg", "calon").replace("Belitung", "Bangka"),
                          duplicate_of="https://hilang.id/1")
    store.upsert(orphan)
    assert put(parts, replace(orphan, duplicate_of=None)) == (None, UpsertOutcome.UNCHANGED, None)
    assert marks(store)["https://yatim.id/1"] is None


def test_an_original_that_turns_out_a_copy_takes_its_copies_along(parts) -> None:
    """No page is ever marked as the copy of a copy, so "syndicated copy of X" always names a source."""
    store, _ = parts
    other = " ".join(f"Kalimat {i} tentang Bawaslu Bangka yang memetakan kerawanan pelanggaran netralitas."
                     for i in range(12))
    put(parts, make_article("https://x.id/1", other, published=DEC_1))
    put(parts, make_article("https://c.id/1", "BANGKA - " + other, published=DEC_2))
    put(parts, make_article("https://y.id/1", STORY, published=NOV_30))
    # x.id's page is updated to carry y.id's story, published after it: a copy now, with its copy
    assert put(parts, make_article("https://x.id/1", republished("X"), published=DEC_1))[:2] == (
        "https://y.id/1", UpsertOutcome.UPDATED)
    assert marks(store) == {"https://y.id/1": None, "https://x.id/1": "https://y.id/1",
                            "https://c.id/1": "https://y.id/1"}


def test_mark_story_never_makes_a_page_its_own_copy_and_moves_the_copies_of_copies(parts) -> None:
    store, _ = parts
    for url, mark in (("https://a.id/1", None), ("https://b.id/1", "https://a.id/1"),
                      ("https://c.id/1", "https://a.id/1"), ("https://o.id/1", "https://a.id/1"),
                      ("https://x.id/1", None)):
        store.upsert(make_article(url, f"Isi berita {url}.", duplicate_of=mark))
    store.mark_story("https://o.id/1", ["https://a.id/1"])
    assert marks(store) == {"https://a.id/1": "https://o.id/1", "https://b.id/1": "https://o.id/1",
                            "https://c.id/1": "https://o.id/1", "https://o.id/1": None, "https://x.id/1": None}
    with closing(sqlite3.connect(store.path)) as conn:  # the document stays a JSON object of the same keys
        doc = json.loads(conn.execute("SELECT doc FROM articles WHERE url = 'https://a.id/1'").fetchone()[0])
    assert list(doc) == list(make_article("https://a.id/1", "x").to_doc())
