"""The embedded store: SQLite with FTS5, zero setup, in ``<data-dir>/pantau.db``.

The JSON document is stored whole (``doc``) so export and alerts see exactly
what Elasticsearch would; tags, regions, quotes and officials are also kept in
side tables so filters are indexed lookups, and title/body/quotes go into an
FTS5 table for ranked, highlighted full-text search.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pantau.models import Article
from pantau.state import connect
from pantau.store.base import HIGHLIGHT_POST, HIGHLIGHT_PRE, SearchHit, SearchRequest, UpsertOutcome

WIB = ZoneInfo("Asia/Jakarta")

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL UNIQUE,
    outlet TEXT NOT NULL,
    title TEXT,
    published TEXT,
    day TEXT NOT NULL,              -- local (WIB) date of published, else fetched: date filters and sort
    fetched TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    duplicate_of TEXT,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet, day);
CREATE INDEX IF NOT EXISTS articles_day ON articles (day);
CREATE TABLE IF NOT EXISTS article_tags (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (tag, article)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS article_places (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    place TEXT NOT NULL COLLATE NOCASE,     -- a province or a regency name
    PRIMARY KEY (place, article)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS article_people (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,      -- quoted speakers and named officials
    PRIMARY KEY (name, article)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, quotes, tokenize = 'unicode61 remove_diacritics 2'
);
"""

_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"|(\S+)')
# bm25 column weights: a hit in the title counts more than one in the body
_BM25 = "bm25(articles_fts, 4.0, 1.0, 1.5)"


def fts_query(query: str) -> str:
    """Turn user words into a safe FTS5 expression: every word (or "quoted phrase") must occur.

    ``OR`` between two words is kept as FTS5's OR; a trailing ``*`` keeps prefix search
    (``imbau*``). Anything else is quoted, so user text never breaks the FTS syntax.
    """
    parts: list[str] = []
    for phrase, word in _PHRASE.findall(query):
        if word == "OR" and parts and parts[-1] != "OR":
            parts.append("OR")
            continue
        text = phrase or word
        tokens = _WORD.findall(text)
        if not tokens:
            continue
        prefix = "*" if word.endswith("*") and not phrase else ""
        parts.append('"' + " ".join(tokens) + '"' + prefix)
    if parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts)


def local_day(value: datetime) -> str:
    return value.astimezone(WIB).date().isoformat()


class SQLiteStore:
    """ArticleStore on SQLite/FTS5."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = connect(path)
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    # -- writing -----------------------------------------------------------
    def upsert(self, article: Article) -> UpsertOutcome:
        doc = article.to_doc()
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            row = self.conn.execute(
                "SELECT rowid, fingerprint FROM articles WHERE url = ?", (article.url,)
            ).fetchone()
            if row and row[1] == article.fingerprint:
                return UpsertOutcome.UNCHANGED
            if row:
                rowid = row[0]
                self._delete_rows(rowid)
                outcome = UpsertOutcome.UPDATED
            else:
                rowid = None
                outcome = UpsertOutcome.NEW
            self._insert(rowid, article, doc)
        return outcome

    def _delete_rows(self, rowid: int) -> None:
        self.conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (rowid,))
        for table in ("article_tags", "article_places", "article_people"):
            self.conn.execute(f"DELETE FROM {table} WHERE article = ?", (rowid,))  # noqa: S608
        self.conn.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))

    def _insert(self, rowid: int | None, article: Article, doc: dict[str, Any]) -> None:
        day = local_day(article.published or article.fetched)
        cur = self.conn.execute(
            "INSERT INTO articles (rowid, id, url, outlet, title, published, day, fetched, fingerprint, "
            "duplicate_of, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rowid, doc["id"], article.url, article.outlet, article.title, doc["published"], day,
             doc["fetched"], article.fingerprint, article.duplicate_of, json.dumps(doc, ensure_ascii=False)),
        )
        rowid = cur.lastrowid
        a = article.analysis
        self.conn.executemany("INSERT OR IGNORE INTO article_tags VALUES (?, ?)", [(rowid, t) for t in a.tags])
        places = {p for r in a.regions for p in (r.province, r.regency) if p}
        self.conn.executemany("INSERT OR IGNORE INTO article_places VALUES (?, ?)", [(rowid, p) for p in places])
        people = {q.speaker for q in a.quotes if q.speaker} | {o.name for o in a.officials}
        self.conn.executemany("INSERT OR IGNORE INTO article_people VALUES (?, ?)", [(rowid, p) for p in people])
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, body, quotes) VALUES (?, ?, ?, ?)",
            (rowid, article.title or "", a.body, "\n".join(q.text for q in a.quotes)),
        )

    # -- reading -----------------------------------------------------------
    def get(self, url: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT doc FROM articles WHERE url = ?", (url,)).fetchone()
        return json.loads(row[0]) if row else None

    def get_many(self, urls: list[str]) -> list[dict[str, Any]]:
        return [doc for url in urls if (doc := self.get(url)) is not None]

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def export(self, since: date | None = None) -> Iterator[dict[str, Any]]:
        sql, params = "SELECT doc FROM articles", []
        if since is not None:
            sql += " WHERE day >= ?"
            params.append(since.isoformat())
        for (doc,) in self.conn.execute(sql + " ORDER BY fetched, rowid", params):
            yield json.loads(doc)

    def matches(self, url: str, query: str) -> bool:
        expr = fts_query(query)
        if not expr:
            return True
        row = self.conn.execute(
            "SELECT 1 FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE a.url = ? AND articles_fts MATCH ?", (url, expr)
        ).fetchone()
        return row is not None

    def search(self, request: SearchRequest) -> list[SearchHit]:
        where: list[str] = []
        params: list[Any] = []
        expr = fts_query(request.query)
        for tag in request.tags:
            where.append("EXISTS (SELECT 1 FROM article_tags t WHERE t.article = a.rowid AND t.tag = ?)")
            params.append(tag)
        if request.region:
            where.append("EXISTS (SELECT 1 FROM article_places p WHERE p.article = a.rowid AND "
                         "(p.place = ? OR p.place = 'Kabupaten ' || ? OR p.place = 'Kota ' || ?))")
            params += [request.region] * 3
        if request.outlet:
            where.append("a.outlet = ?")
            params.append(request.outlet)
        if request.speaker:
            for word in _WORD.findall(request.speaker):
                where.append("EXISTS (SELECT 1 FROM article_people s WHERE s.article = a.rowid AND "
                             "(' ' || s.name || ' ') LIKE ?)")
                params.append(f"% {word} %")
        if request.since:
            where.append("a.day >= ?")
            params.append(request.since.isoformat())
        if request.until:
            where.append("a.day <= ?")
            params.append(request.until.isoformat())
        filters = "".join(f" AND {w}" for w in where)
        if expr:
            sql = (
                f"SELECT a.doc, -{_BM25} AS score, "
                f"snippet(articles_fts, 1, '{HIGHLIGHT_PRE}', '{HIGHLIGHT_POST}', '…', 24) "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                f"WHERE articles_fts MATCH ?{filters} ORDER BY {_BM25} LIMIT ?"
            )
            rows = self.conn.execute(sql, [expr, *params, request.limit]).fetchall()
        else:
            sql = (f"SELECT a.doc, 0.0, substr(json_extract(a.doc, '$.body'), 1, 200) FROM articles a "
                   f"WHERE 1 = 1{filters} ORDER BY a.day DESC, a.rowid DESC LIMIT ?")
            rows = self.conn.execute(sql, [*params, request.limit]).fetchall()
        hits = []
        for doc_json, score, snippet in rows:
            doc = json.loads(doc_json)
            hits.append(SearchHit(
                id=doc["id"], url=doc["url"], title=doc["title"], outlet=doc["outlet"],
                published=doc["published"], tags=doc["tags"], regions=doc["regions"],
                score=round(float(score), 4), snippet=" ".join(str(snippet).split()),
            ))
        return hits


def open_sqlite(path: Path) -> SQLiteStore:
    try:
        return SQLiteStore(path)
    except sqlite3.DatabaseError as exc:
        from pantau.errors import PantauError

        raise PantauError(f"cannot open the store {path}: {exc}") from None
