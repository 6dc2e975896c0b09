"""pantau.db opens the same way for everything that uses it, and a data dir of an earlier pantau upgrades.

``tests/data/pantau-db-59542a1/pantau.db`` was written by the previous release's own code (how: its
README): articles, crawl state, queued alerts and a run, before the schema was numbered.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import TESTS, make_article, run_pantau

from pantau.alerts.outbox import Outbox
from pantau.db import SCHEMA_VERSION, connect
from pantau.errors import PantauError
from pantau.runs import RunLog
from pantau.state import CrawlState, body_sketch
from pantau.store.base import SearchRequest
from pantau.store.sqlite import SQLiteStore

PREVIOUS_RELEASE = TESTS / "data" / "pantau-db-59542a1" / "pantau.db"
PROGRESS = "preparing stemmed search and browse facets for 10 stored articles (once)"
# what the previous release stored, by table (its full-text index is checked by searching)
KEPT = ("pages", "aliases", "sources", "sketches", "body_sketches", "articles", "article_tags", "article_places",
        "article_people", "alerts", "runs")
with closing(sqlite3.connect(f"file:{PREVIOUS_RELEASE}?mode=ro", uri=True)) as _old:
    OLD_COLUMNS = {table: [col[1] for col in _old.execute(f"PRAGMA table_info('{table}')")] for table in KEPT}
    # antara-babel's syndicated copy of kabar-serumpun's story
    COPY, ORIGINAL = _old.execute("SELECT url, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL").fetchone()


def previous_release(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(PREVIOUS_RELEASE, data / "pantau.db")
    return data / "pantau.db"


def rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """The rows of the previous release's tables, in the columns it had."""
    with closing(sqlite3.connect(db)) as conn:
        return {table: conn.execute(f"SELECT {', '.join(OLD_COLUMNS[table])} FROM {table} ORDER BY 1, 2").fetchall()
                for table in KEPT}


def schema(db: Path) -> list[tuple[object, ...]]:
    """Tables, indexes and views by name, and every table's columns (name, type, not null, default)."""
    with closing(sqlite3.connect(db)) as conn:
        names = conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                             "ORDER BY name").fetchall()
        columns = [(table, *col[1:5]) for _, table in names if _ == "table"
                   for col in conn.execute(f"PRAGMA table_info('{table}')")]
    return [*names, *columns]


def version(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def test_the_previous_release_s_data_dir_is_upgraded_once_and_keeps_its_data(tmp_path: Path, capsys) -> None:
    db = previous_release(tmp_path)
    before = rows(db)
    assert version(db) == 0 and len(before["articles"]) == 10

    store = SQLiteStore(db)
    assert PROGRESS in capsys.readouterr().err  # the derived tables are filled once, saying so
    assert version(db) == SCHEMA_VERSION
    assert rows(db) == before  # every row kept, the new columns aside (checked below)
    stored = {row[OLD_COLUMNS["articles"].index("url")] for row in before["articles"]}
    found = {h.url for h in store.search(SearchRequest(query="netralitas"))}
    assert len(found) == 3 and found <= stored
    # no article says "peringatan": its stem's forms (ingatkan, diingatkan) are in the words filled on upgrade
    assert len(store.search(SearchRequest(query="peringatan"))) == 3
    assert {h.url for h in store.search(SearchRequest(query="caleg", region="Belitung"))} == {COPY, ORIGINAL}
    assert store.conn.execute("SELECT count(*) FROM article_list").fetchone()[0] == 10
    copy = store.get(COPY)
    assert copy is not None and copy["duplicate_of"] == ORIGINAL
    store.close()

    state = CrawlState(db)
    assert set(state.outlet_health()) == {"antara-babel", "kabar-serumpun"}  # from the stored pages
    assert state.known_page(ORIGINAL) is not None
    assert state.find_copy_of(COPY, body_sketch(copy["body"])) == ORIGINAL  # the sketches still compare
    state.close()
    outbox = Outbox(db)
    alerts = outbox.rows()
    assert len(alerts) == 6 and {a.claimed_by for a in alerts} == {None}
    assert {(a.rule, a.attempts) for a in alerts} == {("netral-babel", 1), ("harian", 0)}
    outbox.close()
    log = RunLog(db)
    last = log.last("antara-babel")
    assert last is not None and (last.outcome, last.new, last.origin) == ("ok", 9, "schedule")
    log.close()


def test_opening_an_upgraded_database_again_changes_nothing_and_takes_no_write_lock(tmp_path: Path, capsys) -> None:
    db = previous_release(tmp_path)
    connect(db).close()
    upgraded, upgraded_schema = rows(db), schema(db)
    capsys.readouterr()
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a crawl writing: an up-to-date database opens all the same
    try:
        for opened in (SQLiteStore(db), CrawlState(db), Outbox(db), RunLog(db)):
            opened.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert capsys.readouterr().err == ""
    assert (rows(db), schema(db), version(db)) == (upgraded, upgraded_schema, SCHEMA_VERSION)


def test_a_database_this_version_made_before_it_counted_opens_unchanged(tmp_path: Path, capsys) -> None:
    """What the code just before this one left: today's tables, ``user_version`` 0."""
    db = tmp_path / "pantau.db"
    store = SQLiteStore(db)
    store.upsert(make_article("https://a.id/1", "Bupati mengimbau ASN menjaga netralitas.", tags=("imbauan",)))
    store.close()
    state = CrawlState(db)
    state.record_run("a", datetime(2024, 11, 5, tzinfo=UTC), failed=False, new=1)
    state.record_page("https://b.id/1", "b", "stored", datetime(2024, 11, 5, tzinfo=UTC))  # no run of b yet
    state.close()
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA user_version = 0")
        conn.commit()
    before, before_schema = rows(db), schema(db)
    capsys.readouterr()
    for part in (SQLiteStore, CrawlState, Outbox, RunLog):
        part(db).close()
    assert capsys.readouterr().err == ""  # nothing to fill: the derived tables are there
    assert (rows(db), schema(db), version(db)) == (before, before_schema, SCHEMA_VERSION)
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT outlet FROM outlet_health").fetchall() == [("a",)]  # not seeded again


def test_a_database_made_now_has_the_schema_an_upgraded_one_ends_up_with(tmp_path: Path) -> None:
    old = previous_release(tmp_path)
    SQLiteStore(old).close()
    new = tmp_path / "new" / "pantau.db"
    for part in (CrawlState, Outbox, RunLog, SQLiteStore):
        part(new).close()
    assert schema(new) == schema(old)


def test_without_the_embedded_store_no_article_table_is_made_until_the_store_is_used(tmp_path: Path) -> None:
    """The Elasticsearch deployment keeps crawl state, outbox and runs in pantau.db, not the articles."""
    db = tmp_path / "pantau.db"
    for part in (CrawlState, Outbox, RunLog):
        part(db).close()
    with closing(sqlite3.connect(db)) as conn:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    assert {"pages", "outlet_health", "health_notices", "alerts", "runs"} <= tables
    assert not {name for name in tables if name.startswith("article")}
    assert version(db) == SCHEMA_VERSION
    store = SQLiteStore(db)  # moved back to the embedded store: its tables are made now
    assert store.count() == 0 and store.search(SearchRequest(query="apa")) == []
    store.close()


def test_a_database_of_a_newer_pantau_is_refused_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "data" / "pantau.db"
    connect(db).close()
    with closing(sqlite3.connect(db)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(PantauError, match="from a newer pantau"):
        CrawlState(db)
    proc = run_pantau("--data-dir", str(db.parent), "status", timeout=60)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "from a newer pantau" in proc.stderr


def test_processes_opening_an_old_data_dir_at_once_upgrade_it_once(tmp_path: Path) -> None:
    db = previous_release(tmp_path)
    opener = ("import pathlib, sys; from pantau.store.sqlite import SQLiteStore; "
              "SQLiteStore(pathlib.Path(sys.argv[1])).close()")
    procs = [subprocess.Popen([sys.executable, "-c", opener, str(db)], stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    errs = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errs
    assert sum(PROGRESS in e for e in errs) == 1
    assert version(db) == SCHEMA_VERSION and len(rows(db)["articles"]) == 10
