"""What the embedded store derives from an article besides its row: filter tokens, browse facets, word forms.

The store writes them with every article (:mod:`pantau.store.sqlite`); for the articles of a store
made before they existed, the migration that added them (:mod:`pantau.db`) does, with the same code,
so both give the same rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from pantau.store.stemming import distinct_words, stem

KNOWN_WORDS_MAX = 500_000  # words a connection remembers as indexed before it starts over (~40 MB)

# The filter tokens of one article from its stored row and side tables (the ``filters`` column of the
# full-text index): one per outlet, tag and place. A filter token is U+E000 (char(57344): a private-use
# character, a token character for FTS5 but never matched by ``\w``, so no user query can produce one),
# a kind letter and the hex of the value (FTS5 folds its case); places are lower-cased, as the NOCASE
# collation of ``article_places`` compares them. The same SQL on insert and when an index of an
# earlier version is rebuilt, so both make the same tokens.
FILTERS = """(SELECT group_concat(char(57344) || token, ' ') FROM (
    SELECT 'o' || hex(outlet) AS token FROM articles WHERE rowid = {rowid}
    UNION ALL SELECT 't' || hex(tag) FROM article_tags WHERE article = {rowid}
    UNION ALL SELECT 'p' || hex(lower(place)) FROM article_places WHERE article = {rowid}))"""


def index_derived(conn: sqlite3.Connection, rowid: int, day: str, doc: dict[str, Any], known: set[str]) -> None:
    """The article's row of ``article_facets`` and its words not yet in ``word_forms``.

    ``known``: the words this connection knows are in ``word_forms`` already (updated here).
    """
    regions = doc.get("regions") or []

    def distinct(values: Iterable[str | None]) -> str:
        return json.dumps(list(dict.fromkeys(v for v in values if v)), ensure_ascii=False)

    conn.execute(
        "INSERT INTO article_facets (article, language, month, tags, provinces, regencies, speakers) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (rowid, doc.get("language"), day[:7], distinct(doc.get("tags") or []),
         distinct(r.get("province") for r in regions), distinct(r.get("regency") for r in regions),
         distinct(q.get("speaker") for q in doc.get("quotes") or [])))
    body = doc.get("body") or ""
    # a quote is a span of the body (its words are the body's) unless a hand-made document says otherwise
    texts = [doc.get("title") or "", body, *(q["text"] for q in doc.get("quotes") or [] if q["text"] not in body)]
    new = distinct_words(texts) - known
    if new:
        conn.executemany("INSERT OR IGNORE INTO word_forms (word, stem) VALUES (?, ?)", [(w, stem(w)) for w in new])
        if len(known) > KNOWN_WORDS_MAX:
            known.clear()
        known |= new
