"""Article stores: SQLite (FTS5) by default, Elasticsearch when a URL is configured."""

from __future__ import annotations

from pantau.config import Config
from pantau.store.base import ArticleStore, SearchHit, SearchRequest, UpsertOutcome

__all__ = ["ArticleStore", "SearchHit", "SearchRequest", "UpsertOutcome", "open_store"]


def open_store(config: Config) -> ArticleStore:
    """The configured store, ready to use (for Elasticsearch: template, index and alias exist)."""
    if config.store.elasticsearch_url:
        from pantau.store.elastic import ElasticStore

        store = ElasticStore(config.store.elasticsearch_url, config.store.index)
        store.ensure_index()
        return store
    from pantau.store.sqlite import open_sqlite

    return open_sqlite(config.db_path)
