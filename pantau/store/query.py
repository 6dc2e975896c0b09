"""The search syntax both stores accept, parsed once into a :class:`Query` each store translates.

Before this module each store had its own copy of the grammar; now the SQLite store turns a
:class:`Query` into an FTS5 expression and the Elasticsearch store into a ``bool`` query, so
a query means the same in both (the parity table in ``tests/store/test_parity.py`` pins it).

Grammar (what ``pantau search --help`` and the README promise):

* ``word``: every word must occur, in any of its Indonesian word forms (``imbauan`` also finds
  ``mengimbau`` and ``imbau``: the stores match stems);
* ``"a phrase"``: the words in this order, **as written** (case and accents aside, no stemming):
  quoting is how an analyst says "this exact form", e.g. ``"imbauan"`` alone;
* ``prefix*``: words that start with it, as written or by their stem;
* ``a OR b``: either term will do (binds the two terms around it);
* ``-word``, ``-"a phrase"``, ``NOT word``: articles with it are left out.

A query with text but without a single word character (``--``, ``*``, ``!!``) is refused instead
of silently matching everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pantau.errors import UsageError

TermKind = Literal["word", "phrase", "prefix"]

# a token: optional "-", then a quoted phrase (closed) or a run of non-space characters
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
# what FTS5's unicode61 tokenizer keeps as a token: letters and digits ("_" separates, unlike \w)
WORD = re.compile(r"[^\W_]+")


class QuerySyntaxError(UsageError):
    """A query that cannot mean anything (no word characters)."""


@dataclass(frozen=True)
class Term:
    """One thing to look for: ``text`` is its words joined by one space, as typed."""

    kind: TermKind
    text: str

    @property
    def words(self) -> list[str]:
        return self.text.split(" ")


@dataclass(frozen=True)
class Query:
    """Every group must match (a group: any of its terms); no ``excluded`` term may match."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not self.groups and not self.excluded


def parse_query(text: str) -> Query:
    """The :class:`Query` of a user's search text; :class:`QuerySyntaxError` if it has text but no words."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join = negate = False
    for minus, phrase, bare in _TOKEN.findall(text):
        if bare == "OR" and groups and not join and not negate:
            join = True
            continue
        if bare == "NOT" and not negate:
            negate = True
            continue
        if bare:  # an unquoted token: -word, prefix*, word (or parts joined by punctuation: in order)
            minus, raw = ("-", bare[1:]) if bare.startswith("-") else ("", bare)
            words = WORD.findall(raw)
            kind: TermKind = "prefix" if raw.endswith("*") else "word" if len(words) == 1 else "phrase"
        else:
            words, kind = WORD.findall(phrase), "phrase"
        if not words:
            continue
        term = Term(kind, " ".join(words))
        if minus or negate:
            excluded.append(term)
        elif join:
            groups[-1].append(term)
        else:
            groups.append([term])
        join = negate = False
    query = Query(tuple(tuple(g) for g in groups), tuple(excluded))
    if query.empty and text.strip():
        raise QuerySyntaxError(f"the query {text.strip()!r} has no word to search for (letters or digits)")
    return query
