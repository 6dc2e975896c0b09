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

Indonesian word forms meet through ``word_forms``: every word of the index with its
Sastrawi stem (:mod:`pantau.store.stemming`). A query word is looked up by its stem and
becomes an OR of the forms the store holds (``imbauan`` → ``imbauan OR imbau OR mengimbau OR
diimbau``), so the index itself keeps the words as written: phrases match as written, and
FTS5's own ``snippet()`` highlights each form where it stands in the text. ``article_facets``
holds what the browser view (``pantau browse``) facets on, one row per article.

The tables are made and upgraded by :mod:`pantau.db`; what an article derives besides its row
(filter tokens, facets, word forms) by :mod:`pantau.store.derived`.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from pantau.analysis.region_names import names_matching
from pantau.db import add_article_store, connect
from pantau.errors import one_line
from pantau.models import Article
from pantau.store.base import (
    HIGHLIGHT_POST,
    HIGHLIGHT_PRE,
    PREFIX_TERMS_MAX,
    BulkReport,
    SearchHit,
    SearchRequest,
    StoreError,
    UpsertOutcome,
)
from pantau.store.derived import FILTERS, index_derived
from pantau.store.query import Query, Term, parse_query
from pantau.store.stemming import fold, stem
from pantau.text import shorten
from pantau.wib import local_day

BULK_BATCH = 500  # articles per transaction of bulk_upsert: about 5 MB of text, a fraction of a second
FORMS_MAX = 64  # word forms one query word is widened to (a stem has a dozen in a year of news)

_WORD = re.compile(r"\w+", re.UNICODE)
# bm25 column weights: a hit in the title counts more than one in the body; filter tokens count nothing
_BM25 = "bm25(articles_fts, 4.0, 1.0, 1.5, 0.0)"
_SNIPPET = f"snippet(articles_fts, 1, '{HIGHLIGHT_PRE}', '{HIGHLIGHT_POST}', '…', 24)"
_FILTER_MARK = chr(57344)  # U+E000, char(57344) in FILTERS
LEAD_CHARS = 200  # the snippet of a search without words: the start of the body, cut at a word
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


def _quoted(words: Iterable[str]) -> str:
    """An FTS5 string (a word or a phrase); words are letters and digits, so nothing needs escaping."""
    return '"' + " ".join(words) + '"'


def _any(alternatives: Iterable[str]) -> str:
    unique = list(dict.fromkeys(alternatives))
    return unique[0] if len(unique) == 1 else "(" + " OR ".join(unique) + ")"


class FtsExpressions:
    """The query language (:mod:`pantau.store.query`) as FTS5 expressions over a store's connection.

    Its own class because ``pantau browse`` builds the same expressions on its read-only
    connection, so a search there means what ``pantau search`` means.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.notes: list[str] = []  # what was changed in the query (a capped prefix)

    def forms(self, word: str) -> list[str]:
        """The indexed forms of a word's stem, the word itself first (``imbauan`` → imbauan, imbau, mengimbau …)."""
        folded = fold(word)
        root = stem(folded)
        rows = self.conn.execute("SELECT word FROM word_forms WHERE stem = ? LIMIT ?", (root, FORMS_MAX))
        return list(dict.fromkeys([folded, root, *(w for (w,) in rows)]))

    def prefix(self, words: list[str]) -> str:
        """``foo*``: words starting with it as written (FTS5's prefix query) or whose stem does.

        A prefix that starts more than ``PREFIX_TERMS_MAX`` indexed words (``a*``) is cut to the first
        ``PREFIX_TERMS_MAX`` of them in alphabetical order, as Elasticsearch's ``max_expansions`` does,
        and a note says so: FTS5 would otherwise merge thousands of posting lists for one query.
        """
        head, last = words[:-1], fold(words[-1])
        bounds = (last, last + "\U0010ffff")
        starting = [w for (w,) in self.conn.execute(
            "SELECT word FROM word_forms WHERE word >= ? AND word < ? ORDER BY word LIMIT ?",
            (*bounds, PREFIX_TERMS_MAX + 1))]
        if len(starting) > PREFIX_TERMS_MAX:
            self.notes.append(f"{last}* starts more than {PREFIX_TERMS_MAX} words; searched the first "
                              f"{PREFIX_TERMS_MAX} ({starting[0]} … {starting[-2]}): type more letters")
            return _any(_quoted([*head, w]) for w in starting[:PREFIX_TERMS_MAX])
        by_stem = [w for (w,) in self.conn.execute(
            "SELECT word FROM word_forms WHERE stem >= ? AND stem < ? AND NOT (word >= ? AND word < ?) LIMIT ?",
            (*bounds, *bounds, PREFIX_TERMS_MAX))]
        return _any([_quoted([*head, last]) + "*", *(_quoted([*head, w]) for w in by_stem)])

    def term(self, term: Term) -> str:
        if term.kind == "phrase":
            return _quoted(term.words)
        if term.kind == "prefix":
            return self.prefix(term.words)
        return _any(_quoted([form]) for form in self.forms(term.text))

    def build(self, query: Query) -> tuple[str, str]:
        """(what must match, what must not) as FTS5 expressions; either may be empty."""
        must = " AND ".join(_any(self.term(t) for t in group) for group in query.groups)
        must_not = " OR ".join(self.term(t) for t in query.excluded)
        return must, must_not


class SQLiteStore:
    """ArticleStore on SQLite/FTS5."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = connect(path)
        add_article_store(self.conn)
        self._known_words: set[str] = set()  # words this connection knows are in word_forms
        self.notes: list[str] = []  # what the last search changed in the query (a capped prefix)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """The disk's and the database's failures (full, read-only, locked too long, damaged) as one-line
        StoreErrors naming the file, as the Elasticsearch store names its server."""
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot {action} the SQLite store {self.path}: {one_line(str(exc))}") from exc

    # -- writing -----------------------------------------------------------
    def upsert(self, article: Article) -> UpsertOutcome:
        """Store one article in a transaction of its own: once this returns, it is on disk (the crawl)."""
        with self._errors("write to"), self._forgetting_on_error(), self.conn:
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
            with self._errors("write to"), self._forgetting_on_error(), self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                for article in batch:
                    outcome = self._write(article)
                    # the same URL twice: what happened to the store (new, then unchanged, is new)
                    if report.outcomes.get(article.url, UpsertOutcome.UNCHANGED) is UpsertOutcome.UNCHANGED:
                        report.outcomes[article.url] = outcome
        return report

    def mark_story(self, original: str, copies: Sequence[str]) -> None:
        """One transaction; the column and the document change together (browse reads the one, export the
        other). The copies of a copy are found through the partial index on ``duplicate_of``."""
        named = {f"c{i}": copy for i, copy in enumerate(copies)}
        marks = ",".join(f":{name}" for name in named)
        with self._errors("write to"), self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("UPDATE articles SET duplicate_of = NULL, doc = json_set(doc, '$.duplicate_of', NULL) "
                              "WHERE url = ? AND duplicate_of IS NOT NULL", (original,))
            if copies:
                self.conn.execute(
                    "UPDATE articles SET duplicate_of = :original, doc = json_set(doc, '$.duplicate_of', :original) "
                    f"WHERE (url IN ({marks}) OR duplicate_of IN ({marks})) AND url != :original "  # noqa: S608
                    "AND duplicate_of IS NOT :original",
                    {"original": original, **named},
                )

    @contextmanager
    def _forgetting_on_error(self) -> Iterator[None]:
        """A rolled-back transaction takes its new ``word_forms`` rows with it: forget them as known."""
        try:
            yield
        except BaseException:
            self._known_words.clear()
            raise

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
        for table in ("article_tags", "article_places", "article_people", "article_facets"):
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
        rowid = int(cur.lastrowid or 0)
        a = article.analysis
        self.conn.executemany("INSERT OR IGNORE INTO article_tags VALUES (?, ?)", [(rowid, t) for t in a.tags])
        places = {p for r in a.regions for p in (r.province, r.regency) if p}
        self.conn.executemany("INSERT OR IGNORE INTO article_places VALUES (?, ?)", [(rowid, p) for p in places])
        people = {q.speaker for q in a.quotes if q.speaker} | {o.name for o in a.officials}
        self.conn.executemany("INSERT OR IGNORE INTO article_people VALUES (?, ?)", [(rowid, p) for p in people])
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, body, quotes, filters) "
            f"VALUES (:rowid, :title, :body, :quotes, {FILTERS.format(rowid=':rowid')})",
            {"rowid": rowid, "title": article.title or "", "body": a.body,
             "quotes": "\n".join(q.text for q in a.quotes)},
        )
        index_derived(self.conn, rowid, day, doc, self._known_words)

    # -- reading -----------------------------------------------------------
    def get(self, url: str) -> dict[str, Any] | None:
        with self._errors("read"):
            row = self.conn.execute("SELECT doc FROM articles WHERE url = ?", (url,)).fetchone()
        return json.loads(row[0]) if row else None

    def get_many(self, urls: list[str]) -> list[dict[str, Any]]:
        return [doc for url in urls if (doc := self.get(url)) is not None]

    def count(self) -> int:
        with self._errors("read"):
            return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def export(self, since: date | None = None) -> Iterator[dict[str, Any]]:
        sql, params = "SELECT doc FROM articles", []
        if since is not None:
            sql += " WHERE day >= ?"
            params.append(since.isoformat())
        with self._errors("read"):
            for (doc,) in self.conn.execute(sql + " ORDER BY fetched, rowid", params):
                yield json.loads(doc)

    def _expression(self, query: Query) -> tuple[str, str]:
        """(what must match, what must not) as FTS5 expressions; notes on what was changed go to ``notes``."""
        expressions = FtsExpressions(self.conn)
        built = expressions.build(query)
        self.notes += expressions.notes
        return built

    def matches(self, url: str, query: str) -> bool:
        parsed = parse_query(query)
        with self._errors("read"):
            must, must_not = self._expression(parsed)
            row = self.conn.execute("SELECT rowid FROM articles WHERE url = ?", (url,)).fetchone()
            if row is None:
                return False
            for expr, wanted in ((must, True), (must_not, False)):
                if expr:
                    found = self.conn.execute("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
                                              (expr, row[0])).fetchone() is not None
                    if found is not wanted:
                        return False
        return True

    def search(self, request: SearchRequest) -> list[SearchHit]:
        self.notes = []
        parsed = parse_query(request.query)
        with self._errors("read"):
            must, must_not = self._expression(parsed)
            if must:
                expr = f"({must}) NOT ({must_not})" if must_not else must
                rows = self._ranked(expr, request)
            else:
                rows = self._newest(request, must_not)
        hits = []
        for doc_json, score, snippet in rows:
            doc = json.loads(doc_json)
            hits.append(SearchHit.from_doc(doc, round(float(score), 4), " ".join(str(snippet).split())))
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
            names = names_matching(request.region)
            # SQLite's lower(), as in FILTERS, so the tokens are lower-cased exactly as when indexed
            lowered = self.conn.execute("SELECT " + ", ".join("lower(?)" for _ in names), names).fetchone()
            terms.append("(" + " OR ".join(dict.fromkeys(_token("p", p.encode().hex()) for p in lowered)) + ")")
        return terms

    def _newest(self, request: SearchRequest, must_not: str = "") -> list[tuple[str, float, str]]:
        """(doc, 0, start of body) of the newest articles passing the filters (a search without words
        to look for, perhaps with words to leave out: ``must_not``)."""
        where: list[str] = []
        params: list[Any] = []
        if must_not:
            where.append("a.rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(must_not)
        for tag in request.tags:
            where.append("EXISTS (SELECT 1 FROM article_tags t WHERE t.article = a.rowid AND t.tag = ?)")
            params.append(tag)
        if request.region:
            names = names_matching(request.region)
            where.append("EXISTS (SELECT 1 FROM article_places p WHERE p.article = a.rowid AND "
                         f"p.place IN ({', '.join('?' for _ in names)}))")
            params += names
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
        sql = (f"SELECT a.doc, 0.0, substr(json_extract(a.doc, '$.body'), 1, {LEAD_CHARS + 40}) FROM articles a "
               f"WHERE 1 = 1{filters} ORDER BY a.day DESC, a.rowid DESC LIMIT ?")
        rows = self.conn.execute(sql, [*params, request.limit]).fetchall()
        return [(doc, score, shorten(lead, LEAD_CHARS)) for doc, score, lead in rows]


def _token(kind: str, hex_value: str) -> str:
    """One filter token as an FTS5 string (see ``pantau.store.derived.FILTERS``)."""
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
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(f"cannot open the store {path}: {exc}") from None
