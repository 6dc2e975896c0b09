"""Every Elasticsearch request body pantau sends, built by pure functions (no client, no server).

Pure so that they are golden-tested without a server (``tests/store/golden``) and so the SQLite
store's behaviour can be compared with them (``tests/store/test_parity.py``): the versioned index
template (from ``pantau/store/es_mappings/``), the bulk actions, the search, alert-match and export
queries, and the way a stored ``_source`` or a search hit is read back.

The search syntax is parsed once, by :func:`pantau.store.query.parse_query`; this module only
translates its :class:`~pantau.store.query.Query` into a ``bool`` query.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pantau.analysis.region_names import names_matching
from pantau.errors import PantauError
from pantau.models import Article
from pantau.store.base import HIGHLIGHT_POST, HIGHLIGHT_PRE, PREFIX_TERMS_MAX, SearchHit, SearchRequest
from pantau.store.query import Term, parse_query
from pantau.urls import article_id
from pantau.wib import local_day

MAPPINGS_DIR = Path(__file__).parent.parent / "es_mappings"
CURRENT_MAPPING_VERSION = 1


SNIPPET_CHARS = 160
# Title matches weigh double; the ``.exact`` sub-fields (standard analyzer, no
# stemming) lift documents that contain the words as typed above stem-only matches.
SEARCH_FIELDS = ("title^2", "title.exact^2", "body", "body.exact")
EXACT_FIELDS = ("title.exact^2", "body.exact")  # "a phrase" matches as written
HIT_SOURCE_FIELDS = ("id", "url", "title", "outlet", "published", "tags", "regions", "duplicate_of", "quotes")
# Fields the ES document carries beyond ``Article.to_doc()`` (see :func:`es_document`).
# They are stripped again on read so ``get``/``export`` return exactly what SQLite returns.
DERIVED_FIELDS = ("speakers", "day")



def load_index_template(index: str, version: int) -> dict[str, Any]:
    """The composable index template body for ``<index>-v<version>``, from its versioned JSON file.

    The pattern matches that one versioned index only, so templates of two
    mapping versions never overlap and both can exist during a migration.
    """
    path = MAPPINGS_DIR / f"index_template_v{version}.json"
    if not path.is_file():
        raise PantauError(f"no Elasticsearch mapping version {version} ({path.name} not found)")
    body: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {"index_patterns": [versioned_index(index, version)], **body}


def versioned_index(index: str, version: int) -> str:
    return f"{index}-v{version}"


def es_document(article: Article) -> dict[str, Any]:
    """``Article.to_doc()`` plus the derived fields of :data:`DERIVED_FIELDS`.

    ``speakers``: distinct quote speakers as a flat keyword list (Kibana Lens
    cannot aggregate nested fields). ``day``: the Jakarta date of publication,
    else of fetching, which date filters and "newest first" use in both stores,
    so articles without a publication date are still found by date.
    """
    doc = article.to_doc()
    doc["speakers"] = list(dict.fromkeys(q["speaker"] for q in doc["quotes"] if q.get("speaker")))
    doc["day"] = local_day(article.published or article.fetched)
    return doc


def stored_document(source: dict[str, Any]) -> dict[str, Any]:
    """A stored ES ``_source`` as the backend-independent document."""
    return {k: v for k, v in source.items() if k not in DERIVED_FIELDS}


def bulk_actions(articles: Iterable[Article], index: str) -> Iterator[dict[str, Any]]:
    """Bulk-helper actions indexing each article under its deterministic id through the write alias."""
    for article in articles:
        yield {"_op_type": "index", "_index": index, "_id": article.id, "_source": es_document(article)}


def _term_clause(term: Term) -> dict[str, Any]:
    """One term of :mod:`pantau.store.query` as a ``multi_match``.

    A word matches its stem (``indonesian`` analyzer) or its form as written (``.exact``); a
    phrase only as written, on the ``.exact`` sub-fields, like the SQLite store; a prefix over
    both, at most ``PREFIX_TERMS_MAX`` words (the SQLite store's cap).
    """
    if term.kind == "phrase":
        return {"multi_match": {"query": term.text, "type": "phrase", "fields": list(EXACT_FIELDS)}}
    if term.kind == "prefix":
        return {"multi_match": {"query": term.text, "type": "phrase_prefix", "fields": list(SEARCH_FIELDS),
                                "max_expansions": PREFIX_TERMS_MAX}}
    return {"multi_match": {"query": term.text, "type": "cross_fields", "fields": list(SEARCH_FIELDS),
                            "operator": "and"}}


def _full_text(query: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """(what must match, what must not) for a user query: the full-text part of search and alert matching.

    Plain words go into one ``cross_fields`` multi_match with ``and``: every word must occur, in
    the title or the body, as in the SQLite FTS5 store (rather than all words in one field).
    Phrases, prefixes and OR-groups add one clause each; excluded terms one ``must_not`` each.
    """
    parsed = parse_query(query)
    words = [g[0].text for g in parsed.groups if len(g) == 1 and g[0].kind == "word"]
    clauses = [_term_clause(Term("word", " ".join(words)))] if words else []
    for group in parsed.groups:
        if len(group) == 1 and group[0].kind == "word":
            continue
        alternatives = [_term_clause(term) for term in group]
        clauses.append(alternatives[0] if len(alternatives) == 1
                       else {"bool": {"should": alternatives, "minimum_should_match": 1}})
    must = None if not clauses else clauses[0] if len(clauses) == 1 else {"bool": {"must": clauses}}
    return must, [_term_clause(term) for term in parsed.excluded]


def _speaker_filter(name: str) -> dict[str, Any]:
    """Articles quoting ``name`` or naming them as an official; all words of the name must match."""
    return {
        "bool": {
            "should": [
                {
                    "nested": {
                        "path": "quotes",
                        "query": {"match": {"quotes.speaker.text": {"query": name, "operator": "and"}}},
                    }
                },
                {
                    "nested": {
                        "path": "officials",
                        "query": {"match": {"officials.name.text": {"query": name, "operator": "and"}}},
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }


def _day_range(since: date | None, until: date | None) -> dict[str, Any]:
    """Whole Jakarta calendar days, both ends inclusive, on the derived ``day`` field."""
    bounds: dict[str, str] = {}
    if since is not None:
        bounds["gte"] = since.isoformat()
    if until is not None:
        bounds["lte"] = until.isoformat()
    return {"range": {"day": bounds}}


def _filters(req: SearchRequest) -> list[dict[str, Any]]:
    filters: list[dict[str, Any]] = [{"term": {"tags": tag}} for tag in req.tags]
    if req.region:
        # "Bangka" also finds the regency "Kabupaten Bangka" (and "Kota …"), as in the SQLite store.
        regencies = list(names_matching(req.region))
        filters.append({
            "bool": {
                "should": [
                    {"term": {"regions.province": req.region}},
                    {"terms": {"regions.regency": regencies}},
                ],
                "minimum_should_match": 1,
            }
        })
    if req.outlet:
        filters.append({"term": {"outlet": req.outlet}})
    if req.speaker and req.speaker.strip():
        filters.append(_speaker_filter(req.speaker.strip()))
    if req.since is not None or req.until is not None:
        filters.append(_day_range(req.since, req.until))
    return filters


def _bool_query(query: str, filters: list[dict[str, Any]]) -> tuple[dict[str, Any], bool]:
    """The ``bool`` query of a user query and filters, and whether it has words to rank by."""
    text, excluded = _full_text(query)
    clauses: dict[str, Any] = {"must": [text or {"match_all": {}}], "filter": filters}
    if excluded:
        clauses["must_not"] = excluded
    return {"bool": clauses}, text is not None


def build_search_body(req: SearchRequest) -> dict[str, Any]:
    """The ``_search`` body for a :class:`SearchRequest` (pure; golden-tested).

    A query ranks by relevance; an empty query lists newest first (by the
    Jakarta day of publication, else of fetching, like the SQLite store). The
    body highlight is one ~160-character fragment with the terms in
    ``HIGHLIGHT_PRE``/``HIGHLIGHT_POST``; ``no_match_size`` gives hits without
    a body match (title-only hits, empty query) a lead snippet too.
    """
    query, ranked = _bool_query(req.query, _filters(req))
    body: dict[str, Any] = {
        "size": req.limit,
        "query": query,
        "_source": list(HIT_SOURCE_FIELDS),
        "highlight": {
            "pre_tags": [HIGHLIGHT_PRE],
            "post_tags": [HIGHLIGHT_POST],
            "fields": {
                "body": {
                    "fragment_size": SNIPPET_CHARS, "number_of_fragments": 1, "no_match_size": SNIPPET_CHARS,
                },
            },
        },
    }
    if not ranked:  # nothing to rank by (no words, or only words to leave out): newest first
        body["sort"] = [
            {"day": {"order": "desc"}},
            {"published": {"order": "desc", "missing": "_last"}},
            {"fetched": {"order": "desc"}},
        ]
    return body


def build_matches_body(url: str, query: str) -> dict[str, Any]:
    """The ``_count`` body telling whether the article at ``url`` matches a user query."""
    return {"query": _bool_query(query, [{"ids": {"values": [article_id(url)]}}])[0]}


# Sets one document's mark; a document whose mark is already right is left alone (no new version).
MARK_STORY_SCRIPT = (
    "def wanted = ctx._id == params.original_id ? null : params.original; "
    "if (ctx._source.duplicate_of == wanted) { ctx.op = 'noop' } else { ctx._source.duplicate_of = wanted }"
)


def build_mark_story_body(original: str, copies: Sequence[str]) -> dict[str, Any]:
    """The ``_update_by_query`` body of ``mark_story``: the original unmarked; the copies, and the articles
    marked as their copies, marked as copies of the original."""
    should: list[dict[str, Any]] = [{"ids": {"values": [article_id(u) for u in (original, *copies)]}}]
    if copies:
        should.append({"terms": {"duplicate_of": list(copies)}})
    return {
        "query": {"bool": {"should": should, "minimum_should_match": 1}},
        "script": {"lang": "painless", "source": MARK_STORY_SCRIPT,
                   "params": {"original": original, "original_id": article_id(original)}},
    }


def build_export_body(since: date | None) -> dict[str, Any]:
    """The scan body for ``export``: oldest fetched first, optionally from a Jakarta day on."""
    query: dict[str, Any] = {"match_all": {}}
    if since is not None:
        day = local_day(since) if isinstance(since, datetime) else since.isoformat()
        query = {"range": {"day": {"gte": day}}}
    return {"query": query, "sort": [{"fetched": {"order": "asc"}}, {"url": {"order": "asc"}}]}


def search_hit(raw: dict[str, Any]) -> SearchHit:
    """A hit of a ``_search`` response, its body highlight as a one-line snippet."""
    src = raw["_source"]
    fragments = raw.get("highlight", {}).get("body") or []
    snippet = " ".join(fragments[0].split()) if fragments else ""
    return SearchHit.from_doc({**src, "id": raw["_id"]}, round(float(raw.get("_score") or 0.0), 4), snippet)
