"""The Elasticsearch article store, in three parts.

* :mod:`~pantau.store.elastic.client`: the client, and its errors as one-line messages;
* :mod:`~pantau.store.elastic.bodies`: every request body, built by pure functions (golden-tested);
* :mod:`~pantau.store.elastic.store`: :class:`ElasticStore`, which sends them.

Importing this package loads the Elasticsearch client, so callers import it only when a server
is configured (see :func:`pantau.store.open_store`).
"""

from pantau.store.elastic.bodies import (
    CURRENT_MAPPING_VERSION,
    build_export_body,
    build_mark_story_body,
    build_matches_body,
    build_search_body,
    bulk_actions,
    es_document,
    load_index_template,
)
from pantau.store.elastic.client import make_client
from pantau.store.elastic.store import DEFAULT_INDEX, ElasticStore

__all__ = [
    "CURRENT_MAPPING_VERSION",
    "DEFAULT_INDEX",
    "ElasticStore",
    "build_export_body",
    "build_mark_story_body",
    "build_matches_body",
    "build_search_body",
    "bulk_actions",
    "es_document",
    "load_index_template",
    "make_client",
]
