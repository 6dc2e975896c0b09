"""The embedded store: SQLite with FTS5, zero setup, in ``<data-dir>/pantau.db``.

The JSON document is stored whole (``doc``) so export and alerts see exactly
what Elasticsearch would; tags, regions, quotes and officials are also kept in
side tables so filters are indexed lookups, and title/body/quotes go into an
FTS5 table for ranked, highlighted full-text search.

The FTS5 table's fourth column, ``filters``, holds one token per outlet, tag
and place of the article, so a search with those filters is one FTS5
expression: FTS5 intersects the posting lists itself and ranks only the
articles that pass, instead of ranking every article with the words and
checking each one against the side tables.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pantau.models import Article
from pantau.state import connect
from pantau.store.base import (
    HIGHLIGHT_POST,
    HIGHLIGHT_PRE,
    BulkReport,
    SearchHit,
    SearchRequest,
    UpsertOutcome,
)

WIB = ZoneInfo("Asia/Jakarta")
BULK_BATCH = 500  # articles per transaction of bulk_upsert: about 5 MB of text, a fraction of a second

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
-- by article: replacing an article deletes its rows (and the foreign-key cascade looks for them), and
-- its filter tokens are read from them; without these, each of those scans the whole side table
CREATE INDEX IF NOT EXISTS article_tags_article ON article_tags (article);
CREATE INDEX IF NOT EXISTS article_places_article ON article_places (article);
CREATE INDEX IF NOT EXISTS article_people_article ON article_people (article);
"""

# Title, body and quotes of each article, and its filter tokens: one per outlet, tag and place. A
# filter token is U+E000 (char(57344): a private-use character, a token character for FTS5 but never
# matched by ``\w``, so no user query can produce one), a kind letter and the hex of the value (FTS5
# folds its case); places are lower-cased, as the NOCASE collation of ``article_places`` compares them.
FTS_SCHEMA = """CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, quotes, filters, tokenize = 'unicode61 remove_diacritics 2'
)"""
# The filter tokens of one article from its stored row and side tables: the same SQL on insert and
# when an index of an earlier version is rebuilt, so both make the same tokens.
_FILTERS = """(SELECT group_concat(char(57344) || token, ' ') FROM (
    SELECT 'o' || hex(outlet) AS token FROM articles WHERE rowid = {rowid}
    UNION ALL SELECT 't' || hex(tag) FROM article_tags WHERE article = {rowid}
    UNION ALL SELECT 'p' || hex(lower(place)) FROM article_places WHERE article = {rowid}))"""

_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"|(\S+)')
# bm25 column weights: a hit in the title counts more than one in the body; filter tokens count nothing
_BM25 = "bm25(articles_fts, 4.0, 1.0, 1.5, 0.0)"
_SNIPPET = f"snippet(articles_fts, 1, '{HIGHLIGHT_PRE}', '{HIGHLIGHT_POST}', '…', 24)"
_FILTER_MARK = chr(57344)  # U+E000, char(57344) in _FILTERS
# A prefix query whose filter tokens leave at most this many articles gets its snippets in the ranking pass
INLINE_SNIPPETS_MAX = 300
# Articles with a person whose name has the word (as before: a LIKE on the space-padded name). The
# LIKE runs once per distinct name, found by skipping through the (name, article) key, not once
# per row of article_people.
_SPEAKER_ARTICLES = """SELECT s.article FROM article_people AS s WHERE s.name IN (
    WITH RECURSIVE names(name) AS (
        SELECT min(name) FROM article_people
        UNION ALL
        SELECT (SELECT min(p.name) FROM article_people AS p WHERE p.name > names.name) FROM names
        WHERE names.name IS NOT NULL)
    SELECT name FROM names WHERE (' ' || name || ' ') LIKE ?)"""


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
        self._ensure_fts()

    def close(self) -> None:
        self.conn.close()

    def _ensure_fts(self) -> None:
        """Create the full-text index, or rebuild one made by an earlier version (no ``filters`` column).

        The rebuild copies title, body and quotes from the old index and adds the filter tokens, once,
        in one transaction (about 20 s per 100,000 articles). An up-to-date store takes no write lock.
        """
        if "filters" in self._fts_sql():
            return
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            sql = self._fts_sql()  # again, now that no other process can be rebuilding it
            if not sql:
                self.conn.execute(FTS_SCHEMA)
            elif "filters" not in sql:
                self.conn.execute(FTS_SCHEMA.replace("articles_fts", "articles_fts_rebuilt"))
                self.conn.execute(
                    "INSERT INTO articles_fts_rebuilt (rowid, title, body, quotes, filters) "
                    f"SELECT f.rowid, f.title, f.body, f.quotes, {_FILTERS.format(rowid='f.rowid')} "
                    "FROM articles_fts f"
                )
                self.conn.execute("DROP TABLE articles_fts")
                self.conn.execute("ALTER TABLE articles_fts_rebuilt RENAME TO articles_fts")

    def _fts_sql(self) -> str:
        row = self.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
        return str(row[0]) if row else ""

    # -- writing -----------------------------------------------------------
    def upsert(self, article: Article) -> UpsertOutcome:
        """Store one article in a transaction of its own: once this returns, it is on disk (the crawl)."""
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            return self._write(article)

    def bulk_upsert(self, articles: Iterable[Article]) -> BulkReport:
        """Store many articles, ``BULK_BATCH`` per transaction (``pantau import``).

        A commit writes every page the inserts touched (three side-table indexes, the FTS5
        segments), which is most of the cost of one article in its own transaction; a batch
        shares those writes. An error rolls back the batch being written and propagates: the
        batches before it stay stored, and importing the same input again is idempotent.
        """
        report = BulkReport()
        batches = iter(articles)
        while batch := list(islice(batches, BULK_BATCH)):
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                for article in batch:
                    outcome = self._write(article)
                    # the same URL twice: what happened to the store (new, then unchanged, is new)
                    if report.outcomes.get(article.url, UpsertOutcome.UNCHANGED) is UpsertOutcome.UNCHANGED:
                        report.outcomes[article.url] = outcome
        return report

    def _write(self, article: Article) -> UpsertOutcome:
        """Insert or replace one article, inside the caller's transaction."""
        row = self.conn.execute(
            "SELECT rowid, fingerprint FROM articles WHERE url = ?", (article.url,)
        ).fetchone()
        if row and row[1] == article.fingerprint:
            return UpsertOutcome.UNCHANGED
        if row:
            self._delete_rows(row[0])
        self._insert(row[0] if row else None, article, article.to_doc())
        return UpsertOutcome.UPDATED if row else UpsertOutcome.NEW

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
            "INSERT INTO articles_fts (rowid, title, body, quotes, filters) "
            f"VALUES (:rowid, :title, :body, :quotes, {_FILTERS.format(rowid=':rowid')})",
            {"rowid": rowid, "title": article.title or "", "body": a.body,
             "quotes": "\n".join(q.text for q in a.quotes)},
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
        expr = fts_query(request.query)
        rows = self._ranked(expr, request) if expr else self._newest(request)
        hits = []
        for doc_json, score, snippet in rows:
            doc = json.loads(doc_json)
            hits.append(SearchHit(
                id=doc["id"], url=doc["url"], title=doc["title"], outlet=doc["outlet"],
                published=doc["published"], tags=doc["tags"], regions=doc["regions"],
                score=round(float(score), 4), snippet=" ".join(str(snippet).split()),
            ))
        return hits

    def _ranked(self, expr: str, request: SearchRequest) -> list[tuple[str, float, str]]:
        """(doc, score, snippet) of the best matches: rank first, then read snippets and documents of the page.

        Outlet, tags and region are filter tokens in the MATCH expression; speaker and dates, which
        are not tokens, are checked against a set of rowids built once (the ``+`` keeps SQLite from
        driving the FTS5 scan one rowid at a time from that set).
        """
        terms = self._filter_terms(request)
        match = f"({expr})" + "".join(f" AND filters : {term}" for term in terms)
        where, params = "articles_fts MATCH ?", [match]
        for word in _WORD.findall(request.speaker or ""):
            where += f" AND +articles_fts.rowid IN ({_SPEAKER_ARTICLES})"
            params.append(f"% {word} %")
        days, day_params = _day_range(request)
        if days:
            if request.outlet:  # a smaller set, from the (outlet, day) index
                days, day_params = f"outlet = ? AND {days}", [request.outlet, *day_params]
            where += f" AND +articles_fts.rowid IN (SELECT rowid FROM articles WHERE {days})"
            params += day_params
        # FTS5 expands a prefix term over the whole index each time it starts a scan, so a second scan
        # for the snippets costs as much as the ranking; when the filter tokens leave few articles,
        # the ranking pass makes their snippets right away.
        prefix = "*" in expr
        inline = prefix and bool(terms) and self._count_filtered(terms) <= INLINE_SNIPPETS_MAX
        snippet = f", {_SNIPPET}" if inline else ""
        # rowid breaks ties between equal scores, so the page is the same every time
        top = self.conn.execute(
            f"SELECT articles_fts.rowid, {_BM25}{snippet} FROM articles_fts WHERE {where} ORDER BY 2, 1 LIMIT ?",
            [*params, request.limit]).fetchall()
        if not top:
            return []
        ids = [row[0] for row in top]
        marks = ",".join("?" * len(ids))
        if inline:
            snippets = {row[0]: row[2] for row in top}
        else:
            # one scan for a prefix query (the filter tokens narrow it); else a rowid lookup per hit of
            # the page, for the user's words alone: the filter tokens are not in the body anyway
            rowid, again = ("+rowid", match) if prefix else ("rowid", expr)
            snippets = dict(self.conn.execute(
                f"SELECT rowid, {_SNIPPET} FROM articles_fts WHERE articles_fts MATCH ? AND {rowid} IN ({marks})",
                [again, *ids]))
        docs = dict(self.conn.execute(f"SELECT rowid, doc FROM articles WHERE rowid IN ({marks})", ids))  # noqa: S608
        return [(docs[row[0]], -row[1], snippets[row[0]]) for row in top]

    def _count_filtered(self, terms: list[str]) -> int:
        """How many articles have every filter term (cheap: FTS5 reads only the filter tokens' posting lists)."""
        match = " AND ".join(f"filters : {term}" for term in terms)
        return int(self.conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                     (match,)).fetchone()[0])

    def _filter_terms(self, request: SearchRequest) -> list[str]:
        """The FTS5 filter terms of the request, each to be ANDed: one token, or places ORed."""
        terms = [_token("t", tag.encode().hex()) for tag in request.tags]
        if request.outlet:
            terms.append(_token("o", request.outlet.encode().hex()))
        if request.region:
            names = (request.region, f"Kabupaten {request.region}", f"Kota {request.region}")
            # SQLite's lower(), as in _FILTERS, so the tokens are lower-cased exactly as when indexed
            lowered = self.conn.execute("SELECT lower(?), lower(?), lower(?)", names).fetchone()
            terms.append("(" + " OR ".join(dict.fromkeys(_token("p", p.encode().hex()) for p in lowered)) + ")")
        return terms

    def _newest(self, request: SearchRequest) -> list[tuple[str, float, str]]:
        """(doc, 0, start of body) of the newest articles passing the filters (a search without words)."""
        where: list[str] = []
        params: list[Any] = []
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
        for word in _WORD.findall(request.speaker or ""):
            where.append(f"a.rowid IN ({_SPEAKER_ARTICLES})")
            params.append(f"% {word} %")
        days, day_params = _day_range(request, "a.")
        if days:
            where.append(days)
            params += day_params
        filters = "".join(f" AND {w}" for w in where)
        sql = (f"SELECT a.doc, 0.0, substr(json_extract(a.doc, '$.body'), 1, 200) FROM articles a "
               f"WHERE 1 = 1{filters} ORDER BY a.day DESC, a.rowid DESC LIMIT ?")
        return self.conn.execute(sql, [*params, request.limit]).fetchall()


def _token(kind: str, hex_value: str) -> str:
    """One filter token as an FTS5 string (see ``FTS_SCHEMA``)."""
    return f'"{_FILTER_MARK}{kind}{hex_value}"'


def _day_range(request: SearchRequest, prefix: str = "") -> tuple[str, list[str]]:
    """The SQL condition on ``day`` for since/until, and its parameters."""
    conditions, params = [], []
    if request.since:
        conditions.append(f"{prefix}day >= ?")
        params.append(request.since.isoformat())
    if request.until:
        conditions.append(f"{prefix}day <= ?")
        params.append(request.until.isoformat())
    return " AND ".join(conditions), params


def open_sqlite(path: Path) -> SQLiteStore:
    try:
        return SQLiteStore(path)
    except sqlite3.DatabaseError as exc:
        from pantau.errors import PantauError

        raise PantauError(f"cannot open the store {path}: {exc}") from None
